"""Scoring an attempt: which answers are right, the raw and scaled scores, the per-domain table.

A multiple-response question ("choose two") scores only when the answer has every correct option and
no wrong one; there is no partial credit, as on the real exam. An unanswered question is wrong.

The scaled score is an ESTIMATE. AWS reports 100-1000 and does not publish how raw results map onto
it (the map differs between exam forms). awsprep assumes that a raw share of ``assumed_raw_cut``
(by default the pass mark / 1000: 72% for 720) is exactly the pass mark, and maps linearly on each side:
0% -> 100, cut -> pass mark, 100% -> 1000.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from awsprep.exam.blueprint import Blueprint
from awsprep.exam.items import Item
from awsprep.question import describe_answer, expected_answer

SCALE_MIN, SCALE_MAX = 100, 1000


def scaled_score(raw: int, total: int, pass_mark: int, cut: float) -> int:
    """Estimate of the 100-1000 score: piecewise linear through (0, 100), (cut, pass_mark), (1, 1000)."""
    share = raw / total if total else 0.0
    if share <= cut:
        value = SCALE_MIN + (pass_mark - SCALE_MIN) * share / cut
    else:
        value = pass_mark + (SCALE_MAX - pass_mark) * (share - cut) / (1 - cut)
    return round(value)


def scale_explanation(blueprint: Blueprint) -> str:
    cut = blueprint.assumed_raw_cut
    text = (
        "The scaled score is an estimate: AWS does not publish how it scales results, so awsprep maps "
        f"the share of correct answers linearly onto 100-1000, taking {cut:.0%} correct as the pass mark "
        f"{blueprint.pass_mark} (0% -> 100, {cut:.0%} -> {blueprint.pass_mark}, 100% -> 1000)."
    )
    if blueprint.scored is not None and blueprint.scored < blueprint.questions:
        unscored = blueprint.questions - blueprint.scored
        text += (
            f" The real {blueprint.code} scores {blueprint.scored} of its {blueprint.questions} questions "
            f"({unscored} unmarked ones do not count); awsprep counts every question it asks."
        )
    return text


@dataclass(frozen=True)
class DomainResult:
    """One domain's correct answers in a scored attempt."""

    key: str
    name: str
    correct: int
    total: int
    weight: float

    @property
    def share(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class Report:
    """A scored mock exam: raw and scaled score, pass or fail, and the result per domain."""

    blueprint: str
    raw_correct: int
    total: int
    answered: int
    scaled_score: int
    pass_mark: int
    passed: bool
    domains: tuple[DomainResult, ...]  # weakest first
    wrong: tuple[Item, ...]
    correct_ids: tuple[str, ...]  # card ids answered correctly
    note: str

    def as_json(self) -> dict[str, Any]:
        return {
            "blueprint": self.blueprint,
            "raw_correct": self.raw_correct,
            "total": self.total,
            "answered": self.answered,
            "scaled_score": self.scaled_score,
            "pass_mark": self.pass_mark,
            "passed": self.passed,
            "scaled_score_note": self.note,
            "domains": [
                {
                    "key": d.key,
                    "name": d.name,
                    "correct": d.correct,
                    "total": d.total,
                    "percent": None if d.share is None else round(100 * d.share, 1),
                }
                for d in self.domains
            ],
            "wrong": [
                {
                    "number": i.position + 1,
                    "card_id": i.card_id,
                    "domain": i.domain,
                    "chosen": describe_answer(i.question, i.answer) if i.answered else None,
                    "correct": expected_answer(i.question),
                    "source": i.question.source or None,
                }
                for i in self.wrong
            ],
        }


def score(blueprint: Blueprint, items: Sequence[Item]) -> Report:
    verdicts = [(item, item.correct) for item in items]
    raw = sum(ok for _, ok in verdicts)
    domains = []
    for d in blueprint.domains:
        mine = [ok for item, ok in verdicts if item.domain == d.key]
        domains.append(DomainResult(d.key, d.name, sum(mine), len(mine), d.weight))
    asked = [d for d in domains if d.total]
    asked.sort(key=lambda d: (d.correct / d.total, -d.weight))
    scaled = scaled_score(raw, len(items), blueprint.pass_mark, blueprint.assumed_raw_cut)
    return Report(
        blueprint=blueprint.code,
        raw_correct=raw,
        total=len(items),
        answered=sum(1 for item in items if item.answered),
        scaled_score=scaled,
        pass_mark=blueprint.pass_mark,
        passed=scaled >= blueprint.pass_mark,
        domains=tuple(asked),
        wrong=tuple(item for item, ok in verdicts if not ok),
        correct_ids=tuple(item.card_id for item, ok in verdicts if ok),
        note=scale_explanation(blueprint),
    )


@dataclass(frozen=True)
class Trend:
    """The scaled-score trend of one blueprint's full-length attempts."""

    blueprint: str
    attempts: int
    first: int
    last: int
    best: int
    change: int  # last - first
    recent_change: int  # last - the one before it (0 with one attempt)

    def as_json(self) -> dict[str, Any]:
        return {
            "blueprint": self.blueprint,
            "attempts": self.attempts,
            "first": self.first,
            "last": self.last,
            "best": self.best,
            "change": self.change,
            "recent_change": self.recent_change,
        }


def trends(scores: Sequence[tuple[str, int]]) -> list[Trend]:
    """Per blueprint, from (blueprint, scaled score) pairs in date order."""
    by_bp: dict[str, list[int]] = {}
    for bp, value in scores:
        by_bp.setdefault(bp, []).append(value)
    return [
        Trend(
            blueprint=bp,
            attempts=len(v),
            first=v[0],
            last=v[-1],
            best=max(v),
            change=v[-1] - v[0],
            recent_change=v[-1] - v[-2] if len(v) > 1 else 0,
        )
        for bp, v in by_bp.items()
    ]
