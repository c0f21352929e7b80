"""The parsed-bank cache gives the same cards as parsing (a changed file is parsed again, a damaged cache
is ignored, a broken file still names file and line); the queue's indexes and their migration; a review
limit in the candidates query picks the same queue as the ordering in sched.queue."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awsprep.bank import io as bank_io
from awsprep.cli.main import app
from awsprep.sched.queue import Limits, build_queue
from awsprep.sched.sm2 import CardState
from awsprep.store import db as store_db
from awsprep.store.db import sqlite_url
from awsprep.store.repo import Store, same_state
from awsprep.store.sync import sync_bank
from tests.conftest import MIXED, basic_cards, write_bank


def listing(runner):
    res = runner.invoke(app, ["cards", "list", "--json"])
    assert res.exit_code == 0, res.output
    return {c["id"]: c for c in json.loads(res.stdout)}


def db_path(env: dict[str, str]) -> Path:
    return Path(env["AWSPREP_HOME"]) / "awsprep.db"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed as YAML, in order."""
    seen: list[str] = []
    real = bank_io.parse_yaml

    def counting(text: str, file: str):  # type: ignore[no-untyped-def]
        seen.append(Path(file).name)
        return real(text, file)

    monkeypatch.setattr(bank_io, "parse_yaml", counting)
    return seen


def test_unchanged_file_is_not_parsed_again_changed_one_is(env, runner, parses):
    a = write_bank(env, basic_cards(3, "a"), "a.yaml")
    write_bank(env, MIXED, "b.yaml")
    first = listing(runner)
    assert sorted(parses) == ["a.yaml", "b.yaml"]
    parses.clear()
    a.write_text(a.read_text().replace("Front 1?", "Front one?"))  # a changes, b does not
    assert listing(runner).keys() == first.keys()
    assert parses == ["a.yaml"]
    store = Store(sqlite_url(db_path(env)))
    assert store.card("a001").prompt() == "Front one?"  # type: ignore[union-attr]
    assert store.card("m1") == next(
        c for c in bank_io.load_bank_file(Path(env["AWSPREP_BANK"]) / "b.yaml") if c.id == "m1"
    )


def test_touched_but_same_bytes_is_not_parsed(env, runner, parses):
    a = write_bank(env, basic_cards(2), "a.yaml")
    listing(runner)
    parses.clear()
    a.write_text(a.read_text())  # new mtime, same bytes: the fingerprint changes, the digest does not
    listing(runner)
    assert parses == []


def test_cached_cards_equal_parsed_cards(env, tmp_path):
    write_bank(env, MIXED + basic_cards(2), "mixed.yaml")
    roots = [Path(env["AWSPREP_BANK"])]
    parsed = bank_io.load_bank(roots)
    store = Store(sqlite_url(tmp_path / "s.db"))
    sync_bank(store, roots)
    cache = {path: entry for path, entry in store.bank_cache().items()}
    assert list(cache) == [str(roots[0] / "mixed.yaml")]

    class Reader:
        def get(self, file: str, digest: str) -> str | None:
            return cache[file][1] if cache[file][0] == digest else None

        def put(self, file: str, digest: str, cards: str) -> None:
            raise AssertionError("a cached file was parsed again")

    assert [c for _, cs in bank_io.load_bank_files(roots, cache=Reader()) for c in cs] == parsed


@pytest.mark.parametrize(
    "damage", ["not json", "[1, 2]", '[{"id": "x"}]', "{}", '[{"deck": "d", "id": "a b"}]']
)
def test_damaged_cache_is_ignored(env, runner, parses, damage):
    write_bank(env, MIXED)
    before = listing(runner)
    with sqlite3.connect(db_path(env)) as conn:
        conn.execute("UPDATE bank_files SET cards = ?", (damage,))
        conn.execute("UPDATE meta SET value = 'x' WHERE key = 'bank_fingerprint'")  # force a sync
    parses.clear()
    assert listing(runner) == before
    assert parses == ["test.yaml"]
    with sqlite3.connect(db_path(env)) as conn:  # and the entry is good again
        (cards,) = conn.execute("SELECT cards FROM bank_files").fetchone()
    assert [c["id"] for c in json.loads(cards)] == ["b1", "z1", "m1", "n1"]


