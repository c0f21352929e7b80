"""bank/yamlwrite.py writes exactly what PyYAML's pure-Python SafeDumper writes, only faster."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.bank.yamlwrite import FastSafeDumper, safe_dump

# the characters PyYAML's analysis looks at, and some that are merely text
TRICKY = "\n\x85\u2028\u2029\0 \t\r-?:,[]{}#&*!|>'\"%@`.~=<\x07\x7f\xa0\ufeff\ud7ff\ue000\ufffd\U0001f539é"
TEXT = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=60) | st.sampled_from(
    ["", "---", "...", "--- x", "- x", "-x", "? x", ":x", "a: b", "a:b", "a #b", "a#b", "yes", "1.5", "null"]
)


FIELDS = ("scalar", "empty", "multiline", "allow_flow_plain", "allow_block_plain", "allow_single_quoted")


def analysis(dumper: Any, text: str) -> tuple[object, ...]:
    a = dumper.analyze_scalar(text)
    return tuple(getattr(a, name) for name in (*FIELDS, "allow_double_quoted", "allow_block"))


@settings(max_examples=400, deadline=None)
@given(text=TEXT, unicode=st.booleans())
def test_the_analysis_of_a_scalar_is_pyyamls(text: str, unicode: bool) -> None:
    ours = FastSafeDumper(None, allow_unicode=unicode)
    theirs = yaml.SafeDumper(None, allow_unicode=unicode)
    assert analysis(ours, text) == analysis(theirs, text)


DOC = st.recursive(
    TEXT | st.integers() | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(doc=DOC, unicode=st.booleans(), width=st.sampled_from([20, 40, 100, 4096]))
def test_documents_are_written_byte_for_byte_as_pyyaml_writes_them(
    doc: Any, unicode: bool, width: int
) -> None:
    options = dict(sort_keys=False, allow_unicode=unicode, width=width)
    assert safe_dump(doc, **options) == yaml.safe_dump(doc, **options)


def test_long_lines_fold_as_pyyamls_do() -> None:
    words = " ".join(f"word{i}" for i in range(60))
    doc = {"lines": [words, "- " + words, "x: " + words], "card": {"front": words}}
    assert safe_dump(doc, width=100, allow_unicode=True) == yaml.safe_dump(doc, width=100, allow_unicode=True)


def test_plain_and_quoted_text_around_the_line_width() -> None:
    for width in (20, 40, 100):
        for key in ("k", "front", "a-longer-key"):
            for size in range(1, width + 12):
                text = " ".join("ab"[i % 2] * (1 + i % 4) for i in range(size))[:size].strip() or "x"
                for value in (text, f"- {text}", f"{text}: x"):
                    doc = {"cards": [{key: value, "lines": [value]}]}
                    options: dict[str, Any] = dict(sort_keys=False, allow_unicode=True, width=width)
                    assert safe_dump(doc, **options) == yaml.safe_dump(doc, **options), (width, key, value)


def _cards(n: int, tweak: str = "") -> list[Any]:
    from awsprep.bank.io import card_from_dict

    out = []
    for i in range(n):
        raw: dict[str, Any] = {
            "id": f"c{i}",
            "type": "basic",
            "front": f"Q{i}: what{tweak}?",
            "back": "'yes' #1",
        }
        if i % 3 == 0:
            raw = {
                "id": f"c{i}",
                "type": "cloze",
                "text": f"- {{{{{i}}}}} ms\u2028{tweak}",
                "tags": ["a", "b"],
            }
        if i % 4 == 1:
            raw["source"] = {"file": "n.md", "line": i, "path": ["H", "🔹 emoji", "x" * 120]}
        out.append(card_from_dict(raw, "f", "deck"))
    return out


def test_a_bank_reusing_card_texts_is_the_same_bank() -> None:
    from awsprep.bank.io import dump_bank, dump_bank_reusing

    first = _cards(12)
    text, known = dump_bank_reusing(first, "123", {})
    assert text == dump_bank(first, "123") and len(known) == 12
    again = first[:5] + _cards(12, " edited")[5:9] + first[9:] + first[:2]  # changed, moved, twice
    text2, known2 = dump_bank_reusing(again, "123", known)
    assert text2 == dump_bank(again, "123") and set(known2) <= set(known) | set(known2)
    assert dump_bank_reusing(again, "123", known2) == (text2, known2)  # all known: nothing dumped again
    assert dump_bank_reusing([], "d", known) == (dump_bank([], "d"), {})
    assert dump_bank_reusing(again, "123", {})[0] == text2


def test_a_triage_file_reusing_card_texts_is_the_same_file() -> None:
    from awsprep.notes.triage import Decision, Pending, TriageFile, dump_triage, dump_triage_reusing

    def pending(i: int, extra: str = "") -> Pending:
        card = {"id": f"p{i}", "type": "basic", "front": f"Step {i}{extra}", "back": "- click: 'Next' \t#"}
        return Pending(
            f"p{i}", 0.4, ("rule (0.8)", "walkthrough (-0.3)"), f"n.md:{i}", ("- x", ""), card, "h"
        )

    t = TriageFile("walk", {"p0": Decision("edit", "h", {"front": "F?"})}, [pending(i) for i in range(8)])
    text, known = dump_triage_reusing(t, {})
    assert text == dump_triage(t) and len(known) == 8
    t.cards = [pending(i, " again" if i % 2 else "") for i in range(10)]
    assert dump_triage_reusing(t, known)[0] == dump_triage(t)
    t.cards = []
    assert dump_triage_reusing(t, known) == (dump_triage(t), {})


def test_items_sharing_an_object_are_dumped_whole() -> None:
    from awsprep.bank.yamlwrite import dump_reusing

    def dump(data: Any) -> str:
        return safe_dump(data, sort_keys=False)

    shared = ["a", "b"]
    items = [{"id": 1, "tags": shared}, {"id": 2, "tags": shared}, {"id": 3, "text": "c &id001"}]
    text, known = dump_reusing({"deck": "d"}, "cards", items, dump, {})
    assert "&id001" in text and text == dump({"deck": "d", "cards": items}) and known == {}
    alone = [{"id": 3, "text": "c &id001 *id001"}, {"id": 4}]
    text, known = dump_reusing({"deck": "d"}, "cards", alone, dump, {})
    assert text == dump({"deck": "d", "cards": alone}) and len(known) == 2


KEY = (
    st.sampled_from(["id", "front", "lines", "card", "path", "x y", "yes", "a:b", "k" * 99, "k" * 123]) | TEXT
)
WORDS = st.lists(
    st.sampled_from(["word", "it's", "a:", "b #c", "- d", "'e'", "f", "longerword"]), max_size=40
)
SCALAR = (
    TEXT
    | WORDS.map(" ".join)
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.none()
)
CARD = st.dictionaries(
    KEY,
    st.recursive(
        SCALAR,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEY, inner, max_size=3),
        max_leaves=8,
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(card=CARD, libyaml=st.booleans(), width=st.sampled_from([40, 100, 4096]))
def test_an_item_written_directly_is_what_pyyaml_and_libyaml_write(
    card: Any, libyaml: bool, width: int
) -> None:
    from awsprep.bank.yamlitems import ItemWriter

    dumper = yaml.CSafeDumper if libyaml else yaml.SafeDumper
    width = 4096 if libyaml else width
    text = ItemWriter(width, libyaml)(card)
    if text is not None:  # (None: the writer leaves the item to PyYAML)
        doc = yaml.dump({"k": [card]}, Dumper=dumper, sort_keys=False, allow_unicode=True, width=width)
        assert text == doc[len("k:\n") :]


@settings(max_examples=200, deadline=None)
@given(cards=st.lists(CARD, min_size=2, max_size=6), libyaml=st.booleans(), width=st.sampled_from([40, 100]))
def test_one_writer_for_many_items_writes_each_as_a_fresh_one_and_pyyaml_do(
    cards: list[Any], libyaml: bool, width: int
) -> None:
    """A writer remembers the keys and texts it has found plain: the items after the first, written
    with what it remembers (its short cuts), are still what a fresh writer and PyYAML write."""
    from awsprep.bank.yamlitems import ItemWriter

    dumper = yaml.CSafeDumper if libyaml else yaml.SafeDumper
    width = 4096 if libyaml else width
    shared = ItemWriter(width, libyaml)
    # (each card also once more: every key and text of it now known to the writer)
    for card in [*cards, *cards]:
        text = shared(card)
        assert text == ItemWriter(width, libyaml)(card)
        if text is not None:
            doc = yaml.dump({"k": [card]}, Dumper=dumper, sort_keys=False, allow_unicode=True, width=width)
            assert text == doc[len("k:\n") :]


def test_a_writer_refuses_what_it_must_after_writing_the_same_keys_and_texts_plain() -> None:
    from awsprep.bank.yamlitems import ItemWriter

    writer = ItemWriter(40, False)
    words = " ".join(["word"] * 5)
    assert writer({"id": "word", "front": words}) == "- id: word\n  front: word word word word word\n"
    # the same texts past the width fold; a key of another type than text, equal to none, is refused
    long = {"a-much-longer-key-than-the-others": words}
    folded = "- a-much-longer-key-than-the-others: word\n    word word word word\n"
    assert writer(long) == ItemWriter(40, False)(long) == folded
    assert writer({1: "word"}) is None
    libyaml = ItemWriter(30, True)
    assert libyaml({"id": "x"}) == "- id: x\n"
    assert libyaml({"id": "x" * 40}) is None  # (past libyaml's width: refused, known plain or not)


def test_cards_written_directly_fold_and_quote_as_pyyaml_does() -> None:
    from awsprep.bank.yamlitems import ItemWriter

    words = " ".join(f"word{i}" for i in range(60))
    card = {
        "id": "c1",
        "score": 0.45,
        "reasons": ["rule fact (0.80)", "a long cloze (-0.20)"],
        "lines": ["", f"- {words}", f"it's {words} ' #x", words],
        "card": {
            "front": f"{words}: what?",
            "back": "yes",
            "source": {"file": "a.md", "line": 3, "path": []},
        },
        "sources": [{"file": "b.md", "line": 1}, {}],
        "flags": [True, None, 2, []],
    }
    for width, dumper in ((100, yaml.SafeDumper), (40, yaml.SafeDumper), (4096, yaml.CSafeDumper)):
        text = ItemWriter(width, dumper is yaml.CSafeDumper)(card)
        doc = yaml.dump({"k": [card]}, Dumper=dumper, sort_keys=False, allow_unicode=True, width=width)
        assert text == doc[len("k:\n") :], width
    refused = [{"text": "two\nlines"}, {"x": [["nested"]]}, {"x": (1, 2)}, {"x": "\t"}, {1: "a"}, {}]
    assert [ItemWriter(100, False)(c) for c in refused] == [None] * len(refused)
    assert ItemWriter(4096, True)({"emoji": "🔹"}) is None  # libyaml quotes what PyYAML prints
