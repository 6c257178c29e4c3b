#!/usr/bin/env bash
# `despin batch` and `despin --jsonl` as a corpus engineer runs them: mirroring, errors, resume
# after kill -9, bad arguments, JSON Lines in order. $DESPIN is the binary under test; $CORPUS
# the project's corpus directory (the source of generated documents).
set -u
: "${DESPIN:?set DESPIN to the despin binary}"
: "${CORPUS:?set CORPUS to the corpus directory}"
. "$(dirname "$0")/check_lib.sh"
tree_sum() { (cd "$1" && find . -type f -o -type l | sort | while read -r f; do printf '%s ' "$f"; cat "$f" 2>/dev/null | cksum; done) | cksum; }

# A small tree with a bad file, a dangling link and a directory symlink loop.
src=$tmp/src
mkdir -p "$src/a/b" "$src/c"
cp "$CORPUS/film.spun.txt" "$src/a/"
cp "$CORPUS/news.spun.txt" "$src/a/b/"
printf 'x\xffy pundits\n' > "$src/c/bad.txt"
printf 'not a text file\n' > "$src/c/notes.md"
ln -s /nonexistent "$src/c/dangling.txt"
ln -s .. "$src/a/loop"
before=$(tree_sum "$src")

"$DESPIN" batch "$src" "$tmp/out" -j 2 2> "$tmp/err"; rc=$?
check "mirrors the tree" test -f "$tmp/out/a/film.spun.txt" -a -f "$tmp/out/a/b/news.spun.txt" -a -f "$tmp/out/c/bad.txt"
check "only *.txt files" test ! -e "$tmp/out/c/notes.md"
check "same output as the filter" cmp -s "$tmp/out/a/film.spun.txt" <("$DESPIN" "$CORPUS/film.spun.txt")
check "dangling link recorded" grep -q '"path":"c/dangling.txt","error":"dangling symbolic link"' "$tmp/out/errors.jsonl"
check "invalid UTF-8 recorded" grep -q '"path":"c/bad.txt","warning":"1 invalid UTF-8' "$tmp/out/errors.jsonl"
check "exit 1 when a document failed" test $rc -eq 1
check "summary counts" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["documents"] == 3 and s["failed"] == 1 and s["warnings"] == 1, s
assert s["edits_by_kind"]["phrase"] > 0 and sum(s["spin_score_histogram"].values()) == 3, s' "$tmp/out/summary.json"
check "one-line summary" grep -q "despin batch: 3 restored, 0 up to date, 1 failed" "$tmp/err"
check "SRC untouched" test "$(tree_sum "$src")" = "$before"

# Rerun: everything up to date; a changed input is redone.
"$DESPIN" batch "$src" "$tmp/out" 2> "$tmp/err"
check "rerun skips finished documents" grep -q "0 restored, 3 up to date" "$tmp/err"
printf 'On the off chance that it rains.\n' > "$src/a/film.spun.txt"
"$DESPIN" batch "$src" "$tmp/out" 2> "$tmp/err"
check "changed input is redone" grep -q "1 restored, 2 up to date" "$tmp/err"
check "changed output written" test "$(cat "$tmp/out/a/film.spun.txt")" = "If it rains."

# Bad arguments: each a clear message and exit 2, nothing written into SRC.
"$DESPIN" batch "$tmp/missing" "$tmp/o2" 2> "$tmp/err"; rc=$?
check "missing SRC" test $rc -eq 2 -a -n "$(grep 'missing: no such file or directory' "$tmp/err")"
"$DESPIN" batch "$src" "$src/a/out" 2> "$tmp/err"; rc=$?
check "OUT inside SRC refused" test $rc -eq 2 -a -n "$(grep 'is inside SRC' "$tmp/err")" -a ! -e "$src/a/out"
touch "$tmp/afile"
"$DESPIN" batch "$src" "$tmp/afile" 2> "$tmp/err"; rc=$?
check "OUT a file refused" test $rc -eq 2 -a -n "$(grep 'not a directory' "$tmp/err")"
mkdir "$tmp/empty"
"$DESPIN" batch "$tmp/empty" "$tmp/o3" 2> "$tmp/err"; rc=$?
check "empty SRC" test $rc -eq 0 -a -n "$(grep 'no \*.txt files' "$tmp/err")"

