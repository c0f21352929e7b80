"""notes/needles.py: a line `may_match` turns away is one the pattern does not match."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.notes.lint import load_facts
from awsprep.notes.needles import folded, may_match, needles, search

CONTENT = Path(__file__).resolve().parent.parent / "content"
TRICKY = [
    r"^(?=.*\b(?:max(?:imum)?|up to)\b)(?=.*\bmemory\b)(?!.*10,?240)",
    r"\b128\s?M?B?\s?(?:-|–|to)\s?(?:3,?008|3\s?GB?)\b",
    r"(?:ab|)cd",
    r"(?:ab|cd)?ef",
    r"x(?<=ax)y",
    r"(?-i:AbC)d",
    r"(?>foo|fo)o",
    r"ba++r",
    r"q{2,3}z",
    r"[kK]elvin|café",
    r"\d+ ms",
    r"k",
    r"(?:s|x)tate",
    r"state",
    r"^(?!.*never)",
]
WORDS = ["max", "MAXIMUM", "up to", "memory", "10240", "128", "MB", "3 GB", "to", "ab", "cd", "ef", "ax", "y"]
WORDS += [
    "AbC",
    "abc",
    "d",
    "foo",
    "fo",
    "o",
    "baar",
    "bar",
    "qqz",
    "qz",
    "kelvin",
    "Kelvin",
    "café",
    "12 ms",
]
WORDS += ["K", "\u212a", "state", "xtate", "\u017ftate", "never", " ", "-", "–"]
WORDS += ["\u0131", "\u0130", "ma\u0131x", "\u0130f", "ſtate", "Σ", "—"]


@settings(max_examples=600, deadline=None)
@given(
    pattern=st.sampled_from(TRICKY),
    line=st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=8).map("".join),
)
def test_a_line_turned_away_is_not_matched(pattern: str, line: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    if compiled.search(line):
        assert may_match(compiled, line)


def test_the_facts_patterns_all_have_words_and_keep_every_match() -> None:
    facts = load_facts(CONTENT / "facts.yaml")
    patterns = [claim.pattern for fact in facts for claim in fact.outdated]
    assert patterns and all(needles(p) for p in patterns)
    lines = [
        line for f in sorted((CONTENT / "notes").rglob("*.md")) for line in f.read_text("utf-8").split("\n")
    ]
    lines += [claim.says for fact in facts for claim in fact.outdated]
    for p in patterns:
        for line in lines:
            if p.search(line):
                assert may_match(p, line), (p.pattern, line)


def test_patterns_it_cannot_read_let_every_line_through() -> None:
    assert needles(re.compile(r"\d+|x")) is None and may_match(re.compile(r"\d+|x"), "nothing")
    assert needles(re.compile(r"[ab]c?")) is None


@settings(max_examples=600, deadline=None)
@given(
    pattern=st.sampled_from(TRICKY),
    flags=st.sampled_from([re.IGNORECASE, 0]),
    line=st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=8).map("".join),
)
def test_search_on_the_folded_text_finds_what_the_pattern_finds(pattern: str, flags: int, line: str) -> None:
    compiled = re.compile(pattern, flags)
    found, fast = compiled.search(line), search(compiled, line, folded(line))
    assert (found and found.span()) == (fast and fast.span())


def test_folded_lowers_each_letter_in_its_place_to_the_ascii_letter_it_matches() -> None:
    """Across all of Unicode: a character that a pattern ignoring case matches to an ASCII character
    is lowered (by ``folded``) to that character, one for one, or ``folded`` declines the text."""
    printable = re.compile("[ -~]", re.IGNORECASE)
    each = {a: re.compile(re.escape(a), re.IGNORECASE) for a in map(chr, range(32, 127))}
    declined = []
    for cp in range(0x80, sys.maxunicode + 1):
        c = chr(cp)
        low = folded(c) if not 0xD800 <= cp <= 0xDFFF else None
        if low is None:
            declined.append(c)
            continue
        assert len(low) == 1, hex(cp)
        if printable.fullmatch(c):
            assert [a.lower() for a, rx in each.items() if rx.fullmatch(c)] in ([low], [low, low]), hex(cp)
    assert set(declined) - {chr(cp) for cp in range(0xD800, 0xE000)} == {"\u0130", "\u0131", "\u017f"}


def _importer_patterns() -> list[re.Pattern[str]]:
    """The importer's module-level patterns that have needles (those needles.search may be asked of)."""
    from awsprep.notes import collector, lint, mcq, quality, rules, steps, topics, units

    found = []
    for module in (collector, lint, mcq, quality, rules, steps, topics, units):
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and needles(value) is not None:
                found.append(value)
    return found


