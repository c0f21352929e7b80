"""The review session: ask each card of today's queue, grade it, save the answer at once, reschedule.

The loop is written once; a Terminal (full-screen rich, or plain lines for pipes and screen readers)
does the asking and showing.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from awsprep.bank.models import Card
from awsprep.sched.grading import Timing, auto_grade, parse_grade
from awsprep.sched.queue import SessionQueue
from awsprep.store.repo import Store
from awsprep.ui.cards import Asked, ask

COMMANDS = {"s": "suspend", "b": "bury", "u": "undo", "q": "quit"}
TYPED_COMMANDS = {
    ":s": "suspend",
    ":b": "bury",
    ":u": "undo",
    ":q": "quit",
    "suspend": "suspend",
    "bury": "bury",
    "undo": "undo",
    "quit": "quit",
}


def typed_command(text: str) -> str | None:
    return TYPED_COMMANDS.get(text.strip().lower())


@dataclass
class Summary:
    seen: set[str] = field(default_factory=set)
    answers: int = 0
    correct: int = 0
    seconds: float = 0.0
    leeches: list[str] = field(default_factory=list)
    suspended: list[str] = field(default_factory=list)
    buried: list[str] = field(default_factory=list)
    undone: int = 0
    interrupted: bool = False
    next_due: date | None = None
    next_due_count: int = 0
    remaining: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    def as_json(self) -> dict[str, object]:
        return {
            "cards_seen": len(self.seen),
            "answers": self.answers,
            "correct": self.correct,
            "accuracy": None if self.accuracy is None else round(self.accuracy, 3),
            "seconds": round(self.seconds, 1),
            "leeches": self.leeches,
            "suspended": self.suspended,
            "buried": self.buried,
            "undone": self.undone,
            "remaining": self.remaining,
            "interrupted": self.interrupted,
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "next_due_count": self.next_due_count,
        }


class Terminal(Protocol):
    def show(self, asked: Asked, counts: dict[str, int], done: int, total: int) -> None: ...
    def reveal_or_command(self) -> str: ...
    def show_answer(self, asked: Asked) -> None: ...
    def grade_or_command(self) -> int | str: ...
    def typed(self, asked: Asked) -> str: ...
    def show_result(self, asked: Asked, correct: bool, understood: str, grade: int) -> None: ...
    def note(self, message: str, carry: bool = True) -> None: ...
    def summary(self, summary: Summary) -> None: ...


class ReviewSession:
    def __init__(
        self,
        store: Store,
        queue: SessionQueue,
        clock: Callable[[], datetime],
        terminal: Terminal,
        decks: list[str] | None = None,
        timing: Timing = Timing(),
    ) -> None:
        self.store, self.queue, self.clock, self.term = store, queue, clock, terminal
        self.decks = decks
        self.timing = timing
        self.id = uuid.uuid4().hex
        self.summary = Summary()
        self.done = 0
        self.started = time.monotonic()
        self._cache: dict[str, Card] = {}
        self._answers: list[tuple[str, bool]] = []  # (card, correct) of each answer, popped by undo

    def _card(self, card_id: str) -> Card:
        if card_id not in self._cache:
            self._cache[card_id] = self.store.card(card_id)
        return self._cache[card_id]

    def run(self) -> Summary:
        try:
            while self.queue.peek() is not None:
                if not self._step():
                    break
        except (KeyboardInterrupt, EOFError) as exc:
            self.summary.interrupted = isinstance(exc, KeyboardInterrupt)
        self.summary.seconds = time.monotonic() - self.started
        self.summary.remaining = len(self.queue)
        today = self.clock().date()
        self.summary.next_due, self.summary.next_due_count = self.store.next_due(today, self.decks)
        self.term.summary(self.summary)
        return self.summary

    def _step(self) -> bool:
        """Ask the next card. False when the user quits."""
        item = self.queue.peek()
        assert item is not None
        card = self._card(item.card_id)
        now = self.clock()
        rng = random.Random(f"{card.id}:{now.isoformat()}:{self.done}")
        asked = ask(card, rng)
        self.term.show(asked, self.queue.counts(), self.done, self.done + len(self.queue))
        shown_at = time.monotonic()
        if asked.self_graded:
            action = self.term.reveal_or_command()
            if action != "reveal":
                return self._command(action, card.id)
            self.term.show_answer(asked)
            choice = self.term.grade_or_command()
            if not isinstance(choice, int):
                return self._command(choice, card.id)
            grade = choice
            correct = grade >= 3
        else:
            while True:
                text = self.term.typed(asked)
                cmd = typed_command(text)
                if cmd is not None:
                    return self._command(cmd, card.id)
                verdict, understood = asked.check(text)
                if verdict is not None:
                    break
                self.term.note(f"Could not read that: {understood}.", carry=False)
            correct = verdict
            grade = auto_grade(correct, time.monotonic() - shown_at, self.timing)
            self.term.show_result(asked, correct, understood, grade)
        ms = int((time.monotonic() - shown_at) * 1000)
        self.queue.pop()
        result = self.store.answer(card.id, grade, self.clock(), ms, session=self.id)
        self.done += 1
        self.summary.seen.add(card.id)
        self.summary.answers += 1
        self.summary.correct += int(correct)
        self._answers.append((card.id, correct))
        if result.leech:
            self.summary.leeches.append(card.id)
            self.queue.drop(card.id)
            self.term.note(
                f"Leech: {card.id} has lapsed {result.after.lapses} times; it is tagged and suspended."
            )
        else:
            self.queue.answered(card.id, result.after)
        return True

    def _command(self, action: str, card_id: str) -> bool:
        now = self.clock()
        if action == "quit":
            return False
        if action == "suspend":
            self.store.suspend(card_id, now, session=self.id)
            self.queue.drop(card_id)
            self.summary.suspended.append(card_id)
            self.term.note(f"Suspended {card_id}; it will not be shown until unsuspended.")
        elif action == "bury":
            self.store.bury(card_id, now, session=self.id)
            self.queue.drop(card_id)
            self.summary.buried.append(card_id)
            self.term.note(f"Buried {card_id} until tomorrow.")
        elif action == "undo":
            undone = self.store.undo_last(now, session=self.id)
            if undone is None:
                self.term.note("Nothing to undo in this session.")
            else:
                self.queue.put_back(undone.card_id, undone.restored)
                self.done = max(0, self.done - 1)
                self.summary.answers = max(0, self.summary.answers - 1)
                if self._answers:
                    self.summary.correct -= int(self._answers.pop()[1])
                    self.summary.seen = {cid for cid, _ in self._answers}
                self.summary.undone += 1
                self.term.note(f"Undid the last answer ({undone.card_id}); it is asked again.")
        return True


def grade_from_key(key: str) -> int | str | None:
    """A key or line at the grade prompt: a grade, a command name, or None."""
    grade = parse_grade(key)
    if grade is not None:
        return grade
    return COMMANDS.get(key.strip().lower())
