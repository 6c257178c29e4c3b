#!/usr/bin/env python3
"""Check that despin left the text around each tortured phrase alone.

usage: tortured_keep.py PAIRS.tsv INPUT.txt OUTPUT.txt [--max N] [--show K]

The tortured-phrase measure (the evaluation's tortured.py) puts each phrase of PAIRS.tsv in a
carrier sentence and counts a line as restored when the output holds the expected phrase; it
does not look at the rest of the line. A change that garbles the carrier ("Recent work" ->
"Hot working") is invisible to it, though it is exactly the false edit a broad swap list makes.
This counts the lines whose text before or after the phrase changed, and fails when there are
more than --max. An article just before the phrase may change ("an irregular woodland" -> "a
random forest"): it follows the restored word.

PAIRS.tsv: tab-separated, a header line, the spun phrase in column 1 and the context clause in
column 5; like tortured.py, only rows with an empty context clause make lines, in order.
"""
import argparse
import re
import sys

from pps_pairs import pairs


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs")
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--max", type=int)
    ap.add_argument("--show", type=int, default=0)
    o = ap.parse_args(argv)
    ps = [spun for spun, _ in pairs(o.pairs)]
    src = open(o.input, encoding="utf-8").read().splitlines()
    out = open(o.output, encoding="utf-8", errors="replace").read().splitlines()
    if not (len(ps) == len(src) == len(out)):
        sys.exit(f"line counts differ: pairs {len(ps)}, input {len(src)}, output {len(out)}")
    changed = []
    for phrase, s, t in zip(ps, src, out):
        at = s.find(phrase)
        if at < 0:
            sys.exit(f"phrase not found in its input line: {phrase!r}")
        before, after = s[:at], s[at + len(phrase):]
        # The article before the phrase follows the restored word's sound ("an irregular" ->
        # "a random"): that is agreement, not a change to the carrier.
        before = re.sub(r"(?<![\w])(an?|An?) $", "", before)
        if not (t.startswith(before) and t.endswith(after) and len(t) >= len(before) + len(after)):
            changed.append((s, t))
    print(f"carrier text changed: {len(changed)}/{len(ps)} lines")
    for s, t in changed[: o.show]:
        print(f"  - {s}\n  + {t}")
    return 1 if o.max is not None and len(changed) > o.max else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
