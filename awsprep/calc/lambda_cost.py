"""AWS Lambda monthly cost, line by line with its arithmetic.

Model (AWS Lambda pricing page): requests are billed per million; duration in GB-seconds
(memory in GB x billed seconds), rounded up per request to the billing granularity (1 ms today,
100 ms before December 2020), priced in monthly tiers per architecture; ephemeral storage above the
free 512 MB in GB-seconds; provisioned concurrency per GB-second configured (rounded up to 5
minutes), and invocations served by it at a lower duration rate. The free tier (1M requests,
400,000 GB-s a month) covers requests and duration only, and not functions with provisioned
concurrency enabled.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from awsprep.calc.checks import check_choice, check_positive, check_range
from awsprep.calc.errors import CalcError
from awsprep.calc.prices import ARCHITECTURES, LambdaPrices
from awsprep.calc.units import ceil_div, fmt_num, fmt_price, fmt_usd

MEMORY_MIN_MB, MEMORY_MAX_MB = 128, 10_240
EPHEMERAL_MIN_MB, EPHEMERAL_MAX_MB = 512, 10_240
FREE_EPHEMERAL_MB = 512
MAX_DURATION_MS = 900_000  # 15-minute timeout
PC_ROUNDING_SECONDS = 300  # provisioned concurrency is billed in 5-minute steps
SECONDS_PER_HOUR = 3600
GRANULARITIES = {"1ms": 1, "100ms": 100}
_ARCH_ALIASES = {  # keys as checks.choice_key spells them ("x86_64" -> "x86-64")
    "x86": "x86_64",
    "x86-64": "x86_64",
    "amd64": "x86_64",
    "arm64": "arm64",
    "arm": "arm64",
    "graviton": "arm64",
    "aarch64": "arm64",
}


def check_arch(value: str) -> str:
    return check_choice(value, "architecture", _ARCH_ALIASES, ARCHITECTURES)


def check_granularity(value: str) -> int:
    return check_choice(value, "granularity", GRANULARITIES, GRANULARITIES)


def check_memory(memory_mb: int) -> int:
    return int(check_range(memory_mb, "memory", MEMORY_MIN_MB, MEMORY_MAX_MB, "MB", "Lambda"))


def check_ephemeral(ephemeral_mb: int) -> int:
    return int(
        check_range(ephemeral_mb, "ephemeral storage", EPHEMERAL_MIN_MB, EPHEMERAL_MAX_MB, "MB", "Lambda")
    )


def check_duration(duration_ms: float) -> float:
    check_positive(duration_ms, "duration")
    if duration_ms > MAX_DURATION_MS:
        raise CalcError(
            f"duration {fmt_num(duration_ms)} ms is above the Lambda timeout limit of "
            f"{MAX_DURATION_MS // 1000} s ({MAX_DURATION_MS // 60_000} minutes)."
        )
    return float(duration_ms)


def _check_provisioned_concurrency(pc_count: int, pc_hours: float) -> None:
    if pc_count < 0 or pc_hours < 0 or not math.isfinite(pc_hours):
        raise CalcError("provisioned concurrency and its hours must not be negative.")
    if (pc_count > 0) != (pc_hours > 0):
        raise CalcError(
            "provisioned concurrency needs both a count (--pc) and hours (--pc-hours) above zero."
        )


# --- GB-seconds: the one home of Lambda's duration arithmetic -----------------------------------


def billed_duration_ms(duration_ms: float, granularity_ms: int) -> int:
    """Duration is billed per started step: 120.2 ms -> 121 ms (1 ms), 120 ms -> 200 ms (100 ms)."""
    return ceil_div(duration_ms, granularity_ms) * granularity_ms


def billed_seconds(requests: int, billed_ms: float) -> float:
    return requests * billed_ms / 1000


def gb_seconds(requests: int, billed_ms: float, memory_mb: int) -> float:
    """requests x billed seconds x memory in GB (1 GB = 1024 MB)."""
    return billed_seconds(requests, billed_ms) * (memory_mb / 1024)


def provisioned_seconds(hours: float) -> int:
    """Provisioned concurrency is billed per started 5 minutes."""
    return ceil_div(hours * SECONDS_PER_HOUR, PC_ROUNDING_SECONDS) * PC_ROUNDING_SECONDS


@dataclass(frozen=True)
class TierPart:
    """The GB-seconds priced at one tier's rate."""

    gb_seconds: float
    price: float
    lower: float  # GB-s where this tier starts
    upper: float | None  # GB-s where it ends; None for the last tier
    usd: float


