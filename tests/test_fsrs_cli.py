"""Review under FSRS as a user runs it: settings, the grading rules, switching both ways, migration."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awsprep.cli.main import app
from awsprep.store.db import SCHEMA_VERSION
from tests.conftest import MIXED, basic_cards, shown_letters, write_bank


def cards(runner: CliRunner) -> dict[str, dict[str, object]]:
    res = runner.invoke(app, ["cards", "list", "--json"])
    assert res.exit_code == 0, res.output
    return {c["id"]: c for c in json.loads(res.stdout)}


def use_fsrs(runner: CliRunner) -> None:
    res = runner.invoke(app, ["settings", "scheduler", "fsrs"])
    assert res.exit_code == 0, res.output


def test_settings_check_values(env, runner):
    for args, said in [
        (["settings", "scheduler", "anki"], "must be one of sm2, fsrs"),
        (["settings", "desired-retention", "0.5"], "from 0.7 to 0.99"),
        (["settings", "exam-date", "15/01/2027"], "must be a date such as 2027-01-15"),
        (["settings", "exam-blueprint", "xyz-c01"], "There is no blueprint 'xyz-c01'"),
        (["settings", "fsrs-fit", "3"], "takes no value"),
    ]:
        res = runner.invoke(app, args)
        assert res.exit_code == 2 and said in res.stderr and "Traceback" not in res.output, res.output
    past = runner.invoke(
        app, ["settings", "exam-date", "2020-06-01"], env={"AWSPREP_NOW": "2026-05-04T09:00"}
    )
    assert past.exit_code == 2 and "The exam date 2020-06-01 is before today (2026-05-04)" in past.stderr
    res = runner.invoke(app, ["settings", "--json"])
    data = json.loads(res.stdout)
    assert data["scheduler"] == "sm2" and data["desired-retention"] == 0.9 and data["exam-date"] is None
    today = runner.invoke(
        app, ["settings", "exam-date", "2026-05-04"], env={"AWSPREP_NOW": "2026-05-04T09:00"}
    )
    assert today.exit_code == 0, today.output


def test_fsrs_first_answers_and_drill(env, runner):
    write_bank(env, basic_cards(3))
    use_fsrs(runner)
    res = runner.invoke(app, ["review", "--plain"], input="\n4\n\na\n\n5\n\n4\n")
    assert res.exit_code == 0, res.output
    state = cards(runner)
    # FSRS-6 defaults: first Good S=2.31 -> 2 days, first Easy S=8.30 -> 8 days, first Again -> 1 day
    assert state["c000"]["interval"] == 2 and state["c000"]["due"] == "2026-01-07"
    assert state["c002"]["interval"] == 8
    assert state["c001"]["interval"] == 1 and state["c001"]["lapses"] == 0
    assert res.output.count("Q: Front 1?") == 2  # drilled, then graded 4: done for today
    assert state["c001"]["state"] == "review"


def test_mcq_auto_grade_undo_and_bury_under_fsrs(env, runner):
    write_bank(env, MIXED)
    use_fsrs(runner)
    mcq = shown_letters("m1", ["1", "2", "3", "4"], ["2", "4"], 2)
    # b1 graded 5, z1 buried, m1 answered right, undo (asked again), m1 right again, quit
    res = runner.invoke(app, ["review", "--plain", "--json"], input=f"\n5\nb\n{mcq}\n:u\n")
    assert res.exit_code == 0, res.output
    assert "Undid the last answer (m1)" in res.stderr
    state = cards(runner)
    assert state["b1"]["interval"] == 8 and state["z1"]["state"] == "buried"
    assert state["m1"]["state"] == "new"  # the undone answer left no trace


def test_leech_under_fsrs(env, runner):
    write_bank(env, basic_cards(1))
    use_fsrs(runner)
    day = date(2026, 1, 5)
    runner.invoke(app, ["review", "--plain"], input="\n5\n", env={"AWSPREP_NOW": f"{day}T09:00"})
    lapses = 0
    data: dict[str, object] = {}
    while lapses < 8:
        day = date.fromisoformat(str(cards(runner)["c000"]["due"]))
        res = runner.invoke(
            app, ["review", "--plain", "--json"], input="\n0\n\n5\n", env={"AWSPREP_NOW": f"{day}T09:00"}
        )
        data = json.loads(res.stdout)
        lapses += 1
    assert data["leeches"] == ["c000"]
    assert cards(runner)["c000"]["state"] == "leech"


def answer_days(runner: CliRunner, start: date, days: int, grades: str = "\ng\n") -> None:
    for offset in range(days):
        day = start + timedelta(days=offset)
        res = runner.invoke(
            app, ["review", "--plain", "--json"], input=grades * 100, env={"AWSPREP_NOW": f"{day}T08:00"}
        )
        assert res.exit_code == 0, res.output


def test_switching_replays_the_log_both_ways(env, runner):
    write_bank(env, basic_cards(12))
    runner.invoke(app, ["settings", "new-per-day", "4"])
    answer_days(runner, date(2026, 1, 1), 10)
    under_sm2 = cards(runner)
    res = runner.invoke(app, ["settings", "scheduler", "fsrs"], env={"AWSPREP_NOW": "2026-01-11T08:00"})
    assert "rescheduled 12 card(s)" in res.stdout
    under_fsrs = cards(runner)
    assert under_fsrs != under_sm2
    # c000: good on days 0, 1, 7 under SM-2; FSRS replays them: S after three goods gives a due date
    assert under_fsrs["c000"]["due"] != under_sm2["c000"]["due"]
    back = runner.invoke(app, ["settings", "scheduler", "sm2"], env={"AWSPREP_NOW": "2026-01-11T08:00"})
    assert back.exit_code == 0
    assert cards(runner) == under_sm2  # switching back gives exactly what staying would have


def test_retention_change_reschedules_under_fsrs(env, runner):
    write_bank(env, basic_cards(2))
    use_fsrs(runner)
    runner.invoke(app, ["review", "--plain"], input="\ng\n\ng\n")
    before = cards(runner)["c000"]["interval"]
    res = runner.invoke(app, ["settings", "desired-retention", "0.8"])
    assert "rescheduled 2 card(s)" in res.stdout
    assert cards(runner)["c000"]["interval"] > before


def test_schema_1_database_gains_fsrs_columns(env, runner, tmp_path: Path):
    db = tmp_path / "old.db"
    write_bank(env, basic_cards(2))
    url = f"sqlite:///{db}"
    runner.invoke(app, ["review", "--plain", "--db", url], input="\ng\n")
    con = sqlite3.connect(db)
    con.execute("DROP INDEX ix_cards_memory")  # schema 5's index names the columns of schema 3
    con.execute("ALTER TABLE cards DROP COLUMN stability")
    con.execute("ALTER TABLE cards DROP COLUMN difficulty")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    res = runner.invoke(app, ["settings", "scheduler", "fsrs", "--db", url])
    assert res.exit_code == 0, res.output
    con = sqlite3.connect(db)
    version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert version == (str(SCHEMA_VERSION),)
    stability = con.execute("SELECT stability FROM cards WHERE id = 'c000'").fetchone()[0]
    assert abs(stability - 2.3065) < 1e-9


@pytest.mark.usefixtures("db")  # the plan's reviews are chosen in SQL: SQLite and PostgreSQL
def test_exam_plan_final_pass_in_the_last_days(env, runner):
    """Ten cards learnt on days 0, 1 and 7 (FSRS stability about 65 days; SM-2 has them due on day 24);
    exam on 20 March: recall on exam day would be just under 90%, so the plan skips SM-2's due date (no
    review the exam does not need), the final pass opens on 9 March (11 days before) and takes an equal
    share each day with 15% for returns (10 x 1.15 / 11 = 1.05: 2), then the plan ends."""
    write_bank(env, basic_cards(10))
    start = date(2026, 1, 1)
    for offset in (0, 1, 7):
        day = start + timedelta(days=offset)
        runner.invoke(app, ["review", "--plain"], input="\n5\n" * 10, env={"AWSPREP_NOW": f"{day}T09:00"})
    runner.invoke(app, ["settings", "exam-date", "2026-03-20"])
    skipped = runner.invoke(app, ["review", "--plain"], input="q\n", env={"AWSPREP_NOW": "2026-01-26T09:00"})
    assert "Nothing is due today." in skipped.output and "reviews only what exam day needs" in skipped.output
    # stats shows the scheduler's due dates and, beside them, what the plan asks today (nothing)
    stats = runner.invoke(app, ["stats", "--json"], env={"AWSPREP_NOW": "2026-01-26T09:00"})
    assert stats.exit_code == 0, stats.output
    future = json.loads(stats.stdout)["future_due"]
    assert future["overdue"] + future["days"][0]["due"] > 0
    assert future["plan"] == {"exam_date": "2026-03-20", "cards_today": 0}
    shown = runner.invoke(app, ["stats", "--plain"], env={"AWSPREP_NOW": "2026-01-26T09:00"}).stdout
    assert "Exam-date plan to 2026-03-20: today's review asks 0 card(s)" in " ".join(shown.split())
    before = runner.invoke(app, ["review", "--plain"], input="q\n", env={"AWSPREP_NOW": "2026-03-08T09:00"})
    assert "Nothing is due today." in before.output and "final pass starts 2026-03-09" in before.output
    first = runner.invoke(
        app, ["review", "--plain", "--json"], input="\n5\n" * 5, env={"AWSPREP_NOW": "2026-03-09T09:00"}
    )
    assert "final pass (weakest cards first) is on" in first.stderr
    assert "Today's queue: 2 card(s), about 0 minute(s)" in first.stderr  # answers take no time here
    assert json.loads(first.stdout)["answers"] == 2
    after = runner.invoke(app, ["review", "--plain"], input="q\n", env={"AWSPREP_NOW": "2026-03-21T09:00"})
    assert "Exam 2026-03-20" not in after.output
    assert "Today's queue: 8 card(s)" in after.output  # SM-2's due dates again (2 were reviewed)


def test_fsrs_fit_from_the_learners_history(env, runner):
    from datetime import UTC, datetime

    from awsprep.cli.db import open_store

    write_bank(env, basic_cards(110))
    res = runner.invoke(app, ["settings", "fsrs-fit"])
    assert "Not enough history to fit FSRS: 0 graded reviews, 200 needed" in res.stdout
    store, _ = open_store(None)
    t0 = datetime(2026, 1, 1, 9, tzinfo=UTC)
    for i in range(110):
        store.answer(f"c{i:03d}", 4, t0, 5000)
        store.answer(f"c{i:03d}", 4 if i % 4 else 1, t0 + timedelta(days=6), 5000)
    use_fsrs(runner)
    res = runner.invoke(app, ["settings", "fsrs-fit", "--json"])
    data = json.loads(res.stdout)
    assert "Fitted FSRS initial stabilities for first answers rated good from 220 reviews" in data["message"]
    weights = [float(w) for w in data["fsrs-weights"].split(",")]
    assert len(weights) == 21 and weights[2] != 2.3065  # 75% recalled after 6 days: S(good) is fitted
    ready = runner.invoke(app, ["ready", "--json"])
    assert json.loads(ready.stdout)["fsrs_parameters"] == "fitted"
