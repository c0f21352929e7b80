"""The review log's counts that the database keeps for `stats` (schema 7, `store/tallies.py`; schema 8's
response-time buckets): after any mix of answers, undos, moved and retyped cards, history adopted from
Anki, a copy between databases and an upgrade from schema 6 or 7, the kept counts are the log counted
again, and `stats` reads the same figures from them as from the log itself (SQLite and PostgreSQL)."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from awsprep.bank.models import BasicCard, ClozeCard, McqCard
from awsprep.sched.sm2 import PASS_GRADE
from awsprep.store import db as store_db
from awsprep.store import tallies
from awsprep.store.copy import copy_database
from awsprep.store.repo import Store
from awsprep.store.stats import StatsStore
from awsprep.study import stats as study_stats

DAY0 = datetime(2026, 1, 5, 9, tzinfo=UTC)


def deck_cards(moved: bool = False) -> list[Any]:
    """Six cards in two decks; `moved`: the bank edited (m1 to deck b and another domain, c1 from a cloze
    to a basic card with the same id, b2's domain removed, b3 to deck a alone)."""
    return [
        BasicCard(id="b1", deck="a", domain="security", front="F1", back="B1"),
        BasicCard(id="b2", deck="a", domain=None if moved else "development", front="F2", back="B2"),
        McqCard(
            id="m1",
            deck="b" if moved else "a",
            domain="deployment" if moved else "security",
            question="Q1",
            options=("x", "y"),
            correct=(0,),
        ),
        McqCard(id="m2", deck="b", domain="development", question="Q2", options=("x", "y"), correct=(1,)),
        BasicCard(id="c1", deck="b", front="What holds?", back="This")
        if moved
        else ClozeCard(id="c1", deck="b", text="It {{holds}}."),
        BasicCard(id="b3", deck="a" if moved else "b", domain="security", front="F3", back="B3"),
    ]


def study(store: Store, rng: random.Random, days: int, start: datetime = DAY0) -> None:
    """Answers over `days` days with random grades and times (some without a time), undoing some."""
    ids = ["b1", "b2", "m1", "m2", "c1", "b3"]
    for d in range(days):
        now = start + timedelta(days=d, minutes=rng.randint(0, 600))
        for card in rng.sample(ids, rng.randint(1, len(ids))):
            ms = None if rng.random() < 0.15 else rng.randint(500, 90_000)
            store.answer(card, rng.choice((1, 2, 3, 4, 5)), now, ms)
            if rng.random() < 0.2:
                store.undo_last(now)


def figures(store: Store, live: bool) -> dict[str, Any]:
    """Every count `stats` reads from the log, for all decks and for each deck, sorted."""
    reader = StatsStore(store, live=live)
    out: dict[str, Any] = {}
    for decks in (None, ["a"], ["b"], ["a", "b"]):
        key = ",".join(decks or ["*"])
        out[f"days {key}"] = sorted(reader.day_tallies(decks, study_stats.MATURE_DAYS, PASS_GRADE), key=repr)
        out[f"times {key}"] = sorted(reader.time_buckets(decks, DAY0.date() + timedelta(days=3)), key=repr)
        out[f"questions {key}"] = sorted(reader.question_answers(decks, PASS_GRADE), key=repr)
        out[f"cards {key}"] = sorted(reader.card_tallies(decks, study_stats.MATURE_DAYS), key=repr)
    return out


def kept_rows(store: Store) -> dict[str, list[Any]]:
    with store.reading() as conn:
        return {
            t: sorted(tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}")) if any(r[keys:]))
            for t, keys in zip(tallies.TALLY_TABLES, (4, 4, 5), strict=True)
        }


def assert_exact(store: Store) -> None:
    """The kept counts equal the log counted again, and stats reads the same from both."""
    assert figures(store, live=False) == figures(store, live=True)
    kept = kept_rows(store)
    with store.engine.begin() as conn:
        tallies.rebuild(conn)
    assert kept_rows(store) == kept


def test_thresholds_are_the_ones_stats_uses():
    assert (tallies.MATURE_DAYS, tallies.PASS_GRADE) == (study_stats.MATURE_DAYS, PASS_GRADE)


def test_kept_counts_follow_answers_undos_and_edited_cards(db, env):
    store = Store(db)
    store.sync(deck_cards(), "one")
    rng = random.Random(7)
    study(store, rng, 40)  # long enough for mature reviews (interval 21 days or more)
    assert figures(store, live=False)["days *"], "the answers were counted"
    assert_exact(store)
    store.sync(deck_cards(moved=True), "two")  # the answered cards move deck, domain and type
    assert_exact(store)
    study(store, rng, 5, DAY0 + timedelta(days=41))
    store.sync(deck_cards()[1:], "three")  # b1 retired: no longer counted among the cards
    assert_exact(store)
    store.sync(deck_cards(), "four")  # and back
    assert_exact(store)
    mature = figures(store, live=False)["days *"]
    assert sum(t.mature_passed + t.mature_failed for t in mature) > 0
    store.close()


def test_history_adopted_and_exam_failures(db, env):
    from awsprep.store.models import CardRow  # noqa: F401  (the ORM, as fail_recall_in needs it)

    store = Store(db)
    store.sync(deck_cards(), "one")
    answers = [(DAY0 + timedelta(days=i * 3), 3 + i % 3, 2000 + 100 * i) for i in range(6)]
    assert store.adopt_history("b1", answers)
    with store.Session() as s, s.begin():
        Store.fail_recall_in(s, "m1", DAY0 + timedelta(days=2))
    assert_exact(store)
    days = {t.day: t.answers for t in figures(store, live=False)["days *"]}
    assert days == {a[0].date(): 1 for a in answers}  # an exam's failed recall is not an answer
    store.close()


def test_answers_logged_before_their_card_count_once_it_arrives(tmp_path):
    """A copy writes each table in turn: answers may arrive before their card. Until it comes they count
    under no deck (as the log does); then under its deck, type and domain."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    store = Store(url)
    row = (
        "INSERT INTO review_log (card_id, ts, day, action, grade, was_new, drill, response_ms, undone) "
        "VALUES ('b1', '2026-01-05 09:00:00', '2026-01-05', 'answer', 4, 1, 0, 2500, 0)"
    )
    with store.engine.begin() as conn:
        conn.execute(text(row))
    assert figures(store, live=False)["days *"][0].answers == 1
    assert figures(store, live=False)["days a"] == []
    store.sync(deck_cards(), "one")
    assert figures(store, live=False)["days a"][0].answers == 1
    assert_exact(store)
    store.close()


def test_copy_counts_again_on_the_target(tmp_path):
    source, target = (f"sqlite:///{tmp_path / n}" for n in ("a.db", "b.db"))
    store = Store(source)
    store.sync(deck_cards(), "one")
    study(store, random.Random(3), 12)
    before = figures(store, live=False)
    store.close()
    counts = copy_database(source, target)
    assert "answer_days" not in counts  # counted again by the target, never copied row by row
    copied = Store(target)
    assert figures(copied, live=False) == before
    assert_exact(copied)
    copied.close()


def studied_file(path: Any, seed: int) -> dict[str, Any]:
    """A SQLite database at `path` with fifteen days of answers, closed; its figures counted from the log."""
    store = Store(f"sqlite:///{path}")
    store.sync(deck_cards(), "one")
    study(store, random.Random(seed), 15)
    before = figures(store, live=True)
    store.close()
    return before


def test_schema_6_database_counts_its_whole_log_when_upgraded(tmp_path):
    path = tmp_path / "v6.db"
    before = studied_file(path, 5)
    with sqlite3.connect(path) as conn:  # back to schema 6: no domain column, no tallies, no triggers
        for name in tallies._SQLITE_TRIGGERS:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE answer_days")
        conn.execute("DROP TABLE answer_times")
        conn.execute("DROP TABLE card_counts")
        conn.execute("DROP INDEX ix_cards_memory")
        conn.execute("ALTER TABLE cards DROP COLUMN domain")
        conn.execute(
            "CREATE INDEX ix_cards_memory ON cards (retired, suspended, due, buried_until, last_day,"
            " stability, difficulty, id)"
        )
        conn.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    store = Store(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        domains = dict(conn.execute("SELECT id, domain FROM cards"))
    assert version == str(store_db.SCHEMA_VERSION)
    assert domains["b1"] == "security" and domains["c1"] is None
    assert figures(store, live=False) == before
    assert_exact(store)
    study(store, random.Random(6), 3, DAY0 + timedelta(days=20))  # and kept from then on
    assert_exact(store)
    store.close()


def test_schema_7_database_counts_its_times_again_in_the_wider_buckets(tmp_path):
    """Schema 7 kept every response time in 100 ms buckets; the upgrade makes the triggers again and
    counts the log again, and the counts are kept in the new buckets from then on."""
    path = tmp_path / "v7.db"
    before = studied_file(path, 7)
    old = "(l.response_ms / 100) * 100"
    with sqlite3.connect(path) as conn:  # back to schema 7: its buckets, its triggers (here: none)
        for name in tallies._SQLITE_TRIGGERS:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DELETE FROM answer_times")
        conn.execute(
            f"INSERT INTO answer_times SELECT l.day, c.deck, c.type, {old}, COUNT(*) FROM review_log AS l "
            f"JOIN cards AS c ON c.id = l.card_id WHERE l.response_ms IS NOT NULL GROUP BY 1, 2, 3, 4"
        )
        slow = conn.execute("SELECT COUNT(*) FROM answer_times WHERE ms >= 10000 AND ms % 1000 <> 0")
        assert slow.fetchone()[0] > 0  # the fixture has slow answers the old buckets split finely
        conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    store = Store(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        fine = conn.execute("SELECT COUNT(*) FROM answer_times WHERE ms >= 10000 AND ms % 1000 <> 0")
        assert fine.fetchone()[0] == 0
    assert triggers == set(tallies._SQLITE_TRIGGERS)
    assert figures(store, live=False) == before
    assert_exact(store)
    study(store, random.Random(8), 3, DAY0 + timedelta(days=20))
    assert_exact(store)
    store.close()


def test_schema_8_database_counts_its_cards_when_upgraded(tmp_path):
    """Schema 8 counted the cards at every `stats`; the upgrade adds card_counts, its triggers, and counts
    the cards once; from then on the triggers keep the counts."""
    path = tmp_path / "v8.db"
    before = studied_file(path, 9)
    with sqlite3.connect(path) as conn:  # back to schema 8: no card_counts, no triggers on it
        for name in ("awsprep_count_insert", "awsprep_count_update", "awsprep_count_delete"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE card_counts")
        conn.execute("DROP INDEX ix_cards_memory")  # schema 8's, without the domain
        conn.execute(
            "CREATE INDEX ix_cards_memory ON cards (retired, suspended, due, buried_until, interval,"
            " last_day, stability, difficulty, id)"
        )
        conn.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    store = Store(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        counted = conn.execute("SELECT SUM(cards) FROM card_counts").fetchone()[0]
        indexed = [r[2] for r in conn.execute("PRAGMA index_info(ix_cards_memory)")]
    assert triggers == set(tallies._SQLITE_TRIGGERS)
    assert indexed[-1] == "domain"
    assert counted == 6
    assert figures(store, live=False) == before
    assert_exact(store)
    study(store, random.Random(10), 30, DAY0 + timedelta(days=20))  # first answers, cards turning mature
    store.sync(deck_cards()[:4], "fewer")  # two cards retired
    assert_exact(store)
    assert sum(t.count for t in StatsStore(store).card_tallies(None, study_stats.MATURE_DAYS)) == 4
    store.close()


def test_time_buckets_widen_past_ten_seconds_and_past_a_minute(tmp_path):
    """The bucket of a response time, in Python and in the SQL the triggers run: its lower bound."""
    cases = {0: 0, 99: 0, 9_999: 9_900, 10_000: 10_000, 10_999: 10_000, 59_999: 59_000, 60_000: 60_000,
             69_999: 60_000, 3_600_123: 3_600_000}  # fmt: skip
    with sqlite3.connect(tmp_path / "b.db") as conn:
        for ms, lower in cases.items():
            assert tallies.bucket(ms) == lower
            assert conn.execute(f"SELECT {tallies.bucket_sql(str(ms))}").fetchone()[0] == lower


@pytest.mark.parametrize("read", ["due", "recall"])
def test_stats_reads_the_cards_due_and_their_memory_from_the_memory_index(tmp_path, read):
    """Cards due per day and the daily load, and the memory behind the predicted recall per domain, come
    from an index (no card row with its content is read)."""
    from sqlalchemy import event

    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.sync(deck_cards(), "one")
    seen: list[tuple[str, Any]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    if read == "due":
        StatsStore(store).due_tallies(date(2026, 1, 5))
    else:
        StatsStore(store).recall_tallies(None)
    event.remove(store.engine, "before_cursor_execute", capture)
    statement, parameters = next((s, p) for s, p in seen if "GROUP BY" in s)
    with store.reading() as conn:
        plan = [r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    assert any("COVERING INDEX ix_cards_memory" in step for step in plan), plan
    store.close()
