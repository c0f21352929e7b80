"""markdown-it-py's block pass, trying at each line only the rules that can start there: the same tokens.

markdown-it tries every block rule in turn at the start of each block (and, as "terminators", at each
line of a paragraph, a list or a quote) until one matches. Most rules turn a line away by its first
character: only ``#`` can open a heading, only ``>`` a quote, only ``-``, ``*`` or ``_`` a rule.
:func:`dispatch_by_first_character` replaces each rule chain of one parser's block ruler by a single
rule that looks at that character and calls, in the chain's order, only the rules that could match;
a rule passed over is one that would have returned False without touching the parser's state. A rule
(``hr``) is also passed over unless its line is three or more of one marker and spaces; a table needs
a ``|`` in its first line; a setext heading (``lheading``) needs a line of ``=`` or ``-`` before the
next blank line, and when it fails it leaves ``state.parentType`` set to "paragraph" (markdown-it's
own behaviour), which the replacement keeps. The parser also makes its tokens field by field (the
dataclass's ``__init__`` is a third of the block pass) and skips the core rule ``text_join``, which
has nothing to join without the inline pass. Its table rule is markdown-it's own code, reading a
row's cells with ``str.split`` when the row holds no backslash (``escapedSplit`` walks every character).

Written against markdown-it-py 4.0's rules; on another major version the parser is left as it is.
tests/test_notes_mdfast.py compares the tokens with the plain parser's.
"""

from __future__ import annotations

import types
from collections.abc import Callable, MutableMapping
from typing import Any

import markdown_it
from markdown_it import MarkdownIt
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import escapedSplit as escaped_split
from markdown_it.rules_block.table import table as table_rule
from markdown_it.rules_core.normalize import normalize
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

Rule = Callable[[StateBlock, int, int, bool], bool]

# the first characters (after indentation) a rule can match at; a rule not named here is always tried
_FIRST: dict[str, frozenset[str]] = {
    "fence": frozenset("`~"),
    "blockquote": frozenset(">"),
    "hr": frozenset("*-_"),
    "list": frozenset("*-+0123456789"),
    "reference": frozenset("["),
    "html_block": frozenset("<"),
    "heading": frozenset("#"),
}


def supported() -> bool:
    return markdown_it.__version__.split(".")[0] == "4"


def _escaped_split(text: str) -> list[str]:
    """markdown-it's ``escapedSplit`` (a table row's cells, a "\\|" kept as "|"): without a backslash,
    ``str.split``; else its own loop."""
    if "\\" not in text:
        return text.split("|")
    return escaped_split(text)


def _fast_split(rule: Rule) -> Rule:
    """The table rule itself (its code), reading cells with :func:`_escaped_split`."""
    if rule is not table_rule or rule.__globals__.get("escapedSplit") is not escaped_split:
        return rule
    names = {**rule.__globals__, "escapedSplit": _escaped_split}
    fast = types.FunctionType(rule.__code__, names, rule.__name__, rule.__defaults__, rule.__closure__)
    return fast


