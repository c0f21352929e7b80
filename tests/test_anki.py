"""Anki in and out: a package awsprep writes is read by Anki itself (the `anki` package, headless);
packages from Anki become cards; awsprep -> .apkg -> awsprep gives back the same cards and ids."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awsprep.bank.models import BasicCard, ClozeCard, McqCard, NumericCard, Source
from awsprep.cli.main import app
from awsprep.interop.anki_in import read_apkg
from awsprep.interop.anki_out import ExportCard, write_apkg
from awsprep.sched.sm2 import CardState
from awsprep.sched.status import CardStatus
from tests.conftest import MIXED, write_bank

TEMPLATE = """\
  - id: t1
    type: numeric
    topic: DynamoDB
    domain: development
    generator: dynamodb-rcu
    params: {}
    source: {file: notes/ddb.md, line: 7, path: [DynamoDB, Capacity]}
"""


def anki_collection(tmp_path: Path, apkg: Path) -> Any:
    """A fresh Anki collection with the package imported the way Anki's File > Import does."""
    anki_collection_mod = pytest.importorskip("anki.collection", reason="the anki package is not installed")
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = anki_collection_mod.Collection(str(tmp_path / "anki" / "collection.anki2"))
    col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(apkg), options=ImportAnkiPackageOptions(with_scheduling=True)
        )
    )
    return col


