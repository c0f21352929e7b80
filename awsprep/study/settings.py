"""The learner's settings: names, defaults (each number lives with the rule it feeds), checking and reading.

Each setting is a `Spec`: its default (as stored, a string), what it means, and a parser that turns the
stored text into its value or raises ValueError with the reason. `awsprep settings` lists them all;
`settings --json` gives each value parsed (numbers as numbers).

Changing the scheduler or the desired retention replays every card's review log under the new choice
(`change`), so no history is lost either way; `fit` (`settings fsrs-fit`) fits FSRS to the history.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from awsprep.errors import UsageError
from awsprep.sched.fsrs import DEFAULT_PARAMS, DEFAULT_RETENTION, Params
from awsprep.sched.grading import DEFAULT_TIMING, Timing
from awsprep.sched.plan import ExamPlan
from awsprep.sched.policy import SCHEDULERS, Policy
from awsprep.sched.queue import DEFAULT_LIMITS, Limits
from awsprep.study.ports import LogEntry

MAX_VALUE = 100_000
DEFAULT_EXAM_DECK = "dva-c02"  # the bundled deck studied until the learner picks others
EXAM_DECKS = ("clf-c02", "dva-c02", "saa-c03")  # bundled decks named after their exam
_DECK_NAME = re.compile(r"^[A-Za-z0-9._-]+$")
DEFAULT_TARGET = 0.9
RETENTION_RANGE = (0.7, 0.99)
TARGET_RANGE = (0.5, 0.99)
FIT_KEY = "fsrs-fit"  # an action, not a value: fit FSRS weights to the learner's history
WEIGHTS_KEY = "fsrs-weights"  # where fitted weights are kept (comma-separated); not shown as a setting
RESCHEDULING = ("scheduler", "desired-retention")
NONE = ("none", "off")


class HasSettings(Protocol):
    def get_setting(self, key: str, default: str) -> str: ...


class SettingsStore(HasSettings, Protocol):
    def set_setting(self, key: str, value: str) -> None: ...
    def reschedule(self, policy: Policy, settings: dict[str, str]) -> int: ...
    def graded_log(self, decks: Iterable[str] | None = None) -> dict[str, list[LogEntry]]: ...


def whole_number(text: str) -> int:
    if not text.isdigit() or int(text) > MAX_VALUE:
        raise ValueError(f"must be a whole number from 0 to {MAX_VALUE}, not {text!r}")
    return int(text)


def deck_list(text: str) -> str | list[str]:
    """'all', 'default', or deck names separated by commas."""
    if text.strip().lower() in ("all", "default"):
        return text.strip().lower()
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names or not all(_DECK_NAME.match(n) for n in names):
        raise ValueError(f"must be all, default or deck names separated by commas, not {text!r}")
    return names


def scheduler_name(text: str) -> str:
    if text.strip().lower() not in SCHEDULERS:
        raise ValueError(f"must be one of {', '.join(SCHEDULERS)}, not {text!r}")
    return text.strip().lower()


def share_between(low: float, high: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            x = float(text)
        except ValueError:
            x = -1.0
        if not low <= x <= high:
            raise ValueError(f"must be a number from {low} to {high}, not {text!r}")
        return x

    return parse


def optional_date(text: str) -> date | None:
    if text.strip().lower() in NONE:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"must be a date such as 2027-01-15 (or none), not {text!r}") from None


def blueprint_code(text: str) -> str | None:
    """A blueprint's code (dva-c02) or none; that it exists is checked against the blueprints in `check`."""
    if text.strip().lower() in NONE:
        return None
    if not _DECK_NAME.match(text.strip()):
        raise ValueError(f"must be a blueprint code such as dva-c02 (or none), not {text!r}")
    return text.strip().lower()


@dataclass(frozen=True)
class Spec:
    default: str
    meaning: str
    parse: Callable[[str], Any]


SPECS: dict[str, Spec] = {
    "new-per-day": Spec(
        str(DEFAULT_LIMITS.new_per_day), "new cards introduced per day from each deck", whole_number
    ),
    "new-total-per-day": Spec(
        str(DEFAULT_LIMITS.new_total_per_day),
        "new cards introduced per day from all decks together",
        whole_number,
    ),
    "reviews-per-day": Spec(str(DEFAULT_LIMITS.reviews_per_day), "reviews per day at most", whole_number),
    "quick-seconds": Spec(str(int(DEFAULT_TIMING.quick)), "a typed answer this fast grades 5", whole_number),
    "slow-seconds": Spec(str(int(DEFAULT_TIMING.slow)), "a typed answer slower grades 3", whole_number),
    "active-decks": Spec(
        "default",
        f"decks studied by review: 'all', or names separated by commas; by default {DEFAULT_EXAM_DECK} "
        "and every imported deck",
        deck_list,
    ),
    "scheduler": Spec("sm2", "sm2 (the default) or fsrs; switching replays the review log", scheduler_name),
    "desired-retention": Spec(
        str(DEFAULT_RETENTION),
        "FSRS: the recall probability at which a card falls due",
        share_between(*RETENTION_RANGE),
    ),
    "target-recall": Spec(
        str(DEFAULT_TARGET),
        "exam plan: predicted recall every card should have on exam day",
        share_between(*TARGET_RANGE),
    ),
    "exam-date": Spec("none", "the exam day (YYYY-MM-DD): plans reviews and ready's estimate", optional_date),
    "exam-blueprint": Spec("none", "the exam taken on exam-date, e.g. dva-c02", blueprint_code),
}


