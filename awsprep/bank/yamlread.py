"""Reading YAML for bank files (and the other YAML awsprep reads): safe loading only, the line of every
mapping and key kept for error messages, and a fast path built on libyaml's events.

Imported when a YAML file is read, not before: a review of a synced database reads no YAML.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from awsprep.bank.errors import BankError

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineDict(dict[str, Any]):
    """A mapping that remembers the 1-based line it started on and each key's line."""

    line: int = 0
    key_lines: dict[str, int]


class Loader(_BaseLoader):
    pass


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    out = _LineDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            )
        skey = str(key)
        out[skey] = loader.construct_object(value_node, deep=True)
        out.key_lines[skey] = key_node.start_mark.line + 1
    return out


Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _BadScalar(Exception):
    """A plain value that YAML's rules read as a date or a number, but that is not a valid one."""

    def __init__(self, line: int, value: str, tag: str, reason: Exception) -> None:
        super().__init__(value)
        kind = tag.rsplit(":", 1)[-1]
        self.line, self.value, self.reason = line, value, reason
        self.kind = {"timestamp": "date", "int": "number", "float": "number"}.get(kind, kind)


class _Unusual(Exception):
    """The fast reader met something it leaves to the full loader (an anchor, an alias, a tag...)."""


_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)


def fast_load(text: str) -> Any:
    """The same result as ``yaml.load(text, Loader=Loader)`` for the plain YAML bank files are made of,
    built straight from libyaml's events: no node tree, and tags resolved only for plain scalars that
    could be something other than text. Anything else raises _Unusual (or a YAML error) and the caller
    falls back to the full loader, which then gives the same result or the same error as always."""
    loader = Loader(text)
    resolvers = loader.yaml_implicit_resolvers
    if None in resolvers or loader.yaml_path_resolvers:
        raise _Unusual
    constructors = loader.yaml_constructors
    resolve = loader.resolve
    scalar_event, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    # the open collections, and for each the key waiting for its value (no_key: none yet)
    stack: list[Any] = []
    keys: list[Any] = []
    no_key = object()
    tags: dict[str, str] = {}  # plain scalar -> resolved tag: keys and values repeat
    root: Any = None
    documents = 0
    try:
        while True:
            event = loader.get_event()
            cls = event.__class__
            if cls is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual
                value: Any = event.value
                if event.implicit[0] and (value[:1] if value else "") in resolvers:
                    tag = tags.get(value)
                    if tag is None:
                        tag = tags[value] = resolve(yaml.ScalarNode, value, (True, False))
                    if tag != _STR_TAG:
                        if tag not in _SCALAR_TAGS:
                            raise _Unusual
                        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark)
                        try:
                            value = constructors[tag](loader, node)
                        except (ValueError, OverflowError) as exc:  # "2001-13-45": a date that is none
                            raise _BadScalar(event.start_mark.line + 1, value, tag, exc) from None
            elif cls is mapping_start or cls is sequence_start:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual
                if cls is mapping_start:
                    value = _LineDict()
                    value.line = event.start_mark.line + 1
                    value.key_lines = {}
                else:
                    value = []
            elif cls in collection_end:
                value = stack.pop()  # already in its parent, if any
                keys.pop()
                if not stack:
                    root = value
                continue
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unusual  # the full loader says "expected a single document"
                continue
            elif cls is yaml.StreamEndEvent:
                return root
            elif cls is yaml.AliasEvent:
                raise _Unusual
            else:
                continue
            # a scalar, or the start of a collection
            if not stack:
                if cls is scalar_event:
                    root = value
                    continue
            else:
                parent = stack[-1]
                if isinstance(parent, list):
                    parent.append(value)
                elif keys[-1] is no_key:
                    if cls is not scalar_event or not (value is None or isinstance(value, str | int | float)):
                        raise _Unusual  # not a plain key: the full loader explains
                    keys[-1] = (str(value), event.start_mark.line + 1)
                    continue
                else:
                    key = keys[-1]
                    parent[key[0]] = value
                    parent.key_lines[key[0]] = key[1]
                    keys[-1] = no_key
            if cls is not scalar_event:
                stack.append(value)
                keys.append(no_key)
    finally:
        loader.dispose()


