#!/bin/sh
# lib/common_words.inc is what tools/gen_common_words.py writes: sorted bytewise (the lookup is
# a binary search), no repeats, 5,000 lower-case words, each with its frequency rank (0..4999);
# and the generator picks the most frequent lower-case alphabetic words of its input, ranked
# (checked on a small made-up list).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
python3 - "$root/lib/common_words.inc" <<'PY'
import re, sys
entries = re.findall(r'\{"([^"]*)", (\d+)\}', open(sys.argv[1]).read())
words = [w for w, _ in entries]
assert len(words) == 5000, len(words)
assert sorted(int(r) for _, r in entries) == list(range(5000)), "ranks are not 0..4999"
assert [w.encode() for w in words] == sorted(w.encode() for w in words), "not sorted bytewise"
assert len(set(words)) == len(words), "repeats"
assert all(w.isascii() and w.isalpha() and w.islower() for w in words), "not lower-case words"
PY
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/f.json" <<'JSON'
[{"word": "you", "count": 90}, {"word": "I", "count": 80}, {"word": "work", "count": 70},
 {"word": "don't", "count": 60}, {"word": "zebra", "count": 50}, {"word": "apple", "count": 40},
 {"word": "rare", "count": 1}]
JSON
python3 "$root/tools/gen_common_words.py" "$tmp/f.json" --top 4 > "$tmp/out.inc"
got=$(grep -v '^//' "$tmp/out.inc" | tr -d '\n')
test "$got" = '{"apple", 3}, {"work", 1}, {"you", 0}, {"zebra", 2},' || { echo "generator gave: $got"; exit 1; }
echo "common words: ok"
