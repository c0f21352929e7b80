"""Damaged, read-only and foreign databases are found at open, before anything is changed or lost."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from awsprep.cli.main import app
from tests.conftest import basic_cards, write_bank


def used_db(env, runner: CliRunner) -> Path:  # type: ignore[no-untyped-def]
    write_bank(env, basic_cards(30))
    res = runner.invoke(app, ["review", "--plain"], input="\n4\n\n5\n")
    assert res.exit_code == 0, res.output
    return Path(env["AWSPREP_HOME"]) / "awsprep.db"


def flip(db: Path, offsets: list[int]) -> None:
    data = bytearray(db.read_bytes())
    for at in offsets:
        data[at] ^= 0xFF
    db.write_bytes(bytes(data))


def test_a_backup_is_made_and_a_damaged_database_is_refused_naming_it(env, runner) -> None:  # type: ignore[no-untyped-def]
    db = used_db(env, runner)
    backup = db.with_name("awsprep.db.backup")
    assert backup.is_file()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    runner.invoke(app, ["cards", "list"])  # checkpoint: the answers are in the main file
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    flip(db, list(range(100, 108)))  # eight bytes of page 1 (the schema)
    for args in (["review", "--plain"], ["exam", "--resume"], ["cards", "list"], ["db", "check"]):
        res = runner.invoke(app, args, input="")
        assert res.exit_code in (1, 2), (args, res.output)
        assert res.exception is None or isinstance(res.exception, SystemExit), (args, res.exception)
        assert "damaged" in res.output and str(backup) in res.output, (args, res.output)


def test_random_flips_are_refused_and_never_written_to(env, runner) -> None:  # type: ignore[no-untyped-def]
    db = used_db(env, runner)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.stat().st_size
    flip(db, random.Random(7).sample(range(100, size), 30))
    before = db.read_bytes()
    res = runner.invoke(app, ["review", "--plain"], input="\n4\n")
    if res.exit_code == 0:  # flips that SQLite cannot see (free space) change nothing it reads
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    else:
        assert res.exit_code == 2 and ("damaged" in res.output or "cannot be used" in res.output)
        assert res.exception is None or isinstance(res.exception, SystemExit)
        assert db.read_bytes() == before


def test_db_check_says_sound(env, runner) -> None:  # type: ignore[no-untyped-def]
    used_db(env, runner)
    res = runner.invoke(app, ["db", "check"])
    assert res.exit_code == 0 and "sound" in res.output and "Backup:" in res.output


def test_a_database_of_another_program_is_refused_unchanged(env, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    before = other.read_bytes()
    res = runner.invoke(app, ["cards", "list", "--db", f"sqlite:///{other}"])
    assert res.exit_code == 2 and "another program" in res.output
    assert other.read_bytes() == before
    assert not Path(str(other) + "-wal").exists()
    with sqlite3.connect(other) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_read_only_database_is_found_before_the_first_card(env, runner) -> None:  # type: ignore[no-untyped-def]
    db = used_db(env, runner)
    url = f"sqlite:///file:{db}?mode=ro&uri=true"  # read-only even for root
    res = runner.invoke(app, ["review", "--plain", "--db", url], input="\n4\n")
    assert res.exit_code == 2, res.output
    assert "cannot be opened for writing" in res.output
    assert "Q:" not in res.output  # no card was shown, so no answer was lost
    if os.geteuid() != 0:
        db.chmod(0o444)
        res = runner.invoke(app, ["review", "--plain"], input="\n4\n")
        assert res.exit_code == 2 and "Q:" not in res.output


def test_the_quick_check_is_skipped_only_for_a_file_as_awsprep_left_it(env, runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from awsprep.store import health

    monkeypatch.setattr(health, "ALWAYS_CHECK_BELOW", 0)  # as if the database were large
    checks: list[Path] = []
    real_check = health.check
    monkeypatch.setattr(health, "check", lambda db, full=False: checks.append(db) or real_check(db, full))
    db = used_db(env, runner)
    assert health.checked_path(db).is_file()  # the review closed the store cleanly
    checks.clear()
    assert runner.invoke(app, ["cards", "list"]).exit_code == 0
    assert checks == []  # unchanged since the last command: not read whole again
    conn = sqlite3.connect(db)  # another program writes to it
    with conn:
        conn.execute("CREATE TABLE scratch (x)")
    conn.close()
    assert runner.invoke(app, ["cards", "list"]).exit_code == 0
    assert checks == [db]
    checks.clear()
    backup = health.backup_path(db)
    os.utime(backup, (backup.stat().st_atime, backup.stat().st_mtime - health.BACKUP_EVERY_SECONDS - 1))
    assert runner.invoke(app, ["cards", "list"]).exit_code == 0
    assert checks == [db]  # once a day, before the backup, whatever the signature says


def test_a_damaged_large_database_that_another_program_wrote_is_refused(env, runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from awsprep.store import health

    monkeypatch.setattr(health, "ALWAYS_CHECK_BELOW", 0)
    db = used_db(env, runner)
    runner.invoke(app, ["cards", "list"])
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    flip(db, list(range(100, 108)))
    os.utime(db, ns=(db.stat().st_atime_ns, db.stat().st_mtime_ns + 1_000_000))  # later, on any clock
    res = runner.invoke(app, ["review", "--plain"], input="")
    assert res.exit_code == 2 and "damaged" in res.output
    assert not health.unchanged_since_checked(db)


def test_a_store_that_met_a_database_error_is_not_noted_sound(tmp_path: Path) -> None:
    import pytest
    from sqlalchemy.exc import OperationalError

    from awsprep.store import health
    from awsprep.store.db import StoreError, sqlite_url, translate_errors
    from awsprep.store.repo import Store

    db = tmp_path / "e.db"
    store = Store(sqlite_url(db))
    with pytest.raises(StoreError, match="damaged"), translate_errors(sqlite_url(db)):
        raise OperationalError("SELECT 1", {}, Exception("database disk image is malformed"))
    store.close()
    assert not health.checked_path(db).exists()
    clean = Store(sqlite_url(db))
    clean.close()
    assert health.unchanged_since_checked(db)
