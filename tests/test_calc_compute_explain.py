"""Compute, then explain: the pure arithmetic of each calculator, and the worked steps built from a result.

Every expected value here is worked out by hand in the comment next to it (KB = 1024 bytes,
MB = 1024 KB). The price tables are made up, round figures, so the sums stay checkable by eye.
"""

from __future__ import annotations

import math

import pytest

from awsprep.calc import dynamodb as d
from awsprep.calc import dynamodb_operations as ops
from awsprep.calc import kinesis as k
from awsprep.calc import lambda_cost as lc
from awsprep.calc.checks import check_choice, check_positive, check_range
from awsprep.calc.errors import CalcError
from awsprep.calc.prices import DynamoDBPrices, LambdaPrices
from awsprep.calc.units import KB

# provisioned: $1 per WCU-hour, $2 per RCU-hour; on-demand: $3 per million WRU, $4 per million RRU
DDB = DynamoDBPrices("test", "2026-01-01", "test", 1.0, 2.0, 3.0, 4.0)
LAMBDA = LambdaPrices(
    region="test",
    checked="2026-01-01",
    source="test",
    request_million=0.20,
    duration_tiers={"x86_64": ((None, 0.00001),), "arm64": ((None, 0.000008),)},
    ephemeral_gb_second=0.00000003,
    provisioned_concurrency_gb_second={"x86_64": 0.000004, "arm64": 0.000003},
    provisioned_duration_gb_second={"x86_64": 0.000009, "arm64": 0.000007},
    free_requests=1_000_000,
    free_gb_seconds=400_000,
)


# --- the shared checks ---------------------------------------------------------------------------


def test_check_choice_normalises_case_spaces_and_underscores() -> None:
    table = {"on-demand": "on-demand", "provisioned": "provisioned"}
    assert check_choice(" On_Demand ", "mode", table, ("provisioned", "on-demand")) == "on-demand"
    with pytest.raises(CalcError, match=r"^mode 'reserved' is not one of provisioned, on-demand\.$"):
        check_choice("reserved", "mode", table, ("provisioned", "on-demand"))


def test_check_positive_names_the_input_and_the_value() -> None:
    assert check_positive(2.5, "reads per second") == 2.5
    for bad, shown in ((0, "0"), (-4, "-4"), (math.nan, "nan"), (math.inf, "inf")):
        with pytest.raises(CalcError) as info:
            check_positive(bad, "reads per second")
        assert str(info.value) == f"reads per second must be greater than zero, not {shown}."


def test_check_range_is_inclusive_and_says_the_range() -> None:
    assert check_range(128, "memory", 128, 10_240, "MB", "Lambda") == 128
    assert check_range(10_240, "memory", 128, 10_240, "MB", "Lambda") == 10_240
    with pytest.raises(CalcError) as info:
        check_range(64, "memory", 128, 10_240, "MB", "Lambda")
    assert str(info.value) == "memory 64 MB is outside the Lambda range of 128-10,240 MB."


# --- DynamoDB table throughput and cost ----------------------------------------------------------


def test_read_throughput_arithmetic() -> None:
    # 7 KB -> 2 started 4 KB blocks; 2 x 30 reads/s = 60; eventually consistent x 0.5 = 30 RCU
    t = d.read_throughput(7 * KB, 30, "eventual")
    assert (t.blocks, t.factor, t.exact, t.provisioned, t.unit) == (2, 0.5, 30, 30, "RCU")
    # 1 KB -> 1 block; 1 x 3 = 3; x 0.5 = 1.5, provisioned as 2 whole RCU
    t = d.read_throughput(KB, 3, "eventual")
    assert (t.exact, t.provisioned) == (1.5, 2)


def test_write_throughput_arithmetic() -> None:
    # 2.5 KB -> 3 started 1 KB blocks; 3 x 10 writes/s = 30; transactional x 2 = 60 WCU
    t = d.write_throughput(2560, 10, transactional=True)
    assert (t.blocks, t.factor, t.exact, t.provisioned, t.unit) == (3, 2, 60, 60, "WCU")


