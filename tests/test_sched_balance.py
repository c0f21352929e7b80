"""The load balancer (sched/balance.py): golden windows and choices, and a property: the chosen day is
always inside the window the interval allows, and no day of that window has fewer cards due."""

from __future__ import annotations

import zlib
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from awsprep.bank.io import load_bank
from awsprep.sched.balance import MAX_BALANCED, MIN_PILE, MOVE_COST, balance_due, balanced_interval, window
from awsprep.sched.policy import Policy
from awsprep.sched.sm2 import CardState
from awsprep.store.repo import Store
from tests.conftest import basic_cards, write_bank

TODAY = date(2027, 3, 1)
EVEN, ODD = "c000", "c004"  # CRC-32 low bit 0 and 1: on an exact tie EVEN goes earlier, ODD later


def counts(**by_offset: int) -> dict[date, int]:
    return {TODAY + timedelta(days=int(k[1:])): v for k, v in by_offset.items()}


def test_golden_windows() -> None:
    got = {i: window(i) for i in (1, 2, 3, 6, 7, 15, 20, 38, 90, 91)}
    assert got == {
        1: (1, 1),  # a failed card comes back tomorrow
        2: (2, 2),  # under 2.5 days nothing moves
        3: (2, 4),  # 1 + 15% of 0.5 day
        6: (4, 8),  # 1 + 15% of 3.5 days = 1.525
        7: (5, 9),
        15: (13, 17),  # 1 + 0.675 + 10% of 8 days = 2.475
        20: (17, 23),
        38: (34, 42),  # 1 + 0.675 + 1.3 + 5% of 18 days = 3.875
        90: (84, 96),
        91: (91, 91),  # beyond MAX_BALANCED: not moved
    }


def test_windows_respect_the_callers_bounds() -> None:
    assert window(15, latest=12) == (12, 12)  # an exam-day cap below the interval: the cap
    assert window(15, earliest=16) == (16, 17)
    assert window(6, earliest=5, latest=7) == (5, 7)
    assert window(2, latest=1) == (1, 1)


def test_golden_choices() -> None:
    load = counts(d4=30, d5=21, d6=26, d7=21, d8=40)
    # interval 6, window 4-8; each day moved costs MOVE_COST (2) cards: 34, 23, 26, 23, 44. Days 5 and 7
    # tie, one day off either way: the card id decides
    assert balanced_interval(6, TODAY, load, EVEN) == 5
    assert balanced_interval(6, TODAY, load, ODD) == 7
    # one card fewer a day away does not pay for the move (27, 26, 27)
    assert balanced_interval(6, TODAY, counts(d4=40, d5=25, d6=26, d7=25, d8=40), EVEN) == 6
    # the fewest cards win over the nearest day (4, 26, 30, 26, 6)
    assert balanced_interval(6, TODAY, counts(d4=0, d5=24, d6=30, d7=24, d8=2), EVEN) == 4
    # under MIN_PILE (20) cards on its own day a card keeps it: no pile to spread
    assert balanced_interval(6, TODAY, counts(d6=19), EVEN) == 6
    assert balanced_interval(6, TODAY, counts(d6=20), EVEN) == 5
    assert balanced_interval(15, TODAY, {}, ODD) == 15
    # a day outside the window never wins, however empty
    assert balanced_interval(6, TODAY, counts(d3=0, d4=40, d5=40, d6=40, d7=40, d8=40, d9=0), EVEN) == 6
    # a cap (an exam date) keeps the day at or before it
    capped = counts(d13=30, d14=30, d15=30, d16=0, d17=0)
    assert balanced_interval(15, TODAY, capped, ODD) == 16
    assert balanced_interval(15, TODAY, capped, ODD, latest=15) == 15
    assert balanced_interval(15, TODAY, counts(d13=0, d14=30, d15=30), ODD, latest=15) == 13


def test_balance_due_moves_only_the_due_date() -> None:
    state = CardState(reps=3, interval=15, ef=2.5, due=TODAY + timedelta(days=15))
    moved = balance_due(state, TODAY, counts(d13=0, d14=30, d15=30, d16=30, d17=30), EVEN)
    assert moved.due == TODAY + timedelta(days=13) and moved.interval == 15 and moved.reps == 3
    failed = CardState(reps=0, interval=1, due=TODAY + timedelta(days=1))
    assert balance_due(failed, TODAY, counts(d1=500), EVEN) == failed  # tomorrow stays tomorrow
    assert balance_due(CardState(), TODAY, {}, EVEN) == CardState()  # never answered: no due date
    capped = balance_due(state, TODAY, {}, EVEN, latest=TODAY + timedelta(days=10))
    assert capped.due == TODAY + timedelta(days=10)


