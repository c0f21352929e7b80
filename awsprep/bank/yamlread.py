"""Reading YAML for bank files (and the other YAML awsprep reads): safe loading only, the line of every
mapping and key kept for error messages, and a fast path built on libyaml's events.

Imported when a YAML file is read, not before: a review of a synced database reads no YAML.
"""

from __future__ import annotations

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


class _Unusual(Exception):
    """The fast reader met something it leaves to the full loader (an anchor, an alias, a tag...)."""


_STR_TAG = "tag:yaml.org,2002:str"
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
                        value = constructors[tag](loader, node)
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
                return fast_load(text)
            except (_Unusual, yaml.YAMLError):
                pass
            return _load_checked(text, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or exc.context or "invalid YAML"
        raise BankError(file, line, None, f"is not valid YAML ({problem})") from None
    except yaml.YAMLError as exc:
        raise BankError(file, 0, None, f"is not valid YAML ({exc})") from None
