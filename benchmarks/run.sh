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
python3 benchmarks/table.py build-bench/benchmarks.json
