"""What a Kinesis data stream costs over some hours, in provisioned or on-demand capacity mode.

Provisioned mode bills shard-hours and PUT payload units: each record counts one unit per started
25 KB. On-demand mode bills each stream-hour and the data written and read, every record rounded up
to a whole KB. Prices come from prices.json (`kinesis_prices`); extended retention and enhanced
fan-out retrieval are billed apart and left out here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from awsprep.calc.checks import check_choice, check_positive
from awsprep.calc.kinesis import KinesisEstimate
from awsprep.calc.prices import KinesisPrices
from awsprep.calc.units import (
    GB,
    HOURS_PER_MONTH,
    KB,
    SECONDS_PER_HOUR,
    ceil_div,
    fmt_num,
    fmt_price,
    fmt_usd,
)

PUT_PAYLOAD_UNIT_BYTES = 25 * KB
ON_DEMAND_RECORD_ROUNDING_BYTES = KB
MODES = ("provisioned", "on-demand")
_MODE_ALIASES = {"provisioned": "provisioned", "on-demand": "on-demand", "ondemand": "on-demand"}


@dataclass(frozen=True)
class CostLine:
    """One line of the bill: what it is, how much of it, its unit and its dollars."""

    name: str
    quantity: float
    unit: str
    price: float
    price_unit: str
    usd: float


@dataclass(frozen=True)
class KinesisCost:
    """What a stream of that many shards costs over some hours, line by line."""

    mode: str
    hours: float
    stream: KinesisEstimate
    put_units_per_record: int | None  # provisioned, when the record size is known
    billed_kb_per_record: int | None  # on-demand, when the record size is known
    lines: tuple[CostLine, ...]
    left_out: str | None  # what could not be priced, and which flag would price it
    prices: KinesisPrices = field(repr=False)

    @property
    def total_usd(self) -> float:
        return sum(line.usd for line in self.lines)

    @property
    def steps(self) -> tuple[str, ...]:
        return cost_steps(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "hours": self.hours,
            "region": self.prices.region,
            "lines": [
                {"name": c.name, "quantity": c.quantity, "unit": c.unit, "usd": round(c.usd, 6)}
                for c in self.lines
            ],
            "total_usd": round(self.total_usd, 6),
            "left_out": self.left_out,
            "prices": {
                "checked": self.prices.checked,
                "source": self.prices.source,
                "unconfirmed": list(self.prices.unconfirmed),
            },
        }


def check_mode(value: str) -> str:
    return check_choice(value, "capacity mode", _MODE_ALIASES, MODES)


def _line(name: str, quantity: float, unit: str, price: float, per: float, price_unit: str) -> CostLine:
    return CostLine(name, quantity, unit, price, price_unit, quantity / per * price)


def _provisioned(
    s: KinesisEstimate, hours: float, p: KinesisPrices
) -> tuple[list[CostLine], int | None, str | None]:
    lines = [_line("shard-hours", s.shards * hours, "shard-hours", p.shard_hour, 1, "per shard-hour")]
    if s.records_per_second is None or s.record_size_bytes is None:
        return lines, None, "PUT payload units (give --records-per-sec and --record-size to price them)"
    per_record = ceil_div(s.record_size_bytes, PUT_PAYLOAD_UNIT_BYTES)
    units = s.records_per_second * per_record * SECONDS_PER_HOUR * hours
    lines.append(
        _line("PUT payload units", units, "units", p.put_payload_unit_million, 1_000_000, "per million units")
    )
    return lines, per_record, None


def _on_demand(s: KinesisEstimate, hours: float, p: KinesisPrices) -> tuple[list[CostLine], int | None]:
    per_record = None
    if s.records_per_second is not None and s.record_size_bytes is not None:
        per_record = ceil_div(s.record_size_bytes, ON_DEMAND_RECORD_ROUNDING_BYTES)
        bytes_per_second = s.records_per_second * per_record * KB
    else:
        bytes_per_second = s.mb_per_second * 1024 * KB
    gb_in = bytes_per_second * SECONDS_PER_HOUR * hours / GB
    gb_out = gb_in * s.consumers if s.fan_out == "shared" else 0.0
    lines = [
        _line("stream-hours", hours, "stream-hours", p.on_demand_stream_hour, 1, "per stream-hour"),
        _line("data written", gb_in, "GB", p.on_demand_data_in_gb, 1, "per GB"),
    ]
    if gb_out:
        lines.append(_line("data read", gb_out, "GB", p.on_demand_data_out_gb, 1, "per GB"))
    return lines, per_record


def cost(
    stream: KinesisEstimate, prices: KinesisPrices, mode: str = "provisioned", hours: float = HOURS_PER_MONTH
) -> KinesisCost:
    """The cost of `stream` (from `kinesis.shards`) over `hours` in capacity `mode`."""
    mode = check_mode(mode)
    hours = float(check_positive(hours, "hours"))
    put_units = billed_kb = None
    left_out = None
    if mode == "provisioned":
        lines, put_units, left_out = _provisioned(stream, hours, prices)
    else:
        lines, billed_kb = _on_demand(stream, hours, prices)
        if stream.fan_out == "enhanced":
            left_out = "enhanced fan-out retrieval (billed per consumer apart from shared reads)"
    return KinesisCost(mode, hours, stream, put_units, billed_kb, tuple(lines), left_out, prices)


def _line_step(c: CostLine) -> str:
    return (
        f"{c.name}: {fmt_num(c.quantity)} {c.unit} x {fmt_price(c.price)} {c.price_unit} = {fmt_usd(c.usd)}"
    )


def cost_steps(k: KinesisCost) -> tuple[str, ...]:
    s, hours = k.stream, fmt_num(k.hours)
    steps: list[str] = []
    if k.mode == "provisioned":
        steps.append(f"{s.shards} shard(s) x {hours} h = {fmt_num(s.shards * k.hours)} shard-hours")
        if k.put_units_per_record is not None and s.record_size_bytes is not None and s.records_per_second:
            steps.append(
                f"each {fmt_num(s.record_size_bytes / KB)} KB record = {k.put_units_per_record} PUT payload "
                f"unit(s) (one per started 25 KB); {fmt_num(s.records_per_second)} records/s x "
                f"{k.put_units_per_record} x {SECONDS_PER_HOUR:,} s x {hours} h"
            )
    else:
        steps.append(f"one on-demand stream x {hours} h = {hours} stream-hours (shards are not billed)")
        if k.billed_kb_per_record is not None and s.records_per_second:
            steps.append(
                f"data written: each record rounded up to {k.billed_kb_per_record} KB; "
                f"{fmt_num(s.records_per_second)} records/s x {k.billed_kb_per_record} KB x "
                f"{SECONDS_PER_HOUR:,} s x {hours} h / 1,048,576 KB per GB"
            )
        if s.fan_out == "shared":
            steps.append(f"data read: {s.consumers} consumer(s) each read everything written")
    steps += [_line_step(c) for c in k.lines]
    steps.append(f"total over {hours} h ({k.mode}, {k.prices.region}) = {fmt_usd(k.total_usd)}")
    if k.left_out:
        steps.append(f"not included: {k.left_out}")
    return tuple(steps)
