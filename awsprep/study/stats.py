"""`awsprep stats`: every figure, computed from what the store counted, with `today` handed in.

Pure: no clock, no I/O. The store does the counting that would otherwise walk every review-log row in
Python (`DayTally`: each day's answers by kind; `TimeBucket`: a histogram of answer times; `CardTally`,
`DueTally`: the cards by domain and level, and by due day; `DomainTally`: answers to questions by
domain); this module turns those counts and the exam attempts into the figures the learner sees.

Definitions (Anki's where Anki has one):
- a *review* is an answer to a card that had been seen before and was due: neither the first showing
  of a new card nor a same-day drill repeat;
- *mature* means an interval of `MATURE_DAYS` (21) days or more (before the answer, for a review);
  *young* less;
- an answer *passes* with an SM-2 grade of 3 or more (`sched.sm2.PASS_GRADE`);
- *true retention* is the share of reviews passed, young and mature apart (Anki's "True Retention");
- *daily load* is the sum over reviewed, unsuspended cards of 1 / interval: the reviews per day the
  current intervals imply (Anki's future-due "daily load").
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from awsprep.bank.models import QUESTION_TYPES
from awsprep.exam.blueprint import Blueprint
from awsprep.exam.scoring import Trend, trends
from awsprep.sched.fsrs import DEFAULT_PARAMS, Params, retrievability
from awsprep.sched.sm2 import PASS_GRADE
from awsprep.study.ports import (
    AttemptInfo,
    CardTally,
    DayTally,
    DomainTally,
    DueTally,
    RecallTally,
    StatsReader,
    TimeBucket,
)

MATURE_DAYS = 21
FUTURE_DAYS = 30
DEFAULT_DAYS = 91  # history shown by default: thirteen weeks
RETENTION_WINDOWS: tuple[tuple[str, int], ...] = (("day", 1), ("week", 7), ("month", 30), ("year", 365))
MASTERY_LEVELS = ("new", "learning", "mature")


def _r(value: float | None, places: int = 3) -> float | None:
    return None if value is None else round(value, places)


# --- future due ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FutureDue:
    """Cards due on each of the coming days, the overdue ones apart, and the daily load."""

    today: date
    overdue: int  # due before today
    per_day: tuple[int, ...]  # due on today + i, i = 0 .. FUTURE_DAYS - 1
    daily_load: int
    plan_exam: date | None = None  # while an exam-date plan runs: its exam day
    plan_today: int = 0  # and the cards today's review asks (the plan skips due cards exam day does not need)

    @property
    def total(self) -> int:
        return self.overdue + sum(self.per_day)

    @property
    def tomorrow(self) -> int:
        return self.per_day[1] if len(self.per_day) > 1 else 0

    @property
    def average(self) -> float:
        """Reviews per day over the coming days, the backlog included (it is due today)."""
        return self.total / len(self.per_day) if self.per_day else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "overdue": self.overdue,
            "days": [
                {"date": (self.today + timedelta(days=i)).isoformat(), "due": n}
                for i, n in enumerate(self.per_day)
            ],
            "total": self.total,
            "tomorrow": self.tomorrow,
            "average_per_day": round(self.average, 1),
            "daily_load": self.daily_load,
            "plan": (
                {"exam_date": self.plan_exam.isoformat(), "cards_today": self.plan_today}
                if self.plan_exam is not None
                else None
            ),
        }


def future_due(dues: Iterable[DueTally], today: date, days: int = FUTURE_DAYS) -> FutureDue:
    """Cards due per day from today on (the store leaves out new and suspended cards), the overdue ones
    apart (a card buried today is not due today), and the daily load."""
    per_day = [0] * days
    overdue = 0
    load = 0.0
    for t in dues:
        load += t.load
        offset = (t.due - today).days
        n = t.count - t.buried if offset <= 0 else t.count
        if offset < 0:
            overdue += n
        elif offset < days:
            per_day[offset] += n
    return FutureDue(today, overdue, tuple(per_day), int(load + 1e-9))


# --- calendar: reviews per day and streaks -------------------------------------------------------


@dataclass(frozen=True)
class Calendar:
    """Answers per day for the heatmap, with the streaks counted from them."""

    first: date  # first day shown
    today: date
    counts: dict[date, int]  # answers per day, over the whole history
    current_streak: int
    longest_streak: int
    longest_end: date | None

    @property
    def days(self) -> list[tuple[date, int]]:
        n = (self.today - self.first).days + 1
        return [(d, self.counts.get(d, 0)) for d in (self.first + timedelta(days=i) for i in range(n))]

    @property
    def started(self) -> date | None:
        """The first day with an answer, ever."""
        return min(self.counts) if self.counts else None

    def missed(self, day: date) -> bool:
        """A day without answers after studying began (today is not over, so it is never missed)."""
        start = self.started
        return start is not None and start <= day < self.today and not self.counts.get(day)

    @property
    def missed_days(self) -> int:
        return sum(1 for d, _ in self.days if self.missed(d))

    @property
    def active_days(self) -> int:
        return sum(1 for _, n in self.days if n)

    def as_json(self) -> dict[str, Any]:
        shown = self.days
        return {
            "from": self.first.isoformat(),
            "to": self.today.isoformat(),
            "days": [{"date": d.isoformat(), "reviews": n, "missed": self.missed(d)} for d, n in shown],
            "reviews": sum(n for _, n in shown),
            "active_days": self.active_days,
            "missed_days": self.missed_days,
            "current_streak": self.current_streak,
            "longest_streak": self.longest_streak,
            "longest_streak_end": self.longest_end.isoformat() if self.longest_end else None,
        }


def streaks(active: Iterable[date], today: date) -> tuple[int, int, date | None]:
    """(current streak, longest streak, last day of the longest). The current streak counts the days in
    a row with answers up to today, or up to yesterday while today has none yet (the day is not over)."""
    days = sorted({d for d in active if d <= today})
    longest, longest_end, run, prev = 0, None, 0, None
    for d in days:
        run = run + 1 if prev is not None and (d - prev).days == 1 else 1
        if run >= longest:
            longest, longest_end = run, d
        prev = d
    current = 0
    have = set(days)
    day = today if today in have else today - timedelta(days=1)
    while day in have:
        current += 1
        day -= timedelta(days=1)
    return current, longest, longest_end


def calendar(tallies: Iterable[DayTally], today: date, days: int = DEFAULT_DAYS) -> Calendar:
    counts: Counter[date] = Counter()
    for t in tallies:
        counts[t.day] += t.answers
    active = {d for d, n in counts.items() if n}
    current, longest, end = streaks(active, today)
    return Calendar(today - timedelta(days=days - 1), today, dict(counts), current, longest, end)


# --- true retention ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """Reviews passed and failed in one group and window."""

    passed: int = 0
    failed: int = 0

    @property
    def total(self) -> int:
        return self.passed + self.failed

    @property
    def share(self) -> float | None:
        return self.passed / self.total if self.total else None

    def __add__(self, other: Rate) -> Rate:
        return Rate(self.passed + other.passed, self.failed + other.failed)

    def as_json(self) -> dict[str, Any]:
        return {"passed": self.passed, "failed": self.failed, "retention": _r(self.share)}


@dataclass(frozen=True)
class Retention:
    """True retention in one window: young, mature and all reviews."""

    window: str
    days: int
    young: Rate
    mature: Rate

    @property
    def all(self) -> Rate:
        return self.young + self.mature

    def as_json(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "young": self.young.as_json(),
            "mature": self.mature.as_json(),
            "all": self.all.as_json(),
        }


def retention(tallies: Sequence[DayTally], today: date) -> list[Retention]:
    """True retention over the windows that end today (the last day, 7, 30 and 365 days)."""
    out = []
    for name, n in RETENTION_WINDOWS:
        start = today - timedelta(days=n - 1)
        young, mature = Rate(), Rate()
        for t in tallies:
            if start <= t.day <= today:
                young += Rate(t.young_passed, t.young_failed)
                mature += Rate(t.mature_passed, t.mature_failed)
        out.append(Retention(name, n, young, mature))
    return out


# --- mastery per exam domain ---------------------------------------------------------------------


def level(t: CardTally) -> str:
    """new (never answered), learning (interval under 21 days) or mature."""
    return "new" if t.new else ("mature" if t.mature else "learning")


@dataclass
class DomainMastery:
    """One exam domain's cards and questions by state, accuracy and predicted recall."""

    key: str
    name: str
    weight: float
    cards: Counter[str] = field(default_factory=Counter)  # basic / cloze cards by level
    questions: Counter[str] = field(default_factory=Counter)  # mcq / numeric by level
    answered: Rate = Rate()  # answers to questions: reviews and mock exams
    recall: float | None = None  # mean FSRS predicted recall today of the cards studied (None: none)

    @property
    def items(self) -> int:
        return sum(self.cards.values()) + sum(self.questions.values())

    @property
    def mature_share(self) -> float:
        n = self.items
        return (self.cards["mature"] + self.questions["mature"]) / n if n else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "weight": round(100 * self.weight, 1),
            "cards": {k: self.cards[k] for k in MASTERY_LEVELS},
            "questions": {k: self.questions[k] for k in MASTERY_LEVELS},
            "mature_share": round(self.mature_share, 3),
            "question_answers": self.answered.total,
            "question_correct": self.answered.passed,
            "accuracy": _r(self.answered.share),
            "predicted_recall": _r(self.recall),
        }


