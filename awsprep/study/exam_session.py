"""The exam loop, written once: commands in (from keys or lines), answers saved the moment they are given,
the clock checked before every command counts, warnings, the review screen, submit.

A Face (full-screen rich, or plain lines) turns input into Commands and shows the state; a Saver
commits answers, flags and the time used. The monotonic clock is injected through ExamClock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from awsprep.exam.items import Item
from awsprep.exam.timing import SAVE_EVERY, ExamClock, warning_text
from awsprep.question import Answer
from awsprep.question.answers import count_words


@dataclass(frozen=True)
class Command:
    name: str  # toggle | answer | next | prev | jump | flag | review | back | submit | pause
    value: Any = None


@dataclass(frozen=True)
class View:
    items: list[Item]
    index: int
    reviewing: bool
    left: float | None  # seconds; None in practice mode
    practice: bool

    @property
    def item(self) -> Item:
        return self.items[self.index]

    @property
    def unanswered(self) -> list[int]:
        return [i.position + 1 for i in self.items if not i.complete]

    @property
    def flagged(self) -> list[int]:
        return [i.position + 1 for i in self.items if i.flagged]


class Face(Protocol):
    auto_advance: bool  # practice: move on by itself after showing the answer

    def show(self, view: View) -> None: ...
    def command(self, view: View, timeout: float | None) -> Command | None: ...
    def warn(self, text: str) -> None: ...
    def note(self, text: str) -> None: ...
    def feedback(self, item: Item, correct: bool) -> None: ...


class Saver(Protocol):
    def answer(self, position: int, answer: Answer, seconds_used: float) -> None: ...
    def flag(self, position: int, flagged: bool, seconds_used: float) -> None: ...
    def time(self, seconds_used: float) -> None: ...


class ExamSession:
    def __init__(self, items: list[Item], clock: ExamClock, face: Face, saver: Saver, start: int = 0) -> None:
        self.items, self.clock, self.face, self.saver = items, clock, face, saver
        self.practice = clock.allowed is None
        self.index = min(max(start, 0), len(items) - 1)
        self.reviewing = False
        self.outcome = ""
        self._saved_at = clock.used()
        if self.practice:
            for item in items:
                item.revealed = item.complete  # a resumed practice attempt: answered ones are shown

    def view(self) -> View:
        left = None if self.practice else self.clock.left()
        return View(self.items, self.index, self.reviewing, left, self.practice)

    def run(self) -> str:
        try:
            while not self.outcome:
                if self.clock.expired():
                    self.outcome = "timeout"
                    break
                for threshold in self.clock.new_warnings():
                    self.face.warn(warning_text(threshold))
                if self.clock.used() - self._saved_at >= SAVE_EVERY:
                    self._save_time()
                self.face.show(self.view())
                timeout = None if self.practice else min(1.0, max(self.clock.left(), 0.05))
                cmd = self.face.command(self.view(), timeout)
                if self.clock.expired():  # an answer given after the time ran out does not count
                    self.outcome = "timeout"
                    break
                if cmd is not None:
                    self.handle(cmd)
        except KeyboardInterrupt:
            self.outcome = "interrupted"
        except EOFError:
            self.outcome = "paused"
        finally:
            self._save_time()
        return self.outcome

    def _save_time(self) -> None:
        self._saved_at = self.clock.used()
        self.saver.time(self._saved_at)

    def _set_answer(self, item: Item, answer: Answer) -> None:
        item.answer = answer
        self.saver.answer(item.position, answer, self.clock.used())
        self._saved_at = self.clock.used()

    def _reveal(self, item: Item) -> None:
        item.revealed = True
        self.face.feedback(item, item.correct)

    def _next(self) -> None:
        if self.index == len(self.items) - 1:
            self.reviewing = True
        else:
            self.index += 1

    def handle(self, cmd: Command) -> None:
        item = self.items[self.index]
        name = cmd.name
        locked = self.practice and item.revealed
        if name in ("toggle", "answer") and (locked or self.reviewing):
            self.face.note("This question has been answered." if locked else "Go to a question first.")
            return
        if name == "toggle":
            picked = set(item.answer) if isinstance(item.answer, tuple) else set()
            choose = item.question.choose
            if cmd.value in picked:
                picked.discard(cmd.value)
            elif choose == 1:
                picked = {cmd.value}
            elif len(picked) >= choose:
                self.face.note(f"This question asks for {count_words(choose)}: untick one first.")
                return
            else:
                picked.add(cmd.value)
            self._set_answer(item, tuple(sorted(picked)) or None)
        elif name == "answer":
            self._set_answer(item, cmd.value)
            if self.practice:
                self._reveal(item)
                if self.face.auto_advance:
                    self._next()
            else:
                self._next()
        elif name == "next":
            if self.practice and item.complete and not item.revealed and not self.reviewing:
                self._reveal(item)
            elif self.reviewing:
                self.reviewing = False
            else:
                self._next()
        elif name == "prev":
            if self.reviewing:
                self.reviewing = False
            else:
                self.index = max(0, self.index - 1)
        elif name == "jump":
            if isinstance(cmd.value, int) and 1 <= cmd.value <= len(self.items):
                self.index, self.reviewing = cmd.value - 1, False
            else:
                self.face.note(f"There is no question {cmd.value}; the numbers are 1-{len(self.items)}.")
        elif name == "flag":
            if not self.reviewing:
                item.flagged = not item.flagged
                self.saver.flag(item.position, item.flagged, self.clock.used())
                what = "Flagged question {} for review." if item.flagged else "Unflagged question {}."
                self.face.note(what.format(item.position + 1))
        elif name == "review":
            self.reviewing = True
        elif name == "back":
            self.reviewing = False
        elif name == "submit":
            if self.reviewing:
                self.outcome = "submitted"
            else:
                self.reviewing = True
        elif name == "pause":
            self.outcome = "paused"
        if name in ("next", "prev", "jump", "review", "back"):
            self._save_time()
