"""YAML bank files: load (safe loading only), validate, save atomically.

A bank file looks like::

    schema: 1
    deck: dva-c02          # deck of every card in the file unless a card says otherwise
    cards:
      - id: lambda-max-timeout
        type: cloze
        topic: Lambda
        domain: development
        text: "A Lambda function can run for at most {{15 minutes}}."
        source: {file: notes/lambda.md, line: 12, path: [Lambda, Limits]}

Every error is a :class:`BankError` whose message is one sentence naming file, line and field.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import zip_longest
from pathlib import Path
from typing import Any, Protocol

from awsprep import __version__
from awsprep.bank.errors import BankError
from awsprep.bank.models import (
    CARD_TYPES,
    CLOZE_RE,
    BasicCard,
    Card,
    ClozeCard,
    McqCard,
    NumericCard,
    Source,
)

SCHEMA_VERSION = 1
_SPACE = re.compile(r"\s")  # the characters str.isspace() accepts


@contextmanager
def collector_paused() -> Iterator[None]:
    """Garbage collection paused: for work that makes many small objects and no cycles (parsing,
    dumping, syncing a bank), where collecting would walk them again and again for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                # what the work left alive goes straight to the oldest generation: else the first
                # allocation after enable() would walk all of it in a young collection (an import's
                # tokens, drafts and cards: 3% of its time). Cycles among them are still collected
                # by the next full collection.
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def parse_yaml(text: str, file: str) -> Any:
    """Parse YAML text safely; a syntax error becomes a BankError with its line."""
    from awsprep.bank.yamlread import parse_yaml as parse  # yaml loads only when a file is read

    return parse(text, file)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BankError(str(path), 0, None, f"cannot be read ({exc.strerror or exc})") from None


def _decode(data: bytes, path: Path) -> str:
    try:
        # as Path.read_text does: universal newlines
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        raise BankError(str(path), 0, None, f"is not UTF-8 text (byte {exc.start})") from None


def read_text(path: Path) -> str:
    return _decode(_read_bytes(path), path)


class ParseCache(Protocol):
    """Where parsed bank files are kept between runs, keyed by file and a digest of its bytes."""

    def get(self, file: str, digest: str) -> str | None: ...

    def put(self, file: str, digest: str, cards: str) -> None: ...


def _cache_digest(data: bytes, default_deck: str | None) -> str:
    """Changes with the file's bytes, the deck it defaults to, and the awsprep that read it."""
    head = f"{__version__}\0{SCHEMA_VERSION}\0{default_deck or ''}\0".encode()
    return hashlib.sha256(head + data).hexdigest()


def _cards_from_cache(raw: str, file: str) -> list[Card] | None:
    """The cards of a cache entry, validated again like a bank file; None when the entry is damaged."""
    try:
        items = json.loads(raw)
        if not isinstance(items, list) or not all(
            isinstance(d, dict) and isinstance(d.get("deck"), str) and d["deck"] for d in items
        ):
            return None
        return [card_from_dict(d, file, d["deck"]) for d in items]
    except (ValueError, TypeError, BankError):
        return None


def _cache_text(cards: list[Card]) -> str | None:
    """The cards as the cache keeps them, or None when JSON would not give them back exactly."""
    for card in cards:
        if isinstance(card, NumericCard) and card.params:
            try:
                if json.loads(json.dumps(card.params)) != card.params:
                    return None
            except (TypeError, ValueError):
                return None
    return json.dumps([card_to_dict(card) for card in cards], ensure_ascii=False)


def load_bank_file(
    path: Path, default_deck: str | None = None, cache: ParseCache | None = None
) -> list[Card]:
    """The cards of one bank file. With a cache, a file whose bytes were read before is not parsed again."""
    if cache is None:
        return _parse_bank_file(read_text(path), path, default_deck)
    data = _read_bytes(path)
    digest = _cache_digest(data, default_deck)
    raw = cache.get(str(path), digest)
    if raw is not None:
        cached = _cards_from_cache(raw, str(path))
        if cached is not None:
            return cached
    cards = _parse_bank_file(_decode(data, path), path, default_deck)
    text = _cache_text(cards)
    if text is not None:
        cache.put(str(path), digest, text)
    return cards


