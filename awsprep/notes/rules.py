"""The block walker: the blocks of one file -> card drafts, skipped lines (with reasons) and warnings.

Each block goes to its reader: paragraphs and list items line by line to the text-unit rules
(``units.py``: ``qa``, ``cloze``, ``definition``, ``fact``, ``is-a``), a label with a short list to
``list``, tables and HTML to ``tables.py``, questions to ``mcq.py``. What they make is gathered by a
:class:`~awsprep.notes.collector.Collector`, which also builds each prompt's context.
"""

from __future__ import annotations

import re
from dataclasses import replace

from awsprep.notes import explicit
from awsprep.notes.blocks import Block, Item, strip_symbols
from awsprep.notes.collector import Collector
from awsprep.notes.inline import (
    cloze_numbers,
    forget_plain,
    is_link_or_image_only,
    plain,
    sentences,
    words,
)
from awsprep.notes.mcq import (
    McqReader,
    bold_marked,
    has_option,
    is_task_list,
    leading_options,
    lettered_question,
    question_section,
    unmarked,
)
from awsprep.notes.steps import REPO_FILE, project_readme, step_shares
from awsprep.notes.tables import adds_nothing, html_block, table
from awsprep.notes.topics import TopicTable
from awsprep.notes.units import _BAD_TERM, _BOLD_DEF, MAX_ANSWER, basic_qa, is_command, unit

QUESTION_FILE = 3  # a file with this many multiple-choice cards is read as a set of practice questions
QUESTION_PAGE = 2  # ... and as a page of them only, when it has this many for each card guessed from text
GUESSED_RULES = frozenset({"definition", "fact", "is-a", "list", "table-row"})  # (not written as cards)
_LABEL_END = re.compile(r"[:?]\s*$")
# a paragraph's first line that labels the list below it, a line of lead-in between them ("Storage
# classes:" / "can move between classes by lifecycle rules" / "- Standard ..."): the list's name
_LEAD_LABEL = re.compile(r"^[^:\n]{2,40}:\s*$")


def list_lead(para: Block, nxt: Block | None) -> str | None:
    """The label of ``nxt`` (a list) on the first of ``para``'s lines, when more lines follow it."""
    if nxt is None or nxt.kind != "list" or para.kind != "para" or "\n" not in para.text:
        return None
    first = para.text.split("\n", 1)[0].strip()
    if not _LEAD_LABEL.match(first) or len(first.split()) > 5 or first[:1] in "*-+>|#`":
        return None
    return plain(first)[0].rstrip(" :") or None


LEAD_IN = 60  # a lead-in line this short is said in the context of the list's cards
# a lead-in that says nothing of what the points are about: a remark's label ("Tips:", "Note:"), or a
# pointer at the list ("It looks like this:", "as follows:", "The following:")
_BARE_LEAD_IN = re.compile(
    r"^(?:notes?|nb|tips?|important|remember|summary|key points?|examples?|e\.?g\.?|for (?:example|instance)|"
    r"also|see|see also|more|others?|misc\w*|in (?:summary|short|brief|sintesi|breve)|riassumendo|tl;?dr)$|"
    r"\b(?:this|these|below|the following|following|as follows|like|here)$",
    re.IGNORECASE,
)


def lead_in(label: str) -> str | None:
    """A short one-line lead-in ending in ":" over a list ("Pricing basics:"), as its items' parent."""
    text = label.strip()
    if "\n" in text or not text.endswith((":", "：")):
        return None
    text = text.rstrip(" :：").strip(" *_").strip()
    if not text or len(text) > LEAD_IN or _BARE_LEAD_IN.search(text) or _PRONOUN_LABEL.match(text):
        return None
    return text


# the stem that ends a practice question written as a paragraph: "Which of the following would you
# recommend?", "How can you make the function run hourly?" (its sentences are the question's scene)
_STEM = re.compile(
    r"(?:\bwhich of (?:the|these) (?:following|options|choices)|\bwhich (?:\w+ ){0,3}(?:should|would|could|"
    r"will|must) |\bhow (?:can|should|could|would|will) (?:you|we|they|the|a|an|this|it)\b|"
    r"\bwhat (?:\w+ ){0,4}(?:should|would|could) (?:you|we|they|the|be)\b|"
    r"\bwhat is the (?:best|most|least|simplest|cheapest|fastest|quickest|recommended)\b)[^?]*\?[\s*_]*$",
    re.IGNORECASE,
)


