"""`awsprep stats`: future due, the calendar, true retention, mastery per domain, answer time, exams."""

from __future__ import annotations

import sys

import typer

from awsprep.cli.common import emit_json, guard, now
from awsprep.cli.db import DB_HELP, check_decks, open_store


@guard
def stats(
    deck: list[str] = typer.Option(None, "--deck", help="Only this deck (repeatable)."),
    days: int = typer.Option(
        91, "--days", min=7, max=3660, help="Days of history in the calendar and answer times."
    ),
    blueprint: str = typer.Option(
        None,
        "--blueprint",
        "-b",
        help="Exam blueprint for mastery per domain (default: the one most cards serve).",
    ),
    plain: bool = typer.Option(False, "--plain", help="Plain lines with the same numbers, no drawing."),
    json_out: bool = typer.Option(False, "--json", help="Print every figure as JSON."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Progress: cards due ahead, reviews per day and streaks, true retention, mastery per exam domain,
    answer time and the mock-exam trend."""
    from awsprep.cli.exam import _blueprint, blueprints
    from awsprep.store.exams import ExamStore
    from awsprep.store.stats import StatsStore
    from awsprep.study import settings as prefs
    from awsprep.study import stats as use

    chosen = _blueprint(blueprint) if blueprint else None
    store, _ = open_store(db)
    decks = check_decks(store, deck)
    attempts = ExamStore(store).history()  # read before the snapshot (one read transaction)
    params = prefs.fsrs_params(store)
    today = now().date()
    figures = use.gather(StatsStore(store), attempts, today, blueprints(), chosen, days, decks, params)
    plan = prefs.exam_plan(store, today)
    if plan is not None:  # what `review` asks today, beside the scheduler's own due dates
        from dataclasses import replace

        from awsprep.study.review import todays_queue

        active = decks or prefs.active_decks(store, store.deck_names())
        asked = len(todays_queue(store, today, active, prefs.limits(store, None, None), plan))
        figures = replace(figures, future=replace(figures.future, plan_exam=plan.exam_date, plan_today=asked))
    if json_out:
        emit_json(figures.as_json())
        return
    if plain:
        from awsprep.ui.stats import plain_stats

        plain_stats(sys.stdout, figures)
        return
    from rich.console import Console

    from awsprep.ui.stats import rich_stats

    rich_stats(Console(highlight=False), figures)


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)
