"""Numbers stated twice agree: the calculators' AWS limits and content/facts.yaml, and the limits
and regions the `awsprep calc` help texts name. Change a limit in one place and this test names the
other place to change."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awsprep.calc import dynamodb as d
from awsprep.calc import dynamodb_operations as ops
from awsprep.calc import kinesis as k
from awsprep.calc import lambda_cost as lc
from awsprep.calc.units import KB, fmt_num
from awsprep.cli.main import app
from awsprep.notes.lint import load_facts

ROOT = Path(__file__).resolve().parent.parent
FACTS = {fact.key: fact for fact in load_facts(ROOT / "content" / "facts.yaml")}

# fact key -> (value, unit) as the calculators' constants spell them
FROM_CALC: dict[str, tuple[str, str]] = {
    "lambda-memory": (f"{lc.MEMORY_MIN_MB}-{lc.MEMORY_MAX_MB}", "MB"),
    "lambda-timeout": (str(lc.MAX_DURATION_MS // 1000), "seconds"),
    "lambda-ephemeral-storage": (f"{lc.FREE_EPHEMERAL_MB}-{lc.EPHEMERAL_MAX_MB}", "MB"),
    "lambda-billing-granularity": (str(lc.GRANULARITIES["1ms"]), "ms"),
    "dynamodb-item-size": (str(d.MAX_ITEM_BYTES // KB), "KB"),
    "dynamodb-rcu": (str(d.READ_UNIT_BYTES // KB), "KB"),
    "dynamodb-wcu": (str(d.WRITE_UNIT_BYTES // KB), "KB"),
    "dynamodb-transactions": (str(d.TRANSACT_MAX_ITEMS), "actions"),
    "dynamodb-batch": (f"{d.BATCH_WRITE_MAX_ITEMS}/{d.BATCH_GET_MAX_ITEMS}", "items"),
    "kinesis-shard-write": (
        f"{fmt_num(k.WRITE_MB_PER_SHARD)} MB/s or {k.WRITE_RECORDS_PER_SHARD} records/s",
        "per shard",
    ),
    "kinesis-shard-read": (fmt_num(k.READ_MB_PER_SHARD), "MB/s per shard"),
}


@pytest.mark.parametrize("key", sorted(FROM_CALC))
def test_calculator_limits_match_the_facts(key: str) -> None:
    fact = FACTS[key]
    assert (fact.value, fact.unit) == FROM_CALC[key], f"content/facts.yaml {key} vs awsprep/calc"


def test_the_lambda_ephemeral_minimum_is_the_free_default() -> None:
    assert lc.EPHEMERAL_MIN_MB == lc.FREE_EPHEMERAL_MB
    assert "defaults to 512 MB" in FACTS["lambda-ephemeral-storage"].statement


def test_operations_use_the_batch_and_transaction_limits() -> None:
    limits = {name: op.max_items for name, op in ops.OPERATIONS.items()}
    assert limits["batch-get"] == d.BATCH_GET_MAX_ITEMS
    assert limits["batch-write"] == d.BATCH_WRITE_MAX_ITEMS
    assert limits["transact-get"] == limits["transact-write"] == d.TRANSACT_MAX_ITEMS


def _help(*args: str) -> str:
    """The help text on one line (click wraps at 80 columns, also after a hyphen)."""
    result = CliRunner().invoke(app, ["calc", *args, "--help"])
    assert result.exit_code == 0, result.output
    return re.sub(r"-\s+", "-", " ".join(result.stdout.split()))


def test_lambda_help_states_the_calculator_ranges() -> None:
    text = _help("lambda")
    assert f"Memory in MB, {lc.MEMORY_MIN_MB}-{lc.MEMORY_MAX_MB}." in text
    assert f"{lc.EPHEMERAL_MIN_MB}-{lc.EPHEMERAL_MAX_MB} ({lc.FREE_EPHEMERAL_MB} is free)" in text


def test_dynamodb_help_default_hours_is_a_month() -> None:
    assert f"[default: {fmt_num(d.HOURS_PER_MONTH)}]" in _help("dynamodb")
    assert f"default a {fmt_num(d.HOURS_PER_MONTH)}-hour month" in _help("dynamodb")


def test_region_help_names_the_price_tables() -> None:
    tables = json.loads((ROOT / "awsprep" / "calc" / "prices.json").read_text(encoding="utf-8"))
    for command in ("dynamodb", "lambda"):
        text = _help(command)
        for service in ("dynamodb", "lambda"):
            for region in tables[service]:
                assert region in text, f"--region help of calc {command} misses {region}"
