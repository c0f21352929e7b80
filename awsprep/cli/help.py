"""Help texts in plain words: no `<list[str]>`, `<int range> [x>=0]` or `{paths}...` from typer.

typer (with rich_markup_mode None) writes each value's Python type into --help. `PlainGroup`, the
root command's class, walks every command once when the tree is built and turns each option's value
into a name (`--deck DECK`, `--new N`) and each argument into `PATH...` or `[KEY]`. A range check
stays in force; only its `[x>=0]` note is left out (each help text says what values it takes).
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperArgument, TyperGroup, TyperOption

_RANGE_NOTE = re.compile(r"\s*\[(?:x|\d)[^\]]*(?:<|>)=?[^\]]*\]")  # '[x>=0]', '[1<=x<=26]'

# Value names where the option's own name would read oddly.
_VALUE_NAMES = {
    "db": "URL",
    "bank": "FILE",
    "facts": "FILE",
    "item_size": "SIZE",
    "record_size": "SIZE",
    "item": "SIZE",
    "minutes": "MINUTES",
}
_COUNTS = {"reads", "writes", "mb_per_sec", "records_per_sec", "requests", "rate", "hours", "pc_hours"}


def value_name(param: Any) -> str:
    name = param.name or "value"
    if param.metavar:
        return param.metavar
    if name in _VALUE_NAMES:
        return _VALUE_NAMES[name]
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    type_name = str(getattr(getattr(param, "type", None), "name", ""))
    if name in _COUNTS or annotation in (int, float) or type_name.startswith(("integer", "float")):
        return "N"
    return name.upper().replace("_", "-")


class PlainOption(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        return value_name(self)

    def make_metavar(self, ctx: Any, *args: Any, **kwargs: Any) -> str:  # typer 0.28's plain help
        return value_name(self)

    def get_help_record(self, ctx: Any) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        return None if record is None else (record[0], _RANGE_NOTE.sub("", record[1]))

    def _get_number_range_help_str(self) -> str | None:
        return None


class PlainArgument(TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def make_metavar(self, ctx: Any, *, usage: bool = False) -> str:  # typer 0.28's plain help
        return self._usage_display_name() if usage else self._rich_display_name()

    def _rich_display_name(self) -> str:
        name = value_name(self)
        return f"{name}..." if self.nargs != 1 else name

    def _usage_display_name(self) -> str:
        name = self._rich_display_name()
        return name if self.required else f"[{name}]"

    def _get_number_range_help_str(self) -> str | None:
        return None


def plain(command: Any) -> None:
    """Give every parameter of `command` and its sub-commands the plain help above."""
    for param in command.params:
        if type(param) is TyperOption:
            param.__class__ = PlainOption
        elif type(param) is TyperArgument:
            param.__class__ = PlainArgument
    for sub in getattr(command, "commands", {}).values():
        plain(sub)


class PlainGroup(TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain(self)
