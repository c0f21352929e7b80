"""A generator's parameters: what each accepts, and picking one value per parameter with a seeded rng.

A template gives each parameter one value or a list of candidates. `Picker` checks every candidate
(so a bad value in a list is found even when the rng would not pick it) and then picks one value per
parameter, in declaration order, so one seed always yields the same question.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

from awsprep.calc.errors import CalcError

NUMBER = "number"
FLAG = "flag"
CHOICE = "choice"


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # NUMBER, FLAG or CHOICE
    default: Any
    choices: tuple[str, ...] = ()
    integer: bool = False


class Picker:
    """Picks one value per parameter, in declaration order, validating types as it goes."""

    def __init__(
        self, name: str, spec: tuple[Param, ...], params: dict[str, Any], rng: random.Random
    ) -> None:
        if not isinstance(params, dict):
            raise CalcError(f"generator {name!r}: params must be a mapping of name to value or list.")
        known = {p.name for p in spec}
        unknown = sorted(set(params) - known)
        if unknown:
            raise CalcError(
                f"generator {name!r} has no parameter {unknown[0]!r}; "
                f"it takes {', '.join(p.name for p in spec)}."
            )
        self.name, self.spec, self.params, self.rng = name, {p.name: p for p in spec}, params, rng
        self.values = {p.name: self._pick(p) for p in spec}

    def _candidates(self, p: Param) -> list[Any]:
        raw = self.params.get(p.name, p.default)
        values = list(raw) if isinstance(raw, list | tuple) else [raw]
        if not values:
            raise CalcError(f"generator {self.name!r}: parameter {p.name!r} has an empty list.")
        return [self._check(p, v) for v in values]

    def _pick(self, p: Param) -> Any:
        values = self._candidates(p)
        return values[0] if len(values) == 1 else self.rng.choice(values)

    def pick_again(self, name: str) -> Any:
        """Another independent pick from the same list (for per-item sizes)."""
        return self._pick(self.spec[name])

    def _check(self, p: Param, value: Any) -> Any:
        where = f"generator {self.name!r}: parameter {p.name!r}"
        if p.kind == NUMBER:
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise CalcError(f"{where} must be a number, not {value!r}.")
            if value <= 0:
                raise CalcError(f"{where} must be greater than zero, not {value!r}.")
            if p.integer and not float(value).is_integer():
                raise CalcError(f"{where} must be a whole number, not {value!r}.")
            return value
        if p.kind == FLAG:
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("true", "yes", "on"):
                return True
            if str(value).lower() in ("false", "no", "off"):
                return False
            raise CalcError(f"{where} must be true or false, not {value!r}.")
        text = str(value).strip().lower()
        if p.choices and text not in p.choices:
            raise CalcError(f"{where} is {value!r}; expected one of {', '.join(p.choices)}.")
        return text
