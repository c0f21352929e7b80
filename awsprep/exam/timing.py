"""Timing rules: the time left, the warnings, and when the attempt submits itself.

The clock of an attempt is the wall time it has been open: each run adds the seconds that passed on
a monotonic clock to the seconds already used, so a resumed attempt continues with the time that was
left. The date of the attempt (AWSPREP_NOW) plays no part in it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

WARN_AT = (600.0, 60.0)  # seconds left: 10 minutes and 1 minute
SAVE_EVERY = 5.0  # seconds between saves of the time used while nothing else is saved


def warning_text(threshold: float) -> str:
    minutes = int(threshold // 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''} left."


def warnings_crossed(before: float, after: float) -> list[float]:
    """The warning thresholds passed when the time left went from `before` to `after`."""
    return [t for t in WARN_AT if before > t >= after]


def format_left(seconds: float) -> str:
    """'129:58' (minutes:seconds), rounded up so that 0:00 means the time is over."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


@dataclass
class ExamClock:
    """Seconds allowed and used; `monotonic` is injected so tests can drive time."""

    allowed: float | None  # None: practice mode, no clock
    used_before: float
    monotonic: Callable[[], float]

    def __post_init__(self) -> None:
        self.started = self.monotonic()
        self.last_left = self.left()

    def used(self) -> float:
        return self.used_before + (self.monotonic() - self.started)

    def left(self) -> float:
        if self.allowed is None:
            return float("inf")
        return max(0.0, self.allowed - self.used())

    def expired(self) -> bool:
        return self.allowed is not None and self.left() <= 0

    def new_warnings(self) -> list[float]:
        left = self.left()
        crossed = warnings_crossed(self.last_left, left)
        self.last_left = left
        return crossed
