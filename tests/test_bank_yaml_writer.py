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
