"""An exam's life cycle: start (sample, ask, store), resume, run, submit and feed wrong answers to review.

Plain Python over an `ExamRepository`; the time of day, the monotonic clock, the randomness and the face
are handed in by the command.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from awsprep.bank.models import Card
from awsprep.errors import UsageError
from awsprep.exam.blueprint import Blueprint
from awsprep.exam.items import Item
from awsprep.exam.sampling import sample
from awsprep.exam.scoring import Report, score
from awsprep.exam.timing import ExamClock
from awsprep.question import Answer, ask
from awsprep.question.answers import answer_to_json
from awsprep.study.exam_session import ExamSession, Face
from awsprep.study.ports import AttemptInfo, ExamRepository

MODES = ("timed", "practice")


@dataclass
class Attempt:
    """An open attempt, ready to run."""

    id: int
    blueprint: Blueprint
    items: list[Item]
    practice: bool
    seconds_allowed: int  # 0 in practice mode
    seconds_used: float
    note: str = ""  # e.g. a domain had too few questions
    also_open: tuple[int, ...] = ()  # other unfinished attempts (kept; each can be resumed)


MAX_QUESTIONS = 1000  # fifteen real exams in one sitting is a typo too
MAX_MINUTES = 24 * 60  # a mock exam longer than a day is a typo


def check_minutes(minutes: float | None) -> None:
    """--minutes is a number above 0 and at most a day (NaN, inf and 1e308 are refused)."""
    if minutes is not None and not 0 < minutes <= MAX_MINUTES:  # False for NaN too
        raise UsageError(f"--minutes must be more than 0 and at most {MAX_MINUTES}, not {minutes:g}.")


@dataclass(frozen=True)
class ExamRequest:
    blueprint: Blueprint
    questions: int | None = None
    minutes: float | None = None
    domain: str | None = None
    decks: list[str] | None = None
    mode: str = "timed"

    def check(self) -> None:
        if self.mode not in MODES:
            raise UsageError(f"--mode must be timed or practice, not {self.mode!r}.")
        if self.questions is not None and not 1 <= self.questions <= MAX_QUESTIONS:
            raise UsageError(f"--questions must be from 1 to {MAX_QUESTIONS}, not {self.questions}.")
        check_minutes(self.minutes)
        bp = self.blueprint
        if self.domain is not None and self.domain not in bp.domain_keys:
            raise UsageError(
                f"{bp.code} has no domain {self.domain!r}; its domains are: {', '.join(bp.domain_keys)}."
            )


def build_items(cards: list[Card], rng: random.Random) -> list[Item]:
    """Each drawn card asked once: options shuffled, templates generated."""
    return [Item(position, ask(card, rng, shuffle=True)) for position, card in enumerate(cards)]


def question_counts(cards: list[Card], blueprints: dict[str, Blueprint]) -> dict[str, int]:
    """How many exam questions the bank has for each blueprint (by its domain keys)."""
    return {key: sum(1 for c in cards if c.domain in bp.domain_keys) for key, bp in blueprints.items()}


def _no_questions(bp: Blueprint, cards: list[Card], decks: list[str] | None) -> UsageError:
    """Say why there is nothing to ask, and what would serve this blueprint."""
    serving = sorted({c.deck for c in cards if c.domain in bp.domain_keys})
    if decks is not None and serving:
        return UsageError(
            f"The deck(s) {', '.join(decks)} have no {bp.code} questions; "
            f"decks that have some: {', '.join(serving)}."
        )
    return UsageError(
        f"No deck has {bp.code} questions yet (mcq or numeric cards with a domain of "
        f"{', '.join(bp.domain_keys)}); awsprep exam blueprints lists the blueprints that have questions."
    )


def _create(
    repo: ExamRepository,
    bp: Blueprint,
    items: list[Item],
    mode: str,
    minutes: float | None,
    now: datetime,
    note: str = "",
) -> Attempt:
    practice = mode == "practice"
    allowed = 0 if practice else max(1, round(60 * (minutes or bp.minutes_for(len(items)))))
    also_open = tuple(a.id for a in repo.open_attempts())
    attempt_id = repo.create(
        bp.key, mode, now, allowed, [(i.card_id, i.domain, i.question.to_json()) for i in items]
    )
    return Attempt(attempt_id, bp, items, practice, allowed, 0.0, note, also_open)


def start(repo: ExamRepository, request: ExamRequest, rng: random.Random, now: datetime) -> Attempt:
    request.check()
    bp = request.blueprint
    decks = request.decks
    cards = repo.exam_cards()
    pool = [c for c in cards if decks is None or c.deck in decks]
    drawn = sample(
        pool, bp, request.questions or bp.questions, rng, repo.recent_card_ids(bp.key), request.domain
    )
    items = build_items(drawn.cards, rng)
    if not items:
        raise _no_questions(bp, cards, decks)
    return _create(repo, bp, items, request.mode, request.minutes, now, drawn.note)


def retake(
    repo: ExamRepository,
    blueprints: dict[str, Blueprint],
    attempt_id: int,
    wrong_only: bool,
    mode: str,
    minutes: float | None,
    rng: random.Random,
    now: datetime,
) -> Attempt:
    """A new attempt with the questions of attempt N (only the missed ones with `wrong_only`), asked
    afresh: options shuffled again, numeric templates with new numbers."""
    info = repo.attempt(attempt_id)
    if info is None:
        raise UsageError(f"There is no exam attempt #{attempt_id}; awsprep exam history lists them.")
    if wrong_only and info.status != "submitted":
        raise UsageError(f"Attempt #{attempt_id} was not submitted, so nothing in it was marked wrong.")
    bp = blueprints.get(info.blueprint)
    if bp is None:
        raise UsageError(f"Attempt #{attempt_id} used blueprint {info.blueprint!r}, which no longer exists.")
    wanted = [r.card_id for r in repo.items(attempt_id) if not wrong_only or r.correct is False]
    if not wanted:
        raise UsageError(f"Attempt #{attempt_id} has no wrong or unanswered questions to retake.")
    by_id = {c.id: c for c in repo.exam_cards()}
    cards = [by_id[cid] for cid in wanted if cid in by_id]
    if not cards:
        raise UsageError(f"The questions of attempt #{attempt_id} are no longer in the bank.")
    items = build_items(cards, rng)
    return _create(repo, bp, items, mode, minutes, now)


def resume(repo: ExamRepository, blueprints: dict[str, Blueprint], attempt_id: int | None = None) -> Attempt:
    info = repo.open_attempt(attempt_id)
    if info is None:
        if attempt_id is not None:
            open_ids = ", ".join(f"#{a.id}" for a in repo.open_attempts()) or "none"
            raise UsageError(f"Attempt #{attempt_id} is not an unfinished exam; unfinished: {open_ids}.")
        raise UsageError("There is no unfinished exam to resume; start one with awsprep exam.")
    bp = blueprints.get(info.blueprint)
    if bp is None:
        raise UsageError(f"The unfinished exam uses blueprint {info.blueprint!r}, which no longer exists.")
    items = [
        Item.from_json(r.position, r.card_id, r.domain, r.question, r.answer, r.flagged)
        for r in repo.items(info.id)
    ]
    others = tuple(a.id for a in repo.open_attempts() if a.id != info.id)
    return Attempt(
        info.id, bp, items, info.mode == "practice", info.seconds_allowed, info.seconds_used, "", others
    )


class RepositorySaver:
    """The exam loop's Saver: every answer, flag and the time used committed at once."""

    def __init__(self, repo: ExamRepository, attempt_id: int) -> None:
        self.repo, self.attempt_id = repo, attempt_id

    def answer(self, position: int, answer: Answer, seconds_used: float) -> None:
        self.repo.save_answer(self.attempt_id, position, answer_to_json(answer), seconds_used)

    def flag(self, position: int, flagged: bool, seconds_used: float) -> None:
        self.repo.save_flag(self.attempt_id, position, flagged, seconds_used)

    def time(self, seconds_used: float) -> None:
        self.repo.save_time(self.attempt_id, seconds_used)


