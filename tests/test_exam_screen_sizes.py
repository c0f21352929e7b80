"""The exam screen at 120x40, 80x24 and 60x14, read as the terminal shows it (pexpect feeding pyte).

A question taller than the window scrolls (↓/↑, PgDn/PgUp); the header and the key line stay on screen.
"""

from __future__ import annotations

import contextlib
import time

import pexpect
import pyte
import pytest

from tests.conftest import PYTHON, ROOT, subprocess_env, write_bank

pytestmark = pytest.mark.slow

LONG = " ".join(f"Clause {n} of a long scenario that wraps over several lines." for n in range(1, 7))
BANK = f"""\
  - id: long-1
    type: mcq
    domain: development
    question: "{LONG} Which option is right?"
    options: [right-option-A-text, wrong-option-1, wrong-option-2, wrong-option-3]
    correct: [0]
"""


class Terminal:
    def __init__(self, env: dict[str, str], columns: int, lines: int) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(
            PYTHON,
            ["-m", "awsprep", "exam", "--questions", "1", "--seed", "1"],
            env=subprocess_env(env) | {"TERM": "xterm", "COLUMNS": str(columns), "LINES": str(lines)},
            cwd=str(ROOT),
            encoding="utf-8",
            dimensions=(lines, columns),
            timeout=15,
        )

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, *needles: str, timeout: float = 15) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with contextlib.suppress(pexpect.TIMEOUT):
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.2))
            if all(n in self.text() for n in needles):
                return self.text()
        raise AssertionError(f"never showed {needles}:\n{self.text()}")

    def close(self) -> None:
        self.child.terminate(force=True)


@pytest.mark.parametrize("columns,lines", [(120, 40), (80, 24)])
def test_a_question_that_fits_is_shown_whole(env, columns: int, lines: int) -> None:
    write_bank(env, BANK)
    term = Terminal(env, columns, lines)
    try:
        text = term.wait_for("Question 1 of 1", "Esc pause")
        for option in ("A.", "B.", "C.", "D."):
            assert option in text
        assert "more below" not in text
    finally:
        term.close()


def test_a_short_window_scrolls_and_keeps_the_keys(env) -> None:
    write_bank(env, BANK)
    term = Terminal(env, 60, 14)
    try:
        text = term.wait_for("Question 1 of 1", "more below", "Esc pause")
        assert "D." not in text
        assert text.splitlines()[0].startswith("DVA-C02")  # the header stays at the top
        term.child.send("\x1b[B")  # ↓
        text = term.wait_for("lines above")
        term.child.send("\x1b[6~")  # PgDn
        text = term.wait_for("D.", "Esc pause")
        assert "more below" not in text and "Question 1 of 1" in text
        term.child.send("\x1b[5~")  # PgUp
        term.child.send("\x1b[A")  # ↑
        text = term.wait_for("Clause 1 of a long", "more below", "Esc pause")
        assert "lines above" not in text
    finally:
        term.close()
