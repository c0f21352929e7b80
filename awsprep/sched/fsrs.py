"""FSRS-6 through the `fsrs` package: a memory model (stability, difficulty, retrievability) and a scheduler.

Two uses, one model:

* **Predicted recall** for any card on any date, under either scheduler: `predicted_recall` replays the
  card's review log (graded answers and failed exam recalls, not undone, not same-day drill repeats)
  through FSRS and returns the retrievability on that date. Pure: the log and the date come in.
* **Scheduling** when the learner chooses `settings scheduler fsrs`: `review` gives the next state.

Choices (pinned by tests/test_fsrs.py):

* **Grades.** SM-2's 0-5 become FSRS ratings: 0-2 Again, 3 Hard, 4 Good, 5 Easy (the auto-grades 1, 3,
  4, 5 map one to one onto Again, Hard, Good, Easy).
* **Days, not minutes.** awsprep schedules whole days, so FSRS runs without (re)learning steps: every
  answer goes straight to the Review state with an interval of at least one day. Same-day repetition is
  awsprep's own drill (a grade below 4 is asked again in the session until it scores 4 or more).
* **Drill repeats** change neither the memory state nor the due date (as under SM-2); they only clear the
  drill flag. The replay skips them for the same reason.
* **No fuzz.** The package's interval fuzz draws from global randomness; awsprep turns it off, so the
  same log always gives the same schedule.
* **Elapsed days** are whole calendar days: every review is handed to the package at midnight UTC of
  its day, so a drill or an answer later the same day never shifts the count, and the live state, the
  replayed log and a prediction for a date all agree.
* **Under SM-2** the store still carries each card's FSRS memory (`remember`), so predicted recall for
  20,000 cards needs no log replay; SM-2 alone decides when cards are due.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from awsprep.sched.sm2 import DRILL_UNTIL, PASS_GRADE, CardState, is_drill_answer

if TYPE_CHECKING:
    from fsrs import Card as FsrsCard
    from fsrs import Rating, Scheduler

# FSRS-6's default weights as the fsrs package ships them (fsrs.scheduler.DEFAULT_PARAMETERS; a test holds
# them equal). Written here so that a command that only reads cards' memory (stats, the exam plan, the
# first card of a review) does not load the package, about 10 ms of every start; the package is
# imported where a card is scheduled or a log replayed.
DEFAULT_WEIGHTS = (
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
)  # fmt: skip

DEFAULT_RETENTION = 0.9
GRADED_ACTIONS = ("answer", "exam")


@dataclass(frozen=True)
class Params:
    """FSRS weights (21 for FSRS-6) and the recall probability at which a review falls due."""

    weights: tuple[float, ...] = DEFAULT_WEIGHTS
    desired_retention: float = DEFAULT_RETENTION

    @property
    def fitted(self) -> bool:
        return self.weights != DEFAULT_WEIGHTS


DEFAULT_PARAMS = Params()


class GradedEntry(Protocol):
    """What the replay needs of a review-log row (study.ports.LogEntry has these fields)."""

    @property
    def ts(self) -> datetime: ...
    @property
    def action(self) -> str: ...
    @property
    def grade(self) -> int | None: ...
    @property
    def drill(self) -> bool: ...
    @property
    def undone(self) -> bool: ...


@dataclass(frozen=True)
class Memory:
    """A card's FSRS memory: stability, difficulty and the day of its last review."""

    stability: float
    difficulty: float
    last_review: datetime


@lru_cache(maxsize=16)
def scheduler(params: Params) -> Scheduler:
    from fsrs import Scheduler

    return Scheduler(
        parameters=params.weights,
        desired_retention=params.desired_retention,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=False,
    )


def rating(grade: int) -> Rating:
    if not 0 <= grade <= 5:
        raise ValueError(f"grade must be 0-5, not {grade}")
    from fsrs import Rating

    if grade < PASS_GRADE:
        return Rating.Again
    return {3: Rating.Hard, 4: Rating.Good, 5: Rating.Easy}[grade]


