"""`awsprep stats`, the review greeting after missed days, `exam report N` and the full-length trend.

Golden tests: every expected figure is counted by hand from the fixture written next to it (see the
comments), not taken from a run.
"""

from __future__ import annotations

import json
import re
import statistics
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from awsprep.cli.main import app
from awsprep.exam.blueprint import Blueprint, Domain
from awsprep.store.exams import ExamStore
from awsprep.store.repo import Store
from awsprep.study import stats as st
from awsprep.study import welcome
from awsprep.study.ports import AttemptInfo, CardTally, DayTally, DomainTally, DueTally
from awsprep.ui.stats import SPARKS, seconds_text
from tests.conftest import write_bank
from tests.exam_bank import EXAM_BANK
from tests.test_exam_cli import answer_lines

D = date(2026, 3, 2)


def day(n: int) -> date:
    return D - timedelta(days=n)


# --- the pure core, over small hand-built tallies ------------------------------------------------


def test_streaks_count_today_or_up_to_yesterday():
    active = [date(2026, 1, d) for d in (1, 2, 3, 5, 6, 8, 9, 10, 11)]
    assert st.streaks(active, date(2026, 1, 11)) == (4, 4, date(2026, 1, 11))
    # the 12th has no answer yet: the day is not over, the streak still stands
    assert st.streaks(active, date(2026, 1, 12)) == (4, 4, date(2026, 1, 11))
    assert st.streaks(active, date(2026, 1, 13)) == (0, 4, date(2026, 1, 11))
    assert st.streaks([], date(2026, 1, 13)) == (0, 0, None)


def test_calendar_marks_missed_days_only_after_studying_began():
    tallies = [DayTally(day(5), 3), DayTally(day(2), 4), DayTally(D, 1)]
    cal = st.calendar(tallies, D, days=10)
    assert [n for _, n in cal.days] == [0, 0, 0, 0, 3, 0, 0, 4, 0, 1]
    # before day(5) nothing is missed; day(4), day(3) and day(1) are
    assert [cal.missed(d) for d, _ in cal.days] == [False] * 5 + [True, True, False, True, False]
    assert (cal.active_days, cal.missed_days, cal.current_streak, cal.longest_streak) == (3, 3, 1, 1)
    data = cal.as_json()
    assert (data["from"], data["to"], data["reviews"]) == (day(9).isoformat(), D.isoformat(), 8)


def test_future_due_overdue_buried_beyond_and_daily_load():
    dues = [
        DueTally(day(3), 4, buried=1, load=4 / 2),  # overdue; one of them buried past today
        DueTally(D, 2, buried=2, load=2 / 10),  # due today but both buried: not due today
        DueTally(D + timedelta(days=1), 5, load=5 / 4),
        DueTally(D + timedelta(days=29), 1, load=1 / 30),
        DueTally(D + timedelta(days=30), 7, load=7 / 60),  # past the 30 days shown
    ]
    f = st.future_due(dues, D)
    assert f.overdue == 3 and f.per_day[0] == 0 and f.tomorrow == 5 and f.per_day[29] == 1
    assert sum(f.per_day) == 6 and f.total == 9
    assert f.daily_load == 3  # 2 + 0.2 + 1.25 + 0.033 + 0.117 = 3.6, cut to a whole number as Anki does
    assert f.as_json()["average_per_day"] == 0.3


def test_true_retention_windows_young_and_mature():
    tallies = [
        DayTally(D, 5, young_passed=2, young_failed=1, mature_passed=1, mature_failed=1),
        DayTally(day(6), 9, young_passed=3, mature_passed=4, mature_failed=1, new=1),
        DayTally(day(7), 2, young_failed=2),  # 8 days back: in the month, not the week
        DayTally(day(29), 1, mature_passed=1),
        DayTally(day(30), 1, mature_failed=1),  # 31 days back: in the year only
        DayTally(day(365), 4, young_passed=4),  # a year and a day: in no window
    ]
    r = {x.window: x for x in st.retention(tallies, D)}
    assert (r["day"].young, r["day"].mature) == (st.Rate(2, 1), st.Rate(1, 1))
    assert (r["week"].young, r["week"].mature) == (st.Rate(5, 1), st.Rate(5, 2))
    assert (r["month"].young, r["month"].mature) == (st.Rate(5, 3), st.Rate(6, 2))
    assert (r["year"].young, r["year"].mature) == (st.Rate(5, 3), st.Rate(6, 3))
    assert r["year"].as_json()["all"] == {"passed": 11, "failed": 6, "retention": round(11 / 17, 3)}