def tier_parts(gb_seconds: float, tiers: tuple[tuple[float | None, float], ...]) -> tuple[TierPart, ...]:
    """Split GB-seconds over monthly tiers ((upper bound or None, price per GB-s), ...), cheapest last."""
    parts, lower, remaining = [], 0.0, gb_seconds
    for upper, price in tiers:
        if remaining <= 0:
            break
        span = remaining if upper is None else min(remaining, upper - lower)
        parts.append(TierPart(span, price, lower, upper, span * price))
        remaining -= span
        if upper is not None:
            lower = upper
    return tuple(parts)


def tier_step(part: TierPart) -> str:
    where = f"above {fmt_num(part.lower)} GB-s" if part.upper is None else f"up to {fmt_num(part.upper)} GB-s"
    return f"{fmt_num(part.gb_seconds)} GB-s x {fmt_price(part.price)} ({where}) = {fmt_usd(part.usd)}"


# --- the estimate -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CostLine:
    """One line of the bill: what it is, its dollars and the arithmetic behind them."""

    name: str
    usd: float
    arithmetic: tuple[str, ...]


@dataclass(frozen=True)
class LambdaEstimate:
    """A month of one function's Lambda bill, with every number between the inputs and the total."""

    region: str
    arch: str
    requests: int
    duration_ms: float
    billed_duration_ms: int
    granularity_ms: int
    memory_mb: int
    ephemeral_mb: int
    free_tier_requested: bool
    free_tier_applied: bool
    pc_count: int
    pc_hours: float
    seconds: float  # billed seconds of all requests
    gb_seconds: float
    billable_gb_seconds: float
    free_requests_used: int
    free_gb_seconds_used: float
    duration_tiers: tuple[TierPart, ...]  # how billable GB-s were priced (none with provisioned concurrency)
    ephemeral_extra_gb: float  # storage above the free 512 MB
    pc_seconds: int  # provisioned concurrency time billed, rounded up to 5 minutes
    pc_gb_seconds: float
    request_cost_usd: float
    compute_cost_usd: float
    ephemeral_cost_usd: float
    provisioned_concurrency_cost_usd: float
    total_usd: float
    prices: LambdaPrices = field(repr=False)

    @property
    def billable_requests(self) -> int:
        return self.requests - self.free_requests_used

    @property
    def lines(self) -> tuple[CostLine, ...]:
        return cost_lines(self)

    @property
    def steps(self) -> tuple[str, ...]:
        return tuple(f"{line.name}: {step}" for line in self.lines for step in line.arithmetic)

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "arch": self.arch,
            "requests": self.requests,
            "duration_ms": self.duration_ms,
            "billed_duration_ms": self.billed_duration_ms,
            "granularity_ms": self.granularity_ms,
            "memory_mb": self.memory_mb,
            "ephemeral_mb": self.ephemeral_mb,
            "free_tier": self.free_tier_requested,
            "free_tier_applied": self.free_tier_applied,
            "free_requests_used": self.free_requests_used,
            "free_gb_seconds_used": round(self.free_gb_seconds_used, 6),
            "provisioned_concurrency": self.pc_count,
            "provisioned_concurrency_hours": self.pc_hours,
            "gb_seconds": round(self.gb_seconds, 6),
            "billable_gb_seconds": round(self.billable_gb_seconds, 6),
            "request_cost_usd": round(self.request_cost_usd, 6),
            "compute_cost_usd": round(self.compute_cost_usd, 6),
            "ephemeral_cost_usd": round(self.ephemeral_cost_usd, 6),
            "provisioned_concurrency_cost_usd": round(self.provisioned_concurrency_cost_usd, 6),
            "total_usd": round(self.total_usd, 6),
            "lines": [
                {"name": ln.name, "usd": round(ln.usd, 6), "arithmetic": list(ln.arithmetic)}
                for ln in self.lines
            ],
            "prices": {
                "checked": self.prices.checked,
                "source": self.prices.source,
                "request_million": self.prices.request_million,
                "duration_tiers": [[u, p] for u, p in self.prices.duration_tiers[self.arch]],
                "ephemeral_gb_second": self.prices.ephemeral_gb_second,
                "provisioned_concurrency_gb_second": self.prices.provisioned_concurrency_gb_second[self.arch],
                "provisioned_duration_gb_second": self.prices.provisioned_duration_gb_second[self.arch],
                "unconfirmed": list(self.prices.unconfirmed),
            },
        }