def test_cached_file_that_breaks_still_names_file_and_line(env, runner):
    path = write_bank(env, basic_cards(3))
    listing(runner)
    path.write_text(path.read_text().replace("front: 'Front 1?'", "front: [unclosed"))
    res = runner.invoke(app, ["cards", "list"])
    assert res.exit_code == 2
    assert res.stderr.startswith(f"awsprep: {path}:5:") and "not valid YAML" in res.stderr
    path.write_text(path.read_text().replace("type: basic, topic: T, front: [unclosed", "type: nope"))
    res = runner.invoke(app, ["cards", "list"])
    assert res.exit_code == 2 and f"{path}:" in res.stderr


def test_removed_file_leaves_the_cache(env, runner):
    write_bank(env, basic_cards(2, "a"), "a.yaml")
    b = write_bank(env, basic_cards(2, "b"), "b.yaml")
    listing(runner)
    b.unlink()
    listing(runner)
    with sqlite3.connect(db_path(env)) as conn:
        assert [r[0] for r in conn.execute("SELECT path FROM bank_files")] == [str(b.parent / "a.yaml")]


def test_cards_that_json_would_change_are_not_cached():
    from awsprep.bank.models import NumericCard

    faithful = NumericCard(id="t1", deck="d", generator="dynamodb-rcu", params={"reads": 80})
    assert bank_io._cards_from_cache(bank_io._cache_text([faithful]) or "", "f") == [faithful]
    for params in ({1: 2}, {"when": date(2020, 1, 1)}):
        changed = NumericCard(id="t2", deck="d", generator="dynamodb-rcu", params=params)
        assert bank_io._cache_text([faithful, changed]) is None


def test_version_1_database_gets_the_queue_indexes(tmp_path):
    path = tmp_path / "old.db"
    engine = store_db.make_engine(sqlite_url(path))
    store_db.metadata.create_all(engine)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        indexes = conn.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='cards'")
        for (name,) in indexes.fetchall():
            if not name.startswith("sqlite_"):
                conn.execute(f"DROP INDEX {name}")
        conn.execute("CREATE INDEX ix_cards_pick ON cards (retired, suspended, due)")
        conn.execute("CREATE INDEX ix_cards_deck ON cards (deck)")
        conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        conn.execute(
            "INSERT INTO cards (id, deck, type, content, content_hash, ordinal, retired, reps, interval,"
            " ef, lapses, drill, suspended, leech)"
            " VALUES ('k', 'd', 'basic', '{}', 'h', 0, 0, 0, 0, 2.5, 0, 0, 0, 0)"
        )
    Store(sqlite_url(path))
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
        kept = conn.execute("SELECT count(*) FROM cards").fetchone()[0]
    assert {"ix_cards_due", "ix_cards_drill", "ix_cards_new"} <= names and "ix_cards_pick" not in names
    assert version == str(store_db.SCHEMA_VERSION) and kept == 1


