"""What every command shares: the clock, paths, error handling, JSON output.

Kept light: importing this module must not import sqlalchemy or the store.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import typer

from awsprep.errors import AwsprepError, UsageError

# Dates far from today leave no room for due dates and intervals (date arithmetic stops at year 9999).
EARLIEST_YEAR, LATEST_YEAR = 1970, 9000

P = ParamSpec("P")
R = TypeVar("R")


def now() -> datetime:
    """The current time, or AWSPREP_NOW (ISO 8601) when set. Naive datetimes are taken as UTC."""
    raw = os.environ.get("AWSPREP_NOW")
    if not raw:
        return datetime.now(UTC)
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise UsageError(
            f"AWSPREP_NOW={raw!r} is not an ISO 8601 date-time such as 2026-01-31T09:00."
        ) from None
    value = value if value.tzinfo else value.replace(tzinfo=UTC)
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise UsageError(
            f"AWSPREP_NOW={raw!r} is outside the years awsprep can schedule in "
            f"({EARLIEST_YEAR} to {LATEST_YEAR})."
        )
    return value


def data_dir() -> Path:
    """Where awsprep keeps the database and imported decks (AWSPREP_HOME overrides platformdirs)."""
    home = os.environ.get("AWSPREP_HOME")
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir("awsprep", appauthor=False))


def content_dir() -> Path:
    """The bundled content: inside the installed package, or the repository's content/ folder."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "_content"
    return installed if installed.is_dir() else here.parent / "content"


def bundled_bank_dir() -> Path:
    return content_dir() / "bank"


def bank_roots() -> list[Path]:
    """Bank files studied by review and exam: the bundled bank (or AWSPREP_BANK) and imported decks."""
    override = os.environ.get("AWSPREP_BANK")
    bundled = [Path(p) for p in override.split(os.pathsep) if p] if override else [bundled_bank_dir()]
    for path in bundled:
        if not path.exists():
            raise UsageError(f"The bank {path} does not exist (from AWSPREP_BANK).")
    return [*bundled, imported_decks_dir()]


def imported_decks_dir() -> Path:
    return data_dir() / "decks"


def given_paths(raw: list[str] | list[Path], what: str = "The path") -> list[Path]:
    """Paths named on the command line (as typed: Path('') would be the current folder): an empty one
    is a usage error, and a path the system cannot even look up (too long, a loop) is one sentence."""
    paths = []
    for text in raw:
        if str(text) == "":
            raise UsageError("A path is empty; name a file or folder (use . for the current folder).")
        path = Path(text)
        paths.append(path)
        try:
            path.exists()
            os.stat(path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise UsageError(f"{what} {_short(path)} cannot be used ({exc.strerror or exc}).") from None
    return paths


def _short(path: Path | str) -> str:
    text = str(path)
    return text if len(text) <= 80 else f"{text[:60]}...({len(text)} characters)"


SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")


def writable_file(path: Path, option: str) -> Path:
    """A file awsprep may write: a regular file, or none yet, in a writable folder; never a device or a
    file under /proc, /sys or /dev."""
    given_paths([path], option)
    try:
        real = path.resolve()
        exists = real.exists()
        regular = real.is_file()
        nearest = next(p for p in real.parents if p.exists())  # missing folders are created
        folder_ok = nearest.is_dir() and os.access(nearest, os.W_OK)
    except (OSError, RuntimeError) as exc:
        raise UsageError(f"{option} {_short(path)} cannot be used ({exc}).") from None
    if any(real == Path(s) or Path(s) in real.parents for s in SYSTEM_FOLDERS):
        raise UsageError(f"{option} {_short(path)} is a system path; give a file in one of your folders.")
    if exists and real.is_dir():
        raise UsageError(
            f"{option} {_short(path)} is a folder; give a file name such as {path / 'notes.yaml'}."
        )
    if exists and not regular:
        raise UsageError(
            f"{option} {_short(path)} is not a regular file; give a file in one of your folders."
        )
    if not folder_ok:
        raise UsageError(f"{option} {_short(path)}: the folder {_short(real.parent)} cannot be written.")
    return path


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, sort_keys=False, default=str) + "\n")


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one plain sentence to stderr; return the Exit to raise."""
    from awsprep.ui.escape import literal

    sys.stderr.write(f"awsprep: {literal(message)}\n")
    sys.stderr.flush()
    return typer.Exit(code)


_closing: list[Callable[[], None]] = []
_depth: list[Callable[..., Any]] = []  # guarded commands running (one may call another): the outermost closes


def at_exit(close: Callable[[], None]) -> None:
    """Call `close` when the command ends, whether it succeeds or fails (the store is closed this way)."""
    _closing.append(close)


def guard(func: Callable[P, R]) -> Callable[P, R]:
    """Turn domain errors and Ctrl-C into one sentence and an exit code; then close what the command
    opened (at_exit)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        outermost = not _depth
        _depth.append(func)
        try:
            return func(*args, **kwargs)
        except AwsprepError as exc:
            raise fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted; every answer given so far is saved.", 130) from None
        except BrokenPipeError:  # the reader went away (`| head`): click ends quietly, exit code 1
            raise
        except OSError as exc:  # a path the system refuses (too long, a device, no permission)
            where = f"{_short(exc.filename)}: " if exc.filename else ""
            raise fail(f"{where}{exc.strerror or exc}.", 2) from None
        finally:
            _depth.pop()
            while outermost and _closing:
                _closing.pop()()

    return wrapper
