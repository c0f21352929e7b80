"""Load balancing of due dates: among the days a new interval allows, the one with the fewest cards due.

In the manner of Anki's load balancer (Anki 24.11, after the FSRS helper add-on's "load balance"): a
review's interval may move within its fuzz window, and the day with the fewest cards already due in
that window is taken instead of a random one. Pure: the per-day counts come in (the store groups the
due dates in one query), so the same inputs always give the same day and the tests are golden.

* **The window** (`window`): Anki's fuzz ranges. No move under 2.5 days (a failed card comes back
  tomorrow, a young one on its day); above, one day plus 15% of the part of the interval between 2.5
  and 7 days, 10% of the part between 7 and 20 and 5% of the part beyond, rounded to whole days, never
  below `earliest` nor past `latest` (a caller's constraint: a learning need, an exam date). Intervals
  over `MAX_BALANCED` days are not moved (far out, spreading buys little; Anki stops at 90 too).
* **The choice** (`balanced_interval`): the fewest cards due, where each day moved counts as
  MOVE_COST more cards: a card leaves its own day only to spare a real pile, not for one card more
  (Anki moves for any difference; here that made the days drift, later when the load falls, and
  cost recall for no flatter load: docs/scheduling.md). On a tie the day nearest the interval; on a
  tie between one day earlier and one day later, the card id decides (a CRC-32 bit), so cards tied
  on the same days do not all go the same way, and a card always goes the same way. A day with
  fewer than MIN_PILE cards due is no pile: the card keeps it (a small deck sees SM-2's and FSRS's
  own days, as the CLI tests pin them).
* Only `due` moves (`balance_due`): the scheduler's `interval` stays its own, so SM-2's I(n) chain and
  FSRS's memory are untouched, and the day actually taken is what the learner sees.
"""

from __future__ import annotations

import functools
import math
import zlib
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

from awsprep.sched.sm2 import CardState

FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, float("inf"), 0.05))
MAX_BALANCED = 90  # days: longer intervals are not moved
MOVE_COST = 2  # cards: what moving one day away from the interval counts as
MIN_PILE = 20  # cards due on the interval's day below which nothing moves: no pile to spread
LOAD_DAYS = 100  # the days ahead whose counts a balanced day can need (90 days and their window)


def window(interval: int, earliest: int = 1, latest: int | None = None) -> tuple[int, int]:
    """The intervals (days, both ends included) a balanced `interval` may take."""
    top = max(earliest, latest) if latest is not None else None
    base = max(interval, earliest) if top is None else min(max(interval, earliest), top)
    if interval < FUZZ_RANGES[0][0] or interval > MAX_BALANCED:
        return base, base
    delta = 1.0 + sum(f * max(0.0, min(interval, end) - start) for start, end, f in FUZZ_RANGES)
    lo = max(earliest, math.floor(interval - delta + 0.5))  # rounded half up, as Anki
    hi = math.floor(interval + delta + 0.5)
    hi = hi if top is None else min(top, hi)
    return (lo, hi) if lo <= hi else (base, base)


def balanced_interval(
    interval: int,
    today: date,
    due_counts: Mapping[date, int],
    card_id: str,
    earliest: int = 1,
    latest: int | None = None,
) -> int:
    """The interval in `window(interval, earliest, latest)` whose day has the fewest cards due, each
    day away from `interval` counting as MOVE_COST cards more."""
    lo, hi = _window(interval, earliest, latest)
    own = min(max(interval, lo), hi)
    if due_counts.get(today + timedelta(days=own), 0) < MIN_PILE:
        return own
    later_first = bool(zlib.crc32(card_id.encode()) & 1)
    # the first day of the window with the smallest (cost, days moved, side), as min(range, key=...)
    best, best_key, day = lo, None, today + timedelta(days=lo)
    for days in range(lo, hi + 1):
        moved = abs(days - interval)
        side = int((days > interval) != later_first)  # 0 for the side this card prefers on a tie
        key = (due_counts.get(day, 0) + MOVE_COST * moved, moved, side)
        if best_key is None or key < best_key:
            best, best_key = days, key
        day += _ONE_DAY
    return best


_ONE_DAY = timedelta(days=1)
_window = functools.lru_cache(maxsize=4096)(window)  # pure, on small ints: asked once per answer


def balance_due(
    state: CardState, today: date, due_counts: Mapping[date, int], card_id: str, latest: date | None = None
) -> CardState:
    """`state` (just rescheduled on `today`) with its due day balanced; `latest` caps the day."""
    if state.due is None or state.due <= today:
        return state
    interval = (state.due - today).days
    cap = None if latest is None else max(1, (latest - today).days)
    days = balanced_interval(interval, today, due_counts, card_id, latest=cap)
    return state if days == interval else replace(state, due=today + timedelta(days=days))


def keep_given_day(state: CardState, answered_on: date, given: date) -> CardState:
    """A state rebuilt from the log (a scheduler switch) keeps the day the answer on `answered_on` gave
    (`given`, balanced then) when the rebuilt interval's window allows it; so switching back gives
    exactly the day staying would have kept."""
    if state.due is None:
        return state
    lo, hi = window((state.due - answered_on).days)
    return replace(state, due=given) if lo <= (given - answered_on).days <= hi else state
