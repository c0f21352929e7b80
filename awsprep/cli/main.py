"""The `awsprep` command: one sub-command module per command group, heavy imports deferred."""

from __future__ import annotations

import gc
import io
import sys

import typer

from awsprep import __version__
from awsprep.cli.help import PlainGroup

# The module of each top-level command: `awsprep calc ...` imports the calc commands and no others.
COMMAND_MODULES = {
    "review": "review",
    "settings": "review",
    "cards": "cards",
    "import": "importer",
    "decks": "importer",
    "lint": "lint",
    "exam": "exam",
    "bank": "bank",
    "calc": "calc",
    "triage": "triage",
    "ready": "ready",
    "export": "transfer",
    "db": "transfer",
    "stats": "stats",
}
GC_THRESHOLD = 50_000  # objects allocated between two collections of the youngest generation (default 700)
# the order --help lists them in
_ORDER = (
    "review",
    "cards",
    "ready",
    "stats",
    "exam",
    "importer",
    "bank",
    "calc",
    "lint",
    "triage",
    "transfer",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"awsprep {__version__}")
        raise typer.Exit()


def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Study for AWS certification exams in the terminal."""


def build(command: str | None = None, sub: str | None = None) -> typer.Typer:
    """The awsprep app with every command, or with only the one the command line names (and, in a
    group, only the sub-command it names: `_keep_only`)."""
    import importlib

    root = typer.Typer(
        name="awsprep",
        help="Study for AWS certification exams in the terminal: review, mock exams, calculators.",
        cls=PlainGroup,
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )
    root.callback()(main)
    only = COMMAND_MODULES.get(command or "")
    for name in _ORDER:
        if only is None or name == only:
            importlib.import_module(f"awsprep.cli.{name}").register(root)
    from awsprep.cli import examples

    if only is not None and sub is not None:
        _keep_only(root, command, sub)
    examples.apply(root)  # the examples under every --help, from one table
    return root


def _keep_only(root: typer.Typer, group_name: str | None, sub: str) -> None:
    """`awsprep calc lambda ...` gets a calc group holding the lambda command alone: typer reads the
    parameters of every command of a group when it builds it (calc's six, a few ms). Only when `sub`
    is exactly one of the group's commands; help, a typo or an option sees them all. The group's
    Typer is copied, not changed, so `app` and later builds keep every command."""
    import copy

    from awsprep.cli.examples import command_name

    for info in root.registered_groups:
        group = info.typer_instance
        if info.name != group_name or group is None:
            continue
        kept = [c for c in group.registered_commands if command_name(c) == sub]
        if kept:  # more than one of a name (db's check is added at each build): typer keeps the last
            info.typer_instance = copy.copy(group)
            info.typer_instance.registered_commands = kept


def __getattr__(name: str) -> typer.Typer:
    """`app`, with every command, made when first asked for (tests and tools import it)."""
    if name == "app":
        globals()["app"] = app = build()
        return app
    raise AttributeError(name)


def run() -> None:
    # Start-up makes tens of thousands of objects that live as long as the process (modules, the tables,
    # compiled SQL); at the default first threshold (700) the cyclic collector scans them again and again
    # for garbage that is not there: about 20 ms of a review's start. It stays on, running less often.
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    # A terminal or pipe that cannot show a character ("±", "›", "█" on an ASCII locale) gets a "?" for
    # it, not a UnicodeEncodeError with a traceback halfway through the output.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")
    args = sys.argv[1:]
    try:
        build(args[0] if args else None, args[1] if len(args) > 1 else None)()
    finally:
        # The process ends here: its objects need no cyclic collection on the way out (the interpreter's
        # shutdown runs three full ones, about 20 ms: 5% of `settings`, more than its own work). Frozen,
        # they are left to the exit; files and the store were closed by the command itself (`guard`).
        gc.freeze()
