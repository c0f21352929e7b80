"""Capacity units one DynamoDB API call consumes, by that operation's rounding rule.

GetItem, PutItem, UpdateItem and DeleteItem round their one item up; BatchGetItem, BatchWriteItem,
TransactGetItems and TransactWriteItems round each item on its own and add; Query and Scan add the
sizes first (Scan: of the items *evaluated*) and round the total once, at most 1 MB per call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from awsprep.calc.checks import check_choice, check_positive, choice_key
from awsprep.calc.dynamodb import (
    BATCH_GET_MAX_ITEMS,
    BATCH_WRITE_MAX_ITEMS,
    FACTOR_WORDS,
    MAX_PAGE_BYTES,
    READ_FACTOR,
    READ_UNIT_BYTES,
    TRANSACT_MAX_ITEMS,
    TRANSACTIONAL_WRITE_FACTOR,
    WRITE_UNIT_BYTES,
    capacity_unit,
    check_consistency,
    check_item_size,
    whole_units,
)
from awsprep.calc.errors import CalcError
from awsprep.calc.units import MB, ceil_div, fmt_num, fmt_size, parse_size

MAX_ITEMS_PER_ARGUMENT = 100_000  # a sanity bound on COUNTxSIZE, not an AWS limit


@dataclass(frozen=True)
class Operation:
    """One API operation and how it rounds the items it reads or writes into units."""

    name: str  # as the CLI spells it: batch-get
    api: str  # as AWS spells it: BatchGetItem
    kind: str  # "read" or "write"
    combine: str  # "single" item, round "each" item, or "sum" the sizes and round once
    max_items: int | None  # per call; None where only the 1 MB page limits a call
    transactional: bool = False


OPERATIONS: dict[str, Operation] = {
    op.name: op
    for op in (
        Operation("get", "GetItem", "read", "single", 1),
        Operation("batch-get", "BatchGetItem", "read", "each", BATCH_GET_MAX_ITEMS),
        Operation("query", "Query", "read", "sum", None),
        Operation("scan", "Scan", "read", "sum", None),
        Operation("transact-get", "TransactGetItems", "read", "each", TRANSACT_MAX_ITEMS, True),
        Operation("put", "PutItem", "write", "single", 1),
        Operation("update", "UpdateItem", "write", "single", 1),
        Operation("delete", "DeleteItem", "write", "single", 1),
        Operation("batch-write", "BatchWriteItem", "write", "each", BATCH_WRITE_MAX_ITEMS),
        Operation("transact-write", "TransactWriteItems", "write", "each", TRANSACT_MAX_ITEMS, True),
    )
}


def parse_items(texts: Sequence[str]) -> list[int]:
    """Item sizes for one call: '1.5KB', '6.5KB', or 'COUNTxSIZE' such as '1500x64B'."""
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
            if count > MAX_ITEMS_PER_ARGUMENT:
                raise CalcError(f"item count in {part!r} is too large (at most {MAX_ITEMS_PER_ARGUMENT:,}).")
            size = check_item_size(parse_size(size_text, "item size"))
            sizes.extend([size] * count)
    if not sizes:
        raise CalcError("give at least one item size, such as --item 3KB.")
    return sizes


@dataclass(frozen=True)
class OperationUnits:
    """The units one call of an operation consumes, and the capacity for a call rate."""

    operation: str
    api: str
    kind: str  # "read" or "write"
    combine: str  # as in Operation
    item_sizes: tuple[int, ...]
    consistency: str | None  # reads only
    item_blocks: tuple[int, ...]  # each item rounded on its own ("each" operations only)
    blocks: int  # started 4 KB (read) or 1 KB (write) blocks the call is charged for
    factor: float
    units_per_call: float
    calls_per_second: float
    units_per_second: float
    provisioned: int  # whole RCU or WCU to sustain calls_per_second

    @property
    def unit(self) -> str:
        return capacity_unit(self.kind)

    @property
    def steps(self) -> tuple[str, ...]:
        return operation_steps(self)

    def to_dict(self) -> dict[str, Any]:
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
            self.unit.lower(): self.provisioned,
            "steps": list(self.steps),
        }


def _checked_sizes(op: Operation, item_sizes: Sequence[int]) -> tuple[int, ...]:
    sizes = tuple(check_item_size(int(s)) for s in item_sizes)
    if not sizes:
        raise CalcError(f"{op.api} needs at least one item size.")
    if op.combine == "single" and len(sizes) != 1:
        raise CalcError(
            f"{op.api} reads or writes exactly one item; give one item size (use batch-* for more)."
        )
    if op.max_items is not None and len(sizes) > op.max_items:
        raise CalcError(f"{op.api} handles at most {op.max_items} items per call, not {len(sizes)}.")
    return sizes


def _check_page(op: Operation, sizes: Sequence[int]) -> None:
    if op.combine == "sum" and sum(sizes) > MAX_PAGE_BYTES:
        page = f"{MAX_PAGE_BYTES // MB} MB"
        raise CalcError(
            f"{op.api} reads at most {page} per call and these items total {fmt_size(sum(sizes))}; "
            f"split them into pages of {page} or less."
        )


def _read_consistency(op: Operation, consistency: str) -> str:
    if op.transactional:
        return "transactional"
    value = check_consistency(consistency)
    if value == "transactional":
        raise CalcError(f"{op.api} has no transactional mode; use the transact-get operation.")
    return value


# Each operation by its CLI name and by its API name (GetItem, getitem, get-item, BatchGetItem, ...).
_BY_ANY_NAME: dict[str, Operation] = {
    key: op
    for op in OPERATIONS.values()
    for key in (
        choice_key(op.name),
        choice_key(op.api),
        choice_key(re.sub(r"(?<=[a-z])(?=[A-Z])", "-", op.api)),
    )
}


def check_operation(value: str) -> Operation:
    """An operation by its CLI name (batch-get) or its API name (BatchGetItem, batchgetitem)."""
    return check_choice(
        value, "operation", _BY_ANY_NAME, [f"{op.name} ({op.api})" for op in OPERATIONS.values()]
    )


def operation_units(
    operation: str,
    item_sizes: Sequence[int],
    consistency: str = "strong",
    calls_per_second: float = 1.0,
) -> OperationUnits:
    """Units one call of a DynamoDB API operation consumes, applying that operation's rounding rule."""
    op = check_operation(operation)
    sizes = _checked_sizes(op, item_sizes)
    calls = float(check_positive(calls_per_second, "calls per second"))
    cons: str | None = None
    if op.kind == "read":
        cons = _read_consistency(op, consistency)
        factor, unit_bytes = READ_FACTOR[cons], READ_UNIT_BYTES
    else:
        factor, unit_bytes = (TRANSACTIONAL_WRITE_FACTOR if op.transactional else 1.0), WRITE_UNIT_BYTES
    _check_page(op, sizes)
    item_blocks: tuple[int, ...] = ()
    if op.combine == "each":
        item_blocks = tuple(ceil_div(s, unit_bytes) for s in sizes)
        blocks = sum(item_blocks)
    else:
        blocks = ceil_div(sum(sizes), unit_bytes)
    per_call = blocks * factor
    per_second = per_call * calls
    return OperationUnits(
        operation=op.name,
        api=op.api,
        kind=op.kind,
        combine=op.combine,
        item_sizes=sizes,
        consistency=cons,
        item_blocks=item_blocks,
        blocks=blocks,
        factor=factor,
        units_per_call=per_call,
        calls_per_second=calls,
        units_per_second=per_second,
        provisioned=whole_units(per_second),
    )


