"""Reading a file of notes: the size cap and the text test shared by import and lint."""

from __future__ import annotations

MAX_FILE_BYTES = 5 * 1024 * 1024
_SNIFF = 8192  # bytes looked at to tell text from binary


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: a NUL byte, or many control bytes, near the start."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
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
