"""The use cases of awsprep/study and the one question type, driven without a terminal or a real clock."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awsprep.bank.models import McqCard, NumericCard
from awsprep.calc.generators import GENERATORS, generate
from awsprep.cli.main import app
from awsprep.question import Question, ask, is_correct, letters, read_answer
from awsprep.sched.queue import Limits
from awsprep.store.exams import ExamStore
from awsprep.store.repo import Store
from awsprep.study import exam as use
from awsprep.study.review import ReviewSession, Summary, todays_queue
from tests.conftest import MIXED, write_bank

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


class ScriptedTerminal:
    """A face that answers from a script and remembers what it was shown."""

    def __init__(self, clock: FakeClock, lines: list[str], think: float = 5.0) -> None:
        self.clock, self.lines, self.think = clock, list(lines), think
        self.shown: list[Question] = []
        self.notes: list[str] = []
        self.results: list[tuple[bool, int]] = []

    def _next(self) -> str:
        self.clock.t += self.think
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)

    def show(self, question: Question, counts: dict[str, int], done: int, total: int) -> None:
        self.shown.append(question)

    def reveal_or_command(self) -> str:
        line = self._next()
        return "reveal" if line == "" else {"q": "quit", "s": "suspend", "b": "bury", "u": "undo"}[line]

    def show_answer(self, question: Question) -> None:
        pass

    def grade_or_command(self) -> int | str:
        return int(self._next())

    def typed(self, question: Question) -> str:
        line = self._next()  # RIGHT: the letters of the right options as shown (they are shuffled)
        return line.replace("RIGHT", letters(question.correct).replace(" ", ""))

    def show_result(self, question: Question, correct: bool, understood: str, grade: int) -> None:
        self.results.append((correct, grade))

    def note(self, message: str, carry: bool = True) -> None:
        self.notes.append(message)

    def summary(self, summary: Summary) -> None:
        pass


def _store(tmp_path: Path, env: dict[str, str], body: str = MIXED, scheduler: str = "sm2") -> Store:
    from awsprep.cli.db import open_store
    from awsprep.study.settings import change

    write_bank(env, body)
    store, _ = open_store(f"sqlite:///{tmp_path / 'study.db'}")
    change(store, "scheduler", scheduler)
    return store


def test_review_session_runs_on_fakes_and_times_answers_with_the_injected_clock(tmp_path, env, scheduler):
    store = _store(tmp_path, env, scheduler=scheduler)
    assert store.policy.scheduler == scheduler
    clock = FakeClock()
    term = ScriptedTerminal(clock, ["", "4", "", "5", "RIGHT", "80"], think=30.0)
    queue = todays_queue(store, NOW.date(), None, Limits())
    summary = ReviewSession(store, queue, lambda: NOW, clock, term).run()
    assert summary.answers == 4 and summary.correct == 4
    # typed answers took 30 s on the fake clock: correct but not quick (20 s) -> grade 4
    assert term.results == [(True, 4), (True, 4)]
    log = [(r.card_id, r.grade, r.response_ms) for r in store.log() if r.action == "answer"]
    assert log == [("b1", 4, 60000), ("z1", 5, 60000), ("m1", 4, 30000), ("n1", 4, 30000)]


def test_a_typed_answer_with_the_wrong_count_is_asked_again_not_graded(tmp_path, env, scheduler):
    store = _store(tmp_path, env, scheduler=scheduler)
    clock = FakeClock()
    term = ScriptedTerminal(clock, ["", "4", "", "5", "A", "A,B,C", "RIGHT"])
    queue = todays_queue(store, NOW.date(), None, Limits())
    ReviewSession(store, queue, lambda: NOW, clock, term).run()
    assert term.notes[:2] == [
        "Could not read that: choose exactly two options, not 1.",
        "Could not read that: choose exactly two options, not 3.",
    ]
    assert [(r.card_id, r.grade) for r in store.log() if r.action == "answer"][-1] == ("m1", 5)


def _mcq(correct: tuple[int, ...] = (1, 3)) -> McqCard:
    return McqCard(id="m", deck="d", question="Q?", options=("a", "b", "c", "d"), correct=correct)


def test_one_question_type_for_review_and_exam_round_trips_through_json():
    q = ask(_mcq(), random.Random(3), shuffle=True)
    assert sorted(q.options) == ["a", "b", "c", "d"]
    assert {q.options[i] for i in q.correct} == {"b", "d"}
    assert Question.from_json(q.card_id, q.domain, json.loads(json.dumps(q.to_json()))) == q


@pytest.mark.parametrize(
    ("text", "answer", "said"),
    [("B", None, "choose exactly two options, not 1"), ("b d", (1, 3), "B, D"), ("E", None, None)],
)
def test_read_answer_asks_for_exactly_n_options(text, answer, said):
    got, understood = read_answer(ask(_mcq(), random.Random(0)), text)
    assert got == answer
    if said:
        assert understood == said


def test_choose_hint_is_said_once():
    plain = ask(_mcq(), random.Random(0))
    assert plain.choose_hint() == "(Choose two.)"
    worded = ask(
        McqCard(id="m", deck="d", question="Q? (Choose two.)", options=("a", "b", "c"), correct=(0, 1)),
        random.Random(0),
    )
    assert worded.choose_hint() == ""


@given(
    expected=st.floats(-1e9, 1e9, allow_nan=False),
    tolerance=st.floats(0, 100, allow_nan=False),
    offset=st.floats(-200, 200, allow_nan=False),
)
def test_one_numeric_tolerance_for_review_exam_and_generated_questions(expected, tolerance, offset):
    card = NumericCard(id="n", deck="d", question="Q", answer=expected, tolerance=tolerance)
    q = ask(card, random.Random(0))
    given_value = expected + offset
    verdict = is_correct(q, given_value)
    assert verdict == (abs(offset) <= tolerance + 1e-9 * max(1.0, abs(expected)) or given_value == expected)
    problem = generate("dynamodb-rcu", {}, random.Random(0))
    from awsprep.calc.generators import Problem

    same = Problem("Q", expected, "", tolerance, ())
    assert same.is_correct(given_value) == verdict
    assert problem.is_correct(problem.answer)


def test_nan_and_infinity_are_never_correct():
    q = ask(NumericCard(id="n", deck="d", question="Q", answer=1.0, tolerance=1e9), random.Random(0))
    assert not is_correct(q, float("nan")) and not is_correct(q, float("inf"))


TEMPLATE = """\
  - id: t1
    type: numeric
    generator: {generator}
    params: {params}