# Kill -9 at some moment, rerun: exactly the outputs of an uninterrupted run, no temporaries.
big=$tmp/big
python3 - "$CORPUS" "$big" <<'PY'
import pathlib, sys
corpus, big = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
texts = [(f.name[: -len(".spun.txt")], f.read_text()) for f in sorted(corpus.glob("*.spun.txt"))]
for i in range(600):
    d = big / str(i % 10)
    d.mkdir(parents=True, exist_ok=True)
    for name, text in texts:
        (d / f"{name}-{i}.txt").write_text(f"Document {i}.\n\n{text}")
PY
"$DESPIN" batch "$big" "$tmp/whole" -j 2 2> /dev/null
"$DESPIN" batch "$big" "$tmp/killed" -j 2 2> /dev/null &
pid=$!
sleep 0.3
kill -9 $pid 2> /dev/null
wait $pid 2> /dev/null
"$DESPIN" batch "$big" "$tmp/killed" -j 2 2> /dev/null
check "resume after kill -9 gives the uninterrupted outputs" diff -r -q -x summary.json -x .despin-manifest -x errors.jsonl "$tmp/whole" "$tmp/killed"
check "no temporary files left" test -z "$(find "$tmp/killed" -name '*.despin-tmp')"
"$DESPIN" batch "$big" "$tmp/one" -j 1 2> /dev/null
check "--jobs 1 and 2 give identical outputs" diff -r -q -x summary.json -x .despin-manifest -x errors.jsonl "$tmp/whole" "$tmp/one"

# Output directories are made when a file cannot be opened in them: two workers writing the
# first files of the same new directory both succeed, and a path that cannot be a directory is
# reported as such.
wide=$tmp/wide
for i in $(seq 0 299); do mkdir -p "$wide/d$((i % 150))/e"; printf 'Pundits agree %s.\n' $i > "$wide/d$((i % 150))/e/$i.txt"; done
"$DESPIN" batch "$wide" "$tmp/wout" -j 2 2> "$tmp/werr"; rc=$?
check "new output directories under two workers" test $rc -eq 0 -a "$(find "$tmp/wout" -name '*.txt' | wc -l)" -eq 300
mkdir -p "$tmp/wout2" && touch "$tmp/wout2/d7"
"$DESPIN" batch "$wide" "$tmp/wout2" -j 2 2> /dev/null; rc=$?
check "an output directory that is a file: exit 1" test $rc -eq 1
check "an output directory that is a file: why" grep -q '"path":"d7/e/157.txt","error":"cannot write .*: Not a directory"' "$tmp/wout2/errors.jsonl"

# JSON Lines: a .jsonl SRC and the streaming mapper keep order and fields, one line per line.
python3 - "$CORPUS" "$tmp/docs.jsonl" <<'PY'
import json, pathlib, sys
corpus, out = pathlib.Path(sys.argv[1]), open(sys.argv[2], "w")
for i, f in enumerate(sorted(corpus.glob("*.spun.txt")) * 3):
    out.write(json.dumps({"id": i, "source": f.name, "text": f.read_text()}) + "\n")
out.write("this line is broken\n")
PY
"$DESPIN" batch "$tmp/docs.jsonl" "$tmp/jout" -j 2 2> /dev/null; rc=$?
check "jsonl batch exit 1 on a broken line" test $rc -eq 1
check "jsonl broken line recorded" grep -q 'docs.jsonl:28: not valid JSON' "$tmp/jout/errors.jsonl"
check "jsonl summary counts records" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["documents"] == 27 and s["failed"] == 1, s
assert s["edits_by_kind"]["phrase"] > 0 and sum(s["spin_score_histogram"].values()) == 27, s' "$tmp/jout/summary.json"
# A file with a bad line is not finished: rerunning redoes it and reports the line again.
"$DESPIN" batch "$tmp/docs.jsonl" "$tmp/jout" -j 2 2> "$tmp/jerr"; rc=$?
check "jsonl rerun still fails on the broken line" test $rc -eq 1
check "jsonl rerun reports it again" grep -q 'docs.jsonl:28: not valid JSON' "$tmp/jout/errors.jsonl"
check "jsonl rerun is not up to date" sh -c '! grep -q "is up to date" "$1"' _ "$tmp/jerr"
head -n 27 "$tmp/docs.jsonl" > "$tmp/good.jsonl"
"$DESPIN" batch "$tmp/good.jsonl" "$tmp/gout" 2> /dev/null
"$DESPIN" batch "$tmp/good.jsonl" "$tmp/gout" 2> "$tmp/gerr"; rc=$?
check "clean jsonl rerun is up to date" test $rc -eq 0 -a "$(grep -c 'good.jsonl is up to date' "$tmp/gerr")" -eq 1

