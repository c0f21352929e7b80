"""The two faces of the exam: a full-screen rich screen with a live countdown, and plain lines.

Rich keys (question screen): letters choose options (a "choose two" question toggles them); Enter or
→ next; ← previous; digits then Enter jump to that question (on a numeric question digits type the
answer; # starts a jump); * or ! flags; ? or Tab opens the review screen; Esc pauses (resume later).
Review screen: a number and Enter goes to it, S submits, Esc, ← or Enter goes back.
A question taller than the window scrolls (↑/↓ or PgUp/PgDn); the header and the key line stay put.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TextIO

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.live import Live
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from awsprep.exam.items import Item
from awsprep.exam.timing import format_left
from awsprep.question import describe_answer, expected_answer
from awsprep.question.answers import parse_number, read_answer
from awsprep.study.exam_session import Command, View
from awsprep.ui.keys import ENTER, ESC, TimedLines, prompt_read, read_key
from awsprep.ui.text import literal, markdown, plain

PLAIN_HELP = (
    "Answer with letters (B or B,D) or a number. Commands: Enter next, :p previous, :g N go to question N, "
    ":f flag, :r review, :s submit, :q pause (resume later)."
)
REVIEW_HELP = "a number goes to that question; :s submits; Enter goes back; :q pauses"


def _list(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers) or "none"


class _Lines:
    """Lines already rendered at the screen's width, drawn as they are."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            yield from line
            yield Segment.line()


class PlainExamFace:
    """Plain lines: answers and commands read line by line (pipes, scripts, screen readers)."""

    auto_advance = True

    def __init__(self, inp: TextIO | None = None, out: TextIO | None = None) -> None:
        self.inp = inp or sys.stdin
        self.out = out or sys.stdout
        self._shown: tuple[int, bool] | None = None
        self._helped = False
        self._lines = TimedLines(self.inp)
        self._waiting = False  # the prompt is out and no line has come yet

    def _say(self, text: str = "") -> None:
        self.out.write(literal(text) + "\n")
        self.out.flush()

    def show(self, view: View) -> None:
        if self._shown == (view.index, view.reviewing):
            return
        self._shown = (view.index, view.reviewing)
        clock = f"; time left {format_left(view.left)}" if view.left is not None else ""
        answered = len(view.items) - len(view.unanswered)
        if view.reviewing:
            self._say(f"=== Review before submitting ({answered} of {len(view.items)} answered{clock})")
            self._say(f"Unanswered: {_list(view.unanswered)}")
            self._say(f"Flagged: {_list(view.flagged)}")
            return
        item = view.item
        flag = " [flagged]" if item.flagged else ""
        self._say(f"--- Question {item.position + 1} of {len(view.items)}{flag} ({answered} answered{clock})")
        self._say(f"Q: {item.question.prompt.strip()}")
        for i, option in enumerate(item.question.options):
            self._say(f"  {chr(ord('A') + i)}. {option}")
        if item.question.choose_hint():
            self._say(item.question.choose_hint())
        if item.question.kind == "numeric":
            self._say(f"(Answer with a number{' in ' + item.question.unit if item.question.unit else ''}.)")
        if item.answered:
            self._say(f"Your answer: {describe_answer(item.question, item.answer)}")

    def command(self, view: View, timeout: float | None) -> Command | None:
        if not self._helped:
            self._say(PLAIN_HELP)
            self._helped = True
        if not self._waiting:
            self.out.write(("Review: " + REVIEW_HELP + "\n> ") if view.reviewing else "> ")
            self.out.flush()
            self._waiting = True
        with prompt_read(self.out):
            got = self._lines.read(timeout)  # the loop saves the clock and ends the exam at zero meanwhile
        if got is None:
            return None
        self._waiting = False
        cmd = self.parse(got.strip(), view)
        if cmd is None:
            self._shown = None  # show the question again after the note
        return cmd

    def parse(self, line: str, view: View) -> Command | None:
        low = line.lower()
        simple = {":n": "next", ":p": "prev", ":f": "flag", ":r": "review", ":s": "submit", ":q": "pause"}
        if low in simple:
            return Command(simple[low])
        if low == "":
            return Command("next")
        for prefix in (":g", ":", "#"):
            rest = low[len(prefix) :].strip()
            if low.startswith(prefix) and rest.isdigit():
                return Command("jump", int(rest))
        if view.reviewing:
            if low.isdigit():
                return Command("jump", int(low))
            if low in ("s", "submit"):
                return Command("submit")
            self.note("On the review screen: " + REVIEW_HELP + ".")
            return None
        answer, understood = read_answer(view.item.question, line)
        if answer is None:
            self.note(f"Could not read that: {understood}.")
            return None
        return Command("answer", answer)

    def warn(self, text: str) -> None:
        self._say(f"Warning: {text}")

    def note(self, text: str) -> None:
        self._say(text)

    def feedback(self, item: Item, correct: bool) -> None:
        verdict = "Correct" if correct else "Wrong"
        given = describe_answer(item.question, item.answer)
        self._say(f"{verdict}: you answered {given}; the answer is {expected_answer(item.question)}.")
        if item.question.explanation:
            self._say(f"Explanation: {item.question.explanation.strip()}")
        for i, step in enumerate(item.question.steps, 1):
            self._say(f"  {i}. {step}")
        if item.question.source:
            self._say(f"Source: {item.question.source}")


