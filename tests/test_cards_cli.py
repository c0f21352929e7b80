"""`awsprep cards list` (text, filters, whole ids in pipes and terminals) and `cards show ID`."""

from __future__ import annotations

import io
import json
from datetime import date

from typer.testing import CliRunner

from awsprep.cli.main import app
from awsprep.sched.sm2 import CardState
from awsprep.sched.status import CardStatus
from awsprep.ui.cards import print_card_list
from tests.conftest import MIXED, write_bank

LONG_ID = "a-card-id-long-enough-that-a-narrow-table-would-cut-it-0123456789"
TAGGED = f"""\
  - id: {LONG_ID}
    type: basic
    tags: [dynamodb, keys]
    front: Which attribute spreads writes across partitions in DynamoDB?
    back: The partition key
    source: {{file: notes/dynamodb.md, line: 12, path: [DynamoDB, Keys]}}
  - id: t2
    type: basic
    tags: [sqs]
    front: What hides a received SQS message from other consumers?
    back: The visibility timeout
"""


def _lines(runner: CliRunner, *args: str) -> list[list[str]]:
    res = runner.invoke(app, ["cards", "list", *args])
    assert res.exit_code == 0, res.output
    return [line.split("\t") for line in res.stdout.splitlines()]


def test_list_shows_the_text_and_whole_ids_in_a_pipe(env, runner):
    write_bank(env, MIXED + TAGGED)
    rows = {r[0]: r for r in _lines(runner)}
    assert LONG_ID in rows  # whole, though longer than any column would be
    assert rows["b1"][1:] == ["basic", "new", "-", "What is the answer?"]
    assert rows["z1"][4] == "The default timeout is 3 seconds."  # cloze: the sentence with its words
    assert rows["m1"][4].startswith("Pick the two even numbers.")


def test_list_filters_by_search_tag_state_and_deck(env, runner):
    write_bank(env, MIXED + TAGGED)
    assert [r[0] for r in _lines(runner, "--search", "PARTITIONS")] == [LONG_ID]
    assert [r[0] for r in _lines(runner, "--search", "z1")] == ["z1"]  # ids match too
    assert [r[0] for r in _lines(runner, "--tag", "sqs")] == ["t2"]
    assert [r[0] for r in _lines(runner, "--tag", "dynamodb", "--tag", "keys")] == [LONG_ID]
    runner.invoke(app, ["cards", "suspend", "t2"])
    assert [r[0] for r in _lines(runner, "--state", "suspended")] == ["t2"]
    assert "t2" not in [r[0] for r in _lines(runner, "--state", "new")]
    assert len(_lines(runner, "--deck", "test")) == 6
    bad = runner.invoke(app, ["cards", "list", "--state", "sleeping"])
    assert bad.exit_code == 2 and "new, learning, due" in bad.output


def test_list_json_has_text_and_tags(env, runner):
    write_bank(env, TAGGED)
    data = json.loads(runner.invoke(app, ["cards", "list", "--json", "--tag", "keys"]).stdout)
    assert [c["id"] for c in data] == [LONG_ID]
    assert data[0]["tags"] == ["dynamodb", "keys"] and data[0]["text"].startswith("Which attribute")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_table_cuts_the_text_never_the_id(monkeypatch):
    monkeypatch.setenv("COLUMNS", "70")
    card = CardStatus(LONG_ID, "d", "basic", CardState(), text="word " * 40)
    out = _Tty()
    print_card_list([card], date(2026, 1, 5), out)
    row = next(line for line in out.getvalue().splitlines() if LONG_ID in line)
    assert row.rstrip().endswith("…") and len(row.rstrip()) <= 70


def test_show_prints_content_source_and_history(env, runner):
    write_bank(env, TAGGED)
    res = runner.invoke(app, ["review", "--plain"], input="\n4\n")
    assert res.exit_code == 0, res.output
    shown = runner.invoke(app, ["cards", "show", LONG_ID])
    assert shown.exit_code == 0, shown.output
    text = shown.stdout
    assert "Q: Which attribute spreads writes" in text and "A: The partition key" in text
    assert "Source: notes/dynamodb.md:12 (DynamoDB > Keys)" in text
    assert "Tags: dynamodb, keys" in text and "History" in text and "answer" in text
    data = json.loads(runner.invoke(app, ["cards", "show", LONG_ID, "--json"]).stdout)
    assert data["source"] == [{"file": "notes/dynamodb.md", "line": 12, "path": ["DynamoDB", "Keys"]}]
    assert [(h["action"], h["grade"]) for h in data["history"]] == [("answer", 4)]
    assert data["card"]["back"] == "The partition key" and data["status"]["reps"] == 1
    missing = runner.invoke(app, ["cards", "show", "nope"])
    assert missing.exit_code == 2 and "no card with id 'nope'" in missing.output
