"""The bundled exam-style question banks meet the standard of issue 14: spread over the blueprint's
domains by weight, every option explained, an AWS reference, enough multiple-response and
cost/overhead questions, and no answer cues (the longest option, absolute words)."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from awsprep.bank.io import load_bank
from awsprep.bank.models import McqCard
from awsprep.cli.main import app
from awsprep.exam.blueprint import load_blueprints
from tests.conftest import ROOT
from tests.test_bank import AWS_REF

BLUEPRINTS = load_blueprints(sorted((ROOT / "content" / "exams").glob("*.yaml")))
#: Decks held to the full standard. A deck joins once its bank is written to it.
STRICT = ("clf-c02",)
ABSOLUTE = re.compile(r"\b(?:always|never|only|all|cannot)\b", re.IGNORECASE)
QUALIFIER = re.compile(
    r"MOST cost-effective|MOST operationally efficient|LEAST operational overhead|"
    r"LEAST [\w ]{0,30}?(?:effort|overhead|management|code|work)\b|LOWEST (?:cost|effort)"
)


def questions(deck: str) -> list[McqCard]:
    cards = load_bank([ROOT / "content" / "bank" / "questions"])
    return [c for c in cards if isinstance(c, McqCard) and c.deck == deck and c.id.startswith("q-")]


@pytest.mark.parametrize("deck", STRICT)
def test_every_option_is_explained_and_every_question_cites_aws(deck) -> None:
    qs = questions(deck)
    for q in qs:
        lines = [ln for ln in q.explanation.splitlines() if ln.startswith(("Correct:", "Wrong:"))]
        assert len(lines) == len(q.options), f"{q.id}: {len(lines)} verdicts for {len(q.options)} options"
        assert sum(ln.startswith("Correct:") for ln in lines) == len(q.correct), q.id
        assert 4 <= len(q.options) <= 5 and len(q.correct) in (1, 2), q.id
        assert q.refs and all(AWS_REF.match(r) for r in q.refs), q.id
        if len(q.correct) > 1:
            assert "(Choose two.)" in " ".join(q.question.split()), q.id


@pytest.mark.parametrize("deck", STRICT)
def test_questions_spread_over_the_blueprint_by_weight(deck) -> None:
    bp = BLUEPRINTS[deck]
    qs = questions(deck)
    assert len(qs) >= 4 * bp.questions  # four full exams
    counts = Counter(q.domain for q in qs)
    assert set(counts) == set(bp.domain_keys)
    for d in bp.domains:
        share = counts[d.key] / len(qs)
        assert abs(share - d.weight) <= 0.03, f"{d.key}: {share:.1%} of questions, weight {d.weight:.0%}"


@pytest.mark.parametrize("deck", STRICT)
def test_exam_style_mix(deck) -> None:
    qs = questions(deck)
    multi = sum(len(q.correct) > 1 for q in qs)
    assert multi / len(qs) >= 0.15
    styled = sum(bool(QUALIFIER.search(q.question)) for q in qs)
    assert styled / len(qs) >= 0.25


@pytest.mark.parametrize("deck", STRICT)
def test_no_answer_cues(deck) -> None:
    qs = questions(deck)
    single = [q for q in qs if len(q.correct) == 1]
    longest = [
        q.id
        for q in single
        if sorted((len(o), i) for i, o in enumerate(q.options))[-1][1] == q.correct[0]
        and sorted(len(o) for o in q.options)[-2] < len(q.options[q.correct[0]])
    ]
    assert len(longest) / len(single) <= 0.30, longest
    positions = Counter(i for q in single for i in q.correct)
    assert max(positions.values()) / len(single) <= 0.40, positions
    options = [(i in q.correct, o) for q in qs for i, o in enumerate(q.options)]
    wrong_rate = sum(not ok for ok, _ in options) / len(options)
    absolute = [ok for ok, o in options if ABSOLUTE.search(o)]
    assert len(absolute) >= 20
    wrong_absolute = sum(not ok for ok in absolute) / len(absolute)
    assert abs(wrong_absolute - wrong_rate) <= 0.05, (wrong_absolute, wrong_rate)


@pytest.mark.parametrize("deck", STRICT)
def test_a_full_length_exam_runs_from_the_bundled_bank(env, runner, monkeypatch, deck) -> None:
    monkeypatch.setenv("AWSPREP_BANK", str(ROOT / "content" / "bank"))
    bp = BLUEPRINTS[deck]
    res = runner.invoke(app, ["exam", "-b", deck, "--plain", "--json", "--seed", "3"], input=":r\n:s\n")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["total"] == bp.questions
    drawn = {d["key"]: d["total"] for d in data["domains"]}
    assert sum(drawn.values()) == bp.questions
    for d in bp.domains:
        assert abs(drawn[d.key] - bp.questions * d.weight) < 1, (d.key, drawn)
