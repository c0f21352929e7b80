"""Engine, connection settings, schema version and migrations, and store errors in one sentence."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, insert, inspect, select, text, update
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError, SQLAlchemyError

from awsprep.errors import AwsprepError, UsageError
from awsprep.store.tables import meta, metadata, partial_indexes

SCHEMA_VERSION = 9
JDN_OFFSET = 1_721_425  # date.toordinal() + this = the Julian day number SQLite's julianday() counts
BUSY_TIMEOUT_MS = 10_000


class StoreError(UsageError):
    """The database cannot be opened or used: corrupt, locked, newer, unreachable."""


class StoreBusyError(AwsprepError):
    """Another process holds the database for too long."""


def describe(url: str, exc: BaseException) -> StoreError | StoreBusyError:
    url = redact(url)
    msg = redact(str(getattr(exc, "orig", None) or exc).strip().splitlines()[0])
    low = msg.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return StoreError(f"The database server of {url} refused the user name or password in the URL.")
    if "connection refused" in low or "could not translate host" in low or "timeout expired" in low:
        return StoreError(
            f"No database server answers at {url} ({msg.rsplit(':', 1)[-1].strip()}); "
            "start it, or check the host and port in the URL."
        )
    if "does not exist" in low and "database" in low:
        return StoreError(f"The database named in {url} does not exist on that server; create it first.")
    if "locked" in low or "busy" in low:
        return StoreBusyError(f"The database {url} is locked by another program; close it and try again.")
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return StoreError(
            f"The database {url} is damaged or not an awsprep database ({msg}); "
            "move it aside (your bank is untouched) or pass --db with another location."
        )
    if "unable to open" in low or "readonly" in low or "read-only" in low or "permission" in low:
        return StoreError(f"The database {url} cannot be opened for writing ({msg}).")
    return StoreError(f"The database {url} cannot be used ({msg}).")


_errors_met = 0  # database errors translated in this process: a store that met one is not noted as sound


def errors_met() -> int:
    return _errors_met


@contextlib.contextmanager
def translate_errors(url: str) -> Iterator[None]:
    global _errors_met
    try:
        yield
    except (DatabaseError, OperationalError, sqlite3.Error) as exc:  # sqlite3's: an answer on the driver
        _errors_met += 1
        raise describe(url, exc) from None
    except UnicodeDecodeError:  # a damaged header or schema page
        _errors_met += 1
        raise StoreError(f"The database {redact(url)} is damaged (its schema cannot be read).") from None
    except SQLAlchemyError as exc:
        _errors_met += 1
        raise StoreError(
            redact(f"The database {url} cannot be used ({exc.__class__.__name__}: {exc}).")
        ) from None


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event below issues BEGIN itself
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    tables = {r[0] for r in cur.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables or "meta" in tables or "cards" in tables:  # another program's file is left as it is
        cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # an answer is on disk when its commit returns
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


READ_ONLY = "awsprep_read_only"  # an execution option: the sessions of reading_sessions() set it


def _begin_immediate(conn: Any) -> None:
    """Take the write lock when a transaction starts. A deferred transaction that reads and then writes
    fails at once with "database is locked" if another process committed in between; an immediate one
    waits (busy_timeout) for its turn instead, so two sessions at once both succeed. A session that only
    reads (READ_ONLY) begins deferred: in WAL mode it reads a snapshot and neither waits for a writer
    nor makes one wait."""
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")


_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def redact(url: str) -> str:
    """The URL as it may be shown: a password is never printed."""
    return _PASSWORD.sub(r"\1***@", url)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


PG_DRIVER_HINT = "pip install 'awsprep[postgres]' (the psycopg 3 driver)"


def normalize_url(url: str) -> str:
    """A PostgreSQL URL without a driver uses psycopg 3, the driver of the `postgres` extra."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    try:
        engine = create_engine(url, future=True)
    except ImportError as exc:
        if url.startswith("postgresql"):
            raise UsageError(
                f"The database {redact(url)} is a PostgreSQL server, and its driver is not installed: "
                f"{PG_DRIVER_HINT}."
            ) from None
        raise UsageError(redact(f"--db {url!r} needs a driver that is not installed ({exc}).")) from None
    except (ArgumentError, ValueError) as exc:
        raise UsageError(redact(f"--db {url!r} is not a usable SQLAlchemy URL ({exc}).")) from None
    if engine.dialect.name == "sqlite":
        db = engine.url.database
        if db and db != ":memory:" and not db.startswith("file:") and not Path(db).parent.is_dir():
            # A mistyped folder must not look like lost progress: only the default data dir is created.
            raise UsageError(
                f"The folder {Path(db).parent} of the database {db} does not exist; "
                "create it first, or check the path."
            )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_immediate)
    return engine