"""


@pytest.mark.parametrize(
    ("generator", "params", "where"),
    [
        ("no-such-generator", "{}", "6: card 't1': field 'generator' unknown question generator"),
        ("dynamodb-rcu", "{item_kb: [3, -1]}", "7: card 't1': field 'params' generator 'dynamodb-rcu'"),
    ],
)
@pytest.mark.parametrize("command", [["bank", "stats"], ["review", "--plain"]])
def test_bad_templates_are_bank_errors_with_file_and_line(env, runner, generator, params, where, command):
    path = write_bank(env, TEMPLATE.format(generator=generator, params=params))
    res = runner.invoke(app, command, input="")
    assert res.exit_code == 2, res.output
    assert f"{path}:{where}" in res.stderr
    assert "Traceback" not in res.output


def test_submitting_an_exam_and_feeding_review_is_one_transaction(tmp_path, env, monkeypatch, scheduler):
    from awsprep.exam.blueprint import load_blueprints
    from tests.exam_bank import EXAM_BANK

    store = _store(tmp_path, env, EXAM_BANK, scheduler)
    repo = ExamStore(store)
    bps = load_blueprints(sorted((Path(__file__).parent.parent / "content" / "exams").glob("*.yaml")))
    attempt = use.start(repo, use.ExamRequest(bps["dva-c02"], questions=3), random.Random(1), NOW)
    for item in attempt.items:  # every answer wrong
        q = item.question
        item.answer = tuple(i for i in range(len(q.options)) if i not in q.correct)[: q.choose] or 1.0e6

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(Store, "fail_recall_in", staticmethod(boom))
    with pytest.raises(RuntimeError):
        use.submit(repo, attempt, 12.0, False, NOW)
    assert repo.open_attempt() is not None  # nothing was stored: the attempt is still open
    assert all(r.action != "exam" for r in store.log())
    monkeypatch.undo()
    done = use.submit(repo, attempt, 12.0, False, NOW)
    assert done.report.raw_correct == 0 and len(done.fed_to_review) == 3
    assert repo.open_attempt() is None
    assert sorted(r.card_id for r in store.log() if r.action == "exam") == done.fed_to_review
    tomorrow = NOW.date() + timedelta(days=1)
    assert all(store.state(c).due == tomorrow for c in done.fed_to_review)  # an Again review, due tomorrow


def test_every_generator_builds_from_its_defaults():
    for name in GENERATORS:
        assert generate(name, {}, random.Random(0)).answer >= 0


def test_review_shuffles_options_on_every_showing():
    from awsprep.study.review import question_rng

    card = McqCard(id="m", deck="d", question="Q?", options=("a", "b", "c", "d", "e"), correct=(1,))
    orders = {ask(card, question_rng("m", NOW, done), shuffle=True).options for done in range(12)}
    assert len(orders) > 6  # a drill repeat is not answered from the letter remembered
    again = ask(card, question_rng("m", NOW, 3), shuffle=True)
    assert again == ask(card, question_rng("m", NOW, 3), shuffle=True)  # repeatable for a clock