def check(key: str | None, value: str | None, blueprints: Iterable[str] = ()) -> None:
    """A bad setting name or value is the user's error (exit 2), said in one sentence."""
    if key == FIT_KEY:
        if value is not None:
            raise UsageError(f"{FIT_KEY} takes no value: awsprep settings {FIT_KEY}.")
        return
    if key is not None and key not in SPECS:
        raise UsageError(f"Unknown setting {key!r}; the settings are: {', '.join([*SPECS, FIT_KEY])}.")
    if key is not None and value is not None:
        try:
            parsed = SPECS[key].parse(value)
        except ValueError as exc:
            raise UsageError(f"The value of {key} {exc}.") from None
        known = sorted(blueprints)
        if key == "exam-blueprint" and parsed is not None and parsed not in known:
            raise UsageError(f"There is no blueprint {value!r}; the blueprints are: {', '.join(known)}.")


def value(store: HasSettings, key: str) -> Any:
    """The setting's value, parsed; a stored value that no longer parses counts as the default."""
    spec = SPECS[key]
    try:
        return spec.parse(store.get_setting(key, spec.default))
    except ValueError:
        return spec.parse(spec.default)


def read_int(store: HasSettings, key: str) -> int:
    return int(value(store, key))


def limits(store: HasSettings, more_new: int | None = None, reviews: int | None = None) -> Limits:
    """Today's limits: the settings; `more_new` (review --new N) asks for N more new cards today, and
    `reviews` replaces the review limit, for this session only."""
    return Limits(
        new_per_day=read_int(store, "new-per-day"),
        reviews_per_day=reviews if reviews is not None else read_int(store, "reviews-per-day"),
        new_total_per_day=read_int(store, "new-total-per-day"),
        more_new=more_new,
    )


def timing(store: HasSettings) -> Timing:
    return Timing(quick=read_int(store, "quick-seconds"), slow=read_int(store, "slow-seconds"))


def active_decks(store: HasSettings, known: Iterable[str]) -> list[str] | None:
    """The decks review studies when no --deck is given; None means every deck.

    By default: the DVA-C02 bundled deck and every deck that is not a bundled exam deck (the learner's
    own imports), so a Developer Associate learner is not handed Cloud Practitioner cards."""
    chosen: str | list[str] = value(store, "active-decks")
    decks = sorted(known)
    if chosen == "all":
        return None
    if chosen == "default":
        return [d for d in decks if d == DEFAULT_EXAM_DECK or d not in EXAM_DECKS]
    return [d for d in decks if d in chosen]


def fsrs_params(store: HasSettings, retention: float | None = None) -> Params:
    """FSRS weights (fitted ones once `settings fsrs-fit` found enough history, else the FSRS-6
    defaults) and the desired retention."""
    weights = DEFAULT_PARAMS.weights
    raw = store.get_setting(WEIGHTS_KEY, "")
    if raw:
        try:
            parsed = tuple(float(x) for x in raw.split(","))
            if len(parsed) == len(weights):
                weights = parsed
        except ValueError:
            pass
    return Params(weights, retention if retention is not None else float(value(store, "desired-retention")))


def policy(store: HasSettings) -> Policy:
    return Policy(str(value(store, "scheduler")), fsrs_params(store))


def change(store: SettingsStore, key: str, text: str) -> str | None:
    """Set one (checked) setting. Scheduler and retention changes replay the log and say so."""
    if key not in RESCHEDULING:
        store.set_setting(key, text)
        return None
    old = policy(store)
    name = scheduler_name(text) if key == "scheduler" else old.scheduler
    retention = float(text) if key == "desired-retention" else old.params.desired_retention
    new = Policy(name, fsrs_params(store, retention))
    if new == old:
        store.set_setting(key, text)
        return None
    n = store.reschedule(new, {key: text})
    return f"{key} {text}: rescheduled {n} card(s) from their review log under {new.scheduler}."


def fit(store: SettingsStore) -> str:
    """`settings fsrs-fit`: fit the initial stabilities to the learner's history, or say why not."""
    from awsprep.sched import fit as fitting  # only this command fits

    result = fitting.fit(store.graded_log().values(), fsrs_params(store))
    if not result.enough:
        return (
            f"Not enough history to fit FSRS: {result.reviews} graded reviews, {fitting.MIN_REVIEWS} "
            "needed; the default FSRS-6 parameters stay in use."
        )
    if not result.fitted:
        return (
            f"No first rating has {fitting.MIN_PAIRS} second reviews yet; the default FSRS-6 parameters "
            "stay in use."
        )
    pol = policy(store)
    weights = ",".join(f"{w:.6g}" for w in result.params.weights)
    if pol.scheduler == "fsrs":
        store.reschedule(Policy(pol.scheduler, result.params), {WEIGHTS_KEY: weights})
    else:
        store.set_setting(WEIGHTS_KEY, weights)
    names = ", ".join(("again", "hard", "good", "easy")[r - 1] for r in result.fitted)
    return (
        f"Fitted FSRS initial stabilities for first answers rated {names} from {result.reviews} reviews: "
        + ", ".join(f"{w:.2f}" for w in result.params.weights[:4])
        + " days; they are used from now on."
    )


def exam_plan(store: HasSettings, today: date) -> ExamPlan | None:
    """The exam-date plan while it runs (up to and including exam day); None without a date or after it."""
    day = value(store, "exam-date")
    if day is None:
        return None
    plan = ExamPlan(day, float(value(store, "target-recall")), fsrs_params(store))
    return plan if plan.active(today) else None
