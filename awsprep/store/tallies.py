"""What `stats` counts of the review log and of the cards, kept in `answer_days`, `answer_times` and
`card_counts` by the database itself.

Triggers follow every change that moves a count: an answer logged, undone (or its undo reverted), deleted;
a card whose deck, type or exam domain changes (its answers move to the new key), and a card added after
its answers (a database copied log first); and (schema 9) a card added, retired, deleted, answered for the
first time or turned mature. Triggers, not Python: every writer is covered, the store's own answer path
and undo, the exam's failed recalls, imported history, a copy between databases and a script writing rows
by SQL alike, each in the writer's own transaction.

`rebuild` counts the whole log again (a migration, and the test that the kept counts are exact). The
definitions are `stats`' (`study/stats.py`): a review is an answer neither new nor a drill; mature is an
interval before the answer of `MATURE_DAYS` or more; passed is a grade of `PASS_GRADE` or more.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

MATURE_DAYS = 21  # study.stats.MATURE_DAYS (a test holds them equal)
PASS_GRADE = 3  # sched.sm2.PASS_GRADE
# Response times are kept in buckets, each named by its lower bound: 100 ms wide under 10 s (the answers a
# median mostly falls among), 1 s wide under a minute, 10 s wide beyond (schema 8; 100 ms throughout in
# schema 7, which made the table nearly as long as the log when answers took up to a minute).
FINE_BELOW_MS = 10_000
COARSE_BELOW_MS = 60_000
TALLY_TABLES = ("answer_days", "answer_times", "card_counts")

DAY_COUNTS = (
    "answers",
    "ms",
    "new",
    "drill",
    "young_pass",
    "young_fail",
    "mature_pass",
    "mature_fail",
    "passed",
    "counted",
)


def _day_terms(r: str) -> list[str]:
    """One answer's contribution to each of DAY_COUNTS, as SQL over the log row `r` (NEW, OLD or an
    alias): 1 or 0, and its response time."""
    review = f"NOT {r}.was_new AND NOT {r}.drill"
    young = f"COALESCE({r}.interval_before, 0) < {MATURE_DAYS}"
    mature = f"COALESCE({r}.interval_before, 0) >= {MATURE_DAYS}"
    passed = f"COALESCE({r}.grade, 0) >= {PASS_GRADE}"
    failed = f"COALESCE({r}.grade, 0) < {PASS_GRADE}"

    def one(cond: str) -> str:
        return f"CASE WHEN {cond} THEN 1 ELSE 0 END"

    return [
        "1",
        f"COALESCE({r}.response_ms, 0)",
        one(f"{r}.was_new"),
        one(f"{r}.drill"),
        one(f"{review} AND {young} AND {passed}"),
        one(f"{review} AND {young} AND {failed}"),
        one(f"{review} AND {mature} AND {passed}"),
        one(f"{review} AND {mature} AND {failed}"),
        one(f"NOT {r}.drill AND {passed}"),
        one(f"NOT {r}.drill"),
    ]


def _stands(r: str) -> str:
    return f"{r}.action = 'answer' AND NOT {r}.undone"


def _upsert(table: str, keys: tuple[str, ...], counts: tuple[str, ...], select: str) -> str:
    """INSERT ... SELECT adding to the counts of rows already there (SQLite and PostgreSQL alike; the
    SELECT has a WHERE, which SQLite's parser needs before ON CONFLICT)."""
    cols = ", ".join((*keys, *counts))
    sets = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in counts)
    return f"INSERT INTO {table} ({cols}) {select} ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets}"


_DAY_KEYS = ("day", "deck", "type", "domain")
_TIME_KEYS = ("day", "deck", "type", "ms")


def _into_both(days: str, times: str) -> list[str]:
    """The upserts of a SELECT of day counts (_DAY_KEYS, DAY_COUNTS) and one of time buckets."""
    return [
        _upsert("answer_days", _DAY_KEYS, DAY_COUNTS, days),
        _upsert("answer_times", _TIME_KEYS, ("answers",), times),
    ]


