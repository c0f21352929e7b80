"""Random and adversarial Markdown: the importer never crashes and every card is well-formed."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awsprep.bank.io import card_from_dict, card_to_dict
from awsprep.bank.models import CLOZE_RE, BasicCard, ClozeCard, McqCard
from awsprep.notes.pipeline import NoteFile, extract_file, run_import
from awsprep.notes.topics import TopicTable

TOPICS = TopicTable.load(Path(__file__).resolve().parent.parent / "content" / "domains.yaml")

PIECES = [
    "# ",
    "## Exam tips\n",
    "### Lambda\n",
    "- ",
    "  - ",
    "    - ",
    "* ",
    "1. ",
    "- [x] ",
    "- [ ] ",
    "> ",
    "**",
    "__",
    "==",
    "{{",
    "}}",
    " :: ",
    " ::: ",
    "\n?\n",
    "?",
    ":",
    " = ",
    " - ",
    "|",
    "|---|---|\n",
    "<table><tr><td>",
    "</td></tr>",
    "<details>",
    "</details>",
    "<!--",
    "-->",
    "```",
    "\n",
    "\n\n",
    "![x](y.png)",
    "[a](http://b)",
    "A. ",
    "B. ",
    "Correct answer: B",
    "(Choose two)",
    "15 minutes",
    "max 900 s",
    "3 KB",
    "timeout",
    "SQS",
    "DynamoDB",
    "is a",
    "\t",
    "\\",
    "`code`",
    "---\n",
    "\x00",
    "\ufeff",
    "é",
    "[red]",
    "{",
    "}",
]
markdownish = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)


def check(cards: list) -> None:
    ids = [c.id for c in cards]
    assert len(ids) == len(set(ids))
    for card in cards:
        assert card.id and not any(ch.isspace() for ch in card.id)
        assert card.sources and card.sources[0].line >= 1 and card.topic
        if isinstance(card, BasicCard):
            assert card.front.strip() and card.back.strip()
        elif isinstance(card, ClozeCard):
            assert CLOZE_RE.search(card.text) and all(a.strip() for a in card.answers())
        elif isinstance(card, McqCard):
            assert len(card.options) >= 2 and card.correct
            assert all(0 <= i < len(card.options) for i in card.correct)
            assert len(card.correct) < len(card.options)
        assert card_from_dict(card_to_dict(card, "d"), "x.yaml", "d") == card


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_random_markdown_never_crashes(text: str) -> None:
    result = extract_file("n.md", text, TOPICS)
    assert all(d.line >= 1 for d in result.drafts)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(markdownish, min_size=1, max_size=3))
def test_random_files_give_well_formed_cards(tmp_path_factory, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("n")
    notes = []
    for n, text in enumerate(texts):
        path = folder / f"{n}.md"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        notes.append(NoteFile(path.name, path))
    check(run_import(notes, "d", TOPICS).cards)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    extract_file("b.md", text, TOPICS)


def test_adversarial_shapes(tmp_path: Path) -> None:
    cases = {
        "deep.md": "".join("  " * i + "- item\n" for i in range(200)),
        "quotes.md": ">" * 500 + " text\n",
        "table.md": "| a |\n|---|\n" + "| x | y | z |\n" * 50 + "|\n",
        "emph.md": "**" * 2000 + "\n" + "[" * 2000 + "\n",
        "cloze.md": "{{" * 100 + "x" + "}}" * 100 + "\n==a==b==c==\n",
        "html.md": "<table><tr><td>" * 300 + "\n<details>\n" * 50,
        "mcq.md": "Q?\n\n" + "- [x] a\n" * 30,
        "long.md": "- **Term**: " + "word " * 5000 + "\n",
    }
    notes = []
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        notes.append(NoteFile(name, tmp_path / name))
    result = run_import(notes, "d", TOPICS)
    check(result.cards)
    assert any("nested deeper" in w.message for w in result.warnings)
