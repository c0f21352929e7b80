"""Card and question models: frozen dataclasses, no I/O.

Four card types share the fields of :class:`CardBase`:

* ``basic``   front/back, self-graded;
* ``cloze``   a text with ``{{hidden}}`` parts, self-graded;
* ``mcq``     a question, options, the indices of the correct ones ("choose N" = len(correct)),
              an explanation; graded automatically;
* ``numeric`` either a fixed question (answer, tolerance, unit, worked steps) or a *template*
              (``generator`` + ``params``) that the calculators turn into a fresh question each time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

CardType = Literal["basic", "cloze", "mcq", "numeric"]
CARD_TYPES: tuple[str, ...] = ("basic", "cloze", "mcq", "numeric")
QUESTION_TYPES: tuple[str, ...] = ("mcq", "numeric")  # graded automatically: what a mock exam asks

CLOZE_RE = re.compile(r"\{\{(.+?)\}\}", re.DOTALL)


@dataclass(frozen=True)
class Source:
    """Where a card came from: file, 1-based line, heading path (outermost first)."""

    file: str
    line: int = 0
    path: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} ({' > '.join(self.path)})" if self.path else where


@dataclass(frozen=True)
class CardBase:
    """What every card has: its id, deck, topic, tags, exam domain and source."""

    id: str
    deck: str
    topic: str = ""
    tags: tuple[str, ...] = ()
    domain: str | None = None
    sources: tuple[Source, ...] = ()
    refs: tuple[str, ...] = ()  # documentation URLs the card rests on
    high_priority: bool = False

    @property
    def source(self) -> Source | None:
        return self.sources[0] if self.sources else None

    @property
    def context(self) -> tuple[str, ...]:
        """Heading path of the primary source: what the card is about."""
        src = self.source
        return src.path if src else ()


@dataclass(frozen=True)
class BasicCard(CardBase):
    """A front to answer and the back that answers it."""

    front: str = ""
    back: str = ""
    type: CardType = field(default="basic", init=False)

    def prompt(self) -> str:
        return self.front


@dataclass(frozen=True)
class ClozeCard(CardBase):
    """A sentence with blanks (`{{...}}`) to fill in."""

    text: str = ""
    type: CardType = field(default="cloze", init=False)

    def prompt(self) -> str:
        return CLOZE_RE.sub("[...]", self.text)

    def answers(self) -> list[str]:
        return [m.group(1) for m in CLOZE_RE.finditer(self.text)]

    def revealed(self) -> str:
        return CLOZE_RE.sub(lambda m: m.group(1), self.text)

    def revealed_spans(self) -> tuple[tuple[int, int], ...]:
        """Where the hidden words stand in `revealed()`: (start, end) of each, in order."""
        spans, shift = [], 0
        for m in CLOZE_RE.finditer(self.text):
            start = m.start() - shift
            spans.append((start, start + len(m.group(1))))
            shift += len(m.group(0)) - len(m.group(1))
        return tuple(spans)


@dataclass(frozen=True)
class McqCard(CardBase):
    """A multiple-choice question: its options, the right ones and why."""

    question: str = ""
    options: tuple[str, ...] = ()
    correct: tuple[int, ...] = ()  # 0-based indices into options
    explanation: str = ""
    type: CardType = field(default="mcq", init=False)

    @property
    def choose(self) -> int:
        return len(self.correct)

    def prompt(self) -> str:
        return self.question


@dataclass(frozen=True)
class NumericCard(CardBase):
    """A question answered with a number, within a tolerance, in a unit."""

    question: str = ""
    answer: float | None = None
    tolerance: float = 0.0  # absolute
    unit: str = ""
    steps: tuple[str, ...] = ()
    generator: str | None = None  # calculator template name, when the card is a template
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)
    type: CardType = field(default="numeric", init=False)

    @property
    def is_template(self) -> bool:
        return self.generator is not None

    def prompt(self) -> str:
        return self.question


Card = BasicCard | ClozeCard | McqCard | NumericCard


def card_text(card: Card) -> str:
    """What a card asks, in one string: the front or question, or a cloze sentence with its words shown."""
    return card.revealed() if isinstance(card, ClozeCard) else card.prompt()
