"""FSRS-6 (awsprep/sched/fsrs.py) against the `fsrs` package's own behaviour, and properties of recall."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS
from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.sched import fsrs
from awsprep.sched.sm2 import CardState

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Row:
    ts: datetime
    grade: int | None
    action: str = "answer"
    drill: bool = False
    undone: bool = False


def package_run(ratings: list[Rating], gaps: list[int]) -> Card:
    """The package itself, with awsprep's documented settings (no steps, no fuzz)."""
    sch = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    card, now = Card(card_id=1), T0
    for r, gap in zip(ratings, gaps, strict=True):
        now = now + timedelta(days=gap)
        card, _ = sch.review_card(card, r, now)
    return card


def test_default_parameters_are_fsrs6() -> None:
    assert len(fsrs.DEFAULT_PARAMS.weights) == 21  # FSRS-6: 21 weights, w20 the trainable decay
    assert fsrs.DEFAULT_PARAMS.weights == tuple(DEFAULT_PARAMETERS)
    assert not fsrs.DEFAULT_PARAMS.fitted


@pytest.mark.parametrize(("grade", "rating"), [(0, 1), (1, 1), (2, 1), (3, 2), (4, 3), (5, 4)])
def test_grade_to_rating(grade: int, rating: int) -> None:
    assert fsrs.rating(grade) == rating


def test_first_answer_takes_the_published_initial_stability() -> None:
    # FSRS: S0(rating) = w[rating - 1]
    for grade, w in ((1, 0), (3, 1), (4, 2), (5, 3)):
        mem, _ = fsrs.step(None, grade, T0)
        assert mem.stability == pytest.approx(DEFAULT_PARAMETERS[w])


def test_retrievability_is_0_9_after_one_stability() -> None:
    assert fsrs.retrievability(10.0, 10.0) == pytest.approx(0.9)
    assert fsrs.retrievability(10.0, 0.0) == 1.0


GOLDEN = [
    ([4, 4, 4, 1, 4, 5], [0, 2, 11, 46, 3, 8]),
    ([3, 3, 5, 2], [0, 1, 4, 30]),
    ([5, 5, 5], [0, 15, 60]),
]


@pytest.mark.parametrize(("grades", "gaps"), GOLDEN)
def test_replay_matches_the_package(grades: list[int], gaps: list[int]) -> None:
    card = package_run([fsrs.rating(g) for g in grades], gaps)
    rows, now = [], T0
    for g, gap in zip(grades, gaps, strict=True):
        now = now + timedelta(days=gap)
        rows.append(Row(now, g))
    mem = fsrs.memory(rows)
    assert mem is not None and card.stability is not None
    assert mem.stability == pytest.approx(card.stability, rel=1e-12)
    assert mem.difficulty == pytest.approx(card.difficulty, rel=1e-12)
    later = now + timedelta(days=17)
    assert fsrs.predicted_recall(rows, later.date()) == pytest.approx(
        Scheduler().get_card_retrievability(card, later), rel=1e-12
    )


def test_golden_intervals_with_a_lapse() -> None:
    """Pinned: default FSRS-6, retention 0.9, each review on its due day."""
    state, now, seen = CardState(), T0, []
    for g in [4, 4, 4, 1, 4, 5]:
        state = fsrs.review(state, g, now)
        seen.append((state.interval, state.reps, state.lapses))
        assert state.due is not None
        now = datetime.combine(state.due, T0.timetz())
    assert seen == [(2, 1, 0), (11, 2, 0), (46, 3, 0), (3, 0, 1), (8, 1, 1), (28, 2, 1)]


def test_drill_answers_undone_rows_and_later_rows_are_ignored() -> None:
    base = [Row(T0, 4), Row(T0 + timedelta(days=2), 1)]
    noisy = [
        *base,
        Row(T0 + timedelta(days=2, minutes=5), 2, drill=True),
        Row(T0 + timedelta(days=2, minutes=9), 5, drill=True),
        Row(T0 + timedelta(days=3), 5, undone=True),
        Row(T0 + timedelta(days=3), None, action="suspend"),
    ]
    day = date(2026, 1, 9)
    assert fsrs.predicted_recall(noisy, day) == fsrs.predicted_recall(base, day)
    # a prediction for day 1 knows only the first answer
    assert fsrs.predicted_recall(base, date(2026, 1, 2)) == fsrs.predicted_recall(base[:1], date(2026, 1, 2))


