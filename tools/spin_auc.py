#!/usr/bin/env python3
"""How well the spin score separates spun from clean documents: document-level ROC AUC.

usage: spin_auc.py DESPIN --spun FILE... --clean FILE... [--clean-lines] [--min F]

Runs `despin --json` on every document and computes the ROC AUC of its spin score (the
probability that a random spun document scores above a random clean one; ties count half).
With --clean-lines each non-blank line of the clean files is a document (for corpora such as
WikiText stored one paragraph a line). Also prints how many documents on each side
reach despin's --check threshold (1.0).
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

THRESHOLD = 1.0


def scores(despin, paths):
    out = subprocess.run([despin, "--json", *map(str, paths)], capture_output=True, text=True, check=True).stdout
    return [json.loads(line)["spin_score"] for line in out.splitlines() if line.strip()]


def auc(positive, negative):
    """Mann-Whitney U statistic over all pairs, by sorting (ties count half)."""
    ranked = sorted([(s, 1) for s in positive] + [(s, 0) for s in negative])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid_rank = (i + j + 1) / 2  # average 1-based rank of the tie group
        rank_sum += mid_rank * sum(label for _, label in ranked[i:j])
        i = j
    p, n = len(positive), len(negative)
    return (rank_sum - p * (p + 1) / 2) / (p * n)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("despin")
    ap.add_argument("--spun", nargs="+", required=True, type=pathlib.Path)
    ap.add_argument("--clean", nargs="+", required=True, type=pathlib.Path)
    ap.add_argument("--clean-lines", action="store_true")
    ap.add_argument("--min", type=float)
    o = ap.parse_args(argv)
    spun = scores(o.despin, o.spun)
    with tempfile.TemporaryDirectory() as tmp:
        clean_paths = o.clean
        if o.clean_lines:
            clean_paths = []
            for path in o.clean:
                for k, para in enumerate(p for p in path.read_text(encoding="utf-8").splitlines() if p.strip()):
                    doc = pathlib.Path(tmp) / f"{path.stem}-{k:06d}.txt"
                    doc.write_text(para, encoding="utf-8")
                    clean_paths.append(doc)
        clean = []
        for start in range(0, len(clean_paths), 1000):  # keep command lines short
            clean += scores(o.despin, clean_paths[start:start + 1000])
    value = auc(spun, clean)
    print(f"spun documents:  {len(spun):6d}, flagged (score >= {THRESHOLD}): {sum(s >= THRESHOLD for s in spun)}, "
          f"min score {min(spun):.2f}")
    print(f"clean documents: {len(clean):6d}, flagged (score >= {THRESHOLD}): {sum(s >= THRESHOLD for s in clean)}, "
          f"max score {max(clean):.2f}")
    print(f"ROC AUC: {value:.4f}")
    if o.min is not None and value < o.min:
        print(f"ROC AUC {value:.4f} is below the floor {o.min}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
