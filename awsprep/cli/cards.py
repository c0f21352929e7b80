"""`awsprep cards ...`: list cards (with their text, filtered), show one card, suspend and unsuspend."""

from __future__ import annotations

import sys

import typer

from awsprep.cli.common import emit_json, guard, now
from awsprep.cli.db import DB_HELP, check_decks, open_store
from awsprep.errors import UsageError
from awsprep.ui.escape import literal

cards_app = typer.Typer(help="List, show and manage cards and their scheduling state.", no_args_is_help=True)


@cards_app.command("list")
@guard
def cards_list(
    search: str = typer.Option(None, "--search", help="Only cards whose text or id holds TEXT (any case)."),
    deck: list[str] = typer.Option(None, "--deck", help="Only this deck (repeatable)."),
    tag: list[str] = typer.Option(None, "--tag", help="Only cards with this tag (repeatable: all of them)."),
    state: list[str] = typer.Option(
        None,
        "--state",
        help="Only cards in this state (repeatable): new, learning, due, review, suspended, buried, leech.",
    ),
    due: bool = typer.Option(False, "--due", help="Only cards due today or earlier."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Each card's id, type, state, due date and text (cut to the window; ids are never cut)."""
    from awsprep.sched.status import STATE_NAMES, matching

    unknown = [s for s in state or () if s not in STATE_NAMES]
    if unknown:
        raise UsageError(f"--state {unknown[0]!r} is not one of {', '.join(STATE_NAMES)}.")
    store, _ = open_store(db)
    decks = check_decks(store, deck)
    today = now().date()
    found = matching(store.statuses(decks, due_by=today if due else None), today, search, tag, state)
    if json_out:
        emit_json([c.as_json(today) for c in found])
        return
    from awsprep.ui.cards import print_card_list

    print_card_list(found, today, sys.stdout)


@cards_app.command("show")
@guard
def cards_show(
    card_id: str = typer.Argument(..., help="The card's id (see: awsprep cards list)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """One card: its text and answer, where it came from, its schedule and its review history.

    Example: awsprep cards show dva-dynamodb-0007
    """
    from awsprep.study.cards import card_details

    store, _ = open_store(db)
    details = card_details(store, card_id, now().date())
    if json_out:
        emit_json(details.as_json())
        return
    from awsprep.ui.cards import print_card

    print_card(details, sys.stdout)


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
    typer.echo(f"{'Suspended' if suspend else 'Unsuspended'} {literal(card_id)}.")


@cards_app.command("suspend")
@guard
def cards_suspend(card_id: str, db: str = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Stop showing a card until it is unsuspended.

    Example: awsprep cards suspend start-lambda-timeout
    """
    _set_flag(card_id, db, True)


@cards_app.command("unsuspend")
@guard
def cards_unsuspend(card_id: str, db: str = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Show a suspended card (or a leech) again.

    Example: awsprep cards unsuspend start-lambda-timeout
    """
    _set_flag(card_id, db, False)


def register(app: typer.Typer) -> None:
    app.add_typer(cards_app, name="cards")
