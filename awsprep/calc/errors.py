"""The one error the calculators raise: a bad input, told in one sentence (exit code 2)."""

from __future__ import annotations

from awsprep.errors import UsageError


class CalcError(UsageError):
    """A calculator input that is out of range, of an unknown unit, or otherwise unusable."""