def notes_by_type(col: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for m in col.models.all_names_and_ids():
        nids = col.models.nids(m.id)
        if nids:
            out[m.name] = [col.get_note(n) for n in nids]
    return out


def cards_json(runner) -> dict[str, dict[str, Any]]:
    res = runner.invoke(app, ["cards", "list", "--json"])
    assert res.exit_code == 0, res.output
    return {c["id"]: c for c in json.loads(res.stdout)}


def test_anki_reads_our_package_with_types_fields_tags_reviews_and_due_dates(env, runner, tmp_path):
    (tmp_path / "anki").mkdir()
    write_bank(env, MIXED + TEMPLATE)
    # b1 and z1 answered (self-graded, 5 and 3), then quit.
    res = runner.invoke(app, ["review", "--plain"], input="\n5\n\n3\nq\n")
    assert res.exit_code == 0, res.output
    out = tmp_path / "deck.apkg"
    res = runner.invoke(app, ["export", "anki", str(out), "--with-history", "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["by_type"] == {"basic": 1, "cloze": 1, "mcq": 1, "numeric": 2}
    assert summary["templates"] == 1 and summary["reviews"] == 2 and summary["scheduled"] == 2

    col = anki_collection(tmp_path, out)
    notes = notes_by_type(col)
    assert {k: len(v) for k, v in notes.items()} == {
        "awsprep Basic": 1,
        "awsprep Cloze": 1,
        "awsprep MCQ": 1,
        "awsprep Numeric": 2,
    }
    assert col.card_count() == 5
    basic = notes["awsprep Basic"][0]
    assert basic["Front"] == "What is the answer?" and basic["Back"] == "Forty-two"
    assert set(basic.tags) == {"deck::test"}
    assert notes["awsprep Cloze"][0]["Text"] == "The default timeout is {{c1::3 seconds}}."
    mcq = notes["awsprep MCQ"][0]
    assert (
        mcq["Answer"] == "B, D"
        and "A. 1" in mcq["Options"]
        and mcq["Explanation"] == "Two and four are even."
    )
    numeric = {n["Question"].split("<br>")[0][:20]: n for n in notes["awsprep Numeric"]}
    fixed = next(n for n in notes["awsprep Numeric"] if "80 strongly" in n["Question"])
    assert fixed["Answer"] == "80 RCU" and "1 x 80 = 80" in fixed["Steps"]
    template = next(n for n in notes["awsprep Numeric"] if "worked example" in n["Question"])
    assert template["Answer"] and template["Steps"] and len(numeric) == 2
    assert set(template.tags) == {"deck::test", "topic::DynamoDB", "domain::development"}
    assert template["Sources"] == "notes/ddb.md:7 (DynamoDB &gt; Capacity)"

    # History: each answered card is a review card due on awsprep's date, with its answers in the revlog.
    states = cards_json(runner)
    log = json.loads(runner.invoke(app, ["export", "json", "-"]).stdout)["review_log"]
    grades = {e["card_id"]: e["grade"] for e in log}
    assert sorted(grades) == ["b1", "z1"]
    eases = {0: 1, 1: 1, 2: 1, 3: 2, 4: 3, 5: 4}  # again, hard, good, easy
    for note_id, awsprep_id in ((basic.id, "b1"), (notes["awsprep Cloze"][0].id, "z1")):
        grade = grades[awsprep_id]
        (cid,) = col.card_ids_of_note(note_id)
        card = col.get_card(cid)
        assert card.type == 2 and card.queue == 2
        # Anki's day starts at its rollover hour (4 am): before it, Anki's "today" is yesterday's date
        rollover = col.get_preferences().scheduling.rollover
        anki_today = (datetime.now() - timedelta(hours=rollover)).date()
        anki_due = anki_today.toordinal() + card.due - col.sched.today
        assert date.fromordinal(anki_due).isoformat() == states[awsprep_id]["due"]
        assert col.db.list("select ease from revlog where cid = ?", cid) == [eases[grade]]
    (mcq_card,) = col.card_ids_of_note(mcq.id)
    assert col.get_card(mcq_card).type == 0  # not answered yet: new in Anki too
    col.close()


def test_csv_and_json_exports_of_cards_and_review_log(env, runner, tmp_path):
    write_bank(env, MIXED)
    runner.invoke(app, ["review", "--plain"], input="\n4\nq\n")
    res = runner.invoke(app, ["export", "json", "-"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert [c["id"] for c in doc["cards"]] == ["b1", "z1", "m1", "n1"]
    b1 = doc["cards"][0]
    assert b1["answer"] == "Forty-two" and b1["reps"] == 1 and b1["due"] == "2026-01-06"
    assert [(e["card_id"], e["grade"], e["action"]) for e in doc["review_log"]] == [("b1", 4, "answer")]
    res = runner.invoke(app, ["export", "csv", str(tmp_path / "cards.csv")])
    assert res.exit_code == 0 and "Wrote 4 cards" in res.stdout
    lines = (tmp_path / "cards.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,deck,type,topic,domain,tags,prompt,answer") and len(lines) == 5
    res = runner.invoke(app, ["export", "csv", "-", "--log"])
    assert res.stdout.splitlines()[1].startswith("1,b1,2026-01-05T09:00:00")


def _foreign_package(path: Path) -> Path:
    """A package as another Anki user would share it: stock Basic and Cloze notes with HTML and media,
    two decks, and a note type awsprep does not know."""
    import genanki

    other = genanki.Model(
        1700000001,
        "Image Occlusion Plus",
        fields=[{"name": "Image"}, {"name": "Mask"}],
        templates=[{"name": "c", "qfmt": "{{Image}}", "afmt": "{{Mask}}"}],
    )
    aws = genanki.Deck(2059400110, "AWS::Networking")
    aws.add_note(
        genanki.Note(
            model=genanki.BASIC_MODEL,
            guid="Gx7#k}q!2a",
            fields=[
                'What does a <b>NAT gateway</b> do?<br><img src="nat.png">',
                "Lets private subnets reach the internet &amp; nothing in.<div>Zonal.</div>",
            ],
            tags=["vpc"],
        )
    )
    aws.add_note(
        genanki.Note(
            model=genanki.CLOZE_MODEL,
            guid="c10z3",
            fields=["A VPC spans {{c1::all AZs::where?}} of {{c2::one Region}}.[sound:vpc.mp3]", ""],
        )
    )
    aws.add_note(genanki.Note(model=other, guid="io1", fields=["<img src='a.png'>", "m"]))
    aws.add_note(genanki.Note(model=other, guid="io2", fields=["<img src='b.png'>", "m"]))
    misc = genanki.Deck(2059400111, "Misc")
    misc.add_note(genanki.Note(model=genanki.BASIC_MODEL, guid="m1", fields=["Q &lt;tag&gt;", "A"]))
    genanki.Package([aws, misc]).write_to_file(str(path), timestamp=1_700_000_000)
    return path


def test_importing_an_anki_package(env, runner, tmp_path):
    apkg = _foreign_package(tmp_path / "shared deck.apkg")
    res = runner.invoke(app, ["import", str(apkg), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["by_type"] == {"basic": 2, "cloze": 1}
    assert summary["unknown_note_types"] == {"Image Occlusion Plus": 2}
    assert summary["decks"] == ["AWS::Networking", "Misc"]
    assert sorted(summary["media"]) == ["nat.png", "vpc.mp3"]
    res = runner.invoke(app, ["review", "--plain", "--json"], input="\n5\n\n5\n\n5\n")
    data = json.loads(res.stdout)
    assert data["answers"] == 3
    shown = runner.invoke(app, ["export", "json", "-"])
    cards = {c["id"]: c for c in json.loads(shown.stdout)["cards"]}
    nat = cards[next(i for i in cards if cards[i]["prompt"].startswith("What does"))]
    assert nat["prompt"] == "What does a NAT gateway do?\n[media: nat.png]"
    assert nat["answer"] == "Lets private subnets reach the internet & nothing in.\nZonal."
    assert nat["deck"] == "AWS::Networking" and nat["tags"] == "vpc"
    cloze = next(c for c in cards.values() if c["type"] == "cloze")
    assert cloze["prompt"] == "A VPC spans [...] of [...].[media: vpc.mp3]"
    assert {c["prompt"] for c in cards.values()} >= {"Q <tag>"}
    # Ids come from the note guid: importing again gives the same ids (and keeps their history).
    again = runner.invoke(app, ["import", str(apkg), "--json"])
    assert json.loads(again.stdout)["written"] is False
    assert set(json.loads(runner.invoke(app, ["export", "json", "-"]).stdout)["cards"][0]) and set(cards) == {
        c["id"] for c in json.loads(runner.invoke(app, ["export", "json", "-"]).stdout)["cards"]
    }
    assert not runner.invoke(app, ["import", str(apkg)]).stderr.count("\n") > 2
    res = runner.invoke(app, ["import", str(apkg), "--deck", "aws"])
    assert res.exit_code == 0
    assert "unknown" not in res.stdout and "'Image Occlusion Plus'" in res.stderr


@pytest.mark.parametrize("kind", ["text", "zip", "truncated", "empty-db"])
def test_a_damaged_or_non_anki_file_is_one_sentence(env, runner, tmp_path, kind):
    bad = tmp_path / "bad.apkg"
    if kind == "text":
        bad.write_text("not a zip at all", encoding="utf-8")
    elif kind == "zip":
        with zipfile.ZipFile(bad, "w") as z:
            z.writestr("readme.txt", "hello")
    elif kind == "truncated":
        good = _foreign_package(tmp_path / "good.apkg").read_bytes()
        bad.write_bytes(good[: len(good) // 2])
    else:
        db = tmp_path / "c.anki2"
        sqlite3.connect(db).execute("CREATE TABLE x (a)").connection.commit()
        with zipfile.ZipFile(bad, "w") as z:
            z.write(db, "collection.anki2")
    res = runner.invoke(app, ["import", str(bad)])
    assert res.exit_code == 2
    assert "is not an Anki package (.apkg) that awsprep can read" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.output


def test_history_round_trip_rebuilds_the_same_sm2_state(env, runner, tmp_path, monkeypatch):
    write_bank(env, MIXED)
    # Grades Anki has a button for (again 1, hard 3, good 4, easy 5): 0 and 2 come back as 1.
    runner.invoke(app, ["review", "--plain"], input="\n5\n\n1\nq\n")
    monkeypatch.setenv("AWSPREP_NOW", "2026-01-06T09:00:00")
    runner.invoke(app, ["review", "--plain"], input="\n4\nq\n")
    before = cards_json(runner)
    out = tmp_path / "h.apkg"
    assert runner.invoke(app, ["export", "anki", str(out), "--with-history"]).exit_code == 0
    # Another machine: its own home, an empty bank of its own.
    other_bank = tmp_path / "bank2"
    other_bank.mkdir()
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home2"))
    monkeypatch.setenv("AWSPREP_BANK", str(other_bank))
    res = runner.invoke(app, ["import", str(out), "--with-history", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["history_reviews"] == 3
    after = cards_json(runner)
    for cid in ("b1", "z1"):
        keys = ("due", "interval", "ef", "reps", "lapses")
        assert {k: after[cid][k] for k in keys} == {k: before[cid][k] for k in keys}
    again = runner.invoke(app, ["import", str(out), "--with-history", "--json"])
    assert json.loads(again.stdout)["history_reviews"] == 0  # replayed once, never twice


# --- round trip: any cards awsprep can hold come back the same, ids included --------------------------

words = (
    st.text(alphabet=st.sampled_from("abcxyz019 .,?!&<>'\"-"), min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda s: bool(s) and "{" not in s and "}" not in s)
)
ids = st.from_regex(r"[a-z][a-z0-9-]{2,20}", fullmatch=True)
sources = st.lists(
    st.builds(
        Source,
        file=st.sampled_from(["n.md", "d/x.md"]),
        line=st.integers(0, 500),
        path=st.lists(words, max_size=2).map(tuple),
    ),
    max_size=2,
).map(tuple)
common = {
    "deck": st.just("d1"),
    "topic": st.one_of(st.just(""), words),
    "sources": sources,
    "tags": st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), max_size=2, unique=True).map(tuple),
    "domain": st.one_of(st.none(), st.sampled_from(["design", "security"])),
}
cards = st.one_of(
    st.builds(BasicCard, id=ids, front=words, back=words, **common),
    st.builds(
        ClozeCard,
        id=ids,
        text=st.tuples(words, words, words).map(lambda t: f"{t[0]} {{{{{t[1]}}}}} {t[2]}"),
        **common,
    ),
    st.builds(
        McqCard,
        id=ids,
        question=words,
        options=st.lists(words, min_size=2, max_size=4).map(tuple),
        correct=st.just((1,)),
        explanation=words,
        **common,
    ),
    st.builds(
        NumericCard,
        id=ids,
        question=words,
        answer=st.integers(0, 10**6).map(float),
        unit=st.just("RCU"),
        steps=st.lists(words, max_size=2).map(tuple),
        **common,
    ),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(cards, min_size=1, max_size=5, unique_by=lambda c: c.id))
def test_round_trip_gives_back_the_same_cards_and_ids(tmp_path, deck_cards):
    out = tmp_path / "rt.apkg"
    status = CardStatus("x", "d1", "basic", CardState())
    write_apkg([ExportCard(c, status) for c in deck_cards], out, False, datetime(2026, 1, 5, tzinfo=UTC))
    back = read_apkg(out, None)
    assert back.cards == deck_cards
    assert not back.unknown and back.empty == 0
