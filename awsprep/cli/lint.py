"""`awsprep lint PATH...`: warn where notes state a known outdated limit, quota or price.

Kept light: no database, no rich; importing this module must not import sqlalchemy.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from awsprep.cli.common import content_dir, emit_json, given_paths, guard
from awsprep.ui.escape import literal


def default_facts_file() -> Path:
    return content_dir() / "facts.yaml"


@guard
def lint(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH", help="Markdown notes, bank files or folders to check."
    ),
    facts: Path = typer.Option(None, "--facts", help="Facts file (default: the bundled content/facts.yaml)."),
    json_out: bool = typer.Option(False, "--json", help="Print the warnings as a JSON list."),
) -> None:
    """Warn where notes state an outdated value (exit 1 when there are warnings)."""
    from awsprep.notes.lint import lint_files, load_facts

    facts_path = facts or default_facts_file()
    known = load_facts(facts_path)
    skipped: list[str] = []
    warnings = lint_files(given_paths(paths), known, skip=[facts_path], skipped=skipped)
    for why in skipped:
        sys.stderr.write(f"awsprep: warning: {literal(why)}\n")
    if json_out:
        emit_json([w.to_dict() for w in warnings])
    else:
        for warning in warnings:
            typer.echo(literal(warning.message()))
    if warnings:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command(name="lint")(lint)