def test_median_seconds_shown_as_precise_as_the_buckets():
    """Tenths under 10 s (100 ms buckets), whole seconds from 10 s (1 s buckets, then 10 s)."""
    shown = [seconds_text(x) for x in (0.4, 4.5, 9.9, 10.0, 30.0, 59.0, 75.0)]
    assert shown == ["0.4", "4.5", "9.9", "10", "30", "59", "75"]


@pytest.mark.parametrize(
    "values",
    [[100], [100, 200], [300, 100, 200], [100, 200, 300, 300], [5, 5, 5, 7, 9, 9, 1000, 1000, 1000, 1000]],
)
def test_histogram_median_is_the_median_of_the_values(values):
    pairs = {v: values.count(v) for v in values}
    assert st.histogram_median(pairs.items()) == statistics.median(values)


BP = Blueprint(
    "TST-C01",
    "Test",
    65,
    130,
    720,
    (Domain("a", "Alpha", 0.5), Domain("b", "Beta", 0.3), Domain("c", "Gamma", 0.2)),
    0.72,
)


def test_mastery_levels_accuracy_and_weakest_first():
    cards = [
        CardTally("a", "basic", True, False, 2),
        CardTally("a", "basic", False, True, 2),
        CardTally("a", "mcq", False, False, 1),
        CardTally("b", "cloze", False, True, 1),
        CardTally("b", "numeric", False, False, 1),
        CardTally("z", "basic", False, True, 9),  # not a domain of this blueprint
        CardTally(None, "basic", True, False, 4),
    ]
    answers = [
        DomainTally("a", 3, 1),
        DomainTally("b", 1, 3),
        DomainTally("a", 2, 0),
        DomainTally(None, 5, 5),
    ]
    rows = st.mastery(cards, answers, BP)
    # mature shares: Alpha 2/5, Beta 1/2, Gamma 0 (no cards): weakest first
    assert [m.key for m in rows] == ["c", "a", "b"]
    alpha = rows[1].as_json()
    assert alpha["cards"] == {"new": 2, "learning": 0, "mature": 2}
    assert alpha["questions"] == {"new": 0, "learning": 1, "mature": 0}
    assert (alpha["question_answers"], alpha["question_correct"], alpha["accuracy"]) == (6, 5, 0.833)
    assert rows[2].answered == st.Rate(1, 3) and rows[0].answered.share is None
    # equal mature shares: the lower accuracy first, then the heavier domain
    tied = st.mastery(
        [CardTally("a", "basic", True, False, 1), CardTally("b", "basic", True, False, 1)], [], BP
    )
    assert [m.key for m in tied] == ["a", "b", "c"]
    tied = st.mastery([], [DomainTally("a", 1, 1), DomainTally("b", 1, 3)], BP)
    assert [m.key for m in tied] == ["b", "a", "c"]


def test_blueprint_is_the_one_most_cards_serve():
    other = Blueprint("OTH-C01", "Other", 65, 130, 720, (Domain("x", "X", 1.0),), 0.72)
    cards = [CardTally("x", "basic", True, False, 3), CardTally("a", "basic", True, False, 2)]
    assert st.choose_blueprint(cards, {"tst-c01": BP, "oth-c01": other}) is other
    assert st.choose_blueprint([], {"tst-c01": BP, "oth-c01": other}) is other  # a tie: the first by code
    assert st.choose_blueprint(cards, {}) is None


def attempt(i: int, total: int, scaled: int | None, mode: str = "timed", bp: str = "tst-c01") -> AttemptInfo:
    started = datetime(2026, 2, i, 9, tzinfo=UTC)
    done = scaled is not None
    return AttemptInfo(
        i, bp, mode, started, 7800, 100.0, started if done else None,
        total // 2 if done else None, total, scaled, None if scaled is None else scaled >= 720,
    )  # fmt: skip


