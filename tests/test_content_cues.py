"""Answer cues in the bundled exam questions (content/bank/questions).

Two figures, both computed over every exam question (mcq cards whose id starts with "q-"):

* absolute-word cue: among the options that contain an absolute word (always, never, only, all, cannot), the
  share that are distractors, compared with the share of distractors among all options (the base rate). If
  absolute words mark wrong answers much more often than chance, a test-wise learner can answer without
  knowing the service; the two rates must stay within 5 points of each other.
* cost/overhead stems: the share of questions whose stem asks for the MOST cost-effective solution or the one
  with the LEAST operational overhead, as the real exam often does; it must be at least a quarter.

Run `python tests/test_content_cues.py` to print the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from awsprep.bank.io import load_bank
from awsprep.bank.models import McqCard

QUESTIONS = Path(__file__).resolve().parent.parent / "content" / "bank" / "questions"
ABSOLUTE = re.compile(r"\b(?:always|never|only|all|cannot)\b", re.IGNORECASE)
EFFORT = r"(?:operational|management|administrative|development|ongoing) (?:overhead|effort)"
COST_OR_OVERHEAD = re.compile(
    r"\bMOST cost-effective(?:ly)?\b|\bLOWEST cost\b|\bLEAST expensive\b|\bMOST operationally efficient\b"
    rf"|\bLEAST (?:amount of )?{EFFORT}\b|\bLEAST (?:custom code|manual)\b"
)
COST_DECKS = ("dva-c02", "saa-c03")  # associate exams; Cloud Practitioner asks fewer design trade-offs
MAX_GAP = 0.05
MIN_COST_SHARE = 0.25


@dataclass(frozen=True)
class Cues:
    questions: int
    options: int
    distractors: int
    absolute_options: int
    absolute_distractors: int
    cost_or_overhead: int

    @property
    def base_rate(self) -> float:
        return self.distractors / self.options

    @property
    def absolute_rate(self) -> float:
        return self.absolute_distractors / self.absolute_options

    @property
    def cost_share(self) -> float:
        return self.cost_or_overhead / self.questions


def measure(questions: list[McqCard]) -> Cues:
    options = distractors = absolute = absolute_wrong = 0
    for q in questions:
        for i, text in enumerate(q.options):
            wrong = i not in q.correct
            options += 1
            distractors += wrong
            if ABSOLUTE.search(text):
                absolute += 1
                absolute_wrong += wrong
    stems = sum(bool(COST_OR_OVERHEAD.search(q.question)) for q in questions)
    return Cues(len(questions), options, distractors, absolute, absolute_wrong, stems)


def bundled_questions() -> list[McqCard]:
    return [c for c in load_bank([QUESTIONS]) if isinstance(c, McqCard) and c.id.startswith("q-")]


def _mcq(qid: str, question: str, options: tuple[str, ...], correct: tuple[int, ...]) -> McqCard:
    return McqCard(id=qid, deck="d", question=question, options=options, correct=correct)


def test_measure_counts_words_and_stems() -> None:
    qs = [
        _mcq("q-1", "Which is MOST cost-effective?", ("It always works", "Plain", "Never", "Fine"), (0,)),
        _mcq("q-2", "Which one?", ("alligator", "call all", "x", "y"), (3,)),
    ]
    cues = measure(qs)
    # "alligator" is not the word "all"; "call all" is.
    assert (cues.options, cues.distractors, cues.absolute_options, cues.absolute_distractors) == (8, 6, 3, 2)
    assert cues.cost_or_overhead == 1 and cues.cost_share == 0.5


def test_absolute_words_do_not_cue_distractors() -> None:
    cues = measure(bundled_questions())
    assert cues.absolute_options >= 50, cues
    gap = cues.absolute_rate - cues.base_rate
    assert abs(gap) <= MAX_GAP, (
        f"options with always/never/only/all/cannot are distractors {cues.absolute_rate:.1%} of the time "
        f"against a base rate of {cues.base_rate:.1%}; reword options so the gap is at most {MAX_GAP:.0%}"
    )


@pytest.mark.parametrize("deck", COST_DECKS)
def test_enough_cost_and_overhead_questions(deck: str) -> None:
    cues = measure([q for q in bundled_questions() if q.deck == deck])
    assert cues.cost_share >= MIN_COST_SHARE, (
        f"{deck}: {cues.cost_or_overhead} of {cues.questions} stems ({cues.cost_share:.1%}) ask for the MOST "
        f"cost-effective or LEAST operational overhead solution; at least {MIN_COST_SHARE:.0%} should"
    )


if __name__ == "__main__":
    c = measure(bundled_questions())
    print(f"questions {c.questions}, options {c.options}")
    print(f"base distractor rate {c.base_rate:.1%} ({c.distractors}/{c.options})")
    print(
        f"absolute-word options that are distractors {c.absolute_rate:.1%} "
        f"({c.absolute_distractors}/{c.absolute_options})"
    )
    share = f"{c.cost_share:.1%} ({c.cost_or_overhead}/{c.questions})"
    print(f"MOST cost-effective / LEAST operational overhead stems {share}")
