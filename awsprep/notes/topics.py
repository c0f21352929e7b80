"""Topic -> exam-domain table (content/domains.yaml) and finding a card's topic from its headings."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from awsprep.errors import UsageError
from awsprep.notes.inline import norm
from awsprep.notes.needles import lowered

_GENERIC = re.compile(
    r"\b(general|exam|tips?|tipes|and comparisons|comparisons|summary|key facts|notes?|intro(?:duction)?|"
    r"overview|deep dive|lab|to|of|what is|basics|"
    # emphasis, not a subject: "Very important exam topic!", "MUST KNOW", "Key points"
    r"very|really|super|important|must[- ]knows?|key points?|remember|topics?|heads[- ]up|attention|"
    r"crucial|critical|don'?t forget|do not forget)\b",
    re.IGNORECASE,
)
# a course's or video's title names where the notes came from, not what a card is about
_SOURCE_TITLE = re.compile(
    r"\b(walk-?through|course|video|lecture|udemy|youtube|follow[- ]along)\b", re.IGNORECASE
)
# a diary's heading says when, not what: "Day 8 - March 15", "Week 3", "2024-03-15", "15 March"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})",
    re.IGNORECASE,
)
# a part of the notes themselves: "Day 8", "Week 3", "Batch 1", "Part II", "Module 2.1"
PART_NAME = re.compile(
    r"(?:batch|part|chapter|module|day|week|session|section|lesson|class|lecture|unit|set|quiz|"
    r"practice (?:test|exam)|mock (?:test|exam))\s*#?\s*(?:\d+(?:\.\d+)*|[ivx]+)",
    re.IGNORECASE,
)


def is_diary(heading: str) -> bool:
    """A heading that only dates or numbers the notes under it (a study diary's "Day 8 - March 15")."""
    if heading.isascii():
        # (in lower case, by the lowered patterns: a date is cut where it was, and the rest is the
        # same, lowered; whether anything is cut, whether anything is left, and the test of what is
        # left do not change)
        heading = heading.lower()
        date, part = _DATE_LOW, _PART_NAME_LOW
    else:
        date, part = _DATE, PART_NAME
    # (every branch of _DATE holds a digit: a heading without one is left as it is)
    rest = (date.sub(" ", heading) if _DIGIT.search(heading) else heading).strip(" -–—:,|()")
    dated = rest != heading.strip(" -–—:,|()")
    return (dated and not rest) or bool(part.fullmatch(rest))


_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TIPS = re.compile(r"\bexam\s*ti\w*|\bexam\s+hints?\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# the patterns that ignore case, for an ASCII text's lower case (needles.lowered: the same matches, sooner)
_GENERIC_LOW = lowered(_GENERIC)
_SOURCE_TITLE_LOW = lowered(_SOURCE_TITLE)
_TIPS_LOW = lowered(TIPS)
_DATE_LOW = lowered(_DATE)
_PART_NAME_LOW = lowered(PART_NAME)


@dataclass
class TopicTable:
    """Canonical topic names, their aliases (normal form) and their exam domain."""

    domains: dict[str, str] = field(default_factory=dict)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (normal form, topic), longest first
    blueprint: str = ""  # the exam whose domain keys `domains` holds (e.g. DVA-C02)
    _found: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)  # find's answers
    # find's index of the aliases by their first word, made again when the list is another one or grew
    _index: tuple[int, int, dict[str, list[int]]] = field(default=(0, -1, {}), repr=False, compare=False)

    def without_domains(self) -> TopicTable:
        """The same topics, no exam domains: for a deck of another exam than the table's."""
        return TopicTable({}, self.aliases, self.blueprint)

    @classmethod
    def from_data(cls, data: Any, file: str = "domains.yaml") -> TopicTable:
        table = cls()
        topics = data.get("topics") if isinstance(data, dict) else None
        if isinstance(data, dict) and isinstance(data.get("blueprint"), str):
            table.blueprint = data["blueprint"]
        if not isinstance(topics, dict):
            raise UsageError(f"{file}: expected a mapping 'topics' of topic name to domain.")
        for name, spec in topics.items():
            if isinstance(spec, str):
                spec = {"domain": spec}
            if not isinstance(spec, dict) or not isinstance(spec.get("domain"), str):
                raise UsageError(f"{file}: topic {name!r} needs a 'domain'.")
            table.domains[str(name)] = spec["domain"]
            for alias in [str(name), *[str(a) for a in spec.get("aliases", [])]]:
                if norm(alias):
                    table.aliases.append((norm(alias), str(name)))
        table.aliases.sort(key=lambda a: -len(a[0]))
        return table

    @classmethod
    def load(cls, path: Path) -> TopicTable:
        try:
            # (libyaml's loader when there is one: the same data, a tenth of the time of PyYAML's own)
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise UsageError(f"{path}: cannot read the topic table ({exc.__class__.__name__}).") from None
        return cls.from_data(data, str(path))

    def find(self, text: str) -> str | None:
        """The topic whose name or alias (the longest first) the text says, as whole words."""
        if text in self._found:
            return self._found[text]
        words = norm(text)
        padded = f" {words} "
        # an alias is said when its words stand in the text's words: the first of them among them too
        index = self._by_first_word()
        maybe = sorted({n for w in words.split() for n in index.get(w, ())})
        found = next((self.aliases[n][1] for n in maybe if f" {self.aliases[n][0]} " in padded), None)
        self._found[text] = found
        return found

    def _by_first_word(self) -> dict[str, list[int]]:
        ident, size, index = self._index
        if ident != id(self.aliases) or size != len(self.aliases):
            index = {}
            for n, (alias, _) in enumerate(self.aliases):
                index.setdefault(alias.split(" ", 1)[0], []).append(n)
            self._index = (id(self.aliases), len(self.aliases), index)
        return index

    def topic(self, path: tuple[str, ...], fallback: str) -> str:
        for heading in reversed(path):
            found = self.find(heading)
            if found:
                return found
        return next((h for h in path if h.strip()), fallback) or "notes"

    def domain(self, topic: str) -> str | None:
        return self.domains.get(topic)


def is_tips(path: tuple[str, ...]) -> bool:
    return any(map(says_tips, path))


def says_tips(heading: str) -> bool:
    """``TIPS.search(heading)``; both its branches start with "exam": an ASCII heading without it in
    lower case is passed over (the pattern, starting with a word boundary, is tried at every letter)."""
    if heading.isascii():
        low = heading.lower()
        return "exam" in low and _TIPS_LOW.search(low) is not None
    return TIPS.search(heading) is not None


def context(path: tuple[str, ...]) -> str:
    """The innermost heading that says what a card is about ('Exam tips' headings say nothing)."""
    for heading in reversed(path):
        if _says_what(heading):
            return heading
    return ""


# (cached: a heading is asked again for each path under it, by each file's cards and again for their
# ids, and its three patterns take some 40 us)
@functools.lru_cache(maxsize=8192)
def _says_what(heading: str) -> bool:
    """The heading says what the cards under it are about."""
    # (an ASCII heading is read in lower case by the lowered patterns: the same words are left, lowered,
    # and only whether any are is asked)
    text, generic, source = (
        (heading.lower(), _GENERIC_LOW, _SOURCE_TITLE_LOW)
        if heading.isascii()
        else (heading, _GENERIC, _SOURCE_TITLE)
    )
    return bool(
        generic.sub(" ", text).strip(" -:&/.,()!*⚠️🔥❗") and not source.search(text) and not is_diary(heading)
    )


def forget_contexts() -> None:
    """Empty the cache of headings' verdicts (an import starts afresh: its headings are its own)."""
    _says_what.cache_clear()
