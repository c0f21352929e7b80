"""Can a scorer learned from the judged sheets tell good cards from weak ones? (docs/importer.md)

Reads every judged held-out sheet in docs/judged (``roundN-heldout.md`` with its ``.key.json``), turns
each non-question card into surface features of what the learner sees (the rule, the label's length
and case, the context, the answer's length, digits, links, emoji, ...), and fits a logistic regression
(plain Python, L2) leaving one round out at a time: each round's cards are scored by a model that
never saw that round, the way a new learner's notes would be. It prints the area under the ROC curve
of those scores on the deck cards of rounds ``--from`` onwards, and what the deck would hold if the
lowest-scored share of it went to triage as well.

``python scripts/judged_features.py [--from 12]``
"""

from __future__ import annotations

import argparse
import json
import math
import re
from pathlib import Path
from typing import Any

JUDGED = Path(__file__).resolve().parent.parent / "docs" / "judged"
_ROW = re.compile(r"^\| (\d+) \|.*\| (good|weak|junk)\b[^|]*\|\s*$")
_EMOJI = re.compile(r"[\u2190-\u2bff\U0001f000-\U0001faff]")
_SERVICE = re.compile(
    r"\b(?:AWS|Amazon|S3|EC2|IAM|SQS|SNS|Lambda|DynamoDB|VPC|RDS|KMS|CloudFront|ECS|EKS|Route 53|"
    r"API Gateway|CloudWatch|Kinesis)\b"
)


def rows() -> list[dict[str, Any]]:
    out = []
    for sheet in sorted(JUDGED.glob("round*-heldout.md")):
        key_file = sheet.with_suffix(".key.json")
        if not key_file.is_file():
            continue
        key = json.loads(key_file.read_text(encoding="utf-8"))
        n = int(re.search(r"round(\d+)", sheet.name).group(1))  # type: ignore[union-attr]
        for line in sheet.read_text(encoding="utf-8").splitlines():
            m = _ROW.match(line)
            rec = key.get(m.group(1)) if m else None
            if m and rec and "front" in rec and not str(rec.get("rule", "")).startswith("mcq"):
                out.append({**rec, "round": n, "good": m.group(2) == "good"})
    return out


def features(r: dict[str, Any]) -> dict[str, float]:
    front, back, rule = r.get("front") or "", r.get("back") or "", r.get("rule") or ""
    cloze = "[...]" in front
    m = re.match(r"^(.*?)(?: \(([^()]*)\))?$", front)
    label = m.group(1) if m and not cloze else front
    context = (m.group(2) or "") if m and not cloze else front.split(" — ")[0] if " — " in front else ""
    lw, bw = label.split(), back.split()
    both = front + back
    return {
        f"rule={rule}": 1,
        "cloze": cloze,
        "label words": min(len(lw), 12) / 12,
        "label of one word": len(lw) == 1,
        "label of two words": len(lw) == 2,
        "label in lower case": label[:1].islower(),
        "label asks": label.rstrip().endswith("?"),
        "what is": bool(re.match(r"What (?:is|are) ", front)),
        "context": bool(context),
        "context depth": context.count("›"),
        "answer words": min(len(bw), 40) / 40,
        "answer of one word": len(bw) <= 1,
        "answer of three words or fewer": len(bw) <= 3,
        "answer a list": back.count(";") >= 2,
        "answer trails off": back.rstrip().endswith(("...", "…")),
        "digits in the answer": bool(re.search(r"\d", back)),
        "blanks": min(front.count("[...]"), 3) / 3,
        "mostly non-ASCII": sum(ord(c) > 127 for c in both) / max(1, len(both)) > 0.2,
        "emoji": bool(_EMOJI.search(both)),
        "link": "http" in back,
        "arrow": bool(re.search(r"→|->|=>|⇒", back)),
        "example": bool(re.search(r"\b(?:e\.g|example|eg)\b", both, re.IGNORECASE)),
        "a service named in the front": bool(_SERVICE.search(front)),
        "answer starts on a pronoun": bool(re.match(r"(?:it|this|that|these|they)\b", back, re.IGNORECASE)),
        "long front": len(front) > 120,
        "bias": 1,
    }


def fit(xs: list[list[float]], ys: list[bool], l2: float = 1.0, epochs: int = 300) -> list[float]:
    w = [0.0] * len(xs[0])
    for _ in range(epochs):
        grad = [0.0] * len(w)
        for x, y in zip(xs, ys, strict=True):
            err = _p(w, x) - y
            for j, v in enumerate(x):
                if v:
                    grad[j] += err * v
        w = [wj - 0.5 * (g + l2 * wj) / len(xs) for wj, g in zip(w, grad, strict=True)]
    return w


def _p(w: list[float], x: list[float]) -> float:
    z = sum(a * b for a, b in zip(w, x, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--from", dest="first", type=int, default=12, help="the first round reported")
    args = ap.parse_args()
    data = rows()
    feats = [features(r) for r in data]
    names = sorted({k for f in feats for k in f})
    xs = [[float(f.get(n, 0)) for n in names] for f in feats]
    ys = [bool(r["good"]) for r in data]
    scored: list[tuple[float, bool]] = []  # (score, good) of the reported deck cards
    for held in sorted({r["round"] for r in data if r["round"] >= args.first}):
        train = [i for i, r in enumerate(data) if r["round"] != held]
        w = fit([xs[i] for i in train], [ys[i] for i in train])
        for i, r in enumerate(data):
            if r["round"] == held and r.get("label") == "after":
                scored.append((_p(w, xs[i]), ys[i]))
    pos = [s for s, g in scored if g]
    neg = [s for s, g in scored if not g]
    auc = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg))
    good = len(pos)
    print(f"{len(data)} judged cards; deck cards of rounds {args.first}+: {len(scored)}, good {good}")
    print(f"area under the ROC curve, each round scored by a model that never saw it: {auc:.3f}")
    print("| lowest share sent to triage too | deck good | good sent to triage |")
    print("|---|---|---|")
    ranked = sorted(scored)
    for share in (0.0, 0.05, 0.1, 0.15, 0.2, 0.25):
        rest = ranked[int(share * len(ranked)) :]
        kept = sum(g for _, g in rest)
        print(f"| {share:.0%} | {kept}/{len(rest)} = {kept / len(rest):.1%} | {(good - kept) / good:.1%} |")


if __name__ == "__main__":
    main()
