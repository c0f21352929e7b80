"""Rendering `awsprep ready`: a table per domain, the pass probability and the advice."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from awsprep.study.ready import DomainReadiness, Readiness

# below this many columns the table's headers and names are cut; each domain becomes a sentence
NARROW = 72


def _mocks(d: DomainReadiness) -> str:
    return "-" if d.mock_share is None else f"{d.mock_share:.0%} of {d.mock_answers:.0f}"


def render(result: Readiness, console: Console | None = None) -> None:
    out = console or Console(highlight=False)
    out.print(
        f"{result.blueprint.upper()} on {result.on.isoformat()} ({result.answers} graded answers)",
        markup=False,
    )
    if out.width < NARROW:  # a narrow window: one sentence per domain instead of squeezed columns
        for d in result.domains:
            out.print(
                Text(
                    f"{d.name} ({d.weight:.0%}): {d.cards} cards, {d.studied} studied; predicted "
                    f"{d.predicted_share:.0%}, mocks {_mocks(d)}, expected {d.expected_share:.0%}"
                )
            )
    else:
        table = Table("domain", "weight", "cards", "studied", "predicted", "mocks", "expected", box=None)
        for d in result.domains:
            table.add_row(
                d.name,
                f"{d.weight:.0%}",
                str(d.cards),
                str(d.studied),
                f"{d.predicted_share:.0%}",
                _mocks(d),
                f"{d.expected_share:.0%}",
            )
        out.print(table)
    if not result.enough:
        out.print(result.missing, markup=False)
        return
    assert result.pass_probability is not None and result.interval is not None
    lo, hi = result.interval
    params = "fitted to your history" if result.fitted_parameters else "default FSRS-6 parameters"
    out.print(
        f"Pass probability: {result.pass_probability:.0%} (80% interval {lo:.0%}-{hi:.0%}; {params}).",
        markup=False,
    )
    out.print(result.advice, markup=False)
