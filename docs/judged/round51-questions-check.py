"""Key check for smqycz practice-exam-1.md: 'N.' questions, '- X.' options, 'Resposta correta: X & Y'."""
import json, re, sys
path = sys.argv[1]; cards = [json.loads(l) for l in open(sys.argv[2])]
lines = open(path, encoding="utf-8").read().splitlines()
qs = []
for i, l in enumerate(lines, 1):
    if re.match(r"^\d+\. ", l): qs.append({"line": i, "opts": [], "ans": None})
    elif qs:
        mo = re.match(r"^\s*- ([A-F])\. ", l)
        if mo: qs[-1]["opts"].append(mo.group(1))
        ma = re.search(r"Respostas? corretas?:\s*(.*)", l)
        if ma: qs[-1]["ans"] = sorted(qs[-1]["opts"].index(x) for x in re.findall(r"[A-F]", ma.group(1)))
by = {}
for c in cards:
    s = c.get("source") or {}
    by[s.get("line") if isinstance(s, dict) else int(str(s).rsplit(":",1)[1])] = c
ok = bad = miss = 0
for q in qs:
    c = by.get(q["line"])
    if c is None or c["type"] != "mcq": miss += 1; print("not read", q["line"], q["ans"], c and c.get("reasons")); continue
    if sorted(c["correct"]) == q["ans"] and len(c["options"]) == len(q["opts"]): ok += 1
    else: bad += 1; print("WRONG", q["line"], c["correct"], q["ans"])
print(f"questions {len(qs)} right {ok} wrong {bad} not read {miss}")
