"""The ORM classes, mapped onto the Core tables of `store/tables.py` (which hold the columns, the indexes
and the schema): for the store's operations that load, change and add rows as objects (undo, flags,
exams, history). Importing this module imports `sqlalchemy.orm`; a review's start does not."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped

from awsprep.store import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


class Meta(Base):
    """Key/value facts about the database itself: schema version, bank fingerprint."""

    __table__ = tables.meta
    key: Mapped[str]
    value: Mapped[str]


class Setting(Base):
    __table__ = tables.settings
    key: Mapped[str]
    value: Mapped[str]


class BankFile(Base):
    """A parsed bank file, kept so that a file whose bytes have not changed is not parsed again."""

    __table__ = tables.bank_files
    path: Mapped[str]
    digest: Mapped[str]
    cards: Mapped[str]


class CardRow(Base):
    """One card: its content as synced from the bank (JSON) and its SM-2 state."""

    __table__ = tables.cards
    id: Mapped[str]
    deck: Mapped[str]
    type: Mapped[str]
    content: Mapped[str]
    content_hash: Mapped[str]
    domain: Mapped[str | None]  # the content's exam domain (schema 7)
    ordinal: Mapped[int]
    retired: Mapped[bool]
    # SM-2 state
    reps: Mapped[int]
    interval: Mapped[int]
    ef: Mapped[float]
    due: Mapped[date | None]
    lapses: Mapped[int]
    drill: Mapped[bool]
    last_review: Mapped[datetime | None]
    # FSRS memory state, kept while FSRS schedules (schema 2)
    stability: Mapped[float | None]
    difficulty: Mapped[float | None]
    last_day: Mapped[int | None]  # last_review's UTC day as date.toordinal() (schema 6)
    # user actions
    suspended: Mapped[bool]
    buried_until: Mapped[date | None]
    leech: Mapped[bool]


class ReviewLog(Base):
    """Every action on a card. Answers keep the state before and after, so undo can restore it."""

    __table__ = tables.review_log
    id: Mapped[int]
    card_id: Mapped[str]
    ts: Mapped[datetime]
    day: Mapped[date]
    action: Mapped[str]
    grade: Mapped[int | None]
    was_new: Mapped[bool]
    drill: Mapped[bool]
    response_ms: Mapped[int | None]
    before: Mapped[str | None]
    after: Mapped[str | None]
    interval_before: Mapped[int | None]
    interval_after: Mapped[int | None]
    ef_before: Mapped[float | None]
    ef_after: Mapped[float | None]
    undone: Mapped[bool]
    session: Mapped[str | None]


class CardClaim(Base):
    """Which review session is showing a card: two machines on one server never show it both at once."""

    __table__ = tables.card_claims
    card_id: Mapped[str]
    session: Mapped[str]
    until: Mapped[datetime]


class ExamAttempt(Base):
    __table__ = tables.exam_attempts
    id: Mapped[int]
    blueprint: Mapped[str]
    mode: Mapped[str]
    started: Mapped[datetime]
    seconds_allowed: Mapped[int]
    seconds_used: Mapped[float]
    finished: Mapped[datetime | None]
    raw_correct: Mapped[int | None]
    total: Mapped[int]
    scaled_score: Mapped[int | None]
    passed: Mapped[bool | None]
    report: Mapped[str | None]


class ExamItem(Base):
    __table__ = tables.exam_items
    attempt_id: Mapped[int]
    position: Mapped[int]
    card_id: Mapped[str]
    domain: Mapped[str | None]
    question: Mapped[str]
    answer: Mapped[str | None]
    flagged: Mapped[bool]
    correct: Mapped[bool | None]
