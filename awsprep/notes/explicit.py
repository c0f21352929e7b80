"""Explicit card markup: `q :: a`, `a ::: b`, `front / ? / back`, `==cloze==`, multiple choice."""

from __future__ import annotations

import re
from dataclasses import dataclass

from awsprep.notes.blocks import strip_symbols
from awsprep.notes.inline import is_link_or_image_only, norm, plain

QA = re.compile(r"^(?P<q>.+?)\s+(?P<sep>:::?)\s+(?P<a>.+)$", re.DOTALL)
MARK = re.compile(r"==(?=\S)(.+?)(?<=\S)==")
BRACES = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
OPTION = re.compile(r"^\s*\(?([A-Ha-h])[.)]\s+(.+)$")
CORRECT = re.compile(
    r"(?:correct\s+(?:answers?|options?|choices?)|answers?|ans|"
    # the same key in Portuguese, Spanish and Italian notes: "**Resposta:** B)", "Respuesta correcta: C"
    r"respostas?(?:\s+corretas?)?|respuestas?(?:\s+correctas?)?|rispost[ae](?:\s+corrett[ae])?|gabarito)"
    r"\s*(?:is|are)?\s*[:\-]?\s*"
    r"(?:options?\s+)?\(?\s*([A-H](?:\s*\)?(?:\s*(?:,|and|&|/)\s*|\s+(?-i:e|y|et|und)\s+)\(?[A-H])*"
    r"|[A-H]{2,8})\b",
    re.IGNORECASE,
)
# "and" between two letters of a key in the other languages of the notes: "A e C" (Portuguese, Italian),
# "B y D" (Spanish), "A et C" (French), "A und C" (German); lower case, so a letter E is never one
_OTHER_AND = re.compile(r"(?<=[A-Ha-h])\s+(?:e|y|et|und)\s+(?=[A-Ha-h]\b)")
# "Correct: D", "Correct: B, E": the key under the word alone, its letters in capitals ("Correct: a
# service ..." is a sentence, not a key)
_CORRECT_BARE = re.compile(
    r"\bcorrect\s*:\s*((?-i:[A-H])(?:\s*(?:,|&|/|\band\b)\s*(?-i:[A-H]))*)(?![\w])", re.IGNORECASE
)
# "Answer: Amazon S3" names the option instead of its letter
ANSWER_TEXT = re.compile(r"(?:correct\s+answers?|answers?|ans)\s*(?:is|are)?\s*[:\-]\s*(.+)", re.IGNORECASE)
# a line that starts with the key: "Answer: B", "ANS: C, Multi-AZ"
ANSWER_LEAD = re.compile(r"^\W*(?:correct\s+answers?|answers?|ans)\s*(?:is|are)?\s*[:\-][^.]*\.?", re.I)
_BARE_LETTERS = re.compile(r"^\W*([A-H](?:\s*(?:,|and|&|/)\s*[A-H])*)(?=\s*(?:[.)—:–-]|$))")
# "**Option C:** Create an SNS topic ...": an answer that starts by naming its option
_OPTION_LEAD = re.compile(
    r"^\W*(?:the\s+)?(?:correct\s+)?(?:option|choice)s?\s+([A-H](?:\s*(?:,|and|&|/)\s*[A-H])*)\b",
    re.IGNORECASE,
)
# a line that is only letters ("B", "A, C"), e.g. above a "Reveal Solution" link
_LETTER_LINE = re.compile(r"^\W*([A-H](?:\s*(?:,|and|&|/)\s*[A-H])*)\W*$")
_SUMMARY = re.compile(r"<summary\b[^>]*>.*?</summary>", re.IGNORECASE | re.DOTALL)
# "Explanation:" in the languages of the notes we have met (Spanish, Portuguese, Italian, German,
# Indonesian, Vietnamese)
_EXPL = re.compile(
    r"^\s*(?:explanation|why|explicaci[oó]n|explica[cç][aã]o|spiegazione|erkl[aä]rung|penjelasan|"
    r"gi[aả]i th[ií]ch)\s*[:\-]\s*",
    re.IGNORECASE,
)


@dataclass
class QaCard:
    front: str
    back: str
    reversed: bool


