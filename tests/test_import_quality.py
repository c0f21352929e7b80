"""Cards a learner can trust from notes nobody here has read: formats, failure classes, scores,
triage (issue 10). Every fixture is written in our own words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awsprep.bank.io import load_bank_file
from awsprep.bank.models import BasicCard, McqCard
from awsprep.cli.main import app
from awsprep.notes.lint import parse_facts
from awsprep.notes.model import Draft
from awsprep.notes.pipeline import ImportResult, NoteFile, run_import
from awsprep.notes.quality import THRESHOLD, score
from awsprep.notes.triage import Decision, dump_triage, parse_triage, wording_hash
from tests.test_import_rules import TOPICS, imp


def prompts(r: ImportResult) -> list[str]:
    return [c.prompt() for c in r.cards]


def pairs(r: ImportResult) -> list[tuple[str, str]]:
    """The basic cards' (front, back), in order."""
    return [(c.front, c.back) for c in r.cards if isinstance(c, BasicCard)]


def fronts(r: ImportResult) -> list[str]:
    return [c.front for c in r.cards if isinstance(c, BasicCard)]


def mcqs(r: ImportResult) -> list[McqCard]:
    return [c for c in r.cards if isinstance(c, McqCard)]


# --- questions in every common shape -------------------------------------------------------------


def test_heading_question_with_image_and_task_list(tmp_path: Path) -> None:
    text = (
        "# Practice\n\n### Which service stores objects behind a single URL per object?\n\n"
        "![diagram](img/q1.png)\n\n- [ ] Option A: Amazon EBS\n- [x] Option B: Amazon S3\n"
        "- [ ] Option C: Amazon EFS\n\n**[⬆ Back to Top](#table-of-contents)**\n"
    )
    r = imp(tmp_path, text)
    # an image between question and options: the question is read, but waits in triage
    assert not mcqs(r) and len(r.triage) == 1
    card = r.triage[0].card
    assert card["options"] == ["Amazon EBS", "Amazon S3", "Amazon EFS"] and card["correct"] == [1]
    assert "explanation" not in card or not card["explanation"]  # a 'Back to Top' link explains nothing
    assert any("image" in why for why in r.triage[0].reasons)


def test_question_file_options_never_become_basic_cards(tmp_path: Path) -> None:
    q = "### Which setting of queue {n} is right?\n\n- [x] Retention: {n} days\n- [ ] Size: {n}0 MB max\n\n"
    unmarked = "### Which limit holds?\n\n- [ ] Retention: 4 days by default\n- [ ] Size: 1 MB max\n"
    r = imp(tmp_path, "# Quiz\n\n" + "".join(q.format(n=n) for n in range(1, 4)) + unmarked)
    assert len(mcqs(r)) == 3
    assert all(isinstance(c, McqCard) for c in r.cards) and r.triage == []
    assert sum(s.reason == "question option" for s in r.skips) == 2


def test_numbered_questions_with_details_answer(tmp_path: Path) -> None:
    text = (
        "# Set\n\n1. Which store answers reads in microseconds?\n    A. Amazon S3\n"
        "    B. Amazon ElastiCache\n"
        "    C. Amazon Glacier\n\n    <details><summary>Answer</summary>\n\n    Correct answer: B\n\n"
        "    Memory is faster than disk.\n    </details>\n\n"
        "2. Which two can trigger a function from a stream or queue? (Choose two)\n    A. Amazon SQS\n"
        "    B. Amazon Route 53\n    C. Amazon Kinesis Data Streams\n\n"
        "    <details><summary>Answer</summary>\n\n"
        "    Correct Answer: AC\n    </details>\n"
    )
    cards = mcqs(imp(tmp_path, text))
    assert [c.correct for c in cards] == [(1,), (0, 2)]
    assert cards[0].options == ("Amazon S3", "Amazon ElastiCache", "Amazon Glacier")
    assert cards[0].explanation == "Memory is faster than disk"


def test_details_with_blank_lines_and_explanation_bullets(tmp_path: Path) -> None:
    # the answer block holds blank lines and a bulleted explanation that sits in the same list as the
    # options: the bullets explain the answer, they are not options E and F
    text = (
        "# Storage set\n\n1. Which class keeps a copy in one Availability Zone only?\n\n"
        "    - A. S3 Standard\n    - B. S3 One Zone-IA\n    - C. S3 Glacier Flexible Retrieval\n"
        "    - Explanation:\n    - One Zone-IA trades resilience for price: a single zone holds it\n\n"
        "    <details>\n    <summary>Answer</summary>\n\n    Correct Answer: B\n\n    </details>\n\n"
        "2. Which service sends email from an application?\n\n"
        "    - A. Amazon SES\n    - B. Amazon SQS\n\n"
        "    <details>\n    <summary>Answer</summary>\n\n    Correct Answer: A\n\n"
        "    Reference: <https://example.com/ses>\n    </details>\n"
    )
    r = imp(tmp_path, text)
    cards = mcqs(r)
    assert [c.options for c in cards] == [
        ("S3 Standard", "S3 One Zone-IA", "S3 Glacier Flexible Retrieval"),
        ("Amazon SES", "Amazon SQS"),
    ]
    assert [c.correct for c in cards] == [(1,), (0,)]
    assert "single zone" in cards[0].explanation
    assert not cards[1].explanation  # a reference link alone explains nothing
    assert not [c for c in r.cards if not isinstance(c, McqCard)]


def test_stack_names_count_once_per_line() -> None:
    # what makes a project's page is the share of its lines naming its tools, not how many names
    from awsprep.notes.quality import _STACK, _lines_matching

    text = "React and Vite and Jest\n\nnothing here\nnpm\n\n\nnpm run lint with ESLint\n"
    assert _lines_matching(_STACK, text) == 3
    assert _lines_matching(_STACK, "") == 0
    assert _lines_matching(_STACK, "npm") == 1


def test_a_web_projects_documents_wait_in_triage(tmp_path: Path) -> None:
    # a software repository's own pages: each line about the app's stack, not about an exam
    pages = {
        f"page{n}.md": (
            f"# Part {n}\n\n## Setup\n\n- Frontend: built with React and Vite, styled with Tailwind\n"
            "- Hosting: the site deploys to Vercel on every push to main\n"
            "- Database: Supabase keeps the users and their sessions\n"
            "- Secrets: copy .env.example to .env.local before npm run dev\n"
            "- Storage: uploads go to an S3 bucket with versioning on\n"
            "- Tests: run with Jest and ESLint in GitHub Actions\n"
        )
        for n in range(5)
    }
    notes = []
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        notes.append(NoteFile(name, tmp_path / name))
    r = run_import(notes, "app", TOPICS)
    assert r.cards == [] and r.triage
    assert all(any("software project" in why for why in t.reasons) for t in r.triage)
    # one study page that names a framework in passing is still study notes
    study = (
        "# Amplify\n\n## Hosting\n\n"
        "- Amplify Hosting: serves a React or Vue single-page app from a Git branch\n"
        "- Amplify Studio: builds the data model and the UI visually\n"
        "- Amplify libraries: call Cognito, AppSync and S3 from the client\n"
        "- Build settings: amplify.yml lists the build commands\n"
        "- Custom domains: Route 53 or any DNS provider, with a free certificate\n"
        "- Previews: each pull request may get its own temporary URL\n"
        "- Redirects: rewrite rules send every path to index.html\n"
        "- Monitoring: access logs and metrics per app in CloudWatch\n"
        "- Pricing: build minutes plus data stored and served\n"
        "- Backends: Gen 2 defines the backend in TypeScript files\n"
    )
    r = imp(tmp_path, study, name="amplify.md")
    assert r.cards and not any("software project" in why for t in r.triage for why in t.reasons)


def test_paren_letter_options_with_answer_line(tmp_path: Path) -> None:
    text = (
        "# Quiz\n\nWhich class suits data read once a year?\n\na) S3 Standard\nb) S3 Glacier Deep Archive\n"
        "c) EBS gp3\n\nAnswer: b\n\nWhich two are encrypted at rest by default?\n\na) S3 objects\n"
        "b) an HTTP endpoint\nc) DynamoDB tables\nd) an FTP site\n\nAnswer: a, c\n"
    )
    assert [c.correct for c in mcqs(imp(tmp_path, text))] == [(1,), (0, 2)]


def test_q_and_a_lines_make_one_basic_card_each(tmp_path: Path) -> None:
    text = (
        "# Queues\n\nQ: Which queue type keeps strict order?\nA: A FIFO queue.\n\n"
        "Q: Longest long poll?\n\nA: 20 s.\n"
    )
    r = imp(tmp_path, text)
    assert [(c.front, c.back) for c in r.cards] == [
        ("Which queue type keeps strict order?", "A FIFO queue."),
        ("Longest long poll?", "20 s."),
    ]


# --- site chrome, templates, leftovers -----------------------------------------------------------


def test_table_of_contents_and_template_lines_make_no_cards(tmp_path: Path) -> None:
    text = (
        "# Guide {#guide}\n\n| # | Page |\n|---|---|\n"
        "| 1 | [Queues](#queues) |\n| 2 | [Topics](#topics) |\n\n"
        "{{ site.title }} was built by {% include footer.html %}\n\n"
        "- Title: {{ page.title }}\n"
    )
    r = imp(tmp_path, text)
    assert r.cards == [] and r.triage == []
    reasons = {s.reason for s in r.skips}
    assert {"link only", "template"} <= reasons


def test_heading_ids_and_emoji_stay_out_of_the_prompt(tmp_path: Path) -> None:
    r = imp(
        tmp_path, "# SQS\n\n## 🔄 Visibility {#vis}\n\n- **Default timeout**: 30 seconds for a new queue\n"
    )
    assert r.cards and all("{#" not in p and "🔄" not in p for p in prompts(r))


def test_console_walkthrough_steps_wait_in_triage(tmp_path: Path) -> None:
    text = (
        "# Load balancers\n\n## Hands On: create the balancer\n\n- Name: `my-first-balancer`\n"
        "- Scheme: internet-facing and reachable from any client\n"
    )
    r = imp(tmp_path, text)
    assert r.cards == [] and len(r.triage) == 2
    assert all(any("walkthrough" in why for why in p.reasons) for p in r.triage)


def test_marketing_lines_wait_in_triage(tmp_path: Path) -> None:
    r = imp(tmp_path, "# Course\n\n- **Discount**: buy this course on Udemy for 10 USD per month\n")
    assert r.cards == [] and r.summary()["triage_reasons"] == {"exam logistics or marketing": 1}


def test_a_label_whose_content_is_its_children(tmp_path: Path) -> None:
    r = imp(tmp_path, "# Lambda\n\n- Limitations\n  - no state between calls\n  - bounded run time\n")
    assert [(c.front, c.back) for c in r.cards if c.type == "basic"] == [
        ("Limitations (Lambda)", "no state between calls; bounded run time")
    ]


def test_cut_answers_and_markup_lower_the_score() -> None:
    base = Draft("basic", "definition", "n.md", 1, ("SQS",), "SQS", key="Queue", front="Queue (SQS)")
    good = score(Draft(**{**base.__dict__, "back": "a buffer between producers and consumers"}))
    cut = score(Draft(**{**base.__dict__, "back": "a buffer between producers and"}))
    markup = score(Draft(**{**base.__dict__, "back": "a buffer <br> between **producers** and consumers"}))
    assert good.passes and good.score >= THRESHOLD
    assert not cut.passes and any("cut" in r for r in cut.reasons)
    assert not markup.passes and any("markup" in r for r in markup.reasons)


def test_outdated_value_waits_in_triage_with_the_current_value(tmp_path: Path) -> None:
    facts = parse_facts(
        "schema: 1\nfacts:\n  - key: q-size\n    topic: SQS\n    statement: A message can be up to 1 MiB\n"
        "    value: '1'\n    unit: MiB\n    source: https://docs.aws.amazon.com/sqs\n"
        "    checked: 2026-11-01\n    outdated:\n      - pattern: '\\b256\\s?KB\\b'\n"
        "        says: gives the old 256 KB message limit\n",
        "facts.yaml",
    )
    path = tmp_path / "n.md"
    path.write_text("# SQS\n\n- Message size: max 256 KB per message\n", encoding="utf-8")
    r = run_import([NoteFile("n.md", path)], "t", TOPICS, facts=facts)
    assert r.cards == [] and len(r.triage) == 1
    assert any("256 KB" in why and "1 MiB" in why for why in r.triage[0].reasons)
    assert r.summary()["triage_reasons"] == {"outdated value": 1}


# --- decisions -----------------------------------------------------------------------------------


def test_decisions_hold_until_the_note_changes(tmp_path: Path) -> None:
    text = "# ALB\n\n## Hands On\n\n- Scheme: internet-facing and reachable from any client\n"
    r = imp(tmp_path, text)
    pending = r.triage[0]
    path = tmp_path / "notes.md"
    dropped = {pending.id: Decision("drop", pending.hash)}
    again = run_import([NoteFile("notes.md", path)], "t", TOPICS, decisions=dropped)
    assert again.cards == [] and again.triage == [] and again.dropped == 1
    kept = run_import(
        [NoteFile("notes.md", path)], "t", TOPICS, decisions={pending.id: Decision("keep", pending.hash)}
    )
    assert [c.id for c in kept.cards] == [pending.id]
    edit = Decision("edit", pending.hash, {"front": "Which ALB scheme faces the internet?"})
    edited = run_import([NoteFile("notes.md", path)], "t", TOPICS, decisions={pending.id: edit})
    assert edited.cards[0].prompt() == "Which ALB scheme faces the internet?"
    path.write_text(text.replace("any client", "any client on the internet"), encoding="utf-8")
    changed = run_import([NoteFile("notes.md", path)], "t", TOPICS, decisions=dropped)
    assert changed.dropped == 0 and len(changed.triage) == 1  # the note changed: asked again


def test_triage_file_round_trips() -> None:
    from awsprep.notes.triage import Pending, TriageFile

    t = TriageFile("d", {"a-1": Decision("edit", "h", {"front": "F?"})}, [])
    t.cards.append(
        Pending("b-2", 0.4, ("rule fact (0.80)",), "n.md:3", ("- x",), {"id": "b-2", "type": "basic"}, "h2")
    )
    back = parse_triage(dump_triage(t), "x.triage.yaml")
    assert back == t


def test_wording_hash_follows_the_wording() -> None:
    a = Draft("basic", "definition", "n.md", 1, (), "T", front="A", back="B")
    b = Draft("basic", "definition", "n.md", 1, (), "T", front="A", back="C")
    assert wording_hash(a) != wording_hash(b)


# --- the commands --------------------------------------------------------------------------------

WALK = "# ALB\n\n## Hands On\n\n- Scheme: internet-facing and reachable from any client\n- Name: `my-alb`\n"


@pytest.fixture()
def deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home"))
    folder = tmp_path / "walk"
    folder.mkdir()
    (folder / "alb.md").write_text(
        WALK + "\n## Facts\n\n- **Idle timeout**: 60 seconds by default\n", encoding="utf-8"
    )
    return folder


def invoke(*args: str, stdin: str = ""):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=stdin)


def test_import_reports_deck_triage_and_skipped(deck: Path, tmp_path: Path) -> None:
    out = json.loads(invoke("import", str(deck), "--json").stdout)
    assert out["cards"] == 1 and out["triage"] == 2
    assert out["triage_reasons"] == {"a step of a console walkthrough": 2}
    assert out["triage_file"].endswith("walk.triage.yaml")
    res = invoke("import", str(deck))
    assert "1 went in, 2 wait in triage" in res.stdout


def test_triage_plain_keep_drop_and_reimport(deck: Path, tmp_path: Path) -> None:
    invoke("import", str(deck))
    res = invoke("triage", "--deck", "walk", "--plain", stdin="k\nd\n")
    assert res.exit_code == 0, res.output
    assert "1 kept, 0 edited, 1 dropped" in res.stdout
    bank = tmp_path / "home" / "decks" / "walk.yaml"
    assert len(load_bank_file(bank)) == 2  # the kept card went into review at once
    out = json.loads(invoke("import", str(deck), "--json").stdout)
    assert out["cards"] == 2 and out["triage"] == 0 and out["skipped"].get("dropped in triage") == 1


def test_triage_plain_edit_by_line_prompt(deck: Path, tmp_path: Path) -> None:
    invoke("import", str(deck))
    res = invoke("triage", "--deck", "walk", "--plain", stdin="e\nWhich scheme faces the internet?\n\nq\n")
    assert res.exit_code == 0, res.output
    cards = load_bank_file(tmp_path / "home" / "decks" / "walk.yaml")
    assert "Which scheme faces the internet?" in [c.prompt() for c in cards]


def test_triage_shows_note_text_as_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home"))
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "a.md").write_text("# X\n\n## Hands On\n\n- Setting: [red]bold\x1b[2J words here[/red]\n")
    invoke("import", str(folder))
    res = invoke("triage", "--deck", "n", "--plain", stdin="s\n")
    assert "[red]" in res.stdout and "\x1b" not in res.stdout


def test_triage_unknown_deck_is_one_sentence_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWSPREP_HOME", str(tmp_path / "home"))
    res = invoke("triage", "--deck", "nope", "--plain")
    assert res.exit_code == 2 and "Traceback" not in res.output and "nope" in res.output


# --- round 2: failure classes found on the tuning folders (fixtures in our own words) -------------


def test_numbered_question_with_nested_option_list_and_summary_attributes(tmp_path: Path) -> None:
    text = (
        "# Drill\n\n1. Which two services hold objects for years at low cost? (Choose two.)\n"
        "    - A. Amazon S3 Glacier\n    - B. AWS Lambda\n"
        "    - C. Amazon SQS\n    - D. Amazon S3 Standard-IA\n\n"
        "    <details markdown=1><summary markdown='span'>Show the answer</summary>\n"
        "    Correct answer: A, D\n    </details>\n\n"
        "2. Which service answers DNS queries?\n    A. Route 53\n    B. CloudTrail\n\n"
        "    <details markdown=1><summary markdown='span'>Answer</summary>\n\n"
        "    Correct Answer: A\n\n    Explanation: it is the managed DNS service.\n    </details>\n"
    )
    r = imp(tmp_path, text)
    cards = mcqs(r)
    assert [c.correct for c in cards] == [(0, 3), (0,)]
    assert cards[0].options[3] == "Amazon S3 Standard-IA"
    # the summary's own words are no explanation
    assert cards[0].explanation == "" and cards[1].explanation == "it is the managed DNS service"
    assert all(isinstance(c, McqCard) for c in r.cards)


def test_option_list_after_a_question_paragraph_and_bold_answer(tmp_path: Path) -> None:
    text = (
        "# Drill\n\nWhich volume type is shared by many instances at once?\n\n"
        "- A) Amazon EFS\n- B) Amazon EBS gp3\n- C) Instance store\n"
        "\n> Answer: A. EFS is a network file system.\n\n"
        "**Question 2**\n\nWhat blocks SQL injection in front of a web app?\n\n"
        "A. AWS WAF\nB. AWS Artifact\nC. Amazon Macie\n\n**Answer:** A\n\n"
        "Which two store audit evidence? (Select TWO)\n\n"
        "(A) AWS Artifact\n(B) AWS Audit Manager\n(C) Amazon Polly\n"
        "(D) Amazon Lex\n\nCorrect answers: A and B\n\nExplanation: both collect proof for auditors.\n"
    )
    r = imp(tmp_path, text)
    cards = mcqs(r)
    assert [c.correct for c in cards] == [(0,), (0,), (0, 1)]  # "A and B" is two letters, not A, N, D
    assert cards[0].explanation == "EFS is a network file system"
    assert cards[2].explanation == "both collect proof for auditors"
    assert all(isinstance(c, McqCard) for c in r.cards)  # no list card from the options


def test_lab_log_sections_wait_in_triage_whatever_their_heading(tmp_path: Path) -> None:
    steps = "".join(
        f"- Open the console -> Buckets -> Create {n}\n- Name: `demo-bucket-{n}`\n- Region: eu-west-{n}\n"
        for n in range(1, 3)
    )
    text = (
        "# My course log\n\n## 12. Buckets\n\n" + steps + "- Versioning: keeps every version of an object\n"
        "\n## 13. Queues\n\n- Standard queue: at-least-once delivery, best-effort order\n"
        "- FIFO queue: exactly-once processing in strict order\n"
        "- Long polling: waits up to 20 s for messages\n"
        "\n## 14. Topics\n\n- Fan-out: one message copied to many queues\n- Filter policy: lets a subscriber"
        " get only some messages\n- Subscriber types: queues, functions, HTTP endpoints, e-mail\n"
        "\n## 15. Streams\n\n- Shard: the unit of capacity of a data stream\n"
        "- Retention: 24 hours by default\n"
        "- Partition key: decides which shard a record goes to\n"
    )
    r = imp(tmp_path, text)
    # the section made of clicks and settings sends even its one real fact to triage ...
    assert any(p.card.get("front", "").startswith("Versioning") for p in r.triage)
    # ... while the section of facts next to it is kept
    kept = " ".join(c.prompt() for c in r.cards)
    assert "Standard queue" in kept and "FIFO queue" in kept and "Versioning" not in kept


def test_a_course_title_saying_walkthrough_does_not_send_real_notes_to_triage(tmp_path: Path) -> None:
    text = (
        "# Queues\n\n## Video course walkthrough\n\n- **SQS**: a managed message queue\n"
        "- **Visibility timeout**: hides a message while one consumer works on it\n"
        "- **Dead-letter queue**: keeps messages that failed too many times\n"
    )
    r = imp(tmp_path, text)
    assert len(r.cards) == 3 and r.triage == []


def test_a_code_project_readme_adds_nothing_to_the_deck(tmp_path: Path) -> None:
    block = "```bash\nmake build\n```\n\n"
    text = (
        "# sample-service\n\nThis project holds a small web service.\n\n## Layout\n\n"
        "- src/app - the handler code\n"
        "- tests/unit - unit tests for the handler\n- Makefile - build targets\n"
        "- template.yml - this file declares the stack\n\n## Build\n\nTo build the service, run:\n\n"
        + block
        + "## Deploy\n\nTo deploy the stack, run:\n\n"
        + block
        + "## Docs\n\n"
        "- Guide: https://example.com/guide\n\n## Test\n\n1. Install the tools.\n2. Run the tests.\n"
        "3. Open http://localhost:8080 in your browser.\n"
    )
    r = imp(tmp_path, text, name="README.md")
    assert r.cards == []


def test_exam_logistics_and_reference_lists_wait_in_triage(tmp_path: Path) -> None:
    text = (
        "# About the exam\n\n- The exam lasts 130 minutes.\n"
        "- 70% is passing.\n- Exam fees: 150 USD per attempt\n\n"
        "## Resources\n\n- Conference 2020: [Designing tables for scale](https://example.com/t), A. Speaker\n"
        "- **Tables**: See notes\n"
    )
    r = imp(tmp_path, text)
    assert r.cards == []