def _parse_bank_file(text: str, path: Path, default_deck: str | None) -> list[Card]:
    file = str(path)
    data = parse_yaml(text, file)
    if data is None:
        return []
    if not isinstance(data, dict):
        raise BankError(file, 1, None, "must be a mapping with 'schema' and 'cards'")
    line = getattr(data, "line", 1)
    schema = data.get("schema", SCHEMA_VERSION)
    if schema != SCHEMA_VERSION:
        raise BankError(file, line, "schema", f"is {schema!r} but this awsprep reads schema {SCHEMA_VERSION}")
    deck = data.get("deck", default_deck or path.stem)
    if not isinstance(deck, str) or not deck:
        raise BankError(file, line, "deck", "must be a non-empty string")
    raw_cards = data.get("cards", [])
    if not isinstance(raw_cards, list):
        raise BankError(file, line, "cards", "must be a list")
    return [card_from_dict(raw, file, deck) for raw in raw_cards]


TRIAGE_SUFFIX = ".triage.yaml"  # a deck's triage list lives beside its bank and is not a bank file


def triage_path(bank: Path) -> Path:
    """``decks/NAME.yaml`` -> ``decks/NAME.triage.yaml``."""
    return bank.with_name(bank.stem + TRIAGE_SUFFIX)


def iter_bank_files(root: Path) -> Iterator[Path]:
    if root.is_file():
        yield root
        return
    yield from sorted(
        p
        for p in root.rglob("*")
        if p.suffix in (".yaml", ".yml") and p.is_file() and not p.name.endswith(TRIAGE_SUFFIX)
    )


def load_bank_files(
    paths: Iterable[Path],
    default_deck: str | None = None,
    cache: ParseCache | None = None,
    on_file: Callable[[int, int], None] | None = None,
) -> list[tuple[Path, list[Card]]]:
    """Load every bank file under the given paths, file by file; ids must be unique across all of them.
    `on_file(done, total)` is told before each file is read (a first start shows its progress)."""
    out: list[tuple[Path, list[Card]]] = []
    seen: dict[str, str] = {}
    files = [path for root in paths for path in iter_bank_files(root)]
    for number, path in enumerate(files):
        if on_file is not None:
            on_file(number, len(files))
        cards = load_bank_file(path, default_deck, cache)
        for card in cards:
            where = seen.get(card.id)
            if where is not None:
                raise BankError(str(path), 0, "id", f"{card.id!r} is used twice (first in {where})")
            seen[card.id] = str(path)
        out.append((path, cards))
    return out


def load_bank(paths: Iterable[Path], default_deck: str | None = None) -> list[Card]:
    return [card for _, cards in load_bank_files(paths, default_deck) for card in cards]


STARTER_FILE = "starter.yaml"  # a deck's hand-ordered foundations: introduced before anything else
TYPE_TURNS = ("basic", "cloze", "mcq", "numeric")  # one card of each type in turn


_GONE: Any = object()  # interleave's filler where a group has run dry


def interleave(groups: Iterable[list[Card]]) -> list[Card]:
    """One card from each group in turn (groups of unequal length drop out as they run dry): the rows of
    zip_longest, without the filler (a loop over the depths cost a few tenths of a second at 20k cards)."""
    queues = [list(g) for g in groups if g]
    if len(queues) == 1:
        return queues[0]
    return [card for row in zip_longest(*queues, fillvalue=_GONE) for card in row if card is not _GONE]


