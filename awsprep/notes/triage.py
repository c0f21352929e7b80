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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from awsprep.bank.io import TRIAGE_SUFFIX, parse_yaml, read_text
from awsprep.errors import UsageError
from awsprep.notes.model import Draft

DECISIONS = ("keep", "drop", "edit")
EDITABLE = ("front", "back", "text", "question", "explanation")


def triage_path(bank: Path) -> Path:
    """``decks/NAME.yaml`` -> ``decks/NAME.triage.yaml``."""
    return bank.with_name(bank.stem + TRIAGE_SUFFIX)


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
                card=dict(item["card"]),
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
    data = {
        "deck": t.deck,
        "decisions": {
            cid: {"action": d.action, "hash": d.hash, **({"edits": d.edits} if d.edits else {})}
            for cid, d in sorted(t.decisions.items())
        },
        "cards": [
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
        ],
    }
    header = "# Cards waiting for `awsprep triage`, and the decisions taken (written by awsprep).\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


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