def test_is_a_fronts_read_as_questions(tmp_path: Path) -> None:
    text = (
        "# Network\n\n- A NAT gateway is a managed device that lets private subnets reach the internet\n"
        "- Route tables which are attached is a topic for later study\n"
        "- 1.02.03 Subnets is a part of the video at that time\n"
    )
    r = imp(tmp_path, text)
    shown = fronts(r)
    assert shown == ["What is a NAT gateway? (Network)"]


def test_a_short_page_title_names_a_generic_heading(tmp_path: Path) -> None:
    text = "# Widget Studio\n\n## Parts\n\n- **Console**: a visual editor for the app's screens\n"
    r = imp(tmp_path, text)
    assert fronts(r) == ["Console (Widget Studio › Parts)"]
    # a title that names the notes themselves adds nothing
    r = imp(tmp_path, "# My Exam Study Notes\n\n## Parts\n\n- **Console**: a visual editor for the screens\n")
    assert fronts(r) == ["Console (Parts)"]


def test_exam_outline_waits_but_a_template_section_named_resources_is_kept(tmp_path: Path) -> None:
    text = (
        "# Guide\n\n## Exam content outline\n\n- **Domain 2**: Design for speed\n\n"
        "# CloudFormation\n\n## Resources\n\n- **Type**: names the kind of resource to create\n"
        "\n## Further reading\n\n- **Templates**: the anatomy page of the user guide\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Type (CloudFormation › Resources)"]
    assert len(r.triage) == 2


def test_adverbs_are_no_terms_and_paths_no_answers(tmp_path: Path) -> None:
    text = (
        "# Workflows\n\n- By default: a failed step fails the whole run\n"
        "- Home folder: /home/shell-user/work\n- **Retry**: runs a failed step again after a pause\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Retry (Workflows)"]
    assert [p.card["front"] for p in r.triage] == ["Home folder (Workflows)"]


def test_answer_lines_in_other_words(tmp_path: Path) -> None:
    text = (
        "# Drill\n\n1. Which service sends mail in bulk?\n   A. Amazon SES\n   B. Amazon SNS\n\n   Ans: A\n\n"
        "2. Which store is a graph database?\n   A. Redshift\n   B. Neptune\n\n   Correct option: B\n\n"
        "3. Which service is a CDN?\n   A. Direct Connect\n   B. CloudFront\n\n   **Answer: Option B**\n\n"
        "Which service runs containers without servers?\n\n- A. Amazon EC2\n- B. AWS Fargate\n\n"
        "Answer: AWS Fargate. No servers to manage.\n"
    )
    cards = mcqs(imp(tmp_path, text))
    assert [c.correct for c in cards] == [(0,), (1,), (1,), (1,)]
    assert cards[3].explanation == "No servers to manage"


def test_a_project_readme_with_feature_bullets_adds_nothing_to_the_deck(tmp_path: Path) -> None:
    text = (
        "# order-pipeline\n\nA small event-driven demo that turns orders into invoices.\n\n"
        "## Architecture\n\n- **Queue**: buffers the incoming orders for the worker\n"
        "- **Worker function**: turns each order into an invoice within 5 seconds\n"
        "- **Table**: keeps one item per invoice, keyed by order id\n\n"
        "## Prerequisites\n\n- **Runtime**: a recent language runtime on your machine\n\n"
        "## Deploy the stack\n\nThe template declares every resource of the stack.\n\n"
        "## Clean up\n\nDeleting the stack removes every resource but the table.\n"
    )
    r = imp(tmp_path, text, name="README.md")
    assert r.cards == [] and len(r.triage) >= 3
    assert all(any("code project" in why for why in p.reasons) for p in r.triage)


def test_used_for_sentences_ask_what_for_and_empty_praise_is_no_answer(tmp_path: Path) -> None:
    text = (
        "# Tools\n\n- A message bus is used to connect many producers with many consumers\n"
        "- Health hook - really important\n"
    )
    r = imp(tmp_path, text)
    assert pairs(r) == [
        ("What is a message bus used for? (Tools)", "to connect many producers with many consumers")
    ]
    assert any(s.reason == "vague" for s in r.skips)


def test_heading_questions_with_bold_answers_and_bare_letters_in_details(tmp_path: Path) -> None:
    text = (
        "# Practice\n\n### Question 1\n\nA shop must keep uploads durably. Which service fits?\n\n"
        "- A. Amazon S3\n- B. Instance store\n\n**Answer:** A\n\n"
        "**Explanation:** built for durability.\n\n---\n\n"
        "**2. Which service runs a managed relational engine?**\n\nA. Amazon RDS  \nB. AWS Lambda  \n\n"
        "Answer: A  \nExplanation: it patches and backs up the engine.\n\n"
        "### Question 3\nWhich two run code without servers? (Choose 2)\n* A) AWS Lambda\n* B) Amazon EC2\n"
        "* C) AWS Fargate\n\n<details>\n<summary>Answer</summary>\n\nA, C — nothing to patch.\n</details>\n"
    )
    cards = mcqs(imp(tmp_path, text))
    assert [(c.question, c.correct) for c in cards] == [
        ("A shop must keep uploads durably. Which service fits?", (0,)),
        ("Which service runs a managed relational engine?", (0,)),
        ("Which two run code without servers? (Choose 2)", (0, 2)),
    ]
    assert [c.explanation for c in cards] == [
        "built for durability",
        "it patches and backs up the engine",
        "nothing to patch",
    ]


def test_a_hidden_key_of_letters_joined_by_and(tmp_path: Path) -> None:
    # options typed as lines under the question, the key alone in a one-line <details>: "and" is
    # a joining word, its letters ("a", "d") name no option (round 23, held out)
    text = (
        "# Practice\n\n### 7. A team pays for steady servers up front. Which two cost least? (Choose two.)\n"
        "\n"
        "A. Spot capacity  \nB. Pay as you go  \nC. Reserved capacity  \nD. Savings Plans  \n"
        "<details><summary>Answer</summary>C and D</details>\n\n---\n\n"
        "### 8. Which one stores objects?\n\nA. Amazon S3  \nB. AWS Lambda  \n"
        "<details><summary>Answer</summary>A</details>\n"
    )
    r = imp(tmp_path, text)
    assert [c.correct for c in mcqs(r)] == [(2, 3), (0,)]
    assert not [w for w in r.warnings if "are marked" in str(w)]


def test_an_aspect_heading_is_shown_with_the_heading_it_belongs_to(tmp_path: Path) -> None:
    # "### Performance" under "## FSx for Lustre" under the page's "# Shared file systems": the title
    # alone does not say whose performance the card asks about (round 23, held out)
    text = (
        "# Shared file systems\n\n## FSx for Lustre\n\n### Performance\n\n"
        "- Latency: well under a millisecond for most reads\n\n"
        "## Elastic File System\n\n### Considerations\n\n- Modes: bursting or provisioned throughput\n"
    )
    assert fronts(imp(tmp_path, text)) == [
        "Latency (Shared file systems › FSx for Lustre › Performance)",
        "Modes (Shared file systems › Elastic File System › Considerations)",
    ]


def test_true_or_false_statements_and_marked_key_lines(tmp_path: Path) -> None:
    # bold numbers as paragraphs, the key on a "✅ Answer:" line and a "💬" explanation in another
    # language; a statement to judge "True or False?" (round 24, held out)
    text = (
        "# Quiz\n\n**1.**\nWhich service keeps secrets and rotates them?\nA. AWS Secrets Manager\n"
        "B. Amazon S3\n✅ **Answer: A**\n💬 **Explicación:** rota las credenciales por sí mismo.\n\n---\n\n"
        "**2.**\nAn SQS queue keeps messages for at most one day. True or False?\n✅ **Answer: False**\n"
        "💬 It keeps them up to fourteen days.\n\n"
        "**3.** A Lambda function can run for fifteen minutes. (True/False)\n\nAnswer: True\n"
    )
    r = imp(tmp_path, text)
    assert [(c.question, c.options, c.correct, c.explanation) for c in mcqs(r)] == [
        (
            "Which service keeps secrets and rotates them?",
            ("AWS Secrets Manager", "Amazon S3"),
            (0,),
            "rota las credenciales por sí mismo",
        ),
        (
            "An SQS queue keeps messages for at most one day. True or False?",
            ("True", "False"),
            (1,),
            "It keeps them up to fourteen days",
        ),
        ("A Lambda function can run for fifteen minutes. (True/False)", ("True", "False"), (0,), ""),
    ]
    assert [c for c in r.cards if not isinstance(c, McqCard)] == []


def test_the_scene_of_a_sample_exam_question_waits_in_triage(tmp_path: Path) -> None:
    # the figures of one worked question ("we need 4 servers") are that case's, not facts (round 24)
    text = (
        "# Resilience\n\n## Sample Exam Question\n\n"
        "The shop needs at least 4 servers running, spread over 2 zones.\n\n"
        "## Zones\n\n- A Region has at least 3 Availability Zones\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["Resilience — A Region has at least [...] Availability Zones"]
    assert r.summary()["triage_reasons"] == {"a step of a worked example": 1}


def test_a_section_title_after_a_dash_is_no_answer(tmp_path: Path) -> None:
    # "* The Exam - What to Expect" over its points: the label names the list, "What to Expect" is
    # no definition of "The Exam" (round 24)
    text = "# Course\n\n* Streams - How it works\n  * Producers write records\n  * Consumers read them\n"
    r = imp(tmp_path, text)
    assert not [c for c in fronts(r) if c.startswith("Streams (")]
    assert r.summary()["triage_reasons"].get("the answer is a label, not a fact") == 1


def test_a_count_of_regions_or_zones_is_trivia(tmp_path: Path) -> None:
    # how many Regions the network has this year dates quickly; how many zones a Region has at least
    # does not (round 25)
    text = (
        "# Global network\n\n- Last I checked there were 37 Regions in all\n"
        "- Each Region has at least 3 zones, isolated from one another\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["Global network — Each Region has at least [...] zones, isolated from one another"]
    assert list(r.summary()["triage_reasons"]) == [
        "the blank hides trivia (a year, a vendor's gain, '100%' for 'fully', a count of Regions or zones)"
    ]


def test_a_quiz_of_numbered_question_headings_with_only_the_right_answers(tmp_path: Path) -> None:
    # "### 1. ...?" with the right answer alone under it (a quote line, or the right options as a short
    # list) and a code block of notes: the learner's own flashcards (round 26, held out)
    quiz = (
        "# Quiz\n\n### 1. Which two parts does a site-to-site VPN need on the AWS side?\n\n"
        "* Virtual private gateway\n* VPN connection\n\n```\nCorrect Answer: B\n```\n\n"
        "### 2. What does a dedicated line to AWS give? Pick the best answer.\n\n"
        "> Steady throughput and lower transfer prices\n\n"
        "### 3. Which metric counts items pushed out of a cache?\n\n* Evictions\n"
    )
    assert pairs(imp(tmp_path, quiz)) == [
        (
            "Which two parts does a site-to-site VPN need on the AWS side?",
            "Virtual private gateway; VPN connection",
        ),
        (
            "What does a dedicated line to AWS give? Pick the best answer.",
            "Steady throughput and lower transfer prices",
        ),
        ("Which metric counts items pushed out of a cache?", "Evictions"),
    ]
    # notes with one numbered question heading over facts: read as notes, as before
    notes = "# Storage\n\n### 1. What is S3?\n\n- Durability: eleven nines over a year\n"
    assert fronts(imp(tmp_path, notes)) == ["Durability (What is S3?)"]


def test_highlights_in_table_cells_and_a_range_in_two_size_units(tmp_path: Path) -> None:
    # "==...==" in a table cell marks a highlight, shown as plain words; "4GiB - 16 TiB" is a range of
    # sizes, not "4GiB" and its meaning (round 26)
    text = (
        "# Volumes\n\n| Volume | Best for |\n|---|---|\n| gp3 | ==most workloads==, priced by size |\n\n"
        "## io2\n\n- Size: 4GiB - 64 TiB\n"
    )
    r = imp(tmp_path, text)
    assert not any("==" in p for p in prompts(r)) and not any("==" in b for _, b in pairs(r))
    assert ("gp3: Best for? (Volumes)", "most workloads, priced by size") in pairs(r)
    assert ("Size (Volumes › io2)", "4GiB - 64 TiB") in pairs(r)
    alone = imp(tmp_path, "# Volumes\n\n## io2\n\n- Low latency\n- 4GiB - 64 TiB\n", name="n.md")
    assert not any("4GiB" in p for p in prompts(alone))  # (not "4GiB: [...]")


def test_a_vocabulary_label_and_a_number_typed_before_a_term(tmp_path: Path) -> None:
    # "Vocab: X - meaning": the term is X, not "Vocab"; "1. X - meaning" typed in a paragraph: the term
    # is X, not "1. X" (round 26)
    text = (
        "# Monitoring\n\nVocab: Telemetry - the data a system gives off about how it runs\n\n"
        "It has two parts:\n    1. Metrics store - keeps numeric series for fifteen months\n"
    )
    assert fronts(imp(tmp_path, text)) == ["Telemetry (Monitoring)", "Metrics store (Monitoring)"]


def test_a_formula_a_json_event_and_a_dash_typed_before_a_meaning(tmp_path: Path) -> None:
    # a LaTeX formula whose backslashes the Markdown ate, a sample event in JSON, "Term: - meaning"
    # (round 27)
    text = (
        "# Routing\n\n- Share of traffic: $ {displaystyle text {this weight} over text {all weights}} $\n"
        '- sampleEvent: { "user": "Ana", "plan": "free" }\n'
        "- Redrive to source: - moves messages from the dead-letter queue back to their queue\n"
    )
    r = imp(tmp_path, text)
    assert pairs(r) == [
        ("Redrive to source (Routing)", "moves messages from the dead-letter queue back to their queue")
    ]
    assert r.summary()["triage_reasons"] == {
        "markup or template text left in": 1,
        "the answer is a JSON document, not a fact": 1,
    }


def test_a_table_row_written_as_a_line_waits_in_triage(tmp_path: Path) -> None:
    r = imp(tmp_path, "# Access\n\n- Sign-in: user pool | Permission = method settings\n")
    assert r.cards == [] and r.summary()["triage_reasons"] == {"markup or template text left in": 1}


def test_a_repository_paperwork_file_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "CONTRIBUTING.md").write_text(
        "# How to help\n\n- **Pull requests**: open one against the main branch\n", encoding="utf-8"
    )
    (tmp_path / "notes" / "security.md").write_text(
        "# Security\n\n- **KMS**: a managed service for encryption keys\n", encoding="utf-8"
    )
    notes = [NoteFile(f"notes/{p.name}", p) for p in sorted((tmp_path / "notes").iterdir())]
    r = run_import(notes, "t", TOPICS)
    assert fronts(r) == ["KMS (Security)"]
    assert [s.reason for s in r.skips if s.file == "notes/CONTRIBUTING.md"] == ["repository file"]


def test_a_note_label_is_no_question_even_under_a_heading(tmp_path: Path) -> None:
    text = "# Instances\n\n## Lifecycle\n\n- **Note**: a stopped instance still pays for its volumes\n"
    r = imp(tmp_path, text)
    assert r.cards == [] and r.summary()["triage_reasons"] == {"a generic label as the question": 1}


def test_exam_preparation_sections_and_pronoun_labels(tmp_path: Path) -> None:
    text = (
        "# Guide\n\n## Exam preparation\n\n- **Question kinds**: single answer and multiple answer\n\n"
        "# Firewalls\n\n- They filter\n  - ports\n  - address ranges\n"
    )
    r = imp(tmp_path, text)
    assert [c for c in r.cards if c.type == "basic"] == []
    assert r.summary()["triage_reasons"] == {"exam logistics or marketing": 1}


def test_an_explanation_label_takes_the_paragraphs_after_it(tmp_path: Path) -> None:
    text = (
        "# Drill\n\n## Question 1\n\nWhich store answers in under a millisecond?\n\n"
        "- A. Object storage\n- B. An in-memory cache\n\n**Correct answer: B**\n\n**Explanation:**\n\n"
        "A cache keeps data in memory.\n\nOption A is wrong: objects are read over HTTP.\n\n"
        "## Question 2\n\nWhich one is serverless?\n\n- A. A function service\n- B. A virtual server\n\n"
        "Answer: A\n"
    )
    r = imp(tmp_path, text)
    cards = mcqs(r)
    assert [c.correct for c in cards] == [(1,), (0,)]
    assert cards[0].explanation == (
        "A cache keeps data in memory. Option A is wrong: objects are read over HTTP"
    )
    assert all(isinstance(c, McqCard) for c in r.cards)


def test_a_list_ending_in_c_plus_plus_is_not_cut_short(tmp_path: Path) -> None:
    r = imp(tmp_path, "# Kits\n\n- Official kits:\n  - Java\n  - Python\n  - C++\n")
    assert pairs(r) == [("Official kits", "Java; Python; C++")]


def test_steps_headings_and_select_answers_wait_and_first_person_notes_stay(tmp_path: Path) -> None:
    text = (
        "# Functions\n\n## Here are the steps to create the function\n\n"
        "- **Memory**: pick what the job needs\n\n"
        "## Pricing by analogy\n\n- **On demand**: we pay the full room price per night\n"
        "- **Reserved**: we book a year ahead and pay less per night\n- **Spot**: we bid for empty rooms\n\n"
        "## Settings\n\n- **Timeout**: Select a limit for each run\n"
    )
    r = imp(tmp_path, text)
    assert [c.front.split(" (")[0] for c in r.cards if isinstance(c, BasicCard)] == [
        "On demand",
        "Reserved",
        "Spot",
    ]
    assert sorted(p.card["front"].split(" (")[0] for p in r.triage) == ["Memory", "Timeout"]


def test_summary_labels_and_question_answers_wait_and_praise_is_no_definition(tmp_path: Path) -> None:
    text = (
        "# Links\n\n## Peering\n\n- **Summary**: peering joins two networks privately\n"
        "- **Latency**: will it grow over time?\n\n# Devices\n\n"
        "- A transfer box is a strong choice when the link is slow and the data is large\n"
    )
    r = imp(tmp_path, text)
    assert r.cards == [] and len(r.triage) == 2


def test_quiz_results_letters_examples_and_emphasis_headings(tmp_path: Path) -> None:
    text = (
        "# Practice log\n\n## Results\n\n- Question 4: Incorrect\n- Question 5: Correct\n\n"
        "# Kinesis\n\n## Very important exam topic!\n\n"
        "- A shard takes up to 1 MB/s or 1,000 records/s of writes\n\n"
        "## Identity\n\n- A: Identities\n- Principal: the user or role that makes a request\n\n"
        "## Visibility\n\n- The queue hides a message for a while after a read (e.g. 30 seconds)\n"
    )
    r = imp(tmp_path, text)
    why = {t.card.get("front") or t.card.get("text"): t.reasons for t in r.triage}
    assert sum(any("quiz result" in w for w in ws) for ws in why.values()) == 2
    # "- A: Identities" is an option of some question: no card, not even one to triage
    assert not any("Identities" in str(t.card) for t in r.triage)
    assert not any("Identities" in str(c) for c in r.cards)
    assert any(any("hides an example" in w for w in ws) for ws in why.values())
    # an emphasis heading is no context: the topic above it is
    shard = next(c for c in r.cards if "shard" in c.prompt())
    assert shard.prompt().startswith("Kinesis — ") and "important" not in shard.prompt().lower()
    assert fronts(r) == ["Principal (Kinesis › Identity)"]


def test_exam_dump_shapes_most_voted_option_lead_and_letter_lines(tmp_path: Path) -> None:
    # three shapes of answer seen in dumps of exam sites, and the bullets explaining an answer
    text = (
        "## Question 1\n\nWhich service runs steps in order and retries a failed one?\n\n"
        "- A. AWS Batch\n- B. AWS Step Functions Most Voted\n- C. AWS Glue\n\n"
        "## Question 2\n\nWhich feature changes an object as it is read?\n\n"
        "- A. S3 event notifications\n- B. S3 Object Lambda\n- C. S3 Inventory\n\n"
        "**Option B:** an Object Lambda access point runs a function on each GET.\n\n"
        "- **One copy:** only the original object is stored\n\n"
        "## Question 3\n\nHow does a function keep older versions reachable?\n\n"
        "- A. A second account\n- B. An alias per version\n- C. A bigger timeout\n\n"
        "B\n[Reveal Solution](https://example.com/q3)    [Discussion 4](https://example.com/d3)\n"
    )
    r = imp(tmp_path, text)
    cards = mcqs(r)
    assert [c.correct for c in cards] == [(1,), (1,), (1,)]
    assert cards[0].options == ("AWS Batch", "AWS Step Functions", "AWS Glue")  # the mark is not an option
    assert "runs a function on each GET" in cards[1].explanation
    assert cards[2].explanation == ""  # a letter and two links explain nothing
    assert len(r.cards) == 3  # "One copy (Question 2)" would answer a question the card does not show
    assert any(s.reason == "practice question's explanation" for s in r.skips)


def test_package_readmes_double_dash_terms_quoted_words_and_self_described_commands(tmp_path: Path) -> None:
    readme = (
        "# orders-service-backend\n\norders-service-backend is a backend built with API Gateway, Lambda "
        "and DynamoDB. Deploy it with the steps in the wiki.\n\n## License\n\nMIT.\n"
    )
    r = imp(tmp_path, readme, name="README.md")
    assert r.cards == []  # a package's README: its lines are setup, not study notes
    two_part = readme.replace("orders-service-backend", "orders-backend")
    assert imp(tmp_path, two_part, name="README.md").cards == []
    notes = (
        "# Databases\n\n**DynamoDB** -- A serverless key-value and document database.\n\n"
        '* **Tape storage**: "Active" virtual tapes stay in S3 for quick reads.\n\n'
        "## Commands\n\n| Command | Description |\n|---|---|\n"
        "| `aws rds describe-db-instances` | Describe RDS instances |\n"
        "| `aws rds create-db-snapshot` | Takes a manual snapshot you keep until you delete it |\n"
    )
    backs = {c.back for c in imp(tmp_path, notes).cards if isinstance(c, BasicCard)}
    assert "A serverless key-value and document database" in backs  # no "- " left from "--"
    assert '"Active" virtual tapes stay in S3 for quick reads' in backs  # the opening quote stays
    assert "Takes a manual snapshot you keep until you delete it" in backs
    assert "Describe RDS instances" not in backs  # the command's own name is no description


def test_quiz_options_in_a_code_block_marked_with_arrows(tmp_path: Path) -> None:
    one = (
        "### Which store keeps session data with microsecond reads?\n\n"
        "```\nAmazon S3\n>> Amazon ElastiCache\nAmazon EFS\n```\n\n"
    )
    two = (
        "### Which two services can run code on a schedule? (Choose 2)\n\n"
        "```\n>EventBridge Scheduler\nAmazon SNS\n>AWS Lambda with a cron rule\nAmazon SES\n```\n\n"
        "A schedule rule invokes a target.\n\n* SNS only fans messages out.\n"
    )
    three = "### Which log records API calls?\n\n```\n> CloudTrail\nCloudWatch metrics\n```\n"
    r = imp(tmp_path, "# Quiz 1\n\n" + one + two + three)
    cards = mcqs(r)
    assert [c.correct for c in cards] == [(1,), (0, 2), (0,)]
    assert (
        cards[1].options[0] == "EventBridge Scheduler"
        and cards[1].explanation == "A schedule rule invokes a target"
    )
    assert len(r.cards) == 3  # the bullet explaining question two is no card of its own
    # a shell session is no quiz: no question above it
    shell = imp(
        tmp_path, "# Setup\n\nThe prompt:\n\n```\n> npm install\nadded 3 packages\n```\n", name="s.md"
    )
    assert not mcqs(shell)


def test_file_names_labs_and_code_trees(tmp_path: Path) -> None:
    # a file with no title: its name says what the section headings are about
    r = imp(
        tmp_path,
        "### Sources\n\n- **Athena**: reads query results\n\n### Files\n\n- **XLSX**: Excel workbooks\n",
        name="QuickSight.md",
    )
    assert [c.front for c in r.cards] == ["Athena (QuickSight › Sources)", "XLSX (QuickSight › Files)"]
    # a lab's write-up: what was done, in the past tense, under a Labs folder
    lab = tmp_path / "Labs" / "Streams"
    lab.mkdir(parents=True)
    (lab / "README.md").write_text(
        "# Lab: a data stream\n\n## Steps Performed\n\n- Logged into the console as an admin user\n"
        "- Created a new stream named `orders` with on-demand capacity\n"
        "- **Producer**: a script sending records with put_record\n- **Retention**: 1 day\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.md").write_text(
        "# Kinesis\n\n- **Shard**: the unit of capacity of a stream\n", encoding="utf-8"
    )
    done = run_import(
        [NoteFile("Labs/Streams/README.md", lab / "README.md"), NoteFile("notes.md", tmp_path / "notes.md")],
        "k",
        TOPICS,
    )
    assert [c.front for c in done.cards] == ["Shard (Kinesis)"]
    assert all(any("lab write-up" in w for w in t.reasons) for t in done.triage)
    # READMEs inside a code tree document the code: the whole import is a project's documents
    names = ["src/backend/orders/README.md", "src/frontend/cart/README.md", "docs/handouts/orders.md"]
    files = []
    for name in names:
        path = tmp_path / "app" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "# Orders\n\n- **Table**: orders are kept in DynamoDB with a stream on\n", encoding="utf-8"
        )
        files.append(NoteFile(name, path))
    app_import = run_import(files, "app", TOPICS)
    assert app_import.cards == [] and app_import.triage
    # a notes repository filed by service ("services/compute/ec2.md") is no code tree
    notes_files = []
    facts = {
        "services/compute/ec2.md": "- **Hibernation**: keeps the memory on the root volume while stopped\n",
        "services/storage/s3.md": "- **Versioning**: keeps every version of an object in a bucket\n",
        "services/database/rds.md": "- **Read replica**: an asynchronous copy that serves reads\n",
    }
    for name, fact in facts.items():
        path = tmp_path / "notes-repo" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {path.stem.upper()}\n\n{fact}", encoding="utf-8")
        notes_files.append(NoteFile(name, path))
    assert len(run_import(notes_files, "notes", TOPICS).cards) == 3


