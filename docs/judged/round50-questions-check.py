"""Round 50's key check: tadashii1417 review/quiz.md against the import's cards.

Usage: python round50-questions-check.py QUIZ.md CARDS.jsonl (one JSON card a line: type, options,
correct, source). Questions are '**N. ...' lines, options 'A. ...' lines (or plain lines when the file
gives no letters), the key an 'ANS: X' (or 'ANS X') line (letters, 'C, reason', or the option's words).
"""

import json
import re
import sys


def questions(path: str) -> list[dict]:
    qs: list[dict] = []
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for i, line in enumerate(lines, 1):
        if re.match(r"^\*\*(\d+)\.", line):
            qs.append({"line": i, "opts": [], "plain": [], "ans": None})
            continue
        if not qs or qs[-1]["ans"] is not None:
            continue
        q = qs[-1]
        opt = re.match(r"^([A-F])\. (.*)", line)
        ans = re.match(r"^ANS:?\s+(.*)|^ANS:(.*)", line)
        if ans:
            q["ans"] = (ans.group(1) or ans.group(2) or "").strip()
        elif opt:
            q["opts"].append((opt.group(1), opt.group(2).strip()))
        elif line.strip() and not line.startswith(("!", "-")):
            q["plain"].append(line.strip())
    return qs


def key(q: dict) -> list[int] | None:
    answer = q["ans"] or ""
    opts = q["opts"] or [("ABCDEF"[j], t) for j, t in enumerate(q["plain"])]
    q["opts"] = opts
    letters = [x for x, _ in opts]
    if re.fullmatch(r"[A-F](?:\s*,\s*[A-F])*", answer):
        picked = [x.strip() for x in answer.split(",")]
        return sorted(letters.index(x) for x in picked) if all(x in letters for x in picked) else None
    m = re.match(r"([A-F]),", answer)
    if m and m.group(1) in letters:
        return [letters.index(m.group(1))]
    for j, (_, text) in enumerate(opts):
        if answer and text.lower() == answer.lower():
            return [j]
    return None


def main() -> None:
    with open(sys.argv[2], encoding="utf-8") as fh:
        cards = [json.loads(line) for line in fh]
    by_line = {c["source"]["line"]: c for c in cards if isinstance(c.get("source"), dict)}
    right = wrong = unread = unkeyed = 0
    qs = questions(sys.argv[1])
    for q in qs:
        k = key(q)
        card = by_line.get(q["line"])
        if k is None:
            unkeyed += 1
            print("no key the script reads:", q["line"], repr(q["ans"]), "card:", card is not None)
        elif card is None or card.get("type") != "mcq":
            unread += 1
            print("not read:", q["line"], repr(q["ans"]))
        elif sorted(card["correct"]) == k and len(card["options"]) == len(q["opts"]):
            right += 1
        else:
            wrong += 1
            print("WRONG:", q["line"], card["correct"], k)
    print(
        f"questions {len(qs)}; with a key {len(qs) - unkeyed}; right {right}; wrong {wrong}; not read {unread}"
    )


if __name__ == "__main__":
    main()
