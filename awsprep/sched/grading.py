"""How answers become SM-2 grades: key aliases for self-graded cards, automatic grades for mcq/numeric."""

from __future__ import annotations

from dataclasses import dataclass

# Self-graded cards: the six SM-2 grades, and Anki-style aliases for people who think in four buttons.
GRADE_MEANINGS: dict[int, str] = {
    0: "blackout",
    1: "wrong, but the answer was familiar",
    2: "wrong, but the answer seemed easy once seen",
    3: "right, with serious difficulty",
    4: "right, after some hesitation",
    5: "right, effortless",
}
ALIASES: dict[str, int] = {"a": 1, "h": 3, "g": 4, "e": 5}
ALIAS_NAMES: dict[str, str] = {"a": "again", "h": "hard", "g": "good", "e": "easy"}


def parse_grade(text: str) -> int | None:
    """'0'..'5' or an alias letter (again/hard/good/easy, or their first letter); None otherwise."""
    key = text.strip().lower()
    if len(key) == 1 and key in "012345":
        return int(key)
    for letter, name in ALIAS_NAMES.items():
        if key in (letter, name):
            return ALIASES[letter]
    return None


@dataclass(frozen=True)
class Timing:
    """Response-time thresholds (seconds) for automatically graded cards."""

    quick: float = 20.0
    slow: float = 90.0


DEFAULT_TIMING = Timing()
AUTO_WRONG = 1


def auto_grade(correct: bool, seconds: float, timing: Timing = DEFAULT_TIMING) -> int:
    """Correct and quick 5, correct 4, correct but slow 3, wrong 1."""
    if not correct:
        return AUTO_WRONG
    if seconds <= timing.quick:
        return 5
    if seconds > timing.slow:
        return 3
    return 4