@given(
    interval=st.integers(1, 200),
    earliest=st.integers(1, 10),
    latest=st.one_of(st.none(), st.integers(1, 250)),
    load=st.lists(st.integers(0, 60), min_size=260, max_size=260),
    card_id=st.text(min_size=1, max_size=12),
)
def test_choice_is_inside_the_window_and_the_lightest(
    interval: int, earliest: int, latest: int | None, load: list[int], card_id: str
) -> None:
    due = {TODAY + timedelta(days=i): n for i, n in enumerate(load)}
    lo, hi = window(interval, earliest, latest)
    days = balanced_interval(interval, TODAY, due, card_id, earliest, latest)
    assert lo <= days <= hi
    assert days >= earliest and (latest is None or days <= max(earliest, latest))
    if interval < 3 or interval > MAX_BALANCED:
        assert lo == hi  # young and far cards do not move (within the caller's bounds)
    elif latest is None and interval >= earliest:
        assert lo <= interval <= hi and hi - lo <= 2 * (1 + 0.05 * interval + 1.975)
    own = min(max(interval, lo), hi)

    def load(d: int) -> int:
        return due[TODAY + timedelta(days=d)]

    assert load(days) <= load(own)  # never to a busier day
    if load(own) < MIN_PILE:
        assert days == own
    else:  # the lightest day, each day moved counting as MOVE_COST cards
        cost = load(days) + MOVE_COST * abs(days - interval)
        assert cost == min(load(d) + MOVE_COST * abs(d - interval) for d in range(lo, hi + 1))
        # ties: fewest days moved, then the card's own side (a CRC-32 bit), the first such day
        later_first = zlib.crc32(card_id.encode()) & 1
        assert days == min(
            range(lo, hi + 1),
            key=lambda d: (
                load(d) + MOVE_COST * abs(d - interval),
                abs(d - interval),
                (d > interval) != bool(later_first),
            ),
        )
    assert days == balanced_interval(interval, TODAY, due, card_id, earliest, latest)  # deterministic


def test_the_store_spreads_a_days_answers_and_a_switch_back_keeps_the_days(env, tmp_path) -> None:
    """Forty cards answered alike on the same days would all fall due on one day; the store's answers
    balance them over the window (its counts: one grouped query, moved on by each answer), and
    switching scheduler and back rebuilds exactly those days from the log."""
    write_bank(env, basic_cards(40))
    store = Store(f"sqlite:///{tmp_path / 'balance.db'}")
    store.sync(load_bank([Path(env["AWSPREP_BANK"])]), "fp")
    day0 = datetime(2027, 3, 1, 9, tzinfo=UTC)
    ids = [f"c{i:03d}" for i in range(40)]
    for day in (day0, day0 + timedelta(days=1)):  # I(1) = 1 day, then I(2) = 6 days: window 4-8
        for i, card_id in enumerate(ids):
            store.answer(card_id, 5, day + timedelta(seconds=i), 1000)
    dues = {s.id: s.state.due for s in store.statuses()}
    answered = day0.date() + timedelta(days=1)
    spread = Counter((due - answered).days for due in dues.values() if due is not None)
    # unbalanced, all forty would be due in 6 days; the first MIN_PILE (20) are, the others spread out
    # until a day further away costs more than the pile (MOVE_COST a day)
    assert spread == {4: 4, 5: 6, 6: 20, 7: 6, 8: 4}
    assert store.due_load(answered) == {answered + timedelta(days=d): n for d, n in spread.items()}
    store.reschedule(Policy("fsrs"), {"scheduler": "fsrs"})
    store.reschedule(Policy("sm2"), {"scheduler": "sm2"})
    assert {s.id: s.state.due for s in store.statuses()} == dues


def test_undo_suspend_and_bury_move_the_counts_the_balancer_reads(env, tmp_path) -> None:
    """The store's day counts follow an undo (the card goes back to its old day), a suspension (the card
    leaves the load) and a bury: after each, the counts equal those a fresh store reads from the cards."""
    write_bank(env, basic_cards(30))
    url = f"sqlite:///{tmp_path / 'undo.db'}"
    store = Store(url)
    store.sync(load_bank([Path(env["AWSPREP_BANK"])]), "fp")
    day0 = datetime(2027, 3, 1, 9, tzinfo=UTC)
    for day in (day0, day0 + timedelta(days=1)):
        for i in range(30):
            store.answer(f"c{i:03d}", 5, day + timedelta(seconds=i), 1000, session="s")
    today = (day0 + timedelta(days=1)).date()
    now = day0 + timedelta(days=1, hours=1)

    def fresh() -> dict[date, int]:
        return Store(url).due_load(today)

    assert store.due_load(today) == fresh()
    assert store.undo_last(now, session="s") is not None  # c029 back to its 1-day interval: due today
    assert store.due_load(today) == fresh() and sum(fresh().values()) == 29
    store.suspend("c000", now, session="s")
    assert store.due_load(today) == fresh() and sum(fresh().values()) == 28
    store.bury("c001", now, session="s")
    assert store.due_load(today) == fresh()
