# usage: PYTHONPATH=. python docs/judged/THIS.py FILE.md (round 43's fetched question file, 1b-IAM QA.md)
"""Round 43 question file: each card's key against the file's own "Answer: X" line under "**N.**"."""

import re
import sys
from pathlib import Path

from awsprep.notes.pipeline import NoteFile, run_import
from awsprep.notes.topics import TopicTable

TOPICS = TopicTable.load(Path(__file__).resolve().parents[2] / "content" / "domains.yaml")
path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
keys: dict[int, list[int]] = {}
chunks = re.split(r"^\*\*(\d+)\.\*\*", text, flags=re.M)
for num, chunk in zip(chunks[1::2], chunks[2::2], strict=True):
    m = re.search(r"Answer:\s*([A-E](?:\s*,\s*[A-E])*|True|False)", chunk)
    if m:
        said = m.group(1)
        keys[int(num)] = [0 if said == "True" else 1] if said in ("True", "False") else sorted(
            "ABCDE".index(x) for x in re.findall(r"[A-E]", said)
        )
result = run_import([NoteFile(path.name, path)], "t", TOPICS)
lines = text.splitlines()
right = 0
for card, draft in zip(result.cards, result.drafts, strict=True):
    if card.type != "mcq":
        continue
    number = None
    for line in reversed(lines[: draft.line]):
        m = re.match(r"^\*\*(\d+)\.\*\*", line)
        if m:
            number = int(m.group(1))
            break
    ok = number is not None and keys.get(number) == sorted(card.correct)  # type: ignore[attr-defined]
    right += ok
    if not ok:
        print("wrong or unmatched:", number, card.question[:80])  # type: ignore[attr-defined]
print(f"{right} of {len(keys)} questions read with the right key; {len(result.cards)} cards in all")
