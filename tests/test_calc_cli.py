"""`awsprep calc ...` through the real CLI: tables, --json keys, one-sentence errors, import cost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awsprep.cli.main import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["calc", *args])
    stderr = result.stderr if result.stderr_bytes is not None else ""
    return result.exit_code, result.stdout, stderr


def _json(*args: str) -> dict[str, object]:
    code, out, err = _run(*args, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def test_dynamodb_json_seed_examples() -> None:
    data = _json("dynamodb", "--item-size", "3KB", "--reads", "80", "--writes", "100")
    assert data["rcu"] == 80 and data["wcu"] == 300
    assert isinstance(data["monthly_cost_usd"], float) and data["monthly_cost_usd"] > 0
    assert _json("dynamodb", "--item-size", "3KB", "--reads", "80", "--consistency", "eventual")["rcu"] == 40
    assert _json("dynamodb", "--item-size", "512B", "--writes", "100")["wcu"] == 100
    tx = _json("dynamodb", "--item-size", "3KB", "--writes", "10", "--transactional")
    assert tx["wcu"] == 60


def test_dynamodb_on_demand_and_region() -> None:
    us = _json("dynamodb", "--item-size", "1KB", "--writes", "10", "--mode", "on-demand")
    eu = _json(
        "dynamodb", "--item-size", "1KB", "--writes", "10", "--mode", "on-demand", "--region", "eu-west-1"
    )
    assert us["mode"] == "on-demand" and us["region"] == "us-east-1"
    assert eu["monthly_cost_usd"] > us["monthly_cost_usd"]  # type: ignore[operator]


def test_dynamodb_table_output_shows_steps() -> None:
    code, out, _ = _run("dynamodb", "--item-size", "3KB", "--reads", "80", "--consistency", "eventual")
    assert code == 0
    assert "RCU" in out and "40" in out
    assert "rounded up" in out and "Prices checked" in out


def test_dynamodb_op_json() -> None:
    data = _json("dynamodb-op", "batch-get", "--item", "1.5KB", "--item", "6.5KB")
    assert data["units_per_call"] == 3 and data["rcu"] == 3
    assert _json("dynamodb-op", "query", "--item", "1500x64B")["units_per_call"] == 24
    assert _json("dynamodb-op", "batch-write", "--item", "500B,3.5KB")["wcu"] == 5


def test_lambda_json_and_table() -> None:
    data = _json("lambda", "--requests", "3M", "--duration", "1s", "--memory", "512")
    for key in (
        "request_cost_usd",
        "compute_cost_usd",
        "total_usd",
        "ephemeral_cost_usd",
        "provisioned_concurrency_cost_usd",
        "free_tier_applied",
        "lines",
        "prices",
    ):
        assert key in data
    assert data["request_cost_usd"] == pytest.approx(0.40)
    code, out, _ = _run(
        "lambda",
        "--requests",
        "1.2M",
        "--duration",
        "1s",
        "--memory",
        "1024",
        "--pc",
        "1000",
        "--pc-hours",
        "2",
    )
    assert code == 0 and "$41.91" in out and "provisioned concurrency" in out
    arm = _json(
        "lambda",
        "--requests",
        "10M",
        "--duration",
        "200ms",
        "--memory",
        "1024",
        "--arch",
        "arm64",
        "--no-free-tier",
        "--ephemeral",
        "2048",
        "--granularity",
        "100ms",
    )
    assert arm["arch"] == "arm64" and arm["free_tier_applied"] is False and arm["ephemeral_cost_usd"] > 0  # type: ignore[operator]


def test_kinesis_json() -> None:
    data = _json("kinesis", "--records-per-sec", "3000", "--record-size", "1KB", "--consumers", "3")
    assert data["shards"] == 5 and data["limiting_factor"] == "read-mb"
    efo = _json(
        "kinesis",
        "--records-per-sec",
        "3000",
        "--record-size",
        "1KB",
        "--consumers",
        "3",
        "--fan-out",
        "enhanced",
    )
    assert efo["shards"] == 3


def test_question_and_generators() -> None:
    a = _json("question", "dynamodb-rcu", "--seed", "7")
    b = _json("question", "dynamodb-rcu", "--seed", "7")
    assert a == b and a["unit"] == "RCU"
    code, out, _ = _run("generators")
    assert code == 0 and "kinesis-shards" in out


@pytest.mark.parametrize(
    "args",
    [
        ["dynamodb", "--item-size", "401KB", "--reads", "1"],
        ["dynamodb", "--item-size", "3 furlongs", "--reads", "1"],
        ["dynamodb", "--item-size", "3KB", "--reads", "0"],
        ["dynamodb", "--item-size", "3KB", "--writes", "-4"],
        ["dynamodb", "--item-size", "3KB", "--reads", "lots"],
        ["dynamodb", "--item-size", "3KB", "--reads", "1", "--region", "moon-1"],
        ["dynamodb", "--item-size", "3KB"],
        ["lambda", "--requests", "1M", "--duration", "100ms", "--memory", "64"],
        ["lambda", "--requests", "1M", "--duration", "100ms", "--memory", "20000"],
        ["lambda", "--requests", "1M", "--duration", "100ms", "--ephemeral", "100"],
        ["lambda", "--requests", "1M", "--duration", "100 years"],
        ["lambda", "--requests", "1M", "--duration", "100ms", "--region", "xx-1"],
        ["lambda", "--requests", "0", "--duration", "100ms"],
        ["kinesis", "--mb-per-sec", "0"],
        ["question", "nope"],
    ],
)
def test_bad_values_exit_2_with_one_sentence(args: list[str]) -> None:
    code, out, err = _run(*args)
    assert code == 2
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("awsprep: ") and lines[0].endswith("."), err
    assert out == ""


def test_user_text_is_not_markup() -> None:
    code, _, err = _run("dynamodb", "--item-size", "[red]3KB[/red]", "--reads", "1")
    assert code == 2 and "[red]" in err


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.parametrize(
    "args",
    [
        ["calc", "dynamodb", "--item-size", "3KB", "--reads", "80", "--json"],
        ["calc", "lambda", "--requests", "3M", "--duration", "120ms", "--memory", "1536"],
        ["calc", "--help"],
    ],
)
def test_calc_does_not_import_sqlalchemy(args: list[str]) -> None:
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['awsprep', *{args!r}]\n"
        "try:\n"
        "    runpy.run_module('awsprep', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
        "bad = sorted(m for m in sys.modules\n"
        "             if m.split('.')[0] == 'sqlalchemy' or m.startswith('awsprep.store'))\n"
        "sys.stderr.write('LOADED=' + ','.join(bad) + '\\n')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert "LOADED=\n" in proc.stderr, proc.stderr


def test_calc_module_imports_no_heavy_packages() -> None:
    code = (
        "import sys\n"
        "import awsprep.calc.dynamodb, awsprep.calc.lambda_cost\n"
        "import awsprep.calc.kinesis, awsprep.calc.generators\n"
        "heavy = [m for m in ('typer', 'rich', 'sqlalchemy', 'yaml', 'click') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_on_demand_is_labelled_in_request_units_not_rcu() -> None:
    result = CliRunner().invoke(
        app,
        ["calc", "dynamodb", "--item-size", "3KB", "--reads", "100", "--writes", "10", "--mode", "on-demand"],
    )
    assert result.exit_code == 0, result.output
    assert "read request units/s" in result.output and "write request units/s" in result.output
    assert "RCU" not in result.output and "WCU" not in result.output and "RRU" not in result.output
    provisioned = CliRunner().invoke(app, ["calc", "dynamodb", "--item-size", "3KB", "--reads", "100"])
    assert "RCU" in provisioned.output


@pytest.mark.parametrize("name", ["GetItem", "getitem", "get-item", "get", "GET_ITEM"])
def test_dynamodb_op_takes_api_names(name: str) -> None:
    result = CliRunner().invoke(app, ["calc", "dynamodb-op", name, "--item", "6.5KB", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["api"] == "GetItem"


def test_dynamodb_op_batch_api_name_and_unknown_name() -> None:
    ok = CliRunner().invoke(app, ["calc", "dynamodb-op", "BatchGetItem", "--item", "3KB,5KB", "--json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["api"] == "BatchGetItem"
    bad = CliRunner().invoke(app, ["calc", "dynamodb-op", "GetItems", "--item", "3KB"])
    assert bad.exit_code == 2 and "get (GetItem)" in bad.output and "Traceback" not in bad.output


def test_kinesis_prices_a_provisioned_stream() -> None:
    # 3,000 records/s of 30 KB: 2 PUT payload units each (one per started 25 KB).
    data = _json("kinesis", "--records-per-sec", "3000", "--record-size", "30KB")
    cost = data["cost"]
    assert data["shards"] == 88  # 3,000 x 30 KB = 87.9 MB/s -> 88 shards
    lines = {line["name"]: line for line in cost["lines"]}  # type: ignore[index,union-attr]
    assert lines["shard-hours"]["quantity"] == 88 * 730
    assert lines["shard-hours"]["usd"] == pytest.approx(88 * 730 * 0.015)
    assert lines["PUT payload units"]["quantity"] == 3000 * 2 * 3600 * 730
    assert lines["PUT payload units"]["usd"] == pytest.approx(3000 * 2 * 3600 * 730 / 1e6 * 0.014)
    assert cost["left_out"] is None and cost["mode"] == "provisioned"


def test_kinesis_prices_on_demand_and_shows_no_placeholder() -> None:
    data = _json("kinesis", "--records-per-sec", "1000", "--record-size", "4.5KB", "--mode", "on-demand")
    lines = {line["name"]: line for line in data["cost"]["lines"]}  # type: ignore[index,union-attr]
    assert lines["stream-hours"]["quantity"] == 730
    # each 4.5 KB record is billed as 5 KB written
    assert lines["data written"]["quantity"] == pytest.approx(1000 * 5 * 3600 * 730 / 1024**2)
    code, out, _ = _run("kinesis", "--mb-per-sec", "3", "--consumers", "2")
    assert code == 0
    assert "max(3, 3)" in out and "-," not in out and "$32.85" in out
    assert "not included: PUT payload units" in out


def test_kinesis_mode_is_checked() -> None:
    code, _, err = _run("kinesis", "--mb-per-sec", "3", "--mode", "reserved")
    assert code == 2 and "provisioned, on-demand" in err


def _ask(*args: str, typed: str) -> str:
    result = runner.invoke(app, ["calc", "question", *args], input=typed)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_calc_question_hides_the_answer_until_answered() -> None:
    right = _ask("dynamodb-rcu", "--seed", "3", typed="20\n")
    before, _, after = right.partition("Your answer in RCU (Enter to see it):")
    assert "eventually consistent reads" in before and "20 RCU" not in before and "Worked steps" not in before
    assert "Correct." in after and "20 RCU" in after and "Worked steps" in after
    wrong = _ask("dynamodb-rcu", "--seed", "3", typed="40 RCU\n")
    assert "Not quite: you said 40 RCU." in wrong and "20 RCU" in wrong.partition("Not quite")[2]
    shown = _ask("dynamodb-rcu", "--seed", "3", typed="\n")
    assert "Correct" not in shown and "Not quite" not in shown and "20 RCU" in shown
    ended = _ask("dynamodb-rcu", "--seed", "3", typed="")  # end of input shows the answer too
    assert "20 RCU" in ended and "Aborted" not in ended
    at_once = _ask("dynamodb-rcu", "--seed", "3", "--answer", typed="")
    assert "Your answer" not in at_once and "20 RCU" in at_once


def test_calc_question_draws_fresh_numbers_without_a_seed() -> None:
    seeds = {_json("question", "dynamodb-rcu")["seed"] for _ in range(4)}
    assert len(seeds) > 1
    text = _ask("dynamodb-rcu", typed="\n")
    seed = text.split("(seed ", 1)[1].split(":", 1)[0]
    again = _ask("dynamodb-rcu", "--seed", seed, "--answer", typed="")
    assert text.splitlines()[0] == again.splitlines()[0]  # the seed printed asks the same question


def test_an_ascii_only_terminal_gets_question_marks_not_a_traceback(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "AWSPREP_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "awsprep", "calc", "question", "dynamodb-rcu", "--seed", "1", "--answer"],
        capture_output=True,
        text=True,
        encoding="ascii",
        errors="strict",
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "RCU" in done.stdout
