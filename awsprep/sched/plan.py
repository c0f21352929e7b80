"""Exam-date planning: every card of the exam at or above the target recall on exam day.

Pure and day-based; the store hands in the cards, the command the date. The rules:

* **No interval jumps past the exam unchecked.** A card whose next review falls after the exam and whose
  last review came before the final window (FINAL_DAYS before the exam) gets one more review inside
  the window. That is the final pass.
* **The final pass goes weakest first and is spread:** the cards are ordered by predicted recall on
  exam day (lowest first) and each day of the window takes an equal share of what is left, so no day
  gets a spike.
* **New cards are paced** to be introduced before the window opens: `new_pace` says how many a day
  that takes and, when the new-per-day limit is too low, which limit would do it.
* **After the exam date** the plan is off and ordinary scheduling resumes (`active`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from awsprep.sched.fsrs import DEFAULT_PARAMS, Params, recall_of
from awsprep.sched.queue import Candidate

FINAL_DAYS = 5


@dataclass(frozen=True)
class ExamPlan:
    exam_date: date
    target: float = 0.9
    params: Params = DEFAULT_PARAMS
    final_days: int = FINAL_DAYS

    def active(self, today: date) -> bool:
        return today <= self.exam_date

    @property
    def window_start(self) -> date:
        return self.exam_date - timedelta(days=self.final_days)

    def in_window(self, today: date) -> bool:
        return self.window_start <= today <= self.exam_date

    def recall(self, c: Candidate) -> float:
        return recall_of(c.state, self.exam_date, self.params)

    def final_pass(self, beyond: Sequence[Candidate], today: date) -> list[Candidate]:
        """Today's share of the final pass: cards due after the exam, not reviewed since the window
        opened, weakest on exam day first; the remaining window days share them equally."""
        if not self.in_window(today):
            return []
        todo = sorted(
            (
                c
                for c in beyond
                if c.state.last_review is None or c.state.last_review.date() < self.window_start
            ),
            key=lambda c: (self.recall(c), c.card_id),
        )
        return todo[: self.share(len(todo), today)]

    def share(self, waiting: int, today: date) -> int:
        """How many of the `waiting` final-pass cards today takes: the window's days left share them
        equally (the exam day itself is not for studying)."""
        if not self.in_window(today):
            return 0
        return math.ceil(waiting / max(1, (self.exam_date - today).days))


@dataclass(frozen=True)
class NewPace:
    remaining: int
    days: int  # days left to introduce them (before the final window)
    needed: int  # new cards a day to introduce all in time
    limit: int

    @property
    def feasible(self) -> bool:
        return self.remaining == 0 or (self.days > 0 and self.needed <= self.limit)

    def sentence(self) -> str:
        if self.remaining == 0:
            return "Every card of the exam has been introduced."
        if self.days <= 0:
            return (
                f"{self.remaining} new card(s) can no longer be introduced before the final "
                f"{FINAL_DAYS} days; they will be new on exam day (consider a later exam-date)."
            )
        if self.feasible:
            return (
                f"{self.remaining} new card(s) over {self.days} day(s): at least {self.needed} a day "
                f"(limit {self.limit}) introduces them all in time."
            )
        return (
            f"{self.remaining} new card(s) cannot all be introduced in {self.days} day(s) at new-per-day "
            f"{self.limit}; new-per-day {self.needed} would make it possible."
        )


def new_pace(plan: ExamPlan, remaining: int, today: date, limit: int) -> NewPace:
    days = (plan.window_start - today).days
    needed = math.ceil(remaining / days) if days > 0 else remaining
    return NewPace(remaining, days, needed, limit)


def plan_note(plan: ExamPlan, today: date, new_remaining: int, new_limit: int) -> str:
    """What the plan does today, in one or two sentences, for the start of a review."""
    days = (plan.exam_date - today).days
    when = "today" if days == 0 else f"in {days} day(s)"
    window = (
        "the final pass (weakest cards first) is on"
        if plan.in_window(today)
        else f"the final pass starts {plan.window_start.isoformat()}"
    )
    pace = new_pace(plan, new_remaining, today, new_limit).sentence()
    return f"Exam {plan.exam_date.isoformat()} {when}: {window}, target recall {plan.target:.0%}. {pace}"
