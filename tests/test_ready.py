"""`awsprep ready`: the readiness model (core, with made-up logs) and the command."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from awsprep.cli.main import app
from awsprep.exam.blueprint import Blueprint, Domain
from awsprep.study.ready import MockAnswer, readiness

BP = Blueprint(
    code="T-C01",
    name="Test",
    questions=50,
    minutes=100,
    pass_mark=720,
    domains=(Domain("a", "Alpha", 0.5), Domain("b", "Beta", 0.5)),
    assumed_raw_cut=0.72,
)
TODAY = date(2026, 3, 1)


@dataclass(frozen=True)
class Row:
    ts: datetime
    grade: int | None
    action: str = "answer"
    drill: bool = False
    undone: bool = False
    response_ms: int | None = 10_000


def history(n: int, days_ago: int, grades: list[int]) -> dict[str, list[Row]]:
    """n cards per domain, each answered with `grades` on successive days ending `days_ago` before today."""
    out = {}
    for dom in "ab":
        for i in range(n):
            end = datetime.combine(TODAY, datetime.min.time(), UTC) - timedelta(days=days_ago)
            start = end - timedelta(days=3 * (len(grades) - 1))
            out[f"{dom}{i}"] = [Row(start + timedelta(days=3 * k), g) for k, g in enumerate(grades)]
    return out


def domains_of(logs: dict[str, list[Row]]) -> dict[str, str]:
    return {cid: cid[0] for cid in logs}


def test_too_little_history_gives_no_number() -> None:
    logs = history(3, 1, [4])
    r = readiness(BP, domains_of(logs), logs, [], TODAY, None, random.Random(1))
    assert not r.enough and r.pass_probability is None
    assert "Too little history" in r.missing and "6 graded answers so far" in r.missing
    assert r.as_json()["pass_probability"] is None


def test_well_learnt_cards_pass_and_forgotten_ones_fail() -> None:
    strong = history(60, 1, [5, 5, 5, 5])
    weak = history(60, 400, [1])
    good = readiness(BP, domains_of(strong), strong, [], TODAY, None, random.Random(1))
    bad = readiness(BP, domains_of(weak), weak, [], TODAY, None, random.Random(1))
    assert good.enough and bad.enough
    assert good.pass_probability is not None and good.pass_probability > 0.9
    assert bad.pass_probability is not None and bad.pass_probability < 0.1
    lo, hi = good.interval or (0, 0)
    assert 0.9 < lo <= hi <= 1.0
    assert "would raise it most" in bad.advice


def test_recent_mocks_pull_the_estimate_and_old_ones_less() -> None:
    logs = history(60, 40, [4, 4])
    base = readiness(BP, domains_of(logs), logs, [], TODAY, None, random.Random(1))
    recent = [MockAnswer(TODAY, "a", True)] * 40
    old = [MockAnswer(TODAY - timedelta(days=90), "a", True)] * 40
    with_recent = readiness(BP, domains_of(logs), logs, recent, TODAY, None, random.Random(1))
    with_old = readiness(BP, domains_of(logs), logs, old, TODAY, None, random.Random(1))
    shares = [r.domains[0].expected_share for r in (base, with_old, with_recent)]
    assert shares[0] < shares[1] < shares[2]


def test_a_later_exam_date_predicts_lower_recall() -> None:
    logs = history(60, 1, [4, 4, 4])
    today = readiness(BP, domains_of(logs), logs, [], TODAY, None, random.Random(1))
    later = readiness(BP, domains_of(logs), logs, [], TODAY, TODAY + timedelta(days=60), random.Random(1))
    assert later.domains[0].predicted_share < today.domains[0].predicted_share
    assert later.on == TODAY + timedelta(days=60)


def test_ready_command_says_too_little_history(env, runner):
    res = runner.invoke(app, ["ready", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["enough_history"] is False and data["pass_probability"] is None
    assert {d["domain"] for d in data["domains"]} == {
        "development",
        "security",
        "deployment",
        "troubleshooting",
    }
    res = runner.invoke(app, ["ready"])
    assert "Too little history" in res.stdout
    res = runner.invoke(app, ["ready", "--blueprint", "nope"])
    assert res.exit_code == 2 and "There is no blueprint 'nope'" in res.stderr


def test_a_narrow_window_gets_one_sentence_per_domain(env, runner):
    res = runner.invoke(app, ["ready"], env={"COLUMNS": "40"})
    assert res.exit_code == 0, res.output
    assert "…" not in res.output and max(len(line) for line in res.output.splitlines()) <= 40
    flat = " ".join(res.output.split())
    assert "Security (26%): " in flat and "Troubleshooting and Optimization (18%): " in flat
    assert "studied; predicted 25%, mocks -, expected 25%" in flat
    wide = runner.invoke(app, ["ready"]).output
    assert "domain" in wide and "weight" in wide  # the table at 80 columns