def utc(moment: datetime) -> datetime:
    """The package wants UTC-aware datetimes; SQLite gives naive ones back (they were stored as UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _card(memory: Memory | None) -> FsrsCard:
    from fsrs import Card as FsrsCard
    from fsrs import State

    if memory is None:
        return FsrsCard(card_id=1, state=State.Learning)
    return FsrsCard(
        card_id=1,
        state=State.Review,
        step=None,
        stability=memory.stability,
        difficulty=memory.difficulty,
        last_review=day_start(memory.last_review),
    )


def day_start(moment: datetime) -> datetime:
    return datetime.combine(utc(moment).date(), time(), UTC)


def step(
    memory: Memory | None, grade: int, now: datetime, params: Params = DEFAULT_PARAMS
) -> tuple[Memory, int]:
    """One graded review: the new memory state and the interval (days) FSRS gives it."""
    at = day_start(now)
    card, _ = scheduler(params).review_card(_card(memory), rating(grade), at)
    assert card.stability is not None and card.difficulty is not None
    interval = max(1, (card.due.date() - at.date()).days)
    return Memory(card.stability, card.difficulty, at), interval


def graded(entries: Iterable[GradedEntry]) -> list[GradedEntry]:
    """The log rows that move memory: graded answers and failed exam recalls, not undone, not drills."""
    return [
        e
        for e in entries
        if e.action in GRADED_ACTIONS and e.grade is not None and not e.undone and not e.drill
    ]


def memory(entries: Iterable[GradedEntry], params: Params = DEFAULT_PARAMS) -> Memory | None:
    """The memory state after replaying a card's log in time order; None if it was never answered."""
    state: Memory | None = None
    for e in sorted(graded(entries), key=lambda e: utc(e.ts)):
        assert e.grade is not None
        state, _ = step(state, e.grade, e.ts, params)
    return state


def retrievability(stability: float, elapsed_days: float, params: Params = DEFAULT_PARAMS) -> float:
    """FSRS-6's forgetting curve: R(t) = (1 + factor * t / S) ** -decay, with R(S) = 0.9."""
    decay = -params.weights[20]
    factor = 0.9 ** (1 / decay) - 1
    return float((1 + factor * max(0.0, elapsed_days) / stability) ** decay)


def recall_on(mem: Memory | None, on_date: date, params: Params = DEFAULT_PARAMS) -> float:
    """Probability of recall on a date; 0 for a card never studied (nothing to recall yet)."""
    if mem is None:
        return 0.0
    return retrievability(mem.stability, (on_date - utc(mem.last_review).date()).days, params)


def predicted_recall(
    log_entries: Iterable[GradedEntry], on_date: date, params: Params = DEFAULT_PARAMS
) -> float:
    """Predicted probability that a card is recalled on `on_date`, from its review log alone.

    `log_entries` are one card's rows (e.g. `Store.log(card_id)`); rows after `on_date` are ignored, so
    the prediction for a past date uses only what was known then. Works under either scheduler."""
    known = [e for e in log_entries if utc(e.ts).date() <= on_date]
    return recall_on(memory(known, params), on_date, params)


def review(state: CardState, grade: int, now: datetime, params: Params = DEFAULT_PARAMS) -> CardState:
    """FSRS scheduling of one answer, with awsprep's drill, lapse and repetition rules kept."""
    today = now.date()
    if is_drill_answer(state, today):
        return replace(state, drill=grade < DRILL_UNTIL)  # last_review stays the memory's anchor
    new, interval = step(memory_of(state), grade, now, params)
    failed = grade < PASS_GRADE
    return replace(
        state,
        reps=0 if failed else state.reps + 1,
        interval=interval,
        due=today + timedelta(days=interval),
        lapses=state.lapses + (1 if failed and not state.is_new else 0),
        drill=grade < DRILL_UNTIL,
        last_review=now,
        stability=new.stability,
        difficulty=new.difficulty,
    )


def memory_of(state: CardState) -> Memory | None:
    if state.stability is None or state.difficulty is None or state.last_review is None:
        return None
    return Memory(state.stability, state.difficulty, state.last_review)


def remember(
    before: CardState, after: CardState, grade: int, now: datetime, params: Params = DEFAULT_PARAMS
) -> CardState:
    """`after` (from another scheduler) with the FSRS memory moved on by this answer, unless it was a
    same-day drill repeat (which moves nothing, as in the replay)."""
    if is_drill_answer(before, now.date()):
        # last_review stays the last review that moved memory (a drill can come a day later)
        return replace(
            after, stability=before.stability, difficulty=before.difficulty, last_review=before.last_review
        )
    mem, _ = step(memory_of(before), grade, now, params)
    return replace(after, stability=mem.stability, difficulty=mem.difficulty)


def recall_of(state: CardState, on_date: date, params: Params = DEFAULT_PARAMS) -> float:
    """Predicted recall on a date from a card's carried memory state (0 if never answered)."""
    return recall_on(memory_of(state), on_date, params)


def failed_recall(state: CardState, now: datetime, params: Params = DEFAULT_PARAMS) -> CardState:
    """A wrong mock-exam answer under FSRS: an Again review, due tomorrow."""
    failed = review(replace(state, drill=False), 1, now, params)
    return replace(failed, drill=False, due=now.date() + timedelta(days=1), interval=1)