def qa(raw: str) -> QaCard | None:
    m = QA.match(raw.strip()) if "::" in raw else None  # (the separator is :: or :::)
    if not m:
        return None
    q, _ = plain(m.group("q"))
    a, _ = plain(m.group("a"))
    if not q or not a:
        return None
    return QaCard(q, a, m.group("sep") == ":::")


def cloze(raw: str) -> str | None:
    """Text with ==marks== or {{braces}} turned into a valid cloze text, or None."""
    if ("==" not in raw or not MARK.search(raw)) and ("{{" not in raw or not BRACES.search(raw)):
        return None
    text, _ = plain(MARK.sub(lambda m: "{{" + m.group(1) + "}}", raw))
    found = False
    for m in BRACES.finditer(text):
        hidden = m.group(1)
        if not hidden.strip() or "{" in hidden or "}" in hidden:
            return None
        found = True
    outside = BRACES.sub("", text)
    if not found or "{" in outside or "}" in outside or not outside.strip():
        return None
    return text


def split_multiline(raw: str) -> tuple[str, str] | None:
    """'front\\n?\\nback' inside one paragraph."""
    lines = raw.split("\n")
    for i, line in enumerate(lines):
        if line.strip() == "?" and 0 < i < len(lines) - 1:
            return "\n".join(lines[:i]).strip(), "\n".join(lines[i + 1 :]).strip()
    return None


# "Q: ...", "**Question 3:** ...", and "#Q ..." (a flashcard plugin's tag for a question)
_Q_LINE = re.compile(
    r"^\s*(?:(?:\*\*)?(?:Q|Question)\s*\d*(?:\*\*)?\s*[:.)]|#Q\b)(?:\*\*)?\s+(?P<q>\S.*)$", re.IGNORECASE
)
_OPTION_A = re.compile(r"^\s*(?:\*\*)?A\s*[.)]")
_OPTION_B = re.compile(r"^\s*(?:\*\*)?\(?B\s*[.)]\s")
_A_LINE = re.compile(r"^\s*(?:\*\*)?(?:A|Ans|Answer)(?:\*\*)?\s*[:.)](?:\*\*)?\s+(?P<a>\S.*)$", re.IGNORECASE)


def q_and_a_pairs(para: str) -> list[tuple[str, str, int]] | None:
    """A paragraph of several ``Q:`` lines each with its ``A:`` answer under it ("#Q How fast ...?" /
    "Answer: ..." / "#Q ..."): (question, answer, line offset) for each question answered under it (a
    line "See:" under a question leaves it unanswered: no card for it); None for a paragraph that does
    not start with a question or holds only one."""
    lines = para.split("\n")
    starts = [n for n, x in enumerate(lines) if _Q_LINE.match(x)]
    if len(starts) < 2 or starts[0] != 0:
        return None
    out = []
    for a, b in zip(starts, [*starts[1:], len(lines)], strict=True):
        qa = q_and_a("\n".join(lines[a:b]))
        if qa is not None:
            out.append((qa[0], qa[1], a))
    return out or None


def q_and_a(para: str, next_para: str = "") -> tuple[str, str, bool] | None:
    """A ``Q: ...`` line and its ``A: ...`` answer (the answer may run on over several lines, or stand
    in the next paragraph): (question, answer, whether the next paragraph was used)."""
    lines = [x for x in para.split("\n") if x.strip()]
    q = _Q_LINE.match(lines[0]) if lines else None
    if q is None:
        return None
    rest = lines[1:]
    used_next = False
    if not rest and next_para:
        rest, used_next = [x for x in next_para.split("\n") if x.strip()], True
    a = _A_LINE.match(rest[0]) if rest else None
    if a is None:
        return None
    if _OPTION_A.match(rest[0]) and any(_OPTION_B.match(x) for x in rest[1:]):
        return None  # "Q: ...?" over "A. ..." "B. ...": a question's options, not its answer
    answer = " ".join([a.group("a"), *(x.strip() for x in rest[1:])])
    return q.group("q").strip(), answer, used_next


def letters_in(said: str) -> list[str]:
    """The option letters of a key as written ("C and D", "a, c", "BE", "A e C"); the letters of "and" are
    none."""
    said = _OTHER_AND.sub(",", said) if " " in said else said
    return re.findall(r"[A-H]", re.sub(r"\band\b", " ", said, flags=re.IGNORECASE).upper())


