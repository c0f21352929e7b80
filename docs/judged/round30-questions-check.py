# usage: PYTHONPATH=. python docs/judged/THIS.py /work/heldout/roundNN/questions+.../FILE.md (the fetched question file)
"""Round 30 question file: the <mark>ed options of each question against the card read."""

import re
import sys
from pathlib import Path

import awsprep
from awsprep.notes.pipeline import NoteFile, run_import
from awsprep.notes.topics import TopicTable

T = TopicTable.load(Path(awsprep.__file__).resolve().parent.parent / "content" / "domains.yaml")
f = Path(sys.argv[1])
text = f.read_text()
exp = []
for part in re.split(r"\n(?=## )", text):
    opts = [l for l in part.split("\n") if re.match(r"^(<mark>)?[A-H]\. ", l)]
    if opts:
        exp.append(tuple(i for i, l in enumerate(opts) if l.startswith("<mark>")))
r = run_import([NoteFile(f.name, f)], "q", T)
got = [c.correct for c in r.cards if c.type == "mcq"]
print(
    "questions",
    len(exp),
    "mcq cards",
    len(got),
    "right",
    sum(a == b for a, b in zip(exp, got)),
    "other cards",
    len(r.cards) - len(got),
)
