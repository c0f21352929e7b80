"""Median wall time of `python -m awsprep calc ...` in fresh processes (the issue's aim: under 0.2 s).

Usable alone (`python scripts/bench_calc.py [--runs N]`) or from scripts/bench.py via `run()`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COMMANDS: dict[str, list[str]] = {
    "calc_dynamodb": ["calc", "dynamodb", "--item-size", "3KB", "--reads", "80", "--writes", "100"],
    "calc_dynamodb_json": ["calc", "dynamodb", "--item-size", "3KB", "--reads", "80", "--json"],
    "calc_lambda": ["calc", "lambda", "--requests", "3M", "--duration", "120ms", "--memory", "1536"],
    "calc_help": ["calc", "--help"],
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("COLUMNS", "100")
    return env


def _time_once(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "awsprep", *args], cwd=ROOT, env=env, capture_output=True, timeout=60
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"awsprep {' '.join(args)} failed: {proc.stderr.decode(errors='replace')}")
    return elapsed


def run(runs: int = 7) -> dict[str, float]:
    """Median wall seconds per command over `runs` fresh processes (after one warm-up run each)."""
    env = _env()
    results: dict[str, float] = {}
    for name, args in COMMANDS.items():
        _time_once(args, env)  # warm the bytecode cache
        results[name] = round(statistics.median(_time_once(args, env) for _ in range(runs)), 4)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print JSON")
    opts = parser.parse_args()
    results = run(opts.runs)
    if opts.json:
        print(json.dumps(results, indent=2))
        return
    for name, seconds in results.items():
        print(f"{name:<22} {seconds * 1000:7.1f} ms (median of {opts.runs})")


if __name__ == "__main__":
    main()