def _under_last_item(lst: Block) -> bool:
    """The list's last item is a label ("S3 Standard to IA Transition:") with no points of its own."""
    last = lst.items[-1] if lst.items else None
    return last is not None and not last.children and not last.extra and bool(_LABEL_END.search(last.text))


_PRONOUN_LABEL = re.compile(r"^(?:it|its|they|their|this|these|those|that|he|she|we|you)\b", re.IGNORECASE)
_HAS_SEPARATOR = re.compile(r"\S\s*(?::|\s[-–—=])\s+\S")  # a term and its meaning before the final colon
_PIPE_LINE = re.compile(r"^\s*\|.*\|\s*$")


_BULLET_CHAR = re.compile(r"^(?:[•●▪◦‣∙]|=>|->|→|⇒)\s*")  # "- => TTL must be 0": an arrow as the bullet
_BULLETS = frozenset("•●▪◦‣∙=-→⇒")  # the first characters _BULLET_CHAR can match
_INLINE_BULLET = re.compile(r"\s+[•●▪◦‣∙]\s+")  # "Waits up to 20 s • Reduces empty responses": two points
_INLINE_MARK = re.compile("[•●▪◦‣∙]")  # what _INLINE_BULLET cannot split without


def bullet_points(text: str) -> list[str]:
    """A line's points: the line itself, or the pieces of a list typed inline with bullet characters."""
    text = _BULLET_CHAR.sub("", text.strip(), count=1)
    return [p for p in _INLINE_BULLET.split(text) if p]


_SMALL_WORDS = frozenset({"of", "and", "for", "the", "to", "on", "in", "with", "a", "an", "or", "&"})


