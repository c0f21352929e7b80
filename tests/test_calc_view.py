"""ui/calc_view: the calculators' tables printed without rich are the characters rich prints."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from awsprep.ui import calc_view

ROOT = Path(__file__).resolve().parent.parent


def _by_rich(
    title: str, rows: list[tuple[str, str]], steps: list[str], footer: list[str], width: int, terminal: bool
) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=terminal,
        color_system="standard" if terminal else None,
        markup=False,
        highlight=False,
        emoji=False,
        _environ={},
    )
    calc_view.rich_render(title, rows, steps, footer, console=console)
    return out.getvalue()


# Words short and long (a long one is folded or cut with an ellipsis), spaced by one or two spaces.
_word = st.text(alphabet="abcxyz019$.,:/=±", min_size=1, max_size=40).filter(lambda w: w.strip() != "")
_line = st.lists(st.tuples(_word, st.sampled_from([" ", "  "])), min_size=1, max_size=14).map(
    lambda parts: "".join(w + s for w, s in parts).strip()
)


@settings(max_examples=300, deadline=None)
@given(
    title=_line,
    rows=st.lists(st.tuples(_line, _line), min_size=1, max_size=6),
    steps=st.lists(_line, min_size=1, max_size=12),
    footer=st.lists(_line, max_size=2),
    width=st.integers(min_value=20, max_value=200),
    terminal=st.booleans(),
)
def test_layout_is_what_rich_prints(
    title: str,
    rows: list[tuple[str, str]],
    steps: list[str],
    footer: list[str],
    width: int,
    terminal: bool,
) -> None:
    text = calc_view.layout(title, rows, steps, footer, width, terminal)
    if text is not None:
        assert text == _by_rich(title, rows, steps, footer, width, terminal)


def test_a_calculator_result_is_laid_out_without_rich_at_usual_widths() -> None:
    rows = [("item size", "3 KB (3,072 bytes)"), ("tolerance", "± 0.5"), ("cost for 730 h", "$149.94")]
    steps = ["item size 3 KB / 4 KB = 0.75, rounded up to 1 read unit per read", "= 80 RCU"] * 4
    footer = ["Prices checked 2026-11-22: https://example.com/a/very/long/address/of/the/price/page"]
    for width in (40, 60, 80, 100, 132, 200):
        for terminal in (False, True):
            text = calc_view.layout("DynamoDB capacity, us-east-1", rows, steps, footer, width, terminal)
            assert text is not None, (width, terminal)
            assert text == _by_rich("DynamoDB capacity, us-east-1", rows, steps, footer, width, terminal)


def test_other_text_and_narrow_widths_are_left_to_rich() -> None:
    rows = [("a", "b")]
    assert calc_view.layout("t", rows, ["s"], [], 19, False) is None
    assert calc_view.layout("t", rows, ["wide 漢字"], [], 80, False) is None
    assert calc_view.layout("t", rows, ["tab\there"], [], 80, False) is None
    assert calc_view.layout("t", rows, [], [], 80, False) is None


class _Out(io.StringIO):
    def __init__(self, tty: bool, encoding: str = "utf-8") -> None:
        super().__init__()
        self._tty, self._encoding = tty, encoding

    def isatty(self) -> bool:
        return self._tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize("env", [{"COLUMNS": "93"}, {"COLUMNS": "93", "TERM": "xterm-256color"}, {}])
def test_the_console_is_judged_as_rich_judges_it(
    monkeypatch: pytest.MonkeyPatch, tty: bool, env: dict[str, str]
) -> None:
    for name in ("COLUMNS", "TERM", "FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = _Out(tty)
    console = Console(file=out, markup=False, highlight=False, emoji=False)
    assert calc_view.plain_console(out) == (console.width, console.color_system is not None)


@pytest.mark.parametrize(
    "env, encoding",
    [
        ({"FORCE_COLOR": "1"}, "utf-8"),
        ({"NO_COLOR": "1"}, "utf-8"),
        ({"TTY_COMPATIBLE": "1"}, "utf-8"),
        ({"TERM": "dumb"}, "utf-8"),
        ({}, "ascii"),
    ],
)
def test_consoles_rich_judges_by_more_are_left_to_rich(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], encoding: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert calc_view.plain_console(_Out(True, encoding)) is None


def _calc(args: list[str], env: dict[str, str]) -> tuple[str, str]:
    """stdout of `awsprep calc ...` in a fresh process, and the rich modules it imported."""
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['awsprep', 'calc', *{args!r}]\n"
        "try:\n"
        "    runpy.run_module('awsprep', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
        "sys.stderr.write('RICH=' + ','.join(sorted(m for m in sys.modules if m.startswith('rich'))))\n"
    )
    full = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, proc.stderr.rsplit("RICH=", 1)[1]


@pytest.mark.parametrize(
    "args",
    [
        ["dynamodb", "--item-size", "3KB", "--reads", "80", "--writes", "100"],
        ["kinesis", "--records-per-sec", "3000", "--record-size", "1KB", "--consumers", "3"],
        ["question", "lambda-monthly-cost", "--seed", "5", "--answer"],
    ],
)
def test_a_calc_table_prints_rich_s_characters_without_importing_rich(args: list[str]) -> None:
    fast, loaded = _calc(args, {"COLUMNS": "72"})
    assert loaded == ""
    # TTY_INTERACTIVE changes nothing rich prints here, but hands the printing to rich
    by_rich, loaded = _calc(args, {"COLUMNS": "72", "TTY_INTERACTIVE": "0"})
    assert "rich.table" in loaded
    assert fast == by_rich