def test_review_limit_picks_the_same_queue(tmp_path):
    rng = random.Random(7)
    today = date(2026, 3, 1)
    store = Store(sqlite_url(tmp_path / "q.db"))
    with sqlite3.connect(tmp_path / "q.db") as conn:
        for i in range(400):
            due = None if i % 5 == 0 else (today + timedelta(days=rng.randint(-6, 6))).isoformat()
            conn.execute(
                "INSERT INTO cards (id, deck, type, content, content_hash, ordinal, retired, reps, interval,"
                " ef, lapses, drill, suspended, leech, due, buried_until) VALUES"
                " (?, 'd', 'basic', '{}', 'h', ?, ?, 1, 1, ?, 0, ?, ?, 0, ?, ?)",
                (
                    f"c{rng.randint(0, 10**6):07d}-{i}",
                    rng.randint(0, 50),
                    rng.random() < 0.05,
                    rng.choice([1.3, 2.5, 2.5, 2.36]),
                    due is not None and rng.random() < 0.1,
                    rng.random() < 0.05,
                    due,
                    (today + timedelta(days=rng.randint(-1, 1))).isoformat() if rng.random() < 0.1 else None,
                ),
            )
    for reviews in (0, 1, 7, 30, 1000):
        limits = Limits(new_per_day=10, reviews_per_day=reviews)
        everything = build_queue(store.candidates(today, None, 10), today, limits, _done())
        limited = build_queue(store.candidates(today, None, 10, review_limit=reviews), today, limits, _done())
        assert limited == everything


def _done():  # type: ignore[no-untyped-def]
    from awsprep.sched.queue import DayCounts

    return DayCounts()


def test_answer_is_logged_and_undoable(tmp_path):
    write = tmp_path / "b.yaml"
    write.write_text("schema: 1\ndeck: d\ncards:\n" + basic_cards(2))
    store = Store(sqlite_url(tmp_path / "a.db"))
    sync_bank(store, [write])
    now = datetime(2026, 1, 5, 9, tzinfo=UTC)
    result = store.answer("c000", 5, now, 1200, session="s")
    saved = store.state("c000")
    assert (
        (saved.reps, saved.interval, saved.due)
        == (1, 1, date(2026, 1, 6))
        == (result.after.reps, result.after.interval, result.after.due)
    )
    (log,) = store.log("c000")
    assert (log.action, log.grade, log.was_new, log.drill, log.undone, log.response_ms) == (
        "answer",
        5,
        True,
        False,
        False,
        1200,
    )
    undone = store.undo_last(now, session="s")
    assert undone is not None and store.state("c000") == result.before
    assert [r.undone for r in store.log("c000")] == [True, False]


def test_version_3_database_gets_the_covering_indexes(tmp_path):
    """Schema 4: (deck, retired) replaces the deck index, the log's day index becomes a covering one; the
    rows and the answers' history are kept."""
    path = tmp_path / "v3.db"
    Store(sqlite_url(path))
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX ix_cards_deck_retired")
        conn.execute("DROP INDEX ix_review_log_days")
        conn.execute("DROP INDEX ix_review_log_card")
        conn.execute("CREATE INDEX ix_cards_deck ON cards (deck)")
        conn.execute("CREATE INDEX ix_review_log_card_id ON review_log (card_id)")
        conn.execute("CREATE INDEX ix_review_log_day ON review_log (day)")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        conn.execute(
            "INSERT INTO cards (id, deck, type, content, content_hash, ordinal, retired, reps, interval,"
            " ef, lapses, drill, suspended, leech) VALUES ('k', 'd', 'basic', '{}', 'h', 0, 0, 0, 0, 2.5, 0,"
            " 0, 0, 0)"
        )
        conn.execute(
            "INSERT INTO review_log (card_id, ts, day, action, grade, was_new, drill, undone)"
            " VALUES ('k', '2026-03-01 09:00:00', '2026-03-01', 'answer', 4, 1, 0, 0)"
        )
    store = Store(sqlite_url(path))
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert {"ix_cards_deck_retired", "ix_review_log_days", "ix_review_log_card"} <= names
    assert not {"ix_cards_deck", "ix_review_log_day", "ix_review_log_card_id"} & names
    assert version == str(store_db.SCHEMA_VERSION)
    assert store.decks() == {"d": 1} and [e.card_id for e in store.log()] == ["k"]


