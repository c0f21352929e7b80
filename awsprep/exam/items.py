"""One exam question as shown (options already shuffled, numbers already generated) and its answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Answer = tuple[int, ...] | float | None


@dataclass
class Item:
    position: int  # 0-based place in the attempt
    card_id: str
    domain: str | None
    kind: str  # "mcq" | "numeric"
    prompt: str
    options: tuple[str, ...] = ()
    correct: tuple[int, ...] = ()  # indices into options as shown
    number: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    explanation: str = ""
    steps: tuple[str, ...] = ()
    source: str = ""
    refs: tuple[str, ...] = ()
    context: str = ""
    answer: Answer = None
    flagged: bool = False
    revealed: bool = False  # practice mode: the answer and explanation have been shown
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def answered(self) -> bool:
        return self.answer is not None and self.answer != ()

    @property
    def choose(self) -> int:
        return len(self.correct)

    def question_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "prompt": self.prompt,
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
        }

    @classmethod
    def from_json(
        cls,
        position: int,
        card_id: str,
        domain: str | None,
        question: dict[str, Any],
        answer: Any = None,
        flagged: bool = False,
    ) -> Item:
        return cls(
            position=position,
            card_id=card_id,
            domain=domain,
            kind=question["kind"],
            prompt=question["prompt"],
            options=tuple(question.get("options", ())),
            correct=tuple(question.get("correct", ())),
            number=question.get("number"),
            tolerance=question.get("tolerance", 0.0),
            unit=question.get("unit", ""),
            explanation=question.get("explanation", ""),
            steps=tuple(question.get("steps", ())),
            source=question.get("source", ""),
            refs=tuple(question.get("refs", ())),
            context=question.get("context", ""),
            answer=answer_from_json(answer),
            flagged=flagged,
        )


def answer_to_json(answer: Answer) -> Any:
    return list(answer) if isinstance(answer, tuple) else answer


def answer_from_json(raw: Any) -> Answer:
    if raw is None:
        return None
    if isinstance(raw, list):
        return tuple(int(i) for i in raw)
    return float(raw)


def letters(indices: tuple[int, ...]) -> str:
    return ", ".join(chr(ord("A") + i) for i in indices)


def describe_answer(item: Item, answer: Answer) -> str:
    """'B, D' for options, '80 RCU' for a number, 'no answer' for none."""
    if answer is None or answer == ():
        return "no answer"
    if isinstance(answer, tuple):
        return letters(answer)
    return f"{answer:g} {item.unit}".strip()


def expected_answer(item: Item) -> str:
    if item.kind == "mcq":
        return letters(item.correct)
    return f"{item.number:g} {item.unit}".strip() if item.number is not None else "?"
