"""The block walker: the blocks of one file -> card drafts, skipped lines (with reasons) and warnings.

Each block goes to its reader: paragraphs and list items line by line to the text-unit rules
(``units.py``: ``qa``, ``cloze``, ``definition``, ``fact``, ``is-a``), a label with a short list to
``list``, tables and HTML to ``tables.py``, questions to ``mcq.py``. What they make is gathered by a
:class:`~awsprep.notes.collector.Collector`, which also builds each prompt's context.
"""

from __future__ import annotations

import re

from awsprep.notes import explicit
from awsprep.notes.blocks import Block, Item
from awsprep.notes.collector import Collector
from awsprep.notes.inline import cloze_numbers, is_link_or_image_only, plain, sentences, words
from awsprep.notes.mcq import McqReader, has_option, is_task_list, lettered_question, option_items
from awsprep.notes.tables import html_block, table
from awsprep.notes.topics import TopicTable
from awsprep.notes.units import _BAD_TERM, _BOLD_DEF, _COMMAND, MAX_ANSWER, basic_qa, unit

QUESTION_FILE = 3  # a file with this many multiple-choice cards is read as a set of practice questions
_MIN_SECTION = 3  # lines: a shorter section says too little about itself to be judged a walkthrough
_MIN_FILE = 10  # lines: the same for a whole file

# What a line of a lab log, a console walkthrough or a code project's README looks like: an order to
# the reader ("Create bucket", "Run the tests"), a click path, a command, a setting typed into a form
# ("Name: my-app"), a line that is mostly code, first-person steps ("we deploy our app").
_STEP_VERB = re.compile(
    r"^(?:\d+[.)]\s*)?(?:create|add|go to|go|choose|select|click|enable|disable|set|launch|open|copy|paste|"
    r"run|test|delete|remove|attach|detach|allocate|associate|release|configure|upload|download|install|"
    r"deploy|edit|save|next|confirm|review|start|stop|terminate|modify|navigate|type|enter|log ?in|login|"
    r"sign in|wait|refresh|verify|build|clone|push|pull|commit|change|insert|rename|fill|press|visit|"
    r"browse|restart|reboot|connect|generate|import|export|execute|invoke|publish|send|register|apply|"
    r"mount|compile|init|initialize|customize|make sure|try|check|look at|open up|scroll|pick)\b",
    re.IGNORECASE,
)
_STEP_CLICK = re.compile(r"\w\s*->\s*\w|\w\s*->\s*$|[A-Za-z]\s>\s[A-Z]")
_STEP_SETTING = re.compile(
    r"^[A-Z][\w ]{0,30}:\s*(?:`[^`]+`|[a-z0-9][\w.]*-[\w.-]+|[a-z]+|[A-Z][a-z]+[A-Z]\w+|true|false|"
    r"enabled?|disabled?)\s*$"
)
_STEP_PERSON = re.compile(
    r"\b(?:I'm|I've|I'll|I will|I have|I used|my|let's|you'll need|"
    r"in your (?:shell|terminal|browser))\b"
    r"|^to (?:build|run|deploy|test|install|use|set up|start|create|invoke|delete|clean up)\b",
    re.IGNORECASE,
)
# "Create: a new stack", "Stop guessing capacity: scale with demand" name a term and say what it is
_STEP_DEF = re.compile(r"^\W*[^:=]{1,50}?\W*(?::|\s[-–—=])\s+\S")
_CODE_SPAN = re.compile(r"`[^`]+`")


# the headings of a code project's README ("Prerequisites", "Usage", "Deploy the application", "License")
_PROJECT_HEADING = re.compile(
    r"^(?:prerequisites?|requirements|install(?:ation|ing)?|getting started|quick ?start|usage|build(?:ing)?|"
    r"(?:deployment|installation|setup|build|usage) instructions|"
    r"deploy(?:ment|ing)?|running|run locally|local development|development|testing|tests|unit tests|"
    r"clean ?up|configuration|environment variables|contributing|license|next steps|setup|set up|commands|"
    r"scripts|what's here|what do i do next\??|"
    r"(?:project|folder|directory|repo(?:sitory)?) (?:structure|layout))$"
    r"|^(?:deploy|use|add|run|build|install|create|configure|test|set up|clean up|start|invoke)\b.*"
    r"\b(?:the|your|a|an)\b",
    re.IGNORECASE,
)


def project_readme(blocks: list[Block]) -> bool:
    """A code project's README: two or more of its headings are about installing, building, running."""
    heads = [b.text for b in blocks if b.kind == "heading"]
    hits = sum(1 for h in heads if _PROJECT_HEADING.match(h))
    code = sum(1 for b in blocks if b.kind == "code")
    return hits >= 2 and (hits * 5 >= len(heads) * 2 or code >= 3)


