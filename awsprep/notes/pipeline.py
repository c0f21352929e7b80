"""The import: note files -> drafts (cached by content hash) -> dedup -> ids -> bank cards + report.

Reads only the files it is handed; the caller saves the bank and the cache.
"""

from __future__ import annotations

import copy
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from awsprep.bank.errors import BankError
from awsprep.bank.io import card_from_dict, card_to_dict
from awsprep.bank.models import BasicCard, Card, ClozeCard, McqCard, Source
from awsprep.notes import ids as idmod
from awsprep.notes.blocks import MAX_DEPTH, app_comments, conflict_markers, parse_blocks, strip_front_matter
from awsprep.notes.files import NoteFile as NoteFile  # re-exported: callers import it from here
from awsprep.notes.files import collect_files as collect_files
from awsprep.notes.files import read_note
from awsprep.notes.lint import Fact, scan_text
from awsprep.notes.model import Draft, Skip, Warning
from awsprep.notes.quality import Quality, forget_places, project_files, same_question, score
from awsprep.notes.rules import extract
from awsprep.notes.topics import TopicTable, forget_contexts
from awsprep.notes.triage import Decision, Pending, decision_for, edited, wording_hash

RULES_VERSION = "1"  # cached drafts are rebuilt when this or the caller's signature changes


@dataclass
class FileResult:
    drafts: list[Draft]
    skips: list[Skip]
    warnings: list[Warning]


@dataclass
class ImportResult:
    cards: list[Card]
    drafts: list[Draft]  # parallel to cards: the rule and place of each
    skips: list[Skip]
    warnings: list[Warning]
    added: list[str]
    changed: list[str]
    retired: list[str]
    files: int
    unchanged_files: int
    merged: int
    cache: dict[str, Any] = field(default_factory=dict)
    scores: list[Quality] = field(default_factory=list)  # parallel to cards
    triage: list[Pending] = field(default_factory=list)  # below the threshold, waiting for a decision
    dropped: int = 0  # cards the learner dropped in triage (still dropped: their notes did not change)
    # what next_summary needs: the drafts after dedup and their ids; the text of each file read
    kept: list[Draft] = field(default_factory=list, repr=False)
    ids: list[str] = field(default_factory=list, repr=False)  # parallel to kept
    base_ids: list[str] = field(default_factory=list, repr=False)  # parallel to kept: ids.base_id
    texts: dict[str, str] = field(default_factory=dict, repr=False)

    def summary(self) -> dict[str, Any]:
        by_type = Counter(c.type for c in self.cards)
        by_rule = Counter(d.rule for d in self.drafts)
        skipped = Counter(s.reason for s in self.skips)
        if self.merged:
            skipped["near duplicate"] += self.merged
        if self.dropped:
            skipped["dropped in triage"] += self.dropped
        why = Counter(_main_reason(p.reasons) for p in self.triage)
        return {
            "cards": len(self.cards),
            "triage": len(self.triage),
            "triage_reasons": dict(sorted(why.items())),
            "by_type": dict(sorted(by_type.items())),
            "by_rule": dict(sorted(by_rule.items())),
            "skipped": dict(sorted(skipped.items())),
            "added": len(self.added),
            "changed": len(self.changed),
            "retired": len(self.retired),
        }


def _main_reason(reasons: tuple[str, ...]) -> str:
    """The reason a card waits in triage: outdated, else the biggest penalty."""
    for r in reasons:
        if r.startswith("outdated"):
            return "outdated value"
    cut = [r for r in reasons[1:] if "(-" in r]
    if not cut:
        return "low score"
    worst = max(cut, key=lambda r: float(r.rsplit("(-", 1)[1].rstrip(")")))
    return worst.rsplit(" (-", 1)[0]


