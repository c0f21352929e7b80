"""`awsprep db copy`: a learner's whole database (cards, review log, settings, exams) into another one,
SQLite to a server or back, checked by counting the rows on both sides."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, text

from awsprep.errors import UsageError
from awsprep.store.db import StoreError, make_engine, migrate, redact, translate_errors
from awsprep.store.models import Base, CardRow, ReviewLog
from awsprep.store.tallies import TALLY_TABLES

BATCH = 1000


def _zoned(row: dict[str, Any]) -> dict[str, Any]:
    """SQLite hands awsprep's UTC times back without a zone; a server must not read them as local."""
    return {
        k: v.replace(tzinfo=UTC) if isinstance(v, datetime) and v.tzinfo is None else v
        for k, v in row.items()
    }


def _copied() -> list[Any]:
    """The tables copied row by row: all but the review log's tallies, which the target's triggers count
    again as the log arrives (`store/tallies.py`)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in TALLY_TABLES]


def copy_database(source: str, target: str) -> dict[str, int]:
    """Copy every table; the target must not hold cards or answers yet. Returns the rows per table."""
    if source == target:
        raise UsageError("--to names the database being copied; give another one.")
    src, dst = make_engine(source), make_engine(target)
    migrate(src, source)
    migrate(dst, target)
    counts: dict[str, int] = {}
    try:
        with translate_errors(redact(target)), dst.begin() as out:
            used = sum(
                out.execute(select(func.count()).select_from(t)).scalar_one() for t in (CardRow, ReviewLog)
            )
            if used:
                raise UsageError(
                    f"The database {redact(target)} already holds cards or answers; "
                    "copy into an empty one, so nothing is mixed or overwritten."
                )
            with translate_errors(redact(source)), src.connect() as inp:
                for table in _copied():
                    out.execute(delete(table))  # the new schema's own meta rows are replaced by the source's
                    rows = [_zoned(dict(r._mapping)) for r in inp.execute(select(table))]
                    for start in range(0, len(rows), BATCH):
                        out.execute(insert(table), rows[start : start + BATCH])
                    counts[table.name] = len(rows)
            if dst.dialect.name == "postgresql":  # ids were copied as they are: move the counters past them
                for name in ("review_log", "exam_attempts"):
                    out.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
                        )
                    )
        with dst.connect() as check:
            for table in _copied():
                n = check.execute(select(func.count()).select_from(table)).scalar_one()
                if n != counts[table.name]:
                    raise StoreError(
                        f"The copy into {redact(target)} has {n} rows in {table.name}, "
                        f"not {counts[table.name]}."
                    )
    finally:
        src.dispose()
        dst.dispose()
    return counts
