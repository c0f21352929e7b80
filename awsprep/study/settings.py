"""The learner's settings: names, defaults (each number lives with the rule it feeds) and reading them.

Whole-number settings are in DEFAULTS; the others (scheduler, retention, exam date and blueprint) are in
TEXT_DEFAULTS with their own checks. Changing the scheduler or the desired retention replays every
card's review log under the new choice (`change`), so no history is lost either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from awsprep.errors import UsageError
from awsprep.sched import fit as fitting
from awsprep.sched.fsrs import DEFAULT_PARAMS, DEFAULT_RETENTION, Params
from awsprep.sched.grading import DEFAULT_TIMING, Timing
from awsprep.sched.policy import SCHEDULERS, Policy
from awsprep.sched.queue import DEFAULT_LIMITS, Limits
from awsprep.study.ports import LogEntry

DEFAULTS: dict[str, int] = {
    "new-per-day": DEFAULT_LIMITS.new_per_day,
    "reviews-per-day": DEFAULT_LIMITS.reviews_per_day,
    "quick-seconds": int(DEFAULT_TIMING.quick),
    "slow-seconds": int(DEFAULT_TIMING.slow),
}
DEFAULT_TARGET = 0.9
TEXT_DEFAULTS: dict[str, str] = {
    "scheduler": "sm2",
    "desired-retention": str(DEFAULT_RETENTION),
    "target-recall": str(DEFAULT_TARGET),
    "exam-date": "none",
    "exam-blueprint": "none",
}
FIT_KEY = "fsrs-fit"  # an action, not a value: fit FSRS weights to the learner's history
WEIGHTS_KEY = "fsrs-weights"  # where the fitted weights are kept (comma-separated)
MAX_VALUE = 100_000
RETENTION_RANGE = (0.7, 0.99)
RESCHEDULING = ("scheduler", "desired-retention")


class HasSettings(Protocol):
    def get_setting(self, key: str, default: str) -> str: ...


class SettingsStore(HasSettings, Protocol):
    def set_setting(self, key: str, value: str) -> None: ...
    def reschedule(self, policy: Policy, settings: dict[str, str]) -> int: ...
    def graded_log(self, decks: Iterable[str] | None = None) -> dict[str, list[LogEntry]]: ...


def names() -> list[str]:
    return [*DEFAULTS, *TEXT_DEFAULTS]


def _share(key: str, value: str, low: float, high: float) -> str:
    try:
        x = float(value)
    except ValueError:
        x = -1.0
    if not low <= x <= high:
        raise UsageError(f"The value of {key} must be a number from {low} to {high}, not {value!r}.")
    return str(x)


def check(key: str | None, value: str | None, blueprints: Iterable[str] = ()) -> str | None:
    """A bad setting name or value is the user's error (exit 2), said in one sentence. Returns the value
    as it is stored (normalised), or None."""
    if key is not None and key not in DEFAULTS and key not in TEXT_DEFAULTS and key != FIT_KEY:
        raise UsageError(f"Unknown setting {key!r}; the settings are: {', '.join([*names(), FIT_KEY])}.")
    if key is None or value is None:
        return None
    if key == FIT_KEY:
        raise UsageError(f"{FIT_KEY} takes no value: awsprep settings {FIT_KEY}.")
    if key in DEFAULTS:
        if not value.isdigit() or int(value) > MAX_VALUE:
            raise UsageError(
                f"The value of {key} must be a whole number from 0 to {MAX_VALUE}, not {value!r}."
            )
        return value
    if key == "scheduler":
        if value.lower() not in SCHEDULERS:
            raise UsageError(f"The scheduler must be one of {', '.join(SCHEDULERS)}, not {value!r}.")
        return value.lower()
    if key == "desired-retention":
        return _share(key, value, *RETENTION_RANGE)
    if key == "target-recall":
        return _share(key, value, 0.5, 0.99)
    if value.lower() in ("none", "off", ""):
        return "none"
    if key == "exam-date":
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise UsageError(
                f"exam-date must be a date such as 2027-01-15 (or none), not {value!r}."
            ) from None
    known = sorted(blueprints)
    if value.lower() not in known:
        raise UsageError(f"There is no blueprint {value!r}; the blueprints are: {', '.join(known)}.")
    return value.lower()


def current(store: HasSettings, key: str | None = None) -> dict[str, str]:
    everything = {**{k: str(v) for k, v in DEFAULTS.items()}, **TEXT_DEFAULTS}
    return {k: store.get_setting(k, d) for k, d in everything.items() if key is None or k == key}


def read_int(store: HasSettings, key: str) -> int:
    default = DEFAULTS[key]
    raw = store.get_setting(key, str(default))
    try:
        return int(float(raw))
    except ValueError:
        return default


def read_float(store: HasSettings, key: str) -> float:
    raw = store.get_setting(key, TEXT_DEFAULTS[key])
    try:
        return float(raw)
    except ValueError:
        return float(TEXT_DEFAULTS[key])


def limits(store: HasSettings, new: int | None = None, reviews: int | None = None) -> Limits:
    """Today's limits: the settings, or the values given for this session only."""
    return Limits(
        new_per_day=new if new is not None else read_int(store, "new-per-day"),
        reviews_per_day=reviews if reviews is not None else read_int(store, "reviews-per-day"),
    )


