"""The README and the --help texts say what the commands are: check them against the real commands.

- Every command the README documents (its `awsprep ...` headings and command blocks) exists, with
  every option it names; every real command is documented.
- Every --json key the README lists for a command is in that command's real --json output.
- Every command's --help shows examples, and every example runs.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from awsprep.cli.main import app
from tests.conftest import MIXED, ROOT, basic_cards, write_bank
from tests.exam_bank import EXAM_BANK

README = (ROOT / "README.md").read_text(encoding="utf-8")

# --- the real commands --------------------------------------------------------------------------


def command_tree() -> dict[tuple[str, ...], Any]:
    """Every command and group by path (the root is ()), as click builds them."""
    root = typer.main.get_command(app)
    found: dict[tuple[str, ...], Any] = {}

    def walk(command: Any, path: tuple[str, ...]) -> None:
        found[path] = command
        ctx = typer.Context(command)
        for name in getattr(command, "list_commands", lambda _ctx: [])(ctx):
            walk(command.get_command(ctx, name), (*path, name))

    walk(root, ())
    return found


COMMANDS = command_tree()


def is_group(command: Any) -> bool:
    return hasattr(command, "list_commands")


def runnable(path: tuple[str, ...]) -> bool:
    """A command a user runs: a leaf, or a group that does something itself (`awsprep exam`)."""
    command = COMMANDS[path]
    return bool(path) and (not is_group(command) or command.invoke_without_command)


def options_of(command: Any) -> set[str]:
    return {o for p in command.params for o in (*p.opts, *p.secondary_opts) if o.startswith("-")}


# --- what the README documents ------------------------------------------------------------------

HEADING = re.compile(r"^#{2,4} ")
OPTION = re.compile(r"(?<![\w-])--?[a-z][a-z0-9-]*")


def sections() -> Iterator[tuple[str, str]]:
    """(heading line, the text up to the next heading)."""
    heading, body = "", []
    for line in README.splitlines():
        if HEADING.match(line):
            yield heading, "\n".join(body)
            heading, body = line, []
        else:
            body.append(line)
    yield heading, "\n".join(body)


def synopsis_path(synopsis: str) -> tuple[str, ...]:
    """`awsprep calc dynamodb-op OPERATION [--x]` -> ("calc", "dynamodb-op")."""
    words = []
    for word in synopsis.split()[1:]:
        if not re.fullmatch(r"[a-z][a-z0-9-]*", word):
            break
        words.append(word)
    return tuple(words)


@dataclass
class Documented:
    path: tuple[str, ...]
    options: set[str] = field(default_factory=set)
    where: list[str] = field(default_factory=list)


def documented_commands() -> dict[tuple[str, ...], Documented]:
    """Commands named in headings and in command blocks, with the options named there and in the
    option tables of their section (first column)."""
    found: dict[tuple[str, ...], Documented] = {}

    def add(synopsis: str, where: str, extra: frozenset[str] = frozenset()) -> Documented:
        path = synopsis_path(synopsis)
        doc = found.setdefault(path, Documented(path))
        doc.options |= set(OPTION.findall(synopsis[len("awsprep") :])) | extra
        doc.where.append(where)
        return doc

    for heading, body in sections():
        named = [s for s in re.findall(r"`([^`]+)`", heading) if s.startswith("awsprep")]
        table_options = frozenset(
            o
            for line in body.splitlines()
            if line.startswith("| `-")
            for o in OPTION.findall(line.split("|")[1])
        )
        for i, synopsis in enumerate(named):
            add(synopsis, heading, table_options if i == 0 else frozenset())
        in_block = False
        for line in body.splitlines():
            if line.startswith("```"):
                in_block = not in_block
            elif in_block and line.startswith("awsprep "):
                add(line, f"{heading} (command block)")
    return found


DOCUMENTED = documented_commands()


def test_readme_documents_the_commands_we_expect() -> None:
    """The parser reads what the README holds (so the tests below do not pass on nothing)."""
    assert {("review",), ("exam",), ("exam", "history"), ("import",), ("decks",), ("lint",)} <= set(
        DOCUMENTED
    )
    assert {("calc", "dynamodb"), ("calc", "question"), ("calc", "generators")} <= set(DOCUMENTED)
    assert {"--item-size", "--reads", "--consistency", "--region"} <= DOCUMENTED[("calc", "dynamodb")].options
    assert {"--free-tier", "--no-free-tier", "--pc", "--pc-hours"} <= DOCUMENTED[("calc", "lambda")].options


@pytest.mark.parametrize("path", sorted(DOCUMENTED), ids=" ".join)
def test_documented_command_exists_with_its_options(path: tuple[str, ...]) -> None:
    doc = DOCUMENTED[path]
    assert path in COMMANDS, (
        f"README ({doc.where[0]}) documents awsprep {' '.join(path)}, which does not exist"
    )
    missing = doc.options - options_of(COMMANDS[path])
    assert not missing, f"awsprep {' '.join(path)} has no {sorted(missing)} (README: {doc.where})"


def test_every_command_is_documented() -> None:
    undocumented = [" ".join(p) for p in COMMANDS if runnable(p) and p not in DOCUMENTED]
    assert not undocumented, f"README.md has no heading or command block for: {undocumented}"


# --- the --json keys ----------------------------------------------------------------------------

TOKEN = re.compile(r"`([^`]+)`|[()]")
NAME = re.compile(r"[a-z][a-z0-9_-]*")
SKELETON_TOKEN = re.compile(r'"\w+"|\w+|[{}\[\]:,]')


def skeleton(text: str) -> Any:
    """A JSON outline as the README writes it, `{"decks": [{"name", "waiting": [{"id"}], "decisions":
    {id: action}}]}`, as a shape: a dict of key -> shape of its value, [shape] for a list, None for any
    value (a bare word, or an object whose keys are data like `{id: action}`)."""
    tokens = SKELETON_TOKEN.findall(text)
    at = 0

    def take() -> str:
        nonlocal at
        at += 1
        return tokens[at - 1]

    def value() -> Any:
        token = take()
        if token == "[":
            inner = value()
            assert take() == "]", text
            return [inner]
        if token != "{":
            return None
        shape: dict[str, Any] = {}
        while (token := take()) != "}":
            if token == ",":
                continue
            if not token.startswith('"'):  # {id: action}: the keys are data
                while take() != "}":
                    pass
                return None
            shape[token.strip('"')] = None
            if tokens[at] == ":":
                take()
                shape[token.strip('"')] = value()
        return shape

    return value()


@dataclass
class Key:
    names: tuple[str, ...]  # one of them is present ("`rcu` or `wcu`")
    items: list[frozenset[str]] = field(default_factory=list)  # a list of objects: the keys of each kind
    members: frozenset[str] = frozenset()  # "`prices` (`checked`, `source`)": keys when the value is a dict
    shape: Any = None  # from a JSON outline: see skeleton()


def documented_keys(text: str) -> list[Key]:
    """The keys in a README key list: backquoted names outside parentheses are keys; inside the
    parentheses after a key, "objects with `a`, `b`" or "list of `{a, b}`" give the keys of the
    objects in its list, and a bare list of names the keys of its object (other words there are
    values or examples)."""
    keys: list[Key] = []
    depth, last_end = 0, 0
    group_start, head_end, nested, braces = 0, -1, [], []
    for m in TOKEN.finditer(text):
        token = m.group(0)
        if token == "(":
            depth += 1
            if depth == 1:
                group_start, head_end, nested, braces = m.end(), -1, [], []
        elif token == ")":
            if depth == 1 and keys:
                head = text[group_start:head_end] if head_end >= 0 else ""
                if "object" in head and nested:
                    keys[-1].items.append(frozenset(nested))
                if "list of" in head:
                    keys[-1].items.extend(braces)
                if not head.strip() and nested:
                    keys[-1].members = frozenset(nested)
            depth = max(0, depth - 1)
            last_end = m.end()
        elif depth == 0:
            name = m.group(1)
            if name.startswith("{") and '"' in name:
                keys.extend(Key((k,), shape=v) for k, v in skeleton(name).items())
            elif NAME.fullmatch(name):
                if keys and text[last_end : m.start()].strip() == "or":
                    keys[-1].names += (name,)
                else:
                    keys.append(Key((name,)))
            last_end = m.end()
        elif depth == 1:
            name = m.group(1)
            is_brace = name.startswith("{") and name.endswith("}")
            if (NAME.fullmatch(name) or is_brace) and head_end < 0:
                head_end = m.start()
            if NAME.fullmatch(name):
                nested.append(name)
            elif is_brace:
                braces.append(frozenset(part.strip() for part in name[1:-1].split(",")))
    return keys


def readable(section: str) -> str:
    """Paragraphs on one line each; a table row `| a | b |` becomes `a (b)`."""
    out = []
    for para in section.split("\n\n"):
        lines = [line.strip() for line in para.strip().splitlines()]
        if lines and lines[0].startswith("|"):
            rows = [r.strip("|").split("|", 1) for r in lines[2:]]  # skip the header and the rule
            out.append("TABLE " + ", ".join(f"{a.strip()} ({b.strip()})" for a, b in rows))
        else:
            out.append(" ".join(lines))
    return "\n\n".join(out)


def key_text(heading: str, start: str, end: str | None = None, table: bool = False) -> str:
    """The README text that lists a command's keys: in the section whose heading contains `heading`,
    from `start` to `end` (default: the end of that paragraph), or the first table after `start`."""
    bodies = [body for head, body in sections() if heading in head]
    assert len(bodies) == 1, f"README.md has {len(bodies)} sections headed {heading!r}"
    text = readable(bodies[0])
    at = text.index(start)
    if table:
        at = text.index("TABLE ", at) + len("TABLE ")
        return text[at:].split("\n\n")[0]
    rest = text[at + len(start) :]
    return rest[: rest.index(end)] if end else rest.split("\n\n")[0]


def notes_folder(base: Path) -> Path:
    notes = base / "notes"
    notes.mkdir(exist_ok=True)
    (notes / "lambda.md").write_text(
        "# Lambda\n\n- **Timeout**: a function runs for at most 900 seconds\n- SQS messages up to 256 KB\n"
        "- see also\n",
        encoding="utf-8",
    )
    return notes


EXAM = ["exam", "--plain", "-n", "5", "--seed", "1"]
EXAM_INPUT = "A\n:r\n:s\n"  # one answer (right or wrong), the rest unanswered: wrong


@dataclass
class JsonDoc:
    path: tuple[str, ...]
    heading: str
    start: str
    end: str | None = None
    table: bool = False
    bank: str = MIXED
    setup: list[tuple[list[str], str]] = field(default_factory=list)
    args: list[str] = field(default_factory=list)
    stdin: str = ""


CALC = "#### `awsprep calc"
# 65 questions: a full-length DVA-C02 attempt, the only kind whose score makes a trend
FULL_BANK = "\n".join(
    f"  - {{id: f{i:02d}, type: mcq, domain: development, question: 'Question {i}?', "
    f"options: [right, wrong-a, wrong-b, wrong-c], correct: [0]}}"
    for i in range(65)
)
FULL_EXAM = (["exam", "--plain", "--seed", "1"], "A\n:r\n:s\n")
JSON_DOCS = [
    JsonDoc(("review",), "### `awsprep review", "`--json` prints", stdin="\n5\n\n5\nB\n81\n"),
    JsonDoc(
        ("exam",), "### `awsprep exam [", "`--json` prints", bank=EXAM_BANK, args=EXAM[1:], stdin=EXAM_INPUT
    ),
    JsonDoc(("exam", "blueprints"), "### `awsprep exam blueprints", "`--json`:", end="An exam on"),
    JsonDoc(
        ("exam", "history"),
        "### `awsprep exam history",
        "`--json` prints",
        bank=FULL_BANK,
        setup=[FULL_EXAM],
    ),
    JsonDoc(
        ("exam", "report"),
        "### `awsprep exam [",
        "`--json` prints",
        bank=EXAM_BANK,
        args=["1"],
        setup=[(EXAM, EXAM_INPUT)],
    ),
    JsonDoc(
        ("stats",),
        "### `awsprep stats",
        "its top-level keys:",
        end="In detail",
        bank=FULL_BANK,
        setup=[FULL_EXAM, (["review", "--plain"], "\n5\n" * 3 + "q\n")],
    ),
    JsonDoc(("import",), "#### `awsprep import --json` keys", "", table=True, args=["{notes}", "--explain"]),
    JsonDoc(("decks",), "#### `awsprep decks --json`", "", end=" — "),
    JsonDoc(
        ("triage",),
        "### `awsprep triage",
        "decides nothing:",
        setup=[(["import", "{notes}", "--deck", "mine"], "")],  # the outdated SQS line waits in triage
    ),
    JsonDoc(("cards", "list"), "### `awsprep cards list", "`--json` prints"),
    JsonDoc(("export", "anki"), "### Anki in and out", "`--json` keys:", args=["{notes}/../out.apkg"]),
    JsonDoc(
        ("db", "copy"),
        "### Studying on several machines",
        "`--json` keys:",
        args=["--to", "sqlite:///{notes}/../copy.db"],
        setup=[(["review", "--plain"], "\n5\nq\n")],
    ),
    JsonDoc(
        ("cards", "show"),
        "### `awsprep cards show",
        "`--json`:",
        args=["c000"],
        bank=basic_cards(2),
        setup=[(["review", "--plain"], "\n5\nq\n")],
    ),
    JsonDoc(("settings",), "### `awsprep settings", "", table=True),
    JsonDoc(("ready",), "### `awsprep ready", "`--json` keys:", bank=EXAM_BANK),
    JsonDoc(("bank", "stats"), "### `awsprep bank stats", "`--json` keys:"),
    JsonDoc(
        ("lint",), "### `awsprep lint", "`--json` prints a list of objects", table=True, args=["{notes}"]
    ),
    JsonDoc(
        ("calc", "dynamodb"), f"{CALC} dynamodb`", "JSON keys:", args=["--item-size", "3KB", "--reads", "80"]
    ),
    JsonDoc(("calc", "dynamodb-op"), f"{CALC} dynamodb-op", "JSON keys:", args=["get", "--item", "3KB"]),
    JsonDoc(
        ("calc", "lambda"), f"{CALC} lambda`", "JSON keys:", args=["--requests", "3M", "--duration", "120ms"]
    ),
    JsonDoc(("calc", "kinesis"), f"{CALC} kinesis`", "JSON keys:", args=["--mb-per-sec", "3"]),
    JsonDoc(
        ("calc", "question"),
        "Practice questions",
        "JSON keys:",
        end="`generators` lists",
        args=["dynamodb-rcu"],
    ),
    JsonDoc(("calc", "generators"), "Practice questions", "(JSON:"),
]


def test_every_json_command_has_its_keys_checked() -> None:
    with_json = {p for p, c in COMMANDS.items() if "--json" in options_of(c)}
    assert with_json == {d.path for d in JSON_DOCS}


def check_shape(value: Any, shape: Any, where: str) -> None:
    if isinstance(shape, list):
        assert isinstance(value, list) and value, f"{where}: not a list with items to check"
        for item in value:
            check_shape(item, shape[0], where)
    elif isinstance(shape, dict):
        assert isinstance(value, dict), f"{where}: not an object"
        assert set(shape) <= set(value), f"{where}: the README lists {sorted(set(shape) - set(value))}"
        for key, inner in shape.items():
            check_shape(value[key], inner, f"{where}.{key}")


def check_keys(data: Any, keys: list[Key], where: str) -> None:
    objects = data if isinstance(data, list) else [data]
    assert objects, f"{where}: the output is an empty list; the test needs an item to check"
    for obj in objects:
        for key in keys:
            present = [n for n in key.names if n in obj]
            assert present, (
                f"{where}: the README lists {' or '.join(key.names)!r}; the output has {list(obj)}"
            )
            value = obj[present[0]]
            if key.items:
                assert isinstance(value, list), f"{where}: {present[0]} is not a list"
                kinds = [k for k in key.items if any(k <= set(v) for v in value)]
                assert kinds == key.items, f"{where}: no item of {present[0]} has the keys {key.items}"
                for v in value:
                    assert any(k <= set(v) for k in key.items), f"{where}: {present[0]} item {v} lacks keys"
            if key.members and isinstance(value, dict):
                assert key.members <= set(value), f"{where}: {present[0]} lacks {key.members - set(value)}"
            if key.shape is not None:
                check_shape(value, key.shape, f"{where}: {present[0]}")


@pytest.mark.parametrize("doc", JSON_DOCS, ids=lambda d: " ".join(d.path))
def test_json_keys_in_the_readme_are_in_the_output(doc: JsonDoc, env, runner: CliRunner, tmp_path) -> None:
    keys = documented_keys(key_text(doc.heading, doc.start, doc.end, doc.table))
    assert keys, f"found no key list for {doc.path} in the README"
    write_bank(env, doc.bank)
    notes = notes_folder(tmp_path)
    for args, stdin in doc.setup:
        assert (
            runner.invoke(app, [a.replace("{notes}", str(notes)) for a in args], input=stdin).exit_code == 0
        )
    args = [*doc.path, *(a.replace("{notes}", str(notes)) for a in doc.args), "--json"]
    res = runner.invoke(app, args, input=doc.stdin)
    assert res.exit_code in (0, 1), res.output  # lint: 1 when it warns
    check_keys(json.loads(res.stdout), keys, f"awsprep {' '.join(args)}")


def test_key_lists_are_read_as_meant() -> None:
    """The README's ways of listing keys, read the way a person reads them."""
    exam = {k.names[0]: k for k in documented_keys(key_text("### `awsprep exam [", "`--json` prints"))}
    assert {"raw_correct", "domains", "wrong", "fed_to_review"} <= set(exam)
    assert "timed" not in exam and "DVA-C02" not in exam  # values, not keys
    assert exam["wrong"].items == [frozenset({"number", "card_id", "domain", "chosen", "correct", "source"})]
    op = documented_keys(key_text(f"{CALC} dynamodb-op", "JSON keys:"))
    assert Key(("rcu", "wcu")) in op
    imported = {
        k.names[0]: k for k in documented_keys(key_text("`awsprep import --json` keys", "", table=True))
    }
    assert imported["explain"].items == [
        frozenset({"id", "type", "rule", "source", "prompt"}),
        frozenset({"skipped", "source", "text"}),
    ]
    decks = documented_keys(key_text("#### `awsprep decks --json`", "", end=" — "))
    assert decks == [Key(("decks",), shape=[dict.fromkeys(["name", "origin", "cards", "by_type", "files"])])]
    [triage] = documented_keys(key_text("### `awsprep triage", "decides nothing:"))
    assert triage.shape == [
        {
            "deck": None,
            "triage_file": None,
            "bank": None,
            "waiting": [dict.fromkeys(["id", "score", "reasons", "source", "card"])],
            "decisions": None,
        }
    ]


