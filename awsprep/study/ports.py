"""What the use cases need from the outside: the store's operations and the results they return.

The store (`store/`) implements these with SQLAlchemy; tests can use any object of the same shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from awsprep.bank.models import Card
from awsprep.sched.plan import PlanQuery
from awsprep.sched.queue import Candidate, DayCounts
from awsprep.sched.sm2 import CardState
from awsprep.sched.status import CardStatus


@dataclass(frozen=True)
class AnswerResult:
    """A card's state before and after an answer, and whether the answer was a drill repeat."""

    before: CardState
    after: CardState
    drill_answer: bool
    leech: bool  # this answer made the card a leech: tagged and suspended


@dataclass(frozen=True)
class Undone:
    """What an undo restored: the card and its state, and the kind of action undone."""

    card_id: str
    restored: CardState
    action: str = "answer"  # what was undone: answer, suspend or bury


@dataclass(frozen=True)
class LogEntry:
    """One row of the review log: an answer, an undo, a suspend/bury/leech, or a failed exam recall."""

    id: int
    card_id: str
    ts: datetime
    day: date
    action: str  # answer | undo | suspend | unsuspend | bury | leech | exam
    grade: int | None = None
    was_new: bool = False
    drill: bool = False  # a same-day drill repeat
    response_ms: int | None = None
    interval_before: int | None = None
    interval_after: int | None = None
    undone: bool = False
    session: str | None = None


@dataclass(frozen=True)
class DayTally:
    """The answers of one day, counted by the store for `stats` (undone answers left out). A *review* is
    an answer that is neither a new card's first nor a same-day drill repeat; it is *mature* when the
    interval before it was 21 days or more and *passed* with a grade of 3 or more (the thresholds are
    the caller's: study.stats.MATURE_DAYS, sched.sm2.PASS_GRADE)."""

    day: date
    answers: int
    ms: int = 0  # total response time of the day's answers
    new: int = 0  # first answers to new cards
    drill: int = 0  # same-day drill repeats
    young_passed: int = 0
    young_failed: int = 0
    mature_passed: int = 0
    mature_failed: int = 0


@dataclass(frozen=True)
class TimeBucket:
    """How many answers to cards of one type took `ms` milliseconds (rounded down to the bucket)."""

    card_type: str
    ms: int
    count: int


@dataclass(frozen=True)
class CardTally:
    """Active cards counted by the store for `stats`: one exam domain, one card type, one level (new:
    never answered; mature: an interval of `mature_days` or more; else learning)."""

    domain: str | None
    card_type: str
    new: bool
    mature: bool
    count: int


@dataclass(frozen=True)
class DueTally:
    """Reviewed, unsuspended cards due on one day: how many, how many of them are buried past
    `today`, and the sum of 1 / interval over them (their share of the daily load)."""

    due: date
    count: int
    buried: int = 0
    load: float = 0.0


@dataclass(frozen=True)
class RecallTally:
    """Cards of one exam domain with the same FSRS memory: stability and the day of the last review."""

    domain: str | None
    stability: float
    last_day: date
    count: int


@dataclass(frozen=True)
class DomainTally:
    """Answers to questions (mcq / numeric) of one exam domain: in review, or in submitted mock exams."""

    domain: str | None
    passed: int
    failed: int


class StatsReader(Protocol):
    """The counts `stats` reads (store/stats.py), inside one snapshot."""

    def snapshot(self) -> AbstractContextManager[None]: ...
    def card_tallies(self, decks: Iterable[str] | None, mature_days: int) -> list[CardTally]: ...
    def due_tallies(self, today: date, decks: Iterable[str] | None = None) -> list[DueTally]: ...
    def day_tallies(
        self, decks: Iterable[str] | None, mature_days: int, pass_grade: int
    ) -> list[DayTally]: ...
    def time_buckets(self, decks: Iterable[str] | None, since: date) -> list[TimeBucket]: ...
    def question_answers(self, decks: Iterable[str] | None, pass_grade: int) -> list[DomainTally]: ...
    def exam_answers(self, decks: Iterable[str] | None) -> list[DomainTally]: ...
    def recall_tallies(self, decks: Iterable[str] | None) -> list[RecallTally]: ...


