"""`awsprep import` on the shared corpus of notes, beside a bare markdown-it-py parse of the same text.

Run by itself: ``python scripts/bench_import.py [--runs N]``; scripts/bench.py calls ``run()``.
- in one process: the whole first import of every note file (what `awsprep import DIR --json` does:
  notes -> cards, facts, dedup, ids, the bank, triage and cache files written) vs markdown-it's parse of
  the same texts (aim <= 1.5x); and notes -> cards alone (``run_import``), for the record;
- whole processes: re-import of the unchanged files vs the first import (aim <= 0.1x).
The input is the whole of ../shared/corpus/ (the notes repositories learners shared); without it the
bench says so and measures nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from pathlib import Path

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
    bare, whole, alone = [], [], []
    home = os.environ.get("AWSPREP_HOME")
    try:
        for _ in range(runs):  # alternate, so that load on the machine falls on both
            t0 = time.perf_counter()
            for t in texts:
                md.parse(t)
            bare.append(time.perf_counter() - t0)
            with tempfile.TemporaryDirectory() as tmp:
                os.environ["AWSPREP_HOME"] = tmp  # a first import: no bank, no cache yet
                out = io.StringIO()
                t0 = time.perf_counter()
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                    import_notes([root], "bench", None, False, False, True)
                whole.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            result = run_import(notes, "bench", topics)
            alone.append(time.perf_counter() - t0)
    finally:
        if home is None:
            os.environ.pop("AWSPREP_HOME", None)
        else:
            os.environ["AWSPREP_HOME"] = home
    report.add(
        f"import {size_mb:.1f} MB of notes ({len(notes)} files, {len(result.cards)} cards), in-process",
        med(whole),
        "s",
        med(bare),
        "s bare parse",
        aim="<= 1.5x",
        met=med(whole) <= 1.5 * med(bare),
    )
    report.add(
        "notes -> cards alone (run_import, no facts), in-process", med(alone), "s", med(bare), "s bare parse"
    )
    with tempfile.TemporaryDirectory() as tmp:
        env = env_for({"AWSPREP_HOME": str(Path(tmp) / "home")})
        cmd = [sys.executable, "-m", "awsprep", "import", str(root), "--deck", "bench", "--json"]
        first = run_proc(cmd, env)
        again = [run_proc(cmd, env) for _ in range(runs)]
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
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    run(parser.parse_args().runs).print()
