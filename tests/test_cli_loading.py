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


def _subcommands(app: typer.Typer, group: str) -> set[str]:
    return set(typer.main.get_command(app).commands[group].commands)  # type: ignore[attr-defined]


def test_a_named_subcommand_is_built_alone_and_the_group_keeps_the_rest() -> None:
    every = _subcommands(main.build("calc"), "calc")
    assert {"dynamodb", "lambda", "kinesis"} <= every
    assert _subcommands(main.build("calc", "lambda"), "calc") == {"lambda"}
    assert _subcommands(main.build("db", "check"), "db") == {"check"}
    # a later build, and `app`, still have every command
    assert _subcommands(main.build("calc"), "calc") == every
    assert _subcommands(main.build(), "calc") == every


def test_help_a_typo_or_an_option_sees_every_subcommand() -> None:
    every = _subcommands(main.build("calc"), "calc")
    for sub in ("--help", "lamda", "LAMBDA", ""):
        assert _subcommands(main.build("calc", sub), "calc") == every, sub


def test_the_process_leaves_its_objects_to_the_exit(monkeypatch, capsys) -> None:
    """`run` freezes the heap when the command is done, even when it fails: the interpreter's shutdown
    then skips its full collections (about 20 ms of every command). The output is whole before that."""
    import gc

    import pytest

    for argv, code in ((["awsprep", "--version"], 0), (["awsprep", "stats", "--days", "1"], 2)):
        monkeypatch.setattr("sys.argv", argv)
        try:
            with pytest.raises(SystemExit) as ended:
                main.run()
            assert ended.value.code == code
            assert gc.get_freeze_count() > 0
        finally:
            gc.unfreeze()
    out = capsys.readouterr()
    assert out.out.startswith("awsprep ") and "--days" in out.err
