"""Numeric question generators and the templates in content/bank/numeric-templates.yaml."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from awsprep.bank.io import load_bank_file
from awsprep.bank.models import NumericCard
from awsprep.calc.errors import CalcError
from awsprep.calc.generators import GENERATORS, Problem, generate

TEMPLATES = Path(__file__).resolve().parent.parent / "content" / "bank" / "numeric-templates.yaml"


def _templates() -> list[NumericCard]:
    cards = load_bank_file(TEMPLATES)
    assert all(isinstance(c, NumericCard) and c.is_template for c in cards)
    return [c for c in cards if isinstance(c, NumericCard)]


def test_templates_cover_the_issue() -> None:
    cards = _templates()
    assert len(cards) >= 8
    used = {c.generator for c in cards}
    for name in (
        "dynamodb-rcu",
        "dynamodb-wcu",
        "dynamodb-query-rcu",
        "dynamodb-batch-get-rcu",
        "lambda-monthly-cost",
        "kinesis-shards",
    ):
        assert name in used
    arches = {str(c.params.get("arch")) for c in cards if c.generator == "lambda-monthly-cost"}
    assert {"x86_64", "arm64"} <= arches
    assert any(c.params.get("transactional") is True for c in cards)
    assert any(c.params.get("consistency") == "transactional" for c in cards)


@pytest.mark.parametrize("card", _templates(), ids=lambda c: c.id)
def test_every_template_generates_valid_problems(card: NumericCard) -> None:
    assert card.generator in GENERATORS
    questions = set()
    for seed in range(150):
        p = generate(card.generator or "", card.params, random.Random(seed))
        assert isinstance(p, Problem)
        assert p.question.strip() and "\n" not in p.question
        assert math.isfinite(p.answer) and p.answer >= 0
        assert p.tolerance >= 0
        assert p.unit == card.unit
        assert p.steps and all(isinstance(s, str) and s for s in p.steps)
        assert p.is_correct(p.answer)
        questions.add(p.question)
    assert len(questions) > 1, "a template should vary"


@pytest.mark.parametrize("card", _templates(), ids=lambda c: c.id)
def test_generation_is_deterministic_per_seed(card: NumericCard) -> None:
    for seed in (0, 1, 42, 2026):
        a = generate(card.generator or "", card.params, random.Random(seed))
        b = generate(card.generator or "", card.params, random.Random(seed))
        assert a == b


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_default_parameter_spaces_work(name: str) -> None:
    for seed in range(50):
        generate(name, {}, random.Random(seed))


def test_seed_example_as_a_question() -> None:
    p = generate("dynamodb-rcu", {"item_kb": 3, "reads": 80, "consistency": "eventual"}, random.Random(0))
    assert p.answer == 40 and p.unit == "RCU" and p.tolerance == 0
    assert "3 KB" in p.question and "80" in p.question
    assert not p.is_correct(80)


def test_query_versus_batch_get_questions() -> None:
    q = generate(
        "dynamodb-query-rcu", {"items": 1500, "item_bytes": 64, "consistency": "strong"}, random.Random(0)
    )
    assert q.answer == 24
    b = generate(
        "dynamodb-batch-get-rcu", {"items": 2, "item_kb": [1.5], "consistency": "strong"}, random.Random(0)
    )
    assert b.answer == 2


def test_lambda_question_states_its_prices() -> None:
    p = generate(
        "lambda-monthly-cost",
        {"requests": 3_000_000, "duration_ms": 120, "memory_mb": 1536, "arch": "x86_64", "free_tier": False},
        random.Random(0),
    )
    assert p.answer == 9.60
    assert "$0.0000166667" in p.question and "$0.20" in p.question
    assert p.is_correct(9.6) and not p.is_correct(9.0)


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("no-such-generator", {}),
        ("dynamodb-rcu", {"item_kb": [500]}),
        ("dynamodb-rcu", {"reads": [0]}),
        ("dynamodb-rcu", {"reads": []}),
        ("dynamodb-rcu", {"colour": "blue"}),
        ("dynamodb-rcu", {"consistency": "sometimes"}),
        ("dynamodb-rcu", {"reads": "many"}),
        ("dynamodb-wcu", {"transactional": "maybe"}),
        ("dynamodb-query-rcu", {"items": 2.5}),
        ("lambda-monthly-cost", {"memory_mb": 64}),
        ("lambda-monthly-cost", {"region": "mars-1"}),
        ("kinesis-shards", {"fan_out": "enhanced", "consumers": 25}),
    ],
)
def test_bad_params_raise_calc_error(name: str, params: dict[str, object]) -> None:
    with pytest.raises(CalcError):
        generate(name, params, random.Random(0))
