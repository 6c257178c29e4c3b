#!/bin/sh
# Regenerates dictionaries/en/terms/wordnet-nouns.terms (WordNet's multi-word nouns, see
# tools/gen_wordnet_terms.py) from Debian's wordnet-base, installing it when missing.
# usage: sh scripts/gen-wordnet-terms.sh > dictionaries/en/terms/wordnet-nouns.terms
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f /usr/share/wordnet/data.noun ]; then
  apt-get install -y --no-install-recommends wordnet-base >&2
fi
exec python3 "$root/tools/gen_wordnet_terms.py" --exclude "$root/dictionaries/en/terms/wordnet-nouns.excluded" "$@"