def is_step(line: str) -> bool:
    """A line that tells the reader what to do rather than what is true."""
    s = line.strip().lstrip("*_ ")
    if not s:
        return False
    code = sum(len(m) for m in _CODE_SPAN.findall(s))
    return bool(
        (_STEP_VERB.match(s) and not _STEP_DEF.match(s))
        or _STEP_CLICK.search(s)
        or _COMMAND.search(s)
        or code * 2 >= len(s)
        or _STEP_SETTING.match(s)
        or _STEP_PERSON.search(s)
    )


def _item_lines(items: list[Item], out: list[str]) -> list[str]:
    for it in items:
        if it.task is None and not explicit.OPTION.match(it.text):  # options of a question are no steps
            out.append(it.text.split("\n")[0])
        _item_lines(it.children, out)
    return out


def step_shares(blocks: list[Block]) -> tuple[dict[tuple[str, ...], float], float]:
    """The share of lines that are steps, per section (heading path) and over the whole file; a code
    block counts as one step line. Sections shorter than :data:`_MIN_SECTION` lines and files
    shorter than :data:`_MIN_FILE` get 0."""
    counts: dict[tuple[str, ...], list[int]] = {}
    for blk in blocks:
        c = counts.setdefault(blk.path, [0, 0])
        if blk.kind == "code":
            c[0] += 1
            c[1] += 1
            continue
        if blk.kind == "para":
            lines = [x for x in blk.text.split("\n") if x.strip() and not explicit.OPTION.match(x)]
        elif blk.kind == "list":
            lines = _item_lines(blk.items, [])
        else:
            continue
        c[0] += sum(map(is_step, lines))
        c[1] += len(lines)
    steps = sum(s for s, _ in counts.values())
    total = sum(n for _, n in counts.values())
    whole = round(steps / total, 2) if total >= _MIN_FILE else 0.0
    return {p: round(s / n, 2) if n >= _MIN_SECTION else 0.0 for p, (s, n) in counts.items()}, whole


_LABEL_END = re.compile(r"[:?]\s*$")
_PRONOUN_LABEL = re.compile(r"^(?:it|its|they|their|this|these|those|that|he|she|we|you)\b", re.IGNORECASE)
_HAS_SEPARATOR = re.compile(r"\S\s*(?::|\s[-–—=])\s+\S")  # a term and its meaning before the final colon
_PIPE_LINE = re.compile(r"^\s*\|.*\|\s*$")


def logical_lines(text: str, first_line: int) -> list[tuple[str, int]]:
    """Split hard-wrapped text into logical lines: a line starting in upper case after a line that
    does not end in a comma, dash or opening bracket starts a new one."""
    out: list[tuple[str, int]] = []
    for off, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if not stripped:
            continue
        if (
            out
            and not (stripped[0].isupper() or stripped[0] in "*-|>#`[!0123456789")
            and not explicit.QA.match(stripped)
        ) or (out and out[-1][0].rstrip().endswith((",", "-", "(", "–", "—", "/", "&", "+"))):
            out[-1] = (f"{out[-1][0]} {stripped}", out[-1][1])
        else:
            out.append((stripped, first_line + off))
    return out


