"""Hostile banks, notes and paths: refused or skipped in one sentence, quickly, with nothing lost."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awsprep.bank.errors import BankError
from awsprep.bank.io import parse_yaml
from awsprep.cli.main import app

BOMB = """\
schema: 1
deck: x
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
cards:
  - id: bomb
    type: numeric
    question: "{x}?"
    answer: 1
    params: {x: *g}
"""


def test_alias_bomb_anywhere_in_a_bank_is_refused_quickly() -> None:
    start = time.process_time()
    with pytest.raises(BankError, match="alias"):
        parse_yaml(BOMB, "bomb.yaml")
    assert time.process_time() - start < 5  # generous: the refusal walks at most the budget


def test_a_few_aliases_are_fine() -> None:
    data = parse_yaml("base: &b {x: 1}\nitems: [*b, *b, *b]\n", "ok.yaml")
    assert data["items"] == [{"x": 1}] * 3


def test_alias_bomb_in_the_bank_is_one_sentence(env, runner: CliRunner) -> None:  # type: ignore[no-untyped-def]
    (Path(env["AWSPREP_BANK"]) / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    res = runner.invoke(app, ["bank", "stats"])
    assert res.exit_code == 2 and "alias" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("command", ["import", "lint"])
def test_an_empty_path_is_a_usage_error(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.md").write_text("- **Term**: a definition\n", encoding="utf-8")
    res = CliRunner().invoke(app, [command, ""])
    assert res.exit_code == 2 and "empty" in res.output
    assert not (tmp_path / "home" / "decks").exists()


@pytest.mark.parametrize("command", ["import", "lint"])
def test_a_5000_character_path_is_a_sentence(command: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home"))
    res = CliRunner().invoke(app, [command, "x" * 5000])
    assert (res.exit_code == 2 and res.exception is None) or isinstance(res.exception, SystemExit)
    assert "too long" in res.output


def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "n.md").write_text(
        "# Lambda\n\n- **Layers**: shared code for many functions\n", encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize("bank", ["/proc/self/x.yaml", "/sys/x.yaml", "/dev/awsprep-x.yaml", "FIFO", "DIR/x"])
def test_bank_must_be_a_regular_file_in_a_writable_folder(bank: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home"))
    if bank == "FIFO":
        bank = str(tmp_path / "fifo.yaml")
        os.mkfifo(bank)
    if bank == "DIR/x":
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        bank = str(ro / "x.yaml")
        if os.access(ro, os.W_OK):  # root writes anywhere: a folder that is a file stands in
            (tmp_path / "file").write_text("x")
            bank = str(tmp_path / "file" / "x.yaml")
    res = CliRunner().invoke(app, ["import", str(notes(tmp_path)), "--bank", bank])
    assert res.exit_code == 2, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert "--bank" in res.output
    assert not Path("/dev/awsprep-x.yaml").exists()


def test_binary_files_are_skipped_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home"))
    folder = notes(tmp_path)
    (folder / "blob.md").write_bytes(bytes(range(256)) * 4096)
    res = CliRunner().invoke(app, ["import", str(folder), "--json"])
    assert res.exit_code == 0, res.output
    assert "blob.md" in res.stderr and "not text" in res.stderr
    assert '"cards": 1' in res.stdout
    res = CliRunner().invoke(app, ["lint", str(folder / "blob.md")])
    assert res.exit_code == 0 and "not text" in res.output


def test_lint_has_the_import_size_cap(tmp_path: Path) -> None:
    from awsprep.notes.files import MAX_FILE_BYTES

    big = tmp_path / "big.md"
    big.write_text("- Lambda memory: 128 MB to 3 GB\n" * (MAX_FILE_BYTES // 30), encoding="utf-8")
    start = time.process_time()
    res = CliRunner().invoke(app, ["lint", str(big)])
    assert "over the" in res.output and "limit" in res.output
    assert time.process_time() - start < 10


@pytest.mark.parametrize(
    ("args", "given"),
    [
        (["review", "--plain"], "\n4\n"),
        (["exam", "--plain", "-n", "1", "--domain", "development"], "a\n:s\n"),
    ],
)
def test_a_date_past_the_calendar_is_one_sentence(env, runner, args, given, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import write_bank
    from tests.exam_bank import EXAM_BANK

    write_bank(env, EXAM_BANK)
    monkeypatch.setenv("AWSPREP_NOW", "9999-12-31T23:59")
    res = runner.invoke(app, args, input=given)
    assert res.exit_code == 2, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert "AWSPREP_NOW" in res.output and "9000" in res.output


def test_a_huge_new_card_count_is_one_sentence(env, runner) -> None:  # type: ignore[no-untyped-def]
    res = runner.invoke(app, ["review", "--plain", "--new", "99999999999999999999999"], input="")
    assert res.exit_code == 2 and "--new" in res.output
