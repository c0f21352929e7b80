"""`awsprep exam` (a timed or practice mock exam, or --resume) and `awsprep exam history`."""

from __future__ import annotations

import random
import sys
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import typer

from awsprep.cli.common import content_dir, data_dir, emit_json, guard, now
from awsprep.cli.db import DB_HELP, check_decks, open_store
from awsprep.errors import UsageError

if TYPE_CHECKING:
    from awsprep.exam.blueprint import Blueprint
    from awsprep.store.exams import ExamStore
    from awsprep.study.exam import Attempt, Submitted

MAX_ID = 2**62  # attempt numbers are SQLite integers

exam_app = typer.Typer(help="Timed mock exams shaped like the real one, and their history.")


def blueprints() -> dict[str, Blueprint]:
    from awsprep.exam.blueprint import load_blueprints

    return load_blueprints(sorted((content_dir() / "exams").glob("*.yaml")), cache_dir=data_dir())


def _blueprint(code: str) -> Blueprint:
    known = blueprints()
    bp = known.get(code.lower())
    if bp is None:
        raise UsageError(f"There is no blueprint {code!r}; the blueprints are: {', '.join(sorted(known))}.")
    return bp


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
        False, "--resume", help="Continue the newest unfinished attempt (or --attempt N) with the time left."
    ),
    attempt_id: int = typer.Option(
        None, "--attempt", min=1, max=MAX_ID, help="With --resume: which unfinished attempt."
    ),
    retake: int = typer.Option(
        None, "--retake", min=1, max=MAX_ID, help="Ask the questions of attempt N again."
    ),
    wrong: bool = typer.Option(False, "--wrong", help="With --retake: only the questions missed in it."),
    plain: bool = typer.Option(False, "--plain", help="Plain lines, answers read line by line from stdin."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON on stdout."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Take a mock exam: the real exam's length, clock and domain weights, then a report."""
    if ctx.invoked_subcommand is not None:
        return
    from awsprep.store.exams import ExamStore
    from awsprep.study import exam as use

    out = sys.stderr if json_out else sys.stdout
    if mode not in use.MODES:
        raise UsageError(f"--mode must be timed or practice, not {mode!r}.")
    if wrong and retake is None:
        raise UsageError("--wrong goes with --retake N (the attempt whose missed questions to ask again).")
    if attempt_id is not None and not resume:
        raise UsageError("--attempt N goes with --resume.")
    rng = random.Random(seed if seed is not None else random.SystemRandom().randrange(2**32))
    if resume:
        store, _ = open_store(db)
        attempt = use.resume(ExamStore(store), blueprints(), attempt_id)
    elif retake is not None:
        use.check_minutes(minutes)
        store, _ = open_store(db)
        attempt = use.retake(ExamStore(store), blueprints(), retake, wrong, mode, minutes, rng, now())
    else:
        request = use.ExamRequest(_blueprint(blueprint), questions, minutes, domain, None, mode)
        request.check()
        store, _ = open_store(db)
        request = replace(request, decks=check_decks(store, deck))
        attempt = use.start(ExamStore(store), request, rng, now())
    for other in attempt.also_open:
        out.write(f"Attempt #{other} is still open; awsprep exam --resume --attempt {other} continues it.\n")
    _run(ExamStore(store), attempt, plain, json_out)


def _run(exams: ExamStore, attempt: Attempt, plain: bool, json_out: bool) -> None:
    from awsprep.exam.timing import format_left
    from awsprep.study import exam as use
    from awsprep.ui.exam import PlainExamFace, RichExamFace

    out = sys.stderr if json_out else sys.stdout
    clock = use.exam_clock(attempt, time.monotonic)
    interactive = not plain and sys.stdin.isatty() and out.isatty()
    _hangup_is_interrupt()
    if interactive:
        from rich.console import Console

        bp = attempt.blueprint
        title = f"{bp.code}{' practice' if attempt.practice else ''} #{attempt.id}"
        with RichExamFace(title, Console(file=out, highlight=False)) as face:
            face.message = attempt.note
            outcome = use.run(exams, attempt, clock, face)
    else:
        if attempt.note:
            out.write(attempt.note + "\n")
        outcome = use.run(exams, attempt, clock, PlainExamFace(sys.stdin, out))
    if outcome in ("paused", "interrupted"):
        left = "" if attempt.practice else f" with {format_left(clock.left())} left"
        newest = exams.open_attempt()
        how = "--resume" if newest is None or newest.id == attempt.id else f"--resume --attempt {attempt.id}"
        paused = f"Paused: every answer is saved; awsprep exam {how} continues attempt #{attempt.id}{left}."
        if interactive:  # wrapped between words, never inside the command or the time left
            from rich.console import Console
            from rich.text import Text

            Console(file=out, highlight=False).print(Text(paused))
        else:
            out.write(paused + "\n")
        out.flush()
        if outcome == "interrupted":
            raise KeyboardInterrupt
        return
    done = use.submit(exams, attempt, clock.used(), outcome == "timeout", now())
    _report(done, attempt, outcome == "timeout", interactive, json_out)


def _report(done: Submitted, attempt: Attempt, timed_out: bool, interactive: bool, json_out: bool) -> None:
    from awsprep.ui.exam_report import plain_report, rich_report

    used = float(done.data["seconds_used"])
    out = sys.stderr if json_out else sys.stdout
    if interactive:
        from rich.console import Console

        console = Console(file=out, highlight=False)
        rich_report(console, done.report, timed_out, len(done.fed_to_review), used, attempt.seconds_allowed)
    else:
        plain_report(out, done.report, timed_out, len(done.fed_to_review), used, attempt.seconds_allowed)
    if json_out:
        emit_json(done.data)


@exam_app.command("blueprints")
@guard
def blueprints_cmd(
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """The exam blueprints with their shape and how many questions the bank has for each."""
    from awsprep.store.exams import ExamStore
    from awsprep.study.exam import question_counts

    store, _ = open_store(db)
    known = blueprints()
    counts = question_counts(ExamStore(store).exam_cards(), known)
    records = [
        {
            "blueprint": key,
            "name": bp.name,
            "questions": bp.questions,
            "minutes": bp.minutes,
            "pass_mark": bp.pass_mark,
            "bank_questions": counts[key],
        }
        for key, bp in sorted(known.items())
    ]
    if json_out:
        emit_json(records)
        return
    for r in records:
        have = r["bank_questions"]
        typer.echo(
            f"{r['blueprint']:<9} {r['name']}: {r['questions']} questions in {r['minutes']:g} min, "
            f"pass {r['pass_mark']}; the bank has {have} question{'s' if have != 1 else ''}"
        )


@exam_app.command("history")
@guard
def history(
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Every attempt with date, blueprint, score and pass/fail, and the trend per blueprint (full-length
    timed attempts only)."""
    from awsprep.store.exams import ExamStore
    from awsprep.study.stats import exam_trends

    store, _ = open_store(db, sync=False)
    attempts = ExamStore(store).history()
    records = [a.as_json() for a in attempts]
    trend = exam_trends(attempts, blueprints())
    if json_out:
        emit_json({"attempts": records, "trend": [t.as_json() for t in trend]})
        return
    from rich.console import Console
    from rich.table import Table

    from awsprep.ui.exam_report import NO_TREND, history_rows, trend_line

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
    if not trend:
        typer.echo(NO_TREND)


@exam_app.command("report")
@guard
def report(
    attempt: int = typer.Argument(..., help="The attempt's number (awsprep exam history lists them)."),
    plain: bool = typer.Option(False, "--plain", help="Plain lines, no panels."),
    json_out: bool = typer.Option(False, "--json", help="Print the stored report as JSON."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Reopen the report of a past attempt: scores, domains, every wrong answer with its explanation."""
    from awsprep.store.exams import ExamStore
    from awsprep.study.exam import past_report
    from awsprep.ui.exam_report import plain_report, rich_report

    store, _ = open_store(db, sync=False)
    past = past_report(ExamStore(store), blueprints(), attempt)
    if json_out:
        emit_json(past.data)
        return
    args = (past.report, past.timed_out, past.fed, past.info.seconds_used, past.info.seconds_allowed)
    if plain or not sys.stdout.isatty():
        plain_report(sys.stdout, *args)
        return
    from rich.console import Console

    rich_report(Console(highlight=False), *args)


def register(app: typer.Typer) -> None:
    app.add_typer(exam_app, name="exam")
