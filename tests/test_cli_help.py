"""Every --help reads as plain words (no Python types from typer), and shell completion is on."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from awsprep.cli.main import app


def _command_paths() -> list[list[str]]:
    root = typer.main.get_command(app)
    paths: list[list[str]] = [[]]

    def walk(command: object, prefix: list[str]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(root, [])
    return paths


JARGON = re.compile(r"<[a-z]|\[x[<>=]|\{[A-Za-z]|list\[|int range|float range")


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "awsprep")
def test_help_has_no_type_jargon(path: list[str]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    found = JARGON.findall(result.output)
    assert not found, f"awsprep {' '.join(path)} --help shows {found}:\n{result.output}"


def test_value_names_say_what_to_type() -> None:
    text = CliRunner().invoke(app, ["review", "--help"]).output
    assert "--new N" in text and "--deck DECK" in text and "--db URL" in text
    assert "PATHS..." in CliRunner().invoke(app, ["import", "--help"]).output


def test_range_checks_still_hold() -> None:
    result = CliRunner().invoke(app, ["review", "--new", "-1"])
    assert result.exit_code == 2


def test_shell_completion_is_offered() -> None:
    text = CliRunner().invoke(app, ["--help"]).output
    assert "--install-completion" in text and "--show-completion" in text
    shown = CliRunner().invoke(app, ["--show-completion", "bash"])
    assert shown.exit_code == 0, shown.output
    assert "_AWSPREP_COMPLETE" in shown.output and "complete" in shown.output


@pytest.mark.parametrize(
    "path",
    [
        ["review"],
        ["settings"],
        ["cards", "list"],
        ["cards", "show"],
        ["cards", "suspend"],
        ["cards", "unsuspend"],
        ["calc", "dynamodb"],
        ["calc", "dynamodb-op"],
        ["calc", "lambda"],
        ["calc", "kinesis"],
        ["calc", "question"],
        ["calc", "generators"],
    ],
    ids=" ".join,
)
def test_help_gives_an_example(path: list[str]) -> None:
    text = CliRunner().invoke(app, [*path, "--help"]).output
    assert re.search(r"Examples?: awsprep " + re.escape(path[0]), text), text
