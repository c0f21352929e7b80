"""The plain exam keeps its clock while it waits for a line: time is saved every few seconds and a
piped exam that gets no answer ends at zero by itself."""

from __future__ import annotations

import json
import subprocess
import time

from tests.conftest import PYTHON, subprocess_env, write_bank
from tests.exam_bank import EXAM_BANK


def test_a_silent_piped_exam_is_submitted_at_zero_with_its_answer(env) -> None:  # type: ignore[no-untyped-def]
    write_bank(env, EXAM_BANK)
    cmd = [PYTHON, "-m", "awsprep", "exam", "--plain", "-n", "2", "--minutes", "0.05", "--seed", "3"]
    proc = subprocess.Popen(
        cmd,
        env=subprocess_env(env),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write("1\n")  # a number answers the numeric question or is taken as a question number
    proc.stdin.flush()
    start = time.monotonic()
    proc.wait(timeout=30)  # stdin stays open (no EOF): the exam must end by itself at zero
    took = time.monotonic() - start
    proc.stdin.close()
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    assert proc.returncode == 0, err
    assert "Time is up" in out and took < 25
    hist = subprocess.run(
        [PYTHON, "-m", "awsprep", "exam", "history", "--json"],
        env=subprocess_env(env),
        capture_output=True,
        text=True,
        check=True,
    )
    attempts = json.loads(hist.stdout)["attempts"]
    assert attempts[0]["status"] == "submitted" and attempts[0]["seconds_used"] >= 2.9
