"""scripts/simulate.py runs end to end on a small bank slice and reports every figure it promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_simulation_reports_arms_and_calibration() -> None:
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "simulate.py"),
            "--learners",
            "1",
            "--calibration",
            "2",
            "--days",
            "12",
            "--cards",
            "60",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    data = json.loads(out.stdout)
    assert set(data["arms"]) == {"sm2", "fsrs", "sm2+plan", "fsrs+plan", "fsrs+plan@0.95"}
    for arm in data["arms"].values():
        assert arm["reviews"] > 60 and arm["minutes"] > 0 and 0 < arm["recall_all"] <= 1
        assert 0 < arm["mean_day"] <= arm["max_day"]
        assert 0 < arm["p95_day"] <= arm["max_day"]
        assert abs(arm["max_over_mean"] - arm["max_day"] / arm["mean_day"]) < 0.01
    vs = data["versus_sm2"]
    assert [c["new_per_day"] for c in vs["curve"]] == [6, 8, 10, 12, 15, 20, 25, 30, 35, 40]
    assert all(0 <= c["recall_all"] <= 1 for c in vs["curve"])
    cal = data["calibration"]
    assert cal["learners"] + cal["too_little_history"] == 2
    assert all(0 <= b["predicted"] <= 1 and 0 <= b["observed"] <= 1 for b in cal["bins"])
