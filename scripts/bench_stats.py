"""`awsprep stats` start-up with 20,000 cards and 200,000 review-log rows, beside a same-run baseline.

Run by itself: ``python scripts/bench_stats.py [--cards N] [--rows N] [--runs N] [--json]``, or from
scripts/bench.py through ``run()``. Each figure is the median wall time of fresh processes (after one
warm-up run): `awsprep stats --json`, `--plain` and drawn, and two baselines: `awsprep --version` (the
interpreter and the command line, no database) and `awsprep settings --json` (the store opened, no
work). Each is given as wall time and as the CPU time the process used (on a busy machine the wall
time also counts the wait for a core; the load average is reported). The aim is stats under 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _benchutil import code_dir

ROOT = code_dir()  # the tree measured: AWSPREP_BENCH_CODE (an older checkout, "before"), else this one
TODAY = date(2026, 6, 1)
DOMAINS = ("development", "security", "deployment", "troubleshooting")
TYPES = ("basic", "basic", "basic", "cloze", "cloze", "mcq", "numeric")


def write_bank(path: Path, n: int) -> None:
    lines = ["schema: 1", "deck: bench", "cards:"]
    for i in range(n):
        kind = TYPES[i % len(TYPES)]
        common = f"id: s-{i:06d}, domain: {DOMAINS[i % 4]}, source: {{file: bench.md, line: {i + 1}}}"
        if kind == "basic":
            body = f"type: basic, front: 'Question {i}?', back: 'Answer {i}'"
        elif kind == "cloze":
            body = f"type: cloze, text: 'Fact {{{{{i}}}}} holds.'"
        elif kind == "mcq":
            body = f"type: mcq, question: 'Pick {i}', options: ['a', 'b', 'c', 'd'], correct: [1]"
        else:
            body = f"type: numeric, question: 'How many {i}?', answer: {i}"
        lines.append(f"  - {{{common}, {body}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _state(interval: int, day: date) -> str:
    due = (day + timedelta(days=interval)).isoformat()
    return json.dumps(
        {"reps": 3, "interval": interval, "ef": 2.36, "due": due, "lapses": 1, "drill": False,
         "last_review": f"{day.isoformat()}T09:12:00+00:00"}
    )  # fmt: skip


def fill_history(db: Path, rows: int, seed: int = 1) -> None:
    """A year of answers spread over the cards, and each card's state as the last answer left it."""
    rng = random.Random(seed)
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM cards ORDER BY ordinal")]
        log = []
        days = sorted(TODAY - timedelta(days=rng.randint(0, 364)) for _ in range(rows))  # written in order
        for k, day in enumerate(days):
            interval = rng.choice((1, 3, 6, 15, 30, 60))
            grade = rng.choice((1, 3, 4, 4, 5, 5))
            ts = datetime(day.year, day.month, day.day, 9, rng.randint(0, 59))
            log.append(
                (
                    ids[k % len(ids)],
                    ts.isoformat(" "),
                    day.isoformat(),
                    "answer",
                    grade,
                    k < len(ids),
                    False,
                    rng.randint(800, 60_000),
                    interval,
                    interval * 2,
                    False,
                    _state(interval, day),  # the states before and after, as an answer stores them
                    _state(interval * 2, day),
                )
            )
        conn.executemany(
            "INSERT INTO review_log (card_id, ts, day, action, grade, was_new, drill, response_ms, "
            "interval_before, interval_after, undone, before, after) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            log,
        )
        states = [
            ((TODAY + timedelta(days=rng.randint(-5, 60))).isoformat(), rng.choice((1, 6, 15, 30, 60)), cid)
            for cid in ids[: int(len(ids) * 0.9)]
        ]
        conn.executemany("UPDATE cards SET due=?, interval=?, reps=3 WHERE id=?", states)


def _env(home: Path, bank: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as a learner's Python does (_benchutil)
    env.update(
        AWSPREP_HOME=str(home),
        AWSPREP_BANK=str(bank),
        AWSPREP_NOW=f"{TODAY.isoformat()}T09:00:00",
        PYTHONPATH=str(ROOT),
        COLUMNS="80",
    )
    return env


def _wall(args: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (user + system) of fresh processes. On a busy machine
    the wall time waits for a core; the CPU time is what the command itself costs."""
    cmd = [sys.executable, "-m", "awsprep", *args]
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return round(statistics.median(walls), 4), round(statistics.median(cpus), 4)


def in_process(db: Path, runs: int) -> float:
    """Median seconds to read the counts and compute every figure, imports and start-up left out."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from awsprep.cli.exam import blueprints
    from awsprep.store.exams import ExamStore
    from awsprep.store.repo import Store
    from awsprep.store.stats import StatsStore
    from awsprep.study.stats import gather

    store = Store(f"sqlite:///{db}")
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        gather(StatsStore(store), ExamStore(store).history(), TODAY, blueprints())
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times), 4)


def run(runs: int = 5, cards: int = 20_000, rows: int = 200_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        home, bank = Path(tmp) / "home", Path(tmp) / "bank"
        bank.mkdir()
        write_bank(bank / "bench.yaml", cards)
        env = _env(home, bank)
        subprocess.run(
            [sys.executable, "-m", "awsprep", "settings"],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
            cwd=ROOT,
        )  # (cwd: `python -m` imports from the working directory first)
        subprocess.run(  # the first sync of the bank, not timed
            [sys.executable, "-m", "awsprep", "cards", "list", "--due", "--json"],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
            cwd=ROOT,
        )
        fill_history(home / "awsprep.db", rows)
        out: dict[str, float] = {"cards": float(cards), "log_rows": float(rows)}
        for name, args in (
            ("baseline_version", ["--version"]),
            ("baseline_settings", ["settings", "--json"]),  # opens the store, no work
            ("stats_json", ["stats", "--json"]),
            ("stats_plain", ["stats", "--plain"]),
            ("stats_rich", ["stats"]),
        ):
            out[f"{name}_s"], out[f"{name}_cpu_s"] = _wall(args, env, runs)
        out["stats_in_process_s"] = in_process(home / "awsprep.db", runs)
        for base in ("version", "settings"):
            out[f"stats_json_over_{base}"] = round(out["stats_json_s"] / out[f"baseline_{base}_s"], 2)
            out[f"stats_json_over_{base}_cpu"] = round(
                out["stats_json_cpu_s"] / out[f"baseline_{base}_cpu_s"], 2
            )
        out["load_average_1min"] = round(os.getloadavg()[0], 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    opts = parser.parse_args()
    results = run(opts.runs, opts.cards, opts.rows)
    if opts.json:
        print(json.dumps(results, indent=2))
        return
    for name, value in results.items():
        print(f"{name:<28} {value:10.4f}")


if __name__ == "__main__":
    main()
