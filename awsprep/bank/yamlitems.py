"""The text of one item of a block sequence (a card in a bank or in a triage file), written directly.

A bank or triage file is a head and a block sequence of cards, and a card's text is the same wherever it
stands (``yamlwrite.dump_reusing``). Each card is a mapping of plain keys to text, numbers, lists of
text and small mappings, so its text can be written here without PyYAML's representer, serializer and
event machine, which cost most of the time of a dump. What this writer is not sure of (a line break in
a text, a character outside the printable ones, a key that must be quoted, a list in a list, another
type) it refuses (``None``), and the caller has PyYAML write that card: the result is the same bytes.

Two flavours: PyYAML's pure-Python emitter (``libyaml=False``: the triage file, lines folded at the
width) and libyaml's (``libyaml=True``: the bank, width 4096, so a text never folds; the characters
where libyaml's analysis differs from PyYAML's are refused). tests/test_bank_yaml_writer.py compares
both with PyYAML on generated cards.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from awsprep.bank.yamlwrite import FastSafeDumper

_RUNS = re.compile(r" +|[^ ]+")  # a text without line breaks: runs of spaces and of other characters
# libyaml's printable characters that PyYAML also prints (no line break, tab, NEL, BOM or astral plane)
_NOT_BOTH = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
# a text both PyYAML and libyaml write plain when it reads back as text: no indicator first, no ":" or
# "#", no line break, tab or character outside the printable ones, no space at the end
_SIMPLE = re.compile(
    "[A-Za-z0-9(][\x20-\x22\x24-\x39\x3b-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*"
)
_LONGEST_KEY = 100  # a longer key may not be simple (PyYAML: with its tag "!!str", under 128 characters)
_PLAIN, _SINGLE = "", "'"
_UNKNOWN = "?"  # (a style not yet known: neither of the two above nor None)


class Hard(Exception):
    """This writer is not sure of the text: PyYAML writes the item."""


class ItemWriter:
    """``writer(item)``: the text of ``item`` as ``yaml.dump({"k": [item]}, sort_keys=False,
    allow_unicode=True, width=width)`` writes it after ``k:\\n``, or None when PyYAML must write it."""

    def __init__(self, width: int, libyaml: bool) -> None:
        self.width = width
        self.libyaml = libyaml
        self._dumper = FastSafeDumper(None, allow_unicode=True)  # type: ignore[arg-type]  # (analysis only)
        self._resolvers = yaml.SafeDumper.yaml_implicit_resolvers
        self._styles: dict[str, str | None] = {}
        # each key found plain (what _mapping writes unquoted), with its line's start: "key:"
        self._keys: dict[str, str] = {}

    def __call__(self, item: Any) -> str | None:
        if type(item) is not dict or not item:
            return None
        out: list[str] = ["-"]
        try:
            self._mapping(item, 2, out, inline=True)
        except Hard:
            return None
        out.append("\n")
        return "".join(out)

    def _mapping(self, data: dict[Any, Any], indent: int, out: list[str], inline: bool) -> None:
        pad = "\n" + " " * indent
        keys = self._keys
        lead = " " if inline else pad
        for key, value in data.items():
            # (a key seen before is known plain: its tests are not made again; the mappings of a file
            # share a handful of keys)
            if type(key) is not str or key not in keys:
                if type(key) is not str or len(key) > _LONGEST_KEY or self._style(key) != _PLAIN:
                    raise Hard
                keys[key] = key + ":"
            out.append(lead + keys[key])
            lead = pad
            self._value(value, indent, indent + len(key) + 1, out)

    def _value(self, value: Any, indent: int, column: int, out: list[str]) -> None:
        """A mapping's value: ``column`` is where its key's colon ends."""
        kind = type(value)
        if kind is str:  # (most values: what the tests below would come to)
            # (_scalar's commonest case, a text already known plain that fits on its line, at once)
            if (
                self._styles.get(value, _UNKNOWN) == _PLAIN
                and column + 1 + len(value) <= self.width
                and not (self.libyaml and column + len(value) + 3 > self.width)
            ):
                out.append(" " + value)
            else:
                out.append(self._scalar(value, column, indent + 2))
        elif kind is list and value:
            pad = "\n" + " " * indent  # a sequence in a mapping is written at the mapping's indent
            for x in value:
                out.append(pad + "-")
                self._item(x, indent, out)
        elif not self._collection(value, indent, out, inline=False):
            out.append(self._scalar(value, column, indent + 2))

    def _item(self, value: Any, indent: int, out: list[str]) -> None:
        """A sequence item after its ``-`` (the sequence at ``indent``)."""
        kind = type(value)
        if kind is str:  # (most items: what the tests below would come to)
            out.append(self._scalar(value, indent + 1, indent + 2))
            return
        if kind is list and value:
            raise Hard
        if not self._collection(value, indent, out, inline=True):
            out.append(self._scalar(value, indent + 1, indent + 2))

    def _collection(self, value: Any, indent: int, out: list[str], inline: bool) -> bool:
        """A mapping (its first key on this line when ``inline``) or an empty list; False for others."""
        kind = type(value)
        if kind is dict:
            if value:
                self._mapping(value, indent + 2, out, inline)
            else:
                out.append(" {}")
            return True
        if kind is list and not value:
            out.append(" []")
            return True
        return False

    def _scalar(self, value: Any, column: int, indent: int) -> str:
        """`` text`` as written after an indicator that ends at ``column``; a folded line starts at
        ``indent``."""
        kind = type(value)
        if kind is str:
            style = self._style(value)
            if style is None:
                raise Hard
            if self.libyaml and column + len(value) + 3 > self.width:
                raise Hard
            if style == _PLAIN:
                if column + 1 + len(value) <= self.width:
                    return " " + value
                return self._folded(value, column + 1, indent, False)
            if column + 3 + len(value) + value.count("'") <= self.width:
                return " '" + value.replace("'", "''") + "'"
            return self._folded(value, column + 2, indent, True)
        if kind is bool:
            return " true" if value else " false"
        if value is None:
            return " null"
        if kind is int:
            return " " + str(value)
        if kind is float:
            text = repr(value).lower()
            if "." in text and "e" not in text and "n" not in text:  # not 1e+20, inf or nan
                return " " + text
        raise Hard

    def _folded(self, text: str, column: int, indent: int, quoted: bool) -> str:
        """PyYAML's ``write_plain`` / ``write_single_quoted`` of a text without line breaks: a single
        space after the width becomes a line break (inside the quotes, not the first or last one)."""
        out = [" '" if quoted else " "]
        pad = "\n" + " " * indent
        end = len(text)
        for m in _RUNS.finditer(text):
            run = m.group()
            if run[0] == " ":
                inside = not quoted or (m.start() != 0 and m.end() != end)
                if len(run) == 1 and column > self.width and inside:
                    out.append(pad)
                    column = indent
                    continue
            elif quoted:
                run = run.replace("'", "''")
            out.append(run)
            column += len(run)
        if quoted:
            out.append("'")
        return "".join(out)

    def _style(self, text: str) -> str | None:
        """How PyYAML (and libyaml, for the texts both print alike) write ``text`` in a block: plain,
        single-quoted, or None (double-quoted, or with line breaks: not written here)."""
        style = self._styles.get(text, _UNKNOWN)
        if style is not _UNKNOWN:
            return style
        style = None
        if _SIMPLE.fullmatch(text) and text[-1] != " ":  # (what the analysis would say, sooner)
            style = _PLAIN if self._plain_is_text(text) else _SINGLE
        elif not (self.libyaml and _NOT_BOTH.search(text)):
            a = self._dumper.analyze_scalar(text)
            if a.multiline:
                style = None
            elif text and a.allow_block_plain and self._plain_is_text(text):
                style = _PLAIN
            elif a.allow_single_quoted:
                style = _SINGLE
        self._styles[text] = style
        return style

    def _plain_is_text(self, text: str) -> bool:
        """Whether ``text`` written plain reads back as text (not a number, a boolean, null...)."""
        for _, regexp in self._resolvers.get(text[0], []) + self._resolvers.get(None, []):
            if regexp.match(text):
                return False
        return True
