from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.fake_clock import FakeMonotonic

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"

NOW = "2026-01-05T09:00:00"
SMALL_BANK = """\
schema: 1
deck: test
cards:
{cards}
"""


def basic_cards(n: int, prefix: str = "c") -> str:
    return "\n".join(
        f"  - {{id: {prefix}{i:03d}, type: basic, topic: T, front: 'Front {i}?', back: 'Back {i}',"
        f" source: {{file: notes.md, line: {i + 1}, path: [T, Part]}}}}"
        for i in range(n)
    )


MIXED = """\
  - id: b1
    type: basic
    front: What is the answer?
    back: Forty-two
  - id: z1
    type: cloze
    text: The default timeout is {{3 seconds}}.
  - id: m1
    type: mcq
    question: Pick the two even numbers. (Choose two.)
    options: ['1', '2', '3', '4']
    correct: [1, 3]
    explanation: Two and four are even.
  - id: n1
    type: numeric
    question: How many RCU for 80 strongly consistent reads/s of 3 KB items?
    answer: 80
    unit: RCU
    steps: ['3 KB / 4 KB rounded up = 1', '1 x 80 = 80']
"""


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """An isolated awsprep: its own data dir, a bank folder, a fixed clock."""
    home = tmp_path / "home"
    bank = tmp_path / "bank"
    bank.mkdir()
    values = {
        "AWSPREP_HOME": str(home),
        "AWSPREP_BANK": str(bank),
        "AWSPREP_NOW": NOW,
    }
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("AWSPREP_DB", raising=False)
    yield values


def write_bank(env: dict[str, str], body: str, name: str = "test.yaml") -> Path:
    path = Path(env["AWSPREP_BANK"]) / name
    path.write_text(SMALL_BANK.format(cards=body), encoding="utf-8")
    return path


@pytest.fixture
def frozen_monotonic(monkeypatch: pytest.MonkeyPatch) -> FakeMonotonic:
    """time.monotonic stands still (the exam clock) until the test calls .advance(seconds)."""
    clock = FakeMonotonic()
    monkeypatch.setattr(time, "monotonic", clock)
    return clock


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def subprocess_env(env: dict[str, str]) -> dict[str, str]:
    out = dict(os.environ)
    out.update(env)
    out["PYTHONPATH"] = str(ROOT)
    out.pop("COLUMNS", None)
    return out


PYTHON = sys.executable


def shown_letters(card_id: str, options: list[str], right: list[str], done: int, when: str = NOW) -> str:
    """The letters review shows for the `right` options of card `card_id` after `done` answers: options
    are shuffled on every showing, repeatably for a given clock."""
    from datetime import UTC, datetime

    from awsprep.bank.models import McqCard
    from awsprep.question import ask, letters
    from awsprep.study.review import question_rng

    correct = tuple(options.index(r) for r in right)
    card = McqCard(id=card_id, deck="t", options=tuple(options), correct=correct)
    rng = question_rng(card_id, datetime.fromisoformat(when).replace(tzinfo=UTC), done)
    return letters(ask(card, rng, shuffle=True).correct).replace(" ", "")


class Background:
    """A command run beside the tests, its output kept in a file."""

    def __init__(self, args: list[str]) -> None:
        self.out = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 (closed by stop)
        self.proc = subprocess.Popen(args, cwd=ROOT, stdout=self.out, stderr=subprocess.STDOUT, text=True)

    def result(self) -> tuple[int, str]:
        code = self.proc.wait()
        self.out.seek(0)
        return code, self.out.read()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.out.close()


MYPY = [PYTHON, "-m", "mypy"]
_EARLY: dict[str, Background] = {}


def pytest_collection_finish(session: pytest.Session) -> None:
    """mypy on a cold cache takes ~13 s of CPU: start it as soon as the tests are known, so that it
    runs on the other core while the tests run; test_mypy_clean then waits for its result."""
    if any(item.name == "test_mypy_clean" for item in session.items):
        _EARLY["mypy"] = Background(MYPY)


def pytest_unconfigure(config: pytest.Config) -> None:
    for job in _EARLY.values():
        job.stop()


@pytest.fixture
def mypy_result() -> tuple[int, str]:
    """mypy's exit code and output (from the run started at collection, else a new run)."""
    job = _EARLY.pop("mypy", None) or Background(MYPY)
    try:
        return job.result()
    finally:
        job.stop()


# --- the database a test runs against: SQLite, and PostgreSQL when a server is given -----------------

PG_ADMIN_URL = os.environ.get("AWSPREP_TEST_PG", "")


def _pg_unavailable(reason: str) -> None:
    """Skip a PostgreSQL test, except in CI, where a missing server is a failure (CI starts one)."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests must run in CI, but {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason} (.ci/run starts a server and sets AWSPREP_TEST_PG)")


def _pg_admin() -> object:
    if not PG_ADMIN_URL:
        _pg_unavailable("AWSPREP_TEST_PG is not set")
    try:
        import psycopg
    except ImportError:
        _pg_unavailable("the psycopg driver is not installed (pip install -e '.[test]')")
    from sqlalchemy.engine import make_url

    url = make_url(PG_ADMIN_URL)
    try:
        return psycopg.connect(
            host=url.host,
            port=url.port,
            user=url.username,
            password=url.password,
            dbname=url.database or "postgres",
            autocommit=True,
            connect_timeout=5,
        )
    except psycopg.Error as exc:
        _pg_unavailable(f"the server in AWSPREP_TEST_PG cannot be reached ({type(exc).__name__})")
    raise AssertionError("unreachable")


@contextlib.contextmanager
def pg_database() -> Iterator[str]:
    """A fresh, empty database on the test server; dropped afterwards. Yields its SQLAlchemy URL."""
    from sqlalchemy.engine import make_url

    admin: Any = _pg_admin()
    name = f"awsprep_t_{uuid.uuid4().hex[:16]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The store URL of the test: the default SQLite file under AWSPREP_HOME, or a fresh PostgreSQL
    database (set as AWSPREP_DB, so commands and subprocesses use it too)."""
    if request.param == "sqlite":
        Path(env["AWSPREP_HOME"]).mkdir(parents=True, exist_ok=True)
        yield f"sqlite:///{Path(env['AWSPREP_HOME']) / 'awsprep.db'}"
        return
    with pg_database() as url:
        monkeypatch.setenv("AWSPREP_DB", url)
        env["AWSPREP_DB"] = url
        yield url


def store_url(env: dict[str, str]) -> str:
    """The URL the commands of a test write to (AWSPREP_DB, else the default SQLite file)."""
    return env.get("AWSPREP_DB") or f"sqlite:///{Path(env['AWSPREP_HOME']) / 'awsprep.db'}"


@pytest.fixture(params=["sm2", "fsrs"])
def scheduler(request: pytest.FixtureRequest, env: dict[str, str], runner: CliRunner) -> str:
    """The scheduler answers go through, set before anything is studied: awsprep's review rules (auto-
    grading, drills, leeches, undo, bury, suspend) must hold under both. Runs after the `db` fixture."""
    if "db" in request.fixturenames:
        request.getfixturevalue("db")
    if request.param != "sm2":
        from awsprep.cli.main import app

        res = runner.invoke(app, ["settings", "scheduler", request.param])
        assert res.exit_code == 0, res.output
    return str(request.param)
