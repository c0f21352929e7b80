"""`awsprep cards list` and `cards show` on screen: text is data (shown literally), ids are never cut."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from rich.console import Console
from rich.table import Table

from awsprep.bank.models import BasicCard, ClozeCard, McqCard, NumericCard
from awsprep.sched.status import CardStatus
from awsprep.study.cards import CardDetails
from awsprep.ui.text import literal, plain


def _due(c: CardStatus) -> str:
    return c.state.due.isoformat() if c.state.due else "-"


def print_card_list(cards: list[CardStatus], today: date, out: TextIO) -> None:
    """A table in a terminal (the text cut to the width); tab-separated lines, nothing cut, in a pipe."""
    if not out.isatty():
        for c in cards:
            out.write("\t".join((literal(c.id), c.type, c.name(today), _due(c), literal(c.text))) + "\n")
        return
    console = Console(file=out, highlight=False)
    table = Table(box=None, expand=True, pad_edge=False)
    table.add_column("id", no_wrap=True, min_width=max((len(c.id) for c in cards), default=2))
    for name in ("type", "state", "due"):
        table.add_column(name, no_wrap=True)
    table.add_column("text", no_wrap=True, overflow="ellipsis", ratio=1)
    for c in cards:
        table.add_row(plain(c.id), c.type, c.name(today), _due(c), plain(c.text))
    console.print(table)
    console.print(f"{len(cards)} card(s)")


def _answer_lines(d: CardDetails) -> list[str]:
    card = d.card
    if isinstance(card, BasicCard):
        return [f"Q: {card.front}", f"A: {card.back}"]
    if isinstance(card, ClozeCard):
        return [f"Text: {card.prompt()}", f"Answer: {card.revealed()}"]
    if isinstance(card, McqCard):
        lines = [f"Q: {card.question}"]
        lines += [
            f"  {'*' if i in card.correct else ' '} {chr(ord('A') + i)}. {o}"
            for i, o in enumerate(card.options)
        ]
        return lines + ([f"Explanation: {card.explanation}"] if card.explanation else [])
    assert isinstance(card, NumericCard)
    if card.is_template:
        return [f"Q: (drawn fresh each time by the {card.generator} generator)"]
    return [f"Q: {card.question}", f"A: {card.answer:g} {card.unit}".rstrip()]


def print_card(d: CardDetails, out: TextIO) -> None:
    console = Console(file=out, highlight=False, markup=False, emoji=False)
    s, st = d.status, d.status.state
    console.print(plain(f"{s.id}  ({s.type}, deck {s.deck})", style="bold"))
    for line in _answer_lines(d):
        console.print(plain(line))
    for source in d.card.sources:
        console.print(plain(f"Source: {source}"))
    for ref in d.card.refs:
        console.print(plain(f"Reference: {ref}"))
    if s.tags:
        console.print(plain(f"Tags: {', '.join(s.tags)}"))
    console.print(
        f"State: {s.name(d.today)} · due {_due(s)} · interval {st.interval} d · EF {st.ef:.2f} · "
        f"reps {st.reps} · lapses {st.lapses}"
    )
    if not d.history:
        console.print("History: never reviewed.")
        return
    table = Table(
        "when", "action", "grade", "interval", "time", title="History", title_justify="left", box=None
    )
    for e in d.history:
        interval = "-" if e.interval_after is None else f"{e.interval_before or 0} -> {e.interval_after} d"
        seconds = "-" if e.response_ms is None else f"{e.response_ms / 1000:.1f} s"
        action = e.action + (" (drill)" if e.drill else "") + (" (undone)" if e.undone else "")
        grade = "-" if e.grade is None else str(e.grade)
        table.add_row(e.ts.strftime("%Y-%m-%d %H:%M"), action, grade, interval, seconds)
    console.print(table)
