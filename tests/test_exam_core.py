"""The exam core: blueprints, sampling by weight, scoring (multiple response, scaled estimate), the clock."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from awsprep.bank.models import BasicCard, McqCard
from awsprep.exam.blueprint import BlueprintError, load_blueprint, load_blueprints
from awsprep.exam.items import Item
from awsprep.exam.sampling import domain_counts, sample
from awsprep.exam.scoring import scaled_score, score
from awsprep.exam.timing import ExamClock, format_left, warnings_crossed
from awsprep.question import Question
from awsprep.study.exam_session import Command, ExamSession, View

EXAMS = Path(__file__).resolve().parent.parent / "content" / "exams"


@pytest.fixture(scope="module")
def bps():
    return load_blueprints(sorted(EXAMS.glob("*.yaml")))


def mcq(card_id: str, domain: str | None, correct=(0,)) -> McqCard:
    return McqCard(
        id=card_id,
        deck="t",
        domain=domain,
        question=f"{card_id}?",
        options=("a", "b", "c", "d", "e"),
        correct=tuple(correct),
    )


def bank(bp, per_domain: int) -> list:
    return [mcq(f"{d.key}-{i}", d.key) for d in bp.domains for i in range(per_domain)]


def test_blueprints_match_the_exam_guides(bps):
    assert set(bps) == {"dva-c02", "clf-c02", "saa-c03"}
    dva = bps["dva-c02"]
    assert (dva.questions, dva.minutes, dva.pass_mark) == (65, 130, 720)
    assert [(d.key, d.name, round(d.weight * 100)) for d in dva.domains] == [
        ("development", "Development with AWS Services", 32),
        ("security", "Security", 26),
        ("deployment", "Deployment", 24),
        ("troubleshooting", "Troubleshooting and Optimization", 18),
    ]
    clf, saa = bps["clf-c02"], bps["saa-c03"]
    assert (clf.questions, clf.minutes, clf.pass_mark) == (65, 90, 700)
    assert (saa.questions, saa.minutes, saa.pass_mark) == (65, 130, 720)
    assert clf.domain_keys == (
        "cloud-concepts",
        "security-compliance",
        "technology-services",
        "billing-support",
    )
    assert saa.domain_keys == (
        "secure-architectures",
        "resilient-architectures",
        "high-performing-architectures",
        "cost-optimized-architectures",
    )


def test_bad_blueprint_is_one_sentence_with_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(
        "code: X\nname: X\nquestions: 10\nminutes: 20\npass_mark: 700\n"
        "domains:\n  - {key: a, name: A, weight: 60}\n  - {key: b, name: B, weight: 30}\n"
    )
    with pytest.raises(BlueprintError, match=rf"{path}:1: the domain weights of X must add up to 100\."):
        load_blueprint(path)


def test_counts_stay_within_one_of_the_quota_and_average_to_the_weights(bps):
    for bp in bps.values():
        totals = dict.fromkeys(bp.domain_keys, 0)
        seeds = 3000
        for seed in range(seeds):
            counts = domain_counts(bp, 65, random.Random(seed))
            assert sum(counts.values()) == 65
            for d in bp.domains:
                assert int(65 * d.weight) <= counts[d.key] <= int(65 * d.weight) + 1
                totals[d.key] += counts[d.key]
        for d in bp.domains:
            assert totals[d.key] / (seeds * 65) == pytest.approx(d.weight, abs=0.003), d.key


def test_sampled_exams_match_blueprint_shares_over_many_seeds(bps):
    bp = bps["dva-c02"]
    cards = [*bank(bp, 30), BasicCard(id="basic", deck="t", domain="security", front="f", back="b")]
    shares = dict.fromkeys(bp.domain_keys, 0)
    for seed in range(1000):
        s = sample(cards, bp, 20, random.Random(seed))
        assert len(s.cards) == 20 and len({c.id for c in s.cards}) == 20 and not s.note
        assert all(isinstance(c, McqCard) for c in s.cards)  # basic cards are not exam questions
        for c in s.cards:
            shares[c.domain] += 1
    for d in bp.domains:
        assert shares[d.key] / 20000 == pytest.approx(d.weight, abs=0.01)


def test_same_seed_same_exam(bps):
    bp = bps["dva-c02"]
    a = sample(bank(bp, 10), bp, 12, random.Random(7))
    b = sample(bank(bp, 10), bp, 12, random.Random(7))
    assert [c.id for c in a.cards] == [c.id for c in b.cards]


def test_recent_questions_are_avoided_while_others_remain(bps):
    bp = bps["dva-c02"]
    cards = bank(bp, 6)
    recent = {c.id for c in cards if int(c.id.rsplit("-", 1)[1]) < 3}
    for seed in range(50):
        s = sample(cards, bp, 8, random.Random(seed), recent)  # at most 3 a domain: all fresh
        assert not {c.id for c in s.cards} & recent
    s = sample(cards, bp, 24, random.Random(1), recent)  # every question needed: recent ones come back
    assert len(s.cards) == 24


def test_short_domain_is_filled_from_others_with_one_sentence(bps):
    bp = bps["dva-c02"]
    cards = [c for c in bank(bp, 10) if c.domain != "deployment"] + [mcq("dep-only", "deployment")]
    s = sample(cards, bp, 20, random.Random(3))
    assert len(s.cards) == 20
    assert sum(c.domain == "deployment" for c in s.cards) == 1
    assert s.note.startswith("The bank has too few questions in Deployment, so ")
    assert s.note.count(".") == 1
    tiny = sample([mcq("x", "security")], bp, 5, random.Random(0))
    assert len(tiny.cards) == 1 and "the exam has 1 questions instead of 5" in tiny.note


def test_domain_option_asks_only_that_domain(bps):
    bp = bps["dva-c02"]
    s = sample(bank(bp, 10), bp, 8, random.Random(0), only_domain="security")
    assert {c.domain for c in s.cards} == {"security"} and len(s.cards) == 8


def item(correct=(1, 3), answer=None, kind="mcq", domain="development", position=0) -> Item:
    question = Question(
        card_id=f"c{position}",
        domain=domain,
        kind=kind,
        prompt="Q",
        options=("a", "b", "c", "d", "e"),
        correct=correct,
    )
    return Item(position, question, answer=answer)


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ((1, 3), True),
        ((3, 1), True),
        ((1,), False),
        ((1, 3, 4), False),
        ((0, 2), False),
        (None, False),
        ((), False),
    ],
)
def test_multiple_response_needs_all_correct_and_no_wrong(answer, ok):
    assert item(answer=answer).correct is ok


def test_numeric_scoring_uses_tolerance():
    num = Item(0, Question(card_id="n", kind="numeric", prompt="Q", number=80.0, tolerance=0.5))
    for given, ok in ((80.0, True), (80.4, True), (81.0, False), (None, False)):
        num.answer = given
        assert num.correct is ok


def test_scaled_score_anchors_and_monotony():
    assert scaled_score(0, 50, 720, 0.72) == 100
    assert scaled_score(36, 50, 720, 0.72) == 720
    assert scaled_score(50, 50, 720, 0.72) == 1000
    values = [scaled_score(r, 65, 700, 0.70) for r in range(66)]
    assert values == sorted(values) and values[0] == 100 and values[-1] == 1000


def test_report_domains_weakest_first_and_wrong_answers(bps):
    bp = bps["dva-c02"]
    items = [
        item(answer=(1, 3), domain="development", position=0),
        item(answer=(1,), domain="development", position=1),
        item(answer=(1, 3), domain="security", position=2),
        item(answer=None, domain="deployment", position=3),
    ]
    rep = score(bp, items)
    assert (rep.raw_correct, rep.total, rep.answered) == (2, 4, 3)
    assert [d.key for d in rep.domains] == ["deployment", "development", "security"]
    assert [i.position for i in rep.wrong] == [1, 3]
    data = rep.as_json()
    assert {"raw_correct", "total", "scaled_score", "passed", "domains"} <= set(data)
    assert data["scaled_score"] == scaled_score(2, 4, 720, 0.72) and data["passed"] is False
    assert "estimate" in data["scaled_score_note"]


def test_warnings_and_format():
    assert warnings_crossed(601, 599) == [600.0]
    assert warnings_crossed(700, 30) == [600.0, 60.0]
    assert warnings_crossed(59, 58) == []
    assert format_left(7799.2) == "130:00" and format_left(0) == "0:00"


class FakeTime:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


class ScriptedFace:
    """Commands from a script; each read lets `step` seconds pass."""

    auto_advance = False

    def __init__(self, clock: FakeTime, script, step: float) -> None:
        self.clock, self.script, self.step = clock, list(script), step
        self.warnings: list[str] = []
        self.notes: list[str] = []

    def show(self, view: View) -> None:
        pass

    def command(self, view: View, timeout):
        self.clock.t += self.step if self.script else (timeout or 1.0)
        return self.script.pop(0) if self.script else None

    def warn(self, text: str) -> None:
        self.warnings.append(text)

    def note(self, text: str) -> None:
        self.notes.append(text)

    def feedback(self, item, correct) -> None:
        pass


class Recorder:
    def __init__(self) -> None:
        self.answers: dict[int, object] = {}
        self.times: list[float] = []

    def answer(self, position, answer, seconds_used) -> None:
        self.answers[position] = answer
        self.times.append(seconds_used)

    def flag(self, position, flagged, seconds_used) -> None:
        self.times.append(seconds_used)

    def time(self, seconds_used) -> None:
        self.times.append(seconds_used)


def test_clock_running_out_submits_as_it_stands_and_ignores_late_answers():
    fake = FakeTime()
    items = [item(position=i) for i in range(3)]
    # 11 minutes allowed, 30 s resumed as used; each command takes 200 s; the third lands after time is up
    clock = ExamClock(allowed=660.0, used_before=30.0, monotonic=fake)
    script = [Command("toggle", 1), Command("toggle", 3), Command("next"), Command("toggle", 0)]
    face = ScriptedFace(fake, script, step=200.0)
    saver = Recorder()
    outcome = ExamSession(items, clock, face, saver).run()
    assert outcome == "timeout"
    assert items[0].answer == (1, 3) and items[1].answer is None  # the late answer did not count
    assert saver.answers == {0: (1, 3)}
    assert face.warnings == ["10 minutes left.", "1 minute left."]
    assert saver.times[-1] == pytest.approx(660.0, abs=1e-6) or saver.times[-1] > 660.0


def test_clock_counts_down_with_no_input_and_saves_periodically():
    fake = FakeTime()
    clock = ExamClock(allowed=12.0, used_before=0.0, monotonic=fake)
    saver = Recorder()
    outcome = ExamSession([item()], clock, ScriptedFace(fake, [], step=1.0), saver).run()
    assert outcome == "timeout"
    assert len(saver.times) >= 3  # every ~5 s and once at the end
    assert clock.used() >= 12.0


def test_single_response_toggle_replaces_and_flag_review_submit():
    fake = FakeTime()
    items = [item(correct=(2,), position=0), item(position=1)]
    script = [
        Command("toggle", 1),
        Command("toggle", 2),
        Command("flag"),
        Command("submit"),
        Command("submit"),
    ]
    face = ScriptedFace(fake, script, step=1.0)
    session = ExamSession(items, ExamClock(100.0, 0.0, fake), face, Recorder())
    assert session.run() == "submitted"
    assert items[0].answer == (2,) and items[0].flagged


def test_choose_two_takes_at_most_two_ticks_and_practice_never_locks_half_an_answer():
    fake = FakeTime()
    items = [item(correct=(1, 3), position=0), item(correct=(0,), position=1)]
    script = [
        Command("toggle", 1),
        Command("next"),  # half an answer: practice must not reveal (and lock) it
        Command("prev"),
        Command("toggle", 2),
        Command("toggle", 4),  # a third tick is refused
        Command("toggle", 2),
        Command("toggle", 3),
        Command("next"),  # now complete: revealed
        Command("pause"),
    ]
    face = ScriptedFace(fake, script, step=1.0)
    saver = Recorder()
    session = ExamSession(items, ExamClock(None, 0.0, fake), face, saver)
    assert session.run() == "paused"
    assert items[0].answer == (1, 3) and items[0].revealed and items[0].correct
    assert "This question asks for two options: untick one first." in face.notes
    assert "This question has been answered." not in face.notes


def test_report_repeats_each_link_of_an_explanation_whole_below_its_box(bps):
    import io

    from rich.console import Console

    from awsprep.ui.exam_report import rich_report

    url = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadWriteCapacityMode.html"
    question = Question(
        card_id="c0",
        domain="development",
        kind="mcq",
        prompt="Which mode?",
        options=("a", "b"),
        correct=(1,),
        explanation=f"See the capacity modes page ({url}).",
    )
    rep = score(bps["dva-c02"], [Item(0, question, answer=(0,))])
    out = io.StringIO()
    rich_report(Console(file=out, width=60, force_terminal=False, highlight=False), rep, False, 0)
    assert f"  {url}\n" in out.getvalue()  # one line, whole, no border in it


def test_blueprints_are_parsed_once_while_their_files_stay_the_same(tmp_path, monkeypatch):
    """With a cache folder, an unchanged blueprint is read from its JSON (no YAML parse), a changed one is
    parsed again, and a damaged or unwritable cache only costs the parse."""
    import awsprep.exam.blueprint as blueprint_mod

    files = sorted(EXAMS.glob("*.yaml"))
    cache = tmp_path / "data"
    first = load_blueprints(files, cache_dir=cache)
    assert first == load_blueprints(files) and (cache / blueprint_mod.CACHE_NAME).is_file()

    def no_parse(text: str, file: str) -> None:
        raise AssertionError(f"{file} parsed again")

    with monkeypatch.context() as m:
        m.setattr(blueprint_mod, "parse_yaml", no_parse)
        assert load_blueprints(files, cache_dir=cache) == first
    mine = tmp_path / "x.yaml"
    mine.write_text("code: X\nname: X\nquestions: 10\nminutes: 20\npass_mark: 700\n"
                    "domains:\n  - {key: a, name: A, weight: 100}\n")  # fmt: skip
    assert load_blueprints([mine], cache_dir=cache)["x"].minutes == 20
    mine.write_text(mine.read_text().replace("minutes: 20", "minutes: 25"))
    assert load_blueprints([mine], cache_dir=cache)["x"].minutes == 25  # changed: parsed again
    mine.write_text(mine.read_text().replace("weight: 100", "weight: 90"))  # a bad edit is still caught
    with pytest.raises(BlueprintError, match=rf"{mine}:1: the domain weights of X must add up to 100\."):
        load_blueprints([mine], cache_dir=cache)
    (cache / blueprint_mod.CACHE_NAME).write_text("{not json")
    assert load_blueprints(files, cache_dir=cache) == first  # damaged: parsed, and written again
    assert load_blueprints(files, cache_dir=tmp_path / "x.yaml") == first  # a file, not a folder
