"""`awsprep export anki|csv|json` and `awsprep db copy`: cards and history out to other tools and stores."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import typer

from awsprep.cli.common import emit_json, guard, now
from awsprep.cli.db import DB_HELP, check_decks, db_url, open_store
from awsprep.errors import UsageError
from awsprep.ui.text import counted

export_app = typer.Typer(help="Write cards and the review log for Anki, spreadsheets and other tools.")
db_app = typer.Typer(
    help="The database: copy a learner's whole history to another one, or check it for damage.",
    no_args_is_help=True,
)

DECK_HELP = "Only this deck (repeatable; default: every deck)."
CARD_COLUMNS = (
    "id",
    "deck",
    "type",
    "topic",
    "domain",
    "tags",
    "prompt",
    "answer",
    "sources",
    "state",
    "due",
    "interval",
    "ef",
    "reps",
    "lapses",
)
LOG_COLUMNS = (
    "id",
    "card_id",
    "ts",
    "day",
    "action",
    "grade",
    "was_new",
    "drill",
    "response_ms",
    "interval_before",
    "interval_after",
    "undone",
    "session",
)


def _target(out: Path, suffix: str) -> Path:
    if str(out) != "-" and out.is_dir():
        raise UsageError(f"{out} is a folder; give a file name such as {out / ('awsprep' + suffix)}.")
    if str(out) != "-" and not out.parent.is_dir():
        raise UsageError(f"The folder {out.parent} does not exist; create it first, or check the path.")
    return out


def _card_row(card: Any, status: Any, today: Any) -> dict[str, Any]:
    from awsprep.question import ask
    from awsprep.question.answers import expected_answer

    q = ask(card, __import__("random").Random(f"export:{card.id}"))
    st = status.state
    return {
        "id": card.id,
        "deck": card.deck,
        "type": card.type,
        "topic": card.topic,
        "domain": card.domain or "",
        "tags": " ".join(card.tags),
        "prompt": q.prompt,
        "answer": expected_answer(q) if not q.self_graded else q.answer_text,
        "sources": "; ".join(str(s) for s in card.sources),
        "state": status.name(today),
        "due": st.due.isoformat() if st.due else "",
        "interval": st.interval,
        "ef": round(st.ef, 3),
        "reps": st.reps,
        "lapses": st.lapses,
    }


def _log_row(e: Any) -> dict[str, Any]:
    row = {k: getattr(e, k) for k in LOG_COLUMNS}
    row["ts"], row["day"] = e.ts.isoformat(), e.day.isoformat()
    return row


def _write_text(out: Path, text: str) -> None:
    if str(out) == "-":
        sys.stdout.write(text)
        return
    from awsprep.bank.io import atomic_write

    atomic_write(out, text)


@export_app.command("anki")
@guard
def export_anki(
    out: Path = typer.Argument(..., help="The .apkg file to write."),
    deck: list[str] | None = typer.Option(None, "--deck", help=DECK_HELP),
    with_history: bool = typer.Option(
        False, "--with-history", help="Carry the review log and due dates, so Anki continues from here."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Write the cards as an Anki package (basic, cloze, mcq and numeric note types)."""
    from awsprep.interop.anki_out import ExportCard, write_apkg

    out = _target(out, ".apkg")
    if str(out) == "-":
        raise UsageError("An Anki package is a file: give a name such as awsprep.apkg.")
    store, _ = open_store(db)
    decks = check_decks(store, deck)
    log: dict[str, list[Any]] = {}
    if with_history:
        for e in store.log():
            log.setdefault(e.card_id, []).append(e)
    items = [ExportCard(c, st, log.get(c.id, ())) for c, st in store.records(decks)]
    if not items:
        raise UsageError("There are no cards to export; `awsprep decks` lists the decks.")
    report = write_apkg(items, out, with_history, now())
    summary = {
        "file": str(out),
        "notes": report.notes,
        "by_type": report.by_type,
        "decks": report.decks,
        "templates": report.templates,
        "with_history": with_history,
        "reviews": report.reviews,
        "scheduled": report.scheduled,
    }
    if as_json:
        emit_json(summary)
        return
    kinds = ", ".join(f"{n} {t}" for t, n in report.by_type.items() if n)
    extra = (
        f"; {report.reviews} reviews and {report.scheduled} due dates carried over" if with_history else ""
    )
    typer.echo(
        f"Wrote {counted(report.notes, 'note')} ({kinds}) in {counted(len(report.decks), 'deck')} "
        f"to {out}{extra}."
    )


def _selection(out: Path, suffix: str, deck: list[str] | None, db: str | None) -> tuple[Path, Any, Any]:
    """The file to write, the store, and the cards of the decks asked for with their state."""
    target = _target(out, suffix)
    store, _ = open_store(db)
    return target, store, store.records(check_decks(store, deck))


@export_app.command("csv")
@guard
def export_csv(
    out: Path = typer.Argument(..., help="The .csv file to write ('-' for standard output)."),
    log_only: bool = typer.Option(False, "--log", help="Write the review log instead of the cards."),
    deck: list[str] | None = typer.Option(None, "--deck", help=DECK_HELP),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write the cards with their scheduling state (or, with --log, the review log) as CSV."""
    out, store, records = _selection(out, ".csv", deck, db)
    buf = io.StringIO()
    if log_only:
        ids = {c.id for c, _ in records}
        rows = [_log_row(e) for e in store.log() if e.card_id in ids]
        writer = csv.DictWriter(buf, fieldnames=LOG_COLUMNS, lineterminator="\n")
    else:
        today = now().date()
        rows = [_card_row(c, st, today) for c, st in records]
        writer = csv.DictWriter(buf, fieldnames=CARD_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    _write_text(out, buf.getvalue())
    if str(out) != "-":
        typer.echo(f"Wrote {len(rows)} {'review-log entries' if log_only else 'cards'} to {out}.")


@export_app.command("json")
@guard
def export_json(
    out: Path = typer.Argument(..., help="The .json file to write ('-' for standard output)."),
    deck: list[str] | None = typer.Option(None, "--deck", help=DECK_HELP),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write the cards with their scheduling state and the review log as one JSON document."""
    out, store, records = _selection(out, ".json", deck, db)
    ids = {c.id for c, _ in records}
    today = now().date()
    doc = {
        "cards": [_card_row(c, st, today) for c, st in records],
        "review_log": [_log_row(e) for e in store.log() if e.card_id in ids],
    }
    _write_text(out, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    if str(out) != "-":
        typer.echo(
            f"Wrote {len(doc['cards'])} cards and {len(doc['review_log'])} review-log entries to {out}."
        )


@db_app.command("copy")
@guard
def db_copy(
    to: str = typer.Option(..., "--to", help="The database URL to copy into (it must hold no cards yet)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the rows copied per table as JSON."),
) -> None:
    """Copy the whole history (cards, review log, settings, exams) into another database."""
    from awsprep.store.copy import copy_database
    from awsprep.store.db import redact

    source = db_url(db)
    counts = copy_database(source, to)
    if as_json:
        emit_json({"from": redact(source), "to": redact(to), "rows": counts})
        return
    total = ", ".join(f"{n} {t}" for t, n in counts.items())
    typer.echo(f"Copied {redact(source)} to {redact(to)}: {total}.")


def register(app: typer.Typer) -> None:
    app.add_typer(export_app, name="export")
    from awsprep.cli.db import add_check

    add_check(db_app)
    app.add_typer(db_app, name="db")
