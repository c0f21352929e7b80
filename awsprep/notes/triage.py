"""The triage list of a deck: cards that scored below the threshold, and the learner's decisions.

It lives in one YAML file next to the deck's bank (``NAME.triage.yaml`` beside ``NAME.yaml``):

* ``decisions``: card id -> ``keep`` / ``drop`` / ``edit`` with the hash of the card's wording when it
  was decided (and, for ``edit``, the new wording). A decision holds while the note says the same
  thing: once the wording changes, the card is scored again (so a dropped card comes back only when
  its note changes).
* ``cards``: the cards waiting for a decision, each with its score, reasons and source lines.

Pure code: parse and dump text, apply decisions; the caller reads and writes the file.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from awsprep.bank.io import parse_yaml, read_text
from awsprep.bank.io import triage_path as triage_path  # its home is beside the bank it belongs to
from awsprep.errors import UsageError
from awsprep.notes.model import Draft

DECISIONS = ("keep", "drop", "edit")
EDITABLE = ("front", "back", "text", "question", "explanation")


def wording_hash(d: Draft) -> str:
    return hashlib.sha1(d.content().encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Decision:
    action: str  # keep | drop | edit
    hash: str  # wording_hash of the card when it was decided
    edits: dict[str, str] = field(default_factory=dict)


@dataclass
class Pending:
    """A card waiting in triage."""

    id: str
    score: float
    reasons: tuple[str, ...]
    source: str  # file:line
    lines: tuple[str, ...]  # the note's lines around the source line
    card: dict[str, Any]  # the card as it would stand in the bank
    hash: str


@dataclass
class TriageFile:
    deck: str = ""
    decisions: dict[str, Decision] = field(default_factory=dict)
    cards: list[Pending] = field(default_factory=list)


def _plain(obj: Any) -> Any:
    """YAML as read (mappings that remember their lines) -> plain dicts and lists."""
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj


def parse_triage(text: str, file: str) -> TriageFile:
    raw = parse_yaml(text, file) or {}
    if not isinstance(raw, dict):
        raise UsageError(f"{file}:1: a triage file is a mapping with 'decisions' and 'cards'.")
    out = TriageFile(deck=str(raw.get("deck") or ""))
    decisions = raw.get("decisions") or {}
    if not isinstance(decisions, dict):
        raise UsageError(f"{file}: 'decisions' must map card ids to decisions.")
    for cid, dec in decisions.items():
        if not isinstance(dec, dict) or dec.get("action") not in DECISIONS:
            line = getattr(decisions, "key_lines", {}).get(cid, 0)
            raise UsageError(f"{file}:{line}: decision for {cid} must have action keep, drop or edit.")
        edits = {k: str(v) for k, v in (dec.get("edits") or {}).items() if k in EDITABLE}
        out.decisions[str(cid)] = Decision(str(dec["action"]), str(dec.get("hash") or ""), edits)
    for item in raw.get("cards") or []:
        if not isinstance(item, dict) or not isinstance(item.get("card"), dict):
            raise UsageError(f"{file}: every waiting card needs its 'card' mapping.")
        out.cards.append(
            Pending(
                id=str(item.get("id") or item["card"].get("id") or ""),
                score=float(item.get("score") or 0),
                reasons=tuple(str(r) for r in item.get("reasons") or ()),
                source=str(item.get("source") or ""),
                lines=tuple(str(x) for x in item.get("lines") or ()),
                card=_plain(item["card"]),
                hash=str(item.get("hash") or ""),
            )
        )
    return out


def read_triage(path: Path) -> TriageFile:
    """The triage file at ``path``, or an empty one when there is none yet."""
    if not path.is_file():
        return TriageFile()
    return parse_triage(read_text(path), str(path))


def dump_triage(t: TriageFile) -> str:
    from awsprep.bank.yamlwrite import safe_dump  # PyYAML's own output, faster

    return _TRIAGE_HEADER + safe_dump({**_triage_head(t), "cards": _triage_items(t)}, **_TRIAGE_YAML)


def dump_triage_reusing(t: TriageFile, known: dict[str, str]) -> tuple[str, dict[str, str]]:
    """``dump_triage(t)``, the same text, reusing the text of each waiting card from ``known`` (what
    the last call returned) when the card is the same; and this file's card texts, for next time."""
    from awsprep.bank.io import collector_paused
    from awsprep.bank.yamlitems import ItemWriter
    from awsprep.bank.yamlwrite import dump_reusing, safe_dump

    def dump(data: Any) -> str:
        return safe_dump(data, **_TRIAGE_YAML)

    writer = ItemWriter(_TRIAGE_YAML["width"], libyaml=False)
    with collector_paused():
        text, texts = dump_reusing(_triage_head(t), "cards", _triage_items(t), dump, known, writer)
    return _TRIAGE_HEADER + text, texts


