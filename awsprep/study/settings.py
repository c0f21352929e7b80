"""The learner's settings: names, defaults (each number lives with the rule it feeds) and reading them."""

from __future__ import annotations

from awsprep.errors import UsageError
from awsprep.sched.grading import DEFAULT_TIMING, Timing
from awsprep.sched.queue import DEFAULT_LIMITS, Limits
from awsprep.study.ports import ReviewStore

DEFAULTS: dict[str, int] = {
    "new-per-day": DEFAULT_LIMITS.new_per_day,
    "reviews-per-day": DEFAULT_LIMITS.reviews_per_day,
    "quick-seconds": int(DEFAULT_TIMING.quick),
    "slow-seconds": int(DEFAULT_TIMING.slow),
}
MAX_VALUE = 100_000


def check(key: str | None, value: str | None) -> None:
    """A bad setting name or value is the user's error (exit 2), said in one sentence."""
    if key is not None and key not in DEFAULTS:
        raise UsageError(f"Unknown setting {key!r}; the settings are: {', '.join(DEFAULTS)}.")
    if value is not None and (not value.isdigit() or int(value) > MAX_VALUE):
        raise UsageError(f"The value of {key} must be a whole number from 0 to {MAX_VALUE}, not {value!r}.")


def read_int(store: ReviewStore, key: str) -> int:
    default = DEFAULTS[key]
    raw = store.get_setting(key, str(default))
    try:
        return int(float(raw))
    except ValueError:
        return default


def limits(store: ReviewStore, new: int | None = None, reviews: int | None = None) -> Limits:
    """Today's limits: the settings, or the values given for this session only."""
    return Limits(
        new_per_day=new if new is not None else read_int(store, "new-per-day"),
        reviews_per_day=reviews if reviews is not None else read_int(store, "reviews-per-day"),
    )


def timing(store: ReviewStore) -> Timing:
    return Timing(quick=read_int(store, "quick-seconds"), slow=read_int(store, "slow-seconds"))
