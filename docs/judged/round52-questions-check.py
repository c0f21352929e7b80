"""Round 52's key check: rscopim 'Integração de aplicações.md' against the import's cards.

Usage: python round52-questions-check.py QUIZ.md CARDS.jsonl (one JSON card a line: type, options,
correct, source). Questions are '#### N. ...' headings over a task list of options, the right ones
ticked ('- [x] B) ...').
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
        if re.match(r"^#+\s*\d+\.\s", line):
            qs.append({"line": i, "ticks": []})
        elif qs:
            box = re.match(r"^\s*- \[([ xX])\]", line)
            if box:
                qs[-1]["ticks"].append(box.group(1) != " ")
    mcqs = [c for c in cards if c.get("type") == "mcq"]
    right = wrong = unread = 0
    for q in qs:
        want = [k for k, t in enumerate(q["ticks"]) if t]
        near = [c for c in mcqs if abs(c["source"]["line"] - q["line"]) <= 1]
        if not near:
            unread += 1
            print("not read:", q["line"], want)
        elif sorted(near[0]["correct"]) == want and len(near[0]["options"]) == len(q["ticks"]):
            right += 1
        else:
            wrong += 1
            print("WRONG:", q["line"], near[0]["correct"], want)
    print(f"questions {len(qs)}; right {right}; wrong {wrong}; not read {unread}")


if __name__ == "__main__":
    main()