def exam_clock(attempt: Attempt, monotonic: Callable[[], float]) -> ExamClock:
    return ExamClock(
        None if attempt.practice else float(attempt.seconds_allowed), attempt.seconds_used, monotonic
    )


def run(repo: ExamRepository, attempt: Attempt, clock: ExamClock, face: Face) -> str:
    """Run the attempt from its first unanswered question.

    Returns 'submitted', 'timeout', 'paused' or 'interrupted'."""
    start_at = next((i.position for i in attempt.items if not i.answered), 0)
    return ExamSession(attempt.items, clock, face, RepositorySaver(repo, attempt.id), start_at).run()


@dataclass(frozen=True)
class Submitted:
    report: Report
    data: dict[str, Any]  # the report as JSON, with the attempt's facts
    fed_to_review: list[str]


def submit(
    repo: ExamRepository, attempt: Attempt, seconds_used: float, timed_out: bool, now: datetime
) -> Submitted:
    """Score the attempt and, in the same transaction, make each wrongly answered card a failed recall
    due tomorrow (unanswered questions are not: nothing was recalled)."""
    report = score(attempt.blueprint, attempt.items)
    fed = sorted({i.card_id for i in report.wrong if i.answered})
    data = report_data(report, attempt.id, attempt.practice, seconds_used, timed_out, fed)
    correct = {i.position for i in attempt.items} - {i.position for i in report.wrong}
    repo.submit(attempt.id, now, seconds_used, data, correct, fed)
    return Submitted(report, data, fed)