def test_trend_counts_full_length_timed_attempts_only():
    attempts = [
        attempt(1, 65, 650),
        attempt(2, 10, 990),  # short
        attempt(3, 65, 900, mode="practice"),  # untimed
        attempt(4, 65, None),  # open
        attempt(5, 65, 700),
        attempt(6, 70, 760),
        attempt(7, 65, 500, bp="gone-c01"),  # a blueprint that no longer exists
    ]
    bps = {"tst-c01": BP}
    (trend,) = st.exam_trends(attempts, bps)
    assert (trend.attempts, trend.first, trend.last, trend.best, trend.change, trend.recent_change) == (
        3, 650, 760, 760, 110, 60,
    )  # fmt: skip
    exams = st.mock_exams(attempts, bps)
    assert [a.id for a in exams.full_length] == [1, 5, 6]
    assert [a.id for a in exams.other] == [2, 3, 4, 7]


def test_welcome_back_after_missed_days_only():
    dues = [
        DueTally(day(10), 2),
        DueTally(day(2), 3, buried=1),
        DueTally(D, 4),
        DueTally(D + timedelta(days=1), 9),
    ]
    assert welcome.welcome_back(day(1), D, dues) is None  # studied yesterday
    assert welcome.welcome_back(None, D, dues) is None  # never studied
    back = welcome.welcome_back(day(4), D, dues)
    assert back is not None
    assert (back.missed_days, back.piled_up, back.due) == (3, 2, 8)
    assert back.message() == (
        "Welcome back! Your last review was on 2026-02-26; 3 days missed. "
        "2 cards came due while you were away; 8 are due today in all."
    )


# --- a simulated month and a half through the command line ---------------------------------------

MONTH_BANK = """\
  - {id: c000, type: basic, domain: development, front: 'Front 0?', back: 'Back 0'}
  - {id: c001, type: basic, domain: development, front: 'Front 1?', back: 'Back 1'}
  - {id: c002, type: basic, domain: security, front: 'Front 2?', back: 'Back 2'}
"""
LATER_BANK = """\
  - {id: q1, type: mcq, domain: security, question: 'Pick?', options: [x, y], correct: [0]}
"""  # added after the weeks of review: a question never asked

# Each study day: the grades given, in the order review shows the cards (most overdue first, then id;
# a grade below 4 brings the card back at the end of the session as a drill repeat).
SESSIONS = {
    "2026-01-01": "ggg",  # c000 c001 c002 new -> due 01-02
    "2026-01-02": "ggg",  # 3 young passes -> due 01-08 (interval 6)
    "2026-01-08": "aggg",  # c000 fails (EF 1.96), c001 c002 pass (-> 15 days, due 01-23), c000 drill
    "2026-01-09": "g",  # c000 young pass -> due 01-10
    "2026-01-13": "g",  # back after 3 missed days: c000 (due 01-10) passes -> 6 days, due 01-19
    "2026-01-23": "ggg",  # c000 (due 01-19, -> 12 days), c001 c002 (interval 15 -> 38, due 03-02)
    "2026-03-02": "ggag",  # c000 young (-> 24 days); c001 mature pass (-> 95); c002 mature fail; drill
}


def live_through(runner) -> dict[str, str]:
    """Run every session; return what each printed."""
    runner.invoke(app, ["settings", "new-per-day", "3"])
    printed = {}
    for when, grades in SESSIONS.items():
        text = "".join(f"\n{g}\n" for g in grades)
        res = runner.invoke(app, ["review", "--plain"], input=text, env={"AWSPREP_NOW": f"{when}T08:00"})
        assert res.exit_code == 0, res.output
        assert "Nothing is due today" not in res.output
        printed[when] = res.output
        runner.invoke(app, ["settings", "new-per-day", "0"])
    return printed


