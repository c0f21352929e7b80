"""DynamoDB capacity units and their monthly cost, with the rounding steps an exam expects.

Rules (DynamoDB Developer Guide, "DynamoDB read and write operations"):

* a read unit covers 4 KB: a strongly consistent read costs 1 unit per started 4 KB, an eventually
  consistent read half of that, a transactional read twice that;
* a write unit covers 1 KB: a standard write costs 1 unit per started 1 KB, a transactional write 2;
* items are at most 400 KB; KB = 1024 bytes.

Per operation: GetItem rounds its item; BatchGetItem/BatchWriteItem/TransactGet/TransactWrite round
each item separately and add; Query and Scan add the sizes first (Scan: of the items *evaluated*)
and round the total once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from awsprep.calc.errors import CalcError
from awsprep.calc.prices import DynamoDBPrices
from awsprep.calc.units import KB, MB, ceil_div, fmt_num, fmt_price, fmt_size, fmt_usd, parse_size

READ_UNIT_BYTES = 4 * KB
WRITE_UNIT_BYTES = KB
MAX_ITEM_BYTES = 400 * KB
MAX_PAGE_BYTES = MB  # one Query or Scan call reads at most 1 MB
HOURS_PER_MONTH = 730.0

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
_READ_FACTOR = {"strong": 1.0, "eventual": 0.5, "transactional": 2.0}


# --- validation ---------------------------------------------------------------------------------


def check_consistency(value: str) -> str:
    key = str(value).strip().lower().replace("_", "-")
    if key not in _CONSISTENCY_ALIASES:
        raise CalcError(f"consistency {value!r} is not one of {', '.join(CONSISTENCIES)}.")
    return _CONSISTENCY_ALIASES[key]


def check_mode(value: str) -> str:
    key = str(value).strip().lower().replace("_", "-").replace("ondemand", "on-demand")
    if key not in MODES:
        raise CalcError(f"mode {value!r} is not one of {', '.join(MODES)}.")
    return key


def check_item_size(size_bytes: int, what: str = "item size") -> int:
    if size_bytes <= 0:
        raise CalcError(f"{what} must be greater than zero.")
    if size_bytes > MAX_ITEM_BYTES:
        raise CalcError(
            f"{what} {fmt_size(size_bytes)} is above the DynamoDB item size limit of 400 KB (409,600 bytes)."
        )
    return size_bytes


def check_rate(value: float, what: str) -> float:
    if not math.isfinite(value) or value <= 0:
        raise CalcError(f"{what} must be a number greater than zero, not {fmt_num(value)}.")
    return float(value)


def check_hours(value: float) -> float:
    if not math.isfinite(value) or value <= 0:
        raise CalcError(f"hours must be greater than zero, not {fmt_num(value)}.")
    return float(value)


def parse_items(texts: Sequence[str]) -> list[int]:
    """Item sizes for the per-operation helpers: '1.5KB', '6.5KB', or 'COUNTxSIZE' such as '1500x64B'."""
    sizes: list[int] = []
    for text in texts:
        for part in str(text).split(","):
            part = part.strip()
            if not part:
                continue
            match = re.match(r"^(\d+)\s*[x*]\s*(.+)$", part)
            count, size_text = (int(match.group(1)), match.group(2)) if match else (1, part)
            if count <= 0:
                raise CalcError(f"item count in {part!r} must be greater than zero.")
            if count > 100_000:
                raise CalcError(f"item count in {part!r} is too large (at most 100,000).")
            size = check_item_size(parse_size(size_text, "item size"))
            sizes.extend([size] * count)
    if not sizes:
        raise CalcError("give at least one item size, such as --item 3KB.")
    return sizes


# --- per item -----------------------------------------------------------------------------------


def read_units_per_item(size_bytes: int, consistency: str) -> float:
    """Read units one read of one item consumes: ceil(size / 4 KB) x 1, 0.5 or 2."""
    check_item_size(size_bytes)
    return ceil_div(size_bytes, READ_UNIT_BYTES) * _READ_FACTOR[check_consistency(consistency)]


def write_units_per_item(size_bytes: int, transactional: bool = False) -> int:
    """Write units one write of one item consumes: ceil(size / 1 KB), doubled when transactional."""
    check_item_size(size_bytes)
    return ceil_div(size_bytes, WRITE_UNIT_BYTES) * (2 if transactional else 1)


def _factor_words(consistency: str) -> str:
    return {
        "strong": "strongly consistent",
        "eventual": "eventually consistent, halved",
        "transactional": "transactional, doubled",
    }[consistency]


# --- table throughput ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Throughput:
    """Units per second for one side (reads or writes): exact, and whole units to provision."""

    exact: float
    provisioned: int
    steps: tuple[str, ...]


def read_throughput(size_bytes: int, reads_per_second: float, consistency: str) -> Throughput:
    consistency = check_consistency(consistency)
    check_item_size(size_bytes)
    reads = check_rate(reads_per_second, "reads per second")
    blocks = ceil_div(size_bytes, READ_UNIT_BYTES)
    factor = _READ_FACTOR[consistency]
    exact = blocks * reads * factor
    steps = [
        f"item size {fmt_size(size_bytes)} / 4 KB = {fmt_num(size_bytes / READ_UNIT_BYTES)}, "
        f"rounded up to {blocks} read unit{'s' if blocks != 1 else ''} per read",
        f"{blocks} x {fmt_num(reads)} reads/s = {fmt_num(blocks * reads)}",
    ]
    if factor != 1:
        steps.append(
            f"{_factor_words(consistency)}: {fmt_num(blocks * reads)} x {fmt_num(factor)} = {fmt_num(exact)}"
        )
    return _provision(exact, steps, "RCU")


def _provision(exact: float, steps: list[str], unit: str) -> Throughput:
    """Whole units to provision for an exact rate, with the rounding step when there is one."""
    provisioned = math.ceil(exact - 1e-9)
    if provisioned != exact:
        steps.append(f"{fmt_num(exact)} rounded up to whole units = {provisioned} {unit}")
    else:
        steps.append(f"= {provisioned} {unit}")
    return Throughput(exact=exact, provisioned=provisioned, steps=tuple(steps))


def write_throughput(size_bytes: int, writes_per_second: float, transactional: bool) -> Throughput:
    check_item_size(size_bytes)
    writes = check_rate(writes_per_second, "writes per second")
    blocks = ceil_div(size_bytes, WRITE_UNIT_BYTES)
    exact = blocks * writes * (2 if transactional else 1)
    steps = [
        f"item size {fmt_size(size_bytes)} / 1 KB = {fmt_num(size_bytes / WRITE_UNIT_BYTES)}, "
        f"rounded up to {blocks} write unit{'s' if blocks != 1 else ''} per write",
        f"{blocks} x {fmt_num(writes)} writes/s = {fmt_num(blocks * writes)}",
    ]
    if transactional:
        steps.append(f"transactional: x 2 = {fmt_num(exact)}")
    return _provision(exact, steps, "WCU")


@dataclass(frozen=True)
class DynamoDBEstimate:
    region: str
    mode: str
    item_size_bytes: int
    reads_per_second: float | None
    writes_per_second: float | None
    consistency: str
    transactional_writes: bool
    hours: float
    rcu: int
    wcu: int
    rcu_exact: float
    wcu_exact: float
    read_cost_usd: float
    write_cost_usd: float
    monthly_cost_usd: float
    read_steps: tuple[str, ...]
    write_steps: tuple[str, ...]
    cost_steps: tuple[str, ...]
    prices: DynamoDBPrices = field(repr=False)

    @property
    def steps(self) -> tuple[str, ...]:
        return self.read_steps + self.write_steps + self.cost_steps

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


def _side_cost(
    mode: str, units: int, exact: float, hours: float, hour_price: float, million_price: float, kind: str
) -> tuple[float, str]:
    unit_name = "RCU" if kind == "read" else "WCU"
    if mode == "provisioned":
        cost = units * hour_price * hours
        return cost, (
            f"{kind}s: {units} {unit_name} x {fmt_price(hour_price)} per {unit_name}-hour x "
            f"{fmt_num(hours)} h = {fmt_usd(cost)}"
        )
    request_units = exact * 3600 * hours
    cost = request_units / 1_000_000 * million_price
    short = "RRU" if kind == "read" else "WRU"
    return cost, (
        f"{kind}s: {fmt_num(exact)} {short}/s x 3,600 s x {fmt_num(hours)} h "
        f"= {fmt_num(request_units)} {short}; "
        f"{fmt_num(request_units / 1_000_000)} million x {fmt_price(million_price)} = {fmt_usd(cost)}"
    )


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
    hours = check_hours(hours)
    check_item_size(item_size_bytes)
    if reads_per_second is None and writes_per_second is None:
        raise CalcError("give a read rate (--reads), a write rate (--writes) or both.")
    read = (
        read_throughput(item_size_bytes, reads_per_second, consistency)
        if reads_per_second is not None
        else Throughput(0.0, 0, ())
    )
    write = (
        write_throughput(item_size_bytes, writes_per_second, transactional_writes)
        if writes_per_second is not None
        else Throughput(0.0, 0, ())
    )
    cost_steps: list[str] = []
    read_cost = write_cost = 0.0
    if reads_per_second is not None:
        read_cost, line = _side_cost(
            mode,
            read.provisioned,
            read.exact,
            hours,
            prices.provisioned_rcu_hour,
            prices.on_demand_rru_million,
            "read",
        )
        cost_steps.append(line)
    if writes_per_second is not None:
        write_cost, line = _side_cost(
            mode,
            write.provisioned,
            write.exact,
            hours,
            prices.provisioned_wcu_hour,
            prices.on_demand_wru_million,
            "write",
        )
        cost_steps.append(line)
    total = read_cost + write_cost
    cost_steps.append(f"total over {fmt_num(hours)} h ({mode}, {prices.region}) = {fmt_usd(total)}")
    return DynamoDBEstimate(
        region=prices.region,
        mode=mode,
        item_size_bytes=item_size_bytes,
        reads_per_second=reads_per_second,
        writes_per_second=writes_per_second,
        consistency=consistency,
        transactional_writes=transactional_writes,
        hours=hours,
        rcu=read.provisioned,
        wcu=write.provisioned,
        rcu_exact=read.exact,
        wcu_exact=write.exact,
        read_cost_usd=read_cost,
        write_cost_usd=write_cost,
        monthly_cost_usd=total,
        read_steps=read.steps,
        write_steps=write.steps,
        cost_steps=tuple(cost_steps),
        prices=prices,
    )


# --- per operation ------------------------------------------------------------------------------

# operation -> (kind, how sizes combine, most items per call)
OPERATIONS: dict[str, tuple[str, str, int]] = {
    "get": ("read", "single", 1),
    "batch-get": ("read", "each", 100),
    "query": ("read", "sum", 0),
    "scan": ("read", "sum", 0),
    "transact-get": ("read", "each", 100),
    "put": ("write", "single", 1),
    "update": ("write", "single", 1),
    "delete": ("write", "single", 1),
    "batch-write": ("write", "each", 25),
    "transact-write": ("write", "each", 100),
}
_OP_NAMES = {
    "get": "GetItem",
    "batch-get": "BatchGetItem",
    "query": "Query",
    "scan": "Scan",
    "transact-get": "TransactGetItems",
    "put": "PutItem",
    "update": "UpdateItem",
    "delete": "DeleteItem",
    "batch-write": "BatchWriteItem",
    "transact-write": "TransactWriteItems",
}


@dataclass(frozen=True)
class OperationUnits:
    operation: str
    api: str
    kind: str  # "read" or "write"
    item_sizes: tuple[int, ...]
    consistency: str | None
    units_per_call: float
    calls_per_second: float
    units_per_second: float
    provisioned: int  # whole RCU or WCU to sustain calls_per_second
    steps: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        unit = "rcu" if self.kind == "read" else "wcu"
        return {
            "operation": self.operation,
            "api": self.api,
            "kind": self.kind,
            "items": len(self.item_sizes),
            "total_item_bytes": sum(self.item_sizes),
            "consistency": self.consistency,
            "units_per_call": self.units_per_call,
            "calls_per_second": self.calls_per_second,
            "units_per_second": self.units_per_second,
            unit: self.provisioned,
            "steps": list(self.steps),
        }


def _describe_sizes(sizes: Sequence[int]) -> str:
    if len(set(sizes)) == 1:
        return f"{len(sizes)} x {fmt_size(sizes[0])}" if len(sizes) > 1 else fmt_size(sizes[0])
    if len(sizes) <= 6:
        return " + ".join(fmt_size(s) for s in sizes)
    return f"{len(sizes)} items"


def operation_units(
    operation: str,
    item_sizes: Sequence[int],
    consistency: str = "strong",
    calls_per_second: float = 1.0,
) -> OperationUnits:
    """Units one call of a DynamoDB API operation consumes, applying that operation's rounding rule."""
    op = str(operation).strip().lower()
    if op not in OPERATIONS:
        raise CalcError(f"operation {operation!r} is not one of {', '.join(OPERATIONS)}.")
    kind, combine, most = OPERATIONS[op]
    api = _OP_NAMES[op]
    sizes = tuple(check_item_size(int(s)) for s in item_sizes)
    if not sizes:
        raise CalcError(f"{api} needs at least one item size.")
    if combine == "single" and len(sizes) != 1:
        raise CalcError(f"{api} reads or writes exactly one item; give one item size (use batch-* for more).")
    if most and len(sizes) > most:
        raise CalcError(f"{api} handles at most {most} items per call, not {len(sizes)}.")
    calls = check_rate(calls_per_second, "calls per second")
    steps: list[str] = []
    cons: str | None = None
    if kind == "read":
        cons = "transactional" if op == "transact-get" else check_consistency(consistency)
        if cons == "transactional" and op != "transact-get":
            raise CalcError(f"{api} has no transactional mode; use the transact-get operation.")
        factor = _READ_FACTOR[cons]
        unit_bytes, unit_kb = READ_UNIT_BYTES, "4 KB"
    else:
        cons = None
        factor = 2.0 if op == "transact-write" else 1.0
        unit_bytes, unit_kb = WRITE_UNIT_BYTES, "1 KB"
    if combine == "sum":
        total = sum(sizes)
        if total > MAX_PAGE_BYTES:
            raise CalcError(
                f"{api} reads at most 1 MB per call and these items total {fmt_size(total)}; "
                "split them into pages of 1 MB or less."
            )
        blocks = ceil_div(total, unit_bytes)
        what = "evaluated" if op == "scan" else "returned"
        steps.append(
            f"{api} adds the sizes of the items {what} first: {_describe_sizes(sizes)} = {fmt_size(total)}"
        )
        steps.append(
            f"{fmt_size(total)} / {unit_kb} = {fmt_num(total / unit_bytes)}, rounded up once = {blocks}"
        )
    elif combine == "each":
        per_item = [ceil_div(s, unit_bytes) for s in sizes]
        blocks = sum(per_item)
        steps.append(f"{api} rounds each item up to the next {unit_kb} on its own, then adds them")
        if len(set(sizes)) == 1:
            steps.append(f"{fmt_size(sizes[0])} -> {per_item[0]} each x {len(sizes)} items = {blocks}")
        else:
            shown = " + ".join(str(b) for b in per_item[:12]) + (" + ..." if len(per_item) > 12 else "")
            steps.append(f"{_describe_sizes(sizes)} -> {shown} = {blocks}")
    else:
        blocks = ceil_div(sizes[0], unit_bytes)
        steps.append(
            f"{api}: {fmt_size(sizes[0])} / {unit_kb} = {fmt_num(sizes[0] / unit_bytes)}, "
            f"rounded up = {blocks}"
        )
    per_call = blocks * factor
    if kind == "read":
        steps.append(
            f"{_factor_words(cons or 'strong')}: {blocks} x {fmt_num(factor)} "
            f"= {fmt_num(per_call)} RCU per call"
        )
    elif factor != 1:
        steps.append(f"transactional: {blocks} x 2 = {fmt_num(per_call)} WCU per call")
    else:
        steps.append(f"= {fmt_num(per_call)} WCU per call")
    per_second = per_call * calls
    provisioned = math.ceil(per_second - 1e-9)
    unit_name = "RCU" if kind == "read" else "WCU"
    if calls != 1:
        steps.append(f"{fmt_num(per_call)} x {fmt_num(calls)} calls/s = {fmt_num(per_second)} {unit_name}")
    if provisioned != per_second:
        steps.append(f"rounded up to whole units = {provisioned} {unit_name}")
    return OperationUnits(
        operation=op,
        api=api,
        kind=kind,
        item_sizes=sizes,
        consistency=cons,
        units_per_call=per_call,
        calls_per_second=calls,
        units_per_second=per_second,
        provisioned=provisioned,
        steps=tuple(steps),
    )
