"""The SAA-C03 questions on secure and resilient architectures: counts, answer keys and answer cues.

Issue 14 asks for exam-style questions whose form gives nothing away: absolute words ("always",
"never", "only", "all", "cannot") no more often in wrong options than the base rate, the correct option
not usually the longest, "choose N" matching the key, an explanation for every option, and at least a
quarter of "MOST cost-effective" / "LEAST operational overhead" questions.
"""

from __future__ import annotations

import re

import pytest

from awsprep.bank.io import load_bank
from awsprep.bank.models import McqCard
from tests.conftest import ROOT

FILES = sorted((ROOT / "content" / "bank" / "questions").glob("saa-secure-*.yaml")) + sorted(
    (ROOT / "content" / "bank" / "questions").glob("saa-resilient-*.yaml")
)
ABSOLUTE = re.compile(r"\b(always|never|only|all|cannot|can't)\b", re.IGNORECASE)
COST_OR_EFFORT = re.compile(
    r"MOST cost-effective|LEAST\s+(?:operational|development|ongoing)?\s*(?:overhead|effort)|"
    r"LOWEST cost|LEAST custom code|MOST operationally efficient|fewest changes|minimal code changes"
)
CHOOSE = re.compile(r"\(Choose (two|three)\.\)")


@pytest.fixture(scope="module")
def questions() -> list[McqCard]:
    cards = load_bank(FILES)
    return [c for c in cards if isinstance(c, McqCard)]


def test_counts_by_domain_and_deck(questions) -> None:
    assert {q.deck for q in questions} == {"saa-c03"}
    by_domain: dict[str, int] = {}
    for q in questions:
        by_domain[q.domain or ""] = by_domain.get(q.domain or "", 0) + 1
    assert by_domain.get("secure-architectures", 0) >= 95, by_domain
    assert by_domain.get("resilient-architectures", 0) >= 85, by_domain
    assert set(by_domain) == {"secure-architectures", "resilient-architectures"}


def test_each_question_is_complete(questions) -> None:
    for q in questions:
        assert q.id.startswith(("q-saa-sec-", "q-saa-res-")), q.id
        assert len(q.options) >= 4, q.id
        match = CHOOSE.search(q.question)
        wanted = {"two": 2, "three": 3}[match.group(1)] if match else 1
        assert len(q.correct) == wanted, q.id
        lines = [ln for ln in q.explanation.splitlines() if ln.startswith(("Correct", "Wrong"))]
        assert len(lines) == len(q.options), f"{q.id}: explain every option"
        assert sum(ln.startswith("Correct") for ln in lines) == len(q.correct), q.id
        assert q.refs and all(r.startswith("https://docs.aws.amazon.com/") for r in q.refs), q.id


def test_answer_cues_are_balanced(questions) -> None:
    options = [(opt, i in q.correct) for q in questions for i, opt in enumerate(q.options)]
    base_wrong = sum(not ok for _, ok in options) / len(options)
    absolute = [ok for opt, ok in options if ABSOLUTE.search(opt)]
    absolute_wrong = sum(not ok for ok in absolute) / len(absolute)
    assert abs(absolute_wrong - base_wrong) <= 0.05, (absolute_wrong, base_wrong)

    single = [q for q in questions if len(q.correct) == 1]
    longest = sum(len(q.options[q.correct[0]]) == max(map(len, q.options)) for q in single)
    assert 0.10 <= longest / len(single) <= 0.35, longest / len(single)

    multiple = sum(len(q.correct) > 1 for q in questions)
    assert multiple / len(questions) >= 0.15
    cost = sum(bool(COST_OR_EFFORT.search(" ".join(q.question.split()))) for q in questions)
    assert cost / len(questions) >= 0.25