@pytest.fixture
def month(env, runner, db):
    write_bank(env, MONTH_BANK)
    printed = live_through(runner)
    write_bank(env, LATER_BANK, name="later.yaml")
    res = runner.invoke(app, ["stats", "--json"], env={"AWSPREP_NOW": "2026-03-02T20:00"})
    assert res.exit_code == 0, res.output
    return printed, json.loads(res.stdout)


def test_review_greets_a_learner_back_with_what_piled_up(month):
    printed, _ = month
    assert "Welcome back" not in printed["2026-01-02"] + printed["2026-01-09"]
    assert (
        "Welcome back! Your last review was on 2026-01-09; 3 days missed. "
        "1 card came due while you were away; 1 is due today in all." in printed["2026-01-13"]
    )
    assert (
        "Welcome back! Your last review was on 2026-01-13; 9 days missed. "
        "1 card came due while you were away; 3 are due today in all." in printed["2026-01-23"]
    )


def test_no_second_greeting_on_the_same_day(month, runner):
    res = runner.invoke(app, ["review", "--plain"], input="q\n", env={"AWSPREP_NOW": "2026-03-02T21:00"})
    assert res.exit_code == 0 and "Welcome back" not in res.output


def test_predicted_recall_per_domain_is_the_mean_over_studied_cards(month, env, db):
    from awsprep.sched.fsrs import recall_of

    _, s = month
    store = Store(db)
    on = date(2026, 3, 2)
    dev = [recall_of(store.state(c), on) for c in ("c000", "c001")]
    rows = {r["key"]: r for r in s["domains"]["rows"]}
    assert rows["development"]["predicted_recall"] == round(sum(dev) / 2, 3)
    assert rows["security"]["predicted_recall"] == round(recall_of(store.state("c002"), on), 3)  # q1 is new
    assert rows["deployment"]["predicted_recall"] is None and 0 < rows["security"]["predicted_recall"] <= 1


def test_stats_json_after_the_simulated_weeks(month):
    _, s = month
    assert s["today"] == "2026-03-02" and s["cards"] == 4
    cal = s["calendar"]
    reviews = {d["date"]: d["reviews"] for d in cal["days"] if d["reviews"]}
    assert reviews == {
        "2026-01-01": 3, "2026-01-02": 3, "2026-01-08": 4, "2026-01-09": 1,
        "2026-01-13": 1, "2026-01-23": 3, "2026-03-02": 4,
    }  # fmt: skip
    # 2026-01-01 .. 03-01 is 60 days; 6 of them studied
    assert (cal["reviews"], cal["active_days"], cal["missed_days"]) == (19, 7, 54)
    assert (cal["current_streak"], cal["longest_streak"], cal["longest_streak_end"]) == (1, 2, "2026-01-09")
    assert cal["from"] == "2025-12-02" and len(cal["days"]) == 91
    missed = [d["date"] for d in cal["days"] if d["missed"]]
    assert missed[0] == "2026-01-03" and "2026-01-13" not in missed and missed[-1] == "2026-03-01"

    ret = s["retention"]
    for window in ("day", "week", "month"):
        assert ret[window]["young"] == {"passed": 1, "failed": 0, "retention": 1.0}
        assert ret[window]["mature"] == {"passed": 1, "failed": 1, "retention": 0.5}
    assert ret["year"]["young"] == {"passed": 11, "failed": 1, "retention": 0.917}
    assert ret["year"]["all"] == {"passed": 12, "failed": 2, "retention": 0.857}

    fut = s["future_due"]  # c002 tomorrow (interval 1), c000 on 03-26 (24 days), c001 on 06-05
    assert (fut["overdue"], fut["tomorrow"], fut["total"], fut["daily_load"]) == (0, 1, 2, 1)
    assert [d["date"] for d in fut["days"] if d["due"]] == ["2026-03-03", "2026-03-26"]

    dom = s["domains"]
    assert dom["blueprint"] == "DVA-C02"
    rows = {r["key"]: r for r in dom["rows"]}
    assert rows["development"]["cards"] == {"new": 0, "learning": 0, "mature": 2}
    assert rows["security"]["cards"] == {"new": 0, "learning": 1, "mature": 0}
    assert rows["security"]["questions"] == {"new": 1, "learning": 0, "mature": 0}
    assert [r["key"] for r in dom["rows"]] == ["security", "deployment", "troubleshooting", "development"]
    assert rows["security"]["accuracy"] is None

    t = s["answer_time"]
    assert t["answers"] == {"basic": 19} and set(t["median_seconds"]) == {"basic"}
    assert len(t["minutes_per_day"]) == 91
    assert s["exams"] == {"trend": [], "full_length": [], "other": []}


