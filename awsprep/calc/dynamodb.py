"""DynamoDB capacity units and their monthly cost, with the rounding steps an exam expects.

Rules (DynamoDB Developer Guide, "DynamoDB read and write operations"):

* a read unit covers 4 KB: a strongly consistent read costs 1 unit per started 4 KB, an eventually
  consistent read half of that, a transactional read twice that;
* a write unit covers 1 KB: a standard write costs 1 unit per started 1 KB, a transactional write 2;
* items are at most 400 KB; KB = 1024 bytes.

This module holds those rules and the table-level calculator (a steady rate of single-item reads and
writes, and its cost); `dynamodb_operations` applies them to one API call.

Each calculator computes first (a pure function returning a frozen result) and explains second
(`*_steps(result)` turns the result's numbers into the worked steps).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from awsprep.calc.checks import check_choice, check_positive
from awsprep.calc.errors import CalcError
from awsprep.calc.prices import DynamoDBPrices
from awsprep.calc.units import (
    HOURS_PER_MONTH,
    KB,
    MB,
    SECONDS_PER_HOUR,
    ceil_div,
    fmt_num,
    fmt_price,
    fmt_size,
    fmt_usd,
)

READ_UNIT_BYTES = 4 * KB
WRITE_UNIT_BYTES = KB
MAX_ITEM_BYTES = 400 * KB
MAX_PAGE_BYTES = MB  # one Query or Scan call reads at most 1 MB
BATCH_GET_MAX_ITEMS = 100
BATCH_WRITE_MAX_ITEMS = 25
TRANSACT_MAX_ITEMS = 100  # TransactGetItems and TransactWriteItems actions per call

CONSISTENCIES = ("strong", "eventual", "transactional")
MODES = ("provisioned", "on-demand")
_CONSISTENCY_ALIASES = {
    "strong": "strong",
    "strongly": "strong",
    "strongly-consistent": "strong",
    "eventual": "eventual",
    "eventually": "eventual",
    "eventually-consistent": "eventual",
    "transactional": "transactional",
    "transaction": "transactional",
}
_MODE_ALIASES = {"provisioned": "provisioned", "on-demand": "on-demand", "ondemand": "on-demand"}
READ_FACTOR = {"strong": 1.0, "eventual": 0.5, "transactional": 2.0}
TRANSACTIONAL_WRITE_FACTOR = 2.0
FACTOR_WORDS = {
    "strong": "strongly consistent",
    "eventual": "eventually consistent, halved",
    "transactional": "transactional, doubled",
}


# --- validation ---------------------------------------------------------------------------------


def check_consistency(value: str) -> str:
    return check_choice(value, "consistency", _CONSISTENCY_ALIASES, CONSISTENCIES)


def check_mode(value: str) -> str:
    return check_choice(value, "mode", _MODE_ALIASES, MODES)


def check_item_size(size_bytes: int, what: str = "item size") -> int:
    check_positive(size_bytes, what)
    if size_bytes > MAX_ITEM_BYTES:
        raise CalcError(
            f"{what} {fmt_size(size_bytes)} is above the DynamoDB item size limit of "
            f"{fmt_size(MAX_ITEM_BYTES)} ({MAX_ITEM_BYTES:,} bytes)."
        )
    return size_bytes


def capacity_unit(kind: str) -> str:
    """RCU for reads, WCU for writes (provisioned capacity)."""
    return "RCU" if kind == "read" else "WCU"


def request_unit(kind: str) -> str:
    """What on-demand mode bills instead of capacity units: read or write request units."""
    return f"{kind} request units"


def whole_units(exact: float) -> int:
    """Capacity is provisioned in whole units: an exact rate rounded up (80.0 stays 80)."""
    return ceil_div(exact, 1)


# --- table throughput ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Throughput:
    """Units per second for one side, reads or writes: exact, and whole units to provision."""

    kind: str  # "read" or "write"
    size_bytes: int
    per_second: float  # reads or writes per second
    blocks: int  # started 4 KB (read) or 1 KB (write) blocks in one item
    factor: float  # 0.5 eventually consistent, 2 transactional, else 1
    consistency: str | None  # reads only
    exact: float
    provisioned: int

    @property
    def unit(self) -> str:
        return capacity_unit(self.kind)

    @property
    def steps(self) -> tuple[str, ...]:
        return throughput_steps(self)


def read_throughput(size_bytes: int, reads_per_second: float, consistency: str) -> Throughput:
    consistency = check_consistency(consistency)
    check_item_size(size_bytes)
    reads = float(check_positive(reads_per_second, "reads per second"))
    blocks = ceil_div(size_bytes, READ_UNIT_BYTES)
    factor = READ_FACTOR[consistency]
    exact = blocks * reads * factor
    return Throughput("read", size_bytes, reads, blocks, factor, consistency, exact, whole_units(exact))


def write_throughput(size_bytes: int, writes_per_second: float, transactional: bool) -> Throughput:
    check_item_size(size_bytes)
    writes = float(check_positive(writes_per_second, "writes per second"))
    blocks = ceil_div(size_bytes, WRITE_UNIT_BYTES)
    factor = TRANSACTIONAL_WRITE_FACTOR if transactional else 1.0
    exact = blocks * writes * factor
    return Throughput("write", size_bytes, writes, blocks, factor, None, exact, whole_units(exact))


def throughput_steps(t: Throughput, mode: str = "provisioned") -> tuple[str, ...]:
    unit_bytes = READ_UNIT_BYTES if t.kind == "read" else WRITE_UNIT_BYTES
    base = t.blocks * t.per_second  # units before the consistency or transaction factor
    steps = [
        f"item size {fmt_size(t.size_bytes)} / {fmt_size(unit_bytes)} "
        f"= {fmt_num(t.size_bytes / unit_bytes)}, "
        f"rounded up to {t.blocks} {t.kind} unit{'s' if t.blocks != 1 else ''} per {t.kind}",
        f"{t.blocks} x {fmt_num(t.per_second)} {t.kind}s/s = {fmt_num(base)}",
    ]
    if t.consistency is not None and t.factor != 1:
        steps.append(
            f"{FACTOR_WORDS[t.consistency]}: {fmt_num(base)} x {fmt_num(t.factor)} = {fmt_num(t.exact)}"
        )
    elif t.factor != 1:
        steps.append(f"transactional: x {fmt_num(t.factor)} = {fmt_num(t.exact)}")
    if mode == "on-demand":
        steps.append(
            f"= {fmt_num(t.exact)} {request_unit(t.kind)} per second (on-demand: nothing provisioned)"
        )
    elif t.provisioned != t.exact:
        steps.append(f"{fmt_num(t.exact)} rounded up to whole units = {t.provisioned} {t.unit}")
    else:
        steps.append(f"= {t.provisioned} {t.unit}")
    return tuple(steps)


# --- cost ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SideCost:
    """What one side's throughput costs over some hours: per unit-hour, or per million request units."""

    throughput: Throughput
    mode: str
    hours: float
    price: float  # per unit-hour (provisioned) or per million request units (on-demand)
    request_units: float | None  # on-demand only
    usd: float


