"""A database's health: the quick check at open, the full check on request, the daily backup.

SQLite only (a server database has its own tools). The backup is one file next to the database,
`<name>.backup`, refreshed through SQLite's online backup API once a day from a database that passed
the quick check, so it is the last good copy when the database is found damaged.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import ArgumentError

from awsprep.store.db import StoreError

BACKUP_EVERY_SECONDS = 24 * 3600


def sqlite_file(engine: Engine) -> Path | None:
    db = engine.url.database
    if engine.dialect.name != "sqlite" or not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None for another database or a URL that does not parse."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def backup_path(db: Path) -> Path:
    return db.with_name(db.name + ".backup")


def where_backup(db: Path) -> str:
    backup = backup_path(db)
    if backup.is_file():
        return f"the last good backup is {backup}; copy it over {db} to restore it"
    return f"there is no backup yet; move {db} aside to start afresh (your bank is untouched)"


def check(db: Path, full: bool = False) -> list[str]:
    """The problems SQLite finds in the file ([] when it is sound); opened read-only, nothing changed."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check(20)").fetchall()
        return [str(r[0]) for r in rows if r[0] != "ok"]
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        return [str(exc) if isinstance(exc, sqlite3.Error) else "the file's header is damaged"]
    finally:
        conn.close()


def refuse_if_damaged(db: Path) -> None:
    if not db.is_file() or db.stat().st_size == 0:
        return
    problems = check(db)
    if problems:
        why = problems[0][:120]
        raise StoreError(
            f"The database {db} is damaged or not an awsprep database ({why}); {where_backup(db)}."
        )


def daily_backup(engine: Engine, db: Path, now: float | None = None) -> None:
    """Copy the (checked) database to its backup file when the backup is missing or a day old."""
    backup = backup_path(db)
    moment = time.time() if now is None else now
    if backup.is_file() and moment - backup.stat().st_mtime < BACKUP_EVERY_SECONDS:
        return
    tmp = backup.with_name(backup.name + ".tmp")
    try:
        raw = engine.raw_connection()
        try:
            target = sqlite3.connect(tmp)
            try:
                raw.driver_connection.backup(target)  # type: ignore[union-attr]
            finally:
                target.close()
        finally:
            raw.close()
        tmp.replace(backup)
    except (OSError, sqlite3.Error):
        tmp.unlink(missing_ok=True)  # a backup that cannot be written must not stop a review
