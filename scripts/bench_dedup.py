"""Near-duplicate merging on a table of N rows in one topic: time per size, and the ratio of each size
to the previous one (near-linear means about 4x for 4x the rows; quadratic was about 16x)."""

from __future__ import annotations

import time

from awsprep.notes.ids import dedup
from awsprep.notes.model import Draft


def rows(n: int) -> list[Draft]:
    out = []
    for i in range(n):
        text = f"Service {i} quota {i * 7} requests per second in region r{i % 20} for account a{i}"
        out.append(Draft("basic", "table", "t.md", i + 1, ("T",), "T", front=f"Service {i} quota", back=text))
    return out


def main() -> None:
    previous = None
    for n in (1000, 4000, 16000, 64000):
        drafts = rows(n)
        start = time.perf_counter()
        kept, merged = dedup(drafts)
        took = time.perf_counter() - start
        ratio = f"{took / previous:.1f}x the previous size's time" if previous else "baseline"
        print(f"{n:>6} rows: {took:.2f} s, {len(kept)} kept, {merged} merged ({ratio})")
        previous = took


if __name__ == "__main__":
    main()
