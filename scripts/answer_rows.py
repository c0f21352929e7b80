"""A scripted series of answers, then every stored row: for checking that a change to the answer's path
stores the same bytes.

    PYTHONPATH=<checkout> python scripts/answer_rows.py OUT

Run it on two checkouts (say main in a detached worktree, and a branch) and diff the outputs, leaving
out the first line (it names the code): they must be identical. Four policies (SM-2 and FSRS, two
retentions) on a 400-card store with a history (piles on some days, drills, leeches, FSRS memory);
12 days of 120 answers each (every card twice: drill repeats), random grades, response times,
sessions, naive and aware moments, with undo, bury and unsuspend between; the results, the balancer's
counts, then every column of `cards` and `review_log` with its Python type. About 35 s (each answer
is a synced commit).
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _benchutil import fill_last_day

import awsprep
from awsprep.sched import fsrs
from awsprep.sched.policy import Policy
from awsprep.store.db import sqlite_url
from awsprep.store.repo import Store

N = 400


def fill(db: Path) -> None:
    Store(sqlite_url(db)).close()
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            """INSERT INTO cards (id, deck, type, content, content_hash, ordinal, retired, reps, interval, ef,
                                  lapses, drill, suspended, leech)
               WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < :n - 1)
               SELECT printf('card-%04d', i), 'd', 'basic', '{}', printf('%064d', i), i,
                      0, 0, 0, 2.5, 0, 0, 0, 0
               FROM k""",
            {"n": N},
        )
        # a history: 60% reviewed, piles on some days so the balancer moves cards, some with memory
        conn.execute(
            """UPDATE cards SET reps = 1 + ordinal % 6, interval = 1 + ordinal % 40,
                   ef = 1.3 + (ordinal % 150) / 100.0,
                   due = date('2026-03-01', ((ordinal * 7) % 45 - 3) || ' days'),
                   last_review = datetime('2026-03-01', '-' || (ordinal % 30) || ' days', '+9 hours'),
                   lapses = ordinal % 9,
                   stability = CASE WHEN ordinal % 3 THEN 0.5 + (ordinal % 50) * 1.37 END,
                   difficulty = CASE WHEN ordinal % 3 THEN 1 + (ordinal % 10) * 0.93 END
               WHERE ordinal % 5 < 3"""
        )
        fill_last_day(conn)
        conn.execute("UPDATE cards SET due = date('2026-03-08') WHERE ordinal % 5 = 3 AND ordinal < 150")
        conn.execute("UPDATE cards SET drill = 1, due = date('2026-03-02') WHERE ordinal % 17 = 0")
        conn.execute("UPDATE cards SET leech = 1 WHERE ordinal % 41 = 0")


def dump(db: Path, out: list[str]) -> None:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        for table in ("cards", "review_log"):
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                out.append(f"{table} " + repr([(type(v).__name__, v) for v in row]))


def main() -> None:
    out: list[str] = [f"# code {Path(awsprep.__file__).parent}"]
    policies = [
        Policy(),
        Policy("fsrs"),
        Policy("fsrs", replace(fsrs.DEFAULT_PARAMS, desired_retention=0.83)),
        Policy("sm2", replace(fsrs.DEFAULT_PARAMS, desired_retention=0.95)),
    ]
    for k, policy in enumerate(policies):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "check.db"
            fill(db)
            store = Store(sqlite_url(db), policy)
            rng = random.Random(k)
            ids = [f"card-{i:04d}" for i in range(N)]
            start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
            for day in range(12):
                today = start + timedelta(days=day)
                todays = rng.sample(ids, 60)
                for j, card_id in enumerate(todays * 2):  # each twice: drills and repeats
                    now = today + timedelta(
                        minutes=j, seconds=rng.randrange(60), microseconds=rng.randrange(10**6)
                    )
                    if rng.random() < 0.1:
                        now = now.replace(tzinfo=None)  # a naive moment too
                    grade = rng.choice((0, 1, 2, 3, 4, 4, 5, 5))
                    ms = rng.choice((None, rng.randrange(100, 20000)))
                    session = rng.choice((None, "s1", "s2"))
                    result = store.answer(card_id, grade, now, ms, session=session)
                    out.append(f"answer {card_id} {grade} {now.isoformat()} -> {result!r}")
                    if rng.random() < 0.05:
                        undone = store.undo_last(now, session)
                        out.append(f"undo -> {undone!r}")
                    if rng.random() < 0.02:
                        store.bury(card_id, now, session)
                    if rng.random() < 0.02:
                        store.unsuspend(card_id, now)
                out.append(f"load {sorted(store.due_load(today.date()).items())!r}")
            try:
                store.answer("no-such-card", 4, start, None)
            except KeyError as exc:
                out.append(f"missing -> KeyError {exc}")
            store.close()
            dump(db, out)
    Path(sys.argv[1]).write_text("\n".join(out) + "\n")
    print(len(out), "lines")


if __name__ == "__main__":
    main()
