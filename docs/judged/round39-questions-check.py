# usage: PYTHONPATH=. python docs/judged/THIS.py /work/heldout/roundNN/questions+.../FILE.md (the fetched question file)
"""Round 39 question file: each question's 'Correct answer: X' against the card read (by question text)."""

import re
import sys
from pathlib import Path

import awsprep
from awsprep.notes.pipeline import NoteFile, run_import
from awsprep.notes.topics import TopicTable

T = TopicTable.load(Path(awsprep.__file__).resolve().parent.parent / "content" / "domains.yaml")
f = Path(sys.argv[1])
text = f.read_text()
exp = {}
for part in re.split(r"\n(?=Q\d+\.)", text):
    m = re.match(r"Q(\d+)\.\s*(.*)", part)
    k = re.search(r"Correct answers?:\s*([A-H](?:\s*,\s*[A-H])*)", part)
    if m and k:
        exp[re.sub(r"\W+", " ", m.group(2))[:50].strip().lower()] = tuple(
            sorted(ord(x) - 65 for x in re.findall(r"[A-H]", k.group(1)))
        )
r = run_import([NoteFile(f.name, f)], "q", T)
cards = [c for c in r.cards if c.type == "mcq"]
right = wrong = 0
for c in cards:
    key = re.sub(r"\W+", " ", c.question)[:50].strip().lower()
    if key in exp and exp[key] == tuple(c.correct):
        right += 1
    else:
        wrong += 1
        print("  not matching:", c.question[:70], c.correct, exp.get(key))
print(
    f"questions {len(exp)}, mcq cards {len(cards)} (right {right}, other {wrong}), triage {len(r.triage)}, other cards {len(r.cards) - len(cards)}"
)
