"""Domain errors of the bank layer."""

from __future__ import annotations

from awsprep.errors import AwsprepError, UsageError

__all__ = ["AwsprepError", "BankError", "UsageError"]


class BankError(UsageError):
    """A bank file that cannot be read or does not validate."""

    def __init__(self, file: str, line: int, field: str | None, message: str, prefix: str = "") -> None:
        self.file, self.line, self.field = file, line, field
        where = f"{file}:{line}" if line else file
        what = f"field '{field}' " if field else ""
        super().__init__(f"{where}: {prefix}{what}{message}.")
