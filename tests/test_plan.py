"""Exam-date planning (awsprep/sched/plan.py): which reviews the exam needs, the final pass, new-card
pacing, the plan's end; and the store's SQL selection agrees with the pure rule."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.sched.fsrs import recall_of, review
from awsprep.sched.plan import (
    HARD_DIFFICULTY,
    RETURNS,
    REVIEW_RETENTION,
    WAIT_FLOOR,
    ExamPlan,
    horizon,
    new_pace,
    plan_note,
    ratio,
)
from awsprep.sched.queue import Candidate
from awsprep.sched.sm2 import CardState
from tests.conftest import basic_cards, write_bank

EXAM = date(2026, 3, 20)
PLAN = ExamPlan(EXAM)


def at(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=9)


def card(card_id: str, stability: float, last: date) -> Candidate:
    """A studied card with the given FSRS stability, last reviewed on `last` (its scheduler due date is
    deliberately today-ish: the plan does not read it)."""
    state = CardState(reps=3, interval=10, due=last + timedelta(days=10), last_review=at(last))
    return Candidate(card_id, replace(state, stability=stability, difficulty=5.0))


def test_horizon_inverts_the_forgetting_curve() -> None:
    assert abs(horizon(0.9) - 1.0) < 1e-9  # R(S) = 0.9: the stability is the 90% horizon
    s = 7.0
    for r in (0.65, 0.8, 0.95):
        c = card("x", s, date(2026, 1, 1))
        day = date(2026, 1, 1) + timedelta(days=round(horizon(r) * s))
        assert abs(recall_of(c.state, day) - r) < 0.03


def test_no_review_the_exam_does_not_need() -> None:
    today = date(2026, 3, 1)
    strong = card("strong", 400.0, date(2026, 2, 1))  # recall on exam day about 0.98
    assert PLAN.recall(strong) > 0.9
    assert PLAN.pick([strong], today, 100) == []  # even though SM-2 had it due


def test_reviews_come_at_the_review_retention_unless_they_can_wait_for_the_final_pass() -> None:
    today = date(2026, 2, 20)  # 17 days before the window (9 March)
    faded = card("faded", 1.0, today - timedelta(days=round(horizon(REVIEW_RETENTION)) + 1))
    fresh = card("fresh", 1.0, today - timedelta(days=1))
    assert [c.card_id for c in PLAN.pick([faded, fresh], today, 100)] == ["faded"]
    # a card that will still be above WAIT_FLOOR when the window opens waits for the final pass
    near = PLAN.window_start - timedelta(days=2)
    s = 30.0
    waits = card("waits", s, near - timedelta(days=round(horizon(REVIEW_RETENTION) * s) + 1))
    assert recall_of(waits.state, near) < REVIEW_RETENTION
    assert recall_of(waits.state, PLAN.window_start) > WAIT_FLOOR
    assert PLAN.pick([waits], near, 100) == []
    # ...unless it is hard: its final-pass reviews would not last to the exam, so it does not wait
    hard = Candidate("hard", replace(waits.state, difficulty=HARD_DIFFICULTY))
    assert [c.card_id for c in PLAN.pick([waits, hard], near, 100)] == ["hard"]
    # a hard card is still not reviewed before it has faded to the review retention
    hard_fresh = Candidate("hard_fresh", replace(fresh.state, difficulty=9.9))
    assert PLAN.pick([hard_fresh], today, 100) == []


def test_final_pass_is_weakest_first_and_spread_over_the_window() -> None:
    last = date(2026, 2, 1)
    cards = [card(f"s{i}", 40.0, last) for i in range(10)] + [card(f"w{i}", 10.0, last) for i in range(10)]
    first_day = PLAN.window_start
    assert first_day == date(2026, 3, 9)  # 11 days before the exam
    today = PLAN.pick(cards, first_day, 100)
    assert len(today) == 3  # 20 cards and 15% returns (23) over 11 days: 2.09, rounded up
    assert all(c.card_id.startswith("w") for c in today)  # the weakest on exam day come first
    assert today[0].card_id == "w0"
    assert len(PLAN.pick(cards, first_day, 2)) == 2  # within the room left today
    assert len(PLAN.pick(cards, EXAM - timedelta(days=1), 100)) == 20  # the last day takes the rest


def test_the_final_share_counts_the_returns() -> None:
    """Cards failed in the final pass come back: each day takes its share of the waiting cards plus the
    expected returns, so the last days are not left with the returns of all the others."""
    assert RETURNS == 0.15
    assert PLAN.share(100, EXAM - timedelta(days=11)) == 11  # 115 / 11 = 10.45
    assert PLAN.share(100, EXAM - timedelta(days=5)) == 23  # 115 / 5
    assert PLAN.share(100, EXAM - timedelta(days=1)) == 100  # never more than are waiting
    assert PLAN.share(7, EXAM) == 7  # exam day takes the rest
    assert PLAN.share(100, EXAM - timedelta(days=12)) == 100  # before the window: all that have faded
    assert replace(PLAN, returns=0.0).share(100, EXAM - timedelta(days=11)) == 10  # 100 / 11 = 9.09


def test_a_card_reviewed_in_the_window_is_not_asked_again() -> None:
    c = card("x", 20.0, date(2026, 2, 1))
    now = at(PLAN.window_start)
    again = Candidate("x", review(c.state, 5, now))
    assert PLAN.pick([again], PLAN.window_start, 100) == []  # not twice on one day
    assert PLAN.pick([again], PLAN.window_start + timedelta(days=1), 100) == []  # fine on exam day now


def test_new_cards_are_paced_to_the_window() -> None:
    today = date(2026, 2, 27)  # 10 days before the window (9 March)
    assert PLAN.new_today(100, today, 20) == 10
    assert PLAN.new_today(400, today, 20) == 20  # the limit caps the pace
    assert PLAN.new_today(7, PLAN.window_start, 20) == 20  # in the window: late rather than never
    ok = new_pace(PLAN, 100, today, 20)
    assert ok.feasible and ok.needed == 10 and ok.days == 10
    short = new_pace(PLAN, 400, today, 20)
    assert not short.feasible and "new-per-day 40 would make it possible" in short.sentence()
    late = new_pace(PLAN, 5, date(2026, 3, 17), 20)
    assert not late.feasible and "can no longer be introduced" in late.sentence()
    assert "final pass starts 2026-03-09" in plan_note(PLAN, date(2026, 3, 1), 0, 20)


def test_the_plan_ends_after_the_exam() -> None:
    assert PLAN.active(EXAM) and not PLAN.active(EXAM + timedelta(days=1))
    assert PLAN.pick([card("a", 1.0, date(2026, 3, 1))], EXAM + timedelta(days=1), 100) == []


@settings(max_examples=60, deadline=None)
@given(st.floats(0.05, 500.0), st.integers(0, 80), st.integers(0, 60))
def test_ratio_orders_like_recall(stability: float, ago: int, later: int) -> None:
    last = date(2026, 1, 1)
    c = card("x", stability, last)
    d1, d2 = last + timedelta(days=ago), last + timedelta(days=ago + later)
    assert (ratio(c.state, d1) <= ratio(c.state, d2)) and (recall_of(c.state, d1) >= recall_of(c.state, d2))


def test_store_selects_what_the_pure_rule_picks(env, db) -> None:  # type: ignore[no-untyped-def]
    """Random histories in a real store (SQLite and PostgreSQL): `Store.plan_reviews` (SQL) and
    `ExamPlan.pick` (Python) agree on every day from two months before the exam to exam day, count and
    order."""
    from awsprep.cli.db import open_store

    write_bank(env, basic_cards(60))
    store, _ = open_store(None)
    rng = random.Random(3)
    start = date(2026, 1, 1)
    for i in range(60):
        day = start + timedelta(days=rng.randint(0, 20))
        for _ in range(rng.randint(1, 4)):
            # some answers late in the evening west of UTC: the next day in UTC (PostgreSQL keeps the
            # instant, SQLite the wall-clock time; the SQL counts days as the store reads them back)
            late = datetime.combine(day, time(22, 30), timezone(timedelta(hours=-5)))
            store.answer(f"c{i:03d}", rng.choice([1, 3, 4, 5]), late if i % 3 == 0 else at(day), 5000)
            day += timedelta(days=rng.randint(1, 15))
    plan = ExamPlan(date(2026, 3, 1))
    states = [Candidate(f"c{i:03d}", store.state(f"c{i:03d}")) for i in range(60)]
    totals = []
    for offset in range(0, 60, 3):
        today = plan.exam_date - timedelta(days=offset)
        pure = plan.pick(states, today, 1000)
        total, picked = store.plan_reviews(plan.query(today), None, 1000)
        assert total == total_of(plan, states, today)
        assert [c.card_id for c in picked[: plan.share(total, today)]] == [c.card_id for c in pure], today
        assert store.plan_reviews(plan.query(today), None, 0) == (total, [])
        totals.append(total)
    assert min(totals) < max(totals) and max(totals) > 5  # the rule selected something, not all alike
    # the histories hold hard cards and others, so the SQL's difficulty condition is exercised both ways
    assert any((c.state.difficulty or 0) >= HARD_DIFFICULTY for c in states)
    assert any(0 < (c.state.difficulty or 0) < HARD_DIFFICULTY for c in states)


def total_of(plan: ExamPlan, states: list[Candidate], today: date) -> int:
    q = plan.query(today)
    return sum(q.matches(c.state) for c in states)
