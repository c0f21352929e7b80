"""`awsprep bank ...`: what the bank holds, and whether it validates."""

from __future__ import annotations

import typer

from awsprep.cli.common import bank_roots, emit_json, guard
from awsprep.ui.escape import line

bank_app = typer.Typer(help="Inspect the card and question bank.", no_args_is_help=True)


@bank_app.command("stats")
@guard
def stats(
    deck: list[str] = typer.Option(None, "--deck", help="Only this deck (repeatable)."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Count the bank's cards per type, per exam domain and per deck (validating every file)."""
    from awsprep.bank.io import load_bank
    from awsprep.bank.stats import bank_stats

    cards = load_bank([r for r in bank_roots() if r.exists()])
    if deck:
        cards = [c for c in cards if c.deck in deck]
    result = bank_stats(cards)
    if json_out:
        emit_json(result)
        return
    typer.echo(f"{result['cards']} cards")
    for title, key in (("type", "by_type"), ("domain", "by_domain"), ("deck", "by_deck")):
        typer.echo(f"By {title}:")
        for name, n in result[key].items():
            typer.echo(f"  {line(name):32s} {n:6d}")
    typer.echo(f"Numeric templates: {result['numeric_templates']}")
    typer.echo(f"Multiple-response questions: {result['mcq_multiple_response']}")


def register(app: typer.Typer) -> None:
    app.add_typer(bank_app, name="bank")