# --- examples in --help -------------------------------------------------------------------------


def help_examples(path: tuple[str, ...], runner: CliRunner) -> list[str]:
    res = runner.invoke(app, [*path, "--help"])
    assert res.exit_code == 0, res.output
    assert "Examples:" in res.output, f"awsprep {' '.join(path)} --help shows no example"
    lines = res.output.split("Examples:", 1)[1].splitlines()
    return [line.strip() for line in lines if line.strip()]


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=lambda p: " ".join(p) or "awsprep")
def test_help_shows_examples_of_that_command(path: tuple[str, ...], runner: CliRunner) -> None:
    examples = help_examples(path, runner)
    assert examples
    for line in examples:
        assert line.startswith(" ".join(("awsprep", *path))), f"{line!r} is not an example of {path}"


def test_every_example_runs(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each example line, as --help prints it, run from a folder holding notes/ on three files of the
    bundled bank (the whole bank takes ten times longer to load and sync; these hold the deck and card
    the examples name). Review and exam read their answers from standard input, here empty: they
    start, then stop."""
    bank = ROOT / "content" / "bank"
    files = [bank / "starter.yaml", bank / "numeric-templates.yaml", bank / "questions" / "dev-s3.yaml"]
    monkeypatch.setenv("AWSPREP_BANK", os.pathsep.join(map(str, files)))
    monkeypatch.delenv("AWSPREP_DB", raising=False)
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("AWSPREP_NOW", "2026-01-05T09:00:00")
    monkeypatch.chdir(tmp_path)
    notes_folder(tmp_path)
    submitted = runner.invoke(app, ["exam", "--plain", "-n", "2", "--seed", "1"], input=":s\n:s\n")
    assert submitted.exit_code == 0, submitted.output  # attempt 1, for `exam report 1`
    failed = []
    ran = 0
    for path in COMMANDS:
        for line in help_examples(path, runner):
            res = runner.invoke(app, shlex.split(line)[1:], input="")
            ran += 1
            ok = res.exit_code in ((0, 1) if path == ("lint",) else (0,))
            if not ok or "Traceback" in res.output:
                failed.append(f"{line}: exit {res.exit_code}: {res.output[-300:]}")
    assert not failed, "\n".join(failed)
    assert ran >= len(COMMANDS)


def test_examples_table_names_only_real_commands() -> None:
    from awsprep.cli.examples import EXAMPLES

    assert set(EXAMPLES) == {" ".join(p) for p in COMMANDS}