def test_deck_names_and_counts_leave_out_decks_with_only_retired_cards(tmp_path):
    path = tmp_path / "decks.db"
    store = Store(sqlite_url(path))
    rows = [("a1", "a", 0), ("a2", "a", 1), ("g1", "gone", 1), ("m1", "mid", 0), ("z1", "z", 0)]
    rows.append(("z2", "z", 0))
    with sqlite3.connect(path) as conn:
        for card_id, deck, retired in rows:
            conn.execute(
                "INSERT INTO cards (id, deck, type, content, content_hash, ordinal, retired, reps, interval,"
                " ef, lapses, drill, suspended, leech) VALUES (?, ?, 'basic', '{}', 'h', 0, ?, 0, 0, 2.5,"
                " 0, 0, 0, 0)",
                (card_id, deck, retired),
            )
    assert store.deck_names() == ["a", "mid", "z"]
    assert store.decks() == {"a": 1, "mid": 1, "z": 2}
    assert Store(sqlite_url(tmp_path / "empty.db")).deck_names() == []


def test_reading_does_not_wait_for_a_writer_and_writing_still_takes_turns(tmp_path):
    path = tmp_path / "lock.db"
    store = Store(sqlite_url(path))
    store.set_setting("new-per-day", "7")
    other = sqlite3.connect(path, isolation_level=None, timeout=0.0)
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of an answer
    try:
        assert store.get_setting("new-per-day", "20") == "7"  # a snapshot read, no write lock
        assert store.decks() == {} and store.deck_names() == []
    finally:
        other.execute("ROLLBACK")
    reader = sqlite3.connect(path, isolation_level=None, timeout=0.0)
    reader.execute("BEGIN IMMEDIATE")
    reader.execute("ROLLBACK")  # the store's read sessions left no lock behind
    reader.close()
    other.close()


def test_the_stored_state_fields_are_the_dataclass_fields_in_order():
    """The log's state JSON is written from STATE_FIELDS: the same keys, in the same order, as asdict."""
    from dataclasses import asdict, fields

    from awsprep.sched.sm2 import CardState
    from awsprep.store import repo

    assert tuple(f.name for f in fields(CardState)) == repo.STATE_FIELDS
    reviewed = datetime(2026, 2, 23, 9, tzinfo=UTC)
    state = CardState(reps=2, interval=6, due=date(2026, 3, 1), last_review=reviewed)
    expected = {**asdict(state), "due": "2026-03-01", "last_review": "2026-02-23T09:00:00+00:00"}
    assert repo._state_json(state) == json.dumps(expected)
    assert repo._state_values(state) == {name: getattr(state, name) for name in repo.STATE_FIELDS}


_ANY_NUMBER = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=True, allow_infinity=True)
)


@settings(max_examples=300, deadline=None)
@given(
    st.builds(
        CardState,
        reps=_ANY_NUMBER,
        interval=_ANY_NUMBER,
        ef=_ANY_NUMBER,
        due=st.one_of(st.none(), st.dates()),
        lapses=_ANY_NUMBER,
        drill=_ANY_NUMBER,
        last_review=st.one_of(st.none(), st.datetimes(timezones=st.one_of(st.none(), st.timezones()))),
        stability=_ANY_NUMBER,
        difficulty=_ANY_NUMBER,
    )
)
def test_the_state_json_is_json_dumps_of_the_fields(state):
    """_state_json (a dict literal) is json.dumps of the fields' dict in the dataclass's order, dates in
    ISO form, for any values: ints, floats (NaN and infinities too), booleans, None, any moment."""
    from dataclasses import fields

    from awsprep.store import repo

    d = {f.name: getattr(state, f.name) for f in fields(state)}
    d["due"] = state.due.isoformat() if state.due else None
    d["last_review"] = state.last_review.isoformat() if state.last_review else None
    assert repo._state_json(state) == json.dumps(d)


def _one_card_store(path: Path, lapses: int = 0) -> Store:
    store = Store(sqlite_url(path))
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO cards (id, deck, type, content, content_hash, ordinal, retired, reps, interval, ef,"
            " lapses, drill, suspended, leech, due, last_review) VALUES ('k', 'd', 'basic', ?, 'h', 0, 0,"
            " 3, 10, 2.4, ?, 0, 0, 0, '2026-03-01', '2026-02-19 09:00:00.000000')",
            (json.dumps({"id": "k", "type": "basic", "front": "Q?", "back": "A."}), lapses),
        )
    return store