class ReviewStore(Protocol):
    def card(self, card_id: str) -> Card: ...
    def deck_names(self) -> list[str]: ...
    def get_setting(self, key: str, default: str) -> str: ...
    def candidates(
        self, today: date, decks: Iterable[str] | None, new_limit: int, review_limit: int | None = None
    ) -> list[Candidate]: ...
    def day_counts(self, today: date, decks: Iterable[str] | None = None) -> DayCounts: ...
    def plan_reviews(
        self, query: PlanQuery, decks: Iterable[str] | None, limit: int
    ) -> tuple[int, list[Candidate]]: ...
    def new_count(self, decks: Iterable[str] | None = None) -> int: ...
    def next_due(self, after: date, decks: Iterable[str] | None = None) -> tuple[date | None, int]: ...
    def claim(self, card_id: str, expected: CardState, session: str, now: datetime) -> bool: ...
    def release(self, session: str) -> None: ...
    def answer(
        self, card_id: str, grade: int, now: datetime, response_ms: int | None, session: str | None = None
    ) -> AnswerResult: ...
    def suspend(self, card_id: str, now: datetime, session: str | None = None) -> None: ...
    def bury(self, card_id: str, now: datetime, session: str | None = None) -> None: ...
    def undo_last(self, now: datetime, session: str | None = None) -> Undone | None: ...


@dataclass(frozen=True)
class AttemptInfo:
    """One mock-exam attempt as the history lists it."""

    id: int
    blueprint: str
    mode: str
    started: datetime
    seconds_allowed: int
    seconds_used: float
    finished: datetime | None
    raw_correct: int | None
    total: int
    scaled_score: int | None
    passed: bool | None

    @property
    def status(self) -> str:
        if self.finished is None:
            return "open"
        return "abandoned" if self.raw_correct is None else "submitted"

    def as_json(self) -> dict[str, Any]:
        """The `exam history --json` record."""
        started = self.started if self.started.tzinfo else self.started.replace(tzinfo=UTC)
        return {
            "attempt": self.id,
            "date": self.started.date().isoformat(),
            "started": started.isoformat(),
            "blueprint": self.blueprint.upper(),
            "mode": self.mode,
            "status": self.status,
            "raw_correct": self.raw_correct,
            "total": self.total,
            "scaled_score": self.scaled_score,
            "passed": self.passed,
            "seconds_used": round(self.seconds_used, 1),
        }


@dataclass(frozen=True)
class ItemRecord:
    """One question of a mock-exam attempt as stored: its place, card, domain and answer."""

    position: int
    card_id: str
    domain: str | None
    question: dict[str, Any]
    answer: Any
    flagged: bool
    correct: bool | None = None  # set when the attempt is submitted


class CardStore(Protocol):
    def card(self, card_id: str) -> Card: ...
    def status(self, card_id: str) -> CardStatus: ...
    def log(self, card_id: str | None = None) -> list[LogEntry]: ...


class ExamRepository(Protocol):
    def exam_cards(self) -> list[Card]: ...
    def recent_card_ids(self, blueprint: str, attempts: int = 3) -> set[str]: ...
    def open_attempts(self) -> list[AttemptInfo]: ...
    def attempt(self, attempt_id: int) -> AttemptInfo | None: ...
    def create(
        self,
        blueprint: str,
        mode: str,
        started: datetime,
        seconds_allowed: int,
        items: Sequence[tuple[str, str | None, dict[str, Any]]],
    ) -> int: ...
    def open_attempt(self, attempt_id: int | None = None) -> AttemptInfo | None: ...
    def items(self, attempt_id: int) -> list[ItemRecord]: ...
    def save_answer(self, attempt_id: int, position: int, answer: Any, seconds_used: float) -> None: ...
    def save_flag(self, attempt_id: int, position: int, flagged: bool, seconds_used: float) -> None: ...
    def save_time(self, attempt_id: int, seconds_used: float) -> None: ...
    def submit(
        self,
        attempt_id: int,
        now: datetime,
        seconds_used: float,
        report: dict[str, Any],
        correct_positions: set[int],
        failed_recalls: Sequence[str],
    ) -> None: ...
    def history(self) -> list[AttemptInfo]: ...
    def report(self, attempt_id: int) -> dict[str, Any] | None: ...
