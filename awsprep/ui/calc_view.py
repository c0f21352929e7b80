"""A calculator's result on screen: a boxed table of figures, the worked steps, dim footer lines.

What is printed is rich's rendering (`rich_render`: two `rich.table.Table`s and dim `Text` lines, markup
off). `render` prints the same characters without importing rich when the console is a simple one: not
Windows or Jupyter, UTF-8, none of FORCE_COLOR / NO_COLOR / TTY_COMPATIBLE / TTY_INTERACTIVE, not a
dumb terminal, text of printable ASCII (and the ±), a width that leaves each column room. `layout`
follows rich's own steps for that case (column widths measured, the widest column narrowed first,
words wrapped, an over-long word cut with an ellipsis, bold / dim as SGR codes on a terminal);
anything else goes to rich. Importing rich's console and table was a fifth to a quarter of a calc
command's start-up (docs/performance.md, fourth round); tests/test_calc_view.py holds the two
renderings side by side.
"""

from __future__ import annotations

import builtins
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

Rows = Sequence[tuple[str, str]]
Styler = Callable[[str, str | None], str]  # text and SGR code (or None) -> what the console writes

_BOLD, _DIM = "1", "2"
_WORD = re.compile(r"\s*\S+\s*")
# characters one cell wide that rich measures and wraps the same way (the only space among them: " ")
_SIMPLE = frozenset(map(chr, range(0x20, 0x7F))) | {"±"}
_RICH_SETTINGS = ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def render(title: str, rows: Rows, steps: Iterable[str], footer: Sequence[str] = ()) -> None:
    """Print the figures, the worked steps and the footer lines on stdout."""
    steps = list(steps)
    console = plain_console()
    text = None if console is None else layout(title, rows, steps, footer, *console)
    if text is None:
        rich_render(title, rows, steps, footer)
        return
    out = sys.stdout
    out.write(text)
    out.flush()