def introduction_order(files: Iterable[tuple[Path, list[Card]]]) -> list[Card]:
    """The order new cards are introduced in, deck by deck in turn. In each deck: its starter.yaml
    first, as written (the foundations); then one card of each type in turn (a note, a cloze, a
    question, a calculation), each type drawing from the deck's files in turn, so no day is eighteen
    multiple-choice questions in a row."""
    starters: dict[str, list[Card]] = {}
    files_by_deck: dict[str, list[list[Card]]] = {}
    for path, cards in files:
        for card in cards:
            starters.setdefault(card.deck, [])
            files_by_deck.setdefault(card.deck, [])
        if path.name == STARTER_FILE:
            for card in cards:
                starters[card.deck].append(card)
            continue
        for deck, group in files_by_deck.items():
            mine = [c for c in cards if c.deck == deck]
            if mine:
                group.append(mine)
    decks = []
    for deck, groups in files_by_deck.items():
        by_type = [
            interleave([c for c in cards if c.type == kind] for cards in groups) for kind in TYPE_TURNS
        ]
        decks.append(starters[deck] + interleave(by_type))
    return interleave(decks)


# --- validation -------------------------------------------------------------------------------


class _Fields:
    """Typed access to one card mapping, raising BankError with file and line."""

    def __init__(self, raw: dict[str, Any], file: str) -> None:
        self.raw = raw
        self.file = file
        self.line = getattr(raw, "line", 0)
        self.key_lines: dict[str, int] = getattr(raw, "key_lines", {})

    def error(self, name: str | None, message: str) -> BankError:
        line = self.key_lines.get(name, self.line) if name else self.line
        card_id = self.raw.get("id")
        prefix = f"card {card_id!r}: " if isinstance(card_id, str) else ""
        return BankError(self.file, line, name, message, prefix=prefix)

    def text(self, name: str, required: bool = True, default: str = "") -> str:
        value = self.raw.get(name)
        if value is None:
            if required:
                raise self.error(name, "is missing")
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(name, "must be text")
        text = str(value)
        if required and not text.strip():
            raise self.error(name, "is empty")
        return text

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.raw.get(name, [])
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
            raise self.error(name, "must be a list of text")
        return tuple(str(v) for v in value)

    def number(self, name: str, required: bool = True, default: float = 0.0) -> float:
        value = self.raw.get(name)
        if value is None:
            if required:
                raise self.error(name, "is missing")
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(name, f"must be a number, not {value!r}")
        return float(value)


def _sources(f: _Fields) -> tuple[Source, ...]:
    raw = f.raw.get("sources")
    if raw is None and "source" in f.raw:
        raw = [f.raw["source"]]
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise f.error("sources", "must be a list")
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append(Source(file=item))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            raise f.error("source", "must be a mapping with 'file' (and optional 'line', 'path')")
        line = item.get("line", 0)
        path = item.get("path", [])
        if not isinstance(line, int) or isinstance(line, bool) or line < 0:
            raise f.error("source", "line must be a whole number")
        if not isinstance(path, list) or not all(isinstance(p, str) for p in path):
            raise f.error("source", "path must be a list of headings")
        out.append(Source(file=item["file"], line=line, path=tuple(path)))
    return tuple(out)


def _generator_names() -> set[str]:
    from awsprep.calc.generators import GENERATORS

    return set(GENERATORS)


