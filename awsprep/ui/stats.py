"""`awsprep stats` drawn: rich (bars and a block-character heatmap that stay readable without colour and
at 80 columns) or plain lines with the same numbers. Nothing here computes a figure."""

from __future__ import annotations

import io
import math
from datetime import date, timedelta
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from awsprep.study.ports import AttemptInfo
from awsprep.study.stats import Calendar, DomainMastery, FutureDue, Rate, Stats, attempt_json
from awsprep.ui.exam_report import NO_TREND, history_rows, trend_line
from awsprep.ui.text import bar, literal, plain

SPARKS = " ▁▂▃▄▅▆▇█"
SHADES = "░▒▓█"  # heatmap levels 1-4; a missed day is MISSED, a day before studying began is blank
MISSED = "·"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CHART_HEIGHT = 6


def pct(share: float | None) -> str:
    return "-" if share is None else f"{share:.1%}"


def rate(r: Rate) -> str:
    return f"{pct(r.share)} ({r.passed}/{r.total})" if r.total else "-"


def levels(m: DomainMastery, which: str) -> str:
    c = m.cards if which == "cards" else m.questions
    return f"{c['new']}/{c['learning']}/{c['mature']}"


def future_summary(f: FutureDue) -> list[str]:
    lines = [
        f"Overdue {f.overdue} · due today {f.per_day[0] if f.per_day else 0} · tomorrow {f.tomorrow}",
        f"{f.total} due in {len(f.per_day)} days with the overdue ({f.average:.1f} a day) · "
        f"daily load {f.daily_load}",
    ]
    if f.plan_exam is not None:
        lines.append(
            f"Exam-date plan to {f.plan_exam.isoformat()}: today's review asks {f.plan_today} card(s); "
            "the due dates above are the scheduler's own, which the plan skips when exam day does not "
            "need the review."
        )
    return lines


def streak_summary(c: Calendar) -> list[str]:
    end = f" (ended {c.longest_end.isoformat()})" if c.longest_end and c.longest_streak else ""
    total = sum(n for _, n in c.days)
    return [
        f"Current streak {c.current_streak} day(s) · longest streak {c.longest_streak} day(s){end}",
        f"{c.active_days} of the last {len(c.days)} days studied, {c.missed_days} missed; {total} reviews",
    ]


def heat_level(n: int, top: int) -> int:
    """1-4 for a day with answers: its quarter of the busiest day shown."""
    return max(1, min(4, math.ceil(4 * n / top))) if n and top else 0


def heat_legend(top: int) -> str:
    if not top:
        return f"{MISSED} missed"
    bounds = [math.ceil(top * k / 4) for k in range(5)]
    parts = [f"{MISSED} missed"]
    for k in range(1, 5):
        lo, hi = bounds[k - 1] + 1, bounds[k]
        if lo <= hi:
            parts.append(f"{SHADES[k - 1]} {lo}-{hi}" if lo != hi else f"{SHADES[k - 1]} {hi}")
    return "  ".join(parts) + " reviews"


def _month_labels(start: date, weeks: int, cell: int) -> str:
    """Month names above the week in which each month begins (where they fit)."""
    head = [" "] * (weeks * cell)
    for w in range(weeks):
        week = [start + timedelta(days=7 * w + i) for i in range(7)]
        first = next((d for d in week if d.day == 1), week[-1] if w == 0 else None)
        if first is None:
            continue
        label, at = first.strftime("%b"), w * cell
        if at + len(label) <= len(head) and all(h == " " for h in head[max(0, at - 1) : at + len(label)]):
            head[at : at + len(label)] = list(label)
    return "".join(head)


def heatmap(c: Calendar, width: int = 76) -> Text:
    """Weeks as columns (Monday first), weekdays as rows, month names above; two columns per week when
    they fit in `width`, else one."""
    days = c.days
    top = max((n for _, n in days), default=0)
    counts = dict(days)
    start = c.first - timedelta(days=c.first.weekday())
    weeks = (c.today - start).days // 7 + 1
    cell = 2 if 4 + 2 * weeks <= width else 1
    if 4 + weeks > width:  # a long --days: the latest weeks that fit (plain and --json have them all)
        start += timedelta(days=7 * (weeks - (width - 4)))
        weeks = width - 4
    out = Text("    " + _month_labels(start, weeks, cell).rstrip() + "\n")
    styles = ("green4", "green3", "green1", "bold bright_green")
    for wd in range(7):
        out.append(f"{WEEKDAYS[wd]} ")
        for w in range(weeks):
            d = start + timedelta(days=7 * w + wd)
            pad = " " * (cell - 1)
            if d < c.first or d > c.today:  # before the days shown, or after today
                out.append(" " * cell)
            elif c.missed(d):
                out.append(MISSED + pad, style="red")
            elif counts.get(d):
                k = heat_level(counts[d], top)
                out.append(SHADES[k - 1] + pad, style=styles[k - 1])
            else:
                out.append(" " * cell)
        out.append("\n")
    out.append(heat_legend(top), style="dim")
    return out


