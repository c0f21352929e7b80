"""Kinesis Data Streams: how many shards a write rate and a set of consumers need, and why.

Per shard (Kinesis Data Streams Developer Guide): writes up to 1 MB/s and 1,000 records/s; reads
up to 2 MB/s shared by every standard consumer (and at most 5 GetRecords calls/s); each
enhanced fan-out consumer gets its own 2 MB/s per shard. Up to 20 enhanced fan-out consumers per
stream (50 with On-demand Advantage).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from awsprep.calc.checks import check_choice, check_positive
from awsprep.calc.errors import CalcError
from awsprep.calc.units import MB, ceil_div, fmt_num, fmt_size

WRITE_MB_PER_SHARD = 1.0
WRITE_RECORDS_PER_SHARD = 1000
READ_MB_PER_SHARD = 2.0
GETRECORDS_PER_SHARD = 5
MAX_EFO_CONSUMERS = 20
MAX_EFO_CONSUMERS_ADVANTAGE = 50  # with On-demand Advantage
FAN_OUTS = ("shared", "enhanced")

FACTORS = {
    "write-mb": f"write throughput ({fmt_num(WRITE_MB_PER_SHARD)} MB/s per shard)",
    "write-records": f"write record rate ({WRITE_RECORDS_PER_SHARD:,} records/s per shard)",
    "read-mb": (
        f"shared read throughput ({fmt_num(READ_MB_PER_SHARD)} MB/s per shard, split between consumers)"
    ),
}
_FAN_OUT_ALIASES = {
    "shared": "shared",
    "standard": "shared",
    "enhanced": "enhanced",
    "efo": "enhanced",
    "enhanced-fan-out": "enhanced",
}


def check_fan_out(value: str) -> str:
    return check_choice(value, "fan-out", _FAN_OUT_ALIASES, FAN_OUTS)


@dataclass(frozen=True)
class KinesisEstimate:
    """The shards a write rate and its consumers need, and which limit decides."""

    mb_per_second: float
    records_per_second: float | None
    record_size_bytes: int | None
    derived: str | None  # "mb" or "records" when that rate was worked out from the other and the size
    consumers: int
    fan_out: str
    read_mb_per_second: float  # what the shards must serve: every shared consumer's copy, or one
    shards_for_write_mb: int
    shards_for_write_records: int  # 0 when the record rate is unknown
    shards_for_read: int
    shards: int
    limiting_factor: str  # a key of FACTORS

    @property
    def limiting_factor_text(self) -> str:
        return FACTORS[self.limiting_factor]

    @property
    def steps(self) -> tuple[str, ...]:
        return shard_steps(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mb_per_second": self.mb_per_second,
            "records_per_second": self.records_per_second,
            "consumers": self.consumers,
            "fan_out": self.fan_out,
            "shards_for_write_mb": self.shards_for_write_mb,
            "shards_for_write_records": self.shards_for_write_records,
            "shards_for_read": self.shards_for_read,
            "shards": self.shards,
            "limiting_factor": self.limiting_factor,
            "limiting_factor_text": self.limiting_factor_text,
            "steps": list(self.steps),
        }


def _check_consumers(consumers: int, fan_out: str) -> int:
    if consumers < 1:
        raise CalcError("there must be at least one consumer.")
    if fan_out == "enhanced" and consumers > MAX_EFO_CONSUMERS:
        raise CalcError(
            f"a stream registers at most {MAX_EFO_CONSUMERS} enhanced fan-out consumers "
            f"({MAX_EFO_CONSUMERS_ADVANTAGE} with On-demand Advantage), not {consumers}."
        )
    return consumers


def shards(
    mb_per_second: float | None = None,
    records_per_second: float | None = None,
    record_size_bytes: int | None = None,
    consumers: int = 1,
    fan_out: str = "shared",
) -> KinesisEstimate:
    """Shards needed for a write rate (MB/s, records/s or both) read by `consumers` applications."""
    fan_out = check_fan_out(fan_out)
    if records_per_second is not None:
        check_positive(records_per_second, "records per second")
    if mb_per_second is not None:
        check_positive(mb_per_second, "MB per second")
    if record_size_bytes is not None:
        check_positive(record_size_bytes, "record size")
    derived = None
    if mb_per_second is None:
        if records_per_second is None or record_size_bytes is None:
            raise CalcError("give --mb-per-sec, or --records-per-sec together with --record-size.")
        mb_per_second, derived = records_per_second * record_size_bytes / MB, "mb"
    elif record_size_bytes is not None and records_per_second is None:
        records_per_second, derived = mb_per_second * MB / record_size_bytes, "records"
    _check_consumers(consumers, fan_out)
    by_mb = max(1, ceil_div(mb_per_second, WRITE_MB_PER_SHARD))
    by_records = 0
    if records_per_second is not None:
        by_records = max(1, ceil_div(records_per_second, WRITE_RECORDS_PER_SHARD))
    read_mb = mb_per_second * consumers if fan_out == "shared" else mb_per_second
    by_read = max(1, ceil_div(read_mb, READ_MB_PER_SHARD))
    candidates = {"write-mb": by_mb, "write-records": by_records, "read-mb": by_read}
    needed = max(candidates.values())
    return KinesisEstimate(
        mb_per_second=mb_per_second,
        records_per_second=records_per_second,
        record_size_bytes=record_size_bytes,
        derived=derived,
        consumers=consumers,
        fan_out=fan_out,
        read_mb_per_second=read_mb,
        shards_for_write_mb=by_mb,
        shards_for_write_records=by_records,
        shards_for_read=by_read,
        shards=needed,
        limiting_factor=next(key for key, n in candidates.items() if n == needed),
    )


def _derivation_step(e: KinesisEstimate) -> list[str]:
    if e.record_size_bytes is None or e.records_per_second is None:
        return []
    mb, records, size = fmt_num(e.mb_per_second), fmt_num(e.records_per_second), fmt_size(e.record_size_bytes)
    if e.derived == "mb":
        return [f"{records} records/s x {size} = {mb} MB/s (1 MB = 1024 KB)"]
    if e.derived == "records":
        return [f"{mb} MB/s / {size} = {records} records/s"]
    return []


def _read_steps(e: KinesisEstimate) -> list[str]:
    mb, per_shard = fmt_num(e.mb_per_second), fmt_num(READ_MB_PER_SHARD)
    if e.fan_out == "enhanced":
        return [
            f"read (enhanced fan-out): each consumer gets its own {per_shard} MB/s per shard, so "
            f"{mb} MB/s / {per_shard} MB/s = {e.shards_for_read} shard(s) whatever the number of consumers"
        ]
    steps = [
        f"read (shared): {e.consumers} consumer(s) x {mb} MB/s = {fmt_num(e.read_mb_per_second)} MB/s "
        f"/ {per_shard} MB/s per shard = {e.shards_for_read} shard(s)"
    ]
    if e.consumers > GETRECORDS_PER_SHARD:
        steps.append(
            f"note: the {GETRECORDS_PER_SHARD} GetRecords calls/s per shard are shared too, so "
            f"{e.consumers} consumers each poll less than once a second; enhanced fan-out avoids this"
        )
    return steps


def shard_steps(e: KinesisEstimate) -> tuple[str, ...]:
    steps = _derivation_step(e)
    steps.append(
        f"write: {fmt_num(e.mb_per_second)} MB/s / {fmt_num(WRITE_MB_PER_SHARD)} MB/s per shard "
        f"= {e.shards_for_write_mb} shard(s)"
    )
    if e.records_per_second is not None:
        steps.append(
            f"write: {fmt_num(e.records_per_second)} records/s / {WRITE_RECORDS_PER_SHARD:,} per shard "
            f"= {e.shards_for_write_records} shard(s)"
        )
    steps += _read_steps(e)
    by_factor = {
        "write-mb": e.shards_for_write_mb,
        "write-records": e.shards_for_write_records,
        "read-mb": e.shards_for_read,
    }
    tied = [FACTORS[k] for k, n in by_factor.items() if n == e.shards and k != e.limiting_factor]
    counted = [n for k, n in by_factor.items() if k != "write-records" or e.records_per_second is not None]
    largest = ", ".join(str(n) for n in counted)
    steps.append(
        f"shards = max({largest}) = {e.shards}; limited by {e.limiting_factor_text}"
        + (f" (tied with {', '.join(tied)})" if tied else "")
    )
    return tuple(steps)
