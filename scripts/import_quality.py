"""Blind quality samples of `awsprep import` on folders of real notes (docs/importer.md, issue 10).

Three steps, each runnable by itself:

``sample FOLDER... --label L --seed S --per-folder N --out pool.json``
    imports each folder as its own deck and draws N cards at random (``random.Random(S)``) from the
    cards that entered the deck (``--triage``: from the cards sent to triage instead; ``--no-mcq``:
    multiple-choice cards left out, when the questions are measured apart). Each record
    keeps the card's front and back and, for the key only, its rule, source, score and reasons.
    The code imported is whatever ``awsprep`` is on the path, so ``PYTHONPATH=/old/checkout`` samples
    an older version of the rules.
``sheet POOL... --seed S --out NAME``
    shuffles the records of every pool together and writes ``NAME.md``, the blind sheet (a number,
    the front and the back: nothing that tells which rule, folder or version made a card), and
    ``NAME.key.json`` (number -> everything else). Verdicts go into the sheet's last column:
    ``good``, ``weak`` or ``junk``, then a reason.
``tally NAME``
    joins the judged sheet with its key and prints good/weak/junk per group and label.
"""

from __future__ import annotations

import argparse
import inspect
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
try:
    import awsprep  # noqa: F401
except ImportError:  # run from a checkout without an install
    sys.path.insert(0, str(ROOT))

from awsprep.bank.models import BasicCard, Card, ClozeCard, McqCard  # noqa: E402
from awsprep.notes.pipeline import collect_files, run_import  # noqa: E402
from awsprep.notes.topics import TopicTable  # noqa: E402


def faces(card: Card) -> tuple[str, str]:
    """What a learner sees: the front, and the back after answering."""
    if isinstance(card, BasicCard):
        return card.front, card.back
    if isinstance(card, ClozeCard):
        return re.sub(r"\{\{.*?\}\}", "[...]", card.text), card.text.replace("{{", "").replace("}}", "")
    if isinstance(card, McqCard):
        opts = " ".join(f"{chr(65 + i)}. {o}" for i, o in enumerate(card.options))
        key = ", ".join(chr(65 + i) for i in card.correct)
        return f"{card.question} {opts}", f"{key}. {card.explanation}".strip()
    return card.prompt(), ""


def _record(
    folder: Path, front: str, back: str, rule: str, source: str, score: Any, reasons: Any
) -> dict[str, Any]:
    return {
        "folder": folder.name,
        "front": front,
        "back": back,
        "rule": rule,
        "source": source,
        "score": score,
        "reasons": list(reasons),
    }


def _records(folder: Path, triage: bool, no_mcq: bool = False) -> list[dict[str, Any]]:
    topics = TopicTable.load(ROOT / "content" / "domains.yaml")
    extra: dict[str, Any] = {}
    facts_file = ROOT / "content" / "facts.yaml"
    if "facts" in inspect.signature(run_import).parameters and facts_file.is_file():
        from awsprep.notes.lint import load_facts

        extra["facts"] = load_facts(facts_file)  # as `awsprep import` does
    result = run_import(collect_files([folder]), "sample", topics, **extra)
    pending = getattr(result, "triage", None)
    out = []
    if triage:
        from awsprep.bank.io import card_from_dict

        for t in pending or []:
            front, back = faces(card_from_dict(t.card, "triage", "sample"))
            rule = t.reasons[0].split()[1] if t.reasons else ""
            out.append(_record(folder, front, back, rule, t.source, t.score, t.reasons))
        return out
    scores = [(q.score, q.reasons) for q in getattr(result, "scores", [])]
    scores = scores or [(None, ())] * len(result.cards)
    for card, draft, (score, reasons) in zip(result.cards, result.drafts, scores, strict=True):
        if no_mcq and isinstance(card, McqCard):
            continue
        front, back = faces(card)
        out.append(_record(folder, front, back, draft.rule, f"{draft.file}:{draft.line}", score, reasons))
    return out


def sample(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    pool = []
    for name in args.folders:
        records = _records(Path(name), args.triage, args.no_mcq)
        picked = rng.sample(records, min(args.per_folder, len(records)))
        for r in picked:
            r["label"] = args.label
            r["of"] = len(records)
        pool.extend(picked)
        print(f"{Path(name).name}: {len(records)} cards, {len(picked)} drawn", file=sys.stderr)
    Path(args.out).write_text(json.dumps({"seed": args.seed, "records": pool}, indent=1), encoding="utf-8")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")[:400]


def sheet(args: argparse.Namespace) -> None:
    records = []
    for p in args.pools:
        records.extend(json.loads(Path(p).read_text(encoding="utf-8"))["records"])
    random.Random(args.seed).shuffle(records)
    lines = [
        f"# Blind sheet {Path(args.out).name} (shuffle seed {args.seed})",
        "",
        "Judge each card against ../shared/corpus/README.md: good, weak or junk, then a reason.",
        "",
        "| # | front | back | verdict |",
        "|---|---|---|---|",
    ]
    key = {}
    for n, r in enumerate(records, start=1):
        lines.append(f"| {n} | {_cell(r['front'])} | {_cell(r['back'])} | |")
        key[str(n)] = r
    Path(f"{args.out}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    Path(f"{args.out}.key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")


def tally(args: argparse.Namespace) -> None:
    key = json.loads(Path(f"{args.name}.key.json").read_text(encoding="utf-8"))
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for line in Path(f"{args.name}.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| (\d+) \|.*\| (good|weak|junk)\b[^|]*\|\s*$", line)
        if not m:
            continue
        r = key[m.group(1)]
        for group in (r["folder"], "all"):
            counts[(group, r["label"])][m.group(2)] += 1
    print("| folder | sample | n | good | weak | junk | good % |")
    print("|---|---|---|---|---|---|---|")
    for (group, label), c in sorted(counts.items()):
        n = sum(c.values())
        print(
            f"| {group} | {label} | {n} | {c['good']} | {c['weak']} | {c['junk']} "
            f"| {100 * c['good'] / n:.0f}% |"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(required=True)
    s = sub.add_parser("sample")
    s.add_argument("folders", nargs="+")
    s.add_argument("--label", required=True)
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--per-folder", type=int, default=30)
    s.add_argument("--triage", action="store_true")
    # practice questions measured apart (each key checked against the file), e.g. when a question shape
    # of the set was fixed after its held-out count: the notes sample then holds the notes' cards only
    s.add_argument("--no-mcq", action="store_true", help="leave multiple-choice cards out of the sample")
    s.add_argument("--out", required=True)
    s.set_defaults(fn=sample)
    h = sub.add_parser("sheet")
    h.add_argument("pools", nargs="+")
    h.add_argument("--seed", type=int, required=True)
    h.add_argument("--out", required=True)
    h.set_defaults(fn=sheet)
    t = sub.add_parser("tally")
    t.add_argument("name")
    t.set_defaults(fn=tally)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
