"""SQLAlchemy tables: cards with their scheduling state, the review log, settings, exam attempts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about the database itself: schema version, bank fingerprint."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class BankFile(Base):
    """A parsed bank file, kept so that a file whose bytes have not changed is not parsed again."""

    __tablename__ = "bank_files"
    path: Mapped[str] = mapped_column(String(1000), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))  # of the bytes, the default deck and awsprep's version
    cards: Mapped[str] = mapped_column(Text)  # the file's cards, as JSON


class CardRow(Base):
    """One card: its content as synced from the bank (JSON) and its SM-2 state."""

    __tablename__ = "cards"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    deck: Mapped[str] = mapped_column(String(100))
    type: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)  # the card's bank mapping, as JSON
    content_hash: Mapped[str] = mapped_column(String(64))
    ordinal: Mapped[int] = mapped_column(Integer, default=0)  # position in the bank: new cards in order
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # SM-2 state
    reps: Mapped[int] = mapped_column(Integer, default=0)
    interval: Mapped[int] = mapped_column(Integer, default=0)
    ef: Mapped[float] = mapped_column(Float, default=2.5)
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    drill: Mapped[bool] = mapped_column(Boolean, default=False)
    last_review: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # FSRS memory state, kept while FSRS schedules (schema 2)
    stability: Mapped[float | None] = mapped_column(Float, nullable=True)
    difficulty: Mapped[float | None] = mapped_column(Float, nullable=True)
    # user actions
    suspended: Mapped[bool] = mapped_column(Boolean, default=False)
    buried_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    leech: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        # today's reviews in the order they are shown (most overdue, then hardest, first): the due-cards
        # query reads only the cards due by today, and with a review limit stops after that many
        Index("ix_cards_due", "retired", "suspended", "due", "ef", "id"),
        # same-day drills: few, found without walking the cards due later
        Index("ix_cards_drill", "retired", "suspended", "drill", "due"),
        # new cards in bank order, read in order and only as many as the day allows
        # a deck's cards, and the deck names read from the index alone (schema 4)
        Index("ix_cards_deck_retired", "deck", "retired"),
        # (partial: only cards never answered; the condition is set per dialect by `partial_indexes`)
        Index("ix_cards_new", "retired", "suspended", "ordinal"),
    )


class ReviewLog(Base):
    """Every action on a card. Answers keep the state before and after, so undo can restore it."""

    __tablename__ = "review_log"
    __table_args__ = (
        # A card's log, with what `stats` counts of its answers (schema 4; it replaces the index of the
        # card alone): the answers per card are read from this index alone.
        Index("ix_review_log_card", "card_id", "action", "undone", "drill", "grade"),
        # The log by day with every column `stats` counts and the card (schema 4; it replaces the index of
        # the day alone): the day's counts, the last day answered and the counts per day are read from
        # this index alone, in day order. The day comes first so that the queries in the order of writing
        # (the last answers, undo) still read the table backwards instead of sorting this index.
        Index(
            "ix_review_log_days",
            "day",
            "action",
            "undone",
            "card_id",
            "was_new",
            "drill",
            "grade",
            "interval_before",
            "response_ms",
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    card_id: Mapped[str] = mapped_column(String(200))
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    day: Mapped[date] = mapped_column(Date)
    action: Mapped[str] = mapped_column(
        String(16)
    )  # answer | undo | suspend | unsuspend | bury | leech | exam
    grade: Mapped[int | None] = mapped_column(Integer, nullable=True)
    was_new: Mapped[bool] = mapped_column(Boolean, default=False)
    drill: Mapped[bool] = mapped_column(Boolean, default=False)  # a same-day drill repeat
    response_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    before: Mapped[str | None] = mapped_column(Text, nullable=True)  # state JSON
    after: Mapped[str | None] = mapped_column(Text, nullable=True)
    interval_before: Mapped[int | None] = mapped_column(Integer, nullable=True)
    interval_after: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ef_before: Mapped[float | None] = mapped_column(Float, nullable=True)
    ef_after: Mapped[float | None] = mapped_column(Float, nullable=True)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)
    session: Mapped[str | None] = mapped_column(String(40), nullable=True)


class CardClaim(Base):
    """Which review session is showing a card: two machines on one server never show it both at once."""

    __tablename__ = "card_claims"
    card_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    session: Mapped[str] = mapped_column(String(40))
    until: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ExamAttempt(Base):
    __tablename__ = "exam_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    blueprint: Mapped[str] = mapped_column(String(32))
    mode: Mapped[str] = mapped_column(String(16))  # timed | practice
    started: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    seconds_allowed: Mapped[int] = mapped_column(Integer)
    seconds_used: Mapped[float] = mapped_column(Float, default=0.0)
    finished: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    raw_correct: Mapped[int | None] = mapped_column(Integer, nullable=True)
    total: Mapped[int] = mapped_column(Integer)
    scaled_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    passed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    report: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON


class ExamItem(Base):
    __tablename__ = "exam_items"
    attempt_id: Mapped[int] = mapped_column(ForeignKey("exam_attempts.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_id: Mapped[str] = mapped_column(String(200))
    domain: Mapped[str | None] = mapped_column(String(64), nullable=True)
    question: Mapped[str] = mapped_column(Text)  # JSON: the item as shown (shuffled options / generated)
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON of the chosen answer
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    correct: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


PARTIAL_INDEXES = {"ix_cards_new": "due IS NULL"}


def partial_indexes(dialect: str) -> None:
    """Give the partial indexes their condition for the dialect about to create them. Set here, when the
    schema is made, rather than in the table definitions: naming a dialect's options there imports that
    dialect's module (PostgreSQL's costs 15 ms at every start on SQLite)."""
    if dialect not in ("sqlite", "postgresql"):
        return  # another database gets the full index, as before
    for index in Base.metadata.tables["cards"].indexes:
        where = PARTIAL_INDEXES.get(str(index.name))
        if where is not None:
            index.dialect_kwargs[f"{dialect}_where"] = text(where)
