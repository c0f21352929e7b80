"""How answers become SM-2 grades: key aliases for self-graded cards, automatic grades for mcq/numeric."""

from __future__ import annotations

import re
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


AUTO_WRONG = 1


def auto_grade(correct: bool, seconds: float, timing: Timing = Timing()) -> int:
    """Correct and quick 5, correct 4, correct but slow 3, wrong 1."""
    if not correct:
        return AUTO_WRONG
    if seconds <= timing.quick:
        return 5
    if seconds > timing.slow:
        return 3
    return 4


def parse_choices(text: str, n_options: int) -> tuple[int, ...] | None:
    """'b', 'B,D', 'bd', '2 4' -> sorted 0-based indices; None if any part is not an option."""
    cleaned = text.strip().upper().replace(",", " ")
    if not cleaned:
        return None
    parts = cleaned.split()
    letters: list[str] = []
    for part in parts:
        if part.isdigit():
            letters.append(chr(ord("A") + int(part) - 1) if 1 <= int(part) <= 26 else "?")
        else:
            letters.extend(part)
    picked: set[int] = set()
    for letter in letters:
        idx = ord(letter) - ord("A")
        if not 0 <= idx < n_options:
            return None
        picked.add(idx)
    return tuple(sorted(picked))


def numeric_correct(given: float, answer: float, tolerance: float) -> bool:
    return abs(given - answer) <= tolerance + 1e-9 * max(1.0, abs(answer))


_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def parse_number(text: str) -> float | None:
    """The number in an answer such as '80', '80 RCU', '$1,234.50', '0.5 USD'; None if there is none."""
    match = _NUMBER.search(text.replace(",", "").replace("$", ""))
    return float(match.group(0)) if match else None
