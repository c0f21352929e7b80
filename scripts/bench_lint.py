"""Speed of the outdated-facts scanner (`awsprep lint`) on pathological lines, against ordinary notes.

Run by itself: ``python scripts/bench_lint.py``; scripts/bench.py runs it through ``run()``. The
baseline is our own notes (content/notes); the pathological text is one 120 KB line packed with the
scanner's keywords and one 200 KB line with none, the kind of input that makes a regular expression
backtrack. ``long_line_over_notes`` is the time per MB of the pathological text divided by the time
per MB of the notes, in the same run: it should stay well below 1 (about 0.01 when measured).
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from awsprep.notes.lint import load_facts, scan_text  # noqa: E402

KEYWORDS = "lambda memory max billed SQS message eventually consistent "


def long_lines() -> str:
    return KEYWORDS * 2000 + "\n" + "x" * 200_000 + "\n"


def run(repeat: int = 3) -> dict[str, float]:
    facts = load_facts(ROOT / "content" / "facts.yaml")
    notes = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "notes").rglob("*.md"))
    )
    pathological = long_lines()
    notes_mb, long_mb = len(notes.encode()) / 1e6, len(pathological.encode()) / 1e6
    notes_s = min(timeit.repeat(lambda: scan_text(notes, "notes.md", facts), number=1, repeat=repeat))
    long_s = min(timeit.repeat(lambda: scan_text(pathological, "long.md", facts), number=1, repeat=repeat))
    return {
        "notes_mb_s": round(notes_mb / notes_s, 3),
        "long_line_mb_s": round(long_mb / long_s, 3),
        "long_line_over_notes": round((long_s / long_mb) / (notes_s / notes_mb), 3),
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:>22}: {value}")
