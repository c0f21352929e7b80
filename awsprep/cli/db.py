"""Opening the store for a command: --db / AWSPREP_DB / the default SQLite file, then the bank sync."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import typer

from awsprep.cli.common import at_exit, bank_roots, data_dir, fail, guard
from awsprep.errors import UsageError
from awsprep.ui.escape import literal

if TYPE_CHECKING:
    from awsprep.store.repo import Store, SyncReport

DB_FILE = "awsprep.db"
DB_HELP = "SQLAlchemy database URL (default: AWSPREP_DB, else SQLite in the user data dir)."


def db_url(option: str | None) -> str:
    if option:
        return option
    env = os.environ.get("AWSPREP_DB")
    if env:
        return env
    from awsprep.store.db import sqlite_url

    home = data_dir()
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"Cannot create the data folder {home}: {exc.strerror or exc}.") from None
    return sqlite_url(home / DB_FILE)


def open_store(option: str | None, sync: bool = True) -> tuple[Store, SyncReport | None]:
    from awsprep.ui.progress import FirstStart

    first_start = FirstStart(sys.stderr)
    default_db = not option and not os.environ.get("AWSPREP_DB")
    if sync and default_db and not (data_dir() / DB_FILE).exists():
        first_start.opening()  # said before the database code loads: no blank screen at all
    from awsprep.store.repo import Store
    from awsprep.store.sync import sync_bank
    from awsprep.study.settings import policy

    store = Store(db_url(option))
    at_exit(store.close)  # when the command ends, however it ends (cli/common.guard)
    store.policy = policy(store)  # answers and exam failures go through the chosen scheduler
    report = sync_bank(store, bank_roots(), first_start) if sync else None
    return store, report


def check_decks(store: Store, decks: list[str] | None) -> list[str] | None:
    if not decks:
        return None
    known = store.deck_names()
    missing = [d for d in decks if d not in known]
    if missing:
        names = ", ".join(sorted(known)) or "none"
        raise UsageError(f"There is no deck named {missing[0]!r}; the decks are: {names}.")
    return decks


def add_check(db_app: typer.Typer) -> None:
    """`awsprep db check`, added to the `db` group (cli/transfer.py has `db copy`)."""

    @db_app.command("check")
    @guard
    def check(db: str = typer.Option(None, "--db", help=DB_HELP)) -> None:
        """Run SQLite's full integrity check (read-only); say where the last good backup is."""
        from awsprep.store import health
        from awsprep.store.db import redact

        url = db_url(db)
        path = health.sqlite_path(url)
        if path is None:
            raise UsageError(f"db check works on SQLite files; {redact(url)} is not one.")
        if not path.is_file():
            raise UsageError(f"There is no database at {path} yet.")
        problems = health.check(path, full=True)
        if problems:
            for line in problems:
                sys.stderr.write(f"awsprep: {literal(line)}\n")
            raise fail(f"The database {path} is damaged; {health.where_backup(path)}.", 1)
        typer.echo(f"The database {path} is sound (integrity_check: ok).")
        if health.backup_path(path).is_file():
            typer.echo(f"Backup: {health.backup_path(path)}")