def test_throughput_steps_explain_a_result() -> None:
    t = d.Throughput("read", KB, 3, 1, 0.5, "eventual", 1.5, 2)
    assert d.throughput_steps(t) == (
        "item size 1 KB / 4 KB = 0.25, rounded up to 1 read unit per read",
        "1 x 3 reads/s = 3",
        "eventually consistent, halved: 3 x 0.5 = 1.5",
        "1.5 rounded up to whole units = 2 RCU",
    )
    w = d.Throughput("write", 2560, 10, 3, 2.0, None, 60, 60)
    assert d.throughput_steps(w) == (
        "item size 2.5 KB / 1 KB = 2.5, rounded up to 3 write units per write",
        "3 x 10 writes/s = 30",
        "transactional: x 2 = 60",
        "= 60 WCU",
    )


def test_side_cost_provisioned_and_on_demand() -> None:
    t = d.read_throughput(KB, 3, "eventual")  # 1.5 RCU exact, 2 provisioned
    # provisioned: 2 RCU x $2 x 730 h = $2,920
    prov = d.side_cost(t, "provisioned", 730, DDB)
    assert prov.request_units is None and prov.usd == pytest.approx(2920)
    assert d.side_cost_step(prov) == "reads: 2 RCU x $2.00 per RCU-hour x 730 h = $2,920.00"
    # on-demand: 1.5 RRU/s x 3,600 s x 730 h = 3,942,000 RRU = 3.942 million x $4 = $15.768
    od = d.side_cost(t, "on-demand", 730, DDB)
    assert od.request_units == pytest.approx(3_942_000) and od.usd == pytest.approx(15.768)
    assert d.side_cost_step(od) == (
        "reads: 1.5 read request units/s x 3,600 s x 730 h = 3,942,000 read request units; "
        "3.942 million x $4.00 = $15.77"
    )


def test_estimate_adds_the_sides() -> None:
    # 4 KB items. reads: 1 block x 10/s = 10 RCU x $2 x 10 h = $200;
    # writes: 4 blocks x 5/s = 20 WCU x $1 x 10 h = $200
    e = d.estimate(4 * KB, DDB, reads_per_second=10, writes_per_second=5, hours=10)
    assert (e.rcu, e.wcu) == (10, 20)
    assert (e.read_cost_usd, e.write_cost_usd, e.monthly_cost_usd) == pytest.approx((200, 200, 400))
    assert d.estimate_steps(e)[-1] == "total over 10 h (provisioned, test) = $400.00"
    reads_only = d.estimate(4 * KB, DDB, reads_per_second=10, hours=10)
    assert (reads_only.write, reads_only.wcu, reads_only.write_cost_usd) == (None, 0, 0.0)


# --- DynamoDB operations -------------------------------------------------------------------------


def test_batch_get_rounds_each_item_then_halves() -> None:
    # 1.5 KB -> 1 block, 6.5 KB -> 2 blocks: 3 blocks x 0.5 = 1.5 RCU per call, 2 to provision
    r = ops.operation_units("batch-get", [1536, 6656], "eventual")
    assert (r.item_blocks, r.blocks, r.factor, r.units_per_call, r.provisioned) == ((1, 2), 3, 0.5, 1.5, 2)
    assert ops.operation_steps(r) == (
        "BatchGetItem rounds each item up to the next 4 KB on its own, then adds them",
        "1.5 KB + 6.5 KB -> 1 + 2 = 3",
        "eventually consistent, halved: 3 x 0.5 = 1.5 RCU per call",
        "rounded up to whole units = 2 RCU",
    )


def test_scan_sums_then_rounds_once_and_scales_by_rate() -> None:
    # 8 x 1 KB = 8 KB -> 2 blocks = 2 RCU per call; 2 calls/s = 4 RCU
    r = ops.operation_units("scan", [KB] * 8, "strong", 2)
    assert (r.item_blocks, r.blocks, r.units_per_call, r.units_per_second, r.provisioned) == ((), 2, 2, 4, 4)
    assert ops.operation_steps(r) == (
        "Scan adds the sizes of the items evaluated first: 8 x 1 KB = 8 KB",
        "8 KB / 4 KB = 2, rounded up once = 2",
        "strongly consistent: 2 x 1 = 2 RCU per call",
        "2 x 2 calls/s = 4 RCU",
    )


