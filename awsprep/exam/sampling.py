"""Which questions an exam asks: counts per domain by the blueprint's weights, then questions drawn
from the bank, avoiding those seen in recent attempts while others remain.

Counts: each domain gets the whole part of ``n * weight``; the seats left over go to domains with
probabilities equal to their fractional parts (systematic sampling). An exam is thus always within one
question of the exact quota, and over many exams each domain's share is exactly its weight on average.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from awsprep.bank.models import Card, McqCard, NumericCard
from awsprep.exam.blueprint import Blueprint


def domain_counts(blueprint: Blueprint, n: int, rng: random.Random) -> dict[str, int]:
    quotas = {d.key: n * d.weight for d in blueprint.domains}
    counts = {k: math.floor(q + 1e-9) for k, q in quotas.items()}
    fractions = [(k, max(0.0, q - counts[k])) for k, q in quotas.items()]
    seats = n - sum(counts.values())
    if seats > 0:
        rng.shuffle(fractions)
        start = rng.random()
        targets = [start + i for i in range(seats)]
        cumulative = 0.0
        for key, frac in fractions:
            low, cumulative = cumulative, cumulative + frac
            counts[key] += sum(1 for t in targets if low <= t < cumulative)
        short = n - sum(counts.values())  # only floating-point noise can leave a seat unfilled
        for key, _ in sorted(fractions, key=lambda kf: -kf[1])[:short]:
            counts[key] += 1
    return counts


def is_exam_question(card: Card) -> bool:
    return isinstance(card, McqCard | NumericCard)


@dataclass(frozen=True)
class Sample:
    cards: list[Card]
    planned: dict[str, int]  # what the blueprint asked for, per domain
    drawn: dict[str, int]  # what the bank gave, per domain
    note: str = ""  # one sentence when the bank could not give what the blueprint asked for


def _draw(pool: list[Card], k: int, recent: set[str], rng: random.Random) -> list[Card]:
    fresh = [c for c in pool if c.id not in recent]
    seen = [c for c in pool if c.id in recent]
    rng.shuffle(fresh)
    rng.shuffle(seen)
    return (fresh + seen)[:k]


def sample(
    cards: Sequence[Card],
    blueprint: Blueprint,
    n: int,
    rng: random.Random,
    recent: Iterable[str] = (),
    only_domain: str | None = None,
) -> Sample:
    """Draw n questions (mcq and numeric cards with one of the blueprint's domains), in random order."""
    recent_ids = set(recent)
    pools: dict[str, list[Card]] = {k: [] for k in blueprint.domain_keys}
    for card in cards:
        if is_exam_question(card) and card.domain in pools:
            pools[card.domain].append(card)
    planned = {only_domain: n} if only_domain is not None else domain_counts(blueprint, n, rng)
    chosen: list[Card] = []
    for key, k in planned.items():
        chosen.extend(_draw(pools[key], k, recent_ids, rng))
    drawn = {key: sum(1 for c in chosen if c.domain == key) for key in planned}
    lacking = [key for key in planned if drawn[key] < planned[key]]
    note = ""
    if lacking and only_domain is None:
        taken = {c.id for c in chosen}
        rest = [c for key in pools for c in pools[key] if c.id not in taken]
        before = len(chosen)
        chosen.extend(_draw(rest, n - len(chosen), recent_ids, rng))
        filled = len(chosen) - before
        names = " and ".join(blueprint.domain(key).name for key in lacking)
        filled_text = "1 question comes" if filled == 1 else f"{filled} questions come"
        note = f"The bank has too few questions in {names}, so {filled_text} from other domains"
        if len(chosen) < n:
            note += f" and the exam has {len(chosen)} questions instead of {n}"
        note += "."
        drawn = {key: sum(1 for c in chosen if c.domain == key) for key in planned}
    elif lacking:
        note = (
            f"The bank has only {len(chosen)} questions in {blueprint.domain(only_domain or '').name}, "
            f"so the exam has {len(chosen)} instead of {n}."
        )
    rng.shuffle(chosen)
    return Sample(cards=chosen, planned=planned, drawn=drawn, note=note)