def rich_render(
    title: str, rows: Rows, steps: Sequence[str], footer: Sequence[str] = (), console: Console | None = None
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console(markup=False, highlight=False, emoji=False)
    table = Table(title=Text(title), show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("value", justify="right")
    for name, value in rows:
        table.add_row(Text(name), Text(value))
    console.print(table)
    work = Table(title=Text("Worked steps"), show_header=False, title_justify="left", box=None)
    work.add_column("#", justify="right", style="dim")
    work.add_column("step")
    for number, step in enumerate(steps, 1):
        work.add_row(Text(str(number)), Text(step))
    console.print(work)
    for line in footer:
        console.print(Text(line, style="dim"))


def plain_console(out: IO[str] | None = None) -> tuple[int, bool] | None:
    """(width, terminal) as rich's Console would settle them for stdout, or None for the cases where
    rich decides by more than that (see the module's docstring)."""
    env = os.environ
    if sys.platform == "win32" or hasattr(builtins, "get_ipython") or "idlelib" in sys.modules:
        return None
    if any(name in env for name in _RICH_SETTINGS):
        return None
    out = sys.stdout if out is None else out
    if out is None or hasattr(out, "rich_proxied_file"):
        return None
    if not (getattr(out, "encoding", "utf-8") or "utf-8").lower().startswith("utf"):
        return None
    isatty = getattr(out, "isatty", None)
    try:
        terminal = False if isatty is None else bool(isatty())
    except ValueError:
        terminal = False
    if terminal and env.get("TERM", "").lower() in ("dumb", "unknown"):
        return None
    columns = env.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns), terminal
    width = None
    for descriptor in (0, 1, 2):
        try:
            width, _ = os.get_terminal_size(descriptor)
        except (AttributeError, ValueError, OSError):
            continue
        break
    return width or 80, terminal


# --- the layout, step by step as rich does it ----------------------------------------------------


def layout(
    title: str, rows: Rows, steps: Sequence[str], footer: Sequence[str], width: int, terminal: bool
) -> str | None:
    """The text rich prints for these tables at this width (with SGR codes on a terminal), or None
    when the case is not one this layout follows."""
    texts = [title, *(t for row in rows for t in row), *steps, *footer]
    if width < 20 or not rows or not steps or not all(_SIMPLE.issuperset(t) for t in texts):
        return None
    style = _styler(terminal)
    figures = _table(title, [[name for name, _ in rows], [value for _, value in rows]], width, True, style)
    numbers = [str(n) for n in range(1, len(steps) + 1)]
    worked = _table("Worked steps", [numbers, list(steps)], width, False, style)
    if figures is None or worked is None:
        return None
    out = figures + worked
    for line in footer:
        out += [style(part, _DIM) for part in _wrap(line, width, "default", "fold")]
    return "".join(f"{line}\n" for line in out)


def _styler(terminal: bool) -> Styler:
    def style(text: str, sgr: str | None) -> str:
        return f"\x1b[{sgr}m{text}\x1b[0m" if terminal and sgr and text else text

    return style


# (justify, style) of the two columns: the figures table's names are bold, the steps' numbers dim.
_FIGURES = (("left", _BOLD), ("right", None))
_STEPS = (("right", _DIM), ("left", None))


def _table(title: str, columns: list[list[str]], width: int, boxed: bool, style: Styler) -> list[str] | None:
    extra = 3 if boxed else 0  # the two edges and the divider of a boxed two-column table
    widths = _column_widths(columns, width - extra)
    if widths is None:
        return None
    table_width = sum(widths) + extra
    lines = _wrap(title, table_width, "left", "fold")
    if boxed:
        lines.append("┌" + "┬".join("─" * w for w in widths) + "┐")
    shapes = _FIGURES if boxed else _STEPS
    for row in zip(*columns, strict=True):
        cells = [
            _cell(text, w, justify, sgr, style)
            for text, w, (justify, sgr) in zip(row, widths, shapes, strict=True)
        ]
        height = max(len(c) for c in cells)
        for cell, w, (_, sgr) in zip(cells, widths, shapes, strict=True):
            cell += [style(" " * w, sgr)] * (height - len(cell))  # a shorter cell: blank lines below
        for parts in zip(*cells, strict=True):
            lines.append("│" + "│".join(parts) + "│" if boxed else "".join(parts))
    if boxed:
        lines.append("└" + "┴".join("─" * w for w in widths) + "┘")
    return lines


def _cell(text: str, width: int, justify: str, sgr: str | None, style: Styler) -> list[str]:
    """A cell's lines: the text wrapped in the width less its padding, one space each side."""
    pad = style(" ", sgr)
    return [pad + style(part, sgr) + pad for part in _wrap(text, width - 2, justify, "ellipsis")]


def _column_widths(columns: list[list[str]], max_width: int) -> list[int] | None:
    """Each column's width with its padding (one space each side): rich's Table._calculate_column_widths
    for columns of one-line texts, none of fixed width."""
    if max_width < 3:
        return None
    widths = [min(max(len(t) for t in column) + 2, max_width) for column in columns]
    if sum(widths) > max_width:
        widths = _collapse(widths, max_width)
        if sum(widths) > max_width:
            widths = _ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
    return widths if min(widths) >= 3 else None


def _collapse(widths: list[int], max_width: int) -> list[int]:
    """Narrow the widest columns first until the total fits (rich's Table._collapse_widths)."""
    total = sum(widths)
    excess = total - max_width
    while total and excess > 0:
        widest = max(widths)
        second = max(w if w != widest else 0 for w in widths)
        difference = widest - second
        ratios = [1 if w == widest else 0 for w in widths]
        if not difference:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        total = sum(widths)
        excess = total - max_width
    return widths


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """rich._ratio.ratio_reduce: take `total` off `values` in proportion to `ratios`, at most `maximums`."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(most, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _wrap(text: str, width: int, justify: str, overflow: str) -> list[str]:
    """rich's Text.wrap of one line of one-cell characters: break between words, then justify and cut."""
    lines = _divide(text, width, fold=overflow == "fold")
    out = []
    for line in lines:
        if len(line) > width:  # Text.rstrip_end: drop spaces past the width
            line = line[: len(line) - min(len(line) - len(line.rstrip()), len(line) - width)]
        if justify == "right":
            line = _truncate(line.rstrip(), width, overflow)
            line = " " * (width - len(line)) + line
        elif justify == "left":
            line = _truncate(line, width, overflow)
            line += " " * (width - len(line))
        out.append(_truncate(line, width, overflow))
    return out


def _truncate(line: str, width: int, overflow: str) -> str:
    if len(line) <= width:
        return line
    return line[: width - 1] + "…" if overflow == "ellipsis" else line[:width]


def _divide(text: str, width: int, fold: bool) -> list[str]:
    """rich._wrap.divide_line (one cell per character), returning the pieces instead of the offsets."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:
                chunks = [word[i : i + width] for i in range(0, len(word), width)]
                for number, chunk in enumerate(chunks, 1):
                    if start:
                        breaks.append(start)
                    if number == len(chunks):
                        offset = len(chunk)
                    else:
                        start += len(chunk)
            else:
                if start:
                    breaks.append(start)
                offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    bounds = [0, *breaks, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]