def choose_blueprint(cards: Iterable[CardTally], blueprints: dict[str, Blueprint]) -> Blueprint | None:
    """The blueprint whose domains hold the most of these cards (ties: the first by code)."""
    if not blueprints:
        return None
    counts: Counter[str] = Counter()
    for t in cards:
        if t.domain:
            counts[t.domain] += t.count
    return max(
        sorted(blueprints.values(), key=lambda b: b.key),
        key=lambda b: sum(counts[k] for k in b.domain_keys),
    )


def mastery(
    cards: Iterable[CardTally],
    answers: Iterable[DomainTally],
    blueprint: Blueprint,
    recalls: Iterable[RecallTally] = (),
    today: date | None = None,
    params: Params = DEFAULT_PARAMS,
) -> list[DomainMastery]:
    """Per domain of the blueprint: cards and questions by level, and accuracy on questions (answers in
    review and in mock exams); weakest first: the smallest mature share, then the lowest accuracy, then
    the heavier domain."""
    rows = {d.key: DomainMastery(d.key, d.name, d.weight) for d in blueprint.domains}
    for t in cards:
        row = rows.get(t.domain or "")
        if row is not None:
            (row.questions if t.card_type in QUESTION_TYPES else row.cards)[level(t)] += t.count
    for a in answers:
        row = rows.get(a.domain or "")
        if row is not None:
            row.answered += Rate(a.passed, a.failed)

    sums: defaultdict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for r in recalls:
        if today is not None and (r.domain or "") in rows:
            share = retrievability(r.stability, (today - r.last_day).days, params)
            sums[r.domain or ""][0] += share * r.count
            sums[r.domain or ""][1] += r.count
    for key, (total, n) in sums.items():
        rows[key].recall = total / n if n else None

    def weakness(m: DomainMastery) -> tuple[float, float, float]:
        share = m.answered.share
        return (m.mature_share, 2.0 if share is None else share, -m.weight)

    return sorted(rows.values(), key=weakness)