class Walker:
    def __init__(self, c: Collector, blocks: list[Block]) -> None:
        self.c = c
        self.blocks = blocks
        self.questions = McqReader(c, blocks)

    def run(self) -> None:
        blocks = self.blocks
        used: set[int] = set()
        for i, blk in enumerate(blocks):
            if i in used:
                continue
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if blk.kind == "heading":
                continue
            if blk.kind == "code":
                self.c.skip(blk.line, "code block")
            elif blk.kind == "hr":
                continue
            elif blk.kind == "html":
                html_block(self.c, blk)
            elif blk.kind == "table":
                table(self.c, blk.rows, blk.line, blk.path)
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
                    if prev is not None and prev.kind == "para" and _LABEL_END.search(prev.text):
                        label = plain(prev.text)[0]
                    self.list_block(blk, label)
            elif blk.kind == "para":
                if nxt is not None and nxt.kind == "list" and is_task_list(nxt):
                    continue  # the question of a multiple-choice card
                if blk.text.strip() == "?":
                    continue
                if self.details_card(blk.text, blk.line, blk.path, i + 1, used):
                    continue
                qa = explicit.q_and_a(blk.text, nxt.text if nxt is not None and nxt.kind == "para" else "")
                if qa is not None:
                    basic_qa(self.c, qa[0], qa[1], blk.line, blk.path, "qa")
                    if qa[2]:
                        used.add(i + 1)
                    continue
                if lettered_question(blk, nxt):
                    continue  # the question of a lettered multiple-choice card
                after = blocks[i + 2] if i + 2 < len(blocks) else None
                if nxt is not None and nxt.kind == "para" and nxt.text.strip() == "?" and after is not None:
                    basic_qa(self.c, blk.text, after.text, blk.line, blk.path, "multiline")
                    used |= {i + 1, i + 2}
                    continue
                if any(explicit.OPTION.match(x) for x in blk.text.split("\n")):
                    consumed = self.questions.lettered_mcq(i)
                    if consumed:
                        used |= consumed
                        continue
                self.paragraph(blk)

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

    def paragraph(self, blk: Block) -> None:
        raw = blk.text
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
        for line, ln in logical_lines(raw, blk.line):
            if unit(self.c, line, ln, blk.path, [], explicit_only=True):
                continue
            text = line.strip()
            why = is_link_or_image_only(text)
            if why:
                self.c.skip(ln, why, text)
                continue
            bold = _BOLD_DEF.match(text)
            if bold:
                unit(self.c, text, ln, blk.path, [])
                continue
            parts = sentences(plain(text)[0]) if len(text) > 120 else [text]
            for sent in parts:
                unit(self.c, sent, ln, blk.path, [], prose=len(parts) > 1)

    # --- lists -----------------------------------------------------------------------------------
    def list_block(self, blk: Block, label: str | None) -> None:
        if label:
            self.list_card(label, blk.items, blk.line, blk.path, [])
        for item in blk.items:
            self.item(item, blk.path, [])

    def item(self, item: Item, path: tuple[str, ...], parents: list[str]) -> None:
        if (
            ("\n" in item.text and has_option(item.text)) or option_items(item.children) is not None
        ) and self.questions.item_mcq(item, path):
            return
        details = "\n".join(item.extra)
        if "<details" in details.lower() and plain(item.text)[0].endswith("?") and not has_option(details):
            back = explicit.details_answer(details)
            if back:
                basic_qa(self.c, item.text, back, item.line, path, "qa")  # a flashcard in a list
                return
        label = plain(item.text.split("\n")[0])[0].rstrip(" :=-–—")
        listed = bool(item.children) and self.list_card(label, item.children, item.line, path, parents)
        kids = short_items(item.children) if item.children and not listed else None
        if item.text.strip():
            lines = logical_lines(item.text, item.line)
            for n, (text, ln) in enumerate(lines):
                if kids and len(lines) == 1 and text.rstrip().endswith(":") and _HAS_SEPARATOR.search(text):
                    # "Record: a unit of data, made of:" + short children: the children end the answer
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
        kids = short_items(items)
        if kids is None or _BAD_TERM.match(label.rstrip(":?")) or _PRONOUN_LABEL.match(label):
            return False
        front = label.rstrip(" :")
        front += self.c.ctx_suffix(front, path, parents)
        back = "; ".join(kids)
        if len(back) > MAX_ANSWER:
            return False
        self.c.add("basic", "list", line, path, key=label, front=front, back=back, core=f"{label}\n{back}")
        return True


# a repository's own paperwork: contribution rules, code of conduct, change log, licence, templates
_REPO_FILE = re.compile(
    r"(?:^|/)(?:\.github/.*|(?:contributing|code_of_conduct|code-of-conduct|changelog|license|licence|"
    r"authors|contributors|pull_request_template|issue_template|maintainers)(?:\.\w+)?)$",
    re.IGNORECASE,
)


def short_items(items: list[Item]) -> list[str] | None:
    """The texts of 2-8 short list items (no definitions, numbers or commands), else None."""
    kids = [plain(i.text.split("\n")[0])[0] for i in items]
    if not 2 <= len(kids) <= 8:
        return None
    if any(not k or len(k) > 60 or len(k.split()) > 8 or re.search(r"[:=]", k) for k in kids):
        return None
    if any(cloze_numbers(k) or _COMMAND.search(k) for k in kids):
        return None
    return kids


def extract(file: str, blocks: list[Block], topics: TopicTable, fallback_topic: str) -> Collector:
    c = Collector(file, topics, fallback_topic)
    if _REPO_FILE.search(file):
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
    if sum(d.kind == "mcq" for d in c.drafts) >= QUESTION_FILE and options:
        # a file of practice questions: its options are answers to choose, not notes to learn
        for d in c.drafts:
            if d.kind != "mcq" and d.line in options:
                c.skip(d.line, "question option", d.front or d.text)
        c.drafts = [d for d in c.drafts if d.kind == "mcq" or d.line not in options]
    return c