def _v2_pick_indexes(conn: Any) -> None:
    """Version 2: the queue's indexes (due reviews in order, drills, new cards in bank order) replace
    the one index that made the due-cards query walk every reviewed card."""
    conn.execute(text("DROP INDEX IF EXISTS ix_cards_pick"))
    _create_indexes(conn, "ix_cards_due", "ix_cards_drill", "ix_cards_new")


def _v3_fsrs_columns(conn: Any) -> None:
    """Version 3: each card's FSRS memory state (stability, difficulty), empty until FSRS schedules."""
    have = {c["name"] for c in inspect(conn).get_columns("cards")}
    for name in ("stability", "difficulty"):
        if name not in have:
            conn.execute(text(f"ALTER TABLE cards ADD COLUMN {name} FLOAT"))


def _v4_covering_indexes(conn: Any) -> None:
    """Version 4: the deck names and counts from an index of (deck, retired), which replaces the index of
    the deck alone; the log by day and by card with the columns `stats` counts, which replace the
    indexes of the day and of the card alone."""
    for old in ("ix_cards_deck", "ix_review_log_day", "ix_review_log_card_id"):
        conn.execute(text(f"DROP INDEX IF EXISTS {old}"))
    _create_indexes(conn, "ix_cards_deck_retired", "ix_review_log_card", "ix_review_log_days")


def _v5_memory_index(conn: Any) -> None:
    """Version 5 added the studied cards' memory index on the last review's timestamp; version 6 builds
    it again on the column it adds (an upgrade from before 5 builds it once, there)."""


def last_day_update(dialect: str) -> str:
    """SQL that sets every reviewed card's last_day from its last_review, in the dialect named (the
    migration's, and the benches' for the states they write by SQL)."""
    if dialect == "sqlite":  # julianday() counts from 4714 BC, toordinal() from 1 AD
        day = f"CAST(julianday(last_review) + 0.5 AS INTEGER) - {JDN_OFFSET}"
    else:
        day = "(CAST(timezone('UTC', last_review) AS DATE) - DATE '0001-01-01') + 1"
    return f"UPDATE cards SET last_day = {day} WHERE last_review IS NOT NULL"


def _v6_last_day(conn: Any) -> None:
    """Version 6: each card's last review as a day number (date.toordinal() of the day the store reads
    back: SQLite's wall-clock time, PostgreSQL's UTC day; see repo.last_day), filled from last_review,
    and the memory index on it: the exam plan counts days since the last review without
    parsing a date per card (the final pass at 20,000 cards took a third less)."""
    if "last_day" not in {c["name"] for c in inspect(conn).get_columns("cards")}:
        conn.execute(text("ALTER TABLE cards ADD COLUMN last_day INTEGER"))
    conn.execute(text(last_day_update(conn.dialect.name)))
    conn.execute(text("DROP INDEX IF EXISTS ix_cards_memory"))
    _create_indexes(conn, "ix_cards_memory")


def domain_update(dialect: str) -> str:
    """SQL that sets every card's domain column from its content's JSON, in the dialect named."""
    if dialect == "postgresql":
        return "UPDATE cards SET domain = CAST(content AS JSONB) ->> 'domain'"
    return "UPDATE cards SET domain = json_extract(content, '$.domain')"


def _v7_tallies(conn: Any) -> None:
    """Version 7: what `stats` counts, kept ready: each card's exam domain as a column (from its content),
    the memory index with the interval (cards due per day and the daily load from the index alone), and
    the review log's counts per day kept by triggers (`store/tallies.py`), counted once here from the
    whole log. `stats` on 200,000 answers then reads a few thousand rows instead of the log."""
    from awsprep.store import tallies

    if "domain" not in {c["name"] for c in inspect(conn).get_columns("cards")}:
        conn.execute(text("ALTER TABLE cards ADD COLUMN domain TEXT"))
    conn.execute(text(domain_update(conn.dialect.name)))
    conn.execute(text("DROP INDEX IF EXISTS ix_cards_memory"))
    _create_indexes(conn, "ix_cards_memory")
    if tallies.kept(conn.dialect.name):
        tallies.create_triggers(conn)
        tallies.rebuild(conn)


def _v8_time_buckets(conn: Any) -> None:
    """Version 8: response times kept in buckets that widen past 10 s and past a minute
    (`tallies.bucket`), so a log of slow answers no longer makes `answer_times` nearly as long as the
    log (`stats` read 41,000 rows of it for 91 days of a 200,000-answer history): the triggers are made
    again with the new buckets and the tallies counted again."""
    from awsprep.store import tallies

    if tallies.kept(conn.dialect.name):
        tallies.drop_triggers(conn)
        tallies.create_triggers(conn)
        tallies.rebuild(conn)