def _para_title(line: str) -> str | None:
    """The name a paragraph's first line gives ("Amazon Fsx", "Amazon Dynamo DB - nosql db" -> "Amazon
    Dynamo DB"): a few words, each a capital or a small word; None for a line of prose."""
    text = plain(line)[0]
    name = re.split(r"\s[-–—]\s", text, maxsplit=1)[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or name.endswith((".", ":", "?", "!", ",")) or ":" in name:
        return None
    if not all(w in _SMALL_WORDS or not w[0].isalpha() or w[0].isupper() for w in words):
        return None
    if not any(w[0].isupper() for w in words) or _BAD_TERM.match(name):
        return None
    return name


def _titled(words: list[str]) -> bool:
    return all(w in _SMALL_WORDS or not w[0].isalpha() or w[0].isupper() for w in words)


def line_title(text: str, bare: bool = False) -> str | None:
    """A paragraph of one line that titles what follows it, two names in title case around a dash or a
    colon ("DynamoDB Transactions — Capacity Computations", "Mapping Example: JSON to XML with SOAP"):
    a heading typed as a line, not a term and its meaning; with ``bare``, also a few title-case words
    alone ("RDS Backups"). The title, or None."""
    if "\n" in text.strip():
        return None
    shown = plain(text)[0].strip()
    if shown.endswith((".", "?", "!", ",", ";", ":")) or _BAD_TERM.match(shown):
        return None
    parts = re.split(r"\s[-–—]\s|:\s", shown, maxsplit=1)
    if len(parts) != 2:
        words = re.sub(r"[()\[\]]", "", shown).split()
        named = all(w[0].isalpha() or w in "&/" for w in words)  # (no "Video 1 9.21.45")
        return shown if bare and 1 <= len(words) <= 8 and _titled(words) and named else None
    name, rest = parts[0].split(), parts[1].split()
    if not name or len(rest) < 2 or len(name) + len(rest) > 10 or not (_titled(name) and _titled(rest)):
        return None
    if "," in shown or sum(w[0].isalpha() for w in rest) < 2:
        return None  # "Date: 2nd March, 2026": a record, not a title
    if len(name) == 1 and name[0].upper() == "".join(w[0] for w in rest if w not in _SMALL_WORDS).upper():
        return None  # "SNS: Simple Notification Service": a name and what its letters stand for
    return shown


def logical_lines(text: str, first_line: int) -> list[tuple[str, int]]:
    """Split hard-wrapped text into logical lines: a line starting in upper case after a line that
    does not end in a comma, dash or opening bracket starts a new one."""
    out: list[tuple[str, int]] = []
    for off, line in enumerate(text.split("\n")):
        stripped = line.strip()
        # "• Provides two static IPs": a list typed as a paragraph
        bullet = _BULLET_CHAR.match(stripped) if stripped[:1] in _BULLETS else None
        if bullet:
            stripped = stripped[bullet.end() :]
        if not stripped:
            continue
        # (the marks are not ASCII: an ASCII line, most of them, is passed over at once)
        marked = not stripped.isascii() and _INLINE_MARK.search(stripped)
        points = _INLINE_BULLET.split(stripped) if marked else [stripped]
        if len(points) > 1:
            if not bullet and out and out[-1][0].rstrip().endswith((",", "-", "(", "–", "—", "/", "&", "+")):
                out[-1] = (f"{out[-1][0]} {points.pop(0)}", out[-1][1])
            out.extend((p, first_line + off) for p in points if p)
        elif bullet:
            out.append((stripped, first_line + off))
        elif (
            out
            and not (stripped[0].isupper() or stripped[0] in "*-|>#`[!0123456789")
            and not explicit.QA.match(stripped)
        ) or (out and out[-1][0].rstrip().endswith((",", "-", "(", "–", "—", "/", "&", "+"))):
            out[-1] = (f"{out[-1][0]} {stripped}", out[-1][1])
        else:
            out.append((stripped, first_line + off))
    return out


# a paragraph that is only a short bold line ("**Amazon S3 Security**") titles the lists under it
_BOLD_TITLE = re.compile(r"(\*\*|__)(?P<title>[^*_\n]{2,80}?)\1[ \t]*:?")


# a line giving the table under it as cases, not as facts: "Possible setups:", "An example:"
_EXAMPLE_LEAD = re.compile(
    r"\b(?:possible|examples?|sample|e\.g\.|for instance|illustrat\w*)\b[^.!?]*:\s*$", re.IGNORECASE
)
# a title line over a table: one short line, no sentence, no lead-in ("Where each deploy tool applies")
_CAPTION_END = re.compile(r"[.!?。！？;,]$")


def _caption(prev: Block | None, blk: Block) -> str | None:
    """The short line just over a table that names what its cells answer, else None."""
    if prev is None or prev.kind != "para" or blk.line - prev.line > 2 or "\n" in prev.text.strip():
        return None
    text = plain(prev.text.strip())[0].strip(" *_").strip()
    # (a line ending in ":" leads into the table, "Pricing depends on:", and is often half a sentence)
    if not text or len(text) > 60 or _CAPTION_END.search(text) or text.endswith((":", "：")):
        return None
    return text


_TITLE_NUMBER = re.compile(r"^\d+\s*[-.)]\s*")  # "1- Keys", "2) Tokens": a numbered title's number


def bold_title(text: str) -> str | None:
    text = text.strip()
    if text[:1] not in "*_" and not text.isascii():
        text = strip_symbols(text)  # "💡 **Quick notes on storage:**": a pictograph before the title
    m = _BOLD_TITLE.fullmatch(text)
    if m is None or len(m.group("title").split()) > 8 or m.group("title").rstrip().endswith((".", "?", "!")):
        return None
    return plain(m.group("title"))[0].rstrip(" :") or None


# a quiz's question as a numbered heading: "### 3. Which is a trait of an Elastic IP?"
_QUIZ_HEADING = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\d{1,3}\s*[.):]\s+\S.*\?", re.IGNORECASE)


def quiz_heading(text: str) -> bool:
    """``_QUIZ_HEADING.match(text)``: its match holds a "?", so a heading without one is passed over."""
    return "?" in text and _QUIZ_HEADING.match(text) is not None


