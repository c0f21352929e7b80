"""cli.importer.cache_json: the import cache's JSON, written file entry by file entry, is byte for byte
what ``json.dumps(cache, check_circular=False)`` writes."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.cli.importer import cache_json

TEXT = st.text(alphabet=st.sampled_from('aé"\\\n\t\x00\u2028🔹 /.') | st.characters(), max_size=12)
ATOM = TEXT | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.booleans() | st.none()
VALUE = st.recursive(
    ATOM,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(TEXT, inner, max_size=3)
    ),
    max_leaves=10,
)
ENTRY = st.fixed_dictionaries(
    {
        "sha256": st.text(alphabet="0123456789abcdef", min_size=4, max_size=8),
        "drafts": st.lists(st.dictionaries(TEXT, VALUE, max_size=4), max_size=3),
        "skips": st.lists(st.dictionaries(TEXT, VALUE, max_size=4), max_size=3),
        "warnings": st.lists(st.dictionaries(TEXT, VALUE, max_size=3), max_size=2),
    }
)


@settings(max_examples=300, deadline=None)
@given(key=TEXT, files=st.dictionaries(TEXT, ENTRY, max_size=4))
def test_the_cache_is_the_json_that_dumps_writes(key: str, files: dict[str, Any]) -> None:
    cache = {"key": key, "files": files}
    assert cache_json(cache) == json.dumps(cache, check_circular=False)


def test_other_caches_are_dumped_whole() -> None:
    for cache in (
        {"files": {"a.md": {}}, "key": "k"},  # (another order of the keys)
        {"key": "k", "files": {1: {"x": 1}}},  # (a key that is not text: json.dumps turns it into one)
        {"key": "k", "files": []},
        {"key": "k", "files": {}, "more": 1},
        {},
    ):
        assert cache_json(cache) == json.dumps(cache, check_circular=False)
    cache = {"key": "k", "files": {"a.md": {"sha256": "00", "drafts": [{"path": ("T", "é")}]}}}
    want = '{"key": "k", "files": {"a.md": {"sha256": "00", "drafts": [{"path": ["T", "\\u00e9"]}]}}}'
    assert cache_json(cache) == want
