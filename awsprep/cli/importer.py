"""`awsprep import` (Markdown notes -> a deck's bank file) and `awsprep decks`."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from awsprep import __version__
from awsprep.cli.common import (
    bank_roots,
    content_dir,
    data_dir,
    emit_json,
    given_paths,
    guard,
    imported_decks_dir,
    writable_file,
)
from awsprep.errors import UsageError
from awsprep.ui.escape import line, literal
from awsprep.ui.text import counted

_DECK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
CARD_TYPES = ("basic", "cloze", "mcq", "numeric")


def _warn(message: str) -> None:
    sys.stderr.write(f"awsprep: warning: {literal(message)}\n")


def _deck_name(paths: list[Path], deck: str | None) -> str:
    if deck is not None:
        if not _DECK.match(deck):
            raise UsageError(
                f"--deck {deck!r} must be letters, digits, '.', '_' or '-' (no spaces or slashes)."
            )
        return deck
    first = paths[0].resolve()
    name = first.name if first.is_dir() else first.stem
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "notes"
    return slug[:64]


def _cache_path(bank: Path) -> Path:
    key = hashlib.sha1(str(bank.resolve()).encode("utf-8")).hexdigest()[:16]
    return data_dir() / "import-cache" / f"{key}.json"


def _source(*packages: str) -> bytes:
    """The Python source of awsprep's packages: cached work is reused only while it is unchanged."""
    root = Path(__file__).resolve().parent.parent
    return b"".join(p.read_bytes() for name in packages for p in sorted((root / name).glob("*.py")))