def extract_file(name: str, text: str, topics: TopicTable, facts: Sequence[Fact] = ()) -> FileResult:
    text, fm_lines = strip_front_matter(text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", " "))
    text, conflicts = conflict_markers(text)
    text = app_comments(text)
    parsed = parse_blocks(text)
    fallback = Path(name).stem
    ex = extract(name, parsed.blocks, topics, fallback)
    warnings = list(ex.warnings)
    if conflicts:
        more = f"{len(conflicts)} of them, the first " if len(conflicts) > 1 else ""
        warnings.append(
            Warning(
                name,
                conflicts[0],
                f"the note holds an unresolved merge conflict ({more}<<<<<<< at line {conflicts[0]}); "
                "its marker lines were left out.",
            )
        )
    if parsed.deep_lines:
        warnings.append(
            Warning(
                name,
                parsed.deep_lines[0],
                f"a list is nested deeper than {MAX_DEPTH} levels; the deeper items were not read.",
            )
        )
    if facts and ex.drafts:  # only the lines that made a card need matching against the facts
        # (a Q/A card's answer is on the line under its question: "#Q How fast ...?" / "Answer: ...")
        lines = {d.line for d in ex.drafts} | {d.line + 1 for d in ex.drafts if d.rule == "qa"}
        flagged = {w.line: f"{w.says}; now: {w.current}" for w in scan_text(text, name, facts, lines)}
        for d in ex.drafts:
            said = flagged.get(d.line) or (flagged.get(d.line + 1) if d.rule == "qa" else None)
            if said:
                d.outdated = said
    skips = list(ex.skips)
    if fm_lines:
        skips.append(Skip(name, 1, "front matter"))
    skips.extend(Skip(name, ln, "nested too deep") for ln in parsed.deep_lines)
    return FileResult(ex.drafts, skips, warnings)


def _cache_key(topics_sig: str) -> str:
    return f"{RULES_VERSION}:{topics_sig}"


def run_import(
    notes: list[NoteFile],
    deck: str,
    topics: TopicTable,
    topics_sig: str = "",
    previous: list[Card] | None = None,
    cache: dict[str, Any] | None = None,
    decisions: dict[str, Decision] | None = None,
    facts: Sequence[Fact] = (),
) -> ImportResult:
    """Import ``notes``; cards below the quality threshold go to ``triage`` unless a decision (by card
    id, for the same wording) keeps or drops them. ``facts`` flag outdated values."""
    previous = previous or []
    decisions = decisions or {}
    # the caches by place and by heading hold one import's texts: this import does not find the last
    # one's there (a first import reads every text anew, in its own process or not)
    forget_places()
    forget_contexts()
    key = _cache_key(topics_sig)
    old_files: dict[str, Any] = {}
    if cache and cache.get("key") == key and isinstance(cache.get("files"), dict):
        old_files = cache["files"]
    new_files: dict[str, Any] = {}
    drafts: list[Draft] = []
    skips: list[Skip] = []
    warnings: list[Warning] = []
    unchanged = 0
    texts: dict[str, str] = {}
    for note in notes:
        text, data, warns = read_note(note)
        warnings.extend(warns)
        if text is None:
            continue
        texts[note.name] = text
        digest = hashlib.sha256(data).hexdigest()
        hit = old_files.get(note.name)
        result: FileResult | None = None
        if isinstance(hit, dict) and hit.get("sha256") == digest:
            try:
                result = FileResult(
                    [Draft.from_dict(d) for d in hit["drafts"]],
                    [Skip(**s) for s in hit["skips"]],
                    [Warning(**w) for w in hit["warnings"]],
                )
                unchanged += 1
            except (KeyError, TypeError):
                result = None
        if result is None:
            result = extract_file(note.name, text, topics, facts)
        new_files[note.name] = {
            "sha256": digest,
            "drafts": [d.to_dict() for d in result.drafts],
            "skips": [vars(s) for s in result.skips],
            "warnings": [vars(w) for w in result.warnings],
        }
        drafts.extend(result.drafts)
        skips.extend(result.skips)
        warnings.extend(result.warnings)
    kept, merged = idmod.dedup(drafts)
    projects = project_files(texts)
    qualities = same_question(kept, [score(d, d.file in projects) for d in kept])
    assigned = idmod.assign_ids(deck, kept, previous)
    placed = _place(kept, qualities, assigned.ids, deck, topics, decisions, texts)
    added, changed, retired = _changes(placed.cards, previous, deck)
    return ImportResult(
        cards=placed.cards,
        drafts=placed.in_deck,
        skips=skips,
        warnings=warnings,
        added=added,
        changed=changed,
        retired=retired,
        files=len(notes),
        unchanged_files=unchanged,
        merged=merged,
        cache={"key": key, "files": new_files},
        scores=placed.scores,
        triage=placed.pending,
        dropped=placed.dropped,
        kept=kept,
        ids=assigned.ids,
        base_ids=assigned.wanted,
        texts=texts,
    )


@dataclass
class _Placed:
    cards: list[Card]
    in_deck: list[Draft]  # parallel to cards
    scores: list[Quality]  # parallel to cards
    pending: list[Pending]
    dropped: int


def _place(
    kept: list[Draft],
    qualities: list[Quality],
    ids: list[str],
    deck: str,
    topics: TopicTable,
    decisions: dict[str, Decision],
    texts: dict[str, str],
) -> _Placed:
    """Each kept draft with its id: into the deck, into triage, or dropped by the learner's decision."""
    out = _Placed([], [], [], [], 0)
    lines: dict[str, list[str]] = {}
    for d, quality, cid in zip(kept, qualities, ids, strict=True):
        dec = decision_for(decisions, cid, d)
        if dec is not None and dec.action == "drop":
            out.dropped += 1
        elif dec is not None or quality.passes:
            final = edited(d, dec) if dec is not None else d
            out.cards.append(to_card(final, cid, deck, topics))
            out.in_deck.append(final)
            out.scores.append(quality)
        else:
            card = card_to_dict(to_card(d, cid, deck, topics), deck)
            if d.file not in lines:
                lines[d.file] = texts[d.file].split("\n") if d.file in texts else []
            text = lines[d.file]
            around = tuple(x.rstrip() for x in text[max(0, d.line - 2) : d.line + 1])
            src = f"{d.file}:{d.line}"
            why = quality.reasons
            out.pending.append(Pending(cid, quality.score, why, src, around, card, wording_hash(d)))
    return out


def _changes(cards: list[Card], previous: list[Card], deck: str) -> tuple[list[str], list[str], list[str]]:
    """The ids added, changed and retired since the previous bank."""
    old = {c.id: card_to_dict(c, deck) for c in previous}
    new_ids = {c.id for c in cards}
    added = [c.id for c in cards if c.id not in old]
    changed = [c.id for c in cards if c.id in old and old[c.id] != card_to_dict(c, deck)]
    retired = [cid for cid in old if cid not in new_ids]
    return added, changed, retired


def next_summary(
    result: ImportResult,
    deck: str,
    file: str,
    dicts: list[dict[str, Any]] | None = None,
    summary: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    """The summary the next import of the same notes would print once ``result``'s cards are the
    previous bank (saved to ``file``) and the same triage decisions hold, or None when that import
    would not give the same cards and triage again (an id that would move; a card the bank does not
    give back exactly). This is what lets an import of unchanged notes skip the work and still print it.
    ``dicts``: the cards' ``card_to_dict(card, deck)`` when the caller has them; ``summary``:
    ``result.summary()`` when the caller has it (only its counts of added, changed, retired differ)."""
    if dicts is None:
        dicts = [card_to_dict(c, deck) for c in result.cards]
    try:
        previous = [card_from_dict(x, file, deck) for x in dicts]
    except BankError:
        return None
    if previous != result.cards:
        return None
    if idmod.assign_ids(deck, result.kept, previous, result.base_ids).ids != result.ids:
        return None  # (the same ids, decisions and drafts place every card as this import did)
    again = copy.copy(result)
    if len({c.id for c in result.cards}) == len(result.cards):
        # the previous bank is these very cards, one per id: none is added, changed or retired
        again.added, again.changed, again.retired = [], [], []
    else:
        again.added, again.changed, again.retired = _changes(result.cards, previous, deck)
    again.unchanged_files = len(result.texts)
    if summary is None:
        return again.summary()
    return {
        **summary,
        "added": len(again.added),
        "changed": len(again.changed),
        "retired": len(again.retired),
    }


def to_card(d: Draft, card_id: str, deck: str, topics: TopicTable) -> Card:
    sources = (Source(d.file, d.line, d.path), *(Source(f, ln, p) for f, ln, p in d.extra_sources))
    common: dict[str, Any] = dict(
        id=card_id,
        deck=deck,
        topic=d.topic,
        domain=topics.domain(d.topic),
        sources=sources,
        refs=d.refs,
        high_priority=d.high_priority,
    )
    if d.kind == "cloze":
        return ClozeCard(text=d.text, **common)
    if d.kind == "mcq":
        return McqCard(
            question=d.question, options=d.options, correct=d.correct, explanation=d.explanation, **common
        )
    return BasicCard(front=d.front, back=d.back, **common)
