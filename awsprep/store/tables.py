"""The database's tables, in SQLAlchemy Core: cards with their scheduling state, the review log,
settings, exam attempts. The ORM classes of `store/models.py` are mapped onto these; a review's start
(queries and answers in Core) never imports `sqlalchemy.orm` (about 45 ms of every start)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()

# Key/value facts about the database itself: schema version, bank fingerprint.
meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# A parsed bank file, kept so that a file whose bytes have not changed is not parsed again.
bank_files = Table(
    "bank_files",
    metadata,
    Column("path", String(1000), primary_key=True),
    Column("digest", String(64), nullable=False),  # of the bytes, the default deck and awsprep's version
    Column("cards", Text, nullable=False),  # the file's cards, as JSON
)

# One card: its content as synced from the bank (JSON) and its SM-2 state.
cards = Table(
    "cards",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("deck", String(100), nullable=False),
    Column("type", String(16), nullable=False),
    Column("content", Text, nullable=False),  # the card's bank mapping, as JSON
    Column("content_hash", String(64), nullable=False),
    # the card's exam domain from its content (schema 7): what `stats` counts by, read without JSON
    Column("domain", Text, nullable=True),
    Column("ordinal", Integer, nullable=False, default=0),  # position in the bank: new cards in order
    Column("retired", Boolean, nullable=False, default=False),
    # SM-2 state
    Column("reps", Integer, nullable=False, default=0),
    Column("interval", Integer, nullable=False, default=0),
    Column("ef", Float, nullable=False, default=2.5),
    Column("due", Date, nullable=True),
    Column("lapses", Integer, nullable=False, default=0),
    Column("drill", Boolean, nullable=False, default=False),
    Column("last_review", DateTime(timezone=True), nullable=True),
    # FSRS memory state, kept while FSRS schedules (schema 2)
    Column("stability", Float, nullable=True),
    Column("difficulty", Float, nullable=True),
    # the UTC day of last_review as a day number (date.toordinal()), written with it (schema 6): the exam
    # plan's arithmetic on days since the last review then parses no dates
    Column("last_day", Integer, nullable=True),
    # user actions
    Column("suspended", Boolean, nullable=False, default=False),
    Column("buried_until", Date, nullable=True),
    Column("leech", Boolean, nullable=False, default=False),
    # today's reviews in the order they are shown (most overdue, then hardest, first): the due-cards
    # query reads only the cards due by today, and with a review limit stops after that many
    Index("ix_cards_due", "retired", "suspended", "due", "ef", "id"),
    # same-day drills: few, found without walking the cards due later
    Index("ix_cards_drill", "retired", "suspended", "drill", "due"),
    # a deck's cards, and the deck names read from the index alone (schema 4)
    Index("ix_cards_deck_retired", "deck", "retired"),
    # new cards in bank order, read in order and only as many as the day allows
    # (partial: only cards never answered; the condition is set per dialect by `partial_indexes`)
    Index("ix_cards_new", "retired", "suspended", "ordinal"),
    # the exam plan's reviews (schema 6): each studied card's memory (day of the last review, stability,
    # difficulty) read from this index alone, not from the card's row with its content beside it; and
    # (schema 7: with the interval) `stats`' cards due per day and daily load, read in due order; (schema
    # 9: with the domain) `stats`' predicted recall per domain, from the index alone
    Index(
        "ix_cards_memory",
        "retired",
        "suspended",
        "due",
        "buried_until",
        "interval",
        "last_day",
        "stability",
        "difficulty",
        "id",
        "domain",
    ),
)

# Every action on a card. Answers keep the state before and after, so undo can restore it.
review_log = Table(
    "review_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("card_id", String(200), nullable=False),
    Column("ts", DateTime(timezone=True), nullable=False),
    Column("day", Date, nullable=False),
    Column("action", String(16), nullable=False),  # answer | undo | suspend | unsuspend | bury | leech | exam
    Column("grade", Integer, nullable=True),
    Column("was_new", Boolean, nullable=False, default=False),
    Column("drill", Boolean, nullable=False, default=False),  # a same-day drill repeat
    Column("response_ms", Integer, nullable=True),
    Column("before", Text, nullable=True),  # state JSON
    Column("after", Text, nullable=True),
    Column("interval_before", Integer, nullable=True),
    Column("interval_after", Integer, nullable=True),
    Column("ef_before", Float, nullable=True),
    Column("ef_after", Float, nullable=True),
    Column("undone", Boolean, nullable=False, default=False),
    Column("session", String(40), nullable=True),
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


# What `stats` counts of the review log, kept by the database itself (schema 7; triggers in
# `store/tallies.py` follow every insert, undo and delete of an answer, and every change of a card's deck,
# type or domain): the answers that stand, per day and card deck, type and domain ('' for none), counted as
# `stats` counts them (a review: neither new nor a drill; mature: interval before of 21 days or more;
# passed: grade 3 or more). A year of 200,000 answers is then a few thousand rows.
def _tally_key() -> list[Column[Any]]:
    """The key columns both tallies start with: the day, and the card's deck and type."""
    return [
        Column("day", Date, primary_key=True),
        Column("deck", String(100), primary_key=True),
        Column("type", String(16), primary_key=True),
    ]


