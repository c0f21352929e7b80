"""Today's queue: which cards, in what order, within the daily limits; drills come back in-session."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date

from awsprep.sched.sm2 import CardState, is_drill_answer


@dataclass(frozen=True)
class Limits:
    new_per_day: int = 20  # per deck: an imported deck does not eat the bundled deck's new cards
    reviews_per_day: int = 200
    new_total_per_day: int = 40  # all decks together
    more_new: int | None = None  # `review --new N`: N more new cards today, whatever was done already


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class DayCounts:
    """What has been done today already (from earlier sessions)."""

    new: int = 0
    reviews: int = 0


@dataclass(frozen=True)
class Candidate:
    card_id: str
    state: CardState


def kind(state: CardState, today: date) -> str:
    """'new', 'learning' (a same-day drill) or 'due'."""
    if state.is_new:
        return "new"
    if is_drill_answer(state, today):
        return "learning"
    return "due"


def new_allowance(limits: Limits, done: DayCounts) -> int:
    """New cards still allowed today across all decks (`done`: today's counts over those decks)."""
    if limits.more_new is not None:
        return limits.more_new
    return max(0, limits.new_total_per_day - done.new)


def deck_new_allowance(limits: Limits, done_in_deck: DayCounts) -> int:
    """New cards still allowed today from one deck."""
    if limits.more_new is not None:
        return limits.more_new
    return max(0, limits.new_per_day - done_in_deck.new)


def build_queue(candidates: list[Candidate], today: date, limits: Limits, done: DayCounts) -> list[Candidate]:
    """Due reviews first, most overdue first (ties: lower EF, i.e. harder, first), up to the review limit;
    then drills left from an earlier session today; then new cards in bank order up to the new limit."""
    due = [c for c in candidates if kind(c.state, today) == "due" and c.state.due is not None]
    due.sort(key=lambda c: (c.state.due or today, c.state.ef, c.card_id))
    due = due[: max(0, limits.reviews_per_day - done.reviews)]
    learning = [c for c in candidates if kind(c.state, today) == "learning"]
    new = [c for c in candidates if c.state.is_new][: new_allowance(limits, done)]
    return [*due, *learning, *new]


@dataclass
class SessionQueue:
    """The order cards are shown in one session. A card answered below 4 goes to the back."""

    today: date
    items: deque[Candidate] = field(default_factory=deque)

    @classmethod
    def of(cls, queue: list[Candidate], today: date) -> SessionQueue:
        return cls(today=today, items=deque(queue))

    def __len__(self) -> int:
        return len(self.items)

    def peek(self) -> Candidate | None:
        return self.items[0] if self.items else None

    def pop(self) -> Candidate:
        return self.items.popleft()

    def answered(self, card_id: str, new_state: CardState) -> None:
        if new_state.drill:
            self.items.append(Candidate(card_id, new_state))

    def put_back(self, card_id: str, state: CardState) -> None:
        """Undo: the card is shown again next, and any drill repeat of it is dropped."""
        self.items = deque(c for c in self.items if c.card_id != card_id)
        self.items.appendleft(Candidate(card_id, state))

    def drop(self, card_id: str) -> None:
        self.items = deque(c for c in self.items if c.card_id != card_id)

    def counts(self) -> dict[str, int]:
        out = {"new": 0, "learning": 0, "due": 0}
        seen: set[str] = set()
        for c in self.items:
            if c.card_id in seen:
                continue
            seen.add(c.card_id)
            out[kind(c.state, self.today)] += 1
        return out
