"""Card ids from place, near-duplicate merging, and matching reworded cards to their old ids.

Id scheme (see docs/importer.md):

* a card with a key term:   ``{heading-slug}-{key-slug}-{h}`` with
  ``h = sha1(deck | file | heading path | normal form of the key term)[:10]``;
* a card without one:       ``{heading-slug}-{h}`` with ``h = sha1(deck | file | heading path | normal
  form of its wording)[:10]``, and before that id is used the card is matched against the previous
  bank's unmatched cards of the same type at the same place (file + heading path): the most similar
  one (difflib ratio >= 0.6) lends its id, so rewording keeps the card. The same fallback applies to
  a keyed card whose id is new (a typo fixed in its term, or a bullet rewritten into ``Term: ...``).

Two cards that would get the same id (the same key term twice under one heading) get ``-2``, ``-3``
in note order.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from awsprep.bank.models import BasicCard, Card, ClozeCard, McqCard
from awsprep.notes.blocks import unescape
from awsprep.notes.inline import norm, token_set
from awsprep.notes.model import Draft
from awsprep.notes.topics import context

SIMILAR = 0.6
NEAR_DUP = 0.85  # Jaccard of the word sets
CONTAINED = 0.9  # or the smaller card's words (6 or more) nearly all inside the other's
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int) -> str:
    if len(text) > 2 * limit + 16:
        # (a long heading: the slug of its start is the start of its slug, each run of other characters
        # one dash in both; its first ``limit`` characters are the whole slug's once it is longer)
        head = _SLUG.sub("-", text[: 2 * limit + 16].lower()).lstrip("-")
        if len(head) > limit:
            return head[:limit].strip("-")
    return _SLUG.sub("-", text.lower()).strip("-")[:limit].strip("-")


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def base_id(deck: str, d: Draft, contexts: dict[tuple[str, ...], str] | None = None) -> str:
    """``contexts``: topics.context by heading path, filled as it goes (drafts share their paths)."""
    if contexts is None:
        contexts = {}
    if d.path not in contexts:
        contexts[d.path] = context(d.path)
    head = slug(contexts[d.path] or d.topic, 24)
    place = (deck, d.file, "\x1e".join(d.path))
    if d.key:
        parts = [head, slug(d.key, 28), _hash(*place, "key", norm(d.key))]
    else:
        parts = [head, _hash(*place, "text", norm(d.content()))]
    return "-".join(p for p in parts if p) or "card"


def card_content(card: Card) -> str:
    if isinstance(card, BasicCard):
        return f"{card.front}\n{card.back}"
    if isinstance(card, ClozeCard):
        return card.text
    if isinstance(card, McqCard):
        return "\n".join((card.question, *card.options))
    return card.question


def dedup(drafts: Iterable[Draft]) -> tuple[list[Draft], int]:
    """Merge near-duplicates (same type and topic, nearly the same words, or one card's words inside
    the other's): the first in note order keeps the other's sources (and its high priority).

    Near-linear: each bucket (type, topic) keeps an index of its cards by word, and a card is compared
    only with the cards that could pass the test (see `_Bucket.candidates`), in note order, so the
    result is the one that comparing with every earlier card gives."""
    kept: list[Draft] = []
    exact: dict[tuple[str, frozenset[str], frozenset[str]], Draft] = {}
    buckets: dict[tuple[str, str], _Bucket] = {}
    fronts: dict[int, frozenset[str]] = {}  # _front_tokens of each kept basic card, by id()
    merged = 0
    for d in drafts:
        tokens = token_set(d.core or d.content())
        front = _front_tokens(d)
        key = (d.kind, front, tokens) if d.kind == "basic" else (d.kind, frozenset(), tokens)
        first = exact.get(key)
        bucket = buckets.setdefault((d.kind, d.topic), _Bucket())
        rarest: list[str] = []
        if first is None and tokens:
            rarest = bucket.rarest(tokens)
            for other_tokens, other in bucket.candidates(tokens, rarest):
                inter = len(tokens & other_tokens)
                if d.kind == "basic" and _jac(front, fronts[id(other)]) < NEAR_DUP:
                    continue
                small = min(len(tokens), len(other_tokens))
                if inter and (
                    inter / len(tokens | other_tokens) >= NEAR_DUP
                    or (small >= 6 and inter / small >= CONTAINED)
                ):
                    # "What is the largest S3 object?" and "... for one PUT?" share every option but not
                    # the answer: two questions, where copies that differ this much in their stems agree
                    if (
                        d.kind == "mcq"
                        and _jac(token_set(d.question), token_set(other.question)) < NEAR_DUP
                        and _keyed_apart(d, other)
                    ):
                        continue
                    first = other
                    break
        if first is not None and (d.file, d.line) != (first.file, first.line):
            if d.kind == "mcq" and not first.conflict and _keyed_apart(d, first):
                first.conflict = f"{d.file}:{d.line}"  # one copy's answer is wrong: the learner decides
            first.extra_sources.append((d.file, d.line, d.path))
            first.high_priority = first.high_priority or d.high_priority
            merged += 1
            continue
        if first is not None:  # the same line made two identical cards (e.g. a ::: pair of equals)
            merged += 1
            continue
        exact[key] = d
        fronts[id(d)] = front
        bucket.add(tokens, d, rarest)
        kept.append(d)
    return kept, merged


def _keyed_apart(d: Draft, other: Draft) -> bool:
    """Two copies of a question whose answers differ: a right option of one is, in words, closest to a
    wrong option of the other (copies may order, punctuate or reword their options)."""

    def keyed(a: Draft, b: Draft) -> bool:
        # words in order: "from capex to opex" is not "from opex to capex"
        theirs = [norm(o) for o in b.options]
        for k in a.correct:
            if k >= len(a.options) or not theirs:
                continue
            best, ratio = closest(norm(a.options[k]), theirs)
            if ratio >= 0.6 and best not in b.correct:
                return True
        return False

    return keyed(d, other) or keyed(other, d)


def closest(mine: str, theirs: list[str], least: float = 0.6) -> tuple[int, float]:
    """The first of ``theirs`` most like ``mine`` (difflib's ratio) and its ratio, when that ratio is
    ``least`` or more; else some index and a ratio below ``least``. An option whose upper bounds
    (real_quick_ratio, quick_ratio: counts of letters) cannot reach ``least`` or beat the best so far
    is not compared letter by letter (most of the time of comparing two copies of a question)."""
    best, best_ratio = 0, -1.0
    for j, t in enumerate(theirs):
        matcher = difflib.SequenceMatcher(None, mine, t)
        bar = max(least, best_ratio)  # (a ratio must reach least, and beat the best: > it)
        if matcher.real_quick_ratio() < bar or matcher.quick_ratio() < bar:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = j, ratio
    return best, best_ratio


def _must_share(size: int, share: float) -> int:
    """How many of a set's words another set must hold somewhere among any `n` of them: a set of
    `size` words that shares at least share x size words with another shares one of any
    size - ceil(share x size) + 1 of its words (prefix filtering)."""
    return size - math.ceil(share * size - 1e-9) + 1


class _Bucket:
    """The kept cards of one type and topic, indexed so a new card meets only possible near-duplicates.

    A pair passes when the Jaccard is >= NEAR_DUP (then the new card shares one of any
    _must_share(n, NEAR_DUP) of its words with the other) or the smaller one's words are >= CONTAINED
    inside the other's: when the new card is the smaller, the same holds with CONTAINED; when the kept
    card is the smaller, it shares one of any _must_share(m, CONTAINED) of ITS words with the new card.
    So the new card probes the full index with its rarest words, and the prefix index with all of them.
    """

    def __init__(self) -> None:
        self.items: list[tuple[frozenset[str], Draft]] = []
        self.by_word: defaultdict[str, list[int]] = defaultdict(list)  # every word of every kept card
        self.by_prefix: defaultdict[str, list[int]] = defaultdict(list)  # a few rare words of each

    def rarest(self, tokens: frozenset[str]) -> list[str]:
        """The card's words, the rarest in the index first (ties in word order)."""
        get = self.by_word.get
        return [t for _, t in sorted([(len(get(t, ())), t) for t in tokens])]

    def candidates(self, tokens: frozenset[str], rarest: list[str]) -> list[tuple[frozenset[str], Draft]]:
        n = max(_must_share(len(tokens), NEAR_DUP), _must_share(len(tokens), CONTAINED))
        found: set[int] = set()
        get = self.by_word.get
        for word in rarest[:n]:
            found.update(get(word, ()))
        by_prefix = self.by_prefix
        for word in by_prefix.keys() & tokens:  # (the words of the card in the prefix index, found in C)
            found.update(by_prefix[word])
        return [self.items[i] for i in sorted(found)]

    def add(self, tokens: frozenset[str], d: Draft, rarest: list[str]) -> None:
        """Index a kept card; ``rarest`` is ``self.rarest(tokens)`` as it stood before."""
        index = len(self.items)
        self.items.append((tokens, d))
        by_prefix, by_word = self.by_prefix, self.by_word
        for word in rarest[: _must_share(len(tokens), CONTAINED)]:
            by_prefix[word].append(index)
        for word in tokens:
            by_word[word].append(index)


def _front_tokens(d: Draft) -> frozenset[str]:
    return token_set(d.core.split("\n")[0]) if d.core else token_set(d.front)


def _jac(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


@dataclass
class IdResult:
    ids: list[str]
    reused_by_similarity: int
    wanted: list[str] = field(default_factory=list)  # each draft's base_id, to pass again with them


def assign_ids(
    deck: str, drafts: list[Draft], previous: list[Card], wanted: list[str] | None = None
) -> IdResult:
    """The id of each draft; ``wanted``: their base ids when known (an earlier result's ``wanted``)."""
    old_ids = {c.id for c in previous}
    ids: list[str | None] = [None] * len(drafts)
    taken: set[str] = set()
    if wanted is None or len(wanted) != len(drafts):
        contexts: dict[tuple[str, ...], str] = {}
        wanted = [base_id(deck, d, contexts) for d in drafts]
    # 1. exact matches: same place and key term (or same place and wording)
    for n, want in enumerate(wanted):
        if want in old_ids:
            ids[n] = _unique(want, taken)
    # 2. the others borrow the id of the most similar unmatched old card at the same place
    free: dict[tuple[str, str, tuple[str, ...]], list[Card]] = {}
    for c in previous:
        src = c.source
        if c.id not in taken and src is not None:
            # a bank written before headings lost their backslash escapes names its places with them
            free.setdefault((c.type, src.file, tuple(map(unescape, src.path))), []).append(c)
    pairs: list[tuple[float, int, Card]] = []
    for n, d in enumerate(drafts):
        if ids[n] is not None:
            continue
        for c in free.get((d.kind, d.file, d.path), []):
            score = difflib.SequenceMatcher(None, d.content(), card_content(c), autojunk=False).ratio()
            if score >= SIMILAR:
                pairs.append((score, n, c))
    reused = 0
    for _score, n, c in sorted(pairs, key=lambda p: -p[0]):
        if ids[n] is None and c.id not in taken:
            ids[n] = c.id
            taken.add(c.id)
            reused += 1
    # 3. the rest: their own id
    for n in range(len(drafts)):
        if ids[n] is None:
            ids[n] = _unique(wanted[n], taken)
    return IdResult([i or "card" for i in ids], reused, wanted)


def _unique(want: str, taken: set[str]) -> str:
    out, n = want, 1
    while out in taken:
        n += 1
        out = f"{want}-{n}"
    taken.add(out)
    return out
