"""The Problematic Paper Screener's pairs as the evaluation's tortured.py uses them.

PAIRS.tsv: tab-separated, a header line, the spun phrase in column 1, the expected wording in
column 2 and the context clause in column 5; only rows with an empty context clause make lines
of tortured.py's input, in order.
"""


def pairs(path):
    """(tortured phrase, expected wording) of each row tortured.py uses, in order."""
    out = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or cols[4].strip():
                continue
            out.append((cols[0].strip(), cols[1].strip()))
    return out
