"""Card text is data: make it safe to print, then render it as Markdown (never as console markup).
rich is imported when something is rendered, so the plain faces never load it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from awsprep.ui.escape import literal

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

__all__ = ["bar", "literal", "markdown", "plain"]


def markdown(text: str) -> RenderableType:
    """The card's Markdown, rendered; control characters shown, console markup never interpreted."""
    from rich.markdown import Markdown

    return Markdown(literal(text), hyperlinks=False)


def marked(text: str, spans: tuple[tuple[int, int], ...], before: str, after: str) -> str:
    """`text` with `before` and `after` around each span: a cloze answer's hidden words picked out."""
    out, at = [], 0
    for start, end in sorted(spans):
        out += [text[at:start], before, text[start:end], after]
        at = end
    return "".join(out) + text[at:]


def plain(text: str, style: str = "") -> Text:
    """A line of card text shown exactly as written."""
    from rich.text import Text

    return Text(literal(text), style=style)


def bar(share: float, width: int = 20, full: str = "█", empty: str = "░") -> str:
    """A bar of block characters: it stays visible without colour (NO_COLOR, dumb terminals)."""
    k = round(max(0.0, min(1.0, share)) * width)
    return full * k + empty * (width - k)


def counted(n: int, noun: str) -> str:
    """'1 file', '2 files': a count with its noun in the right number (English plural by -s)."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
