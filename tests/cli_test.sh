#!/usr/bin/env bash
# The despin CLI as a user runs it. $DESPIN is the binary under test.
set -u
: "${DESPIN:?set DESPIN to the despin binary}"
. "$(dirname "$0")/check_lib.sh"

cat > "$tmp/t.dict" <<'DICT'
on the off chance that => if
pundits => critics
DICT
printf 'On the off chance that pundits agree.\n' > "$tmp/spun.txt"
printf 'Nothing to see here.\n' > "$tmp/clean.txt"

# Filter: file and stdin.
out=$("$DESPIN" --no-default-dict --dict "$tmp/t.dict" "$tmp/spun.txt"); rc=$?
check "file to stdout" test "$out" = "If critics agree." -a $rc -eq 0
out=$("$DESPIN" --no-default-dict --dict "$tmp/t.dict" < "$tmp/spun.txt")
check "stdin to stdout" test "$out" = "If critics agree."
"$DESPIN" --no-default-dict --dict "$tmp/t.dict" -o "$tmp/out.txt" "$tmp/spun.txt"
check "-o writes a file" test "$(cat "$tmp/out.txt")" = "If critics agree."

# Empty input: empty output, exit 0.
out=$("$DESPIN" < /dev/null); rc=$?
check "empty input" test -z "$out" -a $rc -eq 0

# Missing file and directory: named on stderr, exit 2, other files still processed.
out=$("$DESPIN" --no-default-dict --dict "$tmp/t.dict" "$tmp/missing.txt" "$tmp/spun.txt" 2> "$tmp/err"); rc=$?
check "missing file exit 2" test $rc -eq 2
check "missing file named" grep -q "missing.txt: No such file or directory" "$tmp/err"
check "other files processed" test "$out" = "If critics agree."
"$DESPIN" "$tmp" > /dev/null 2> "$tmp/err"; rc=$?
check "directory exit 2" test $rc -eq 2
check "directory named" grep -q "is a directory" "$tmp/err"

# Usage errors exit 2.
"$DESPIN" --no-such-option < /dev/null > /dev/null 2>&1; rc=$?
check "unknown option exit 2" test $rc -eq 2
printf 'broken\n' > "$tmp/bad.dict"
"$DESPIN" --dict "$tmp/bad.dict" < /dev/null > /dev/null 2> "$tmp/err"; rc=$?
check "bad dictionary exit 2" test $rc -eq 2
check "bad dictionary located" grep -q "bad.dict:1:7: expected '=>'" "$tmp/err"

# --check: exit 1 on spun text, 0 on clean text, no text on stdout.
out=$("$DESPIN" --check --no-default-dict --dict "$tmp/t.dict" "$tmp/spun.txt" 2> "$tmp/err"); rc=$?
check "--check spun exit 1" test $rc -eq 1 -a -z "$out"
check "--check prints stats" grep -q "spin score" "$tmp/err"
"$DESPIN" --check --no-default-dict --dict "$tmp/t.dict" "$tmp/clean.txt" 2> /dev/null; rc=$?
check "--check clean exit 0" test $rc -eq 0

# --json: one object per document.
"$DESPIN" --json --no-default-dict --dict "$tmp/t.dict" "$tmp/spun.txt" "$tmp/clean.txt" > "$tmp/out.jsonl"
check "--json one line per document" test "$(wc -l < "$tmp/out.jsonl")" -eq 2
check "--json fields" python3 -c '
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
e = docs[0]["edits"]
assert docs[0]["text"] == "If critics agree.\n", docs[0]
assert e[0] == {"offset": 0, "length": 22, "original": "On the off chance that", "replacement": "If",
                "rule": sys.argv[2] + ":1", "kind": "phrase", "confidence": 0.9}, e[0]
assert docs[1]["edits"] == [] and docs[1]["spin_score"] == 0
' "$tmp/out.jsonl" "$tmp/t.dict"

# --list: one line per restoration, FILE:LINE:COLUMN, in text order; nothing for a clean file.
printf 'Nothing here.\nSo on the off chance that pundits agree.\n' > "$tmp/two-lines.txt"
"$DESPIN" --list --no-default-dict --dict "$tmp/t.dict" "$tmp/two-lines.txt" > "$tmp/list"; rc=$?
check "--list exit 0" test $rc -eq 0
check "--list first restoration" test "$(sed -n 1p "$tmp/list")" = "$tmp/two-lines.txt:2:4: 'on the off chance that' -> 'if' (phrase, 0.90, $tmp/t.dict:1)"
check "--list second restoration" test "$(sed -n 2p "$tmp/list")" = "$tmp/two-lines.txt:2:27: 'pundits' -> 'critics' (phrase, 0.90, $tmp/t.dict:2)"
check "--list nothing else" test "$(wc -l < "$tmp/list")" -eq 2
out=$("$DESPIN" --list --no-default-dict --dict "$tmp/t.dict" "$tmp/clean.txt")
check "--list clean file prints nothing" test -z "$out"
"$DESPIN" --list --json "$tmp/spun.txt" > /dev/null 2> "$tmp/err"; rc=$?
check "--list with --json refused" test $rc -eq 2
check "--list with --json named" grep -q -- "--list" "$tmp/err"