def test_statements_as_questions_and_exam_weight_tables_wait_in_triage(tmp_path: Path) -> None:
    text = (
        "# Outposts\n\n## Traps\n\n"
        "- **Load tests at scale DO need approval**: floods of traffic count as attacks\n"
        "- **Rack**: the 42U unit that AWS installs on site\n\n"
        "## Domain Level Breakup\n\n| Domain | Percentage |\n|---|---|\n"
        "| Collection | 18% |\n| Storage | 22% |\n"
    )
    r = imp(tmp_path, text)
    assert [c.front for c in r.cards] == ["Rack (Outposts › Traps)"]
    reasons = [w for t in r.triage for w in t.reasons]
    assert any("a statement as the question" in w for w in reasons)
    assert sum("exam logistics" in w for w in reasons) == 2


def test_a_service_title_over_a_long_heading_and_option_verdicts(tmp_path: Path) -> None:
    text = (
        "# Amazon GuardDuty\n\n## Trusted IP List / Threat Intel Lists\n\n"
        "- **Trusted IP list**: findings from these addresses are not raised\n\n"
        "## Practice question\n\n- **B is incorrect**: a backup plan does not stop a leak\n"
    )
    r = imp(tmp_path, text)
    assert [c.front for c in r.cards] == [
        "Trusted IP list (Amazon GuardDuty › Trusted IP List / Threat Intel Lists)"
    ]
    assert any("an option of an unseen question" in w for t in r.triage for w in t.reasons)


def test_copies_of_a_question_with_different_answers_wait_in_triage(tmp_path: Path) -> None:
    q = "### Which service queues messages between services?\n\n- [{a}] Amazon SQS\n- [{b}] Amazon SES\n\n"
    agree = imp(tmp_path, "# Set 1\n\n" + q.format(a="x", b=" ") + "# Set 2\n\n" + q.format(a="x", b=" "))
    assert len(mcqs(agree)) == 1 and agree.triage == []  # the same key: one card with both sources
    clash = imp(tmp_path, "# Set 1\n\n" + q.format(a="x", b=" ") + "# Set 2\n\n" + q.format(a=" ", b="x"))
    assert mcqs(clash) == [] and len(clash.triage) == 1
    assert any("notes.md:10 has another answer" in w for w in clash.triage[0].reasons)


def test_a_question_written_in_headed_sections(tmp_path: Path) -> None:
    text = (
        "## 1 - Queues\n\n### 1.1 - Original Question\n\nWhich **two** services decouple a producer "
        "from its consumers?\n\n### 1.2 - Choices\n\nA. Amazon SQS  \nB. Amazon EBS  \nC. Amazon SNS  \n"
        "D. AWS Batch\n\n### 1.3 - Correct Answer\n\n**A. Amazon SQS**  \n**C. Amazon SNS**\n\n"
        "### 1.4 - Why?\n\nBoth hold or fan out messages so the sides scale apart.\n"
    )
    (card,) = mcqs(imp(tmp_path, text))
    assert card.question == "Which two services decouple a producer from its consumers?"
    assert card.options == ("Amazon SQS", "Amazon EBS", "Amazon SNS", "AWS Batch")
    assert card.correct == (0, 2)
    assert card.explanation == "Both hold or fan out messages so the sides scale apart"


def test_options_indented_too_little_or_too_much_under_a_numbered_question(tmp_path: Path) -> None:
    shallow = (
        "# Exam 2\n\n1. A team must stop other sites from calling its API. Which setting helps?\n\n"
        "  - A. Account-level throttling\n  - B. A CORS allow-list\n  - C. A bigger cache\n\n"
        "  <details><summary>Answer</summary>\n    Correct answer: B\n  </details>\n"
    )
    (card,) = mcqs(imp(tmp_path, shallow))
    assert card.question == "A team must stop other sites from calling its API. Which setting helps?"
    assert card.correct == (1,)
    deep = (
        "# Exam 1\n\nA worker environment runs jobs on a schedule.\n\nWhich file defines the schedule?\n\n"
        "    - A. env.yaml\n    - B. cron.yaml\n    - C. appspec.yml\n\n"
        "<details><summary>Answer</summary>\n  Correct answer: B\n</details>\n"
    )
    (card,) = mcqs(imp(tmp_path, deep, name="deep.md"))
    assert card.options == ("env.yaml", "cron.yaml", "appspec.yml") and card.correct == (1,)


def test_arrow_definitions_and_bullet_characters_typed_in_a_paragraph(tmp_path: Path) -> None:
    text = (
        "# Taglines\n\n* **SQL** => Relational databases\n* **In-memory cache** -> ElastiCache\n\n"
        "## Accelerator\n\n• **Static IPs**: two, in front of your endpoints\n"
        "• **Traffic**: TCP and UDP over the AWS network\n"
    )
    backs = [c.back for c in imp(tmp_path, text).cards if isinstance(c, BasicCard)]
    assert backs == [
        "Relational databases",
        "ElastiCache",
        "two, in front of your endpoints",
        "TCP and UDP over the AWS network",
    ]
    heading = imp(
        tmp_path,
        "# Quiz\n\n### - Why?\n\n- **Scope 1**: a public app that calls a hosted model\n",
        name="h.md",
    )
    assert [c.front for c in heading.cards] == ["Scope 1 (Quiz › Why?)"]  # no "- " typed in a heading


def test_points_typed_inline_with_bullet_characters_are_read_one_by_one(tmp_path: Path) -> None:
    text = (
        "# Queues\n\n## Waiting for messages\n\n"
        "- Polls for up to 20 seconds per call • Cuts the number of empty answers\n\n"
        "## Failed messages\n\n"
        "- • Park the messages that keep failing • Redrive settings include:\n"
        "  - Max receive count\n  - Target queue\n"
    )
    r = imp(tmp_path, text)
    clozes = [c.text for c in r.cards if not isinstance(c, BasicCard)]
    assert clozes == ["Queues › Waiting for messages — Polls for up to {{20 seconds}} per call"]
    shown = fronts(r)
    assert shown == ["Redrive settings include (Queues › Failed messages)"]  # no "•" in the prompt
    assert all("•" not in (c.front if isinstance(c, BasicCard) else c.text) for c in r.cards)


def test_a_pointer_typed_as_greater_than_and_a_deictic_subject(tmp_path: Path) -> None:
    text = (
        "# Which service\n\n- Columnar warehouse : > Redshift\n\n"
        "Below is a comparison of the three kinds of address we met today.\n"
    )
    r = imp(tmp_path, text)
    assert pairs(r) == [("Columnar warehouse (Which service)", "Redshift")]


def test_a_table_of_items_and_values_is_read_as_terms_not_as_a_comparison(tmp_path: Path) -> None:
    text = (
        "# Sign-in\n\n## Quotas worth knowing\n\n| Item | Value |\n|---|---|\n"
        "| Users a month inside the free tier | Fifty thousand |\n| Life of an ID token in minutes | 60 |\n\n"
        "## Two firewalls\n\n| Security Group | Network ACL |\n|---|---|\n"
        "| Guards one instance at a time | Guards a whole subnet |\n"
        "| Remembers each open connection | Judges each packet |\n"
    )
    cards = pairs(imp(tmp_path, text))
    assert cards == [
        ("Users a month inside the free tier (Sign-in › Quotas worth knowing)", "Fifty thousand"),
        ("Life of an ID token in minutes (Sign-in › Quotas worth knowing)", "60"),
        (
            "Security Group: Guards one instance at a time — Network ACL? (Sign-in › Two firewalls)",
            "Guards a whole subnet",
        ),
        (
            "Security Group: Remembers each open connection — Network ACL? (Sign-in › Two firewalls)",
            "Judges each packet",
        ),
    ]


def test_a_blank_to_fill_and_bold_closed_after_a_space_are_no_markup(tmp_path: Path) -> None:
    text = (
        "# Check\n\n**__________ runs SQL over files kept in S3.**\n\n"
        "- [ ] Kinesis\n- [x] Athena\n- [ ] Redshift\n\n---\n\n"
        "**Which statement about queues is false? **\n\n"
        "- [x] A standard queue keeps strict order\n- [ ] A FIFO queue keeps order\n\n---\n\n"
        "**What holds the messages that keep failing?**\n\n- [ ] A topic\n- [x] A dead-letter queue\n"
    )
    r = imp(tmp_path, text)
    assert [c.question for c in mcqs(r)] == [
        "__________ runs SQL over files kept in S3.",
        "Which statement about queues is false?",
        "What holds the messages that keep failing?",
    ]
    assert not r.triage  # all three are read into the deck, none waits for "markup left in"


def test_a_study_diary_bold_titles_and_escaped_headings(tmp_path: Path) -> None:
    text = (
        "# Day 4 \\- March 11\n\n**Block storage**\n\n"
        "- gp3: baseline of 3,000 IOPS whatever the size\n"
        "- st1: throughput disks for big sequential reads\n\n"
        "**Beanstalk pieces**\n\n- Application\n- Application version\n- Environment\n\n"
        "## Week 2\n\n- Only the code is yours to manage in Beanstalk\n"
        "- Just-in-time migration: users move at their first sign-in\n"
    )
    r = imp(tmp_path, text)
    shown = [c.front if isinstance(c, BasicCard) else c.text for c in r.cards]
    assert shown == [
        "Block storage — gp3: baseline of {{3,000}} IOPS whatever the size",
        "st1 (Block storage)",
        "Beanstalk pieces",
        "Just-in-time migration",
    ]
    assert all("Day 4" not in s and "\\" not in s and "Week 2" not in s for s in shown)


def test_a_table_of_the_notes_own_parts_makes_no_cards(tmp_path: Path) -> None:
    text = (
        "# Practice sets\n\n| Set | What it covers |\n|---|---|\n| Set 1 | Cloud basics |\n"
        "| Set 2 | Networking and content delivery |\n| Part IV | Billing |\n\n"
        "| Port | Protocol |\n|---|---|\n| 22 | SSH |\n| 3389 | RDP |\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == [
        "22: Protocol? (Practice sets)",
        "3389: Protocol? (Practice sets)",
    ]
    assert sum(s.reason == "link only" for s in r.skips) == 3


BOLD_QUIZ = """# Storage quiz

### 1. What is the largest object S3 stores?
1. 5 GB
2. **5 TB**
3. 50 TB

### 2. What is the largest object one PUT can upload to S3?
1) **5 GB**
2) 5 TB
3) 50 TB

### 3. A ______ queue keeps the messages that failed too often
1. **dead-letter**
2. delay
3. FIFO

### 4. Which of these are storage classes of S3? (Select TWO)
1. **Glacier Deep Archive**
2. **Intelligent-Tiering**
3. Cold HDD
4. READ_ACP
"""


def test_a_quiz_that_marks_its_right_options_in_bold(tmp_path: Path) -> None:
    r = imp(tmp_path, BOLD_QUIZ)
    assert [(c.question, c.correct) for c in mcqs(r)] == [
        ("What is the largest object S3 stores?", (1,)),
        ("What is the largest object one PUT can upload to S3?", (0,)),  # not merged into the first
        ("A ______ queue keeps the messages that failed too often", (0,)),  # the blank kept as typed
        ("Which of these are storage classes of S3? (Select TWO)", (0, 1)),
    ]
    assert mcqs(r)[0].options == ("5 GB", "5 TB", "50 TB") and not r.triage
    assert [c for c in r.cards if not isinstance(c, McqCard)] == []  # no notes made of the options
    # one such list under a question is a note with a word in bold, not a quiz
    note = "# Queues\n\n## Which queue keeps order?\n\n- **FIFO** keeps it\n- standard does not\n"
    assert mcqs(imp(tmp_path, note, name="n.md")) == []


def test_lettered_file_names_arrow_bullets_starred_headings_and_what_the_exam_tests(tmp_path: Path) -> None:
    text = (
        "### Consolidated billing ***\n\n- Discounts: volume pricing over every account together\n\n"
        "### Forwarding headers\n\n- Forward every header\n"
        "    - => caching is off, so the TTL must be 0 seconds\n\n"
        "### Why it matters\n\nThe exam frequently tests:\n\n- pricing models\n- budgets\n"
    )
    r = imp(tmp_path, text, name="P- Account_Management.md")
    shown = [c.front if isinstance(c, BasicCard) else c.text for c in r.cards]
    assert shown == [
        "Discounts (Account Management › Consolidated billing)",
        "Account Management › Forwarding headers › Forward every header — caching is off, so the TTL must "
        "be {{0 seconds}}",
    ]
    waiting = [p.card["front"] for p in r.triage]
    assert waiting == ["The exam frequently tests (Account Management › Why it matters)"]


def test_options_that_each_carry_a_verdict_and_its_reason(tmp_path: Path) -> None:
    text = (
        "## Question 1:\n\nWhich scaling keeps a metric at a chosen value?\n\n"
        "- A) Scheduled scaling\n  - Incorrect: it acts at set times.\n"
        "- B) Target tracking\n  - Correct: it adds or removes instances to hold the target.\n"
        "- C) Manual scaling\n  - Incorrect: nothing moves by itself.\n"
    )
    r = imp(tmp_path, text)
    (card,) = mcqs(r)
    assert card.options == ("Scheduled scaling", "Target tracking", "Manual scaling")
    assert card.correct == (1,) and card.explanation == "it adds or removes instances to hold the target"
    assert len(r.cards) == 1  # the verdicts make no notes


def test_an_is_a_sentence_of_three_words_defines_nothing(tmp_path: Path) -> None:
    text = "# Identity\n\nIAM is a global service.\n\nSTS is a service that hands out short-lived keys.\n"
    assert fronts(imp(tmp_path, text)) == ["What is STS? (Identity)"]


def test_a_question_in_a_code_block_with_plus_and_minus_options(tmp_path: Path) -> None:
    text = (
        "```\nWhich service caches content near the viewers?\n\n    + CloudFront\n    - WAF\n    - Shield\n\n"
        "CloudFront - serves copies from edge locations.\n```\n\n"
        "```\n- step one\n- step two\n```\n"
    )
    (card,) = mcqs(imp(tmp_path, text))
    assert card.question == "Which service caches content near the viewers?"
    assert card.options == ("CloudFront", "WAF", "Shield") and card.correct == (0,)
    assert card.explanation == "CloudFront - serves copies from edge locations"


def test_a_table_of_things_properties_and_values_and_an_index_of_pages(tmp_path: Path) -> None:
    text = (
        "# Numbers\n\n| Service | Setting | Default |\n|---|---|---|\n"
        "| SQS | Visibility timeout | 30 seconds |\n| SQS | TODO | TODO |\n"
        "| SNS | Topics per account | 100,000 |\n\n"
        "## Pages\n\n- [Compute](./compute/)\n  - [EC2](./compute/ec2.md)\n"
        "  - [Lambda](./compute/lambda.md)\n"
    )
    r = imp(tmp_path, text)
    assert pairs(r) == [
        ("SQS: Visibility timeout? (Numbers)", "30 seconds"),
        ("SNS: Topics per account? (Numbers)", "100,000"),
    ]


def test_triage_plain_at_the_end_of_input_ends_the_prompt_line(deck: Path) -> None:
    invoke("import", str(deck))
    res = invoke("triage", "--deck", "walk", "--plain", stdin="k\n")  # input ends at the second card
    assert res.exit_code == 0, res.output
    assert "\nStopped; every decision so far is saved." in res.stdout and "> Stopped" not in res.stdout


def test_why_and_focus_sections_of_sectioned_questions_make_no_cards(tmp_path: Path) -> None:
    one = (
        "## {n} - Topic {n}\n\n### {n}.1 - Original Question\n\nWhich store fits case {n}?\n\n"
        "### {n}.2 - Choices\n\nA. Amazon S3  \nB. Amazon EBS\n\n"
        "### {n}.3 - Correct Answer\n\n**A. Amazon S3**\n\n"
        "### {n}.4 - Why?\n\n- **Amazon S3** → object storage for any amount of data\n\n"
        "### {n}.5 - Exam Focus\n\n**Many objects** → think of **S3**\n"
    )
    r = imp(tmp_path, "".join(one.format(n=n) for n in (1, 2, 3)))
    assert len(mcqs(r)) == 3 and len(r.cards) == 3  # the explanations belong to their questions


def test_wiki_links_show_their_text_and_a_line_pointing_at_pages_is_no_card(tmp_path: Path) -> None:
    """Obsidian-style notes: [[Page]] and [[Page|text]] read as their text; "Next: [[Page]]" only says
    where the notes lead, so it makes no card."""
    text = (
        "# Start\n\n- Reviewing today: [[SQS]]\n- New page: copy [[_Service template]]\n\n"
        "# Storage\n\n- Glacier Deep Archive: the cheapest [[S3|Amazon S3]] class, restores within 12 hours\n"
    )
    r = imp(tmp_path, text)
    assert [c.text for c in r.cards if not isinstance(c, BasicCard)] == [
        "Storage — Glacier Deep Archive: the cheapest Amazon S3 class, restores within {{12 hours}}"
    ]
    assert fronts(r) == []  # neither "Reviewing today" nor "New page"


def test_options_of_a_question_in_notes_are_no_cards(tmp_path: Path) -> None:
    """A question kept in a notes file, its options written "- A: ...": no option becomes a definition
    ("C: ...") or a cloze of its number."""
    text = (
        "# Questions\n\n## 1\n\nA team must rotate a partner's key every 3 months. Which service?\n\n"
        "- A: Keep the key in a DynamoDB table and rotate it with a rule every 3 months.\n\n"
        "- B: Keep the key in Secrets Manager with a rotation function.\n\n"
        "- C: Keep the key in a Lambda environment variable.\n"
    )
    r = imp(tmp_path, text)
    assert not [c for c in r.cards if "rotate it with a rule" in str(c) or "environment variable" in str(c)]
    assert "C" not in [f.split(" (")[0] for f in fronts(r)]


