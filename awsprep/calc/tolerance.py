"""The one numeric tolerance: when a typed number counts as the expected answer.

Used by review grading, exam scoring and the generated questions alike, so a number that is right in
one place is right everywhere: finite, and within the absolute tolerance (plus a relative hair for
floating-point noise on large values).
"""

from __future__ import annotations

import math


def within_tolerance(given: float, expected: float, tolerance: float) -> bool:
    return math.isfinite(given) and abs(given - expected) <= tolerance + 1e-9 * max(1.0, abs(expected))
