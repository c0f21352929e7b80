"""The fast YAML reader gives what the full line-tracking loader gives: same values, same lines, and
for anything it leaves aside (anchors, tags, merge keys, several documents, bad YAML) the full loader's
own result or error."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.bank import io, yamlread
from awsprep.bank.errors import BankError


def shape(x: Any) -> Any:
    """Values with their types, and for mappings the line and each key's line."""
    if isinstance(x, dict):
        return ("map", x.line, dict(x.key_lines), [(k, shape(v)) for k, v in x.items()])
    if isinstance(x, list):
        return ("seq", [shape(v) for v in x])
    return (type(x).__name__, x)


def full(text: str) -> Any:
    return yaml.load(text, Loader=yamlread.Loader)


def outcome(fn: Any, text: str) -> Any:
    try:
        return ("ok", shape(fn(text)))
    except BankError as exc:
        return ("error", str(exc))


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.sampled_from(
        ["yes", "No", "on", "~", "null", "0x1F", "0o17", "1_000", "1e3", ".inf", "2020-01-02", "<<"]
    ),
)
keys = st.one_of(st.text(st.characters(blacklist_categories=("Cs",)), max_size=8), st.integers(0, 99))
trees = st.recursive(
    scalars,
    lambda kids: st.one_of(st.lists(kids, max_size=4), st.dictionaries(keys, kids, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(trees, st.sampled_from([None, True, False]))
def test_fast_reader_matches_full_loader(tree: Any, flow: bool | None) -> None:
    text = yaml.safe_dump(tree, default_flow_style=flow, allow_unicode=True, sort_keys=False)
    fast = yamlread.fast_load(text)
    assert shape(fast) == shape(full(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "---\n",
        "a: &x {c: d}\ne: *x\n",
        "base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n",
        "a: !!str 1\nb: !!int '2'\n",
        "--- a\n--- b\n",
        "a: b: c\n",
        "cards:\n  - id: x\n  front: [unclosed\n",
        "? [a, b]\n: 1\n",
        "? {a: 1}\n: 1\n",
        "2020-01-01: x\n",
        "=: 1\n",
        "{a: 1, a: 2}\n",
        "a:\n\tb: 1\n",
        "- 'x'\n- \"y\\n\"\n- |\n  block\n- >\n  folded\n",
    ],
)
def test_unusual_yaml_gives_what_the_full_loader_gives(text: str) -> None:
    def slow(t: str) -> Any:
        try:
            return full(t)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise BankError("f.yaml", mark.line + 1 if mark else 0, None, "x") from None

    def parsed(t: str) -> Any:
        try:
            return io.parse_yaml(t, "f.yaml")
        except BankError as exc:
            raise BankError("f.yaml", exc.line, None, "x") from None

    assert outcome(parsed, text) == outcome(slow, text)


def test_bad_yaml_still_names_file_and_line() -> None:
    with pytest.raises(BankError) as err:
        io.parse_yaml("schema: 1\ncards:\n  - id: a\n    front: 'open\n", "bank/x.yaml")
    assert str(err.value).startswith("bank/x.yaml:")
    assert err.value.line >= 4


def test_reader_leaves_garbage_collection_as_it_found_it() -> None:
    import gc

    assert gc.isenabled()
    io.parse_yaml("a: 1\n", "f")
    assert gc.isenabled()
    with pytest.raises(BankError):
        io.parse_yaml("a: [\n", "f")
    assert gc.isenabled()


def quick_or_unusual(text: str) -> Any:
    try:
        return ("ok", shape(yamlread.quick_load(text)))
    except yamlread._Unusual:
        return ("unusual",)


@settings(max_examples=300, deadline=None)
@given(trees, st.sampled_from([None, False]), st.sampled_from([4096, 20]), st.data())
def test_quick_reader_gives_what_the_fast_reader_gives_or_leaves_the_text(
    tree: Any, flow: bool | None, width: int, data: st.DataObject
) -> None:
    """Block YAML as the dumper writes it, and the same with a line changed: the quick reader's result
    is the fast reader's, or it leaves the text to it."""
    text = yaml.safe_dump(
        {"schema": 1, "cards": [tree]},
        default_flow_style=flow,
        allow_unicode=True,
        sort_keys=False,
        width=width,
    )
    lines = text.split("\n")
    at = data.draw(st.integers(0, len(lines) - 1))
    edit = data.draw(
        st.sampled_from(["", " ", "  ", "- ", "# c", ":", " # c", "'", '"', "x: ", "-", "? ", "{}", "[]"])
    )
    where = data.draw(st.sampled_from(["before", "after", "instead", "none"]))
    if where == "before":
        lines[at] = edit + lines[at]
    elif where == "after":
        lines[at] += edit
    elif where == "instead":
        lines[at] = edit
    changed = "\n".join(lines)
    for t in (text, changed):
        quick = quick_or_unusual(t)
        if quick[0] == "ok":
            try:
                fast = ("ok", shape(yamlread.fast_load(t)))
            except yamlread._Unusual:
                fast = ("ok", shape(full(t)))
            assert quick == fast, t


def test_quick_reader_reads_a_dumped_bank() -> None:
    cards = [
        io.card_from_dict(
            {
                "id": f"c-{i}",
                "type": "basic",
                "topic": "T",
                "tags": ["a", "b"] if i % 2 else [],
                "front": f'Q {i}: it\'s "{i}" here é \u2028' if i % 3 == 0 else f"Question {i}",
                "back": "tab\there" if i % 5 == 0 else "1e3" if i % 7 == 0 else f"{i}",
                "source": {"file": "f.md", "line": i, "path": ["A", f"B {i}"]},
            },
            "f",
            "d",
        )
        for i in range(60)
    ]
    text = io.dump_bank(cards, "d")
    assert shape(yamlread.quick_load(text)) == shape(yamlread.fast_load(text))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n\tb: 2\n",
        "a: 'x\n  y'\n",
        "a: x\n  y\n",
        "a: |\n  x\n",
        "a: [1, 2]\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "--- \na: 1\n",
        "a: 1 # c\n",
        "a: b: c\n",
        "- a\n",
        "a:\n - b\n  - c\n",
        'a: "\\ud800"\n',
        'a: "x\\/y"\n',
        "a: 2001-13-45\n",
        "\ufeffa: 1\n",
        "a: 1\r\nb: 2\n",
        "a: x\u2028y\n",
        "2001-01-01: 1\n",
        "a: " + "9" * 5000 + "\n",
    ],
)
def test_quick_reader_leaves_what_it_does_not_read(text: str) -> None:
    assert quick_or_unusual(text) == ("unusual",)
