"""`awsprep triage`: decide on the imported cards that scored too low to enter review by themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from awsprep.cli.common import emit_json, guard, imported_decks_dir, writable_file
from awsprep.errors import UsageError


def _triage_files(deck: str | None, bank: Path | None) -> list[tuple[Path, Path]]:
    """(triage file, bank file) pairs to go through."""
    from awsprep.bank.io import TRIAGE_SUFFIX
    from awsprep.notes.triage import triage_path

    if bank is not None:
        bank = writable_file(bank, "--bank")
        return [(triage_path(bank), bank)]
    folder = imported_decks_dir()
    if deck is not None:
        target = folder / f"{deck}.yaml"
        if not triage_path(target).is_file():
            raise UsageError(
                f"deck {deck!r} has no cards waiting in triage ({triage_path(target)} is absent)."
            )
        return [(triage_path(target), target)]
    found = sorted(folder.glob(f"*{TRIAGE_SUFFIX}")) if folder.is_dir() else []
    return [(p, p.with_name(p.name[: -len(TRIAGE_SUFFIX)] + ".yaml")) for p in found]


def _interactive() -> bool:
    import sys

    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _add_to_bank(bank: Path, deck: str, raw: dict[str, Any]) -> None:
    from awsprep.bank.io import atomic_write, card_from_dict, dump_bank, load_bank_file

    cards = load_bank_file(bank, deck) if bank.is_file() else []
    card = card_from_dict(raw, str(bank), deck)
    cards = [c for c in cards if c.id != card.id] + [card]
    atomic_write(bank, dump_bank(cards, deck))


def triage(deck: str | None, bank: Path | None, plain: bool, as_json: bool) -> None:
    from awsprep.bank.io import atomic_write
    from awsprep.notes.triage import dump_triage, read_triage, run_session
    from awsprep.ui.triage import PlainFace, RichFace

    files = _triage_files(deck, bank)
    if as_json:
        out = []
        for tfile, bfile in files:
            t = read_triage(tfile)
            out.append(
                {
                    "deck": t.deck,
                    "triage_file": str(tfile),
                    "bank": str(bfile),
                    "waiting": [
                        {
                            "id": p.id,
                            "score": p.score,
                            "reasons": list(p.reasons),
                            "source": p.source,
                            "card": p.card,
                        }
                        for p in t.cards
                    ],
                    "decisions": {cid: d.action for cid, d in t.decisions.items()},
                }
            )
        emit_json({"decks": out})
        return

    face = PlainFace() if plain or not _interactive() else RichFace()
    waiting = 0
    for tfile, bfile in files:
        t = read_triage(tfile)
        if not t.cards:
            continue
        waiting += len(t.cards)

        def commit(card: dict[str, Any], t: Any = t, tfile: Path = tfile, bfile: Path = bfile) -> None:
            if card:
                _add_to_bank(bfile, t.deck, card)
            atomic_write(tfile, dump_triage(t))

        def check(card: dict[str, Any], t: Any = t, bfile: Path = bfile) -> str | None:
            from awsprep.bank.errors import BankError
            from awsprep.bank.io import card_from_dict

            try:
                card_from_dict(card, str(bfile), t.deck)
            except BankError as exc:
                return str(exc)
            return None

        try:
            tally = run_session(t, face, commit, check)
        except (EOFError, KeyboardInterrupt):
            face.say("Stopped; every decision so far is saved.")
            return
        face.say(
            f"{t.deck}: {tally.kept} kept, {tally.edited} edited, {tally.dropped} dropped, "
            f"{tally.skipped} skipped; {len(t.cards)} still wait in triage."
        )
    if not waiting:
        face.say("No cards wait in triage.")


def register(root: typer.Typer) -> None:
    @root.command(name="triage")
    @guard
    def triage_cmd(
        deck: str | None = typer.Option(None, "--deck", help="Only this imported deck."),
        bank: Path | None = typer.Option(None, "--bank", help="The deck whose bank is this file."),
        plain: bool = typer.Option(False, "--plain", help="Plain lines instead of the full screen."),
        as_json: bool = typer.Option(False, "--json", help="List the waiting cards as JSON; decide nothing."),
    ) -> None:
        """Keep, drop or edit the imported cards that scored too low to enter review."""
        triage(deck, bank, plain, as_json)