_TRIAGE_HEADER = "# Cards waiting for `awsprep triage`, and the decisions taken (written by awsprep).\n"
_TRIAGE_YAML: dict[str, Any] = dict(sort_keys=False, allow_unicode=True, width=100)


def _triage_head(t: TriageFile) -> dict[str, Any]:
    return {
        "deck": t.deck,
        "decisions": {
            cid: {"action": d.action, "hash": d.hash, **({"edits": d.edits} if d.edits else {})}
            for cid, d in sorted(t.decisions.items())
        },
    }


def _triage_items(t: TriageFile) -> list[dict[str, Any]]:
    return [
        {
            "id": p.id,
            "score": p.score,
            "reasons": list(p.reasons),
            "source": p.source,
            "lines": list(p.lines),
            "hash": p.hash,
            "card": p.card,
        }
        for p in t.cards
    ]


def decision_for(decisions: dict[str, Decision], card_id: str, d: Draft) -> Decision | None:
    """The decision that still holds for this card: none once its wording changed."""
    dec = decisions.get(card_id)
    if dec is None or dec.hash != wording_hash(d):
        return None
    return dec


def edited(d: Draft, dec: Decision) -> Draft:
    """The draft with the learner's edits applied."""
    if not dec.edits:
        return d
    out = copy.copy(d)
    for name, value in dec.edits.items():
        if name in EDITABLE:
            setattr(out, name, value)
    return out


def fields_of(card: dict[str, Any]) -> list[str]:
    """The fields of a waiting card that the learner may edit, in the order they are asked."""
    kind = card.get("type")
    if kind == "cloze":
        return ["text"]
    if kind == "mcq":
        return ["question", "explanation"]
    return ["front", "back"]


def decide(
    t: TriageFile, pending: Pending, action: str, edits: dict[str, str] | None = None
) -> dict[str, Any]:
    """Record ``action`` for a waiting card and take it off the list; return the card as it goes into
    the deck (with the edits) for ``keep`` and ``edit``, or ``{}`` for ``drop``."""
    if action not in DECISIONS:
        raise UsageError(f"a triage decision is keep, drop or edit, not {action!r}.")
    edits = {k: v for k, v in (edits or {}).items() if k in fields_of(pending.card) and v.strip()}
    t.decisions[pending.id] = Decision(action, pending.hash, edits if action == "edit" else {})
    t.cards = [p for p in t.cards if p.id != pending.id]
    if action == "drop":
        return {}
    return {**pending.card, **(edits if action == "edit" else {})}


class TriageFace(Protocol):
    def show(self, pending: Pending, n: int, total: int) -> None: ...
    def choose(self) -> str: ...  # keep | drop | edit | skip | quit
    def ask_edit(self, card: dict[str, Any]) -> dict[str, str]: ...
    def say(self, text: str) -> None: ...


@dataclass
class Tally:
    kept: int = 0
    dropped: int = 0
    edited: int = 0
    skipped: int = 0


def run_session(
    t: TriageFile,
    face: TriageFace,
    commit: Callable[[dict[str, Any]], None],
    check: Callable[[dict[str, Any]], str | None] = lambda card: None,
) -> Tally:
    """Show each waiting card and take one decision; ``commit(card)`` runs after every decision (with
    the card that enters the deck, or ``{}`` for a drop) so each one is saved at once. ``check`` says
    what is wrong with an edited card (then the card is asked again), or None."""
    tally = Tally()
    waiting = list(t.cards)
    for n, pending in enumerate(waiting, start=1):
        while True:
            face.show(pending, n, len(waiting))
            action = face.choose()
            edits = face.ask_edit(pending.card) if action == "edit" else {}
            problem = check({**pending.card, **edits}) if edits else None
            if problem is None:
                break
            face.say(f"Not saved: {problem}")
        if action == "quit":
            break
        if action == "skip":
            tally.skipped += 1
            continue
        if action == "edit" and not edits:
            action = "keep"
        card = decide(t, pending, action, edits)
        name = {"keep": "kept", "drop": "dropped", "edit": "edited"}[action]
        setattr(tally, name, getattr(tally, name) + 1)
        commit(card)
    return tally
