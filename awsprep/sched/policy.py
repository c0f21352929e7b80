"""Which scheduler answers go through (SM-2, the default, or FSRS), and rebuilding a card from its log.

A `Policy` is plain data built from the settings (study/settings.policy); the store applies it to each
answer and failed exam recall. `replay` rebuilds a card's state from its review log under a policy:
switching scheduler (either way) or changing desired retention replays every card, so no history is
lost and switching back gives exactly what staying would have given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from awsprep.sched import fsrs, sm2
from awsprep.sched.sm2 import CardState

SCHEDULERS = ("sm2", "fsrs")


@dataclass(frozen=True)
class Policy:
    """SM-2 schedules by default; under either, each card also carries its FSRS memory (for recall)."""

    scheduler: str = "sm2"
    params: fsrs.Params = fsrs.DEFAULT_PARAMS

    def review(self, state: CardState, grade: int, now: datetime) -> CardState:
        if self.scheduler == "fsrs":
            return fsrs.review(state, grade, now, self.params)
        return fsrs.remember(state, sm2.review(state, grade, now), grade, now, self.params)

    def failed_recall(self, state: CardState, now: datetime) -> CardState:
        if self.scheduler == "fsrs":
            return fsrs.failed_recall(state, now, self.params)
        failed = sm2.failed_recall(state, now)
        return fsrs.remember(replace(state, drill=False), failed, 1, now, self.params)


SM2 = Policy()


def replay(policy: Policy, entries: Sequence[fsrs.GradedEntry]) -> CardState:
    """The state a card would have if every answer in its log had been scheduled under `policy`.

    Drill repeats are replayed too (each scheduler's own drill rule decides what they change), so the
    drill flag of today's failed cards survives a switch; undone answers are left out."""
    state = CardState()
    rows = [e for e in entries if e.action in fsrs.GRADED_ACTIONS and e.grade is not None and not e.undone]
    for e in sorted(rows, key=lambda e: fsrs.utc(e.ts)):
        assert e.grade is not None
        now = fsrs.utc(e.ts)
        state = policy.failed_recall(state, now) if e.action == "exam" else policy.review(state, e.grade, now)
    return state
