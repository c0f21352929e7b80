"""Key check for tadashii1417 review/quiz.md: each '**N.' question, its 'A.' options, its 'ANS:' line."""
import json, re, sys
path = sys.argv[1]; cards = [json.loads(l) for l in open(sys.argv[2])]
lines = open(path, encoding="utf-8").read().splitlines()
qs = []
for i, l in enumerate(lines, 1):
    m = re.match(r"^\*\*(\d+)\.", l)
    if m: qs.append({"n": int(m.group(1)), "line": i, "opts": [], "ans": None})
    elif qs:
        q = qs[-1]
        mo = re.match(r"^([A-F])\. (.*)", l)
        if mo and q["ans"] is None: q["opts"].append((mo.group(1), mo.group(2).strip()))
        elif q["ans"] is None and l.strip() and not l.startswith(("ANS", "!", "-")):
            q.setdefault("plain", []).append(l.strip())
        ma = re.match(r"^ANS:\s*(.*)", l)
        if ma and q["ans"] is None: q["ans"] = ma.group(1).strip()
def key(q):
    a = q["ans"] or ""
    if not q["opts"] and q.get("plain"):
        q["opts"] = [("ABCDEF"[j], t) for j, t in enumerate(q["plain"])]
    letters = [x for x, _ in q["opts"]]
    m = re.fullmatch(r"([A-F](?:\s*,\s*[A-F])*)", a)
    if m: return sorted(letters.index(x.strip()) for x in a.split(","))
    m = re.match(r"([A-F]),", a)
    if m: return [letters.index(m.group(1))]
    for j, (_, t) in enumerate(q["opts"]):
        if a and t.lower() == a.lower(): return [j]
    return None
by_line = {}
for c in cards:
    s = c.get("source") or {}
    ln = s.get("line") if isinstance(s, dict) else int(str(s).rsplit(":",1)[1])
    by_line[ln] = c
ok = wrong = missing = unkeyed = 0
for q in qs:
    k = key(q)
    c = by_line.get(q["line"])
    if k is None:
        unkeyed += 1; print("no usable key in file:", q["n"], repr(q["ans"]), "card:", bool(c)); continue
    if c is None: missing += 1; print("missing", q["n"], q["line"], repr(q["ans"])); continue
    if c["type"] != "mcq": missing += 1; print("triage/not mcq", q["n"]); continue
    if sorted(c["correct"]) == k and len(c["options"]) == len(q["opts"]): ok += 1
    else: wrong += 1; print("WRONG", q["n"], c["correct"], k, len(c["options"]), len(q["opts"]))
print(f"questions {len(qs)}; with a key {len(qs)-unkeyed}; right {ok}; wrong {wrong}; not read {missing}")
