"""The examples under each command's --help, in one place.

`apply(app)` sets them as the epilog of every command and group once all are registered, so the
command modules stay as they are. Keys are command paths without the leading `awsprep` ("" is the
root). Every line is a real command that works on the bundled bank, with `notes/` standing for the
reader's folder of Markdown notes; tests/test_readme.py runs them.
"""

from __future__ import annotations

import typer

EXAMPLES: dict[str, tuple[str, ...]] = {
    "": ("awsprep review", "awsprep exam --questions 20 --minutes 40"),
    "review": ("awsprep review", "awsprep review --deck dva-c02 --new 5"),  # --new: 5 more new cards today
    "cards": ("awsprep cards list --due",),
    "cards list": (
        "awsprep cards list --due",
        "awsprep cards list --search 'partition key' --state new",
        "awsprep cards list --deck dva-c02 --json",
    ),
    "cards show": (
        "awsprep cards show start-lambda-timeout",
        "awsprep cards show start-lambda-timeout --json",
    ),
    "cards suspend": ("awsprep cards suspend start-lambda-timeout",),
    "cards unsuspend": ("awsprep cards unsuspend start-lambda-timeout",),
    "settings": (
        "awsprep settings",
        "awsprep settings new-per-day 30",
        "awsprep settings active-decks dva-c02,saa-c03",
    ),
    "ready": ("awsprep ready", "awsprep ready --blueprint dva-c02 --json"),
    "exam": ("awsprep exam --questions 20 --minutes 40", "awsprep exam --resume"),
    "exam blueprints": ("awsprep exam blueprints", "awsprep exam blueprints --json"),
    "exam history": ("awsprep exam history", "awsprep exam history --json"),
    "exam report": ("awsprep exam report 1", "awsprep exam report 1 --json"),
    "stats": ("awsprep stats", "awsprep stats --days 30 --plain", "awsprep stats --blueprint dva-c02 --json"),
    "import": (
        "awsprep import notes/ --deck my-notes --dry-run --explain",
        "awsprep import notes/ --deck my-notes",
    ),
    "decks": ("awsprep decks", "awsprep decks --json"),
    "triage": ("awsprep triage --deck my-notes --plain", "awsprep triage --json"),
    "bank": ("awsprep bank stats",),
    "bank stats": ("awsprep bank stats", "awsprep bank stats --deck dva-c02 --json"),
    "lint": ("awsprep lint notes/", "awsprep lint notes/ --json"),
    "export": ("awsprep export anki awsprep.apkg", "awsprep export csv cards.csv"),
    "export anki": ("awsprep export anki awsprep.apkg", "awsprep export anki awsprep.apkg --with-history"),
    "export csv": ("awsprep export csv cards.csv", "awsprep export csv log.csv --log"),
    "export json": ("awsprep export json awsprep.json",),
    "db": ("awsprep db check", "awsprep db copy --to sqlite:///backup.db"),
    "db check": ("awsprep db check",),
    "db copy": ("awsprep db copy --to sqlite:///copy.db",),
    "calc": ("awsprep calc dynamodb --item-size 3KB --reads 80 --consistency eventual",),
    "calc dynamodb": (
        "awsprep calc dynamodb --item-size 3KB --reads 80 --consistency eventual",
        "awsprep calc dynamodb --item-size 1.5KB --writes 100 --mode on-demand --json",
    ),
    "calc dynamodb-op": (
        "awsprep calc dynamodb-op batch-get --item 1.5KB --item 6.5KB",
        "awsprep calc dynamodb-op query --item 1500x64B --consistency eventual",
    ),
    "calc lambda": (
        "awsprep calc lambda --requests 3M --duration 120ms --memory 1536 --no-free-tier",
        "awsprep calc lambda --requests 500k --duration 2s --memory 1GB --arch arm64 --json",
    ),
    "calc kinesis": (
        "awsprep calc kinesis --mb-per-sec 3",
        "awsprep calc kinesis --records-per-sec 3000 --record-size 512B --consumers 3 --fan-out enhanced",
    ),
    "calc question": ("awsprep calc question dynamodb-rcu --seed 7",),
    "calc generators": ("awsprep calc generators",),
}


def epilog(path: str) -> str:
    """The help text block for one command path ("\b" keeps click from rewrapping the lines)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in EXAMPLES[path])


def command_name(info: typer.models.CommandInfo) -> str:
    """The name a command is called by: its own, or typer's from the function's name."""
    if info.name:
        return info.name
    assert info.callback is not None
    return info.callback.__name__.lower().replace("_", "-")  # typer's own default


def apply(app: typer.Typer, path: str = "") -> None:
    """Set the examples as the epilog of `app` (when it is the root) and of its commands and groups."""
    if not path and path in EXAMPLES:
        app.info.epilog = epilog(path)
    prefix = f"{path} " if path else ""
    for command in app.registered_commands:
        name = prefix + command_name(command)
        if name in EXAMPLES:
            command.epilog = epilog(name)
    for group in app.registered_groups:
        if group.name is None or group.typer_instance is None:
            continue
        name = prefix + group.name
        if name in EXAMPLES:
            group.epilog = epilog(name)
        apply(group.typer_instance, name)