def test_an_answer_on_the_sqlite_driver_stores_what_sqlalchemy_reads_back(tmp_path):
    """Answers on SQLite run on the driver's cursor with SQLAlchemy's type conversions: the state and
    log read back through SQLAlchemy are the answer's, the text stored is SQLAlchemy's format."""
    store = _one_card_store(tmp_path / "a.db")
    now = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    result = store.answer("k", 4, now, 1234, session="s1")
    assert same_state(store.state("k"), result.after) and result.after.due is not None
    [entry] = store.log("k")
    assert (entry.action, entry.grade, entry.was_new, entry.drill, entry.response_ms) == (
        "answer",
        4,
        0,
        0,
        1234,
    )
    assert (entry.interval_before, entry.interval_after) == (10, result.after.interval)
    assert (entry.undone, entry.session) == (False, "s1")
    with sqlite3.connect(tmp_path / "a.db") as conn:
        due, last, drill = conn.execute("SELECT due, last_review, drill FROM cards").fetchone()
        ts, day, before = conn.execute("SELECT ts, day, before FROM review_log").fetchone()
    assert (due, last, drill) == (result.after.due.isoformat(), "2026-03-01 09:30:00.000000", 0)
    assert (ts, day) == ("2026-03-01 09:30:00.000000", "2026-03-01")
    assert json.loads(before)["due"] == "2026-03-01"
    undone = store.undo_last(now, session="s1")  # the ORM reads what the driver wrote
    assert undone is not None and undone.restored.due == date(2026, 3, 1) and undone.restored.reps == 3


def test_a_leech_on_the_driver_is_suspended_and_logged(tmp_path):
    from awsprep.sched import sm2

    store = _one_card_store(tmp_path / "l.db", lapses=sm2.LEECH_LAPSES - 1)
    result = store.answer("k", 1, datetime(2026, 3, 1, 9, tzinfo=UTC), None)
    assert result.leech and store.status("k").suspended and store.status("k").leech
    assert [e.action for e in store.log("k")] == ["answer", "leech"]
    assert [(e.was_new, e.drill, e.undone) for e in store.log("k")][1] == (False, False, False)


