"""Review driven as a person would (pseudo-terminal), killed mid-session, and run twice at once."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import time

import pexpect
import pytest

from awsprep.cli.main import app
from awsprep.store.repo import Store
from tests.conftest import (
    MIXED,
    PYTHON,
    basic_cards,
    shown_letters,
    store_url,
    subprocess_env,
    write_bank,
)

# Every test here runs against SQLite and against a PostgreSQL server (the `db` fixture).
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("db")]


def answers_in_log(env: dict[str, str]) -> list[tuple[str, int]]:
    store = Store(store_url(env))
    return [(e.card_id, e.grade or 0) for e in store.log() if e.action == "answer" and not e.undone]


def assert_intact(env: dict[str, str]) -> None:
    """SQLite's own integrity check; a server keeps its own (a committed answer is durable there)."""
    url = store_url(env)
    if url.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _spawn_review_tty(env: dict[str, str], dimensions: tuple[int, int]) -> pexpect.spawn:
    return pexpect.spawn(
        PYTHON,
        ["-m", "awsprep", "review"],
        env=subprocess_env(env),
        encoding="utf-8",
        dimensions=dimensions,
        timeout=20,
    )


def test_review_in_a_pseudo_terminal(env):
    write_bank(
        env, MIXED + '  - {id: lit, type: basic, front: "[bold red]boom[/bold red]", back: "\\e[2J gone"}\n'
    )
    child = _spawn_review_tty(env, (40, 120))
    try:
        child.expect("What is the answer")
        child.expect("Space/Enter reveal")
        child.send(" ")
        child.expect("Forty-two")
        child.expect("Grade 0-5")
        child.send("g")  # alias for 4
        child.expect(r"The default timeout is \[\.\.\.\]")
        child.send(" ")
        child.expect("3 seconds")
        child.send("5")
        child.expect("Pick the two even numbers")
        child.expect(r"\(Choose two\.\)")
        child.expect("Answer: ")
        child.sendline(shown_letters("m1", ["1", "2", "3", "4"], ["2", "4"], done=2))
        child.expect("Correct")
        child.expect("Two and four are even")
        child.send("x")  # any key continues
        child.expect("How many RCU")
        child.expect("Answer: ")
        child.sendline("80")
        child.expect("Correct")
        child.send(" ")
        child.expect(r"\[bold red\]boom\[/bold red\]")  # markup in card text is shown, not applied
        child.send(" ")
        child.expect(
            r"\^\[\[2J gone"
        )  # the escape sequence is shown as text, the screen is not cleared by it
        child.send("u")  # undo is available at the grade prompt: undoes the numeric answer
        child.expect("Undid the last answer \\(n1\\)")
        child.expect("How many RCU")
        child.expect("Answer: ")
        child.sendline(":q")
        child.expect("Session summary")
        child.expect("Cards seen: 3")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert answers_in_log(env) == [("b1", 4), ("z1", 5), ("m1", 5)]


def test_ctrl_c_in_a_terminal_keeps_answers(env):
    write_bank(env, basic_cards(3))
    child = _spawn_review_tty(env, (30, 100))
    child.expect("Front 0")
    child.send(" ")
    child.expect("Grade 0-5")
    child.send("4")
    child.expect("Front 1")
    child.sendintr()
    child.expect("every answer given so far is saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert answers_in_log(env) == [("c000", 4)]


def _spawn_plain(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PYTHON, "-m", "awsprep", "review", "--plain"],
        env=subprocess_env(env),
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=1,
    )


def _read_until(proc: subprocess.Popen[str], marker: str) -> str:
    assert proc.stdout is not None
    seen = ""
    deadline = time.monotonic() + 20
    while marker not in seen:
        assert time.monotonic() < deadline, seen
        ch = proc.stdout.read(1)
        assert ch, seen
        seen += ch
    return seen


def test_kill_9_mid_review_loses_no_answer(env):
    write_bank(env, basic_cards(10))
    proc = _spawn_plain(env)
    assert proc.stdin is not None
    for i in range(4):
        _read_until(proc, f"Q: Front {i}?")
        proc.stdin.write("\n5\n")
        proc.stdin.flush()
    _read_until(proc, "Q: Front 4?")  # the 4th answer was committed before card 5 was shown
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert answers_in_log(env) == [(f"c00{i}", 5) for i in range(4)]
    assert_intact(env)


def test_two_review_processes_at_once(env, runner):
    write_bank(env, basic_cards(40))
    assert runner.invoke(app, ["settings", "new-per-day", "40"]).exit_code == 0
    procs = [_spawn_plain(env) for _ in range(2)]
    outs = [p.communicate("\n5\n" * 40, timeout=60) for p in procs]
    given = 0
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert err == ""
        given += int(re.search(r"answers: (\d+)", out).group(1))  # type: ignore[union-attr]
    # Whichever process got there first, every answer either of them gave is in the log.
    assert given >= 40
    assert len(answers_in_log(env)) == given
    res = runner.invoke(app, ["cards", "list", "--json"])
    assert res.exit_code == 0, res.output
    states = json.loads(res.stdout)
    assert len(states) == 40 and all(s["reps"] >= 1 for s in states)
    assert_intact(env)


def test_two_machines_on_one_store_lose_no_answer_and_never_show_a_card_twice(env, tmp_path):
    """Two processes with their own AWSPREP_HOME (two machines) reviewing one store at the same time."""
    write_bank(env, basic_cards(30))
    shared = {**env, "AWSPREP_DB": store_url(env)}
    subprocess.run(
        [PYTHON, "-m", "awsprep", "settings", "new-per-day", "30"], env=subprocess_env(shared), check=True
    )
    machines = [{**shared, "AWSPREP_HOME": str(tmp_path / f"machine{i}")} for i in range(2)]
    procs = [_spawn_plain(m) for m in machines]
    outs = [p.communicate("\n5\n" * 30, timeout=90) for p in procs]
    shown: list[str] = []
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        shown += re.findall(r"Q: Front (\d+)\?", out)
    answers = answers_in_log(env)
    assert sorted(shown) == sorted(set(shown)), "a card was shown on both machines"
    assert sorted(cid for cid, _ in answers) == [f"c{i:03d}" for i in range(30)]  # each once, none lost
    assert all(grade == 5 for _, grade in answers)
    assert_intact(env)


def test_no_color_keeps_the_progress_bar_and_ctrl_c_summary_starts_a_line(env):
    write_bank(env, basic_cards(4))
    env = {**env, "NO_COLOR": "1"}
    child = _spawn_review_tty(env, (30, 80))
    try:
        child.expect("░")  # the bar is drawn in block characters, not colour
        child.expect("Front 0")
        child.send(" ")
        child.expect("Grade 0-5")
        child.send("4")
        child.expect("█")  # one card of four done
        child.expect("Front 1")
        child.expect("Space/Enter reveal")
        child.sendintr()
        child.expect("Session summary")
        before = child.before
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert "\x1b[3" not in before  # no colour codes under NO_COLOR
    assert child.exitstatus == 130


def test_kill_9_at_press_any_key_keeps_the_auto_graded_answer(env):
    """A numeric card is graded and saved before its result is shown: killed at "Press any key", the
    answer is in the log."""
    write_bank(
        env,
        "  - {id: n1, type: numeric, question: 'How many RCU?', answer: 80, unit: RCU}\n",
    )
    child = _spawn_review_tty(env, (30, 100))
    try:
        child.expect("How many RCU")
        child.expect("Answer: ")
        child.sendline("80")
        child.expect("Press any key")
        child.kill(signal.SIGKILL)
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert [card for card, _ in answers_in_log(env)] == ["n1"]