def side_cost(t: Throughput, mode: str, hours: float, prices: DynamoDBPrices) -> SideCost:
    read = t.kind == "read"
    if mode == "provisioned":
        price = prices.provisioned_rcu_hour if read else prices.provisioned_wcu_hour
        return SideCost(t, mode, hours, price, None, t.provisioned * price * hours)
    price = prices.on_demand_rru_million if read else prices.on_demand_wru_million
    request_units = t.exact * SECONDS_PER_HOUR * hours
    return SideCost(t, mode, hours, price, request_units, request_units / 1_000_000 * price)


def side_cost_step(c: SideCost) -> str:
    kind, unit = c.throughput.kind, c.throughput.unit
    if c.request_units is None:
        return (
            f"{kind}s: {c.throughput.provisioned} {unit} x {fmt_price(c.price)} per {unit}-hour x "
            f"{fmt_num(c.hours)} h = {fmt_usd(c.usd)}"
        )
    units = request_unit(kind)
    return (
        f"{kind}s: {fmt_num(c.throughput.exact)} {units}/s x {SECONDS_PER_HOUR:,} s x {fmt_num(c.hours)} h "
        f"= {fmt_num(c.request_units)} {units}; "
        f"{fmt_num(c.request_units / 1_000_000)} million x {fmt_price(c.price)} = {fmt_usd(c.usd)}"
    )


