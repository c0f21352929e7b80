"""Bank files: round-trips, validation messages, stats, and the bundled bank itself."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.bank.io import card_from_dict, dump_bank, load_bank, parse_yaml
from awsprep.bank.models import BasicCard, Card, ClozeCard, McqCard, NumericCard, Source
from awsprep.cli.main import app
from awsprep.exam.blueprint import load_blueprints
from tests.conftest import MIXED, ROOT, write_bank

#: A reference is AWS documentation or another AWS page (docs.aws.amazon.com, aws.amazon.com, re:Post).
AWS_REF = re.compile(r"^https://(?:[a-z0-9-]+\.)*(?:aws\.amazon\.com|repost\.aws)/")

text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")
# The strings of [a-z][a-z0-9-]{0,20}, drawn as text (st.from_regex of the same pattern is ~4x slower).
ident = st.builds(
    str.__add__,
    st.sampled_from(string.ascii_lowercase),
    st.text(string.ascii_lowercase + string.digits + "-", max_size=20),
)
source = st.builds(
    Source, file=ident, line=st.integers(0, 10_000), path=st.lists(text, max_size=3).map(tuple)
)
common = dict(
    id=ident,
    deck=st.just("d"),
    topic=st.one_of(st.just(""), text),
    tags=st.lists(ident, max_size=3).map(tuple),
    sources=st.lists(source, max_size=2).map(tuple),
    domain=st.one_of(st.none(), ident),
    high_priority=st.booleans(),
)


@st.composite
def mcq(draw: st.DrawFn) -> McqCard:
    options = draw(st.lists(text, min_size=2, max_size=6))
    k = draw(st.integers(1, len(options) - 1))
    correct = tuple(sorted(draw(st.permutations(range(len(options))))[:k]))
    return McqCard(
        question=draw(text),
        options=tuple(options),
        correct=correct,
        explanation=draw(st.one_of(st.just(""), text)),
        **{k2: draw(v) for k2, v in common.items()},
    )


cards = st.one_of(
    st.builds(BasicCard, front=text, back=text, **common),
    st.builds(
        ClozeCard,
        text=st.builds(lambda a, b: f"{a} {{{{{b}}}}}", text, text.filter(lambda s: "}" not in s)),
        **common,
    ),
    mcq(),
    st.builds(
        NumericCard,
        question=text,
        answer=st.floats(-1e9, 1e9),
        tolerance=st.floats(0, 100),
        unit=st.one_of(st.just(""), text),
        steps=st.lists(text, max_size=3).map(tuple),
        **common,
    ),
)


def test_save_then_load_round_trips(tmp_path: Path) -> None:
    """Every card survives dump_bank and loading. Each example goes through the loader's own steps
    in memory (parse_yaml, card_from_dict); then every card seen goes through one file on disk and
    load_bank, so the file path is tested without a file per example."""
    seen: dict[str, Card] = {}

    @settings(max_examples=200, deadline=None)
    @given(cards)
    def round_trip(card) -> None:
        data = parse_yaml(dump_bank([card], "d"), "bank.yaml")
        assert (data["schema"], data["deck"]) == (1, "d")
        assert [card_from_dict(raw, "bank.yaml", "d") for raw in data["cards"]] == [card]
        seen[card.id] = card

    round_trip()
    path = tmp_path / "bank.yaml"
    path.write_text(dump_bank(seen.values(), "d"), encoding="utf-8")
    assert load_bank([path]) == list(seen.values())


def test_duplicate_ids_are_refused(tmp_path) -> None:
    (tmp_path / "a.yaml").write_text("schema: 1\ncards:\n  - {id: x, type: basic, front: a, back: b}\n")
    (tmp_path / "b.yaml").write_text("schema: 1\ncards:\n  - {id: x, type: basic, front: c, back: d}\n")
    try:
        load_bank([tmp_path])
    except Exception as exc:
        assert "'x' is used twice" in str(exc) and "a.yaml" in str(exc)
    else:
        raise AssertionError("duplicate id accepted")


def test_yaml_line_numbers() -> None:
    data = parse_yaml("cards:\n  - id: a\n    type: basic\n", "f")
    assert data["cards"][0].line == 2 and data["cards"][0].key_lines["type"] == 3


def test_bank_stats_json(env, runner) -> None:
    write_bank(env, MIXED)
    res = runner.invoke(app, ["bank", "stats", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["cards"] == 4
    assert data["by_type"] == {"basic": 1, "cloze": 1, "mcq": 1, "numeric": 1}
    assert data["by_domain"] == {"none": 4}
    assert data["by_deck_domain"] == {"test": {"none": 4}}
    assert data["mcq_multiple_response"] == 1


def test_bundled_bank_counts_by_deck_and_domain(runner, monkeypatch) -> None:
    """Each bundled exam deck's questions fall in its own blueprint's domains, in full exams' worth."""
    monkeypatch.delenv("AWSPREP_BANK", raising=False)
    data = json.loads(runner.invoke(app, ["bank", "stats", "--json"]).stdout)
    blueprints = load_blueprints(sorted((ROOT / "content" / "exams").glob("*.yaml")))
    for key, bp in blueprints.items():
        counts = data["by_deck_domain"][key]
        asked = sum(counts.get(d, 0) for d in bp.domain_keys)
        assert asked >= 4 * bp.questions, (key, counts)


