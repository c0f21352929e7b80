"""Counts of a bank: per type, per exam domain, per deck."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from awsprep.bank.models import CARD_TYPES, Card, NumericCard

NO_DOMAIN = "none"


def bank_stats(cards: Iterable[Card]) -> dict[str, Any]:
    by_type: Counter[str] = Counter({t: 0 for t in CARD_TYPES})
    by_domain: Counter[str] = Counter()
    by_deck: Counter[str] = Counter()
    by_deck_domain: dict[str, Counter[str]] = {}
    templates = multi = 0
    total = 0
    for card in cards:
        total += 1
        by_type[card.type] += 1
        by_domain[card.domain or NO_DOMAIN] += 1
        by_deck[card.deck] += 1
        by_deck_domain.setdefault(card.deck, Counter())[card.domain or NO_DOMAIN] += 1
        if isinstance(card, NumericCard) and card.is_template:
            templates += 1
        if card.type == "mcq" and len(getattr(card, "correct", ())) > 1:
            multi += 1
    return {
        "cards": total,
        "by_type": dict(by_type),
        "numeric_templates": templates,
        "mcq_multiple_response": multi,
        "by_domain": dict(sorted(by_domain.items())),
        "by_deck": dict(sorted(by_deck.items())),
        "by_deck_domain": {deck: dict(sorted(c.items())) for deck, c in sorted(by_deck_domain.items())},
    }
