"""The exam as a person takes it: in a pseudo-terminal (pexpect), killed with -9 and resumed, the clock
running out on a real process. The processes run on a fake monotonic clock that the test moves
(tests/fake_clock.py): no test sleeps or depends on how fast the machine is; tests only wait for
output."""

from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import time
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from awsprep.cli.main import app
from tests.conftest import PYTHON, ROOT, subprocess_env, write_bank
from tests.exam_bank import EXAM_BANK, right_letters, strip_ansi
from tests.fake_clock import FileClock

pytestmark = pytest.mark.slow


@pytest.fixture
def clock(tmp_path: Path) -> FileClock:
    return FileClock(tmp_path / "monotonic")


def spawn(env, clock: FileClock, *args: str) -> pexpect.spawn:
    child_env = subprocess_env(env) | {"TERM": "xterm", "COLUMNS": "110", "LINES": "40"}
    return pexpect.spawn(
        PYTHON,
        clock.argv("exam", *args),
        env=child_env,
        cwd=str(ROOT),
        encoding="utf-8",
        dimensions=(40, 110),
        timeout=15,
    )


def screen(child: pexpect.spawn, until: str) -> str:
    """Wait for `until` and the key help under the question, and give the text in between."""
    child.expect(re.escape(until))
    child.expect("Esc pause|Enter back")
    return strip_ansi(until + child.before)


def history(runner: CliRunner) -> list[dict]:
    """The attempts, read in this process (the same database the exam processes wrote)."""
    res = runner.invoke(app, ["exam", "history", "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)["attempts"]


def test_full_exam_in_a_terminal(env, clock, runner):
    write_bank(env, EXAM_BANK)
    child = spawn(env, clock, "--questions", "5", "--seed", "11")
    numeric_at = None
    for n in range(1, 6):
        text = screen(child, f"Question {n} of 5")
        assert "Time left 10:00" in text, text  # the clock stands still: 5 questions x 2 minutes
        if "How many RCU" in text:
            numeric_at = n
            if n == 2:  # leave it for later
                child.send("\x1b[C")
                continue
            child.send("80\r")
            continue
        letters = right_letters(text)
        if n == 2:
            child.send("*")  # flag it, answer it anyway
            screen(child, "flagged for review")
        for letter in letters.split(","):
            child.send(letter.lower())
        child.expect(re.escape(f"[x] {letters.split(',')[-1]}."))
        child.send("\r")
    text = screen(child, "Review before submitting")
    assert "Flagged: 2" in text
    assert ("Unanswered: 2" if numeric_at == 2 else "Unanswered: none") in text
    child.send("1")
    child.send("\r")
    text = screen(child, "Question 1 of 5")
    child.send("\x1b[D")  # previous on the first question stays there
    child.send("?")
    screen(child, "Review before submitting")
    clock.set(75.5)
    child.send("s")
    child.expect("Exam report")
    child.expect(pexpect.EOF)
    report = strip_ansi(child.before)
    child.close()
    assert child.exitstatus == 0
    assert "is an estimate" in report and "PASS" in report
    [attempt] = history(runner)
    assert (attempt["status"], attempt["total"], attempt["seconds_used"]) == ("submitted", 5, 75.5)


def test_clock_runs_out_and_submits(env, clock, runner):
    write_bank(env, EXAM_BANK)
    child = spawn(env, clock, "--questions", "3", "--minutes", "2", "--seed", "2")
    text = screen(child, "Question 1 of 3")
    assert "Time left 2:00" in text
    letters = right_letters(text).split(",")
    for letter in letters:
        child.send(letter.lower())
    child.expect(re.escape(f"[x] {letters[-1]}."))
    clock.set(100)
    child.expect("Time left 0:20")  # the countdown moves with no key pressed
    clock.set(120)
    child.expect("Time is up: the attempt was submitted as it stood.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [attempt] = history(runner)
    assert (attempt["status"], attempt["seconds_used"], attempt["total"]) == ("submitted", 120.0, 3)
    assert attempt["raw_correct"] == 1  # the answer given in time counts
    assert runner.invoke(app, ["exam", "--resume"]).exit_code == 2  # nothing left to resume


def test_one_minute_warning_then_pause_with_escape(env, clock):
    write_bank(env, EXAM_BANK)
    child = spawn(env, clock, "--questions", "2", "--minutes", "2")
    screen(child, "Question 1 of 2")
    clock.set(59)
    child.expect("Time left 1:01")
    clock.set(61)
    child.expect("Warning: 1 minute left.")
    child.send("\x1b")
    child.expect("Paused: every answer is saved")
    child.expect("with 0:59 left")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Warning: 1 minute left." not in strip_ansi(child.before)  # once, not again at each redraw


def read_until(proc: subprocess.Popen[bytes], text: str, timeout: float = 15) -> str:
    assert proc.stdout is not None
    fd, data, end = proc.stdout.fileno(), b"", time.perf_counter() + timeout  # monotonic may be frozen
    while text.encode() not in data:
        assert time.perf_counter() < end, data.decode()
        if select.select([fd], [], [], 0.2)[0]:
            chunk = os.read(fd, 4096)
            assert chunk, data.decode()
            data += chunk
    return data.decode()


def test_resume_after_kill_9_keeps_answers_and_time_left(env, clock, runner, frozen_monotonic):
    write_bank(env, EXAM_BANK)
    proc = subprocess.Popen(
        [PYTHON, *clock.argv("exam", "--plain", "--questions", "4", "--minutes", "2", "--seed", "5")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=subprocess_env(env),
        cwd=str(ROOT),
    )
    assert proc.stdin is not None
    seen = read_until(proc, "> ")
    first = right_letters(seen) or "80"
    proc.stdin.write(f"{first}\n".encode())
    proc.stdin.flush()
    seen = read_until(proc, "Question 2 of 4")
    clock.set(30)
    proc.stdin.write(b":f\n")  # flag question 2: saved with the time used so far
    proc.stdin.flush()
    read_until(proc, "Flagged question 2 for review.")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    # resumed here, on a clock that stands still: only the time used before the kill counts
    res = runner.invoke(app, ["exam", "--resume", "--plain", "--json"], input=":r\n:s\n")
    assert res.exit_code == 0, res.output
    # 120 s allowed, 30 s were used before the kill
    assert "Question 2 of 4 [flagged] (1 answered; time left 1:30)" in res.stderr, res.stderr
    data = json.loads(res.stdout)
    assert data["answered"] == 1 and data["raw_correct"] == 1  # the first answer given was right
    assert data["seconds_used"] == 30.0
