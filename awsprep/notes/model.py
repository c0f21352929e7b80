"""Card drafts (a card before it has an id and a deck), skips and warnings."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any


@dataclass
class Draft:
    kind: str  # basic | cloze | mcq
    rule: str  # the extractor that made it (see docs/importer.md)
    file: str
    line: int
    path: tuple[str, ...]
    topic: str
    key: str = ""  # key term of the card's place; "" when the card has none
    high_priority: bool = False
    front: str = ""
    back: str = ""
    text: str = ""
    question: str = ""
    options: tuple[str, ...] = ()
    correct: tuple[int, ...] = ()
    explanation: str = ""
    refs: tuple[str, ...] = ()
    core: str = ""  # the wording without the heading context added to it (what dedup compares)
    image: bool = False  # a question with an image between it and its options
    outdated: str = ""  # what `awsprep lint` says about an outdated value the card states
    conflict: str = ""  # "file:line" of a copy of this question whose answer is another option
    steps: float = 0.0  # share of its section's lines that are steps (clicks, commands, settings, code)
    file_steps: float = 0.0  # the same share over the whole file (1.0 for a code project's README)
    example: bool = False  # a row of a table its lead-in gives as an example ("Possible setups:")
    extra_sources: list[tuple[str, int, tuple[str, ...]]] = field(default_factory=list)

    def content(self) -> str:
        """The card's wording, for dedup and for matching a reworded card to its old self."""
        if self.kind == "basic":
            return f"{self.front}\n{self.back}"
        if self.kind == "cloze":
            return self.text
        return "\n".join((self.question, *self.options))

    def to_dict(self) -> dict[str, Any]:
        """The fields (not extra_sources) for the import cache; those at their defaults (of the same
        type) are left out, which ``from_dict`` gives back alike: a smaller cache, written faster."""
        data = self.__dict__
        out = {name: data[name] for name in _REQUIRED}
        for name, default in _DEFAULTS:
            value = data[name]
            if value != default or value.__class__ is not default.__class__:
                out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        data = dict(data)
        for name in ("path", "options", "correct", "refs"):
            data[name] = tuple(data.get(name, ()))
        return cls(**data)


_REQUIRED = tuple(f.name for f in fields(Draft) if f.default is MISSING and f.default_factory is MISSING)
_DEFAULTS = tuple((f.name, f.default) for f in fields(Draft) if f.default is not MISSING)


@dataclass(frozen=True)
class Skip:
    file: str
    line: int
    reason: str
    text: str = ""


@dataclass(frozen=True)
class Warning:
    file: str
    line: int
    message: str  # one sentence

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"
