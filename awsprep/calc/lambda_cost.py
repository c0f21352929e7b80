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

from awsprep.calc.errors import CalcError
from awsprep.calc.prices import ARCHITECTURES, LambdaPrices
from awsprep.calc.units import fmt_num, fmt_price, fmt_usd

MEMORY_MIN_MB, MEMORY_MAX_MB = 128, 10_240
EPHEMERAL_MIN_MB, EPHEMERAL_MAX_MB = 512, 10_240
FREE_EPHEMERAL_MB = 512
MAX_DURATION_MS = 900_000  # 15-minute timeout
PC_ROUNDING_SECONDS = 300  # provisioned concurrency is billed in 5-minute steps
GRANULARITIES = {"1ms": 1, "100ms": 100}
_ARCH_ALIASES = {
    "x86_64": "x86_64",
    "x86": "x86_64",
    "x86-64": "x86_64",
    "amd64": "x86_64",
    "arm64": "arm64",
    "arm": "arm64",
    "graviton": "arm64",
    "aarch64": "arm64",
}


def check_arch(value: str) -> str:
    key = str(value).strip().lower()
    if key not in _ARCH_ALIASES:
        raise CalcError(f"architecture {value!r} is not one of {', '.join(ARCHITECTURES)}.")
    return _ARCH_ALIASES[key]


def check_granularity(value: str) -> int:
    key = str(value).strip().lower().replace(" ", "")
    if key not in GRANULARITIES:
        raise CalcError(f"granularity {value!r} is not one of {', '.join(GRANULARITIES)}.")
    return GRANULARITIES[key]


def check_memory(memory_mb: int) -> int:
    if not MEMORY_MIN_MB <= memory_mb <= MEMORY_MAX_MB:
        raise CalcError(
            f"memory {fmt_num(memory_mb)} MB is outside the Lambda range of "
            f"{MEMORY_MIN_MB}-{MEMORY_MAX_MB:,} MB."
        )
    return int(memory_mb)


def check_ephemeral(ephemeral_mb: int) -> int:
    if not EPHEMERAL_MIN_MB <= ephemeral_mb <= EPHEMERAL_MAX_MB:
        raise CalcError(
            f"ephemeral storage {fmt_num(ephemeral_mb)} MB is outside the Lambda range of "
            f"{EPHEMERAL_MIN_MB}-{EPHEMERAL_MAX_MB:,} MB."
        )
    return int(ephemeral_mb)


def check_duration(duration_ms: float) -> float:
    if not math.isfinite(duration_ms) or duration_ms <= 0:
        raise CalcError("duration must be greater than zero.")
    if duration_ms > MAX_DURATION_MS:
        raise CalcError(
            f"duration {fmt_num(duration_ms)} ms is above the Lambda timeout limit of 900 s (15 minutes)."
        )
    return float(duration_ms)


@dataclass(frozen=True)
class CostLine:
    name: str
    usd: float
    arithmetic: tuple[str, ...]


@dataclass(frozen=True)
class LambdaEstimate:
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
    gb_seconds: float
    billable_gb_seconds: float
    free_requests_used: int
    free_gb_seconds_used: float
    request_cost_usd: float
    compute_cost_usd: float
    ephemeral_cost_usd: float
    provisioned_concurrency_cost_usd: float
    total_usd: float
    lines: tuple[CostLine, ...]
    prices: LambdaPrices = field(repr=False)

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


