"""Quick tests that pass a text over before a pattern is tried leave every result as it was."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.notes import blocks, inline, quality, rules

_PIECES = [
    "🔹 ",
    "🔸",
    "👉 ",
    "✅ ",
    "❌",
    "⚡",
    "🗂️",
    "▶",
    "≤",
    " › ",
    " — ",
    "; ",
    "(",
    ")",
    "\n",
    "¹",
    "😕",
    "a",
    "B c",
    " ",
    "12",
]
_TEXT = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=12).map("".join)


def _unguarded(text: str) -> str:
    """strip_bullet_glyphs without its test for a glyph anywhere in the text."""
    if text.isascii() or blocks._NO_MARK.search(text):
        return text
    m = blocks._GLYPH_START.match(text)
    bullet = m.group(0).strip()[:1] if m else ""
    text = blocks._GLYPH_AT_PART.sub(r"\1", text)
    if bullet and bullet in text:

        def joined(g: re.Match[str]) -> str:
            if bullet not in g.group(0):
                return g.group(0)
            return " " if g.string[g.start() - 1] in ".;:,!?" else "; "

        text = blocks._GLYPH_BULLET.sub(joined, text)
    return text


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_strip_bullet_glyphs_passes_over_only_texts_it_leaves_alone(text: str) -> None:
    assert blocks.strip_bullet_glyphs(text) == _unguarded(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_patterns_skipped_on_ascii_text_find_nothing_there(text: str) -> None:
    for pattern in (quality._FOOTNOTE, quality._MARKED_FIGURE, quality._FACE, rules._INLINE_MARK):
        assert pattern.search(text) is None


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([":", "rocket", "a", "_", "/", " ", "arn", "9", "-", "X"]), max_size=12).map(
        "".join
    )
)
def test_has_shortcode_is_the_patterns_search(text: str) -> None:
    assert inline.has_shortcode(text) == (inline.SHORTCODE.search(text) is not None)


_QUESTION_PIECES = [
    "Which solution will meet these requirements",
    "this task",
    "THE ABOVE needs",
    "those\tgoals",
    "which of the following",
    "How can you",
    "What is the best",
    "exam tips",
    "EXAM  hint",
    "Exam Tip",
    "examtime",
    "example",
    "ex am",
    "?",
    "? ",
    "**",
    "\n",
    " ",
    "é",
    "ſ",
]
_QUESTION_TEXT = st.lists(st.sampled_from(_QUESTION_PIECES) | st.text(max_size=3), max_size=10).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=_QUESTION_TEXT)
def test_the_questions_and_tips_tests_passed_over_without_their_literal_are_the_patterns(text: str) -> None:
    """A text without "?" (the requirements and stem patterns) or without "exam" in its lower case (the
    exam-tips heading) is passed over: the answer is still each pattern's own."""
    from awsprep.notes import mcq, topics

    assert mcq.asks_requirements(text) == (mcq._REQUIREMENTS.search(text) is not None)
    assert topics.says_tips(text) == (topics.TIPS.search(text) is not None)
    assert topics.is_tips((text, "Notes")) == any(topics.TIPS.search(h) for h in (text, "Notes"))
    assert ("?" in text and rules._STEM.search(text) is not None) == (rules._STEM.search(text) is not None)
    assert rules.quiz_heading(text) == (rules._QUIZ_HEADING.match(text) is not None)
    numbered = f"3. {text}"  # (most draws then open as a quiz heading does)
    assert rules.quiz_heading(numbered) == (rules._QUIZ_HEADING.match(numbered) is not None)


_SENTENCE_PIECES = [
    ". ",
    "! ",
    "? ",
    ".\n",
    ".  ",
    ". .",
    "..",
    ".",
    " ",
    "\t",
    "\u2003",
    "A",
    "(",
    '"',
    "“",
    "a",
    "é",
]


@settings(max_examples=800, deadline=None)
@given(text=st.lists(st.sampled_from(_SENTENCE_PIECES) | st.text(max_size=3), max_size=14).map("".join))
def test_sentences_are_split_where_the_pattern_splits(text: str) -> None:
    assert inline.split_sentences(text) == inline._SENTENCE.split(text)
