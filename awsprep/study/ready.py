"""`awsprep ready`: per exam domain the expected share answered right, and the chance of passing.

The model, in order (docs/scheduling.md says the same in prose):

1. **Cards.** Every active card whose domain is one of the blueprint's has a predicted recall R on the
   day (the exam date, else today) from its review log (FSRS-6, `sched/fsrs.predicted_recall`). A
   question is answered right if recalled, else by a guess among four options: q = R + (1 - R) / 4.
   A card never studied has R = 0.
2. **Mock exams.** Each answered question of a submitted mock of this blueprint is one observation,
   weighted by recency (half-life MOCK_HALF_LIFE days).
3. **A domain's expected share** blends both: the cards' mean q counts as MODEL_WEIGHT observations
   next to the weighted mock answers.
4. **Pass probability.** The uncertainty of each domain's share is a Beta with as many observations as
   the evidence (studied cards + weighted mock answers, at most MAX_EVIDENCE). For DRAWS draws of the
   domain shares, an exam is laid out like the real one (the scored questions split by the domain
   weights, `exam/sampling.domain_counts`) and the exact chance that the right answers reach the
   pass mark (`exam/scoring.scaled_score`) is computed; the mean is the pass probability and the 10th
   and 90th percentiles its interval.
5. **Too little history** (fewer than MIN_ANSWERS graded answers, or a domain with fewer than
   MIN_DOMAIN studied cards and no mock answers): no number, and what is missing.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Protocol

from awsprep.exam.blueprint import Blueprint
from awsprep.exam.sampling import domain_counts
from awsprep.exam.scoring import scaled_score
from awsprep.sched.fsrs import DEFAULT_PARAMS, Params, graded, predicted_recall, utc
from awsprep.study import settings as prefs
from awsprep.study.pace import pace, queue_minutes
from awsprep.study.ports import ExamRepository, LogEntry

GUESS = 0.25  # four options; multiple-response questions guess worse, numeric ones hardly at all
MOCK_HALF_LIFE = 14.0  # days
MODEL_WEIGHT = 20.0  # the cards' prediction counts as this many mock answers
MAX_EVIDENCE = 200.0
MIN_ANSWERS = 100
MIN_DOMAIN = 5
DRAWS = 400
ADVICE_DRAWS = 150
NO_DATE_HORIZON = 14  # days the advice spreads the work over when no exam date is set
REVIEWS_TO_TARGET = 3  # reviews a weak card needs before the exam, for the minutes-a-day advice


@dataclass(frozen=True)
class MockAnswer:
    day: date
    domain: str
    correct: bool


@dataclass(frozen=True)
class DomainReadiness:
    key: str
    name: str
    weight: float
    cards: int
    studied: int
    below_target: int
    predicted_share: float  # from the cards alone
    mock_answers: float  # recency-weighted count
    mock_share: float | None
    expected_share: float
    evidence: float

    def as_json(self) -> dict[str, Any]:
        return {
            "domain": self.key,
            "name": self.name,
            "weight": self.weight,
            "cards": self.cards,
            "studied": self.studied,
            "below_target": self.below_target,
            "predicted_share": round(self.predicted_share, 3),
            "mock_answers": round(self.mock_answers, 1),
            "mock_share": None if self.mock_share is None else round(self.mock_share, 3),
            "expected_share": round(self.expected_share, 3),
        }


@dataclass(frozen=True)
class Readiness:
    blueprint: str
    on: date
    answers: int
    domains: tuple[DomainReadiness, ...]
    enough: bool
    missing: str = ""  # why there is no estimate
    pass_probability: float | None = None
    interval: tuple[float, float] | None = None
    advice: str = ""
    fitted_parameters: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "blueprint": self.blueprint,
            "on": self.on.isoformat(),
            "answers": self.answers,
            "enough_history": self.enough,
            "missing": self.missing or None,
            "pass_probability": None if self.pass_probability is None else round(self.pass_probability, 3),
            "interval": None if self.interval is None else [round(x, 3) for x in self.interval],
            "advice": self.advice or None,
            "fsrs_parameters": "fitted" if self.fitted_parameters else "default",
            "domains": [d.as_json() for d in self.domains],
        }


def _domain(
    bp: Blueprint,
    key: str,
    card_ids: Sequence[str],
    logs: Mapping[str, Sequence[LogEntry]],
    mocks: Sequence[MockAnswer],
    on: date,
    today: date,
    params: Params,
    target: float,
) -> DomainReadiness:
    recalls = [predicted_recall(logs.get(cid, ()), on, params) for cid in card_ids]
    studied = sum(1 for cid in card_ids if graded(logs.get(cid, ())))
    predicted = sum(r + (1 - r) * GUESS for r in recalls) / len(recalls) if recalls else GUESS
    weights = [(0.5 ** (max(0, (today - m.day).days) / MOCK_HALF_LIFE), m.correct) for m in mocks]
    mock_n = sum(w for w, _ in weights)
    mock_share = sum(w for w, ok in weights if ok) / mock_n if mock_n else None
    model_w = MODEL_WEIGHT if studied else 0.0
    total_w = model_w + mock_n
    expected = (predicted * model_w + (mock_share or 0) * mock_n) / total_w if total_w else GUESS
    d = bp.domain(key)
    return DomainReadiness(
        key=key,
        name=d.name,
        weight=d.weight,
        cards=len(card_ids),
        studied=studied,
        below_target=sum(1 for r in recalls if r < target),
        predicted_share=predicted,
        mock_answers=mock_n,
        mock_share=mock_share,
        expected_share=expected,
        evidence=min(MAX_EVIDENCE, studied + mock_n),
    )


def _binomial(n: int, p: float) -> list[float]:
    return [math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)]


def _convolve(a: list[float], b: list[float]) -> list[float]:
    out = [0.0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return out


def pass_chances(
    bp: Blueprint, domains: Sequence[DomainReadiness], rng: random.Random, draws: int = DRAWS
) -> list[float]:
    """For each draw of the domain shares (Beta by the evidence) and of the exam's layout, the exact
    probability that the right answers reach the pass mark."""
    n = bp.scored or bp.questions
    by_key = {d.key: d for d in domains}
    out = []
    for _ in range(draws):
        counts = domain_counts(bp, n, rng)
        pmf = [1.0]
        for key, k in counts.items():
            d = by_key[key]
            a = d.expected_share * d.evidence + 0.5
            b = (1 - d.expected_share) * d.evidence + 0.5
            pmf = _convolve(pmf, _binomial(k, rng.betavariate(a, b)))
        out.append(
            sum(
                p
                for raw, p in enumerate(pmf)
                if scaled_score(raw, n, bp.pass_mark, bp.assumed_raw_cut) >= bp.pass_mark
            )
        )
    return out


def _quantile(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def _advice(
    bp: Blueprint,
    domains: tuple[DomainReadiness, ...],
    base: float,
    rng: random.Random,
    target: float,
    days_left: int,
    seconds: float,
    drill_share: float,
) -> str:
    """Which domain, brought to the target recall, raises the pass probability most, and its cost."""
    best: tuple[float, DomainReadiness] | None = None
    goal = target + (1 - target) * GUESS
    for d in domains:
        if d.expected_share >= goal or d.below_target == 0:
            continue
        lifted = [replace(x, expected_share=goal) if x.key == d.key else x for x in domains]
        p = sum(pass_chances(bp, lifted, rng, ADVICE_DRAWS)) / ADVICE_DRAWS
        if best is None or p - base > best[0]:
            best = (p - base, d)
    if best is None:
        return "Every domain is at the target recall; keep up the daily reviews until the exam."
    gain, d = best
    minutes = queue_minutes(d.below_target * REVIEWS_TO_TARGET, seconds, drill_share) / max(1, days_left)
    return (
        f"{d.name} would raise it most: its {d.below_target} card(s) below {target:.0%} predicted recall "
        f"need about {math.ceil(minutes)} minute(s) a day over {days_left} day(s) "
        f"(pass probability about {min(1.0, base + gain):.0%} then)."
    )


def readiness(
    bp: Blueprint,
    card_domains: Mapping[str, str],
    logs: Mapping[str, Sequence[LogEntry]],
    mocks: Sequence[MockAnswer],
    today: date,
    on: date | None,
    rng: random.Random,
    params: Params = DEFAULT_PARAMS,
    target: float = 0.9,
    speed: tuple[float, float] = (20.0, 0.0),
) -> Readiness:
    """The readiness report for `bp` on `on` (the exam date; today if None)."""
    day = on if on is not None and on >= today else today
    answers = sum(len(graded(entries)) for entries in logs.values())
    by_domain: dict[str, list[str]] = {k: [] for k in bp.domain_keys}
    for cid, dom in card_domains.items():
        if dom in by_domain:
            by_domain[dom].append(cid)
    domains = tuple(
        _domain(bp, key, ids, logs, [m for m in mocks if m.domain == key], day, today, params, target)
        for key, ids in by_domain.items()
    )
    short = [d for d in domains if d.studied < MIN_DOMAIN and d.mock_answers < MIN_DOMAIN]
    mock_total = sum(d.mock_answers for d in domains)
    few = answers < MIN_ANSWERS and mock_total < MIN_ANSWERS / 2
    if few or short:
        needs = []
        if few:
            needs.append(f"{answers} graded answers so far ({MIN_ANSWERS} needed, or a mock exam)")
        needs += [f"{d.name} has {d.studied} studied card(s) ({MIN_DOMAIN} needed)" for d in short]
        missing = "Too little history to estimate a pass probability: " + "; ".join(needs) + "."
        return Readiness(bp.key, day, answers, domains, False, missing, fitted_parameters=params.fitted)
    chances = pass_chances(bp, domains, rng)
    p = sum(chances) / len(chances)
    horizon = (day - today).days if day > today else NO_DATE_HORIZON
    advice = _advice(bp, domains, p, rng, target, horizon, *speed)
    return Readiness(
        bp.key,
        day,
        answers,
        domains,
        True,
        pass_probability=p,
        interval=(_quantile(chances, 0.1), _quantile(chances, 0.9)),
        advice=advice,
        fitted_parameters=params.fitted,
    )


def mock_answers(
    attempts: Sequence[tuple[datetime, Sequence[tuple[str | None, bool | None]]]],
) -> list[MockAnswer]:
    """Scored mock answers (finished, [(domain, correct)]) as observations; unscored items are left out."""
    return [
        MockAnswer(utc(finished).date(), dom, bool(ok))
        for finished, items in attempts
        for dom, ok in items
        if dom is not None and ok is not None
    ]


class ReadyStore(Protocol):
    def get_setting(self, key: str, default: str) -> str: ...
    def card_domains(self, domains: Iterable[str]) -> dict[str, str]: ...
    def graded_log(self, decks: Iterable[str] | None = None) -> dict[str, list[LogEntry]]: ...
    def log(self, card_id: str | None = None) -> list[LogEntry]: ...


def report(
    store: ReadyStore, exams: ExamRepository, bp: Blueprint, today: date, rng: random.Random
) -> Readiness:
    """Gather the cards, their logs, this blueprint's submitted mocks and the settings; then `readiness`."""
    attempts = [a for a in exams.history() if a.blueprint == bp.key and a.status == "submitted"]
    mocks = mock_answers(
        [
            (a.finished, [(r.domain, r.correct) for r in exams.items(a.id)])
            for a in attempts
            if a.finished is not None
        ]
    )
    exam_day = (
        prefs.value(store, "exam-date") if prefs.value(store, "exam-blueprint") in (None, bp.key) else None
    )
    return readiness(
        bp,
        store.card_domains(bp.domain_keys),
        store.graded_log(),
        mocks,
        today,
        exam_day,
        rng,
        prefs.fsrs_params(store),
        float(prefs.value(store, "target-recall")),
        pace(store.log()),
    )