_QUIZ_NUMBER = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\d{1,3}\s*[.):]\s+", re.IGNORECASE)
# an item that ends on a dash, its sentence going on in its one child ("cache (hit) -" / "- if not found")
_GOES_ON = re.compile(r"\s+[-–—]+\s*$")
# a bold title over a worked case: "**Example:**", "**Calculation:**", "**Worked example**"
_EXAMPLE_TITLE = re.compile(
    r"^(?:worked\s+)?(?:examples?|calculations?|exercises?|scenarios?|samples?|demo)\b", re.IGNORECASE
)
QUIZ_HEADINGS = 3  # a file with this many is a quiz: an answer under such a heading is the heading's


class Walker:
    def __init__(self, c: Collector, blocks: list[Block]) -> None:
        self.c = c
        self.blocks = blocks
        self.questions = McqReader(c, blocks)
        self._quiz_headings: int | None = None  # numbered question headings in the file (heading_answer)

    def run(self) -> None:
        blocks = self.blocks
        used: set[int] = set()
        title: str | None = None  # a bold line's title over the lists that follow it, to the next heading
        line_titles: dict[int, str] = {}  # a list's title typed as a plain line right above it
        for i, blk in enumerate(blocks):
            if i in used or i in self.questions.key_blocks or i in self.questions.answer_blocks:
                continue  # (the entries of an answer key are read by the questions they answer)
            if i in self.questions.html_stems:  # the question of an HTML option list below it
                if blk.kind == "list":  # (its last item; the items before it are read as notes)
                    for it in blk.items[:-1]:
                        self.item(it, blk.path, [])
                continue
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if blk.kind == "heading":
                title = None
                consumed = self.heading_answer(i)
                used |= consumed
                continue
            titles_list = blk.kind == "para" and nxt is not None and nxt.kind == "list"
            named = bold_title(blk.text) if titles_list else None
            typed = (
                line_title(blk.text, bare=titles_list)
                if not named and nxt is not None and nxt.kind in ("list", "para") and not blk.in_quote
                else None
            )
            if typed:
                # "DynamoDB Transactions — Capacity Computations" alone on a line over its points: a
                # heading typed as a line; the title of the list right under it, no card of its own
                if titles_list:
                    line_titles[i + 1] = typed
                self.c.skip(blk.line, "fragment", typed)
                continue
            if named:
                title = named
                self.c.skip(blk.line, "fragment", named)  # a title, read as the context of its lists
                continue
            if blk.kind == "para" and bold_title(blk.text):
                # another bold title ("**2- Tokens**" over a line, then its list): the one before no
                # longer covers what follows; this one does when a line of its own leads to the list
                after = blocks[i + 2] if i + 2 < len(blocks) else None
                led = nxt is not None and nxt.kind == "para" and after is not None and after.kind == "list"
                title = _TITLE_NUMBER.sub("", bold_title(blk.text) or "") if led else None
                title = title or None
            if blk.kind == "code":
                consumed = self.questions.code_mcq(i)
                if consumed:
                    used |= consumed
                    continue
                self.c.skip(blk.line, "code block")
            elif blk.kind == "hr":
                continue
            elif blk.kind == "html":
                consumed = self.questions.html_mcq(i)
                if consumed:
                    used |= consumed
                    continue
                html_block(self.c, blk)
            elif blk.kind == "table":
                consumed = self.questions.table_mcq(i)
                if consumed:
                    used |= consumed
                    continue
                prev = blocks[i - 1] if i else None
                example = prev is not None and prev.kind == "para" and bool(_EXAMPLE_LEAD.search(prev.text))
                table(self.c, blk.rows, blk.line, blk.path, example=example, caption=_caption(prev, blk))
            elif blk.kind == "list":
                if is_task_list(blk):
                    consumed, notes = self.questions.task_mcq(i)
                    used |= consumed
                    for it in notes:
                        self.item(it, blk.path, [])
                else:
                    consumed = self.questions.list_mcq(i)
                    if consumed:
                        used |= consumed
                        continue
                    label = None
                    prev = blocks[i - 1] if i else None
                    parents = [title] if title else []
                    if i in line_titles:
                        parents.append(line_titles[i])
                    lead = list_lead(prev, blk) if prev is not None else None
                    if prev is not None and prev.kind == "para" and _LABEL_END.search(prev.text):
                        label = plain(prev.text)[0]
                        said = lead_in(label)
                        if said and said not in parents:
                            # "Billing basics:" over "- Disks: pay for what is stored": the line above
                            # the list says what its terms are asked about, as a parent bullet would
                            parents = [*parents, said]
                    elif lead:
                        label = lead  # (the lines between the label and its list are read apart)
                    elif title and prev is not None and bold_title(prev.text) == title:
                        label = title  # "**Beanstalk components**" over a short list: the list's name
                    elif prev is not None and prev.kind == "list" and _under_last_item(prev):
                        # "1. Transition to Glacier:" then "  * 1 day after creation": bullets indented
                        # too little to be the item's children are still its points
                        label = plain(prev.items[-1].text)[0]
                        parents = [*parents, label.rstrip(" :")]
                    self.list_block(blk, label, parents)
            elif blk.kind == "para":
                if nxt is not None and nxt.kind == "list" and is_task_list(nxt):
                    continue  # the question of a multiple-choice card
                if blk.text.strip() == "?":
                    continue
                if self.details_card(blk.text, blk.line, blk.path, i + 1, used):
                    continue
                pairs = explicit.q_and_a_pairs(blk.text) if "\n" in blk.text else None
                if pairs:
                    for question, answer, offset in pairs:
                        basic_qa(self.c, question, answer, blk.line + offset, blk.path, "qa")
                    continue
                qa = explicit.q_and_a(blk.text, nxt.text if nxt is not None and nxt.kind == "para" else "")
                if qa is not None:
                    basic_qa(self.c, qa[0], qa[1], blk.line, blk.path, "qa")
                    if qa[2]:
                        used.add(i + 1)
                    continue
                if lettered_question(blk, nxt) or self.questions.sets_scene(i):
                    continue  # the question of a lettered multiple-choice card, or its scene
                after = blocks[i + 2] if i + 2 < len(blocks) else None
                if nxt is not None and nxt.kind == "para" and nxt.text.strip() == "?" and after is not None:
                    basic_qa(self.c, blk.text, after.text, blk.line, blk.path, "multiline")
                    used |= {i + 1, i + 2}
                    continue
                if any(explicit.OPTION.match(unmarked(x)[0]) for x in blk.text.split("\n")):
                    consumed = self.questions.lettered_mcq(i)
                    if consumed:
                        used |= consumed
                        continue
                consumed = self.questions.true_false(i)
                if consumed:
                    used |= consumed
                    continue
                if list_lead(blk, nxt):
                    # its first line names the list below: the lines after it are read alone, not as
                    # the label's answer ("Storage classes: can move between classes by lifecycle")
                    first, rest = blk.text.split("\n", 1)
                    self.c.skip(blk.line, "fragment", first.strip())
                    blk = replace(blk, line=blk.line + 1, text=rest)
                prev = blocks[i - 1] if i else None
                named = bold_title(prev.text) if prev is not None and prev.kind == "para" else None
                # "**Calculation:**" over "80 records, 3KB each ...": the lines are a worked case's
                self.paragraph(blk, [named] if named and _EXAMPLE_TITLE.match(named) else [])

    def heading_answer(self, i: int) -> set[int]:
        """A quiz's numbered question heading ("### 3. Which is a trait of an EIP?") with only its right
        answer under it, as a blockquote line or a short list of the right options: the learner's own
        flashcard (rule ``qa``). Only in a file of several such headings; the blocks used, or none."""
        if self._quiz_headings is None:
            self._quiz_headings = sum(
                1 for b in self.blocks if b.kind == "heading" and quiz_heading(plain(b.raw)[0])
            )
        question = plain(self.blocks[i].raw)[0]
        nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        if self._quiz_headings < QUIZ_HEADINGS or nxt is None or not quiz_heading(question):
            return set()
        if nxt.kind == "para" and nxt.in_quote:
            answer = plain(nxt.text)[0]
        elif (
            nxt.kind == "list"
            and 1 <= len(nxt.items) <= 8
            and not any(
                it.children or it.task is not None or explicit.OPTION.match(it.text) for it in nxt.items
            )
            and bold_marked(nxt.items) is None  # (the right options in bold among the others: a quiz's list)
            and all(len(it.text.split()) <= 12 for it in nxt.items)
        ):
            answer = "; ".join(plain(it.text)[0] for it in nxt.items)
        else:
            return set()
        question = _QUIZ_NUMBER.sub("", question)
        basic_qa(self.c, question, answer, self.blocks[i].line, self.blocks[i].path, "qa")
        return {i + 1}

    def details_card(self, question: str, line: int, path: tuple[str, ...], j: int, used: set[int]) -> bool:
        """A question (ending in "?") with its answer hidden in the ``<details>`` block after it: the
        learner's own flashcard (rule ``qa``)."""
        nxt = self.blocks[j] if j < len(self.blocks) else None
        if nxt is None or nxt.kind != "html" or "<details" not in nxt.text.lower():
            return False
        if not plain(question)[0].endswith("?"):
            return False
        text, consumed = self.questions.following_text(j)
        back = explicit.details_answer(text)
        if not back or has_option(text):
            return False
        basic_qa(self.c, question, back, line, path, "qa")
        used |= consumed
        return True

    def paragraph(self, blk: Block, parents: list[str] | None = None) -> None:
        parents = parents or []
        raw = blk.text
        if not parents and raw.startswith(("**", "__")) and "\n" in raw:
            named = bold_title(raw.split("\n", 1)[0])  # "**Calculation:**" typed on the case's first line
            parents = [named] if named and _EXAMPLE_TITLE.match(named) else []
        split = explicit.split_multiline(raw)
        if split:
            basic_qa(self.c, split[0], split[1], blk.line, blk.path, "multiline")
            return
        lines = raw.split("\n")
        if all(_PIPE_LINE.match(x) for x in lines) and len(lines) > 1:
            self.c.warn(
                blk.line, "a table here is broken (no |---| row under its header), so it was not read."
            )
            self.c.skip(blk.line, "broken table")
            return
        logical = logical_lines(raw, blk.line)
        titled = _para_title(logical[0][0]) if not parents and len(logical) >= 3 else None
        for n, (line, ln) in enumerate(logical):
            if titled and n == 1:
                # "Amazon Database Migration Service" over lines indented under it (no list marks): the
                # first line names what the others are about, as a parent bullet would
                parents = [titled]
            if unit(self.c, line, ln, blk.path, parents, explicit_only=True):
                continue
            text = line.strip()
            why = is_link_or_image_only(text)
            if why:
                self.c.skip(ln, why, text)
                continue
            bold = _BOLD_DEF.match(text)
            if bold:
                unit(self.c, text, ln, blk.path, parents)
                continue
            parts = sentences(plain(text)[0]) if len(text) > 120 else [text]
            # (_STEM's match ends on a "?": a line without one is passed over)
            if "?" in parts[-1] and _STEM.search(parts[-1]):  # a practice question's scene and stem, as prose
                self.c.skip(ln, "practice question", text)
                continue
            for sent in parts:
                unit(self.c, sent, ln, blk.path, parents, prose=len(parts) > 1)

    # --- lists -----------------------------------------------------------------------------------
    def list_block(self, blk: Block, label: str | None, parents: list[str]) -> None:
        if label:
            self.list_card(label, blk.items, blk.line, blk.path, [])
        for item in blk.items:
            self.item(item, blk.path, parents)

    def item(self, item: Item, path: tuple[str, ...], parents: list[str]) -> None:
        # (most items have no extra paragraphs: no generator made for them)
        if (
            item.extra
            and any("<ol" in x.lower() for x in item.extra)
            and self.questions.item_html_mcq(item, path)
        ):
            return
        if item.children and item.children[0].task is not None and self.questions.task_item_mcq(item, path):
            return
        if (
            ("\n" in item.text and has_option(item.text))
            or len(leading_options(item.children)) >= 2
            or id(item) in self.questions.bold_items
        ) and self.questions.item_mcq(item, path):
            return
        if item.children and len(item.children) == 1 and _GOES_ON.search(item.text):
            # "Dax is a write-through cache -" over "- which means writes go to both": one sentence typed
            # on two lines; read as one point
            (kid,) = item.children
            if not kid.children and not item.extra and kid.text[:1].islower():
                text = f"{_GOES_ON.sub('', item.text)}, {kid.text}"
                item = replace(item, text=text, children=[], extra=kid.extra)
        details = "\n".join(item.extra)
        if "<details" in details.lower() and plain(item.text)[0].endswith("?") and not has_option(details):
            back = explicit.details_answer(details)
            if back:
                basic_qa(self.c, item.text, back, item.line, path, "qa")  # a flashcard in a list
                return
        label = ""  # (the item's label names the list of its children: read only when it has some)
        listed = False
        if item.children:
            # "• Isolate ... • Redrive ... defines:"
            points = bullet_points(plain(item.text.split("\n")[0])[0])
            label = (points[-1] if points else "").rstrip(" :=-–—")
            if "==" in label:
                label = explicit.MARK.sub(r"\1", label + "==" if label.count("==") % 2 else label)
            # "- [Analytics](./Analytics/)" over "- [Amazon Athena](./Athena.md)": an index of pages, no list
            index = all(is_link_or_image_only(i.text.split("\n")[0].strip()) for i in (item, *item.children))
            # "**DAX**" over "**Basics**", "**Use cases**", each with points of its own: an outline of
            # headings typed in bold, whose names are no list to recall
            outline = all(_BOLD_TITLE.fullmatch(i.text.strip()) for i in (item, *item.children)) and all(
                kid.children for kid in item.children
            )
            # "**Pricing** - charged based on" over its points: a definition the points end (below)
            joined = "\n" not in item.text and bool(
                _NEEDS_MORE.search(item.text) and _HAS_SEPARATOR.search(item.text)
            )
            listed = not (index or outline or joined) and self.list_card(
                label, item.children, item.line, path, parents
            )
        kids = short_items(item.children) if item.children and not listed else None
        if item.text.strip():
            lines = logical_lines(item.text, item.line)
            for n, (text, ln) in enumerate(lines):
                if (
                    kids
                    and len(lines) == 1
                    and (text.rstrip().endswith(":") or _NEEDS_MORE.search(text))
                    and _HAS_SEPARATOR.search(text)
                ):
                    # "Record: a unit of data, made of:" + short children: the children end the answer
                    # (also "Pricing - charged based on" over "Instance size", "Storage")
                    text = f"{text.rstrip(' :')}: {'; '.join(kids)}"
                before = len(self.c.skips)
                made = unit(self.c, text, ln, path, parents)
                if listed and n == 0 and not made:
                    del self.c.skips[before:]  # the label of a list card is used, not skipped
        elif not item.children:
            self.c.skip(item.line, "empty")
        if item.children:
            for child in item.children:
                self.item(child, path, [*parents, label])

    def list_card(
        self, label: str, items: list[Item], line: int, path: tuple[str, ...], parents: list[str]
    ) -> bool:
        label = label.strip()
        if not label or len(label) > 80 or not 2 <= len(items) <= 8 or len(words(label)) < 1:
            return False
        if len(label.split()) > 6 and not _LABEL_END.search(label):
            return False
        if len(label.split()) > 3 and label.endswith("."):  # a whole sentence, not the name of a list
            return False
        if re.search(r"[:=]\s*\S", label):  # "default: 5 minutes" is a fact, not a list's name
            return False
        if _READING.match(label) and all(
            is_link_or_image_only(it.text.split("\n")[0].strip()) for it in items
        ):
            return False  # "**Learn more:**" over links: pages to read, not points to recall
        kids = short_items(items)
        if kids is None or _BAD_TERM.match(label.rstrip(":?")) or _PRONOUN_LABEL.match(label):
            return False
        kids = whole_points(kids, items)
        if adds_nothing(label, " ".join(kids)):
            return False  # "Dedicated Hosts vs Instances" -> "Instances; Hosts": the label's own words
        front = label.rstrip(" :")
        front += self.c.ctx_suffix(front, path, parents)
        back = "; ".join(kids)
        if len(back) > MAX_ANSWER:
            return False
        self.c.add("basic", "list", line, path, key=label, front=front, back=back, core=f"{label}\n{back}")
        return True


