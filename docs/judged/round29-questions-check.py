# usage: PYTHONPATH=. python docs/judged/THIS.py /work/heldout/roundNN/questions+.../FILE.md (the fetched question file)
"""Round 29 question file: each question's key in the file (letters in <details>) against the card read."""

import re
import sys
from pathlib import Path

import awsprep
from awsprep.notes.pipeline import NoteFile, run_import
from awsprep.notes.topics import TopicTable

REPO = Path(awsprep.__file__).resolve().parent.parent
T = TopicTable.load(REPO / "content" / "domains.yaml")
f = Path(sys.argv[1])
text = f.read_text()
# the file's own key: per question (split at '---' lines), the '+ ' options and the letters after <summary>
expected = []
for part in re.split(r"\n---+\n", text):
    opts = [ln[2:].strip() for ln in part.split("\n") if ln.startswith("+ ")]
    m = re.search(r"</summary>\s*\n\s*([a-hA-H](?:\s*,\s*[a-hA-H])*)\s*\n", part)
    if m:
        letters = sorted(ord(x.strip().lower()) - 97 for x in m.group(1).split(","))
        expected.append((opts, letters))
r = run_import([NoteFile(f.name, f)], "q", T)
cards = [c for c in r.cards if c.type == "mcq"]
print(
    "questions with a key in the file:",
    len(expected),
    "mcq cards:",
    len(cards),
    "other cards:",
    len(r.cards) - len(cards),
    "triage:",
    len(r.triage),
)


def norm(s):
    return re.sub(r"\W+", " ", s).strip().lower()


byopts = {tuple(norm(o) for o in c.options): c for c in cards}
right = wrong = missing = 0
for opts, letters in expected:
    c = byopts.get(tuple(norm(re.sub(r"[`*]", "", o)) for o in opts))
    if c is None:
        missing += 1
        print("  not read:", opts[:2])
        continue
    if sorted(c.correct) == letters:
        right += 1
    else:
        wrong += 1
        print("  WRONG:", c.question[:80], c.correct, letters)
print(f"right {right}, wrong {wrong}, not read {missing}")
