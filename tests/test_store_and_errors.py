"""Bank sync keeps history; bad databases, banks and flags give one sentence and exit code 2."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from awsprep.cli.main import app
from awsprep.store import db as store_db
from tests.conftest import basic_cards, write_bank


def listing(runner):
    res = runner.invoke(app, ["cards", "list", "--json"])
    assert res.exit_code == 0, res.output
    return {c["id"]: c for c in json.loads(res.stdout)}


def test_sync_keeps_history_retires_and_restores(env, runner):
    path = write_bank(env, basic_cards(3))
    runner.invoke(app, ["review", "--plain"], input="\n5\n\n5\n\n5\n")
    assert listing(runner)["c001"]["reps"] == 1
    # reword c001, drop c002
    text = path.read_text().replace("Front 1?", "Front one, reworded?")
    text = "\n".join(line for line in text.splitlines() if "c002" not in line) + "\n"
    path.write_text(text)
    state = listing(runner)
    assert state["c001"]["reps"] == 1  # same id: history kept
    assert "c002" not in state  # retired: never shown...
    res = runner.invoke(app, ["review", "--plain"], input="\n5\nq\n", env={"AWSPREP_NOW": "2026-01-06T09:00"})
    assert "Card 1 of 2" in res.output
    assert "Front one, reworded?" in res.output and "Front 2?" not in res.output
    write_bank(env, basic_cards(3))  # ...but kept: it comes back with its history
    assert listing(runner)["c002"]["reps"] == 1


def test_bad_bank_yaml_names_file_and_line(env, runner):
    path = write_bank(env, "  - id: a\n    type: basic\n    front: [unclosed\n")
    res = runner.invoke(app, ["review", "--plain"], input="")
    assert res.exit_code == 2
    assert f"{path}:" in res.stderr and "not valid YAML" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_a_value_yaml_takes_for_a_date_that_is_no_date_names_file_and_line(env, runner):
    """ "back: 2001-13-45" is a date to YAML, and no valid one: one sentence with file:line, exit 2."""
    path = write_bank(env, "  - id: a\n    type: basic\n    front: When?\n    back: 2001-13-45\n")
    res = runner.invoke(app, ["cards", "list"])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert f"{path}:7: holds 2001-13-45, which YAML reads as a date but is not a valid one" in res.stderr


def test_invalid_card_names_field(env, runner):
    path = write_bank(
        env, "  - id: a\n    type: mcq\n    question: Q?\n    options: [x, y]\n    correct: [5]\n"
    )
    res = runner.invoke(app, ["cards", "list"])
    assert res.exit_code == 2
    assert f"{path}:8: card 'a': field 'correct' has 5, which is not an option index (0-1)." in res.stderr


def test_yaml_is_loaded_safely(env, runner):
    write_bank(env, "  - !!python/object/apply:os.system ['echo pwned']\n")
    res = runner.invoke(app, ["cards", "list"])
    assert res.exit_code == 2 and "not valid YAML" in res.stderr


def test_corrupt_database(env, runner, tmp_path):
    write_bank(env, basic_cards(1))
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    res = runner.invoke(app, ["review", "--plain", "--db", f"sqlite:///{bad}"], input="")
    assert res.exit_code == 2
    assert "damaged or not an awsprep database" in res.stderr
    assert bad.read_bytes().startswith(b"this is not")  # left as it was


def test_unusable_db_url(env, runner):
    res = runner.invoke(app, ["cards", "list", "--db", "nosuchdialect://x"])
    assert res.exit_code == 2 and "not a usable SQLAlchemy URL" in res.stderr


def test_database_from_newer_awsprep(env, runner, tmp_path):
    write_bank(env, basic_cards(1))
    assert runner.invoke(app, ["cards", "list"]).exit_code == 0
    dbfile = Path(env["AWSPREP_HOME"]) / "awsprep.db"
    with sqlite3.connect(dbfile) as conn:
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    res = runner.invoke(app, ["cards", "list"])
    assert res.exit_code == 2 and "newer awsprep" in res.stderr


def test_locked_database_is_one_sentence(env, runner, monkeypatch):
    write_bank(env, basic_cards(1))
    assert runner.invoke(app, ["cards", "list"]).exit_code == 0
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)
    dbfile = Path(env["AWSPREP_HOME"]) / "awsprep.db"
    holder = sqlite3.connect(dbfile, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        res = runner.invoke(app, ["review", "--plain"], input="\n5\n")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert res.exit_code != 0
    assert "locked by another program" in res.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "--new", "-1"], "Invalid value"),
        (["review", "--deck", "nope"], "There is no deck named 'nope'"),
        (["settings", "bogus", "1"], "Unknown setting 'bogus'"),
        (["settings", "new-per-day", "lots"], "must be a whole number"),
        (["cards", "suspend", "no-such-card"], "There is no card with id 'no-such-card'"),
    ],
)
def test_usage_errors_exit_2(env, runner, args, message):
    write_bank(env, basic_cards(1))
    res = runner.invoke(app, args, input="")
    assert res.exit_code == 2
    assert message in res.output


def test_bad_clock(env, runner):
    write_bank(env, basic_cards(1))
    res = runner.invoke(app, ["cards", "list"], env={"AWSPREP_NOW": "yesterday"})
    assert res.exit_code == 2 and "AWSPREP_NOW='yesterday' is not an ISO 8601" in res.stderr


def test_missing_bank_override(env, runner, tmp_path):
    res = runner.invoke(app, ["cards", "list"], env={"AWSPREP_BANK": str(tmp_path / "missing")})
    assert res.exit_code == 2 and "does not exist" in res.stderr


def test_bank_not_utf8(env, runner):
    (Path(env["AWSPREP_BANK"]) / "bad.yaml").write_bytes(b"schema: 1\ncards: []\n# \xff\xfe\n")
    res = runner.invoke(app, ["cards", "list"])
    assert res.exit_code == 2 and "is not UTF-8 text" in res.stderr


def test_a_db_url_whose_folder_does_not_exist_is_refused_not_created(env, runner, tmp_path):
    write_bank(env, basic_cards(1))
    missing = tmp_path / "no" / "such" / "dir"
    res = runner.invoke(app, ["review", "--plain", "--db", f"sqlite:///{missing}/x.db"], input="q\n")
    assert res.exit_code == 2, res.output
    assert f"The folder {missing} of the database {missing}/x.db does not exist" in res.stderr
    assert not missing.exists()
    # the default data dir is created on first use
    res = runner.invoke(app, ["review", "--plain"], input="q\n")
    assert res.exit_code == 0, res.output


def test_database_passwords_are_never_printed(env, runner):
    res = runner.invoke(app, ["cards", "list", "--db", "nosuchdialect://ap:s3cret@localhost/x"])
    assert res.exit_code == 2
    assert "s3cret" not in res.output and "ap:***@" in res.stderr
