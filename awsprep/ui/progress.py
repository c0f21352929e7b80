"""The first start's progress line, on stderr: the bank going into a new database takes a few seconds.

In a terminal the line is redrawn in place and ends with the number of cards; in a pipe or a log
nothing is written (no screen stays blank there, and scripts reading stderr see only errors).
"""

from __future__ import annotations

from typing import TextIO

LEAD = "First start: loading the card bank"


class FirstStart:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.live = out.isatty()

    def _line(self, text: str, end: str = "") -> None:
        if self.live:
            self.out.write(f"\r\x1b[2K{text}{end}")
            self.out.flush()

    def opening(self) -> None:
        self._line(f"{LEAD}: setting up the database...")

    def reading(self, done: int, total: int) -> None:
        self._line(f"{LEAD}: file {done + 1} of {total}...")

    def saving(self, cards: int) -> None:
        self._line(f"{LEAD}: saving {cards:,} cards...")

    def done(self, cards: int) -> None:
        self._line(f"{LEAD}: {cards:,} cards ready.", end="\n")
