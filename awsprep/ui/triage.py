"""The triage screen: one waiting card at a time with its source lines and reasons; one key decides.

Two faces, like review: a rich screen reading single keys, and plain lines for pipes and screen
readers. Card and note text is shown as data (never console markup, control characters made visible).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Protocol, TextIO

from awsprep.notes.triage import Pending, fields_of
from awsprep.ui.keys import prompt_read, read_key, read_line
from awsprep.ui.text import literal

KEYS = {"k": "keep", "d": "drop", "e": "edit", "s": "skip", "q": "quit"}
PROMPT = "[k]eep  [d]rop  [e]dit  [s]kip  [q]uit"


def card_lines(card: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, text) pairs that show a waiting card."""
    kind = card.get("type")
    if kind == "cloze":
        return [("cloze", str(card.get("text", "")))]
    if kind == "mcq":
        out = [("question", str(card.get("question", "")))]
        correct = set(card.get("correct") or ())
        for i, opt in enumerate(card.get("options") or ()):
            mark = "*" if i in correct else " "
            out.append((f"{mark} {chr(65 + i)}", str(opt)))
        if card.get("explanation"):
            out.append(("explanation", str(card["explanation"])))
        return out
    return [("front", str(card.get("front", ""))), ("back", str(card.get("back", "")))]


class Face(Protocol):
    def show(self, pending: Pending, n: int, total: int) -> None: ...
    def choose(self) -> str: ...
    def ask_edit(self, card: dict[str, Any]) -> dict[str, str]: ...
    def say(self, text: str) -> None: ...


class PlainFace:
    """Line mode: each card as plain lines, a decision as a typed letter and Enter."""

    def __init__(self, out: TextIO | None = None, inp: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.inp = inp or sys.stdin

    def say(self, text: str) -> None:
        self.out.write(literal(text) + "\n")
        self.out.flush()

    def show(self, pending: Pending, n: int, total: int) -> None:
        self.say(f"card {n} of {total}  score {pending.score:.2f}  {pending.source}")
        for label, text in card_lines(pending.card):
            self.say(f"  {label}: {text}")
        self.say("  why: " + "; ".join(pending.reasons[1:] or pending.reasons))
        for line in pending.lines:
            self.say(f"  | {line}")

    def choose(self) -> str:
        while True:
            self.out.write(PROMPT + "> ")
            self.out.flush()
            with prompt_read(self.out):
                answer = read_line(self.inp).strip().lower()[:1]
            if answer in KEYS:
                return KEYS[answer]
            self.say("Type k, d, e, s or q.")

    def ask_edit(self, card: dict[str, Any]) -> dict[str, str]:
        edits: dict[str, str] = {}
        for name in fields_of(card):
            self.say(f"{name} (Enter keeps it): {card.get(name, '')}")
            self.out.write(f"new {name}> ")
            self.out.flush()
            with prompt_read(self.out):
                line = read_line(self.inp).strip()
            if line:
                edits[name] = line
        return edits


class RichFace(PlainFace):
    """The quick screen: a panel per card and single key presses; edits go to $EDITOR when set."""

    def __init__(self) -> None:
        super().__init__()
        from rich.console import Console

        self.console = Console(highlight=False)

    def say(self, text: str) -> None:
        from rich.text import Text

        self.console.print(Text(literal(text)))

    def show(self, pending: Pending, n: int, total: int) -> None:
        from rich.panel import Panel
        from rich.text import Text

        body = Text()
        for label, text in card_lines(pending.card):
            body.append(f"{label}: ", style="bold")
            body.append(literal(text) + "\n")
        body.append("why: ", style="bold")
        body.append(literal("; ".join(pending.reasons[1:] or pending.reasons)) + "\n", style="yellow")
        for line in pending.lines:
            body.append(literal(f"│ {line}") + "\n", style="dim")
        title = Text(literal(f"{n}/{total}  score {pending.score:.2f}  {pending.source}"))
        self.console.print(Panel(body, title=title, title_align="left"))

    def choose(self) -> str:
        from rich.text import Text

        self.console.print(Text(PROMPT, style="bold"))
        while True:
            key = read_key()
            if key is not None and key.lower() in KEYS:
                return KEYS[key.lower()]

    def ask_edit(self, card: dict[str, Any]) -> dict[str, str]:
        import os

        if not os.environ.get("EDITOR"):
            return super().ask_edit(card)
        return edit_in_editor(card, os.environ["EDITOR"])


def edit_in_editor(card: dict[str, Any], editor: str) -> dict[str, str]:
    """Open the card's fields in ``editor`` as ``name: text`` lines; return the changed ones."""
    import shlex
    import subprocess
    import tempfile

    names = fields_of(card)
    with tempfile.NamedTemporaryFile("w+", suffix=".txt", encoding="utf-8", delete=False) as tmp:
        tmp.write("# One line per field; lines starting with # are ignored.\n")
        for name in names:
            tmp.write(f"{name}: {' '.join(str(card.get(name, '')).split())}\n")
        path = tmp.name
    try:
        subprocess.run([*shlex.split(editor), path], check=False)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    finally:
        Path(path).unlink(missing_ok=True)
    edits: dict[str, str] = {}
    for line in text.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip() in names and not line.startswith("#"):
            value = value.strip()
            if value and value != " ".join(str(card.get(name.strip(), "")).split()):
                edits[name.strip()] = value
    return edits
