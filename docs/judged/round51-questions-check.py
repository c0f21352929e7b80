"""Round 51's key check: smqycz practice-exams/practice-exam-1.md against the import's cards.

Usage: python round51-questions-check.py EXAM.md CARDS.jsonl (one JSON card a line: type, options,
correct, source). Questions are 'N. ...' lines, options '- X. ...' lines, the key 'Resposta(s)
correta(s): B & D' (or 'A e C') inside a <details> block.
"""

import json
import re
import sys


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    with open(sys.argv[2], encoding="utf-8") as fh:
        cards = [json.loads(line) for line in fh]
    qs: list[dict] = []
    for i, line in enumerate(lines, 1):
        if re.match(r"^\d+\. ", line):
            qs.append({"line": i, "opts": [], "ans": None})
        elif qs:
            opt = re.match(r"^\s*- ([A-F])\. ", line)
            if opt:
                qs[-1]["opts"].append(opt.group(1))
            ans = re.search(r"Respostas? corretas?:\s*(.*)", line)
            if ans:
                qs[-1]["ans"] = sorted(qs[-1]["opts"].index(x) for x in re.findall(r"[A-F]", ans.group(1)))
    by_line = {c["source"]["line"]: c for c in cards if isinstance(c.get("source"), dict)}
    right = wrong = unread = 0
    for q in qs:
        card = by_line.get(q["line"])
        if card is None or card.get("type") != "mcq":
            unread += 1
            print("not read:", q["line"], q["ans"])
        elif sorted(card["correct"]) == q["ans"] and len(card["options"]) == len(q["opts"]):
            right += 1
        else:
            wrong += 1
            print("WRONG:", q["line"], card["correct"], q["ans"])
    print(f"questions {len(qs)}; right {right}; wrong {wrong}; not read {unread}")


if __name__ == "__main__":
    main()