def _read_cache(path: Path, whole: bool = True) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The cache file: its first line records the last import (notes/lastrun.py), its second holds the
    drafts of each note file by content hash, its third the YAML text of each card of the bank and of
    the triage file (the second and third are read only when ``whole``)."""
    lines: list[Any] = []
    try:
        with path.open(encoding="utf-8") as fh:
            for _ in range(3 if whole else 1):
                lines.append(json.loads(fh.readline() or "null"))
    except (OSError, ValueError):
        lines = []
    lines += [None] * (3 - len(lines))
    last, drafts, texts = (x if isinstance(x, dict) else {} for x in lines)
    return last, drafts, texts


def _texts(cache: dict[str, Any], name: str) -> dict[str, str]:
    """The cards' YAML texts kept for the bank or the triage file; none when any looks damaged (the
    cache is trusted as for the drafts: written atomically by awsprep, keyed by a digest)."""
    known = cache.get(name)
    if not isinstance(known, dict) or not all(
        isinstance(v, str) and v.startswith("- ") and v.endswith("\n") for v in known.values()
    ):
        return {}
    return known


def cache_json(cache: dict[str, Any]) -> str:
    """``json.dumps(cache, check_circular=False)`` (fresh dicts and lists: no cycles), the same text, its
    files' entries encoded one by one: the encoder gathers every piece of a document in one list before
    joining them, a quarter slower for the 5 MB of a large import than for its 300 pieces joined."""
    files = cache.get("files")
    if list(cache) != ["key", "files"] or type(files) is not dict or not all(type(k) is str for k in files):
        return json.dumps(cache, check_circular=False)
    encode = json.JSONEncoder(check_circular=False).encode
    entries = ", ".join(f"{encode(name)}: {encode(entry)}" for name, entry in files.items())
    return f'{{"key": {encode(cache["key"])}, "files": {{{entries}}}}}'


def _run_key(deck: str, table: bytes | None, facts: bytes | None, exams: list[str]) -> str:
    """Everything an import depends on besides the notes, the bank and the triage file."""
    digest = hashlib.sha256(_source("notes", "bank"))
    for part in (__version__, deck, *exams):
        digest.update(part.encode("utf-8") + b"\0")
    for data in (table, facts):
        digest.update(b"-" if data is None else hashlib.sha256(data).digest())
    return digest.hexdigest()


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:  # the full import says what is wrong with it
        return b"\0unreadable"


@dataclass
class Done:
    """What an import did, for the summary: the summary, the facts printed beside it, the full
    result (None when the notes were unchanged and nothing was redone)."""

    summary: dict[str, Any]
    info: dict[str, Any]
    result: Any = None


def run_notes_import(
    paths: list[Path],
    deck: str | None,
    bank: Path | None,
    dry_run: bool,
    full: bool = False,
    warn: Callable[[str], None] = lambda message: None,
) -> Done:
    """Import notes into a deck's bank file; ``warn`` hears each warning. Unless ``full`` (the
    --explain listing needs every card), notes unchanged since the last import are not read again
    beyond their hashes: the summary is the one recorded then (see notes/lastrun.py)."""
    from awsprep.bank.io import triage_path
    from awsprep.notes.files import collect_files
    from awsprep.notes.lastrun import LastRun, unchanged

    notes = collect_files(paths)
    deck_name = _deck_name(paths, deck)
    target = writable_file(bank, "--bank") if bank is not None else imported_decks_dir() / f"{deck_name}.yaml"
    table_file = content_dir() / "domains.yaml"
    facts_file = content_dir() / "facts.yaml"
    exams = sorted(p.stem for p in (content_dir() / "exams").glob("*.yaml"))
    key = _run_key(deck_name, _read_or_none(table_file), _read_or_none(facts_file), exams)
    cache_file = _cache_path(target)
    triage_file = triage_path(target)
    info = {
        "deck": deck_name,
        "bank": str(target),
        "files": len(notes),
        "unchanged_files": 0,
        "triage_file": str(triage_file),
        "dry_run": dry_run,
        "written": False,
    }
    if not full:
        last = LastRun.from_json(_read_cache(cache_file, whole=False)[0])
        warnings = unchanged(last, key, notes, target, triage_file) if last is not None else None
        if last is not None and warnings is not None:
            for w in warnings:
                warn(f"{w}")
            return Done(last.summary, {**info, "unchanged_files": len(last.files)})
    from awsprep.bank.io import collector_paused

    with collector_paused():  # many small objects (tokens, drafts, cards), no cycles: nothing to collect
        return _full_import(notes, deck_name, target, dry_run, key, warn, info)


def _full_import(
    notes: list[Any],
    deck_name: str,
    target: Path,
    dry_run: bool,
    key: str,
    warn: Callable[[str], None],
    info: dict[str, Any],
) -> Done:
    from awsprep.bank.errors import BankError
    from awsprep.bank.io import atomic_write, card_to_dict, dump_bank_reusing, load_bank_file
    from awsprep.notes.lastrun import LastRun, file_digest
    from awsprep.notes.lint import load_facts
    from awsprep.notes.model import Warning
    from awsprep.notes.pipeline import next_summary, run_import
    from awsprep.notes.topics import TopicTable
    from awsprep.notes.triage import dump_triage_reusing, read_triage

    previous = []
    if target.is_file():
        try:
            previous = load_bank_file(target, deck_name)
        except BankError as exc:
            warn(f"{exc} The previous cards are ignored, so every card counts as added.")
    table_file = content_dir() / "domains.yaml"
    topics, sig = TopicTable(), hashlib.sha1(_source("notes"))
    if table_file.is_file():
        topics = TopicTable.load(table_file)
        sig.update(table_file.read_bytes())
        other_exams = {p.stem for p in (content_dir() / "exams").glob("*.yaml")} - {topics.blueprint.lower()}
        if deck_name.lower() in other_exams:  # the table's domains are another exam's: topics only
            topics = topics.without_domains()
            sig.update(b"no domains")
    facts_file = content_dir() / "facts.yaml"
    facts = load_facts(facts_file) if facts_file.is_file() else []
    if facts_file.is_file():
        sig.update(facts_file.read_bytes())
    cache_file = _cache_path(target)
    triage_file = Path(info["triage_file"])
    triage = read_triage(triage_file)
    _, drafts, known = _read_cache(cache_file)
    result = run_import(
        notes,
        deck_name,
        topics,
        sig.hexdigest()[:16],
        previous,
        drafts,
        decisions=triage.decisions,
        facts=facts,
    )
    for w in result.warnings:
        warn(f"{w}")
    summary_now = result.summary()  # (counted once: the next import's differs only in its changes)
    written = False
    if not dry_run:
        dicts = [card_to_dict(c, deck_name) for c in result.cards]  # (the bank's, and next_summary's)
        text, bank_texts = dump_bank_reusing(result.cards, deck_name, _texts(known, "bank"), dicts)
        old = target.read_text(encoding="utf-8") if target.is_file() else None
        if text != old:
            atomic_write(target, text)
            written = True
        triage.deck, triage.cards = deck_name, result.triage
        triage_texts: dict[str, str] = {}
        if triage.cards or triage.decisions or triage_file.is_file():
            triage_text, triage_texts = dump_triage_reusing(triage, _texts(known, "triage"))
            atomic_write(triage_file, triage_text)
        last = None
        if len({n.name for n in notes}) == len(notes):  # (two files of one name share a cache entry)
            summary = next_summary(result, deck_name, str(target), dicts, summary_now)
            if summary is not None:
                read = [
                    (name, entry["sha256"], [Warning(**w) for w in entry["warnings"]])
                    for name, entry in result.cache["files"].items()
                ]
                bank_digest = file_digest(target) or ""
                last = LastRun(key, len(notes), read, bank_digest, file_digest(triage_file), summary)
        head = json.dumps(last.to_json() if last is not None else None)
        texts = json.dumps({"bank": bank_texts, "triage": triage_texts})
        drafts_json = cache_json(result.cache)
        atomic_write(cache_file, head + "\n" + drafts_json + "\n" + texts)
    return Done(summary_now, {**info, "unchanged_files": result.unchanged_files, "written": written}, result)


def import_notes(
    paths: list[Path], deck: str | None, bank: Path | None, dry_run: bool, explain: bool, as_json: bool
) -> None:
    done = run_notes_import(paths, deck, bank, dry_run, full=explain, warn=_warn)
    if as_json:
        out: dict[str, Any] = {**done.summary, **done.info}
        if explain:
            out["explain"] = _explain_rows(done.result)
        emit_json(out)
        return
    _render(done.result, done.summary, done.info, explain)


def _explain_rows(result: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for card, draft in zip(result.cards, result.drafts, strict=True):
        rows.append(
            {
                "id": card.id,
                "type": card.type,
                "rule": draft.rule,
                "source": f"{draft.file}:{draft.line}",
                "prompt": card.prompt(),
            }
        )
    for skip in result.skips:
        rows.append({"skipped": skip.reason, "source": f"{skip.file}:{skip.line}", "text": skip.text})
    return rows


def _render(result: Any, summary: dict[str, Any], info: dict[str, Any], explain: bool) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    if explain:
        for row in _explain_rows(result):
            if "rule" in row:
                shown = Text(f"{row['rule']:<13} {line(row['source']):<32} {row['type']:<6} ")
                shown.append(line(row["prompt"].replace("\n", " ")[:120]))
            else:
                head = f"{'skipped':<13} {line(row['source']):<32} {line(row['skipped'])}: "
                shown = Text(head, style="dim")
                shown.append(line(row["text"]))
            console.print(shown)
        console.print()
    table = Table(title=None, show_header=True, header_style="bold")
    table.add_column("count", justify="right")
    table.add_column("what")
    for kind, n in summary["by_type"].items():
        table.add_row(str(n), Text(f"{kind} cards"))
    for rule, n in summary["by_rule"].items():
        table.add_row(str(n), Text(f"rule {rule}"))
    for reason, n in summary["triage_reasons"].items():
        table.add_row(str(n), Text(f"triage: {reason}"))
    for reason, n in summary["skipped"].items():
        table.add_row(str(n), Text(f"skipped: {line(reason)}"))
    console.print(table)
    verb = "would write" if info["dry_run"] else ("wrote" if info["written"] else "unchanged")
    console.print(
        Text(
            f"{counted(summary['cards'], 'card')} from {counted(info['files'], 'file')} "
            f"({info['unchanged_files']} unchanged) "
            f"in deck {info['deck']}: {summary['added']} added, {summary['changed']} changed, "
            f"{summary['retired']} retired; {verb} {line(info['bank'])}"
        )
    )
    skipped = sum(summary["skipped"].values())
    waits = "waits" if summary["triage"] == 1 else "wait"
    tally = f"{summary['cards']} went in, {summary['triage']} {waits} in triage, {skipped} skipped"
    if summary["triage"]:
        tally += f" (decide with: awsprep triage --bank {info['bank']})"
    console.print(Text(tally))


def list_decks() -> list[dict[str, Any]]:
    from awsprep.bank.errors import BankError
    from awsprep.bank.io import iter_bank_files, load_bank_file

    decks: dict[tuple[str, str], dict[str, Any]] = {}
    *bundled, imported = bank_roots()
    sources = [*(("bundled", root) for root in bundled), ("imported", imported)]
    for origin, folder in sources:
        if not folder.exists():
            continue
        for path in iter_bank_files(folder):
            try:
                cards = load_bank_file(path)
            except BankError as exc:
                _warn(f"{exc} This file is left out of the deck list.")
                continue
            if not cards and origin == "imported":
                decks.setdefault(
                    (origin, path.stem),
                    {
                        "name": path.stem,
                        "origin": origin,
                        "cards": 0,
                        "by_type": Counter(),
                        "files": [str(path)],
                    },
                )
            for card in cards:
                entry = decks.setdefault(
                    (origin, card.deck),
                    {"name": card.deck, "origin": origin, "cards": 0, "by_type": Counter(), "files": []},
                )
                entry["cards"] += 1
                entry["by_type"][card.type] += 1
                if str(path) not in entry["files"]:
                    entry["files"].append(str(path))
    out = []
    for entry in decks.values():
        entry["by_type"] = {t: entry["by_type"].get(t, 0) for t in CARD_TYPES}
        out.append(entry)
    return out


def register(root: typer.Typer) -> None:
    @root.command(name="import")
    @guard
    def import_cmd(
        paths: list[str] = typer.Argument(..., help="Markdown files or folders of notes (.md, .markdown)."),
        deck: str | None = typer.Option(None, "--deck", help="Deck name (default: the folder or file name)."),
        bank: Path | None = typer.Option(None, "--bank", help="Write the bank to this file instead."),
        dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be imported; write nothing."),
        explain: bool = typer.Option(False, "--explain", help="Show the rule and source line of every card."),
        as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
        with_history: bool = typer.Option(
            False, "--with-history", help="Anki packages: replay their review log into awsprep's."
        ),
    ) -> None:
        """Turn Markdown notes (or an Anki .apkg package) into a deck of cards and questions."""
        from awsprep.cli import anki

        files = given_paths(paths)
        if anki.is_package(files):
            anki.import_package(files, deck, bank, with_history, as_json)
            return
        if with_history:
            raise UsageError("--with-history is for Anki packages (.apkg); notes have no review log.")
        import_notes(files, deck, bank, dry_run, explain, as_json)

    @root.command(name="decks")
    @guard
    def decks_cmd(
        as_json: bool = typer.Option(False, "--json", help="Print the decks as JSON."),
    ) -> None:
        """List the decks (bundled and imported), their card counts and which ones review studies."""
        from awsprep.cli.db import open_store
        from awsprep.study.settings import active_decks

        decks = list_decks()
        store, _ = open_store(None, sync=False)
        active = active_decks(store, [d["name"] for d in decks])
        for d in decks:
            d["active"] = active is None or d["name"] in active
        if as_json:
            emit_json({"decks": decks})
            return
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(show_header=True, header_style="bold")
        for col in ("deck", "origin", "active", "cards", *CARD_TYPES):
            table.add_column(col, justify="left" if col in ("deck", "origin", "active") else "right")
        for d in decks:
            table.add_row(
                Text(line(d["name"])),
                d["origin"],
                "yes" if d["active"] else "no",
                str(d["cards"]),
                *(str(d["by_type"][t]) for t in CARD_TYPES),
            )
        if not decks:
            Console().print(Text("No decks yet: `awsprep import NOTES` makes one."))
            return
        Console(highlight=False).print(table)
        typer.echo("review studies the active decks; choose them: awsprep settings active-decks NAME,NAME")
