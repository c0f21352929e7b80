"""Rendering `awsprep ready`: a table per domain, the pass probability and the advice."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from awsprep.study.ready import Readiness


def render(result: Readiness, console: Console | None = None) -> None:
    out = console or Console(highlight=False)
    out.print(
        f"{result.blueprint.upper()} on {result.on.isoformat()} ({result.answers} graded answers)",
        markup=False,
    )
    table = Table("domain", "weight", "cards", "studied", "predicted", "mocks", "expected", box=None)
    for d in result.domains:
        table.add_row(
            d.name,
            f"{d.weight:.0%}",
            str(d.cards),
            str(d.studied),
            f"{d.predicted_share:.0%}",
            "-" if d.mock_share is None else f"{d.mock_share:.0%} of {d.mock_answers:.0f}",
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
