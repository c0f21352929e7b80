"""What the benches share: timing a fresh process (wall, CPU, peak memory), medians, the report table.

Every figure is printed next to its baseline measured in the same run, and the aim of issue 16, so a
busy machine shows up in both columns instead of in the verdict. CPU seconds (user + system of the
child) are reported beside wall seconds: on a shared 2-core machine they are the steadier of the two.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def code_dir() -> Path:
    """The awsprep tree under test: AWSPREP_BENCH_CODE (an older checkout, "before"), else this one."""
    return Path(os.environ.get("AWSPREP_BENCH_CODE") or ROOT).resolve()


def use_code() -> None:
    path = str(code_dir())
    if path not in sys.path:
        sys.path.insert(0, path)


def env_for(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    # A learner's Python caches compiled modules (__pycache__); a shell that sets this variable would make
    # every child process compile awsprep again and measure the compiler instead of start-up.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(code_dir())
    env.setdefault("COLUMNS", "100")
    env.update(extra or {})
    return env


@dataclass
class Proc:
    wall: float  # seconds from start until done (or until the marker was printed)
    cpu: float  # user + system seconds of the child
    rss_mb: float  # the child's peak resident memory


def run_proc(
    cmd: Sequence[str],
    env: dict[str, str],
    until: bytes | None = None,
    stdin: bytes = b"",
    cwd: Path | None = None,
) -> Proc:
    """Run one fresh process. With `until`, the wall time stops when a line containing it is printed."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        env=env,
        cwd=cwd or code_dir(),  # `python -m` imports from the working directory first
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdin is not None
    wall = None
    if until is not None:
        for line in proc.stdout:
            if until in line:
                wall = time.perf_counter() - t0
                break
    try:
        proc.stdin.write(stdin)
        proc.stdin.close()
    except BrokenPipeError:
        pass
    rest = proc.stdout.read()
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if wall is None:
        wall = time.perf_counter() - t0
        if until is not None:
            raise RuntimeError(f"{' '.join(cmd)} never printed {until!r}: {(rest + err).decode()[-500:]}")
    if proc.returncode not in (0, None):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err.decode()[-500:]}")
    return Proc(wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss_mb=usage.ru_maxrss / 1024)


def side_by_side(
    subject: Callable[[], Proc], baseline: Callable[[], Proc], runs: int
) -> tuple[list[Proc], list[Proc]]:
    """Alternate the two so that a burst of load on the machine falls on both alike."""
    a: list[Proc] = []
    b: list[Proc] = []
    for _ in range(runs):
        a.append(subject())
        b.append(baseline())
    return a, b


def med(values: Sequence[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], object], runs: int) -> float:
    """Median wall seconds of fn() in this process."""
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return med(out)


@dataclass
class Report:
    """Rows of: measure, value, baseline, ratio, aim. Printed as a table or kept as JSON."""

    title: str
    rows: list[dict[str, object]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(
        self,
        measure: str,
        value: float,
        unit: str,
        baseline: float | None = None,
        baseline_name: str = "",
        aim: str = "",
        met: bool | None = None,
    ) -> None:
        ratio = value / baseline if baseline else None
        self.rows.append(
            {
                "measure": measure,
                "value": round(value, 4),
                "unit": unit,
                "baseline": None if baseline is None else round(baseline, 4),
                "baseline_name": baseline_name,
                "ratio": None if ratio is None else round(ratio, 3),
                "aim": aim,
                "met": met,
            }
        )

    def print(self) -> None:
        print(f"\n## {self.title}")
        print(f"| {'measure':52s} | {'value':>12s} | {'baseline':>22s} | {'ratio':>6s} | aim |")
        print(f"|{'-' * 54}|{'-' * 14}|{'-' * 24}|{'-' * 8}|-----|")
        for r in self.rows:
            value = f"{r['value']:.4g} {r['unit']}"
            base = "" if r["baseline"] is None else f"{r['baseline']:.4g} {r['baseline_name']}"
            ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}x"
            verdict = {True: " (met)", False: " (NOT met)", None: ""}[r["met"]]  # type: ignore[index]
            print(f"| {r['measure']:52s} | {value:>12s} | {base:>22s} | {ratio:>6s} | {r['aim']}{verdict} |")
        for note in self.notes:
            print(note)


def fill_last_day(conn: Any, dialect: str = "sqlite") -> None:
    """Schema 6's last_day of the cards from their last_review, as the store writes it, after a bench has
    set states by SQL; nothing for a checkout measured from before that column (AWSPREP_BENCH_CODE)."""
    from awsprep.store import db

    update = getattr(db, "last_day_update", None)
    if update is not None:
        conn.execute(update(dialect))
