"""The welcome back of `awsprep review`: what piled up while the learner was away. Apart from the rest of
`study/stats.py` (which re-exports it), so that review's start does not import the statistics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from awsprep.study.ports import DueTally


@dataclass(frozen=True)
class WelcomeBack:
    last_day: date
    today: date
    due: int  # cards due today, the backlog included
    piled_up: int  # of them, cards that came due on the days missed

    @property
    def missed_days(self) -> int:
        return (self.today - self.last_day).days - 1

    def message(self) -> str:
        days = self.missed_days
        return (
            f"Welcome back! Your last review was on {self.last_day.isoformat()}; "
            f"{days} day{'s' if days != 1 else ''} missed. {self.piled_up} card"
            f"{'s' if self.piled_up != 1 else ''} came due while you were away; "
            f"{self.due} {'are' if self.due != 1 else 'is'} due today in all."
        )


def away(last_day: date | None, today: date) -> bool:
    """At least one whole day passed without a review: the learner is welcomed back (and only then are
    the due cards counted)."""
    return last_day is not None and (today - last_day).days >= 2


def welcome_back(last_day: date | None, today: date, dues: Iterable[DueTally]) -> WelcomeBack | None:
    """What piled up, when at least one whole day passed without a review (None otherwise)."""
    if last_day is None or not away(last_day, today):
        return None
    due = [(t.due, t.count - t.buried) for t in dues if t.due <= today]
    total = sum(n for _, n in due)
    piled = sum(n for d, n in due if last_day < d < today)
    return WelcomeBack(last_day, today, total, piled)
