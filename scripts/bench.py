#!/usr/bin/env python3
"""Benchmarks of the hot paths the issues name. Run: python scripts/bench.py [--cards N] [--runs N] [--json]

- `awsprep --help` wall time (median of several runs, a fresh process each);
- first card on screen: `awsprep review --plain` from process start until the first question is
  printed, with N cards (default 20,000) in the store, a tenth of them due;
- picking today's queue (candidates query + ordering) and committing one answer, in-process;
- the benches of other parts (scripts/bench_*.py, each exposing run() -> dict[str, float]).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _env(home: Path, bank: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        AWSPREP_HOME=str(home),
        AWSPREP_BANK=str(bank),
        AWSPREP_NOW="2026-06-01T09:00:00",
        PYTHONPATH=str(ROOT),
    )
    return env


def median_wall(cmd: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def first_card_wall(env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "awsprep", "review", "--plain"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert proc.stdout is not None and proc.stdin is not None
        while b"Q:" not in proc.stdout.readline():
            pass
        times.append(time.perf_counter() - t0)
        proc.stdin.write(b"q\n")
        proc.stdin.close()
        proc.wait()
    return statistics.median(times)


def write_bank(path: Path, n: int) -> None:
    lines = ["schema: 1", "deck: bench", "cards:"]
    for i in range(n):
        lines.append(
            f"  - {{id: bench-{i:06d}, type: basic, topic: Bench, front: 'Question {i}?', "
            f"back: 'Answer {i}', source: {{file: bench.md, line: {i + 1}, path: [Bench, Part {i % 50}]}}}}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def seed_due(db: Path, today: date, share: float) -> None:
    import sqlite3

    rng = random.Random(1)
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM cards")]
        rows = []
        for cid in ids:
            if rng.random() < share:
                rows.append(((today - timedelta(days=rng.randint(0, 30))).isoformat(), cid))
            else:
                rows.append(((today + timedelta(days=rng.randint(1, 60))).isoformat(), cid))
        conn.executemany(
            "UPDATE cards SET due=?, reps=3, interval=10, stability=12.0, difficulty=5.0, "
            f"last_review='{today - timedelta(days=10)} 09:00:00.000000' WHERE id=?",
            rows[: int(len(rows) * 0.9)],
        )


def store_benches(home: Path, today: date, runs: int) -> dict[str, float]:
    from awsprep.sched.plan import ExamPlan
    from awsprep.sched.queue import Limits, build_queue
    from awsprep.store.db import sqlite_url
    from awsprep.store.repo import Store
    from awsprep.study.review import todays_queue

    store = Store(sqlite_url(home / "awsprep.db"))
    pick = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = store.day_counts(today)
        queue = build_queue(store.candidates(today, None, 20), today, Limits(), done)
        pick.append(time.perf_counter() - t0)
    # the exam-date plan in its final days: the final pass reads every card due after the exam
    # (a review limit of 400 leaves room for it beside the ~2,000 due cards; the same limit without
    # the plan is the baseline)
    plan = ExamPlan(today + timedelta(days=3))
    roomy = Limits(reviews_per_day=400)
    pick_plan, pick_roomy = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        todays_queue(store, today, None, roomy)
        pick_roomy.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        planned = todays_queue(store, today, None, roomy, plan)
        pick_plan.append(time.perf_counter() - t0)
    now = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    commits = []
    for cand in queue[:50]:
        t0 = time.perf_counter()
        store.answer(cand.card_id, 4, now, 1000, session="bench")
        commits.append(time.perf_counter() - t0)
    return {
        "queue_pick_s": statistics.median(pick),
        "queue_size": float(len(queue)),
        "queue_pick_400_s": statistics.median(pick_roomy),
        "queue_pick_plan_s": statistics.median(pick_plan),
        "queue_plan_size": float(len(planned)),
        "answer_commit_ms": statistics.median(commits) * 1000,
    }


def other_benches() -> dict[str, float]:
    out: dict[str, float] = {}
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for key, value in module.run().items():
            out[f"{path.stem.removeprefix('bench_')}.{key}"] = value
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only-review", action="store_true", help="skip the scripts/bench_*.py benches")
    args = parser.parse_args()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        home, bank = Path(tmp) / "home", Path(tmp) / "bank"
        bank.mkdir()
        write_bank(bank / "bench.yaml", args.cards)
        env = _env(home, bank)
        results["help_s"] = median_wall([sys.executable, "-m", "awsprep", "--help"], env, args.runs)
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "awsprep", "cards", "list", "--due", "--json"],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
        results["first_sync_s"] = time.perf_counter() - t0
        today = date(2026, 6, 1)
        seed_due(home / "awsprep.db", today, 0.1)
        results["first_card_s"] = first_card_wall(env, args.runs)
        results.update(store_benches(home, today, args.runs))
    if not args.only_review:
        results.update(other_benches())
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{args.cards} cards in the store; median of {args.runs} runs")
    for key, value in results.items():
        print(f"  {key:40s} {value:10.4f}")


if __name__ == "__main__":
    main()
