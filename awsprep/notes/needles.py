"""The words a regular expression cannot match without: a cheap test before the regex itself.

``needles(pattern)`` reads the pattern's syntax tree (Python's own parser) and returns words such that
any text the pattern finds a match in contains one of them (ignoring case), or None when it cannot
say. "Contains" is tested on ASCII text only (``may_match``): Python matches a few ASCII letters to
other letters when ignoring case (``k`` to the Kelvin sign), and other text always goes to the regex.
So a text ``may_match`` turns away is one the pattern does not match, and the outdated-value check
(lint.py) runs its 27 regular expressions only on the lines that hold one of their words.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

_parser: Any = importlib.import_module("re._parser")  # the parser `re.compile` uses (sre_parse)


def folded(text: str) -> str | None:
    """``text.lower()`` when the needles can be tested on it, else None (see :func:`search`).

    Every other letter that a pattern ignoring case matches to an ASCII letter lowers to that letter
    (the Kelvin sign to k), so a lowered text without the three letters below holds a needle wherever
    the text holds a match (checked over all of Unicode by tests/test_lint_needles.py)."""
    if text.isascii():
        return text.lower()
    # The only letters whose lower case (``str.lower``) does not show the ASCII letter a pattern
    # ignoring case matches them to: dotless i and long s (matched to i and s), dotted capital I
    # (lowered to two letters).
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        return None
    return text.lower()


def search(pattern: re.Pattern[str], text: str, lowered: str | None) -> re.Match[str] | None:
    """``pattern.search(text)``, passing at once over a text whose ``lowered`` (:func:`folded`) holds
    none of the pattern's needles."""
    holds = holds_needle(pattern)
    if holds is not None and lowered is not None and not holds(lowered):
        return None
    return pattern.search(text)


# holds_needle() by the pattern's id, as _GATES below
_HOLDS: dict[int, tuple[re.Pattern[str], Callable[[str], bool] | None]] = {}