# the end of a line that needs its children to say anything: "charged based on", "made up of"
_NEEDS_MORE = re.compile(
    r"\b(?:based on|depends on|relies on|such as|consists? of|made (?:up )?of|composed of|includes?|"
    r"including)\s*$",
    re.IGNORECASE,
)
_READING = re.compile(
    r"^\W*(?:learn more|read more|more info\w*|further reading|references?|resources|useful links|links|"
    r"see also|docs|documentation|sources?)\W*$",
    re.IGNORECASE,
)
# a point that only leads into points of its own: "AWS example", "e.g.", "Includes:", "Options"
_LEAD_IN_POINT = re.compile(
    r"(?:^|\s)(?:examples?|ex|e\.?g\.?|such as|like|includes?|including|types|kinds|options|values)$|:$",
    re.IGNORECASE,
)


def whole_points(kids: list[str], items: list[Item]) -> list[str]:
    """A list's points made whole: a point that only leads into a few short points of its own ("AWS
    example" over "Elastic Beanstalk") takes them as its end ("AWS example: Elastic Beanstalk"), so the
    card does not end on a label without what it holds; unless the answer would grow too long."""
    if not any(i.children for i in items):
        return kids
    out = []
    for kid, item in zip(kids, items, strict=True):
        subs = [plain(c.text.split("\n")[0])[0] for c in item.children]
        if subs and len(subs) <= 3 and all(x and len(x) <= 40 for x in subs) and _LEAD_IN_POINT.search(kid):
            kid = f"{kid.rstrip(' :')}: {', '.join(subs)}"
        out.append(kid)
    return out if len("; ".join(out)) <= MAX_ANSWER else kids