# --diff shows the changed line.
"$DESPIN" --diff --no-default-dict --dict "$tmp/t.dict" "$tmp/spun.txt" > "$tmp/diff"
check "--diff old line" grep -qx -- "-On the off chance that pundits agree." "$tmp/diff"
check "--diff new line" grep -qx -- "+If critics agree." "$tmp/diff"

# Invalid UTF-8: replaced and warned about, never dropped silently.
printf 'pundits \xff ok\n' | "$DESPIN" --no-default-dict --dict "$tmp/t.dict" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "invalid UTF-8 exit 0" test $rc -eq 0
check "invalid UTF-8 replaced" test "$(cat "$tmp/out")" = "critics $(printf '\xef\xbf\xbd') ok"
check "invalid UTF-8 warned" grep -q "1 invalid UTF-8 sequence" "$tmp/err"

# --version and --help.
check "--version" bash -c '"$1" --version | grep -Eq "^despin [0-9]+\.[0-9]+\.[0-9]+$"' _ "$DESPIN"
check "--help" bash -c '"$1" --help | grep -q -- "--no-default-dict"' _ "$DESPIN"

# The built-in dictionary restores a classic idiom with no options at all.
out=$(printf 'Be that as it may, it worked.\n' | "$DESPIN")
check "builtin dictionary" test "$out" = "However, it worked."

# Bytes despin does not rewrite pass through exactly: CRLF, a byte order mark, NUL bytes.
printf '\xef\xbb\xbfpundits\r\nsaid\0 no\r\n' > "$tmp/odd.txt"
printf '\xef\xbb\xbfcritics\r\nsaid\0 no\r\n' > "$tmp/odd.expected"
"$DESPIN" --no-default-dict --dict "$tmp/t.dict" "$tmp/odd.txt" > "$tmp/odd.out"; rc=$?
check "CRLF, BOM and NUL kept" cmp -s "$tmp/odd.out" "$tmp/odd.expected"
check "CRLF, BOM and NUL exit 0" test $rc -eq 0

