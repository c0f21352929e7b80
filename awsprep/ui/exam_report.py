"""The exam report and the history, as rich panels or plain lines (same words in both)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from awsprep.exam.items import Item
from awsprep.exam.scoring import Report, Trend
from awsprep.exam.timing import format_left
from awsprep.question import describe_answer, expected_answer
from awsprep.ui.text import bar, literal, markdown, plain

_URL = re.compile(r"https?://[^\s<>()\]]+")


def time_line(seconds_used: float, seconds_allowed: int) -> str:
    used = format_left(seconds_used)
    return f"Time used: {used} of {format_left(seconds_allowed)}" if seconds_allowed else f"Time used: {used}"


def score_lines(
    report: Report, timed_out: bool, seconds_used: float = 0.0, seconds_allowed: int = 0
) -> list[str]:
    verdict = "PASS" if report.passed else "FAIL"
    lines = []
    if timed_out:
        lines.append("Time is up: the attempt was submitted as it stood.")
    lines.append(time_line(seconds_used, seconds_allowed))
    lines += [
        f"Score: {report.raw_correct} / {report.total} correct ({report.answered} answered)",
        f"Scaled score (estimate): {report.scaled_score} of 1000; pass mark {report.pass_mark}: {verdict}",
        report.note,
    ]
    return lines


def _chosen(item: Item) -> str:
    if not item.answered:
        return "no answer"
    if isinstance(item.answer, tuple):
        return "; ".join(f"{chr(ord('A') + i)}. {item.question.options[i]}" for i in item.answer)
    return describe_answer(item.question, item.answer)


def _expected(item: Item) -> str:
    if item.question.kind == "mcq":
        return "; ".join(f"{chr(ord('A') + i)}. {item.question.options[i]}" for i in item.question.correct)
    return expected_answer(item.question)


def wrong_lines(item: Item) -> list[str]:
    lines = [f"Question {item.position + 1} [{item.domain or '-'}]: {item.question.prompt.strip()}"]
    lines.append(f"  You chose: {_chosen(item)}")
    lines.append(f"  Correct: {_expected(item)}")
    return lines


def source_line(item: Item) -> str:
    parts = [item.question.source] if item.question.source else []
    parts += list(item.question.refs)
    return "Source: " + (", ".join(parts) if parts else "none recorded")


def feeds_review_line(n: int) -> str:
    return f"{n} card(s) answered wrongly are due in tomorrow's review." if n else ""


def plain_report(
    out: TextIO,
    report: Report,
    timed_out: bool,
    fed: int,
    seconds_used: float = 0.0,
    seconds_allowed: int = 0,
) -> None:
    def say(text: str = "") -> None:
        out.write(literal(text) + "\n")

    say(f"=== Exam report: {report.blueprint}")
    for line in score_lines(report, timed_out, seconds_used, seconds_allowed):
        say(line)
    say("Domains (weakest first):")
    for d in report.domains:
        share = d.correct / d.total
        say(f"  [{bar(share, 10, '#', '.')}] {share:4.0%}  {d.correct}/{d.total}  {d.name}")
    if report.wrong:
        say(f"Wrong or unanswered ({len(report.wrong)}):")
    for item in report.wrong:
        for line in wrong_lines(item):
            say(line)
        if item.question.explanation:
            say(f"  Explanation: {item.question.explanation.strip()}")
        for i, step in enumerate(item.question.steps, 1):
            say(f"    {i}. {step}")
        say(f"  {source_line(item)}")
    if fed:
        say(feeds_review_line(fed))
    out.flush()


def rich_report(
    console: Console,
    report: Report,
    timed_out: bool,
    fed: int,
    seconds_used: float = 0.0,
    seconds_allowed: int = 0,
) -> None:
    lines = score_lines(report, timed_out, seconds_used, seconds_allowed)
    style = "bold green" if report.passed else "bold red"
    head: list[RenderableType] = [plain(line, style if "Scaled" in line else "") for line in lines]
    console.print(Panel(Group(*head), title=f"Exam report: {report.blueprint}", border_style="cyan"))
    table = Table("domain", "", "score", "", box=None, title="Domains, weakest first")
    for d in report.domains:
        share = d.correct / d.total
        colour = "green" if share >= 0.75 else ("yellow" if share >= 0.6 else "red")
        table.add_row(plain(d.name), Text(bar(share), style=colour), f"{share:.0%}", f"{d.correct}/{d.total}")
    console.print(table)
    for item in report.wrong:
        parts: list[RenderableType] = [plain(line) for line in wrong_lines(item)[1:]]
        if item.question.explanation:
            parts.append(markdown(item.question.explanation))
        parts.extend(plain(f"{i}. {step}") for i, step in enumerate(item.question.steps, 1))
        parts.append(plain(source_line(item), "dim"))
        title = f"Question {item.position + 1} · {item.domain or '-'}"
        console.print(
            Panel(Group(markdown(item.question.prompt), *parts), title=plain(title), border_style="red")
        )
        # a link wrapped inside the box would be cut by its border: each one again below it, on a line the
        # terminal wraps itself, so it can be copied or opened whole
        for url in dict.fromkeys(_URL.findall(item.question.explanation or "")):
            console.print(plain(f"  {url.rstrip('.,;:)')}", "dim"), soft_wrap=True)
    if fed:
        console.print(plain(feeds_review_line(fed), "yellow"))


def history_rows(attempts: Sequence[dict[str, object]]) -> list[list[str]]:
    rows = []
    for a in attempts:
        score = "-" if a["raw_correct"] is None else f"{a['raw_correct']}/{a['total']}"
        scaled = "-" if a["scaled_score"] is None else str(a["scaled_score"])
        verdict = "pass" if a["passed"] is True else ("fail" if a["passed"] is False else a["status"])
        rows.append(
            [
                str(a["attempt"]),
                str(a["date"]),
                str(a["blueprint"]),
                str(a["mode"]),
                score,
                scaled,
                str(verdict),
            ]
        )
    return rows


NO_TREND = "No full-length timed attempt yet, so no trend (short and practice attempts are not in it)."


def trend_line(t: Trend) -> str:
    sign = "+" if t.change >= 0 else ""
    return (
        f"{t.blueprint}: {t.attempts} attempt(s), first {t.first}, last {t.last}, best {t.best} "
        f"({sign}{t.change} since the first)"
    )