def holds_needle(pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """Whether a lowered text holds one of the pattern's needles: ``gate(pattern).search(text) is not
    None`` (None when the pattern has no needles), tested word by word with ``in`` in one compiled
    expression, a fifth sooner over the importer's texts than sre trying the gate's tree of words at
    nearly every letter (most needles start with common letters)."""
    known = _HOLDS.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    words = needles(pattern)
    test = None if words is None else any_in(words)
    _HOLDS[id(pattern)] = (pattern, test)
    return test


def any_in(words: Sequence[str]) -> Callable[[str], bool]:
    """``lambda s: w1 in s or w2 in s or ...`` for ``words`` (the repr of each word, a constant): whether
    a text holds one of them, as ``any_of(words).search(s) is not None`` says."""
    # (the source holds only the words' reprs, ASCII constants read from the pattern: nothing to run)
    source = "lambda s: " + " or ".join(f"{w!r} in s" for w in words)
    test: Callable[[str], bool] = eval(source, {"__builtins__": {}})
    return test


def may_match(pattern: re.Pattern[str], text: str, lowered: str | None = None) -> bool:
    """False only when the pattern cannot match anywhere in ``text`` (``lowered``: text.lower())."""
    words = gate(pattern)
    if words is None or not text.isascii():
        return True
    return words.search(text.lower() if lowered is None else lowered) is not None


# gate() by the pattern's id, with the pattern kept so the id stays its own: hashing a compiled
# pattern (what functools.cache would do) reads its whole code, a few microseconds a call
_GATES: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def gate(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``needles(pattern)`` as one regular expression to search the lowered text with."""
    known = _GATES.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    words = needles(pattern)
    found = None
    if words is not None:
        found = any_of(words)
        _WORDS[found.pattern] = words
    _GATES[id(pattern)] = (pattern, found)
    return found


_WORDS: dict[str, tuple[str, ...]] = {}  # the words of each gate, by its pattern
_UNIONS: dict[tuple[str, ...], re.Pattern[str]] = {}


def union(gates: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """A pattern found in a text exactly when one of ``gates`` (each given by :func:`gate`) is."""
    key = tuple(g.pattern for g in gates)
    found = _UNIONS.get(key)
    if found is None:
        found = _UNIONS[key] = any_of([w for g in gates for w in _WORDS[g.pattern]])
    return found


def any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern found in a text exactly when one of ``words`` is in it: the words as a tree of their
    letters ("ab(?:c|d)" for "abc" and "abd"), which sre tries at each place far faster than a list of
    alternatives; a word is dropped when a shorter one starts it (the shorter one is there too)."""
    tree: dict[str, Any] = {}
    for word in sorted(set(words), key=len):
        node = tree
        for ch in word:
            if "" in node:
                break  # (a shorter word starts this one)
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = {}
    return re.compile(_alternatives(tree))


def _alternatives(node: dict[str, Any]) -> str:
    if "" in node:
        return ""
    alts = [re.escape(ch) + _alternatives(sub) for ch, sub in sorted(node.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


@functools.cache
def needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        found = _required(list(tree))
    except Exception:  # a construct this reader does not know: no words, the regex decides
        return None
    return tuple(sorted({w.lower() for w in found})) if found else None


def _best(options: list[set[str]]) -> set[str] | None:
    """Of several word sets that each must hold, the one most likely to turn a text away."""
    if not options:
        return None
    return max(options, key=lambda words: (min(len(w) for w in words), -len(words)))


def _required(items: list[Any]) -> set[str] | None:
    """Words one of which a match of this sequence of items contains; None when there are none."""
    options: list[set[str]] = []
    run = ""
    for op, arg in [*items, (None, None)]:  # a sentinel ends the last run of literals
        if op is _parser.LITERAL and arg < 128:
            run += chr(arg)
            continue
        if run:
            options.append({run})
            run = ""
        inner: set[str] | None = None
        if op is _parser.SUBPATTERN:
            inner = _required(list(arg[3]))
        elif op is _parser.ATOMIC_GROUP:
            inner = _required(list(arg))
        elif op is _parser.ASSERT:  # what a lookahead or lookbehind sees is in the text too
            inner = _required(list(arg[1]))
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT) and arg[0] >= 1:
            inner = _required(list(arg[2]))
        elif op is _parser.BRANCH:
            branches = [_required(list(b)) for b in arg[1]]
            if all(b is not None for b in branches):
                inner = set().union(*[b for b in branches if b is not None])
        if inner:
            options.append(inner)
    return _best(options)


# --- case-blind patterns on ASCII text --------------------------------------------------------------

_IGNORE = re.IGNORECASE


def lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (which ignores case) without ignoring case, for an ASCII text's ``lower()``: on an
    ASCII text ``t``, ``lowered(p).match(t.lower())`` finds a match exactly where ``p.match(t)`` does
    (the same span, the same for search, fullmatch and findall's count; the text of the groups is
    lowered). sre tries a pattern that ignores case letter by letter and cannot skip ahead by its first
    characters, a few times slower than the same pattern on lowered text.

    Sure only for a pattern without an upper-case ASCII letter (it would find nothing in lowered text)
    and without the four letters beyond ASCII that match ASCII ones when case is ignored (the long s an
    ``s``, _CASE_TWINS); other characters beyond ASCII find nothing in ASCII text either way. A pattern
    that names an upper-case letter or a twin, changes its flags inside or does not ignore case raises
    ValueError (tests/test_lowered_patterns.py checks the callers' patterns and the twins)."""
    if not pattern.flags & _IGNORE or pattern.flags & re.LOCALE:
        raise ValueError(f"not a pattern that ignores case: {pattern.pattern!r}")
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        sure = _lower_ascii(list(tree))
    except ValueError:
        raise
    except Exception as exc:  # a construct the reader below does not know
        raise ValueError(f"cannot read {pattern.pattern!r}: {exc}") from None
    if not sure:
        raise ValueError(f"a letter that is not lower-case ASCII in {pattern.pattern!r}")
    return re.compile(pattern.pattern, pattern.flags & ~_IGNORE)


# the characters beyond ASCII that a pattern ignoring case matches to an ASCII letter (and back): dotted
# capital I and dotless i (to i), long s (to s), the Kelvin sign (to k)
_CASE_TWINS = (0x130, 0x131, 0x17F, 0x212A)


def _sure_char(code: int) -> bool:
    return not 65 <= code <= 90 and code not in _CASE_TWINS  # (not A-Z, no twin of an ASCII letter)


def _sure_range(low: int, high: int) -> bool:
    return (high < 65 or low > 90) and not any(low <= c <= high for c in _CASE_TWINS)


def _lower_ascii(items: list[Any]) -> bool:
    """Whether a sequence of parsed items names only characters that are ASCII and not upper case."""
    p = _parser
    for op, arg in items:
        if op in (p.LITERAL, p.NOT_LITERAL):
            if not _sure_char(arg):
                return False
        elif op is p.IN:
            for kind, value in arg:
                if kind in (p.LITERAL, p.NOT_LITERAL) and not _sure_char(value):
                    return False
                if kind is p.RANGE and not _sure_range(*value):
                    return False
                if kind not in (p.LITERAL, p.NOT_LITERAL, p.RANGE, p.CATEGORY, p.NEGATE):
                    return False
        elif op is p.SUBPATTERN:
            if arg[1] or arg[2] or not _lower_ascii(list(arg[3])):  # (no flags changed inside)
                return False
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT, p.POSSESSIVE_REPEAT):
            if not _lower_ascii(list(arg[2])):
                return False
        elif op is p.BRANCH:
            if not all(_lower_ascii(list(b)) for b in arg[1]):
                return False
        elif op in (p.ASSERT, p.ASSERT_NOT):
            if not _lower_ascii(list(arg[1])):
                return False
        elif op is p.ATOMIC_GROUP:
            if not _lower_ascii(list(arg)):
                return False
        elif op is p.GROUPREF_EXISTS:
            if not all(_lower_ascii(list(b)) for b in arg[1:] if b is not None):
                return False
        elif op not in (p.AT, p.ANY, p.CATEGORY, p.GROUPREF):
            return False
    return True