# A 50 MB single line (no line break at all) is processed whole.
python3 -c '
import sys
sys.stdout.write("pundits say yes, " * (50 * 1024 * 1024 // 17))' > "$tmp/long.txt"
"$DESPIN" --no-default-dict --dict "$tmp/t.dict" "$tmp/long.txt" > "$tmp/long.out"; rc=$?
check "50 MB line exit 0" test $rc -eq 0
check "50 MB line restored throughout" python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
n = 50 * 1024 * 1024 // 17
# Cleanup trims the one trailing space at the end of the line.
sys.exit(0 if data == (b"critics say yes, " * n).rstrip(b" ") else 1)' "$tmp/long.out"

# Cleanup is on by default and reported; --no-clean and --no-clean-step switch it off.
printf 'pundits\xc2\xa0agree &amp; more  \n' > "$tmp/debris.txt"
check "cleanup by default" test "$("$DESPIN" --no-default-dict --dict "$tmp/t.dict" "$tmp/debris.txt")" = "critics agree & more"
check "cleanup edits in --json" bash -c '"$1" --json "$2" | grep -q "\"rule\":\"clean:entity\""' _ "$DESPIN" "$tmp/debris.txt"
"$DESPIN" --no-clean --no-default-dict "$tmp/debris.txt" > "$tmp/raw.out"
check "--no-clean --no-default-dict is the identity" cmp -s "$tmp/raw.out" "$tmp/debris.txt"
check "--no-clean-step" test "$("$DESPIN" --no-default-dict --no-clean-step entities "$tmp/debris.txt")" = "pundits agree &amp; more"
"$DESPIN" --no-clean-step bogus "$tmp/debris.txt" 2> /dev/null; rc=$?
check "unknown cleanup step exit 2" test $rc -eq 2

# A compiled engine: 'despin compile' then '--engine' gives the output of the dictionaries it
# was compiled from; a damaged or foreign file is refused naming it; --engine excludes --dict.
"$DESPIN" compile --no-default-dict --dict "$tmp/t.dict" "$tmp/t.despin" 2> "$tmp/err"; rc=$?
check "compile exit 0" test $rc -eq 0
check "compile reports what it wrote" grep -q "t.despin" "$tmp/err"
check "--engine restores as --dict" test "$("$DESPIN" --engine "$tmp/t.despin" "$tmp/spun.txt")" = "If critics agree."
"$DESPIN" compile "$tmp/full.despin" 2> /dev/null
check "--engine with the built-in dictionary" bash -c 'cmp -s <("$1" --engine "$2" "$3") <("$1" "$3")' _ "$DESPIN" "$tmp/full.despin" "$tmp/debris.txt"
head -c 100 "$tmp/t.despin" > "$tmp/cut.despin"
"$DESPIN" --engine "$tmp/cut.despin" "$tmp/spun.txt" > /dev/null 2> "$tmp/err"; rc=$?
check "truncated engine exit 2" test $rc -eq 2
check "truncated engine named with its byte" grep -q "cut.despin: byte [0-9]*:" "$tmp/err"
"$DESPIN" --engine "$tmp/t.dict" "$tmp/spun.txt" > /dev/null 2> "$tmp/err"; rc=$?
check "a dictionary is not an engine" grep -q "t.dict: not a compiled despin engine" "$tmp/err"
"$DESPIN" --engine "$tmp/missing.despin" "$tmp/spun.txt" > /dev/null 2> "$tmp/err"; rc=$?
check "missing engine exit 2" test $rc -eq 2
"$DESPIN" --engine "$tmp/t.despin" --dict "$tmp/t.dict" "$tmp/spun.txt" > /dev/null 2>&1; rc=$?
check "--engine excludes --dict" test $rc -eq 2
"$DESPIN" compile --dict "$tmp/bad.dict" "$tmp/bad.despin" 2> /dev/null; rc=$?
check "compile of a bad dictionary exit 2, nothing written" test $rc -eq 2 -a ! -e "$tmp/bad.despin"

# The built-in engine the program embeds: should it fail to load (a build gone wrong), despin
# warns and compiles the built-in dictionary instead, with the same output. A copy of the
# program with one byte of the embedded engine changed (found by the bytes `despin compile`
# writes for the built-in dictionary, which are the embedded ones) fails its checksum.
python3 - "$DESPIN" "$tmp/full.despin" "$tmp/damaged-despin" <<'PY'
import sys
program = bytearray(open(sys.argv[1], "rb").read())
engine = open(sys.argv[2], "rb").read()
at = program.find(engine[:256])
assert at >= 0 and program.find(engine[:256], at + 1) < 0, "the embedded engine, once"
program[at + len(engine) // 2] ^= 0xFF
open(sys.argv[3], "wb").write(program)
PY
chmod +x "$tmp/damaged-despin"
"$tmp/damaged-despin" "$tmp/spun.txt" > "$tmp/fallback.out" 2> "$tmp/err"; rc=$?
check "a damaged embedded engine: exit 0" test $rc -eq 0
check "a damaged embedded engine: warned" grep -q "warning: .*checksum mismatch.*compiling the built-in dictionary instead" "$tmp/err"
check "a damaged embedded engine: the same restoration" test "$(cat "$tmp/fallback.out")" = "If critics agree."
check "the embedded engine loads: no warning" bash -c 'test -z "$("$1" "$2" 2>&1 >/dev/null)"' _ "$DESPIN" "$tmp/spun.txt"

# --assume-spun: an ambiguous entry needs evidence of spin, which one short sentence lacks;
# a user who knows the text is spun says so, and the restoration is made and reported.
cat > "$tmp/amb.dict" <<'DICT'
pundits => critics ; ambiguous
DICT
printf 'The pundits agree.\n' > "$tmp/amb.txt"
out=$("$DESPIN" --no-default-dict --dict "$tmp/amb.dict" "$tmp/amb.txt")
check "ambiguous entry waits for evidence" test "$out" = "The pundits agree."
out=$("$DESPIN" --assume-spun --no-default-dict --dict "$tmp/amb.dict" "$tmp/amb.txt")
check "--assume-spun applies it" test "$out" = "The critics agree."
out=$("$DESPIN" --assume-spun --list --no-default-dict --dict "$tmp/amb.dict" "$tmp/amb.txt")
check "--assume-spun edits are listed" bash -c '[[ "$1" == *"amb.txt:1:5: '"'"'pundits'"'"' -> '"'"'critics'"'"'"* ]]' _ "$out"
"$DESPIN" --stats --no-default-dict --dict "$tmp/amb.dict" "$tmp/amb.txt" > /dev/null 2> "$tmp/err"
check "--stats counts what the evidence rule withheld" grep -q "1 ambiguous reading withheld (no evidence of spin)" "$tmp/err"
check "--json counts it too" bash -c '"$1" --json --no-default-dict --dict "$2" "$3" | grep -q "\"withheld\":1,"' _ "$DESPIN" "$tmp/amb.dict" "$tmp/amb.txt"
check "nothing withheld with --assume-spun" bash -c '"$1" --json --assume-spun --no-default-dict --dict "$2" "$3" | grep -q "\"withheld\":0,"' _ "$DESPIN" "$tmp/amb.dict" "$tmp/amb.txt"
"$DESPIN" --assume-spun --check "$tmp/amb.txt" > /dev/null 2> "$tmp/err"; rc=$?
check "--assume-spun with --check exit 2" test $rc -eq 2
check "--assume-spun with --check says why" grep -q "takes it as spun" "$tmp/err"

finish
