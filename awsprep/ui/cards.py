"""What a card looks like when asked: prompt, options or expected number, and what the answer shows."""

from __future__ import annotations

import random
from dataclasses import dataclass

from awsprep.bank.models import BasicCard, Card, ClozeCard, McqCard, NumericCard
from awsprep.sched.grading import numeric_correct, parse_choices, parse_number


@dataclass(frozen=True)
class Asked:
    card: Card
    prompt: str
    self_graded: bool
    answer_text: str = ""  # basic/cloze: the back / revealed text
    options: tuple[str, ...] = ()  # mcq: options in the order shown
    correct: tuple[int, ...] = ()  # mcq: indices into `options` as shown
    explanation: str = ""
    number: float | None = None  # numeric
    tolerance: float = 0.0
    unit: str = ""
    steps: tuple[str, ...] = ()

    @property
    def context(self) -> str:
        return " > ".join(self.card.context) or self.card.topic

    def choose_hint(self) -> str:
        n = len(self.correct)
        return f"(Choose {n}.)" if n > 1 else ""

    def check(self, text: str) -> tuple[bool | None, str]:
        """Grade a typed answer: (correct?, what was understood). None: the answer could not be read."""
        if self.options:
            picked = parse_choices(text, len(self.options))
            if picked is None:
                last = chr(ord("A") + len(self.options) - 1)
                return None, f"answer with option letters A-{last}, e.g. B or B,D"
            return picked == self.correct, ", ".join(chr(ord("A") + i) for i in picked)
        value = parse_number(text)
        if value is None or self.number is None:
            return None, "answer with a number, e.g. 42 or 0.85"
        return numeric_correct(value, self.number, self.tolerance), f"{value:g}"

    def correct_letters(self) -> str:
        return ", ".join(chr(ord("A") + i) for i in self.correct)


def ask(card: Card, rng: random.Random, shuffle: bool = False) -> Asked:
    """Prepare a card to be asked. Numeric templates get fresh numbers from the calculators."""
    if isinstance(card, BasicCard):
        return Asked(card, card.front, True, answer_text=card.back)
    if isinstance(card, ClozeCard):
        return Asked(card, card.prompt(), True, answer_text=card.revealed())
    if isinstance(card, McqCard):
        order = list(range(len(card.options)))
        if shuffle:
            rng.shuffle(order)
        options = tuple(card.options[i] for i in order)
        correct = tuple(sorted(order.index(i) for i in card.correct))
        return Asked(
            card, card.question, False, options=options, correct=correct, explanation=card.explanation
        )
    return ask_numeric(card, rng)


def ask_numeric(card: NumericCard, rng: random.Random) -> Asked:
    if card.generator is not None:
        from awsprep.calc.generators import generate

        problem = generate(card.generator, dict(card.params), rng)
        return Asked(
            card,
            problem.question,
            False,
            number=problem.answer,
            tolerance=problem.tolerance,
            unit=problem.unit,
            steps=tuple(problem.steps),
        )
    return Asked(
        card,
        card.question,
        False,
        number=card.answer,
        tolerance=card.tolerance,
        unit=card.unit,
        steps=card.steps,
    )
