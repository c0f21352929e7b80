"""The one way the calculators check an input: a name from a list, a number above zero, a number in a range.

Each check returns the value it accepts (normalised) or raises CalcError with one sentence that
names the input, so every calculator words the same mistake the same way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TypeVar

from awsprep.calc.errors import CalcError
from awsprep.calc.units import fmt_num

T = TypeVar("T")


def choice_key(value: object) -> str:
    """How a named choice is compared: case, spaces and '_' versus '-' do not matter."""
    return str(value).strip().lower().replace("_", "-").replace(" ", "")


def check_choice(value: object, what: str, table: Mapping[str, T], known: Iterable[str]) -> T:
    """`table[choice_key(value)]`, or 'WHAT VALUE is not one of KNOWN.' (table keys are choice keys)."""
    key = choice_key(value)
    if key not in table:
        raise CalcError(f"{what} {value!r} is not one of {', '.join(known)}.")
    return table[key]


def check_positive(value: float, what: str) -> float:
    """A finite number above zero, or 'WHAT must be greater than zero, not VALUE.'"""
    if not math.isfinite(value) or value <= 0:
        raise CalcError(f"{what} must be greater than zero, not {fmt_num(value)}.")
    return value


def check_range(value: float, what: str, low: float, high: float, unit: str, service: str) -> float:
    """low <= value <= high, or 'WHAT VALUE UNIT is outside the SERVICE range of LOW-HIGH UNIT.'"""
    if not low <= value <= high:
        raise CalcError(
            f"{what} {fmt_num(value)} {unit} is outside the {service} range of {low:,}-{high:,} {unit}."
        )
    return value