def estimate(
    requests: int,
    duration_ms: float,
    memory_mb: int,
    prices: LambdaPrices,
    arch: str = "x86_64",
    ephemeral_mb: int = FREE_EPHEMERAL_MB,
    free_tier: bool = True,
    pc_count: int = 0,
    pc_hours: float = 0.0,
    granularity: str = "1ms",
) -> LambdaEstimate:
    """Monthly cost of `requests` invocations of `duration_ms` each at `memory_mb`."""
    arch = check_arch(arch)
    step_ms = check_granularity(granularity)
    memory_mb = check_memory(memory_mb)
    ephemeral_mb = check_ephemeral(ephemeral_mb)
    duration_ms = check_duration(duration_ms)
    requests = int(check_positive(requests, "requests per month"))
    _check_provisioned_concurrency(pc_count, pc_hours)

    billed_ms = billed_duration_ms(duration_ms, step_ms)
    seconds = billed_seconds(requests, billed_ms)
    total_gbs = gb_seconds(requests, billed_ms, memory_mb)
    has_pc = pc_count > 0
    applied = free_tier and not has_pc
    free_req = min(requests, prices.free_requests) if applied else 0
    request_cost = (requests - free_req) / 1_000_000 * prices.request_million
    free_gbs = min(total_gbs, prices.free_gb_seconds) if applied else 0.0
    parts: tuple[TierPart, ...] = ()
    if has_pc:  # every invocation is taken to run on the provisioned environments, at their rate
        billable_gbs = total_gbs
        compute_cost = total_gbs * prices.provisioned_duration_gb_second[arch]
    else:
        billable_gbs = total_gbs - free_gbs
        parts = tier_parts(billable_gbs, prices.duration_tiers[arch])
        compute_cost = sum((part.usd for part in parts), 0.0)
    extra_gb = (ephemeral_mb - FREE_EPHEMERAL_MB) / 1024
    ephemeral_cost = extra_gb * seconds * prices.ephemeral_gb_second
    pc_seconds = provisioned_seconds(pc_hours) if has_pc else 0
    pc_gbs = pc_count * (memory_mb / 1024) * pc_seconds
    pc_cost = pc_gbs * prices.provisioned_concurrency_gb_second[arch] if has_pc else 0.0
    return LambdaEstimate(
        region=prices.region,
        arch=arch,
        requests=requests,
        duration_ms=duration_ms,
        billed_duration_ms=billed_ms,
        granularity_ms=step_ms,
        memory_mb=memory_mb,
        ephemeral_mb=ephemeral_mb,
        free_tier_requested=free_tier,
        free_tier_applied=applied,
        pc_count=pc_count,
        pc_hours=pc_hours,
        seconds=seconds,
        gb_seconds=total_gbs,
        billable_gb_seconds=billable_gbs,
        free_requests_used=free_req,
        free_gb_seconds_used=free_gbs,
        duration_tiers=parts,
        ephemeral_extra_gb=extra_gb,
        pc_seconds=pc_seconds,
        pc_gb_seconds=pc_gbs,
        request_cost_usd=request_cost,
        compute_cost_usd=compute_cost,
        ephemeral_cost_usd=ephemeral_cost,
        provisioned_concurrency_cost_usd=pc_cost,
        total_usd=request_cost + compute_cost + ephemeral_cost + pc_cost,
        prices=prices,
    )


# --- the worked steps ---------------------------------------------------------------------------


def _request_steps(e: LambdaEstimate) -> tuple[str, ...]:
    steps = []
    if e.free_tier_applied:
        steps.append(
            f"{fmt_num(e.requests)} requests - {fmt_num(e.free_requests_used)} free "
            f"= {fmt_num(e.billable_requests)} billable"
        )
    steps.append(
        f"{fmt_num(e.billable_requests / 1_000_000)} million x {fmt_price(e.prices.request_million)} "
        f"per million = {fmt_usd(e.request_cost_usd)}"
    )
    return tuple(steps)