# --- the quick reader: the block YAML awsprep writes, read line by line -----------------------------

# Characters libyaml might refuse or read as a line break (tabs, CR, NEL, the line and paragraph
# separators, a byte-order mark, controls): text holding any is left to libyaml. Compiled when first
# needed (10 ms), for text that is not all ASCII.
_QUICK_OFF = "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"


@functools.cache
def _quick_off() -> re.Pattern[str]:
    return re.compile(_QUICK_OFF)


_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # the keys the quick reader reads itself
_PLAIN_OFF = frozenset("-?:,[]{}#&*!|>'\"%@`")  # a scalar starting with one of these: not a common plain one
_SLOW_START = _PLAIN_OFF | {" "}
_DQ = re.compile(r'(?:[^"\\]|\\(?:[0abtnvfre "\\N_LP]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}))*')
_DQ_ESCAPE = re.compile(r"\\(?:([0abtnvfre \"\\N_LP])|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
_DQ_CHAR = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b",
    " ": " ", '"': '"', "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip


def _unescape(match: re.Match[str]) -> str:
    one, *hexes = match.groups()
    if one is not None:
        return _DQ_CHAR[one]
    code = int(next(h for h in hexes if h is not None), 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise _Unusual  # libyaml refuses it, with its own error
    return chr(code)


def quick_load(text: str) -> Any:
    """The same result as ``fast_load(text)`` for block YAML as awsprep's dump writes it, read line by
    line without libyaml: a mapping at the top; block mappings with plain keys and block sequences;
    scalars on one line each (plain, single- or double-quoted, ``[]``, ``{}``); blank and comment lines.
    Anything else (flow collections, multi-line and block scalars, anchors, aliases, tags, a comment
    after a value, indentation libyaml would judge, document markers, directives, a character libyaml
    might refuse) raises _Unusual, and the caller reads the text with fast_load as always."""
    if text.isascii():
        if not text.replace("\n", "").isprintable():  # ASCII: printable is space to tilde
            raise _Unusual
    elif _quick_off().search(text):
        raise _Unusual
    if text.startswith(("---", "...", "%")) or "\n---" in text or "\n..." in text or "\n%" in text:
        raise _Unusual  # a document marker or a directive, perhaps
    lines = text.split("\n")
    if " \n" in text or text.endswith(" "):
        lines = [line.rstrip(" ") for line in lines]
    loader = Loader("")
    try:
        return _QuickReader(loader).read(lines)
    finally:
        loader.dispose()


class _QuickReader:
    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.resolvers = loader.yaml_implicit_resolvers
        if None in self.resolvers or loader.yaml_path_resolvers:
            raise _Unusual
        self.constructors = loader.yaml_constructors
        self.resolved: dict[str, Any] = {}  # plain scalar that might not be text -> its value
        self.keys: dict[str, str] = {}  # plain key -> the key (they repeat)

    def read(self, lines: list[str]) -> Any:
        line_dict = _LineDict
        keys = self.keys
        resolvers, resolved = self.resolvers, self.resolved
        slow_start = _SLOW_START
        # 1 to 999...: an int, [1-9][0-9]* being no float, bool or date to the stock resolver
        stock_ints = (
            resolvers is yaml.resolver.Resolver.yaml_implicit_resolvers
            and self.constructors.get(_INT_TAG) is yaml.constructor.SafeConstructor.construct_yaml_int
        )
        missing = object()
        root: Any = None
        # the open collection (a mapping or a sequence), its indentation, and the ones it is in
        stack: list[tuple[bool, int, Any, Any]] = []
        is_map, indent = True, 0
        cur: Any = None
        cur_lines: Any = None
        pending: str | None = None  # a key with nothing after its colon, and its line
        pending_line = 0
        for num, line in enumerate(lines, 1):
            c = line.lstrip(" ")
            if not c or c[0] == "#":
                continue
            ind = len(line) - len(c)
            if ind != indent or not is_map or pending is not None or cur is None:
                # where the line belongs: a collection opens, or the line closes some
                if cur is None:  # the first line: the top mapping starts
                    if ind:
                        raise _Unusual
                    cur = root = line_dict()
                    root.line = num
                    cur_lines = root.key_lines = {}
                elif pending is not None:  # the key's value: a nested collection, or nothing (null)
                    dash = c[:2] == "- "
                    if ind > indent or (ind == indent and dash):
                        new: Any
                        if dash:
                            new = []
                        else:
                            new = line_dict()
                            new.line = num
                            new.key_lines = {}
                        cur[pending] = new
                        cur_lines[pending] = pending_line
                        stack.append((is_map, indent, cur, cur_lines))
                        is_map, indent, cur = not dash, ind, new
                        cur_lines = None if dash else new.key_lines
                    else:
                        cur[pending] = None
                        cur_lines[pending] = pending_line
                    pending = None
                while ind < indent or (not is_map and ind == indent and c[:2] != "- "):
                    if not stack:
                        raise _Unusual
                    is_map, indent, cur, cur_lines = stack.pop()
                if ind != indent:
                    raise _Unusual  # a scalar going on over lines, or indentation libyaml judges
                if not is_map:  # an entry of the sequence
                    rest = c[2:]
                    if rest[:1] == " ":
                        rest = rest.lstrip(" ")
                    if not rest:
                        raise _Unusual
                    k, sep, _ = rest.partition(":")
                    if sep and (len(k) + 1 == len(rest) or rest[len(k) + 1] == " ") and self.is_key(k):
                        new = line_dict()  # a mapping starting on the dash's line
                        new.line = num
                        cur.append(new)
                        stack.append((is_map, indent, cur, cur_lines))
                        is_map, indent, cur = True, ind + len(c) - len(rest), new
                        cur_lines = new.key_lines = {}
                        c = rest
                    else:
                        cur.append(self.scalar(rest, num))
                        continue
            # a key of the mapping, and its value if on this line
            k, sep, rest = c.partition(": ")
            key = keys.get(k)
            if key is None or not sep:
                if sep:
                    if not self.is_key(k):
                        raise _Unusual
                    key = keys[k]
                elif c[-1] == ":" and self.is_key(c[:-1]):
                    pending, pending_line = keys[c[:-1]], num
                    continue
                else:
                    raise _Unusual
            first = rest[0]
            value: Any
            if first == "'" and len(rest) > 1 and rest[-1] == "'":
                value = rest[1:-1]
                if "'" in value:
                    if "'" in value.replace("''", ""):
                        raise _Unusual
                    value = value.replace("''", "'")
            elif first in slow_start:
                value = self.scalar(rest, num)
            else:
                if ": " in rest or " #" in rest or rest[-1] == ":":
                    raise _Unusual
                if first in resolvers:
                    if stock_ints and rest.isdigit() and first != "0" and len(rest) < 16 and rest.isascii():
                        value = int(rest)  # what the stock resolver and constructor make of it
                    else:
                        value = resolved.get(rest, missing)
                        if value is missing:
                            value = self.plain_value(rest)
                else:
                    value = rest
            cur[key] = value
            cur_lines[key] = num
        if root is None:
            raise _Unusual
        if pending is not None:
            cur[pending] = None
            cur_lines[pending] = pending_line
        return root

    def is_key(self, text: str) -> bool:
        """Whether text is a plain key the quick reader reads (kept in self.keys, as a key)."""
        if text in self.keys:
            return True
        if _KEY.fullmatch(text) is None:
            return False
        value = self.plain_value(text)
        if not (value is None or isinstance(value, str | int | float)):
            raise _Unusual
        self.keys[text] = str(value)
        return True

    def scalar(self, text: str, line: int) -> Any:
        """A scalar written on one line, stripped of the spaces after it."""
        text = text.lstrip(" ")
        if not text:
            raise _Unusual
        first = text[0]
        if first == "'":
            if len(text) < 2 or text[-1] != "'":
                raise _Unusual
            inner = text[1:-1]
            if "'" in inner:
                if "'" in inner.replace("''", ""):
                    raise _Unusual
                inner = inner.replace("''", "'")
            return inner
        if first == '"':
            if len(text) < 2 or text[-1] != '"':
                raise _Unusual
            inner = text[1:-1]
            if "\\" not in inner:
                if '"' in inner:
                    raise _Unusual
                return inner
            if _DQ.fullmatch(inner) is None:
                raise _Unusual
            return _DQ_ESCAPE.sub(_unescape, inner)
        if text == "[]":
            return []
        if text == "{}":
            empty = _LineDict()
            empty.line = line
            empty.key_lines = {}
            return empty
        if first in _PLAIN_OFF and not (first == "-" and text[1:2] not in ("", " ")):
            raise _Unusual
        if ": " in text or " #" in text or text[-1] == ":":
            raise _Unusual
        return self.plain_value(text) if first in self.resolvers else text

    def plain_value(self, text: str) -> Any:
        """A plain scalar's value, its tag resolved as fast_load resolves it."""
        value: Any = self.resolved.get(text, _STR_TAG)
        if value is not _STR_TAG:
            return value
        value = text
        if text[:1] in self.resolvers:
            tag = self.loader.resolve(yaml.ScalarNode, text, (True, False))
            if tag != _STR_TAG:
                if tag not in _SCALAR_TAGS:
                    raise _Unusual
                try:
                    value = self.constructors[tag](self.loader, yaml.ScalarNode(tag, text))
                except Exception:
                    raise _Unusual from None  # fast_load meets it too: its own outcome
        self.resolved[text] = value
        return value


ALIAS_BUDGET = 10_000  # nodes that aliases may add beyond the file's own: a "billion laughs" exceeds it


def _check_expansion(root: yaml.Node, file: str) -> None:
    """Refuse a document whose aliases expand it by more than ALIAS_BUDGET nodes (an alias bomb)."""
    distinct: set[int] = set()
    budget, stack = ALIAS_BUDGET, [root]
    while stack:
        node = stack.pop()
        if id(node) in distinct:
            budget -= 1
            if budget < 0:
                line = node.start_mark.line + 1
                raise BankError(file, line, None, "repeats YAML aliases too many times (an alias bomb?)")
        distinct.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


def _load_checked(text: str, file: str) -> Any:
    """The full loader, with the alias budget checked on the node tree before anything is built."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node, file)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def parse_yaml(text: str, file: str) -> Any:
    """Parse YAML text safely; a syntax error becomes a BankError with its line."""
    from awsprep.bank.io import collector_paused

    try:
        with collector_paused():  # collecting during the parse would triple its time
            try:
                return quick_load(text)
            except _Unusual:
                pass
            try:
                return fast_load(text)
            except (_Unusual, yaml.YAMLError):
                pass
            return _load_checked(text, file)
    except _BadScalar as exc:
        raise BankError(
            file,
            exc.line,
            None,
            f"holds {exc.value}, which YAML reads as a {exc.kind} but is not a valid one ({exc.reason}); "
            "put it in quotes to keep it as text",
        ) from None
    except (ValueError, OverflowError) as exc:  # (the full loader has no line for it)
        raise BankError(
            file, 0, None, f"holds a value YAML cannot read ({exc}); quote dates and numbers"
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or exc.context or "invalid YAML"
        raise BankError(file, line, None, f"is not valid YAML ({problem})") from None
    except yaml.YAMLError as exc:
        raise BankError(file, 0, None, f"is not valid YAML ({exc})") from None
