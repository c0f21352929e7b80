"""Text from notes, banks, file names or the database is data: make it safe for any terminal.

stdlib only, so light commands (lint, import) use it without importing rich. Control characters
(ESC, BEL, CR, C1...) become visible stand-ins such as ^[ ; bidi overrides and zero-width characters,
which would reorder or hide what the learner reads, become <U+202E>-style tags.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# bidi embeddings/overrides/isolates, zero-width and invisible formatting characters, BOM
_INVISIBLE = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code == 0x1B:
        return "^["
    if code < 0x20:
        return "^" + chr(code + 0x40)
    return f"\\x{code:02x}"


def literal(text: str) -> str:
    """Terminal control characters as visible stand-ins (^[ for ESC), invisible ones as <U+XXXX>."""
    text = _CONTROL.sub(_visible, text.replace("\r\n", "\n"))
    return _INVISIBLE.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", text)


def line(text: object) -> str:
    """One line of data for plain output: `literal`, with newlines and tabs shown too."""
    return literal(str(text)).replace("\n", "^J").replace("\t", "^I")
