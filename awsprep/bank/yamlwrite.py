"""Writing YAML with PyYAML's pure-Python emitter, its two hottest steps done faster with the same result.

The triage file is written by the pure-Python emitter (libyaml's writes some text differently, so the
files would change). Most of that emitter's time goes into looking at every character of every scalar
in Python (``analyze_scalar``) and writing plain scalars piece by piece (``write_plain``). Here the
same analysis is made with a few regular expressions, flag for flag, and a plain scalar that fits on
its line is written in one piece; anything else goes to PyYAML's own code. The output is byte for byte
PyYAML's (tests/test_bank_yaml_writer.py compares them on generated text).

Imported when a file is written, not before.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.emitter import ScalarAnalysis

_BREAKS = "\n\x85\u2028\u2029"
_SPACES = "\0 \t\r" + _BREAKS  # what PyYAML counts as whitespace around an indicator
_WS = re.escape(_SPACES)
_BREAK = re.compile(f"[{re.escape(_BREAKS)}]")
_FLOW_INSIDE = re.compile(r"[,?\[\]{}:]")  # flow indicators after the first character
_COLON_BLOCK = re.compile(f":(?:[{_WS}]|\\Z)")  # ": " ends a plain key
_HASH_BLOCK = re.compile(f"[{_WS}]#")  # " #" starts a comment
_BREAK_SPACE = re.compile(f"[{re.escape(_BREAKS)}] ")
_SPACE_BREAK = re.compile(f" [{re.escape(_BREAKS)}]")
# characters neither printable ASCII nor a line feed; with allow_unicode, the printable rest is allowed
_SPECIAL_ASCII = re.compile("[^\n\x20-\x7e]")
_SPECIAL_UNICODE = re.compile("[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]")
_LEADING = "#,[]{}&*!|>'\"%@`"  # a first character that is an indicator whatever follows
_FRAGMENTS = 1  # the version of the item texts dump_reusing hands back (a change drops the old ones)


class FastSafeDumper(yaml.SafeDumper):
    """yaml.SafeDumper, with the same output."""

    def analyze_scalar(self, scalar: str) -> Any:
        if not scalar:
            return super().analyze_scalar(scalar)
        first, last = scalar[0], scalar[-1]
        followed = len(scalar) == 1 or scalar[1] in _SPACES
        flow = block = scalar.startswith("---") or scalar.startswith("...")
        if first in _LEADING or (first == "-" and followed):
            flow = block = True
        elif first in "?:":
            flow = True
            block = block or followed
        if _FLOW_INSIDE.search(scalar, 1):
            flow = True
        if _COLON_BLOCK.search(scalar, 1):
            block = True
        if _HASH_BLOCK.search(scalar):
            flow = block = True
        line_breaks = _BREAK.search(scalar) is not None
        special = (_SPECIAL_UNICODE if self.allow_unicode else _SPECIAL_ASCII).search(scalar) is not None
        space_break = _SPACE_BREAK.search(scalar) is not None
        break_space = _BREAK_SPACE.search(scalar) is not None
        flow_plain = block_plain = single = block_style = True
        if first == " " or first in _BREAKS or last == " " or last in _BREAKS:
            flow_plain = block_plain = False
        if last == " ":
            block_style = False
        if break_space:
            flow_plain = block_plain = single = False
        if space_break or special:
            flow_plain = block_plain = single = block_style = False
        if line_breaks:
            flow_plain = block_plain = False
        if flow:
            flow_plain = False
        if block:
            block_plain = False
        return ScalarAnalysis(
            scalar=scalar,
            empty=False,
            multiline=line_breaks,
            allow_flow_plain=flow_plain,
            allow_block_plain=block_plain,
            allow_single_quoted=single,
            allow_double_quoted=True,
            allow_block=block_style,
        )

    def write_plain(self, text: str, split: bool = True) -> None:
        # A plain scalar without line breaks that ends before the best width is never split: PyYAML
        # writes it word by word, and the words make the text.
        width = len(text) + (0 if self.whitespace else 1)
        if not text or self.encoding or self.column + width > self.best_width or _BREAK.search(text):
            super().write_plain(text, split)
            return
        if self.root_context:
            self.open_ended = True
        if not self.whitespace:
            text = " " + text
        self.whitespace = False
        self.indention = False
        self.column += len(text)
        self.stream.write(text)


def safe_dump(data: Any, **options: Any) -> str:
    """``yaml.safe_dump(data, **options)`` to a string, faster."""
    return str(yaml.dump(data, Dumper=FastSafeDumper, **options))


def dump_reusing(
    head: dict[str, Any],
    key: str,
    items: list[Any],
    dump: Callable[[Any], str],
    known: dict[str, str],
    write_item: Callable[[Any], str | None] | None = None,
) -> tuple[str, dict[str, str]]:
    """``dump({**head, key: items})``, the same text, with the text of each item taken from ``known``
    (item text by a digest of the item, as returned last time) when it is there, else written by
    ``write_item`` (``yamlitems.ItemWriter``: the item's text, or None to leave it to ``dump``); and the
    item texts of this document, to pass next time. The items of a block sequence are written alike
    wherever they stand, so a document is its head and its items' texts; a document that does not split
    that way (an empty list) is dumped whole and gives no item texts."""
    if _shared([head, items]):  # PyYAML writes an anchor and an alias: the items' texts depend on each other
        return dump({**head, key: items}), {}
    tops = [_digest(item) for item in items]
    have = dict(known)
    missing: dict[str, Any] = {}
    for top, item in zip(tops, items, strict=True):
        if top in have or top in missing:
            continue
        text = write_item(item) if write_item is not None else None
        if text is None:
            missing[top] = item
        else:
            have[top] = text
    if not items or (write_item is None and len(missing) == len(set(tops))):
        # nothing known: one dump of the whole, split into its items
        whole = dump({**head, key: items})
        header = _header(head, key, dump)
        texts = _split(whole[len(header) :], len(items)) if header and whole.startswith(header) else None
        if texts is None:
            return whole, {}
        return whole, dict(zip(tops, texts, strict=True))
    fresh = _split(dump({key: list(missing.values())})[len(key) + 2 :], len(missing)) if missing else []
    header = _header(head, key, dump)
    if fresh is None or header is None:
        return dump({**head, key: items}), {}
    have.update(zip(missing, fresh, strict=True))
    return header + "".join(have[t] for t in tops), {t: have[t] for t in tops}


_ATOMS = frozenset({str, bytes, bool, int, float, type(None)})


def _shared(data: Any) -> bool:
    """Whether one object (other than text, numbers, None and ()) stands twice in the data."""
    seen: set[int] = set()
    stack = [data]
    atoms = _ATOMS  # (most of the objects: never put on the stack, which would pass over them)
    all_atoms = atoms.issuperset
    while stack:
        obj = stack.pop()
        kind = type(obj)
        if kind is dict or kind is list:
            # (nearly every object here: a card's mapping or a list of texts; neither is () nor an atom,
            # and most hold only atoms, found so in C without a list made)
            if id(obj) in seen:
                return True
            seen.add(id(obj))
            if kind is dict:
                if not all_atoms(map(type, obj)):
                    stack.extend([x for x in obj if type(x) not in atoms])
                values = obj.values()
                if not all_atoms(map(type, values)):
                    stack.extend([x for x in values if type(x) not in atoms])
            elif not all_atoms(map(type, obj)):
                stack.extend([x for x in obj if type(x) not in atoms])
            continue
        if obj is None or isinstance(obj, str | bytes | bool | int | float) or obj == ():
            continue
        if id(obj) in seen:
            return True
        seen.add(id(obj))
        if isinstance(obj, dict):
            stack.extend([x for x in obj if type(x) not in atoms])
            stack.extend([x for x in obj.values() if type(x) not in atoms])
        elif isinstance(obj, list | tuple | set):
            stack.extend([x for x in obj if type(x) not in atoms])
    return False


def _digest(item: Any) -> str:
    """Tells items apart as YAML would (repr keeps 1 and '1', 1 and 1.0, key order apart)."""
    salt = f"{_FRAGMENTS}\0{yaml.__version__}\0"
    return hashlib.sha1((salt + repr(item)).encode("utf-8", "surrogatepass")).hexdigest()


def _header(head: dict[str, Any], key: str, dump: Callable[[Any], str]) -> str | None:
    """The text before the first item: the head's keys, then ``key:``."""
    text = dump({**head, key: [None]})
    tail = f"{key}:\n- null\n"
    return text[: -len("- null\n")] if text.endswith(tail) else None


def _split(text: str, count: int) -> list[str] | None:
    """A block sequence's text cut into its items' texts; None unless there are ``count`` of them."""
    lines = text.splitlines(keepends=True)
    if not lines or not lines[0].startswith("- "):
        return None
    out: list[str] = []
    for line in lines:
        if line.startswith("- "):
            out.append(line)
        elif line.startswith(" "):
            out[-1] += line
        else:
            return None
    return out if len(out) == count else None