def _plain_card(raw: dict[str, Any], deck: str) -> Card | None:
    """card_from_dict's card for the common mapping (a basic or cloze card whose fields are all strings
    and lists of strings, with one or no source mapping), built without _Fields; None for anything else,
    which card_from_dict then reads field by field, its checks and errors as always."""
    get: Callable[..., Any] = raw.get
    kind = get("type")
    if kind == "basic":
        front, back = get("front"), get("back")
        if type(front) is not str or type(back) is not str or front.isspace() or back.isspace():
            return None
        if not front or not back:
            return None
    elif kind == "cloze":
        text = get("text")
        if type(text) is not str or not text or text.isspace() or not CLOZE_RE.search(text):
            return None
    else:
        return None
    card_id = get("id")
    if type(card_id) is not str or not card_id or _SPACE.search(card_id):
        return None
    card_deck, topic, domain = get("deck"), get("topic"), get("domain")
    if card_deck is None:
        card_deck = deck
    elif type(card_deck) is not str:
        return None
    if topic is None:
        topic = ""
    elif type(topic) is not str:
        return None
    if domain is not None and type(domain) is not str:
        return None
    tags, refs = _plain_texts(get("tags", [])), _plain_texts(get("refs", []))
    if tags is None or refs is None:
        return None
    sources: tuple[Source, ...] = ()
    if "sources" in raw or "source" in raw:
        item = get("source")
        if "sources" in raw or not isinstance(item, dict):
            return None
        file, line, path = item.get("file"), item.get("line", 0), item.get("path", [])
        if type(file) is not str or type(line) is not int or line < 0 or type(path) is not list:
            return None
        if not all(type(p) is str for p in path):
            return None
        sources = (Source(file=file, line=line, path=tuple(path)),)
    high_priority = bool(get("high_priority", False))
    domain = domain or None
    common: dict[str, Any] = {
        "id": card_id,
        "deck": card_deck,
        "topic": topic,
        "tags": tags,
        "domain": domain,
        "sources": sources,
        "refs": refs,
        "high_priority": high_priority,
    }
    if kind == "basic":
        return BasicCard(**common, front=front, back=back)
    return ClozeCard(**common, text=text)


def _plain_texts(value: Any) -> tuple[str, ...] | None:
    """_Fields.texts of a value that is None or a list of strings; None for anything else."""
    if value is None:
        return ()
    if type(value) is not list or not all(type(v) is str for v in value):
        return None
    return tuple(value)


def card_from_dict(raw: Any, file: str, deck: str) -> Card:
    if isinstance(raw, dict):
        card = _plain_card(raw, deck)
        if card is not None:
            return card
    if not isinstance(raw, dict):
        line = getattr(raw, "line", 0)
        raise BankError(file, line, None, "each entry of 'cards' must be a mapping")
    f = _Fields(raw, file)
    card_id = f.text("id")
    if _SPACE.search(card_id):
        raise f.error("id", "must not contain spaces")
    ctype = f.text("type")
    if ctype not in CARD_TYPES:
        raise f.error("type", f"is {ctype!r}; expected one of {', '.join(CARD_TYPES)}")
    card_deck = f.text("deck", required=False, default=deck)
    common: dict[str, Any] = dict(
        id=card_id,
        deck=card_deck,
        topic=f.text("topic", required=False),
        tags=f.texts("tags"),
        domain=f.text("domain", required=False) or None,
        sources=_sources(f),
        refs=f.texts("refs"),
        high_priority=bool(raw.get("high_priority", False)),
    )
    if ctype == "basic":
        return BasicCard(front=f.text("front"), back=f.text("back"), **common)
    if ctype == "cloze":
        text = f.text("text")
        if not CLOZE_RE.search(text):
            raise f.error("text", "has no {{hidden}} part")
        return ClozeCard(text=text, **common)
    if ctype == "mcq":
        options = f.texts("options")
        if len(options) < 2:
            raise f.error("options", "needs at least two options")
        correct_raw = raw.get("correct")
        if isinstance(correct_raw, int) and not isinstance(correct_raw, bool):
            correct_raw = [correct_raw]
        if not isinstance(correct_raw, list) or not correct_raw:
            raise f.error("correct", "must list the 0-based indices of the correct options")
        for i in correct_raw:
            if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(options):
                raise f.error("correct", f"has {i!r}, which is not an option index (0-{len(options) - 1})")
        if len(set(correct_raw)) != len(correct_raw):
            raise f.error("correct", "lists an option twice")
        if len(correct_raw) == len(options):
            raise f.error("correct", "marks every option correct")
        return McqCard(
            question=f.text("question"),
            options=options,
            correct=tuple(sorted(correct_raw)),
            explanation=f.text("explanation", required=False),
            **common,
        )
    # numeric
    generator = f.text("generator", required=False) or None
    params = raw.get("params", {})
    if not isinstance(params, dict):
        raise f.error("params", "must be a mapping")
    if generator is not None:
        from awsprep.calc.errors import CalcError
        from awsprep.calc.generators import check_template

        try:
            check_template(generator, dict(params))
        except CalcError as exc:
            field = "params" if generator in _generator_names() else "generator"
            raise f.error(field, str(exc).rstrip(".")) from None
        return NumericCard(
            question=f.text("question", required=False),
            generator=generator,
            params=dict(params),
            unit=f.text("unit", required=False),
            **common,
        )
    tolerance = f.number("tolerance", required=False)
    if tolerance < 0:
        raise f.error("tolerance", "must not be negative")
    return NumericCard(
        question=f.text("question"),
        answer=f.number("answer"),
        tolerance=tolerance,
        unit=f.text("unit", required=False),
        steps=f.texts("steps"),
        **common,
    )


