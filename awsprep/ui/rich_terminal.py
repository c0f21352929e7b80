"""The rich face of the review session: one full screen per card, single-key commands. Imported only
when that face is used (`ui.terminals.open_terminal`), so a plain review never loads rich."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from awsprep.question import Question, expected_answer
from awsprep.sched.grading import GRADE_MEANINGS
from awsprep.study.review import Summary, grade_from_key
from awsprep.ui.keys import ENTER, ESC, read_key
from awsprep.ui.terminals import GRADE_HELP, TYPED_HELP, _letter, summary_lines
from awsprep.ui.text import bar, markdown, marked, plain


class RichTerminal:
    """One screen per card, single-key commands; typed answers for mcq and numeric cards."""

    def __init__(self, console: Console | None = None, keys: TextIO | None = None) -> None:
        self.console = console or Console(highlight=False)
        self.keys = keys or sys.stdin
        self._question: Question | None = None
        self._header: list[RenderableType] = []
        self._notes: list[str] = []  # shown again on the next screen, which clears this one

    def _key(self) -> str:
        while True:
            key = read_key(self.keys)
            if key is not None:
                return key

    def show(self, question: Question, counts: dict[str, int], done: int, total: int) -> None:
        self._question = question
        head = Table.grid(expand=True)
        head.add_column(ratio=1)
        head.add_column(justify="right")
        head.add_row(
            plain(f"{question.deck} · {question.context}", "bold cyan"),
            Text.assemble(
                ("new ", "dim"),
                (str(counts["new"]), "blue"),
                ("  learning ", "dim"),
                (str(counts["learning"]), "red"),
                ("  due ", "dim"),
                (str(counts["due"]), "green"),
            ),
        )
        progress = Text(bar(done / max(total, 1), max(10, self.console.width - 2)), style="cyan")
        body: list[RenderableType] = [markdown(question.prompt)]
        if question.options:
            opts = Table.grid(padding=(0, 1))
            opts.add_column(style="bold")
            opts.add_column(overflow="fold")  # a long name (LambdaCanary10Percent5Minutes) wraps, never "…"
            for i, option in enumerate(question.options):
                opts.add_row(f"{_letter(i)}.", markdown(option))
            body.append(opts)
            if question.choose_hint():
                body.append(Text(question.choose_hint(), style="bold"))
        self._header = [head, progress, Text(f"Card {done + 1} of {total}", style="dim")]
        self.console.clear()
        for part in self._header:
            self.console.print(part)
        for message in self._notes:
            self.console.print(plain(message, "yellow"))
        self._notes.clear()
        self.console.print(
            Panel(
                Group(*body),
                title=plain(f"{question.card_type} · {question.card_id}"),
                border_style="cyan",
            )
        )

    def reveal_or_command(self) -> str:
        self.console.print(Text("Space/Enter reveal · s suspend · b bury · u undo · q quit", style="dim"))
        while True:
            key = self._key()
            if key in (ENTER, " "):
                return "reveal"
            if key == ESC:
                return "quit"
            action = grade_from_key(key)
            if isinstance(action, str):
                return action

    def show_answer(self, question: Question) -> None:
        # the hidden words of a cloze stand out in its sentence (bold: visible without colour too)
        text = marked(question.answer_text, question.answer_spans, "**", "**")
        self.console.print(Panel(markdown(text), title="answer", border_style="green"))

    def grade_or_command(self) -> int | str:
        help_text = "  ".join(f"{g} {m}" for g, m in GRADE_MEANINGS.items())
        self.console.print(Text(help_text, style="dim"))
        self.console.print(Text(GRADE_HELP + " · u undo · s suspend · b bury · q quit", style="bold"))
        while True:
            key = self._key()
            if key == ESC:
                return "quit"
            choice = grade_from_key(key)
            if choice is not None:
                return choice

    def typed(self, question: Question) -> str:
        hint = (
            "letters, e.g. B or B,D"
            if question.options
            else (f"a number in {question.unit}" if question.unit else "a number")
        )
        self.console.print(Text(f"Type your answer ({hint}) and Enter; {TYPED_HELP}", style="dim"))
        return self.console.input("Answer: ")

    def show_result(self, question: Question, correct: bool, understood: str, grade: int) -> None:
        expected = expected_answer(question)
        style = "bold green" if correct else "bold red"
        verdict = "Correct" if correct else "Wrong"
        self.console.print(
            Text.assemble(
                (f"{verdict}: ", style),
                plain(f"you answered {understood}; the answer is {expected}. Grade {grade}."),
            )
        )
        parts: list[RenderableType] = []
        if question.explanation:
            parts.append(markdown(question.explanation))
        if question.steps and not correct:
            parts.append(Text("Worked steps:", style="bold"))
            parts.extend(plain(f"{i}. {step}") for i, step in enumerate(question.steps, 1))
        if parts:
            self.console.print(Panel(Group(*parts), border_style="yellow"))
        self.console.print(Text("Press any key to continue", style="dim"))
        self._key()

    def note(self, message: str, carry: bool = True) -> None:
        """Show a message now; unless carry is False, show it again on the next screen too."""
        self.console.print(plain(message, "yellow"))
        if carry:
            self._notes.append(message)

    def summary(self, summary: Summary) -> None:
        self._notes.clear()
        if summary.interrupted:
            self.console.print()  # Ctrl-C came at a prompt: the summary starts on a line of its own
        self.console.print(
            Panel(
                Group(*(plain(line) for line in summary_lines(summary))),
                title="Session summary",
                border_style="cyan",
            )
        )
