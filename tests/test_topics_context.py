"""topics.context, its headings' verdicts cached, picks the heading the patterns themselves pick."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.notes import topics

_HEADINGS = st.sampled_from(
    ["Exam tips", "Overview", "Amazon S3", "Day 8 - March 15", "Udemy course", "Notes", "S3 vs EFS", "⚠️", ""]
)


def _uncached(path: tuple[str, ...]) -> str:
    for heading in reversed(path):
        if (
            topics._GENERIC.sub(" ", heading).strip(" -:&/.,()!*⚠️🔥❗")
            and not topics._SOURCE_TITLE.search(heading)
            and not topics.is_diary(heading)
        ):
            return heading
    return ""


@settings(max_examples=200, deadline=None)
@given(st.lists(_HEADINGS | st.text(max_size=20), max_size=4).map(tuple))
def test_context_is_the_uncached_choice(path: tuple[str, ...]) -> None:
    assert topics.context(path) == _uncached(path)
    topics._says_what.cache_clear()
    assert topics.context(path) == _uncached(path)