def timing(store: HasSettings) -> Timing:
    return Timing(quick=read_int(store, "quick-seconds"), slow=read_int(store, "slow-seconds"))


def fsrs_params(store: HasSettings, retention: float | None = None) -> Params:
    """FSRS weights (fitted ones if `settings fsrs-fit` found enough history, else the defaults) and
    the desired retention."""
    weights = DEFAULT_PARAMS.weights
    raw = store.get_setting(WEIGHTS_KEY, "")
    if raw:
        try:
            parsed = tuple(float(x) for x in raw.split(","))
            if len(parsed) == len(weights):
                weights = parsed
        except ValueError:
            pass
    return Params(weights, retention if retention is not None else read_float(store, "desired-retention"))


def policy(store: HasSettings) -> Policy:
    name = store.get_setting("scheduler", "sm2")
    return Policy(name if name in SCHEDULERS else "sm2", fsrs_params(store))


def exam_date(store: HasSettings) -> date | None:
    raw = store.get_setting("exam-date", "none")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def change(store: SettingsStore, key: str, value: str) -> str:
    """Set one (checked) setting. Scheduler and retention changes replay the log; says what happened."""
    if key not in RESCHEDULING:
        store.set_setting(key, value)
        return f"{key} = {value}"
    old = policy(store)
    name = value if key == "scheduler" else old.scheduler
    retention = float(value) if key == "desired-retention" else old.params.desired_retention
    new = Policy(name, fsrs_params(store, retention))
    if new == old:
        store.set_setting(key, value)
        return f"{key} = {value}"
    n = store.reschedule(new, {key: value})
    return f"{key} = {value} (rescheduled {n} card(s) from their review log under {new.scheduler})"


def fit(store: SettingsStore) -> str:
    """`settings fsrs-fit`: fit the initial stabilities to the learner's history, or say why not."""
    result = fitting.fit(store.graded_log().values(), fsrs_params(store))
    if not result.enough:
        return (
            f"Not enough history to fit FSRS: {result.reviews} graded reviews, {fitting.MIN_REVIEWS} needed; "
            "the default FSRS-6 parameters stay in use."
        )
    if not result.fitted:
        return (
            f"No first rating has {fitting.MIN_PAIRS} second reviews yet; the default FSRS-6 parameters "
            "stay in use."
        )
    pol = policy(store)
    new = Policy(pol.scheduler, result.params)
    weights = ",".join(f"{w:.6g}" for w in result.params.weights)
    if pol.scheduler == "fsrs":
        store.reschedule(new, {WEIGHTS_KEY: weights})
    else:
        store.set_setting(WEIGHTS_KEY, weights)
    names_ = ", ".join(("again", "hard", "good", "easy")[r - 1] for r in result.fitted)
    return (
        f"Fitted FSRS initial stabilities for first answers rated {names_} from {result.reviews} reviews: "
        + ", ".join(f"{w:.2f}" for w in result.params.weights[:4])
        + " days; they are used from now on."
    )
