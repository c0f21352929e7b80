"""The two faces of the review session: plain numbered lines here, and the full-screen rich layout
(`ui/rich_terminal.py`, imported only when it is used)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from awsprep.question import Question, expected_answer
from awsprep.sched.grading import ALIAS_NAMES, ALIASES
from awsprep.study.review import Summary, grade_from_key
from awsprep.ui.escape import literal
from awsprep.ui.keys import TimedLines
from awsprep.ui.text import marked

if TYPE_CHECKING:
    from awsprep.ui.rich_terminal import RichTerminal

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
    elif not s.remaining:  # with cards left for today, "nothing scheduled" would say the wrong thing
        lines.append("Next due: nothing scheduled yet")
    if s.interrupted:
        lines.append("Interrupted: every answer given so far is saved.")
    return lines


class PlainTerminal:
    """Numbered lines in, plain lines out: pipes, scripts, screen readers."""

    def __init__(self, inp: TextIO | None = None, out: TextIO | None = None) -> None:
        self.inp = inp or sys.stdin
        self.out = out or sys.stdout
        self._lines = TimedLines(self.inp)  # on a terminal, a Ctrl-C just before a read is not held

    def _say(self, text: str = "") -> None:
        self.out.write(literal(text) + "\n")
        self.out.flush()

    def _ask(self, prompt: str) -> str:
        self.out.write(prompt + "\n> ")
        self.out.flush()
        try:
            line = self._lines.read(None)
            assert line is not None  # no time limit: a line or the end of input
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


def open_terminal(plain: bool, out: TextIO) -> PlainTerminal | RichTerminal:
    """The full screen on a terminal; plain lines with --plain or when input or output is not a tty."""
    if not plain and sys.stdin.isatty() and out.isatty():
        from rich.console import Console

        from awsprep.ui.rich_terminal import RichTerminal

        return RichTerminal(Console(file=out, highlight=False))
    return PlainTerminal(sys.stdin, out)