def _v9_card_counts(conn: Any) -> None:
    """Version 9: the active cards counted by deck, domain, type and level, kept by triggers on `cards`
    (`card_counts`): `stats`' mastery per domain no longer reads every card (20 ms for 20,000); and the
    memory index with the domain, for the predicted recall per domain."""
    from awsprep.store import tallies

    conn.execute(text("DROP INDEX IF EXISTS ix_cards_memory"))
    _create_indexes(conn, "ix_cards_memory")
    if tallies.kept(conn.dialect.name):
        tallies.drop_triggers(conn)
        tallies.create_triggers(conn)
        tallies.count_cards(conn)


def _create_indexes(conn: Any, *names: str) -> None:
    """The named indexes of the current schema, where missing (each migration creates its own only: a
    later one's index may name columns that an earlier step has not added yet)."""
    for table in metadata.tables.values():
        for index in table.indexes:
            if index.name in names:
                index.create(conn, checkfirst=True)


# Each migration takes a connection and brings the schema from version N-1 to N.
MIGRATIONS: dict[int, Callable[[Any], None]] = {
    2: _v2_pick_indexes,
    3: _v3_fsrs_columns,
    4: _v4_covering_indexes,
    5: _v5_memory_index,
    6: _v6_last_day,
    7: _v7_tallies,
    8: _v8_time_buckets,
    9: _v9_card_counts,
}


MIGRATE_LOCK = 0x61777370  # PostgreSQL advisory lock key: one process creates or upgrades the schema


def migrate(engine: Engine, url: str) -> None:
    """Create the schema on a new database; upgrade an older one; refuse a newer one. On a server, two
    processes starting at once take turns (an advisory lock), so neither trips over the other's tables."""
    with translate_errors(redact(url)):
        if engine.dialect.name != "postgresql":
            _migrate(engine, url)
            return
        with engine.connect() as holder:
            holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATE_LOCK})
            holder.commit()
            try:
                _migrate(engine, url)
            finally:
                holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATE_LOCK})
                holder.commit()


def _migrate(engine: Engine, url: str) -> None:
    url = redact(url)  # only used in messages
    partial_indexes(engine.dialect.name)
    with translate_errors(url):
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))  # opens the file: a non-database fails here or below
            tables = set(inspect(conn).get_table_names())
        if "meta" not in tables:
            if tables - {"meta"} and "cards" not in tables:
                raise StoreError(f"The database {url} holds tables of another program; pass --db elsewhere.")
            metadata.create_all(engine)
            with engine.begin() as conn:
                from awsprep.store import tallies

                tallies.create_triggers(conn)
                _set_version(conn)
            return
        with engine.connect() as conn:
            version_q = select(meta.c.value).where(meta.c.key == "schema_version")
            row = conn.execute(version_q).scalar_one_or_none()
        version = int(row) if row and row.isdigit() else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The database {url} was written by a newer awsprep (schema {version}); upgrade awsprep."
            )
        if version == SCHEMA_VERSION and tables >= set(metadata.tables):
            return  # up to date: nothing to create (this runs at every start)
        metadata.create_all(engine)  # adds tables new in this version
        with engine.begin() as conn:
            for target in range(version + 1, SCHEMA_VERSION + 1):
                step = MIGRATIONS.get(target)
                if step is not None:
                    step(conn)
            _set_version(conn)


def _set_version(conn: Connection) -> None:
    """The schema_version row says this version (updated, or added to a database without one)."""
    done = conn.execute(
        update(meta).where(meta.c.key == "schema_version").values(value=str(SCHEMA_VERSION))
    ).rowcount
    if not done:
        conn.execute(insert(meta).values(key="schema_version", value=str(SCHEMA_VERSION)))


def check_writable(engine: Engine, url: str) -> None:
    """Find a read-only database now, before the first card, not after the first answer."""
    with translate_errors(url), engine.connect() as conn:
        tx = conn.begin()
        conn.execute(text("UPDATE meta SET value = value WHERE key = 'schema_version'"))
        tx.rollback()


def open_store(url: str) -> Engine:
    """The engine of a checked, current and writable database (backed up once a day if SQLite)."""
    from awsprep.store import health

    engine = make_engine(url)
    db = health.sqlite_file(engine)
    if db is not None:
        health.refuse_if_damaged(db)  # before anything is written to it
    migrate(engine, url)
    check_writable(engine, url)
    if db is not None:
        health.daily_backup(engine, db)
    return engine
