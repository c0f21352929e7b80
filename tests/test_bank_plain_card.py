"""card_from_dict's quick way for common basic and cloze cards gives the card the field-by-field reading
gives, and leaves everything else to it (so every check and error message stays as it is)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.bank import io
from awsprep.bank.errors import BankError


def read(raw: Any, quick: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as m:
        if not quick:
            m.setattr(io, "_plain_card", lambda raw, deck: None)
        try:
            return ("card", io.card_from_dict(raw, "bank/f.yaml", "deck"))
        except BankError as exc:
            return ("error", str(exc))


texts = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["", " ", "\u2028", "a b", "{{x}}", "x {{y}} z", "id-1", "\u00a0"]),
)
values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    texts,
    st.lists(texts, max_size=3),
)
sources = st.one_of(
    values,
    st.dictionaries(st.sampled_from(["file", "line", "path", "x"]), st.one_of(values, st.integers(-2, 5))),
)
fields = ["id", "type", "deck", "topic", "tags", "domain", "refs", "front", "back", "text", "high_priority"]


@st.composite
def cards(draw: st.DrawFn) -> dict[str, Any]:
    """A valid basic or cloze card, then a field or two changed, added or taken out."""
    raw: dict[str, Any] = {
        "id": "c1",
        "type": draw(st.sampled_from(["basic", "cloze"])),
        "front": "F",
        "back": "B",
        "text": "x {{y}}",
        "tags": ["a", "b"],
        "source": {"file": "n.md", "line": 2, "path": ["H"]},
    }
    changes = draw(
        st.dictionaries(
            st.sampled_from([*fields, "source", "sources"]), st.one_of(values, sources), max_size=2
        )
    )
    raw.update(changes)
    for name in draw(st.sets(st.sampled_from(sorted(raw)), max_size=1)):
        del raw[name]
    return raw


@settings(max_examples=600, deadline=None)
@given(cards())
def test_the_quick_way_gives_the_same_card_or_error(raw: dict[str, Any]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        assert read(raw, True, mp) == read(raw, False, mp)


def test_the_quick_way_reads_a_common_card() -> None:
    raw = {
        "id": "c1",
        "type": "basic",
        "topic": "T",
        "tags": ["a"],
        "front": "F",
        "back": "B",
        "source": {"file": "n.md", "line": 3, "path": ["H"]},
    }
    assert io._plain_card(raw, "d") == io.card_from_dict(raw, "f", "d")
    assert io._plain_card(raw, "d") is not None