def bucket_sql(ms: str) -> str:
    """SQL for the bucket (its lower bound) of the response time `ms` (an integer column or expression):
    integer division in both dialects."""
    return (
        f"CASE WHEN {ms} < {FINE_BELOW_MS} THEN ({ms} / 100) * 100 "
        f"WHEN {ms} < {COARSE_BELOW_MS} THEN ({ms} / 1000) * 1000 ELSE ({ms} / 10000) * 10000 END"
    )


def bucket(ms: int) -> int:
    """The bucket (its lower bound) of a response time in milliseconds, as bucket_sql counts it."""
    width = 100 if ms < FINE_BELOW_MS else 1000 if ms < COARSE_BELOW_MS else 10_000
    whole = abs(ms) // width * width  # SQL's integer division truncates toward zero
    return whole if ms >= 0 else -whole


def _bucket(r: str) -> str:
    return bucket_sql(f"{r}.response_ms")


def _row_statements(r: str, sign: str) -> list[str]:
    """Add (sign '1') or take away (sign '-1') one log row's answer, under its card's present key."""
    terms = ", ".join(f"{sign} * ({t})" for t in _day_terms(r))
    card = f"(SELECT 1 AS one) AS o LEFT JOIN cards AS c ON c.id = {r}.card_id"
    key = "COALESCE(c.deck, ''), COALESCE(c.type, ''), COALESCE(c.domain, '')"
    days = f"SELECT {r}.day, {key}, {terms} FROM {card} WHERE {_stands(r)}"
    times = (
        f"SELECT {r}.day, COALESCE(c.deck, ''), COALESCE(c.type, ''), {_bucket(r)}, {sign} FROM {card} "
        f"WHERE {_stands(r)} AND {r}.response_ms IS NOT NULL"
    )
    return _into_both(days, times)


def _card_statements(card: str, sign: str, keyed: bool = True) -> list[str]:
    """Add or take away all the answers of one card (`card`: NEW or OLD) under that card's key, or (keyed
    False) under the empty key, where a card's answers logged before the card existed were counted."""
    deck, kind = (f"{card}.deck", f"{card}.type") if keyed else ("''", "''")
    domain = f"COALESCE({card}.domain, '')" if keyed else "''"
    terms = ", ".join(f"{sign} * SUM({t})" for t in _day_terms("l"))
    log = f"FROM review_log AS l WHERE l.card_id = {card}.id AND {_stands('l')}"
    days = f"SELECT l.day, {deck}, {kind}, {domain}, {terms} {log} GROUP BY l.day"
    times = (
        f"SELECT l.day, {deck}, {kind}, {_bucket('l')}, {sign} * COUNT(*) {log} "
        f"AND l.response_ms IS NOT NULL GROUP BY l.day, {_bucket('l')}"
    )
    return _into_both(days, times)


_KEY_CHANGED = (
    "OLD.deck <> NEW.deck OR OLD.type <> NEW.type OR COALESCE(OLD.domain, '') <> COALESCE(NEW.domain, '')"
)


# The active cards counted by deck, domain, type and level (`card_counts`, schema 9): a card counts under its
# present key unless retired. "interval" is quoted: a keyword in PostgreSQL.
_COUNT_KEYS = ("deck", "domain", "type", "is_new", "is_mature")


def _count_key(card: str) -> str:
    """SQL of _COUNT_KEYS for the card row `card` (NEW, OLD, or "" for the table's own columns)."""
    c = f"{card}." if card else ""
    return (
        f"{c}deck, COALESCE({c}domain, ''), {c}type, CASE WHEN {c}due IS NULL THEN 1 ELSE 0 END, "
        f'CASE WHEN {c}"interval" >= {MATURE_DAYS} THEN 1 ELSE 0 END'
    )


def _count_statement(card: str, sign: str) -> str:
    """Add (sign '1') or take away (sign '-1') one card (NEW or OLD) in card_counts, if it is active."""
    select = f"SELECT {_count_key(card)}, {sign} WHERE NOT {card}.retired"
    return _upsert("card_counts", _COUNT_KEYS, ("cards",), select)


