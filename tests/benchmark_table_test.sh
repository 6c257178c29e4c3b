#!/bin/sh
# benchmarks/table.py, the table that `sh benchmarks/run.sh` prints, on Google Benchmark JSON
# written for the test: one run of each benchmark, and medians of repetitions (the other
# aggregates left out). Benchmarks without a size argument (BM_CatastrophicRules, the loads)
# once stopped the table with a traceback; a failed benchmark is shown with its message.
# usage: benchmark_table_test.sh SOURCE_DIR
set -u
src=$1
data=$src/tests/data/benchmarks
status=0
for case in single repeated; do
  if ! python3 "$src/benchmarks/table.py" "$data/$case.json" > "$case.out" 2> "$case.err"; then
    echo "FAIL $case: table.py exited non-zero"; cat "$case.err"; status=1
  elif ! diff -u "$data/$case.expected" "$case.out"; then
    echo "FAIL $case: the table differs from $case.expected"; status=1
  else
    echo "ok $case"
  fi
done
# A file that is not there: a one-line message naming it, exit 2.
python3 "$src/benchmarks/table.py" "$data/missing.json" > missing.out 2> missing.err
code=$?
if [ "$code" -ne 2 ] || ! grep -q "missing.json" missing.err; then
  echo "FAIL missing: exit $code, stderr: $(cat missing.err)"; status=1
else
  echo "ok missing"
fi
rm -f single.out single.err repeated.out repeated.err missing.out missing.err
exit $status
