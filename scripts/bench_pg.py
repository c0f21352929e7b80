"""bench.py's queue figure on PostgreSQL (issue 16): today's queue picked by the store on a server, beside
the same statements (as the store sent them) replayed on a raw psycopg connection, and EXPLAIN ANALYZE of
each SELECT.

Each size gets a fresh database on the given server (created here, dropped afterwards), its schema made by
the code under test (`Store`), then filled by set-based SQL (generate_series) with the same kind of rows
as bench.py's SQLite stores (`generated_store` + `add_history`): n cards in decks of 10,000, 80% of them
reviewed (due from 3 days ago to a year ahead, about 1 in 2,000 drilling), `log_rows` answers per
reviewed card in the log over the past year. Indexes are built after the rows; then VACUUM ANALYZE (the
statistics, and the visibility map that autovacuum would have set on a learner's server).
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from _benchutil import Report, fill_last_day, med

END = "-- end of a transaction"  # a marker among the captured statements: SQLAlchemy ended one here


def _connect(url: str, database: str | None = None, autocommit: bool = False) -> Any:
    """A raw psycopg connection to the server of a SQLAlchemy URL (another database if named)."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return psycopg.connect(
        host=u.host,
        port=u.port,
        user=u.username,
        password=u.password,
        dbname=database or u.database or "postgres",
        autocommit=autocommit,
    )


@contextlib.contextmanager
def fresh_database(url: str) -> Iterator[tuple[str, str]]:
    """A new, empty database on the server of `url`; dropped afterwards. Yields its name and URL."""
    from sqlalchemy.engine import make_url

    name = f"awsprep_bench_{uuid.uuid4().hex[:12]}"
    with contextlib.closing(_connect(url, autocommit=True)) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield name, make_url(url).set(database=name).render_as_string(hide_password=False)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fill(conn: Any, n: int, log_rows: int, today: date) -> None:
    """Cards and history as bench.py's SQLite stores have them, by set-based SQL; indexes rebuilt after."""
    conn.execute("SET synchronous_commit = off")  # setting up the data, not measuring
    indexes = conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('cards', 'review_log')"
        " AND indexname NOT LIKE '%_pkey'"
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute(
        """INSERT INTO cards (id, deck, type, content, content_hash, ordinal, retired, reps, interval, ef,
                              lapses, drill, suspended, leech)
           SELECT 'bench-' || lpad(i::text, 7, '0'), 'bench' || lpad((i / 10000)::text, 2, '0'), 'basic',
                  json_build_object('id', 'bench-' || lpad(i::text, 7, '0'), 'type', 'basic',
                                    'topic', 'Bench', 'front', 'Question ' || i || '?',
                                    'back', 'Answer ' || i)::text,
                  lpad(i::text, 64, '0'), i, false, 0, 0, 2.5, 0, false, false, false
           FROM generate_series(0, %(n)s - 1) AS i""",
        {"n": n},
    )
    conn.execute(
        """UPDATE cards SET reps = 3 + floor(random() * 8), interval = 1 + floor(random() * 365),
               ef = 1.3 + floor(random() * 150) / 100.0,
               due = %(today)s::date + (floor(random() * 369)::int - 3),
               last_review = (%(today)s::date - floor(random() * 365)::int)::timestamp AT TIME ZONE 'UTC'
           WHERE random() < 0.8""",
        {"today": today},
    )
    fill_last_day(conn, "postgresql")
    conn.execute(
        "UPDATE cards SET drill = true, due = %(today)s WHERE due IS NOT NULL AND random() < 1 / 2000.0",
        {"today": today},
    )
    if log_rows:
        conn.execute(
            """INSERT INTO review_log (card_id, ts, day, action, grade, was_new, drill, undone,
                                      interval_before, interval_after, ef_before, ef_after, session)
               SELECT c.id, (c.d + time '09:00') AT TIME ZONE 'UTC', c.d, 'answer', 4, k = 1, false, false,
                      1, 6, 2.5, 2.5, 'bench'
               FROM (SELECT id, %(today)s::date - (1 + floor(random() * 365)::int) AS d
                     FROM cards WHERE due IS NOT NULL OFFSET 0) AS c,
                    generate_series(1, %(n)s) AS k""",
            {"n": log_rows, "today": today},
        )
    for _, sql in indexes:
        conn.execute(sql)
    conn.commit()
    conn.autocommit = True
    conn.execute("VACUUM ANALYZE cards")
    conn.execute("VACUUM ANALYZE review_log")
    conn.autocommit = False


