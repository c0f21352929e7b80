"""Throughput of `awsprep import` next to markdown-it-py's bare parse of the same text.

Run by itself: ``python scripts/bench_import.py``. ``run()`` returns MB/s figures and the ratio
importer time / bare parse time (the aim is below 2). The input is the learners' notes in
../shared/seeds/ when present (else a generated set of notes), repeated to about 1 MB over 8 files.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from awsprep.notes.blocks import markdown  # noqa: E402
from awsprep.notes.pipeline import NoteFile, run_import  # noqa: E402
from awsprep.notes.topics import TopicTable  # noqa: E402

TARGET_BYTES = 1_000_000
FILES = 8


def _sample() -> str:
    seeds = ROOT.parent / "shared" / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))] if seeds.is_dir() else []
    if texts:
        return "\n\n".join(texts)
    parts = []
    for n in range(200):
        parts.append(
            f"# Service {n}\n\n## Limits\n\n- timeout: default {n % 7 + 1} s, max 15 minutes\n"
            f"- **Term {n}**: what term {n} means in a few words\n- Note about thing {n} without a fact\n"
            f"  - nested detail {n}\n  - another detail\n\n| Key | Value |\n|---|---|\n| k{n} | {n} MB |\n\n"
            "## Exam tips\n\n- SQS is a distributed message queue\n\n```\ncode\n```\n"
        )
    return "".join(parts)


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run(repeat: int = 3) -> dict[str, float]:
    sample = _sample()
    copies = max(1, TARGET_BYTES // max(1, len(sample.encode("utf-8"))))
    per_file = max(1, copies // FILES)
    texts = [("\n\n".join([sample] * per_file)).replace("# ", f"# F{i} ", 1) for i in range(FILES)]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    topics = TopicTable.load(ROOT / "content" / "domains.yaml")
    md = markdown()
    with tempfile.TemporaryDirectory() as tmp:
        notes = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"notes{i}.md"
            path.write_text(text, encoding="utf-8")
            notes.append(NoteFile(path.name, path))
        bare = _best(lambda: [md.parse(t) for t in texts], repeat)
        full = _best(lambda: run_import(notes, "bench", topics), repeat)
        first = run_import(notes, "bench", topics)
        cached = _best(
            lambda: run_import(notes, "bench", topics, previous=first.cards, cache=first.cache), repeat
        )
    return {
        "mb": round(size_mb, 3),
        "cards": float(len(first.cards)),
        "bare_parse_mb_s": round(size_mb / bare, 3),
        "import_mb_s": round(size_mb / full, 3),
        "reimport_unchanged_mb_s": round(size_mb / cached, 3),
        "import_over_parse": round(full / bare, 3),
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:>26}: {value}")
