#!/usr/bin/env python3
"""Check that applying `despin --json` edits to each input gives despin's output exactly.

usage: check_json_edits.py DESPIN PATH...   (a PATH may be a directory: its *.spun.txt files)
Edits are byte offsets into the input; this applies them on bytes, independently of despin.
"""
import json
import pathlib
import subprocess
import sys


def check(despin, path):
    data = path.read_bytes()
    plain = subprocess.run([despin, str(path)], capture_output=True, check=True).stdout
    doc = json.loads(subprocess.run([despin, "--json", str(path)], capture_output=True, check=True).stdout)
    out, pos = bytearray(), 0
    for e in doc["edits"]:
        assert e["offset"] >= pos, f"{path}: edits overlap or are unsorted at {e['offset']}"
        original = data[e["offset"]:e["offset"] + e["length"]]
        if e["kind"] != "decode":
            assert original.decode("utf-8") == e["original"], f"{path}: edit at {e['offset']} misreports its original"
        out += data[pos:e["offset"]] + e["replacement"].encode("utf-8")
        pos = e["offset"] + e["length"]
    out += data[pos:]
    assert bytes(out) == plain, f"{path}: applying the edits does not give the output"
    assert doc["text"].encode("utf-8") == plain, f"{path}: --json text differs from the plain output"
    return len(doc["edits"])


def main():
    despin, paths = sys.argv[1], sys.argv[2:]
    files = []
    for p in map(pathlib.Path, paths):
        files += sorted(p.glob("*.spun.txt")) if p.is_dir() else [p]
    if not files:
        sys.exit("check_json_edits: no input files")
    failed = 0
    for f in files:
        try:
            n = check(despin, f)
            print(f"ok   {f.name}: {n} edits reproduce the output")
        except AssertionError as err:
            failed += 1
            print(f"FAIL {err}")
    print(f"{len(files) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
