"""Exam-date planning: every card of the exam at or above the target recall on exam day, with few reviews.

Pure and day-based; the store hands in the cards (or selects them in SQL by the same rule, `PlanQuery`),
the command the date. While the plan runs it decides which studied cards are reviewed, in place of the
scheduler's due dates (SM-2 or FSRS keep their own dates, used again after the exam). Every rule reads
a card's FSRS memory (carried under both schedulers) through one number, its *ratio*: whole days since
its last review divided by its stability. Recall falls as the ratio grows, so "recall below r" is
"ratio above horizon(r)", which SQL can test as well as Python.

* **No review the exam does not need.** A card whose predicted recall on exam day is at or above the
  target (ratio on exam day <= horizon(target)) is not reviewed again before the exam.
* **Stretched intervals.** Before the final window, a card that needs a review comes back when its
  recall has fallen to REVIEW_RETENTION (0.8, lower than the schedulers' 0.9: a review at lower recall
  raises stability more), and not even then if it can wait for the final window without its recall
  falling under WAIT_FLOOR (0.65): the final pass then reviews it once, instead of twice. A *hard* card
  (FSRS difficulty HARD_DIFFICULTY or more) does not wait: its reviews in the final pass do not last to
  the exam, so it would come back there again and again (the returns that made the last days the
  busiest); reviewed before the window, its stability grows while the days are light.
* **The final pass** (the last FINAL_DAYS before the exam) reviews every card still under the target
  on exam day, weakest on exam day first; each day takes an equal share of what is waiting, raised by
  RETURNS (the part of the final pass that comes back: cards failed, or still short of the target after
  a review, join the waiting ones again), so a card failed early in the window is tried again on a later
  day and the returns do not pile up on the last day.
* **New cards are paced** evenly over the days before the window: `new_pace` says how many a day that
  takes and, when the new-per-day limit is too low, which limit would do it.
* **After the exam date** the plan is off and ordinary scheduling resumes (`active`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from awsprep.sched.fsrs import DEFAULT_PARAMS, Params, memory_of, recall_of, utc
from awsprep.sched.queue import Candidate
from awsprep.sched.sm2 import CardState

FINAL_DAYS = 11
RETURNS = 0.15
REVIEW_RETENTION = 0.8
WAIT_FLOOR = 0.65
HARD_DIFFICULTY = 8.5  # FSRS difficulty (1-10) from which a card does not wait for the final window
NO_STABILITY = 0.001  # a studied card without FSRS memory counts as forgotten (the store's COALESCE too)


def horizon(recall: float, params: Params = DEFAULT_PARAMS) -> float:
    """The ratio (days since the last review / stability) at which FSRS-6 recall falls to `recall`."""
    decay = -params.weights[20]
    factor = 0.9 ** (1 / decay) - 1
    return float((recall ** (1 / decay) - 1) / factor)


def ratio(state: CardState, on: date) -> float:
    """Whole days from the card's last review to `on`, over its stability."""
    mem = memory_of(state)
    if mem is None:
        last = state.last_review
        return (on - utc(last).date()).days / NO_STABILITY if last is not None else math.inf
    return (on - utc(mem.last_review).date()).days / mem.stability


@dataclass(frozen=True)
class PlanQuery:
    """What today's plan selects, as ratio bounds (the store runs it in SQL, `ExamPlan.pick` in Python):
    studied cards not answered today with ratio on `exam` above `exam_ratio`; before the window also
    ratio today at least `review_ratio` and, unless the card's difficulty is at least `hard`, ratio on
    `window_start` above `wait_ratio`. Ordered by ratio on `order_on`, largest (weakest) first."""

    exam: date
    today: date
    exam_ratio: float
    review_ratio: float | None  # None: in the final window (no further condition)
    wait_ratio: float | None
    window_start: date
    hard: float = HARD_DIFFICULTY

    @property
    def order_on(self) -> date:
        return self.exam if self.review_ratio is None else self.today

    def matches(self, state: CardState) -> bool:
        if state.is_new or ratio(state, self.today) <= 0 or ratio(state, self.exam) <= self.exam_ratio:
            return False  # new, answered today already, or recalled well enough on exam day
        if self.review_ratio is None or self.wait_ratio is None:
            return True
        return ratio(state, self.today) >= self.review_ratio and (
            (state.difficulty or 0.0) >= self.hard or ratio(state, self.window_start) > self.wait_ratio
        )


@dataclass(frozen=True)
class ExamPlan:
    """A study plan toward an exam date: the recall to reach and the final pass before it."""

    exam_date: date
    target: float = 0.9
    params: Params = DEFAULT_PARAMS
    final_days: int = FINAL_DAYS
    review_retention: float = REVIEW_RETENTION
    wait_floor: float = WAIT_FLOOR
    returns: float = RETURNS
    hard: float = HARD_DIFFICULTY

    def active(self, today: date) -> bool:
        return today <= self.exam_date

    @property
    def window_start(self) -> date:
        return self.exam_date - timedelta(days=self.final_days)

    def in_window(self, today: date) -> bool:
        return self.window_start <= today <= self.exam_date

    def recall(self, c: Candidate) -> float:
        return recall_of(c.state, self.exam_date, self.params)

    def query(self, today: date) -> PlanQuery:
        window = self.in_window(today)
        return PlanQuery(
            self.exam_date,
            today,
            horizon(self.target, self.params),
            None if window else horizon(self.review_retention, self.params),
            None if window else horizon(self.wait_floor, self.params),
            self.window_start,
            self.hard,
        )

    def share(self, waiting: int, today: date) -> int:
        """How many of the `waiting` cards today takes: all before the window (they have faded to the
        review retention); in the window, an equal share over the days left, raised by the returns
        expected on later days (exam day takes the rest)."""
        if not self.active(today):
            return 0
        if not self.in_window(today):
            return waiting
        return min(waiting, math.ceil(waiting * (1 + self.returns) / max(1, (self.exam_date - today).days)))

    def pick(self, studied: Sequence[Candidate], today: date, room: int) -> list[Candidate]:
        """Today's plan reviews among `studied` (the store does the same in SQL): the matching cards,
        weakest first, today's share of them, within `room`."""
        if not self.active(today):
            return []
        q = self.query(today)
        todo = sorted(
            (c for c in studied if q.matches(c.state)), key=lambda c: (-ratio(c.state, q.order_on), c.card_id)
        )
        return todo[: min(room, self.share(len(todo), today))]

    def new_today(self, remaining: int, today: date, allowed: int) -> int:
        """New cards for today: the remaining ones spread evenly over the days before the window (at
        most `allowed`); from the window on, whatever the limits allow (late rather than never)."""
        days = (self.window_start - today).days
        if days <= 0:
            return allowed
        return min(allowed, math.ceil(remaining / days))


@dataclass(frozen=True)
class NewPace:
    """How many new cards a day introduce the rest before the final pass."""

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
                f"{self.remaining} new card(s) over {self.days} day(s): {self.needed} a day "
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
        else f"reviews only what exam day needs; the final pass starts {plan.window_start.isoformat()}"
    )
    pace = new_pace(plan, new_remaining, today, new_limit).sentence()
    return f"Exam {plan.exam_date.isoformat()} {when}: {window}, target recall {plan.target:.0%}. {pace}"
