"""`awsprep exam` and `awsprep exam history` through typer's CliRunner (plain mode: stdin is not a tty)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from awsprep.cli.main import app
from awsprep.store.exams import ExamStore
from awsprep.store.repo import Store
from tests.conftest import store_url, write_bank
from tests.exam_bank import EXAM_BANK

# The exam clock stands still (no test depends on how fast this machine is): "10:00 left" is exact; and
# every test here runs against SQLite and against a PostgreSQL server (the `db` fixture).
pytestmark = pytest.mark.usefixtures("frozen_monotonic", "db")


def exam_store(env) -> ExamStore:
    return ExamStore(Store(store_url(env)))


def answer_lines(exams: ExamStore, wrong: set[str] = frozenset()) -> list[str]:
    """The right answer for each question of the open attempt (a wrong one for the card ids in `wrong`)."""
    info = exams.open_attempt()
    assert info is not None
    lines = []
    for rec in exams.items(info.id):
        q = rec.question
        if q["kind"] == "numeric":
            lines.append("81" if rec.card_id in wrong else "80")
            continue
        picked = list(q["correct"])
        if rec.card_id in wrong:  # as many options as asked for, one of them wrong
            other = next(i for i in range(len(q["options"])) if i not in picked)
            picked = sorted([*picked[:-1], other])
        lines.append(",".join(chr(ord("A") + i) for i in picked))
    return lines


def test_plain_exam_at_the_end_of_input_pauses_on_a_line_of_its_own(env, runner):
    write_bank(env, EXAM_BANK)
    res = runner.invoke(app, ["exam", "--plain", "--questions", "2", "--seed", "4"], input="")
    assert res.exit_code == 0, res.output
    assert "\nPaused: every answer is saved" in res.output and "> Paused" not in res.output


def test_full_plain_exam_report_feeds_review_and_history(env, runner):
    write_bank(env, EXAM_BANK)
    res = runner.invoke(app, ["exam", "--plain", "--questions", "5", "--seed", "4"], input=":q\n")
    assert res.exit_code == 0, res.output
    assert "--- Question 1 of 5" in res.output and "time left 10:00" in res.output
    assert (
        "Paused: every answer is saved; awsprep exam --resume continues attempt #1 with 10:00 left."
        in res.output
    )
    exams = exam_store(env)
    lines = answer_lines(exams, wrong={"e-dev-2"})  # choose two, answered with one right and one wrong option
    res = runner.invoke(
        app, ["exam", "--resume", "--plain", "--json"], input="\n".join([*lines, ":s"]) + "\n"
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {"raw_correct", "total", "scaled_score", "passed", "domains"} <= set(data)
    assert (data["raw_correct"], data["total"], data["answered"]) == (4, 5, 5)
    assert data["scaled_score"] == 720 + round(280 * (0.8 - 0.72) / 0.28) and data["passed"] is True
    assert data["domains"][0]["key"] == "development" and data["domains"][0]["percent"] == 50.0
    assert [w["card_id"] for w in data["wrong"]] == ["e-dev-2"] and data["fed_to_review"] == ["e-dev-2"]
    assert "Review before submitting" in res.stderr and "Scaled score (estimate)" in res.stderr
    assert "estimate" in data["scaled_score_note"]
    # the wrong answer is due tomorrow as a failed recall; the right ones are untouched
    cards = {c["id"]: c for c in json.loads(runner.invoke(app, ["cards", "list", "--json"]).stdout)}
    assert cards["e-dev-2"]["due"] == "2026-01-06" and cards["e-dev-2"]["ef"] < 2.5
    assert cards["e-dev-1"]["due"] is None
    hist = runner.invoke(app, ["exam", "history", "--json"])
    assert hist.exit_code == 0, hist.output
    h = json.loads(hist.stdout)
    assert data["seconds_used"] == 0.0
    assert h["attempts"][0] == {
        "attempt": 1,
        "date": "2026-01-05",
        "started": "2026-01-05T09:00:00+00:00",
        "blueprint": "DVA-C02",
        "mode": "timed",
        "status": "submitted",
        "raw_correct": 4,
        "total": 5,
        "scaled_score": data["scaled_score"],
        "passed": True,
        "seconds_used": 0.0,
    }
    assert h["trend"] == []  # a 5-question attempt is short: listed, never in the trend
    text = runner.invoke(app, ["exam", "history"])
    assert "DVA-C02" in text.output and "pass" in text.output
    assert "No full-length timed attempt yet" in text.output


def test_plain_navigation_flags_and_review_screen(env, runner):
    write_bank(env, EXAM_BANK)
    script = [":f", "", ":g 1", ":p", ":r", "9", "2", ":f", ":n", ":n", ":n", ":s", "s"]
    res = runner.invoke(app, ["exam", "--plain", "-n", "5", "--seed", "1"], input="\n".join(script) + "\n")
    assert res.exit_code == 0, res.output
    out = res.output
    assert "--- Question 1 of 5 [flagged]" in out
    assert "Unanswered: 1, 2, 3, 4, 5\nFlagged: 1" in out
    assert "There is no question 9; the numbers are 1-5." in out
    assert "Flagged: 1, 2" in out
    assert "Score: 0 / 5 correct (0 answered)" in out
    assert "due in tomorrow's review" not in out  # unanswered questions do not feed the review


def test_practice_mode_shows_answer_after_each_question(env, runner):
    write_bank(env, EXAM_BANK)
    res = runner.invoke(
        app, ["exam", "--plain", "--mode", "practice", "-n", "5", "--seed", "2"], input=":q\n"
    )
    lines = answer_lines(exam_store(env), wrong={"e-tro-1"})
    res = runner.invoke(app, ["exam", "--resume", "--plain"], input="\n".join([*lines, ":s"]) + "\n")
    assert res.exit_code == 0, res.output
    assert "time left" not in res.output
    assert res.output.count("Correct: you answered") == 4
    assert "Wrong: you answered 81 RCU; the answer is 80 RCU." in res.output
    assert "80 reads x 1 = 80" in res.output
    assert "The first development answer is right." in res.output


def test_short_bank_says_so_in_one_sentence(env, runner):
    write_bank(env, EXAM_BANK)
    res = runner.invoke(app, ["exam", "--plain", "--seed", "1"], input=":q\n")
    assert res.exit_code == 0, res.output
    assert "the exam has 5 questions instead of 65." in res.output
    assert "--- Question 1 of 5" in res.output and "time left 10:00" in res.output  # 2 minutes a question


def test_domain_option(env, runner):
    write_bank(env, EXAM_BANK)
    res = runner.invoke(
        app, ["exam", "--plain", "--domain", "development", "-n", "2", "--json"], input=":r\n:s\n"
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["total"] == 2 and [d["key"] for d in data["domains"]] == ["development"]


def test_deck_option_takes_questions_from_that_deck_only(env, runner):
    write_bank(env, EXAM_BANK)
    write_bank(env, EXAM_BANK.replace("id: e-", "id: other-"), name="other.yaml")
    other = Path(env["AWSPREP_BANK"]) / "other.yaml"
    other.write_text(other.read_text().replace("deck: test", "deck: other"))
    res = runner.invoke(app, ["exam", "--plain", "--deck", "other", "-n", "5", "--json"], input=":r\n:s\n")
    assert res.exit_code == 0, res.output
    ids = {rec.card_id for rec in exam_store(env).items(json.loads(res.stdout)["attempt"])}
    assert len(ids) == 5 and all(i.startswith("other-") for i in ids)
    bad = runner.invoke(app, ["exam", "--plain", "--deck", "nope"], input="")
    assert bad.exit_code == 2 and "There is no deck named 'nope'" in bad.stderr


def test_a_new_exam_keeps_the_paused_one_and_either_can_be_resumed(env, runner):
    write_bank(env, EXAM_BANK)
    first = runner.invoke(app, ["exam", "--plain", "-n", "2", "--seed", "1"], input="A\n:q\n")
    assert "Paused: every answer is saved; awsprep exam --resume continues attempt #1" in first.output
    res = runner.invoke(app, ["exam", "--plain", "-n", "2"], input=":q\n")
    assert "Attempt #1 is still open; awsprep exam --resume --attempt 1 continues it." in res.output
    h = json.loads(runner.invoke(app, ["exam", "history", "--json"]).stdout)
    assert [a["status"] for a in h["attempts"]] == ["open", "open"]
    # --resume takes the newest; --attempt 1 the older one, with its answer kept
    newest = runner.invoke(app, ["exam", "--resume", "--plain"], input=":q\n")
    assert "continues attempt #2" in newest.output
    older = runner.invoke(app, ["exam", "--resume", "--attempt", "1", "--plain"], input=":q\n")
    assert "--- Question 2 of 2 (1 answered" in older.output  # the answer given before the pause is kept
    assert "awsprep exam --resume --attempt 1 continues attempt #1" in older.output
    missing = runner.invoke(app, ["exam", "--resume", "--attempt", "9", "--plain"], input="")
    assert missing.exit_code == 2
    assert "Attempt #9 is not an unfinished exam; unfinished: #2, #1." in missing.stderr


def test_retake_wrong_asks_only_the_missed_questions_afresh(env, runner):
    write_bank(env, EXAM_BANK)
    runner.invoke(app, ["exam", "--plain", "-n", "5", "--seed", "4"], input=":q\n")
    lines = answer_lines(exam_store(env), wrong={"e-dev-2", "e-tro-1"})
    script = "\n".join([*lines, ":s"]) + "\n"
    res = runner.invoke(app, ["exam", "--resume", "--plain", "--json"], input=script)
    assert res.exit_code == 0, res.output
    assert re.search(r"Time used: \d+:\d\d of 10:00", res.stderr)
    retake = runner.invoke(app, ["exam", "--retake", "1", "--wrong", "--plain", "--json"], input=":q\n")
    assert retake.exit_code == 0, retake.output
    items = exam_store(env).items(2)
    assert sorted(r.card_id for r in items) == ["e-dev-2", "e-tro-1"]
    bad = runner.invoke(app, ["exam", "--wrong", "--plain"], input="")
    assert bad.exit_code == 2 and "--wrong goes with --retake N" in bad.stderr
    nothing = runner.invoke(app, ["exam", "--retake", "2", "--wrong", "--plain"], input="")
    assert nothing.exit_code == 2 and "was not submitted" in nothing.stderr


def test_blueprints_list_question_counts_and_an_empty_one_says_what_would_serve(env, runner):
    write_bank(env, EXAM_BANK)
    data = json.loads(runner.invoke(app, ["exam", "blueprints", "--json"]).stdout)
    counts = {r["blueprint"]: r["bank_questions"] for r in data}
    assert counts == {"clf-c02": 0, "dva-c02": 5, "saa-c03": 0}
    res = runner.invoke(app, ["exam", "-b", "clf-c02", "--plain"], input="")
    assert res.exit_code == 2
    assert "No deck has CLF-C02 questions yet" in res.stderr and "pass --blueprint" not in res.stderr
    assert "awsprep exam blueprints" in res.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--blueprint", "xyz-c01"],
            "There is no blueprint 'xyz-c01'; the blueprints are: clf-c02, dva-c02, saa-c03.",
        ),
        (["--questions", "0"], "awsprep: --questions must be from 1 to 1000, not 0.\n"),
        (
            ["--domain", "networking"],
            "DVA-C02 has no domain 'networking'; its domains are: development, security,",
        ),
        (["--resume"], "There is no unfinished exam to resume; start one with awsprep exam."),
        (["--mode", "exam"], "--mode must be timed or practice, not 'exam'."),
        (["--minutes", "0"], "--minutes must be more than 0 and at most 1440, not 0."),
        (["--minutes", "NaN"], "--minutes must be more than 0 and at most 1440, not nan."),
        (["--minutes", "1e999"], "--minutes must be more than 0 and at most 1440, not inf."),
    ],
)
def test_usage_errors_exit_2(env, runner, args, message):
    write_bank(env, EXAM_BANK)
    res = runner.invoke(app, ["exam", "--plain", *args], input="")
    assert res.exit_code == 2, res.output
    assert message in res.stderr


def test_no_exam_questions_in_bank(env, runner):
    write_bank(env, "  - {id: b, type: basic, front: F, back: B}\n")
    res = runner.invoke(app, ["exam", "--plain"], input="")
    assert res.exit_code == 2
    assert res.stderr.strip().startswith("awsprep: No deck has DVA-C02 questions yet")
