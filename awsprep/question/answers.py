"""Reading and checking an answer to a Question: the one answer check of review and exam.

An mcq answer is the sorted tuple of option indices chosen; a numeric answer is a float; None is no
answer. A multiple-response question ("choose two") is right only with every correct option and no
wrong one. A typed answer with the wrong number of options is not graded at all: the learner is asked
again for exactly N.
"""

from __future__ import annotations

import re

from awsprep.calc.tolerance import within_tolerance
from awsprep.question.model import CHOOSE_WORDS, Question

Answer = tuple[int, ...] | float | None


def letter(index: int) -> str:
    return chr(ord("A") + index)


def letters(indices: tuple[int, ...]) -> str:
    return ", ".join(letter(i) for i in indices)


def parse_choices(text: str, n_options: int) -> tuple[int, ...] | None:
    """'b', 'B,D', 'bd', '2 4' -> sorted 0-based indices; None if any part is not an option."""
    cleaned = text.strip().upper().replace(",", " ")
    if not cleaned:
        return None
    chars: list[str] = []
    for part in cleaned.split():
        if part.isdigit():
            chars.append(letter(int(part) - 1) if 1 <= int(part) <= 26 else "?")
        else:
            chars.extend(part)
    picked: set[int] = set()
    for char in chars:
        idx = ord(char) - ord("A")
        if not 0 <= idx < n_options:
            return None
        picked.add(idx)
    return tuple(sorted(picked))


_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def parse_number(text: str) -> float | None:
    """The number in an answer such as '80', '80 RCU', '$1,234.50', '0.5 USD'; None if there is none."""
    match = _NUMBER.search(text.replace(",", "").replace("$", ""))
    return float(match.group(0)) if match else None


def count_words(n: int) -> str:
    return f"{CHOOSE_WORDS.get(n, str(n))} options" if n > 1 else "one option"


def read_answer(question: Question, text: str) -> tuple[Answer, str]:
    """A typed answer: (the answer, what was understood) or (None, how to answer instead)."""
    if question.kind == "mcq":
        n = len(question.options)
        picked = parse_choices(text, n)
        if picked is None:
            return None, f"answer with option letters A-{letter(n - 1)}, e.g. B or B,D"
        if len(picked) != question.choose:
            return None, f"choose exactly {count_words(question.choose)}, not {len(picked)}"
        return picked, letters(picked)
    value = parse_number(text)
    if value is None or question.number is None:
        return None, "answer with a number, e.g. 42 or 0.85"
    return value, f"{value:g}"


def is_correct(question: Question, answer: Answer) -> bool:
    if question.kind == "mcq":
        return isinstance(answer, tuple) and bool(answer) and set(answer) == set(question.correct)
    if not isinstance(answer, float) or question.number is None:
        return False
    return within_tolerance(answer, question.number, question.tolerance)


def with_unit(value: float, unit: str) -> str:
    """'80 RCU'; a unit already written with the number is not repeated."""
    return f"{value:g} {unit}".strip()


def describe_answer(question: Question, answer: Answer) -> str:
    """'B, D' for options, '80 RCU' for a number, 'no answer' for none."""
    if answer is None or answer == ():
        return "no answer"
    if isinstance(answer, tuple):
        return letters(answer)
    return with_unit(answer, question.unit)


def expected_answer(question: Question) -> str:
    if question.kind == "mcq":
        return letters(question.correct)
    return with_unit(question.number, question.unit) if question.number is not None else "?"


def answer_to_json(answer: Answer) -> object:
    return list(answer) if isinstance(answer, tuple) else answer


def answer_from_json(raw: object) -> Answer:
    if raw is None:
        return None
    if isinstance(raw, list):
        return tuple(int(i) for i in raw)
    if isinstance(raw, int | float | str):
        return float(raw)
    raise ValueError(f"not an answer: {raw!r}")
