"""Facts that change: load ``facts.yaml`` and find notes that state an outdated value.

A facts file lists the limits, quotas and prices that exam questions rely on, each with the claims
that used to be true. ``scan_text`` reads Markdown (or any text) line by line and returns a
:class:`LintWarning` for every line that states one of those old values as if it were current.

A claim has a ``pattern`` (a regular expression matched against one line, case-insensitive) and an
optional ``context`` (a regular expression that must match the line itself or what encloses it: the
file's name, the Markdown headings above it and the parent list items). That lets ``* 5TB max`` under a
heading ``### S3 objects`` be recognised without flagging every "5 TB" in the notes.

Lines that deliberately describe an old value as old ("outdated", "trap", "no longer", "used to",
"until 2020", ...) are never flagged, nor is any line in a section whose heading says so: our own
content mentions the traps on purpose.

Pure code: reads only the files it is handed, no clock, no terminal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from awsprep.bank.io import parse_yaml, read_text
from awsprep.errors import UsageError
from awsprep.notes.files import read_note_bytes
from awsprep.notes.needles import any_in, folded, gate, needles, search

FACTS_SCHEMA = 1

#: Words that mark a line as talking *about* an old value rather than stating it.
TRAP_RE = re.compile(
    r"\b(?:outdated|out[- ]of[- ]date|trap|traps|no longer|used to|older|previously|formerly|"
    r"legacy|obsolete|historically|anymore|wrong|incorrect|myths?|misconceptions?|"
    r"was raised|were raised|has been raised|have been raised|"
    r"raised (?:it |the \w+ )?from|increased from|up from|instead of|rather than|"
    r"(?:(?:until|before|prior to)\s+|pre-)(?:late |early |mid-?)?(?:\w+ )?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)

_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")  # (what _heading reads, sooner)
_HEADING_START = re.compile(r"\s{0,3}(#{1,6})\s+")
#: A bank file's list of answer options: wrong options state wrong values on purpose.
_DISTRACTORS_RE = re.compile(r"^(?:options|distractors|wrong_options)\s*:", re.IGNORECASE)
_FENCE_OPEN_RE = re.compile(r"^\s*(?:```(?!.*`)|~~~)")  # an info string never holds a backtick
_FENCE_CLOSE_RE = re.compile(r"^\s*(?:```+|~~~+)\s*$")
_MAX_LINE = 4000  # longer lines are scanned only up to this many characters

_FACT_FIELDS = {"key", "topic", "statement", "value", "unit", "source", "checked", "outdated", "context"}
_CLAIM_FIELDS = {"pattern", "says", "context"}


class FactsError(UsageError):
    """A facts file that cannot be read or does not validate (exit code 2)."""

    def __init__(self, file: str, line: int, message: str) -> None:
        self.file, self.line = file, line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}.")


@dataclass(frozen=True)
class OutdatedClaim:
    """One old value: how a note states it, and what we say about it."""

    pattern: re.Pattern[str]
    says: str
    context: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Fact:
    key: str
    topic: str
    statement: str
    value: str
    unit: str
    source: str
    checked: str
    outdated: tuple[OutdatedClaim, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class LintWarning:
    """A line of notes that states an outdated value."""

    file: str
    line: int
    key: str
    topic: str
    says: str
    text: str
    current: str
    value: str
    unit: str
    source: str

    def message(self) -> str:
        return f"{self.file}:{self.line}: {self.says}; current: {self.current} ({self.source})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "key": self.key,
            "topic": self.topic,
            "says": self.says,
            "text": self.text,
            "current": self.current,
            "value": self.value,
            "unit": self.unit,
            "source": self.source,
        }


# --- loading ------------------------------------------------------------------------------------


def load_facts(path: Path) -> list[Fact]:
    return parse_facts(read_text(path), str(path))


def parse_facts(text: str, file: str) -> list[Fact]:
    """Parse and validate the text of a facts file; every error names file and line."""
    data = parse_yaml(text, file)
    if not isinstance(data, dict):
        raise FactsError(file, 1, "must be a mapping with 'schema' and 'facts'")
    line = getattr(data, "line", 1)
    schema = data.get("schema", FACTS_SCHEMA)
    if schema != FACTS_SCHEMA:
        raise FactsError(file, line, f"schema is {schema!r} but this awsprep reads schema {FACTS_SCHEMA}")
    raw = data.get("facts")
    if not isinstance(raw, list) or not raw:
        raise FactsError(file, _key_line(data, "facts"), "'facts' must be a non-empty list")
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    for item in raw:
        fact = _fact(item, file, line)
        if fact.key in seen:
            raise FactsError(
                file, fact.line, f"fact {fact.key!r} is listed twice (first at line {seen[fact.key]})"
            )
        seen[fact.key] = fact.line
        facts.append(fact)
    return facts


def _key_line(raw: Any, name: str) -> int:
    lines: dict[str, int] = getattr(raw, "key_lines", {})
    return lines.get(name, getattr(raw, "line", 0))


def _text(raw: Any, name: str, file: str, where: str) -> str:
    value = raw.get(name)
    if value is None:
        raise FactsError(file, _key_line(raw, name), f"{where}field '{name}' is missing")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FactsError(file, _key_line(raw, name), f"{where}field '{name}' must be text")
    text = str(value).strip()
    if not text:
        raise FactsError(file, _key_line(raw, name), f"{where}field '{name}' is empty")
    return text


def _regex(raw: Any, name: str, file: str, where: str) -> re.Pattern[str]:
    source = _text(raw, name, file, where)
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise FactsError(
            file, _key_line(raw, name), f"{where}field '{name}' is not a valid regular expression ({exc})"
        ) from None


def _fact(raw: Any, file: str, parent_line: int) -> Fact:
    if not isinstance(raw, dict):
        raise FactsError(file, parent_line, "every fact must be a mapping")
    line = getattr(raw, "line", parent_line)
    unknown = sorted(set(raw) - _FACT_FIELDS)
    if unknown:
        raise FactsError(file, _key_line(raw, unknown[0]), f"unknown field '{unknown[0]}'")
    key = _text(raw, "key", file, "")
    if not _KEY_RE.match(key):
        raise FactsError(
            file, _key_line(raw, "key"), f"key {key!r} must be lower-case letters, digits and dashes"
        )
    where = f"fact {key!r}: "
    source = _text(raw, "source", file, where)
    if not source.startswith(("https://", "http://")):
        raise FactsError(file, _key_line(raw, "source"), f"{where}field 'source' must be a URL")
    checked = _text(raw, "checked", file, where)
    try:
        dt.date.fromisoformat(checked)
    except ValueError:
        raise FactsError(
            file, _key_line(raw, "checked"), f"{where}field 'checked' must be a date such as 2026-11-22"
        ) from None
    context = _regex(raw, "context", file, where) if raw.get("context") is not None else None
    claims_raw = raw.get("outdated", [])
    if claims_raw is None:
        claims_raw = []
    if not isinstance(claims_raw, list):
        raise FactsError(file, _key_line(raw, "outdated"), f"{where}field 'outdated' must be a list")
    claims = tuple(_claim(c, file, line, where, context) for c in claims_raw)
    return Fact(
        key=key,
        topic=_text(raw, "topic", file, where),
        statement=_text(raw, "statement", file, where),
        value=_text(raw, "value", file, where),
        unit=_text(raw, "unit", file, where),
        source=source,
        checked=checked,
        outdated=claims,
        line=line,
    )


def _claim(raw: Any, file: str, line: int, where: str, context: re.Pattern[str] | None) -> OutdatedClaim:
    if not isinstance(raw, dict):
        raise FactsError(
            file, line, f"{where}every 'outdated' entry must be a mapping with 'pattern' and 'says'"
        )
    unknown = sorted(set(raw) - _CLAIM_FIELDS)
    if unknown:
        raise FactsError(file, _key_line(raw, unknown[0]), f"{where}unknown field '{unknown[0]}'")
    pattern = _regex(raw, "pattern", file, where)
    says = _text(raw, "says", file, where)
    own = _regex(raw, "context", file, where) if raw.get("context") is not None else context
    return OutdatedClaim(pattern=pattern, says=says, context=own)


# --- scanning -----------------------------------------------------------------------------------


def normalise(line: str) -> str:
    """The line as matched: emphasis and highlight markup removed, spaces collapsed."""
    text = line[:_MAX_LINE].replace("**", "").replace("==", "").replace("`", "").replace("__", "")
    return " ".join(text.split())


def is_trap(text: str) -> bool:
    """Whether the text talks about an old value as old (and so must not be flagged)."""
    return search(TRAP_RE, text, folded(text)) is not None  # (its needles first: most lines hold none)


_FILE_WORDS = re.compile(r"[\W_]+")


_ANSWER_LINE = re.compile(r"^\s*(?:\*\*)?(?:A|Ans|Answer)(?:\*\*)?\s*[:.)]", re.IGNORECASE)


def scan_text(
    text: str, file: str, facts: Sequence[Fact], only: Collection[int] | None = None
) -> list[LintWarning]:
    """Every line of ``text`` that states an outdated value, at most one warning per fact and line;
    with ``only``, just those lines (by number) are matched, read in their context as ever."""
    prepared = _prepared(facts)
    claims, any_needle = prepared.claims, prepared.any_needle
    lines = text.splitlines()
    wanted = None if only is None else _candidates(lines, only, any_needle)
    if not claims or wanted == {}:
        return []  # (no line asked for can be matched: the walk below would warn of none)
    last = max(wanted) if wanted is not None else len(lines)  # (no line after it is matched)
    warnings: list[LintWarning] = []
    headings: list[tuple[int, str, bool]] = []  # (level, text, is_trap) of the enclosing headings
    parents: list[tuple[int, str]] = []  # (indent, raw text) of the lines enclosing this one
    question = ""  # the line above when it asks ("#Q How fast does Lambda scale for SQS?")
    in_fence, fence_indent = False, 0
    under_trap = False  # whether a heading above talks of an old value as old
    # the file's name encloses every line too: "24-SQS.md", "sqs_notes.md" (a page without a heading)
    named = [_FILE_WORDS.sub(" ", Path(file).stem).strip()] if file else []
    seen: dict[str, str] = {}  # normalise() of the lines enclosing the lines matched
    for number, raw in enumerate(lines, start=1):
        if number > last:
            break
        if in_fence:
            # A fence closes on a bare fence line, or (as in a list item) on a less indented line.
            if _FENCE_CLOSE_RE.match(raw):
                in_fence = False
                continue
            if not raw.strip() or _indent(raw) >= fence_indent:
                continue
            in_fence = False
        if ("``" in raw or "~~" in raw) and _FENCE_OPEN_RE.match(raw):  # (a fence holds ``` or ~~~)
            in_fence, fence_indent = True, _indent(raw)
            continue
        if not raw.strip():
            continue
        heading = _heading(raw) if "#" in raw[:4] else None  # (its "#" is among the first four)
        if heading:
            level, title = heading[0], normalise(heading[1])
            headings = [h for h in headings if h[0] < level] + [(level, title, is_trap(title))]
            under_trap = any(trap for _, _, trap in headings)  # (asked once per heading, not per line)
            parents = []
            continue
        indent = len(raw) - len(raw.lstrip(" \t"))  # (_indent, without a call for each line)
        while parents and parents[-1][0] >= indent:  # (their indents only grow)
            parents.pop()
        asked = question  # the question a line "Answer: ..." answers is its context too
        question = raw if raw.rstrip().endswith("?") else ""
        if asked and not _ANSWER_LINE.match(raw):
            asked = ""
        parents.append((indent, raw))  # (normalised only when a line under it is matched)
        if wanted is not None:
            if under_trap or number not in wanted:
                continue
            line = wanted[number]  # (holds a needle, or cannot be tested)
        else:
            if under_trap:
                continue
            line = normalise(raw)
            lowered = folded(line)
            if any_needle is not None and lowered is not None and not any_needle(lowered):
                continue  # no claim's pattern can match a line without one of their needles
        if is_trap(line):
            continue
        around = [_normalised(t, seen) for _, t in parents]  # (the lines above, asked again for each)
        if any(_DISTRACTORS_RE.match(t) for t in around):
            continue
        context_text = " / ".join(
            [*named, *(h for _, h, _ in headings), *around, *([asked] if asked else [])]
        )
        for fact_obj, claim in _matching_facts(line, context_text, claims, prepared.words):
            warnings.append(
                LintWarning(
                    file=file,
                    line=number,
                    key=fact_obj.key,
                    topic=fact_obj.topic,
                    says=claim.says,
                    text=line,
                    current=fact_obj.statement,
                    value=fact_obj.value,
                    unit=fact_obj.unit,
                    source=fact_obj.source,
                )
            )
    return warnings


def _normalised(raw: str, seen: dict[str, str]) -> str:
    found = seen.get(raw)
    if found is None:
        found = seen[raw] = normalise(raw)
    return found


def _heading(raw: str) -> tuple[int, str] | None:
    """The level and title that ``_HEADING_RE.match(raw)`` reads in a line (no line break in it),
    or None: its lazy title is the line after the marks and spaces up to the longest end of spaces,
    "#"s and spaces, which the regex found by trying every length of the title (a long heading's
    every character)."""
    m = _HEADING_START.match(raw)
    if m is None:
        return None
    return len(m.group(1)), raw[m.end() :].rstrip().rstrip("#").rstrip()


def _indent(raw: str) -> int:
    """Columns of leading whitespace: what encloses a line is the less indented lines above it."""
    return len(raw) - len(raw.lstrip(" \t"))


def _candidates(
    lines: list[str], only: Collection[int], any_needle: Callable[[str], bool] | None
) -> dict[int, str]:
    """The lines numbered ``only`` that may be matched, normalised (as the walk reads them), by
    number: those that hold a needle of the claims, or whose needles cannot be tested."""
    out = {}
    for number in only:
        if 1 <= number <= len(lines):
            line = normalise(lines[number - 1])
            lowered = folded(line) if any_needle is not None else None
            if lowered is None or any_needle is None or any_needle(lowered):
                out[number] = line
    return out


# The claims of the last facts scanned, each with its pattern's needles (needles.needles); one test
# for all their needles (None when a claim has none); every needle: made once, not per file.
_Claims = list[tuple[Fact, OutdatedClaim, frozenset[str] | None]]


@dataclass(frozen=True)
class _Prepared:
    facts: tuple[Fact, ...]
    claims: _Claims
    any_needle: Callable[[str], bool] | None  # whether a lowered line holds one of ``words``
    words: tuple[str, ...]


_PREPARED: list[_Prepared] = []


def _prepared(facts: Sequence[Fact]) -> _Prepared:
    if _PREPARED:
        known = _PREPARED[0]
        if len(known.facts) == len(facts) and all(a is b for a, b in zip(known.facts, facts, strict=True)):
            return known
    gates = [(fact, claim, gate(claim.pattern)) for fact in facts for claim in fact.outdated]
    claims: _Claims = []
    for fact, claim, g in gates:
        words = needles(claim.pattern) if g is not None else None  # (the words of its gate)
        claims.append((fact, claim, frozenset(words) if words is not None else None))
    every = tuple(sorted({w for _, _, ws in claims if ws for w in ws}))
    whole = bool(gates) and all(g is not None for _, _, g in gates)  # (else a line cannot be turned away)
    _PREPARED[:] = [_Prepared(tuple(facts), claims, any_in(every) if whole else None, every)]
    return _PREPARED[0]


def _matching_facts(
    line: str, context_text: str, claims: _Claims, every: tuple[str, ...]
) -> list[tuple[Fact, OutdatedClaim]]:
    """The claims (with their patterns' needles, ``needles.needles``; ``every``: all of them) that
    ``line`` matches."""
    found: list[tuple[Fact, OutdatedClaim]] = []
    seen: set[str] = set()
    lowered = folded(line)  # (None when the needles cannot be tested on it: the regex decides)
    # the needles in the line, each looked for once (a claim's gate finds one of its words in it)
    present = None if lowered is None else set(filter(lowered.__contains__, every))
    for fact, claim, words in claims:
        if fact.key in seen:
            continue
        if words is not None and present is not None and words.isdisjoint(present):
            continue  # none of the words the pattern cannot match without: cheaper than the pattern
        if not claim.pattern.search(line):
            continue
        if claim.context is not None and not claim.context.search(context_text):
            continue
        seen.add(fact.key)
        found.append((fact, claim))
    return found


# --- files --------------------------------------------------------------------------------------

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".yaml", ".yml")


def iter_note_files(paths: Iterable[Path], skip: Iterable[Path] = ()) -> list[Path]:
    """The files to lint: files given by name, and text files found under folders, sorted.

    Raises UsageError for a path that does not exist.
    """
    skipped = {p.resolve() for p in skip}
    out: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path} does not exist.")
        if path.is_file():
            found = [path]
        else:
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        out.extend(p for p in found if p.resolve() not in skipped)
    return out


def lint_files(
    paths: Iterable[Path], facts: Sequence[Fact], skip: Iterable[Path] = (), skipped: list[str] | None = None
) -> list[LintWarning]:
    """The warnings of every file; files too big or not text are left out and named in `skipped`."""
    warnings: list[LintWarning] = []
    for path in iter_note_files(paths, skip):
        try:
            text, why = read_note_bytes(path.read_bytes())
        except OSError as exc:
            text, why = None, f"cannot be read ({exc.strerror or exc})"
        if text is None:
            if skipped is not None:
                skipped.append(f"{path}: {why}, so it was skipped.")
            continue
        warnings.extend(scan_text(text, str(path), facts))
    return warnings
