"""The full triage screen in a real terminal (pexpect): one key per card, decisions saved at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.test_import_quality import WALK

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.slow


def test_rich_screen_takes_single_keys(tmp_path: Path) -> None:
    home = tmp_path / "home"
    notes = tmp_path / "walk"
    notes.mkdir()
    (notes / "alb.md").write_text(WALK, encoding="utf-8")
    env = {**os.environ, "AWSPREP_HOME": str(home), "TERM": "xterm", "COLUMNS": "100"}
    env.pop("EDITOR", None)
    run = [sys.executable, "-m", "awsprep"]
    imp = pexpect.spawn(run[0], [*run[1:], "import", str(notes)], env=env, encoding="utf-8", timeout=30)
    imp.expect(pexpect.EOF)
    child = pexpect.spawn(
        run[0], [*run[1:], "triage", "--deck", "walk"], env=env, encoding="utf-8", timeout=30
    )
    try:
        child.expect(r"\[k\]eep")
        child.send("d")
        child.expect(r"\[k\]eep")
        child.send("q")
        child.expect("still wait in triage")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    text = (home / "decks" / "walk.triage.yaml").read_text(encoding="utf-8")
    assert "action: drop" in text and text.count("- id:") == 1
