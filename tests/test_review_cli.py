"""The review session as a user runs it, through typer's CliRunner (plain mode: stdin is not a tty)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from typer.testing import CliRunner

from awsprep.cli.main import app
from tests.conftest import MIXED, basic_cards, shown_letters, write_bank

# Every test here runs against SQLite and against a PostgreSQL server (the `db` fixture), under SM-2 and
# under FSRS (the `scheduler` fixture).
pytestmark = pytest.mark.usefixtures("db", "scheduler")


def cards(runner: CliRunner) -> dict[str, dict[str, object]]:
    res = runner.invoke(app, ["cards", "list", "--json"])
    assert res.exit_code == 0, res.output
    return {c["id"]: c for c in json.loads(res.stdout)}


FIRST_INTERVAL = {"sm2": 1, "fsrs": 2}  # a new card answered 4: SM-2's I(1); FSRS-6's S0(Good) 2.3 days


def test_plain_session_grades_and_saves(env, runner, scheduler):
    write_bank(env, basic_cards(3))
    res = runner.invoke(app, ["review", "--plain"], input="\n4\n\na\n\n5\n")
    assert res.exit_code == 0, res.output
    assert "Q: Front 0?" in res.output and "A: Back 0" in res.output
    assert "Context: T > Part" in res.output
    state = cards(runner)
    assert (
        state["c000"]["interval"] == FIRST_INTERVAL[scheduler]
        and state["c000"]["reps"] == 1
        and state["c000"]["state"] == "review"
    )
    assert state["c001"]["reps"] == 0 and state["c001"]["lapses"] == 0  # failed on first sight: not a lapse
    assert state["c002"]["ef"] == (2.6 if scheduler == "sm2" else 2.5)  # FSRS keeps difficulty, not EF
    assert state["c001"]["state"] == "learning"  # graded below 4: drilled today
    assert res.output.count("Q: Front 1?") == 2  # it came back in the session; then the input ran out
    assert "Cards seen: 3" in res.output


def test_drill_brings_failed_cards_back_until_four(env, runner):
    write_bank(env, basic_cards(1))
    res = runner.invoke(app, ["review", "--plain"], input="\n1\n\n3\n\n4\n")
    assert res.exit_code == 0, res.output
    assert res.output.count("Q: Front 0?") == 3
    assert "answers: 3" in res.output
    assert cards(runner)["c000"]["state"] == "review"


def test_json_summary_keys(env, runner, scheduler):
    write_bank(env, basic_cards(2))
    res = runner.invoke(app, ["review", "--plain", "--json"], input="\n5\n\n5\n")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert set(data) == {
        "cards_seen",
        "answers",
        "correct",
        "accuracy",
        "seconds",
        "leeches",
        "suspended",
        "buried",
        "undone",
        "remaining",
        "interrupted",
        "next_due",
        "next_due_count",
    }
    assert data["cards_seen"] == 2 and data["accuracy"] == 1.0
    easy = {"sm2": "2026-01-06", "fsrs": "2026-01-13"}[scheduler]  # FSRS-6: S0(Easy) 8.3 days
    assert data["next_due"] == easy and data["next_due_count"] == 2
    assert "Q: Front 0?" in res.stderr


def test_mcq_and_numeric_are_graded_automatically(env, runner):
    write_bank(env, MIXED)
    right = shown_letters("m1", ["1", "2", "3", "4"], ["2", "4"], done=2)
    res = runner.invoke(app, ["review", "--plain"], input=f"\n5\n\n5\n{right}\n81\n")
    assert res.exit_code == 0, res.output
    assert f"Correct: you answered {right.replace(',', ', ')}" in res.output
    assert "Explanation: Two and four are even." in res.output
    assert "Wrong: you answered 81; the answer is 80 RCU" in res.output
    assert "Worked steps:" in res.output and "1 x 80 = 80" in res.output
    state = cards(runner)
    assert state["m1"]["reps"] == 1 and state["m1"]["ef"] >= 2.5  # correct: graded 3-5
    assert state["n1"]["reps"] == 0  # wrong: graded 1


def test_unreadable_typed_answer_is_asked_again(env, runner):
    write_bank(env, MIXED.split("  - id: n1")[0].split("  - id: m1")[1].join(["  - id: m1", ""]))
    right = shown_letters("m1", ["1", "2", "3", "4"], ["2", "4"], done=0)
    res = runner.invoke(app, ["review", "--plain"], input=f"Z\n{right.replace(',', ' ').lower()}\n")
    assert res.exit_code == 0, res.output
    assert "Could not read that: answer with option letters A-D" in res.output
    assert f"Correct: you answered {right.replace(',', ', ')}" in res.output


def test_undo_restores_and_asks_again(env, runner, scheduler):
    write_bank(env, basic_cards(2))
    res = runner.invoke(app, ["review", "--plain"], input="\n5\nu\n\n1\n")
    assert res.exit_code == 0, res.output
    assert "Undid the last answer (c000)" in res.output
    assert res.output.count("Q: Front 0?") >= 2
    state = cards(runner)
    # the 5 was undone; the 1 counts: a failed first answer, drilled today, due tomorrow
    assert (
        state["c000"]["reps"] == 0 and state["c000"]["interval"] == 1 and state["c000"]["state"] == "learning"
    )
    assert state["c000"]["ef"] == (1.96 if scheduler == "sm2" else 2.5)
    assert state["c001"]["state"] == "new"


def test_suspend_and_bury(env, runner):
    write_bank(env, basic_cards(3))
    res = runner.invoke(app, ["review", "--plain"], input="s\nb\nq\n")
    assert res.exit_code == 0, res.output
    state = cards(runner)
    assert state["c000"]["state"] == "suspended"
    assert state["c001"]["state"] == "buried"
    # next session: neither is asked; the buried one is back tomorrow
    res = runner.invoke(app, ["review", "--plain"], input="q\n")
    assert "Q: Front 2?" in res.output and "Front 0?" not in res.output and "Front 1?" not in res.output
    tomorrow = runner.invoke(app, ["review", "--plain"], input="q\n", env={"AWSPREP_NOW": "2026-01-06T09:00"})
    assert "Q: Front 1?" in tomorrow.output
    assert runner.invoke(app, ["cards", "unsuspend", "c000"]).exit_code == 0
    assert cards(runner)["c000"]["state"] == "new"


def test_daily_new_limit_and_counts_across_sessions(env, runner):
    write_bank(env, basic_cards(10))
    runner.invoke(app, ["settings", "new-per-day", "4"])
    first = runner.invoke(app, ["review", "--plain"], input="\n5\n\n5\n")
    assert "Card 1 of 4" in first.output
    second = runner.invoke(app, ["review", "--plain"], input="q\n")
    assert "Card 1 of 2" in second.output  # two new cards were already introduced today


def test_leech_is_tagged_and_suspended(env, runner):
    write_bank(env, basic_cards(1))
    res = runner.invoke(
        app, ["review", "--plain", "--json"], input="\n5\n", env={"AWSPREP_NOW": "2026-01-05T09:00"}
    )
    data = json.loads(res.stdout)
    output = ""
    for _ in range(8):  # failed on each day it is due (the next day after a failure, under both)
        res = runner.invoke(
            app,
            ["review", "--plain", "--json"],
            input="\n0\n",
            env={"AWSPREP_NOW": f"{data['next_due']}T09:00"},
        )
        output = res.stderr
        data = json.loads(res.stdout)
    assert "Leech: c000 has lapsed 8 times" in output
    assert data["leeches"] == ["c000"]
    assert cards(runner)["c000"]["state"] == "leech"


def test_card_text_is_shown_literally(env, runner):
    write_bank(
        env,
        '  - {id: x1, type: basic, front: "[red]x[/red] \\e[31mred\\e[0m [link=http://a]l[/link]", back: ok}',
    )
    res = runner.invoke(app, ["review", "--plain"], input="q\n")
    assert "[red]x[/red] ^[[31mred^[[0m [link=http://a]l[/link]" in res.output
    assert "\x1b" not in res.output


GOOD_DAYS = {"sm2": [0, 1, 7, 22], "fsrs": [0, 2, 13]}  # FSRS-6: 2.3-day S0(Good), then 11 days


def test_month_of_daily_reviews(env, runner, scheduler):
    """Thirty days of 'good' answers: under SM-2 each card comes back exactly on days +1, +6 and +15;
    under FSRS after 2 and 11 days."""
    write_bank(env, basic_cards(30))
    start = date(2026, 1, 1)
    runner.invoke(app, ["settings", "new-per-day", "10"])
    for offset in range(30):
        day = start + timedelta(days=offset)
        res = runner.invoke(
            app, ["review", "--plain", "--json"], input="\ng\n" * 200, env={"AWSPREP_NOW": f"{day}T08:00"}
        )
        assert res.exit_code == 0, res.output
        assert json.loads(res.stdout)["remaining"] == 0
    from awsprep.cli.db import open_store

    store, _ = open_store(None, sync=False)
    days: dict[str, list[int]] = {}
    for row in store.log():
        assert row.action == "answer"
        days.setdefault(row.card_id, []).append((row.day - start).days)
    expected = GOOD_DAYS[scheduler]
    assert days["c000"] == expected
    assert days["c010"] == [1 + d for d in expected]
    assert days["c029"] == [2 + d for d in expected]
    assert all(len(v) == len(expected) for v in days.values())
    assert len(days) == 30


def test_undo_after_bury_or_suspend_undoes_that_not_the_answer_before(env, runner):
    write_bank(env, basic_cards(3))
    # answer card 0 with 5, bury card 1, undo (the bury), then suspend card 1, undo (the suspend), quit
    res = runner.invoke(app, ["review", "--plain", "--json"], input="\n5\nb\nu\ns\nu\nq\n")
    assert res.exit_code == 0, res.output
    assert "Undid burying c001; it is asked again." in res.stderr
    assert "Undid suspending c001; it is asked again." in res.stderr
    summary = json.loads(res.stdout)
    assert (summary["answers"], summary["buried"], summary["suspended"], summary["undone"]) == (1, [], [], 2)
    state = cards(runner)
    assert state["c000"]["reps"] == 1  # the answer before the bury still counts
    assert state["c001"]["state"] == "new"


def test_end_of_input_leaves_the_summary_on_a_line_of_its_own(env, runner):
    write_bank(env, basic_cards(2))
    res = runner.invoke(app, ["review", "--plain"], input="\n4\n")
    assert res.exit_code == 0, res.output
    assert "> === Session summary" not in res.output
    assert "\n=== Session summary" in res.output and "answers: 1" in res.output


def test_queue_time_is_a_first_guess_until_the_learner_has_answered(env, runner):
    write_bank(env, basic_cards(4))
    first = runner.invoke(app, ["review", "--plain", "--new", "2"], input="\n4\n\n5\n")
    assert "Today's queue: 2 card(s), about 1 minute(s) at 20 s an answer (a first guess" in first.output
    nxt = runner.invoke(app, ["review", "--plain", "--new", "4"], input="q\n")
    assert "Today's queue: 2 card(s)" in nxt.output and "at your median" in nxt.output
    assert "first guess" not in nxt.output


def test_summary_with_cards_left_does_not_say_nothing_is_scheduled(env, runner):
    write_bank(env, basic_cards(3))
    res = runner.invoke(app, ["review", "--plain"], input="")  # input ends before any answer
    assert "Left for today: 3" in res.output and "nothing scheduled yet" not in res.output
    done = runner.invoke(app, ["review", "--plain"], input="\n5\n" * 3)
    assert "Next due: 3 card(s) on " in done.output