def _table_guard(rule: Rule) -> Rule:
    rule = _fast_split(rule)

    def table(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        # (the table rule returns False for a first line without "|" whatever the next line is)
        if state.src.find("|", state.bMarks[line] + state.tShift[line], state.eMarks[line]) < 0:
            return False
        return rule(state, line, end, silent)

    return table


def _code_guard(rule: Rule) -> Rule:
    def code(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        return state.is_code_block(line) and rule(state, line, end, silent)  # (the rule's own first test)

    return code


def _hr_guard(rule: Rule) -> Rule:
    def hr(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        # (a rule is three or more of one marker, spaces and tabs between them, and nothing else)
        src, pos, end = state.src, state.bMarks[line] + state.tShift[line], state.eMarks[line]
        marker = src[pos]
        if src.count(marker, pos, end) < 3 or src[pos:end].strip(marker + " \t"):
            return False
        return rule(state, line, end, silent)

    return hr


def _lheading_guard(rule: Rule) -> Rule:
    def lheading(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        src, b_marks, t_shift, e_marks, s_count = (
            state.src,
            state.bMarks,
            state.tShift,
            state.eMarks,
            state.sCount,
        )
        indent = state.blkIndent
        n = line + 1
        while n < end and b_marks[n] + t_shift[n] < e_marks[n]:  # (up to the next blank line)
            if indent <= s_count[n] <= indent + 3:
                pos = b_marks[n] + t_shift[n]
                marker = src[pos]
                if marker in "-=":
                    rest = src[pos : e_marks[n]].rstrip(" \t")
                    if rest.count(marker) == len(rest):
                        return rule(state, line, end, silent)  # an underline, maybe: the rule decides
            n += 1
        if not state.is_code_block(line):
            state.parentType = "paragraph"  # what the rule leaves behind when it finds no underline
        return False

    return lheading


def _chain(rules: list[tuple[str, Rule]]) -> Rule:
    guards = {"table": _table_guard, "code": _code_guard, "hr": _hr_guard, "lheading": _lheading_guard}
    named = [(name, guards[name](fn) if name in guards else fn) for name, fn in rules]

    def for_char(ch: str) -> tuple[Rule, ...]:
        return tuple(fn for name, fn in named if name not in _FIRST or ch in _FIRST[name])

    by_char = {ch: for_char(ch) for chars in _FIRST.values() for ch in chars}
    other = for_char("")

    def dispatch(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        candidates = by_char.get(state.src[pos], other) if pos < state.eMarks[line] else other
        for fn in candidates:  # noqa: SIM110 (a loop: no generator per line)
            if fn(state, line, end, silent):
                return True
        return False

    return dispatch


def dispatch_by_first_character(md: MarkdownIt) -> MarkdownIt:
    """Make ``md``'s block pass try only the rules that can match at each line (its tokens are the
    same); ``md`` must not be configured further afterwards."""
    if not supported():
        return md
    ruler: Any = md.block.ruler
    rules = {r.name: r.fn for r in ruler.__rules__ if r.enabled}
    if set(rules) - set(_FIRST) - {"table", "code", "lheading", "paragraph"}:
        return md  # a rule this module does not know
    chains: dict[str, list[Rule]] = {}
    for chain in ("", "paragraph", "reference", "blockquote", "list"):
        fns = ruler.getRules(chain)
        names = [next(n for n, f in rules.items() if f is fn) for fn in fns]
        chains[chain] = [_chain(list(zip(names, fns, strict=True)))] if fns else []
    ruler.__cache__ = chains
    md.block.parse = _parse  # type: ignore[method-assign,assignment]
    # (text_join joins the children of inline tokens: without the inline pass there are none)
    md.core.ruler.disable("text_join")
    core: Any = md.core.ruler
    if any(r.name == "normalize" and r.fn is normalize for r in core.__rules__):
        core.at("normalize", _normalize)
    for name in ("tasklists", "alerts", "inline_definitions"):
        # options the rules ask for with a default of False at every list item: absent, each asking
        # raises and catches a KeyError; present with that default, the rules read the same value
        if name not in md.options:
            md.options[name] = False
    options: Any = md.options
    if type(options).get is MutableMapping.get and isinstance(getattr(options, "_options", None), dict):
        # the rules ask for those options at each list item: Mapping.get calls __getitem__, both in
        # Python; the options' own dict answers alike (the parser is configured no further)
        options.get = options._options.get
    return md


def _normalize(state: StateCore) -> None:
    """markdown-it's ``normalize`` (line breaks to "\\n", NUL to U+FFFD), passing over a text that has
    neither: its two substitutions walk the whole text, and the importer hands over texts without them."""
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


_new_token = Token.__new__


class _State(StateBlock):
    def __init__(self, src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> None:
        """StateBlock's state: its fields set by its own ``__init__`` (on an empty text), its line marks
        from the text's lines split at once (StateBlock finds each line and walks its indentation a
        character at a time, calling a function for each). The same marks: a line's offset, end,
        indentation and indentation with tabs expanded; no line for a last line of spaces and tabs
        without a line break; the fake line after the last."""
        super().__init__("", md, env, tokens)
        self.src = src
        b_marks, e_marks, t_shift, s_count = [], [], [], []
        lines = src.split("\n")
        if not lines[-1].strip(" \t"):
            lines.pop()  # (the text ends in a line break, or in a line of spaces and tabs)
        start = 0
        for line in lines:
            indent = len(line) - len(line.lstrip(" \t"))
            offset = indent
            if indent and "\t" in line[:indent]:
                offset = 0
                for ch in line[:indent]:
                    offset += 4 - offset % 4 if ch == "\t" else 1
            b_marks.append(start)
            start += len(line)
            e_marks.append(start)
            t_shift.append(indent)
            s_count.append(offset)
            start += 1
        length = len(src)
        b_marks.append(length)
        e_marks.append(length)
        t_shift.append(0)
        s_count.append(0)
        self.bMarks, self.eMarks, self.tShift, self.sCount = b_marks, e_marks, t_shift, s_count
        self.bsCount = [0] * len(b_marks)
        self.lineMax = len(b_marks) - 1

    def push(self, ttype: str, tag: str, nesting: Any) -> Token:
        """StateBlock.push, making the token field by field (what ``Token(ttype, tag, nesting)`` gives,
        without the dataclass's generated ``__init__`` and ``__post_init__``)."""
        token = _new_token(Token)
        # (one field a statement: a third faster than assigning them as tuples)
        token.type = ttype
        token.tag = tag
        token.nesting = nesting
        token.attrs = {}
        token.map = None
        token.children = None
        token.content = ""
        token.markup = ""
        token.info = ""
        token.meta = {}
        token.block = True
        token.hidden = False
        if nesting < 0:
            self.level -= 1  # closing tag
        token.level = self.level
        if nesting > 0:
            self.level += 1  # opening tag
        self.tokens.append(token)
        return token


def _parse(src: str, md: MarkdownIt, env: Any, out: list[Token]) -> list[Token] | None:
    """ParserBlock.parse with the state above."""
    if not src:
        return None
    state = _State(src, md, env, out)
    md.block.tokenize(state, state.line, state.lineMax)
    return state.tokens