def correct_letters(text: str) -> list[str]:
    """The letters of ``Correct answer: B, E`` / ``**Answer:** AC`` / ``Answer: a and d`` /
    ``**Correct:** D``."""
    shown = re.sub(r"[*_]", "", _SUMMARY.sub(" ", text))
    m = CORRECT.search(shown) or _CORRECT_BARE.search(shown)
    if not m:
        return []
    return letters_in(m.group(1))


def correct_options(text: str, options: list[str] | tuple[str, ...]) -> tuple[int, ...]:
    """The indexes of the right options: by letter, else by the option's own words after "Answer:"."""
    n = len(options)
    picked = {ord(x) - ord("A") for x in correct_letters(text)}
    shown = plain(_SUMMARY.sub(" ", text))[0]
    first = next((ln for ln in _SUMMARY.sub(" ", text).split("\n") if ln.strip()), "")
    if not picked:  # the right options written out, one a line: "**A. Amazon SQS**" / "**D. AWS Lambda**"
        picked = written_options(text, options)
    bare = None
    if not picked:
        bare = _BARE_LETTERS.match(shown) or _OPTION_LEAD.match(shown) or _LETTER_LINE.match(first)
    if bare:  # a hidden answer that starts with its letters: "A, C — both run without servers"
        picked = {ord(x) - ord("A") for x in letters_in(bare.group(1))}
    if not picked:
        m = ANSWER_TEXT.search(plain(_SUMMARY.sub(" ", text))[0])
        said = re.split(r"[.;]\s|\s[-–—]\s", m.group(1))[0].strip(" .").lower() if m else ""
        picked = {k for k, o in enumerate(options) if said and o.strip(" .").lower() == said}
    return tuple(sorted(k for k in picked if k < n))


def option_written(line: str, options: list[str] | tuple[str, ...]) -> int | None:
    """The index of the option that ``line`` repeats whole with its letter ("**B. Latency**"), or None."""
    m = OPTION.match(plain(line)[0])
    if m is None:
        return None
    k = ord(m.group(1).upper()) - ord("A")
    return k if k < len(options) and norm(m.group(2)) == norm(options[k]) else None


def written_options(text: str, options: list[str] | tuple[str, ...]) -> set[int]:
    """The options that lines of ``text`` repeat whole with their letter ("B. Latency")."""
    return {k for ln in text.split("\n") if (k := option_written(ln, options)) is not None}


_RESTATED = re.compile(r"\s*\)\s+\S")


def explanation(text: str) -> str:
    """Explanation text without a leading 'Correct answer: B' / 'Explanation:', a line of bare answer
    letters or a line of links ("Reveal Solution", "Discussion")."""
    kept = [ln for ln in text.split("\n") if not _LETTER_LINE.match(ln) and not is_link_or_image_only(ln)]
    for n, ln in enumerate(kept):
        shown = re.sub(r"[*_]", "", ln)
        m = CORRECT.search(shown) if ")" in shown else None
        if m and _RESTATED.match(shown, m.end()) and shown[m.start(1) - 1 : m.start(1)] != "(":
            kept[n] = shown[: m.end()]  # "Answer: B) UpdateItem with ADD": the option said again
    text, _ = plain(_SUMMARY.sub(" ", "\n".join(kept)))
    m = CORRECT.search(text)
    # "Answer: Amazon S3. Because ...": without a letter, the answer's own words are no explanation
    if m:  # ("Answer: (B) because ...": the bracket closing the letter goes with it)
        rest = text[m.end() :]
        text = text[: m.start()] + (rest.lstrip()[1:] if rest.lstrip().startswith(")") else rest)
    else:
        text = _BARE_LETTERS.sub("", ANSWER_LEAD.sub("", text))
    # (the marks typed around the key line, "✅ Answer: B" / "💬 Because ...", are decoration)
    text = strip_symbols(text.strip(" .:-—–")) if not text.isascii() else text.strip(" .:-—–")
    return _EXPL.sub("", text).strip()


def details_answer(text: str) -> str:
    """The answer in a ``<details>`` block under a question: its text without the summary line."""
    text, _ = plain(_SUMMARY.sub(" ", text))
    return re.sub(r"^(?:answer|solution|show)\s*[:\-]?\s*", "", text, flags=re.IGNORECASE).strip()
