"""score's checks of a draft's place (cached by heading path, context and file, gated by the patterns'
needles) find what the patterns themselves find, and a draft's score does not depend on which drafts
were scored before it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.notes import quality as q
from awsprep.notes.model import Draft

# words that set off the place checks, and others around them (some with letters that lower oddly)
_WORDS = [
    "Exam format",
    "Study plan",
    "Table of contents",
    "References",
    "Resources",
    "Links",
    "Hands-on",
    "Lab",
    "Walkthrough",
    "Console setup",
    "Worked examples",
    "Mnemonics",
    "for example",
    "e.g. sample",
    "M5",
    "t3.micro",
    "Steps",
    "Amazon S3",
    "Lambda",
    "Pricing",
    "SNS vs SQS",
    "İstanbul",
    "Kelvin \u212a",
    "ſtudy plan",
    "Not necessary to memorize",
    "not on the exam",
]
_TEXT = st.lists(st.sampled_from(_WORDS), min_size=0, max_size=3).map(" ".join)
_PATH = st.lists(_TEXT, min_size=0, max_size=4).map(tuple)
_CONTEXT = st.lists(_TEXT, min_size=0, max_size=3).map(" › ".join)
_FILE = st.sampled_from(["notes/s3.md", "labs/athena/README.md", "Lab-1 setup.md", "hands-on/x.md"])


def _direct(headings: tuple[str, ...], context: str, file: str) -> q._Place:
    """The same checks, each pattern searched as it is, nothing cached or gated."""
    path = " / ".join((*headings[1:], context))
    return q._Place(
        path=path,
        logistics=q._LOGISTICS_HEADING.search(path) is not None,
        study_plan=q._STUDY_PLAN.search(path) is not None
        or (bool(headings) and q._STUDY_PLAN.search(headings[0]) is not None),
        chrome=bool(headings) and q._CHROME_PATH.search(headings[-1]) is not None,
        reference=any(q._REFERENCE_HEADING.match(h) for h in headings),
        links=any(q._LINKS_HEADING.match(h) for h in headings),
        walkthrough=q._WALKTHROUGH.search(path) is not None,
        lab_heading=q._LAB_HEADING.search(path) is not None,
        lab=q._LAB_FILE.search(file) is not None
        or (bool(headings) and q._LAB_TITLE.match(headings[0]) is not None),
        example=q._EXAMPLE_PATH.search(path) is not None,
        mnemonic=q._MNEMONIC_HEADING.search(path) is not None,
        example_parent=q._EXAMPLE_PARENT.search(context) is not None,
        instance_type=any(q._INSTANCE_TYPE.match(p.strip()) for p in context.split(" › ")),
        not_for_exam=q._NOT_FOR_EXAM.search(path) is not None,
    )


@settings(max_examples=300, deadline=None)
@given(_PATH, _CONTEXT, _FILE)
def test_cached_place_checks_find_what_the_patterns_find(
    headings: tuple[str, ...], context: str, file: str
) -> None:
    assert q._place(headings, context, file) == _direct(headings, context, file)
    q._place.cache_clear()
    assert q._place(headings, context, file) == _direct(headings, context, file)


def _draft(kind: str, rule: str, path: tuple[str, ...], file: str, context: str, n: int) -> Draft:
    if kind == "cloze":
        text = f"{context} — max {{{{{n} GB}}}} per object" if context else f"max {{{{{n} GB}}}} per object"
        return Draft(kind, rule, file, n, path, "S3", text=text, core=f"max {{{{{n} GB}}}} per object")
    front = f"Term {n} ({context})" if context else f"Term {n}"
    return Draft(kind, rule, file, n, path, "S3", key=f"Term {n}", front=front, back="an answer of words")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([("basic", "definition"), ("basic", "list"), ("cloze", "fact"), ("basic", "qa")]),
            _PATH,
            _CONTEXT,
            _FILE,
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_drafts_score_is_the_same_whatever_was_scored_before(
    specs: list[tuple[tuple[str, str], tuple[str, ...], str, str, bool]],
) -> None:
    drafts = []
    for n, ((kind, rule), path, context, file, steps) in enumerate(specs):
        d = _draft(kind, rule, path, file, context, n + 1)
        d.steps = 0.4 if steps else 0.0
        drafts.append(d)
    alone = []
    for d in drafts:
        q._place.cache_clear()
        alone.append(q.score(d))
    q._place.cache_clear()
    assert [q.score(d) for d in drafts] == alone
    assert [q.score(d) for d in reversed(drafts)] == alone[::-1]  # (every place cached by now)


def test_an_import_does_not_reuse_the_last_imports_places_or_headings(tmp_path: Path) -> None:
    from awsprep.notes import topics
    from awsprep.notes.pipeline import NoteFile, run_import

    seed = (("Seed title", "Seed heading"), "ctx", "seed.md")
    q._place(*seed)
    topics.context(("Seed heading",))
    note = tmp_path / "n.md"
    note.write_text("# Amazon S3\n\n- Max object size: 5 TB\n", encoding="utf-8")
    run_import([NoteFile("n.md", note)], "deck", topics.TopicTable())
    misses = q._place.cache_info().misses, topics._says_what.cache_info().misses
    q._place(*seed)
    topics.context(("Seed heading",))
    assert (q._place.cache_info().misses, topics._says_what.cache_info().misses) == (
        misses[0] + 1,
        misses[1] + 1,
    )