def test_a_table_of_the_notes_folders_and_a_references_section_make_no_cards(tmp_path: Path) -> None:
    text = (
        "# My SysOps notes\n\n## Topics\n\n| Topic | What is inside |\n|---|---|\n"
        "| [Placement groups](./placement-groups/) | Cluster, spread and partition, and when to pick each |\n"
        "| [Hibernate](./ec2-hibernate/) | Keeping RAM across a stop, and what it needs |\n\n"
        "## Compared\n\n| Service | Purpose |\n|---|---|\n"
        "| [CloudFront](../cdn/cloudfront.md) | Caches content at edge locations |\n"
        "| [Global Accelerator](../cdn/accelerator.md) | Routes TCP and UDP over the AWS network |\n\n"
        "## References\n\n- Study Guide for the SysOps exam, second edition, by two authors I like\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["CloudFront: Purpose? (Compared)", "Global Accelerator: Purpose? (Compared)"]


def test_scene_question_with_colon_options_and_a_listed_correct_answer(tmp_path: Path) -> None:
    """The shape of official sample questions: a scene in paragraphs, "Which ... these requirements?",
    options "- A: ...", then "Correct answer(s)" above a list repeating the right options, each with its
    reason indented under it. One mcq with the scene in its question; no card from the scene."""
    text = (
        "# Sample questions\n\n## 1\n\nA shop keeps a partner's key that changes every 3 months. The shop "
        "must keep working while the key changes.\n\nWhich solution will meet these requirements?\n\n"
        "- A: Keep the key in a DynamoDB table.\n\n- B: Keep the key in Secrets Manager and rotate it with "
        "a function.\n\n- C: Keep the key in an environment variable.\n\n"
        "Correct answer\n\n- B: Keep the key in Secrets Manager and rotate it with a function.\n\n"
        "    Secrets Manager runs the rotation function on a schedule.\n\n"
        "## 2\n\nA team wants two things from one queue.\n\nWhich steps meet these needs? (Select TWO.)\n\n"
        "- A: Long polling.\n\n- B: A dead-letter queue.\n\n- C: A larger message size.\n\n"
        "Correct answers:\n\n- A: Long polling.\n\n- B: A dead-letter queue.\n"
    )
    r = imp(tmp_path, text)
    first, second = mcqs(r)
    assert first.question.startswith("A shop keeps a partner's key that changes every 3 months.")
    assert first.question.endswith("Which solution will meet these requirements?")
    assert first.correct == (1,) and first.options[1].startswith("Keep the key in Secrets Manager")
    assert first.explanation == "Secrets Manager runs the rotation function on a schedule"
    assert second.correct == (0, 1) and len(second.options) == 3
    assert len(r.cards) == 2  # neither the scene nor an option made a card of its own


def test_options_marked_correct_after_their_text_and_an_explanation_heading_over_indented_prose(
    tmp_path: Path,
) -> None:
    """Quiz notes: options as paragraphs "a) ...", the right one ending in "-- correct"; under a heading
    "Explanation for other options", paragraphs indented into a code block. A question that asks for
    two answers but marks one (an option lost to a mistyped letter) is skipped, never keyed wrong."""
    text = (
        "# Quiz\n\n## Which service sends a message to many subscribers at once?\n\n"
        "a) Amazon SQS\n\nb) Amazon SNS -- correct\n\nc) AWS Batch\n\n"
        "### Explanation for other options\n\n"
        "    A topic pushes each message to every subscriber, by email, HTTP or a queue.\n\n"
        "    A queue is read by one consumer at a time.\n\n"
        "## Which terms can a Savings Plan have? (Select TWO.)\n\n"
        "a) 1 year -- correct\n\nb) 2 years\n\na) 3 years --correct\n\nd) 5 years\n"
    )
    r = imp(tmp_path, text)
    (q,) = mcqs(r)
    assert q.options == ("Amazon SQS", "Amazon SNS", "AWS Batch") and q.correct == (1,)
    assert q.explanation.startswith("A topic pushes each message to every subscriber")
    assert any("asks for TWO answers but 1 are marked" in w.message for w in r.warnings)
    assert len(r.cards) == 1


def test_example_amounts_and_made_up_scenes_are_not_asked(tmp_path: Path) -> None:
    """A sentence that sets up a made-up scene ("If you were ...", "Imagine ...") is no card; a number
    given as an example ("for example, $10 an hour") waits in triage; a real limit beside them is asked."""
    text = (
        "# Savings Plans\n\n"
        "- Usage up to the commitment is billed at the plan's rate (for example, $10 an hour)\n"
        "- If you were storing a 90 GB video, each edit would upload all 90 GB again\n"
        "- Imagine 40 servers that each need 2 GB of memory\n"
        "- A Savings Plan lasts 1 or 3 years\n"
    )
    r = imp(tmp_path, text)
    assert [c.text for c in r.cards] == ["Savings Plans — A Savings Plan lasts {{1}} or {{3 years}}"]
    ((text, reasons),) = [(t.card.get("text"), t.reasons) for t in r.triage]
    assert "$10" in text and any("hides an example" in w for w in reasons)


def test_numbered_question_with_its_options_as_a_nested_task_list(tmp_path: Path) -> None:
    """ "1. Which ...?" with "- [x]" / "- [ ]" options indented under it; a note after an option's
    arrow is part of the explanation, not of the option (it would give the answer away)."""
    text = (
        "# Quiz review\n\n"
        "1. Which services keep their resources in one Region? (Choose two.)\n"
        "    - [ ] Amazon CloudFront -> a global service\n"
        "    - [x] Amazon EBS -> volumes live in one zone of a Region\n"
        "    - [x] Amazon SQS -> queues belong to a Region\n"
        "    - [ ] AWS IAM -> a global service\n\n"
        "2. Which service sends email and SMS to subscribers?\n"
        "    - [ ] Amazon SQS\n"
        "    - [x] Amazon SNS\n"
    )
    r = imp(tmp_path, text)
    first, second = mcqs(r)
    assert first.options == ("Amazon CloudFront", "Amazon EBS", "Amazon SQS", "AWS IAM")
    assert first.correct == (1, 2) and "Amazon EBS: volumes live in one zone of a Region" in first.explanation
    assert second.question == "Which service sends email and SMS to subscribers?" and second.correct == (1,)
    assert len(r.cards) == 2


def test_bullets_indented_too_little_under_a_numbered_label_keep_it_as_context(tmp_path: Path) -> None:
    """ "1. Move to Glacier:" then "  * 90 days after creation": two spaces are too few to nest under a
    numbered item in Markdown, yet the bullets are its points; a bold title line is no definition."""
    text = (
        "# S3\n\n## Lifecycle rules\n\n1. Move to Standard-IA:\n  * 30 days after creation\n\n"
        "2. Move to Glacier Flexible Retrieval:\n  * 90 days after creation\n\n"
        "**Amazon Macie – Architectures**\n\n![diagram](macie.png)\n"
    )
    r = imp(tmp_path, text)
    assert [c.text for c in r.cards] == [
        "S3 › Lifecycle rules › Move to Standard-IA — {{30 days}} after creation",
        "S3 › Lifecycle rules › Move to Glacier Flexible Retrieval — {{90 days}} after creation",
    ]


def test_questions_answered_in_a_key_at_the_end_of_the_file(tmp_path: Path) -> None:
    """ "### Question N" with options "- A) ..."; the answers in a section at the bottom, "**Q1 — Answer:
    B (label)**" and the reason under it. Each question takes its own entry; the key makes no cards."""
    text = (
        "# Mock exam\n\n### Question 1\nWhich service stores objects in buckets?\n\n"
        "- A) Amazon EBS\n- B) Amazon S3\n- C) Amazon EFS\n\n---\n\n"
        "### Question 2\nWhich two services run containers? (Choose TWO.)\n\n"
        "- A) Amazon ECS\n- B) Amazon SNS\n- C) AWS Fargate\n\n---\n\n"
        "## Answers\n\n**Q1 — Answer: B (Amazon S3)**\nBuckets hold objects; EBS and EFS are volumes and "
        "file systems.\n\n**Q2 — Answer: A, C**\n"
        "ECS schedules containers and Fargate runs them without servers.\n"
    )
    r = imp(tmp_path, text)
    first, second = mcqs(r)
    assert first.correct == (1,) and first.explanation.startswith("Buckets hold objects")
    assert second.correct == (0, 2) and second.explanation.startswith("ECS schedules containers")
    assert len(r.cards) == 2


def test_the_learners_own_exam_pace_is_no_card(tmp_path: Path) -> None:
    """How fast the learner answers in the exam room is logistics, not AWS: such cards wait in triage."""
    text = (
        "# Before the exam\n\n## Time management\n\n- Target pace: 1 question per 2 minutes\n\n"
        "## Causes of slow pace\n\n- Solution: warm up with 10 sample questions first\n\n"
        "# Kinesis\n\n- A shard takes up to 1 MB/s of writes\n"
    )
    r = imp(tmp_path, text)
    assert [c.prompt() for c in r.cards] == ["Kinesis — A shard takes up to [...] of writes"]
    ((pace),) = r.triage  # the warm-up advice makes no card at all
    assert "question per" in str(pace.card) and any("logistics" in w for w in pace.reasons)


def test_a_label_that_names_only_the_kind_of_remark_is_no_front(tmp_path: Path) -> None:
    """ "**Exam tip:** ...", "Fun Fact: ...", "Resolution: ...": the label says what kind of remark
    follows, not what is asked, even in bold (where a term is otherwise trusted): they wait in triage."""
    text = (
        "# ALB\n\n- **Exam tip:** put an NLB in front of an ALB to give it a fixed IP\n"
        "- **Fun Fact**: instance health can be set from the CLI\n"
        "- **Resolution**: launch in another Availability Zone\n"
        "- **Listener**: checks for connection requests on a port and protocol\n"
    )
    r = imp(tmp_path, text)
    assert pairs(r) == [("Listener (ALB)", "checks for connection requests on a port and protocol")]
    assert r.summary()["triage_reasons"] == {"a generic label as the question": 3}


# --- imp10: general causes of the weak and junk cards of held-out rounds 12-16 ----------------------


def test_a_numbered_heading_with_a_dash_leaves_no_dash_in_the_context(tmp_path: Path) -> None:
    """ "# 07 — Leftover charges" loses its number when read; the dash left over is no context, nor
    is "2) Route 53"'s bracket. A header that asks already ("Charged?") gets no second mark."""
    text = (
        "# 07 — Leftover charges\n\n## After the lab\n\n| Item | Charged? |\n|---|---|\n"
        "| Archive | per GB-month |\n| Vault lock | nothing extra |\n\n"
        "# 2) Route 53\n\n- Alias record: points a name at an AWS resource, even at the zone apex\n"
    )
    r = imp(tmp_path, text)
    every = [*fronts(r), *(p.card["front"] for p in r.triage)]
    assert "Archive: Charged? (Leftover charges › After the lab)" in every
    assert "Alias record (Route 53)" in every
    assert not any("— Leftover" in f or "2)" in f or "??" in f for f in every)


def test_two_guessed_cards_asking_the_same_with_other_answers_wait_in_triage(tmp_path: Path) -> None:
    """Two cards of one file that ask the same words with different answers ("Good habit (IAM)" twice,
    a cloze "[...] after upload" twice) cannot be answered: the learner cannot tell which is wanted.
    A list and a definition of one label ask two things; the learner's own cards are as written."""
    text = (
        "# IAM\n\n## Root user\n\n- Good habit: turn on MFA for the root user\n"
        "- Good habit: keep no access keys for the root user\n\n"
        "# S3\n\n## Lifecycle\n\n- 45 days after upload\n- 400 days after upload\n\n"
        "## Events\n\n- Targets: where an event notification goes\n"
        "- Targets\n  - SQS\n  - SNS\n  - Lambda\n\n"
        "What is the default region? :: the one in your profile\n"
        "What is the default region? :: us-east-1 when none is set\n"
    )
    r = imp(tmp_path, text)
    waiting = [p.card.get("front") or p.card.get("text") for p in r.triage]
    assert len(waiting) == 4 and all("same with another answer" in " ".join(p.reasons) for p in r.triage)
    assert sum("Good habit" in w for w in waiting) == 2 and sum("after upload" in w for w in waiting) == 2
    assert ("Targets (S3 › Events)", "where an event notification goes") in pairs(r)
    assert ("Targets (S3 › Events)", "SQS; SNS; Lambda") in pairs(r)
    assert sum(c.front == "What is the default region?" for c in r.cards if isinstance(c, BasicCard)) == 2


def test_a_list_point_that_leads_into_its_own_points_takes_them(tmp_path: Path) -> None:
    """ "- AWS example" over "- Amazon WorkMail": the list card would end on the label and leave out what
    it holds; the point takes its few short points as its end. A point that names a thing keeps its
    name only (its own points are its traits, not the list's answer)."""
    text = (
        "# Cloud models\n\n- SaaS\n  - Software as a Service\n  - the provider runs the whole app\n"
        "  - AWS example\n    - Amazon WorkMail\n"
        "- Queue flavours\n  - Standard\n    - at least once\n  - FIFO\n    - exactly once, in order\n"
    )
    r = imp(tmp_path, text)
    got = dict(pairs(r))
    assert got["SaaS (Cloud models)"] == (
        "Software as a Service; the provider runs the whole app; AWS example: Amazon WorkMail"
    )
    assert got["Queue flavours (Cloud models)"] == "Standard; FIFO"


def test_a_list_under_a_claim_waits_in_triage(tmp_path: Path) -> None:
    """ "- Subnet ACLs are stateless" over points that go on about ACLs: the label is a claim, and the
    points do not answer it. A label leading into its points ("Snapshots are used for", "There are
    two kinds of", an acronym the points spell out) is a question as before."""
    text = (
        "# VPC\n\n- Subnet ACLs are stateless\n  - one ACL per subnet\n  - the lowest rule number wins\n"
        "- Snapshots are used for\n  - moving a volume to another zone\n  - resizing a volume\n"
        "- Writes are ACID\n  - Atomic\n  - Consistent\n  - Isolated\n  - Durable\n"
        "- There are two kinds of scaling\n  - vertical\n  - horizontal\n"
    )
    r = imp(tmp_path, text)
    assert [f.split(" (")[0] for f in fronts(r)] == [
        "Snapshots are used for",
        "Writes are ACID",
        "There are two kinds of scaling",
    ]
    ((claim),) = r.triage
    assert claim.card["front"].startswith("Subnet ACLs are stateless")
    assert any("a claim as the list's question" in w for w in claim.reasons)


def test_an_is_a_answer_that_praises_or_points_elsewhere_waits_in_triage(tmp_path: Path) -> None:
    """ "X is a vital part of ..." says how much X matters, not what X is; "Y is the same as Z's"
    answers only with another card."""
    text = (
        "# Monitoring\n\nLog analysis is a critical part of keeping a fleet of servers healthy and safe.\n"
        "The NLB creation flow is the same as the one you follow for the application load balancer.\n"
        "Step Functions is an orchestration service that runs several Lambda functions as one workflow.\n"
    )
    r = imp(tmp_path, text)
    assert [f.split(" (")[0] for f in fronts(r)] == ["What is Step Functions?"]
    reasons = sorted(w for p in r.triage for w in p.reasons[1:])
    assert len(r.triage) == 2 and "praises" in reasons[1] and "another thing" in reasons[0]


def test_a_cloze_whose_answer_stands_in_its_own_text_waits_in_triage(tmp_path: Path) -> None:
    """A blank the rest of the line fills in ("copies agree within one second; a read {{1 second}} later
    sees the write") asks nothing."""
    text = (
        "# DynamoDB\n\n- All copies agree within one second; a read 1 second after the write sees it\n"
        "- Canary 10% for 5 minutes\n  - 10% of calls go to the new version first\n"
        "- A partition serves up to 3000 reads per second\n"
        "- A subnet is between /28 (16 addresses) and /16\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == [
        "DynamoDB — Canary [...] for [...]",  # (the label line itself shows neither)
        "DynamoDB — A partition serves up to [...] reads per second",
        "DynamoDB — A subnet is between /28 ([...] addresses) and /16",  # (a bare number tells nothing)
    ]
    assert len(r.triage) == 2
    assert all(any("shows in its own text" in w for w in p.reasons) for p in r.triage)


def test_the_learners_study_plan_and_a_table_of_contents_wait_in_triage(tmp_path: Path) -> None:
    """ "## Focus on this section" over what to read next, and a table that says what each part of the
    notes holds ("Placement groups: Contents?"), are about the notes, not about AWS."""
    text = (
        "# My SysOps notes\n\n## Focus on this section\n\n- Load balancers\n  - error codes\n"
        "  - access logs\n  - alarms on latency\n\n"
        "## Parts\n\n| Part | Contents |\n|---|---|\n| Placement groups | the three kinds side by side |\n"
        "| Status checks | what each check watches |\n\n"
        "## Placement\n\n- Cluster placement group: packs instances close together for low latency\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Cluster placement group"]  # (its own words say "placement")
    why = sorted(p.reasons[1].split(" (-")[0] for p in r.triage)
    assert why == ["a table of contents of the notes"] * 2 + ["the learner's study plan, not a fact"]


def test_a_plan_by_days_and_a_resource_pack_wait_in_triage(tmp_path: Path) -> None:
    """A page titled as a plan ("# Prep Plan" over "## 10-Day Plan" and its days) or as a pack of
    resources (which page to read, for how long, on which day) holds the learner's schedule, not AWS
    facts; so does a day's "Milestone" or "Objectives" wherever it stands. A section of facts in
    ordinary notes stays in the deck."""
    plan = (
        "# My Prep Plan\n\n## 10-Day Plan\n\n### Day 3: Queues and topics\n\n"
        "- **Objectives**: learn how queues and topics differ\n"
        "- **Milestone**: both fan-out patterns drawn from memory\n"
        "- **Resources**:\n  - the video course: messaging chapters (45 min)\n\n"
    )
    pack = (
        "# Resource Pack\n\n## Vendor pages\n\n| Service | Page | Why | When |\n|---|---|---|---|\n"
        "| SQS | Visibility timeout | Retries | Day 3 |\n| SNS | Fan-out | Messaging | Day 3 |\n"
    )
    notes = "# SQS\n\n## Basics\n\n- Visibility timeout: hides a received message from other consumers\n"
    r = imp(tmp_path, plan, name="plan.md")
    assert r.cards == [] and r.triage
    assert all(any("study plan" in w for w in p.reasons) for p in r.triage)
    r = imp(tmp_path, pack, name="pack.md")
    assert r.cards == [] and r.triage
    assert all(any("study plan" in w for w in p.reasons) for p in r.triage)
    r = imp(tmp_path, notes, name="sqs.md")
    assert fronts(r) == ["Visibility timeout (SQS)"] and not r.triage


def test_a_steps_heading_makes_a_walkthrough(tmp_path: Path) -> None:
    """ "## Steps: Network Load Balancer" over what was typed into the console is a walkthrough; a
    heading that only mentions steps ("Steps of a request") is not."""
    text = (
        "# ELB\n\n## Steps: Network Load Balancer\n\n- Network load balancer\n  - scheme\n"
        "  - internal\n  - pick two zones\n\n"
        "## Steps of a request\n\n- Listener: checks for connection requests on a port\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Listener (ELB › Steps of a request)"]
    ((steps),) = r.triage
    assert any("console walkthrough" in w for w in steps.reasons)


def test_a_generic_bullet_takes_its_parent_into_the_context(tmp_path: Path) -> None:
    """ "- Lazy loading" / "  - Cons" / "    - Stale data: ...": "Cons" alone does not say whose cons;
    the bullet above it joins the context. A list whose points only label points of their own
    ("Lazy loading -> Pros; Cons") asks nothing and waits in triage."""
    text = (
        "# ElastiCache\n\n## Strategies\n\n- Lazy loading\n  - Pros\n    - only requested data is cached\n"
        "    - node failures are not fatal\n  - Cons\n    - Stale data: the cache can keep an old copy\n"
        "    - Miss penalty: three trips for one read\n"
        "- Write through\n  - Cons\n    - Write penalty: every write goes to two places\n"
    )
    r = imp(tmp_path, text)
    got = fronts(r)
    assert "Stale data (ElastiCache › Strategies › Lazy loading › Cons)" in got
    assert "Write penalty (ElastiCache › Strategies › Write through › Cons)" in got
    assert [p.card["back"] for p in r.triage] == ["Pros; Cons"]


def test_a_practice_scene_and_underscore_bullets_wait_in_triage(tmp_path: Path) -> None:
    """A line of a practice question's scene ("The company must rotate its key every 90 days") is no
    AWS fact; underscores typed as bullets ("_ Layer 7 _ path routing") are markup left in."""
    text = (
        "# Questions\n\n## 4\n\n- The company must rotate the partner's API key every 90 days\n\n"
        "# ALB\n\n- ALB: _ Layer 7 _ routes by path or host _ gives no static IP\n"
        "- NLB: works at layer 4 and keeps one static IP per zone\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["ALB — NLB: works at layer [...] and keeps one static IP per zone"]
    why = sorted(p.reasons[1].split(" (-")[0] for p in r.triage)
    assert why == ["a practice question's scenario, not a fact", "markup or template text left in"]


def test_a_practice_question_written_as_prose_makes_no_card(tmp_path: Path) -> None:
    """A paragraph that ends on an exam stem ("Which setting would you pick?") is a question's scene:
    none of its sentences is a fact ("each item is 6 KB"). A scene's line on its own ("You are building
    an app that stores around 40 photos a minute") waits in triage; plain prose stays."""
    text = (
        "# DynamoDB\n\n## Exam practice\n\n"
        "You look after a ticketing app that keeps its orders in a DynamoDB table. Each order item is 6 KB "
        "and the app writes about 30 orders every second at the evening peak. Which capacity setting "
        "would you pick for the table?\n\n"
        "You are building an app that stores around 40 photos a minute, each up to 5 MB in size.\n\n"
        "## Capacity\n\nOne write capacity unit covers one write per second of an item up to 1 KB. "
        "Strongly consistent reads cost twice as much as eventually consistent reads of the same item.\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == [
        "DynamoDB — One write capacity unit covers one write per second of an item up to [...]."
    ]
    assert [p.reasons[-1].split(" (-")[0] for p in r.triage] == ["a practice question's scenario, not a fact"]
    assert any(s.reason == "practice question" for s in r.skips)
    # a stem that stands alone as a line, read as a fact: it asks, it does not tell
    stem = "How do you make the job start every {{15 minutes}}?"
    d = Draft("cloze", "fact", "n.md", 1, ("Glue",), "Glue", text=f"Glue — {stem}", core=stem)
    assert "a question's stem, not a fact" in " ".join(score(d).reasons)
    aside = "Max {{5}} pipelines a region (per account?)"
    d = Draft("cloze", "fact", "n.md", 1, ("Glue",), "Glue", text=f"Glue — {aside}", core=aside)
    assert "stem" not in " ".join(score(d).reasons)


def test_explanation_labels_operator_lines_and_headings_in_bullets(tmp_path: Path) -> None:
    """ "EXPLANATION - X keeps ..." is a practice question's explanation: the fact is what follows the
    label, not "EXPLANATION" as a term. A line opening on an operator ("== 90 minutes if ...") says
    nothing about what it is about. A heading typed as a bullet ("* #### Drain timeout") names what the
    points under it are about, so it stands in their context."""
    text = (
        "# Queues\n\n## Practice\n\n"
        "EXPLANATION - A message stays hidden for 30 seconds by default once a consumer reads it.\n\n"
        "Explanation: Dead-letter queues hold messages that failed too often.\n\n"
        "## Costs\n\n- Requests are billed per million\n- == 90 minutes if the job uses 2 workers\n\n"
        "## Load balancer settings\n\n* #### Drain timeout\n  * waits for open requests to end\n"
        "  * default is 300 seconds\n"
    )
    r = imp(tmp_path, text)
    got = prompts(r)
    assert "Queues › Practice — A message stays hidden for [...] by default once a consumer reads it." in got
    assert not any("EXPLANATION" in p or p.startswith("Explanation") for p in got)
    assert "Load balancer settings › Drain timeout — default is [...]" in got
    assert [p.reasons[-1].split(" (-")[0] for p in r.triage] == [
        "the line opens on an operator, not on what it is about"
    ]


def test_a_slide_number_heading_is_not_context(tmp_path: Path) -> None:
    """ "## 41." over a slide's text is where the slide stood, not what it is about: the file's name
    says the subject instead ("Its storage grows ..." needs one)."""
    text = (
        "---\n\n## 41.\n\nAmazon MQ is a managed message broker for ActiveMQ and RabbitMQ.\n\n"
        "Its broker storage grows in 20 GB steps as the queues fill up with unread messages.\n"
    )
    r = imp(tmp_path, text, name="41 MQ Overview.md")
    got = prompts(r)
    assert "What is Amazon MQ? (MQ Overview)" in got
    assert not any("41." in p for p in got), got


def test_popular_answers_and_answers_that_lean_on_a_question_wait_in_triage(tmp_path: Path) -> None:
    """ "X is the most widely used queue service" says how popular X is, not what it is; "Y is the
    proper way to do this" and "Z is the tool that settles these questions" lean on a question the card
    does not show; "Cross-account access - Flow" is a label over the steps below it, not an answer."""
    text = (
        "# Notes\n\n## Messaging\n\n"
        "Amazon SQS is the most widely used queue service among teams that build on AWS today.\n\n"
        "Amazon SNS is one of the most popular ways to fan a message out to many subscribers.\n\n"
        "Transit gateways are the proper way to do this when many VPCs must talk to each other.\n\n"
        "AWS Config is the service that settles these questions for every resource in the account.\n\n"
        "Amazon MQ is a managed message broker that speaks the protocols older apps already use.\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["What is Amazon MQ? (Messaging)"]
    why = sorted(p.reasons[1].split(" (-")[0] for p in r.triage)
    assert why == [
        "the answer leans on a question it does not show",
        "the answer leans on a question it does not show",
        "the answer praises, it does not say what it is",
        "the answer praises, it does not say what it is",
    ]
    base = Draft("basic", "definition", "n.md", 1, ("IAM",), "IAM", key="Cross-account access")
    flow = score(Draft(**{**base.__dict__, "front": "Cross-account access (IAM)", "back": "Flow"}))
    assert any("a label, not a fact" in w for w in flow.reasons) and flow.score < THRESHOLD


def test_what_is_answered_by_the_letters_alone_waits_in_triage(tmp_path: Path) -> None:
    """ "What is ACM?" -> "a Certificate Manager" spells the letters out and says nothing of what it
    does; a term line that gives the long name ("ACM - AWS Certificate Manager") asks for just that and
    stays, and so does an answer that says what the thing is."""
    text = (
        "# Certificates\n\n## Basics\n\nACM is an AWS Certificate Manager.\n\n"
        "- SNI - Server Name Indication\n\n"
        "Amazon ECS is a managed service that runs and scales containers on a cluster.\n"
    )
    r = imp(tmp_path, text)
    got = fronts(r)
    assert got == ["SNI (Certificates)", "What is Amazon ECS? (Certificates)"]
    assert any(p.card.get("front", "").startswith("What is ACM?") for p in r.triage)
    assert [p.reasons[-1].split(" (-")[0] for p in r.triage] == ["the answer only spells out the name"]


def test_one_trait_answers_and_terms_without_their_service_wait_in_triage(tmp_path: Path) -> None:
    """ "What is Secrets Manager?" -> "a regional service, so ..." gives one trait, not what it is;
    "What is a layer?" -> "a zip of libraries that Lambda functions share" does not say on the front
    whose layer is meant. With the service in the question, the same answer stays."""
    text = (
        "# Exam notes\n\n## Week one\n\n"
        "Secrets Manager is a regional service, so a secret must be copied to reach other regions.\n\n"
        "A layer is a zip archive of libraries that several Lambda functions can share.\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == []
    why = sorted(p.reasons[1].split(" (-")[0] for p in r.triage)
    assert why == [
        "the answer gives one trait, not what it is",
        "the question does not say whose term it asks",
    ]
    text = "# Lambda\n\n## Packaging\n\nA layer is a zip archive of libraries that functions can share.\n"
    assert fronts(imp(tmp_path, text, name="lambda.md")) == ["What is a layer? (Lambda › Packaging)"]


def test_a_mapping_to_tools_from_elsewhere_waits_in_triage(tmp_path: Path) -> None:
    """ "Familiar mapping: like RabbitMQ but hosted" compares with tools from outside AWS, it does not
    say what the service is; CloudFormation's own "Mappings" section is a term and stays."""
    text = (
        "# Amazon MQ\n\n- **Familiar mapping**: like a RabbitMQ cluster you never patch\n"
        "- **Analogy**: a post office that keeps letters until someone collects them\n\n"
        "# CloudFormation\n\n- Mappings: fixed lookup tables such as an image id per region\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Mappings (CloudFormation)"]
    assert len(r.triage) == 2


def test_a_line_that_leans_on_the_one_before_waits_in_triage(tmp_path: Path) -> None:
    """ "By comparison, the coldest tier takes up to 12 hours": compared with what? The line before it
    holds the subject the card would need."""
    text = (
        "# S3\n\n## Retrieval\n\nThe instant tier returns objects within milliseconds.\n\n"
        "By comparison, the coldest tier takes up to 12 hours to return an object.\n\n"
        "- Standard retrieval from the flexible tier takes 3 to 5 hours\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["S3 — Standard retrieval from the flexible tier takes 3 to [...]"]
    ((lean),) = r.triage
    assert any("leans on the one before" in w for w in lean.reasons)


def test_a_row_under_headers_that_each_ask_waits_in_triage(tmp_path: Path) -> None:
    """ "| Resource | Billed? | Note? |": each row asks two questions at once ("Snapshot: Billed?, Note?")."""
    text = (
        "# EC2 images\n\n## Leftovers\n\n| Resource | Billed? | Note? |\n|---|---|---|\n"
        "| Snapshot | yes, per GB-month | deleting the image keeps it |\n"
        "| Image | not by itself | deregister it when done |\n\n"
        "## Kinds\n\n| Store | Root volume | Stop allowed |\n|---|---|---|\n"
        "| EBS-backed | EBS volume | yes |\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["EBS-backed: Root volume, Stop allowed? (EC2 › Kinds)"]
    assert len(r.triage) == 2 and all("two questions in one" in " ".join(p.reasons) for p in r.triage)


def test_a_generic_heading_takes_the_subject_its_file_names(tmp_path: Path) -> None:
    """ "weighted-routing.md": "# Amazon Route 53" / "## Considerations": whose considerations? The
    file's name says it when the headings do not; a name that only repeats the topic adds nothing."""
    text = (
        "# Amazon Route 53\n\n## Considerations\n\n- Weight zero: a record with weight 0 gets no traffic\n\n"
        "## Records\n\n- Alias record: points a name at an AWS resource\n"
    )
    r = imp(tmp_path, text, name="weighted-routing.md")
    assert fronts(r) == [
        "Weight zero (Route 53 › Weighted routing › Considerations)",
        "Alias record (Route 53 › Records)",
    ]
    again = imp(tmp_path, text.replace("Considerations", "Use cases"), name="Route53.md")
    assert fronts(again)[0] == "Weight zero (Route 53 › Use cases)"


def test_an_instance_types_spec_figures_wait_in_triage(tmp_path: Path) -> None:
    """ "EC2 › Memory Optimized › R9 — up to 2 TiB of memory": a spec sheet's figure for one instance
    type is trivia, not what the exam asks; the same figures under a service's own heading stay."""
    text = (
        "# EC2\n\n## Memory Optimized\n\n### R9\n\n- Offers up to 2 TiB of memory per host\n"
        "- Limit: 12 per region\n\n### q7.xlarge\n\n- Has 16 vCPUs and 64 GiB of memory\n\n"
        "## Storage Optimized\n\n- I9: up to 48 TB of local disks per host\n\n"
        "## Launch\n\n- Unused launch tokens expire after 24 hours\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["EC2 — Unused launch tokens expire after [...]"]
    assert len(r.triage) == 4
    assert all(any("instance type's spec" in w for w in p.reasons) for p in r.triage)


def test_a_footnote_mark_read_as_a_term_waits_in_triage(tmp_path: Path) -> None:
    """ "¹ SAP: ... can span two zones": the raised number marks a footnote, it is no part of a term."""
    text = (
        "# EBS\n\n## Attaching\n\n- A volume stays in the zone where it was made\n\n"
        "¹ SAP - the professional exam also asks about volumes shared by several hosts\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == []
    assert any(any("footnote mark" in w for w in p.reasons) for p in r.triage)


def test_a_line_above_the_first_heading_takes_the_files_name(tmp_path: Path) -> None:
    """ "Redshift.md": "- Leader node: ..." and only then "# Warehouse basics": no heading stands over
    the first lines, so the file's name says what they are about."""
    text = (
        "- Leader node: takes the queries in and plans them\n\n"
        "# Warehouse basics\n\n- Columnar storage: keeps the values of a column together\n"
    )
    r = imp(tmp_path, text, name="Redshift.md")
    assert fronts(r) == ["Leader node (Redshift)", "Columnar storage (Warehouse basics)"]


def test_a_folder_named_after_a_service_lends_it_to_the_context(tmp_path: Path) -> None:
    """ "DynamoDB/Operations.md": "# Reading and writing" / "- Provisioned: ...": neither the headings
    nor the file's name say the service, the folder does; a folder named after a chapter does not."""
    (tmp_path / "DynamoDB").mkdir()
    text = "# Reading and writing\n\n- Provisioned: you set the read and write units of each table\n"
    r = imp(tmp_path, text, name="DynamoDB/Operations.md")
    assert fronts(r) == ["Provisioned (DynamoDB › Reading and writing)"]
    (tmp_path / "04-Storage-and-Databases").mkdir()
    chapter = imp(tmp_path, text, name="04-Storage-and-Databases/Operations.md")
    assert fronts(chapter) == ["Provisioned (Reading and writing)"]


def test_a_long_parent_point_lends_its_term(tmp_path: Path) -> None:
    """ "- Amazon S3: object storage for any amount of data, ..." over "  - Tiers: ...": the parent is
    too long to show whole, but its term says whose tiers are asked."""
    text = (
        "# Services\n\n## Storage choices\n\n"
        "- Amazon S3: object storage for any amount of data, priced by class and by the requests made\n"
        "  - Tiers: Standard for data read often, Glacier for archives\n"
        "- Keeps every object in three zones, which is why the service rarely loses data at all\n"
        "  - Durability: eleven nines over a year\n"
    )
    r = imp(tmp_path, text)
    got = fronts(r)
    assert "Tiers (Services › Storage choices › Amazon S3)" in got
    assert "Durability (Services › Storage choices)" in got  # (a long sentence has no term to lend)
    remark = imp(
        tmp_path,
        "# S3\n\n## Access\n\n- Note: a bucket policy can grant access to other accounts and to the public\n"
        "  - Explicit deny: always wins over any allow\n",
    )
    assert fronts(remark) == ["Explicit deny (S3 › Access)"]  # ("Note" names a remark, not a subject)


def test_a_products_number_is_never_a_blank_and_ex_marks_an_example(tmp_path: Path) -> None:
    """ "Microsoft 365", "Ubuntu 24": the number is part of a product's name, not a fact to recall; a
    figure after "ex:" only illustrates ("ex: 2 GiB/s for 500 GB stored"), like one after e.g."""
    text = (
        "# Workspaces\n\n## Setup\n\n"
        "- Desktops sign in with Microsoft 365 and run Ubuntu 24, up to 20 per user\n\n"
        "## Throughput\n\n- Provisioned: you pick the rate, ex: 2 GiB/s for 500 GB stored\n"
        "- Bursting: the rate grows with the data stored, up to 3 GiB/s\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == [
        "Workspaces › Setup — Desktops sign in with Microsoft 365 and run Ubuntu 24, up to [...] per user",
        "Workspaces › Throughput — Bursting: the rate grows with the data stored, up to [...] GiB/s",
    ]
    ((example),) = r.triage
    assert any("hides an example" in w for w in example.reasons)


def test_a_glossarys_letter_heading_is_no_context(tmp_path: Path) -> None:
    """ "## A" / "- **AWS Shield**: ...": the letter files the term in a glossary, it says nothing of
    what the term is about; the page's title does."""
    text = (
        "# Cloud words\n\n## A\n\n- **AWS Shield**: a managed service that guards against DDoS attacks\n\n"
        "## P\n\n- **PaaS**: a model where you deploy code and the provider runs the servers\n"
    )
    r = imp(tmp_path, text, name="Glossary.md")
    assert fronts(r) == ["AWS Shield (Cloud words)", "PaaS (Cloud words)"]


def test_a_long_definition_keeps_the_whole_sentences_that_fit(tmp_path: Path) -> None:
    """A definition over 200 characters keeps as many whole sentences as fit in 200, not only the
    first ("Each bucket and object has a list of grants" says little alone); a question the note asks
    itself ends the answer."""
    text = (
        "# S3\n\n## Access\n\n- ACLs: Each bucket and object has a list of grants attached to it. "
        "The list gives read or write to other accounts or to the public. "
        "Bucket policies are the modern way to grant the same access to others, and they scale better.\n"
        "- Manual changes: Clicking through each setting of every bucket by hand does not scale once a "
        "team runs many accounts across regions. What if you need the very same settings again "
        "tomorrow morning at nine? Ten more times?\n"
    )
    r = imp(tmp_path, text)
    assert pairs(r) == [
        (
            "ACLs (S3 › Access)",
            "Each bucket and object has a list of grants attached to it. "
            "The list gives read or write to other accounts or to the public",
        ),
        (
            "Manual changes (S3 › Access)",
            "Clicking through each setting of every bucket by hand does not scale once a team runs many "
            "accounts across regions",
        ),
    ]


def test_a_colon_inside_a_code_span_never_splits_a_definition(tmp_path: Path) -> None:
    """ "`Transform: AWS::Serverless-2016-10-31`": the colon belongs to the code, so the line is no
    term and its meaning (a card "Transform -> AWS::...`" would show a stray backtick)."""
    text = (
        "# SAM\n\n## Template\n\n- The header that makes a template a SAM one:\n"
        "  - `Transform: AWS::Serverless-2016-10-31`\n  - Globals: settings shared by every function\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Globals (SAM › Template › The header that makes a template a SAM one)"]
    assert not r.triage


def test_a_bare_free_or_paid_as_the_answer_waits_in_triage(tmp_path: Path) -> None:
    """ "- Key kept by the service: free": the front names a thing, the back a price; the learner cannot
    tell that the price is asked (like a bare "yes" or "enabled")."""
    text = (
        "# KMS\n\n## Kinds of keys\n\n- Service default key: free\n"
        "- Customer key: a key you create, rotate and pay for each month\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Customer key (KMS › Kinds of keys)"]
    ((price),) = r.triage
    assert any("a name or a setting" in w for w in price.reasons)


def test_the_page_titles_service_leads_a_heading_that_names_another(tmp_path: Path) -> None:
    """ "# Step Functions" / "## Pattern 1: Lambda fan-in": the heading names a service the page uses,
    the title the one it is about, which leads the context; a heading that is only another service's
    name ("## DynamoDB") is a section of its own."""
    text = (
        "# Step Functions\n\n## Pattern 1: Lambda fan-in\n\n"
        "- Coordinator: a state machine that waits for every function to finish\n\n"
        "## DynamoDB\n\n- Direct call: a task state reads an item without any function\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == [
        "Coordinator (Step Functions › Pattern 1: Lambda fan-in)",
        "Direct call (DynamoDB)",
    ]


def test_a_blank_over_the_sentences_subject_waits_in_triage(tmp_path: Path) -> None:
    """ "[...] WRU is [...] write of up to [...] per second": the first blank hides what the sentence is
    about, so the learner cannot tell which figure is asked; a leading figure that is no subject
    ("[...] days of retention, up to [...]") stays."""
    text = (
        "# DynamoDB\n\n## Capacity\n\n- 1 WRU is 1 write of up to 1 KB per second\n\n"
        "## Backups\n\n- 7 days of retention by default, up to 35 days\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["DynamoDB › Backups — [...] of retention by default, up to [...]"]
    ((subject),) = r.triage
    assert any("what the sentence is about" in w for w in subject.reasons)


def test_a_list_label_that_opens_on_a_verb_waits_in_triage(tmp_path: Path) -> None:
    """ "- Handles every section of CloudFormation" over its points: a claim the points illustrate,
    not a question; a label that leads into its points ("Supports functions written in") stays."""
    text = (
        "# SAM\n\n## Templates\n\n- Handles every section of CloudFormation\n  - Outputs\n  - Mappings\n"
        "  - Parameters\n\n## Languages\n\n- Supports functions written in\n  - Go\n  - Java\n  - Python\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Supports functions written in (SAM › Languages)"]
    ((claim),) = r.triage
    assert any("a claim as the list's question" in w for w in claim.reasons)


def test_a_title_that_says_nothing_gives_way_to_the_files_name(tmp_path: Path) -> None:
    """ "Redshift.md": "# Overview" says nothing of the subject, the file's name does; a generated name
    ("000_4fa9c03e77b1.md") says nothing either."""
    text = "# Overview\n\n- Leader node: takes the queries in and plans them\n"
    r = imp(tmp_path, text, name="Redshift.md")
    assert fronts(r) == ["Leader node (Redshift)"]
    hashed = imp(tmp_path, text, name="000_4fa9c03e77b1.md")
    assert fronts(hashed) == ["Leader node"]


def test_a_blank_over_a_footnote_mark_waits_in_triage(tmp_path: Path) -> None:
    """ "... for a critical case (1)": the "(1)" points at a footnote; a cloze that hides it asks nothing."""
    text = (
        "# Support\n\n## Plans\n\n- Enterprise: a response within 15 minutes for a critical case (1)\n"
        "- Business: a response within 1 hour for a production outage\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["Support › Plans — Business: a response within [...] for a production outage"]
    ((mark),) = r.triage
    assert any("footnote mark" in w for w in mark.reasons)


def test_a_table_of_instance_sizes_waits_in_triage(tmp_path: Path) -> None:
    """ "| m9.large | 2 | 8 GiB |": a size's vCPUs and memory are a spec sheet's trivia; a table of
    families and what each is for ("| T3 | burstable web servers |") is what the exam asks."""
    text = (
        "# EC2\n\n## Sizes\n\n| Size | vCPU | Memory |\n|---|---|---|\n| m9.large | 2 | 8 GiB |\n"
        "| m9.xlarge | 4 | 16 GiB |\n\n## Families\n\n| Family | Use |\n|---|---|\n"
        "| T3 | burstable web servers |\n| C7 | batch jobs needing fast CPUs |\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["T3: Use? (EC2 › Families)", "C7: Use? (EC2 › Families)"]
    assert len(r.triage) == 2
    assert all(any("instance type's spec" in w for w in p.reasons) for p in r.triage)


def test_a_verb_label_that_names_its_points_stays(tmp_path: Path) -> None:
    """ "Provides checks in five categories" over the categories: the label says what its points are,
    they answer it (not a claim about a named thing like "Handles every section of CloudFormation")."""
    text = (
        "# Advisor\n\n## Checks\n\n- Provides checks in five categories\n  - Cost\n  - Security\n"
        "  - Performance\n  - Fault tolerance\n  - Service limits\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Provides checks in five categories (Advisor)"]
    assert not r.triage


def test_a_verb_term_over_its_points_waits_in_triage(tmp_path: Path) -> None:
    """ "Handles every section of CloudFormation: Outputs, Mappings, ...": the same claim typed as a
    definition on one line waits in triage too."""
    text = "# SAM\n\n- Handles every section of CloudFormation: Outputs, Mappings, Parameters, Resources\n"
    r = imp(tmp_path, text)
    assert fronts(r) == []
    ((claim),) = r.triage
    assert any("a claim as the list's question" in w for w in claim.reasons)


# --- round 19: template fields, bullet glyphs, comparison sides, trivial and garbled figures --------


def test_a_templates_field_names_wait_in_triage_in_any_language(tmp_path: Path) -> None:
    """A fill-in template repeated per service ("Keywords", "Example", "Model", "Operates", "How it shows
    up in the exam"), in Spanish here: the service named beside the field does not say what is asked.
    Fields that do ask something ("Scope", "Features") stay."""
    text = (
        "# Amazon DynamoDB\n\n**Palabras clave:** tablas, claves, baja latencia\n\n"
        "**Ejemplo:** Es como un archivador que nunca se llena.\n\n**Modelo:** SaaS\n\n"
        "**Opera:** Nivel de datos, tablas sin servidores que administrar\n\n"
        "**Alcance:** Regional\n\n**Características:** NoSQL gestionada, escala sola\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Alcance (Amazon DynamoDB)", "Características (Amazon DynamoDB)"]
    assert len(r.triage) == 4
    assert all(any("template's field name" in w for w in t.reasons) for t in r.triage)


def test_a_template_in_english_and_an_analogy_as_answer(tmp_path: Path) -> None:
    """The same fields in English under a service heading ("Keywords", "Exam scenarios"); an answer
    that is an analogy ("It's like a ...") states no fact, whatever its label."""
    text = (
        "# AWS Glue\n\n## Crawler\n\n- Keywords: catalog, schema, discovery\n"
        "- Exam scenarios: finding the table schemas of files landed in a data lake\n"
        "- Purpose: infers table schemas from files and fills the Data Catalog\n"
        "- Catalog: it's like a library index for the files in your buckets\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Purpose (AWS Glue › Crawler)"]
    reasons = [w for t in r.triage for w in t.reasons]
    assert sum("template's field name" in w for w in reasons) == 2
    assert any("an analogy" in w for w in reasons)


def test_bullet_glyphs_are_stripped_from_card_text() -> None:
    """Pictographs typed as bullets are decoration: off the start of a text, of each point, of a
    context's part; the same glyph again marks lines joined into one. A no mark ("❌") is meaning:
    such a text keeps its marks; so does a text that is only a glyph ("✅" for yes)."""
    from awsprep.notes.blocks import strip_bullet_glyphs

    assert strip_bullet_glyphs("🔸 billed per shard hour 🔸 extra for long retention") == (
        "billed per shard hour; extra for long retention"
    )
    assert strip_bullet_glyphs("👉 pay per request") == "pay per request"
    assert strip_bullet_glyphs("📦 Objects; 🗂️ Buckets") == "Objects; Buckets"
    assert strip_bullet_glyphs("Streams (Kinesis › ⚡ Real time)") == "Streams (Kinesis › Real time)"
    assert strip_bullet_glyphs("✅") == "✅"
    assert strip_bullet_glyphs("✅ replays records; ❌ no ordering across shards") == (
        "✅ replays records; ❌ no ordering across shards"
    )
    assert strip_bullet_glyphs("≤ 15 minutes") == "≤ 15 minutes"  # (a sign that says something)
    assert strip_bullet_glyphs("plain text") == "plain text"


def test_bullet_glyphs_leave_imported_cards(tmp_path: Path) -> None:
    text = (
        "# Amazon Kinesis\n\n**Billing basis:**\n 🔸 shard hours and data put into the stream\n"
        "  🔸 an extra fee for retention past a day\n\n- ⚡ Shards hold records for at least 24 hours\n"
    )
    r = imp(tmp_path, text)
    assert pairs(r) == [
        (
            "Billing basis (Amazon Kinesis)",
            "shard hours and data put into the stream; an extra fee for retention past a day",
        )
    ]
    assert not any("⚡" in p for p in prompts(r))


def test_one_side_of_a_comparison_with_a_terse_answer_waits_in_triage(tmp_path: Path) -> None:
    """ "## Streams vs Firehose" / "- Firehose - Automatic": the front "Firehose (Streams vs Firehose)"
    does not say what is compared; a side described in full says what it is, and stays."""
    text = (
        "# Ingestion\n\n## Kinesis Streams vs Firehose\n\n- Kinesis Streams - Manual shards\n"
        "- Firehose - Automatic\n\n## Config vs CloudTrail\n\n"
        "- CloudTrail - keeps a record of which identity called which API, and when\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["CloudTrail (Config vs CloudTrail)"]
    assert len(r.triage) == 2
    assert all(any("one side of a comparison" in w for w in t.reasons) for t in r.triage)


def test_a_blank_over_a_lone_one_or_a_garbled_figure_waits_in_triage(tmp_path: Path) -> None:
    """ "$0.25 per {{1}} million calls", "{{1}}-5 minutes" (a range whose end is shown): the blank asks
    nothing worth knowing. "99.99 11 9s": a figure typed over another, which one is asked? A term of
    "1 or 3 years" is a fact, and stays."""
    text = (
        "# Costs\n\n- Queue calls cost $0.25 per 1 million calls\n"
        "- Expedited restores finish within 1-5 minutes\n"
        "- Object durability 99.99 11 9s, availability 99.9% for the standard class\n"
        "- Savings plans run for 1 or 3 years of commitment\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["Costs — Savings plans run for 1 or [...] of commitment"]
    reasons = [w for t in r.triage for w in t.reasons]
    assert sum("a trivial number" in w for w in reasons) == 2
    assert any("garbled figure" in w for w in reasons)


def test_eleven_nines_spelled_as_two_numbers_is_not_a_blank() -> None:
    """ "(11 9s)" says "eleven nines": its "9s" is no 9-second limit to hide beside a shown 11."""
    from awsprep.notes.inline import cloze_numbers

    assert cloze_numbers("Durability of a stored object is 99.999999999% (11 9s)") == (
        "Durability of a stored object is {{99.999999999%}} (11 9s)"
    )
    assert cloze_numbers("A request times out after max 9s") == "A request times out after max {{9s}}"


def test_a_question_that_leans_on_what_it_does_not_show_waits_in_triage(tmp_path: Path) -> None:
    """ "Consists of:" (of what?), "3 other roles" (other than which?), "What is Amazon?" (the service's
    name dropped), "What is SNS?" -> "a push based system" (how it delivers, not what it is) wait in
    triage; a label naming its subject stays."""
    text = (
        "# CloudHSM\n\n## Members\n\nConsists of:\n\n- Officers\n- Users\n- Auditors\n\n## Roles\n\n"
        "- 3 other roles: auditor, appliance user, and a temporary admin\n"
        "- Crypto users: run key operations such as sign and encrypt\n\n"
        "## Messaging\n\nAmazon is a service that fans one message out to many subscribers.\n\n"
        "SNS is a push based system.\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Crypto users (CloudHSM › Roles)"]
    reasons = [w for t in r.triage for w in t.reasons]
    assert any("a lead-in as the question" in w for w in reasons)
    assert any("leans on a list before it" in w for w in reasons)
    assert any("vendor's name" in w for w in reasons)
    assert any("one trait" in w for w in reasons)


def test_a_label_line_over_a_lead_in_and_a_list_names_the_list(tmp_path: Path) -> None:
    """ "Tiers:" / "objects move between them by lifecycle rules" / "- Hot ..." : the label names the list
    below (its answer), not the lead-in line under it (only the list's first words, a partial back)."""
    text = (
        "# S3\n\nTiers:\nobjects move between them by lifecycle rules or by hand\n"
        "- Hot\n  - read often, priced per GB stored\n- Archive\n  - read rarely, priced per restore\n"
    )
    r = imp(tmp_path, text)
    assert pairs(r) == [("Tiers (S3)", "Hot; Archive")]


def test_a_long_parents_term_before_its_brackets_gives_the_context(tmp_path: Path) -> None:
    """ "- Imported keys (material you bring yourself) are wrapped with ..." / "  - deleted at once, no
    waiting 7 days": the child is true of imported keys only, and its context says so (the parent is
    too long to show whole; its term is the words before the brackets that spell it out)."""
    text = (
        "# KMS\n\n- Imported keys (material you bring yourself) are wrapped with a public key and an "
        "import token before they travel to the service\n  - deleted at once, no waiting 7 days\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["KMS › Imported keys — deleted at once, no waiting [...]"]


def test_a_study_mark_after_a_term_is_no_part_of_it(tmp_path: Path) -> None:
    """ "Fleet Manager (review): ..." : "(review)" is the learner's note to self, not the term's name."""
    text = (
        "# Systems Manager\n\n- Fleet Manager (review): a console view of every managed node and its state\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Fleet Manager (Systems Manager)"]


def test_an_emoji_shortcode_is_no_part_of_a_heading_or_a_card() -> None:
    """ "## :heavy_check_mark: Glacier": GitHub shows a picture; the card shows neither the shortcode nor
    its form with the underscores read as emphasis (":heavycheckmark:"); ARNs and event names stay."""
    from awsprep.notes.inline import plain

    assert plain(":heavy_check_mark: Glacier")[0] == "Glacier"
    assert plain("Glacier :heavycheckmark: vaults :rocket:")[0] == "Glacier vaults"
    for kept in ("arn:aws:s3:::my-bucket", "autoscaling:EC2_INSTANCE_LAUNCHING", "at 10:30:00 daily"):
        assert plain(kept)[0] == kept


def test_an_emoji_shortcode_heading_gives_a_clean_context(tmp_path: Path) -> None:
    text = "# Storage\n\n## :heavy_check_mark: Glacier\n\n- Vault lock: a policy nobody can change\n"
    r = imp(tmp_path, text)
    assert fronts(r) == ["Vault lock (Glacier)"]


def test_a_link_as_the_whole_answer_or_a_blank_in_a_link_waits_in_triage(tmp_path: Path) -> None:
    """ "Try it at: <https://...>" asks for an address, and "Source: <https://...?page=2>" blanks a link's
    query value: neither is a fact to learn."""
    text = (
        "# Networking\n\n- Measure it yourself at: <https://speed.example.org/run>\n"
        "- Written up at: <https://docs.example.org/guide?part=3>\n"
        "- Direct links: a dedicated line from your rack to a region\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Direct links (Networking)"]
    assert not any(":" in p and "example.org" in p for p in prompts(r))
    reasons = [w for t in r.triage for w in t.reasons]
    assert any("a link" in w for w in reasons)


def test_a_numbered_label_an_example_value_or_a_bare_pairing_waits_in_triage(tmp_path: Path) -> None:
    """ "Design 2: ..." (which design?), "Example:" / "- Bucket: my-photos-eu" (one example's value, not a
    fact), "ECS + ALB: ..." with nothing around it (what about the pair?) wait; a named term stays."""
    text = (
        "# Queues\n\n- Design 2: a fan-out through topics into two queues\n"
        "- Example:\n  - Partition key: the customer's number\n"
        "- Dead-letter queue: holds messages that failed too many times\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Dead-letter queue (Queues)"]
    paired = imp(tmp_path, "**ECS + ALB:** dynamic ports behind one listener\n\n**ECS:** runs containers\n")
    assert fronts(paired) == ["ECS"]
    r.triage.extend(paired.triage)
    reasons = [w for t in r.triage for w in t.reasons]
    assert any("numbered label" in w for w in reasons)
    assert any("value of one example" in w for w in reasons)
    assert any("a pairing as the question" in w for w in reasons)


def test_a_blank_over_trivia_waits_in_triage(tmp_path: Path) -> None:
    """A year of history ("since 2014"), a vendor's claimed gain ("40% improvement") and a lone zero
    (">= 0 layers") behind a blank ask trivia; a limit behind a blank stays."""
    text = (
        "# Messaging\n\n- The service has been offered since 2014 to send texts in bulk.\n"
        "- Routing over the private backbone gives lower jitter (40% improvement)\n"
        "- A topic can have >=0 subscriptions at any time\n"
        "- A queue keeps messages for at most 14 days\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["Messaging — A queue keeps messages for at most [...]"]


def test_a_link_named_only_as_a_source_is_dropped_from_the_text() -> None:
    from awsprep.notes.inline import plain

    text = "hooks run in a fixed order ([Reference](https://docs.example.org/hooks)) per deployment"
    assert plain(text)[0] == "hooks run in a fixed order per deployment"
    assert plain("see the [guide](https://docs.example.org/g)")[0] == "see the guide"


def test_a_bare_comparison_or_a_kind_of_remark_as_the_label_waits_in_triage(tmp_path: Path) -> None:
    """ "**Hot vs. Cold**. - ..." (hot and cold what?) and "Optimization: ..." (the kind of remark, not
    its subject) wait in triage; "Standard vs FIFO" and a named term stay."""
    text = (
        "# Queue settings\n\n- **Hot vs. Cold**. - Warm starts are not the default, but help\n"
        "- Optimization: keep the payload small so each call is quick\n"
        "- Standard vs FIFO: ordering is kept only by FIFO queues\n"
        "- Visibility timeout: how long a read message stays hidden from other readers\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Standard vs FIFO (Queue settings)", "Visibility timeout (Queue settings)"]
    reasons = [w for t in r.triage for w in t.reasons]
    assert any("two bare words" in w for w in reasons)
    assert any("a generic label" in w for w in reasons)


def test_a_bold_title_ends_the_bold_title_before_it(tmp_path: Path) -> None:
    """ "**If it needs no backend:**" over a list, then "**2- Signed requests**" over a line and a list:
    the second list is under the second title, not the first."""
    text = (
        "# Endpoints\n\n**If it needs no backend:**\n\n- Stub replies\n\n**Access:**\n\n"
        "**2- Signed requests**\n\nFits callers that already hold keys\n\n"
        "- Checks who calls and what they may do\n  **Best for:** scripts on servers calling the endpoint\n"
    )
    r = imp(tmp_path, text)
    assert "Best for (Endpoints › Signed requests)" in fronts(r)


def test_the_rows_of_a_table_given_as_examples_wait_in_triage(tmp_path: Path) -> None:
    """ "Some possible setups:" over "| Store | Cache | Front |": each row is one case put together, not
    a fact of its first cell; the same table under a plain line stays."""
    table = (
        "| Store | Cache | Front |\n|---|---|---|\n| RDS | ElastiCache | CloudFront |\n| S3 | DAX | ALB |\n"
    )
    r = imp(tmp_path, f"# Designs\n\nSome possible setups for a web shop:\n\n{table}")
    assert not r.cards and len(r.triage) == 2
    assert any("given as an example" in w for t in r.triage for w in t.reasons)
    plain_table = imp(tmp_path, f"# Designs\n\nWhat each layer uses:\n\n{table}")
    assert len(plain_table.cards) == 2


def test_a_figure_judged_by_a_mark_waits_in_triage(tmp_path: Path) -> None:
    """ "Peak hours: needs 300 ❌ only 40 ready", "... long trip = slow 😕" and "Reserved slots: 40
    (fixed)" (a bare count) tell how one worked case
    turned out, not a fact to learn;
    a mark without a figure ("Encryption: ✅ on by default") stays."""
    text = (
        "# Lambda\n\n- Peak hours: needs 300 ❌ only 40 ready, the rest start cold\n"
        "- Quiet hours: uses 10 ✅\n- Encryption: ✅ on by default for the code package\n"
        "- Far caller: Lisbon → function in Oregon → long trip = slow 😕\n- Reserved slots: 40 (fixed)\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Encryption (Lambda)"]
    assert any("judged by a mark" in w for t in r.triage for w in t.reasons)
    assert any("told with a face" in w for t in r.triage for w in t.reasons)
    assert any("a bare count" in w for t in r.triage for w in t.reasons)


def test_a_dash_between_two_figures_is_a_range_not_a_definition(tmp_path: Path) -> None:
    """ "Disk space 512 MB - 10240 MB" is a range; reading the dash as term and meaning made
    "Disk space 512 MB: [...]". "1 RCU - 2 reads ..." (another unit after the dash) stays a definition."""
    text = (
        "# Lambda\n\n## Limits\n\n* Disk space 512 MB - 10240 MB (1 MB steps)\n"
        "* 1 RCU - 2 reads per second for items up to 4 KB\n* Canary v2 - 5% of requests for ten minutes\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == [
        "Lambda › Limits — Disk space [...] - [...] ([...] steps)",
        "Lambda › Limits — 1 RCU: [...] reads per second for items up to [...]",
        "Lambda › Limits — Canary v2: [...] of requests for ten minutes",
    ]


def test_a_selling_point_as_the_label_waits_in_triage(tmp_path: Path) -> None:
    text = (
        "# Queues\n\n- **Ease of Use** : the queue is quick to set up and calls other services for you\n"
        "- **Delay queue** : holds each new message back for a set time before readers see it\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Delay queue (Queues)"]
    assert any("selling point" in w for t in r.triage for w in t.reasons)


def test_an_answer_with_a_mark_explained_elsewhere_waits_in_triage(tmp_path: Path) -> None:
    """ "Container - run order: Fetch (*); Unpack the bundle; Verify the service (*)": the "(*)" is
    explained by a legend the card does not show."""
    text = (
        "# Deploys\n\n## Hooks\n\n- Container - run order\n  - Fetch (*)\n  - Unpack the bundle\n"
        "  - Verify the service (*)\n- Rollback: the last good revision is deployed again\n"
    )
    r = imp(tmp_path, text)
    assert "Rollback (Deploys › Hooks)" in fronts(r) and not any("(*)" in b for _, b in pairs(r))
    assert any("explained elsewhere" in w for t in r.triage for w in t.reasons)


def test_an_embedded_picture_is_dropped_from_the_card(tmp_path: Path) -> None:
    """ "...under load![[Capture 2024-05-06 093012.png]]": an Obsidian embed is a picture, not words of the
    note (read as a wiki link it left the file name on the card, a blank over its date)."""
    text = (
        "# Gateway\n\n## Key rotation\n\n- Keys made here: rotated for you every year\n"
        "- Keys brought in: rotated by hand only, with an alias![[Capture 2024-06-01 111111.png]]\n"
    )
    r = imp(tmp_path, text)
    assert ("Keys brought in (Gateway › Key rotation)", "rotated by hand only, with an alias") in pairs(r)
    assert not any("Capture" in p or ".png" in p for p in prompts(r))


def test_a_placeholder_price_and_a_price_said_against_another_wait_in_triage(tmp_path: Path) -> None:
    text = (
        "# Storage\n\n## Cold Tier\n\n- Fees\n    - Keeping data: $x per GB each month\n"
        "    - Reading back: Cheaper than the warm tier\n- Lifetime: objects are kept at least 90 days\n"
    )
    r = imp(tmp_path, text)
    assert not any(f.startswith(("Keeping data", "Reading back")) for f in fronts(r))
    reasons = [w for t in r.triage for w in t.reasons]
    assert any("placeholder" in w for w in reasons) and any("against another" in w for w in reasons)


def test_a_memory_trick_waits_in_triage(tmp_path: Path) -> None:
    text = (
        "# Alerts\n\n## Memory Trick\n\nTA = Tiny Alarm\n\n"
        "## Basics\n\n- Topic: sends one message to many readers\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Topic (Alerts)"]
    assert any("memory trick" in w for t in r.triage for w in t.reasons)


def test_a_lead_in_to_exam_words_and_a_kind_of_notes_wait_in_triage(tmp_path: Path) -> None:
    """ "Question Says: Broadcast; Many readers" and "Special Notes: ...": the label asks nothing."""
    text = (
        "# Alerts\n\n## Exam Keywords\n\nQuestion Says:\n\n- Broadcast\n- Many readers\n- Push delivery\n\n"
        "## Tiers\n\n- Special Notes\n    - Four layers\n    - Moves objects on its own\n"
    )
    r = imp(tmp_path, text)
    assert not any(f.startswith(("Question Says", "Special Notes")) for f in fronts(r))
    assert sum("generic label" in w for t in r.triage for w in t.reasons) == 2


def test_a_scene_label_and_an_answer_that_only_says_tested_wait_in_triage(tmp_path: Path) -> None:
    text = (
        "# Credentials\n\nThe roles model is one of the most frequently tested ideas in the exam.\n\n"
        "## Lookup\n\nLogin Scenario\n"
        ": A worker on a VM reads keys from its shell settings to call the store\n\n"
        "Default lookup\n: the command flags come first, then the shell settings\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Default lookup (Credentials)"]
    reasons = [w for t in r.triage for w in t.reasons]
    assert any("scene's first line" in w for w in reasons) and any("only says" in w for w in reasons)


def test_a_price_against_another_under_a_bracketed_heading_waits_but_a_size_blank_stays(
    tmp_path: Path,
) -> None:
    """A heading holding brackets ("Cold (IA) Tier") still names the fees; "$x for {{64KB}}" hides the
    size, a figure to learn, so the blank stays in the deck."""
    text = (
        "# Storage\n\n## Cold (IA) Tier\n\n- Fees\n    - Keeping data: Less than the warm tier\n"
        "    - Minimum size charge: $x for 64KB\n"
    )
    r = imp(tmp_path, text)
    assert not any(f.startswith("Keeping data") for f in fronts(r))
    assert any(p.endswith("$x for [...]") for p in prompts(r))


def test_a_line_opening_on_that_means_waits_in_triage(tmp_path: Path) -> None:
    """ "That means the job has 20 seconds to finish": what "that" is, is said by the line before."""
    text = (
        "# Jobs\n\n## Hold time\n\n- By default, a taken job stays hidden for 20 seconds\n"
        "- That means the worker has 20 seconds to finish it\n"
    )
    r = imp(tmp_path, text)
    assert not any(p.startswith("Jobs › Hold time — That means") for p in prompts(r))
    assert any("leans on the one before" in w for t in r.triage for w in t.reasons)


def test_a_nested_list_typed_on_one_line_waits_in_triage(tmp_path: Path) -> None:
    """ "Key made of: - Headers: None - Named - Cookies: None - All": the levels are lost on one line."""
    text = (
        "# Edge cache\n\n## Cache key\n\nKey made of: - Headers: None - Named only - Cookies: None - All\n\n"
        "Lifetime: set by the origin with its cache header\n"
    )
    r = imp(tmp_path, text)
    assert not any(f.startswith("Key made of") for f in fronts(r))
    assert any("run into one line" in w for t in r.triage for w in t.reasons)


def test_a_count_of_kinds_as_the_label_waits_in_triage(tmp_path: Path) -> None:
    """ "Mainly two types: Ours; Yours": two types of what? The label does not say."""
    text = (
        "# Vault\n\n- Mainly two types\n    - Held by us\n    - Held by you\n"
        "- Rotation: keys held by us turn over every year\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Rotation (Vault)"]
    assert any("count of kinds" in w for t in r.triage for w in t.reasons)


def test_a_flat_list_typed_on_one_line_stays(tmp_path: Path) -> None:
    """ "Signed link: - One path, any origin - Filter by address and date": one level, readable."""
    text = (
        "# Edge cache\n\n"
        "Signed link: - One path, any origin - One key pair per account - Filter by address and date\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Signed link (Edge cache)"]


def test_a_blank_over_100_percent_as_emphasis_waits_in_triage(tmp_path: Path) -> None:
    """ "Each zone is {{100%}} separated from the next": "100%" says "fully", no figure to recall."""
    text = (
        "# Zones\n\n- Each zone is 100% separated from the next one in the area\n"
        "- A zone holds at least 3 buildings\n"
    )
    r = imp(tmp_path, text)
    assert not any("separated" in p for p in prompts(r))
    assert any("trivia" in w for t in r.triage for w in t.reasons)


def test_a_checkbox_state_and_a_pointer_to_the_docs_wait_in_triage(tmp_path: Path) -> None:
    """ "Monthly statement by email" - checked records a console choice; "Consult the official docs
    for ..." only points elsewhere, however long the line."""
    text = (
        "# Accounts\n\n## Spending\n\n* Alerts can be turned on under Account page -> Alert Settings:\n"
        '    * "Monthly statement by email" - checked\n    * "Spend limit warnings" - Ticked\n'
        "* Further reading: Consult the official docs for the full story behind the split of duties\n"
        "* Root user: the identity created with the account, holding every permission\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Root user (Accounts › Spending)"]
    reasons = [w for t in r.triage for w in t.reasons]
    assert sum("a name or a setting" in w for w in reasons) == 2
    assert any("only points elsewhere" in w for w in reasons)


def test_a_short_title_line_over_a_table_is_said_in_each_rows_context(tmp_path: Path) -> None:
    """A title line just over a table ("What each tool can set up") says what its cells answer; the
    row alone ("Tool A: Hosts, Cloud resources?") does not. A sentence over a table is no title."""
    text = (
        "# Deployment\n\nWhat each tool can set up\n\n"
        "| Tool | Hosts | Cloud resources |\n|---|---|---|\n| Stack templates | no | yes |\n\n"
        "## Queues\n\nThe numbers below were measured on a small test account last spring.\n\n"
        "| Setting | Value |\n|---|---|\n| Longest wait for a message | 20 seconds |\n"
    )
    assert fronts(imp(tmp_path, text)) == [
        "Stack templates: Hosts, Cloud resources? (Deployment › What each tool can set up)",
        "Longest wait for a message (Deployment › Queues)",
    ]


def test_merge_conflict_markers_are_left_out_with_one_warning(tmp_path: Path) -> None:
    """An unresolved merge conflict: its "<<<<<<< ", "=======" and ">>>>>>> " lines are no part of any
    card, both sides' lines are read, and the import warns once for the file, with the line it opens."""
    text = (
        "# Plans\n\n- Gold tier\n    - Advisor checks: every check plus an API\n<<<<<<< HEAD\n"
        "    - Phone line: open all day\n=======\n    - Phone line: open all day and night\n"
        ">>>>>>> 0123abcd\n    - Cases: no limit on how many\n\n"
        "Later notes\n\n<<<<<<< HEAD\nSupport window: 12 hours\n=======\nSupport window: 24 hours\n"
        ">>>>>>> feature/rewrite\n"
    )
    r = imp(tmp_path, text)
    faces = [f"{c.front}\n{c.back}" for c in r.cards if isinstance(c, BasicCard)] + prompts(r)
    assert faces and not any("<<<<<<<" in f or ">>>>>>>" in f or "=======" in f for f in faces)
    assert any(c.back == "every check plus an API" for c in r.cards if isinstance(c, BasicCard))
    warned = [w for w in r.warnings if "merge conflict" in w.message]
    assert len(warned) == 1 and warned[0].line == 5
    assert "2 of them" in warned[0].message and "line 5" in warned[0].message


def test_a_heading_underline_of_equals_signs_is_no_conflict_marker(tmp_path: Path) -> None:
    """ "=======" under a paragraph underlines a heading; outside a conflict it stays one, and a
    conflict shown inside a fenced code block (a note about git) is left as it is."""
    text = (
        "Queues\n=======\n\n- Retention: kept for four days unless set longer\n\n"
        "```\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> main\n```\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Retention (Queues)"]
    assert not any("merge conflict" in w.message for w in r.warnings)


def test_a_region_or_zone_code_as_the_whole_answer_waits_in_triage(tmp_path: Path) -> None:
    """ "Region: eu-north-1 (Stockholm)" over "- Zone 1: eu-north-1a": one example's values, no fact.
    The code of the Region where the global services live, under a label that says what is asked,
    is a fact and stays; so does a line that only mentions a code among its words."""
    text = (
        "# Global layout\n\n## Zones\n\nRegion: **eu-north-1** (Stockholm)\n"
        "- Zone 1: **eu-north-1a**\n- Zone 2: **eu-north-1b**\n\n## Edge\n\n"
        "- Certificate Region of the edge network: us-east-1 (N. Virginia)\n"
        "- Home of the billing alarms: us-east-1 holds the billing figures of every Region\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == [
        "Certificate Region of the edge network (Global layout)",
        "Home of the billing alarms (Global layout › Edge)",
    ]
    reasons = [w for t in r.triage for w in t.reasons]
    assert sum("Region or zone code" in w for w in reasons) == 3


def test_a_short_lead_in_over_a_list_is_said_in_its_terms_context(tmp_path: Path) -> None:
    """ "Billing basics of rented servers:" over "- Disks: pay for the space held": the line says what
    "Disks" is asked about, as a parent bullet would. A long lead-in stays out of the fronts."""
    text = (
        "# Hosting\n\nBilling basics of rented servers:\n\n- Disks: pay for the space held\n"
        "- Traffic: pay for the bytes sent out\n\n## Sizes\n\n"
        "These are the sizes that the provider lists on its order page for a new machine:\n\n"
        "- Small: two cores and four gigabytes of memory\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == [
        "Disks (Hosting › Billing basics of rented servers)",
        "Traffic (Hosting › Billing basics of rented servers)",
        "Small (Hosting › Sizes)",
    ]


def test_a_count_of_kinds_under_a_heading_naming_the_thing_stays(tmp_path: Path) -> None:
    """ "Two types" under "## Private Links" asks the kinds of private links: the heading says of what.
    Under a heading that names nothing ("Considerations") or hedged ("Mainly two types") it waits."""
    text = (
        "# Networks\n\n## Private Links\n\n- Two types\n    - Interface links\n    - Route-table links\n\n"
        "## Considerations\n\n- Three kinds\n    - Fast lane\n    - Slow lane\n    - Bulk lane\n\n"
        "## Peering Links\n\n- Mainly two types\n    - Same account\n    - Other account\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Two types (Networks › Private Links)"]
    assert sum("count of kinds" in w for t in r.triage for w in t.reasons) == 2


def test_a_bracketed_doubt_in_a_heading_is_left_out_of_the_context(tmp_path: Path) -> None:
    """ "## Boxes - Host Mode [host or instance ???]": the author's doubt is no part of where the card is;
    a bracket without a doubt ("[beta]") stays."""
    text = (
        "# Boxes\n\n## Boxes - Host Mode [host or instance ???]\n\n- Host: a machine you rent and manage\n\n"
        "## Boxes - Light Mode [beta]\n\n- Slot: a share of a machine the provider runs\n"
    )
    assert fronts(imp(tmp_path, text)) == [
        "Host (Boxes - Host Mode)",
        "Slot (Boxes - Light Mode [beta])",
    ]


# --- round 28 (the causes of rounds 23-27 pooled) -------------------------------------------------


def test_a_price_behind_a_blank_waits_in_triage(tmp_path: Path) -> None:
    """ "{{$0.30}} per vault a month", "like {{25}}$ an hour": list prices change and differ by Region,
    the exam asks how a thing is billed; a limit behind a blank stays, and so do credits given."""
    text = (
        "# Vault\n\n- Each vault costs $0.30 a month to keep\n"
        "- Reading a key costs 0.02 USD per thousand calls\n"
        "- A vault holds at most 500 keys\n"
        "- New accounts get up to $150 in credits\n- An idle address costs ==$0.01== an hour\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == [
        "A vault holds at most [...] keys",
        "Vault — New accounts get up to [...] in credits",
        "Vault — An idle address costs [...] an hour",
    ]
    assert sum("hides a price" in w for t in r.triage for w in t.reasons) == 2


def test_a_case_told_in_the_first_person_is_no_fact_to_blank(tmp_path: Path) -> None:
    """ "I want the fleet's load to stay near 60%", "pay like 25$ an hour": one person's case, its values
    are not facts; a default stated plainly stays."""
    text = (
        "# Fleet scaling\n\n- I want the fleet's load to stay near 60%\n"
        "- Book capacity like 25$ an hour and pay list price above it\n"
        "- A cooldown lasts 300 seconds by default\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["Fleet scaling — A cooldown lasts [...] by default"]
    assert any("hides an example" in w for t in r.triage for w in t.reasons)


def test_a_label_going_on_from_the_line_above_waits_in_triage(tmp_path: Path) -> None:
    """ "- Split the parts of a system / - using queues: one reader per message": "using queues" ends the
    sentence above, it names no term; "Queues: ..." stays."""
    text = (
        "# Messaging\n\n- Better to split the parts of a system\n"
        "    - using queues: one reader per message\n"
        "    - via topics: every subscriber gets a copy\n"
        "- Queues: hold messages until a reader takes them\n"
    )
    r = imp(tmp_path, text)
    assert [f.split(" (")[0] for f in fronts(r)] == ["Queues"]
    assert sum("goes on from the line above" in w for t in r.triage for w in t.reasons) == 2


def test_a_table_of_two_things_in_sentence_case_names_both(tmp_path: Path) -> None:
    """ "| Row store | Column store |" sets two things side by side: each row's question names the first
    one's trait and asks the second's ("Row store: ... — Column store?"); a header of roles in sentence
    case ("When to use") is no thing compared."""
    text = (
        "# Stores\n\n| Row store | Column store |\n|---|---|\n"
        "| Many small writes of whole records | Few large reads of some columns |\n"
        "| Serves the live application traffic | Serves the monthly reporting jobs |\n\n"
        "## Picking\n\n| Option | When to use |\n|---|---|\n| Cache in front | Reads repeat a lot |\n"
    )
    got = fronts(imp(tmp_path, text))
    assert "Row store: Many small writes of whole records — Column store? (Stores)" in got
    assert "Cache in front: When to use? (Stores › Picking)" in got


def test_plain_options_keyed_by_letters_in_a_details_block(tmp_path: Path) -> None:
    """Options as plain "+" bullets, the key under them in a hidden block as letters ("b,d"): the letters
    count the bullets; the scene above the question is part of it; no note card is made of the options.
    A key naming a letter past the last option is a broken key, skipped with a warning."""
    text = (
        "# Practice set\n\n"
        "A team stores build logs in a bucket and wants old ones gone without writing code.\n\n"
        "Which two settings do this? (Select two)\n\n"
        "+ A rule that expires objects after 30 days\n"
        "+ A queue that holds the logs for 14 days\n"
        "+ A rule that moves objects to a colder class first\n"
        "+ A trigger that runs a function on every upload\n\n"
        "<details close>\n<summary>Answer</summary>\na,c\n</details>\n\n---\n\n"
        "Which store keeps a session for a few minutes?\n\n"
        "+ A cache in memory\n+ A tape archive\n\n"
        "<details close>\n<summary>Answer</summary>\nd\n</details>\n"
    )
    r = imp(tmp_path, text)
    cards = mcqs(r)
    assert len(r.cards) == 1 and len(cards) == 1
    assert cards[0].question == (
        "A team stores build logs in a bucket and wants old ones gone without writing code. "
        "Which two settings do this? (Select two)"
    )
    assert cards[0].options[0] == "A rule that expires objects after 30 days"
    assert cards[0].correct == (0, 2)
    assert any("names option D" in w.message for w in r.warnings)


def test_a_list_whose_points_only_repeat_its_label_makes_no_list_card(tmp_path: Path) -> None:
    """ "- Shared Racks vs Private Racks" over "- Private" and "- Shared" (each with its own point): the
    points are the label's own words, no list to recall; the points under them still make cards."""
    text = (
        "# Hosting\n\n- Shared Racks vs Private Racks\n    - Private\n"
        "        - a whole machine for one tenant\n    - Shared\n        - tenants split one machine\n"
    )
    got = pairs(imp(tmp_path, text))
    assert not any(back == "Private; Shared" for _, back in got)


def test_a_devices_memory_and_cores_behind_a_blank_wait_in_triage(tmp_path: Path) -> None:
    """ "48 vCPUs, 96 GiB of RAM" of a shipped device is its spec sheet, not what the exam asks; how much
    data it holds, and a function's memory range, stay."""
    text = (
        "# Crate devices\n\n- Up to 48 vCPUs, 96 GiB of RAM\n- Holds up to 60 TB of data\n\n"
        "# Functions\n\n- Memory from 128 MB to 10,240 MB\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == [
        "Crate devices — Holds up to [...] of data",
        "Functions — Memory from [...] to [...]",
    ]
    assert any("spec figures (RAM" in w for t in r.triage for w in t.reasons)


def test_tags_at_the_end_of_a_heading_or_a_line_are_no_words_of_the_note(tmp_path: Path) -> None:
    """ "## What is a landing zone? #card" (a flashcard plugin's tag), "#aws/org" (an app's tag) and a
    line's trailing "#flashcards" are marks for an app; "## Step #2" numbers its heading and stays."""
    text = (
        "# Accounts\n\n## What is a landing zone? #card #aws/org\n\n"
        "- A landing zone is a prepared set of accounts with guard rails\n\n"
        "## Step #2\n\n- Quota: at most 10 accounts a day #flashcards/aws\n"
    )
    r = imp(tmp_path, text)
    shown = [c.prompt() for c in r.cards] + [str(t.card) for t in r.triage]
    assert not any("#card" in x or "#aws" in x or "#flashcards" in x for x in shown)
    assert any("(What is a landing zone?)" in x for x in shown)
    assert any("Step #2" in x for x in shown)


def test_a_line_ending_on_a_dash_goes_on_in_its_one_child(tmp_path: Path) -> None:
    """ "- A hot store is a write-behind cache -" over "  - which means writes land in both later": one
    sentence on two lines, read whole (no back ending on " -")."""
    text = (
        "# Caches\n\n- A hot store is a write-behind cache -\n"
        "    - which means writes reach the table later\n- Entries expire after 5 minutes\n"
    )
    r = imp(tmp_path, text)
    got = [(c.front, c.back) for c in r.cards if isinstance(c, BasicCard)]
    got += [(t.card["front"], t.card["back"]) for t in r.triage if "front" in t.card]
    assert (
        "What is a hot store? (Caches)",
        "a write-behind cache, which means writes reach the table later",
    ) in got


def test_a_worked_calculation_under_a_bold_title_waits_in_triage(tmp_path: Path) -> None:
    """ "**Calculation:**" typed on the first line of a paragraph of a case's figures ("60 items, 2KB
    each"): the values are the case's, not facts; a limit stated before it stays."""
    text = (
        "# Capacity\n\n- One read unit covers 4KB a second\n\n"
        "**Calculation:**\nSetup and needs:\n4 units\n60 records, 2KB each\nStrong reads\n\n"
        "**Example:**\n\nA table with 7 units reads 28KB a second\n"
    )
    r = imp(tmp_path, text)
    assert prompts(r) == ["Capacity — One read unit covers [...] a second"]
    assert sum("one example" in w for t in r.triage for w in t.reasons) == 2


# --- rounds 30 and 31 --------------------------------------------------------------------------------


def test_lettered_options_with_the_right_ones_highlighted(tmp_path: Path) -> None:
    """Options "A." to "E." a line each, the right ones wrapped whole in <mark> (or <u>): the marks are
    the key; the scene's figures make no cloze cards."""
    text = (
        "## Question 12\nA shop keeps order files for 5 years and reads them in the first 20 days only.\n"
        "Which two steps cost the least? (Select TWO.)\n\n"
        "<mark>A. Store new files in the infrequent-access class</mark>\n"
        "B. Keep every file in the standard class\n"
        "C. Delete files after 20 days\n"
        "<u>D. Move files to the archive class after 20 days</u>\n\n"
        "## Question 13\nWhich store suits a session cache?\n\n"
        "A. A tape archive\n<mark>B. An in-memory cache</mark>\n"
    )
    r = imp(tmp_path, text)
    cards = mcqs(r)
    assert len(r.cards) == 2 and [c.correct for c in cards] == [(0, 3), (1,)]
    assert cards[0].options[0] == "Store new files in the infrequent-access class"


def test_a_question_heading_with_no_question_under_it_makes_no_card(tmp_path: Path) -> None:
    """ "### Question 6:" over the options alone: nothing asks, so no card (with a warning)."""
    text = (
        "### Question 5:\n\nWhich is a managed queue?\n\n- [x] A queue service\n- [ ] A disk\n\n"
        "### Question 6:\n\n- [x] A cache can sit in front of a table\n- [ ] A disk is a queue\n"
    )
    r = imp(tmp_path, text)
    assert [c.question for c in mcqs(r)] == ["Which is a managed queue?"]
    assert any("no question" in w.message for w in r.warnings)


def test_obsidian_comments_block_ids_and_marks_are_no_words_of_the_note(tmp_path: Path) -> None:
    """ "%% fold %%" (a comment the app hides, also over several lines), "^a1b2c3" (a block's anchor)
    and "[!]" / "[!tip]" marks show in no card; "2^10" stays."""
    text = (
        "# Disks %% fold %%\n\n## Snapshots: %% fold %%\n\n"
        "- Copies run up to 5 at a time per Region ^a1b2c3\n- [!]Cold disks: the cheapest magnetic kind\n"
        "- [!tip] Warm disks: spinning, for big sequential reads\n"
        "%%\nhidden draft line: up to 99 copies\n%%\n- Block size is 2^10 bytes here\n"
    )
    r = imp(tmp_path, text)
    shown = [c.prompt() for c in r.cards] + [str(t.card) for t in r.triage]
    assert shown and not any("%%" in x or "^a1b2c3" in x or "[!" in x or "99" in x for x in shown)
    assert any("2^10" in getattr(c, "text", "") for c in r.cards)
    assert "Cold disks (Snapshots)" in fronts(r)


def test_which_of_the_following_and_a_table_of_contents_are_no_terms(tmp_path: Path) -> None:
    """ "5. Which of the following is a valid alias entry" (a quiz's line) is no term to ask "What is
    ...?" about; a list labelled "Table of contents" is the page's outline, not a list to recall."""
    text = (
        "# Names\n\n## Questions\n\n1. Which of the following is a valid alias entry for a zone apex\n\n"
        "## Disks\n\n- Table of contents\n    - features\n    - volume types\n    - snapshots\n"
    )
    r = imp(tmp_path, text)
    shown = [c.prompt() for c in r.cards] + [str(t.card) for t in r.triage]
    assert not any("Which of the following" in x or "contents" in x.lower() for x in shown)


def test_a_lists_number_typed_as_text_is_no_figure_and_no_part_of_a_term(tmp_path: Path) -> None:
    """ "1. This is the dearest option" kept as text under a bold label (indented too deep to be a list):
    the "1" is no figure to blank; "**3 ) Storage Boost**: ..." asks "Storage Boost"."""
    text = (
        "# Renting\n\n- **By the hour**:\n\t\tYou pick any size and stop it at any time.\n"
        "\t\t1. This is the dearest and most flexible way to rent.\n"
        "\t\t2. You pay only while the machine runs, billed by the second.\n\n"
        "**3 ) Storage Boost**: an option for faster disk reads on a machine\n"
    )
    r = imp(tmp_path, text)
    assert not any("[...]. " in p or p.endswith("— [...]") for p in prompts(r))
    assert "Storage Boost (Renting)" in fronts(r)


def test_an_answer_that_is_a_blank_to_fill_waits_in_triage(tmp_path: Path) -> None:
    """A quiz copied as "Logs is a service for _____": the learner's blank is no answer."""
    r = imp(tmp_path, "# Quiz\n\n- Logs is a service for _____ and alarms\n- Metrics: numbers over time\n")
    assert fronts(r) == ["Metrics (Quiz)"]
    assert any("blank to fill" in w for t in r.triage for w in t.reasons)


def test_a_paragraphs_first_line_naming_a_service_is_the_context_of_its_lines(tmp_path: Path) -> None:
    """Plain-text notes without list marks: "Amazon Key Store - managed keys" then lines under it; the
    first line names what the others are about (as a parent bullet would). Hard-wrapped prose is not
    taken for a title."""
    text = (
        "# Storage\n\n## Tiers\n\nAmazon Key Store - managed keys\n  Rotation - once a year by default\n"
        "  Deletion - waits 7 to 30 days\n\n"
        "the service rotates keys for you when\nRotation - automatic here\n  Backups - every night at two\n"
    )
    got = fronts(imp(tmp_path, text))
    assert "Rotation (Storage › Tiers › Amazon Key Store)" in got
    assert "Backups (Storage › Tiers)" in got


def test_options_as_paragraphs_keyed_by_a_bare_correct_line_in_details(tmp_path: Path) -> None:
    """Options "A." to "D." a paragraph each, the key in a hidden block as "**Correct:** B, D<br>" before
    the explanation; "Correct: a service ..." in prose is no key."""
    text = (
        "### Question 1\n\nWhich two store files? (Choose TWO)\n\nA. A queue.\n\nB. A bucket.\n\n"
        "C. A topic.\n\nD. A file system.\n\n<details><summary>Show</summary><br>**Correct:** B, D<br><br>"
        "**Explanation:** Buckets hold objects and file systems hold files.</details>\n\n"
        "### Question 2\n\nWhich one sends mail?\n\nA. A queue.\n\nB. A mailer.\n\n"
        "<details><summary>Show</summary>Correct: a service that sends mail</details>\n"
    )
    r = imp(tmp_path, text)
    assert [c.correct for c in mcqs(r)] == [(1, 3)]
    assert "Buckets hold objects" in mcqs(r)[0].explanation


def test_unticked_options_with_the_right_ones_named_in_details(tmp_path: Path) -> None:
    """ "1). Which ...?" over "- [ ]" boxes none ticked, the right option's words alone in a hidden block
    under the list: that option is the key; the options make no note cards."""
    text = (
        "# Quiz\n\n1). Which store keeps a session a few minutes?\n- [ ] A tape archive\n"
        "- [ ] A memory cache\n- [ ] A cold bucket\n\n"
        "<details><summary>Answer</summary>\n<p>\n  A memory cache\n</p>\n</details>\n\n"
        "2). How long can a booking run?\n- [ ] 1 or 3 years\n- [ ] 2 or 4 years\n\n"
        "<details><summary>Answer</summary>\n<p>\n  1 or 3 years\n</p>\n</details>\n"
    )
    r = imp(tmp_path, text)
    assert [(c.question, c.correct) for c in mcqs(r)] == [
        ("Which store keeps a session a few minutes?", (1,)),
        ("How long can a booking run?", (0,)),
    ]
    assert len(r.cards) == 2


def test_a_notes_own_record_and_a_know_label_wait_in_triage(tmp_path: Path) -> None:
    """ "Date: 2nd March, 2026", "Revised On: 17.12.2020" are the note's record of itself; "**Know**: ..."
    names the kind of remark; a field named "version" with a real answer stays."""
    text = (
        "# Notes\n\nDate: 2nd March, 2026\n\nRevised On: 17.12.2020\n\n## Deploy file\n\n"
        "- **Know**: who patches the runtime of a function\n"
        "- version: reserved for later use, the only allowed value today is 0.0\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["version (Deploy file)"]
    assert sum("own record" in w for t in r.triage for w in t.reasons) == 2


def test_bold_that_never_closes_leaves_no_stars(tmp_path: Path) -> None:
    """ "## Boxes Overview**" and "like ** Functions**" (a space after the opening stars: no bold in
    Markdown): the stars are no words of the note."""
    text = "# Compute\n\n## Boxes Overview**\n\n- Runner: starts boxes like ** Functions** on demand\n"
    got = pairs(imp(tmp_path, text))
    assert got == [("Runner (Compute › Boxes Overview)", "starts boxes like Functions on demand")]


# --- rounds 34 and 35 --------------------------------------------------------------------------------


def test_a_two_column_table_of_two_names_sets_each_row_against_the_other(tmp_path: Path) -> None:
    """ "| Quick checks | Patient checks |" (two names, one word shared) with short rows: the question
    names the first column's trait and asks the second's; "| Service | Use |" heads roles, not things."""
    text = (
        "# Queues\n\n| Quick checks | Patient checks |\n|---|---|\n| Faster answers | Slower answers |\n"
        "| Higher cost | Lower cost |\n\n## Tools\n\n| Service | Use |\n|---|---|\n| Crate | Stores boxes |\n"
    )
    got = fronts(imp(tmp_path, text))
    assert "Quick checks: Faster answers — Patient checks? (Queues)" in got
    assert "Crate: Use? (Queues › Tools)" in got


def test_a_wiki_link_in_a_heading_and_an_exam_label(tmp_path: Path) -> None:
    """ "### [[Disk Kinds]] (6)" shows the page's name, not its brackets; "EXAM: ..." names the kind of
    remark, not what is asked."""
    text = (
        "# Disks\n\n### [[Disk Kinds]] (6)\n\n- Cold disk: the cheapest magnetic kind\n"
        "- EXAM: it cannot boot\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Cold disk (Disks › Disk Kinds (6))"]
    assert any("generic label" in w for t in r.triage for w in t.reasons)


def test_a_files_chapter_number_is_no_part_of_its_subject(tmp_path: Path) -> None:
    """A file "chapter5-functions.md" without headings: its lines are about "functions", not "chapter5
    functions"."""
    r = imp(tmp_path, "- default memory is 128mb, up to 10240mb\n", name="chapter5-functions.md")
    assert prompts(r) == ["functions — default memory is [...], up to [...]"]


def test_a_fill_in_the_blank_stem_counts_as_asking_in_a_bold_quiz(tmp_path: Path) -> None:
    """Two question headings over lists with the right option in bold, one of them a stem with a blank
    ("that key ___."): both asking, so the file is a quiz and both are read."""
    text = (
        "#### Q2. Which is not a kind of identity?\n\n- Roles\n- Users\n- **Folders**\n\n"
        "#### A new access key **\\_\\_\\_**.\n\n- Opens the console\n"
        "- **Signs calls from the command line**\n"
    )
    r = imp(tmp_path, text)
    assert [(c.question, c.correct) for c in mcqs(r)] == [
        ("Which is not a kind of identity?", (2,)),
        ("A new access key ___.", (1,)),
    ]


def test_numbered_questions_with_nested_options_the_right_one_in_bold_italics(tmp_path: Path) -> None:
    """ "1. ¿Qué ...?" over plain nested options, the right one in ***bold italics***, in a file of
    several: each is a question; its options make no note cards."""
    text = (
        "### Módulo 1\n1. ¿Qué guarda objetos?\n    - Una cola\n    - ***Un bucket***\n    - Un tema\n\n"
        "2. ¿Qué ejecuta código sin servidores?\n    - ***Una función***\n    - Un disco\n"
    )
    r = imp(tmp_path, text)
    assert [(c.question, c.options, c.correct) for c in mcqs(r)] == [
        ("¿Qué guarda objetos?", ("Una cola", "Un bucket", "Un tema"), (1,)),
        ("¿Qué ejecuta código sin servidores?", ("Una función", "Un disco"), (0,)),
    ]
    assert len(r.cards) == 2


def test_notes_filed_under_an_exam_domain_are_no_exam_logistics(tmp_path: Path) -> None:
    """ "# Domain 1: Cloud Concepts" names the notes' chapter: its cards are facts; "Domain 1 is 24% of the
    exam" is the exam's own figure."""
    text = (
        "# Domain 1: Cloud Concepts\n\n## Needs\n\n- Elasticity: capacity follows demand up and down\n"
        "- Domain 1 weighs 24% of the scored content\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Elasticity (Domain 1: Cloud Concepts › Needs)"]
    assert any("logistics" in w for t in r.triage for w in t.reasons)


def test_a_dash_numbered_term_and_an_exam_share_line(tmp_path: Path) -> None:
    """ "4- Tracer SDK: ..." is the fourth point, its term "Tracer SDK"; "Represents 12% of the
    certification exam." is the exam's own figure; "3 - 5 GB" is no number to strip."""
    text = (
        "# Tracing\n\n- 4- Tracer SDK: the part that sends traces to the agent\n"
        "- Represents 12% of the certification exam.\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Tracer SDK (Tracing)"]
    assert any("logistics" in w for t in r.triage for w in t.reasons)


def test_a_next_up_link_and_an_important_note_label_wait_in_triage(tmp_path: Path) -> None:
    """ "> *Next Up:* [**Tiers**](./tiers.md)" points at the next page; "IMPORTANT NOTE: ..." names the
    kind of remark, not what is asked."""
    text = (
        "# Buckets\n\n- Versioning: keeps every copy of an object\n\n"
        "> *Next Up:* [**Tiers and Billing**](./tiers.md)\n\n"
        "- IMPORTANT NOTE: a bought image may add an hourly licence fee\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Versioning (Buckets)"]
    why = [w for t in r.triage for w in t.reasons]
    assert any("navigation" in w for w in why) and any("generic label" in w for w in why)


def test_an_unticked_task_list_keyed_in_a_details_block_indented_under_it(tmp_path: Path) -> None:
    """ "Q1. ...?" over "- [ ]" boxes, the key in a <details> block indented under the list (so read as
    the last option's paragraph): "Correct answer: A, C" is the key, not part of an option."""
    text = (
        "Q1. Which two keep data in memory? (Select TWO)\n\n- [ ] A cache\n- [ ] A tape\n- [ ] A grid\n"
        "- [ ] A disk\n\n    <details markdown=1><summary markdown='span'>Answer</summary>\n"
        "      Correct answer: A, C\n    </details>\n"
    )
    r = imp(tmp_path, text)
    assert [(c.options, c.correct) for c in mcqs(r)] == [(("A cache", "A tape", "A grid", "A disk"), (0, 2))]
    assert len(r.cards) == 1


def test_a_heading_indented_into_a_list_item_heads_what_follows_it(tmp_path: Path) -> None:
    """ "    ### Queues" typed four spaces in, under a bullet, is read by Markdown as part of that bullet;
    the learner meant a heading: the points under it are about it (not about the bullet), and the
    bullet's next sibling still belongs to the section above."""
    text = (
        "# Messaging\n\n## SNS\n\n- SNS pushes each message to every subscriber\n"
        "    ### SQS - Dead-letter queues\n"
        "    - maxReceiveCount: how many receives a message gets before it moves aside\n"
        "- Fan-out: one topic feeding several queues\n"
    )
    r = imp(tmp_path, text)
    assert (
        "maxReceiveCount (SQS - Dead-letter queues)",
        "how many receives a message gets before it moves aside",
    ) in pairs(r)
    assert ("Fan-out (SNS)", "one topic feeding several queues") in pairs(r)


def test_a_q_line_over_lettered_options_is_a_multiple_choice_question(tmp_path: Path) -> None:
    """ "**Q:** ...?" over "A. ..." "B. ..." lines (in a quote or not), the key on a line after it: the
    "A." is the first option, not the answer of a Q/A pair."""
    text = (
        "# Queues\n\n### Try one\n\n> **Q:** Which queue keeps the order of its messages?\n"
        "> A. A FIFO queue.\n> B. A standard queue.\n> C. A delay queue.\n\n"
        "✅ **Answer:** A\n💬 **Explanation:** Only FIFO queues promise order.\n\n"
        "### Flashcards\n\nQ: What is the longest long-poll wait?\nA: 20 seconds\n"
    )
    r = imp(tmp_path, text)
    assert [(c.question, c.options, c.correct) for c in mcqs(r)] == [
        (
            "Which queue keeps the order of its messages?",
            ("A FIFO queue.", "A standard queue.", "A delay queue."),
            (0,),
        )
    ]
    assert pairs(r) == [("What is the longest long-poll wait?", "20 seconds")]


def test_a_title_typed_as_a_plain_line_heads_the_list_under_it(tmp_path: Path) -> None:
    """ "Queue Types — Delivery Guarantees" alone on a line over a list (or over a paragraph) is a heading
    the learner typed as a line: no card "Queue Types => Delivery Guarantees"; the list under it is
    asked in its name, and so is the list under a bare title ("Dead Letter Queues"). A line naming a
    service and what its letters stand for stays a card."""
    text = (
        "# SQS\n\nQueue Types — Delivery Guarantees\n- Standard: at-least-once delivery\n\n"
        "Dead Letter Queues\n- Redrive policy: sends a message aside after too many receives\n\n"
        "Sizing Example: Two Producers\n\nEach producer sends about ten messages a second.\n\n"
        "SQS: Simple Queue Service\n- Visibility timeout: hides a message while it is worked on\n"
    )
    r = imp(tmp_path, text)
    got = pairs(r)
    assert ("Standard (SQS › Queue Types — Delivery Guarantees)", "at-least-once delivery") in got
    assert (
        "Redrive policy (SQS › Dead Letter Queues)",
        "sends a message aside after too many receives",
    ) in got
    assert not any(back in ("Delivery Guarantees", "Two Producers") for _, back in got)
    assert ("SQS", "Simple Queue Service") in [(f.split(" (")[0], b) for f, b in got]


def test_a_banner_heading_practice_counts_and_a_gotcha_label(tmp_path: Path) -> None:
    """A title between two "=====" rules is a heading named by its words alone; "Practice at least 150+
    mock questions" is the learner's study plan; "Classic gotcha:" names the kind of remark only."""
    text = (
        "# Storage\n\n- Objects live in buckets\n\n==========\nHANDY FACTS\n==========\n"
        "- Consistency: reads after a write see that write\n\n### Plan\n\n"
        "- Practice at least 150+ mock questions before the day.\n"
        "- Classic gotcha: a website bucket takes the name of its domain\n"
    )
    r = imp(tmp_path, text)
    assert ("Consistency (HANDY FACTS)", "reads after a write see that write") in pairs(r)
    assert not any("=" in f or "150" in f or "gotcha" in f.lower() for f in fronts(r))
    why = [w for t in r.triage for w in t.reasons]
    assert any("logistics" in w for w in why) and any("generic label" in w for w in why)


def test_a_cloze_over_the_size_of_a_worked_cases_own_object_waits(tmp_path: Path) -> None:
    """ "the {{3 MB}} file stays as an old version": the blank is the size of the one file of an example,
    not a figure worth recalling; a limit in the same words is still a card."""
    text = (
        "# S3\n\n## Versions\n\n"
        "- After the upload, the 3 MB file stays as an old version and the 7 MB file is current.\n"
        "- A single upload can carry up to 5 GB.\n"
    )
    r = imp(tmp_path, text)
    assert [c.text for c in r.cards] == ["S3 › Versions — A single upload can carry up to {{5 GB}}."]
    assert any("hides an example" in w for t in r.triage for w in t.reasons)


def test_an_outline_of_bold_labels_is_no_list_to_recall(tmp_path: Path) -> None:
    """ "**Step Functions**" over "**Basics**" and "**Limits**", each with points of its own: the labels are
    headings typed in bold, not a list whose names are worth asking; their points still are."""
    text = (
        "# Orchestration\n\n* **Step Functions**\n    * **Basics**\n        * runs a state machine\n"
        "        * each step is a state\n    * **Limits**\n        * a standard run lasts up to a year\n"
        "        * an express run lasts up to five minutes\n"
    )
    r = imp(tmp_path, text)
    assert not any(back.startswith("Basics") for _, back in pairs(r))
    assert ("Basics (Orchestration › Step Functions)", "runs a state machine; each step is a state") in pairs(
        r
    )


def test_a_point_ending_on_based_on_takes_its_children_as_its_end(tmp_path: Path) -> None:
    """ "**Billing** - you pay based on" over short points: the points end the answer; without them the
    answer is cut short and waits in triage."""
    r = imp(
        tmp_path,
        "# EBS\n\n* **Billing** - you pay based on\n  * the size you provision\n  * the IOPS you provision\n",
    )
    assert pairs(r) == [("Billing (EBS)", "you pay based on: the size you provision; the IOPS you provision")]
    r = imp(tmp_path, "# EBS\n\n* Billing: you pay based on\n\nSnapshots are incremental.\n")
    assert not any(f.startswith("Billing") for f in fronts(r))
    assert any("cut short" in w for t in r.triage for w in t.reasons)


def test_a_list_of_examples_waits_in_triage(tmp_path: Path) -> None:
    """ "Common partners such as" over a few names: the answer is some examples, not the whole."""
    r = imp(tmp_path, "# Streams\n\n- Common partners such as\n  - Acme Metrics\n  - Foo Logs\n")
    assert not fronts(r)
    assert any("examples" in w for t in r.triage for w in t.reasons)


def test_a_numbered_question_with_a_scene_a_bold_stem_and_a_bracketed_key(tmp_path: Path) -> None:
    """ "### Question 2" over "**Scenario:** ...", "**Which one?**", "A) ..." lines and "**Answer:** C)
    <the option again>": the scene and the stem are the question (no note card of the scene), the key
    is C, and the option said again is no part of the explanation."""
    text = (
        "# Queues\n\n## Practice\n\n### Question 2\n"
        "**Scenario:** Orders must be handled once, in the order sent.\n\n"
        "**Which queue fits?**\n\nA) Standard queue  \nB) Delay queue  \nC) FIFO queue  \n\n"
        "**Answer:** C) FIFO queue\n**Explanation:** FIFO keeps the order and drops duplicates.\n"
    )
    r = imp(tmp_path, text)
    assert [(c.question, c.correct, c.explanation) for c in mcqs(r)] == [
        (
            "Orders must be handled once, in the order sent. Which queue fits?",
            (2,),
            "FIFO keeps the order and drops duplicates",
        )
    ]
    assert len(r.cards) == 1 and not r.triage


def test_a_key_written_in_portuguese_spanish_or_italian(tmp_path: Path) -> None:
    """ "**Resposta:** B)", "Respuesta correcta: A", "Risposta: C": the key of the options above it."""
    for key, want in (
        ("**Resposta:** B) Duas", (1,)),
        ("Respuesta correcta: A", (0,)),
        ("Risposta: C", (2,)),
    ):
        text = f"# Quiz\n\n### Questão 1\nQual é o número?\n\nA) Um  \nB) Duas  \nC) Três  \n\n{key}\n"
        r = imp(tmp_path, text)
        assert [c.correct for c in mcqs(r)] == [want], key


def test_two_letters_of_a_key_joined_by_and_in_another_language(tmp_path: Path) -> None:
    """ "Respostas corretas: A e C" (Portuguese), "Respuestas correctas: B y D" (Spanish): both letters are
    the key, not the first alone; a key "B, E" keeps its E."""
    for key, want in (
        ("Respostas corretas: A e C", (0, 2)),
        ("Respuestas correctas: B y D", (1, 3)),
        ("Risposte corrette: A e D", (0, 3)),
        ("Correct answers: B, E", (1, 4)),
    ):
        text = (
            "# Quiz\n\n1. Quais duas opções guardam objetos? (Selecione DUAS.)\n\n"
            "  - A. Amazon S3\n  - B. Amazon SQS\n  - C. Amazon EFS\n  - D. Amazon EBS\n  - E. AWS IAM\n\n"
            f"  <details>\n    <summary>Resposta</summary>\n    {key}\n  </details>\n"
        )
        r = imp(tmp_path, text)
        assert [c.correct for c in mcqs(r)] == [want], key


def test_a_question_numbered_twice_is_read(tmp_path: Path) -> None:
    """ "2. 1. A team ...?": a question numbered twice (a list in a list on one line) is one question, read
    with the options under it as a question numbered once is."""
    text = (
        "# Quiz\n\n2. 1. A team stores session data that must survive a restart. Which service fits?\n\n"
        "  - A. Instance store\n  - B. Amazon ElastiCache for Redis with persistence\n  - C. /tmp\n\n"
        "  <details>\n    <summary>Answer</summary>\n    Correct answer: B\n  </details>\n"
    )
    r = imp(tmp_path, text)
    assert [(c.question, c.correct) for c in mcqs(r)] == [
        ("A team stores session data that must survive a restart. Which service fits?", (1,))
    ]


def test_a_numbered_question_takes_no_scene_from_the_question_above(tmp_path: Path) -> None:
    """A quiz of "**N. ...?**" paragraphs, each with its options and an "ANS:" line: the question that
    asks "Which solution ...?" starts at its own number, not at the last question's "ANS: C" above it."""
    text = (
        "# Quiz\n\n**1. Which store keeps data when an instance stops?**\n\nA. Instance store\nB. EBS\n\n"
        "ANS: B, EBS persists\n\n"
        "**2. Reads overload a rarely written database. Which solution will NOT help fix this problem?**\n\n"
        "A. A cache\nB. A read replica\nC. Multi-AZ\n\nANS: C\n"
    )
    r = imp(tmp_path, text)
    assert [(c.question, c.correct) for c in mcqs(r)] == [
        ("Which store keeps data when an instance stops?", (1,)),
        ("Reads overload a rarely written database. Which solution will NOT help fix this problem?", (2,)),
    ]


def test_a_section_the_notes_call_not_needed_for_the_exam_waits_in_triage(tmp_path: Path) -> None:
    """ "Instance Types (Not necessary to memorize this for Associate-level exams)": the learner's notes say
    the section is not exam material, so its cards wait in triage with that reason; other sections do not."""
    text = (
        "# EC2\n\n## Instance Types (Not necessary to memorize this for Associate-level exams)\n\n"
        "- **C5**: compute optimized, for batch processing\n- **R5**: memory optimized, for caches\n\n"
        "## Purchasing\n\n- **Spot Instances**: spare capacity at a discount that can be taken back\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Spot Instances (EC2 › Purchasing)"] and len(r.cards) == 1
    assert len(r.triage) == 2
    assert all("not needed for the exam" in " ".join(t.reasons) for t in r.triage)


def test_a_picture_named_as_a_file_path_is_no_answer(tmp_path: Path) -> None:
    """ "meme site : [./assets/img-0042.png]": the note meant to show a picture; a file's path is no fact."""
    text = (
        "# Queues\n\n- meme site : [./assets/img-0042.png]\n- [./img/flow.jpg]\n"
        "- Buffer: a queue sits between the producer and the consumer\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Buffer (Queues)"] and len(r.cards) == 1
    assert not r.triage


def test_a_bold_title_after_a_pictograph_heads_its_list(tmp_path: Path) -> None:
    """ "💡 **Quick notes on storage types:**" over a list: the bold line titles the list (its cards say
    so), as it does without the pictograph; it makes no card of its own."""
    text = (
        "# Storage\n\n## Caches\n\n- **Speed**: in-memory reads take microseconds\n\n"
        "💡 **Quick notes on storage types:**\n\n"
        "- **Instance Store:** block storage on the host, lost when the instance stops\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == [
        "Speed (Storage › Caches)",
        "Instance Store (Storage › Caches › Quick notes on storage types)",
    ]


def test_options_that_fill_two_blanks_with_a_bar_are_no_markup(tmp_path: Path) -> None:
    """ "the ______ service gives _____ credentials" over options "meta data | temporary": the bar pairs
    the words of the two blanks; the question enters the deck, not triage."""
    text = (
        "# Quiz\n\n**1. On an instance, the CLI asks the ______ service for _____ credentials.**\n\n"
        "A. user data | temporary\nB. meta data | temporary\nC. meta data | permanent\n\nANS: B\n"
    )
    r = imp(tmp_path, text)
    assert [(c.options, c.correct) for c in mcqs(r)] == [
        (("user data | temporary", "meta data | temporary", "meta data | permanent"), (1,))
    ]
    assert not r.triage


def test_the_result_of_a_sum_worked_out_in_the_line_is_no_blank(tmp_path: Path) -> None:
    """ "8 writes/sec of 3 KB: 8 × 3 = 24 WCUs" hides the result of an example's sum; the rule in the line
    after it stays a card. A heading "Cálculos" (calculations) marks a worked case, as "Calculations" does."""
    text = (
        "# DynamoDB\n\n## Capacity\n\n- Sum: 8 writes/sec of 3 KB: 8 × 3 = 24 WCUs\n"
        "- One WCU is one write a second of up to 1 KB\n\n"
        "## Cálculos\n\n- 5 reads a second of 8 KB take 10 RCUs\n"
    )
    r = imp(tmp_path, text)
    assert [c.text for c in r.cards] == [
        "DynamoDB › Capacity — One WCU is one write a second of up to {{1 KB}}"
    ]
    assert len(r.triage) == 2


def test_a_learn_more_list_of_links_is_no_card(tmp_path: Path) -> None:
    """ "**Learn more:**" over links to pages: reading to do, not points to recall (a list of services
    written as links still is one)."""
    text = (
        "# Regions\n\n## Choosing\n\n- Latency: pick the Region closest to users\n\n**Learn more:**\n\n"
        "- [Global infrastructure](https://example.com/a)\n- [Regions and zones](https://example.com/b)\n"
    )
    r = imp(tmp_path, text)
    assert fronts(r) == ["Latency (Regions › Choosing)"]
    assert not any("Learn more" in str(t.card.get("front", "")) for t in r.triage)


def test_round_46_and_47_shapes(tmp_path: Path) -> None:
    """ "Opt1: ..." asks by a number only (triage); "5. ==Cost Optimization==" names its points without
    its highlight marks; "3,5k" (3.5 thousand, a comma for the point) is no figure to hide in part; a
    tag typed at the end of a line ("#AWSService") is the notes app's, not the card's."""
    text = (
        "# Pillars\n\n5. ==Cost Optimization==\n   - Principles\n      - Pay for what you use\n"
        "      - Measure efficiency\n\n## Copying a table\n\n- Opt1: export it and load the copy\n\n"
        "## Requests\n\n- 3,5k writes per second per prefix\n\n## Summary\n\n"
        "Lambda runs code without servers and bills by the millisecond. #AWSService\n"
    )
    r = imp(tmp_path, text)
    assert ("Principles (Pillars › Cost Optimization)", "Pay for what you use; Measure efficiency") in pairs(
        r
    )
    assert not any("Opt1" in f or "[...],5k" in f or "#AWSService" in f for f in fronts(r))
    assert not any("#AWSService" in getattr(c, "back", "") for c in r.cards)
    assert any("numbered label" in w for t in r.triage for w in t.reasons)


def test_tagged_questions_each_with_its_answer_under_it(tmp_path: Path) -> None:
    """ "#Q ...?" (a flashcard plugin's question tag) over "Answer: ..." (or "**Answer**: ..."), several in
    one paragraph: a card each; a question with no answer under it ("See:") makes none; an out-of-date value
    in an answer is flagged from its question's words ("SQS" is on the question's line)."""
    text = (
        "# Functions\n\n#Q How long can one run last?\nAnswer: up to 15 minutes\n"
        "#Q Where are the docs?\nSee:\n"
        "#Q How fast does a function scale on an SQS queue?\n"
        "**Answer**: it adds 60 more instances per minute\n"
    )
    facts = parse_facts(
        (Path(__file__).resolve().parent.parent / "content" / "facts.yaml").read_text(encoding="utf-8"),
        "facts.yaml",
    )
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    r = run_import([NoteFile("notes.md", path)], "t", TOPICS, facts=facts)
    assert pairs(r) == [("How long can one run last?", "up to 15 minutes")]
    assert [t.card["front"] for t in r.triage] == ["How fast does a function scale on an SQS queue?"]
    assert any(w.startswith("outdated") for w in r.triage[0].reasons)


def test_a_practice_tests_q_and_a_table_and_entities_and_footnote_marks(tmp_path: Path) -> None:
    """ "| No | | Q | A |" rows of a practice test: a card a row with both cells, the row's number and
    mark no part of it (rows without a question make none). "&amp;" and "&#x20;" show as the page
    shows them; a footnote's mark ("[^2.1]") is no part of a heading or a card."""
    text = (
        "# Practice test 3\n\n| No | | Q | A |\n| --- | --- | --- | --- |\n"
        "| 1 | ❌ | Queue messages must keep their order. Which queue? | SQS FIFO |\n| 2 | ✅ | | |\n\n"
        "## Tagging [^2.1]\n\n- Tag Editor: finds and edits tags across services &amp; Regions&#x20;\n"
    )
    r = imp(tmp_path, text)
    assert ("Queue messages must keep their order. Which queue?", "SQS FIFO") in pairs(r)
    assert ("Tag Editor (Tagging)", "finds and edits tags across services & Regions") in pairs(r)
    assert len(r.cards) == 2
