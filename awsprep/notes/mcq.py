"""Multiple-choice questions: a question (heading or paragraph) with a task list (``mcq``) or with
``A.`` ``B.`` option lines and a ``Correct answer:`` line (``mcq-lettered``), and the explanation
after them (a paragraph, a blockquote or a ``<details>`` block)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from awsprep.notes import explicit
from awsprep.notes.blocks import Block, Item
from awsprep.notes.collector import Collector
from awsprep.notes.inline import BLANK, is_link_or_image_only, norm, plain
from awsprep.notes.needles import folded, search

_OPTION_LABEL = re.compile(r"^(?:option\s+)?[A-Ha-h][:.)]\s+", re.IGNORECASE)  # "Option A: ..." -> "..."
_Q_PREFIX = re.compile(
    r"^\s*(?:(?:question|q)\s*\d*\s*[:.)]|\d{1,4}(?:\)\.|[.)])|(?:scenario|cen[áa]rio|escenario)\s*:)\s*",
    re.IGNORECASE,
)


def has_option(text: str) -> bool:
    return any(explicit.OPTION.match(x) for x in text.split("\n"))


def is_task_list(blk: Block) -> bool:
    return sum(1 for it in blk.items if it.task is not None) >= 2


# a question written in headed sections: "1.1 - Question", "1.2 - Choices", "1.3 - Correct Answer",
# "1.4 - Why?"
_SECTION_CHOICES = re.compile(r"\b(?:choices|options|answer choices)\s*:?\s*$", re.IGNORECASE)
_SECTION_ANSWER = re.compile(r"\b(?:correct answers?|answers?|solution)\s*:?\s*$", re.IGNORECASE)
_SECTION_WHY = re.compile(
    r"\b(?:why(?: (?:correct|it is correct|this is correct|it works))?\??|explanation|rationale|reasoning)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
# the question's own section under its numbered heading: "# Question 6 — CAF" then "## Question"
_SECTION_QUESTION = re.compile(r"^\W*(?:the\s+)?(?:question|scenario)\s*:?\s*$", re.IGNORECASE)
# a section over why the other options are wrong: "## Why Others Are Wrong?", "Wrong answers"
_SECTION_OTHERS = re.compile(
    r"\b(?:why (?:the )?others? (?:are|is) (?:wrong|incorrect)|wrong answers?|other options|"
    r"incorrect options?)\W*$",
    re.IGNORECASE,
)
# an option's letter alone in a table's first column: "A", "(B)", "C."
_TABLE_LETTER = re.compile(r"^\(?([A-H])[.)]?$")
_CODE_MARK = re.compile(r"^>{1,2}\s*")  # "> right option" / ">> right option" among plain lines
_SIGNED = re.compile(r"^[+-]\s+(?=\S)")  # "+ right option" / "- wrong option" in a code block
# a question that refers to a scene set above it ("Which solution will meet these requirements?")
_REQUIREMENTS = re.compile(
    r"\b(?:these|the above|this|those)\s+"
    r"(?:requirements?|needs|goals?|criteria|conditions|task|issue|problem)\b.*\?",
    re.IGNORECASE,
)
_SCENARIO_PARAS = 4


def asks_requirements(text: str) -> bool:
    """``_REQUIREMENTS.search(text)``: its match ends on a "?", so a text without one is passed over
    (most paragraphs: the pattern's ".*" would read each to its end from every "this" and "these")."""
    return "?" in text and _REQUIREMENTS.search(text) is not None


_ONLY_NUMBER = re.compile(r"^\W*(?:question|q|frage|pregunta|quest[aã]o)?\s*#?\s*\d{1,4}\W*$", re.IGNORECASE)
_PLAIN_OPTIONS = 8  # a plain list keyed by letters has at most this many options (A-H)
# "**Type: Single Answer**": a label over a question, not part of it
_LABEL_PARA = re.compile(r"^(\*\*|__)[^*_\n]{1,60}\1$")
_ASKS = re.compile(r"\?\s*(?:\(.*\))?$|\b(?:which|choose|select)\b", re.IGNORECASE)
_REFERENCE_LEAD = re.compile(r"^(?:references?|sources?|see|more|links?|read more)\s*:?\s*", re.IGNORECASE)
_EXPLANATION_PARAS = 6  # an explanation runs on over at most this many paragraphs
# an entry of an answer key: "Q1 — Answer: C (FastFile Mode)", "Question 12: Answer B, D"
_KEY_ENTRY = re.compile(
    r"^\W*(?:Q|Question)\s*(\d+)\s*[—–:.)-]*\s*(?:the\s+)?(?:correct\s+)?answers?\s*(?:is|are)?\s*[:—–-]?\s*"
    r"(?P<letters>[A-H](?:\s*(?:,|and|&|/)\s*[A-H])*)\b",
    re.IGNORECASE,
)
# an answer key as a table: "| Q | Answer | Domain |" then "| 12 | A, B | 2 |"
_KEY_NUMBER_HEADER = re.compile(
    r"^(?:(?:q|question)(?:\s*(?:no\.?|#|number))?|#|no\.?|n(?:o|um(?:ber)?)\.?)$", re.IGNORECASE
)
_KEY_ANSWER_HEADER = re.compile(
    r"^(?:correct\s+)?(?:answers?|key|correct(?:\s+(?:answers?|options?))?)$", re.IGNORECASE
)
_KEY_CELL = re.compile(r"^([A-H](?:\s*(?:,|and|&|/)\s*[A-H])*)(?:\s*(?:[—–:-]|\().*)?$")
# an explanation headed by its question's number and key: "### Q1: B — Kinesis Data Firehose" (a dash
# or the end after the letters: "Q1: A company ..." is a question, not a key)
_KEY_HEADING = re.compile(
    r"^\W*(?:Q|Question)\s*(\d+)\s*[:.)]\s*(?P<letters>[A-H](?:\s*(?:,|and|&|/)\s*[A-H])*)"
    r"\s*(?:$|[—–-]\s*(?P<rest>.*)$)",
    re.IGNORECASE,
)
# "Question 12", "Q12:": a question's heading, or the start of its entry in an answer key
_NUMBERED = re.compile(r"^\W*(?:Q|Question|Quest[ãa]o|Pregunta|Domanda)\s*(\d+)\b", re.IGNORECASE)
_ARROW_NOTE = re.compile(r"\s+(->|→|=>)\s+")  # "Amazon S3 -> regional resource": the option, then a note
_PROSE = re.compile(r"[A-Za-z]+(?: [A-Za-z,()'’-]+){5,}[.!?]")  # a sentence of words, not code
# "(Select TWO.)", "(Choose 3)": how many options the question's key must hold
# "... every 90 days. True or False?", "(True/False)": a statement to judge, its answer below it
_TRUE_FALSE = re.compile(r"\(?\btrue\s*(?:or|/)\s*false\b\s*\)?\s*[?.:]?\s*\)?$", re.IGNORECASE)
_TRUE_FALSE_KEY = re.compile(
    r"^\W*(?:the\s+)?(?:correct\s+)?(?:answer|ans)\s*(?:is)?\s*[:\-]?\s*(true|false)\b\W*", re.I | re.M
)
_BARE_NUMBER = re.compile(r"^\W*\d{1,4}\W*$")  # "**28.**" over the question: its number alone
_CHOOSE_N = re.compile(r"\((?:select|choose|pick)\s+(two|three|four|2|3|4)\b", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
_EXPLAINS = re.compile(r"^\W*(?:explanation|explained|why|reason|rationale)\b", re.IGNORECASE)


# a dump of an exam site marks the answer most readers chose: "- B. AWS Step Functions Most Voted"
# an option marked as the answer after its text: "B. AWS Step Functions Most Voted" (an exam site's
# vote), "d) On-demand delivery of IT resources -- correct" (the notes' own key)
_VOTED = re.compile(r"\s+(?:most voted|(?:--|—|–)\s*(?:correct|right)(?:\s+answer)?)\W*$", re.IGNORECASE)


def question_section(path: tuple[str, ...]) -> tuple[str, ...]:
    """The headings of a question's own section: without a "Choices" heading its options stand under
    (the "Why?" and "Exam focus" headings beside it belong to the same question)."""
    # (a heading without the pattern's needles is passed over: needles.search; headings are long)
    return path[:-1] if path and search(_SECTION_CHOICES, path[-1], folded(path[-1])) else path


def option_text(raw: str) -> str:
    """An option's words, without its letter or a "Most Voted" / "-- correct" mark."""
    return _OPTION_LABEL.sub("", plain(_VOTED.sub("", raw))[0])


def voted(lines: list[str]) -> tuple[int, ...]:
    """The indexes of the option lines marked "Most Voted" or "-- correct"."""
    return tuple(k for k, ln in enumerate(lines) if _VOTED.search(ln))


# "- A: Store the key in Secrets Manager": an option with a colon after its letter (a capital only: as
# list items in order from A, as leading_options reads them)
_COLON_OPTION = re.compile(r"^\s*([A-H]):\s+(.+)$")
# "Correct answer:" / "Correct answers:" alone, above a list that repeats the right options
_ANSWER_ABOVE_LIST = re.compile(r"^\W*correct\s+(?:answers?|options?)\s*:?\W*$", re.IGNORECASE)


def listed_answer(items: list[Item], options: list[str]) -> tuple[tuple[int, ...], str] | None:
    """The right options of a "Correct answer(s):" list whose items repeat options whole with their
    letters ("- B: Store the key in Secrets Manager"), and the explanation under them; None when an item
    is not an option."""
    correct, why = [], []
    for it in items:
        first, *rest = it.text.split("\n")
        m = explicit.OPTION.match(first) or _COLON_OPTION.match(first)
        k = ord(m.group(1).upper()) - ord("A") if m else len(options)
        if m is None or k >= len(options) or norm(option_text(m.group(2))) != norm(options[k]):
            return None
        correct.append(k)
        why.extend([*rest, *it.extra, *(kid.text for kid in it.children)])
    return (tuple(sorted(set(correct))), "\n".join(why)) if correct else None


def leading_options(items: list[Item]) -> list[str]:
    """The options ``A.`` ``B.`` ... that the items start with, in order (the items after them, such
    as an explanation's bullets in the same question, are not options)."""
    options = []
    for k, it in enumerate(items):
        first = it.text.split("\n")[0]
        m = explicit.OPTION.match(first) or _COLON_OPTION.match(first)
        if m is None or m.group(1).upper() != chr(ord("A") + k):
            break
        options.append(option_text(m.group(2)))
    return options


def option_items(items: list[Item]) -> list[str] | None:
    """The options of a list whose items are ``A.`` ``B.`` ... in order (at least two), else None."""
    options = leading_options(items)
    return options if len(options) >= 2 and len(options) == len(items) else None


# "- B) It gives full control" with a child "- Correct: manual scaling is ...": a verdict under each option
_VERDICT = re.compile(r"^\W*(?P<v>correct|incorrect|right|wrong|true|false)\b\W*\s*", re.IGNORECASE)


def option_verdicts(items: list[Item]) -> tuple[tuple[int, ...], str] | None:
    """The right options and their reasons when every option carries a verdict as its first child
    ("Correct: ...", "Incorrect: ..."), else None."""
    right: list[int] = []
    reasons: list[str] = []
    for k, it in enumerate(items):
        m = _VERDICT.match(it.children[0].text) if it.children else None
        if m is None:
            return None
        if m.group("v").lower() in ("correct", "right", "true"):
            right.append(k)
            reason = plain(it.children[0].text[m.end() :])[0]
            if reason:
                reasons.append(reason)
    return tuple(right), " ".join(reasons)


# an option line wrapped whole in a highlight: "<mark>D. Create a lifecycle policy</mark>" (the right one)
_MARKED_LINE = re.compile(r"^\s*<(mark|u|ins|b|strong)>(.*)</\1>\s*$", re.IGNORECASE)


def unmarked(line: str) -> tuple[str, bool]:
    """An option line without a highlight wrapped around it whole, and whether it had one."""
    if "<" not in line:
        return line, False
    m = _MARKED_LINE.match(line)
    return (m.group(2), True) if m else (line, False)


def lettered_question(blk: Block, nxt: Block | None) -> bool:
    if nxt is None or has_option(blk.text):
        return False
    if nxt.kind == "list":
        return option_items(nxt.items) is not None
    return nxt.kind == "para" and bool(explicit.OPTION.match(unmarked(nxt.text.split("\n")[0])[0]))


# an option written wholly in bold: a quiz that marks its right answers so ("1. **EC2**")
_BOLD_OPTION = re.compile(
    r"\*{2,3}(?=\S)[^*]+?(?<=\S)\*{2,3}|__(?=\S)[^_]+?(?<=\S)__"
)  # (or ***bold italic***)
_ANSWER_LINE = re.compile(r"^\s*(?:correct\s+)?answers?\s*[:=-]", re.IGNORECASE)
BOLD_QUIZ = 2  # a file with this many bold-marked option lists under questions is such a quiz


def bold_marked(items: list[Item]) -> list[bool] | None:
    """Which of 2-8 one-line, childless items are written wholly in bold, when some are and some are
    not and no other item holds bold text; else None."""
    if not 2 <= len(items) <= 8 or any(it.children for it in items):
        return None
    lines = [it.text.strip().split("\n") for it in items]
    # one line each; the last may carry an "Answer: ..." line typed right under it
    if any(len(x) > 1 for x in lines[:-1]) or any(not _ANSWER_LINE.match(x) for x in lines[-1][1:]):
        return None
    marked = [bool(_BOLD_OPTION.fullmatch(x[0].strip())) for x in lines]
    if not any(marked) or all(marked):
        return None
    if any(not m and ("**" in x[0] or "__" in x[0]) for m, x in zip(marked, lines, strict=True)):
        return None
    return marked


@dataclass
class _HtmlQuestion:
    question: str
    line: int
    image: bool
    options: list[str]
    answer: str  # the hidden answer (or "Correct answer: ..." paragraph) after the list
    why: str  # an "Explanation: ..." paragraph after that
    used: set[int]  # the blocks of the list, its answer and explanation
    stems: set[int]  # the blocks of the question (and its scene)


class McqReader:
    """Reads the questions of one file's blocks into ``c``."""

    def __init__(self, c: Collector, blocks: list[Block]) -> None:
        self.c = c
        self.blocks = blocks
        self.image = False  # the last question had an image between it and its options
        self.scenario: set[int] = set()  # the paragraphs the last question's scene was read from
        self.option_lines: set[int] = set()  # lines of the options of the questions read
        # lists whose right options are in bold, under a question: read as questions only when the file
        # holds several (one list with a bold item under a question heading is more likely a note)
        bold = [
            i
            for i, b in enumerate(blocks)
            if b.kind == "list"
            and i > 0
            and blocks[i - 1].kind in ("heading", "para")
            and bold_marked(b.items) is not None
        ]
        # (a stem with a blank to fill asks too: "When you create a user, that user ___.")
        asking = [i for i in bold if _ASKS.search(stem := plain(blocks[i - 1].text)[0]) or BLANK.search(stem)]
        # in such a quiz a stem need not ask ("A subnet can span multiple AZs", "A ____ queue is ...")
        self.bold_lists = set(bold) if len(asking) >= BOLD_QUIZ else set()
        # the same, nested: "1. Which ...?" over its options, the right ones in bold ("***...***")
        nested = [
            it
            for b in blocks
            if b.kind == "list"
            for it in b.items
            if it.children and _ASKS.search(plain(it.text)[0]) and bold_marked(it.children) is not None
        ]
        self.bold_items = {id(it) for it in nested} if len(nested) >= BOLD_QUIZ else set()
        # an answer key at the end of the file ("**Q1 — Answer: C (FastFile Mode)**" and its reason):
        # each question numbered in its heading takes its key from it; the key makes no cards itself
        self.key = self._answer_key()
        self.key_blocks = {k for entry in self.key.values() for k in entry[2]}
        # options as an HTML list (<ol type="A">) with a <details> answer: block of the list -> the
        # question; the blocks that ask it (its paragraph or numbered item, its scene) make no notes
        self.html_lists: dict[int, _HtmlQuestion] = {}
        self.html_stems: set[int] = set()
        # a numbered question holding its HTML options, its <details> answer not indented under it:
        # the item (by id) -> that answer; its blocks are read by the question only
        self.item_answers: dict[int, str] = {}
        self.answer_blocks: set[int] = set()
        for i, b in enumerate(blocks):
            if b.kind == "html" and i > 0 and _OL_OPEN.match(b.text):
                found = self._html_question(i)
                if found is not None:
                    self.html_lists[i] = found
                    self.html_stems |= found.stems
            elif b.kind == "list" and b.items and any(_OL_OPEN.match(x) for x in b.items[-1].extra):
                last = b.items[-1]
                at = next(k for k, x in enumerate(last.extra) if _OL_OPEN.match(x))
                listed = html_option_list("\n".join(last.extra[at:]))
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                hidden = (
                    nxt is not None
                    and nxt.kind == "html"
                    and nxt.text.lstrip().lower().startswith("<details")
                )
                if listed is not None and not listed[1].strip() and hidden:
                    answer, used = self.following_text(i + 1)
                    self.item_answers[id(last)] = answer
                    self.answer_blocks |= used
        self.keyed_lists: dict[int, tuple[str, set[int], range]] = {}  # list -> answer, its blocks, scene
        self.keyed_scenes: set[int] = set()
        self._keyed_lists()

    def _keyed_lists(self) -> None:
        """Options as a plain list (no letters) with the key under it in a ``<details>`` block ("c,d"):
        the letters count the list's items; the paragraphs above the list, back to a rule or a heading,
        set the scene and ask. Such a list -> its answer and the blocks it was read from."""
        blocks = self.blocks
        for i, b in enumerate(blocks[:-1]):
            nxt = blocks[i + 1]
            if (
                b.kind != "list"
                or nxt.kind != "html"
                or not nxt.text.lstrip().lower().startswith("<details")
                or not 2 <= len(b.items) <= _PLAIN_OPTIONS
                or any(it.children or it.task is not None for it in b.items)
                or option_items(b.items) is not None
            ):
                continue
            answer, used = self.following_text(i + 1)
            letters, _ = details_key(answer)
            if not letters:
                continue
            first = i
            while first - 1 >= 0 and i - first < _SCENARIO_PARAS and self._plain_para(first - 1):
                first -= 1
            if first == i or not _ASKS.search(plain(blocks[i - 1].text)[0]):
                continue
            self.keyed_lists[i] = (answer, used, range(first, i))
            self.keyed_scenes.update(range(first, i))

    def keyed_list_mcq(self, i: int) -> set[int]:
        """The question of a plain option list keyed by letters in a ``<details>`` block under it."""
        answer, used, scene = self.keyed_lists[i]
        blk = self.blocks[i]
        texts = [plain(self.blocks[k].text)[0] for k in scene]
        question = _Q_PREFIX.sub("", " ".join(texts))
        line = self.blocks[scene[0]].line if scene else blk.line
        options = [option_text(it.text) for it in blk.items]
        self.option_lines.update(it.line for it in blk.items)
        why, more = self.explanation_after(max(used) + 1)
        self.image = False
        self.keyed_mcq(question, line, blk.path, options, answer, why)
        return {i} | used | more

    def _html_options(self, i: int) -> tuple[list[str], str, int] | None:
        """The options of the HTML ordered list at block ``i`` (which blank lines may have cut into
        several blocks), the text after its ``</ol>`` and the last block it took."""
        blocks, texts, k = self.blocks, [], i
        while k < len(blocks) and k - i < _HTML_OL_BLOCKS and blocks[k].kind in ("html", "para"):
            texts.append(blocks[k].text)
            if _OL_CLOSE.search(blocks[k].text):
                break
            k += 1
        found = html_option_list("\n".join(texts))
        return (found[0], found[1], k) if found is not None else None

    def _hidden_answer(self, after: str, k: int) -> tuple[str, set[int]]:
        """The answer after an option list: a ``<details>`` block (starting in ``after``, the rest of the
        list's last block, or at block ``k``) or a "Correct answer: ..." paragraph at ``k``."""
        blocks = self.blocks
        if after.strip():
            if not after.lstrip().lower().startswith("<details"):
                return "", set()
            texts, used = [after], set[int]()
            while not _DETAILS_END.search(texts[-1]) and k < len(blocks) and len(used) < _HTML_OL_BLOCKS:
                if blocks[k].kind not in ("html", "para"):
                    break
                texts.append(blocks[k].text)
                used.add(k)
                k += 1
            return "\n".join(texts), used
        if (
            k < len(blocks)
            and blocks[k].kind == "html"
            and blocks[k].text.lstrip().lower().startswith("<details")
        ):
            return self.following_text(k)
        if k < len(blocks) and blocks[k].kind == "para" and _ANSWER_LINE.match(plain(blocks[k].text)[0]):
            return blocks[k].text, {k}
        return "", set()

    def _html_question(self, i: int) -> _HtmlQuestion | None:
        """The question whose options are the HTML list at block ``i``, when an answer follows them."""
        found = self._html_options(i)
        if found is None:
            return None
        options, after, last = found
        answer, used = self._hidden_answer(after, last + 1)
        if not answer:
            return None  # an HTML list in notes (steps, points): no question
        why, more = self.explanation_after(max(used, default=last) + 1)
        question, qline = self.question_before(i)
        k = i - 1
        while (
            k >= 0 and self._kind(k) == "para" and is_link_or_image_only(self.blocks[k].text) == "image only"
        ):
            k -= 1
        prev = self.blocks[k] if k >= 0 else None
        if not question and prev is not None and prev.kind == "list" and not prev.items[-1].children:
            last_item = prev.items[-1]  # "14. A team ... wants ...": a numbered question need not ask
            question = _Q_PREFIX.sub("", plain("\n".join([last_item.text, *last_item.extra]))[0])
            qline = last_item.line
        if not question or prev is None or prev.kind not in ("para", "list", "heading"):
            return None
        stems = {k} | self.scenario
        top = min(stems)
        between: list[int] = []  # plain paragraphs between a numbered item and the question
        while prev.kind == "para" and top - 1 - len(between) > 0 and len(between) < _SCENARIO_PARAS:
            if not self._plain_para(top - 1 - len(between)):
                break
            between.append(top - 1 - len(between))
        at = top - 1 - len(between)
        lead = self.blocks[at] if at >= 0 and prev.kind == "para" else None
        if lead is not None and lead.kind == "list" and len(lead.items) == 1 and not lead.items[0].children:
            # "14. A developer built ..." then, not indented, "The developer needs ... Which ...?": the
            # numbered item opens the question, the paragraphs under it go on with it and ask it
            item = lead.items[0]
            texts = [item.text, *item.extra, *(self.blocks[j].text for j in reversed(between))]
            opening = _Q_PREFIX.sub("", plain("\n".join(texts))[0])
            question, qline, stems = f"{opening} {question}", item.line, stems | {at, *between}
        used |= set(range(i, last + 1)) | more
        return _HtmlQuestion(question, qline, self.image, options, answer, why, used, stems)

    def html_mcq(self, i: int) -> set[int]:
        """The card of the HTML option list at block ``i`` (see ``html_lists``): the blocks it used."""
        q = self.html_lists.get(i)
        if q is None:
            return set()
        self.image = q.image
        self.option_lines.update(range(self.blocks[i].line, self.blocks[i].line + len(q.options) + 2))
        self.keyed_mcq(q.question, q.line, self.blocks[i].path, q.options, q.answer, q.why)
        return q.used

    def item_html_mcq(self, item: Item, path: tuple[str, ...]) -> bool:
        """A numbered question whose item holds its options as an HTML list and its ``<details>``
        answer (both indented under it); True when it was such a question."""
        at = next((k for k, x in enumerate(item.extra) if _OL_OPEN.match(x)), None)
        found = html_option_list("\n".join(item.extra[at:])) if at is not None else None
        if found is not None and not found[1].strip() and id(item) in self.item_answers:
            found = (found[0], self.item_answers[id(item)])  # the <details> block under the list
        if found is None or not found[1].lstrip().lower().startswith("<details"):
            return False
        question = _Q_PREFIX.sub("", plain("\n".join([item.text, *item.extra[:at]]))[0])
        self.image = False
        self.option_lines.add(item.line)
        self.keyed_mcq(question, item.line, path, found[0], found[1], "")
        return True

    def keyed_mcq(
        self, question: str, line: int, path: tuple[str, ...], options: list[str], answer: str, why: str
    ) -> bool:
        """A question whose right options are the letters of its hidden ``answer``; an answer naming a
        letter past the last option is a broken key, skipped with a warning (never a wrong card)."""
        letters, rest = details_key(answer)
        if letters is None:
            correct = explicit.correct_options(answer, options)  # "Answer: <the option's own words>"
        else:
            wrong = [x for x in letters if ord(x) - ord("A") >= len(options)]
            if wrong:
                self.c.warn(
                    line,
                    f"a multiple-choice answer names option {wrong[0]} but the question has "
                    f"{len(options)} options; skipped.",
                )
                self.c.skip(line, "broken mcq", question)
                return False
            correct = tuple(sorted({ord(x) - ord("A") for x in letters}))
        said = {norm(o) for o in options}
        kept = [ln for ln in rest.split("\n") if norm(ln) not in said]  # "C. <option>": no explanation
        expl = "\n".join(x for x in (*kept, why) if x.strip())
        return self.mcq(question, line, path, options, correct, expl, "mcq-lettered")

    def _answer_key(self) -> dict[int, tuple[str, str, set[int]]]:
        """Question number -> (its right letters, the explanation, the blocks they were read from), when
        the file has an answer key of two entries or more."""
        key: dict[int, tuple[str, str, set[int]]] = {}
        blocks = self.blocks
        for i, blk in enumerate(blocks):
            if blk.kind != "para" or not _NUMBERED.match(blk.text):
                continue
            first, *rest = blk.text.split("\n")  # "**Q1 — Answer: C**", then its reason
            m = _KEY_ENTRY.match(plain(first)[0])
            if m is None:
                continue
            used, why, k = {i}, [plain(x)[0] for x in rest], i + 1
            while (
                k < len(blocks)
                and blocks[k].kind == "para"
                and not _NUMBERED.match(blocks[k].text)
                and k - i <= 2
            ):
                why.append(plain(blocks[k].text)[0])
                used.add(k)
                k += 1
            key.setdefault(int(m.group(1)), (m.group("letters"), "\n".join(why).strip(), used))
        for number, letters, reason, blocks_read in (*self._key_tables(), *self._key_headings()):
            had = key.get(number)
            if had is None:
                key[number] = (letters, reason, blocks_read)
            elif had[0].replace(" ", "") == letters.replace(" ", ""):  # the same key again: its reason
                key[number] = (had[0], had[1] or reason, had[2] | blocks_read)
        return key if len(key) >= 2 else {}

    def _key_tables(self) -> list[tuple[int, str, str, set[int]]]:
        """Entries of an answer key written as a table: a column of question numbers ("Q", "#") and one
        of answers ("Answer": "B", "A, C"); the table is read by the key only."""
        out: list[tuple[int, str, str, set[int]]] = []
        for i, blk in enumerate(self.blocks):
            if blk.kind != "table" or len(blk.rows) < 3:
                continue
            header = [plain(h)[0].strip() for h in blk.rows[0]]
            num = next((k for k, h in enumerate(header) if _KEY_NUMBER_HEADER.match(h)), None)
            ans = next((k for k, h in enumerate(header) if _KEY_ANSWER_HEADER.match(h)), None)
            if num is None or ans is None:
                continue
            entries = []
            for row in blk.rows[1:]:
                cells = [plain(c)[0].strip() for c in row]
                if max(num, ans) >= len(cells) or not cells[num].isdigit():
                    break
                m = _KEY_CELL.match(cells[ans])
                if m is None:
                    break
                entries.append((int(cells[num]), m.group(1), "", {i}))
            else:  # every row a number and its letters
                out.extend(entries)
        return out

    def _key_headings(self) -> list[tuple[int, str, str, set[int]]]:
        """Entries of an answer key written as headings ("### Q1: B — Kinesis Data Firehose"), each with
        the paragraphs under it as its reason; heading and paragraphs are read by the key only."""
        out: list[tuple[int, str, str, set[int]]] = []
        blocks = self.blocks
        for i, blk in enumerate(blocks):
            if blk.kind != "heading" or not _NUMBERED.match(blk.text):  # (plain text only where it may be)
                continue
            m = _KEY_HEADING.match(plain(blk.text)[0])
            if m is None:
                continue
            used, why, k = {i}, [m.group("rest") or ""], i + 1
            while k < len(blocks) and blocks[k].kind == "para" and k - i <= _EXPLANATION_PARAS:
                why.append(plain(blocks[k].text)[0])
                used.add(k)
                k += 1
            rest, reasons = why[0].strip(" .:"), " ".join(x for x in why[1:] if x)
            # "Firehose: it delivers ...": what the heading names, then why
            text = f"{rest}: {reasons}" if rest and reasons else rest or reasons
            out.append((int(m.group(1)), m.group("letters"), text.strip(), used))
        return out

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
        if after is not None and after.kind == "list" and is_task_list(after):
            return "", set()  # that paragraph is the next question
        lettered = sum(1 for x in blk.text.split("\n") if explicit.OPTION.match(x))
        if blk.kind == "para" and (blk.in_quote or lettered <= 1):  # "C. with the filter policy": the answer
            texts, used, k = [blk.text], {j}, j + 1
            while k < len(blocks) and blocks[k].kind == "para" and blocks[k].in_quote and blk.in_quote:
                texts.append(blocks[k].text)
                used.add(k)
                k += 1
            return "\n".join(texts), used
        return "", set()

    def explanation_after(self, j: int) -> tuple[str, set[int]]:
        """The paragraphs after the answer that start with "Explanation", "Why", "Reason" (and the
        ones after it, up to the next heading, list or rule: "Option A is wrong because ...")."""
        blocks = self.blocks
        if not (j < len(blocks) and blocks[j].kind == "para" and _EXPLAINS.match(blocks[j].text)):
            return "", set()
        texts, used, k = [blocks[j].text], {j}, j + 1
        while k < len(blocks) and blocks[k].kind == "para" and len(used) < _EXPLANATION_PARAS:
            if has_option(blocks[k].text) or is_link_or_image_only(blocks[k].text):
                break
            texts.append(blocks[k].text)
            used.add(k)
            k += 1
        return "\n".join(texts), used

    def answer_after(self, j: int) -> tuple[str, set[int]]:
        """The answer (and explanation) after a question's options, starting at block ``j`` (past a
        "Correct Answer" heading of a question written in headed sections)."""
        if self._heading(j, _SECTION_ANSWER):
            j += 1
        elif (
            self._heading(j, _EXPLAINS)
            and self._kind(j + 1) == "code"
            and _PROSE.search(self.blocks[j + 1].text)
        ):
            # "### Explanation for other options" over paragraphs indented into a code block: prose
            return f"Explanation: {self.blocks[j + 1].text}", {j, j + 1}
        text, used = self.following_text(j)
        if used:
            k = max(used) + 1
            if self._heading(k, _SECTION_WHY):  # "### 1.4 - Why?": the paragraph under it explains
                why, extra = self.following_text(k + 1)
                return (f"{text}\nExplanation: {why}", used | extra) if why else (text, used)
            more, extra = self.explanation_after(k)
            if more:
                return f"{text}\n{more}", used | extra
        return text, used

    def sets_scene(self, i: int) -> bool:
        """Block ``i`` is a paragraph of a question's scene (or the question itself) that a list of
        lettered options follows: the question reads it (see question_before), no note card does."""
        if i in self.keyed_scenes:
            return True
        k = i
        while k < len(self.blocks) - 1 and k - i <= _SCENARIO_PARAS and self._plain_para(k):
            if asks_requirements(self.blocks[k].text):
                nxt = self.blocks[k + 1]
                return nxt.kind == "list" and option_items(nxt.items) is not None
            k += 1
        if (
            k == i
            or self.blocks[k].kind != "para"
            or not explicit.OPTION.match(unmarked(self.blocks[k].text.split("\n", 1)[0])[0])
        ):
            return False
        # "### Question 3" over "**Scenario:** ..." and "**Which operation?**", then "A) ..." lines: the
        # paragraphs are the question's (question_before reads them)
        first = i
        while first - 1 >= 0 and self._plain_para(first - 1):
            first -= 1
        head = self.blocks[first - 1] if first >= 1 else None
        return head is not None and head.kind == "heading" and _NUMBERED.match(head.text) is not None

    def _plain_para(self, j: int) -> bool:
        blk = self.blocks[j]
        return (
            blk.kind == "para"
            and not blk.in_quote
            and not has_option(blk.text)
            and not is_link_or_image_only(blk.text)
        )

    def _kind(self, j: int) -> str:
        return self.blocks[j].kind if j < len(self.blocks) else ""

    def _heading(self, j: int, pattern: re.Pattern[str]) -> bool:
        return (
            j < len(self.blocks)
            and self.blocks[j].kind == "heading"
            and search(pattern, self.blocks[j].text, folded(self.blocks[j].text)) is not None
        )

    def question_before(self, i: int) -> tuple[str, int]:
        """The question above block ``i`` (a paragraph or heading), looking past images; an image
        between the question and its options sets ``self.image``."""
        self.image = False
        k = i - 1
        while (
            k >= 0
            and self.blocks[k].kind == "para"
            and is_link_or_image_only(self.blocks[k].text) == "image only"
        ):
            self.image = True
            k -= 1
        if k >= 1 and self._heading(k, _SECTION_CHOICES) and self.blocks[k - 1].kind == "para":
            k -= 1  # "### 1.2 - Choices" under the question's own section: the question is above it
        prev = self.blocks[k] if k >= 0 else None
        self.scenario = set()
        if prev is not None and prev.kind == "para" and asks_requirements(prev.text):
            # "Which solution will meet these requirements?": the paragraphs above it (under the same
            # heading) set the scene, and are part of the question
            first = k
            while (
                first - 1 >= 0
                and k - first < _SCENARIO_PARAS
                and self._plain_para(first - 1)
                # "**10. ...": the question starts at its number; the last question's "ANS: C" is no scene
                and not _Q_PREFIX.match(plain(self.blocks[first].text)[0])
                and not explicit.ANSWER_LEAD.match(self.blocks[first - 1].text)
            ):
                first -= 1
            if first < k:
                self.scenario = set(range(first, k))
                texts = [plain(self.blocks[j].text)[0] for j in range(first, k + 1)]
                return _Q_PREFIX.sub("", " ".join(texts)), self.blocks[first].line
        if prev is not None and prev.kind == "para" and self._plain_para(k):
            # under a heading that numbers the question ("### Q7 | Domain 2 | Storage"), the paragraphs
            # from the heading down to the options are the question (its scene, then what it asks); a
            # bold label among them ("**Type: Single Answer**") is not
            first = k
            while first - 1 >= 0 and k - first < _SCENARIO_PARAS and self._plain_para(first - 1):
                first -= 1
            head = self.blocks[first - 1] if first >= 1 else None
            numbered = (
                head is not None
                and head.kind == "heading"
                and (_NUMBERED.match(head.text) or _SECTION_QUESTION.match(head.text))
            )
            if first < k and numbered:
                parts = [
                    j
                    for j in range(first, k + 1)
                    if not _LABEL_PARA.match(self.blocks[j].text.strip())
                    or self.blocks[j].text.strip(" *_").endswith("?")  # "**Which operation?**" asks
                ]
                self.scenario = set(range(first, k))
                texts = [plain(self.blocks[j].text)[0] for j in parts]
                return _Q_PREFIX.sub("", " ".join(texts)), self.blocks[parts[0]].line
        if prev is not None and prev.kind in ("para", "heading"):
            return _Q_PREFIX.sub("", plain(prev.text)[0]), prev.line
        if prev is not None and prev.kind == "list" and prev.items and not prev.items[-1].children:
            # "1. A team wants ... Which service ...?" then options indented too little to be its children
            last = prev.items[-1]
            asked = _Q_PREFIX.sub("", plain("\n".join([last.text, *last.extra]))[0])
            if _ASKS.search(asked):
                return asked, last.line
        return "", self.blocks[i].line

    def task_mcq(self, i: int) -> tuple[set[int], list[Item]]:
        """The card of the task list at block ``i``: the blocks it used, and the items left to read
        as notes (items without a box, or all of them when no card was made)."""
        blk = self.blocks[i]
        question, qline = self.question_before(i)
        tasks = [it for it in blk.items if it.task is not None]
        options = [_OPTION_LABEL.sub("", plain(it.text)[0]) for it in tasks]
        self.option_lines.update(it.line for it in blk.items)
        correct = tuple(k for k, it in enumerate(tasks) if it.task)
        expl_raw, used = self.following_text(i + 1)
        if not correct and "<details" in expl_raw.lower():
            # no box ticked, the right option's words hidden under the list ("<details>... Spot
            # Instances ...</details>"): the options named there alone on a line
            correct = named_options(expl_raw, options)
        hidden = "\n".join(tasks[-1].extra) if tasks and not correct else ""
        if "<details" in hidden.lower():
            # the hidden key indented under the list, so read as the last option's paragraph:
            # "- [ ] ...\n\n    <details><summary>Answer</summary> Correct answer: C, E</details>"
            correct = explicit.correct_options(hidden, options) or named_options(hidden, options)
            expl_raw = expl_raw or hidden
        made = self.mcq(question, qline, blk.path, options, correct, expl_raw, "mcq")
        notes = [it for it in blk.items if not made or it.task is None]
        return (used if made else set()), notes

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
        if not question or _ONLY_NUMBER.match(question):  # ("### Question 6:" over the options alone)
            self.c.warn(line, "a multiple-choice list has no question before it, so it was skipped.")
            self.c.skip(line, "mcq without question")
            return False
        numbered = _NUMBERED.match(path[-1]) if path and self.key and not correct else None
        entry = self.key.get(int(numbered.group(1))) if numbered else None
        if entry is not None:  # "### Question 3" answered in the key at the end of the file
            correct = explicit.correct_options(f"Answer: {entry[0]}", options)
            expl_raw = expl_raw or entry[1]
        if not correct:
            self.c.warn(line, "a multiple-choice question marks no option correct ([x]), so it was skipped.")
            self.c.skip(line, "mcq without answer", question)
            return False
        asked = _CHOOSE_N.search(question)
        if asked and _COUNTS[asked.group(1).lower()] != len(correct):
            # "(Select TWO.)" with one option keyed (or an option lost to a mistyped letter): a wrong key
            self.c.warn(
                line, f"a question asks for {asked.group(1)} answers but {len(correct)} are marked; skipped."
            )
            self.c.skip(line, "broken mcq", question)
            return False
        if len(correct) == len(options) or any(not o for o in options) or len(options) < 2:
            self.c.warn(
                line, "a multiple-choice question has empty options or every option correct; skipped."
            )
            self.c.skip(line, "broken mcq", question)
            return False
        # the answer written out as its option ("**B. Latency**") is no explanation
        lines = (expl_raw or "").split("\n")
        expl_raw = "\n".join(ln for ln in lines if explicit.option_written(ln, options) is None)
        # an explanation that is only a link ("Back to top", "Reference: <https://...>") explains nothing
        explanation = explicit.explanation(expl_raw) if expl_raw else ""
        if any(
            is_link_or_image_only(_REFERENCE_LEAD.sub("", t.strip())) for t in (expl_raw or "", explanation)
        ):
            explanation = ""
        self.c.add(
            "mcq",
            rule,
            line,
            path,
            key="",
            question=question,
            options=tuple(options),
            correct=correct,
            explanation=explanation,
            image=self.image,
        )
        return True

    def code_mcq(self, i: int) -> set[int]:
        """A question whose options are the lines of a code block, the right ones marked ``>`` or ``>>``
        (a quiz written to show plain lines on any site)."""
        blk = self.blocks[i]
        lines = [ln.strip() for ln in blk.text.split("\n") if ln.strip()]
        lettered = [explicit.OPTION.match(ln.lstrip("-*+ ")) for ln in lines]
        if 2 <= len(lines) <= 8 and all(lettered):  # "- A. env.yaml" lines indented into a code block
            return self.indented_mcq(i, [option_text(m.group(2)) for m in lettered if m])
        signed = self.signed_mcq(i, lines)
        if signed:
            return signed
        marked = [bool(_CODE_MARK.match(ln)) for ln in lines]
        if not 2 <= len(lines) <= 8 or not any(marked) or all(marked):
            return set()
        question, qline = self.question_before(i)
        if not _ASKS.search(question):
            return set()
        options = [_CODE_MARK.sub("", ln).strip() for ln in lines]
        self.option_lines.update(range(blk.line, blk.line + len(lines) + 2))
        expl_raw, used = self.following_text(i + 1)
        correct = tuple(k for k, m in enumerate(marked) if m)
        made = self.mcq(question, qline, blk.path, options, correct, expl_raw, "mcq")
        return ({i} | used) if made else set()

    def signed_mcq(self, i: int, lines: list[str]) -> set[int]:
        """A question written in a code block with its options after it, the right ones marked ``+``
        and the others ``-`` ("+ AWS CloudFront" / "- AWS WAF"); the question may be above the block."""
        first = next((k for k, ln in enumerate(lines) if _SIGNED.match(ln)), len(lines))
        end = next((k for k in range(first, len(lines)) if not _SIGNED.match(lines[k])), len(lines))
        options, after = lines[first:end], lines[end:]  # the lines after the options explain them
        if not 2 <= len(options) <= 8:
            return set()
        right = tuple(k for k, ln in enumerate(options) if ln.startswith("+"))
        if not right or len(right) == len(options):
            return set()
        blk = self.blocks[i]
        question, qline = " ".join(lines[:first]), blk.line + 1
        if not question:
            question, qline = self.question_before(i)
        if not _ASKS.search(question):
            return set()
        self.option_lines.update(range(blk.line, blk.line + len(lines) + 2))
        expl_raw, used = ("\n".join(after), set()) if after else self.following_text(i + 1)
        texts = [_SIGNED.sub("", ln).strip() for ln in options]
        made = self.mcq(plain(question)[0], qline, blk.path, texts, right, expl_raw, "mcq")
        return ({i} | used) if made else set()

    def indented_mcq(self, i: int, options: list[str]) -> set[int]:
        """Lettered options that an indent turned into a code block, the answer after them."""
        blk = self.blocks[i]
        question, qline = self.question_before(i)
        if not _ASKS.search(question):
            return set()
        self.option_lines.update(range(blk.line, blk.line + len(options) + 2))
        tail, used = self.answer_after(i + 1)
        correct = explicit.correct_options(tail, options)
        made = self.mcq(question, qline, blk.path, options, correct, tail, "mcq-lettered")
        return ({i} | used) if made else set()

    def bold_mcq(self, i: int) -> set[int]:
        """A question whose options are a list with the right ones in bold (see ``bold_lists``)."""
        blk = self.blocks[i]
        marked = bold_marked(blk.items)
        if i not in self.bold_lists or marked is None:
            return set()
        question, qline = self.question_before(i)
        options = [_OPTION_LABEL.sub("", plain(it.text.strip().split("\n")[0])[0]) for it in blk.items]
        self.option_lines.update(it.line for it in blk.items)
        tail, used = self.following_text(i + 1)
        correct = tuple(k for k, m in enumerate(marked) if m)
        self.mcq(question, qline, blk.path, options, correct, tail, "mcq")
        return {i} | used

    def list_mcq(self, i: int) -> set[int]:
        """A question whose options are a list ``- A) ...``, ``- B) ...`` and whose answer follows it."""
        blk = self.blocks[i]
        if i in self.keyed_lists:
            return self.keyed_list_mcq(i)
        if i in self.bold_lists:
            return self.bold_mcq(i)
        options = option_items(blk.items)
        if options is None:
            return set()
        question, qline = self.question_before(i)
        self.option_lines.update(it.line for it in blk.items)
        verdicts = option_verdicts(blk.items)
        if verdicts is not None:  # each option says whether it is right, and why
            self.option_lines.update(kid.line for it in blk.items for kid in it.children)
            self.mcq(question, qline, blk.path, options, verdicts[0], verdicts[1], "mcq-lettered")
            return {i}
        tail, used = self.answer_after(i + 1)
        correct = explicit.correct_options(tail, options) or voted([it.text for it in blk.items])
        k = i + 2
        if not correct and used == {i + 1} and _ANSWER_ABOVE_LIST.match(tail) and self._kind(k) == "list":
            listed = listed_answer(self.blocks[k].items, options)  # "Correct answer:" then "- B: ..."
            if listed is not None:
                (correct, tail), used = listed, {i + 1, k}
                self.option_lines.update(it.line for it in self.blocks[k].items)
        made = self.mcq(question, qline, blk.path, options, correct, tail, "mcq-lettered")
        return {i} | used | (self.scenario if made else set())

    def task_item_mcq(self, item: Item, path: tuple[str, ...]) -> bool:
        """A numbered question whose item holds a task list of its options (``- [x] Amazon S3``), a
        note after an option's arrow (``-> regional resource``) kept for the explanation, not shown as
        part of the option; True when the item was such a question."""
        tasks = item.children
        if len(tasks) < 2 or any(it.task is None for it in tasks) or not any(it.task for it in tasks):
            return False
        question = _Q_PREFIX.sub("", plain("\n".join([item.text, *item.extra]))[0])
        if not _ASKS.search(question):
            return False
        options, notes = [], []
        for it in tasks:
            option, *after = _ARROW_NOTE.split(_OPTION_LABEL.sub("", plain(it.text)[0]), maxsplit=1)
            options.append(option.strip())
            why = after[-1].strip() if after else ""
            if why:
                notes.append(f"{option.strip()}: {why}")
        self.image = False
        self.option_lines.update([item.line, *(it.line for it in tasks)])
        correct = tuple(k for k, it in enumerate(tasks) if it.task)
        return self.mcq(question, item.line, path, options, correct, "\n".join(notes), "mcq")

    def item_mcq(self, item: Item, path: tuple[str, ...]) -> bool:
        """A numbered question whose item holds ``A.`` ``B.`` ... option lines and, below them, its
        answer (``Correct answer: B``, often in a ``<details>`` block); True when the item had options."""
        question: list[str] = []
        options: list[str] = []
        raw_options: list[str] = []
        tail: list[str] = []
        for ln in item.text.split("\n"):
            m = explicit.OPTION.match(ln)
            if m and not tail and m.group(1).upper() == chr(ord("A") + len(options)):
                options.append(option_text(m.group(2)))
                raw_options.append(ln)
            elif options:
                tail.append(ln)
            else:
                question.append(ln)
        nested = leading_options(item.children) if len(options) < 2 else []
        bullets: list[str] = []  # items after the options: an explanation's bullets, under its answer
        if len(nested) >= 2:  # the options are a list nested under the question
            options, tail = nested, []
            raw_options = [it.text for it in item.children[: len(nested)]]
            self.option_lines.update(it.line for it in item.children[: len(nested)])
            bullets = [it.text for it in item.children[len(nested) :]]
        marked = bold_marked(item.children) if len(options) < 2 and id(item) in self.bold_items else None
        if marked is not None:  # unlettered options nested under the question, the right ones in bold
            options = [_OPTION_LABEL.sub("", plain(it.text.strip())[0]) for it in item.children]
            self.option_lines.update(it.line for it in item.children)
        if len(options) < 2:
            return False
        self.image = False
        self.option_lines.add(item.line)
        text = "\n".join([*tail, *item.extra, *bullets])
        correct = explicit.correct_options(text, options) or voted(raw_options)
        if marked is not None:
            correct = tuple(k for k, m in enumerate(marked) if m)
        q = _Q_PREFIX.sub("", plain("\n".join(question))[0])
        self.mcq(q, item.line, path, options, correct, text, "mcq-lettered")
        return True

    def true_false(self, i: int) -> set[int]:
        """A statement asked "True or False?" with its answer ("Answer: False") in the same paragraph
        or the block after it: a two-option card (True, False); the blocks used, or none."""
        blk = self.blocks[i]
        lines = [ln for ln in (plain(x)[0].strip() for x in blk.text.split("\n")) if ln]
        # (a line without "true" and "false" is passed over: needles.search)
        asked = next((k for k, ln in enumerate(lines) if search(_TRUE_FALSE, ln, folded(ln))), None)
        if asked is None:
            return set()
        question = _Q_PREFIX.sub("", " ".join(ln for ln in lines[: asked + 1] if not _BARE_NUMBER.match(ln)))
        rest, used = "\n".join(lines[asked + 1 :]), {i}
        if not rest:
            rest, more = self.answer_after(i + 1)
            used |= more
        m = _TRUE_FALSE_KEY.search(rest)
        if m is None or not question:
            return set()
        correct = (0,) if m.group(1).lower() == "true" else (1,)
        self.mcq(question, blk.line, blk.path, ["True", "False"], correct, rest[m.end() :], "mcq-lettered")
        return used

    def lettered_mcq(self, i: int) -> set[int]:
        blocks = self.blocks
        self.image = False
        q_lines: list[str] = []
        options: list[str] = []
        after: list[str] = []
        used = {i}
        k = i
        marked: list[str] = []  # the option lines as written, for their marks
        highlighted: list[int] = []  # options wrapped whole in <mark> (or <u>, <b>): the right ones
        while k < len(blocks) and blocks[k].kind == "para" and len(used) < 12:
            for ln in blocks[k].text.split("\n"):
                line, lit = unmarked(ln)
                m = explicit.OPTION.match(line)
                if m and not after and m.group(1).upper() == chr(ord("A") + len(options)):
                    if lit:
                        highlighted.append(len(options))
                    options.append(plain(_VOTED.sub("", m.group(2)))[0])
                    marked.append(ln)
                elif options:
                    after.append(ln)
                else:
                    q_lines.append(ln)
            used.add(k)
            if after:
                break
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if nxt is None or nxt.kind != "para" or not explicit.OPTION.match(unmarked(nxt.text)[0]):
                break
            k += 1
        if len(options) < 2:
            return set()
        question, qline = plain("\n".join(q_lines))[0], blocks[i].line
        question = _Q_PREFIX.sub("", question)
        if not question:
            question, qline = self.question_before(i)
        tail = "\n".join(after)
        extra, more = self.answer_after(k + 1)
        if not explicit.correct_options(tail, options) and extra:
            tail = f"{tail}\n{extra}"
            used |= more
        elif extra and not tail.strip(" \n"):
            used |= more
        correct = explicit.correct_options(tail, options) or voted(marked)
        if not correct and 0 < len(highlighted) < len(options):
            correct = tuple(highlighted)
        self.mcq(question, qline, blocks[i].path, options, correct, tail, "mcq-lettered")
        return used

    def table_mcq(self, i: int) -> set[int]:
        """Options written as a table whose first column letters them in order ("| A | Platform |"),
        under the question (and an "Options" heading), with the answer below it as a lettered question's
        ("## Correct Answer" then "**C. Governance**"); a table "why the others are wrong" after the
        explanation is part of it. Without a question and an answer, the table is notes."""
        blk = self.blocks[i]
        options: list[str] = []
        for row in blk.rows[1:]:
            cells = [plain(c)[0].strip() for c in row]
            m = _TABLE_LETTER.match(cells[0]) if len(cells) >= 2 else None
            if m is None or m.group(1) != chr(ord("A") + len(options)):
                return set()
            options.append(" — ".join(c for c in cells[1:] if c))
        if len(options) < 2 or any(not o for o in options):
            return set()
        question, qline = self.question_before(i)
        tail, used = self.answer_after(i + 1)
        correct = explicit.correct_options(tail, options)
        if not question or not correct:
            return set()
        k = max(used) + 1
        if self._heading(k, _SECTION_OTHERS) and self._kind(k + 1) == "table":
            why = [" — ".join(plain(c)[0].strip() for c in row) for row in self.blocks[k + 1].rows[1:]]
            tail = "\n".join((tail, *why))
            used |= {k, k + 1}
        self.option_lines.add(blk.line)
        self.mcq(question, qline, blk.path, options, correct, tail, "mcq-lettered")
        return {i} | used


# --- options written as an HTML ordered list -----------------------------------------------------
# "14. A team ... Which TWO steps ...? (Choose two.)" then <ol type="A"><li>...</li>...</ol> and the
# answer's letters in a <details> block ("A, C", "AC", "Correct answer: B"): the list's items are the
# options, lettered by position (type "A", "a" or none)
_OL_OPEN = re.compile(r"^\s*<ol\b(?P<attrs>[^>]*)>", re.IGNORECASE)
_OL_CLOSE = re.compile(r"</ol\s*>", re.IGNORECASE)
_OL_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_LI = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_LI_CLOSE = re.compile(r"</li\s*>", re.IGNORECASE)
_NESTED_LIST = re.compile(r"<[ou]l\b", re.IGNORECASE)
_DETAILS_END = re.compile(r"</details\s*>", re.IGNORECASE)
# the first line of a hidden answer: its letters ("A, C", "AC", "b", "Correct answer: B and D",
# "C. Store sessions in DynamoDB"), nothing else of a word after them
_KEY_LINE = re.compile(
    r"^\W*(?:(?:the\s+)?(?:correct\s+)?(?:answers?|ans|options?|choices?)\s*(?:is|are)?\s*[:\-]?\s*)?"
    r"\(?(?P<letters>(?-i:[A-H]{2,8})|[A-H](?:\s*\)?\s*(?:,|&|/|\band\b)\s*\(?[A-H])*)\)?"
    r"(?=\s*(?:$|[.):;\]—–-](?:\s|$)))",
    re.IGNORECASE,
)
_HTML_OL_BLOCKS = 12  # an option list with blank lines runs on over at most this many blocks


def html_option_list(text: str) -> tuple[list[str], str] | None:
    """The items of the HTML ordered list ``text`` starts with, and the text after its ``</ol>``; None
    when it is no list of 2-8 lettered items (type "A", "a" or none; a nested list is no option)."""
    m = _OL_OPEN.match(text)
    end = _OL_CLOSE.search(text, m.end()) if m else None
    if m is None or end is None:
        return None
    kind = _OL_TYPE.search(m.group("attrs"))
    if kind is not None and kind.group(1) not in ("A", "a", ""):
        return None  # "1", "i": numbered, not lettered
    inner = text[m.end() : end.start()]
    pieces = _LI.split(inner)
    if pieces[0].strip() or _NESTED_LIST.search(inner):
        return None
    options = [
        " ".join(html.unescape(plain(_LI_CLOSE.sub(" ", p).replace("\n", " "))[0]).split())
        for p in pieces[1:]
    ]
    if not 2 <= len(options) <= 8:
        return None
    typed = [explicit.OPTION.match(o) for o in options]  # "<li>A. S3</li>": the letter typed again
    if all(m is not None and m.group(1).upper() == chr(ord("A") + k) for k, m in enumerate(typed)):
        options = [m.group(2).strip() for m in typed if m is not None]
    return options, text[end.end() :]


def named_options(text: str, options: list[str]) -> tuple[int, ...]:
    """The options that a hidden answer names whole, each alone on a line; none when it names every one."""
    body = explicit._SUMMARY.sub("\n", text)
    said = {norm(plain(html.unescape(ln))[0]) for ln in body.split("\n")}
    named = tuple(k for k, o in enumerate(options) if norm(o) in said)
    return named if len(named) < len(options) else ()


def details_key(text: str) -> tuple[list[str] | None, str]:
    """The letters of a hidden answer (its first line, else a "Correct answer: ..." anywhere in it) and
    the rest of it, its explanation; None letters when it names none."""
    body = explicit._SUMMARY.sub("\n", text).split("\n")
    lines = [x for x in (" ".join(html.unescape(plain(ln)[0]).split()) for ln in body) if x]
    if not lines:
        return None, ""
    m = _KEY_LINE.match(lines[0])
    if m is not None:
        letters = explicit.letters_in(m.group("letters"))
        rest = lines[0][m.end() :].lstrip(" .):;]—–-")
        return letters, "\n".join([rest, *lines[1:]] if rest else lines[1:])
    letters = explicit.correct_letters(text)
    if not letters:  # "<summary>Correct answer: C</summary>" over an explanation
        summary = next((plain(x)[0] for x in explicit._SUMMARY.findall(text)), "")
        m = _KEY_LINE.match(summary) if re.search(r"\banswers?\b", summary, re.IGNORECASE) else None
        if m is not None:
            letters = explicit.letters_in(m.group("letters"))
    return (letters or None), "\n".join(lines)
