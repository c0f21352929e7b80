"""Kinesis Data Streams: how many shards a write rate and a set of consumers need, and why.

Per shard (Kinesis Data Streams Developer Guide): writes up to 1 MB/s and 1,000 records/s; reads
up to 2 MB/s shared by every standard consumer (and at most 5 GetRecords calls/s); each
enhanced fan-out consumer gets its own 2 MB/s per shard. Up to 20 enhanced fan-out consumers per
stream (50 with On-demand Advantage).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from awsprep.calc.errors import CalcError
from awsprep.calc.units import MB, ceil_div, fmt_num, fmt_size

WRITE_MB_PER_SHARD = 1.0
WRITE_RECORDS_PER_SHARD = 1000
READ_MB_PER_SHARD = 2.0
GETRECORDS_PER_SHARD = 5
MAX_EFO_CONSUMERS = 20
FAN_OUTS = ("shared", "enhanced")

FACTORS = {
    "write-mb": "write throughput (1 MB/s per shard)",
    "write-records": "write record rate (1,000 records/s per shard)",
    "read-mb": "shared read throughput (2 MB/s per shard, split between consumers)",
}


def check_fan_out(value: str) -> str:
    key = str(value).strip().lower().replace("_", "-")
    key = {"efo": "enhanced", "enhanced-fan-out": "enhanced", "standard": "shared"}.get(key, key)
    if key not in FAN_OUTS:
        raise CalcError(f"fan-out {value!r} is not one of {', '.join(FAN_OUTS)}.")
    return key


@dataclass(frozen=True)
class KinesisEstimate:
    mb_per_second: float
    records_per_second: float | None
    consumers: int
    fan_out: str
    shards_for_write_mb: int
    shards_for_write_records: int
    shards_for_read: int
    shards: int
    limiting_factor: str  # a key of FACTORS
    steps: tuple[str, ...]

    @property
    def limiting_factor_text(self) -> str:
        return FACTORS[self.limiting_factor]

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


def shards(
    mb_per_second: float | None = None,
    records_per_second: float | None = None,
    record_size_bytes: int | None = None,
    consumers: int = 1,
    fan_out: str = "shared",
) -> KinesisEstimate:
    """Shards needed for a write rate (MB/s, records/s or both) read by `consumers` applications."""
    fan_out = check_fan_out(fan_out)
    steps: list[str] = []
    if records_per_second is not None and (not math.isfinite(records_per_second) or records_per_second <= 0):
        raise CalcError("records per second must be greater than zero.")
    if mb_per_second is not None and (not math.isfinite(mb_per_second) or mb_per_second <= 0):
        raise CalcError("MB per second must be greater than zero.")
    if record_size_bytes is not None and record_size_bytes <= 0:
        raise CalcError("record size must be greater than zero.")
    if mb_per_second is None:
        if records_per_second is None or record_size_bytes is None:
            raise CalcError("give --mb-per-sec, or --records-per-sec together with --record-size.")
        mb_per_second = records_per_second * record_size_bytes / MB
        steps.append(
            f"{fmt_num(records_per_second)} records/s x {fmt_size(record_size_bytes)} = "
            f"{fmt_num(mb_per_second)} MB/s (1 MB = 1024 KB)"
        )
    elif record_size_bytes is not None and records_per_second is None:
        records_per_second = mb_per_second * MB / record_size_bytes
        steps.append(
            f"{fmt_num(mb_per_second)} MB/s / {fmt_size(record_size_bytes)} "
            f"= {fmt_num(records_per_second)} records/s"
        )
    if consumers < 1:
        raise CalcError("there must be at least one consumer.")
    if fan_out == "enhanced" and consumers > MAX_EFO_CONSUMERS:
        raise CalcError(
            f"a stream registers at most {MAX_EFO_CONSUMERS} enhanced fan-out consumers "
            f"(50 with On-demand Advantage), not {consumers}."
        )

    by_mb = max(1, ceil_div(mb_per_second, WRITE_MB_PER_SHARD))
    steps.append(f"write: {fmt_num(mb_per_second)} MB/s / 1 MB/s per shard = {by_mb} shard(s)")
    by_records = 0
    if records_per_second is not None:
        by_records = max(1, ceil_div(records_per_second, WRITE_RECORDS_PER_SHARD))
        steps.append(
            f"write: {fmt_num(records_per_second)} records/s / 1,000 per shard = {by_records} shard(s)"
        )
    if fan_out == "shared":
        read_mb = mb_per_second * consumers
        by_read = max(1, ceil_div(read_mb, READ_MB_PER_SHARD))
        steps.append(
            f"read (shared): {consumers} consumer(s) x {fmt_num(mb_per_second)} MB/s "
            f"= {fmt_num(read_mb)} MB/s "
            f"/ 2 MB/s per shard = {by_read} shard(s)"
        )
        if consumers > GETRECORDS_PER_SHARD:
            steps.append(
                f"note: the {GETRECORDS_PER_SHARD} GetRecords calls/s per shard are shared too, so "
                f"{consumers} consumers each poll less than once a second; enhanced fan-out avoids this"
            )
    else:
        by_read = max(1, ceil_div(mb_per_second, READ_MB_PER_SHARD))
        steps.append(
            f"read (enhanced fan-out): each consumer gets its own 2 MB/s per shard, so "
            f"{fmt_num(mb_per_second)} MB/s / 2 MB/s = {by_read} shard(s) whatever the number of consumers"
        )
    candidates = [("write-mb", by_mb), ("write-records", by_records), ("read-mb", by_read)]
    needed = max(n for _, n in candidates)
    limiting = next(key for key, n in candidates if n == needed)
    tied = [FACTORS[key] for key, n in candidates if n == needed and key != limiting]
    steps.append(
        f"shards = max({by_mb}, {by_records or '-'}, {by_read}) = {needed}; limited by {FACTORS[limiting]}"
        + (f" (tied with {', '.join(tied)})" if tied else "")
    )
    return KinesisEstimate(
        mb_per_second=mb_per_second,
        records_per_second=records_per_second,
        consumers=consumers,
        fan_out=fan_out,
        shards_for_write_mb=by_mb,
        shards_for_write_records=by_records,
        shards_for_read=by_read,
        shards=needed,
        limiting_factor=limiting,
        steps=tuple(steps),
    )
