"""A card made ready to ask: prompt, options in the order shown, the expected answer, what the answer shows.

`ask` is the only place a card becomes a question: options shuffled (exam) or kept (review), numeric
templates turned into a fresh problem by the calculators. The same `Question` is shown by the review
faces, stored with an exam attempt (`to_json` / `from_json`) and checked by `question.answers`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from awsprep.bank.models import BasicCard, Card, ClozeCard, McqCard, NumericCard

CHOOSE_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}
_SAYS_CHOOSE = re.compile(r"\(\s*(?:choose|select|pick)\s+(?:two|three|four|five|\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Question:
    """A card as a question to answer, in review or in a mock exam."""

    card_id: str
    kind: str  # "self" (basic/cloze: the learner grades) | "mcq" | "numeric"
    prompt: str
    card_type: str = ""
    deck: str = ""
    domain: str | None = None
    context: str = ""  # heading path, or the topic
    answer_text: str = ""  # self-graded: the back / the revealed cloze
    answer_spans: tuple[tuple[int, int], ...] = ()  # cloze: where the hidden words stand in answer_text
    options: tuple[str, ...] = ()  # mcq: in the order shown
    correct: tuple[int, ...] = ()  # mcq: indices into `options` as shown
    explanation: str = ""
    number: float | None = None  # numeric: the expected answer
    tolerance: float = 0.0  # numeric: absolute
    unit: str = ""
    steps: tuple[str, ...] = ()
    source: str = ""
    refs: tuple[str, ...] = ()

    @property
    def self_graded(self) -> bool:
        return self.kind == "self"

    @property
    def choose(self) -> int:
        """How many options make the answer (1 for single-response and non-mcq questions)."""
        return max(1, len(self.correct))

    def choose_hint(self) -> str:
        """'(Choose two.)' for a multiple-response question, unless its text already says so."""
        n = self.choose
        if n < 2 or _SAYS_CHOOSE.search(self.prompt):
            return ""
        return f"(Choose {CHOOSE_WORDS.get(n, str(n))}.)"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "prompt": self.prompt,
            "card_type": self.card_type,
            "deck": self.deck,
            "options": list(self.options),
            "correct": list(self.correct),
            "number": self.number,
            "tolerance": self.tolerance,
            "unit": self.unit,
            "explanation": self.explanation,
            "steps": list(self.steps),
            "source": self.source,
            "refs": list(self.refs),
            "context": self.context,
            "answer_text": self.answer_text,
            "answer_spans": [list(span) for span in self.answer_spans],
        }

    @classmethod
    def from_json(cls, card_id: str, domain: str | None, data: dict[str, Any]) -> Question:
        return cls(
            card_id=card_id,
            domain=domain,
            kind=data["kind"],
            prompt=data["prompt"],
            card_type=data.get("card_type", data["kind"]),
            deck=data.get("deck", ""),
            options=tuple(data.get("options", ())),
            correct=tuple(data.get("correct", ())),
            number=data.get("number"),
            tolerance=data.get("tolerance", 0.0),
            unit=data.get("unit", ""),
            explanation=data.get("explanation", ""),
            steps=tuple(data.get("steps", ())),
            source=data.get("source", ""),
            refs=tuple(data.get("refs", ())),
            context=data.get("context", ""),
            answer_text=data.get("answer_text", ""),
            answer_spans=tuple((int(a), int(b)) for a, b in data.get("answer_spans", ())),
        )


def ask(card: Card, rng: random.Random, shuffle: bool = False) -> Question:
    """Prepare a card to be asked. Numeric templates get fresh numbers from the calculators; with
    `shuffle`, mcq options are put in a random order (the correct indices follow them)."""
    common: dict[str, Any] = {
        "card_id": card.id,
        "card_type": card.type,
        "deck": card.deck,
        "domain": card.domain,
        "context": " > ".join(card.context) or card.topic,
        "source": str(card.source) if card.source else "",
        "refs": card.refs,
    }
    if isinstance(card, BasicCard):
        return Question(kind="self", prompt=card.front, answer_text=card.back, **common)
    if isinstance(card, ClozeCard):
        return Question(
            kind="self",
            prompt=card.prompt(),
            answer_text=card.revealed(),
            answer_spans=card.revealed_spans(),
            **common,
        )
    if isinstance(card, McqCard):
        order = list(range(len(card.options)))
        if shuffle:
            rng.shuffle(order)
        return Question(
            kind="mcq",
            prompt=card.question,
            options=tuple(card.options[i] for i in order),
            correct=tuple(sorted(order.index(i) for i in card.correct)),
            explanation=card.explanation,
            **common,
        )
    return _numeric(card, rng, common)


def _numeric(card: NumericCard, rng: random.Random, common: dict[str, Any]) -> Question:
    """A fixed numeric card as it is, or a template's fresh problem from the calculators."""
    prompt, number, tolerance, steps = card.question, card.answer, card.tolerance, card.steps
    unit = card.unit
    if card.generator is not None:
        from awsprep.calc.generators import generate

        p = generate(card.generator, dict(card.params), rng)
        prompt, number, tolerance, unit, steps = p.question, p.answer, p.tolerance, p.unit, tuple(p.steps)
    return Question(
        kind="numeric", prompt=prompt, number=number, tolerance=tolerance, unit=unit, steps=steps, **common
    )
