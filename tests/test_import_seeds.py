"""The learners' notes in ../shared/seeds/ import as cards worth studying (skipped when absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from awsprep.bank.models import BasicCard, Card, ClozeCard
from awsprep.notes.pipeline import ImportResult, collect_files, run_import
from awsprep.notes.topics import TopicTable

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
pytestmark = pytest.mark.skipif(len(FILES) < 3, reason="../shared/seeds/ is not here")


@pytest.fixture(scope="module")
def result() -> ImportResult:
    topics = TopicTable.load(REPO / "content" / "domains.yaml")
    return run_import(collect_files(FILES), "seeds", topics)


def text_of(card: Card) -> str:
    if isinstance(card, ClozeCard):
        return card.text
    if isinstance(card, BasicCard):
        return f"{card.front} => {card.back}"
    return card.prompt()


def find(result: ImportResult, pattern: str) -> list[Card]:
    rx = re.compile(pattern, re.IGNORECASE)
    return [c for c in result.cards if rx.search(text_of(c))]


def test_at_least_280_cards_from_the_three_note_sets(result: ImportResult) -> None:
    # (300 until list prices behind a blank went to triage: Lambda's and SNS's per-request prices;
    # 290 until one lower-case word answers did: "4xx errors -> client-induced")
    assert len(result.cards) >= 280
    per_file = {c.sources[0].file for c in result.cards}
    assert len(per_file) == 3


def test_dynamodb_capacity_rules(result: ImportResult) -> None:
    rcu = find(result, r"1 RCU.*\{\{1\}\} strongly consistent read per second.*\{\{4KB\}\}")
    assert rcu and rcu[0].topic == "DynamoDB" and rcu[0].domain == "development"
    assert find(result, r"\{\{2\}\} eventually consistent reads per second.*4KB")
    assert find(result, r"write per second for an item UP TO \{\{1 KB\}\}")
    assert find(result, r"1 WCU.*\{\{1\}\} write operation per second")


def test_lambda_limits(result: ImportResult) -> None:
    (timeout,) = find(result, r"timeout: default \{\{3 s\}\}")
    assert "{{15 minutes}}" in timeout.text and timeout.topic == "Lambda"
    assert find(result, r"memory execution: \{\{128MB\}\}")
    assert find(result, r"disc capacity in function container: \{\{512MB\}\}")
    assert find(result, r"function deployment size.*\{\{50MB\}\}")


def test_sqs_facts_and_exam_tips(result: ImportResult) -> None:
    assert find(result, r"Max long polling timeout is \{\{20s\}\}")
    tips = [c for c in result.cards if c.high_priority]
    assert len(tips) >= 15
    assert all(any("tip" in h.lower() for h in c.sources[0].path) for c in tips if len(c.sources) == 1)


def test_every_card_has_a_place_and_most_have_a_domain(result: ImportResult) -> None:
    for card in result.cards:
        src = card.sources[0]
        assert src.file.endswith(".txt") and src.line >= 1 and src.path
    assert sum(1 for c in result.cards if c.domain) / len(result.cards) > 0.8


def test_no_card_is_a_link_image_or_code_fragment(result: ImportResult) -> None:
    for card in result.cards:
        text = text_of(card)
        assert "](" not in text and "```" not in text and "![" not in text
        if isinstance(card, BasicCard):
            assert len(card.back) <= 300
