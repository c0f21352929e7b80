"""`awsprep import` and `awsprep decks` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from awsprep.bank.io import load_bank_file
from awsprep.cli.main import app

NOTES = """# Lambda

## Limits

- timeout: default 3 s, max 15 minutes
- **Reserved concurrency**: caps and guarantees a function's concurrent executions

## Exam tips

- **[red]Layers[/red]**: shared code packaged for many functions
"""
KEYS = ("cards", "by_type", "by_rule", "skipped", "added", "changed", "retired")


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture()
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "my-notes"
    folder.mkdir()
    (folder / "lambda.md").write_text(NOTES, encoding="utf-8")
    (folder / "skip.txt").write_text("- **Ignored**: not a markdown file\n", encoding="utf-8")
    return folder


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def test_import_folder_makes_a_deck_named_after_it(home: Path, notes: Path) -> None:
    res = invoke("import", str(notes), "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert all(k in out for k in KEYS)
    assert out["cards"] == 3 and out["added"] == 3 and out["deck"] == "my-notes"
    assert out["by_type"] == {"basic": 2, "cloze": 1}
    bank = home / "decks" / "my-notes.yaml"
    cards = load_bank_file(bank)
    assert {c.deck for c in cards} == {"my-notes"}
    assert all(c.sources[0].file == "lambda.md" and c.domain == "development" for c in cards)
    assert sum(c.high_priority for c in cards) == 1


def test_reimport_reports_nothing_changed_and_skips_by_hash(home: Path, notes: Path) -> None:
    invoke("import", str(notes))
    bank = home / "decks" / "my-notes.yaml"
    before = bank.read_text(encoding="utf-8")
    out = json.loads(invoke("import", str(notes), "--json").stdout)
    assert (out["added"], out["changed"], out["retired"]) == (0, 0, 0)
    assert out["unchanged_files"] == 1 and out["written"] is False
    assert bank.read_text(encoding="utf-8") == before


def test_explicit_file_of_any_name_and_bank_flag(home: Path, notes: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "bank.yaml"
    res = invoke("import", str(notes / "skip.txt"), "--deck", "extra", "--bank", str(target), "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["cards"] == 1
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["deck"] == "extra" and data["cards"][0]["source"]["file"] == "skip.txt"
    assert not (home / "decks").exists()


def test_dry_run_writes_nothing(home: Path, notes: Path) -> None:
    res = invoke("import", str(notes), "--dry-run", "--json")
    assert res.exit_code == 0 and json.loads(res.stdout)["cards"] == 3
    assert not home.exists() or not any(home.rglob("*.yaml"))


def test_explain_shows_rule_and_source_and_keeps_markup_literal(home: Path, notes: Path) -> None:
    res = invoke("import", str(notes), "--explain", "--dry-run")
    assert res.exit_code == 0, res.output
    assert "fact" in res.stdout and "lambda.md:5" in res.stdout
    assert "[red]Layers[/red]" in res.stdout
    out = json.loads(invoke("import", str(notes), "--explain", "--dry-run", "--json").stdout)
    assert {"id", "rule", "source", "prompt"} <= set(out["explain"][0])


def test_warnings_go_to_stderr_and_import_continues(home: Path, tmp_path: Path) -> None:
    f = tmp_path / "q.md"
    f.write_text("# SQS\n\nWhich?\n\n- [ ] a\n- [ ] b\n\n- **FIFO**: ordered queue type\n", encoding="utf-8")
    res = invoke("import", str(f), "--json")
    assert res.exit_code == 0
    assert "q.md:3" in res.stderr and json.loads(res.stdout)["cards"] == 1


def test_missing_path_and_bad_flags_exit_2(home: Path, notes: Path, tmp_path: Path) -> None:
    res = invoke("import", str(tmp_path / "nope"))
    assert res.exit_code == 2 and "no such file" in res.stderr
    assert invoke("import", str(notes), "--deck", "bad name").exit_code == 2
    assert invoke("import", str(notes), "--frobnicate").exit_code == 2
    assert invoke("import").exit_code == 2
    assert invoke("import", str(notes), "--bank", str(tmp_path)).exit_code == 2


def test_decks_lists_bundled_and_imported_with_counts(home: Path, notes: Path) -> None:
    invoke("import", str(notes), "--deck", "mine")
    res = invoke("decks", "--json")
    assert res.exit_code == 0, res.output
    decks = json.loads(res.stdout)["decks"]
    mine = next(d for d in decks if d["name"] == "mine")
    assert mine["origin"] == "imported" and mine["cards"] == 3
    assert mine["by_type"] == {"basic": 2, "cloze": 1, "mcq": 0, "numeric": 0}
    table = invoke("decks")
    assert table.exit_code == 0 and "mine" in table.stdout


def test_topic_domains_are_the_dva_tables_only_for_decks_of_that_exam(env, runner, tmp_path):
    notes = tmp_path / "n.md"
    notes.write_text("# Lambda\n\n- **Timeout** - the longest a function may run, 900 seconds\n", "utf-8")
    domains = {}
    for deck in ("my-notes", "saa-c03"):
        bank = tmp_path / f"{deck}.yaml"
        res = runner.invoke(app, ["import", str(notes), "--deck", deck, "--bank", str(bank)])
        assert res.exit_code == 0, res.output
        domains[deck] = {c.domain for c in load_bank_file(bank)}
    assert domains == {"my-notes": {"development"}, "saa-c03": {None}}


MIXED = (
    NOTES
    + "\n## Hands On\n\n- Scheme: internet-facing and reachable from any client\n- Name: `my-alb`\n"
    + "\n## Again\n\n- **Reserved concurrency**: caps and guarantees a function's concurrent executions\n"
    + "\n## Quiz\n\nWhich?\n\n- [ ] a\n- [ ] b\n"
)


@pytest.fixture()
def mixed(tmp_path: Path) -> Path:
    """Notes whose import has cards, triage, a near duplicate, skips and warnings of both kinds."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "lambda.md").write_text(MIXED, encoding="utf-8")
    (folder / "other.md").write_text("# SQS\n\n- **FIFO**: ordered queue type\n", encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x00\x01 not text")
    return folder


def full_reimport(folder: Path, home: Path) -> tuple[dict[str, object], list[str]]:
    """What an import that does all the work prints now; the files under ``home`` are left as they were."""
    from awsprep.cli.importer import run_notes_import

    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    said: list[str] = []
    done = run_notes_import([folder], None, None, False, full=True, warn=said.append)
    assert done.result is not None
    for p in home.rglob("*"):
        if p.is_file() and p not in before:
            p.unlink()
    for p, data in before.items():
        p.write_bytes(data)
    return {**done.summary, **done.info}, said


def test_reimport_of_unchanged_notes_skips_the_work_and_says_what_a_full_run_says(
    home: Path, mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = invoke("import", str(mixed), "--json")
    assert first.exit_code == 0, first.output
    out = json.loads(first.stdout)
    assert out["triage"] == 2 and out["skipped"]["near duplicate"] == 1 and out["added"] == 4
    bank = home / "decks" / "mixed.yaml"
    written = {p.name: p.read_bytes() for p in (home / "decks").iterdir()}
    expected, said = full_reimport(mixed, home)
    assert expected["unchanged_files"] == 2 and expected["written"] is False and expected["added"] == 0
    assert {p.name: p.read_bytes() for p in (home / "decks").iterdir()} == written

    import awsprep.notes.pipeline as pipeline

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the unchanged notes were imported again")

    monkeypatch.setattr(pipeline, "run_import", no_work)
    again = invoke("import", str(mixed), "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout) == expected
    warned = [f"awsprep: warning: {w}" for w in said]
    assert again.stderr.splitlines() == warned and any("binary.md" in w for w in warned)
    assert any("lambda.md:" in w and "no option correct" in w for w in warned)
    table = invoke("import", str(mixed))
    assert "4 cards from 3 files (2 unchanged)" in table.stdout and "unchanged " in table.stdout
    assert "4 went in, 2 wait in triage, " in table.stdout
    assert {p.name: p.read_bytes() for p in (home / "decks").iterdir()} == written
    assert bank.read_bytes() == written["mixed.yaml"]


@pytest.mark.parametrize("change", ["note", "new note", "bank", "triage", "deck"])
def test_reimport_does_the_work_again_when_anything_it_reads_changed(
    home: Path, mixed: Path, change: str
) -> None:
    invoke("import", str(mixed), "--json")
    invoke("import", str(mixed), "--json")
    decks = home / "decks"
    if change == "note":
        (mixed / "other.md").write_text("# SQS\n\n- **FIFO**: ordered queue type, exactly once\n", "utf-8")
    elif change == "new note":
        (mixed / "new.md").write_text("# SNS\n\n- **Topic**: a channel that fans messages out\n", "utf-8")
    elif change == "bank":
        (decks / "mixed.yaml").write_text("schema: 1\ndeck: mixed\ncards: []\n", encoding="utf-8")
    elif change == "triage":  # the learner dropped a waiting card
        from awsprep.notes.triage import decide, dump_triage, read_triage

        triage = read_triage(decks / "mixed.triage.yaml")
        decide(triage, triage.cards[0], "drop")
        (decks / "mixed.triage.yaml").write_text(dump_triage(triage), encoding="utf-8")
    expected, _ = full_reimport(mixed, home)
    res = invoke("import", str(mixed), "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out == expected
    assert out["triage"] == (1 if change == "triage" else 2)
    assert out["added"] == {"note": 0, "new note": 1, "bank": 4, "triage": 0, "deck": 0}[change]
    assert out["changed"] == (1 if change == "note" else 0)
    if change == "deck":  # the same notes into another deck: its own first import
        other = json.loads(invoke("import", str(mixed), "--deck", "other", "--json").stdout)
        assert other["added"] == 4 and other["written"] is True


def test_one_card_from_one_file_is_said_in_the_singular(home: Path, tmp_path: Path) -> None:
    note = tmp_path / "one.md"
    note.write_text(
        "# SQS\n\n- What is the longest long-poll wait? :: 20 seconds\n- Question 3: Incorrect\n",
        encoding="utf-8",
    )
    res = invoke("import", str(note))
    assert res.exit_code == 0, res.output
    assert "1 card from 1 file (0 unchanged)" in res.stdout
    assert "1 went in, 1 waits in triage, " in res.stdout
