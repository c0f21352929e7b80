"""Kinesis shards. Limits: Kinesis Data Streams Developer Guide, "Quotas and limits" and "Develop
enhanced fan-out consumers" (https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html,
https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html): a shard takes 1 MB/s and
1,000 records/s of writes and serves 2 MB/s of reads shared by standard consumers; each enhanced
fan-out consumer gets its own 2 MB/s per shard; at most 20 enhanced fan-out consumers per stream.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awsprep.calc import kinesis as k
from awsprep.calc.errors import CalcError


def test_mb_limited() -> None:
    r = k.shards(mb_per_second=5, records_per_second=1000)
    assert r.shards == 5 and r.limiting_factor == "write-mb"


def test_records_limited() -> None:
    r = k.shards(records_per_second=4500, record_size_bytes=100)
    assert r.shards == 5 and r.limiting_factor == "write-records"


def test_shared_read_limited_and_efo_removes_it() -> None:
    shared = k.shards(mb_per_second=2, consumers=4)
    assert shared.shards == 4 and shared.limiting_factor == "read-mb"
    efo = k.shards(mb_per_second=2, consumers=4, fan_out="enhanced")
    assert efo.shards == 2 and efo.limiting_factor == "write-mb"


def test_at_least_one_shard() -> None:
    assert k.shards(mb_per_second=0.01).shards == 1


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"mb_per_second": 0},
        {"records_per_second": -1, "record_size_bytes": 10},
        {"mb_per_second": 1, "consumers": 0},
        {"mb_per_second": 1, "consumers": 21, "fan_out": "enhanced"},
        {"mb_per_second": 1, "fan_out": "turbo"},
    ],
)
def test_bad_inputs(kwargs: dict[str, object]) -> None:
    with pytest.raises(CalcError):
        k.shards(**kwargs)  # type: ignore[arg-type]


@given(
    st.floats(min_value=0.001, max_value=1000),
    st.floats(min_value=0.001, max_value=1000),
    st.integers(min_value=1, max_value=20),
    st.sampled_from(k.FAN_OUTS),
)
def test_shards_never_decrease_with_rate(a: float, b: float, consumers: int, fan_out: str) -> None:
    low, high = sorted((a, b))
    assert (
        k.shards(mb_per_second=low, consumers=consumers, fan_out=fan_out).shards
        <= k.shards(mb_per_second=high, consumers=consumers, fan_out=fan_out).shards
    )
