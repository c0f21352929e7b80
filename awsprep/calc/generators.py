"""Numeric practice questions: a template's parameter space + a seeded rng -> one Problem.

A template (a `numeric` card with `generator` and `params` in the bank) names a generator below and
gives, for each parameter, either one value or a list of candidates; the generator picks from each
list with the `random.Random` it is handed (in a fixed parameter order, so one seed always yields
the same question), computes the exact answer with the calculators, and returns the question text,
the answer, its unit, an absolute grading tolerance and the worked steps.

    generate("dynamodb-rcu", {"item_kb": [3, 7], "reads": 80, "consistency": "strong"}, random.Random(1))
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from awsprep.calc import dynamodb, dynamodb_operations, kinesis, lambda_cost
from awsprep.calc.errors import CalcError
from awsprep.calc.prices import ARCHITECTURES, dynamodb_prices, lambda_prices
from awsprep.calc.template_params import CHOICE, FLAG, NUMBER, Param, Picker
from awsprep.calc.tolerance import within_tolerance
from awsprep.calc.units import KB, ceil_div, fmt_num, fmt_price, fmt_size


@dataclass(frozen=True)
class Problem:
    question: str  # full question text, plain
    answer: float
    unit: str
    tolerance: float  # absolute tolerance for grading
    steps: tuple[str, ...]  # worked steps shown after a wrong answer

    def is_correct(self, given: float) -> bool:
        return within_tolerance(given, self.answer, self.tolerance)


def _whole_bytes(kb: float) -> int:
    return ceil_div(kb * KB, 1)


def _kb_bytes(item_kb: float) -> int:
    return dynamodb.check_item_size(_whole_bytes(item_kb))


def _a(words: str) -> str:
    return ("An " if words[:1].lower() in "aeiou" else "A ") + words


_CONSISTENCY_TEXT = {
    "strong": "strongly consistent",
    "eventual": "eventually consistent",
    "transactional": "transactional",
}


# --- DynamoDB -----------------------------------------------------------------------------------

_RCU_SPEC = (
    Param("item_kb", NUMBER, [1, 3, 4.5, 7, 12]),
    Param("reads", NUMBER, [10, 40, 80, 150]),
    Param("consistency", CHOICE, ["strong", "eventual"], dynamodb.CONSISTENCIES),
)


def _dynamodb_rcu(p: Picker) -> Problem:
    v = p.values
    size = _kb_bytes(v["item_kb"])
    t = dynamodb.read_throughput(size, v["reads"], v["consistency"])
    q = (
        f"A DynamoDB table in provisioned capacity mode stores items of {fmt_size(size)} each. "
        f"The application performs {fmt_num(v['reads'])} {_CONSISTENCY_TEXT[v['consistency']]} reads "
        "per second, one item per read. How many read capacity units (RCU) must the table provision?"
    )
    return Problem(q, float(t.provisioned), "RCU", 0.0, t.steps)


_WCU_SPEC = (
    Param("item_kb", NUMBER, [0.5, 1, 2.5, 3, 6]),
    Param("writes", NUMBER, [10, 50, 100, 200]),
    Param("transactional", FLAG, [False, True]),
)


def _dynamodb_wcu(p: Picker) -> Problem:
    v = p.values
    size = _kb_bytes(v["item_kb"])
    t = dynamodb.write_throughput(size, v["writes"], v["transactional"])
    kind = "transactional writes (TransactWriteItems)" if v["transactional"] else "standard writes (PutItem)"
    q = (
        f"A DynamoDB table in provisioned capacity mode receives {fmt_num(v['writes'])} {kind} per second "
        f"of items of {fmt_size(size)} each. How many write capacity units (WCU) must the table provision?"
    )
    return Problem(q, float(t.provisioned), "WCU", 0.0, t.steps)


_QUERY_SPEC = (
    Param("items", NUMBER, [10, 25, 40, 100], integer=True),
    Param("item_bytes", NUMBER, [64, 200, 700, 1500], integer=True),
    Param("consistency", CHOICE, ["strong", "eventual"], ("strong", "eventual")),
)


def _dynamodb_query_rcu(p: Picker) -> Problem:
    v = p.values
    count = int(v["items"])
    size = dynamodb.check_item_size(int(v["item_bytes"]))
    op = dynamodb_operations.operation_units("query", [size] * count, v["consistency"])
    q = (
        f"{_a(_CONSISTENCY_TEXT[v['consistency']])} DynamoDB Query returns {count} items of "
        f"{fmt_num(size)} bytes each (KB = 1024 bytes). How many read capacity units does this one "
        "Query call consume?"
    )
    return Problem(q, op.units_per_call, "RCU", 0.0, op.steps)


_BATCH_GET_SPEC = (
    Param("items", NUMBER, [2, 3, 4, 5], integer=True),
    Param("item_kb", NUMBER, [0.5, 1.5, 3, 4.5, 6.5, 9]),
    Param("consistency", CHOICE, ["strong", "eventual"], ("strong", "eventual")),
)


def _sizes(p: Picker, count: int) -> list[int]:
    first = _kb_bytes(p.values["item_kb"])
    return [first] + [_kb_bytes(p.pick_again("item_kb")) for _ in range(count - 1)]


def _dynamodb_batch_get_rcu(p: Picker) -> Problem:
    v = p.values
    count = int(v["items"])
    if count > dynamodb.BATCH_GET_MAX_ITEMS:
        raise CalcError(
            "generator 'dynamodb-batch-get-rcu': BatchGetItem reads at most "
            f"{dynamodb.BATCH_GET_MAX_ITEMS} items."
        )
    sizes = _sizes(p, count)
    op = dynamodb_operations.operation_units("batch-get", sizes, v["consistency"])
    q = (
        f"{_a(_CONSISTENCY_TEXT[v['consistency']])} BatchGetItem call reads {count} items of "
        f"{', '.join(fmt_size(s) for s in sizes)}. How many read capacity units does the call consume?"
    )
    return Problem(q, op.units_per_call, "RCU", 0.0, op.steps)


_BATCH_WRITE_SPEC = (
    Param("items", NUMBER, [2, 3, 4, 5], integer=True),
    Param("item_kb", NUMBER, [0.5, 1, 1.5, 2.2, 3.5]),
)


def _dynamodb_batch_write_wcu(p: Picker) -> Problem:
    count = int(p.values["items"])
    if count > dynamodb.BATCH_WRITE_MAX_ITEMS:
        raise CalcError(
            "generator 'dynamodb-batch-write-wcu': BatchWriteItem writes at most "
            f"{dynamodb.BATCH_WRITE_MAX_ITEMS} items."
        )
    sizes = _sizes(p, count)
    op = dynamodb_operations.operation_units("batch-write", sizes)
    q = (
        f"A BatchWriteItem call puts {count} items of {', '.join(fmt_size(s) for s in sizes)}. "
        "How many write capacity units does the call consume?"
    )
    return Problem(q, op.units_per_call, "WCU", 0.0, op.steps)


_DDB_COST_SPEC = (
    Param("item_kb", NUMBER, [1, 2, 4]),
    Param("reads", NUMBER, [50, 100, 400]),
    Param("writes", NUMBER, [10, 25, 100]),
    Param("consistency", CHOICE, ["strong", "eventual"], dynamodb.CONSISTENCIES),
    Param("mode", CHOICE, ["provisioned", "on-demand"], dynamodb.MODES),
    Param("region", CHOICE, "us-east-1"),
)


def _dynamodb_monthly_cost(p: Picker) -> Problem:
    v = p.values
    prices = dynamodb_prices(v["region"])
    size = _kb_bytes(v["item_kb"])
    e = dynamodb.estimate(size, prices, v["reads"], v["writes"], v["consistency"], False, v["mode"])
    if e.mode == "provisioned":
        price_text = (
            f"{fmt_price(prices.provisioned_rcu_hour)} per RCU-hour and "
            f"{fmt_price(prices.provisioned_wcu_hour)} per WCU-hour, provisioned exactly as needed"
        )
    else:
        price_text = (
            f"{fmt_price(prices.on_demand_rru_million)} per million read request units and "
            f"{fmt_price(prices.on_demand_wru_million)} per million write request units (on-demand)"
        )
    q = (
        f"A DynamoDB table serves {fmt_num(v['reads'])} {_CONSISTENCY_TEXT[e.consistency]} reads and "
        f"{fmt_num(v['writes'])} standard writes per second, all of {fmt_size(size)} items, around the clock "
        f"for a {fmt_num(dynamodb.HOURS_PER_MONTH)}-hour month. At {price_text}, "
        "what is the monthly throughput cost in USD?"
    )
    answer = round(e.monthly_cost_usd, 2)
    return Problem(q, answer, "USD", max(0.01, round(answer * 0.01, 2)), e.steps)


# --- Lambda -------------------------------------------------------------------------------------

_LAMBDA_SPEC = (
    Param("requests", NUMBER, [1_000_000, 3_000_000, 5_000_000, 30_000_000], integer=True),
    Param("duration_ms", NUMBER, [50, 120, 200, 1000]),
    Param("memory_mb", NUMBER, [128, 512, 1024, 1536], integer=True),
    Param("arch", CHOICE, list(ARCHITECTURES), ARCHITECTURES),
    Param("free_tier", FLAG, [True, False]),
    Param("region", CHOICE, "us-east-1"),
)


def _lambda_monthly_cost(p: Picker) -> Problem:
    v = p.values
    prices = lambda_prices(v["region"])
    e = lambda_cost.estimate(
        int(v["requests"]),
        float(v["duration_ms"]),
        int(v["memory_mb"]),
        prices,
        arch=v["arch"],
        free_tier=v["free_tier"],
    )
    tiers = prices.duration_tiers[e.arch]
    if len(tiers) > 1 and tiers[0][0] is not None and e.billable_gb_seconds > tiers[0][0]:
        duration_price = "; ".join(
            f"{fmt_price(price)} per GB-second "
            + ("beyond" if upper is None else f"up to {fmt_num(upper)} GB-s")
            for upper, price in tiers
        )
    else:
        duration_price = f"{fmt_price(tiers[0][1])} per GB-second"
    free = (
        f"and the monthly free tier of {fmt_num(prices.free_requests)} requests and "
        f"{fmt_num(prices.free_gb_seconds)} GB-seconds applies"
        if v["free_tier"]
        else "and the free tier is already used up by other functions"
    )
    arch_text = "arm64 (Graviton)" if e.arch == "arm64" else "x86_64"
    q = (
        f"A Lambda function on {arch_text} with {fmt_num(e.memory_mb)} MB of memory runs "
        f"{fmt_num(e.requests)} times a month, {fmt_num(e.duration_ms)} ms each. Prices: "
        f"{fmt_price(prices.request_million)} per million requests and {duration_price}, {free}. "
        "What is the monthly cost in USD?"
    )
    answer = round(e.total_usd, 2)
    return Problem(q, answer, "USD", max(0.01, round(answer * 0.01, 2)), e.steps)


_GBS_SPEC = (
    Param("requests", NUMBER, [1_000_000, 2_000_000, 10_000_000], integer=True),
    Param("duration_ms", NUMBER, [35, 120, 250, 1250]),
    Param("memory_mb", NUMBER, [128, 256, 512, 2048], integer=True),
    Param("granularity", CHOICE, ["1ms", "100ms"], tuple(lambda_cost.GRANULARITIES)),
)


def _lambda_gb_seconds(p: Picker) -> Problem:
    v = p.values
    memory = lambda_cost.check_memory(int(v["memory_mb"]))
    duration = lambda_cost.check_duration(float(v["duration_ms"]))
    step = lambda_cost.check_granularity(v["granularity"])
    requests = int(v["requests"])
    billed = lambda_cost.billed_duration_ms(duration, step)
    gbs = lambda_cost.gb_seconds(requests, billed, memory)
    steps = []
    if billed != duration:
        steps.append(f"{fmt_num(duration)} ms rounded up to the next {step} ms = {billed} ms")
    steps.append(f"{fmt_num(requests)} x {fmt_num(billed / 1000)} s x {memory}/1024 GB = {fmt_num(gbs)} GB-s")
    rule = "in 1 ms increments" if step == 1 else "rounded up to the next 100 ms (as before December 2020)"
    q = (
        f"A Lambda function with {memory} MB of memory is invoked {fmt_num(requests)} times a month and "
        f"each invocation runs for {fmt_num(duration)} ms. Duration is billed {rule}. "
        "How many GB-seconds of compute does it use in the month?"
    )
    return Problem(q, round(gbs, 4), "GB-s", max(0.01, gbs * 0.001), tuple(steps))


# --- Kinesis ------------------------------------------------------------------------------------

_KINESIS_SPEC = (
    Param("records_per_sec", NUMBER, [500, 1500, 2500, 4000]),
    Param("record_kb", NUMBER, [0.5, 1, 2, 3]),
    Param("consumers", NUMBER, [1, 2, 3, 4], integer=True),
    Param("fan_out", CHOICE, ["shared", "enhanced"], kinesis.FAN_OUTS),
)


def _kinesis_shards(p: Picker) -> Problem:
    v = p.values
    size = _whole_bytes(v["record_kb"])
    consumers = int(v["consumers"])
    e = kinesis.shards(
        records_per_second=float(v["records_per_sec"]),
        record_size_bytes=size,
        consumers=consumers,
        fan_out=v["fan_out"],
    )
    how = (
        "each using enhanced fan-out"
        if e.fan_out == "enhanced"
        else "all sharing the stream's standard read throughput (no enhanced fan-out)"
    )
    q = (
        f"Producers write {fmt_num(v['records_per_sec'])} records per second of {fmt_size(size)} each to a "
        f"Kinesis data stream in provisioned mode. {consumers} consumer application(s) read every "
        f"record, {how}. "
        "What is the minimum number of shards?"
    )
    return Problem(q, float(e.shards), "shards", 0.0, e.steps)


# --- registry -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Generator:
    name: str
    description: str
    params: tuple[Param, ...]
    build: Callable[[Picker], Problem]


GENERATORS: dict[str, Generator] = {
    g.name: g
    for g in (
        Generator("dynamodb-rcu", "RCU for single-item reads", _RCU_SPEC, _dynamodb_rcu),
        Generator("dynamodb-wcu", "WCU for single-item writes", _WCU_SPEC, _dynamodb_wcu),
        Generator("dynamodb-query-rcu", "RCU of one Query call", _QUERY_SPEC, _dynamodb_query_rcu),
        Generator(
            "dynamodb-batch-get-rcu", "RCU of one BatchGetItem call", _BATCH_GET_SPEC, _dynamodb_batch_get_rcu
        ),
        Generator(
            "dynamodb-batch-write-wcu",
            "WCU of one BatchWriteItem call",
            _BATCH_WRITE_SPEC,
            _dynamodb_batch_write_wcu,
        ),
        Generator(
            "dynamodb-monthly-cost",
            "monthly DynamoDB throughput cost",
            _DDB_COST_SPEC,
            _dynamodb_monthly_cost,
        ),
        Generator("lambda-monthly-cost", "monthly Lambda cost", _LAMBDA_SPEC, _lambda_monthly_cost),
        Generator("lambda-gb-seconds", "Lambda GB-seconds in a month", _GBS_SPEC, _lambda_gb_seconds),
        Generator(
            "kinesis-shards", "Kinesis shards for a write rate and consumers", _KINESIS_SPEC, _kinesis_shards
        ),
    )
}


def _build(name: str, params: dict[str, Any], rng: random.Random) -> Problem:
    gen = GENERATORS.get(name)
    if gen is None:
        raise CalcError(f"unknown question generator {name!r}; known: {', '.join(sorted(GENERATORS))}.")
    return gen.build(Picker(name, gen.params, params or {}, rng))


def check_template(name: str, params: dict[str, Any]) -> None:
    """Raise CalcError unless `name` is a generator and every candidate of every parameter is valid
    (and one problem can be built from them): the bank checks its templates with this when loaded."""
    _build(name, params, random.Random(0))  # the picker checks every candidate


def generate(name: str, params: dict[str, Any], rng: random.Random) -> Problem:
    """One fresh problem from template `name`; raises CalcError for an unknown name or bad params."""
    return _build(name, params, rng)