def short_items(items: list[Item]) -> list[str] | None:
    """The texts of 2-8 short list items (no definitions, numbers or commands), else None."""
    kids = [plain(i.text.split("\n")[0])[0] for i in items]
    if not 2 <= len(kids) <= 8:
        return None
    if any(not k or len(k) > 60 or len(k.split()) > 8 or ":" in k or "=" in k for k in kids):
        return None
    if any(cloze_numbers(k) or is_command(k) for k in kids):
        return None
    return kids


def extract(file: str, blocks: list[Block], topics: TopicTable, fallback_topic: str) -> Collector:
    forget_plain()  # (the texts of the file before)
    heads = [b for b in blocks if b.kind == "heading"]
    titled = bool(heads) and (heads[0].level == 1 or all(b.level > heads[0].level for b in heads[1:]))
    c = Collector(file, topics, fallback_topic, titled)
    if REPO_FILE.search(file):
        c.skip(1, "repository file")  # a code of conduct or a changelog teaches nothing for the exam
        return c
    walker = Walker(c, blocks)
    walker.run()
    sections, whole = step_shares(blocks)
    if project_readme(blocks):
        whole = 1.0  # a code project's README: setup steps and commands, whatever its lines say
    for d in c.drafts:
        d.steps, d.file_steps = sections.get(d.path, 0.0), whole
    options = walker.questions.option_lines
    if sum(d.kind == "mcq" for d in c.drafts) >= QUESTION_FILE:
        # a file of practice questions: its options are answers to choose, not notes to learn
        for d in c.drafts:
            if d.kind != "mcq" and d.line in options:
                c.skip(d.line, "question option", d.front or d.text)
        c.drafts = [d for d in c.drafts if d.kind == "mcq" or d.line not in options]
        # the lines under a question's options explain that question ("Scalability (Question #13)"):
        # read alone, as cards, they answer a question the learner cannot see
        asked = [(d.line, question_section(d.path)) for d in c.drafts if d.kind == "mcq"]
        kept = []
        for d in c.drafts:
            if d.kind != "mcq" and any(ln < d.line and d.path[: len(p)] == p for ln, p in asked):
                c.skip(d.line, "practice question's explanation", d.front or d.text)
            else:
                kept.append(d)
        c.drafts = kept
        guessed = [d for d in c.drafts if d.rule in GUESSED_RULES]
        if sum(d.kind == "mcq" for d in c.drafts) >= QUESTION_PAGE * len(guessed) and guessed:
            # a page of practice questions: the text around them is the page's own (its intro, how many
            # questions the exam has, a disclaimer), not notes; the cards written as cards stay
            for d in guessed:
                c.skip(d.line, "practice questions' page", d.front or d.text)
            c.drafts = [d for d in c.drafts if d.rule not in GUESSED_RULES]
    return c