def report_data(
    report: Report, attempt_id: int, practice: bool, seconds_used: float, timed_out: bool, fed: list[str]
) -> dict[str, Any]:
    """The report as JSON with the attempt's facts: printed by --json and stored with the attempt."""
    data = report.as_json()
    data.update(
        attempt=attempt_id,
        mode="practice" if practice else "timed",
        seconds_used=round(seconds_used, 1),
        timed_out=timed_out,
        fed_to_review=fed,
    )
    return data


@dataclass(frozen=True)
class PastReport:
    report: Report  # scored again from the stored questions and answers, for the full rendering
    data: dict[str, Any]  # the JSON stored when the attempt was submitted
    info: AttemptInfo

    @property
    def timed_out(self) -> bool:
        return bool(self.data.get("timed_out"))

    @property
    def fed(self) -> int:
        return len(self.data.get("fed_to_review") or ())


def past_report(repo: ExamRepository, blueprints: dict[str, Blueprint], attempt_id: int) -> PastReport:
    """The report of a submitted attempt, reopened: `awsprep exam report N`."""
    info = repo.attempt(attempt_id)
    if info is None:
        raise UsageError(f"There is no exam attempt #{attempt_id}; awsprep exam history lists them.")
    if info.status == "open":
        raise UsageError(
            f"Attempt #{attempt_id} is not finished; "
            f"awsprep exam --resume --attempt {attempt_id} continues it."
        )
    if info.status != "submitted":
        raise UsageError(f"Attempt #{attempt_id} was set aside without being submitted, so it has no report.")
    bp = blueprints.get(info.blueprint)
    if bp is None:
        raise UsageError(f"Attempt #{attempt_id} used blueprint {info.blueprint!r}, which no longer exists.")
    items = [
        Item.from_json(r.position, r.card_id, r.domain, r.question, r.answer, r.flagged)
        for r in repo.items(attempt_id)
    ]
    report = score(bp, items)
    data = repo.report(attempt_id)
    if data is None:  # submitted before reports were stored: the same figures, scored again
        fed = sorted({i.card_id for i in report.wrong if i.answered})
        data = report_data(report, attempt_id, info.mode == "practice", info.seconds_used, False, fed)
    return PastReport(report, data, info)
