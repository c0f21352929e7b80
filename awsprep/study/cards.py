"""One card as `awsprep cards show` tells it: its content, where it came from, its schedule and history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from awsprep.bank.io import card_to_dict
from awsprep.bank.models import Card
from awsprep.errors import UsageError
from awsprep.sched.status import CardStatus
from awsprep.study.ports import CardStore, LogEntry


@dataclass(frozen=True)
class CardDetails:
    card: Card
    status: CardStatus
    history: list[LogEntry]
    today: date

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status.as_json(self.today),
            "card": card_to_dict(self.card),
            "source": [{"file": s.file, "line": s.line, "path": list(s.path)} for s in self.card.sources],
            "history": [entry_json(e) for e in self.history],
        }


def entry_json(e: LogEntry) -> dict[str, Any]:
    return {
        "ts": e.ts.isoformat(),
        "day": e.day.isoformat(),
        "action": e.action,
        "grade": e.grade,
        "was_new": e.was_new,
        "drill": e.drill,
        "response_ms": e.response_ms,
        "interval_before": e.interval_before,
        "interval_after": e.interval_after,
        "undone": e.undone,
    }


def card_details(store: CardStore, card_id: str, today: date) -> CardDetails:
    try:
        return CardDetails(store.card(card_id), store.status(card_id), store.log(card_id), today)
    except KeyError:
        raise UsageError(
            f"There is no card with id {card_id!r}; `awsprep cards list --search TEXT` finds one."
        ) from None