# --- saving -----------------------------------------------------------------------------------


def card_to_dict(card: Card, deck: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": card.id, "type": card.type}
    if deck is None or card.deck != deck:
        out["deck"] = card.deck
    if card.topic:
        out["topic"] = card.topic
    if card.tags:
        out["tags"] = list(card.tags)
    if card.domain:
        out["domain"] = card.domain
    if card.high_priority:
        out["high_priority"] = True
    if isinstance(card, BasicCard):
        out.update(front=card.front, back=card.back)
    elif isinstance(card, ClozeCard):
        out["text"] = card.text
    elif isinstance(card, McqCard):
        out.update(
            question=card.question,
            options=list(card.options),
            correct=list(card.correct),
        )
        if card.explanation:
            out["explanation"] = card.explanation
    else:
        if card.question:
            out["question"] = card.question
        if card.generator is not None:
            out["generator"] = card.generator
            out["params"] = dict(card.params)
        else:
            out.update(answer=card.answer, tolerance=card.tolerance)
        if card.unit:
            out["unit"] = card.unit
        if card.steps:
            out["steps"] = list(card.steps)
    if card.refs:
        out["refs"] = list(card.refs)
    srcs = [
        {"file": s.file, **({"line": s.line} if s.line else {}), **({"path": list(s.path)} if s.path else {})}
        for s in card.sources
    ]
    if len(srcs) == 1:
        out["source"] = srcs[0]
    elif srcs:
        out["sources"] = srcs
    return out


def dump_bank(cards: Iterable[Card], deck: str) -> str:
    doc = {"schema": SCHEMA_VERSION, "deck": deck, "cards": [card_to_dict(c, deck) for c in cards]}
    with collector_paused():  # collecting would cost a third of the time
        return _dump(doc)


def dump_bank_reusing(
    cards: Iterable[Card], deck: str, known: dict[str, str], dicts: list[dict[str, Any]] | None = None
) -> tuple[str, dict[str, str]]:
    """``dump_bank(cards, deck)``, the same text, each card's text taken from ``known`` (what the last
    call returned) when the card is the same; and this bank's card texts, to pass next time. ``dicts``:
    the cards' ``card_to_dict(card, deck)`` when the caller has them (read, not changed)."""
    import yaml

    from awsprep.bank.yamlitems import ItemWriter
    from awsprep.bank.yamlwrite import dump_reusing

    head = {"schema": SCHEMA_VERSION, "deck": deck}
    writer = ItemWriter(_WIDTH, libyaml=hasattr(yaml, "CSafeDumper"))  # what _dump's emitter writes
    with collector_paused():
        if dicts is None:
            dicts = [card_to_dict(c, deck) for c in cards]
        return dump_reusing(head, "cards", dicts, _dump, known, writer)


_WIDTH = 4096  # the bank's lines are not folded


def _dump(doc: Any) -> str:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return str(yaml.dump(doc, Dumper=dumper, sort_keys=False, allow_unicode=True, width=_WIDTH))


def atomic_write(path: Path, text: str) -> None:
    """Write text to path via a temporary file and rename: readers see the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
