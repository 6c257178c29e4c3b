#!/usr/bin/env bash
# Installs the built project into a scratch prefix, then builds and runs a consumer program
# against it twice: with CMake's find_package(despin) and with pkg-config.
# usage: install_consumer_test.sh BUILD_DIR CONSUMER_SOURCE_DIR SCRATCH_DIR
set -eu
build=$1 src=$2 scratch=$3
rm -rf "$scratch"
cmake --install "$build" --prefix "$scratch/prefix" > /dev/null
test -x "$scratch/prefix/bin/despin"
test -f "$scratch/prefix/include/despin/despin.hpp"

cmake -S "$src" -B "$scratch/cmake-build" -DCMAKE_PREFIX_PATH="$scratch/prefix" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$scratch/cmake-build" > /dev/null
"$scratch/cmake-build/consumer"

export PKG_CONFIG_PATH="$scratch/prefix/lib/pkgconfig:$(ls -d "$scratch"/prefix/lib/*/pkgconfig 2>/dev/null | tr '\n' ':')"
# shellcheck disable=SC2046
c++ -std=c++20 "$src/main.cpp" -o "$scratch/consumer-pc" $(pkg-config --cflags --libs --static despin)
"$scratch/consumer-pc"
echo "install test: find_package and pkg-config consumers both work"
