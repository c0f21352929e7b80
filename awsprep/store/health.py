"""A database's health: the quick check at open, the full check on request, the daily backup.

SQLite only (a server database has its own tools). The backup is one file next to the database,
`<name>.backup`, refreshed through SQLite's online backup API once a day from a database that passed
the quick check, so it is the last good copy when the database is found damaged.

The quick check reads the whole file (0.2 s at 100,000 cards), so it is skipped when the file is as an
awsprep command left it: a command that closes the store without a database error writes the file's
signature (inode, size, modification time, and the same of its WAL) to `<name>.checked`, and a file
that still has that signature is not checked again, except once a day, before the backup. A file that
anything else wrote to has another signature and gets the full check (`integrity_check`, about four
times the quick one: the quick check does not compare index entries with their rows, and a damaged
entry of an index a review does not read would be written through by its answers); every file under
ALWAYS_CHECK_BELOW gets at least the quick check (a change within the file system's clock tick keeps the
modification time, and small files cost little).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import ArgumentError

from awsprep.store.db import StoreError

BACKUP_EVERY_SECONDS = 24 * 3600
ALWAYS_CHECK_BELOW = 8 * 1024 * 1024  # bytes


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


def checked_path(db: Path) -> Path:
    return db.with_name(db.name + ".checked")


def signature(db: Path) -> str:
    """What changes when anything writes to the database or its WAL (inode, size, modification time)."""
    parts = []
    for path in (db, db.with_name(db.name + "-wal")):
        try:
            st = path.stat()
        except FileNotFoundError:
            parts.append("-")
            continue
        parts.append(f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}")
    return " ".join(parts)


def remember(db: Path) -> None:
    """Note the file as sound as it is now (a command closed it without a database error)."""
    target = checked_path(db)
    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.write_text(signature(db), encoding="utf-8")
        tmp.replace(target)
    except OSError:  # a read-only folder: the next start checks again
        tmp.unlink(missing_ok=True)


def unchanged_since_checked(db: Path) -> bool:
    try:
        return checked_path(db).read_text(encoding="utf-8") == signature(db)
    except (OSError, UnicodeDecodeError):
        return False


def refuse_if_damaged(db: Path, now: float | None = None) -> None:
    """The quick check, unless the file is large and as an awsprep command left it since the check of
    the day (see the module's docstring)."""
    if not db.is_file():
        return
    size = db.stat().st_size
    if size == 0:
        return
    unchanged = unchanged_since_checked(db)
    if size >= ALWAYS_CHECK_BELOW and not backup_due(db, now) and unchanged:
        return
    # a file something else wrote to (or a crash left) gets the full check: the quick one does not see a
    # damaged index entry, which a review may not read but an answer would write through
    problems = check(db, full=not unchanged)
    if problems:
        why = problems[0][:120]
        raise StoreError(
            f"The database {db} is damaged or not an awsprep database ({why}); {where_backup(db)}."
        )


def backup_due(db: Path, now: float | None = None) -> bool:
    """The backup is missing or a day old."""
    backup = backup_path(db)
    moment = time.time() if now is None else now
    return not backup.is_file() or moment - backup.stat().st_mtime >= BACKUP_EVERY_SECONDS


def daily_backup(engine: Engine, db: Path, now: float | None = None) -> None:
    """Copy the (checked) database to its backup file when the backup is missing or a day old."""
    if not backup_due(db, now):
        return
    backup = backup_path(db)
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