def test_plain_and_rich_show_the_same_numbers(month, runner):
    when = {"AWSPREP_NOW": "2026-03-02T20:00"}
    plain = runner.invoke(app, ["stats", "--plain"], env=when).output
    assert "Current streak 1 day(s) · longest streak 2 day(s) (ended 2026-01-09)" in plain
    assert "7 of the last 91 days studied, 54 missed; 19 reviews" in plain
    assert "last year: 91.7% (11/12) / 50.0% (1/2) / 85.7% (12/14)" in plain
    assert (
        "  2026-01-08 Thu     4 reviews" in plain
        and "2026-01-10 Sat     0 reviews     0.0 min  missed" in plain
    )
    assert "Overdue 0 · due today 0 · tomorrow 1" in plain
    for env in (when, {**when, "NO_COLOR": "1"}):
        rich = runner.invoke(app, ["stats"], env=env).output
        assert max(len(line) for line in rich.splitlines()) <= 80
        assert "Current streak 1 day(s) · longest streak 2 day(s) (ended 2026-01-09)" in rich
        assert "91.7% (11/12)" in rich and "·" in rich and "█" in rich and "\x1b[" not in rich
        assert "Security" in rich and "daily load 1" in rich
    long = runner.invoke(app, ["stats", "--days", "3000"], env=when).output
    assert (
        max(len(line) for line in long.splitlines()) <= 80 and "Reviews per day: the last 3000 days" in long
    )


def test_stats_deck_filter_and_bad_input(env, runner):
    write_bank(env, MONTH_BANK + LATER_BANK)
    write_bank(env, "  - {id: o1, type: basic, front: 'F?', back: 'B'}\n", name="other.yaml")
    res = runner.invoke(app, ["stats", "--json", "--deck", "test"])
    assert res.exit_code == 0 and json.loads(res.stdout)["cards"] == 5  # both files use deck "test"
    res = runner.invoke(app, ["stats", "--deck", "nope"])
    assert res.exit_code == 2 and "There is no deck named 'nope'" in res.output
    res = runner.invoke(app, ["stats", "--blueprint", "xyz-c01"])
    assert res.exit_code == 2 and "There is no blueprint 'xyz-c01'" in res.output
    res = runner.invoke(app, ["stats", "--days", "3"])
    assert res.exit_code == 2


# --- mock exams: the report reopened, the trend over full-length attempts --------------------------


