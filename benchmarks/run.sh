#!/bin/sh
# Builds the benchmarks in Release and prints one table: method, input size, MB/s and the ratio
# to ICU word segmentation on the same input. Extra arguments go to Google Benchmark (e.g.
# --benchmark_filter=Rewrite). Set DESPIN_BENCH_INPUT to measure on your own text.
# usage: sh benchmarks/run.sh [BENCHMARK_ARGS...]
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DDESPIN_BUILD_BENCHMARKS=ON -DDESPIN_BUILD_TESTS=OFF > /dev/null
cmake --build build-bench -j2 --target despin_benchmarks > /dev/null
./build-bench/benchmarks/despin_benchmarks --benchmark_format=json "$@" > build-bench/benchmarks.json
python3 - build-bench/benchmarks.json <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
ctx = data["context"]
print(f"# {ctx.get('date')}  {ctx.get('num_cpus')} CPUs @ {ctx.get('mhz_per_cpu')} MHz  build: {ctx.get('build_flags')}")
rows, icu = [], {}
repeated = any(b.get("run_type") == "aggregate" for b in data["benchmarks"])
for b in data["benchmarks"]:
    # With --benchmark_repetitions, the table shows each benchmark's median.
    if repeated and b.get("aggregate_name") != "median":
        continue
    name, _, size = b.get("run_name", b["name"]).partition("/")
    if "bytes_per_second" not in b:
        print(f"{b['name']:32} {b['real_time']:.1f} {b['time_unit']} (CPU {b['cpu_time']:.1f})")
        continue
    mbs = b["bytes_per_second"] / 1e6
    if name == "BM_RewriteByDictionarySize":
        name, size = f"rewrite +{size} entries", 1 << 20
    rows.append((name, int(size), mbs))
    if name == "BM_IcuSegmentation":
        icu[int(size)] = mbs
print(f"{'method':24} {'input':>10} {'MB/s':>9} {'x ICU':>7}")
for name, size, mbs in rows:
    ratio = mbs / icu[size] if size in icu else float("nan")
    print(f"{name:24} {size:>10} {mbs:9.1f} {ratio:7.2f}")
PY