IMPORTER_PATTERNS = _importer_patterns()
NEEDLE_PIECES = sorted({w for p in IMPORTER_PATTERNS for w in needles(p) or ()})


@settings(max_examples=800, deadline=None)
@given(
    pattern=st.sampled_from([*IMPORTER_PATTERNS, *(re.compile(p, re.IGNORECASE) for p in TRICKY)]),
    pieces=st.lists(
        st.sampled_from(NEEDLE_PIECES).map(lambda w: w[: len(w) // 2 + 1])
        | st.sampled_from(NEEDLE_PIECES)
        | st.text(max_size=3),
        max_size=8,
    ),
)
def test_holds_needle_is_the_gates_search(pattern: re.Pattern[str], pieces: list[str]) -> None:
    """The compiled test of a text's needles (``in`` word by word) says what the gate's regex finds,
    on texts made of needles, their first halves (near misses) and other text."""
    from awsprep.notes.needles import gate, holds_needle

    text = "".join(pieces).lower()
    holds, regex = holds_needle(pattern), gate(pattern)
    assert (holds is None) == (regex is None)
    if holds is not None and regex is not None:
        assert holds(text) == (regex.search(text) is not None)
        assert holds(text) is (regex.search(text) is not None)  # (a truth value, as a gate's test gives)


def test_holds_needle_finds_each_needle_and_not_its_near_misses() -> None:
    """Every needle of every importer pattern, alone, in a sentence and cut short by a letter."""
    from awsprep.notes.needles import gate, holds_needle

    assert len(IMPORTER_PATTERNS) >= 20  # (the reader finds the importer's patterns)
    for pattern in IMPORTER_PATTERNS:
        holds, regex = holds_needle(pattern), gate(pattern)
        assert holds is not None and regex is not None
        for word in needles(pattern) or ():
            assert holds(word) and holds(f"say {word} again")
            for text in (word[:-1], word[1:], f"x{word[:-1]}y"):
                assert holds(text) == (regex.search(text) is not None), (pattern.pattern, text)


FACT_WORDS = sorted(
    {
        w
        for fact in load_facts(CONTENT / "facts.yaml")
        for c in fact.outdated
        for w in needles(c.pattern) or ()
    }
)


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from(FACT_WORDS).map(lambda w: w[:-1]) | st.sampled_from(FACT_WORDS) | st.text(max_size=3),
        max_size=8,
    )
)
def test_the_scans_needle_test_is_the_union_of_the_claims_gates(pieces: list[str]) -> None:
    """lint's one test of a line for all the claims' needles says what one regex of all their gates
    (needles.union) finds: a line it turns away holds no claim's needle."""
    from awsprep.notes import lint
    from awsprep.notes.needles import gate, union

    facts = load_facts(CONTENT / "facts.yaml")
    prepared = lint._prepared(facts)
    gates = [gate(c.pattern) for fact in facts for c in fact.outdated]
    assert prepared.any_needle is not None and all(g is not None for g in gates)
    regex = union([g for g in gates if g is not None])
    text = "".join(pieces).lower()
    assert prepared.any_needle(text) == (regex.search(text) is not None)
    for word in FACT_WORDS:
        assert prepared.any_needle(word) and prepared.any_needle(f"x {word} y")
