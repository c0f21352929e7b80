"""`awsprep review` and `awsprep settings` (`awsprep cards ...` is cli/cards.py)."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

import typer

from awsprep.cli.common import emit_json, guard, now
from awsprep.cli.db import DB_HELP, check_decks, open_store
from awsprep.errors import UsageError
from awsprep.study.settings import MAX_VALUE
from awsprep.ui.escape import literal

if TYPE_CHECKING:
    from awsprep.store.repo import Store


@guard
def review(
    deck: list[str] = typer.Option(None, "--deck", help="Study only this deck (repeatable)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    plain: bool = typer.Option(False, "--plain", help="Plain lines, answers read line by line from stdin."),
    json_out: bool = typer.Option(False, "--json", help="Print the session summary as JSON on stdout."),
    new: int = typer.Option(
        None,
        "--new",
        min=0,
        max=MAX_VALUE,
        help="N more new cards today, on top of those already studied (default: the settings new-per-day"
        " for each deck and new-total-per-day).",
    ),
    limit: int = typer.Option(
        None, "--limit", min=0, max=MAX_VALUE, help="Reviews allowed today (default: reviews-per-day)."
    ),
) -> None:
    """Study today's due cards (SM-2, or FSRS: awsprep settings scheduler fsrs); says how many minutes the
    queue will take and, with an exam-date, what the plan does today. Every answer is saved at once."""
    import time

    from awsprep.sched.plan import plan_note
    from awsprep.study import settings as prefs
    from awsprep.study.pace import queue_note
    from awsprep.study.review import ReviewSession, todays_queue
    from awsprep.ui.terminals import open_terminal

    store, _ = open_store(db)
    decks = check_decks(store, deck) or prefs.active_decks(store, store.deck_names())
    today = now().date()
    limits = prefs.limits(store, new, limit)
    plan = prefs.exam_plan(store, today)
    queue = todays_queue(store, today, decks, limits, plan)
    terminal = open_terminal(plain, sys.stderr if json_out else sys.stdout)
    greeting = welcome_back(store, now().date(), decks)
    if greeting:
        terminal.note(greeting)
    if not queue:
        terminal.note("Nothing is due today.")
    else:
        terminal.note(queue_note(len(queue), store.recent_answers()))
    if plan is not None:
        terminal.note(plan_note(plan, today, store.new_count(decks), limits.new_per_day))
    session = ReviewSession(store, queue, now, time.monotonic, terminal, decks, prefs.timing(store))
    summary = session.run()
    if json_out:
        emit_json(summary.as_json())
    if summary.interrupted:
        raise KeyboardInterrupt


def welcome_back(store: Store, today: date, decks: list[str] | None) -> str | None:
    """For a learner back after missed days: when they last studied and what piled up."""
    from awsprep.store.stats import StatsStore
    from awsprep.study.welcome import away
    from awsprep.study.welcome import welcome_back as greet

    reader = StatsStore(store)
    last = reader.last_answer_day(decks)  # today, after a session earlier today: no greeting
    back = greet(last, today, reader.due_tallies(today, decks) if away(last, today) else [])
    return back.message() if back else None


@guard
def settings(
    key: str = typer.Argument(
        None, help="A setting's name (awsprep settings lists them), or fsrs-fit to fit FSRS to your history."
    ),
    value: str = typer.Argument(None, help="The new value."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show the settings, or set one (scheduler, exam date, daily limits, active decks...)."""
    from awsprep.cli.exam import blueprints
    from awsprep.study import settings as prefs

    prefs.check(key, value, blueprints() if key == "exam-blueprint" else ())
    if key == "exam-date" and value is not None:
        day, today = prefs.optional_date(value), now().date()
        if day is not None and day < today:
            raise UsageError(
                f"The exam date {day.isoformat()} is before today ({today.isoformat()}): give the day you "
                "will sit the exam, or none to end the plan."
            )
    store, _ = open_store(db, sync=False)
    if key == prefs.FIT_KEY:
        message = prefs.fit(store)
        if json_out:
            emit_json({"message": message, prefs.WEIGHTS_KEY: store.get_setting(prefs.WEIGHTS_KEY, "")})
        else:
            typer.echo(message)
        return
    if key is not None and value is not None:
        said = prefs.change(store, key, value)
        if said and not json_out:
            typer.echo(said)
    keys = [k for k in prefs.SPECS if key is None or k == key]
    if json_out:
        emit_json({k: prefs.value(store, k) for k in keys})
        return
    for k in keys:
        shown = store.get_setting(k, prefs.SPECS[k].default)
        typer.echo(f"{k} = {literal(shown)}    ({prefs.SPECS[k].meaning})")


def register(app: typer.Typer) -> None:
    app.command("review")(review)
    app.command("settings")(settings)
