"""Review that teaches: new cards in a sensible order, `--new N` as N more today, limits per deck."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from awsprep.cli.main import app
from tests.conftest import ROOT, SMALL_BANK, basic_cards

# The order and limits of new cards hold under SM-2 and under FSRS (the `scheduler` fixture).
scheduled = pytest.mark.usefixtures("scheduler")


def _write(env, name: str, body: str, deck: str = "test") -> None:
    path = Path(env["AWSPREP_BANK"]) / name
    path.write_text(SMALL_BANK.replace("deck: test", f"deck: {deck}").format(cards=body), encoding="utf-8")


def _mcq(prefix: str, n: int) -> str:
    return "\n".join(
        f"  - {{id: {prefix}{i}, type: mcq, question: 'Question {prefix}{i}?',"
        " options: [a, b, c, d], correct: [0]}"
        for i in range(n)
    )


def _new_order(runner, *args: str) -> list[str]:
    res = runner.invoke(app, ["cards", "list", "--state", "new", *args])
    assert res.exit_code == 0, res.output
    return [line.split("\t")[0] for line in res.stdout.splitlines()]


def _shown(output: str) -> list[str]:
    return re.findall(r"--- Card \d+ of \d+ \[\w+\] (\S+)", output)


@scheduled
def test_starter_first_then_one_type_after_another(env, runner):
    _write(env, "a-questions.yaml", _mcq("qa", 6))
    _write(env, "b-questions.yaml", _mcq("qb", 6))
    _write(env, "notes.yaml", basic_cards(4, prefix="n"))
    _write(env, "starter.yaml", basic_cards(2, prefix="s"))
    order = _new_order(runner)
    assert order[:2] == ["s000", "s001"]  # the starter deck's foundations, as written
    types = [("mcq" if cid.startswith("q") else "basic") for cid in order[2:10]]
    assert types == ["basic", "mcq"] * 4  # a note, a question, in turn...
    assert order[3] == "qa0" and order[5] == "qb0"  # ...the questions drawn from each file in turn
    res = runner.invoke(app, ["review", "--plain", "--new", "4"], input="q\n")
    assert _shown(res.output)[0] == "s000"


@scheduled
def test_bundled_bank_first_day_is_a_mix_starting_from_the_starter(env, runner, monkeypatch):
    monkeypatch.setenv("AWSPREP_BANK", str(ROOT / "content" / "bank"))
    res = runner.invoke(app, ["cards", "list", "--state", "new", "--deck", "dva-c02"])
    lines = [line.split("\t") for line in res.stdout.splitlines()]
    assert all(cid.startswith("start-") for cid, *_ in lines[:28])
    after = "".join(t[0] for _, t, *_ in lines[28:88])
    assert set(after) >= {"b", "c", "m", "n"} and "mmm" not in after


@scheduled
def test_new_n_means_n_more_today(env, runner):
    _write(env, "notes.yaml", basic_cards(12))
    runner.invoke(app, ["settings", "new-per-day", "3"])
    first = runner.invoke(app, ["review", "--plain"], input="\n5\n" * 3)
    assert "Card 1 of 3" in first.output
    again = runner.invoke(app, ["review", "--plain"], input="q\n")
    assert "Nothing is due today" in again.output  # the day's three are done
    more = runner.invoke(app, ["review", "--plain", "--new", "2"], input="q\n")
    assert "Card 1 of 2" in more.output  # two more, although the day's limit is reached


@scheduled
def test_each_deck_has_its_own_new_limit_and_a_total_cap(env, runner):
    _write(env, "bundled.yaml", basic_cards(10, prefix="b"), deck="alpha")
    _write(env, "imported.yaml", basic_cards(10, prefix="i"), deck="beta")
    runner.invoke(app, ["settings", "active-decks", "all"])
    runner.invoke(app, ["settings", "new-per-day", "3"])
    runner.invoke(app, ["settings", "new-total-per-day", "5"])
    first = runner.invoke(app, ["review", "--plain"], input="\n5\n" * 10)
    shown = _shown(first.output)
    assert len(shown) == 5  # the total cap
    assert shown[:2] == ["b000", "i000"]  # the decks take turns
    runner.invoke(app, ["settings", "new-total-per-day", "40"])
    second = runner.invoke(app, ["review", "--plain"], input="\n5\n" * 10)
    later = _shown(second.output)
    # each deck gives three a day: the one it still has left, and none eats the other's
    assert sorted(cid[0] for cid in shown + later) == ["b"] * 3 + ["i"] * 3


CLOZE = (
    "  - {id: z1, type: cloze,"
    " text: 'A Lambda invocation runs at most {{900 seconds}}; the default is {{3 seconds}}.'}"
)


@scheduled
def test_cloze_answer_marks_the_hidden_words_in_the_sentence(env, runner):
    _write(env, "notes.yaml", CLOZE)
    res = runner.invoke(app, ["review", "--plain"], input="\n5\n")
    assert "Q: A Lambda invocation runs at most [...]; the default is [...]." in res.output
    assert "A: A Lambda invocation runs at most [900 seconds]; the default is [3 seconds]." in res.output


def test_cloze_answer_is_bold_on_the_rich_screen():
    import io

    from rich.console import Console

    from awsprep.bank.models import ClozeCard
    from awsprep.question import ask
    from awsprep.ui.rich_terminal import RichTerminal

    card = ClozeCard(id="z", deck="d", text="Memory goes from {{128 MB}} to {{10,240 MB}}.")
    out = io.StringIO()
    term = RichTerminal(Console(file=out, force_terminal=True, no_color=True, width=80), io.StringIO())
    term.show_answer(ask(card, random.Random(0)))
    text = out.getvalue()
    assert "\x1b[1m128 MB" in text and "\x1b[1m10,240 MB" in text  # bold, with NO_COLOR too
    assert "Memory goes from" in text and "**" not in text


def test_first_start_progress_stays_out_of_pipes(env, runner):
    _write(env, "notes.yaml", basic_cards(3))
    first = runner.invoke(app, ["review", "--plain"], input="q\n")
    assert first.exit_code == 0, first.output
    assert "First start" not in first.stderr  # stderr of a script is for errors only


@pytest.mark.slow
def test_first_start_progress_in_a_terminal(env):
    import pexpect

    from tests.conftest import PYTHON, subprocess_env

    _write(env, "notes.yaml", basic_cards(3))
    child = pexpect.spawn(
        PYTHON,
        ["-m", "awsprep", "cards", "list"],
        env=subprocess_env(env) | {"TERM": "xterm"},
        cwd=str(ROOT),
        encoding="utf-8",
        dimensions=(24, 80),
        timeout=30,
    )
    child.expect("First start: loading the card bank: setting up the database")
    child.expect("First start: loading the card bank: file 1 of 1")
    child.expect("First start: loading the card bank: 3 cards ready.")
    child.expect(pexpect.EOF)
