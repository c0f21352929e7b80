"""How long the learner takes: seconds per answer from their own log, and minutes for a queue."""

from __future__ import annotations

import math
from collections.abc import Iterable
from statistics import median

from awsprep.sched.sm2 import DRILL_UNTIL
from awsprep.study.ports import LogEntry

DEFAULT_SECONDS = 20.0  # before the learner has answered anything
RECENT = 300  # answers the estimate looks at
MAX_SECONDS = 600.0  # an answer left open (coffee break) counts as this at most


def pace(entries: Iterable[LogEntry]) -> tuple[float, float]:
    """(median seconds per answer, share of answers graded below 4, i.e. asked again as a drill) over the
    learner's last answers; the defaults before there are any."""
    answers = [e for e in entries if e.action == "answer" and not e.undone and e.response_ms is not None]
    answers = answers[-RECENT:]
    if not answers:
        return DEFAULT_SECONDS, 0.0
    seconds = median(min(MAX_SECONDS, (e.response_ms or 0) / 1000) for e in answers)
    drills = sum(1 for e in answers if e.grade is not None and e.grade < DRILL_UNTIL and not e.drill)
    firsts = sum(1 for e in answers if not e.drill)
    return seconds, drills / firsts if firsts else 0.0


def queue_minutes(cards: int, seconds: float, drill_share: float) -> float:
    """Minutes a queue of `cards` takes: each answered once, and the expected share again as drills
    (a drill can repeat; the geometric series 1 / (1 - share) counts that, capped at 3 showings)."""
    showings = min(3.0, 1 / (1 - min(drill_share, 0.66)))
    return cards * showings * seconds / 60


def queue_note(cards: int, entries: Iterable[LogEntry]) -> str:
    """How long today's queue takes, from the learner's own answer times (a first guess before any)."""
    recent = list(entries)
    seconds, drill_share = pace(recent)
    minutes = queue_minutes(cards, seconds, drill_share)
    measured = any(e.action == "answer" and e.response_ms is not None for e in recent)
    how = (
        f"at your median {seconds:.0f} s an answer"
        if measured
        else f"at {seconds:.0f} s an answer (a first guess: your own pace once you have answered some)"
    )
    return f"Today's queue: {cards} card(s), about {math.ceil(minutes)} minute(s) {how}."
