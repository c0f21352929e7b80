"""notes/mdfast.py: the block parser that tries only the rules that can start at a line gives the tokens
of markdown-it's own parser, on the shipped notes, on tricky snippets and on generated Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block.state_block import StateBlock

from awsprep.notes import mdfast
from awsprep.notes.blocks import block_parser
from awsprep.notes.mdfast import dispatch_by_first_character, supported

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not supported(), reason="another markdown-it-py: the plain parser is used")


def _plain() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").disable("inline")


def _tokens(md: MarkdownIt, text: str) -> list[tuple[Any, ...]]:
    return [
        (
            t.type,
            t.tag,
            t.nesting,
            t.map,
            t.level,
            t.content,
            t.markup,
            t.info,
            t.block,
            t.hidden,
            t.meta,
            t.attrs,
        )
        for t in md.parse(text)
    ]


SNIPPETS = [
    "Title\n=====\n\ntext\n---\n",
    "para\n- item\n- item\n\n1. one\n2) two\n\n3. three\n",
    "para\n2. not a list\n",
    "para\n***\n* * *\n- - -\n_ _ _\n--\n**bold**\n",
    "a | b\n--|--\n1 | 2\n\nno pipe\n|--|--|\n",
    "> quote\n> - item\n>\n> ---\nlazy\n\n>\n",
    "- a\n  - b\n    - c\n     - d\n      - e\n        code?\n",
    "    code\n    ---\n\n\tcode too\n",
    "```\nfence\n```\n~~~ info\nx\n~~~\n```a`b\n",
    "[ref]: https://example.com 'title'\n[ref]\n\npara\n[x]: <y>\n",
    "<div>\nhtml\n</div>\n\n<!-- c -->\npara <b>x</b>\n<details>\n",
    "# h1\n####### seven\n#no\n## h2 ##\n",
    "line\n  ===\ntext\n    ---\n- item\n  ---\n",
    "- [ ] task\n- [x] done\n+ other\n",
    "1. a\n\n   b\n10. c\n1234567890. d\n",
    ">- a\n>- b\n> ===\n",
    "",
    "\n\n\n",
    "text\n\u00a0---\n",
    "| a \\| b | c |\n|---|---|\n| 1 \\\\| 2 | 3 \\|\n|x|y|\n",
    "a|b\n-|-\n\\|x|y\n",
]


def test_same_tokens_on_snippets_and_the_shipped_notes() -> None:
    plain, fast = _plain(), block_parser()
    texts = SNIPPETS + [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "notes").rglob("*.md"))
    ]
    for text in texts:
        assert _tokens(fast, text) == _tokens(plain, text), text[:200]


def test_the_parser_is_dispatched() -> None:
    md = dispatch_by_first_character(_plain())
    assert len(md.block.ruler.getRules("")) == 1  # one rule that picks the others
    assert len(md.block.ruler.getRules("paragraph")) == 1


_LINE = st.sampled_from(
    [
        "",
        "text",
        "Text more",
        "- item",
        "* item",
        "+ item",
        "1. one",
        "2) two",
        "  - nested",
        "    code",
        "---",
        "===",
        "***",
        "- - -",
        "> quote",
        ">",
        "# head",
        "## head ##",
        "```",
        "~~~",
        "| a | b |",
        "| a \\| b |",
        "c \\\\| d",
        "|---|---|",
        "a | b",
        "--|--",
        "[r]: /url",
        "<div>",
        "</div>",
        "<!-- x -->",
        "\t- tab",
        "   > deep",
        "- [ ] task",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE, max_size=14).map("\n".join))
def test_same_tokens_on_generated_markdown(text: str) -> None:
    assert _tokens(block_parser(), text) == _tokens(_plain(), text)


_INDENTED = st.lists(
    st.tuples(st.sampled_from(["", " ", "  ", "\t", " \t", "\t ", "    ", "   \t"]), _LINE).map("".join),
    max_size=10,
).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(_INDENTED, st.sampled_from(["", "\n", "  ", "\t", "\n\n", " \t \n  "]))
def test_the_fast_state_is_the_plain_state(text: str, end: str) -> None:
    src = text + end
    if not src:
        return  # (an empty text is not parsed: no state is made)
    md = block_parser()
    fast, plain = mdfast._State(src, md, {}, []), StateBlock(src, md, {}, [])
    assert vars(fast) == vars(plain)


def test_the_options_answer_get_as_the_mapping_does() -> None:
    fast = block_parser().options
    plain = _plain().options
    for name in ("tasklists", "alerts", "inline_definitions"):  # (set to their default by the fast parser)
        plain[name] = False
    for key in ("tasklists", "alerts", "inline_definitions", "html", "maxNesting", "no such option"):
        for default in (None, False, 7):
            assert fast.get(key, default) == plain.get(key, default)
            assert fast.get(key) == plain.get(key)
    assert MarkdownIt("commonmark").options.get.__func__ is plain.get.__func__  # (other parsers untouched)
