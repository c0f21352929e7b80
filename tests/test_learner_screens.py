"""What a learner sees in a narrow window or a pipe: nothing cut with "…", nothing split mid-word, no
error when the reader of the output goes away (`| head`)."""

from __future__ import annotations

import io
import random
import re
import subprocess

import pytest
from rich.console import Console

from awsprep.bank.models import McqCard
from awsprep.question import ask
from awsprep.ui.rich_terminal import RichTerminal
from tests.conftest import PYTHON, ROOT, basic_cards, subprocess_env, write_bank
from tests.test_exam_screen_sizes import Terminal

NAMES = [
    "CodeDeployDefault.LambdaCanary10Percent5Minutes",
    "CodeDeployDefault.LambdaLinear10PercentEvery1Minute",
]


def _joined(screen: str) -> str:
    """The screen's text with the panel borders and line breaks taken out: what a reader pieces together."""
    return re.sub(r"[\s│╭╮╰╯─]+", "", screen)


def test_review_options_with_long_names_wrap_instead_of_being_cut() -> None:
    card = McqCard(id="m1", deck="t", question="Which configuration?", options=tuple(NAMES), correct=(0,))
    out = io.StringIO()
    term = RichTerminal(Console(file=out, force_terminal=True, no_color=True, width=40), io.StringIO())
    term.show(ask(card, random.Random(1)), {"new": 1, "learning": 0, "due": 0}, 0, 1)
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())
    assert "…" not in screen
    for name in NAMES:
        assert name in _joined(screen)


EXAM_BANK = f"""\
  - id: long-names
    type: mcq
    domain: development
    question: Which CodeDeploy configuration shifts 10% first and the rest five minutes later?
    options: [{", ".join(NAMES)}, CodeDeployDefault.LambdaAllAtOnce, CodeDeployDefault.HalfAtATime]
    correct: [0]
"""


@pytest.mark.slow
def test_exam_in_a_narrow_window_wraps_options_and_the_pause_line_between_words(env) -> None:
    write_bank(env, EXAM_BANK)
    term = Terminal(env, 40, 24)
    try:
        text = term.wait_for("Question 1", "Esc pause")
        assert "…" not in text
        for name in NAMES:
            assert name in _joined(text)
        term.child.send("\x1b")  # Esc: pause
        text = term.wait_for("left.")
        assert re.search(r"(^|\s)\d+:\d\d left\.", text), text  # the time left is never split
        assert re.search(r"awsprep\s+exam --resume", text), text
    finally:
        term.close()


def test_a_closed_pipe_ends_the_command_quietly(env) -> None:
    write_bank(env, basic_cards(3000))  # far more than a pipe holds
    proc = subprocess.Popen(
        [PYTHON, "-m", "awsprep", "cards", "list"],
        cwd=ROOT,
        env=subprocess_env(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith("c000")
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 1
    assert err == "", err  # no "awsprep: Broken pipe.", no traceback
