#!/usr/bin/env bash
# The README's recipe for running despin across machines with GNU parallel, end to end on this
# machine: the JSON Lines input is split into shards, each shard is sent to a "host", restored
# there by `despin --jsonl` and returned, and the joined result must equal one local run. The
# hosts are loopback: tests/parallel/loopback-ssh plays ssh (and carries rsync's transfers).
# usage: parallel_recipe_test.sh DESPIN CORPUS_DIR SSH_STANDIN
set -eu
despin=$1 corpus=$2 ssh_standin=$3
command -v parallel > /dev/null || { echo "GNU parallel is not installed (sh scripts/install-deps.sh)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LOOPBACK_HOSTS=$tmp/hosts
cd "$tmp"
python3 - "$corpus" docs.jsonl <<'PY'
import json, pathlib, sys
files = sorted(pathlib.Path(sys.argv[1]).glob("*.spun.txt"))
with open(sys.argv[2], "w") as out:
    for i in range(400):
        f = files[i % len(files)]
        out.write(json.dumps({"id": i, "url": f"https://example.invalid/{i}", "text": f.read_text()}) + "\n")
PY
# The recipe (README "Across machines"), with the despin binary at its path on every host.
split -n l/4 -d --additional-suffix=.jsonl docs.jsonl shard-
parallel --ssh "$ssh_standin" -S 1/hostA,1/hostB --transferfile {} --return {.}.out.jsonl --cleanup \
  --halt now,fail=1 "$despin --jsonl -j 1 < {} > {.}.out.jsonl" ::: shard-*.jsonl
cat shard-0[0-3].out.jsonl > joined.jsonl

"$despin" --jsonl < docs.jsonl > local.jsonl
cmp joined.jsonl local.jsonl
test "$(wc -l < joined.jsonl)" -eq 400
test -z "$(find "$LOOPBACK_HOSTS" -type f)"   # --cleanup removed the shards from the hosts
echo "parallel recipe: 400 documents in 4 shards on 2 loopback hosts equal one local run"
echo "1 passed, 0 failed"
