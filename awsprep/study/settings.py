"""The learner's settings: names, defaults (each number lives with the rule it feeds), checking and reading.

Each setting is a `Spec`: its default (as stored, a string), what it means, and a parser that turns the
stored text into its value or raises ValueError with the reason. `awsprep settings` lists them all;
`settings --json` gives each value parsed (numbers as numbers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from awsprep.errors import UsageError
from awsprep.sched.grading import DEFAULT_TIMING, Timing
from awsprep.sched.queue import DEFAULT_LIMITS, Limits
from awsprep.study.ports import ReviewStore

MAX_VALUE = 100_000
DEFAULT_EXAM_DECK = "dva-c02"  # the bundled deck studied until the learner picks others
EXAM_DECKS = ("clf-c02", "dva-c02", "saa-c03")  # bundled decks named after their exam
_DECK_NAME = re.compile(r"^[A-Za-z0-9._-]+$")


def whole_number(text: str) -> int:
    if not text.isdigit() or int(text) > MAX_VALUE:
        raise ValueError(f"must be a whole number from 0 to {MAX_VALUE}, not {text!r}")
    return int(text)


def deck_list(text: str) -> str | list[str]:
    """'all', 'default', or deck names separated by commas."""
    if text.strip().lower() in ("all", "default"):
        return text.strip().lower()
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names or not all(_DECK_NAME.match(n) for n in names):
        raise ValueError(f"must be all, default or deck names separated by commas, not {text!r}")
    return names


@dataclass(frozen=True)
class Spec:
    default: str
    meaning: str
    parse: Callable[[str], Any]


SPECS: dict[str, Spec] = {
    "new-per-day": Spec(str(DEFAULT_LIMITS.new_per_day), "new cards introduced per day", whole_number),
    "reviews-per-day": Spec(str(DEFAULT_LIMITS.reviews_per_day), "reviews per day at most", whole_number),
    "quick-seconds": Spec(str(int(DEFAULT_TIMING.quick)), "a typed answer this fast grades 5", whole_number),
    "slow-seconds": Spec(str(int(DEFAULT_TIMING.slow)), "a typed answer slower grades 3", whole_number),
    "active-decks": Spec(
        "default",
        f"decks studied by review: 'all', or names separated by commas; by default {DEFAULT_EXAM_DECK} "
        "and every imported deck",
        deck_list,
    ),
}


def check(key: str | None, value: str | None) -> None:
    """A bad setting name or value is the user's error (exit 2), said in one sentence."""
    if key is not None and key not in SPECS:
        raise UsageError(f"Unknown setting {key!r}; the settings are: {', '.join(SPECS)}.")
    if key is not None and value is not None:
        try:
            SPECS[key].parse(value)
        except ValueError as exc:
            raise UsageError(f"The value of {key} {exc}.") from None


def value(store: ReviewStore, key: str) -> Any:
    """The setting's value, parsed; a stored value that no longer parses counts as the default."""
    spec = SPECS[key]
    try:
        return spec.parse(store.get_setting(key, spec.default))
    except ValueError:
        return spec.parse(spec.default)


def read_int(store: ReviewStore, key: str) -> int:
    return int(value(store, key))


def limits(store: ReviewStore, new: int | None = None, reviews: int | None = None) -> Limits:
    """Today's limits: the settings, or the values given for this session only."""
    return Limits(
        new_per_day=new if new is not None else read_int(store, "new-per-day"),
        reviews_per_day=reviews if reviews is not None else read_int(store, "reviews-per-day"),
    )


def timing(store: ReviewStore) -> Timing:
    return Timing(quick=read_int(store, "quick-seconds"), slow=read_int(store, "slow-seconds"))


def active_decks(store: ReviewStore, known: Iterable[str]) -> list[str] | None:
    """The decks review studies when no --deck is given; None means every deck.

    By default: the DVA-C02 bundled deck and every deck that is not a bundled exam deck (the learner's
    own imports), so a Developer Associate learner is not handed Cloud Practitioner cards."""
    chosen: str | list[str] = value(store, "active-decks")
    decks = sorted(known)
    if chosen == "all":
        return None
    if chosen == "default":
        return [d for d in decks if d == DEFAULT_EXAM_DECK or d not in EXAM_DECKS]
    return [d for d in decks if d in chosen]