# What moves a card from one count to another: an answer that makes it learning or mature (most answers
# do not, and the trigger's body then does not run), a retirement, an edit of its deck, type or domain.
_COUNT_CHANGED = " OR ".join(
    (
        "OLD.retired <> NEW.retired",
        "OLD.deck <> NEW.deck",
        "OLD.type <> NEW.type",
        "COALESCE(OLD.domain, '') <> COALESCE(NEW.domain, '')",
        "(OLD.due IS NULL) <> (NEW.due IS NULL)",
        f'(OLD."interval" >= {MATURE_DAYS}) <> (NEW."interval" >= {MATURE_DAYS})',
    )
)
_COUNT_COLUMNS = 'deck, type, domain, due, "interval", retired'
_TAKE_OLD = [_count_statement("OLD", "-1")]
_ADD_NEW = [_count_statement("NEW", "1")]

_MOVED = [*_card_statements("OLD", "-1"), *_card_statements("NEW", "1")]  # a card's answers, re-keyed
_ARRIVED = [*_card_statements("NEW", "-1", keyed=False), *_card_statements("NEW", "1")]  # logged before it
_HAS_ANSWERS = "EXISTS (SELECT 1 FROM review_log WHERE card_id = NEW.id)"


def _sqlite_ddl() -> list[str]:
    def trigger(name: str, when: str, cond: str, body: list[str]) -> str:
        return f"CREATE TRIGGER IF NOT EXISTS {name} {when} WHEN {cond} BEGIN {'; '.join(body)}; END"

    log = "ON review_log"
    return [
        trigger("awsprep_log_insert", f"AFTER INSERT {log}", _stands("NEW"), _row_statements("NEW", "1")),
        trigger(
            "awsprep_log_update",
            f"AFTER UPDATE {log}",
            f"({_stands('OLD')}) OR ({_stands('NEW')})",
            [*_row_statements("OLD", "-1"), *_row_statements("NEW", "1")],
        ),
        trigger("awsprep_log_delete", f"AFTER DELETE {log}", _stands("OLD"), _row_statements("OLD", "-1")),
        trigger(
            "awsprep_card_key",
            "AFTER UPDATE OF deck, type, domain ON cards",
            _KEY_CHANGED,
            _MOVED,
        ),
        trigger(
            "awsprep_card_new",
            "AFTER INSERT ON cards",
            _HAS_ANSWERS,
            _ARRIVED,
        ),
        trigger("awsprep_count_insert", "AFTER INSERT ON cards", "NOT NEW.retired", _ADD_NEW),
        trigger(
            "awsprep_count_update",
            f"AFTER UPDATE OF {_COUNT_COLUMNS} ON cards",
            _COUNT_CHANGED,
            [*_TAKE_OLD, *_ADD_NEW],
        ),
        trigger("awsprep_count_delete", "AFTER DELETE ON cards", "NOT OLD.retired", _TAKE_OLD),
    ]


def _postgresql_ddl() -> list[str]:
    def function(name: str, body: str) -> str:
        return (
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN "
            f"{body} RETURN NULL; END $body$"
        )

    def block(op: str, cond: str, statements: list[str]) -> str:
        """Statements run when the operation is `op` (OLD or NEW is NULL in the others) and cond holds."""
        return f"IF {op} THEN IF {cond} THEN {'; '.join(statements)}; END IF; END IF;"

    log = " ".join(
        (
            block("TG_OP <> 'INSERT'", _stands("OLD"), _row_statements("OLD", "-1")),
            block("TG_OP <> 'DELETE'", _stands("NEW"), _row_statements("NEW", "1")),
        )
    )
    card = " ".join(
        (
            block("TG_OP = 'UPDATE'", _KEY_CHANGED, _MOVED),
            block("TG_OP = 'INSERT'", _HAS_ANSWERS, _ARRIVED),
        )
    )
    count = " ".join(
        (
            block("TG_OP = 'DELETE'", "TRUE", _TAKE_OLD),
            block("TG_OP = 'INSERT'", "TRUE", _ADD_NEW),
            block(
                "TG_OP = 'UPDATE'",
                _COUNT_CHANGED,
                [*_TAKE_OLD, *_ADD_NEW],
            ),
        )
    )
    return [
        function("awsprep_tally_log", log),
        function("awsprep_tally_card", card),
        function("awsprep_count_card", count),
        *(f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table in _PG_TRIGGERS),
        "CREATE TRIGGER awsprep_log_tally AFTER INSERT OR UPDATE OR DELETE ON review_log "
        "FOR EACH ROW EXECUTE FUNCTION awsprep_tally_log()",
        "CREATE TRIGGER awsprep_card_tally AFTER INSERT OR UPDATE OF deck, type, domain ON cards "
        "FOR EACH ROW EXECUTE FUNCTION awsprep_tally_card()",
        f"CREATE TRIGGER awsprep_card_count AFTER INSERT OR DELETE OR UPDATE OF {_COUNT_COLUMNS} ON cards "
        "FOR EACH ROW EXECUTE FUNCTION awsprep_count_card()",
    ]


