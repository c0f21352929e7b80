#!/usr/bin/env python3
"""Issue 16's benchmarks, each beside its baseline from the same run.

    python scripts/bench.py [--quick] [--sizes 1000,20000,100000] [--queue-sizes ...,1000000]
                            [--runs N] [--json FILE] [--pg URL [--pg-sizes ...]]
                            [--only NAME,...]

Per collection size (cards in the bank):
- first sync of the bank into an empty database, a whole `awsprep cards list` process: wall, CPU, peak
  memory, and the share of it spent parsing YAML; then the sync after one bank file changed;
- the first card on screen with the database synced (`awsprep review --plain` until the first question
  is printed) beside `python -c "import sqlalchemy.orm"`;
- picking today's queue (review counts, candidates, ordering) in-process beside the same SQL through
  raw sqlite3, with EXPLAIN QUERY PLAN for each statement; the collection has a history of
  --log-rows review-log rows per reviewed card, 80% of the cards reviewed;
- with --pg URL, the same queue on PostgreSQL: a fresh database per size on that server, filled by SQL,
  the store's pick beside the same statements replayed on raw psycopg, EXPLAIN ANALYZE of each
  (scripts/bench_pg.py);
- committing one answer beside a raw sqlite3 commit of the same statements and values, on a copy of the
  database taken before (the same rows from the same state), the same transaction and connection settings
  (BEGIN IMMEDIATE, WAL, synchronous=FULL), the two alternated answer by answer;
- (`--only plan`) today's queue with the exam-date plan on, at 1k/20k/100k cards (or --queue-sizes
  below 1,000,000), beside the same queue without the plan, same store and run; aim < 50 ms at 20k.
Then scripts/bench_import.py and scripts/bench_calc.py (each has run() -> Report).

AWSPREP_BENCH_CODE=/path/to/an/older/checkout measures that code with this same bench ("before").
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import inspect
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _benchutil import Report, code_dir, env_for, fill_last_day, med, run_proc, side_by_side, use_code

use_code()

TODAY = date(2026, 6, 1)
NOW = "2026-06-01T09:00:00"
FILE_CARDS = 10_000  # cards per bank file: a 100k bank is ten files
PY = sys.executable


# --- the collection ------------------------------------------------------------------------------


def card_dict(i: int) -> dict[str, Any]:
    return {
        "id": f"bench-{i:07d}",
        "type": "basic",
        "topic": "Bench",
        "front": f"Question {i}: what does setting {i} of the bench service limit?",
        "back": f"Answer {i}: it limits the number of things per second to {i % 977}.",
        "source": {"file": "bench.md", "line": i + 1, "path": ["Bench", f"Part {i % 50}"]},
    }


def write_bank(folder: Path, n: int) -> list[Path]:
    """n cards in files of FILE_CARDS, written as the importer writes banks (awsprep's own dump)."""
    from awsprep.bank.io import card_from_dict, dump_bank

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for start in range(0, n, FILE_CARDS):
        deck = f"bench{start // FILE_CARDS:02d}"
        cards = [card_from_dict(card_dict(i), "gen", deck) for i in range(start, min(n, start + FILE_CARDS))]
        path = folder / f"{deck}.yaml"
        path.write_text(dump_bank(cards, deck), encoding="utf-8")
        paths.append(path)
    return paths


def add_history(db: Path, log_rows: int, seed: int = 1) -> None:
    """80% of the cards reviewed: due dates from 3 days ago to a year ahead (about 1% due today), a few
    drilling, `log_rows` answers each in the log over the past year. Written by SQL inside SQLite."""
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("PRAGMA synchronous=OFF")  # setting up the data, not measuring
        conn.execute(
            """UPDATE cards SET reps = 3 + abs(random()) % 8, interval = 1 + abs(random()) % 365,
                   ef = 1.3 + (abs(random()) % 150) / 100.0,
                   due = date(:today, ((abs(random()) % 369) - 3) || ' days'),
                   last_review = datetime(:today, '-' || (abs(random()) % 365) || ' days')
               WHERE abs(random()) % 10 < 8""",
            {"today": TODAY.isoformat()},
        )
        fill_last_day(conn)
        conn.execute(
            "UPDATE cards SET drill = 1, due = :today WHERE due IS NOT NULL AND abs(random()) % 2000 = 0",
            {"today": TODAY.isoformat()},
        )
        if log_rows:
            # setup only: build the log's indexes after the rows, which is several times faster
            indexes = conn.execute(
                "SELECT name, sql FROM sqlite_master"
                " WHERE type='index' AND tbl_name='review_log' AND sql IS NOT NULL"
            ).fetchall()
            for name, _ in indexes:
                conn.execute(f"DROP INDEX {name}")
            conn.execute(
                """INSERT INTO review_log (card_id, ts, day, action, grade, was_new, drill, undone,
                                          interval_before, interval_after, ef_before, ef_after, session)
                   WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < :n)
                   SELECT c.id, d || ' 09:00:00.000000', d, 'answer', 4, k.i = 1, 0, 0,
                          1, 6, 2.5, 2.5, 'bench'
                   FROM (SELECT id, date(:today, '-' || (1 + abs(random()) % 365) || ' days') AS d
                         FROM cards WHERE due IS NOT NULL) AS c, k""",
                {"n": log_rows, "today": TODAY.isoformat()},
            )
            for _, sql in indexes:
                conn.execute(sql)


def generated_store(db: Path, n: int) -> None:
    """A store of n cards made by SQL (for sizes whose bank would take too long to write and sync)."""
    from awsprep.store.db import sqlite_url
    from awsprep.store.repo import Store

    Store(sqlite_url(db))  # the schema, indexes and migrations of the code under test
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            """INSERT INTO cards (id, deck, type, content, content_hash, ordinal, retired, reps, interval, ef,
                                  lapses, drill, suspended, leech)
               WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < :n - 1)
               SELECT printf('bench-%07d', i), printf('bench%02d', i / 10000), 'basic',
                      json_object('id', printf('bench-%07d', i), 'type', 'basic', 'topic', 'Bench',
                                  'front', printf('Question %d?', i), 'back', printf('Answer %d', i)),
                      printf('%064d', i), i, 0, 0, 0, 2.5, 0, 0, 0, 0
               FROM k""",
            {"n": n},
        )