def column_chart(values: tuple[int, ...], height: int = CHART_HEIGHT) -> Text:
    """Vertical bars, two columns per value, eighth blocks at the top, a scale on the left."""
    top = max(values, default=0)
    out = Text()
    width = len(str(top))
    for row in range(height, 0, -1):
        label = str(top) if row == height and top else ("0" if row == 1 and not top else "")
        out.append(f"{label:>{width}} ")
        for v in values:
            eighths = round(8 * height * v / top) if top else 0
            fill = max(0, min(8, eighths - 8 * (row - 1)))
            cell = SPARKS[fill] if fill else ("▁" if row == 1 and v else " ")
            out.append(cell + " ", style="cyan")
        out.append("\n")
    return out


def future_axis(today: date, n: int, pad: int) -> str:
    marks = [" "] * (2 * n)
    for i in range(0, n, 7):
        label = (today + timedelta(days=i)).strftime("%d")
        marks[2 * i : 2 * i + 2] = list(label)
    return " " * pad + "".join(marks)


def _attempt_row(a: AttemptInfo, s: Stats) -> list[str]:
    """#, date, blueprint, mode, score, scaled, result: the columns of `exam history`."""
    row = history_rows([attempt_json(a, s.blueprints)])[0]
    return [f"#{row[0]}", *row[1:]]


# the narrowest window the charts and the mastery table are readable in (30 days of bars in a panel)
DRAWN_WIDTH = 68


def seconds_text(seconds: float) -> str:
    """A median answer time as precise as the store keeps it: tenths under 10 s, whole seconds above
    (the response-time buckets are 1 s wide from 10 s on: "30", not "30.0")."""
    return f"{seconds:.1f}" if seconds < 10 else f"{seconds:.0f}"


def rich_stats(console: Console, s: Stats) -> None:
    if console.width < DRAWN_WIDTH:  # a narrow window: the plain lines, wrapped between words
        lines = io.StringIO()
        plain_stats(lines, s)
        for line in lines.getvalue().splitlines():
            console.print(Text(line))
        return
    f = s.future
    top = max(f.per_day, default=0)
    chart = column_chart(f.per_day)
    chart.append(future_axis(s.today, len(f.per_day), len(str(top)) + 1) + "\n", style="dim")
    chart.append("\n".join(future_summary(f)))
    console.print(Panel(chart, title=f"Future due: the next {len(f.per_day)} days", border_style="cyan"))

    cal = Group(heatmap(s.calendar), *(Text(line) for line in streak_summary(s.calendar)))
    title = f"Reviews per day: the last {len(s.calendar.days)} days"
    console.print(Panel(cal, title=title, border_style="cyan"))

    ret = Table("window", "young", "mature", "all", box=None, title="True retention (reviews passed)")
    for r in s.retention:
        ret.add_row(f"last {r.window}", rate(r.young), rate(r.mature), rate(r.all))
    console.print(ret)

    if s.blueprint is not None:
        title = f"Mastery per {s.blueprint.code} domain, weakest first"
        caption = "cards and questions as new/learning/mature; mature: share of cards at 21+ days"
        dom = Table(box=None, title=title, caption=caption, padding=(0, 1), pad_edge=False)
        dom.add_column("domain", ratio=1, overflow="fold")  # long names wrap: the whole name stays readable
        for name in ("cards", "questions", "mature", "accuracy", "recall"):
            dom.add_column(name, no_wrap=True, justify="left" if name == "mature" else "right")
        for m in s.domains:
            share = m.mature_share
            row: list[RenderableType] = [
                plain(m.name),
                levels(m, "cards"),
                levels(m, "questions"),
                Text(bar(share, 6) + f" {share:.0%}"),
                pct(m.answered.share),
                pct(m.recall),
            ]
            dom.add_row(*row)
        console.print(dom)

    t = s.times
    if t.medians:
        times = Table("card type", "median s/answer", "answers", box=None, title="Answer time")
        for kind, med in t.medians.items():
            times.add_row(kind, seconds_text(med), str(t.answers[kind]))
        console.print(times)
    else:
        console.print(plain("Answer time: no answers yet", "bold"))
    days = min(70, console.width, len(t.minutes))  # one line of its own: a spark never wraps
    console.print(plain(f"Minutes per day, the last {days} days:"))
    console.print(minutes_spark(s, days))
    console.print(plain(minutes_line(s)))

    console.print(plain("Mock exams", "bold"))
    for line in exam_lines(s):
        console.print(plain(line))


