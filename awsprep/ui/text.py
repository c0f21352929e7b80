"""Card text is data: make it safe to print, then render it as Markdown (never as console markup)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.markdown import Markdown
from rich.text import Text

from awsprep.ui.escape import literal

__all__ = ["bar", "literal", "markdown", "plain"]


def markdown(text: str) -> RenderableType:
    """The card's Markdown, rendered; control characters shown, console markup never interpreted."""
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
    return Text(literal(text), style=style)


def bar(share: float, width: int = 20, full: str = "█", empty: str = "░") -> str:
    """A bar of block characters: it stays visible without colour (NO_COLOR, dumb terminals)."""
    k = round(max(0.0, min(1.0, share)) * width)
    return full * k + empty * (width - k)
