"""DynamoDB capacity: golden examples from the AWS documentation and pricing pages, plus properties.

Sources of the golden numbers:
[RW]  DynamoDB Developer Guide, "DynamoDB read and write operations"
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
      (3,500-byte read = 4 KB; 8 KB item: 2 / 1 / 4 read units; BatchGetItem 1.5 KB + 6.5 KB = 12 KB;
      Query of 10 items totalling 40.8 KB -> 44 KB; Query of 1500 items of 64 bytes -> 96 KB;
      BatchWriteItem of a 500-byte and a 3.5 KB item -> 5 KB)
[PP]  DynamoDB pricing, provisioned capacity: https://aws.amazon.com/dynamodb/pricing/provisioned/
      (8 KB item: strongly 2 RCU, eventually 1 RCU, transactional 4 RCU; 1 KB write 1 WCU,
      3 KB write 3 WCU, transactional 3 KB write 6 WCU)
[OLD] Original DynamoDB pricing page FAQ example (aws.amazon.com/dynamodb/pricing, stored copy):
      items of 512 bytes read 100 times a second need 100 units of read capacity.
[SEED] The learners' own examples: 80 strongly consistent reads/s of 3 KB = 80 RCU, 40 eventually
      consistent; 100 writes/s of 512 B = 100 WCU.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awsprep.calc import dynamodb as d
from awsprep.calc import dynamodb_operations as ops
from awsprep.calc.errors import CalcError
from awsprep.calc.prices import DynamoDBPrices, dynamodb_prices
from awsprep.calc.units import KB, parse_size
from awsprep.errors import UsageError

US = dynamodb_prices("us-east-1")


# --- seeds' examples -----------------------------------------------------------------------------


def test_seed_80_strong_reads_of_3kb_is_80_rcu() -> None:
    assert d.estimate(parse_size("3KB"), US, reads_per_second=80).rcu == 80


def test_seed_80_eventual_reads_of_3kb_is_40_rcu() -> None:
    assert d.estimate(parse_size("3KB"), US, reads_per_second=80, consistency="eventual").rcu == 40


def test_seed_100_writes_of_512b_is_100_wcu() -> None:
    assert d.estimate(parse_size("512B"), US, writes_per_second=100).wcu == 100


# --- AWS documentation [RW] and pricing page [PP] ------------------------------------------------


def test_rw_3500_byte_read_is_one_unit() -> None:
    assert d.read_throughput(3500, 1, "strong").exact == 1


@pytest.mark.parametrize(("consistency", "units"), [("strong", 2), ("eventual", 1), ("transactional", 4)])
def test_pp_8kb_read(consistency: str, units: float) -> None:
    assert d.read_throughput(8 * KB, 1, consistency).exact == units


@pytest.mark.parametrize(("size_kb", "transactional", "units"), [(1, False, 1), (3, False, 3), (3, True, 6)])
def test_pp_writes(size_kb: int, transactional: bool, units: int) -> None:
    assert d.write_throughput(size_kb * KB, 1, transactional).exact == units


def test_rw_getitem_rounds_3_5kb_to_4kb_and_10kb_to_12kb() -> None:
    assert ops.operation_units("get", [parse_size("3.5KB")]).units_per_call == 1
    assert ops.operation_units("get", [parse_size("10KB")]).units_per_call == 3


def test_rw_batch_get_rounds_each_item() -> None:
    result = ops.operation_units("batch-get", [parse_size("1.5KB"), parse_size("6.5KB")])
    assert result.units_per_call == 3  # 12 KB, not 8 KB
    assert any("1 + 2 = 3" in s for s in result.steps)


def test_rw_query_rounds_the_sum_once() -> None:
    # 10 items totalling 40.8 KB -> 44 KB -> 11 units
    sizes = [round(40.8 * KB / 10)] * 10
    assert ops.operation_units("query", sizes).units_per_call == 11
    # 1500 items of 64 bytes -> 96 KB -> 24 units (strong), 12 (eventual)
    assert ops.operation_units("query", ops.parse_items(["1500x64B"])).units_per_call == 24
    assert ops.operation_units("query", [64] * 1500, "eventual").units_per_call == 12


def test_query_versus_batch_get_differs() -> None:
    sizes = [parse_size("1KB")] * 4
    assert ops.operation_units("query", sizes).units_per_call == 1
    assert ops.operation_units("batch-get", sizes).units_per_call == 4


def test_rw_batch_write_rounds_each_item() -> None:
    assert ops.operation_units("batch-write", [500, parse_size("3.5KB")]).units_per_call == 5


def test_scan_counts_evaluated_items_and_transact_write_doubles() -> None:
    assert ops.operation_units("scan", [KB] * 8, "eventual").units_per_call == 1
    assert ops.operation_units("transact-write", [KB, 2 * KB]).units_per_call == 6
    assert ops.operation_units("transact-get", [KB, 5 * KB]).units_per_call == 6


def test_old_faq_512_byte_items_100_reads() -> None:
    assert d.estimate(512, US, reads_per_second=100).rcu == 100


# --- costs ---------------------------------------------------------------------------------------


def test_provisioned_cost_uses_hourly_prices() -> None:
    # 10 WCU and 200 RCU for one hour: the pricing FAQ's shape, priced at today's us-east-1 list prices
    e = d.estimate(KB, US, reads_per_second=200, writes_per_second=10, hours=1)
    assert e.monthly_cost_usd == pytest.approx(200 * 0.00013 + 10 * 0.00065)


def test_on_demand_cost_after_november_2024_cut() -> None:
    # 1 million strongly consistent 4 KB reads and 1 million 1 KB writes cost $0.125 + $0.625 in us-east-1
    seconds = 1_000_000 / 3600  # hours giving exactly one million requests at 1 request/s
    e = d.estimate(KB, US, reads_per_second=1, writes_per_second=1, mode="on-demand", hours=seconds)
    assert e.read_cost_usd == pytest.approx(0.125)
    assert e.write_cost_usd == pytest.approx(0.625)


def test_eventual_reads_on_demand_are_half_units_not_rounded() -> None:
    e = d.estimate(KB, US, reads_per_second=3, consistency="eventual", mode="on-demand")
    assert e.rcu_exact == 1.5 and e.rcu == 2
    assert e.read_cost_usd == pytest.approx(1.5 * 3600 * 730 / 1e6 * 0.125)


def test_json_keys() -> None:
    data = d.estimate(KB, US, reads_per_second=1, writes_per_second=1).to_dict()
    for key in ("rcu", "wcu", "monthly_cost_usd", "steps", "prices"):
        assert key in data
    assert data["prices"]["checked"]


# --- limits --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: d.estimate(400 * KB + 1, US, reads_per_second=1),
        lambda: d.estimate(KB, US, reads_per_second=0),
        lambda: d.estimate(KB, US, writes_per_second=-5),
        lambda: d.estimate(KB, US),
        lambda: d.estimate(KB, US, reads_per_second=1, consistency="sometimes"),
        lambda: d.estimate(KB, US, reads_per_second=1, mode="reserved"),
        lambda: parse_size("3 parsecs"),
        lambda: parse_size("3"),
        lambda: dynamodb_prices("mars-north-1"),
        lambda: ops.operation_units("get", [KB, KB]),
        lambda: ops.operation_units("batch-write", [KB] * 26),
        lambda: ops.operation_units("query", [400 * KB] * 3),
        lambda: ops.operation_units("query", [KB], "transactional"),
        lambda: ops.operation_units("frobnicate", [KB]),
    ],
)
def test_bad_inputs_are_usage_errors(call: object) -> None:
    with pytest.raises(CalcError) as info:
        call()  # type: ignore[operator]
    assert isinstance(info.value, UsageError)
    message = str(info.value)
    assert message.endswith(".") and "\n" not in message


def test_400kb_exactly_is_allowed() -> None:
    assert d.write_throughput(400 * KB, 1, False).exact == 400


# --- properties ----------------------------------------------------------------------------------

sizes = st.integers(min_value=1, max_value=400 * KB)
rates = st.floats(min_value=0.01, max_value=100_000, allow_nan=False, allow_infinity=False)
consistencies = st.sampled_from(d.CONSISTENCIES)


@given(sizes, sizes, rates, consistencies)
def test_read_capacity_never_decreases_with_size(a: int, b: int, rate: float, cons: str) -> None:
    small, large = sorted((a, b))
    assert (
        d.read_throughput(small, rate, cons).provisioned <= d.read_throughput(large, rate, cons).provisioned
    )


@given(sizes, rates, rates, consistencies)
def test_read_capacity_never_decreases_with_rate(size: int, a: float, b: float, cons: str) -> None:
    low, high = sorted((a, b))
    assert d.read_throughput(size, low, cons).provisioned <= d.read_throughput(size, high, cons).provisioned


@given(sizes, sizes, rates, rates, st.booleans())
def test_write_capacity_never_decreases(a: int, b: int, r1: float, r2: float, tx: bool) -> None:
    small, large = sorted((a, b))
    low, high = sorted((r1, r2))
    assert d.write_throughput(small, low, tx).provisioned <= d.write_throughput(large, high, tx).provisioned


@given(
    sizes, rates, rates, consistencies, st.sampled_from(d.MODES), st.sampled_from(["us-east-1", "eu-west-1"])
)
def test_costs_are_never_negative_and_grow_with_rate(
    size: int, a: float, b: float, cons: str, mode: str, region: str
) -> None:
    prices = dynamodb_prices(region)
    low, high = sorted((a, b))
    e1 = d.estimate(size, prices, reads_per_second=low, writes_per_second=low, consistency=cons, mode=mode)
    e2 = d.estimate(size, prices, reads_per_second=high, writes_per_second=high, consistency=cons, mode=mode)
    assert 0 <= e1.monthly_cost_usd <= e2.monthly_cost_usd + 1e-9


@given(st.lists(sizes, min_size=1, max_size=25))
def test_batch_rounding_is_never_cheaper_than_one_rounding(items: list[int]) -> None:
    batch = ops.operation_units("batch-get", items).units_per_call
    if sum(items) <= 1024 * KB:
        assert ops.operation_units("query", items).units_per_call <= batch


def test_custom_price_table_is_used() -> None:
    prices = DynamoDBPrices("test", "2026-01-01", "test", 1.0, 2.0, 3.0, 4.0)
    e = d.estimate(KB, prices, reads_per_second=1, writes_per_second=1, hours=1)
    assert e.monthly_cost_usd == pytest.approx(3.0)