@contextlib.contextmanager
def captured(engine: Any) -> Iterator[list[tuple[str, Any]]]:
    """The statements and parameters SQLAlchemy sends to psycopg inside the block, with END where it
    ends a transaction (a read's connection going back to the pool rolls back)."""
    from sqlalchemy import event

    out: list[tuple[str, Any]] = []

    def grab(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        out.append((statement, parameters))

    def end(conn: Any) -> None:
        out.append((END, None))

    hooks: list[tuple[str, Callable[..., None]]] = [
        ("before_cursor_execute", grab),
        ("rollback", end),
        ("commit", end),
    ]
    for name, fn in hooks:
        event.listen(engine, name, fn)
    try:
        yield out
    finally:
        for name, fn in hooks:
            event.remove(engine, name, fn)


def replay(conn: Any, stmts: list[tuple[str, Any]]) -> None:
    """The captured statements again on a raw psycopg connection, each transaction ended where the store
    ended it (a rollback: the queue only reads)."""
    for sql, params in stmts:
        if sql == END:
            conn.rollback()
        else:
            conn.execute(sql, params).fetchall()
    conn.rollback()


def explain(conn: Any, stmts: list[tuple[str, Any]]) -> tuple[list[str], float]:
    """Each SELECT and its plan as PostgreSQL runs it with these values (EXPLAIN ANALYZE, no costs), and
    the server's own time for them all (planning and execution, ms): the work without the round trips."""
    out, server = [], 0.0
    for sql, params in stmts:
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        rows = [r[0] for r in conn.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql, params).fetchall()]
        conn.rollback()
        out.append(" ".join(sql.split()))
        for line in rows:
            if line.startswith(("Planning Time:", "Execution Time:")):
                server += float(line.split(":")[1].split()[0])
            else:
                out.append(f"    {line}")
    return out, server


def bench_size(
    report: Report, url: str, n: int, log_rows: int, runs: int, today: date, pick: Callable[[Any], Any]
) -> list[str]:
    """One size: fresh database, fill, the store's pick beside the raw replay. Returns the plans."""
    from awsprep.store.repo import Store

    with fresh_database(url) as (name, db_url):
        t0 = time.perf_counter()
        store = Store(db_url)  # the schema and indexes of the code under test
        with contextlib.closing(_connect(url, database=name)) as conn:
            fill(conn, n, log_rows, today)
        report.notes.append(f"({n:,} cards: database made and filled in {time.perf_counter() - t0:.0f} s)")
        try:
            with captured(store.engine) as stmts:
                pick(store)
            with contextlib.closing(_connect(url, database=name)) as conn:
                pick(store)  # warm both: the first queries read the pages from disk
                replay(conn, stmts)
                times, raw = [], []
                for _ in range(runs):  # alternated, so a burst of load on the machine falls on both
                    t0 = time.perf_counter()
                    pick(store)
                    times.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    replay(conn, stmts)
                    raw.append(time.perf_counter() - t0)
                plans, server = explain(conn, stmts)
        finally:
            store.close()
    aim = {100_000: 0.020, 1_000_000: 0.100}.get(n)
    report.add(
        f"pick today's queue, {n:,} cards (PostgreSQL)",
        med(times) * 1000,
        "ms",
        med(raw) * 1000,
        "ms raw psycopg",
        aim=f"< {aim * 1000:g} ms" if aim else "",
        met=med(times) < aim if aim else None,
    )
    report.add(
        f"  of which the server's planning + execution, {n:,} cards",
        server,
        "ms",
        med(times) * 1000,
        "ms the store's pick",
    )
    return plans


def run(
    report: Report,
    url: str,
    sizes: list[int],
    log_rows: int,
    runs: int,
    today: date,
    pick: Callable[[Any], Any],
) -> None:
    """The queue at each size on the server of `url` (which must let its user create databases)."""
    for n in sorted(sizes):
        plans = bench_size(report, url, n, log_rows, runs, today, pick)
        report.notes.append(f"\nEXPLAIN ANALYZE of the queue statements on PostgreSQL at {n:,} cards:")
        report.notes.extend(plans)
