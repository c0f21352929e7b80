"""One exam question in an attempt: the Question as shown (options shuffled, numbers generated), its
place, and the learner's answer and flag."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from awsprep.question import Answer, Question, is_correct
from awsprep.question.answers import answer_from_json


@dataclass
class Item:
    """One question of a mock exam, with the learner's answer and flag."""

    position: int  # 0-based place in the attempt
    question: Question
    answer: Answer = None
    flagged: bool = False
    revealed: bool = False  # practice mode: the answer and explanation have been shown

    @property
    def card_id(self) -> str:
        return self.question.card_id

    @property
    def domain(self) -> str | None:
        return self.question.domain

    @property
    def answered(self) -> bool:
        return self.answer is not None and self.answer != ()

    @property
    def complete(self) -> bool:
        """Answered with as many options as the question asks for (any number for a numeric one)."""
        if not self.answered:
            return False
        return not isinstance(self.answer, tuple) or len(self.answer) == self.question.choose

    @property
    def correct(self) -> bool:
        return is_correct(self.question, self.answer)

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
        return cls(position, Question.from_json(card_id, domain, question), answer_from_json(answer), flagged)