def _describe_sizes(sizes: Sequence[int]) -> str:
    if len(set(sizes)) == 1:
        return f"{len(sizes)} x {fmt_size(sizes[0])}" if len(sizes) > 1 else fmt_size(sizes[0])
    if len(sizes) <= 6:
        return " + ".join(fmt_size(s) for s in sizes)
    return f"{len(sizes)} items"


def _rounding_steps(r: OperationUnits, unit_bytes: int) -> list[str]:
    """How the call's item sizes become whole blocks of 4 KB (reads) or 1 KB (writes)."""
    unit_kb, sizes = fmt_size(unit_bytes), r.item_sizes
    if r.combine == "sum":
        total = sum(sizes)
        what = "evaluated" if r.operation == "scan" else "returned"
        return [
            f"{r.api} adds the sizes of the items {what} first: {_describe_sizes(sizes)} = {fmt_size(total)}",
            f"{fmt_size(total)} / {unit_kb} = {fmt_num(total / unit_bytes)}, rounded up once = {r.blocks}",
        ]
    if r.combine == "each":
        first = f"{r.api} rounds each item up to the next {unit_kb} on its own, then adds them"
        if len(set(sizes)) == 1:
            each = f"{fmt_size(sizes[0])} -> {r.item_blocks[0]} each x {len(sizes)} items = {r.blocks}"
            return [first, each]
        shown = " + ".join(str(b) for b in r.item_blocks[:12]) + (" + ..." if len(sizes) > 12 else "")
        return [first, f"{_describe_sizes(sizes)} -> {shown} = {r.blocks}"]
    return [
        f"{r.api}: {fmt_size(sizes[0])} / {unit_kb} = {fmt_num(sizes[0] / unit_bytes)}, "
        f"rounded up = {r.blocks}"
    ]


def operation_steps(r: OperationUnits) -> tuple[str, ...]:
    steps = _rounding_steps(r, READ_UNIT_BYTES if r.kind == "read" else WRITE_UNIT_BYTES)
    per_call = fmt_num(r.units_per_call)
    if r.consistency is not None:
        steps.append(
            f"{FACTOR_WORDS[r.consistency]}: {r.blocks} x {fmt_num(r.factor)} = {per_call} RCU per call"
        )
    elif r.factor != 1:
        steps.append(f"transactional: {r.blocks} x {fmt_num(r.factor)} = {per_call} WCU per call")
    else:
        steps.append(f"= {per_call} WCU per call")
    if r.calls_per_second != 1:
        steps.append(
            f"{per_call} x {fmt_num(r.calls_per_second)} calls/s = {fmt_num(r.units_per_second)} {r.unit}"
        )
    if r.provisioned != r.units_per_second:
        steps.append(f"rounded up to whole units = {r.provisioned} {r.unit}")
    return tuple(steps)
