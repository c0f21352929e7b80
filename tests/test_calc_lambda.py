"""Lambda cost: golden examples from the AWS Lambda pricing page, plus properties.

Sources:
[P1]/[P2] https://aws.amazon.com/lambda/pricing/ (stored copy from the 100 ms / $0.00001667 era):
      Example 1: 512 MB, 3M requests, 1 s each -> compute $18.34 + requests $0.40 = $18.74
      Example 2: 128 MB, 30M requests, 200 ms each -> compute $5.83 + requests $5.80 = $11.63
      Both price duration at $0.00001667 per GB-s and apply the 1M-request / 400,000 GB-s free tier.
[PC]  https://aws.amazon.com/lambda/pricing/ "Provisioned Concurrency Pricing", Example 1: 1024 MB,
      provisioned concurrency 1,000 for two hours, 1.2M executions of 1 s each while it is on. The
      stored copy confirms the inputs and that the free tier does not apply with provisioned
      concurrency; the dollar figures below are recomputed from the us-east-1 list prices
      ($0.0000041667 and $0.0000097222 per GB-s): $30.00 + $11.67 + $0.24 = $41.91.
[MB]  https://aws.amazon.com/lambda/pricing/ (current page): mobile backend example, 3M requests of
      120 ms at 1536 MB on x86 (inputs as on the page; figures recomputed: 540,000 GB-s -> $9.00,
      requests $0.60).
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awsprep.calc import lambda_cost as lc
from awsprep.calc.errors import CalcError
from awsprep.calc.prices import lambda_prices
from awsprep.calc.units import parse_duration_ms, parse_memory_mb

US = lambda_prices("us-east-1")
OLD = dataclasses.replace(
    US,
    duration_tiers={"x86_64": ((None, 0.00001667),), "arm64": ((None, 0.00001667),)},
)


def test_p1_512mb_3m_requests_1s() -> None:
    e = lc.estimate(3_000_000, 1000, 512, OLD, granularity="100ms")
    assert e.gb_seconds == 1_500_000
    assert e.billable_gb_seconds == 1_100_000
    assert round(e.compute_cost_usd, 2) == 18.34
    assert round(e.request_cost_usd, 2) == 0.40
    assert round(e.total_usd, 2) == 18.74


def test_p2_128mb_30m_requests_200ms() -> None:
    e = lc.estimate(30_000_000, 200, 128, OLD, granularity="100ms")
    assert e.gb_seconds == 750_000
    assert round(e.compute_cost_usd, 2) == 5.83
    assert round(e.request_cost_usd, 2) == 5.80
    assert round(e.total_usd, 2) == 11.63


def test_pc_example_free_tier_does_not_apply() -> None:
    e = lc.estimate(1_200_000, 1000, 1024, US, pc_count=1000, pc_hours=2)
    assert not e.free_tier_applied
    assert round(e.provisioned_concurrency_cost_usd, 2) == 30.00
    assert round(e.compute_cost_usd, 2) == 11.67
    assert round(e.request_cost_usd, 2) == 0.24
    assert round(e.total_usd, 2) == 41.91


def test_mb_mobile_backend_without_free_tier() -> None:
    e = lc.estimate(3_000_000, 120, 1536, US, free_tier=False)
    assert e.gb_seconds == pytest.approx(540_000)
    assert round(e.compute_cost_usd, 2) == 9.00
    assert round(e.request_cost_usd, 2) == 0.60


def test_arm_is_cheaper_per_gb_second() -> None:
    x86 = lc.estimate(10_000_000, 200, 1024, US, free_tier=False)
    arm = lc.estimate(10_000_000, 200, 1024, US, arch="arm64", free_tier=False)
    assert arm.compute_cost_usd == pytest.approx(2_000_000 * 0.0000133334)
    assert arm.compute_cost_usd < x86.compute_cost_usd
    assert arm.request_cost_usd == x86.request_cost_usd


def test_second_duration_tier() -> None:
    parts = lc.tier_parts(7_000_000_000, US.duration_tiers["x86_64"])
    assert sum(p.usd for p in parts) == pytest.approx(6e9 * 0.0000166667 + 1e9 * 0.000015)
    assert len(parts) == 2
    parts = lc.tier_parts(20_000_000_000, US.duration_tiers["arm64"])
    assert sum(p.usd for p in parts) == pytest.approx(
        7.5e9 * 0.0000133334 + 11.25e9 * 0.0000120001 + 1.25e9 * 0.0000106667
    )


def test_granularity_rounds_up() -> None:
    assert lc.estimate(1, 120.2, 128, US).billed_duration_ms == 121
    assert lc.estimate(1, 120, 128, US, granularity="100ms").billed_duration_ms == 200
    assert lc.estimate(1, 100, 128, US, granularity="100ms").billed_duration_ms == 100


def test_ephemeral_storage_above_512mb_only() -> None:
    e = lc.estimate(1_000_000, 1000, 128, US, ephemeral_mb=10_240)
    extra_gb = (10_240 - 512) / 1024
    assert e.ephemeral_cost_usd == pytest.approx(extra_gb * 1_000_000 * 0.0000000309)
    assert lc.estimate(1_000_000, 1000, 128, US).ephemeral_cost_usd == 0


def test_pc_hours_round_up_to_five_minutes() -> None:
    e = lc.estimate(1, 1, 1024, US, pc_count=1, pc_hours=1 / 60)  # 1 minute -> 5 minutes
    assert e.provisioned_concurrency_cost_usd == pytest.approx(300 * 0.0000041667)


def test_free_tier_covers_small_workloads() -> None:
    e = lc.estimate(1_000_000, 50, 128, US)
    assert e.total_usd == 0 and e.free_tier_applied


def test_json_keys() -> None:
    data = lc.estimate(2_000_000, 100, 256, US).to_dict()
    for key in (
        "request_cost_usd",
        "compute_cost_usd",
        "total_usd",
        "ephemeral_cost_usd",
        "free_tier_applied",
    ):
        assert key in data


@pytest.mark.parametrize(
    "call",
    [
        lambda: lc.estimate(1, 100, 127, US),
        lambda: lc.estimate(1, 100, 10_241, US),
        lambda: lc.estimate(1, 100, 128, US, ephemeral_mb=511),
        lambda: lc.estimate(1, 100, 128, US, ephemeral_mb=10_241),
        lambda: lc.estimate(0, 100, 128, US),
        lambda: lc.estimate(1, 0, 128, US),
        lambda: lc.estimate(1, 900_001, 128, US),
        lambda: lc.estimate(1, 100, 128, US, arch="sparc"),
        lambda: lc.estimate(1, 100, 128, US, granularity="10ms"),
        lambda: lc.estimate(1, 100, 128, US, pc_count=2),
        lambda: parse_duration_ms("120"),
        lambda: parse_duration_ms("2 fortnights"),
        lambda: parse_memory_mb("1.5MB"),
        lambda: lambda_prices("ap-mars-1"),
    ],
)
def test_bad_inputs(call: object) -> None:
    with pytest.raises(CalcError):
        call()  # type: ignore[operator]


def test_duration_parsing() -> None:
    assert parse_duration_ms("120ms") == 120
    assert parse_duration_ms("2s") == 2000
    assert parse_duration_ms("1.5s") == 1500
    assert parse_memory_mb("1GB") == 1024


@given(
    st.integers(min_value=1, max_value=10**10),
    st.floats(min_value=0.1, max_value=900_000, allow_nan=False),
    st.integers(min_value=128, max_value=10_240),
    st.sampled_from(["x86_64", "arm64"]),
    st.integers(min_value=512, max_value=10_240),
    st.booleans(),
    st.sampled_from(["1ms", "100ms"]),
)
def test_cost_is_never_negative(
    requests: int, ms: float, mem: int, arch: str, eph: int, free: bool, gran: str
) -> None:
    e = lc.estimate(requests, ms, mem, US, arch=arch, ephemeral_mb=eph, free_tier=free, granularity=gran)
    assert min(e.request_cost_usd, e.compute_cost_usd, e.ephemeral_cost_usd, e.total_usd) >= 0
    assert e.total_usd == pytest.approx(sum(ln.usd for ln in e.lines if ln.name != "total"))


@given(
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=128, max_value=10_240),
    st.sampled_from(["x86_64", "arm64"]),
    st.booleans(),
)
def test_cost_never_decreases_with_requests(a: int, b: int, mem: int, arch: str, free: bool) -> None:
    low, high = sorted((a, b))
    e1 = lc.estimate(low, 250, mem, US, arch=arch, free_tier=free)
    e2 = lc.estimate(high, 250, mem, US, arch=arch, free_tier=free)
    assert e1.total_usd <= e2.total_usd + 1e-9
