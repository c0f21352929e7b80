"""The two faces of the review session: a full-screen rich layout, and plain numbered lines."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from awsprep.question import Question, expected_answer
from awsprep.sched.grading import ALIAS_NAMES, ALIASES, GRADE_MEANINGS
from awsprep.study.review import Summary, grade_from_key
from awsprep.ui.keys import ENTER, ESC, read_key, read_line
from awsprep.ui.text import bar, literal, markdown, marked, plain

GRADE_HELP = "Grade 0-5, or " + ", ".join(f"{k}={v} ({ALIASES[k]})" for k, v in ALIAS_NAMES.items())
TYPED_HELP = "commands :u undo, :s suspend, :b bury, :q quit"


def _letter(i: int) -> str:
    return chr(ord("A") + i)


def summary_lines(s: Summary) -> list[str]:
    lines = [
        f"Cards seen: {len(s.seen)}   answers: {s.answers}"
        + (f"   accuracy: {s.accuracy:.0%}" if s.accuracy is not None else ""),
        f"Time: {int(s.seconds // 60)} min {int(s.seconds % 60)} s",
    ]
    if s.leeches:
        lines.append(f"Leeches suspended: {', '.join(s.leeches)}")
    if s.suspended:
        lines.append(f"Suspended: {', '.join(s.suspended)}")
    if s.buried:
        lines.append(f"Buried until tomorrow: {', '.join(s.buried)}")
    if s.remaining:
        lines.append(f"Left for today: {s.remaining} (run awsprep review again to continue)")
    if s.next_due:
        lines.append(f"Next due: {s.next_due_count} card(s) on {s.next_due.isoformat()}")
    else:
        lines.append("Next due: nothing scheduled yet")
    if s.interrupted:
        lines.append("Interrupted: every answer given so far is saved.")
    return lines


class PlainTerminal:
    """Numbered lines in, plain lines out: pipes, scripts, screen readers."""

    def __init__(self, inp: TextIO | None = None, out: TextIO | None = None) -> None:
        self.inp = inp or sys.stdin
        self.out = out or sys.stdout

    def _say(self, text: str = "") -> None:
        self.out.write(literal(text) + "\n")
        self.out.flush()

    def _ask(self, prompt: str) -> str:
        self.out.write(prompt + "\n> ")
        self.out.flush()
        try:
            line = read_line(self.inp)
        finally:
            self.out.write("\n")  # the end of input too: what follows starts on a line of its own
        return line

    def show(self, question: Question, counts: dict[str, int], done: int, total: int) -> None:
        self._say(
            f"--- Card {done + 1} of {total} [{question.card_type}] {question.card_id} "
            f"(new {counts['new']}, learning {counts['learning']}, due {counts['due']})"
        )
        if question.context:
            self._say(f"Context: {question.context}")
        self._say(f"Q: {question.prompt.strip()}")
        for i, option in enumerate(question.options):
            self._say(f"  {_letter(i)}. {option}")
        if question.choose_hint():
            self._say(question.choose_hint())

    def reveal_or_command(self) -> str:
        while True:
            key = self._ask("Enter to reveal (s suspend, b bury, u undo, q quit)").strip().lower()
            if key == "":
                return "reveal"
            action = grade_from_key(key)
            if isinstance(action, str):
                return action
            self._say("Press Enter to see the answer first, or s, b, u, q.")

    def show_answer(self, question: Question) -> None:
        self._say(f"A: {marked(question.answer_text, question.answer_spans, '[', ']').strip()}")

    def grade_or_command(self) -> int | str:
        while True:
            choice = grade_from_key(self._ask(f"{GRADE_HELP}; s, b, u, q"))
            if choice is not None:
                return choice
            self._say("Type a grade 0-5, one of a/h/g/e, or s, b, u, q.")

    def typed(self, question: Question) -> str:
        if question.options:
            return self._ask(f"Your answer (letters, e.g. B or B,D; {TYPED_HELP})")
        unit = f" in {question.unit}" if question.unit else ""
        return self._ask(f"Your answer{unit} ({TYPED_HELP})")

    def show_result(self, question: Question, correct: bool, understood: str, grade: int) -> None:
        expected = expected_answer(question)
        verdict = "Correct" if correct else "Wrong"
        self._say(f"{verdict}: you answered {understood}; the answer is {expected}. Grade {grade}.")
        if question.explanation:
            self._say(f"Explanation: {question.explanation.strip()}")
        if question.steps and not correct:
            self._say("Worked steps:")
            for i, step in enumerate(question.steps, 1):
                self._say(f"  {i}. {step}")

    def note(self, message: str, carry: bool = True) -> None:
        self._say(message)

    def summary(self, summary: Summary) -> None:
        if summary.interrupted:
            self._say()  # Ctrl-C came at a prompt: the summary starts on a line of its own
        self._say("=== Session summary")
        for line in summary_lines(summary):
            self._say(line)


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


def open_terminal(plain: bool, out: TextIO) -> PlainTerminal | RichTerminal:
    """The full screen on a terminal; plain lines with --plain or when input or output is not a tty."""
    if not plain and sys.stdin.isatty() and out.isatty():
        return RichTerminal(Console(file=out, highlight=False))
    return PlainTerminal(sys.stdin, out)
