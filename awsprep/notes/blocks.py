"""Markdown text -> a flat list of blocks, each knowing its heading path and 1-based line.

markdown-it-py does the parsing; this module only walks its token stream once. A block is a
heading, a paragraph, a list (with nested items), a table, an HTML block, a code block or a rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from awsprep.notes.inline import BANG_MARK, BLANK, BLOCK_ID, SHORTCODE, STRAY_STARS, has_shortcode, plain
from awsprep.notes.mdfast import dispatch_by_first_character

MAX_DEPTH = 8  # list nesting deeper than this is reported and not read

_MD: MarkdownIt | None = None


_BLOCKS: MarkdownIt | None = None


def markdown() -> MarkdownIt:
    """A full parser: CommonMark plus pipe tables (what the bench compares the importer with)."""
    global _MD
    if _MD is None:
        _MD = MarkdownIt("commonmark").enable("table")
    return _MD


def block_parser() -> MarkdownIt:
    """The same parser without the inline pass: the importer reads each inline token's source text
    (``content``) itself, so tokenizing emphasis and links into children would be wasted work."""
    global _BLOCKS
    if _BLOCKS is None:
        parser = MarkdownIt("commonmark").enable("table").disable("inline")
        _BLOCKS = dispatch_by_first_character(parser)  # the same tokens, fewer rules tried per line
    return _BLOCKS


@dataclass
class Item:
    """One list item: its own text (first paragraph), later paragraphs, nested items."""

    text: str
    line: int
    depth: int
    task: bool | None = None  # None: not a task item; True: [x]; False: [ ]
    children: list[Item] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # heading | para | list | table | html | code | hr
    line: int
    path: tuple[str, ...]
    text: str = ""
    items: list[Item] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    in_quote: bool = False
    level: int = 0
    raw: str = ""  # a heading's text as typed (its number kept: "3. Which is ...?")


@dataclass
class Parsed:
    blocks: list[Block]
    deep_lines: list[int]  # lines of list items nested deeper than MAX_DEPTH


_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")
_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_HEADING_ID = re.compile(r"\s*\{#[\w:.-]+\}\s*$")  # "## Title {#title}"
_SYMBOLS = re.compile(
    r"^[\W_]*?[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+[\s\ufe0f\u200d]*|[\s]*[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+$"
)
_TASK = re.compile(r"^\[([ xX])\]\s+")
_FRONT = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL)


def strip_symbols(text: str) -> str:
    """Emoji and pictographs around a title or label ("🔄 Comparison", "⬆️ Top") are decoration."""
    while True:
        shorter = _SYMBOLS.sub(" ", text).strip(" &+")
        if shorter == text:
            return text
        text = shorter


# a pictograph typed as a bullet ("🔹 Pay per request", "👉 see", "✅ Serverless", "▶ Step"): arrows, shapes,
# dingbats, emoji (not the mathematical signs between them: "≤ 15 minutes" says something)
_GLYPH_CHAR = r"[\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
_GLYPH = _GLYPH_CHAR + r"[\ufe0f\u200d]*"
# (what every pattern below needs: a text without one is left as it is at once, as " › " and " — " of a
# card's context are)
_ANY_GLYPH = re.compile(_GLYPH_CHAR)
_GLYPH_START = re.compile(r"^(?:" + _GLYPH + r"\s*)+(?=\S)")
# where a part of a card's text starts: the text, a point of a list ("; "), a heading or bullet of its context
_GLYPH_AT_PART = re.compile(r"(^|; |\n| › |\()(?:" + _GLYPH + r"\s*)+(?=[^\s)])")
_GLYPH_BULLET = re.compile(r"(?<=\S)\s+(?:" + _GLYPH + r"\s*)+(?=\S)")
# a mark that says no ("❌ Not encrypted", "✖ multi-AZ"): its bullet is the meaning, and beside it the
# yes marks are meant too
_NO_MARK = re.compile("[\u274c\u274e\u2716\u2717\u2718\u26d4\U0001f6ab\U0001f44e]")


def strip_bullet_glyphs(text: str) -> str:
    """A card's text without the pictographs typed as its bullets: "🔹 Per request 🔹 Per GB" ->
    "Per request; Per GB", "📥 Requests; 📦 Data" -> "Requests; Data", "Lambda (› 🔔 Events)" ->
    "Lambda (› Events)" (a text that is only a glyph, "✅", or holds a no mark is left as it is)."""
    if text.isascii() or _NO_MARK.search(text) or not _ANY_GLYPH.search(text):
        return text
    m = _GLYPH_START.match(text)
    bullet = m.group(0).strip()[:1] if m else ""
    text = _GLYPH_AT_PART.sub(r"\1", text)
    if bullet and bullet in text:
        # the same glyph again: the bullets of lines joined into one ("🔹 A 🔹 B")
        def joined(g: re.Match[str]) -> str:
            if bullet not in g.group(0):
                return g.group(0)
            return " " if g.string[g.start() - 1] in ".;:,!?" else "; "

        text = _GLYPH_BULLET.sub(joined, text)
    return text


# tags typed at the end of a heading (Obsidian, Logseq, a flashcard plugin): "#card", "#aws/s3"; a tag
# starts with a letter ("## Lambda #1" numbers the heading)
_TAGS_AT_END = re.compile(r"(?:\s+#[^\W\d][\w/-]*)+\s*$")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: any ASCII punctuation may be escaped


_RULE_LINE = re.compile(r"^\s*(?:[=*#~_-]\s*){3,}$")


def unescape(heading: str) -> str:
    """A heading without its backslash escapes ("Day 8 \\- March 15" -> "Day 8 - March 15")."""
    return _ESCAPE.sub(r"\1", heading) if "\\" in heading else heading


def clean_heading(raw: str) -> str:
    text = raw.strip().strip("#").strip()
    if "\n" in text:
        # "=====" / "QUICK EXAM TIPS" / "=====": a banner's rule above the title is no part of its name
        text = " ".join(x.strip() for x in text.split("\n") if not _RULE_LINE.match(x))
    if has_shortcode(text):
        text = " ".join(SHORTCODE.sub(" ", text).split())  # "## :rocket: Lambda": a picture, not the name
    if "](" in text or "<" in text or "[[" in text or "[^" in text:
        text = plain(text)[0]  # "[Amazon FSx](/fsx.md) options" -> "Amazon FSx options", "[[EBS]]" -> "EBS"
    if "*" in text or "_" in text:  # (what emphasis, blanks and trailing stars are made of)
        blanks = BLANK.findall(text) if "___" in text else []  # "A _____ queue is ...": no emphasis
        text = _EMPH.sub(r"\2", BLANK.sub("\x00", text) if blanks else text)
        for blank in blanks:
            text = text.replace("\x00", blank, 1)
        text = re.sub(r"\s+\*+$", "", text)  # "### AWS DataSync ***": stars typed as a mark of importance
        if "**" in text:
            text = STRAY_STARS.sub("", text)  # "## Containers Overview**": bold that never closed
    text = unescape(text)  # "Day 8 \\- March 15": a backslash escape shows its character only
    if "{#" in text:
        text = _HEADING_ID.sub("", text)
    if "#" in text:
        text = _TAGS_AT_END.sub("", text)  # "## What is an SCP? #card #aws": tags of the note's app
    if "^" in text:
        text = BLOCK_ID.sub("", text)  # "## Key insights ^5c188d": an Obsidian block id
    if "[!" in text:
        text = BANG_MARK.sub("", text)
    text = _NUMBERING.sub("", text if text.isascii() else strip_symbols(text))
    return text.rstrip(":").strip()


def strip_front_matter(text: str) -> tuple[str, int]:
    """Blank out YAML/TOML front matter (keeping line numbers); return text and its line count."""
    m = _FRONT.match(text)
    if not m:
        return text, 0
    lines = m.group(0).count("\n")
    return "\n" * lines + text[m.end() :], lines


# the lines git writes around an unresolved merge conflict: "<<<<<<< HEAD", "||||||| base" (diff3),
# "=======" and ">>>>>>> 4a08..." (each at the start of its line)
_CONFLICT_OPEN = re.compile(r"<{7}(?: .*)?")
_CONFLICT_BASE = re.compile(r"\|{7}(?: .*)?")
_CONFLICT_SEP = re.compile(r"={7}[ \t]*")
_CONFLICT_CLOSE = re.compile(r">{7}(?: .*)?")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


# an Obsidian comment, "%% fold %%" or a block of lines between two "%%": hidden in the app's view
_APP_COMMENT = re.compile(r"%%(?:(?!%%)[^\x00]){0,3000}?%%")


def app_comments(text: str) -> str:
    """``text`` with each Obsidian comment (``%% ... %%``, on one line or several) blanked, its line
    breaks kept so that line numbers stay right."""
    if "%%" not in text:
        return text
    return _APP_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def conflict_markers(text: str) -> tuple[str, list[int]]:
    """``text`` with the marker lines of each unresolved merge conflict blanked (line numbers kept), and
    the 1-based lines where the conflicts open. A conflict is a "<<<<<<< " line, then a "=======" line,
    then a ">>>>>>> " line: only between those two is "=======" a marker (elsewhere, under a paragraph,
    it underlines a heading). Both sides' lines stay: which one is right, the notes do not say. Lines in
    a fenced code block (a note on git showing a conflict) are left as they are."""
    if "<<<<<<<" not in text:
        return text, []
    lines = text.split("\n")
    opened: list[int] = []
    fence = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _FENCE.match(line)
        if m and (not fence or (m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence))):
            fence = "" if fence else m.group(1)
        elif not fence and _CONFLICT_OPEN.fullmatch(line):
            marks = _conflict_at(lines, i)
            if marks:
                opened.append(i + 1)
                for j in marks:
                    lines[j] = ""
                i = marks[-1]
        i += 1
    return ("\n".join(lines), opened) if opened else (text, [])


def _conflict_at(lines: list[str], start: int) -> list[int]:
    """The marker lines of the conflict opening at ``start`` (its "<<<<<<< " line), or [] when no
    "=======" and ">>>>>>> " follow it (before another "<<<<<<< ")."""
    marks = [start]
    sep = False
    for j in range(start + 1, len(lines)):
        line = lines[j]
        if _CONFLICT_OPEN.fullmatch(line):
            return []
        if not sep and _CONFLICT_BASE.fullmatch(line) and len(marks) == 1:
            marks.append(j)
        elif not sep and _CONFLICT_SEP.fullmatch(line):
            marks.append(j)
            sep = True
        elif sep and _CONFLICT_CLOSE.fullmatch(line):
            marks.append(j)
            return marks
    return []


# tokens the walk has nothing to do for (a quarter of them): passed over before the tests below
_PASSED = frozenset(
    [
        "paragraph_close",
        "heading_close",
        "th_close",
        "td_close",
        "thead_open",
        "thead_close",
        "tbody_open",
        "tbody_close",
    ]
)


def parse_blocks(text: str) -> Parsed:
    tokens = block_parser().parse(text)
    blocks: list[Block] = []
    deep: list[int] = []
    heads: list[tuple[int, str]] = []
    item_stack: list[Item] = []
    list_stack: list[Block | Item] = []  # what each open list belongs to
    frames: list[tuple[list[Item], list[Block | Item]]] = []  # items left open by a heading inside them
    quote = 0
    cell_row: list[str] | None = None
    table: Block | None = None
    mode = ""  # what the next inline token is: heading | para | cell
    pending_line = 0
    level = 0

    here: tuple[str, ...] = ()  # the heading path: the titles of ``heads``

    for tok in tokens:
        t = tok.type
        # (the commonest tokens first; a token's line is its map's first, else the pending one)
        if t == "inline":
            content = tok.content
            if mode == "para":
                if item_stack:
                    _item_text(item_stack[-1], content)
                else:
                    blocks.append(Block("para", pending_line, here, text=content, in_quote=quote > 0))
            elif mode == "heading":
                title = clean_heading(content)
                while heads and heads[-1][0] >= level:
                    heads.pop()
                heads.append((level, title))
                here = tuple(h for _, h in heads)
                blocks.append(Block("heading", pending_line, here, text=title, level=level, raw=content))
                if item_stack and not item_stack[-1].text and not item_stack[-1].extra:
                    # "* ##### Idle timeout" over its points: the heading names what the points are about
                    item_stack[-1].text = title
                elif item_stack:
                    # a heading indented into an item with text of its own ("- RDS is ..." then
                    # "    ### Storage Auto Scaling"): what follows in the item is under the heading, as
                    # the learner meant, not points of the item; the item's list goes on after it
                    frames.append((item_stack, list_stack))
                    item_stack, list_stack = [], []
            elif mode == "cell" and cell_row is not None:
                cell_row.append(content.strip())
            mode = ""
        elif t == "paragraph_open":
            mode, pending_line = "para", tok.map[0] + 1 if tok.map else pending_line
        elif t in _PASSED:
            continue
        elif t == "list_item_open":
            line = tok.map[0] + 1 if tok.map else pending_line
            owner = list_stack[-1] if list_stack else None
            if (
                isinstance(owner, Item)
                and owner.line == line
                and tok.markup in (".", ")")
                and not (owner.text or owner.extra or owner.children)
            ):
                item_stack.append(owner)  # "2. 1. A company ...": a question numbered twice is one item
                continue
            depth = len(item_stack)
            item = Item("", line, depth)
            if depth >= MAX_DEPTH:
                deep.append(line)
            elif isinstance(owner, Block):
                owner.items.append(item)
            elif isinstance(owner, Item) and owner.depth < MAX_DEPTH:
                owner.children.append(item)
            item_stack.append(item)
        elif t == "list_item_close":
            if not item_stack and frames:
                item_stack, list_stack = frames.pop()  # the item that held a heading ends
            if item_stack:
                item_stack.pop()
        elif t == "heading_open":
            line = tok.map[0] + 1 if tok.map else pending_line
            mode, pending_line, level = "heading", line, int(tok.tag[1:])
        elif t in ("th_open", "td_open"):
            mode = "cell"
        elif t in ("bullet_list_open", "ordered_list_open"):
            if item_stack:
                list_stack.append(item_stack[-1])
            else:
                line = tok.map[0] + 1 if tok.map else pending_line
                blk = Block("list", line, here, in_quote=quote > 0)
                blocks.append(blk)
                list_stack.append(blk)
        elif t in ("bullet_list_close", "ordered_list_close"):
            if list_stack:
                list_stack.pop()
        elif t == "blockquote_open":
            quote += 1
        elif t == "blockquote_close":
            quote = max(0, quote - 1)
        elif t == "table_open":
            table = Block("table", tok.map[0] + 1 if tok.map else pending_line, here)
        elif t == "tr_open":
            cell_row = []
        elif t == "tr_close":
            if table is not None and cell_row is not None:
                table.rows.append(cell_row)
            cell_row = None
        elif t == "table_close":
            if table is not None:
                if item_stack:
                    item_stack[-1].extra.append(" ".join(" ".join(r) for r in table.rows))
                else:
                    blocks.append(table)
            table = None
        elif t in ("fence", "code_block"):
            if not item_stack:
                blocks.append(
                    Block("code", tok.map[0] + 1 if tok.map else pending_line, here, text=tok.content)
                )
            else:
                item_stack[-1].extra.append("")  # a code block inside an item: not card text
        elif t == "html_block":
            if not item_stack:
                line = tok.map[0] + 1 if tok.map else pending_line
                blocks.append(Block("html", line, here, text=tok.content))
            elif item_stack[-1].text:
                item_stack[-1].extra.append(tok.content)  # e.g. a <details> answer under a question
        elif t == "hr":
            blocks.append(Block("hr", tok.map[0] + 1 if tok.map else pending_line, here))
    return Parsed(blocks, deep)


def _item_text(item: Item, content: str) -> None:
    if not item.text and not item.extra:
        m = _TASK.match(content)
        if m:
            item.task = m.group(1) != " "
            content = content[m.end() :]
        item.text = content
    else:
        item.extra.append(content)
