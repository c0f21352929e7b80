"""The indexed near-duplicate merge gives exactly what comparing every pair gives."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.notes import ids
from awsprep.notes.inline import token_set
from awsprep.notes.model import Draft


def pairwise(drafts: list[Draft]) -> tuple[list[tuple[str, int]], int]:
    """The reference: every new card against every kept card of its type and topic, in order."""
    kept: list[Draft] = []
    exact: dict[object, Draft] = {}
    merged = 0
    for d in drafts:
        tokens = token_set(d.core or d.content())
        front = ids._front_tokens(d)
        key = (d.kind, front, tokens) if d.kind == "basic" else (d.kind, frozenset(), tokens)
        first = exact.get(key)
        if first is None and tokens:
            for other in kept:
                if (other.kind, other.topic) != (d.kind, d.topic):
                    continue
                other_tokens = token_set(other.core or other.content())
                inter = len(tokens & other_tokens)
                if d.kind == "basic" and ids._jac(front, ids._front_tokens(other)) < ids.NEAR_DUP:
                    continue
                small = min(len(tokens), len(other_tokens))
                if inter and (
                    inter / len(tokens | other_tokens) >= ids.NEAR_DUP
                    or (small >= 6 and inter / small >= ids.CONTAINED)
                ):
                    first = other
                    break
        if first is not None:
            merged += 1
            continue
        exact[key] = d
        kept.append(d)
    return [(d.file, d.line) for d in kept], merged


def drafts(seed: int, n: int, vocab: int) -> list[Draft]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocab)]
    out = []
    for line in range(n):
        kind = rng.choice(["basic", "cloze"])
        text = " ".join(rng.sample(words, rng.randint(1, min(14, vocab))))
        front = " ".join(rng.sample(words, rng.randint(1, 3)))
        out.append(
            Draft(
                kind=kind,
                rule="t",
                file="f.md",
                line=line + 1,
                path=("T",),
                topic=rng.choice(["A", "B"]),
                front=front if kind == "basic" else "",
                back=text if kind == "basic" else "",
                text=text,
                core=text,
            )
        )
    return out


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 80), st.integers(3, 25))
def test_index_merges_exactly_like_every_pair(seed: int, n: int, vocab: int) -> None:
    kept, merged = ids.dedup(drafts(seed, n, vocab))
    assert ([(d.file, d.line) for d in kept], merged) == pairwise(drafts(seed, n, vocab))