class RichExamFace:
    """One live screen: the countdown redrawn every second, single keys."""

    auto_advance = False

    def __init__(self, title: str, console: Console | None = None, keys: TextIO | None = None) -> None:
        self.title = title
        self.console = console or Console(highlight=False)
        self.keys = keys or sys.stdin
        self.live = Live(console=self.console, auto_refresh=False, screen=True, redirect_stdout=False)
        self.banner = ""
        self.message = ""
        self.buffer = ""  # digits typed: a question number, or a numeric answer
        self.jumping = False
        self.scroll = 0  # first line of the question shown when it is taller than the window
        self._scrolled: tuple[bool, int] | None = None  # (reviewing, question) the scroll belongs to
        self._page = 1  # lines one ↓ moves: the height of the question's window

    def __enter__(self) -> RichExamFace:
        self.live.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.live.__exit__(kind, exc, tb)

    # --- drawing ---------------------------------------------------------------------------------

    def show(self, view: View) -> None:
        self.live.update(self.render(view), refresh=True)

    def _header(self, view: View) -> RenderableType:
        head = Table.grid(expand=True)
        head.add_column(ratio=1)
        head.add_column(justify="right")
        where = "Review" if view.reviewing else f"Question {view.index + 1} of {len(view.items)}"
        if view.left is None:
            clock = Text("practice: no clock", style="dim")
        else:
            style = "bold red" if view.left <= 60 else ("bold yellow" if view.left <= 600 else "bold")
            clock = Text(f"Time left {format_left(view.left)}", style=style)
        head.add_row(plain(f"{self.title} · {where}", "bold cyan"), clock)
        answered = len(view.items) - len(view.unanswered)
        status = Text(f"answered {answered}/{len(view.items)} · flagged {len(view.flagged)}", style="dim")
        lines: list[RenderableType] = [head, status]
        if self.banner:
            lines.append(Text(self.banner, style="bold red"))
        return Group(*lines)

    def _question(self, item: Item) -> RenderableType:
        body: list[RenderableType] = [markdown(item.question.prompt)]
        if item.question.options:
            opts = Table.grid(padding=(0, 1))
            opts.add_column(style="bold")
            opts.add_column(overflow="fold")  # a long name (LambdaCanary10Percent5Minutes) wraps, never "…"
            picked = item.answer if isinstance(item.answer, tuple) else ()
            for i, option in enumerate(item.question.options):
                mark = "[x]" if i in picked else "[ ]"
                style = ""
                if item.revealed:
                    style = "green" if i in item.question.correct else ("red" if i in picked else "")
                opts.add_row(Text(f"{mark} {chr(ord('A') + i)}."), plain(option, style))
            body.append(opts)
            if item.question.choose_hint():
                body.append(Text(item.question.choose_hint(), style="bold"))
        else:
            typed = self.buffer if not self.jumping and self.buffer else ""
            if typed:
                shown = f"{typed} {item.question.unit}".rstrip()
            else:
                shown = describe_answer(item.question, item.answer) if item.answered else ""
            body.append(plain(f"Answer: {shown}"))
        if item.revealed:
            body.append(self._feedback(item))
        title = f"Question {item.position + 1}" + (" · flagged for review" if item.flagged else "")
        return Panel(Group(*body), title=plain(title), border_style="yellow" if item.flagged else "cyan")

    def _feedback(self, item: Item) -> RenderableType:
        ok = item.correct
        parts: list[RenderableType] = [
            Text.assemble(
                ("Correct" if ok else "Wrong", "bold green" if ok else "bold red"),
                plain(f": the answer is {expected_answer(item.question)}."),
            )
        ]
        if item.question.explanation:
            parts.append(markdown(item.question.explanation))
        parts.extend(plain(f"{i}. {step}") for i, step in enumerate(item.question.steps, 1))
        if item.question.source:
            parts.append(plain(f"Source: {item.question.source}", "dim"))
        return Panel(Group(*parts), border_style="green" if ok else "red")

    def _review(self, view: View) -> RenderableType:
        return Panel(
            Group(
                Text.assemble(("Unanswered: ", "bold"), _list(view.unanswered)),
                Text.assemble(("Flagged: ", "bold"), _list(view.flagged)),
                Text(""),
                Text("Submit now, or go back to a question.", style="bold"),
            ),
            title="Review before submitting",
            border_style="magenta",
        )

    def _keys(self, view: View) -> str:
        if view.reviewing:
            keys = "number + Enter go to question · S submit · Esc / ← / Enter back"
        elif view.item.question.kind == "mcq":
            keys = (
                "A-Z choose · Enter/→ next · ← previous · number+Enter go to · * flag · ? review · Esc pause"
            )
        else:
            keys = "type a number+Enter · → next · ← previous · #number go to · * flag · ? review · Esc pause"
        if view.practice and not view.reviewing:
            keys += " · Enter shows the answer"
        return keys

    def render(self, view: View) -> RenderableType:
        footer: list[RenderableType] = []
        if self.message:
            footer.append(plain(self.message, "yellow"))
        if self.jumping or (self.buffer and view.reviewing):
            footer.append(Text(f"Go to question: {self.buffer}_", style="bold"))
        footer.append(Text(self._keys(view), style="dim"))
        body = self._review(view) if view.reviewing else self._question(view.item)
        header = self._header(view)
        return Group(header, self._window(view, body, Group(header, *footer)), *footer)

    def _window(self, view: View, body: RenderableType, fixed: RenderableType) -> RenderableType:
        """The body as it fits between the header and the keys: scrolled, with a line saying so."""
        where = (view.reviewing, -1 if view.reviewing else view.item.position)
        if where != self._scrolled:
            self._scrolled, self.scroll = where, 0
        options = self.console.options
        height = options.size.height - len(self.console.render_lines(fixed, options, pad=False))
        lines = self.console.render_lines(body, options, pad=False)
        if len(lines) <= height or height < 2:
            self.scroll, self._page = 0, 1
            return _Lines(lines)
        shown = height - 1  # one line says what is above and below
        self._page = max(1, shown - 1)
        self.scroll = max(0, min(self.scroll, len(lines) - shown))
        end = self.scroll + shown
        more = []
        if self.scroll:
            more.append(f"↑ {self.scroll} line{'s' if self.scroll != 1 else ''} above")
        if end < len(lines):
            more.append(f"↓ {len(lines) - end} more below")
        note = Text(" · ".join(more) + " (↑/↓ scroll)", style="bold")
        note_lines = self.console.render_lines(note, options.update(height=1), pad=False)[:1]
        return _Lines(lines[self.scroll : end] + note_lines)

    # --- input -----------------------------------------------------------------------------------

    def command(self, view: View, timeout: float | None) -> Command | None:
        key = read_key(self.keys, timeout)
        if key is None:
            return None
        self.message = ""
        return self._translate(key, view)

    def _translate(self, key: str, view: View) -> Command | None:
        numeric = not view.reviewing and view.item.question.kind == "numeric"
        if key in ("\x7f", "\x08"):
            self.buffer = self.buffer[:-1]
            return None
        if key == ESC:
            if self.buffer or self.jumping:
                self.buffer, self.jumping = "", False
                return None
            return Command("back") if view.reviewing else Command("pause")
        if key == "#" and not view.reviewing:
            self.jumping, self.buffer = True, ""
            return None
        if key.isdigit() or (numeric and not self.jumping and key in ".-"):
            if not numeric and not view.reviewing:
                self.jumping = True
            self.buffer += key
            return None
        if key == ENTER and self.buffer:
            text, jumping = self.buffer, self.jumping or not numeric or view.reviewing
            self.buffer, self.jumping = "", False
            if jumping:
                return Command("jump", int(text)) if text.isdigit() else None
            value = parse_number(text)
            return Command("answer", value) if value is not None else None
        self.buffer, self.jumping = "", False
        if key in ("up", "down", "pgup", "pgdn"):
            self.scroll = max(0, self.scroll + (self._page if key in ("down", "pgdn") else -self._page))
            return None  # the next show() draws the scrolled question
        if view.reviewing:
            if key.lower() == "s":
                return Command("submit")
            if key in (ENTER, "left"):
                return Command("back")
            return None
        if key in (ENTER, "right"):
            return Command("next")
        if key == "left":
            return Command("prev")
        if key in ("*", "!"):
            return Command("flag")
        if key in ("?", "\t"):
            return Command("review")
        if len(key) == 1 and key.isalpha() and view.item.question.kind == "mcq":
            index = ord(key.upper()) - ord("A")
            if 0 <= index < len(view.item.question.options):
                return Command("toggle", index)
        return None

    def warn(self, text: str) -> None:
        self.banner = f"Warning: {text}"
        self.console.bell()

    def note(self, text: str) -> None:
        self.message = text

    def feedback(self, item: Item, correct: bool) -> None:
        """The screen shows the answer of a revealed item; nothing else to do."""


__all__ = ["PlainExamFace", "RichExamFace"]