_PG_TRIGGERS = (
    ("awsprep_log_tally", "review_log"),
    ("awsprep_card_tally", "cards"),
    ("awsprep_card_count", "cards"),
)
_SQLITE_TRIGGERS = (
    "awsprep_log_insert",
    "awsprep_log_update",
    "awsprep_log_delete",
    "awsprep_card_key",
    "awsprep_card_new",
    "awsprep_count_insert",
    "awsprep_count_update",
    "awsprep_count_delete",
)


def create_triggers(conn: Any) -> None:
    """The triggers that keep the tallies, where missing (SQLite) or replaced (PostgreSQL)."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        ddl = _sqlite_ddl()
    elif dialect == "postgresql":
        ddl = _postgresql_ddl()
    else:  # another database: `stats` counts from the log itself
        return
    for statement in ddl:
        conn.exec_driver_sql(statement)


def drop_triggers(conn: Any) -> None:
    """Remove the triggers (before they are made again with other SQL); PostgreSQL's functions stay, to be
    replaced."""
    if conn.dialect.name == "sqlite":
        for name in _SQLITE_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    elif conn.dialect.name == "postgresql":
        for name, table in _PG_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")


def rebuild(conn: Any) -> None:
    """Count the whole log and the cards again into the tallies (in the caller's transaction)."""
    count_cards(conn)
    conn.execute(text("DELETE FROM answer_days"))
    conn.execute(text("DELETE FROM answer_times"))
    cols = ", ".join((*_DAY_KEYS, *DAY_COUNTS))
    sums = ", ".join(f"SUM({t})" for t in _day_terms("l"))
    source = f"FROM review_log AS l LEFT JOIN cards AS c ON c.id = l.card_id WHERE {_stands('l')}"
    key = "COALESCE(c.deck, ''), COALESCE(c.type, '')"
    conn.execute(
        text(
            f"INSERT INTO answer_days ({cols}) SELECT l.day, {key}, COALESCE(c.domain, ''), {sums} {source} "
            f"GROUP BY l.day, {key}, COALESCE(c.domain, '')"
        )
    )
    conn.execute(
        text(
            f"INSERT INTO answer_times (day, deck, type, ms, answers) SELECT l.day, {key}, {_bucket('l')}, "
            f"COUNT(*) {source} AND l.response_ms IS NOT NULL GROUP BY l.day, {key}, {_bucket('l')}"
        )
    )


def count_cards(conn: Any) -> None:
    """Count the active cards again into card_counts (in the caller's transaction)."""
    conn.execute(text("DELETE FROM card_counts"))
    key = _count_key("")
    conn.execute(
        text(
            f"INSERT INTO card_counts ({', '.join((*_COUNT_KEYS, 'cards'))}) SELECT {key}, COUNT(*) "
            f"FROM cards WHERE NOT retired GROUP BY {key}"
        )
    )


def kept(dialect: str) -> bool:
    """Whether this database keeps the tallies (SQLite and PostgreSQL do)."""
    return dialect in ("sqlite", "postgresql")
