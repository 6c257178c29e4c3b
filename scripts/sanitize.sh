#!/bin/sh
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer in build-asan/ and runs
# the whole test suite there. The install test is left out: it links a consumer program
# against the installed static library, which would need the sanitizer runtime too.
# usage: sh scripts/sanitize.sh
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDESPIN_SANITIZE=ON > /dev/null
cmake --build build-asan -j2 > /dev/null
DESPIN_SKIP_HUGE=${DESPIN_SKIP_HUGE:-1} ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -E install_and_consume
