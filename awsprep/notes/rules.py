"""Extractors: blocks of one file -> card drafts, skipped lines (with reasons) and warnings.

Rules, tried in this order on each text unit (a list item's text, a paragraph line or sentence):
``qa`` / ``qa-reversed`` (``q :: a`` / ``a ::: b``), ``multiline`` (``front / ? / back``),
``cloze`` (``==x==`` / ``{{x}}``), ``definition`` (``**Term**: meaning``, ``__Term__ - meaning``,
``Term = meaning``, ``term - meaning``, ``term: meaning``), ``fact`` (a line or definition whose
numbers are limits: a cloze on the numbers), ``is-a`` (``X is a Y``). Block rules: ``list`` (a label
followed by a short list), ``table-row``, ``mcq`` (task list) and ``mcq-lettered`` (A. B. ... +
``Correct answer:``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from awsprep.notes import explicit
from awsprep.notes.blocks import Block, Item
from awsprep.notes.inline import (
    STOPWORDS,
    cloze_numbers,
    is_link_or_image_only,
    norm,
    plain,
    sentences,
    words,
)
from awsprep.notes.model import Draft, Skip, Warning
from awsprep.notes.topics import TopicTable, context, is_tips

MAX_ANSWER = 300  # characters: longer answers are not worth a card
MAX_TEXT = 260
MAX_DEF = 200  # a definition longer than this is cut to its first sentence
MAX_TERM_WORDS = 6

_BOLD_DEF = re.compile(
    r"^\s*(\*\*|__)(?P<term>[^*_]{1,80}?)(?P<c>[:=]?)\1\s*(?P<sep>[:=\-–—]?)\s*(?P<rest>.+)$"
)
_EQ_DEF = re.compile(r"^(?P<term>[^=]{1,60}?)\s+=\s+(?P<rest>[^=].*)$")
_DASH_DEF = re.compile(r"^(?P<term>[^-–—:=]{1,50}?)\s+[-–—]+\s+(?P<rest>.+)$")
_COLON_DEF = re.compile(r"^(?P<term>[^:]{1,50}?):\s+(?P<rest>.+)$")
_IS_A = re.compile(
    r"^(?P<term>[A-Za-z][\w@/&()+.'\- ]{0,48}?)\s+(?P<verb>is|are)\s+"
    r"(?P<rest>(?:an?|the|used|one)\s.+)$"
)
_BAD_TERM = re.compile(
    r"^(e\.?g|i\.?e|ex|example|examples|note|nb|tip|tips|review|option\s*\d*|step\s*\d*|remember|important|"
    r"also|see|hint|interview hint|it|this|that|they|these|there|he|she|we|you|i|so|then|now|but|and|"
    r"optional|update|test|result|results|answer|question|why|how|what|warning|todo|recall|error|errors|remember|"
    r"reason|reasons|use|uses|usage|benefit|benefits|pros|cons|advantages?|disadvantages?|problem|solution|"
    r"issue|idea|summary|key|value|values|default|info|details?|other|misc|description|definition|"
    r"the key|the idea|the problem|the solution|the answer|the result|following|the following|"
    r"troubleshoot|troubleshooting|guide|link|docs|documentation|reference|source|here|there|best|"
    r"pro|pros|con|cons|hostname|image|images)$"
    r"|^(set|use|add|check|choose|enable|create|go|click|run|type|select|install|make|see|read|do|get|or|and|but)\b",
    re.IGNORECASE,
)
_VAGUE_PAIR_TERM = re.compile(r"[a-z][a-z ]*")
_VAGUE_PAIR_ANSWER = re.compile(r"[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}")
_LABEL_END = re.compile(r"[:?]\s*$")
_PIPE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_TAG = re.compile(r"<\s*(/?)\s*(\w+)", re.IGNORECASE)
_COMMAND = re.compile(
    r"^(?:\$\s*|`)?(?:aws|sudo|yum|apt|npm|pip|ssh|chmod|curl|git|docker|cd|ls|echo|systemctl|sam|eb|zip|"
    r"mkdir|export|python|node|kubectl)\s+[\w-]|\s--[a-z]|^--|-->|<--"
)
_EXAMPLE = re.compile(r"^(?:say\b|e\.?g\.?\b|eg\b|ex\b|ex:|for example\b|example\b|i\.e\.?\b)", re.IGNORECASE)
_VAGUE_TERM = re.compile(
    r"^(another|such|some|this|that|these|those|each|every|other|one|many|most|all|any)\b"
    r"|\b(you|your|we|our|i|it|they|my|me)\b",
    re.IGNORECASE,
)
# steps of a worked calculation ("rounded up ... you will need 1x unit"): not facts on their own
_WORKED = re.compile(
    r"\b(calculat\w*|multipl\w*|divid\w*|rounded?[- ]up|you will need|you need|required)\b.*\d|"
    r"\d.*\b(calculat\w*|multipl\w*|divid\w*|rounded?[- ]up|you will need|required)\b",
    re.IGNORECASE,
)
_VAGUE_REST = re.compile(
    r"^(?:an?\s+|the\s+)?(?:integral|important|essential|great|good|nice|handy|big|huge|very|cool|key\b(?!-))",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\b(is|are|was|were|will|can|should|must|may|might|has|have|do|does)\b", re.IGNORECASE)
_CONSEQUENCE = re.compile(r"^(so|but|and|because|which|as|or|then|thus|hence|therefore|if)\b", re.IGNORECASE)
_REMEMBER = re.compile(r"^remember (?:what|that)\s+(.+?)\s+(?:is|are|does)$", re.IGNORECASE)
_Q_PREFIX = re.compile(r"^\s*(?:question|q\d*)\s*[:.)]\s*", re.IGNORECASE)
_STARTS_LINK = re.compile(r"^\s*!?\[[^\]]*\]\(")


def restates(term: str, answer: str) -> bool:
    """An answer that only repeats its term: short and sharing a word with it ("WCU - throughput for
    writes"), or containing every word of it ("Read Replicas - set up an instance as a read replica")."""
    stem = {w.rstrip("s") for w in words(term) if w not in STOPWORDS}
    ans = [w.rstrip("s") for w in words(answer) if w not in STOPWORDS]
    return bool(stem) and ((len(ans) <= 3 and any(w in stem for w in ans)) or stem <= set(ans))


def has_option(text: str) -> bool:
    return any(explicit.OPTION.match(x) for x in text.split("\n"))


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


class FileExtractor:
    def __init__(self, file: str, blocks: list[Block], topics: TopicTable, fallback_topic: str) -> None:
        self.file = file
        self.blocks = blocks
        self.topics = topics
        self.fallback = fallback_topic
        self.drafts: list[Draft] = []
        self.skips: list[Skip] = []
        self.warnings: list[Warning] = []
        self._topic_cache: dict[tuple[str, ...], str] = {}

    # --- helpers ---------------------------------------------------------------------------------
    def skip(self, line: int, reason: str, text: str = "") -> None:
        self.skips.append(Skip(self.file, line, reason, text[:80]))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(Warning(self.file, line, message))

    def topic(self, path: tuple[str, ...]) -> str:
        found = self._topic_cache.get(path)
        if found is None:
            found = self._topic_cache[path] = self.topics.topic(path, self.fallback)
        return found

    def add(
        self, kind: str, rule: str, line: int, path: tuple[str, ...], key: str = "", **fields: object
    ) -> None:
        draft = Draft(
            kind=kind,
            rule=rule,
            file=self.file,
            line=line,
            path=path,
            topic=self.topic(path),
            key=key,
            high_priority=is_tips(path),
            **fields,  # type: ignore[arg-type]
        )
        self.drafts.append(draft)

    # --- walk ------------------------------------------------------------------------------------
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
                self.skip(blk.line, "code block")
            elif blk.kind == "hr":
                continue
            elif blk.kind == "html":
                self.html_block(blk)
            elif blk.kind == "table":
                self.table(blk.rows, blk.line, blk.path)
            elif blk.kind == "list":
                if self.is_task_list(blk):
                    used |= self.task_mcq(i)
                else:
                    label = None
                    prev = blocks[i - 1] if i else None
                    if prev is not None and prev.kind == "para" and _LABEL_END.search(prev.text):
                        label = plain(prev.text)[0]
                    self.list_block(blk, label)
            elif blk.kind == "para":
                if nxt is not None and nxt.kind == "list" and self.is_task_list(nxt):
                    continue  # the question of a multiple-choice card
                if blk.text.strip() == "?":
                    continue
                if self.lettered_question(blk, nxt):
                    continue  # the question of a lettered multiple-choice card
                after = blocks[i + 2] if i + 2 < len(blocks) else None
                if nxt is not None and nxt.kind == "para" and nxt.text.strip() == "?" and after is not None:
                    self.basic_qa(blk.text, after.text, blk.line, blk.path, "multiline")
                    used |= {i + 1, i + 2}
                    continue
                if any(explicit.OPTION.match(x) for x in blk.text.split("\n")):
                    consumed = self.lettered_mcq(i)
                    if consumed:
                        used |= consumed
                        continue
                self.paragraph(blk)

    @staticmethod
    def lettered_question(blk: Block, nxt: Block | None) -> bool:
        if nxt is None or nxt.kind != "para" or has_option(blk.text):
            return False
        return bool(explicit.OPTION.match(nxt.text.split("\n")[0]))

    # --- paragraphs ------------------------------------------------------------------------------
    def paragraph(self, blk: Block) -> None:
        raw = blk.text
        split = explicit.split_multiline(raw)
        if split:
            self.basic_qa(split[0], split[1], blk.line, blk.path, "multiline")
            return
        lines = raw.split("\n")
        if all(_PIPE_LINE.match(x) for x in lines) and len(lines) > 1:
            self.warn(blk.line, "a table here is broken (no |---| row under its header), so it was not read.")
            self.skip(blk.line, "broken table")
            return
        for line, ln in logical_lines(raw, blk.line):
            if self.unit(line, ln, blk.path, [], explicit_only=True):
                continue
            text = line.strip()
            why = is_link_or_image_only(text)
            if why:
                self.skip(ln, why, text)
                continue
            bold = _BOLD_DEF.match(text)
            if bold:
                self.unit(text, ln, blk.path, [])
                continue
            parts = sentences(plain(text)[0]) if len(text) > 120 else [text]
            for sent in parts:
                self.unit(sent, ln, blk.path, [], prose=len(parts) > 1)

    # --- lists -----------------------------------------------------------------------------------
    def list_block(self, blk: Block, label: str | None) -> None:
        if label:
            self.list_card(label, blk.items, blk.line, blk.path, [])
        for item in blk.items:
            self.item(item, blk.path, [])

    def item(self, item: Item, path: tuple[str, ...], parents: list[str]) -> None:
        label = plain(item.text.split("\n")[0])[0].rstrip(" :=-–—")
        listed = bool(item.children) and self.list_card(label, item.children, item.line, path, parents)
        if item.text.strip():
            for n, (text, ln) in enumerate(logical_lines(item.text, item.line)):
                before = len(self.skips)
                made = self.unit(text, ln, path, parents)
                if listed and n == 0 and not made:
                    del self.skips[before:]  # the label of a list card is used, not skipped
        elif not item.children:
            self.skip(item.line, "empty")
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
        if re.search(r"[:=]\s*\S", label):  # "default: 5 minutes" is a fact, not a list's name
            return False
        kids = [plain(i.text.split("\n")[0])[0] for i in items]
        if any(not k or len(k) > 60 or len(k.split()) > 8 or re.search(r"[:=]", k) for k in kids):
            return False
        if any(cloze_numbers(k) or _COMMAND.search(k) for k in kids) or _BAD_TERM.match(label.rstrip(":?")):
            return False
        front = label.rstrip(" :")
        front += self.ctx_suffix(front, path, parents)
        back = "; ".join(kids)
        if len(back) > MAX_ANSWER:
            return False
        self.add("basic", "list", line, path, key=label, front=front, back=back, core=f"{label}\n{back}")
        return True

    # --- one text unit ---------------------------------------------------------------------------
    def unit(
        self,
        raw: str,
        line: int,
        path: tuple[str, ...],
        parents: list[str],
        explicit_only: bool = False,
        prose: bool = False,
    ) -> bool:
        """Try every rule on one line of text; return whether a card was made."""
        raw = raw.strip()
        qa = explicit.qa(raw)
        if qa:
            self.basic_qa(qa.front, qa.back, line, path, "qa-reversed" if qa.reversed else "qa", qa.reversed)
            return True
        cz = explicit.cloze(raw)
        if cz:
            if len(cz) > MAX_TEXT * 2:
                self.skip(line, "too long", raw)
                return True
            self.add("cloze", "cloze", line, path, text=self.with_context(cz, path, parents), core=cz)
            return True
        if explicit_only:
            return False
        why = is_link_or_image_only(raw)
        if why:
            self.skip(line, why, raw)
            return False
        text, urls = plain(raw)
        if len(words(text)) < 2:
            self.skip(line, "fragment", text)
            return False
        if _COMMAND.search(text):
            self.skip(line, "command", text)
            return False
        if _EXAMPLE.match(text) or _WORKED.search(text):
            self.skip(line, "example", text)
            return False
        bold = _BOLD_DEF.match(raw)
        if _STARTS_LINK.match(raw):
            prose = True  # "[Guide](url) - Linux": a link is not a term
        elif bold and (bold.group("c") or bold.group("sep")):
            return self.definition(
                plain(bold.group("term"))[0], plain(bold.group("rest"))[0], line, path, parents, urls
            )
        if not prose:
            for rx in (_EQ_DEF, _DASH_DEF, _COLON_DEF):
                m = rx.match(text)
                if m and self.good_term(m.group("term")):
                    return self.definition(
                        m.group("term").strip(), m.group("rest").strip(), line, path, parents, urls
                    )
        if len(text) > MAX_TEXT:
            self.skip(line, "too long", text)
            return False
        fact = cloze_numbers(text)
        if fact:
            self.add(
                "cloze",
                "fact",
                line,
                path,
                text=self.with_context(fact, path, parents),
                refs=tuple(urls),
                core=fact,
            )
            return True
        m = _IS_A.match(text)
        if m and self.good_term(m.group("term")) and len(m.group("term").split()) <= 4:
            term, verb, rest = m.group("term"), m.group("verb"), m.group("rest").rstrip(". ")
            if 3 <= len(rest.split()) <= 30 and not _VAGUE_REST.match(rest) and not restates(term, rest):
                front = f"What {verb} {term}?" + self.ctx_suffix(term, path, parents)
                core = f"{term}\n{rest}"
                self.add(
                    "basic", "is-a", line, path, key=term, front=front, back=rest, refs=tuple(urls), core=core
                )
                return True
        self.skip(line, "no fact", text)
        return False

    def good_term(self, term: str) -> bool:
        term = term.strip(" *_`“”\"'")
        if _VAGUE_TERM.search(term) or _CLAUSE.search(term) or re.search(r"(?:^|\s)[a-z](?:\s|$)", term):
            return False
        term = re.sub(r"^(?:an?|the)\s+", "", term, flags=re.IGNORECASE)
        n = len(term.split())
        if term.count("(") != term.count(")") or term.count('"') % 2 or term.count("`") % 2 or "," in term:
            return False
        return 0 < n <= MAX_TERM_WORDS and not _BAD_TERM.match(term) and any(c.isalpha() for c in term)

    def definition(
        self, term: str, rest: str, line: int, path: tuple[str, ...], parents: list[str], urls: list[str]
    ) -> bool:
        term = _REMEMBER.sub(r"\1", term.strip(' :*_`“”"'))
        rest = rest.strip(' .“”"')
        if _EXAMPLE.match(rest):
            self.skip(line, "example", f"{term}: {rest}")
            return False
        if (
            _CONSEQUENCE.match(rest)
            or (re.search(r"\betc\W*$", rest) and len(words(rest)) < 5)
            or restates(term, rest)
        ):
            self.skip(line, "fragment", f"{term}: {rest}")  # "X - so it is ...", "uses VTL - loops, etc"
            return False
        if rest.isalpha() and rest.isupper():
            self.skip(line, "fragment", f"{term}: {rest}")  # "generate template - EMPTY"
            return False
        if not term or len(words(rest)) < 1:
            self.skip(line, "fragment", f"{term}: {rest}")
            return False
        if len(rest) > MAX_DEF:
            first = sentences(rest)[0] if sentences(rest) else rest
            if len(first) > MAX_DEF or len(first.split()) < 4:
                self.skip(line, "too long", rest)
                return False
            rest = first.strip(' .“”"')
        lead = f"{term}: "
        fact = cloze_numbers(lead + rest, start=len(lead))
        if fact:
            text = self.with_context(fact, path, parents)
            self.add("cloze", "fact", line, path, key=term, text=text, refs=tuple(urls), core=fact)
            return True
        if (len(words(rest)) < 2 and len(rest) < 4) or re.fullmatch(r"[\w.]*_[\w.]*", rest):
            self.skip(line, "fragment", f"{term}: {rest}")
            return False
        if _VAGUE_PAIR_TERM.fullmatch(term) and _VAGUE_PAIR_ANSWER.fullmatch(rest):
            # "environment - ubuntu", "synchronous - app to app": a lower-case label and a two- or
            # three-word answer rarely make a question with one clear answer
            self.skip(line, "vague", f"{term}: {rest}")
            return False
        front = term + self.ctx_suffix(term, path, parents)
        core = f"{term}\n{rest}"
        self.add(
            "basic", "definition", line, path, key=term, front=front, back=rest, refs=tuple(urls), core=core
        )
        return True

    def context_parts(self, path: tuple[str, ...], parents: list[str], shown: str) -> list[str]:
        """What a prompt needs to be unambiguous: the topic (when the heading does not name it),
        the heading, the parent bullet; minus what the card's own words already say."""
        ctx = context(path)
        topic = self.topic(path)
        parts = []
        if self.topics.domain(topic) is not None and self.topics.find(ctx) != topic:
            parts.append(topic)
        parts.append(ctx)
        if parents and len(parents[-1]) <= 60:
            parts.append(parents[-1])
        shown_norm = f" {norm(shown)} "
        return [p for p in parts if p and f" {norm(p)} " not in shown_norm and self.topics.find(shown) != p]

    def ctx_suffix(self, term: str, path: tuple[str, ...], parents: list[str]) -> str:
        parts = self.context_parts(path, parents, term)
        return f" ({' › '.join(parts)})" if parts else ""

    def with_context(self, text: str, path: tuple[str, ...], parents: list[str]) -> str:
        parts = self.context_parts(path, parents, re.sub(r"\{\{|\}\}", "", text))
        return f"{' › '.join(parts)} — {text}" if parts else text

    def basic_qa(
        self, front: str, back: str, line: int, path: tuple[str, ...], rule: str, reverse: bool = False
    ) -> None:
        front, back = plain(front)[0], plain(back)[0]
        if not front or not back:
            self.skip(line, "fragment", front or back)
            return
        if len(back) > MAX_ANSWER * 2:
            self.skip(line, "too long", back)
            return
        self.add("basic", rule, line, path, key="", front=front, back=back)
        if reverse:
            self.add("basic", rule, line, path, key="", front=back, back=front)

    # --- multiple choice -------------------------------------------------------------------------
    @staticmethod
    def is_task_list(blk: Block) -> bool:
        return sum(1 for it in blk.items if it.task is not None) >= 2

    def following_text(self, j: int) -> tuple[str, set[int]]:
        """Explanation after a question: a paragraph, a blockquote or a <details> block."""
        blocks = self.blocks
        if j >= len(blocks) or blocks[j].kind not in ("para", "html"):
            return "", set()
        blk = blocks[j]
        if blk.kind == "html" and "<details" in blk.text.lower():
            texts, used, k = [], set(), j
            while k < len(blocks) and blocks[k].kind in ("html", "para"):
                texts.append(blocks[k].text)
                used.add(k)
                if "</details" in blocks[k].text.lower():
                    break
                k += 1
            return "\n".join(texts), used
        after = blocks[j + 1] if j + 1 < len(blocks) else None
        if after is not None and after.kind == "list" and self.is_task_list(after):
            return "", set()  # that paragraph is the next question
        if blk.kind == "para" and (blk.in_quote or not has_option(blk.text)):
            texts, used, k = [blk.text], {j}, j + 1
            while k < len(blocks) and blocks[k].kind == "para" and blocks[k].in_quote and blk.in_quote:
                texts.append(blocks[k].text)
                used.add(k)
                k += 1
            return "\n".join(texts), used
        return "", set()

    def question_before(self, i: int) -> tuple[str, int]:
        prev = self.blocks[i - 1] if i else None
        if prev is not None and prev.kind in ("para", "heading"):
            return _Q_PREFIX.sub("", plain(prev.text)[0]), prev.line
        return "", self.blocks[i].line

    def task_mcq(self, i: int) -> set[int]:
        blk = self.blocks[i]
        question, qline = self.question_before(i)
        tasks = [it for it in blk.items if it.task is not None]
        options = [plain(it.text)[0] for it in tasks]
        correct = tuple(k for k, it in enumerate(tasks) if it.task)
        expl_raw, used = self.following_text(i + 1)
        made = self.mcq(question, qline, blk.path, options, correct, expl_raw, "mcq")
        for it in blk.items:  # other items (or all of them, when no card was made) are notes
            if not made or it.task is None:
                self.item(it, blk.path, [])
        return used if made else set()

    def mcq(
        self,
        question: str,
        line: int,
        path: tuple[str, ...],
        options: list[str],
        correct: tuple[int, ...],
        expl_raw: str,
        rule: str,
    ) -> bool:
        if not question:
            self.warn(line, "a multiple-choice list has no question before it, so it was skipped.")
            self.skip(line, "mcq without question")
            return False
        if not correct:
            self.warn(line, "a multiple-choice question marks no option correct ([x]), so it was skipped.")
            self.skip(line, "mcq without answer", question)
            return False
        if len(correct) == len(options) or any(not o for o in options) or len(options) < 2:
            self.warn(line, "a multiple-choice question has empty options or every option correct; skipped.")
            self.skip(line, "broken mcq", question)
            return False
        self.add(
            "mcq",
            rule,
            line,
            path,
            key="",
            question=question,
            options=tuple(options),
            correct=correct,
            explanation=explicit.explanation(expl_raw) if expl_raw else "",
        )
        return True

    def lettered_mcq(self, i: int) -> set[int]:
        blocks = self.blocks
        q_lines: list[str] = []
        options: list[str] = []
        letters: list[str] = []
        after: list[str] = []
        used = {i}
        k = i
        while k < len(blocks) and blocks[k].kind == "para" and len(used) < 12:
            for ln in blocks[k].text.split("\n"):
                m = explicit.OPTION.match(ln)
                if m and not after and m.group(1).upper() == chr(ord("A") + len(options)):
                    options.append(plain(m.group(2))[0])
                    letters.append(m.group(1).upper())
                elif options:
                    after.append(ln)
                else:
                    q_lines.append(ln)
            used.add(k)
            if after:
                break
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if nxt is None or nxt.kind != "para" or not explicit.OPTION.match(nxt.text):
                break
            k += 1
        if len(options) < 2:
            return set()
        question, qline = plain("\n".join(q_lines))[0], blocks[i].line
        question = _Q_PREFIX.sub("", question)
        if not question:
            question, qline = self.question_before(i)
        tail = "\n".join(after)
        extra, more = self.following_text(k + 1)
        if not explicit.correct_letters(tail) and extra:
            tail = f"{tail}\n{extra}"
            used |= more
        elif extra and not tail.strip(" \n"):
            used |= more
        picked = explicit.correct_letters(tail)
        correct = tuple(sorted({letters.index(x) for x in picked if x in letters}))
        self.mcq(question, qline, blocks[i].path, options, correct, tail, "mcq-lettered")
        return used

    # --- tables and HTML -------------------------------------------------------------------------
    def table(self, rows: list[list[str]], line: int, path: tuple[str, ...]) -> None:
        if len(rows) < 2:
            self.skip(line, "broken table")
            return
        header = [plain(h)[0] for h in rows[0]]
        for n, row in enumerate(rows[1:], start=1):
            cells = [plain(c)[0] for c in row]
            ln = line + n + 1
            if len(cells) != len(header):
                self.warn(ln, f"a table row has {len(cells)} cells but the header has {len(header)}.")
            if not cells or not cells[0]:
                self.skip(ln, "broken table")
                continue
            pairs = [(h, v) for h, v in zip(header[1:], cells[1:], strict=False) if v]
            if not pairs:
                self.skip(ln, "fragment", cells[0])
                continue
            name = cells[0]
            if len(pairs) == 1:
                front = f"{name}: {pairs[0][0]}?" if pairs[0][0] else f"{name}?"
                back = pairs[0][1]
            else:
                front = f"{name}: {', '.join(h for h, _ in pairs if h)}?"
                back = "; ".join(f"{h}: {v}" if h else v for h, v in pairs)
            front += self.ctx_suffix(front, path, [])
            if len(back) > MAX_ANSWER:
                self.skip(ln, "too long", back)
                continue
            self.add("basic", "table-row", ln, path, key=name, front=front, back=back)

    def html_block(self, blk: Block) -> None:
        low = blk.text.lower()
        if "<table" in low:
            rows, broken = parse_html_table(blk.text)
            if broken:
                self.warn(blk.line, "an HTML table here is not closed properly; its complete rows were read.")
            self.table(rows, blk.line, blk.path)
        elif low.lstrip().startswith("<!--"):
            self.skip(blk.line, "html comment")
        else:
            self.skip(blk.line, "html")


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.open_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        self.open_tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        if tag in self.open_tags:
            while self.open_tags and self.open_tags.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def parse_html_table(html: str) -> tuple[list[list[str]], bool]:
    parser = _TableParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; anything odd is a broken table
        return [r for r in parser.rows if r], True
    broken = parser.cell is not None or "table" in parser.open_tags
    return [r for r in parser.rows if r], broken


Extract = Callable[[str, list[Block], TopicTable, str], FileExtractor]


def extract(file: str, blocks: list[Block], topics: TopicTable, fallback_topic: str) -> FileExtractor:
    ex = FileExtractor(file, blocks, topics, fallback_topic)
    ex.run()
    return ex
