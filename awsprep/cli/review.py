"""`awsprep review`, `awsprep cards ...` and `awsprep settings`."""

from __future__ import annotations

import sys

import typer

from awsprep.cli.common import emit_json, guard, now
from awsprep.cli.db import DB_HELP, check_decks, open_store
from awsprep.errors import UsageError
from awsprep.study.settings import MAX_VALUE
from awsprep.ui.escape import line

cards_app = typer.Typer(help="List and manage cards and their scheduling state.", no_args_is_help=True)


@guard
def review(
    deck: list[str] = typer.Option(None, "--deck", help="Study only this deck (repeatable)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    plain: bool = typer.Option(False, "--plain", help="Plain lines, answers read line by line from stdin."),
    json_out: bool = typer.Option(False, "--json", help="Print the session summary as JSON on stdout."),
    new: int = typer.Option(
        None, "--new", min=0, max=MAX_VALUE, help="New cards allowed today (default: setting new-per-day)."
    ),
    limit: int = typer.Option(
        None, "--limit", min=0, max=MAX_VALUE, help="Reviews allowed today (default: reviews-per-day)."
    ),
) -> None:
    """Study today's due cards with SM-2 scheduling; every answer is saved the moment it is given."""
    import time

    from awsprep.study import settings as prefs
    from awsprep.study.review import ReviewSession, todays_queue
    from awsprep.ui.terminals import open_terminal

    store, _ = open_store(db)
    decks = check_decks(store, deck) or prefs.active_decks(store, store.decks())
    queue = todays_queue(store, now().date(), decks, prefs.limits(store, new, limit))
    terminal = open_terminal(plain, sys.stderr if json_out else sys.stdout)
    if not queue:
        terminal.note("Nothing is due today.")
    session = ReviewSession(store, queue, now, time.monotonic, terminal, decks, prefs.timing(store))
    summary = session.run()
    if json_out:
        emit_json(summary.as_json())
    if summary.interrupted:
        raise KeyboardInterrupt


@cards_app.command("list")
@guard
def cards_list(
    due: bool = typer.Option(False, "--due", help="Only cards due today or earlier."),
    deck: list[str] = typer.Option(None, "--deck", help="Only this deck (repeatable)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Each card's id, type, due date, interval, EF, repetitions, lapses and state."""
    store, _ = open_store(db)
    decks = check_decks(store, deck)
    today = now().date()
    records = [c.as_json(today) for c in store.statuses(decks, due_by=today if due else None)]
    if json_out:
        emit_json(records)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("id", "type", "due", "interval", "EF", "reps", "lapses", "state", box=None)
    for rec in records:
        table.add_row(
            *(
                Text(line(rec[k]) if rec[k] is not None else "-")
                for k in ("id", "type", "due", "interval", "ef", "reps", "lapses", "state")
            )
        )
    Console(highlight=False).print(table)
    typer.echo(f"{len(records)} card(s)")


def _set_flag(card_id: str, db: str | None, suspend: bool) -> None:
    store, _ = open_store(db)
    try:
        store.state(card_id)
    except KeyError:
        raise UsageError(f"There is no card with id {card_id!r}.") from None
    if suspend:
        store.suspend(card_id, now())
    else:
        store.unsuspend(card_id, now())
    typer.echo(f"{'Suspended' if suspend else 'Unsuspended'} {line(card_id)}.")


@cards_app.command("suspend")
@guard
def cards_suspend(card_id: str, db: str = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Stop showing a card until it is unsuspended."""
    _set_flag(card_id, db, True)


@cards_app.command("unsuspend")
@guard
def cards_unsuspend(card_id: str, db: str = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Show a suspended card (or a leech) again."""
    _set_flag(card_id, db, False)


@guard
def settings(
    key: str = typer.Argument(None, help="A setting's name (awsprep settings lists them)."),
    value: str = typer.Argument(None, help="The new value."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show the settings, or set one: awsprep settings new-per-day 30; awsprep settings active-decks all."""
    from awsprep.study import settings as prefs

    prefs.check(key, value)
    store, _ = open_store(db, sync=False)
    if key is not None and value is not None:
        store.set_setting(key, value)
    keys = [k for k in prefs.SPECS if key is None or k == key]
    if json_out:
        emit_json({k: prefs.value(store, k) for k in keys})
        return
    for k in keys:
        shown = store.get_setting(k, prefs.SPECS[k].default)
        typer.echo(f"{k} = {line(shown)}    ({prefs.SPECS[k].meaning})")


def register(app: typer.Typer) -> None:
    app.command("review")(review)
    app.add_typer(cards_app, name="cards")
    app.command("settings")(settings)
