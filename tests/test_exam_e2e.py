"""The exam as a person takes it: in a pseudo-terminal (pexpect), killed with -9 and resumed, the clock
running out on a real process."""

from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import time

import pexpect
import pytest

from tests.conftest import PYTHON, ROOT, subprocess_env, write_bank
from tests.exam_bank import EXAM_BANK, right_letters, strip_ansi

# Every test here runs against SQLite and against a PostgreSQL server (the `db` fixture).
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("db")]


def spawn(env, *args: str) -> pexpect.spawn:
    child_env = subprocess_env(env) | {"TERM": "xterm", "COLUMNS": "110", "LINES": "40"}
    return pexpect.spawn(
        PYTHON,
        ["-m", "awsprep", "exam", *args],
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


def run_cli(env, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "awsprep", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=subprocess_env(env),
        cwd=str(ROOT),
        timeout=60,
    )


def test_full_exam_in_a_terminal(env):
    write_bank(env, EXAM_BANK)
    child = spawn(env, "--questions", "5", "--seed", "11")
    numeric_at = None
    for n in range(1, 6):
        text = screen(child, f"Question {n} of 5")
        assert re.search(r"Time left (9:5\d|10:00)", text), text
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
    child.send("s")
    child.expect("Exam report")
    child.expect(pexpect.EOF)
    report = strip_ansi(child.before)
    child.close()
    assert child.exitstatus == 0
    assert "is an estimate" in report and "PASS" in report
    hist = json.loads(run_cli(env, "exam", "history", "--json").stdout)
    assert hist["attempts"][0]["status"] == "submitted" and hist["attempts"][0]["total"] == 5


def test_clock_runs_out_and_submits(env):
    write_bank(env, EXAM_BANK)
    child = spawn(env, "--questions", "3", "--minutes", "0.05", "--seed", "2")
    text = screen(child, "Question 1 of 3")
    child.send(right_letters(text).split(",")[0].lower())
    child.expect("Time left 0:0[0-2]")  # the countdown moves with no key pressed
    child.expect("Time is up: the attempt was submitted as it stood.", timeout=10)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    hist = json.loads(run_cli(env, "exam", "history", "--json").stdout)["attempts"][0]
    assert hist["status"] == "submitted" and hist["seconds_used"] >= 3.0 and hist["total"] == 3
    assert run_cli(env, "exam", "--resume").returncode == 2  # nothing left to resume


def test_one_minute_warning_then_pause_with_escape(env):
    write_bank(env, EXAM_BANK)
    child = spawn(env, "--questions", "2", "--minutes", "1.03")
    screen(child, "Question 1 of 2")
    child.expect("Warning: 1 minute left.", timeout=10)
    child.send("\x1b")
    child.expect("Paused: every answer is saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def read_until(proc: subprocess.Popen[bytes], text: str, timeout: float = 15) -> str:
    assert proc.stdout is not None
    fd, data, end = proc.stdout.fileno(), b"", time.monotonic() + timeout
    while text.encode() not in data:
        assert time.monotonic() < end, data.decode()
        if select.select([fd], [], [], 0.2)[0]:
            chunk = os.read(fd, 4096)
            assert chunk, data.decode()
            data += chunk
    return data.decode()


def test_resume_after_kill_9_keeps_answers_and_time_left(env):
    write_bank(env, EXAM_BANK)
    proc = subprocess.Popen(
        [PYTHON, "-m", "awsprep", "exam", "--plain", "--questions", "4", "--minutes", "2", "--seed", "5"],
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
    time.sleep(2.5)
    proc.stdin.write(b":f\n")  # flag question 2: saved with the time used so far
    proc.stdin.flush()
    read_until(proc, "Flagged question 2 for review.")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    res = run_cli(env, "exam", "--resume", "--plain", "--json", stdin=":r\n:s\n")
    assert res.returncode == 0, res.stderr
    left = re.search(
        r"Question 2 of 4 \[flagged\] \(1 answered; time left (\d+):(\d\d)\)", res.stdout + res.stderr
    )
    assert left, res.stderr
    seconds_left = int(left.group(1)) * 60 + int(left.group(2))
    assert 100 <= seconds_left <= 118  # 120 s allowed, at least 2.5 s were used before the kill
    data = json.loads(res.stdout)
    assert data["answered"] == 1 and data["raw_correct"] == 1  # the first answer given was right
    assert data["seconds_used"] >= 2.5
