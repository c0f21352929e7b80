"""`awsprep import` on the shared corpus of notes, beside a bare markdown-it-py parse of the same text.

Run by itself: ``python scripts/bench_import.py [--runs N]``; scripts/bench.py calls ``run()``.
- in one process: the whole first import of every note file (what `awsprep import DIR --json` does:
  notes -> cards, facts, dedup, ids, the bank, triage and cache files written) vs markdown-it's parse of
  the same texts (aim <= 1.5x); and notes -> cards alone (``run_import``), for the record;
- whole processes: re-import of the unchanged files vs the first import (aim <= 0.1x), and a
  re-import after one note file changed (a copy of the corpus is imported, so one file can change).
The input is the whole of ../shared/corpus/ (the notes repositories learners shared); without it the
bench says so and measures nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _benchutil import Report, code_dir, env_for, med, run_proc, use_code

use_code()


def corpus() -> Path:
    return code_dir().parent / "shared" / "corpus"


def run(runs: int = 5) -> Report:
    report = Report("Import of notes (awsprep import)")
    root = corpus()
    if not root.is_dir():
        report.notes.append(f"Import: skipped ({root} is absent: the shared corpus of notes is needed).")
        return report
    from awsprep.cli.importer import import_notes
    from awsprep.notes.blocks import markdown
    from awsprep.notes.pipeline import collect_files, run_import
    from awsprep.notes.topics import TopicTable

    notes = collect_files([root])
    texts = [n.path.read_text(encoding="utf-8", errors="replace") for n in notes]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    topics = TopicTable.load(code_dir() / "content" / "domains.yaml")
    md = markdown()
    # wall and CPU seconds of each measure, alternated so that load on the machine falls on all alike
    bare: list[tuple[float, float]] = []
    whole: list[tuple[float, float]] = []
    alone: list[tuple[float, float]] = []
    cards = 0

    def timed_once(out: list[tuple[float, float]], fn: Callable[[], object]) -> object:
        gc.collect()  # each measure starts from the same heap: what is left over slows collection
        t0, c0 = time.perf_counter(), time.process_time()
        value = fn()
        out.append((time.perf_counter() - t0, time.process_time() - c0))
        return value

    def first_import() -> None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import_notes([root], "bench", None, False, False, True)

    home = os.environ.get("AWSPREP_HOME")
    try:
        for _ in range(runs):
            timed_once(bare, lambda: [md.parse(t) for t in texts])
            with tempfile.TemporaryDirectory() as tmp:
                os.environ["AWSPREP_HOME"] = tmp  # a first import: no bank, no cache yet
                timed_once(whole, first_import)
            result: Any = timed_once(alone, lambda: run_import(notes, "bench", topics))
            cards = len(result.cards)
            del result
    finally:
        if home is None:
            os.environ.pop("AWSPREP_HOME", None)
        else:
            os.environ["AWSPREP_HOME"] = home
    wall = {
        name: med([w for w, _ in xs]) for name, xs in (("bare", bare), ("whole", whole), ("alone", alone))
    }
    cpu = {name: med([c for _, c in xs]) for name, xs in (("bare", bare), ("whole", whole), ("alone", alone))}
    what = f"{size_mb:.1f} MB of notes ({len(notes)} files, {cards} cards)"
    report.add(
        f"first import of {what}, in-process",
        wall["whole"],
        "s",
        wall["bare"],
        "s bare parse",
        aim="<= 1.5x",
        met=wall["whole"] <= 1.5 * wall["bare"],
    )
    # each run's import over the bare parse just before it: on a machine whose speed drifts (a shared
    # VM), the ratio of two medians mixes fast and slow spells; the median of the pairs' ratios does not
    paired = med([w / b for (w, _), (b, _) in zip(whole, bare, strict=True)])
    report.add(
        f"first import / bare parse, median of the {len(whole)} runs' own ratios",
        paired,
        "x",
        aim="<= 1.5x",
        met=paired <= 1.5,
    )
    paired_cpu = med([w / b for (_, w), (_, b) in zip(whole, bare, strict=True)])
    report.add(
        f"first import / bare parse, CPU, median of the {len(whole)} runs' own ratios", paired_cpu, "x"
    )
    report.add("first import, in-process: CPU", cpu["whole"], "s", cpu["bare"], "s bare parse")
    report.add(
        "notes -> cards alone (run_import, no facts): CPU", cpu["alone"], "s", cpu["bare"], "s bare parse"
    )
    with tempfile.TemporaryDirectory() as tmp:
        notes_copy = Path(tmp) / "notes"  # a copy, so that one of its files can change
        shutil.copytree(root, notes_copy)
        env = env_for({"AWSPREP_HOME": str(Path(tmp) / "home")})
        cmd = [sys.executable, "-m", "awsprep", "import", str(notes_copy), "--deck", "bench", "--json"]
        first = run_proc(cmd, env)
        again = [run_proc(cmd, env) for _ in range(runs)]
        edited = sorted(notes_copy.rglob("*.md"))[len(notes) // 2]
        one_changed = []
        for n in range(runs):
            with edited.open("a", encoding="utf-8") as fh:
                fh.write(f"\n- **Bench line {n}**: one more fact written for the benchmark\n")
            one_changed.append(run_proc(cmd, env))
    value = med([p.wall for p in again])
    report.add(
        "re-import of the unchanged files, whole process",
        value,
        "s",
        first.wall,
        "s first import",
        aim="<= 0.1x",
        met=value <= 0.1 * first.wall,
    )
    report.add(
        "re-import of the unchanged files, whole process: CPU",
        med([p.cpu for p in again]),
        "s",
        first.cpu,
        "s first import",
    )
    report.add(
        "re-import after one note file changed, whole process: CPU",
        med([p.cpu for p in one_changed]),
        "s",
        first.cpu,
        "s first import",
    )
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    run(parser.parse_args().runs).print()
