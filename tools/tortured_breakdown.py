#!/usr/bin/env python3
"""Where the tortured phrases that despin does not restore stand, in counts only.

usage: tortured_breakdown.py PAIRS.tsv INPUT.txt OUTPUT.txt

PAIRS.tsv, INPUT.txt and OUTPUT.txt are those of the evaluation's tortured.py (make, then
despin, then score). Each line is put in one class, and the classes are counted:

  restored      as tortured.py counts it
  unreachable   otherwise, when the expected wording holds "(", ")", "[", "]", "/" or "?" that
                the phrase does not (an acronym added, "Support Vector Machine (SVM)";
                alternatives, "car/vehicle"; the annotator's doubt, "?"): no restoration of the
                words written produces it as scored
  unchanged     despin changed nothing in the line
  one word off  the phrase and its expected wording have as many words, despin rewrote the
                phrase, and one word differs from the expected one
  other change  anything else despin changed

The entries themselves are not printed: this says how large each kind of miss is, which is what
the project's work on general knowledge needs, not which entry to add.
"""
import re
import sys

from pps_pairs import pairs

MARKS = re.compile(r"[()\[\]/?]")


def has(text, phrase):
    return re.search(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)", text.lower()) is not None


def classify(spun, expected, line_in, line_out):
    if has(line_out, expected) and (spun.lower() in expected.lower() or not has(line_out, spun)):
        return "restored"
    if MARKS.search(expected) and not MARKS.search(spun):
        return "unreachable"
    if line_in == line_out:
        return "unchanged"
    words_in, words_out = line_in.lower().split(), line_out.lower().split()
    tw, ew = spun.lower().split(), expected.lower().split()
    if len(tw) == len(ew) and len(words_in) == len(words_out):
        for start in range(len(words_in) - len(tw) + 1):
            if words_in[start:start + len(tw)] == tw:
                got = words_out[start:start + len(ew)]
                if sum(1 for a, b in zip(got, ew) if a.strip(".,;:") != b) == 1:
                    return "one word off"
                break
    return "other change"


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    ps = pairs(argv[0])
    src = open(argv[1], encoding="utf-8").read().splitlines()
    out = open(argv[2], encoding="utf-8", errors="replace").read().splitlines()
    if not (len(ps) == len(src) == len(out)):
        sys.stderr.write(f"tortured_breakdown: {len(ps)} pairs, {len(src)} input lines, {len(out)} output lines\n")
        return 2
    counts = {}
    for (spun, expected), line_in, line_out in zip(ps, src, out):
        kind = classify(spun, expected, line_in, line_out)
        counts[kind] = counts.get(kind, 0) + 1
    total = len(ps)
    reachable = total - counts.get("unreachable", 0)
    for kind in ("restored", "unchanged", "one word off", "other change", "unreachable"):
        n = counts.get(kind, 0)
        print(f"{kind:13s} {n:5d}  {n / total:.3f} of all")
    print(f"reachable     {reachable:5d}  ceiling {reachable / total:.3f}; restored {counts.get('restored', 0) / max(reachable, 1):.3f} of them")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
