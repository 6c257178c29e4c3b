#!/usr/bin/env bash
# Batch throughput with 1 and 2 jobs, and peak memory on JSON Lines of two sizes.
# usage: benchmarks/batch_scaling.sh DESPIN [DOCS] [SMALL_MB] [LARGE_MB]
# Generates DOCS documents (default 24000, about 41 MB: loading the engine, 0.2 s that no job
# shares, was a fifth of a 2-job run on 6000) from corpus/*.spun.txt as a directory tree and as
# JSON Lines, runs `despin batch` with -j 1 and -j 2 on each, checks the outputs are identical,
# then measures peak RSS of `despin --jsonl` on SMALL_MB and LARGE_MB (default 100 and 1000) of
# JSON Lines. Prints one table; never fails on speed (figures go to benchmarks/results/).
set -eu
despin=$1 docs=${2:-24000} small=${3:-100} large=${4:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$root/corpus" "$tmp" "$docs" <<'PY'
import json, pathlib, sys
corpus, tmp, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
texts = [f.read_text() for f in sorted(corpus.glob("*.spun.txt"))]
with open(tmp / "docs.jsonl", "w") as out:
    for i in range(n):
        text = f"Document {i}.\n\n" + texts[i % len(texts)]
        d = tmp / "tree" / str(i % 20)
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{i}.txt").write_text(text)
        out.write(json.dumps({"id": i, "text": text}) + "\n")
PY
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" 2> /dev/null || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
mb=$(du -sm "$tmp/docs.jsonl" | cut -f1)
printf '%-22s %6s %8s %9s %8s\n' "input" "jobs" "seconds" "MB/s" "speedup"
for kind in tree jsonl; do
  src=$tmp/tree; [ $kind = jsonl ] && src=$tmp/docs.jsonl
  t1=$(seconds "$despin" batch "$src" "$tmp/out-$kind-1" -j 1)
  t2=$(seconds "$despin" batch "$src" "$tmp/out-$kind-2" -j 2)
  diff -r -q -x summary.json -x .despin-manifest -x errors.jsonl "$tmp/out-$kind-1" "$tmp/out-$kind-2" > /dev/null
  printf '%-22s %6s %8.2f %9.1f %8s\n' "$kind ($docs docs)" 1 "$t1" "$(echo "$mb / $t1" | bc -l)" "1.00"
  printf '%-22s %6s %8.2f %9.1f %8.2f\n' "$kind ($docs docs)" 2 "$t2" "$(echo "$mb / $t2" | bc -l)" "$(echo "$t1 / $t2" | bc -l)"
done
echo "outputs with 1 and 2 jobs: identical"
# Peak memory of the streaming mapper on two input sizes (the input is repeated to size).
for size in "$small" "$large"; do
  python3 - "$tmp/docs.jsonl" "$tmp/big.jsonl" "$size" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "wb") as out:
    for _ in range(max(1, int(sys.argv[3]) * 1024 * 1024 // len(data))):
        out.write(data)
PY
  rss=$( { /usr/bin/time -f '%M' "$despin" --jsonl -j 2 < "$tmp/big.jsonl" > /dev/null; } 2>&1 | tail -1)
  echo "--jsonl on $(du -sm "$tmp/big.jsonl" | cut -f1) MB: peak RSS $((rss / 1024)) MB"
done
