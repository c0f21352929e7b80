"""The store's operations: sync the bank in, pick candidates, record answers (each its own commit), undo."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Date,
    Integer,
    bindparam,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from awsprep.bank.io import card_from_dict, card_to_dict
from awsprep.bank.models import Card, card_text
from awsprep.sched import sm2
from awsprep.sched.balance import LOAD_DAYS, balance_due, keep_given_day
from awsprep.sched.fsrs import GRADED_ACTIONS
from awsprep.sched.plan import NO_STABILITY, PlanQuery
from awsprep.sched.policy import SM2, Policy, replay
from awsprep.sched.queue import Candidate, DayCounts
from awsprep.sched.sm2 import CardState
from awsprep.sched.status import CardStatus
from awsprep.store import health
from awsprep.store.db import READ_ONLY, errors_met, open_store, translate_errors
from awsprep.store.tables import bank_files as _BANK_FILES
from awsprep.store.tables import card_claims as _CLAIMS
from awsprep.store.tables import cards as _CARDS
from awsprep.store.tables import meta as _META
from awsprep.store.tables import review_log as _LOG
from awsprep.store.tables import settings as _SETTINGS
from awsprep.study.ports import AnswerResult, LogEntry, Undone

if TYPE_CHECKING:
    from sqlalchemy import orm

    from awsprep.store.models import CardRow

UNDOABLE = ("answer", "suspend", "bury")
BULK_SYNC = 5_000  # cards: a first sync at least this large builds the cards' indexes after the rows
CLAIM_MINUTES = 10  # a claim left by a session that died (kill -9, power cut) lapses after this long
STATE_FIELDS = ("reps", "interval", "ef", "due", "lapses", "drill", "last_review", "stability", "difficulty")


def state_of(row: Any) -> CardState:
    """The SM-2 state held in a cards row (an ORM object or a selected row with the same columns)."""
    return CardState(**{name: getattr(row, name) for name in STATE_FIELDS})


def _utc_naive(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def same_state(a: CardState, b: CardState) -> bool:
    """Equal scheduling states, whatever time zone each backend hands the last review back in."""
    a = replace(a, last_review=_utc_naive(a.last_review))
    return a == replace(b, last_review=_utc_naive(b.last_review))


def _state_json(state: CardState) -> str:
    """The state as JSON, its fields in the dataclass's order (as asdict gave them), dates in ISO form
    (replacing a key keeps its place in the dict)."""
    due, last_review = state.due, state.last_review
    return json.dumps(
        {
            **_state_values(state),
            "due": due.isoformat() if due else None,
            "last_review": last_review.isoformat() if last_review else None,
        }
    )


def _state_from_json(raw: str) -> CardState:
    d = json.loads(raw)
    d["due"] = date.fromisoformat(d["due"]) if d["due"] else None
    d["last_review"] = datetime.fromisoformat(d["last_review"]) if d["last_review"] else None
    return CardState(**d)


def last_day(last_review: datetime | None, wall: bool) -> int | None:
    """The day of a last review as a day number (date.toordinal()): the cards' last_day column, written
    wherever last_review is, so the exam plan's SQL counts days without parsing dates. The day is the
    one the store reads back: `wall` for SQLite, which keeps a moment's wall-clock time (SQLAlchemy
    writes it without its offset), else the UTC day of the instant (PostgreSQL); a naive moment is
    UTC."""
    if last_review is None:
        return None
    if last_review.tzinfo is not None and not wall:
        last_review = last_review.astimezone(UTC)
    return last_review.date().toordinal()


def _apply(row: CardRow, state: CardState, wall: bool) -> None:
    row.reps, row.interval, row.ef = state.reps, state.interval, state.ef
    row.due, row.lapses, row.drill, row.last_review = state.due, state.lapses, state.drill, state.last_review
    row.stability, row.difficulty = state.stability, state.difficulty
    row.last_day = last_day(state.last_review, wall)


def _transition(
    card_id: str,
    now: datetime,
    action: str,
    grade: int,
    before: CardState,
    after: CardState,
    session: str | None,
    **extra: Any,
) -> dict[str, Any]:
    """The values of a review-log row for a graded change of state, keeping both states so undo can
    restore (a row to insert, not an ORM object: an answer is two statements and a commit)."""
    return dict(
        card_id=card_id,
        ts=now,
        day=now.date(),
        action=action,
        grade=grade,
        before=_state_json(before),
        after=_state_json(after),
        interval_before=before.interval,
        interval_after=after.interval,
        ef_before=before.ef,
        ef_after=after.ef,
        session=session,
        **extra,
    )


def _state_values(state: CardState) -> dict[str, Any]:
    """The state's STATE_FIELDS by name (a dict literal: half the cost of reading them by getattr)."""
    return {
        "reps": state.reps,
        "interval": state.interval,
        "ef": state.ef,
        "due": state.due,
        "lapses": state.lapses,
        "drill": state.drill,
        "last_review": state.last_review,
        "stability": state.stability,
        "difficulty": state.difficulty,
    }


_SYNC_UPDATE = (
    update(_CARDS)
    .where(_CARDS.c.id == bindparam("card_id"))
    .values({name: bindparam(name) for name in ("deck", "type", "content", "content_hash", "domain")})
    .values(ordinal=bindparam("ordinal"))
    .values(retired=False)
)

# An answer's statements, built once, in Core on the cards and review_log tables: each answer is one small
# transaction on one connection (no ORM session, no flush), and building the SQL expressions again for
# every answer cost more than executing them.
_ANSWER_READ = (
    select(_CARDS.c.leech, *(_CARDS.c[name] for name in STATE_FIELDS))
    .where(_CARDS.c.id == bindparam("card_id"))
    .with_for_update()
)
_ANSWER_WRITE = (
    update(_CARDS)
    .where(_CARDS.c.id == bindparam("card_id"))
    .values({name: bindparam(name) for name in (*STATE_FIELDS, "last_day")})
)
_LEECH_WRITE = _ANSWER_WRITE.values(leech=True, suspended=True)
_LOG_INSERT = insert(_LOG)


