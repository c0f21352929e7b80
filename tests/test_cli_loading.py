"""`awsprep CMD` builds the app with only CMD's module; each mapped command is then still there."""

from __future__ import annotations

import typer

from awsprep.cli import main


def test_each_command_is_registered_by_its_module() -> None:
    full = typer.main.get_command(main.build())
    for name in main.COMMAND_MODULES:
        only = typer.main.get_command(main.build(name))
        assert name in only.commands, name  # type: ignore[attr-defined]
        assert name in full.commands  # type: ignore[attr-defined]


def test_unknown_or_no_command_gets_every_command() -> None:
    names = set(typer.main.get_command(main.build("nope")).commands)  # type: ignore[attr-defined]
    assert set(main.COMMAND_MODULES) <= names
    assert names == set(typer.main.get_command(main.build(None)).commands)  # type: ignore[attr-defined]