def test_an_unknown_card_or_a_locked_database_leaves_no_transaction_behind(tmp_path, monkeypatch):
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 50)
    store = _one_card_store(tmp_path / "u.db")
    now = datetime(2026, 3, 1, 9, tzinfo=UTC)
    with pytest.raises(KeyError):
        store.answer("nope", 4, now, None)
    holder = sqlite3.connect(tmp_path / "u.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(store_db.StoreBusyError, match="locked by another program"):
            store.answer("k", 4, now, None)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.answer("k", 4, now, None).after.reps == 4  # the connection is usable again
    store.close()


def test_two_machines_saving_the_parse_cache_at_once_do_not_clash(db: str) -> None:
    """Both machines found the cache empty and then save the same files: the second save overwrites
    the first's rows. (The save is one upsert per batch, so the race that made a second machine fail
    on the path's primary key, seen in the two-process review test on PostgreSQL, cannot occur; this
    test pins the overwrite, the race itself is exercised by tests/test_review_processes.py.)"""
    first, second = Store(db), Store(db)
    assert first.bank_cache() == {} and second.bank_cache() == {}
    entries = {"decks/a.yaml": ("d1", "[]"), "decks/b.yaml": ("d2", "[1]")}
    first.save_bank_cache(entries, set(entries))
    second.save_bank_cache({**entries, "decks/b.yaml": ("d3", "[2]")}, set(entries))
    assert Store(db).bank_cache() == {"decks/a.yaml": ("d1", "[]"), "decks/b.yaml": ("d3", "[2]")}


def _last_days(path: Path) -> dict[str, tuple[int | None, int | None]]:
    """Each card's stored last_day beside the day number of its last_review read back by the store."""
    from awsprep.store.repo import last_day

    store = Store(sqlite_url(path))
    with sqlite3.connect(path) as conn:
        stored = dict(conn.execute("SELECT id, last_day FROM cards"))
    out = {cid: (stored[cid], last_day(store.state(cid).last_review, True)) for cid in stored}
    store.close()
    return out


def _synced(env: dict[str, str], path: Path, n: int) -> Store:
    write_bank(env, basic_cards(n))
    store = Store(sqlite_url(path))
    store.sync(bank_io.load_bank([Path(env["AWSPREP_BANK"])]), "fp")
    return store


def test_last_day_follows_the_last_review_through_answers_undo_and_a_scheduler_switch(env, tmp_path):
    """Schema 6: the day number the exam plan counts with is written wherever the last review is, as
    the day the store reads back: an answer (given in a zone far from UTC, late in the evening: SQLite
    keeps the wall-clock time, so its day), an undo, a wrong exam answer, a rebuild of every state under
    another scheduler."""
    from awsprep.sched.policy import Policy

    path = tmp_path / "days.db"
    store = _synced(env, path, 3)
    evening = datetime(2026, 3, 1, 22, 30, tzinfo=timezone(timedelta(hours=-5)))  # 03:30 UTC on 2 March
    store.answer("c000", 4, evening, 4000)
    store.answer("c001", 4, evening - timedelta(days=3), 4000)
    store.answer("c001", 2, evening, 4000)
    store.undo_last(evening)
    with store.Session() as s, s.begin():  # a wrong exam answer: a failed recall, inside the exam's commit
        Store.fail_recall_in(s, "c002", evening + timedelta(hours=1), None, store.policy)
    store.close()
    days = _last_days(path)
    assert days["c000"] == (date(2026, 3, 1).toordinal(),) * 2
    assert days["c001"] == (date(2026, 2, 26).toordinal(),) * 2  # the undone answer's day is gone too
    assert days["c002"] == (date(2026, 3, 1).toordinal(),) * 2
    store = Store(sqlite_url(path))
    assert store.reschedule(Policy(scheduler="fsrs"), {"scheduler": "fsrs"}) == 3
    store.close()
    assert all(stored == read for stored, read in _last_days(path).values())


def test_schema_5_database_gains_the_last_review_day_filled_from_its_history(env, tmp_path):
    """An upgrade from schema 5 fills last_day from each card's last_review (as the store reads it back)
    and builds the memory index on it; the exam plan then picks what it picked before."""
    from awsprep.sched.plan import ExamPlan

    path = tmp_path / "v5.db"
    store = _synced(env, path, 5)
    for i in range(4):
        store.answer(f"c{i:03d}", 3 + i % 3, datetime(2026, 1, 5 + 3 * i, 23, 50, tzinfo=UTC), 4000)
    query = ExamPlan(date(2026, 3, 1)).query(date(2026, 2, 27))
    before = store.plan_reviews(query, None, 10)
    store.close()
    with sqlite3.connect(path) as conn:  # back to schema 5: no last_day, the index on last_review
        conn.execute("DROP INDEX ix_cards_memory")
        conn.execute("ALTER TABLE cards DROP COLUMN last_day")
        conn.execute(
            "CREATE INDEX ix_cards_memory ON cards (retired, suspended, due, buried_until, last_review,"
            " stability, difficulty, id)"
        )
        conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    days = _last_days(path)
    assert sum(1 for stored, _ in days.values() if stored is not None) == 4
    assert all(stored == read for stored, read in days.values())
    with sqlite3.connect(path) as conn:
        (index,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'ix_cards_memory'").fetchone()
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert "last_day" in index and "last_review" not in index and version == str(store_db.SCHEMA_VERSION)
    store = Store(sqlite_url(path))
    assert store.plan_reviews(query, None, 10) == before and before[0] > 0
    store.close()


def test_schema_4_database_gains_the_memory_index_and_the_plan_reads_only_it(tmp_path):
    """Schema 5 (6): the exam plan's reviews are chosen from an index holding each studied card's memory,
    never from the cards' rows (which carry their content): EXPLAIN QUERY PLAN names it as covering."""
    from awsprep.sched.plan import ExamPlan

    path = tmp_path / "v4.db"
    Store(sqlite_url(path)).Session.kw["bind"].dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX ix_cards_memory")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    store = Store(sqlite_url(path))
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert "ix_cards_memory" in names and version == str(store_db.SCHEMA_VERSION)
    engine = store.Session.kw["bind"]
    seen: list[str] = []

    def trace(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.set_trace_callback(seen.append)

    from sqlalchemy import event

    engine.dispose()
    event.listen(engine, "connect", trace)
    store.plan_reviews(ExamPlan(date(2026, 3, 1)).query(date(2026, 2, 1)), None, 10)
    (sql,) = [s for s in seen if "studied" in s]
    with sqlite3.connect(path) as conn:
        plan = " ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert "COVERING INDEX ix_cards_memory" in plan, plan


def test_a_large_first_sync_builds_the_indexes_after_the_rows(env, db) -> None:  # type: ignore[no-untyped-def]
    """A first sync of BULK_SYNC cards or more drops the cards' indexes and builds them after the rows (in
    the same transaction): afterwards every index of the schema is there and the queue reads through
    them, on SQLite and PostgreSQL alike; a later sync keeps them."""
    from sqlalchemy import inspect

    from awsprep.store.repo import BULK_SYNC

    write_bank(env, basic_cards(BULK_SYNC))
    store = Store(db)
    bank = bank_io.load_bank([Path(env["AWSPREP_BANK"])])
    assert store.sync(bank, "fp1").added == BULK_SYNC
    engine = store.Session.kw["bind"]
    wanted = {i.name for i in store_db.metadata.tables["cards"].indexes}
    assert wanted <= {i["name"] for i in inspect(engine).get_indexes("cards")}
    assert len(store.candidates(date(2026, 3, 1), None, 20)) == 20  # new cards, in bank order
    write_bank(env, basic_cards(BULK_SYNC + 1))
    assert store.sync(bank_io.load_bank([Path(env["AWSPREP_BANK"])]), "fp2").added == 1
    assert wanted <= {i["name"] for i in inspect(engine).get_indexes("cards")}
    engine.dispose()


def test_the_content_json_is_json_dumps() -> None:
    """The store's JSON of a card's content (its row, and the sorted text its hash is of) is exactly
    json.dumps's, errors included, and an error leaves the encoder as it was."""
    import datetime as dt
    import json

    from awsprep.store import repo

    values: list[dict[str, object]] = [
        {"id": "c", "type": "basic", "front": 'é \u2028 \x7f " \\ \n', "back": "b", "z": 1, "a": [1.5, None]},
        {"b": {"y": 2, "x": float("inf")}, "a": float("nan"), "c": -0.0, "d": 10**20, "e": True},
        {},
    ]
    for value in values:
        assert repo._content_json(value) == json.dumps(value)
        assert repo._sorted_json(value) == json.dumps(value, sort_keys=True)
    circular: dict[str, object] = {"a": 1}
    circular["self"] = circular
    for bad in ({"when": dt.date(2026, 1, 1)}, circular):
        for encode, dumps in ((repo._content_json, json.dumps), (repo._sorted_json, None)):
            with pytest.raises(Exception) as ours:
                encode(bad)
            with pytest.raises(Exception) as theirs:
                json.dumps(bad, sort_keys=dumps is None)
            assert (type(ours.value), str(ours.value)) == (type(theirs.value), str(theirs.value))
            assert encode(values[0]) == json.dumps(values[0], sort_keys=dumps is None)