# --- measures ------------------------------------------------------------------------------------


def aw(*args: str) -> list[str]:
    return [PY, "-m", "awsprep", *args]


_SYNC_CPU: dict[int, float] = {}  # first sync CPU seconds by bank size, for the growth rows


def bench_sync(report: Report, work: Path, n: int, runs: int) -> tuple[Path, dict[str, str]]:
    """First sync of an n-card bank into an empty database (one run: it is first only once), then
    the sync after one file of the bank changed."""
    bank = work / "bank"
    paths = write_bank(bank, n)
    home = work / "home"
    env = env_for({"AWSPREP_HOME": str(home), "AWSPREP_BANK": str(bank), "AWSPREP_NOW": NOW})
    first = run_proc(aw("cards", "list", "--due", "--json"), env)
    aim = {20_000: 3.0, 100_000: 15.0}.get(n)
    report.add(
        f"first sync, {n:,} cards: wall",
        first.wall,
        "s",
        aim=f"< {aim:g} s" if aim else "",
        met=first.wall < aim if aim else None,
    )
    report.add(f"first sync, {n:,} cards: CPU", first.cpu, "s")
    _SYNC_CPU[n] = first.cpu
    sizes = sorted(m for m in _SYNC_CPU if m <= n)
    if len(sizes) >= 3:  # the growth: CPU per card added from one size to the next (start-up drops out)
        small, mid = sizes[-3], sizes[-2]
        now = (first.cpu - _SYNC_CPU[mid]) / (n - mid) * 1e6
        before = (_SYNC_CPU[mid] - _SYNC_CPU[small]) / (mid - small) * 1e6
        report.add(
            f"first sync, CPU per card added, {mid:,} -> {n:,} cards",
            now,
            "us",
            before,
            f"us {small:,} -> {mid:,}",
            aim="no worse than linear (<= 1.1x)",
            met=now <= 1.1 * before,
        )
    report.add(
        f"first sync, {n:,} cards: peak memory",
        first.rss_mb,
        "MB",
        aim="< 300 MB" if n >= 100_000 else "",
        met=first.rss_mb < 300 if n >= 100_000 else None,
    )
    from awsprep.bank.io import parse_yaml

    t0 = time.perf_counter()
    for path in paths:
        parse_yaml(path.read_text(encoding="utf-8"), str(path))
    parse = time.perf_counter() - t0
    report.add(
        f"first sync, {n:,} cards: YAML parse alone (in-process)", parse, "s", first.wall, "of the sync"
    )
    # one file changes: a card added at its end
    from awsprep.bank.io import card_from_dict, dump_bank, load_bank_file

    last = paths[-1]
    cards = load_bank_file(last)
    deck = cards[0].deck
    cards.append(card_from_dict(card_dict(n + 1), "gen", deck))
    last.write_text(dump_bank(cards, deck), encoding="utf-8")
    again = [run_proc(aw("cards", "list", "--due", "--json"), env)]
    report.add(
        f"sync after 1 of {len(paths)} bank files changed, {n:,} cards",
        again[0].wall,
        "s",
        first.wall,
        "first sync",
    )
    return home / "awsprep.db", env


