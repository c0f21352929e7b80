"""`awsprep import deck.apkg`: an Anki package into an imported deck's bank file (and, with history, its
review log into the store). `cli/importer.py` hands .apkg files here."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import typer

from awsprep.cli.common import emit_json, imported_decks_dir
from awsprep.errors import UsageError


def is_package(paths: list[Path]) -> bool:
    return any(p.suffix.lower() == ".apkg" for p in paths)


def import_package(
    paths: list[Path], deck: str | None, bank: Path | None, with_history: bool, as_json: bool
) -> None:
    from awsprep.bank.io import atomic_write, dump_bank
    from awsprep.interop.anki_in import read_apkg

    if len(paths) != 1:
        raise UsageError("Import one Anki package (.apkg) at a time, without Markdown notes beside it.")
    path = paths[0]
    if not path.is_file():
        raise UsageError(f"{path} does not exist or is not a file.")
    result = read_apkg(path, deck)
    if not result.cards:
        kinds = _unknown_text(result.unknown) or "no notes at all"
        raise UsageError(f"{path} holds no Basic or Cloze notes to import ({kinds}).")
    name = deck or re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.")[:64] or "anki"
    target = bank if bank is not None else imported_decks_dir() / f"{name}.yaml"
    if target.is_dir():
        raise UsageError(f"--bank {target} is a folder; give a file name such as {target / 'anki.yaml'}.")
    known = _ids_elsewhere(target)
    fresh = [c for c in result.cards if c.id not in known]  # awsprep's own cards come back as they are
    written = False
    if fresh:
        text = dump_bank(fresh, fresh[0].deck)
        written = not target.is_file() or target.read_text(encoding="utf-8") != text
        if written:
            atomic_write(target, text)
    adopted = reviews = 0
    if with_history and result.history:
        from awsprep.cli.db import open_store

        store, _ = open_store(None)
        for card_id, answers in result.history.items():
            if store.adopt_history(card_id, answers):
                adopted += 1
                reviews += len(answers)
    by_type: dict[str, int] = {}
    for c in result.cards:
        by_type[c.type] = by_type.get(c.type, 0) + 1
    summary: dict[str, Any] = {
        "file": str(path),
        "bank": str(target),
        "written": written,
        "cards": len(result.cards),
        "already_known": len(result.cards) - len(fresh),
        "by_type": by_type,
        "decks": sorted({c.deck for c in result.cards}),
        "unknown_note_types": dict(result.unknown),
        "empty_notes": result.empty,
        "media": result.media,
        "with_history": with_history,
        "history_cards": adopted,
        "history_reviews": reviews,
    }
    if as_json:
        emit_json(summary)
        return
    if result.unknown:
        sys.stderr.write(f"awsprep: warning: not imported: {_unknown_text(result.unknown)}.\n")
    if result.media:
        shown = ", ".join(result.media[:5]) + (" ..." if len(result.media) > 5 else "")
        sys.stderr.write(
            f"awsprep: warning: {len(result.media)} media files are named, not shown: {shown}.\n"
        )
    kinds = ", ".join(f"{n} {t}" for t, n in by_type.items())
    history = f"; history of {adopted} cards ({reviews} reviews) replayed" if with_history else ""
    known_text = (
        f" ({len(result.cards) - len(fresh)} already in another bank file)"
        if len(fresh) < len(result.cards)
        else ""
    )
    typer.echo(
        f"Imported {len(result.cards)} cards ({kinds}) from {path.name} into {target}{known_text}{history}."
    )


def _ids_elsewhere(target: Path) -> set[str]:
    """Ids of the cards in every bank file but the target: the bundled bank and other imported decks."""
    from awsprep.bank.errors import BankError
    from awsprep.bank.io import iter_bank_files, load_bank_file
    from awsprep.cli.common import bank_roots

    ids: set[str] = set()
    for root in bank_roots():
        if not root.exists():
            continue
        for file in iter_bank_files(root):
            if file.resolve() == target.resolve():
                continue
            try:
                ids.update(c.id for c in load_bank_file(file))
            except BankError:
                continue
    return ids


def _unknown_text(unknown: dict[str, int]) -> str:
    return ", ".join(f"{n} notes of type {name!r}" for name, n in sorted(unknown.items()))
