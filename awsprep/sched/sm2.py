"""SM-2, as published by Piotr Wozniak (1990), as a pure function: state + grade + now -> new state.

The algorithm:

1. Every item starts with an E-Factor (EF) of 2.5.
2. Intervals: I(1) = 1 day, I(2) = 6 days, I(n) = I(n-1) * EF for n > 2, rounded up to whole days.
3. After each answer of quality q (0-5) the EF becomes
   EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), and never less than 1.3.
4. If q < 3 the repetitions start again from I(1) (the item is a *lapse*).
5. At the end of a day's session, every item that scored below 4 is repeated until it scores at
   least 4 (the *drill*).

Where the paper is ambiguous we chose, and the golden tests in tests/test_sm2.py pin each choice:

* **EF on q < 3.** The paper says to restart the repetitions "without changing the E-Factor", which
  reads both as "do not reset it to 2.5" and "do not update it". We apply the EF formula on every
  graded review, failures included (q=0 lowers EF by 0.8, q=2 by 0.32), floor 1.3. A card that keeps
  failing thus gets short intervals once it is learnt again, which is what the formula is for.
* **Old or new EF in I(n).** The EF is updated first and the new EF multiplies I(n-1):
  I(n) = ceil(I(n-1) * EF').
* **Drill answers** (the same-day repeats of step 5) change neither EF, interval nor repetition count;
  they only clear the drill flag once q >= 4. A drill answer below 3 is not another lapse.
* **Lapses** count failures (q < 3) of a card that had been answered before; a new card failing its
  first showing is not a lapse.
* **Rounding.** I(n) is rounded up, after removing floating-point noise (6 * 2.5 is 15, not 16).
* **Longest interval.** The paper sets no upper bound, and the EF has none either (every q=5 adds
  0.1), so a card answered perfectly a dozen times would be due after the year 9999. Intervals are
  capped at 36,500 days (100 years), Anki's and the ``fsrs`` package's default maximum interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

INITIAL_EF = 2.5
MIN_EF = 1.3
FIRST_INTERVAL = 1
SECOND_INTERVAL = 6
PASS_GRADE = 3  # q below this restarts the repetitions
DRILL_UNTIL = 4  # q below this is repeated in the same session
LEECH_LAPSES = 8
MAX_INTERVAL = 36_500  # days: 100 years, as Anki and the fsrs package


@dataclass(frozen=True)
class CardState:
    """Scheduling state of one card. ``due is None`` means the card has never been answered."""

    reps: int = 0  # successful repetitions in a row: n in I(n)
    interval: int = 0  # days
    ef: float = INITIAL_EF
    due: date | None = None
    lapses: int = 0
    drill: bool = False  # scored below 4 at its last review: repeat it today until q >= 4
    last_review: datetime | None = None
    # FSRS memory state (awsprep/sched/fsrs.py), kept only while FSRS schedules; None under SM-2
    stability: float | None = None
    difficulty: float | None = None

    @property
    def is_new(self) -> bool:
        return self.due is None


def next_ef(ef: float, grade: int) -> float:
    miss = 5 - grade
    return max(MIN_EF, round(ef + (0.1 - miss * (0.08 + miss * 0.02)), 6))


def next_interval(reps: int, prev_interval: int, ef: float) -> int:
    """Interval in days for the reps-th successful repetition (reps >= 1)."""
    if reps == 1:
        return FIRST_INTERVAL
    if reps == 2:
        return SECOND_INTERVAL
    return min(MAX_INTERVAL, math.ceil(round(prev_interval * ef, 6)))


def is_drill_answer(state: CardState, today: date) -> bool:
    """A drill answer is a same-day repeat of a card whose real review already rescheduled it."""
    return state.drill and state.due is not None and state.due > today


def review(state: CardState, grade: int, now: datetime) -> CardState:
    """Apply one answer of quality ``grade`` (0-5) given at ``now``."""
    if not 0 <= grade <= 5:
        raise ValueError(f"grade must be 0-5, not {grade}")
    today = now.date()
    if is_drill_answer(state, today):
        return replace(state, drill=grade < DRILL_UNTIL, last_review=now)
    ef = next_ef(state.ef, grade)
    if grade < PASS_GRADE:
        lapses = state.lapses + (0 if state.is_new else 1)
        reps, interval = 0, FIRST_INTERVAL
    else:
        lapses = state.lapses
        reps = state.reps + 1
        interval = next_interval(reps, state.interval, ef)
    return CardState(
        reps=reps,
        interval=interval,
        ef=ef,
        due=today + timedelta(days=interval),
        lapses=lapses,
        drill=grade < DRILL_UNTIL,
        last_review=now,
    )


def is_leech(state: CardState) -> bool:
    return state.lapses >= LEECH_LAPSES


def failed_recall(state: CardState, now: datetime) -> CardState:
    """What a wrong answer in a mock exam does: a failed review (q=1), due tomorrow."""
    failed = review(replace(state, drill=False), 1, now)
    return replace(failed, drill=False, due=now.date() + timedelta(days=1))
