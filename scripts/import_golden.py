#!/usr/bin/env python3
"""Does `awsprep import` still write the same bytes? Save its output once, check it after a change.

    python scripts/import_golden.py --save DIR     # before the change
    python scripts/import_golden.py --check DIR    # after it: lists every file that differs

Runs whole `awsprep import` processes (fresh AWSPREP_HOME each) on ../shared/corpus/ and
../shared/seeds/ (each skipped with a message when absent): the first import, a re-import of the
unchanged notes (JSON and the table), `--explain --json`, then the corpus again with notes edited
(words changed, lines dropped: ids matched against the previous bank) and with triage decisions taken
(keep, drop, edit). Keeps the bank and triage files and what each run printed, temporary paths
replaced by placeholders. For speed work that must not change output.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _run(args: list[str], home: Path, tmp: Path) -> str:
    env = dict(os.environ, AWSPREP_HOME=str(home), COLUMNS="120", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "awsprep", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    out = f"exit {proc.returncode}\n--- stdout\n{proc.stdout}--- stderr\n{proc.stderr}"
    return out.replace(str(tmp), "<TMP>").replace(str(SHARED), "<SHARED>")


def _edit_notes(folder: Path) -> None:
    """Reword and drop lines in every third note file, the same way every time."""
    for n, path in enumerate(sorted(folder.rglob("*.md"))):
        if n % 3:
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        out = []
        for i, text in enumerate(lines):
            if i % 13 == 7:
                continue
            if i % 5 == 2:
                text = text.replace(" the ", " a ", 1).replace(" is ", " was ", 1)
            out.append(text)
        path.write_text("\n".join(out), encoding="utf-8")


def _decide(triage_file: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from awsprep.notes.triage import decide, dump_triage, read_triage

    t = read_triage(triage_file)
    waiting = list(t.cards)
    for n, pending in enumerate(waiting[:30]):
        action = ("keep", "drop", "edit")[n % 3]
        field = "text" if pending.card.get("type") == "cloze" else "front"
        field = "question" if pending.card.get("type") == "mcq" else field
        decide(t, pending, action, {field: f"Edited wording {n}"} if action == "edit" else None)
    triage_file.write_text(dump_triage(t), encoding="utf-8")


def collect(out: dict[str, str], tmp: Path) -> None:
    corpus, seeds = SHARED / "corpus", SHARED / "seeds"
    inputs = {}
    if corpus.is_dir():
        inputs["corpus"] = [str(corpus)]
    else:
        print(f"skipped the corpus: {corpus} is absent")
    seed_files = sorted(str(p) for p in seeds.glob("*.txt")) if seeds.is_dir() else []
    if seed_files:
        inputs["seeds"] = seed_files
    else:
        print(f"skipped the seeds: {seeds} is absent")
    for name, paths in inputs.items():
        home = tmp / f"home-{name}"
        deck = ["--deck", name]
        out[f"{name}/1-first.txt"] = _run(["import", *paths, *deck, "--json"], home, tmp)
        out[f"{name}/2-again.txt"] = _run(["import", *paths, *deck, "--json"], home, tmp)
        out[f"{name}/3-again-table.txt"] = _run(["import", *paths, *deck], home, tmp)
        out[f"{name}/4-explain.txt"] = _run(["import", *paths, *deck, "--explain", "--json"], home, tmp)
        out[f"{name}/5-dry-run.txt"] = _run(["import", *paths, *deck, "--dry-run", "--json"], home, tmp)
        for f in sorted((home / "decks").glob("*.yaml")):
            out[f"{name}/decks/{f.name}"] = f.read_text(encoding="utf-8")
    if corpus.is_dir():
        notes = tmp / "edited"
        shutil.copytree(corpus, notes)
        home = tmp / "home-edited"
        deck = ["--deck", "edited"]
        out["edited/1-first.txt"] = _run(["import", str(notes), *deck, "--json"], home, tmp)
        _edit_notes(notes)
        out["edited/2-edited.txt"] = _run(["import", str(notes), *deck, "--json"], home, tmp)
        for f in sorted((home / "decks").glob("*.yaml")):
            out[f"edited/decks-2/{f.name}"] = f.read_text(encoding="utf-8")
        _decide(home / "decks" / "edited.triage.yaml")
        out["edited/3-decided.txt"] = _run(["import", str(notes), *deck], home, tmp)
        out["edited/4-again.txt"] = _run(["import", str(notes), *deck, "--json"], home, tmp)
        for f in sorted((home / "decks").glob("*.yaml")):
            out[f"edited/decks-3/{f.name}"] = f.read_text(encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the output into this folder")
    group.add_argument("--check", type=Path, help="compare the output with this saved folder")
    args = parser.parse_args()
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        collect(out, Path(tmp))
    if args.save:
        for name, text in out.items():
            path = args.save / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        print(f"saved {len(out)} files in {args.save}")
        return 0
    saved = {p.relative_to(args.check).as_posix() for p in args.check.rglob("*") if p.is_file()}
    bad = 0
    for name in sorted(saved | set(out)):
        want = (args.check / name).read_text(encoding="utf-8") if name in saved else None
        got = out.get(name)
        if want == got:
            continue
        bad += 1
        print(f"DIFFERS: {name}" + ("" if want is not None and got is not None else " (missing on one side)"))
        if want is not None and got is not None:
            diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "saved", "now", lineterm="", n=1)
            print("\n".join(list(diff)[:30]))
    print(f"{len(out)} files compared: {'all identical' if not bad else f'{bad} differ'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
