"""Golden vectors for SM-2 (Wozniak 1990) and the choices documented in awsprep/sched/sm2.py."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awsprep.sched import sm2
from awsprep.sched.sm2 import CardState, review

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def run(grades: list[int]) -> list[tuple[int, int, float, int]]:
    """Answer each grade on the day the card is due; return (reps, interval, ef, lapses) after each."""
    state, now, out = CardState(), T0, []
    for g in grades:
        state = review(state, g, now)
        out.append((state.reps, state.interval, state.ef, state.lapses))
        assert state.due is not None
        now = datetime.combine(state.due, T0.timetz())
    return out


def test_golden_sequence_with_a_lapse() -> None:
    assert run([5, 5, 5, 4, 3, 2, 4, 4, 4]) == [
        (1, 1, 2.6, 0),
        (2, 6, 2.7, 0),
        (3, 17, 2.8, 0),  # ceil(6 * 2.8 = 16.8): the new EF multiplies I(n-1)
        (4, 48, 2.8, 0),  # q=4 leaves EF unchanged; ceil(17 * 2.8 = 47.6)
        (5, 128, 2.66, 0),  # q=3 lowers EF by 0.14; ceil(48 * 2.66 = 127.68)
        (0, 1, 2.34, 1),  # q=2: repetitions restart, EF still updated (-0.32), a lapse
        (1, 1, 2.34, 1),
        (2, 6, 2.34, 1),
        (3, 15, 2.34, 1),  # ceil(6 * 2.34 = 14.04)
    ]


def test_rounding_ignores_float_noise() -> None:
    # 6 * 2.5 is exactly 15: rounding up must not make it 16
    assert [r[1] for r in run([4, 4, 4, 4])] == [1, 6, 15, 38]


def test_ef_floor_is_1_3() -> None:
    assert [r[2] for r in run([0, 0, 0, 0])] == [1.7, 1.3, 1.3, 1.3]


def test_first_failure_of_a_new_card_is_not_a_lapse() -> None:
    assert run([1])[0] == (0, 1, 1.96, 0)


@pytest.mark.parametrize(
    ("grade", "delta"), [(5, 0.1), (4, 0.0), (3, -0.14), (2, -0.32), (1, -0.54), (0, -0.8)]
)
def test_ef_formula(grade: int, delta: float) -> None:
    assert sm2.next_ef(2.5, grade) == pytest.approx(2.5 + delta)


def test_drill_repeats_same_day_until_four() -> None:
    s1 = review(CardState(), 3, T0)
    assert s1.drill and s1.due == date(2026, 1, 2)
    later = T0 + timedelta(minutes=5)
    s2 = review(s1, 3, later)  # a drill answer below 4: still drilling, nothing else changes
    assert (s2.reps, s2.interval, s2.ef, s2.due, s2.drill) == (s1.reps, s1.interval, s1.ef, s1.due, True)
    s3 = review(s2, 1, later)  # a failed drill answer is not a lapse and does not touch EF
    assert (s3.lapses, s3.ef, s3.drill) == (0, s1.ef, True)
    s4 = review(s3, 4, later)
    assert not s4.drill and s4.interval == s1.interval and s4.ef == s1.ef


def test_next_day_review_of_a_drilling_card_is_a_real_review() -> None:
    s1 = review(CardState(), 3, T0)
    s2 = review(s1, 5, T0 + timedelta(days=1))
    assert (s2.reps, s2.interval, s2.drill) == (2, 6, False)


def test_failed_recall_from_exam_is_due_tomorrow() -> None:
    state = CardState(reps=4, interval=40, ef=2.5, due=date(2026, 3, 1), lapses=0)
    after = sm2.failed_recall(state, T0)
    assert (after.reps, after.interval, after.lapses, after.due, after.drill) == (
        0,
        1,
        1,
        date(2026, 1, 2),
        False,
    )


def test_rejects_grades_outside_0_to_5() -> None:
    with pytest.raises(ValueError):
        review(CardState(), 6, T0)


@given(st.lists(st.integers(0, 5), min_size=1, max_size=40))
def test_invariants(grades: list[int]) -> None:
    state, now = CardState(), T0
    for g in grades:
        new = review(state, g, now)
        assert new.ef >= sm2.MIN_EF
        assert new.interval >= 1
        assert new.due is not None and new.due > now.date()
        assert new.lapses >= state.lapses
        if g >= 3:
            assert new.reps == state.reps + 1
        else:
            assert new.reps == 0 and new.interval == 1
        state, now = new, datetime.combine(new.due, T0.timetz())


def test_intervals_stop_at_100_years() -> None:
    # every q=5 adds 0.1 to the EF: ceil(17 * 2.9) = 50, ceil(4911 * 3.4) = 16698, then 58,443 is capped
    assert [r[1] for r in run([5] * 11)] == [1, 6, 17, 50, 150, 465, 1488, 4911, 16698, 36500, 36500]
    state = CardState(reps=40, interval=36_500, ef=9.0, due=date(2026, 1, 1))
    assert review(state, 5, T0).interval == sm2.MAX_INTERVAL