answer_days = Table(
    "answer_days",
    metadata,
    *_tally_key(),
    Column("domain", Text, primary_key=True),
    Column("answers", Integer, nullable=False),
    Column("ms", Integer, nullable=False),  # response time, summed
    Column("new", Integer, nullable=False),
    Column("drill", Integer, nullable=False),
    Column("young_pass", Integer, nullable=False),
    Column("young_fail", Integer, nullable=False),
    Column("mature_pass", Integer, nullable=False),
    Column("mature_fail", Integer, nullable=False),
    Column("passed", Integer, nullable=False),  # answers that are not drills, passed
    Column("counted", Integer, nullable=False),  # answers that are not drills
)

# The answers' response times per day, card deck and type, in buckets of 100 ms (schema 7, kept by the same
# triggers): the median answer time per card type over the days shown, without reading the log.
answer_times = Table(
    "answer_times",
    metadata,
    *_tally_key(),
    Column("ms", Integer, primary_key=True),  # the bucket's lower bound
    Column("answers", Integer, nullable=False),
)

# The active cards counted by deck, exam domain ('' for none), type and level (new: never answered;
# mature: an interval of 21 days or more), kept by triggers on `cards` (schema 9, `store/tallies.py`):
# `stats`' mastery per domain reads a few dozen rows instead of every card.
card_counts = Table(
    "card_counts",
    metadata,
    Column("deck", String(100), primary_key=True),
    Column("domain", Text, primary_key=True),
    Column("type", String(16), primary_key=True),
    # 1 or 0 ("is_": plain "new" is ambiguous beside a PostgreSQL trigger's NEW row)
    Column("is_new", Integer, primary_key=True),
    Column("is_mature", Integer, primary_key=True),
    Column("cards", Integer, nullable=False),
)

# Which review session is showing a card: two machines on one server never show it both at once.
card_claims = Table(
    "card_claims",
    metadata,
    Column("card_id", String(200), primary_key=True),
    Column("session", String(40), nullable=False),
    Column("until", DateTime(timezone=True), nullable=False),
)

exam_attempts = Table(
    "exam_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("blueprint", String(32), nullable=False),
    Column("mode", String(16), nullable=False),  # timed | practice
    Column("started", DateTime(timezone=True), nullable=False),
    Column("seconds_allowed", Integer, nullable=False),
    Column("seconds_used", Float, nullable=False, default=0.0),
    Column("finished", DateTime(timezone=True), nullable=True),
    Column("raw_correct", Integer, nullable=True),
    Column("total", Integer, nullable=False),
    Column("scaled_score", Integer, nullable=True),
    Column("passed", Boolean, nullable=True),
    Column("report", Text, nullable=True),  # JSON
)

exam_items = Table(
    "exam_items",
    metadata,
    Column("attempt_id", Integer, ForeignKey("exam_attempts.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("card_id", String(200), nullable=False),
    Column("domain", String(64), nullable=True),
    Column("question", Text, nullable=False),  # JSON: the item as shown (shuffled options / generated)
    Column("answer", Text, nullable=True),  # JSON of the chosen answer
    Column("flagged", Boolean, nullable=False, default=False),
    Column("correct", Boolean, nullable=True),
)


PARTIAL_INDEXES = {"ix_cards_new": "due IS NULL"}


def partial_indexes(dialect: str) -> None:
    """Give the partial indexes their condition for the dialect about to create them. Set here, when the
    schema is made, rather than in the table definitions: naming a dialect's options there imports that
    dialect's module (PostgreSQL's costs 15 ms at every start on SQLite)."""
    if dialect not in ("sqlite", "postgresql"):
        return  # another database gets the full index, as before
    for index in cards.indexes:
        where = PARTIAL_INDEXES.get(str(index.name))
        if where is not None:
            index.dialect_kwargs[f"{dialect}_where"] = text(where)
