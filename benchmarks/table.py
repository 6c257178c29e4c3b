#!/usr/bin/env python3
# Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
"""Prints Google Benchmark JSON output (--benchmark_format=json) as one table: method, input
size, MB/s and the ratio to ICU word segmentation on an input of the same size.

usage: table.py BENCHMARKS.json

With --benchmark_repetitions the table shows each benchmark's median. A benchmark that sets no
bytes/s (loading, engine creation) is printed with its time; one that sets bytes/s but takes no
size argument (BM_CatastrophicRules: one fixed input) has no ICU figure to compare with, so its
ratio is left out.
"""
import json
import sys


def rows_of(data):
    benchmarks = data.get("benchmarks", [])
    repeated = any(b.get("run_type") == "aggregate" for b in benchmarks)
    for b in benchmarks:
        if repeated and b.get("aggregate_name") != "median":
            continue
        if b.get("error_occurred"):
            yield ("error", b.get("run_name", b["name"]), b.get("error_message", ""))
            continue
        name, _, arg = b.get("run_name", b["name"]).partition("/")
        if "bytes_per_second" not in b:
            yield ("time", b.get("run_name", b["name"]), f"{b['real_time']:.1f} {b['time_unit']} (CPU {b['cpu_time']:.1f})")
            continue
        mbs = b["bytes_per_second"] / 1e6
        if name == "BM_RewriteByDictionarySize":
            # Its argument is the number of extra entries; the input is always 1 MiB.
            yield ("rate", f"rewrite +{arg} entries", 1 << 20, mbs)
        else:
            yield ("rate", name, int(arg) if arg.isdigit() else None, mbs)


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        print(f"table.py: {argv[1]}: {e}", file=sys.stderr)
        return 2
    ctx = data.get("context", {})
    print(f"# {ctx.get('date')}  {ctx.get('num_cpus')} CPUs @ {ctx.get('mhz_per_cpu')} MHz  "
          f"build: {ctx.get('build_flags')}")
    rows = list(rows_of(data))
    icu = {r[2]: r[3] for r in rows if r[0] == "rate" and r[1] == "BM_IcuSegmentation"}
    for r in rows:
        if r[0] == "time":
            print(f"{r[1]:32} {r[2]}")
        elif r[0] == "error":
            print(f"{r[1]:32} error: {r[2]}")
    print(f"{'method':24} {'input':>10} {'MB/s':>9} {'x ICU':>7}")
    for kind, name, size, mbs in (r for r in rows if r[0] == "rate"):
        ratio = f"{mbs / icu[size]:7.2f}" if size in icu else f"{'-':>7}"
        print(f"{name:24} {size if size is not None else '-':>10} {mbs:9.1f} {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
