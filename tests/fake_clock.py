"""Fake monotonic clocks for timed exams: in this process, and in an awsprep process a test starts.

The exam clock is the monotonic clock (the attempt's date comes from AWSPREP_NOW). Tests move it by
hand instead of sleeping, so the time left and the seconds used are exact and no test waits for the
wall clock.

- `frozen_monotonic` (a fixture in conftest.py) replaces `time.monotonic` in this process.
- `FileClock` is the same for a real process (a pseudo-terminal, kill -9): the process is started as
  `python tests/fake_clock.py CLOCK_FILE ARGS...`, which replaces `time.monotonic` with "the number of
  seconds in CLOCK_FILE" before awsprep is imported, then runs `awsprep ARGS...`. The test writes the
  file with `FileClock.set`; the exam redraws at least once a second, so the new time shows at once.
"""

from __future__ import annotations

import os
import runpy
import sys
import time
from pathlib import Path


class FakeMonotonic:
    """A monotonic clock that stands still until a test moves it."""

    def __init__(self, seconds: float = 1000.0) -> None:
        self.seconds = seconds

    def __call__(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.seconds += seconds


class FileClock:
    """The monotonic clock of an awsprep process started with `argv`: the seconds written by `set`."""

    def __init__(self, path: Path, seconds: float = 0.0) -> None:
        self.path = path
        self.set(seconds)

    def set(self, seconds: float) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(repr(float(seconds)), encoding="utf-8")
        os.replace(tmp, self.path)  # the process never reads a half-written file

    def argv(self, *args: str) -> list[str]:
        """The command line (without the interpreter) of `awsprep ARGS...` on this clock."""
        return [str(Path(__file__).resolve()), str(self.path), *args]


def _main() -> None:
    clock_file = Path(sys.argv[1])

    def monotonic() -> float:
        return float(clock_file.read_text(encoding="utf-8"))

    time.monotonic = monotonic
    sys.argv = ["awsprep", *sys.argv[2:]]
    runpy.run_module("awsprep", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    _main()
