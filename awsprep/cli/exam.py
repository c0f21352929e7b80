"""`awsprep exam` (a timed or practice mock exam, or --resume) and `awsprep exam history`."""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC
from typing import TYPE_CHECKING, Any

import typer

from awsprep.cli.common import content_dir, emit_json, guard, now
from awsprep.cli.db import DB_HELP, check_decks, open_store
from awsprep.errors import UsageError

if TYPE_CHECKING:
    from awsprep.bank.models import Card
    from awsprep.exam.blueprint import Blueprint
    from awsprep.exam.items import Answer, Item
    from awsprep.store.exams import ExamStore

exam_app = typer.Typer(help="Timed mock exams shaped like the real one, and their history.")


def blueprints() -> dict[str, Blueprint]:
    from awsprep.exam.blueprint import load_blueprints

    return load_blueprints(sorted((content_dir() / "exams").glob("*.yaml")))


def _blueprint(code: str) -> Blueprint:
    known = blueprints()
    bp = known.get(code.lower())
    if bp is None:
        raise UsageError(f"There is no blueprint {code!r}; the blueprints are: {', '.join(sorted(known))}.")
    return bp


def _usable(cards: list[Card]) -> list[Card]:
    """Calculator templates need awsprep.calc.generators; without it only fixed questions are asked."""
    try:
        import awsprep.calc.generators  # noqa: F401
    except ImportError:
        return [c for c in cards if getattr(c, "generator", None) is None]
    return cards


def _build_items(cards: list[Card], rng: random.Random) -> list[Item]:
    from awsprep.ui.cards import ask
    from awsprep.ui.exam import item_from_asked

    items: list[Item] = []
    for card in cards:
        try:
            asked = ask(card, rng, shuffle=True)
        except (ImportError, KeyError, ValueError):  # a template the calculators cannot generate
            continue
        items.append(item_from_asked(len(items), asked))
    return items


class _Saver:
    def __init__(self, exams: ExamStore, attempt_id: int) -> None:
        self.exams, self.attempt_id = exams, attempt_id

    def answer(self, position: int, answer: Answer, seconds_used: float) -> None:
        from awsprep.exam.items import answer_to_json

        self.exams.save_answer(self.attempt_id, position, answer_to_json(answer), seconds_used)

    def flag(self, position: int, flagged: bool, seconds_used: float) -> None:
        self.exams.save_flag(self.attempt_id, position, flagged, seconds_used)

    def time(self, seconds_used: float) -> None:
        self.exams.save_time(self.attempt_id, seconds_used)


def _hangup_is_interrupt() -> None:
    """A closed terminal (SIGHUP) ends the exam like Ctrl-C: the time used is saved on the way out."""
    import signal

    def handler(_sig: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, handler)