def bench_first_card(report: Report, env: dict[str, str], n: int, runs: int) -> None:
    def subject() -> Any:
        return run_proc(aw("review", "--plain"), env, until=b"Question", stdin=b"q\n")

    def baseline() -> Any:
        return run_proc([PY, "-c", "import sqlalchemy.orm"], env)

    subject()  # warm the page cache and bytecode
    a, b = side_by_side(subject, baseline, runs)
    ratio_aim = 1.2 if n >= 100_000 else None
    wall, base = med([p.wall for p in a]), med([p.wall for p in b])
    report.add(
        f"first card on screen, synced, {n:,} cards: wall",
        wall,
        "s",
        base,
        "import sqlalchemy.orm",
        aim="<= 1.2x" if ratio_aim else "",
        met=wall / base <= ratio_aim if ratio_aim else None,
    )
    report.add(
        f"first card on screen, synced, {n:,} cards: CPU",
        med([p.cpu for p in a]),
        "s",
        med([p.cpu for p in b]),
        "import sqlalchemy.orm",
    )


@contextlib.contextmanager
def captured(engine: Any) -> Iterator[list[tuple[str, Any]]]:
    """The SQL statements and parameters SQLAlchemy sends to the driver inside the block."""
    from sqlalchemy import event

    out: list[tuple[str, Any]] = []

    def grab(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        out.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        yield out
    finally:
        event.remove(engine, "before_cursor_execute", grab)


def raw_connection(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def replay(conn: sqlite3.Connection, stmts: list[tuple[str, Any]]) -> None:
    """The captured statements again, each session's transaction ended as SQLAlchemy ends a read."""
    for sql, params in stmts:
        if sql.lstrip().upper().startswith("BEGIN") and conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute(sql, params).fetchall()
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def pick_queue(store: Any, review_limit: bool) -> list[Any]:
    from awsprep.sched.queue import Limits, build_queue, new_allowance

    limits = Limits()
    done = store.day_counts(TODAY)
    extra = {"review_limit": max(0, limits.reviews_per_day - done.reviews)} if review_limit else {}
    cands = store.candidates(TODAY, None, new_allowance(limits, done), **extra)
    return build_queue(cands, TODAY, limits, done)


def bench_queue(report: Report, db: Path, n: int, runs: int, plans: list[str], label: str = "") -> Any:
    from awsprep.store.db import sqlite_url
    from awsprep.store.repo import Store

    store = Store(sqlite_url(db))
    engine = store.Session.kw["bind"]
    limited = "review_limit" in inspect.signature(store.candidates).parameters
    pick_queue(store, limited)  # warm: the first query reads the pages from disk
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        queue = pick_queue(store, limited)
        times.append(time.perf_counter() - t0)
    with captured(engine) as stmts:
        pick_queue(store, limited)
    conn = raw_connection(db)
    raw = []
    for _ in range(runs):
        t0 = time.perf_counter()
        replay(conn, stmts)
        raw.append(time.perf_counter() - t0)
    aim = {100_000: 0.020, 1_000_000: 0.100}.get(n)
    report.add(
        f"pick today's queue, {n:,} cards{label}",
        med(times) * 1000,
        "ms",
        med(raw) * 1000,
        "ms raw sqlite3",
        aim=f"< {aim * 1000:g} ms" if aim else "",
        met=med(times) < aim if aim else None,
    )
    if not plans:
        for sql, params in stmts:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            rows = conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
            plans.append(" ".join(sql.split()))
            plans.extend(f"    {r[-1]}" for r in rows)
    conn.close()
    return store, queue


def add_memory(db: Path) -> None:
    """FSRS memory for the reviewed cards (stability 0.5x-2x the interval, difficulty 1-10), as the store
    carries it under either scheduler: what the exam-date plan reads."""
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            """UPDATE cards SET stability = max(0.5, interval * (50 + abs(random()) % 150) / 100.0),
                   difficulty = 1 + abs(random()) % 10 WHERE due IS NOT NULL"""
        )


def plan_queue(store: Any, exam_in: int | None) -> Any:
    from awsprep.sched.plan import ExamPlan
    from awsprep.sched.queue import Limits
    from awsprep.study.review import todays_queue

    plan = ExamPlan(TODAY + timedelta(days=exam_in)) if exam_in is not None else None
    return todays_queue(store, TODAY, None, Limits(), plan)


def bench_plan(report: Report, n: int, runs: int) -> None:
    """`study/review.todays_queue` with the exam-date plan on (exam in 30 days: the plan's stretched
    reviews; in 3 days: the final pass) beside the same call without a plan, same store, same run."""
    from awsprep.store.db import sqlite_url
    from awsprep.store.repo import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "plan.db"
        generated_store(db, n)
        add_history(db, 0)
        add_memory(db)
        store = Store(sqlite_url(db))
        figures = {}
        for exam_in in (None, 30, 3):
            plan_queue(store, exam_in)  # warm
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                plan_queue(store, exam_in)
                times.append(time.perf_counter() - t0)
            figures[exam_in] = med(times) * 1000
        store.Session.kw["bind"].dispose()
    for exam_in, what in ((30, "stretched reviews, exam in 30 days"), (3, "final pass, exam in 3 days")):
        report.add(
            f"today's queue with the exam plan ({what}), {n:,} cards",
            figures[exam_in],
            "ms",
            figures[None],
            "ms without the plan",
            aim="< 50 ms" if n == 20_000 else "",
            met=figures[exam_in] < 50 if n == 20_000 else None,
        )


class _RecordingConnection(sqlite3.Connection):
    """A driver connection whose cursors note each statement and its values (while RECORDED is a list)."""

    def cursor(self, factory: Any = None) -> Any:  # type: ignore[override]
        return super().cursor(_RecordingCursor)


class _RecordingCursor(sqlite3.Cursor):
    def execute(self, sql: str, parameters: Any = ()) -> Any:  # type: ignore[override]
        if RECORDED is not None:
            RECORDED.append((sql, parameters))
        return super().execute(sql, parameters)


RECORDED: list[tuple[str, Any]] | None = None


def recorded_answer(store: Any, *args: Any, **kwargs: Any) -> list[tuple[str, Any]]:
    """The statements and values of an answer's write transaction, as the driver got them: those
    between its BEGIN IMMEDIATE and COMMIT (a read the store makes before it is not the commit's)."""
    global RECORDED
    RECORDED = []
    try:
        store.answer(*args, **kwargs)
        stmts = RECORDED
    finally:
        RECORDED = None
    heads = [sql.lstrip().upper() for sql, _ in stmts]
    first = heads.index("BEGIN IMMEDIATE")
    last = heads.index("COMMIT", first)
    return stmts[first + 1 : last]


def copy_db(db: Path, to: Path) -> None:
    """A consistent copy of the database (the backup API: the WAL's pages included), synced to disk."""
    with contextlib.closing(sqlite3.connect(db)) as src, contextlib.closing(sqlite3.connect(to)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
    with open(to, "rb+") as f:
        os.fsync(f.fileno())


def settle(db: Path) -> None:
    """The database folded and on disk before the answers: its WAL checkpointed and the file synced.
    The setup (sync, history) leaves megabytes of the file unwritten in the page cache, and a commit's
    fsync on ext4 (data=ordered) can wait for them: the store's commits paid for it, not the copy's."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in (db, db.with_name(db.name + "-wal")):
        if path.exists():
            with open(path, "rb+") as f:
                os.fsync(f.fileno())


def bench_commit(report: Report, db: Path, store: Any, queue: list[Any], n: int, runs: int) -> None:
    """The store's answers beside a raw sqlite3 replay of the very statements and values each of them
    ran in its write transaction, on a copy of the database taken before: the same rows changed from
    the same state (so the same pages and index entries), the same transaction (BEGIN IMMEDIATE ...
    COMMIT), the same connection settings (WAL, synchronous=FULL, busy timeout, foreign keys). The
    statements are recorded beforehand on a second copy by a store of the same policy; the two sides
    alternate answer by answer, so a burst of load on the machine falls on both alike."""
    from sqlalchemy import event

    from awsprep.store.db import sqlite_url
    from awsprep.store.repo import Store

    now = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9)
    cards = [c.card_id for c in queue][: runs + 1]
    if hasattr(store, "due_load"):  # the balancer's counts: read once a day, not per answer
        store.due_load(TODAY)
    work = db.parent / "commit"
    work.mkdir()
    settle(db)
    copy_db(db, work / "raw.db")
    copy_db(db, work / "record.db")
    recorder = Store(
        sqlite_url(work / "record.db"), **({"policy": store.policy} if hasattr(store, "policy") else {})
    )
    engine = getattr(recorder, "engine", None) or recorder.Session.kw["bind"]
    getattr(recorder, "close", engine.dispose)()  # the connections made so far: not recording

    def recording(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        cparams["factory"] = _RecordingConnection

    event.listen(engine, "do_connect", recording)
    if hasattr(recorder, "due_load"):
        recorder.due_load(TODAY)
    writes = [recorded_answer(recorder, card_id, 4, now, 1000, session="bench") for card_id in cards]
    getattr(recorder, "close", engine.dispose)()
    conn = raw_connection(work / "raw.db")
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA foreign_keys=ON")

    def raw_answer(stmts: list[tuple[str, Any]]) -> None:  # one cursor, as the store's answer
        cur = conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        for sql, params in stmts:
            cur.execute(sql, params).fetchall()
        cur.execute("COMMIT")
        cur.close()

    store.answer(cards[0], 4, now, 1000, session="bench")  # warm: each side's first answer, untimed
    raw_answer(writes[0])
    times: list[float] = []
    raw: list[float] = []
    for i, card_id in enumerate(cards[1:], start=1):
        for side in (0, 1) if i % 2 else (1, 0):
            t0 = time.perf_counter()
            if side == 0:
                store.answer(card_id, 4, now, 1000, session="bench")
                times.append(time.perf_counter() - t0)
            else:
                raw_answer(writes[i])
                raw.append(time.perf_counter() - t0)
    conn.close()
    value, base = med(times) * 1000, med(raw) * 1000
    report.add(
        f"commit one answer, {n:,} cards",
        value,
        "ms",
        base,
        "ms raw sqlite3",
        aim="< 3 ms and <= 1.5x",
        met=value < 3 and value <= 1.5 * base,
    )
    shape = ", ".join(sql.split()[0] for sql, _ in writes[1])
    extra = med([a - b for a, b in zip(times, raw, strict=True)]) * 1e6  # each answer beside its replay
    report.notes.append(
        f"commit one answer, {n:,} cards: BEGIN IMMEDIATE, {shape}, COMMIT on both sides;"
        f" the store's answer takes {extra:.0f} us more than its replay (median of the pairs)"
    )


def bench_postgres(url: str | None, sizes: list[int], log_rows: int, runs: int) -> Report:
    """Today's queue on a PostgreSQL server beside a raw psycopg replay (scripts/bench_pg.py)."""
    report = Report("Today's queue (PostgreSQL)")
    if not url:
        report.notes.append(
            "PostgreSQL: skipped (no server given; pass --pg postgresql+psycopg://user@host/db to measure)."
        )
        return report
    from sqlalchemy import create_engine, text

    from awsprep.store.db import normalize_url, redact

    url = normalize_url(url)  # postgresql://... means psycopg 3, as for awsprep itself
    try:
        probe = create_engine(url)
        with probe.connect() as conn:
            conn.execute(text("SELECT 1"))
        probe.dispose()
    except Exception as exc:  # any failure to reach the server is a skip, said plainly
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        report.notes.append(f"PostgreSQL: skipped ({redact(url)} is not reachable: {first}).")
        return report
    import bench_pg

    def pick(store: Any) -> list[Any]:
        return pick_queue(store, "review_limit" in inspect.signature(store.candidates).parameters)

    bench_pg.run(report, url, sizes, log_rows, runs, TODAY, pick)
    return report


# --- driver --------------------------------------------------------------------------------------


def other_reports(args: argparse.Namespace) -> list[Report]:
    out = []
    for name in ("bench_import", "bench_calc"):
        if args.only and name.removeprefix("bench_") not in args.only:
            continue
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out.append(module.run(runs=args.runs))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 20k cards, 3 runs: a few minutes")
    parser.add_argument("--sizes", default="1000,20000,100000")
    parser.add_argument("--queue-sizes", default=None, help="default: --sizes and 1,000,000")
    parser.add_argument("--log-rows", type=int, default=10, help="review-log rows per reviewed card")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--pg", help="a PostgreSQL SQLAlchemy URL to measure there too")
    parser.add_argument("--pg-sizes", help="queue sizes measured on --pg (default: the queue sizes)")
    parser.add_argument("--only", help="comma-separated: review, plan, import, calc")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.runs = "1000,20000", min(args.runs, 3)
        args.queue_sizes = args.queue_sizes or "1000,20000,100000"
    sizes = [int(s) for s in args.sizes.split(",") if s]
    queue_sizes = [int(s) for s in (args.queue_sizes or f"{args.sizes},1000000").split(",") if s]
    args.only = set(args.only.split(",")) if args.only else set()
    random.seed(1)
    print(f"# awsprep bench: code {code_dir()}, python {sys.version.split()[0]}, runs {args.runs}")
    started = time.perf_counter()
    reports: list[Report] = []
    if not args.only or "review" in args.only:
        store_report = Report("Bank sync, first card, queue and answers (SQLite)")
        plans: list[str] = []
        for n in sorted(set(sizes) | set(queue_sizes)):
            with tempfile.TemporaryDirectory() as tmp:
                work = Path(tmp)
                if n in sizes:
                    db, env = bench_sync(store_report, work, n, args.runs)
                    add_history(db, args.log_rows)
                    bench_first_card(store_report, env, n, args.runs)
                else:
                    db = work / "gen.db"
                    generated_store(db, n)
                    add_history(db, args.log_rows)
                store, queue = bench_queue(
                    store_report, db, n, args.runs, plans if n == max(queue_sizes) else []
                )
                if plans and n == max(queue_sizes):
                    store_report.notes.append(f"\nEXPLAIN QUERY PLAN of the queue statements at {n:,} cards:")
                    store_report.notes.extend(plans)
                bench_commit(store_report, db, store, queue, n, max(args.runs, 40))
                store.Session.kw["bind"].dispose()
        reports.append(store_report)
        pg_sizes = [int(s) for s in (args.pg_sizes or ",".join(map(str, queue_sizes))).split(",") if s]
        reports.append(bench_postgres(args.pg, pg_sizes, args.log_rows, args.runs))
    if not args.only or "plan" in args.only:
        plan_report = Report("Today's queue with the exam-date plan (SQLite)")
        for n in sorted(set(queue_sizes) - {1_000_000}) if args.queue_sizes else (1_000, 20_000, 100_000):
            bench_plan(plan_report, n, args.runs)
        reports.append(plan_report)
    reports.extend(other_reports(args))
    for report in reports:
        report.print()
    print(f"\n(bench ran {time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps([{"title": r.title, "rows": r.rows} for r in reports], indent=2))


if __name__ == "__main__":
    main()