def test_single_item_and_transactional_writes() -> None:
    # 500 B -> 1 KB block = 1 WCU
    put = ops.operation_units("put", [500])
    assert (put.blocks, put.units_per_call, put.consistency) == (1, 1, None)
    assert ops.operation_steps(put) == ("PutItem: 500 B / 1 KB = 0.4883, rounded up = 1", "= 1 WCU per call")
    # 1 KB + 2 KB -> 1 + 2 = 3 blocks, x 2 = 6 WCU
    tx = ops.operation_units("transact-write", [KB, 2 * KB])
    assert (tx.item_blocks, tx.blocks, tx.factor, tx.units_per_call) == ((1, 2), 3, 2, 6)
    assert ops.operation_steps(tx)[-1] == "transactional: 3 x 2 = 6 WCU per call"


def test_operation_limits() -> None:
    assert ops.operation_units("batch-write", [KB] * d.BATCH_WRITE_MAX_ITEMS).units_per_call == 25
    with pytest.raises(CalcError, match="at most 25 items per call, not 26"):
        ops.operation_units("batch-write", [KB] * (d.BATCH_WRITE_MAX_ITEMS + 1))
    assert ops.operation_units("batch-get", [KB] * d.BATCH_GET_MAX_ITEMS).units_per_call == 100
    with pytest.raises(CalcError, match="at most 100 items per call, not 101"):
        ops.operation_units("batch-get", [KB] * (d.BATCH_GET_MAX_ITEMS + 1))


# --- Kinesis -------------------------------------------------------------------------------------


def test_shards_from_records_and_size() -> None:
    # 3,000 records/s x 1 KB = 2.9296875 MB/s -> 3 shards; 3,000 / 1,000 -> 3 shards;
    # 3 shared consumers x 2.9296875 = 8.7890625 MB/s / 2 MB/s -> 5 shards
    e = k.shards(records_per_second=3000, record_size_bytes=KB, consumers=3)
    assert e.mb_per_second == 2.9296875 and e.derived == "mb" and e.read_mb_per_second == 8.7890625
    assert (e.shards_for_write_mb, e.shards_for_write_records, e.shards_for_read) == (3, 3, 5)
    assert (e.shards, e.limiting_factor) == (5, "read-mb")
    assert k.shard_steps(e) == (
        "3,000 records/s x 1 KB = 2.9297 MB/s (1 MB = 1024 KB)",
        "write: 2.9297 MB/s / 1 MB/s per shard = 3 shard(s)",
        "write: 3,000 records/s / 1,000 per shard = 3 shard(s)",
        "read (shared): 3 consumer(s) x 2.9297 MB/s = 8.7891 MB/s / 2 MB/s per shard = 5 shard(s)",
        "shards = max(3, 3, 5) = 5; limited by shared read throughput "
        "(2 MB/s per shard, split between consumers)",
    )


def test_records_from_mb_and_size() -> None:
    # 2 MB/s / 512 B = 4,096 records/s -> 5 shards by records; 2 shards by MB; 1 by reads
    e = k.shards(mb_per_second=2, record_size_bytes=512)
    assert e.records_per_second == 4096 and e.derived == "records"
    assert (e.shards, e.limiting_factor) == (5, "write-records")
    assert k.shard_steps(e)[0] == "2 MB/s / 512 B = 4,096 records/s"


def test_ties_and_enhanced_fan_out() -> None:
    # 2 MB/s: 2 shards to write, 2 x 2 shared = 4 MB/s / 2 = 2 shards to read: a tie
    e = k.shards(mb_per_second=2, consumers=2)
    assert (e.shards, e.limiting_factor, e.shards_for_write_records) == (2, "write-mb", 0)
    assert k.shard_steps(e)[-1] == (
        "shards = max(2, 2) = 2; limited by write throughput (1 MB/s per shard) "
        "(tied with shared read throughput (2 MB/s per shard, split between consumers))"
    )
    # enhanced fan-out: each of 10 consumers has its own 2 MB/s, so 3 MB/s needs 2 shards to read
    efo = k.shards(mb_per_second=3, consumers=10, fan_out="efo")
    assert (efo.read_mb_per_second, efo.shards_for_read, efo.shards) == (3, 2, 3)


# --- Lambda --------------------------------------------------------------------------------------


def test_billed_duration_rounds_up_to_the_granularity() -> None:
    assert lc.billed_duration_ms(120.2, 1) == 121
    assert lc.billed_duration_ms(0.4, 1) == 1
    assert lc.billed_duration_ms(120, 100) == 200
    assert lc.billed_duration_ms(100, 100) == 100


