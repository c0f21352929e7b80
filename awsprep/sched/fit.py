"""Fitting FSRS-6's initial stabilities (w0-w3) to the learner's own history, pure and dependency-free.

The `fsrs` package's full optimizer needs torch; awsprep fits only the four initial stabilities, the
first stage of FSRS's own optimizer ("pretrain"): for each first rating (Again, Hard, Good, Easy), the
stability S that best explains whether the card was recalled at its second review t days later, by
maximum likelihood on R(t) = (1 + factor t / S) ** -decay. The other 17 weights keep their defaults.

A rating's S is fitted only with at least MIN_PAIRS second reviews after it, and nothing is fitted below
MIN_REVIEWS graded reviews in all; the fitted values are kept in the package's bounds and in order
(a better first rating never means a lower stability).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from awsprep.sched.fsrs import DEFAULT_PARAMS, GradedEntry, Params, graded, rating, retrievability, utc
from awsprep.sched.sm2 import PASS_GRADE

MIN_REVIEWS = 200
MIN_PAIRS = 50
S_LOW, S_HIGH = 0.1, 100.0


@dataclass(frozen=True)
class Fit:
    params: Params
    reviews: int
    fitted: tuple[int, ...]  # which first ratings (1-4) got a fitted stability
    enough: bool


def first_pairs(logs: Iterable[Sequence[GradedEntry]]) -> dict[int, list[tuple[float, bool]]]:
    """Per first rating: (days to the second review, recalled then) for cards reviewed on two days."""
    out: dict[int, list[tuple[float, bool]]] = {1: [], 2: [], 3: [], 4: []}
    for entries in logs:
        rows = sorted(graded(entries), key=lambda e: utc(e.ts))
        if not rows:
            continue
        first = rows[0]
        later = next((e for e in rows[1:] if (utc(e.ts).date() - utc(first.ts).date()).days >= 1), None)
        if later is None or later.grade is None or first.grade is None:
            continue
        days = (utc(later.ts).date() - utc(first.ts).date()).days
        out[int(rating(first.grade))].append((float(days), later.grade >= PASS_GRADE))
    return out


def _loss(s: float, pairs: list[tuple[float, bool]], params: Params) -> float:
    total = 0.0
    for t, ok in pairs:
        r = min(1 - 1e-9, max(1e-9, retrievability(s, t, params)))
        total -= math.log(r) if ok else math.log(1 - r)
    return total


def best_stability(pairs: list[tuple[float, bool]], params: Params = DEFAULT_PARAMS) -> float:
    """Golden-section search on log S for the maximum likelihood stability."""
    lo, hi = math.log(S_LOW), math.log(S_HIGH)
    g = (math.sqrt(5) - 1) / 2
    for _ in range(80):
        a, b = hi - g * (hi - lo), lo + g * (hi - lo)
        if _loss(math.exp(a), pairs, params) < _loss(math.exp(b), pairs, params):
            hi = b
        else:
            lo = a
    return math.exp((lo + hi) / 2)


def fit(logs: Iterable[Sequence[GradedEntry]], base: Params = DEFAULT_PARAMS) -> Fit:
    logs = list(logs)
    reviews = sum(len(graded(entries)) for entries in logs)
    if reviews < MIN_REVIEWS:
        return Fit(base, reviews, (), False)
    weights = list(base.weights)
    done = []
    for r, pairs in first_pairs(logs).items():
        if len(pairs) >= MIN_PAIRS:
            weights[r - 1] = best_stability(pairs, base)
            done.append(r)
    for i in range(1, 4):
        weights[i] = max(weights[i], weights[i - 1])
    return Fit(Params(tuple(weights), base.desired_retention), reviews, tuple(done), True)