@dataclass(frozen=True)
class DynamoDBEstimate:
    """A table's capacity for steady reads and writes and what it costs, with every number between."""

    region: str
    mode: str
    item_size_bytes: int
    reads_per_second: float | None
    writes_per_second: float | None
    consistency: str
    transactional_writes: bool
    hours: float
    read: SideCost | None
    write: SideCost | None
    monthly_cost_usd: float
    prices: DynamoDBPrices = field(repr=False)

    @property
    def rcu(self) -> int:
        return self.read.throughput.provisioned if self.read else 0

    @property
    def wcu(self) -> int:
        return self.write.throughput.provisioned if self.write else 0

    @property
    def rcu_exact(self) -> float:
        return self.read.throughput.exact if self.read else 0.0

    @property
    def wcu_exact(self) -> float:
        return self.write.throughput.exact if self.write else 0.0

    @property
    def read_cost_usd(self) -> float:
        return self.read.usd if self.read else 0.0

    @property
    def write_cost_usd(self) -> float:
        return self.write.usd if self.write else 0.0

    @property
    def steps(self) -> tuple[str, ...]:
        return estimate_steps(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "mode": self.mode,
            "item_size_bytes": self.item_size_bytes,
            "reads_per_second": self.reads_per_second,
            "writes_per_second": self.writes_per_second,
            "consistency": self.consistency,
            "transactional_writes": self.transactional_writes,
            "hours": self.hours,
            "rcu": self.rcu,
            "wcu": self.wcu,
            "rcu_exact": self.rcu_exact,
            "wcu_exact": self.wcu_exact,
            "read_cost_usd": round(self.read_cost_usd, 6),
            "write_cost_usd": round(self.write_cost_usd, 6),
            "monthly_cost_usd": round(self.monthly_cost_usd, 6),
            "read_request_units": self.read.request_units if self.read else None,
            "write_request_units": self.write.request_units if self.write else None,
            "steps": list(self.steps),
            "prices": {
                "checked": self.prices.checked,
                "source": self.prices.source,
                "provisioned_rcu_hour": self.prices.provisioned_rcu_hour,
                "provisioned_wcu_hour": self.prices.provisioned_wcu_hour,
                "on_demand_rru_million": self.prices.on_demand_rru_million,
                "on_demand_wru_million": self.prices.on_demand_wru_million,
                "unconfirmed": list(self.prices.unconfirmed),
            },
        }


def estimate(
    item_size_bytes: int,
    prices: DynamoDBPrices,
    reads_per_second: float | None = None,
    writes_per_second: float | None = None,
    consistency: str = "strong",
    transactional_writes: bool = False,
    mode: str = "provisioned",
    hours: float = HOURS_PER_MONTH,
) -> DynamoDBEstimate:
    """RCU/WCU for a steady rate of single-item reads and writes, and what that costs over `hours`."""
    mode = check_mode(mode)
    consistency = check_consistency(consistency)
    hours = float(check_positive(hours, "hours"))
    check_item_size(item_size_bytes)
    if reads_per_second is None and writes_per_second is None:
        raise CalcError("give a read rate (--reads), a write rate (--writes) or both.")
    read = write = None
    if reads_per_second is not None:
        read = side_cost(read_throughput(item_size_bytes, reads_per_second, consistency), mode, hours, prices)
    if writes_per_second is not None:
        throughput = write_throughput(item_size_bytes, writes_per_second, transactional_writes)
        write = side_cost(throughput, mode, hours, prices)
    total = (read.usd if read else 0.0) + (write.usd if write else 0.0)
    return DynamoDBEstimate(
        region=prices.region,
        mode=mode,
        item_size_bytes=item_size_bytes,
        reads_per_second=reads_per_second,
        writes_per_second=writes_per_second,
        consistency=consistency,
        transactional_writes=transactional_writes,
        hours=hours,
        read=read,
        write=write,
        monthly_cost_usd=total,
        prices=prices,
    )


def estimate_steps(e: DynamoDBEstimate) -> tuple[str, ...]:
    sides = [side for side in (e.read, e.write) if side is not None]
    steps = [step for side in sides for step in throughput_steps(side.throughput, e.mode)]
    steps += [side_cost_step(side) for side in sides]
    steps.append(f"total over {fmt_num(e.hours)} h ({e.mode}, {e.region}) = {fmt_usd(e.monthly_cost_usd)}")
    return tuple(steps)