# Cleanup options may follow "batch"; options that would be ignored are refused.
mkdir -p "$tmp/qsrc" && printf '\342\200\234On the off chance that\342\200\235 it rains.\n' > "$tmp/qsrc/q.txt"
"$DESPIN" batch "$tmp/qsrc" "$tmp/qout" --quotes ascii 2> /dev/null; rc=$?
check "batch takes --quotes after the subcommand" test $rc -eq 0 -a "$(cat "$tmp/qout/q.txt")" = '"If" it rains.'
# --assume-spun after the subcommand: a document it changes differently is redone on a rerun
# in the other mode, not taken as up to date.
mkdir -p "$tmp/asrc" && printf 'The pundit agrees.\n' > "$tmp/asrc/a.txt"
"$DESPIN" batch "$tmp/asrc" "$tmp/aout" 2> /dev/null
check "batch: an ambiguous entry waits for evidence" test "$(cat "$tmp/aout/a.txt")" = "The pundit agrees."
check "batch summary counts what waited" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["withheld"] == 1 and s["documents_with_withheld"] == 1, s' "$tmp/aout/summary.json"
"$DESPIN" batch "$tmp/asrc" "$tmp/aout" --assume-spun 2> "$tmp/aerr"; rc=$?
check "batch --assume-spun redoes the document" test $rc -eq 0 -a "$(cat "$tmp/aout/a.txt")" = "The critic agrees."
check "batch --assume-spun counts it restored" grep -q "1 restored, 0 up to date" "$tmp/aerr"
"$DESPIN" batch "$tmp/qsrc" "$tmp/qout2" --json 2> "$tmp/qerr"; rc=$?
check "batch refuses --json" test $rc -eq 2 -a ! -e "$tmp/qout2"
check "batch says why" grep -q "do not apply to a batch" "$tmp/qerr"
"$DESPIN" --jsonl --check < "$tmp/good.jsonl" > "$tmp/jc.out" 2> "$tmp/jc.err"; rc=$?
check "--jsonl refuses --check" test $rc -eq 2 -a ! -s "$tmp/jc.out"
check "--jsonl says why" grep -q "do not apply to --jsonl" "$tmp/jc.err"
"$DESPIN" --jsonl -j 2 < "$tmp/docs.jsonl" > "$tmp/stream.jsonl" 2> /dev/null; rc=$?
check "--jsonl exit 2 on a broken line" test $rc -eq 2
check "--jsonl and batch agree" cmp -s "$tmp/stream.jsonl" "$tmp/jout/docs.jsonl"
check "--jsonl one line out per line in, in order, fields kept" python3 - "$tmp/docs.jsonl" "$tmp/stream.jsonl" "$DESPIN" <<'PY'
import json, subprocess, sys
ins = open(sys.argv[1]).read().splitlines()
outs = open(sys.argv[2]).read().splitlines()
assert len(ins) == len(outs), (len(ins), len(outs))
for a, b in zip(ins[:-1], outs[:-1]):
    a, b = json.loads(a), json.loads(b)
    assert list(b)[:3] == ["id", "source", "text"] and b["id"] == a["id"] and b["source"] == a["source"]
    expected = subprocess.run([sys.argv[3]], input=a["text"], capture_output=True, text=True).stdout
    assert b["text"] == expected and "edits" in b and "spin_score" in b
assert json.loads(outs[-1])["despin_error"] == "not valid JSON"
PY

finish