def test_bundled_bank_validates_and_is_exam_ready(runner, monkeypatch) -> None:
    """The bank that ships: every file loads; questions carry domains, refs and explanations."""
    monkeypatch.delenv("AWSPREP_BANK", raising=False)
    all_cards = load_bank([ROOT / "content" / "bank"])
    mcqs = [c for c in all_cards if isinstance(c, McqCard)]
    questions = [c for c in mcqs if c.id.startswith("q-")]
    assert len(questions) >= 300
    assert sum(len(c.correct) > 1 for c in questions) * 5 >= len(questions)
    blueprints = load_blueprints(sorted((ROOT / "content" / "exams").glob("*.yaml")))
    for q in questions:
        assert q.deck in blueprints, q.id
        assert q.domain in blueprints[q.deck].domain_keys, q.id
        assert q.explanation.strip(), q.id
        assert q.refs and all(AWS_REF.match(r) for r in q.refs), q.id
        assert len(q.options) >= 4, q.id
    templates = [c for c in all_cards if isinstance(c, NumericCard) and c.is_template]
    assert {t.generator for t in templates} >= {"dynamodb-rcu", "lambda-monthly-cost", "kinesis-shards"}


def test_copycheck_finds_no_seed_passages() -> None:
    import subprocess
    import sys

    tool = ROOT.parent / "shared" / "tools" / "copycheck.py"
    if not tool.exists():
        pytest.skip("../shared/tools/copycheck.py is not here")
    res = subprocess.run([sys.executable, str(tool), "content"], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout[-2000:]


def test_new_cards_are_interleaved_across_files() -> None:
    from awsprep.bank.io import interleave

    a = [BasicCard(id=f"a{i}", deck="d", front="f", back="b") for i in range(3)]
    b = [BasicCard(id=f"b{i}", deck="d", front="f", back="b") for i in range(1)]
    assert [c.id for c in interleave([a, [], b])] == ["a0", "b0", "a1", "a2"]


NOTE_DECKS = sorted(p.name for p in (ROOT / "content" / "notes").iterdir() if p.is_dir())
#: The DVA-C02 notes bank kept its first name; every other deck's is content/bank/<deck>-notes.yaml.
NOTE_BANKS = {"dva-c02": "notes.yaml"}
MIN_NOTE_CARDS = {"dva-c02": 800}


def test_each_notes_folder_is_a_deck_with_a_blueprint() -> None:
    """content/notes holds one folder per deck and nothing else, so no deck picks up another's notes."""
    notes = ROOT / "content" / "notes"
    assert not [p.name for p in notes.iterdir() if p.is_file()], "notes belong in a deck folder"
    assert "dva-c02" in NOTE_DECKS
    for deck in NOTE_DECKS:
        assert (ROOT / "content" / "exams" / f"{deck}.yaml").is_file(), deck


@pytest.mark.parametrize("deck", NOTE_DECKS)
def test_bundled_notes_bank_is_built_from_content_notes(env, runner, tmp_path, deck) -> None:
    """Each deck's notes bank is what our importer makes of content/notes/<deck>: re-importing the
    notes over the committed bank (whose ids carry review history) must change nothing."""
    name = NOTE_BANKS.get(deck, f"{deck}-notes.yaml")
    out = tmp_path / name
    committed = (ROOT / "content" / "bank" / name).read_text(encoding="utf-8")
    out.write_text(committed, encoding="utf-8")
    folder = ROOT / "content" / "notes" / deck
    res = runner.invoke(app, ["import", str(folder), "--deck", deck, "--bank", str(out), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["cards"] >= MIN_NOTE_CARDS.get(deck, 150)
    assert (summary["added"], summary["changed"], summary["retired"]) == (0, 0, 0), summary
    assert out.read_text(encoding="utf-8") == committed, (
        f"content/bank/{name} is stale: run awsprep import content/notes/{deck} --deck {deck} "
        f"--bank content/bank/{name}"
    )


def test_decks_counts_bank_files_in_subfolders(env, runner) -> None:
    write_bank(env, MIXED)
    sub = Path(env["AWSPREP_BANK"]) / "questions"
    sub.mkdir()
    (sub / "more.yaml").write_text(
        "schema: 1\ndeck: test\ncards:\n"
        "  - {id: q9, type: mcq, question: Q?, options: [a, b], correct: [0]}\n"
    )
    res = runner.invoke(app, ["decks", "--json"])
    assert res.exit_code == 0, res.output
    [deck] = json.loads(res.stdout)["decks"]
    assert (deck["name"], deck["cards"], deck["by_type"]["mcq"]) == ("test", 5, 2)


def test_interleave_takes_one_from_each_group_in_turn() -> None:
    """interleave gives what taking one card from each group in turn, depth by depth, gives."""
    import random

    from awsprep.bank.io import interleave

    def by_depth(groups: list[list[str]]) -> list[str]:
        out, depth, queues = [], 0, [g for g in groups if g]
        while queues:
            queues = [q for q in queues if depth < len(q)]
            out.extend(q[depth] for q in queues)
            depth += 1
        return out

    rng = random.Random(7)
    for _ in range(300):
        groups = [[f"{g}-{i}" for i in range(rng.randint(0, 5))] for g in range(rng.randint(0, 5))]
        got = interleave(groups)  # type: ignore[arg-type]
        assert got == by_depth(groups)
        assert all(got is not g for g in groups)  # a new list, whatever the groups