def tiered_cost(gb_seconds: float, tiers: tuple[tuple[float | None, float], ...]) -> tuple[float, list[str]]:
    """Price GB-seconds through monthly tiers ((upper bound or None, price per GB-s), ...)."""
    cost, lower, steps = 0.0, 0.0, []
    remaining = gb_seconds
    for upper, price in tiers:
        if remaining <= 0:
            break
        span = remaining if upper is None else min(remaining, upper - lower)
        part = span * price
        cost += part
        where = f"above {fmt_num(lower)} GB-s" if upper is None else f"up to {fmt_num(upper)} GB-s"
        steps.append(f"{fmt_num(span)} GB-s x {fmt_price(price)} ({where}) = {fmt_usd(part)}")
        remaining -= span
        if upper is not None:
            lower = upper
    return cost, steps


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
    if requests <= 0:
        raise CalcError("requests per month must be greater than zero.")
    requests = int(requests)
    if pc_count < 0 or pc_hours < 0 or not math.isfinite(pc_hours):
        raise CalcError("provisioned concurrency and its hours must not be negative.")
    if (pc_count > 0) != (pc_hours > 0):
        raise CalcError(
            "provisioned concurrency needs both a count (--pc) and hours (--pc-hours) above zero."
        )

    billed_ms = math.ceil(duration_ms / step_ms - 1e-9) * step_ms
    memory_gb = memory_mb / 1024
    seconds = requests * billed_ms / 1000
    gb_seconds = seconds * memory_gb
    has_pc = pc_count > 0
    applied = free_tier and not has_pc
    lines: list[CostLine] = []

    # requests
    free_req = min(requests, prices.free_requests) if applied else 0
    billable_req = requests - free_req
    request_cost = billable_req / 1_000_000 * prices.request_million
    req_steps = []
    if applied:
        req_steps.append(
            f"{fmt_num(requests)} requests - {fmt_num(free_req)} free = {fmt_num(billable_req)} billable"
        )
    req_steps.append(
        f"{fmt_num(billable_req / 1_000_000)} million x {fmt_price(prices.request_million)} per million "
        f"= {fmt_usd(request_cost)}"
    )
    lines.append(CostLine("requests", request_cost, tuple(req_steps)))

    # compute
    comp_steps = []
    if billed_ms != duration_ms:
        comp_steps.append(
            f"{fmt_num(duration_ms)} ms rounded up to the {step_ms} ms granularity = {billed_ms} ms"
        )
    comp_steps.append(
        f"{fmt_num(requests)} requests x {fmt_num(billed_ms / 1000)} s x {fmt_num(memory_mb)}/1024 GB "
        f"= {fmt_num(gb_seconds)} GB-s"
    )
    free_gbs = min(gb_seconds, prices.free_gb_seconds) if applied else 0.0
    billable_gbs = gb_seconds - free_gbs
    if has_pc:
        rate = prices.provisioned_duration_gb_second[arch]
        compute_cost = gb_seconds * rate
        comp_steps.append("free tier: does not apply to a function with provisioned concurrency")
        comp_steps.append(
            f"all invocations assumed served by provisioned environments: {fmt_num(gb_seconds)} GB-s x "
            f"{fmt_price(rate)} = {fmt_usd(compute_cost)}"
        )
    else:
        if applied:
            comp_steps.append(
                f"{fmt_num(gb_seconds)} - {fmt_num(free_gbs)} free GB-s "
                f"= {fmt_num(billable_gbs)} billable GB-s"
            )
        elif free_tier is False:
            comp_steps.append("free tier: not applied")
        compute_cost, tier_steps = tiered_cost(billable_gbs, prices.duration_tiers[arch])
        comp_steps.extend(tier_steps or [f"0 GB-s billable = {fmt_usd(0)}"])
        if len(tier_steps) > 1:
            comp_steps.append(f"compute total ({arch}) = {fmt_usd(compute_cost)}")
    lines.append(CostLine("compute", compute_cost, tuple(comp_steps)))

    # ephemeral storage
    extra_gb = (ephemeral_mb - FREE_EPHEMERAL_MB) / 1024
    ephemeral_cost = extra_gb * seconds * prices.ephemeral_gb_second
    if ephemeral_mb > FREE_EPHEMERAL_MB:
        eph_steps = (
            f"({fmt_num(ephemeral_mb)} - 512 free MB)/1024 = {fmt_num(extra_gb)} GB x {fmt_num(seconds)} s "
            f"= {fmt_num(extra_gb * seconds)} GB-s x {fmt_price(prices.ephemeral_gb_second)} "
            f"= {fmt_usd(ephemeral_cost)}",
        )
    else:
        eph_steps = ("512 MB is included at no charge = $0.00",)
    lines.append(CostLine("ephemeral storage", ephemeral_cost, eph_steps))

    # provisioned concurrency
    pc_cost = 0.0
    if has_pc:
        raw_seconds = pc_hours * 3600
        pc_seconds = math.ceil(raw_seconds / PC_ROUNDING_SECONDS - 1e-9) * PC_ROUNDING_SECONDS
        pc_gbs = pc_count * memory_gb * pc_seconds
        pc_rate = prices.provisioned_concurrency_gb_second[arch]
        pc_cost = pc_gbs * pc_rate
        pc_steps = []
        if pc_seconds != raw_seconds:
            pc_steps.append(f"{fmt_num(pc_hours)} h rounded up to 5 minutes = {fmt_num(pc_seconds)} s")
        pc_steps.append(
            f"{pc_count} x {fmt_num(memory_mb)}/1024 GB x {fmt_num(pc_seconds)} s = {fmt_num(pc_gbs)} GB-s "
            f"x {fmt_price(pc_rate)} = {fmt_usd(pc_cost)}"
        )
        lines.append(CostLine("provisioned concurrency", pc_cost, tuple(pc_steps)))

    total = request_cost + compute_cost + ephemeral_cost + pc_cost
    lines.append(
        CostLine("total", total, (" + ".join(fmt_usd(ln.usd) for ln in lines) + f" = {fmt_usd(total)}",))
    )
    return LambdaEstimate(
        region=prices.region,
        arch=arch,
        requests=requests,
        duration_ms=duration_ms,
        billed_duration_ms=int(billed_ms),
        granularity_ms=step_ms,
        memory_mb=memory_mb,
        ephemeral_mb=ephemeral_mb,
        free_tier_requested=free_tier,
        free_tier_applied=applied,
        pc_count=pc_count,
        pc_hours=pc_hours,
        gb_seconds=gb_seconds,
        billable_gb_seconds=gb_seconds if has_pc else billable_gbs,
        free_requests_used=free_req,
        free_gb_seconds_used=free_gbs,
        request_cost_usd=request_cost,
        compute_cost_usd=compute_cost,
        ephemeral_cost_usd=ephemeral_cost,
        provisioned_concurrency_cost_usd=pc_cost,
        total_usd=total,
        lines=tuple(lines),
        prices=prices,
    )