@exam_app.callback(invoke_without_command=True)
@guard
def exam(
    ctx: typer.Context,
    blueprint: str = typer.Option(
        "dva-c02", "--blueprint", "-b", help="Exam blueprint: dva-c02, clf-c02, saa-c03."
    ),
    questions: int = typer.Option(None, "--questions", "-n", help="Questions (default: the blueprint's)."),
    minutes: float = typer.Option(
        None,
        "--minutes",
        help="Time allowed; fractions allowed (default: the blueprint's time per question).",
    ),
    domain: str = typer.Option(None, "--domain", help="Ask only this domain (a key of the blueprint)."),
    deck: list[str] = typer.Option(None, "--deck", help="Take questions only from this deck (repeatable)."),
    seed: int = typer.Option(None, "--seed", help="Seed for choosing and shuffling questions."),
    mode: str = typer.Option("timed", "--mode", help="timed (the dress rehearsal) or practice (no clock)."),
    resume: bool = typer.Option(
        False, "--resume", help="Continue the unfinished attempt with the time left."
    ),
    plain: bool = typer.Option(False, "--plain", help="Plain lines, answers read line by line from stdin."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON on stdout."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Take a mock exam: the real exam's length, clock and domain weights, then a report."""
    if ctx.invoked_subcommand is not None:
        return
    from awsprep.exam.items import Item
    from awsprep.store.exams import ExamStore

    if mode not in ("timed", "practice"):
        raise UsageError(f"--mode must be timed or practice, not {mode!r}.")
    if questions is not None and questions < 1:
        raise UsageError(f"--questions must be at least 1, not {questions}.")
    if minutes is not None and minutes <= 0:
        raise UsageError(f"--minutes must be more than 0, not {minutes:g}.")
    out = sys.stderr if json_out else sys.stdout
    if resume:
        store, _ = open_store(db)
        exams = ExamStore(store)
        info = exams.open_attempt()
        if info is None:
            raise UsageError("There is no unfinished exam to resume; start one with awsprep exam.")
        bp = _blueprint(info.blueprint)
        items = [
            Item.from_json(r.position, r.card_id, r.domain, r.question, r.answer, r.flagged)
            for r in exams.items(info.id)
        ]
        attempt_id, practice = info.id, info.mode == "practice"
        allowed, used, note = info.seconds_allowed, info.seconds_used, ""
    else:
        bp = _blueprint(blueprint)
        if domain is not None and domain not in bp.domain_keys:
            raise UsageError(
                f"{bp.code} has no domain {domain!r}; its domains are: {', '.join(bp.domain_keys)}."
            )
        store, _ = open_store(db)
        decks = check_decks(store, deck)
        exams = ExamStore(store)
        from awsprep.exam.sampling import sample

        rng = random.Random(seed if seed is not None else random.SystemRandom().randrange(2**32))
        wanted = questions or bp.questions
        pool = [c for c in exams.exam_cards() if decks is None or c.deck in decks]
        drawn = sample(_usable(pool), bp, wanted, rng, exams.recent_card_ids(bp.key), domain)
        items = _build_items(drawn.cards, rng)
        if not items:
            raise UsageError(
                f"The bank has no mcq or numeric questions with a {bp.code} domain "
                f"({', '.join(bp.domain_keys)}); add some or pass --blueprint."
            )
        practice = mode == "practice"
        allowed = 0 if practice else max(1, round(60 * (minutes or bp.minutes_for(len(items)))))
        used, note = 0.0, drawn.note
        for old in exams.abandon_open(now()):
            out.write(f"Unfinished attempt #{old} is set aside.\n")
        attempt_id = exams.create(
            bp.key, mode, now(), allowed, [(i.card_id, i.domain, i.question_json()) for i in items]
        )
    _run(exams, bp, attempt_id, items, practice, allowed, used, note, plain, json_out)


def _run(
    exams: ExamStore,
    bp: Blueprint,
    attempt_id: int,
    items: list[Item],
    practice: bool,
    allowed: int,
    used: float,
    note: str,
    plain: bool,
    json_out: bool,
) -> None:
    from awsprep.exam.session import ExamSession
    from awsprep.exam.timing import ExamClock, format_left
    from awsprep.ui.exam import PlainExamFace, RichExamFace

    out = sys.stderr if json_out else sys.stdout
    clock = ExamClock(None if practice else float(allowed), used, time.monotonic)
    start = next((i.position for i in items if not i.answered), 0)
    saver = _Saver(exams, attempt_id)
    interactive = not plain and sys.stdin.isatty() and out.isatty()
    _hangup_is_interrupt()
    if interactive:
        from rich.console import Console

        title = f"{bp.code}{' practice' if practice else ''} #{attempt_id}"
        with RichExamFace(title, Console(file=out, highlight=False)) as face:
            face.message = note
            outcome = ExamSession(items, clock, face, saver, start).run()
    else:
        if note:
            out.write(note + "\n")
        plain_face = PlainExamFace(sys.stdin, out)
        outcome = ExamSession(items, clock, plain_face, saver, start).run()
    if outcome in ("paused", "interrupted"):
        left = "" if practice else f" with {format_left(clock.left())} left"
        out.write(
            f"Paused: every answer is saved; awsprep exam --resume continues attempt #{attempt_id}{left}.\n"
        )
        out.flush()
        if outcome == "interrupted":
            raise KeyboardInterrupt
        return
    _submit(exams, bp, attempt_id, items, practice, clock.used(), outcome == "timeout", interactive, json_out)


def _submit(
    exams: ExamStore,
    bp: Blueprint,
    attempt_id: int,
    items: list[Item],
    practice: bool,
    seconds_used: float,
    timed_out: bool,
    interactive: bool,
    json_out: bool,
) -> None:
    from awsprep.exam.scoring import score
    from awsprep.ui.exam_report import plain_report, rich_report

    report = score(bp, items)
    when = now()
    data = report.as_json()
    data.update(
        attempt=attempt_id,
        mode="practice" if practice else "timed",
        seconds_used=round(seconds_used, 1),
        timed_out=timed_out,
    )
    wrong = {i.position for i in report.wrong}
    correct = {i.position for i in items} - wrong
    exams.finish(
        attempt_id, when, seconds_used, report.raw_correct, report.scaled_score, report.passed, data, correct
    )
    # Wrong answers (not unanswered questions) count as failed recalls: due in tomorrow's review.
    fed = sorted({i.card_id for i in report.wrong if i.answered})
    for card_id in fed:
        exams.store.fail_recall(card_id, when, session=f"exam-{attempt_id}")
    data["fed_to_review"] = fed
    out = sys.stderr if json_out else sys.stdout
    if interactive:
        from rich.console import Console

        rich_report(Console(file=out, highlight=False), report, timed_out, len(fed))
    else:
        plain_report(out, report, timed_out, len(fed))
    if json_out:
        emit_json(data)


@exam_app.command("history")
@guard
def history(
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Every attempt with date, blueprint, score and pass/fail, and the trend per blueprint."""
    from awsprep.exam.scoring import trends
    from awsprep.store.exams import ExamStore

    store, _ = open_store(db, sync=False)
    attempts = ExamStore(store).history()
    records: list[dict[str, Any]] = [
        {
            "attempt": a.id,
            "date": a.started.date().isoformat(),
            "started": (a.started if a.started.tzinfo else a.started.replace(tzinfo=UTC)).isoformat(),
            "blueprint": a.blueprint.upper(),
            "mode": a.mode,
            "status": a.status,
            "raw_correct": a.raw_correct,
            "total": a.total,
            "scaled_score": a.scaled_score,
            "passed": a.passed,
            "seconds_used": round(a.seconds_used, 1),
        }
        for a in attempts
    ]
    timed = [
        (r["blueprint"], r["scaled_score"])
        for r in records
        if r["status"] == "submitted" and r["mode"] == "timed"
    ]
    trend = trends(timed)
    if json_out:
        emit_json({"attempts": records, "trend": [t.as_json() for t in trend]})
        return
    from rich.console import Console
    from rich.table import Table

    from awsprep.ui.exam_report import history_rows, trend_line

    if not records:
        typer.echo("No exam attempts yet; start one with awsprep exam.")
        return
    table = Table("#", "date", "blueprint", "mode", "score", "scaled", "result", box=None)
    for row in history_rows(records):
        table.add_row(*row)
    console = Console(highlight=False)
    console.print(table)
    for t in trend:
        typer.echo("Trend " + trend_line(t))


def register(app: typer.Typer) -> None:
    app.add_typer(exam_app, name="exam")
