"""`awsprep calc`: DynamoDB capacity, Lambda cost and Kinesis shards, with the worked steps.

Thin commands: parse flags, call awsprep.calc, print a table (ui/calc_view.py) or --json.
Nothing here may import sqlalchemy or the store: `awsprep calc` must start fast, so each command
imports only the calculator it needs, and rich only when the table's console needs it.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import typer

from awsprep.calc.errors import CalcError
from awsprep.calc.units import (
    fmt_num,
    fmt_size,
    fmt_usd,
    parse_duration_ms,
    parse_memory_mb,
    parse_number,
    parse_size,
)
from awsprep.cli.common import emit_json, guard

app = typer.Typer(
    help="Calculators for exam arithmetic: DynamoDB capacity, Lambda cost, Kinesis shards.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

_REGION_HELP = "Price table to use: us-east-1, us-west-2 or eu-west-1."
_JSON_HELP = "Print machine-readable JSON instead of tables."


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="calc")


# --- rendering (ui/calc_view.py: rich's tables, without loading rich where it can) ----------------


def _render(
    title: str, rows: Sequence[tuple[str, str]], steps: Iterable[str], footer: Sequence[str] = ()
) -> None:
    from awsprep.ui.calc_view import render

    render(title, rows, steps, footer)


def _price_footer(checked: str, source: str, unconfirmed: Sequence[str]) -> list[str]:
    lines = [f"Prices checked {checked}: {source}"]
    if unconfirmed:
        lines.append(f"Unconfirmed in this region (see prices.json notes): {', '.join(unconfirmed)}")
    return lines


def _optional_number(text: str | None, what: str) -> float | None:
    return None if text is None else parse_number(text, what)


# --- dynamodb ------------------------------------------------------------------------------------


@app.command("dynamodb")
@guard
def dynamodb_cmd(
    item_size: str = typer.Option(..., "--item-size", help="Item size: 512B, 3KB, 1.5KB (KB = 1024 bytes)."),
    reads: str | None = typer.Option(None, "--reads", help="Reads per second (one item each)."),
    writes: str | None = typer.Option(None, "--writes", help="Writes per second (one item each)."),
    consistency: str = typer.Option(
        "strong", "--consistency", help="Reads: strong, eventual or transactional."
    ),
    transactional: bool = typer.Option(False, "--transactional", help="Writes are transactional (x 2)."),
    mode: str = typer.Option("provisioned", "--mode", help="Capacity mode: provisioned or on-demand."),
    hours: str = typer.Option("730", "--hours", help="Hours to price (default a 730-hour month)."),
    region: str = typer.Option("us-east-1", "--region", help=_REGION_HELP),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """RCU and WCU (on-demand: request units) for a steady read/write rate, and the monthly cost.

    Example: awsprep calc dynamodb --item-size 6KB --reads 100 --consistency eventual
    """
    from awsprep.calc import dynamodb
    from awsprep.calc.prices import dynamodb_prices

    size = dynamodb.check_item_size(parse_size(item_size, "item size"))
    result = dynamodb.estimate(
        size,
        dynamodb_prices(region),
        reads_per_second=_optional_number(reads, "reads per second"),
        writes_per_second=_optional_number(writes, "writes per second"),
        consistency=consistency,
        transactional_writes=transactional,
        mode=mode,
        hours=parse_number(hours, "hours"),
    )
    if as_json:
        emit_json(result.to_dict())
        return
    on_demand = result.mode == "on-demand"
    rows = [("item size", f"{fmt_size(size)} ({size:,} bytes)")]
    if result.reads_per_second is not None:
        rows.append((f"reads/s ({result.consistency})", fmt_num(result.reads_per_second)))
        rows.append(
            ("read request units/s", fmt_num(result.rcu_exact)) if on_demand else ("RCU", fmt_num(result.rcu))
        )
    if result.writes_per_second is not None:
        rows.append(
            (
                f"writes/s ({'transactional' if transactional else 'standard'})",
                fmt_num(result.writes_per_second),
            )
        )
        rows.append(
            ("write request units/s", fmt_num(result.wcu_exact))
            if on_demand
            else ("WCU", fmt_num(result.wcu))
        )
    rows.append((f"cost for {fmt_num(result.hours)} h ({result.mode})", fmt_usd(result.monthly_cost_usd)))
    p = result.prices
    _render(
        f"DynamoDB capacity, {result.region}",
        rows,
        result.steps,
        _price_footer(p.checked, p.source, p.unconfirmed),
    )


@app.command("dynamodb-op")
@guard
def dynamodb_op_cmd(
    operation: str = typer.Argument(
        ...,
        help="get, batch-get, query, scan, transact-get, put, update, delete, batch-write, transact-write,"
        " or the API name: GetItem, BatchGetItem, TransactWriteItems, ...",
    ),
    item: list[str] = typer.Option(
        ...,
        "--item",
        help="Item size, repeatable or comma-separated: 1.5KB, 6.5KB or COUNTxSIZE like 1500x64B.",
    ),
    consistency: str = typer.Option("strong", "--consistency", help="Reads: strong or eventual."),
    rate: str = typer.Option("1", "--rate", help="Calls per second (for the capacity to provision)."),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """Units one API call consumes, by that operation's rounding rule (Query sums, batches round each).

    Example: awsprep calc dynamodb-op BatchGetItem --item 1.5KB --item 6.5KB
    """
    from awsprep.calc import dynamodb_operations as ops

    sizes = ops.parse_items(item)
    result = ops.operation_units(operation, sizes, consistency, parse_number(rate, "calls per second"))
    if as_json:
        emit_json(result.to_dict())
        return
    unit = result.unit
    rows = [
        ("items", f"{len(result.item_sizes):,} ({fmt_size(sum(result.item_sizes))} in all)"),
        (f"{unit} per call", fmt_num(result.units_per_call)),
        ("calls/s", fmt_num(result.calls_per_second)),
        (f"{unit} to provision", fmt_num(result.provisioned)),
    ]
    _render(f"DynamoDB {result.api}", rows, result.steps)


# --- lambda --------------------------------------------------------------------------------------


@app.command("lambda")
@guard
def lambda_cmd(
    requests: str = typer.Option(..., "--requests", help="Requests per month: 3000000, 3M, 500k."),
    duration: str = typer.Option(..., "--duration", help="Billed duration per request: 120ms, 2s."),
    memory: str = typer.Option("128", "--memory", help="Memory in MB, 128-10240."),
    arch: str = typer.Option("x86_64", "--arch", help="x86_64 or arm64."),
    ephemeral: str = typer.Option(
        "512", "--ephemeral", help="Ephemeral storage in MB, 512-10240 (512 is free)."
    ),
    free_tier: bool = typer.Option(True, "--free-tier/--no-free-tier", help="Apply the monthly free tier."),
    pc: int = typer.Option(0, "--pc", help="Provisioned concurrency: environments kept ready."),
    pc_hours: str = typer.Option("0", "--pc-hours", help="Hours provisioned concurrency is enabled."),
    granularity: str = typer.Option(
        "1ms", "--granularity", help="Duration rounding: 1ms (today) or 100ms (pre-2020)."
    ),
    region: str = typer.Option("us-east-1", "--region", help=_REGION_HELP),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """Monthly Lambda cost: requests, compute GB-seconds, ephemeral storage, provisioned concurrency.

    Example: awsprep calc lambda --requests 3M --duration 120ms --memory 1536 --no-free-tier
    """
    from awsprep.calc import lambda_cost
    from awsprep.calc.prices import lambda_prices

    count = parse_number(requests, "requests per month")
    if not count.is_integer():
        raise CalcError(f"requests per month {requests!r} must be a whole number.")
    result = lambda_cost.estimate(
        int(count),
        parse_duration_ms(duration),
        parse_memory_mb(memory),
        lambda_prices(region),
        arch=arch,
        ephemeral_mb=parse_memory_mb(ephemeral, "ephemeral storage"),
        free_tier=free_tier,
        pc_count=pc,
        pc_hours=parse_number(pc_hours, "provisioned concurrency hours"),
        granularity=granularity,
    )
    if as_json:
        emit_json(result.to_dict())
        return
    rows: list[tuple[str, str]] = [
        ("requests", fmt_num(result.requests)),
        ("billed duration", f"{fmt_num(result.billed_duration_ms)} ms"),
        ("compute", f"{fmt_num(result.gb_seconds)} GB-s"),
        ("free tier applied", "yes" if result.free_tier_applied else "no"),
    ]
    rows += [
        (line.name if line.name == "total" else f"{line.name} cost", fmt_usd(line.usd))
        for line in result.lines
    ]
    p = result.prices
    _render(
        f"Lambda monthly cost, {result.arch}, {result.region}",
        rows,
        result.steps,
        _price_footer(p.checked, p.source, p.unconfirmed),
    )


# --- kinesis -------------------------------------------------------------------------------------


@app.command("kinesis")
@guard
def kinesis_cmd(
    mb_per_sec: str | None = typer.Option(None, "--mb-per-sec", help="Write rate in MB/s."),
    records_per_sec: str | None = typer.Option(None, "--records-per-sec", help="Write rate in records/s."),
    record_size: str | None = typer.Option(None, "--record-size", help="Average record size: 512B, 2KB."),
    consumers: int = typer.Option(1, "--consumers", help="Consumer applications reading every record."),
    fan_out: str = typer.Option("shared", "--fan-out", help="shared (standard) or enhanced (fan-out)."),
    mode: str = typer.Option(
        "provisioned", "--mode", help="Capacity mode to price: provisioned or on-demand."
    ),
    hours: str = typer.Option("730", "--hours", help="Hours to price (default a 730-hour month)."),
    region: str = typer.Option("us-east-1", "--region", help="Price table to use: us-east-1."),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """Shards a stream needs for a write rate and its consumers, the limiting factor, and the cost.

    Example: awsprep calc kinesis --records-per-sec 3000 --record-size 1KB --consumers 3 --mode on-demand
    """
    from awsprep.calc import kinesis, kinesis_cost
    from awsprep.calc.prices import kinesis_prices

    result = kinesis.shards(
        mb_per_second=_optional_number(mb_per_sec, "MB per second"),
        records_per_second=_optional_number(records_per_sec, "records per second"),
        record_size_bytes=None if record_size is None else parse_size(record_size, "record size"),
        consumers=consumers,
        fan_out=fan_out,
    )
    priced = kinesis_cost.cost(result, kinesis_prices(region), mode, parse_number(hours, "hours"))
    if as_json:
        emit_json({**result.to_dict(), "cost": priced.to_dict()})
        return
    rows = [
        ("write MB/s", fmt_num(result.mb_per_second)),
        *([] if result.records_per_second is None else [("records/s", fmt_num(result.records_per_second))]),
        (f"consumers ({result.fan_out})", str(result.consumers)),
        ("shards", str(result.shards)),
        ("limited by", result.limiting_factor_text),
    ]
    rows += [
        (f"{line.name} ({fmt_num(line.quantity)} {line.unit})", fmt_usd(line.usd)) for line in priced.lines
    ]
    rows.append((f"cost for {fmt_num(priced.hours)} h ({priced.mode})", fmt_usd(priced.total_usd)))
    p = priced.prices
    _render(
        f"Kinesis Data Streams, {p.region}",
        rows,
        [*result.steps, *priced.steps],
        _price_footer(p.checked, p.source, p.unconfirmed),
    )


# --- practice questions --------------------------------------------------------------------------


@app.command("question")
@guard
def question_cmd(
    generator: str = typer.Argument(
        ..., help="Generator name, e.g. dynamodb-rcu (see: awsprep calc generators)."
    ),
    seed: int | None = typer.Option(
        None, "--seed", help="Seed: the same seed gives the same question (default: fresh numbers)."
    ),
    show_answer: bool = typer.Option(False, "--answer", help="Print the answer and worked steps at once."),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """One practice question with fresh numbers; type your answer to have it graded.

    The answer stays hidden until you answer (or press Enter to see it), or pass --answer.

    Example: awsprep calc question dynamodb-rcu        (then type e.g. 40)
    """
    from awsprep.calc.generators import generate
    from awsprep.question.answers import parse_number, with_unit

    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)
    problem = generate(generator, {}, random.Random(seed))
    if as_json:
        data: dict[str, Any] = {
            "generator": generator,
            "seed": seed,
            "question": problem.question,
            "answer": problem.answer,
            "unit": problem.unit,
            "tolerance": problem.tolerance,
            "steps": list(problem.steps),
        }
        emit_json(data)
        return
    typer.echo(problem.question)
    typer.echo(f"(seed {seed}: `awsprep calc question {generator} --seed {seed}` asks it again)")
    verdict = ""
    if not show_answer:
        try:
            typed = typer.prompt(
                f"Your answer{' in ' + problem.unit if problem.unit else ''} (Enter to see it)",
                default="",
                show_default=False,
            )
        except typer.Abort:  # end of input: show the answer, as Enter would
            typed = ""
        if not sys.stdin.isatty():
            typer.echo()  # the typed line was not echoed: end the prompt's line
        given = parse_number(typed) if typed.strip() else None
        if typed.strip() and given is None:
            verdict = f"'{typed.strip()}' is not a number."
        elif given is not None:
            verdict = (
                "Correct."
                if problem.is_correct(given)
                else f"Not quite: you said {with_unit(given, problem.unit)}."
            )
    if verdict:
        typer.echo(verdict)
    rows = [
        ("answer", f"{fmt_num(problem.answer)} {problem.unit}"),
        ("tolerance", f"± {fmt_num(problem.tolerance)}"),
    ]
    _render(f"{generator} (seed {seed})", rows, problem.steps)


@app.command("generators")
@guard
def generators_cmd(as_json: bool = typer.Option(False, "--json", help=_JSON_HELP)) -> None:
    """List the question generators templates can name, with their parameters.

    Example: awsprep calc generators --json
    """
    from awsprep.calc.generators import GENERATORS

    if as_json:
        emit_json(
            [
                {"name": g.name, "description": g.description, "params": [p.name for p in g.params]}
                for g in GENERATORS.values()
            ]
        )
        return
    for g in GENERATORS.values():
        typer.echo(f"{g.name}: {g.description} (params: {', '.join(p.name for p in g.params)})")
