#!/usr/bin/env python3
"""Word error rate of the project's spun samples against their originals, before and after despin.

usage: corpus_wer.py DESPIN CORPUS_DIR [--min-reduction F]

For every DOMAIN.spun.txt with a DOMAIN.original.txt beside it, prints the WER of the spun text
and of despin's output against the original, and the share of the errors despin removed
(1 - after/before). Exits 1 when the mean reduction is below --min-reduction.
Words are compared case-sensitively after splitting punctuation off, so a wrong restoration of
case or of "a"/"an" counts as an error.
"""
import argparse
import pathlib
import re
import subprocess
import sys

WORD = re.compile(r"\w+(?:[’']\w+)*|[^\w\s]")


def words(text):
    return WORD.findall(text.replace("’", "'"))


def edit_distance(a, b):
    """Levenshtein distance over word lists (one row of the table at a time)."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y))
        prev = cur
    return prev[-1]


def wer(reference, hypothesis):
    ref = words(reference)
    return edit_distance(ref, words(hypothesis)) / max(len(ref), 1)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("despin")
    ap.add_argument("corpus", type=pathlib.Path)
    ap.add_argument("--min-reduction", type=float)
    o = ap.parse_args(argv)
    reductions = []
    print(f"{'domain':12} {'WER spun':>9} {'WER out':>9} {'reduction':>10}")
    for spun in sorted(o.corpus.glob("*.spun.txt")):
        domain = spun.name[: -len(".spun.txt")]
        original = spun.with_name(domain + ".original.txt")
        if not original.exists():
            continue
        out = subprocess.run([o.despin, str(spun)], capture_output=True, check=True, text=True).stdout
        ref = original.read_text(encoding="utf-8")
        before, after = wer(ref, spun.read_text(encoding="utf-8")), wer(ref, out)
        reduction = 1 - after / before if before else 0.0
        reductions.append(reduction)
        print(f"{domain:12} {before:9.3f} {after:9.3f} {reduction:10.3f}")
    if not reductions:
        sys.exit(f"{o.corpus}: no *.spun.txt with an *.original.txt beside it")
    mean = sum(reductions) / len(reductions)
    print(f"{'mean':12} {'':9} {'':9} {mean:10.3f}")
    if o.min_reduction is not None and mean < o.min_reduction:
        print(f"mean WER reduction {mean:.3f} is below the floor {o.min_reduction}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
