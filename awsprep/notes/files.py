"""Finding and reading files of notes: the size cap and the text test shared by import and lint.

Light on purpose (no markdown-it, no yaml): an import of unchanged notes needs only this to tell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from awsprep.errors import UsageError
from awsprep.notes.model import Warning

MAX_FILE_BYTES = 5 * 1024 * 1024
_SNIFF = 8192  # bytes looked at to tell text from binary
NOTE_SUFFIXES = (".md", ".markdown")
_CONTROLS = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))  # not in text


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: a NUL byte, or many control bytes, near the start."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls > len(head) // 10


def too_big(size: int) -> str | None:
    """Why a file of `size` bytes is not read, or None."""
    if size <= MAX_FILE_BYTES:
        return None
    return f"is {size / 1024 / 1024:.1f} MB, over the {MAX_FILE_BYTES // 1024 // 1024} MB limit for notes"


def read_note_bytes(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) for a readable note, or (None, why it is skipped)."""
    why = too_big(len(data))
    if why is not None:
        return None, why
    if looks_binary(data):
        return None, "is not text (a binary file)"
    return data.decode("utf-8-sig", errors="replace"), None


@dataclass
class NoteFile:
    name: str  # as recorded in sources: relative to the import root, or the file name
    path: Path


def collect_files(paths: Iterable[Path]) -> list[NoteFile]:
    """Folders give their .md/.markdown files (recursively); a file named explicitly is always read."""
    out: list[NoteFile] = []
    seen: set[Path] = set()
    for root in paths:
        if not root.exists():
            raise UsageError(f"{root}: no such file or folder.")
        real_root = None
        if root.is_dir():
            found = sorted(p for p in root.rglob("*") if p.suffix.lower() in NOTE_SUFFIXES and p.is_file())
            pairs = [(p.relative_to(root).as_posix(), p) for p in found]
            real_root = root.resolve()
        else:
            pairs = [(root.name, root)]
        for name, p in pairs:
            # rglob goes down no symbolic link to a folder: a file found under the folder that is no link
            # itself resolves to its place under the folder resolved (resolving each file reads every
            # folder of its path again, most of the time of this function)
            if real_root is not None and not p.is_symlink():
                real = real_root / p.relative_to(root)
            else:
                real = p.resolve()
            if real not in seen:
                seen.add(real)
                out.append(NoteFile(name, p))
    return out


def read_note(note: NoteFile) -> tuple[str | None, bytes, list[Warning]]:
    try:
        data = note.path.read_bytes()
    except OSError as exc:
        return (
            None,
            b"",
            [Warning(note.name, 0, f"cannot be read ({exc.strerror or exc}), so it was skipped.")],
        )
    if len(data) > MAX_FILE_BYTES:
        mb = len(data) / 1024 / 1024
        limit = MAX_FILE_BYTES // 1024 // 1024
        msg = f"is {mb:.1f} MB, over the {limit} MB limit for notes, so it was skipped."
        return None, data, [Warning(note.name, 1, msg)]
    if looks_binary(data):
        return None, data, [Warning(note.name, 0, "is not text (a binary file), so it was skipped.")]
    try:
        return data.decode("utf-8-sig"), data, []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("utf-8", errors="replace")
        return text, data, [Warning(note.name, line, "has bytes that are not UTF-8; they were replaced.")]
