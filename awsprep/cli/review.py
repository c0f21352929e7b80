"""`awsprep review`, `awsprep cards ...` and `awsprep settings`."""

from __future__ import annotations

import sys

import typer

from awsprep.cli.common import emit_json, guard, now
from awsprep.cli.db import DB_HELP, check_decks, open_store
from awsprep.errors import UsageError

SETTINGS = {"new-per-day": "20", "reviews-per-day": "200", "quick-seconds": "20", "slow-seconds": "90"}

cards_app = typer.Typer(help="List and manage cards and their scheduling state.", no_args_is_help=True)


def _int_setting(store: object, key: str) -> int:
    from awsprep.store.repo import Store

    assert isinstance(store, Store)
    raw = store.get_setting(key, SETTINGS[key])
    try:
        return int(float(raw))
    except ValueError:
        return int(SETTINGS[key])


@guard
def review(
    deck: list[str] = typer.Option(None, "--deck", help="Study only this deck (repeatable)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    plain: bool = typer.Option(False, "--plain", help="Plain lines, answers read line by line from stdin."),
    json_out: bool = typer.Option(False, "--json", help="Print the session summary as JSON on stdout."),
    new: int = typer.Option(
        None, "--new", min=0, help="New cards allowed today (default: setting new-per-day)."
    ),
    limit: int = typer.Option(
        None, "--limit", min=0, help="Reviews allowed today (default: reviews-per-day)."
    ),
) -> None:
    """Study today's due cards with SM-2 scheduling; every answer is saved the moment it is given."""
    from awsprep.sched.grading import Timing
    from awsprep.sched.queue import Limits, SessionQueue, build_queue, new_allowance
    from awsprep.ui.review import ReviewSession
    from awsprep.ui.terminals import PlainTerminal, RichTerminal

    store, _ = open_store(db)
    decks = check_decks(store, deck)
    today = now().date()
    limits = Limits(
        new_per_day=new if new is not None else _int_setting(store, "new-per-day"),
        reviews_per_day=limit if limit is not None else _int_setting(store, "reviews-per-day"),
    )
    done = store.day_counts(today, decks)
    queue = build_queue(store.candidates(today, decks, new_allowance(limits, done)), today, limits, done)
    timing = Timing(quick=_int_setting(store, "quick-seconds"), slow=_int_setting(store, "slow-seconds"))
    out = sys.stderr if json_out else sys.stdout
    interactive = not plain and sys.stdin.isatty() and out.isatty()
    if interactive:
        from rich.console import Console

        terminal: PlainTerminal | RichTerminal = RichTerminal(Console(file=out, highlight=False))
    else:
        terminal = PlainTerminal(sys.stdin, out)
    if not queue:
        terminal.note("Nothing is due today.")
    session = ReviewSession(store, SessionQueue.of(queue, today), now, terminal, decks, timing)
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
    rows = store.rows(decks, due_by=today if due else None)

    def state(r: object) -> str:
        from awsprep.store.models import CardRow

        assert isinstance(r, CardRow)
        if r.leech:
            return "leech"
        if r.suspended:
            return "suspended"
        if r.buried_until and r.buried_until > today:
            return "buried"
        if r.due is None:
            return "new"
        return "learning" if r.drill else ("due" if r.due <= today else "review")

    records = [
        {
            "id": r.id,
            "deck": r.deck,
            "type": r.type,
            "due": r.due.isoformat() if r.due else None,
            "interval": r.interval,
            "ef": round(r.ef, 2),
            "reps": r.reps,
            "lapses": r.lapses,
            "state": state(r),
        }
        for r in rows
    ]
    if json_out:
        emit_json(records)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "type", "due", "interval", "EF", "reps", "lapses", "state", box=None)
    for rec in records:
        table.add_row(
            *(
                str(rec[k]) if rec[k] is not None else "-"
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
    typer.echo(f"{'Suspended' if suspend else 'Unsuspended'} {card_id}.")


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
    key: str = typer.Argument(None, help=f"One of: {', '.join(SETTINGS)}."),
    value: str = typer.Argument(None, help="New value (a whole number)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show the settings, or set one: awsprep settings new-per-day 30."""
    if key is not None and key not in SETTINGS:
        raise UsageError(f"Unknown setting {key!r}; the settings are: {', '.join(SETTINGS)}.")
    if value is not None and (not value.isdigit() or int(value) > 100_000):
        raise UsageError(f"The value of {key} must be a whole number from 0 to 100000, not {value!r}.")
    store, _ = open_store(db, sync=False)
    if key is not None and value is not None:
        store.set_setting(key, value)
    current = {k: store.get_setting(k, d) for k, d in SETTINGS.items() if key is None or k == key}
    if json_out:
        emit_json(current)
    else:
        for k, v in current.items():
            typer.echo(f"{k} = {v}")


def register(app: typer.Typer) -> None:
    app.command("review")(review)
    app.add_typer(cards_app, name="cards")
    app.command("settings")(settings)
