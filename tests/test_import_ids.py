"""Stable ids: unchanged notes change nothing, rewording keeps the id, moving makes a new card."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from awsprep.bank.models import Card
from awsprep.notes.pipeline import ImportResult, NoteFile, run_import
from awsprep.notes.topics import TopicTable

TOPICS = TopicTable.load(Path(__file__).resolve().parent.parent / "content" / "domains.yaml")

NOTES = """# SQS

## Key facts

- **Visibility timeout**: how long a received message stays hidden from other consumers
- Max long polling wait is 20 seconds
- The queue decouples producers from consumers, so either side can fail alone
- What does a DLQ hold? :: messages that failed processing too many times

## Exam tips

- **FIFO**: strict ordering and exactly-once processing
"""


def run(tmp_path: Path, text: str, previous: list[Card] | None = None, name: str = "sqs.md") -> ImportResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_import([NoteFile(name, path)], "deck", TOPICS, previous=previous)


def ids_by_prompt(r: ImportResult) -> dict[str, str]:
    return {c.prompt(): c.id for c in r.cards}


def test_ids_are_valid_and_unique(tmp_path: Path) -> None:
    r = run(tmp_path, NOTES)
    ids = [c.id for c in r.cards]
    assert len(ids) == len(set(ids)) >= 4
    assert all(i and not any(ch.isspace() for ch in i) for i in ids)


def test_reimport_of_unchanged_notes_changes_nothing(tmp_path: Path) -> None:
    first = run(tmp_path, NOTES)
    again = run(tmp_path, NOTES, previous=first.cards)
    assert [c.id for c in again.cards] == [c.id for c in first.cards]
    assert again.cards == first.cards
    assert (again.summary()["added"], again.summary()["changed"], again.summary()["retired"]) == (0, 0, 0)


def test_rewording_a_keyed_card_keeps_its_id(tmp_path: Path) -> None:
    first = run(tmp_path, NOTES)
    reworded = NOTES.replace("how long a received message stays hidden", "how long a message is invisible")
    again = run(tmp_path, reworded, previous=first.cards)
    old = next(c for c in first.cards if c.prompt().startswith("Visibility timeout"))
    new = next(c for c in again.cards if c.prompt().startswith("Visibility timeout"))
    assert new.id == old.id
    assert again.changed == [old.id] and not again.added and not again.retired


def test_rewording_a_card_without_key_term_keeps_its_id_by_similarity(tmp_path: Path) -> None:
    first = run(tmp_path, NOTES)
    old = next(c for c in first.cards if "long polling" in c.prompt())
    again = run(
        tmp_path,
        NOTES.replace("Max long polling wait is 20 seconds", "Max long-polling wait: 20 seconds"),
        previous=first.cards,
    )
    new = next(c for c in again.cards if "long" in c.prompt() and "polling" in c.prompt())
    assert new.id == old.id
    assert again.changed == [old.id]


def test_rewriting_entirely_makes_a_new_card_and_retires_the_old(tmp_path: Path) -> None:
    first = run(tmp_path, NOTES)
    old = next(c for c in first.cards if "long polling" in c.prompt())
    again = run(
        tmp_path,
        NOTES.replace("Max long polling wait is 20 seconds", "Messages are kept 4 days by default"),
        previous=first.cards,
    )
    assert old.id in again.retired
    assert len(again.added) == 1


def test_moving_to_another_heading_or_file_makes_a_new_card(tmp_path: Path) -> None:
    first = run(tmp_path, NOTES)
    old = next(c for c in first.cards if c.prompt().startswith("Visibility timeout"))
    moved = NOTES.replace("## Key facts", "## Settings")
    again = run(tmp_path, moved, previous=first.cards)
    new = next(c for c in again.cards if c.prompt().startswith("Visibility timeout"))
    assert new.id != old.id and old.id in again.retired
    other = run(tmp_path, NOTES, previous=first.cards, name="queues.md")
    assert not set(ids_by_prompt(other).values()) & {c.id for c in first.cards}


def test_deck_is_part_of_the_id(tmp_path: Path) -> None:
    path = tmp_path / "sqs.md"
    path.write_text(NOTES, encoding="utf-8")
    a = run_import([NoteFile("sqs.md", path)], "one", TOPICS)
    b = run_import([NoteFile("sqs.md", path)], "two", TOPICS)
    assert not {c.id for c in a.cards} & {c.id for c in b.cards}


def test_content_hash_cache_skips_unchanged_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Lambda\n\n- timeout: default 3 s, max 900 s\n", encoding="utf-8")
    notes = [NoteFile("a.md", tmp_path / "a.md"), NoteFile("b.md", tmp_path / "b.md")]
    first = run_import(notes, "d", TOPICS)
    again = run_import(notes, "d", TOPICS, previous=first.cards, cache=first.cache)
    assert again.unchanged_files == 2 and again.cards == first.cards
    assert again.summary() == {**first.summary(), "added": 0}
    (tmp_path / "b.md").write_text("# Lambda\n\n- timeout: default 3 s, max 15 minutes\n", encoding="utf-8")
    third = run_import(notes, "d", TOPICS, previous=again.cards, cache=again.cache)
    assert third.unchanged_files == 1
    assert len(third.changed) == 1 and not third.added


def test_cache_from_other_rules_or_topics_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(NOTES, encoding="utf-8")
    notes = [NoteFile("a.md", tmp_path / "a.md")]
    first = run_import(notes, "d", TOPICS, topics_sig="x")
    again = run_import(notes, "d", TOPICS, topics_sig="y", cache=first.cache)
    assert again.unchanged_files == 0 and again.cards == first.cards


def test_next_summary_is_the_next_imports_and_none_when_an_id_would_move(tmp_path: Path) -> None:
    from awsprep.bank.io import card_from_dict
    from awsprep.notes.pipeline import next_summary

    walk = "# ALB\n\n## Hands On\n\n- Scheme: internet-facing and reachable from any client\n"
    first = run(tmp_path, walk + "\n## Facts\n\n- **Idle timeout**: 60 seconds by default\n")
    assert len(first.triage) == 1 and len(first.cards) == 1
    again = run(tmp_path, walk + "\n## Facts\n\n- **Idle timeout**: 60 seconds by default\n", first.cards)
    assert next_summary(first, "deck", "deck.yaml") == again.summary()
    # a bank card at the same place lends its id to the card now waiting in triage; the next import has
    # no such card in its bank (waiting cards are not in it), so the waiting card gets its own id back
    lender = card_from_dict({**first.triage[0].card, "id": "alb-lent-id"}, "deck.yaml", "deck")
    lent = run(tmp_path, walk, previous=[lender])
    assert [p.id for p in lent.triage] == ["alb-lent-id"] and lent.retired == ["alb-lent-id"]
    assert next_summary(lent, "deck", "deck.yaml") is None
    assert [p.id for p in run(tmp_path, walk, previous=lent.cards).triage] == [first.triage[0].id]


def test_cards_under_an_escaped_heading_keep_their_ids_from_a_bank_that_kept_the_escape(
    tmp_path: Path,
) -> None:
    """Headings lost their backslash escapes ("Day 8 \\- March 15" reads "Day 8 - March 15"), which moves
    the place their cards' ids hash; a bank written before names the place with the escape, and its
    cards still lend their ids (and so their review history) to the same cards now."""
    notes = (
        "# Day 8 \\- March 15\n\n## Caching\n\n- Redis auth: a password token set when the cluster is made\n"
        "- Reads in the cache usually answer within a millisecond or two of asking, kept in memory\n"
    )
    first = run(tmp_path, notes)
    old = []
    for n, card in enumerate(first.cards):
        assert card.source is not None and card.source.path[0] == "Day 8 - March 15"
        source = dataclasses.replace(card.source, path=("Day 8 \\- March 15", *card.source.path[1:]))
        old.append(dataclasses.replace(card, id=f"written-before-{n}", sources=(source,)))
    again = run(tmp_path, notes, previous=old)
    assert sorted(c.id for c in again.cards) == sorted(c.id for c in old)