class _DriverStatement:
    """A Core statement compiled once for a dialect and run on a DBAPI cursor: the bound values and the
    selected columns converted by SQLAlchemy's own type processors (so the stored text is the same as
    through SQLAlchemy), without its execution machinery per statement (about 40 us each, more than
    SQLite's own work for an answer's statements). For a qmark dialect (SQLite)."""

    def __init__(self, stmt: Any, dialect: Any, column_keys: Sequence[str] | None = None) -> None:
        compiled = stmt.compile(dialect=dialect, column_keys=list(column_keys) if column_keys else None)
        self.sql = compiled.string
        binds = compiled.binds
        # the values fixed in the statement (a leech's flags), and each positional name's converter
        self._fixed = {name: bind.effective_value for name, bind in binds.items() if not bind.required}
        names = list(compiled.positiontup or ())
        self.names = names
        # the positional values fetched at once, then converted where the type has a converter
        self._values = operator.itemgetter(*names) if len(names) > 1 else lambda v: tuple(v[n] for n in names)
        processors = [binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
        self.processors = [(i, p) for i, p in enumerate(processors) if p is not None]
        columns = getattr(stmt, "selected_columns", ())
        self._results = [c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns]

    def parameters(self, values: dict[str, Any]) -> list[Any]:
        """The positional values: a name the statement needs and `values` lacks is a KeyError."""
        out = list(self._values({**self._fixed, **values} if self._fixed else values))
        for i, process in self.processors:
            value = out[i]
            if value is not None:
                out[i] = process(value)
        return out

    def row(self, raw: Sequence[Any] | None) -> list[Any] | None:
        if raw is None:
            return None
        return [
            p(v) if p is not None and v is not None else v for p, v in zip(self._results, raw, strict=True)
        ]


@functools.cache
def _driver_statements(dialect: Any) -> dict[str, _DriverStatement]:
    """An answer's statements for the SQLite driver (see Store.answer)."""
    log_keys = (
        *("card_id", "ts", "day", "action", "grade", "was_new", "drill", "response_ms", "before", "after"),
        *("interval_before", "interval_after", "ef_before", "ef_after", "undone", "session"),
    )
    leech_keys = ("card_id", "ts", "day", "action", "was_new", "drill", "undone", "session")
    return {
        "read": _DriverStatement(_ANSWER_READ, dialect),
        "write": _DriverStatement(_ANSWER_WRITE, dialect),
        "leech": _DriverStatement(_LEECH_WRITE, dialect),
        "log": _DriverStatement(_LOG_INSERT, dialect, log_keys),
        "leech_log": _DriverStatement(_LOG_INSERT, dialect, leech_keys),
    }


# a new card's state: never studied (sync's new rows, beside the card's id, content and place)
_NEW_STATE: dict[str, Any] = {
    "retired": False,
    "reps": 0,
    "interval": 0,
    "ef": sm2.INITIAL_EF,
    "lapses": 0,
    "drill": False,
    "suspended": False,
    "leech": False,
}
_NEW_ROW_HEAD = ("id", "deck", "type", "content", "content_hash", "domain", "ordinal")


def _new_row(head: tuple[Any, ...]) -> dict[str, Any]:
    """A new card's row by column: its _NEW_ROW_HEAD values, then _NEW_STATE."""
    return {**dict(zip(_NEW_ROW_HEAD, head, strict=True)), **_NEW_STATE}


@functools.cache
def _new_rows_statement(dialect: Any) -> tuple[_DriverStatement, tuple[Any, ...] | None]:
    """Sync's INSERT of new cards rows for the SQLite driver (see Store._new_rows_inserter), and the
    converted _NEW_STATE values that follow a row's _NEW_ROW_HEAD values as they are (None when the
    statement's positions are in another order, or one of the head's values needs converting)."""
    statement = _DriverStatement(insert(_CARDS), dialect, (*_NEW_ROW_HEAD, *_NEW_STATE))
    head = len(_NEW_ROW_HEAD)
    sample = statement.parameters({**dict.fromkeys(_NEW_ROW_HEAD, ""), **_NEW_STATE})
    names = tuple(statement.names)
    if names != (*_NEW_ROW_HEAD, *_NEW_STATE) or any(i < head for i, _ in statement.processors):
        return statement, None
    return statement, tuple(sample[head:])


@functools.cache
def _candidate_queries(by_deck: bool, review_limit: bool) -> tuple[Any, Any, Any]:
    """Store.candidates' three queries (due reviews, drills, new cards), built once for each shape with
    bound values (today, decks, limits): a review's start asks them once per deck."""
    today = bindparam("today", type_=Date)
    usable = [
        _CARDS.c.retired.is_(False),
        *([_CARDS.c.deck.in_(bindparam("decks", expanding=True))] if by_deck else []),
        _CARDS.c.suspended.is_(False),
        or_(_CARDS.c.buried_until.is_(None), _CARDS.c.buried_until <= today),
    ]
    cols = (_CARDS.c.id, *(_CARDS.c[name] for name in STATE_FIELDS))
    due = select(*cols).where(*usable, _CARDS.c.due <= today)
    if review_limit:
        due = due.order_by(_CARDS.c.due, _CARDS.c.ef, _CARDS.c.id).limit(
            bindparam("review_limit", type_=Integer)
        )
    drills = (
        select(*cols)
        .where(*usable, _CARDS.c.drill.is_(True), _CARDS.c.due > today)
        .order_by(_CARDS.c.due, _CARDS.c.ordinal)
    )
    new = (
        select(*cols)
        .where(*usable, _CARDS.c.due.is_(None))
        .order_by(_CARDS.c.ordinal)
        .limit(bindparam("new_limit", type_=Integer))
    )
    return due, drills, new


@functools.cache
def _day_counts_query(by_deck: bool) -> Any:
    """Store.day_counts' query, built once for each shape (bound values: today, decks)."""
    q = select(_LOG.c.was_new, func.count()).where(
        _LOG.c.day == bindparam("today", type_=Date),
        _LOG.c.action == "answer",
        _LOG.c.undone.is_(False),
        _LOG.c.drill.is_(False),
    )
    if by_deck:
        q = q.join(_CARDS, _CARDS.c.id == _LOG.c.card_id).where(
            _CARDS.c.deck.in_(bindparam("decks", expanding=True))
        )
    return q.group_by(_LOG.c.was_new)


def _status_of(r: Any) -> CardStatus:  # a cards row: an ORM object or a selected row
    card = card_from_dict(json.loads(r.content), f"database card {r.id}", r.deck)
    return CardStatus(
        r.id,
        r.deck,
        r.type,
        state_of(r),
        r.suspended,
        r.leech,
        r.buried_until,
        text=" ".join(card_text(card).split()),
        tags=card.tags,
    )


_content_json = json.dumps  # a card's content as the cards row keeps it
# the sorted text a card's hash is of: json.dumps(..., sort_keys=True) with its encoder built once
# (json.dumps builds a new one for each call given a keyword)
_sorted_json = json.JSONEncoder(sort_keys=True).encode


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(_sorted_json(content).encode()).hexdigest()


@dataclass(frozen=True)
class _Answered:
    """An answer's writes: the card's new state (bound values), its log rows, and the result."""

    state: dict[str, Any]
    logs: list[dict[str, Any]]
    result: AnswerResult


@dataclass(frozen=True)
class SyncReport:
    added: int = 0
    changed: int = 0
    retired: int = 0
    skipped: bool = False  # the bank had not changed since the last sync


class Store:
    def __init__(self, url: str, policy: Policy = SM2) -> None:
        self.url = url
        self.engine = open_store(url)  # Core connections: reads, answers, claims
        self._reading = self.engine.execution_options(**{READ_ONLY: True})  # deferred BEGIN, never written
        self.policy = policy  # the scheduler answers go through (cli/db.open_store sets it from settings)
        self._wall_days = self.engine.dialect.name == "sqlite"  # how last_day counts (see last_day)
        self._errors_at_open = errors_met()
        self._answering: Any = None  # the DBAPI connection answers run on (SQLite), from the pool
        self._load: tuple[date, dict[date, int]] | None = None  # due_load's counts and their day

    @functools.cached_property
    def Session(self) -> orm.sessionmaker[orm.Session]:
        """ORM sessions for the transactions that change rows as objects (undo, flags, exams...): made,
        and `sqlalchemy.orm` imported, only when one is first needed."""
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read: a Core connection (no ORM session, no identity map) in a deferred transaction,
        rolled back when done. Rows are read by column name, as the ORM objects were."""
        with translate_errors(self.url), self._reading.connect() as conn:
            yield conn

    def close(self) -> None:
        """The command is done: close the connections (SQLite folds the WAL into the file) and, when no
        database error was met, note the file as sound so the next start skips its quick check."""
        engine = self.engine
        try:
            if self._answering is not None:
                self._answering.close()  # back to the pool, which dispose then closes
                self._answering = None
            engine.dispose()
        except SQLAlchemyError:  # the command's own outcome stands; the next start checks the file
            return
        db = health.sqlite_file(engine)
        if db is not None and errors_met() == self._errors_at_open:
            health.remember(db)

    # --- meta and settings -------------------------------------------------------------------

    def _meta(self, s: orm.Session | Connection, key: str) -> str | None:
        return s.execute(select(_META.c.value).where(_META.c.key == key)).scalar_one_or_none()

    def get_setting(self, key: str, default: str) -> str:
        with self.reading() as s:
            value = s.execute(select(_SETTINGS.c.value).where(_SETTINGS.c.key == key)).scalar_one_or_none()
            return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        from awsprep.store.models import Setting  # the ORM: rows changed as objects

        with translate_errors(self.url), self.Session() as s, s.begin():
            s.merge(Setting(key=key, value=value))

    # --- bank sync ---------------------------------------------------------------------------

    def bank_fingerprint(self) -> str | None:
        with self.reading() as s:
            return self._meta(s, "bank_fingerprint")

    def sync(self, cards: Sequence[Card], fingerprint: str) -> SyncReport:
        """Bring the bank in: add new cards, update changed wording (same id keeps its history),
        retire cards that left the bank (kept, never shown), bring back ones that returned. Core
        statements on one connection in one transaction (no ORM session: a first start then imports
        no sqlalchemy.orm)."""
        with translate_errors(self.url), self.engine.begin() as s:
            # One sync at a time (two machines starting at once on one server): the second waits for
            # the first here, then finds the bank already in.
            s.execute(select(_META.c.key).where(_META.c.key == "schema_version").with_for_update()).all()
            if self._meta(s, "bank_fingerprint") == fingerprint:
                return SyncReport(skipped=True)
            existing = {
                r.id: r
                for r in s.execute(
                    select(_CARDS.c.id, _CARDS.c.content_hash, _CARDS.c.retired, _CARDS.c.ordinal)
                )
            }
            added = changed = 0
            # a first sync of a large bank fills an empty table: its indexes are built once at the end
            # (a sorted build) instead of entry by entry with every batch; same transaction
            bulk = not existing and len(cards) >= BULK_SYNC
            rebuilt = sorted(_CARDS.indexes, key=lambda i: str(i.name)) if bulk else []
            for index in rebuilt:
                index.drop(s)
            seen: set[str] = set()
            new_rows: list[tuple[Any, ...]] = []  # the _NEW_ROW_HEAD values of each new card
            updates: list[dict[str, Any]] = []
            insert_new = self._new_rows_inserter(s)
            for ordinal, card in enumerate(cards):
                content = card_to_dict(card)
                digest = content_hash(content)
                seen.add(card.id)
                old = existing.get(card.id)
                if old is None:
                    new_rows.append(
                        (card.id, card.deck, card.type, _content_json(content), digest, card.domain, ordinal)
                    )
                    added += 1
                elif old.content_hash != digest or old.retired or old.ordinal != ordinal:
                    if old.content_hash != digest:
                        changed += 1
                    updates.append(
                        {
                            "card_id": card.id,
                            "deck": card.deck,
                            "type": card.type,
                            "content": _content_json(content),
                            "content_hash": digest,
                            "domain": card.domain,
                            "ordinal": ordinal,
                        }
                    )
                # in batches of Core executemany: a 100k-card first sync holds 2,000 rows at a time
                if len(new_rows) >= 2000:
                    insert_new(new_rows)
                    new_rows = []
                if len(updates) >= 2000:
                    s.execute(_SYNC_UPDATE, updates)
                    updates = []
            if new_rows:
                insert_new(new_rows)
            if updates:
                s.execute(_SYNC_UPDATE, updates)
            for index in rebuilt:
                index.create(s)
            gone = [cid for cid, r in existing.items() if cid not in seen and not r.retired]
            for start in range(0, len(gone), 500):
                s.execute(
                    update(_CARDS).where(_CARDS.c.id.in_(gone[start : start + 500])).values(retired=True)
                )
            where = _META.c.key == "bank_fingerprint"
            if not s.execute(update(_META).where(where).values(value=fingerprint)).rowcount:
                s.execute(insert(_META).values(key="bank_fingerprint", value=fingerprint))
        return SyncReport(added=added, changed=changed, retired=len(gone))

    @staticmethod
    def _new_rows_inserter(conn: Connection) -> Callable[[list[tuple[Any, ...]]], None]:
        """How sync inserts a batch of new cards rows (each its _NEW_ROW_HEAD values, then _NEW_STATE):
        Core's executemany; on SQLite the same INSERT run on the driver's cursor in the connection's
        transaction, the values converted by SQLAlchemy's own type processors (_DriverStatement: the
        same stored values, without SQLAlchemy's work for each row, which cost more than SQLite's)."""
        if conn.dialect.name != "sqlite":

            def insert_core(rows: list[tuple[Any, ...]]) -> None:
                conn.execute(_CARDS.insert(), [_new_row(row) for row in rows])

            return insert_core
        statement, state = _new_rows_statement(conn.dialect)

        def insert_driver(rows: list[tuple[Any, ...]]) -> None:
            params: list[Sequence[Any]]
            if state is None:
                params = [statement.parameters(_new_row(row)) for row in rows]
            else:
                params = [row + state for row in rows]
            cur = conn.connection.cursor()
            try:
                cur.executemany(statement.sql, params)
            finally:
                cur.close()

        return insert_driver

    def bank_cache(self) -> dict[str, tuple[str, str]]:
        """Parsed bank files from earlier syncs: path -> (digest, cards JSON)."""
        with self.reading() as s:
            rows = s.execute(select(_BANK_FILES.c.path, _BANK_FILES.c.digest, _BANK_FILES.c.cards))
            return {path: (digest, cards) for path, digest, cards in rows}

    def save_bank_cache(self, entries: dict[str, tuple[str, str]], keep: set[str]) -> None:
        """Keep these parsed files (path -> (digest, cards JSON)); forget files not in `keep`. Rows are
        upserted in one statement, so two machines saving the same files at once do not clash (Core, on
        one connection: no ORM session on SQLite and PostgreSQL)."""
        rows = [{"path": p, "digest": d, "cards": c} for p, (d, c) in entries.items()]
        dialect = self.engine.dialect.name
        if dialect not in ("sqlite", "postgresql"):
            from awsprep.store.models import BankFile  # the ORM's merge: read, then insert or update

            with translate_errors(self.url), self.Session() as session, session.begin():
                self._forget_bank_files(session, keep)
                for row in rows:
                    session.merge(BankFile(**row))
            return
        with translate_errors(self.url), self.engine.begin() as s:
            self._forget_bank_files(s, keep)
            insert: Any
            if dialect == "sqlite":  # only the dialect in use imported (PostgreSQL's: 50 ms)
                from sqlalchemy.dialects.sqlite import insert
            else:
                from sqlalchemy.dialects.postgresql import insert
            for start in range(0, len(rows), 200):
                stmt: Any = insert(_BANK_FILES).values(rows[start : start + 200])
                s.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[_BANK_FILES.c.path],
                        set_={"digest": stmt.excluded.digest, "cards": stmt.excluded.cards},
                    )
                )

    @staticmethod
    def _forget_bank_files(s: orm.Session | Connection, keep: set[str]) -> None:
        """Delete the parse cache's rows of the files not in `keep`."""
        known = set(s.execute(select(_BANK_FILES.c.path)).scalars())
        gone = [p for p in known if p not in keep]
        for start in range(0, len(gone), 500):
            s.execute(delete(_BANK_FILES).where(_BANK_FILES.c.path.in_(gone[start : start + 500])))

    # --- reading -----------------------------------------------------------------------------

    def card(self, card_id: str) -> Card:
        with self.reading() as s:
            row = s.execute(select(_CARDS).where(_CARDS.c.id == card_id)).first()
            if row is None:
                raise KeyError(card_id)
            return card_from_dict(json.loads(row.content), f"database card {card_id}", row.deck)

    def state(self, card_id: str) -> CardState:
        with self.reading() as s:
            row = s.execute(select(_CARDS).where(_CARDS.c.id == card_id)).first()
            if row is None:
                raise KeyError(card_id)
            return state_of(row)

    def _active(self, decks: Iterable[str] | None) -> Any:
        cond = [_CARDS.c.retired.is_(False)]
        deck_list = list(decks) if decks else []
        if deck_list:
            cond.append(_CARDS.c.deck.in_(deck_list))
        return cond

    def decks(self) -> dict[str, int]:
        """Active cards per deck, by name. Counted from the (deck, retired) index alone: a filter on
        `retired` would make SQLite read every card's row through another index."""
        with self.reading() as s:
            by = (_CARDS.c.deck, _CARDS.c.retired)
            rows = s.execute(select(*by, func.count()).group_by(*by))
            return {deck: n for deck, retired, n in rows if not retired}

    def deck_names(self) -> list[str]:
        """The names of the decks with active cards, sorted: a walk of the (deck, retired) index from one
        deck to the next (a recursive query), so its cost grows with the decks, not with the cards."""
        step = select(func.min(_CARDS.c.deck).label("deck")).cte("walk", recursive=True)
        after = select(func.min(_CARDS.c.deck)).where(_CARDS.c.deck > step.c.deck).scalar_subquery()
        walk = step.union_all(select(after).where(step.c.deck.is_not(None)))
        active = exists().where(_CARDS.c.deck == walk.c.deck, _CARDS.c.retired.is_(False))
        with self.reading() as s:
            return list(s.execute(select(walk.c.deck).where(walk.c.deck.is_not(None), active)).scalars())

    def card_domains(self, domains: Iterable[str]) -> dict[str, str]:
        """Active, unsuspended cards whose exam domain is one of `domains`: id -> domain."""
        wanted = list(set(domains))
        if not wanted:
            return {}
        with self.reading() as s:
            rows = s.execute(
                select(_CARDS.c.id, _CARDS.c.domain).where(
                    _CARDS.c.retired.is_(False), _CARDS.c.suspended.is_(False), _CARDS.c.domain.in_(wanted)
                )
            )
            return {card_id: domain for card_id, domain in rows}

    def candidates(
        self, today: date, decks: Iterable[str] | None, new_limit: int, review_limit: int | None = None
    ) -> list[Candidate]:
        """Cards that could be studied today: due reviews, same-day drills, and up to new_limit new ones in
        bank order. With review_limit, only the first that many reviews in the order the queue shows them
        (sched.queue.build_queue: most overdue, then lowest EF, then id), so a backlog costs no more."""
        deck_list = list(decks) if decks else []
        due_q, drills_q, new_q = _candidate_queries(bool(deck_list), review_limit is not None)
        params: dict[str, Any] = {"today": today, **({"decks": deck_list} if deck_list else {})}
        with self.reading() as s:
            # a limit of 0 (a deck's new cards only) is no reviews: not asked of the database
            due = (
                s.execute(due_q, {**params, "review_limit": max(0, review_limit or 0)}).all()
                if review_limit is None or review_limit > 0
                else []
            )
            drills = s.execute(drills_q, params).all()
            new = s.execute(new_q, {**params, "new_limit": new_limit}).all() if new_limit > 0 else []
        return [Candidate(r[0], CardState(*r[1:])) for r in (*due, *drills, *new)]  # cols: id, then state

    def plan_reviews(
        self, query: PlanQuery, decks: Iterable[str] | None, limit: int
    ) -> tuple[int, list[Candidate]]:
        """The exam plan's reviews for a day (sched/plan.PlanQuery, the same rule as `PlanQuery.matches`),
        in one SQL statement so a 20,000-card store stays fast: the studied cards' memory is read from
        an index alone (schema 6's ix_cards_memory: the last review's day as a number, no date to
        parse), the ratio bounds tested on it (a plain CTE the database may inline: materialising it
        cost a fifth more). Returns how many cards match and the first `limit` of them, weakest (largest
        ratio) first."""

        def day(on: date) -> Any:  # the day numbers of the last_day column
            return literal(on.toordinal())

        studied = (
            select(
                _CARDS.c.id,
                _CARDS.c.last_day,
                func.coalesce(_CARDS.c.stability, NO_STABILITY).label("s"),
                func.coalesce(_CARDS.c.difficulty, 0.0).label("d"),
            )
            .where(
                *self._active(decks),
                _CARDS.c.suspended.is_(False),
                or_(_CARDS.c.buried_until.is_(None), _CARDS.c.buried_until <= query.today),
                _CARDS.c.due.is_not(None),
            )
            .cte("studied")
        )

        def days(on: date) -> Any:  # no last review (a card from before FSRS memory): long ago
            return func.coalesce(day(on) - studied.c.last_day, 1_000_000)

        cond = [days(query.today) > 0, days(query.exam) > query.exam_ratio * studied.c.s]
        if query.review_ratio is not None and query.wait_ratio is not None:
            cond.append(days(query.today) >= query.review_ratio * studied.c.s)
            cond.append(
                or_(studied.c.d >= query.hard, days(query.window_start) > query.wait_ratio * studied.c.s)
            )
        weakness = (days(query.order_on) / studied.c.s).label("weakness")
        # how many match, counted by a statement of its own: a window count over the matches kept SQLite
        # from sorting only the first `limit` of them, and a CTE named twice in one statement is
        # materialised (each cost a third of the time at 20,000 cards)
        total_q = select(func.count()).select_from(studied).where(*cond)
        picked = (
            select(studied.c.id, weakness)
            .where(*cond)
            .order_by(weakness.desc(), studied.c.id)
            .limit(limit)
            .subquery()
        )
        cols = (_CARDS.c.id, *(_CARDS.c[name] for name in STATE_FIELDS))
        rows_q = (  # the state columns of the few picked cards only
            select(*cols)
            .join(picked, _CARDS.c.id == picked.c.id)
            .order_by(picked.c.weakness.desc(), _CARDS.c.id)
        )
        with self.reading() as s:
            total = int(s.execute(total_q).scalar_one())
            rows = s.execute(rows_q).all() if total and limit > 0 else []
        return total, [Candidate(r[0], CardState(*r[1:])) for r in rows]  # cols: id, then state

    def new_count(self, decks: Iterable[str] | None = None) -> int:
        """Cards never answered (not suspended): what is left to introduce."""
        with self.reading() as s:
            q = select(func.count()).where(
                *self._active(decks), _CARDS.c.suspended.is_(False), _CARDS.c.due.is_(None)
            )
            return int(s.execute(q).scalar_one())

    def day_counts(self, today: date, decks: Iterable[str] | None = None) -> DayCounts:
        """New cards introduced and reviews done today (undone answers do not count)."""
        deck_list = list(decks) if decks else []
        params: dict[str, Any] = {"today": today, **({"decks": deck_list} if deck_list else {})}
        with self.reading() as s:
            rows = dict(s.execute(_day_counts_query(bool(deck_list)), params).all())
        return DayCounts(new=rows.get(True, 0), reviews=rows.get(False, 0))

    def statuses(self, decks: Iterable[str] | None = None, due_by: date | None = None) -> list[CardStatus]:
        """Every active card's scheduling status, due ones first (by date), then new ones in bank order."""
        with self.reading() as s:
            q = select(_CARDS).where(*self._active(decks))
            if due_by is not None:
                q = q.where(_CARDS.c.due.is_not(None), _CARDS.c.due <= due_by)
            rows = s.execute(q.order_by(_CARDS.c.due.is_(None), _CARDS.c.due, _CARDS.c.ordinal))
            return [_status_of(r) for r in rows]

    def status(self, card_id: str) -> CardStatus:
        """One card's status (retired cards too); KeyError when there is no such card."""
        with self.reading() as s:
            row = s.execute(select(_CARDS).where(_CARDS.c.id == card_id)).first()
            if row is None:
                raise KeyError(card_id)
            return _status_of(row)

    def records(self, decks: Iterable[str] | None = None) -> list[tuple[Card, CardStatus]]:
        """Every active card with its status, in bank order: what an export writes."""
        with self.reading() as s:
            rows = s.execute(select(_CARDS).where(*self._active(decks)).order_by(_CARDS.c.ordinal))
            return [
                (
                    card_from_dict(json.loads(r.content), f"database card {r.id}", r.deck),
                    CardStatus(r.id, r.deck, r.type, state_of(r), r.suspended, r.leech, r.buried_until),
                )
                for r in rows
            ]

    def next_due(self, after: date, decks: Iterable[str] | None = None) -> tuple[date | None, int]:
        """The first day after `after` with cards due, and how many are due then."""
        with self.reading() as s:
            cond = [*self._active(decks), _CARDS.c.suspended.is_(False), _CARDS.c.due > after]
            first = s.execute(select(func.min(_CARDS.c.due)).where(*cond)).scalar_one_or_none()
            if first is None:
                return None, 0
            n = s.execute(select(func.count()).where(*cond, _CARDS.c.due == first)).scalar_one()
            return first, int(n)

    # --- writing: each call is one transaction, committed before it returns -------------------

    def claim(self, card_id: str, expected: CardState, session: str, now: datetime) -> bool:
        """Claim a card for showing in this session. False when it changed since the session read it
        (answered, suspended or buried elsewhere) or another session is showing it right now."""
        with translate_errors(self.url), self.engine.begin() as conn:  # Core: one small transaction
            row = conn.execute(select(_CARDS).where(_CARDS.c.id == card_id).with_for_update()).first()
            if row is None or row.suspended or not same_state(state_of(row), expected):
                return False
            if row.buried_until is not None and row.buried_until > now.date():
                return False
            held = conn.execute(select(_CLAIMS).where(_CLAIMS.c.card_id == card_id).with_for_update()).first()
            until = now + timedelta(minutes=CLAIM_MINUTES)
            if held is None:
                conn.execute(insert(_CLAIMS).values(card_id=card_id, session=session, until=until))
                return True
            if held.session != session and _utc_naive(held.until) > _utc_naive(now):  # type: ignore[operator]
                return False
            conn.execute(
                update(_CLAIMS).where(_CLAIMS.c.card_id == card_id).values(session=session, until=until)
            )
            return True

    def release(self, session: str) -> None:
        """The session has ended: the cards it was showing may be shown by any session again."""
        with translate_errors(self.url), self.engine.begin() as conn:
            conn.execute(delete(_CLAIMS).where(_CLAIMS.c.session == session))

    def answer(
        self, card_id: str, grade: int, now: datetime, response_ms: int | None, session: str | None = None
    ) -> AnswerResult:
        # The row lock (FOR UPDATE on a server; SQLite's BEGIN IMMEDIATE locks the whole file) makes
        # reading the state and writing the new one atomic: another process answering the same card
        # waits, then starts from this answer's state instead of overwriting it.
        load = self.due_load(now.date())  # read now: inside the write transaction it is only looked up
        if self.engine.dialect.name == "sqlite":
            result = self._answer_on_driver(card_id, grade, now, response_ms, session)
        else:
            with translate_errors(self.url), self.engine.begin() as conn:
                row = conn.execute(_ANSWER_READ, {"card_id": card_id}).first()
                if row is None:
                    raise KeyError(card_id)
                change = self._answered(card_id, grade, now, response_ms, session, list(row))
                conn.execute(_LEECH_WRITE if change.result.leech else _ANSWER_WRITE, change.state)
                for log in change.logs:
                    conn.execute(_LOG_INSERT, log)
            result = change.result
        if result.before.due in load:  # the card left its day and joined another
            load[result.before.due] -= 1
        if result.after.due is not None and 0 < (result.after.due - now.date()).days <= LOAD_DAYS:
            load[result.after.due] = load.get(result.after.due, 0) + 1
        return result

    def due_load(self, today: date) -> dict[date, int]:
        """Cards due on each of the next LOAD_DAYS days (the load balancer's counts, sched/balance):
        one grouped query on the due index, kept for the day and moved on by this store's answers."""
        if self._load is None or self._load[0] != today:
            q = (
                select(_CARDS.c.due, func.count())
                .where(
                    _CARDS.c.retired.is_(False),
                    _CARDS.c.suspended.is_(False),
                    _CARDS.c.due > today,
                    _CARDS.c.due <= today + timedelta(days=LOAD_DAYS),
                )
                .group_by(_CARDS.c.due)
            )
            with self.reading() as s:
                self._load = (today, {due: int(n) for due, n in s.execute(q)})
        return self._load[1]

    def _answer_on_driver(
        self, card_id: str, grade: int, now: datetime, response_ms: int | None, session: str | None
    ) -> AnswerResult:
        """The same statements, in the same BEGIN IMMEDIATE transaction on a pooled connection (WAL,
        synchronous=FULL, busy timeout: the pool's connect hook), run on the driver's cursor."""
        sql = _driver_statements(self.engine.dialect)
        with translate_errors(self.url):
            if self._answering is None:  # one pooled connection kept for the answers, given back at close
                self._answering = self.engine.raw_connection()
            cur = self._answering.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                row = sql["read"].row(cur.execute(sql["read"].sql, [card_id]).fetchone())
                if row is None:
                    raise KeyError(card_id)
                change = self._answered(card_id, grade, now, response_ms, session, row)
                write = sql["leech" if change.result.leech else "write"]
                cur.execute(write.sql, write.parameters(change.state))
                for log, statement in zip(change.logs, (sql["log"], sql["leech_log"]), strict=False):
                    cur.execute(statement.sql, statement.parameters(log))
                cur.execute("COMMIT")
            except BaseException:
                if self._answering.driver_connection.in_transaction:
                    cur.execute("ROLLBACK")
                raise
            finally:
                cur.close()
        return change.result

    def _answered(
        self,
        card_id: str,
        grade: int,
        now: datetime,
        response_ms: int | None,
        session: str | None,
        row: list[Any],
    ) -> _Answered:
        """What an answer writes, from the card's row as _ANSWER_READ selects it (leech, then the state);
        the new due day is load-balanced (sched/balance) on the cards due on the next days (`due_load`,
        read before the transaction)."""
        before = CardState(*row[1:])
        drill_answer = sm2.is_drill_answer(before, now.date())
        after = self.policy.review(before, grade, now)
        if not drill_answer:
            after = balance_due(after, now.date(), self.due_load(now.date()), card_id)
        became_leech = not drill_answer and sm2.is_leech(after) and not row[0]
        log = _transition(
            card_id,
            now,
            "answer",
            grade,
            before,
            after,
            session,
            was_new=before.is_new,
            drill=drill_answer,
            response_ms=response_ms,
            undone=False,
        )
        logs = [log]
        if became_leech:
            leech = {"card_id": card_id, "ts": now, "day": now.date(), "action": "leech"}
            logs.append({**leech, "was_new": False, "drill": False, "undone": False, "session": session})
        return _Answered(
            state={
                "card_id": card_id,
                **_state_values(after),
                "last_day": last_day(after.last_review, self._wall_days),
            },
            logs=logs,
            result=AnswerResult(before=before, after=after, drill_answer=drill_answer, leech=became_leech),
        )

    def undo_last(self, now: datetime, session: str | None = None) -> Undone | None:
        """Undo the last answer, suspend or bury (of this session, if given): the card gets back the
        scheduling state, or the suspended / buried flag, it had before."""
        from awsprep.store.models import CardRow, ReviewLog  # the ORM: rows changed as objects

        self._load = None  # the card goes back to its old day: the balancer's counts are read again
        with translate_errors(self.url), self.Session() as s, s.begin():
            q = select(ReviewLog).where(ReviewLog.action.in_(UNDOABLE), ReviewLog.undone.is_(False))
            if session is not None:
                q = q.where(ReviewLog.session == session)
            last = s.execute(q.order_by(ReviewLog.id.desc()).limit(1)).scalar_one_or_none()
            if last is None or last.before is None:
                return None
            row = s.get(CardRow, last.card_id, with_for_update=True)
            if row is None:
                return None
            if last.action == "answer":
                _apply(row, _state_from_json(last.before), self._wall_days)
                if row.leech and not sm2.is_leech(state_of(row)):
                    row.leech = False
                    row.suspended = False
            else:
                flags = json.loads(last.before)
                row.suspended = flags["suspended"]
                buried = flags["buried_until"]
                row.buried_until = date.fromisoformat(buried) if buried else None
            last.undone = True
            s.add(
                ReviewLog(
                    card_id=last.card_id,
                    ts=now,
                    day=now.date(),
                    action="undo",
                    before=last.after,
                    after=last.before,
                    session=session,
                )
            )
            return Undone(card_id=last.card_id, restored=state_of(row), action=last.action)

    def _flag(self, card_id: str, now: datetime, action: str, session: str | None, **values: Any) -> None:
        """Set a card's suspended / buried flags, logging what they were so that undo can restore them."""
        from awsprep.store.models import CardRow, ReviewLog  # the ORM: rows changed as objects

        self._load = None  # a suspended card leaves the balancer's counts, an unsuspended one joins them
        with translate_errors(self.url), self.Session() as s, s.begin():
            row = s.get(CardRow, card_id, with_for_update=True)
            before = None
            if row is not None:
                buried = row.buried_until.isoformat() if row.buried_until else None
                before = json.dumps({"suspended": row.suspended, "buried_until": buried})
            s.execute(update(_CARDS).where(_CARDS.c.id == card_id).values(**values))
            s.add(
                ReviewLog(
                    card_id=card_id, ts=now, day=now.date(), action=action, session=session, before=before
                )
            )

    def suspend(self, card_id: str, now: datetime, session: str | None = None) -> None:
        self._flag(card_id, now, "suspend", session, suspended=True)

    def unsuspend(self, card_id: str, now: datetime) -> None:
        self._flag(card_id, now, "unsuspend", None, suspended=False, leech=False)

    def bury(self, card_id: str, now: datetime, session: str | None = None) -> None:
        self._flag(card_id, now, "bury", session, buried_until=now.date() + timedelta(days=1))

    def adopt_history(self, card_id: str, answers: Sequence[tuple[datetime, int, int | None]]) -> bool:
        """Give a card with no history of its own the answers (time, grade, response ms) another tool
        recorded: each one logged, the SM-2 state rebuilt by replaying them in order. False when the card
        is unknown or already has history (a second import adds nothing)."""
        from awsprep.store.models import CardRow  # the ORM: rows changed as objects

        with translate_errors(self.url), self.Session() as s, s.begin():
            row = s.get(CardRow, card_id, with_for_update=True)
            if row is None:
                return False
            if s.execute(select(_LOG.c.id).where(_LOG.c.card_id == card_id).limit(1)).first():
                return False
            state = state_of(row)
            logs: list[dict[str, Any]] = []
            for ts, grade, ms in sorted(answers, key=lambda a: a[0]):
                drill = sm2.is_drill_answer(state, ts.date())
                after = self.policy.review(state, grade, ts)
                extra = {"was_new": state.is_new, "drill": drill, "response_ms": ms}
                logs.append(_transition(card_id, ts, "answer", grade, state, after, "import", **extra))
                state = after
            if logs:
                s.execute(insert(_LOG), logs)
            _apply(row, state, self._wall_days)
            return True

    @staticmethod
    def fail_recall_in(
        s: orm.Session, card_id: str, now: datetime, session: str | None = None, policy: Policy = SM2
    ) -> None:
        """A wrong exam answer, inside the caller's transaction: a failed recall, due tomorrow."""
        from awsprep.store.models import CardRow  # the ORM: the row changed as an object

        row = s.get(CardRow, card_id, with_for_update=True)
        if row is None:
            return
        before = state_of(row)
        after = policy.failed_recall(before, now)
        _apply(row, after, s.get_bind().dialect.name == "sqlite")
        s.execute(insert(_LOG), [_transition(card_id, now, "exam", 1, before, after, session)])

    def log(self, card_id: str | None = None) -> list[LogEntry]:
        """The review log in the order it was written (of one card, if given)."""
        with self.reading() as s:
            q = select(_LOG)
            if card_id is not None:
                q = q.where(_LOG.c.card_id == card_id)
            return [_entry(r) for r in s.execute(q.order_by(_LOG.c.id))]

    def recent_answers(self, limit: int = 300) -> list[LogEntry]:
        """The last answers given (oldest first): the learner's pace."""
        with self.reading() as s:
            q = select(_LOG).where(_LOG.c.action == "answer").order_by(_LOG.c.id.desc()).limit(limit)
            return [_entry(r) for r in reversed(s.execute(q).all())]

    def graded_log(self, decks: Iterable[str] | None = None) -> dict[str, list[LogEntry]]:
        """Each card's graded rows (answers and exam failures), oldest first: what the memory model reads."""
        with self.reading() as s:
            q = select(_LOG).where(_LOG.c.action.in_(GRADED_ACTIONS), _LOG.c.undone.is_(False))
            deck_list = list(decks) if decks else []
            if deck_list:
                q = q.join(_CARDS, _CARDS.c.id == _LOG.c.card_id).where(_CARDS.c.deck.in_(deck_list))
            out: dict[str, list[LogEntry]] = {}
            for r in s.execute(q.order_by(_LOG.c.id)):
                out.setdefault(r.card_id, []).append(_entry(r))
            return out

    def reschedule(self, policy: Policy, settings: dict[str, str]) -> int:
        """Save the settings and rebuild every answered card's state from its log under `policy`, in one
        transaction (switching scheduler or retention). Returns how many cards were rescheduled."""
        logs = self.graded_log()
        given = self._given_days()
        from awsprep.store.models import CardRow, Setting  # the ORM: rows changed as objects

        with translate_errors(self.url), self.Session() as s, s.begin():
            for key, value in settings.items():
                s.merge(Setting(key=key, value=value))
            for card_id, entries in logs.items():
                row = s.get(CardRow, card_id)
                if row is not None:
                    state = replay(policy, entries)
                    if card_id in given:  # the balanced day, where the new window allows it
                        state = keep_given_day(state, *given[card_id])
                    _apply(row, state, self._wall_days)
        self.policy = policy
        self._load = None
        return len(logs)

    def _given_days(self) -> dict[str, tuple[date, date]]:
        """Each card's last graded answer that set its due day (not a drill repeat, not undone): the day
        it was given and that due day, from the log's state after it."""
        last = (
            select(func.max(_LOG.c.id))
            .where(_LOG.c.action.in_(GRADED_ACTIONS), _LOG.c.undone.is_(False), _LOG.c.drill.is_(False))
            .group_by(_LOG.c.card_id)
        )
        q = select(_LOG.c.card_id, _LOG.c.day, _LOG.c.after).where(_LOG.c.id.in_(last.scalar_subquery()))
        out: dict[str, tuple[date, date]] = {}
        with self.reading() as s:
            for card_id, day, after in s.execute(q):
                due = _state_from_json(after).due if after else None
                if due is not None:
                    out[card_id] = (day, due)
        return out


def _entry(r: Any) -> LogEntry:  # a review_log row: an ORM object or a selected row
    return LogEntry(
        id=r.id,
        card_id=r.card_id,
        ts=r.ts,
        day=r.day,
        action=r.action,
        grade=r.grade,
        was_new=r.was_new,
        drill=r.drill,
        response_ms=r.response_ms,
        interval_before=r.interval_before,
        interval_after=r.interval_after,
        undone=r.undone,
        session=r.session,
    )
