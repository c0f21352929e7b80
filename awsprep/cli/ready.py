"""`awsprep ready`: per-domain expected share right and the pass probability for an exam blueprint."""

from __future__ import annotations

import random

import typer

from awsprep.cli.common import emit_json, guard, now
from awsprep.cli.db import DB_HELP, open_store

SEED = 20_27  # the Monte Carlo draws are seeded: the same history always gives the same figures


@guard
def ready(
    blueprint: str = typer.Option(
        None,
        "--blueprint",
        help="Exam blueprint, e.g. dva-c02 (default: setting exam-blueprint, else dva-c02).",
    ),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """How ready you are: per exam domain the expected share of questions right (predicted recall on the
    exam date and mock results), a pass probability with an 80% interval, and what would raise it most."""
    from awsprep.cli.exam import _blueprint
    from awsprep.store.exams import ExamStore
    from awsprep.study import settings as prefs
    from awsprep.study.ready import report

    store, _ = open_store(db)
    code = blueprint or prefs.value(store, "exam-blueprint") or "dva-c02"
    bp = _blueprint(code)
    result = report(store, ExamStore(store), bp, now().date(), random.Random(SEED))
    if json_out:
        emit_json(result.as_json())
        return
    from awsprep.ui.ready import render

    render(result)


def register(app: typer.Typer) -> None:
    app.command("ready")(ready)
