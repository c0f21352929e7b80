"""Two exams at once (the probe's scenario): start A, start B in another terminal, answer in A, pause A.
Nothing is lost and A names the command that continues it."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import PYTHON, subprocess_env, write_bank
from tests.exam_bank import EXAM_BANK


def awsprep(env, *args: str, given: str = "") -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [PYTHON, "-m", "awsprep", *args], env=subprocess_env(env), input=given, capture_output=True, text=True
    )


def test_pausing_a_set_aside_attempt_keeps_its_answers_and_says_how_to_resume_it(env) -> None:  # type: ignore[no-untyped-def]
    write_bank(env, EXAM_BANK)
    exam = [PYTHON, "-m", "awsprep", "exam", "--plain", "-n", "3", "--mode", "practice", "--seed", "1"]
    a = subprocess.Popen(
        exam, env=subprocess_env(env), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert a.stdin is not None and a.stdout is not None
    while not a.stdout.readline().startswith("Answer with letters"):  # A shows its first question
        assert a.poll() is None
    b = awsprep(env, "exam", "--plain", "-n", "3", "--mode", "practice", "--seed", "2", given=":q\n")
    assert b.returncode == 0 and "Attempt #1 is still open" in b.stdout
    a.stdin.write("A\n:f\n:q\n")  # an answer (question 1) and a flag (question 2) in A after B started
    a.stdin.close()
    out = a.stdout.read()
    assert a.wait(timeout=30) == 0
    assert "awsprep exam --resume --attempt 1 continues attempt #1" in out
    history = json.loads(awsprep(env, "exam", "history", "--json").stdout)["attempts"]
    assert {h["attempt"]: h["status"] for h in history} == {1: "open", 2: "open"}
    resumed = awsprep(env, "exam", "--plain", "--resume", "--attempt", "1", given=":r\n:q\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "Question 2 of 3 [flagged] (1 answered)" in resumed.stdout, resumed.stdout
