"""Read an Anki package (.apkg): Basic and Cloze notes (and awsprep's own note types) become cards,
the review log becomes answers to replay. Other note types are counted by name, never dropped silently."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from awsprep.bank.errors import BankError
from awsprep.bank.io import card_from_dict
from awsprep.bank.models import BasicCard, Card, ClozeCard, Source
from awsprep.errors import UsageError
from awsprep.interop.anki_format import (
    DATA_FIELD,
    EASE_GRADE,
    MODEL_NAMES,
    cloze_from_anki,
    field_to_text,
    id_from_guid,
)

Answer = tuple[datetime, int, int | None]  # when, SM-2 grade, response ms


@dataclass
class AnkiImport:
    cards: list[Card] = field(default_factory=list)
    unknown: Counter[str] = field(default_factory=Counter)  # note type name -> notes not imported
    empty: int = 0  # Basic/Cloze notes with nothing to ask
    media: list[str] = field(default_factory=list)  # files the notes name (not shown in a terminal)
    history: dict[str, list[Answer]] = field(default_factory=dict)


class NotAnkiPackage(UsageError):
    pass


def _damaged(path: Path, why: str) -> NotAnkiPackage:
    return NotAnkiPackage(f"{path} is not an Anki package (.apkg) that awsprep can read: {why}.")


@contextlib.contextmanager
def _collection(path: Path) -> Any:
    """The package's collection as an open SQLite connection (extracted to a temporary file)."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            member = next((n for n in ("collection.anki21", "collection.anki2") if n in names), None)
            if member is None or ("collection.anki21b" in names and member == "collection.anki2"):
                why = (
                    "it was exported in the newer compressed format; export it again in Anki with "
                    "'Support older Anki versions' ticked"
                    if "collection.anki21b" in names
                    else "it holds no Anki collection"
                )
                raise _damaged(path, why)
            fd, tmp = tempfile.mkstemp(suffix=".anki2")
            with os.fdopen(fd, "wb") as out:
                out.write(z.read(member))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise _damaged(path, f"{type(exc).__name__}: {exc}") from None
    conn = sqlite3.connect(f"file:{tmp}?mode=ro", uri=True)
    try:
        yield conn
    except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
        raise _damaged(path, f"its collection is damaged ({type(exc).__name__}: {exc})") from None
    finally:
        conn.close()
        os.unlink(tmp)


def _kind(model: dict[str, Any]) -> str | None:
    names = [f.get("name") for f in model.get("flds", [])]
    if model.get("name") in MODEL_NAMES.values() and DATA_FIELD in names:
        return "ours"
    if model.get("type") == 1 and names:
        return "cloze"
    if model.get("type", 0) == 0 and names[:2] == ["Front", "Back"]:
        return "basic"
    return None


def read_apkg(path: Path, deck: str | None) -> AnkiImport:
    """Cards from every Basic and Cloze note (and awsprep's note types) in the package."""
    result = AnkiImport()
    with _collection(path) as conn:
        models_raw, decks_raw = conn.execute("SELECT models, decks FROM col").fetchone()
        models = {int(k): v for k, v in json.loads(models_raw).items()}
        decks = {int(k): v.get("name", str(k)) for k, v in json.loads(decks_raw).items()}
        note_deck: dict[int, str] = {}
        card_note: dict[int, int] = {}
        for cid, nid, did in conn.execute("SELECT id, nid, did FROM cards ORDER BY nid, ord"):
            note_deck.setdefault(nid, decks.get(did, "Default"))
            card_note[cid] = nid
        note_card: dict[int, str] = {}
        for nid, guid, mid, tags, flds in conn.execute(
            "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id"
        ):
            model = models.get(int(mid), {})
            kind = _kind(model)
            if kind is None:
                result.unknown[str(model.get("name", f"note type {mid}"))] += 1
                continue
            names = [f["name"] for f in model["flds"]]
            fields = dict(zip(names, str(flds).split("\x1f"), strict=False))
            card = _card(
                kind, fields, str(guid), str(tags), deck or note_deck.get(nid, "Default"), path, result
            )
            if card is None:
                result.empty += 1
                continue
            result.cards.append(card)
            note_card[nid] = card.id
        for rid, cid, ease, ms in conn.execute("SELECT id, cid, ease, time FROM revlog ORDER BY id"):
            card_id = note_card.get(card_note.get(cid, -1))
            if card_id is None or ease not in EASE_GRADE:
                continue
            when = datetime.fromtimestamp(rid / 1000, UTC)
            result.history.setdefault(card_id, []).append((when, EASE_GRADE[ease], int(ms) if ms else None))
    return result


def _card(
    kind: str, fields: dict[str, str], guid: str, tags: str, deck: str, path: Path, result: AnkiImport
) -> Card | None:
    def text(name: str) -> str:
        value, media = field_to_text(fields.get(name, ""))
        result.media += [m for m in media if m not in result.media]
        return value

    if kind == "ours":
        try:
            raw = json.loads(text(DATA_FIELD))
            card = card_from_dict(raw, str(path), deck)
        except (ValueError, BankError):
            return None
        card = _with_deck(card, deck)
        if isinstance(card, BasicCard):
            return _replace(card, front=text("Front"), back=text("Back")) if text("Front") else None
        if isinstance(card, ClozeCard):
            return _replace(card, text=cloze_from_anki(text("Text")))
        return card
    source = (Source(file=path.name, path=tuple(deck.split("::"))),)
    words = tuple(t for t in tags.split() if t)
    if kind == "basic":
        front, back = text("Front"), text("Back")
        if not front:
            return None
        return BasicCard(id=id_from_guid(guid), deck=deck, tags=words, sources=source, front=front, back=back)
    first = next(iter(fields))
    body = cloze_from_anki(text("Text") if "Text" in fields else text(first))
    if "{{" not in body:
        return None
    return ClozeCard(id=id_from_guid(guid), deck=deck, tags=words, sources=source, text=body)


def _replace(card: Card, **changes: Any) -> Card:
    from dataclasses import replace

    return replace(card, **changes)


def _with_deck(card: Card, deck: str) -> Card:
    return card if card.deck == deck else _replace(card, deck=deck)
