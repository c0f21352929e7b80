"""What awsprep and Anki agree on: our note types, the grade <-> ease mapping, text <-> field HTML."""

from __future__ import annotations

import hashlib
import html
import re
from datetime import UTC, date, datetime

from awsprep.sched.grading import ALIASES

# Anki's four answer buttons (ease 1-4) as SM-2 grades: again, hard, good, easy (grading.ALIASES).
EASE_GRADE: dict[int, int] = {1: ALIASES["a"], 2: ALIASES["h"], 3: ALIASES["g"], 4: ALIASES["e"]}

# Our note types: a fixed model id each, so a re-export updates the notes instead of duplicating them.
# Every one carries the card's bank mapping (JSON) in the "awsprep" field, shown on no side: it brings
# the id, sources, domain and the fields Anki has no place for back on import.
MODEL_IDS = {"basic": 1607392301, "cloze": 1607392302, "mcq": 1607392303, "numeric": 1607392304}
MODEL_NAMES = {t: f"awsprep {t.capitalize() if t != 'mcq' else 'MCQ'}" for t in MODEL_IDS}
FIELDS = {
    "basic": ("Front", "Back", "Sources", "awsprep"),
    "cloze": ("Text", "Sources", "awsprep"),
    "mcq": ("Question", "Options", "Answer", "Explanation", "Sources", "awsprep"),
    "numeric": ("Question", "Answer", "Steps", "Sources", "awsprep"),
}
DATA_FIELD = "awsprep"

# genanki's collection creation time (col.crt): due days of review cards count from its day.
ANKI_CRT = 1411124400


def grade_to_ease(grade: int) -> int:
    """The Anki button for an SM-2 grade: the highest whose grade is not above it (0-2 -> again)."""
    return max((e for e, g in EASE_GRADE.items() if g <= grade), default=1)


def crt_day(crt: int = ANKI_CRT) -> date:
    return datetime.fromtimestamp(crt, UTC).date()


def text_to_field(text: str) -> str:
    """Plain text as Anki field HTML: escaped, line breaks as <br>."""
    return html.escape(text, quote=False).replace("\n", "<br>")


# A line break, and a block (Anki's editor wraps each new line in <div>) starting on a line of its own.
_BREAK = re.compile(r"<\s*br\s*/?\s*>|<\s*(?:div|p|li|tr|h[1-6])\b[^>]*>", re.IGNORECASE)
_MEDIA = re.compile(
    r"<\s*(?:img|audio|video|source)\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))[^>]*>",
    re.IGNORECASE,
)
_SOUND = re.compile(r"\[sound:([^\]]+)\]")
_TAG = re.compile(r"<[^>]*>")
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.DOTALL)
_SCRIPT = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)


def field_to_text(raw: str) -> tuple[str, list[str]]:
    """Anki field HTML as plain text, and the media files it names (shown as [media: name], not shown)."""
    media: list[str] = []

    def named(m: re.Match[str]) -> str:
        name = next(g for g in m.groups() if g is not None)
        media.append(html.unescape(name))
        return f"[media: {html.unescape(name)}]"

    text = _SCRIPT.sub("", raw)
    text = _MEDIA.sub(named, text)
    text = _SOUND.sub(named, text)
    text = _BREAK.sub("\n", text)
    text = html.unescape(_TAG.sub("", text)).replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip(), media


def cloze_to_anki(text: str) -> str:
    """awsprep's {{hidden}} parts as one Anki cloze card: every part is c1, hidden together."""
    from awsprep.bank.models import CLOZE_RE

    return CLOZE_RE.sub(lambda m: "{{c1::" + m.group(1) + "}}", text)


def cloze_from_anki(text: str) -> str:
    """Anki's {{c1::answer::hint}} as awsprep's {{answer}}."""
    return _CLOZE.sub(lambda m: "{{" + m.group(1) + "}}", text)


def tag_word(text: str) -> str:
    """A value as one Anki tag word (no spaces)."""
    return re.sub(r"\s+", "_", text.strip())


def id_from_guid(guid: str) -> str:
    """A stable awsprep id for a note from another tool: from its Anki guid."""
    return "anki-" + hashlib.sha1(guid.encode("utf-8")).hexdigest()[:12]


def deck_id(name: str) -> int:
    return 1 << 30 | int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:7], 16)