def minutes_spark(s: Stats, width: int = 70) -> Text:
    """One character a day: eighth blocks by minutes (a studied day shows at least ▁), · a missed day."""
    days = s.times.minutes[-width:]
    peak = max((m for _, m in days), default=0.0)
    out = Text()
    for d, m in days:
        if s.calendar.missed(d):
            out.append(MISSED, style="red")
        elif s.calendar.counts.get(d):
            out.append(SPARKS[max(1, round(8 * m / peak)) if peak else 1], style="cyan")
        else:
            out.append(" ")
    return out


def minutes_line(s: Stats) -> str:
    t = s.times
    avg = "-" if t.average_minutes is None else f"{t.average_minutes:.1f}"
    return f"{t.total_minutes:.1f} minutes in the last {len(t.minutes)} days; {avg} a day on days studied"


def exam_lines(s: Stats) -> list[str]:
    e = s.exams
    if not e.full_length and not e.other:
        return ["No mock exams yet; awsprep exam starts one."]
    lines = ["Scaled-score trend of full-length timed attempts:"] if e.trends else [NO_TREND]
    lines += [f"  {trend_line(tr)}" for tr in e.trends]
    for a in e.full_length:
        bp = s.blueprints[a.blueprint]
        share = ((a.scaled_score or 100) - 100) / 900
        mark = f"pass {bp.pass_mark}"
        lines.append(
            f"  {' '.join(_attempt_row(a, s)[:2])} [{bar(share, 20, '#', '.')}] {a.scaled_score} ({mark})"
        )
    if e.other:
        lines.append("Short, untimed or unfinished attempts (not in the trend):")
        lines += ["  " + " ".join(_attempt_row(a, s)) for a in e.other]
    return lines


def plain_stats(out: TextIO, s: Stats) -> None:
    def say(text: str = "") -> None:
        out.write(literal(text) + "\n")

    f = s.future
    say(f"=== Future due, the next {len(f.per_day)} days")
    for line in future_summary(f):
        say(line)
    for i, n in enumerate(f.per_day):
        say(f"  {(s.today + timedelta(days=i)).isoformat()}  {n}")
    say(f"=== Reviews per day, the last {len(s.calendar.days)} days")
    for line in streak_summary(s.calendar):
        say(line)
    minutes = dict(s.times.minutes)
    for d, n in s.calendar.days:
        mark = "  missed" if s.calendar.missed(d) else ""
        say(f"  {d.isoformat()} {d.strftime('%a')}  {n:4d} reviews  {minutes.get(d, 0.0):6.1f} min{mark}")
    say("=== True retention (reviews passed): young / mature / all")
    for r in s.retention:
        say(f"  last {r.window}: {rate(r.young)} / {rate(r.mature)} / {rate(r.all)}")
    if s.blueprint is not None:
        say(f"=== Mastery per {s.blueprint.code} domain, weakest first (new/learning/mature)")
        for m in s.domains:
            say(
                f"  {m.name}: cards {levels(m, 'cards')}, questions {levels(m, 'questions')}, "
                f"mature {m.mature_share:.0%}, question accuracy {rate(m.answered)}, "
                f"predicted recall {pct(m.recall)}"
            )
    say("=== Answer time")
    for kind, med in s.times.medians.items():
        say(f"  {kind}: median {seconds_text(med)} s over {s.times.answers[kind]} answers")
    say("  " + minutes_line(s))
    say("=== Mock exams")
    for line in exam_lines(s):
        say(line)
    out.flush()