# --- answer time ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerTime:
    """Median answer time by card type and minutes answering per day."""

    medians: dict[str, float]  # card type -> median seconds per answer
    answers: dict[str, int]  # card type -> answers with a time
    minutes: tuple[tuple[date, float], ...]  # minutes answering per day, the days shown

    @property
    def total_minutes(self) -> float:
        return sum(m for _, m in self.minutes)

    studied_days: int = 0  # days shown with at least one answer

    @property
    def average_minutes(self) -> float | None:
        """Minutes per day on the days studied."""
        return self.total_minutes / self.studied_days if self.studied_days else None

    def as_json(self) -> dict[str, Any]:
        return {
            "median_seconds": {k: round(v, 1) for k, v in self.medians.items()},
            "answers": dict(self.answers),
            "minutes_per_day": [{"date": d.isoformat(), "minutes": round(m, 1)} for d, m in self.minutes],
            "total_minutes": round(self.total_minutes, 1),
            "average_minutes_per_active_day": _r(self.average_minutes, 1),
        }


def histogram_median(buckets: Iterable[tuple[int, int]]) -> float:
    """The median of values given as (value, how many), as statistics.median would give it."""
    pairs = sorted((v, n) for v, n in buckets if n > 0)
    total = sum(n for _, n in pairs)
    if not total:
        raise ValueError("no values")
    wanted = [(total - 1) // 2, total // 2]  # 0-based ranks of the middle value(s)
    found: list[int] = []
    seen = 0
    for value, n in pairs:
        while wanted and wanted[0] < seen + n:
            found.append(value)
            wanted.pop(0)
        seen += n
    return statistics.fmean(found)


def answer_time(
    tallies: Iterable[DayTally], buckets: Iterable[TimeBucket], today: date, days: int = DEFAULT_DAYS
) -> AnswerTime:
    """Median seconds per answer by card type (from the store's histogram of response times over the
    days shown) and minutes spent answering per day."""
    by_type: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    for b in buckets:
        by_type[b.card_type].append((b.ms, b.count))
    medians = {t: histogram_median(v) / 1000 for t, v in sorted(by_type.items())}
    answers = {t: sum(n for _, n in v) for t, v in sorted(by_type.items())}
    first = today - timedelta(days=days - 1)
    ms: Counter[date] = Counter()
    studied: set[date] = set()
    for t in tallies:
        if first <= t.day <= today:
            ms[t.day] += t.ms
            if t.answers:
                studied.add(t.day)
    minutes = tuple(
        (first + timedelta(days=i), ms.get(first + timedelta(days=i), 0) / 60_000) for i in range(days)
    )
    return AnswerTime(medians, answers, minutes, len(studied))


# --- mock exams ----------------------------------------------------------------------------------


def is_full_length(attempt: AttemptInfo, blueprints: dict[str, Blueprint]) -> bool:
    """A submitted, timed attempt with the blueprint's full number of questions: the dress rehearsals
    whose scores make a trend (a short or untimed attempt is listed, never mixed in)."""
    bp = blueprints.get(attempt.blueprint)
    return (
        bp is not None
        and attempt.status == "submitted"
        and attempt.mode == "timed"
        and attempt.total >= bp.questions
        and attempt.scaled_score is not None
    )


def exam_trends(attempts: Iterable[AttemptInfo], blueprints: dict[str, Blueprint]) -> list[Trend]:
    """The scaled-score trend per blueprint over full-length attempts, in the order they were taken."""
    full = [a for a in attempts if is_full_length(a, blueprints)]
    return trends([(a.blueprint.upper(), a.scaled_score or 0) for a in full])


def attempt_json(a: AttemptInfo, blueprints: dict[str, Blueprint]) -> dict[str, Any]:
    """The `exam history --json` record, and whether the attempt counts in the trend."""
    return {**a.as_json(), "full_length": is_full_length(a, blueprints)}


@dataclass(frozen=True)
class MockExams:
    """The mock-exam attempts: full-length ones (the trend) and the rest."""

    full_length: tuple[AttemptInfo, ...]
    other: tuple[AttemptInfo, ...]  # short, untimed, open or abandoned attempts
    trends: tuple[Trend, ...]


def mock_exams(attempts: Sequence[AttemptInfo], blueprints: dict[str, Blueprint]) -> MockExams:
    full = tuple(a for a in attempts if is_full_length(a, blueprints))
    other = tuple(a for a in attempts if not is_full_length(a, blueprints))
    return MockExams(full, other, tuple(exam_trends(attempts, blueprints)))


# --- everything ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    """Every figure `awsprep stats` shows."""

    today: date
    decks: list[str] | None
    future: FutureDue
    calendar: Calendar
    retention: list[Retention]
    blueprint: Blueprint | None
    domains: list[DomainMastery]
    times: AnswerTime
    exams: MockExams
    blueprints: dict[str, Blueprint]
    cards: int

    def as_json(self) -> dict[str, Any]:
        bp = self.blueprint
        return {
            "today": self.today.isoformat(),
            "decks": self.decks,
            "cards": self.cards,
            "future_due": self.future.as_json(),
            "calendar": self.calendar.as_json(),
            "retention": {r.window: r.as_json() for r in self.retention},
            "domains": {
                "blueprint": bp.code if bp else None,
                "rows": [d.as_json() for d in self.domains],
            },
            "answer_time": self.times.as_json(),
            "exams": {
                "trend": [t.as_json() for t in self.exams.trends],
                "full_length": [attempt_json(a, self.blueprints) for a in self.exams.full_length],
                "other": [attempt_json(a, self.blueprints) for a in self.exams.other],
            },
        }


def compute(
    today: date,
    cards: Sequence[CardTally],
    dues: Sequence[DueTally],
    tallies: Sequence[DayTally],
    buckets: Sequence[TimeBucket],
    answers: Sequence[DomainTally],
    attempts: Sequence[AttemptInfo],
    blueprints: dict[str, Blueprint],
    blueprint: Blueprint | None = None,
    days: int = DEFAULT_DAYS,
    decks: list[str] | None = None,
    recalls: Sequence[RecallTally] = (),
    params: Params = DEFAULT_PARAMS,
) -> Stats:
    bp = blueprint or choose_blueprint(cards, blueprints)
    return Stats(
        today=today,
        decks=decks,
        future=future_due(dues, today),
        calendar=calendar(tallies, today, days),
        retention=retention(tallies, today),
        blueprint=bp,
        domains=mastery(cards, answers, bp, recalls, today, params) if bp else [],
        times=answer_time(tallies, buckets, today, days),
        exams=mock_exams(attempts, blueprints),
        blueprints=blueprints,
        cards=sum(t.count for t in cards),
    )


def gather(
    reader: StatsReader,
    attempts: Sequence[AttemptInfo],
    today: date,
    blueprints: dict[str, Blueprint],
    blueprint: Blueprint | None = None,
    days: int = DEFAULT_DAYS,
    decks: list[str] | None = None,
    params: Params = DEFAULT_PARAMS,
) -> Stats:
    """Read every count in one snapshot and compute the figures: the `stats` use case."""
    with reader.snapshot():
        return compute(
            today=today,
            cards=reader.card_tallies(decks, MATURE_DAYS),
            dues=reader.due_tallies(today, decks),
            tallies=reader.day_tallies(decks, MATURE_DAYS, PASS_GRADE),
            buckets=reader.time_buckets(decks, today - timedelta(days=days - 1)),
            answers=[*reader.question_answers(decks, PASS_GRADE), *reader.exam_answers(decks)],
            attempts=attempts,
            blueprints=blueprints,
            blueprint=blueprint,
            days=days,
            decks=decks,
            recalls=reader.recall_tallies(decks),
            params=params,
        )
