"""The record of a deck's last import, so that importing the same notes again can skip the work.

An import that leaves the bank as the next import of the same notes would leave it (see
``pipeline.next_summary``) records what it read: each note file's SHA-256, a key for everything else
it depends on (awsprep's code, the topic table, the facts, the deck), the SHA-256 of the bank and
triage files it left, the warnings of each file and the summary the next import prints. When all of
that still holds, the next import reads and hashes the notes, prints the recorded warnings and summary
and writes nothing: a full run would write the same bytes. Anything that differs means a full run.

Light on purpose (no markdown-it, no yaml): this is all an import of unchanged notes loads.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from awsprep.notes.files import NoteFile, read_note
from awsprep.notes.model import Warning

VERSION = 1


@dataclass
class LastRun:
    key: str  # the code, topic table, facts and deck the import read (see cli/importer._run_key)
    notes: int  # note files found, read or not
    files: list[tuple[str, str, list[Warning]]]  # each note file read, in order: name, SHA-256, warnings
    bank: str  # SHA-256 of the bank file as the import left it
    triage: str | None  # SHA-256 of the triage file as it left it; None when there is none
    summary: dict[str, Any]  # what the next import of the same notes prints

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "key": self.key,
            "notes": self.notes,
            "files": [[name, digest, [vars(w) for w in warns]] for name, digest, warns in self.files],
            "bank": self.bank,
            "triage": self.triage,
            "summary": self.summary,
        }

    @classmethod
    def from_json(cls, data: Any) -> LastRun | None:
        """The record, or None for anything else (an older format, a damaged file)."""
        try:
            if not isinstance(data, dict) or data.get("version") != VERSION:
                return None
            files = [(str(n), str(d), [Warning(**w) for w in ws]) for n, d, ws in data["files"]]
            triage = data["triage"]
            summary = data["summary"]
            if not isinstance(summary, dict) or not (triage is None or isinstance(triage, str)):
                return None
            return cls(str(data["key"]), int(data["notes"]), files, str(data["bank"]), triage, summary)
        except (KeyError, TypeError, ValueError):
            return None


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes; None when there is no such file, "" when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
    except OSError:
        return ""


def unchanged(
    last: LastRun, key: str, notes: list[NoteFile], bank: Path, triage: Path
) -> list[Warning] | None:
    """The warnings a full import would print when nothing it reads changed since ``last`` was
    recorded (every note file read has the same bytes, none came or went, the same key, the bank and
    triage files as that import left them); None when something changed."""
    if last.key != key or last.notes != len(notes) or file_digest(bank) != last.bank:
        return None
    if file_digest(triage) != last.triage:
        return None
    warnings: list[Warning] = []
    recorded = iter(last.files)
    for note in notes:
        text, data, read_warnings = read_note(note)
        warnings.extend(read_warnings)
        if text is None:
            continue
        entry = next(recorded, None)
        if entry is None or (entry[0], entry[1]) != (note.name, hashlib.sha256(data).hexdigest()):
            return None
        warnings.extend(entry[2])
    if next(recorded, None) is not None:
        return None
    return warnings
