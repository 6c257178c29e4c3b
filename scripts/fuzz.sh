#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and runs each for
# SECONDS (default 60) over its seed corpus in tests/fuzz/seeds/ (TARGET/ and, when present,
# TARGET-merged.tar.gz: a long campaign's corpus minimised with -merge=1). New inputs go to a scratch
# directory, never into the repository. Exits non-zero when a target finds a crash or a broken
# invariant; the reproducer is left in build-fuzz/findings/.
# usage: sh scripts/fuzz.sh [SECONDS]
set -eu
seconds=${1:-60}
cd "$(dirname "$0")/.."
# libFuzzer and the sanitizer runtimes come with clang 14, which is not a build dependency:
# installed when missing unless CXX_FUZZ names another compiler.
[ -n "${CXX_FUZZ:-}" ] || sh scripts/install-deps.sh clang-14 libclang-rt-14-dev
CXX=${CXX_FUZZ:-clang++-14} CC=${CC_FUZZ:-clang-14} cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDESPIN_BUILD_FUZZERS=ON -DDESPIN_BUILD_TESTS=OFF > /dev/null
cmake --build build-fuzz -j2 --target fuzz_dictionary fuzz_engine fuzz_jsonl fuzz_clean fuzz_snapshot fuzz_rule_words > /dev/null
mkdir -p build-fuzz/findings
status=0
for target in dictionary engine jsonl clean snapshot rule_words; do
  work=$(mktemp -d)
  cp tests/fuzz/seeds/$target/* "$work/"
  # A long campaign's corpus, minimised with -merge=1, is kept as one archive per target.
  if [ -f tests/fuzz/seeds/$target-merged.tar.gz ]; then tar -xzf tests/fuzz/seeds/$target-merged.tar.gz -C "$work"; fi
  printf '== fuzz_%s for %s s: ' "$target" "$seconds"
  # A compiled engine's payload is some kilobytes even for a handful of entries.
  max_len=4096; [ "$target" = snapshot ] && max_len=16384
  if ./build-fuzz/tests/fuzz/fuzz_$target -max_total_time="$seconds" -max_len=$max_len -timeout=10 -rss_limit_mb=4096 \
       -print_final_stats=1 -artifact_prefix=build-fuzz/findings/$target- "$work" > build-fuzz/fuzz_$target.log 2>&1; then
    grep -E "stat::number_of_executed_units" build-fuzz/fuzz_$target.log | awk '{print $2 " executions, no finding"}'
  else
    echo "FINDING (see build-fuzz/fuzz_$target.log and build-fuzz/findings/)"
    tail -30 build-fuzz/fuzz_$target.log
    status=1
  fi
  rm -rf "$work"
done
exit $status