def test_never_answered_is_zero() -> None:
    assert fsrs.predicted_recall([], date(2026, 1, 1)) == 0.0


def test_retention_changes_intervals() -> None:
    strict = fsrs.Params(desired_retention=0.95)
    loose = fsrs.Params(desired_retention=0.8)
    assert fsrs.review(CardState(), 4, T0, strict).interval < fsrs.review(CardState(), 4, T0, loose).interval


def test_exam_failure_is_due_tomorrow() -> None:
    s = fsrs.review(CardState(), 5, T0)
    failed = fsrs.failed_recall(s, T0 + timedelta(days=5))
    assert failed.due == date(2026, 1, 7) and failed.lapses == 1 and not failed.drill


grades = st.lists(st.integers(0, 5), min_size=1, max_size=8)
gaps = st.lists(st.integers(0, 60), min_size=8, max_size=8)


def rows_of(gs: list[int], ds: list[int]) -> list[Row]:
    out, now = [], T0
    for g, d in zip(gs, ds, strict=False):
        now = now + timedelta(days=d)
        out.append(Row(now, g))
    return out


@settings(max_examples=60, deadline=None)
@given(grades, gaps, st.integers(0, 400), st.integers(1, 400))
def test_recall_is_a_probability_that_decreases_with_time(
    gs: list[int], ds: list[int], a: int, b: int
) -> None:
    rows = rows_of(gs, ds)
    last = rows[-1].ts.date()
    early, late = (
        fsrs.predicted_recall(rows, last + timedelta(days=a)),
        fsrs.predicted_recall(rows, last + timedelta(days=a + b)),
    )
    assert 0.0 < late <= early <= 1.0
    assert late < early or early < 1e-9


@settings(max_examples=60, deadline=None)
@given(grades, gaps, st.integers(1, 90), st.integers(3, 5))
def test_a_successful_review_raises_recall(gs: list[int], ds: list[int], gap: int, good: int) -> None:
    rows = rows_of(gs, ds)
    then = rows[-1].ts + timedelta(days=gap)
    after = [*rows, Row(then, good)]
    for ahead in (1, 7, 30):
        day = then.date() + timedelta(days=ahead)
        assert fsrs.predicted_recall(after, day) > fsrs.predicted_recall(rows, day)


def test_fit_recovers_a_known_initial_stability() -> None:
    """Learners whose memory after a first Good has S = 8 (not the default 2.3): the fit finds ~8."""
    import random

    from awsprep.sched import fit

    rng = random.Random(7)
    logs = []
    for i in range(2000):
        t = rng.choice([1, 3, 6, 10, 20])
        recalled = rng.random() < fsrs.retrievability(8.0, t)
        start = T0 + timedelta(minutes=i)
        logs.append([Row(start, 4), Row(start + timedelta(days=t), 4 if recalled else 1)])
    result = fit.fit(logs)
    assert result.enough and result.fitted == (3,)
    assert result.params.weights[2] == pytest.approx(8.0, rel=0.2)
    assert result.params.fitted


def test_fit_refuses_too_little_history() -> None:
    from awsprep.sched import fit

    result = fit.fit([[Row(T0, 4), Row(T0 + timedelta(days=2), 4)]])
    assert not result.enough and result.params == fsrs.DEFAULT_PARAMS


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 20), st.integers(0, 600)), min_size=1, max_size=12)
)
def test_memory_carried_under_sm2_equals_the_replayed_log(answers: list[tuple[int, int, int]]) -> None:
    """Under SM-2 each answer also moves the card's FSRS memory; drills (same-day repeats) do not.
    The carried state must equal a replay of the log, so a prediction never depends on which is used."""
    from awsprep.sched.policy import SM2, replay
    from awsprep.sched.sm2 import is_drill_answer

    state, now, rows = CardState(), T0, []
    for grade, gap, minutes in answers:
        now = now + timedelta(days=gap, minutes=minutes)
        rows.append(Row(now, grade, drill=is_drill_answer(state, now.date())))
        state = SM2.review(state, grade, now)
    mem = fsrs.memory(rows)
    assert mem is not None and state.stability == pytest.approx(mem.stability)
    day = now.date() + timedelta(days=9)
    assert fsrs.recall_of(state, day) == pytest.approx(fsrs.predicted_recall(rows, day))
    assert replay(SM2, rows) == state  # replaying the log rebuilds the card exactly
