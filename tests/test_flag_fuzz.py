"""Every command's every flag and argument, given hostile values: one sentence or a result, never a
traceback. The commands and their options are read from the app, so a new flag is fuzzed too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from awsprep.cli.main import app
from tests.conftest import MIXED, write_bank

HOSTILE = (
    "",
    "-1",
    "0",
    "99999999999999999999999",
    "NaN",
    "inf",
    "-inf",
    "1e308",
    "1e999",
    "\x1b]0;t\x07[/]\u202e",
    "x" * 5000,
    "/proc/self/x.yaml",
    "/sys/x.yaml",
    "sqlite:////proc/self/x",
    "postgresql+psycopg://ap:pw@127.0.0.1:1/x",
)
OK_CODES = {0, 1, 2, 130}


def commands() -> Iterator[tuple[list[str], Any]]:
    def walk(cmd: Any, path: list[str]) -> Iterator[tuple[list[str], Any]]:
        if path and cmd.callback is not None:
            yield path, cmd
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from walk(sub, [*path, name])

    yield from walk(typer.main.get_command(app), [])


PER_OPTION = 3  # values per option, rotating through HOSTILE so every value meets many options


def cases() -> Iterator[tuple[list[str], list[str]]]:
    turn = 0
    for path, cmd in commands():
        for param in cmd.params:
            if getattr(param, "is_flag", False):
                continue
            for _ in range(PER_OPTION):
                value, turn = HOSTILE[turn % len(HOSTILE)], turn + 1
                if param.param_type_name == "argument":
                    yield path, [value]
                else:
                    yield path, [param.opts[0], value]


CASES = list(cases())


def test_every_command_and_flag_is_fuzzed() -> None:
    fuzzed = {" ".join(path) for path, _ in CASES}
    for must in ("review", "exam", "import", "lint", "cards list", "settings", "calc lambda", "bank stats"):
        assert must in fuzzed


@pytest.mark.parametrize("now", ["2026-01-05T09:00:00", "9999-12-31T23:59", "0001-01-01T00:00"])
def test_no_traceback_for_any_hostile_value(env, now, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    write_bank(env, MIXED)
    monkeypatch.chdir(tmp_path)  # a hostile value taken as an output path ("NaN") lands here, not in the repo
    monkeypatch.setenv("AWSPREP_NOW", now)
    runner = CliRunner()
    chosen = CASES if now.startswith("2026") else CASES[:: PER_OPTION * 2]
    failures = []
    for path, extra in chosen:
        args = [*path, *extra]
        if path[0] in ("review", "exam") and "--plain" not in args:
            args.append("--plain")
        res = runner.invoke(app, args, input="1\n4\n:s\n")
        crashed = res.exception is not None and not isinstance(res.exception, SystemExit)
        shown_password = "--db" in args and ":pw@" in res.output
        if crashed or res.exit_code not in OK_CODES or "Traceback" in res.output or shown_password:
            failures.append((" ".join(a[:40] for a in args), repr(res.exception)[:200]))
    assert not failures, "\n".join(map(str, failures))
