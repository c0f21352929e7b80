"""The `awsprep` command: one sub-command module per command group, heavy imports deferred."""

from __future__ import annotations

import typer

from awsprep import __version__

app = typer.Typer(
    name="awsprep",
    help="Study for AWS certification exams in the terminal: review, mock exams, calculators.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"awsprep {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Study for AWS certification exams in the terminal."""


def _register() -> None:
    from awsprep.cli import bank, calc, db, exam, importer, lint, review, triage

    review.register(app)
    exam.register(app)
    importer.register(app)
    bank.register(app)
    calc.register(app)
    lint.register(app)
    triage.register(app)
    db.register(app)


_register()


def run() -> None:
    app()
