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
    return value if value.tzinfo else value.replace(tzinfo=UTC)


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


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, sort_keys=False, default=str) + "\n")


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one plain sentence to stderr; return the Exit to raise."""
    from awsprep.ui.escape import literal

    sys.stderr.write(f"awsprep: {literal(message)}\n")
    sys.stderr.flush()
    return typer.Exit(code)


def guard(func: Callable[P, R]) -> Callable[P, R]:
    """Turn domain errors and Ctrl-C into one sentence and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except AwsprepError as exc:
            raise fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted; every answer given so far is saved.", 130) from None

    return wrapper