def test_exam_report_reopens_a_past_attempt(env, runner):
    write_bank(env, EXAM_BANK)
    assert (
        runner.invoke(app, ["exam", "--plain", "--questions", "5", "--seed", "4"], input=":q\n").exit_code
        == 0
    )
    exams = ExamStore(Store(f"sqlite:///{Path(env['AWSPREP_HOME']) / 'awsprep.db'}"))
    res = runner.invoke(app, ["exam", "report", "1"])
    assert (
        res.exit_code == 2 and "Attempt #1 is not finished; awsprep exam --resume --attempt 1" in res.output
    )
    lines = answer_lines(exams, wrong={"e-dev-2"})
    done = runner.invoke(
        app, ["exam", "--resume", "--plain", "--json"], input="\n".join([*lines, ":s"]) + "\n"
    )
    assert done.exit_code == 0, done.output
    res = runner.invoke(app, ["exam", "report", "1", "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout) == json.loads(done.stdout)
    text = runner.invoke(app, ["exam", "report", "1", "--plain"]).output
    assert "=== Exam report: DVA-C02" in text and "Score: 4 / 5 correct (5 answered)" in text
    assert "Explanation: Both right-d2 options." in text and "due in tomorrow's review" in text
    res = runner.invoke(app, ["exam", "report", "9"])
    assert res.exit_code == 2 and "There is no exam attempt #9" in res.output


def fake_attempt(exams: ExamStore, n: int, scaled: int, when: datetime, mode: str = "timed") -> int:
    """An attempt of n questions submitted with a given scaled score (its items are placeholders)."""
    items = [(f"e-dev-{1 + i % 2}", "development", {"kind": "mcq", "prompt": "Q"}) for i in range(n)]
    attempt_id = exams.create("dva-c02", mode, when, 7800, items)
    report = {"raw_correct": n // 2, "scaled_score": scaled, "passed": scaled >= 720}
    exams.submit(attempt_id, when, 60.0, report, set(range(n // 2)), [])
    return attempt_id


def test_history_and_stats_trend_use_full_length_attempts_only(env, runner):
    write_bank(env, EXAM_BANK)
    runner.invoke(app, ["settings"])
    exams = ExamStore(Store(f"sqlite:///{Path(env['AWSPREP_HOME']) / 'awsprep.db'}"))
    t = datetime(2026, 1, 2, 9, tzinfo=UTC)
    fake_attempt(exams, 65, 640, t)
    fake_attempt(exams, 10, 990, t + timedelta(days=1))  # short: listed apart
    fake_attempt(exams, 65, 950, t + timedelta(days=2), mode="practice")  # untimed: listed apart
    fake_attempt(exams, 65, 760, t + timedelta(days=3))
    trend = {"blueprint": "DVA-C02", "attempts": 2, "first": 640, "last": 760, "best": 760}
    hist = json.loads(runner.invoke(app, ["exam", "history", "--json"]).stdout)
    assert hist["trend"] == [trend | {"change": 120, "recent_change": 120}]
    s = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["exams"]
    assert s["trend"] == hist["trend"]
    assert [a["attempt"] for a in s["full_length"]] == [1, 4] and [a["attempt"] for a in s["other"]] == [2, 3]
    # every placeholder question is a development one: 65 + 10 + 65 + 65 = 205, n // 2 right in each
    rows = {
        r["key"]: r for r in json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["domains"]["rows"]
    }
    assert (rows["development"]["question_answers"], rows["development"]["question_correct"]) == (205, 101)
    plain = runner.invoke(app, ["stats", "--plain"]).output
    assert "  DVA-C02: 2 attempt(s), first 640, last 760, best 760 (+120 since the first)" in plain
    assert "Short, untimed or unfinished attempts (not in the trend):" in plain and "#2 2026-01-03" in plain


# --- the store's counting, against answers with known times and grades ---------------------------


def test_store_counts_answers_by_day_kind_time_and_domain(tmp_path):
    from awsprep.bank.models import BasicCard, McqCard
    from awsprep.store.stats import StatsStore

    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    cards = [
        BasicCard(id="b1", deck="d", domain="security", front="F", back="B"),
        McqCard(id="m1", deck="d", domain="security", question="Q", options=("x", "y"), correct=(0,)),
        McqCard(id="m2", deck="e", domain="development", question="Q", options=("x", "y"), correct=(0,)),
    ]
    store.sync(cards, "fp")
    t0 = datetime(2026, 1, 1, 9, tzinfo=UTC)
    # day 1: three new cards (b1 graded 4 in 3.0 s, m1 wrong in 10.0 s, m2 right in 20.0 s), m1's drill
    store.answer("b1", 4, t0, 3000)
    store.answer("m1", 1, t0, 10_000)
    store.answer("m2", 5, t0, 20_000)
    store.answer("m1", 4, t0, 4000)  # the drill repeat of m1
    # day 2: reviews (young, interval 1): b1 fails in 6.0 s, m1 passes in 8.0 s; then b1's drill, undone
    t1 = t0 + timedelta(days=1)
    store.answer("b1", 1, t1, 6000)
    store.answer("m1", 3, t1, 8000)
    store.answer("b1", 4, t1, 1000)
    store.undo_last(t1)
    reader = StatsStore(store)
    tallies = {t.day: t for t in reader.day_tallies(None, 21, 3)}
    assert tallies[t0.date()] == DayTally(t0.date(), 4, 37_000, new=3, drill=1)
    assert tallies[t1.date()] == DayTally(t1.date(), 2, 14_000, young_passed=1, young_failed=1)
    buckets = {(b.card_type, b.ms): b.count for b in reader.time_buckets(None, t0.date())}
    assert buckets == {("basic", 3000): 1, ("basic", 6000): 1, ("mcq", 10_000): 1, ("mcq", 20_000): 1,
                       ("mcq", 4000): 1, ("mcq", 8000): 1}  # fmt: skip
    times = st.answer_time(
        reader.day_tallies(None, 21, 3), reader.time_buckets(None, t0.date()), t1.date(), 7
    )
    assert times.medians == {"basic": 4.5, "mcq": 9.0} and times.answers == {"basic": 2, "mcq": 4}
    assert times.total_minutes == pytest.approx(51_000 / 60_000) and times.studied_days == 2
    # question accuracy: m1 wrong then right (its drill left out), m2 right
    answers = {a.domain: (a.passed, a.failed) for a in reader.question_answers(None, 3)}
    assert answers == {"security": (1, 1), "development": (1, 0)}
    assert reader.question_answers(["e"], 3) == [DomainTally("development", 1, 0)]
    assert reader.last_answer_day() == t1.date() and reader.last_answer_day(["e"]) == t0.date()
    levels = {(c.domain, c.card_type, c.new, c.mature): c.count for c in reader.card_tallies(None, 21)}
    assert levels == {("security", "basic", False, False): 1, ("security", "mcq", False, False): 1,
                      ("development", "mcq", False, False): 1}  # fmt: skip
    dues = {d.due: d.count for d in reader.due_tallies(t1.date())}
    assert dues == {date(2026, 1, 3): 2, date(2026, 1, 2): 1}  # b1 and m1 tomorrow; m2 due day 2


@pytest.mark.slow
def test_in_a_terminal_no_color_keeps_every_mark_visible(month, env):
    """In a real 80-column terminal: colour by default, none with NO_COLOR, the same marks either way."""
    import pexpect

    from tests.conftest import PYTHON, ROOT, subprocess_env
    from tests.exam_bank import strip_ansi

    def run(extra: dict[str, str]) -> str:
        child_env = (
            subprocess_env(env) | {"TERM": "xterm-256color", "AWSPREP_NOW": "2026-03-02T20:00"} | extra
        )
        if "NO_COLOR" not in extra:
            child_env.pop("NO_COLOR", None)  # the colours of the default, whatever the test's environment
        child = pexpect.spawn(
            PYTHON, ["-m", "awsprep", "stats"], env=child_env, cwd=str(ROOT), encoding="utf-8",
            dimensions=(50, 80), timeout=30,
        )  # fmt: skip
        child.expect(pexpect.EOF)
        return child.before

    coloured, bare = run({}), run({"NO_COLOR": "1"})
    colour = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-8]|9[0-7])[;m]")  # a foreground colour, not bold or italic
    assert colour.search(coloured) and not colour.search(bare)
    for text in (coloured, bare):
        shown = strip_ansi(text)
        assert max(len(line.rstrip("\r")) for line in shown.splitlines()) <= 80
        assert "· missed  ░ 1  ▒ 2  ▓ 3  █ 4 reviews" in shown and "91.7% (11/12)" in shown


def test_minutes_spark_is_a_line_of_its_own_and_a_narrow_window_gets_plain_lines(month, runner):
    when = {"AWSPREP_NOW": "2026-03-02T20:00"}
    lines = runner.invoke(app, ["stats"], env=when).output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Minutes per day"))
    assert lines[at] == "Minutes per day, the last 70 days:"
    assert len(lines[at + 1]) == 70 and set(lines[at + 1]) <= set(SPARKS + "·")  # the whole spark, unbroken
    narrow = runner.invoke(app, ["stats"], env={**when, "COLUMNS": "40"}).output
    assert max(len(line) for line in narrow.splitlines()) <= 40
    assert "=== Mastery per DVA-C02 domain" in narrow and "  Security: cards" in narrow  # every name shown
    assert "…" not in narrow and "╭" not in narrow
