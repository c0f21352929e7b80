"""What the use cases need from the outside: the store's operations and the results they return.

The store (`store/`) implements these with SQLAlchemy; tests can use any object of the same shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from awsprep.bank.models import Card
from awsprep.sched.queue import Candidate, DayCounts
from awsprep.sched.sm2 import CardState
from awsprep.sched.status import CardStatus


@dataclass(frozen=True)
class AnswerResult:
    before: CardState
    after: CardState
    drill_answer: bool
    leech: bool  # this answer made the card a leech: tagged and suspended


@dataclass(frozen=True)
class Undone:
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


class ReviewStore(Protocol):
    def card(self, card_id: str) -> Card: ...
    def decks(self) -> dict[str, int]: ...
    def get_setting(self, key: str, default: str) -> str: ...
    def candidates(
        self, today: date, decks: Iterable[str] | None, new_limit: int, review_limit: int | None = None
    ) -> list[Candidate]: ...
    def day_counts(self, today: date, decks: Iterable[str] | None = None) -> DayCounts: ...
    def final_pass(
        self, exam: date, window_start: date, today: date, decks: Iterable[str] | None, limit: int
    ) -> tuple[int, list[Candidate]]: ...
    def new_count(self, decks: Iterable[str] | None = None) -> int: ...
    def next_due(self, after: date, decks: Iterable[str] | None = None) -> tuple[date | None, int]: ...
    def answer(
        self, card_id: str, grade: int, now: datetime, response_ms: int | None, session: str | None = None
    ) -> AnswerResult: ...
    def suspend(self, card_id: str, now: datetime, session: str | None = None) -> None: ...
    def bury(self, card_id: str, now: datetime, session: str | None = None) -> None: ...
    def undo_last(self, now: datetime, session: str | None = None) -> Undone | None: ...


@dataclass(frozen=True)
class AttemptInfo:
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


@dataclass(frozen=True)
class ItemRecord:
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
