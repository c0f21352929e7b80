"""Exam-date planning (awsprep/sched/plan.py): the final pass, new-card pacing, the plan's end."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from awsprep.sched.fsrs import review
from awsprep.sched.plan import ExamPlan, new_pace, plan_note
from awsprep.sched.queue import Candidate
from awsprep.sched.sm2 import CardState

EXAM = date(2026, 3, 20)
PLAN = ExamPlan(EXAM)


def learnt(card_id: str, grades: list[int], start: date) -> Candidate:
    state, now = CardState(), datetime.combine(start, datetime.min.time(), UTC)
    for g in grades:
        state = review(state, g, now)
        assert state.due is not None
        now = datetime.combine(state.due, now.timetz())
    return Candidate(card_id, state)


def after_exam(card_id: str, stability: float) -> Candidate:
    """A card due after the exam, last reviewed on 1 February, with the given FSRS stability."""
    last = datetime(2026, 2, 1, tzinfo=UTC)
    state = CardState(reps=3, interval=60, due=EXAM + timedelta(days=12), last_review=last)
    return Candidate(card_id, replace(state, stability=stability, difficulty=5.0))


def test_final_pass_is_weakest_first_and_spread_over_the_window() -> None:
    cards = [after_exam(f"s{i}", 200.0) for i in range(10)] + [after_exam(f"w{i}", 20.0) for i in range(10)]
    first_day = PLAN.window_start
    today = PLAN.final_pass(cards, first_day)
    assert len(today) == 4  # 20 cards over 5 days
    assert PLAN.final_pass(cards, first_day)[0].card_id == "w0"
    assert all(c.card_id.startswith("w") for c in today)  # the weakest on exam day come first
    assert PLAN.final_pass(cards, first_day - timedelta(days=1)) == []  # not before the window
    # on the last day before the exam everything left is taken
    assert len(PLAN.final_pass(cards, EXAM - timedelta(days=1))) == 20


def test_a_card_reviewed_in_the_window_is_not_asked_again() -> None:
    c = learnt("x", [5, 5, 5, 5], date(2026, 1, 1))
    again = Candidate("x", review(c.state, 5, datetime.combine(PLAN.window_start, datetime.min.time(), UTC)))
    assert PLAN.final_pass([again], PLAN.window_start + timedelta(days=1)) == []


def test_new_pace_says_what_limit_would_do() -> None:
    ok = new_pace(PLAN, 100, date(2026, 3, 5), 20)
    assert ok.feasible and ok.needed == 10 and ok.days == 10
    short = new_pace(PLAN, 400, date(2026, 3, 5), 20)
    assert not short.feasible and "new-per-day 40 would make it possible" in short.sentence()
    late = new_pace(PLAN, 5, date(2026, 3, 17), 20)
    assert not late.feasible and "can no longer be introduced" in late.sentence()
    assert "final pass starts 2026-03-15" in plan_note(PLAN, date(2026, 3, 1), 0, 20)


def test_the_plan_ends_after_the_exam() -> None:
    assert PLAN.active(EXAM) and not PLAN.active(EXAM + timedelta(days=1))
    assert PLAN.final_pass([learnt("a", [4], date(2026, 3, 1))], EXAM + timedelta(days=1)) == []
