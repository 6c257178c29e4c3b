#!/usr/bin/env bash
# The bad-input suite: what despin does with input a serious Unix tool must survive. Each case
# says the expected behaviour and asserts it. $DESPIN is the binary under test. Set
# DESPIN_SKIP_HUGE=1 to skip the 100 MB case (the sanitizer build does: ASan triples memory).
set -u
: "${DESPIN:?set DESPIN to the despin binary}"
. "$(dirname "$0")/check_lib.sh"
d=$DESPIN
run() {  # run FILE-OR-ARGS...: output in $tmp/out, messages in $tmp/err, status in $rc
  "$d" "$@" > "$tmp/out" 2> "$tmp/err"; rc=$?
}
hex() { od -An -tx1 "$1" | tr -d ' \n'; }
valid_utf8() { python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$1" 2> /dev/null; }

# 1. Empty input: empty output, exit 0.
: > "$tmp/empty"; run "$tmp/empty"
check "empty: nothing out, exit 0" test ! -s "$tmp/out" -a $rc -eq 0
# 2. Only white space: white space out (trailing spaces trimmed), exit 0.
printf '   \n\t\n' > "$tmp/ws"; run "$tmp/ws"
check "white space only: exit 0, nothing but white space out" test $rc -eq 0 -a -z "$(tr -d ' \t\n' < "$tmp/out")"
# 3-8. Invalid UTF-8 of every kind: each maximal bad sequence becomes U+FFFD, with a warning.
for case in "overlong:c0af" "surrogate:eda080" "truncated-at-end:61e282" "lone-continuation:80" \
            "byte-f8:f8" "above-10ffff:f4908080"; do
  name=${case%%:*} bytes=${case#*:}
  printf "$(echo "$bytes" | sed 's/../\\x&/g')" > "$tmp/bad"
  run "$tmp/bad"
  check "invalid UTF-8 ($name): exit 0, warned" test $rc -eq 0 -a -n "$(grep 'invalid UTF-8' "$tmp/err")"
  check "invalid UTF-8 ($name): output is valid UTF-8" valid_utf8 "$tmp/out"
done
# 9. NUL bytes pass through.
printf 'a\0b' > "$tmp/nul"; run --no-default-dict "$tmp/nul"
check "NUL bytes kept" test "$(hex "$tmp/out")" = "610062"
# 10. A byte order mark is kept.
printf '\xef\xbb\xbfhi\n' > "$tmp/bom"; run "$tmp/bom"
check "BOM kept" test "$(hex "$tmp/out")" = "efbbbf68690a"
# 11. CR LF line ends are kept.
printf 'a\r\nb\r\n' > "$tmp/crlf"; run "$tmp/crlf"
check "CR LF kept" test "$(hex "$tmp/out")" = "610d0a620d0a"
# 12. A lone CR is kept.
printf 'a\rb' > "$tmp/cr"; run "$tmp/cr"
check "lone CR kept" test "$(hex "$tmp/out")" = "610d62"
# 13. A 100 MB single line is processed whole.
if [ "${DESPIN_SKIP_HUGE:-0}" != 1 ]; then
  python3 -c 'import sys; sys.stdout.write("on the off chance that it rains, " * (100 * 1024 * 1024 // 33))' > "$tmp/huge"
  run "$tmp/huge"
  check "100 MB line: exit 0, restored throughout" python3 -c '
import sys
n = 100 * 1024 * 1024 // 33
sys.exit(0 if open(sys.argv[1], "rb").read() == (b"if it rains, " * n).rstrip(b" ") else 1)' "$tmp/out"
  rm -f "$tmp/huge" "$tmp/out"
fi
# 14. Binary data: no crash, valid UTF-8 out, warned.
head -c 1000000 "$d" > "$tmp/binary"; run "$tmp/binary"
check "binary data: exit 0, valid UTF-8 out" test $rc -eq 0
check "binary data: warned" grep -q "invalid UTF-8" "$tmp/err"
valid_utf8 "$tmp/out"; check "binary data: output is valid UTF-8" test $? -eq 0
# 15. A directory: named, exit 2.
run "$tmp"
check "directory: named, exit 2" test $rc -eq 2 -a -n "$(grep 'is a directory' "$tmp/err")"
# 16. A missing file among others: named, exit 2, the others processed.
printf 'all agree\n' > "$tmp/ok.txt"; run "$tmp/missing" "$tmp/ok.txt"
check "missing file: named, exit 2, others processed" \
  test $rc -eq 2 -a -n "$(grep 'missing: No such file' "$tmp/err")" -a "$(cat "$tmp/out")" = "all agree"
# 17. Standard input closed: treated as empty input.
"$d" <&- > "$tmp/out" 2> "$tmp/err"; rc=$?
check "stdin closed: no crash" test $rc -eq 0 -o $rc -eq 2
# 18. Standard output closed: a write error, exit 2.
"$d" "$tmp/ok.txt" >&- 2> "$tmp/err"; rc=$?
check "stdout closed: exit 2, says so" test $rc -eq 2 -a -n "$(grep 'write error' "$tmp/err")"
# 19. The reader goes away (| head -c1): ends quietly (SIGPIPE or write error), no crash report.
python3 -c 'print("pundits agree " * 200000)' > "$tmp/big.txt"
"$d" "$tmp/big.txt" 2> "$tmp/err" | head -c1 > /dev/null; rc=${PIPESTATUS[0]}
check "reader gone: no crash" test $rc -eq 141 -o $rc -eq 2 -o $rc -eq 0
check "reader gone: no sanitizer or abort report" test -z "$(grep -E 'Sanitizer|Aborted|terminate' "$tmp/err")"
# 20. Disk full on -o: exit 2, names the file.
run -o /dev/full "$tmp/ok.txt"
check "disk full: exit 2, names the file" test $rc -eq 2 -a -n "$(grep 'write error on /dev/full' "$tmp/err")"
# 21. -o into a missing directory: exit 2, named.
run -o "$tmp/nodir/out.txt" "$tmp/ok.txt"
check "-o in a missing directory: exit 2" test $rc -eq 2 -a -n "$(grep 'nodir/out.txt' "$tmp/err")"
# 22. Malformed dictionary: rejected whole, located, nothing processed.
printf 'good => fine\nbad line without arrow\n' > "$tmp/bad.dict"; run --dict "$tmp/bad.dict" "$tmp/ok.txt"
check "bad dictionary: exit 2, file:line:col" test $rc -eq 2 -a -n "$(grep 'bad.dict:2:' "$tmp/err")" -a ! -s "$tmp/out"
# 23. Unterminated quote in an example.
printf 'a b => c ; example "unterminated\n' > "$tmp/quote.dict"; run --dict "$tmp/quote.dict" "$tmp/ok.txt"
check "unterminated quote: exit 2, located" test $rc -eq 2 -a -n "$(grep 'quote.dict:1:' "$tmp/err")"
# 24. A 10 MB line in a dictionary: rejected with a location, quickly.
python3 -c 'print("x" * 10000000)' > "$tmp/long.dict"; run --dict "$tmp/long.dict" "$tmp/ok.txt"
check "10 MB dictionary line: exit 2, located" test $rc -eq 2 -a -n "$(grep 'long.dict:1:' "$tmp/err")"
# 25. A binary file as dictionary: rejected, at most 20 errors listed plus a notice.
head -c 200000 "$d" > "$tmp/bin.dict"; run --dict "$tmp/bin.dict" "$tmp/ok.txt"
check "binary dictionary: exit 2, errors capped" test $rc -eq 2 -a "$(grep -c 'bin.dict:' "$tmp/err")" -le 22
# 26. A gzip-compressed dictionary: told to gunzip it.
printf 'a b => c\n' | gzip > "$tmp/gz.dict"; run --dict "$tmp/gz.dict" "$tmp/ok.txt"
check "gzip dictionary: exit 2, explained" test $rc -eq 2 -a -n "$(grep 'gzip' "$tmp/err")"
# 27. A missing dictionary: exit 2, named.
run --dict "$tmp/nope.dict" "$tmp/ok.txt"
check "missing dictionary: exit 2, named" test $rc -eq 2 -a -n "$(grep 'nope.dict' "$tmp/err")"
# 28. A rule written to be catastrophic for backtracking engines runs in linear time (RE2).
printf '/(a+)+$/ => x\n/(a|aa)*c/ => y\n' > "$tmp/evil.dict"
python3 -c 'print("a" * 1000000 + "b")' > "$tmp/aaa.txt"
run --no-default-dict --dict "$tmp/evil.dict" "$tmp/aaa.txt"
check "catastrophic rule: completes, exit 0" test $rc -eq 0
# 29. An invalid regular expression: exit 2, located.
printf '/(unclosed/ => x\n' > "$tmp/re.dict"; run --dict "$tmp/re.dict" "$tmp/ok.txt"
check "invalid regex: exit 2, located" test $rc -eq 2 -a -n "$(grep 're.dict:1:' "$tmp/err")"
# 30. A dictionary of 1,000,000 entries loads and works.
python3 -c '
for i in range(1000000):
    print(f"spun{i} phrase => original{i}")' > "$tmp/million.dict"
printf 'spun999999 phrase here\n' > "$tmp/m.txt"
run --no-default-dict --dict "$tmp/million.dict" "$tmp/m.txt"
check "1M-entry dictionary: works" test $rc -eq 0 -a "$(cat "$tmp/out")" = "original999999 here"
rm -f "$tmp/million.dict"
# 31. Deeply repeated phrases.
python3 -c 'print("On the off chance that " * 200000)' > "$tmp/rep.txt"; run "$tmp/rep.txt"
check "repeated phrases: all restored" test $rc -eq 0 -a "$(grep -o 'If' "$tmp/out" | wc -l)" -eq 200000
# 32. Unknown option: exit 2.
run --frobnicate; check "unknown option: exit 2" test $rc -eq 2
# 33. Invalid UTF-8 in --json: the JSON stays valid, offsets locate the bytes.
printf 'ok \xff\xfe end' > "$tmp/j.txt"; run --json "$tmp/j.txt"
check "--json with invalid bytes is valid JSON" python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert [e["offset"] for e in d["edits"] if e["kind"] == "decode"] == [3, 4]' "$tmp/out"
# 34. A malformed JSON Lines record: kept as an error record, exit 2.
printf '{"text": "ok"}\n{broken\n' | "$d" --jsonl > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--jsonl broken record: 2 lines out, exit 2" test $rc -eq 2 -a "$(wc -l < "$tmp/out")" -eq 2

# 35. A file removed while despin reads it: the open file is read whole (its data stays until
# closed), or, removed before despin opened it, named with exit 2. Never a partial output.
python3 -c 'import sys; sys.stdout.write("on the off chance that it rains, we stay.\n" * 400000)' > "$tmp/big"
"$d" "$tmp/big" > "$tmp/whole" 2> /dev/null
cp "$tmp/big" "$tmp/vanishing"
"$d" "$tmp/vanishing" > "$tmp/out" 2> "$tmp/err" & pid=$!
sleep 0.05; rm -f "$tmp/vanishing"; wait $pid; rc=$?
check "file removed mid-read: whole output or named error" \
  test \( $rc -eq 0 -a -z "$(cmp "$tmp/out" "$tmp/whole" 2>&1)" \) -o \
       \( $rc -eq 2 -a -n "$(grep 'vanishing: No such file' "$tmp/err")" \)
# 36. A file that a writer keeps appending to while despin reads it: reported as changed while
# being read, exit 2, and not processed (a cut-off document must not pass for the whole one).
cp "$tmp/big" "$tmp/growing"
( while :; do printf 'more text\n' >> "$tmp/growing"; done ) & writer=$!
detected=0 others=0
for _ in 1 2 3; do
  run "$tmp/growing"
  if [ $rc -eq 2 ] && grep -q 'growing: changed while being read' "$tmp/err" && [ ! -s "$tmp/out" ]; then
    detected=$((detected + 1))
  elif [ $rc -ne 0 ]; then
    others=$((others + 1))
  fi
done
kill $writer; wait $writer 2> /dev/null
check "file growing mid-read: reported, not processed, no other failure" test $detected -ge 1 -a $others -eq 0
rm -f "$tmp/big" "$tmp/whole" "$tmp/growing" "$tmp/out"
# 37. A compiled engine that is damaged (a byte changed), cut short, or random bytes after the
# right header: refused with the file and byte named, exit 2, no input processed.
printf 'pundits\n' > "$tmp/in.txt"
"$d" compile --no-default-dict "$tmp/e.despin" 2> /dev/null
python3 -c '
import sys
data = bytearray(open(sys.argv[1], "rb").read())
open(sys.argv[2], "wb").write(data[:len(data) - 3])
data[-1] ^= 0x40
open(sys.argv[3], "wb").write(data)
open(sys.argv[4], "wb").write(data[:23] + bytes(range(256)) * 4)' "$tmp/e.despin" "$tmp/cut.despin" "$tmp/flip.despin" "$tmp/junk.despin"
refused=0
for f in cut flip junk; do
  run --engine "$tmp/$f.despin" "$tmp/in.txt"
  if [ $rc -eq 2 ] && grep -q "$f.despin: " "$tmp/err" && [ ! -s "$tmp/out" ]; then refused=$((refused + 1)); fi
done
check "damaged compiled engine: refused by name, exit 2, nothing out" test $refused -eq 3
# 38. A compiled engine given where a text dictionary is expected (--dict): named as what it
# is, with the option to use, instead of a screen of encoding errors; exit 2, nothing out.
run --dict "$tmp/e.despin" "$tmp/in.txt"
check "compiled engine given to --dict: says --engine, exit 2" \
  test $rc -eq 2 -a ! -s "$tmp/out" -a -n "$(grep "e.despin is a compiled engine.*--engine" "$tmp/err")" \
       -a "$(wc -l < "$tmp/err")" -eq 1
finish
