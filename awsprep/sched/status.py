"""A card's scheduling status as a learner sees it (`awsprep cards list`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from awsprep.sched.queue import kind
from awsprep.sched.sm2 import CardState


@dataclass(frozen=True)
class CardStatus:
    """A card's scheduling state as the card listings and the Anki export show it."""

    id: str
    deck: str
    type: str
    state: CardState
    suspended: bool = False
    leech: bool = False
    buried_until: date | None = None
    text: str = ""  # what the card asks: front, question, or the cloze sentence with its words shown
    tags: tuple[str, ...] = ()

    def name(self, today: date) -> str:
        """leech, suspended, buried, or the queue's kind (new, learning, due), or review (due later)."""
        if self.leech:
            return "leech"
        if self.suspended:
            return "suspended"
        if self.buried_until and self.buried_until > today:
            return "buried"
        k = kind(self.state, today)
        if k == "due" and self.state.due is not None and self.state.due > today:
            return "review"
        return k

    def as_json(self, today: date) -> dict[str, Any]:
        """The `cards list --json` record."""
        st = self.state
        return {
            "id": self.id,
            "deck": self.deck,
            "type": self.type,
            "due": st.due.isoformat() if st.due else None,
            "interval": st.interval,
            "ef": round(st.ef, 2),
            "reps": st.reps,
            "lapses": st.lapses,
            "state": self.name(today),
            "tags": list(self.tags),
            "text": self.text,
        }


STATE_NAMES = ("new", "learning", "due", "review", "suspended", "buried", "leech")


def matching(
    statuses: list[CardStatus],
    today: date,
    search: str | None = None,
    tags: list[str] | None = None,
    states: list[str] | None = None,
) -> list[CardStatus]:
    """The cards whose id or text holds `search` (any case), with every tag in `tags`, in one of `states`."""
    needle = (search or "").casefold()
    wanted_tags = {t.casefold() for t in tags or ()}
    out = []
    for c in statuses:
        if needle and needle not in c.id.casefold() and needle not in c.text.casefold():
            continue
        if wanted_tags and not wanted_tags <= {t.casefold() for t in c.tags}:
            continue
        if states and c.name(today) not in states:
            continue
        out.append(c)
    return out
