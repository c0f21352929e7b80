"""Parse and format the quantities the calculators take: sizes, durations, memory, money.

DynamoDB measures sizes in binary units (1 KB = 1024 bytes), and so does this module.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from awsprep.calc.errors import CalcError

KB = 1024
MB = 1024 * KB
GB = 1024 * MB
HOURS_PER_MONTH = 730.0  # the month AWS pricing pages use
SECONDS_PER_HOUR = 3600

_NUMBER = r"(\d+(?:\.\d*)?|\.\d+)"
_SIZE_RE = re.compile(rf"^\s*{_NUMBER}\s*([a-zA-Z]*)\s*$")
_SIZE_UNITS = {"b": 1, "kb": KB, "kib": KB, "k": KB, "mb": MB, "mib": MB}
_DURATION_UNITS = {"ms": 1.0, "s": 1000.0, "sec": 1000.0, "m": 60_000.0, "min": 60_000.0}
_MEMORY_UNITS = {"": 1, "mb": 1, "mib": 1, "gb": 1024, "gib": 1024}


def _split(text: str, what: str, example: str) -> tuple[float, str]:
    match = _SIZE_RE.match(str(text))
    if not match:
        raise CalcError(f"{what} {text!r} is not a number with a unit such as {example}.")
    value = float(match.group(1))
    if not math.isfinite(value):
        raise CalcError(f"{what} {text!r} is not a finite number.")
    return value, match.group(2).lower()


def _unit_factor(
    text: str, what: str, unit: str, table: Mapping[str, float], example: str, known: str
) -> float:
    """The multiplier of a parsed unit, or one sentence saying the unit is missing or unknown."""
    if unit == "":
        raise CalcError(f"{what} {text!r} has no unit; write it as {example}.")
    if unit not in table:
        raise CalcError(f"{what} {text!r} has an unknown unit {unit!r}; use {known}.")
    return table[unit]


def parse_size(text: str, what: str = "size") -> int:
    """'512B', '3KB', '1.5KB', '0.5 MB' -> bytes (rounded up to a whole byte); KB = 1024 bytes."""
    value, unit = _split(text, what, "512B, 3KB or 1.5KB")
    factor = _unit_factor(
        text, what, unit, _SIZE_UNITS, "512B, 3KB or 1.5KB", "B, KB or MB (KB = 1024 bytes)"
    )
    size = ceil_div(value * factor, 1)
    if size <= 0:
        raise CalcError(f"{what} {text!r} must be greater than zero.")
    return size


def parse_duration_ms(text: str, what: str = "duration") -> float:
    """'120ms', '2s', '1.5s', '1min' -> milliseconds."""
    value, unit = _split(text, what, "120ms or 2s")
    factor = _unit_factor(text, what, unit, _DURATION_UNITS, "120ms or 2s", "ms, s or min")
    ms = value * factor
    if ms <= 0:
        raise CalcError(f"{what} {text!r} must be greater than zero.")
    return ms


def parse_memory_mb(text: str, what: str = "memory") -> int:
    """'1024', '1024MB', '1.5GB' -> whole MB."""
    value, unit = _split(text, what, "1024 or 1024MB")
    if unit not in _MEMORY_UNITS:
        raise CalcError(f"{what} {text!r} has an unknown unit {unit!r}; use MB or GB.")
    mb = value * _MEMORY_UNITS[unit]
    if abs(mb - round(mb)) > 1e-9:
        raise CalcError(f"{what} {text!r} is not a whole number of MB.")
    return round(mb)


_COUNT_RE = re.compile(r"^\s*(\d[\d,_]*(?:\.\d*)?|\.\d+)\s*([a-zA-Z]?)\s*$")
_COUNT_SUFFIX = {"": 1, "k": 1_000, "m": 1_000_000, "b": 1_000_000_000}


def parse_number(text: str, what: str) -> float:
    """'80', '1.5', '3,000,000', '3M', '500k' -> a finite number (k = thousand, M = million, B = billion)."""
    match = _COUNT_RE.match(str(text))
    if not match or match.group(2).lower() not in _COUNT_SUFFIX:
        raise CalcError(f"{what} {text!r} is not a number such as 80, 1.5, 500k or 3M.")
    value = float(match.group(1).replace(",", "").replace("_", "")) * _COUNT_SUFFIX[match.group(2).lower()]
    if not math.isfinite(value):
        raise CalcError(f"{what} {text!r} is not a finite number.")
    return value


def ceil_div(numerator: float, denominator: float) -> int:
    """Round numerator/denominator up, tolerating float noise (4096/4096 is 1, not 2)."""
    return max(0, math.ceil(numerator / denominator - 1e-9))


def fmt_num(value: float, places: int = 4) -> str:
    """A number without float noise: 80 -> '80', 0.75 -> '0.75', 1234567 -> '1,234,567'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{places}f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def fmt_size(size_bytes: float) -> str:
    """Bytes as the exam writes them: 512 B, 3 KB, 1.5 KB (KB = 1024 bytes)."""
    if size_bytes < KB:
        return f"{fmt_num(size_bytes)} B"
    return f"{fmt_num(size_bytes / KB, 3)} KB"


def fmt_usd(value: float) -> str:
    """Money: cents normally, more places for sub-cent amounts ($0.0042)."""
    if value == 0:
        return "$0.00"
    if abs(value) < 0.01:
        return f"${value:.6f}".rstrip("0")
    return f"${value:,.2f}"


def fmt_price(value: float) -> str:
    """A unit price as the price list writes it: $0.0000166667, $0.20, $0.625."""
    whole, _, frac = f"{value:,.10f}".partition(".")
    frac = frac.rstrip("0").ljust(2, "0")
    return f"${whole}.{frac}"
