"""The review session: ask each card of today's queue, grade it, save the answer at once, reschedule.

Written once over two protocols: a `ReviewStore` (the database) and a `Terminal` (full-screen rich or
plain lines, in `ui/terminals.py`). The wall clock (`now`, for scheduling), the monotonic clock (for
answer times) and the randomness of generated questions are handed in, so a test drives a whole
session with fakes.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import zip_longest
from typing import Protocol

from awsprep.bank.models import Card
from awsprep.question import Question, ask, is_correct, read_answer
from awsprep.sched.grading import DEFAULT_TIMING, Timing, auto_grade, parse_grade
from awsprep.sched.plan import ExamPlan
from awsprep.sched.queue import Limits, SessionQueue, build_queue, deck_new_allowance, new_allowance
from awsprep.study.ports import ReviewStore

MAX_NEW = 1_000_000  # no cap of its own: the pace is capped by the limits
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


def grade_from_key(key: str) -> int | str | None:
    """A key or line at the grade prompt: a grade, a command name, or None."""
    grade = parse_grade(key)
    if grade is not None:
        return grade
    return COMMANDS.get(key.strip().lower())


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
    def show(self, question: Question, counts: dict[str, int], done: int, total: int) -> None: ...
    def reveal_or_command(self) -> str: ...
    def show_answer(self, question: Question) -> None: ...
    def grade_or_command(self) -> int | str: ...
    def typed(self, question: Question) -> str: ...
    def show_result(self, question: Question, correct: bool, understood: str, grade: int) -> None: ...
    def note(self, message: str, carry: bool = True) -> None: ...
    def summary(self, summary: Summary) -> None: ...


def question_rng(card_id: str, now: datetime, done: int) -> random.Random:
    """The randomness of one showing of a card: options are shuffled and numbers drawn afresh each time
    it is shown (so a drill repeat is not answered from the letter remembered), repeatably for a clock."""
    return random.Random(f"{card_id}:{now.isoformat()}:{done}")


def todays_queue(
    store: ReviewStore, today: date, decks: list[str] | None, limits: Limits, plan: ExamPlan | None = None
) -> SessionQueue:
    """Due reviews, drills left from earlier today, then new cards within what is left of the limits:
    each deck's own new-card limit, the total cap over all of them, the decks' new cards in turn. While
    an exam plan runs, the plan picks the reviews (sched/plan) and paces the new cards to its window."""
    done = store.day_counts(today, decks)
    total_new = new_allowance(limits, done)
    review_limit = max(0, limits.reviews_per_day - done.reviews)  # a backlog is not read whole
    planning = plan is not None and plan.active(today)
    if plan is not None and planning and limits.more_new is None:  # `review --new N` asks for N anyway
        paced = plan.new_today(store.new_count(decks) + done.new, today, MAX_NEW) - done.new
        total_new = max(0, min(total_new, paced))
    candidates = store.candidates(today, decks, 0, 0 if planning else review_limit)
    per_deck = []
    for deck in decks if decks is not None else store.deck_names():
        allowed = min(total_new, deck_new_allowance(limits, store.day_counts(today, [deck])))
        if allowed > 0:
            fresh = store.candidates(today, [deck], allowed, 0)
            per_deck.append([c for c in fresh if c.state.is_new])
    new = [c for turn in zip_longest(*per_deck) for c in turn if c is not None][:total_new]
    queue = build_queue(candidates + new, today, limits, done)
    if plan is not None and planning:
        waiting, reviews = store.plan_reviews(plan.query(today), decks, review_limit)
        queue = [*reviews[: plan.share(waiting, today)], *queue]  # the queue held drills and new cards
    return SessionQueue.of(queue, today)


class ReviewSession:
    def __init__(
        self,
        store: ReviewStore,
        queue: SessionQueue,
        clock: Callable[[], datetime],
        monotonic: Callable[[], float],
        terminal: Terminal,
        decks: list[str] | None = None,
        timing: Timing = DEFAULT_TIMING,
        session_id: str | None = None,
    ) -> None:
        self.store, self.queue, self.clock, self.monotonic, self.term = (
            store,
            queue,
            clock,
            monotonic,
            terminal,
        )
        self.decks = decks
        self.timing = timing
        self.id = session_id or uuid.uuid4().hex
        self.summary = Summary()
        self.done = 0
        self.started = monotonic()
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
        finally:
            self.store.release(self.id)  # a card shown but not answered is free for the next session
        self.summary.seconds = self.monotonic() - self.started
        self.summary.remaining = len(self.queue)
        today = self.clock().date()
        self.summary.next_due, self.summary.next_due_count = self.store.next_due(today, self.decks)
        self.term.summary(self.summary)
        return self.summary

    def _step(self) -> bool:
        """Ask the next card. False when the user quits."""
        item = self.queue.peek()
        assert item is not None
        if not self.store.claim(item.card_id, item.state, self.id, self.clock()):
            self.queue.drop(item.card_id)  # answered or being shown elsewhere (another machine) meanwhile
            return True
        card = self._card(item.card_id)
        question = ask(card, question_rng(card.id, self.clock(), self.done), shuffle=True)
        self.term.show(question, self.queue.counts(), self.done, self.done + len(self.queue))
        shown_at = self.monotonic()
        if question.self_graded:
            action = self.term.reveal_or_command()
            if action != "reveal":
                return self._command(action, card.id)
            self.term.show_answer(question)
            choice = self.term.grade_or_command()
            if not isinstance(choice, int):
                return self._command(choice, card.id)
            self._record(card.id, choice, choice >= 3, shown_at)
            return True
        while True:
            text = self.term.typed(question)
            cmd = typed_command(text)
            if cmd is not None:
                return self._command(cmd, card.id)
            answer, understood = read_answer(question, text)
            if answer is not None:
                break
            self.term.note(f"Could not read that: {understood}.", carry=False)
        correct = is_correct(question, answer)
        grade = auto_grade(correct, self.monotonic() - shown_at, self.timing)
        self._record(card.id, grade, correct, shown_at)  # saved before the result is shown
        self.term.show_result(question, correct, understood, grade)
        return True

    def _record(self, card_id: str, grade: int, correct: bool, shown_at: float) -> None:
        ms = int((self.monotonic() - shown_at) * 1000)
        self.queue.pop()
        result = self.store.answer(card_id, grade, self.clock(), ms, session=self.id)
        self.done += 1
        self.summary.seen.add(card_id)
        self.summary.answers += 1
        self.summary.correct += int(correct)
        self._answers.append((card_id, correct))
        if result.leech:
            self.summary.leeches.append(card_id)
            self.queue.drop(card_id)
            self.term.note(
                f"Leech: {card_id} has lapsed {result.after.lapses} times; it is tagged and suspended."
            )
        else:
            self.queue.answered(card_id, result.after)

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
                self.summary.undone += 1
                if undone.action == "answer":
                    self.done = max(0, self.done - 1)
                    self.summary.answers = max(0, self.summary.answers - 1)
                    if self._answers:
                        self.summary.correct -= int(self._answers.pop()[1])
                        self.summary.seen = {cid for cid, _ in self._answers}
                    self.term.note(f"Undid the last answer ({undone.card_id}); it is asked again.")
                else:
                    flagged = self.summary.suspended if undone.action == "suspend" else self.summary.buried
                    if undone.card_id in flagged:
                        flagged.remove(undone.card_id)
                    verb = "suspending" if undone.action == "suspend" else "burying"
                    self.term.note(f"Undid {verb} {undone.card_id}; it is asked again.")
        return True
