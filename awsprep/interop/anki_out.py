"""Write cards (and, with history, their review log and due dates) as an Anki package with genanki."""

from __future__ import annotations

import itertools
import json
import os
import random
import sqlite3
import tempfile
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from awsprep.bank.io import card_to_dict
from awsprep.bank.models import BasicCard, Card, ClozeCard, McqCard
from awsprep.interop.anki_format import (
    ANKI_CRT,
    FIELDS,
    MODEL_IDS,
    MODEL_NAMES,
    cloze_to_anki,
    crt_day,
    deck_id,
    grade_to_ease,
    tag_word,
    text_to_field,
)
from awsprep.question import ask
from awsprep.question.answers import letters, with_unit
from awsprep.sched.status import CardStatus
from awsprep.study.ports import LogEntry

CSS = ".card { font-family: sans-serif; font-size: 18px; text-align: left; } .sources { font-size: 12px; }"
SOURCES = '<div class="sources">{{Sources}}</div>'
TEMPLATES = {
    "basic": ("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}" + SOURCES),
    "cloze": ("{{cloze:Text}}", "{{cloze:Text}}" + SOURCES),
    "mcq": (
        "{{Question}}<br><br>{{Options}}",
        "{{FrontSide}}<hr id=answer>{{Answer}}<br>{{Explanation}}" + SOURCES,
    ),
    "numeric": ("{{Question}}", "{{FrontSide}}<hr id=answer>{{Answer}}<br>{{Steps}}" + SOURCES),
}


@dataclass(frozen=True)
class ExportCard:
    card: Card
    status: CardStatus
    log: Sequence[LogEntry] = ()


@dataclass(frozen=True)
class ExportReport:
    notes: int
    by_type: dict[str, int]
    decks: list[str]
    templates: int  # numeric templates written as one worked example each
    reviews: int  # review-log entries carried over (--with-history)
    scheduled: int  # cards given their due date (--with-history)


def _model(kind: str) -> Any:
    import genanki

    qfmt, afmt = TEMPLATES[kind]
    return genanki.Model(
        MODEL_IDS[kind],
        MODEL_NAMES[kind],
        fields=[{"name": f} for f in FIELDS[kind]],
        templates=[{"name": "Card 1", "qfmt": qfmt, "afmt": afmt}],
        css=CSS,
        model_type=genanki.Model.CLOZE if kind == "cloze" else genanki.Model.FRONT_BACK,
    )


def _fields(card: Card) -> list[str]:
    sources = "<br>".join(text_to_field(str(s)) for s in card.sources)
    data = text_to_field(json.dumps(card_to_dict(card), ensure_ascii=False, sort_keys=True))
    if isinstance(card, BasicCard):
        return [text_to_field(card.front), text_to_field(card.back), sources, data]
    if isinstance(card, ClozeCard):
        return [text_to_field(cloze_to_anki(card.text)), sources, data]
    q = ask(card, random.Random(f"anki:{card.id}"))  # a template: one worked example, repeatably
    if isinstance(card, McqCard):
        options = "<br>".join(text_to_field(f"{letters((i,))}. {o}") for i, o in enumerate(q.options))
        return [
            text_to_field(q.prompt),
            options,
            letters(q.correct),
            text_to_field(q.explanation),
            sources,
            data,
        ]
    answer = with_unit(q.number, q.unit) if q.number is not None else ""
    prompt = (
        q.prompt if not card.is_template else f"{q.prompt}\n(One worked example; awsprep varies the numbers.)"
    )
    steps = "<br>".join(text_to_field(s) for s in q.steps)
    return [text_to_field(prompt), text_to_field(answer), steps, sources, data]


def _tags(card: Card) -> list[str]:
    tags = [f"deck::{tag_word(card.deck)}"]
    if card.topic:
        tags.append(f"topic::{tag_word(card.topic)}")
    if card.domain:
        tags.append(f"domain::{tag_word(card.domain)}")
    tags += [tag_word(t) for t in card.tags if t.strip()]
    return tags


