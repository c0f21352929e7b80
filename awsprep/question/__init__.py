"""A question as asked: one core type for review and exam, built by one function, checked by one rule."""

from awsprep.question.answers import (
    Answer,
    describe_answer,
    expected_answer,
    is_correct,
    letters,
    read_answer,
)
from awsprep.question.model import Question, ask

__all__ = [
    "Answer",
    "Question",
    "ask",
    "describe_answer",
    "expected_answer",
    "is_correct",
    "letters",
    "read_answer",
]