def test_gb_seconds_and_provisioned_seconds() -> None:
    # 3,000,000 x 0.12 s x 1.5 GB = 540,000 GB-s
    assert lc.gb_seconds(3_000_000, 120, 1536) == pytest.approx(540_000)
    # 2 h = 7,200 s; 1 minute -> 5 minutes = 300 s; 6 minutes -> 10 minutes = 600 s
    assert lc.provisioned_seconds(2) == 7200
    assert lc.provisioned_seconds(1 / 60) == 300
    assert lc.provisioned_seconds(0.1) == 600


def test_tier_parts_fill_each_tier_in_turn() -> None:
    # 50 GB-s over tiers up to 10 at $1, up to 30 at $0.50, beyond at $0.25: $10 + $10 + $5
    parts = lc.tier_parts(50, ((10.0, 1.0), (30.0, 0.5), (None, 0.25)))
    assert [(p.gb_seconds, p.lower, p.upper, p.usd) for p in parts] == [
        (10, 0, 10, 10),
        (20, 10, 30, 10),
        (20, 30, None, 5),
    ]
    assert lc.tier_step(parts[0]) == "10 GB-s x $1.00 (up to 10 GB-s) = $10.00"
    assert lc.tier_step(parts[2]) == "20 GB-s x $0.25 (above 30 GB-s) = $5.00"
    assert lc.tier_parts(0, ((None, 1.0),)) == ()


def test_lambda_estimate_with_free_tier_and_ephemeral_storage() -> None:
    # 2M requests of 250 ms at 2 GB: 500,000 s, 1,000,000 GB-s.
    # requests: 2M - 1M free = 1M x $0.20 = $0.20;
    # compute: 1,000,000 - 400,000 free = 600,000 GB-s x $0.00001 = $6;
    # ephemeral: (1,024 - 512)/1024 = 0.5 GB x 500,000 s = 250,000 GB-s x $0.00000003 = $0.0075
    e = lc.estimate(2_000_000, 250, 2048, LAMBDA, ephemeral_mb=1024)
    assert (e.seconds, e.gb_seconds, e.billable_gb_seconds) == (500_000, 1_000_000, 600_000)
    assert (e.billable_requests, e.ephemeral_extra_gb) == (1_000_000, 0.5)
    assert (e.request_cost_usd, e.compute_cost_usd, e.ephemeral_cost_usd) == pytest.approx((0.2, 6, 0.0075))
    assert e.total_usd == pytest.approx(6.2075)
    lines = {line.name: line.arithmetic for line in lc.cost_lines(e)}
    assert lines["requests"] == (
        "2,000,000 requests - 1,000,000 free = 1,000,000 billable",
        "1 million x $0.20 per million = $0.20",
    )
    assert lines["compute"] == (
        "2,000,000 requests x 0.25 s x 2,048/1024 GB = 1,000,000 GB-s",
        "1,000,000 - 400,000 free GB-s = 600,000 billable GB-s",
        "600,000 GB-s x $0.00001 (above 0 GB-s) = $6.00",
    )
    assert lines["ephemeral storage"] == (
        "(1,024 - 512 free MB)/1024 = 0.5 GB x 500,000 s = 250,000 GB-s x $0.00000003 = $0.0075",
    )
    assert "provisioned concurrency" not in lines


def test_lambda_estimate_with_provisioned_concurrency() -> None:
    # 1 environment of 1 GB for 1 minute -> billed 300 s = 300 GB-s x $0.000004 = $0.0012;
    # 1,000 requests of 1 s at 1 GB = 1,000 GB-s x $0.000009 = $0.009; no free tier: 0.001 million x $0.20
    e = lc.estimate(1000, 1000, 1024, LAMBDA, pc_count=1, pc_hours=1 / 60)
    assert not e.free_tier_applied and e.duration_tiers == ()
    assert (e.pc_seconds, e.pc_gb_seconds) == (300, 300)
    assert e.provisioned_concurrency_cost_usd == pytest.approx(0.0012)
    assert e.compute_cost_usd == pytest.approx(0.009)
    assert e.request_cost_usd == pytest.approx(0.0002)
    lines = {line.name: line.arithmetic for line in lc.cost_lines(e)}
    assert lines["provisioned concurrency"] == (
        "0.0167 h rounded up to 5 minutes = 300 s",
        "1 x 1,024/1024 GB x 300 s = 300 GB-s x $0.000004 = $0.0012",
    )