def guid_of(card: Card) -> str:
    import genanki

    return str(genanki.guid_for("awsprep", card.id))


def write_apkg(items: Sequence[ExportCard], out: Path, with_history: bool, now: datetime) -> ExportReport:
    import genanki

    models = {kind: _model(kind) for kind in MODEL_IDS}
    decks: dict[str, Any] = {}
    for item in items:
        card = item.card
        deck = decks.setdefault(card.deck, genanki.Deck(deck_id(card.deck), card.deck))
        deck.add_note(
            genanki.Note(model=models[card.type], fields=_fields(card), tags=_tags(card), guid=guid_of(card))
        )
    package = genanki.Package(list(decks.values()))
    reviews = scheduled = 0
    fd, dbname = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        conn = sqlite3.connect(dbname)
        stamp = now.timestamp()
        package.write_to_db(conn.cursor(), stamp, itertools.count(int(stamp * 1000)))
        if with_history:
            reviews, scheduled = _write_history(conn, items)
        conn.commit()
        conn.close()
        tmp_out = out.with_name(out.name + ".part")
        with zipfile.ZipFile(tmp_out, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(dbname, "collection.anki2")
            z.writestr("media", "{}")
        os.replace(tmp_out, out)
    finally:
        os.unlink(dbname)
    by_type: Counter[str] = Counter(i.card.type for i in items)
    return ExportReport(
        notes=len(items),
        by_type={t: by_type.get(t, 0) for t in MODEL_IDS},
        decks=sorted(decks),
        templates=sum(1 for i in items if getattr(i.card, "is_template", False)),
        reviews=reviews,
        scheduled=scheduled,
    )


def _write_history(conn: sqlite3.Connection, items: Sequence[ExportCard]) -> tuple[int, int]:
    """Cards that awsprep has scheduled become Anki review cards due the same day; answers become revlog
    rows (Anki's ids are millisecond times, so two answers in one millisecond are a millisecond apart)."""
    # The v2 scheduler's buttons (without it, Anki reads learning answers as the old three-button kind).
    (conf,) = conn.execute("SELECT conf FROM col").fetchone()
    conn.execute("UPDATE col SET conf = ?", (json.dumps({**json.loads(conf), "schedVer": 2}),))
    start = crt_day(ANKI_CRT)
    used: set[int] = set()
    reviews = scheduled = 0
    for item in items:
        row = conn.execute(
            "SELECT c.id FROM cards c JOIN notes n ON c.nid = n.id WHERE n.guid = ?", (guid_of(item.card),)
        ).fetchone()
        if row is None:
            continue
        cid = int(row[0])
        st = item.status.state
        answers = [
            e for e in item.log if e.action in ("answer", "exam") and not e.undone and e.grade is not None
        ]
        if st.due is not None:
            queue = -1 if item.status.suspended else 2
            conn.execute(
                "UPDATE cards SET type = 2, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?, lapses = ? "
                "WHERE id = ?",
                (
                    queue,
                    (st.due - start).days,
                    max(1, st.interval),
                    round(st.ef * 1000),
                    len(answers),
                    st.lapses,
                    cid,
                ),
            )
            scheduled += 1
        for e in answers:
            ts = e.ts if e.ts.tzinfo else e.ts.replace(tzinfo=UTC)  # SQLite hands times back without a zone
            rid = int(ts.timestamp() * 1000)
            while rid in used:
                rid += 1
            used.add(rid)
            assert e.grade is not None
            conn.execute(
                "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
                (
                    rid,
                    cid,
                    grade_to_ease(e.grade),
                    e.interval_after or 0,
                    e.interval_before or 0,
                    round(st.ef * 1000),
                    min(e.response_ms or 0, 60_000),
                    0 if e.was_new else 1,
                ),
            )
            reviews += 1
    return reviews, scheduled