def _compute_steps(e: LambdaEstimate) -> tuple[str, ...]:
    steps = []
    if e.billed_duration_ms != e.duration_ms:
        steps.append(
            f"{fmt_num(e.duration_ms)} ms rounded up to the {e.granularity_ms} ms granularity "
            f"= {e.billed_duration_ms} ms"
        )
    steps.append(
        f"{fmt_num(e.requests)} requests x {fmt_num(e.billed_duration_ms / 1000)} s x "
        f"{fmt_num(e.memory_mb)}/1024 GB = {fmt_num(e.gb_seconds)} GB-s"
    )
    if e.pc_count > 0:
        rate = e.prices.provisioned_duration_gb_second[e.arch]
        steps.append("free tier: does not apply to a function with provisioned concurrency")
        steps.append(
            f"all invocations assumed served by provisioned environments: {fmt_num(e.gb_seconds)} GB-s x "
            f"{fmt_price(rate)} = {fmt_usd(e.compute_cost_usd)}"
        )
        return tuple(steps)
    if e.free_tier_applied:
        steps.append(
            f"{fmt_num(e.gb_seconds)} - {fmt_num(e.free_gb_seconds_used)} free GB-s "
            f"= {fmt_num(e.billable_gb_seconds)} billable GB-s"
        )
    else:
        steps.append("free tier: not applied")
    steps.extend(tier_step(part) for part in e.duration_tiers)
    if not e.duration_tiers:
        steps.append(f"0 GB-s billable = {fmt_usd(0)}")
    if len(e.duration_tiers) > 1:
        steps.append(f"compute total ({e.arch}) = {fmt_usd(e.compute_cost_usd)}")
    return tuple(steps)


def _ephemeral_steps(e: LambdaEstimate) -> tuple[str, ...]:
    if e.ephemeral_mb <= FREE_EPHEMERAL_MB:
        return (f"{FREE_EPHEMERAL_MB} MB is included at no charge = $0.00",)
    extra_gbs = e.ephemeral_extra_gb * e.seconds
    return (
        f"({fmt_num(e.ephemeral_mb)} - {FREE_EPHEMERAL_MB} free MB)/1024 "
        f"= {fmt_num(e.ephemeral_extra_gb)} GB x {fmt_num(e.seconds)} s = {fmt_num(extra_gbs)} GB-s "
        f"x {fmt_price(e.prices.ephemeral_gb_second)} "
        f"= {fmt_usd(e.ephemeral_cost_usd)}",
    )


def _provisioned_concurrency_steps(e: LambdaEstimate) -> tuple[str, ...]:
    steps = []
    if e.pc_seconds != e.pc_hours * SECONDS_PER_HOUR:
        steps.append(
            f"{fmt_num(e.pc_hours)} h rounded up to {PC_ROUNDING_SECONDS // 60} minutes "
            f"= {fmt_num(e.pc_seconds)} s"
        )
    rate = e.prices.provisioned_concurrency_gb_second[e.arch]
    steps.append(
        f"{e.pc_count} x {fmt_num(e.memory_mb)}/1024 GB x {fmt_num(e.pc_seconds)} s = "
        f"{fmt_num(e.pc_gb_seconds)} GB-s x {fmt_price(rate)} = {fmt_usd(e.provisioned_concurrency_cost_usd)}"
    )
    return tuple(steps)


def cost_lines(e: LambdaEstimate) -> tuple[CostLine, ...]:
    """The estimate as priced lines, each with its arithmetic, ending with the total."""
    lines = [
        CostLine("requests", e.request_cost_usd, _request_steps(e)),
        CostLine("compute", e.compute_cost_usd, _compute_steps(e)),
        CostLine("ephemeral storage", e.ephemeral_cost_usd, _ephemeral_steps(e)),
    ]
    if e.pc_count > 0:
        lines.append(
            CostLine(
                "provisioned concurrency",
                e.provisioned_concurrency_cost_usd,
                _provisioned_concurrency_steps(e),
            )
        )
    total = " + ".join(fmt_usd(line.usd) for line in lines) + f" = {fmt_usd(e.total_usd)}"
    lines.append(CostLine("total", e.total_usd, (total,)))
    return tuple(lines)
