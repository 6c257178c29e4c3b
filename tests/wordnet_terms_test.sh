#!/bin/sh
# dictionaries/en/terms/wordnet-nouns.terms is what tools/gen_wordnet_terms.py writes: sorted
# bytewise, no repeats, lower-case multi-word terms, none of the reviewed exclusions; and the
# generator keeps exactly the lower-case multi-word nouns of its input (checked on a made-up
# WordNet data file with a name, a one-word lemma, an excluded lemma and a license header).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
python3 - "$root/dictionaries/en/terms/wordnet-nouns.terms" "$root/dictionaries/en/terms/wordnet-nouns.excluded" <<'PY'
import re, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l and not l.startswith("#")]
assert len(lines) > 30000, len(lines)
assert [t.encode() for t in lines] == sorted(t.encode() for t in lines), "not sorted bytewise"
assert len(set(lines)) == len(lines), "repeats"
bad = [t for t in lines if not re.fullmatch(r"[a-z][a-z'-]*( [a-z][a-z'-]*)+", t)]
assert not bad, bad[:5]
excluded = {l.split("#")[0].strip() for l in open(sys.argv[2], encoding="utf-8")} - {""}
assert excluded and not excluded & set(lines), excluded & set(lines)
PY
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/data.noun" <<'DATA'
  1 This software and database is being provided to you, the LICENSEE, by
00001740 03 n 01 entity 0 003 ~ 00001930 n 0000 | that which is perceived
00002000 14 n 02 air_pollution 0 smog 0 000 | pollution of the air
00003000 18 n 01 Abraham_Lincoln 0 000 | a president
00004000 04 n 02 primary_election 0 primary 0 000 | a preliminary election
00005000 06 n 01 research_laboratory 0 000 | a laboratory
DATA
printf 'primary election  # reviewed\n' > "$tmp/excluded"
python3 "$root/tools/gen_wordnet_terms.py" --wordnet "$tmp" --exclude "$tmp/excluded" > "$tmp/out.terms"
got=$(grep -v '^#' "$tmp/out.terms" | grep . | tr '\n' '|')
test "$got" = 'air pollution|research laboratory|' || { echo "generator gave: $got"; exit 1; }
echo "wordnet terms: ok"
