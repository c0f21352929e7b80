"""The patterns that ignore case, tried lowered on an ASCII text's lower case (needles.lowered), find
what the patterns themselves find; and the other short cuts of the same round agree with the plain code."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.bank import yamlwrite
from awsprep.notes import collector, ids, inline, lint, needles, quality, steps, topics, units
from awsprep.notes.collector import new_skip
from awsprep.notes.files import NOTE_SUFFIXES, collect_files
from awsprep.notes.model import Skip
from awsprep.notes.needles import lowered

# every lowered pattern of the importer, by the name of its module's pattern (NAME_LOW is NAME lowered)
_MODULES = (collector, inline, steps, topics, units)
# (a public pattern's lowered one is private: TIPS, _TIPS_LOW)
_PAIRS = [
    (name, getattr(module, name), getattr(module, name[: -len("_LOW")], None) or getattr(module, name[1:-4]))
    for module in _MODULES
    for name in vars(module)
    if name.endswith("_LOW") and isinstance(getattr(module, name), re.Pattern)
]

_PAIRS += [(f"quality #{n}", low, pattern) for n, (pattern, low) in enumerate(quality._LOWERED.values())]


def test_every_lowered_pattern_is_its_pattern_without_ignoring_case() -> None:
    assert len(_PAIRS) >= 45
    for _, low, pattern in _PAIRS:
        assert pattern.flags & re.IGNORECASE and not low.flags & re.IGNORECASE
        assert low.pattern == pattern.pattern


@pytest.mark.parametrize(
    "source",
    [
        "Create",  # an upper-case letter finds nothing in lowered text
        "[A-Z]x",
        "[a-\u017f]",  # the long s matches "s" when case is ignored
        "ſ",
        "K",  # the Kelvin sign matches "k"
        "[\u0100-\u0200]",  # (holds the long s)
        "[\u2100-\u2150]",  # (holds the Kelvin sign)
        "\u0130",  # dotted capital I matches "i"
        "\u0131",  # dotless i matches "i"
        "(?-i:a)b",  # flags changed inside
        "a(?i:b)",
    ],
)
def test_lowered_refuses_a_pattern_it_cannot_be_sure_of(source: str) -> None:
    with pytest.raises(ValueError):
        lowered(re.compile(source, re.IGNORECASE))


def test_the_case_twins_are_the_only_characters_beyond_ascii_matching_an_ascii_letter() -> None:
    beyond = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    twins = set()
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        twins |= {ord(c) for c in re.findall(re.escape(letter), beyond, re.IGNORECASE)}
        twins |= {ord(c) for c in re.findall(f"[{letter}]", beyond, re.IGNORECASE)}
    assert twins == set(needles._CASE_TWINS)


def test_lowered_takes_characters_beyond_ascii_without_ascii_twins() -> None:
    pattern = re.compile(r"\b(?:max|min)\b|[<>≤≥]|caf\u00e9|[\u2190-\u2bff]", re.IGNORECASE)
    low = lowered(pattern)
    for text in ("MAX of 5", "x >= 1", "Cafe", "min", "K", "kelvin"):
        assert _spans(low.search(text.lower())) == _spans(pattern.search(text))


def test_lowered_refuses_a_pattern_that_minds_case() -> None:
    with pytest.raises(ValueError):
        lowered(re.compile("abc"))


# ASCII text made of the patterns' own words in mixed case, marks and spaces: most draws hold a word
# some pattern looks for, at the start or inside
_WORDS = [
    "Create ",
    "go TO ",
    "Then ",
    "logged In",
    "we Tested ",
    "To Deploy ",
    "e.g. ",
    "E.G ",
    "Example",
    "let's say ",
    "Imagine ",
    "IF ",
    "when ",
    " Which",
    "that",
    "Your ",
    "IT ",
    "is ",
    "ARE ",
    "Note",
    "tips",
    "Remember what ",
    " is",
    "So ",
    "because ",
    "General ",
    "exam TIPS",
    "Exam hint",
    "Summary",
    "Deep Dive",
    "don't forget",
    "Walk-through",
    "Udemy ",
    "Pros",
    "Use cases",
    "Pricing",
    "Section 3",
    "Day 8",
    "Jan 5",
    "12:30",
    "1.2.3",
    " max ",
    "Up To ",
    "<",
    "Prerequisites",
    "Deploy the app",
    "See ",
    "https://",
    "Same as ",
    "Like a ",
    "Composed of ",
    "Keywords",
    "Supports ",
    "Question 3",
    "Correct",
    "Cheaper than ",
    "by contrast",
    "Two types",
    "Easy to use",
    "AWS ",
    "Amazon",
    "One of the most ",
    "popular ",
    "Design 2",
    "1. ",
    "3) ",
    ": ",
    " - ",
    "`x`",
    "S3 ",
    "bucket ",
    "A",
    "i",
    " ",
    "\n",
]
_ASCII = st.lists(
    st.sampled_from(_WORDS) | st.text(alphabet=st.characters(max_codepoint=127), max_size=4), max_size=10
).map("".join)


def _spans(found: Any) -> Any:
    return None if found is None else found.span()


@settings(max_examples=500, deadline=None)
@given(_ASCII, st.integers(min_value=0, max_value=12))
def test_a_lowered_pattern_finds_what_the_pattern_finds_on_ascii_text(text: str, pos: int) -> None:
    low = text.lower()
    for name, lowered_pattern, pattern in _PAIRS:
        assert _spans(lowered_pattern.match(low)) == _spans(pattern.match(text)), name
        assert _spans(lowered_pattern.search(low)) == _spans(pattern.search(text)), name
        assert _spans(lowered_pattern.search(low, pos)) == _spans(pattern.search(text, pos)), name
        assert _spans(lowered_pattern.fullmatch(low)) == _spans(pattern.fullmatch(text)), name
        assert lowered_pattern.sub(" ", low) == pattern.sub(" ", text).lower(), name


# --- the callers, against their code before ---------------------------------------------------------

_MIXED = _ASCII | st.lists(st.sampled_from([*_WORDS, "é", "İ", "ı", "ſ", "K", "—", "→ "]), max_size=8).map(
    "".join
)


def _is_step_plain(line: str) -> bool:
    s = line.strip().lstrip("*_ ")
    if not s:
        return False
    code = sum(len(m) for m in steps._CODE_SPAN.findall(s)) if "`" in s else 0
    return bool(
        (steps._STEP_VERB.match(s) and not steps._STEP_DEF.match(s))
        or steps._STEP_CLICK.search(s)
        or units._COMMAND.search(s)
        or code * 2 >= len(s)
        or steps._STEP_SETTING.match(s)
        or steps._STEP_PERSON_TO.match(s)
        or steps._STEP_PERSON_WORDS.search(s)
        or (steps._STEP_DONE.search(s) and not steps._STEP_DEF.match(s))
    )


@settings(max_examples=500, deadline=None)
@given(_MIXED)
def test_is_step_is_the_plain_test(line: str) -> None:
    assert steps.is_step(line) == _is_step_plain(line)


def _says_what_plain(heading: str) -> bool:
    return bool(
        topics._GENERIC.sub(" ", heading).strip(" -:&/.,()!*⚠️🔥❗")
        and not topics._SOURCE_TITLE.search(heading)
        and not _is_diary_plain(heading)
    )


def _is_diary_plain(heading: str) -> bool:
    rest = topics._DATE.sub(" ", heading).strip(" -–—:,|()")
    dated = rest != heading.strip(" -–—:,|()")
    return (dated and not rest) or bool(topics.PART_NAME.fullmatch(rest))


_HEADINGS = _MIXED | st.lists(
    st.sampled_from(["Day 8", " - ", "March 15", "2024-03-15", "Week ", "3", "٣", "Part II", "Overview"]),
    max_size=6,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_HEADINGS)
def test_headings_are_judged_as_before(heading: str) -> None:
    topics.forget_contexts()
    assert topics._says_what(heading) == _says_what_plain(heading)
    assert topics.is_diary(heading) == _is_diary_plain(heading)
    assert topics.is_tips((heading, "x")) == any(topics.TIPS.search(h) for h in (heading, "x"))


@settings(max_examples=500, deadline=None)
@given(_MIXED)
def test_good_term_is_the_plain_test(term: str) -> None:
    t = term.strip(" *_`“”\"'")
    plain = not (
        (units.DIGIT.search(t) and units._TIMESTAMP.search(t))
        or units._CLAUSE_START.match(t)
        or units._CLAUSE_END.search(t)
        or units._VAGUE_TERM.search(t)
        or units._CLAUSE.search(t)
        or units._LONE_LETTER.search(t)
    )
    if plain:
        t = units._LEAD_ARTICLE.sub("", t)
        n = len(t.split())
        plain = not (t.count("(") != t.count(")") or t.count('"') % 2 or t.count("`") % 2 or "," in t)
        plain = plain and 0 < n <= units.MAX_TERM_WORDS and not units._BAD_TERM.match(t)
        plain = plain and any(c.isalpha() for c in t)
    assert units.good_term(term) == plain


def _gives_away_plain(text: str) -> bool:
    hidden = [h.strip() for h in quality._CLOZED.findall(text)]
    if not hidden:
        return False
    shown = quality._CLOZED.sub(" \x00 ", text)
    for h in hidden:
        if len(h) < 2 or h.isdigit():
            continue
        forms = [h]
        number = re.match(r"(\d+)(\s*\D.*)$", h)
        if number and number.group(1) in quality._NUMBER_WORDS and number.group(2).strip():
            forms.append(quality._NUMBER_WORDS[number.group(1)] + " " + number.group(2).strip())
        for form in forms:
            if re.search(r"(?<![\w.,/])" + re.escape(form) + r"(?![\w])", shown, re.IGNORECASE):
                return True
    return False


_CLOZES = st.lists(
    st.sampled_from(
        [
            *("{{", "}}", "10%", "ten", "10 ", "seconds", "Seconds", "SECONDS", "one", "1 ", "min", "K", "k"),
            *("ſ", "s", "S", "İ", "i", "I", "ı", " ", ", ", ".", "/", "canary ", "within ", "{{1 second}}"),
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(_CLOZES)
def test_gives_away_is_the_plain_test(text: str) -> None:
    assert quality._gives_away(text) == _gives_away_plain(text)


def _shared_plain(data: Any) -> bool:
    seen: set[int] = set()
    stack = [data]
    atoms = yamlwrite._ATOMS
    while stack:
        obj = stack.pop()
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


class _Text(str):
    pass


_LEAVES = st.sampled_from([None, (), 1, 2.5, True, "a", b"b", _Text("c"), frozenset({1})])


@st.composite
def _documents(draw: st.DrawFn) -> Any:
    """Nested dicts, lists, tuples and sets, some objects standing in two places."""
    pool: list[Any] = []
    tree = draw(
        st.recursive(
            _LEAVES,
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.sampled_from(["k", "v", "w"]), inner, max_size=3)
                | st.lists(inner, max_size=3).map(tuple)
            ),
            max_leaves=12,
        )
    )

    def walk(obj: Any) -> Any:
        if isinstance(obj, dict | list | tuple) and obj:
            pool.append(obj)
        if isinstance(obj, dict):
            return {k: walk(v) for k, v in obj.items()}
        if isinstance(obj, list):
            out = [walk(v) for v in obj]
            if pool and draw(st.booleans()):
                out.append(draw(st.sampled_from(pool)))  # (an object already in the tree, again)
            return out
        return obj

    return [walk(tree), {"head": [1]}]


@settings(max_examples=500, deadline=None)
@given(_documents())
def test_shared_is_the_plain_walk(document: Any) -> None:
    assert yamlwrite._shared(document) == _shared_plain(document)


def test_shared_finds_a_cycle_and_a_list_twice() -> None:
    inner = ["x"]
    assert yamlwrite._shared([{"a": inner}, {"b": inner}])
    loop: list[Any] = []
    loop.append(loop)
    assert yamlwrite._shared(loop)
    assert not yamlwrite._shared([{"a": ["x"]}, {"b": ["x"]}, (), ()])


# --- collect_files: each file resolved from its folder's resolved path -----------------------------


def _collect_plain(paths: list[Path]) -> list[tuple[str, Path]]:
    out: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    for root in paths:
        if root.is_dir():
            found = sorted(p for p in root.rglob("*") if p.suffix.lower() in NOTE_SUFFIXES and p.is_file())
            pairs = [(p.relative_to(root).as_posix(), p) for p in found]
        else:
            pairs = [(root.name, root)]
        for name, p in pairs:
            real = p.resolve()
            if real not in seen:
                seen.add(real)
                out.append((name, p))
    return out


def test_collect_files_finds_and_tells_apart_the_files_as_before(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "ec2" / "deep").mkdir(parents=True)
    (notes / "ec2" / "a.md").write_text("- Spot: spare capacity\n")
    (notes / "ec2" / "deep" / "b.MARKDOWN").write_text("# B\n")
    (notes / "c.txt").write_text("not a note\n")
    (notes / ".hidden.md").write_text("- Hidden: still read\n")
    (notes / "ec2" / "link.md").symlink_to(notes / "ec2" / "a.md")  # the same file twice
    (notes / "linked-folder").symlink_to(notes / "ec2", target_is_directory=True)  # not gone down
    outside = tmp_path / "outside.md"
    outside.write_text("- Outside: a file elsewhere\n")
    (notes / "out.md").symlink_to(outside)
    (tmp_path / "alias").symlink_to(notes, target_is_directory=True)  # a folder given by a link
    for paths in (
        [notes],
        [tmp_path / "alias"],
        [notes / "ec2", notes],
        [outside, notes, tmp_path / "alias" / "ec2" / "a.md"],
        [tmp_path / "notes" / ".." / "notes"],
    ):
        got = [(n.name, n.path) for n in collect_files(paths)]
        assert got == _collect_plain(paths)


# --- ids.closest: options compared letter by letter only when their bounds allow -----------------

_OPTION_WORDS = st.lists(
    st.sampled_from(["use", "an", "s3", "bucket", "with", "sqs", "queue", "capex", "opex", "to"]),
    max_size=6,
).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(_OPTION_WORDS, st.lists(_OPTION_WORDS | st.text(max_size=8), min_size=1, max_size=6))
def test_closest_is_the_first_best_ratio(mine: str, theirs: list[str]) -> None:
    ratios = [difflib.SequenceMatcher(None, mine, t).ratio() for t in theirs]
    best = max(range(len(theirs)), key=lambda j: ratios[j])
    got, ratio = ids.closest(mine, theirs)
    if ratios[best] >= 0.6:
        assert (got, ratio) == (best, ratios[best])
    else:
        assert ratio < 0.6


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=8), st.integers(), st.text(max_size=8), st.text(max_size=8))
def test_a_skip_made_at_once_is_the_dataclass(file: str, line: int, reason: str, text: str) -> None:
    fast, plain = new_skip(file, line, reason, text), Skip(file, line, reason, text)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert list(vars(fast).items()) == list(vars(plain).items())  # (the cache writes vars() in order)


_SLUG_TEXT = st.lists(
    st.sampled_from(["AWS", " ", "-", "--", "Lambda", "İ", "Σ", "ß", "é", "K", "3", "(", ")", "  ", "x"]),
    max_size=60,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(_SLUG_TEXT | st.text(max_size=120), st.sampled_from([1, 5, 24, 28]))
def test_slug_of_a_long_text_is_the_plain_slug(text: str, limit: int) -> None:
    assert ids.slug(text, limit) == ids._SLUG.sub("-", text.lower()).strip("-")[:limit].strip("-")


def _plain_uncached(raw: str) -> tuple[str, list[str]]:
    if inline.has_shortcode(raw):
        raw = inline.SHORTCODE.sub(" ", raw)
    if not inline._SPECIAL.search(raw):
        return " ".join(raw.split()), []
    return inline._plain(raw)


_INLINE = st.lists(
    st.sampled_from(["**S3**", "[docs](https://x.y)", " ", "  ", "\t", ":rocket:", "a", "`c`", "_x_", "<b>"]),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_INLINE | st.text(max_size=6), max_size=6))
def test_plain_asked_again_gives_what_it_gave(raws: list[str]) -> None:
    inline.forget_plain()
    for raw in raws + raws:  # (every text twice: the second answer comes from the cache)
        text, urls = inline.plain(raw)
        assert (text, urls) == _plain_uncached(raw)
        urls.append("changed by a caller")  # (a caller's list is its own)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["- **a**", "  - b `c`", "x  ==y==", "- **a**", "\t__d__"]), max_size=8))
def test_lint_normalises_a_line_asked_again_as_before(lines: list[str]) -> None:
    seen: dict[str, str] = {}
    for raw in lines + lines:
        assert lint._normalised(raw, seen) == lint.normalise(raw)
