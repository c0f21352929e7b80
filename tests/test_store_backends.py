"""The store on both backends (SQLite and a PostgreSQL server): concurrent answers keep every SM-2
change, and a server that is missing, down or refuses the password is one sentence."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from awsprep.cli.main import app
from awsprep.errors import UsageError
from awsprep.store.repo import Store, same_state
from tests.conftest import PG_ADMIN_URL, PYTHON, ROOT, basic_cards, pg_database, write_bank

ANSWERER = """
import sys
from datetime import UTC, datetime, timedelta
from awsprep.store.repo import Store, same_state
store = Store(sys.argv[1])
start = datetime(2026, 1, 5, 9, tzinfo=UTC)
for i in range(int(sys.argv[2])):
    grade = (2, 4, 5)[(i // 3) % 3]
    store.answer(f"c00{i % 3}", grade, start + timedelta(seconds=i), 1000, session=sys.argv[3])
"""


def _state(raw: str) -> dict[str, object]:
    """A logged state, its last review to the second in UTC (SQLite hands times back without a zone)."""
    state = json.loads(raw)
    state["last_review"] = (state["last_review"] or "")[:19]
    return state


@pytest.mark.slow
def test_concurrent_answers_each_start_from_the_state_the_last_one_left(env, db):
    """4 processes answer the same 3 cards at once: every answer's 'before' is the previous answer's
    'after' (none started from a stale state, none overwrote another's SM-2 change)."""
    write_bank(env, basic_cards(3))
    store = Store(db)
    from awsprep.bank.io import load_bank

    store.sync(load_bank([Path(env["AWSPREP_BANK"])]), "fp")
    procs = [
        subprocess.Popen([PYTHON, "-c", ANSWERER, db, "20", f"p{n}"], cwd=ROOT, stderr=subprocess.PIPE)
        for n in range(4)
    ]
    for p in procs:
        assert p.wait(120) == 0, p.stderr.read() if p.stderr else ""
    engine = create_engine(db)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT card_id, before, after FROM review_log WHERE action = 'answer' ORDER BY id")
        ).all()
    engine.dispose()
    assert len(rows) == 80
    last: dict[str, dict[str, object]] = {}
    stale = 0
    for card_id, before, after in rows:
        if card_id in last and _state(before) != last[card_id]:
            stale += 1
        last[card_id] = _state(after)
    assert stale == 0
    for cid, state in last.items():
        assert state["reps"] == store.state(cid).reps


def test_postgresql_url_without_the_driver_says_what_to_install(env, runner, monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(UsageError, match=r"pip install 'awsprep\[postgres\]'"):
        Store("postgresql://ap:s3cret@127.0.0.1:5/awsprep")
    res = runner.invoke(app, ["cards", "list", "--db", "postgresql://ap:s3cret@127.0.0.1:5/awsprep"])
    assert res.exit_code == 2
    assert "awsprep[postgres]" in res.stderr and "s3cret" not in res.output + res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_server_that_is_down_is_one_sentence(env, runner):
    url = f"postgresql+psycopg://ap:s3cret@127.0.0.1:{_free_port()}/awsprep"
    res = runner.invoke(app, ["review", "--plain", "--db", url], input="")
    assert res.exit_code == 2
    assert "No database server answers" in res.stderr
    assert "s3cret" not in res.output + res.stderr and "Traceback" not in res.output + res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_a_refused_password_is_one_sentence_without_the_password(env, runner):
    with pg_database() as url:
        bad = make_url(url).set(password="not-the-password-x1").render_as_string(hide_password=False)
        res = runner.invoke(app, ["review", "--plain", "--db", bad], input="")
    assert res.exit_code == 2
    assert "refused the user name or password" in res.stderr
    assert "not-the-password-x1" not in res.output + res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert PG_ADMIN_URL  # pg_database skipped otherwise


def test_db_copy_moves_the_whole_history_to_a_server_and_back(env, runner, tmp_path):
    write_bank(env, basic_cards(6))
    runner.invoke(app, ["review", "--plain"], input="\n5\n\n2\n\n4\ns\n")
    runner.invoke(app, ["settings", "new-per-day", "7"])
    local = f"sqlite:///{Path(env['AWSPREP_HOME']) / 'awsprep.db'}"
    before = Store(local)
    log, states = before.log(), {s.id: s for s in before.statuses()}
    assert len(log) >= 4
    with pg_database() as server:
        res = runner.invoke(app, ["db", "copy", "--to", server, "--json"])
        assert res.exit_code == 0, res.output
        rows = json.loads(res.stdout)["rows"]
        assert rows["cards"] == 6 and rows["review_log"] == len(log) and rows["settings"] >= 1
        password = make_url(server).password
        assert password and password not in res.output and ":***@" in json.loads(res.stdout)["to"]
        remote = Store(server)
        assert [(e.card_id, e.action, e.grade) for e in remote.log()] == [
            (e.card_id, e.action, e.grade) for e in log
        ]
        remote_states = {s.id: s for s in remote.statuses()}
        assert remote_states.keys() == states.keys()
        assert all(same_state(remote_states[i].state, states[i].state) for i in states)
        # Studying on the server goes on from there: a new answer gets a fresh log id.
        res = runner.invoke(app, ["review", "--plain", "--db", server], input="\n4\nq\n")
        assert res.exit_code == 0, res.output
        assert len(Store(server).log()) == len(log) + 1
        # A second copy into a store that already has answers is refused; back into a new SQLite file works.
        again = runner.invoke(app, ["db", "copy", "--to", server])
        assert again.exit_code == 2 and "already holds cards or answers" in again.stderr
        back = f"sqlite:///{tmp_path / 'back.db'}"
        res = runner.invoke(app, ["db", "copy", "--db", server, "--to", back])
        assert res.exit_code == 0, res.output
    assert len(Store(back).log()) == len(log) + 1
