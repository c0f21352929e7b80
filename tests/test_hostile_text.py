"""One rule for every command: text from notes, banks, file names or the database reaches the terminal
escaped. The same hostile text goes through every command that prints it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awsprep.cli.main import app
from awsprep.ui.escape import literal
from tests.conftest import write_bank

# OSC 52 (clipboard), OSC 0 (window title), CSI clear screen, a bidi override, a zero-width space, markup
HOSTILE = "Evil\x1b]52;c;SGk=\x07\x1b]0;pwned\x07\x1b[2J\u202eTXE\u200b [link=http://x]click[/link] [/]"
RAW = ("\x1b", "\x07", "\u202e", "\u200b")


def clean(output: str) -> None:
    for ch in RAW:
        assert ch not in output, f"{ch!r} reached the terminal"


def hostile_bank(env: dict[str, str]) -> None:
    q = json.dumps(HOSTILE)
    write_bank(
        env,
        f"""  - id: "evil[/]"
    type: basic
    domain: development
    front: {q}
    back: {q}
  - id: ev-mcq
    type: mcq
    domain: development
    question: {q}
    options: [{q}, right-x, wrong-y, wrong-z]
    correct: [1]
    explanation: {q}
""",
    )


def test_literal_shows_controls_bidi_and_zero_width_visibly() -> None:
    shown = literal(HOSTILE)
    clean(shown)
    assert "^[]52;c;SGk=^G" in shown and "<U+202E>" in shown and "<U+200B>" in shown


def test_import_explain_dry_run_warnings_and_lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home"))
    notes = tmp_path / f"n{HOSTILE.replace('/', '_')}"
    notes.mkdir()
    body = f"# Lambda {HOSTILE}\n\n- **{HOSTILE}**: a term {HOSTILE}\n- Lambda memory: 128 MB to 3 GB\n"
    (notes / f"f{HOSTILE.replace('/', '_')}.md").write_text(body, encoding="utf-8")
    broken = tmp_path / "b.yaml"
    broken.write_text(f"schema: 1\ndeck: x\ncards: [{{id: {json.dumps(HOSTILE)}}}]\n", encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["import", str(notes), "--explain", "--dry-run", "--deck", "d", "--bank", str(broken)],
        ["import", str(notes), "--deck", "d"],
        ["lint", str(notes)],
        ["decks"],
    ):
        res = runner.invoke(app, args)
        assert res.exception is None or isinstance(res.exception, SystemExit), (args, res.exception)
        clean(res.output)
        assert "Evil" in res.output or args[0] == "decks" or ("--explain" not in args and args[0] == "import")
    res = runner.invoke(app, ["import", str(notes), "--explain", "--dry-run", "--deck", "d"])
    assert "[link=http://x]click[/link]" in res.output  # markup is shown as text


def test_bank_commands_cards_review_and_exam(env, runner) -> None:  # type: ignore[no-untyped-def]
    hostile_bank(env)
    seen = {}
    for args, given in (
        (["cards", "list"], None),
        (["bank", "stats"], None),
        (["decks"], None),
        (["review", "--plain"], "\n4\n\nb\n"),
        (["exam", "--plain", "-n", "1", "--domain", "development", "--seed", "1"], "a\ns\n"),
        (["exam", "--plain", "--mode", "practice", "-n", "1", "--domain", "development"], "a\ns\n"),
    ):
        res = runner.invoke(app, args, input=given)
        assert res.exception is None or isinstance(res.exception, SystemExit), (args, res.exception)
        clean(res.output)
        seen["".join(args[:2])] = res
    assert seen["cardslist"].exit_code == 0 and "evil[/]" in seen["cardslist"].output
    assert "Evil^[]52" in seen["review--plain"].output and "Evil^[]52" in seen["exam--plain"].output
