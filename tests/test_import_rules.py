"""The extractors: explicit markup, plain notes, skips and warnings."""

from __future__ import annotations

from pathlib import Path

from awsprep.bank.io import card_from_dict, card_to_dict
from awsprep.bank.models import BasicCard, ClozeCard, McqCard
from awsprep.notes.pipeline import ImportResult, NoteFile, run_import
from awsprep.notes.topics import TopicTable

REPO = Path(__file__).resolve().parent.parent
TOPICS = TopicTable.load(REPO / "content" / "domains.yaml")


def imp(tmp_path: Path, text: str | bytes, name: str = "notes.md", deck: str = "t") -> ImportResult:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return run_import([NoteFile(name, path)], deck, TOPICS)


def by_rule(result: ImportResult, rule: str) -> list:
    return [c for c, d in zip(result.cards, result.drafts, strict=True) if d.rule == rule]


def test_single_line_and_reversed_qa(tmp_path: Path) -> None:
    r = imp(tmp_path, "# Lambda\n\nWhat is the max timeout? :: 900 seconds\nSQS ::: Simple Queue Service\n")
    qa = by_rule(r, "qa")
    assert [(c.front, c.back) for c in qa] == [("What is the max timeout?", "900 seconds")]
    rev = by_rule(r, "qa-reversed")
    assert {(c.front, c.back) for c in rev} == {
        ("SQS", "Simple Queue Service"),
        ("Simple Queue Service", "SQS"),
    }
    assert all(c.topic == "Lambda" and c.domain == "development" for c in r.cards)


def test_double_colon_inside_words_is_not_a_card(tmp_path: Path) -> None:
    r = imp(tmp_path, "# CloudFormation\n\n- use Fn::GetAtt here\n- type AWS::EC2::Instance\n")
    assert not by_rule(r, "qa") and not by_rule(r, "qa-reversed")


def test_multiline_card_both_forms(tmp_path: Path) -> None:
    r = imp(
        tmp_path, "# KMS\n\nWhat rotates keys?\n?\nKey rotation, once a year\n\nFront two\n\n?\n\nBack two\n"
    )
    cards = by_rule(r, "multiline")
    assert [(c.front, c.back) for c in cards] == [
        ("What rotates keys?", "Key rotation, once a year"),
        ("Front two", "Back two"),
    ]


def test_cloze_marks(tmp_path: Path) -> None:
    r = imp(
        tmp_path, "# SQS\n\nThe longest ==long polling== wait is ==20 seconds==.\nAnd {{FIFO}} keeps order.\n"
    )
    texts = [c.text for c in by_rule(r, "cloze")]
    assert texts[0] == "SQS — The longest {{long polling}} wait is {{20 seconds}}."
    assert "{{FIFO}}" in texts[1]
    assert isinstance(r.cards[0], ClozeCard) and r.cards[0].answers() == ["long polling", "20 seconds"]


def test_empty_cloze_is_not_a_card(tmp_path: Path) -> None:
    r = imp(tmp_path, "# X\n\nThis {{ }} is empty and this {{}} too.\n")
    assert not by_rule(r, "cloze")


def test_task_list_mcq_with_explanation(tmp_path: Path) -> None:
    text = (
        "# Quiz\n\nWhich services are serverless? (Choose two)\n\n"
        "- [x] Lambda\n- [ ] EC2\n- [X] DynamoDB\n- [ ] RDS\n\n"
        "> Lambda and DynamoDB run without servers you manage.\n"
    )
    r = imp(tmp_path, text)
    (card,) = by_rule(r, "mcq")
    assert isinstance(card, McqCard)
    assert card.question == "Which services are serverless? (Choose two)"
    assert card.options == ("Lambda", "EC2", "DynamoDB", "RDS")
    assert card.correct == (0, 2)
    assert card.explanation.startswith("Lambda and DynamoDB run")


def test_heading_question_and_details_explanation(tmp_path: Path) -> None:
    text = (
        "## Which queue keeps strict order?\n\n- [ ] Standard\n- [x] FIFO\n\n"
        "<details>\n<summary>Why</summary>\nFIFO queues preserve order.\n</details>\n"
    )
    (card,) = by_rule(imp(tmp_path, text), "mcq")
    assert card.question == "Which queue keeps strict order?"
    assert card.correct == (1,)
    assert card.explanation == "FIFO queues preserve order"


def test_task_list_without_answer_warns_and_continues(tmp_path: Path) -> None:
    text = "# Q\n\nWhich one?\n\n- [ ] a\n- [ ] b\n\n## Next\n\n- **Term**: meaning of it\n"
    r = imp(tmp_path, text)
    assert not by_rule(r, "mcq")
    assert any(w.line == 3 and "no option correct" in w.message for w in r.warnings)
    assert by_rule(r, "definition")


def test_lettered_mcq_plain_and_details(tmp_path: Path) -> None:
    text = (
        "# S3\n\nWhich storage class is cheapest for archives?\nA. S3 Standard\nB. S3 Glacier Deep Archive\n"
        "C. S3 One Zone-IA\nD. EBS\nCorrect answer: B\n\n"
        "Which two are DynamoDB capacity units? (Choose two)\n\nA. RCU\n\nB. WCU\n\nC. ECU\n\nD. DTU\n\n"
        "<details><summary>Answer</summary>\nCorrect answer: A, B\n"
        "Read and write capacity units.\n</details>\n"
    )
    cards = by_rule(imp(tmp_path, text), "mcq-lettered")
    assert [c.correct for c in cards] == [(1,), (0, 1)]
    assert cards[0].question == "Which storage class is cheapest for archives?"
    assert cards[1].options == ("RCU", "WCU", "ECU", "DTU")
    assert cards[1].explanation == "Read and write capacity units"


def test_definitions_all_forms(tmp_path: Path) -> None:
    text = (
        "# SQS\n\n- **Visibility timeout**: how long a received message stays hidden\n"
        "- __DLQ__ - where messages go after too many receives\n"
        "- Long polling = waiting for messages to arrive before answering\n"
    )
    cards = by_rule(imp(tmp_path, text), "definition")
    assert [(c.front, c.back) for c in cards] == [
        ("Visibility timeout (SQS)", "how long a received message stays hidden"),
        ("DLQ (SQS)", "where messages go after too many receives"),
        ("Long polling (SQS)", "waiting for messages to arrive before answering"),
    ]


def test_number_fact_is_a_cloze_on_the_numbers(tmp_path: Path) -> None:
    r = imp(tmp_path, "# Lambda\n\n## Limits\n\n- timeout: default 3 s, max 15 minutes\n")
    (card,) = by_rule(r, "fact")
    assert card.text == "Lambda › Limits — timeout: default {{3 s}}, max {{15 minutes}}"
    assert card.topic == "Lambda"


def test_numbers_that_are_not_facts_stay_plain(tmp_path: Path) -> None:
    text = "# EC2\n\n- Review Section 3.29 of the course\n- IP 1.160.10.240 is public\n- use Amazon Linux 2\n"
    assert not by_rule(imp(tmp_path, text), "fact")


def test_nested_bullets_use_parent_as_context_and_make_a_list_card(tmp_path: Path) -> None:
    text = (
        "# DynamoDB\n\n## Writes\n\n- BatchWriteItem\n  - up to 25 PutItem or DeleteItem calls\n"
        "  - done in parallel\n- Capacity modes\n  - provisioned\n  - on-demand\n"
    )
    r = imp(tmp_path, text)
    (fact,) = by_rule(r, "fact")
    assert fact.text == "DynamoDB › Writes › BatchWriteItem — up to {{25}} PutItem or DeleteItem calls"
    (lst,) = by_rule(r, "list")  # BatchWriteItem's children are facts of their own: no list card
    assert (lst.front, lst.back) == ("Capacity modes (DynamoDB › Writes)", "provisioned; on-demand")
    assert "Capacity modes" not in [s.text for s in r.skips]


def test_pipe_and_html_tables(tmp_path: Path) -> None:
    text = (
        "# Ports\n\n| Protocol | Port |\n|---|---|\n| SSH | 22 |\n| HTTPS | 443 |\n\n"
        "<table><tr><th>Queue</th><th>Order</th></tr><tr><td>FIFO</td><td>strict</td></tr></table>\n"
    )
    cards = by_rule(imp(tmp_path, text), "table-row")
    assert [(c.front, c.back) for c in cards] == [
        ("SSH: Port? (Ports)", "22"),
        ("HTTPS: Port? (Ports)", "443"),
        ("FIFO: Order? (Ports)", "strict"),
    ]


def test_broken_pipe_table_warns(tmp_path: Path) -> None:
    r = imp(tmp_path, "# T\n\n| a | b |\n| c | d |\n")
    assert any("broken" in w.message for w in r.warnings)
    assert r.summary()["skipped"]["broken table"] == 1


def test_exam_tips_are_high_priority(tmp_path: Path) -> None:
    text = (
        "# SQS\n\n- **FIFO**: strict ordering queue\n\n## Exam Tips\n\n- **Standard**: best-effort ordering\n"
    )
    cards = {c.front: c for c in imp(tmp_path, text).cards if isinstance(c, BasicCard)}
    assert not cards["FIFO (SQS)"].high_priority
    assert cards["Standard (SQS)"].high_priority


def test_skips_say_why(tmp_path: Path) -> None:
    text = (
        "---\ntitle: x\n---\n# Notes\n\n![diagram](d.png)\n\n[AWS docs](https://docs.aws.amazon.com/)\n\n"
        "<!-- hidden -->\n\n```python\nprint('x')\n```\n\n- ok\n"
    )
    r = imp(tmp_path, text)
    skipped = r.summary()["skipped"]
    for reason in ("front matter", "image only", "link only", "html comment", "code block", "fragment"):
        assert skipped.get(reason), reason
    assert not r.cards


def test_long_answers_are_dropped(tmp_path: Path) -> None:
    long = " ".join(["word"] * 120)
    r = imp(tmp_path, f"# X\n\n- **Term**: {long}\n")
    assert not r.cards and r.summary()["skipped"]["too long"] == 1


def test_undecodable_bytes_warn_with_line(tmp_path: Path) -> None:
    r = imp(tmp_path, b"# SQS\n\n- **FIFO**: strict order\n- bad \xff\xfe byte: here\n")
    assert any(w.line == 4 and "UTF-8" in w.message for w in r.warnings)
    assert any(isinstance(c, BasicCard) and c.front.startswith("FIFO") for c in r.cards)


def test_deep_nesting_warns(tmp_path: Path) -> None:
    text = "# D\n\n" + "".join("  " * i + f"- level {i} item text\n" for i in range(14))
    r = imp(tmp_path, text)
    assert any("nested deeper" in w.message for w in r.warnings)


def test_near_duplicates_merge_and_list_both_sources(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "# SQS\n\n- **Visibility timeout**: default 30 seconds\n", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text("# SQS\n\n## More\n\n- **Visibility timeout**: default 30 seconds\n")
    notes = [NoteFile("a.md", tmp_path / "a.md"), NoteFile("b.md", tmp_path / "b.md")]
    r = run_import(notes, "t", TOPICS)
    assert len(r.cards) == 1
    assert [s.file for s in r.cards[0].sources] == ["a.md", "b.md"]
    assert r.summary()["skipped"]["near duplicate"] == 1


def test_every_card_round_trips_through_the_bank_format(tmp_path: Path) -> None:
    text = (REPO / "tests" / "data" / "mixed.md").read_text(encoding="utf-8")
    r = imp(tmp_path, text)
    assert len(r.cards) >= 10
    for card in r.cards:
        assert card_from_dict(card_to_dict(card, "t"), "x.yaml", "t") == card
        assert card.sources and card.sources[0].line >= 1 and card.topic


def test_placeholders_and_code_spans_are_kept_literally() -> None:
    from awsprep.notes.inline import plain

    text, _ = plain("Use `/aws/reference/secretsmanager/<secret-name>` for account <account-id>, <b>bold</b>")
    assert text == "Use `/aws/reference/secretsmanager/<secret-name>` for account <account-id>, bold"
    assert plain("`**not bold**` and **bold**")[0] == "`**not bold**` and bold"


def test_vague_lowercase_pairs_are_skipped_but_real_definitions_kept(tmp_path: Path) -> None:
    r = imp(
        tmp_path,
        "# CodeBuild\n\n* environment - ubuntu\n* synchronous - app to app\n"
        "* Fargate - serverless\n* buildspec - YAML file listing the build commands per phase\n",
    )
    fronts = {c.front.split(" (")[0] for c in r.cards if isinstance(c, BasicCard)}
    assert "environment" not in fronts and "synchronous" not in fronts
    assert "buildspec" in fronts
    # a one lower-case word answer ("serverless") waits in triage: such deck cards were 1 good in 9 on
    # the held-out sheets of rounds 17-31
    assert [t.card["front"].split(" (")[0] for t in r.triage] == ["Fargate"]
    assert sum(1 for s in r.skips if s.reason == "vague") == 2


def test_a_question_with_its_answer_in_details_is_a_flashcard(tmp_path: Path) -> None:
    text = (
        "# Self check\n\nHow long may one run of a function last at most?\n\n"
        "<details>\n<summary>Answer</summary>\n\n"
        "Fifteen minutes.\n\n</details>\n\n- Which store adds a memory cache to a table?\n"
        "  <details><summary>Show</summary>\n  An accelerator cluster.\n  </details>\n"
    )
    r = imp(tmp_path, text)
    assert [(c.front, c.back) for c in by_rule(r, "qa")] == [
        ("How long may one run of a function last at most?", "Fifteen minutes."),
        ("Which store adds a memory cache to a table?", "An accelerator cluster."),
    ]


def test_a_definition_ending_in_a_colon_takes_its_short_children(tmp_path: Path) -> None:
    text = (
        "# Streams\n\n- Record: the unit of data in a stream, made of:\n  - a sequence number\n  - a blob\n"
    )
    r = imp(tmp_path, text)
    assert [(c.front, c.back) for c in by_rule(r, "definition")] == [
        ("Record (Streams)", "the unit of data in a stream, made of: a sequence number; a blob")
    ]


def test_a_long_fact_keeps_only_the_sentences_with_its_numbers(tmp_path: Path) -> None:
    text = (
        "# Tokens\n\n- Sign-in tokens are short strings the service hands out on request to a caller. "
        "They last 15 minutes. Nothing about the caller's password is stored with them at all.\n"
    )
    r = imp(tmp_path, text)
    assert [c.text for c in by_rule(r, "fact")] == [
        "Sign-in tokens are short strings the service hands out on request to a caller. "
        "They last {{15 minutes}}."
    ]


def test_a_table_comparing_things_by_column_says_whose_trait_a_row_names(tmp_path: Path) -> None:
    text = (
        "# Databases\n\n| SQL | NoSQL |\n|---|---|\n| Grows by a bigger server | Grows by more servers |\n\n"
        "| Class | Retrieval |\n|---|---|\n| Archive tier | hours |\n"
    )
    r = imp(tmp_path, text)
    assert [(c.front, c.back) for c in by_rule(r, "table-row")] == [
        ("SQL: Grows by a bigger server — NoSQL? (Databases)", "Grows by more servers"),
        ("Archive tier: Retrieval? (Databases)", "hours"),
    ]


def test_a_sentence_over_a_short_list_is_no_list_name(tmp_path: Path) -> None:
    r = imp(tmp_path, "# Apps\n\n- Apps often run two tiers.\n  - a web tier\n  - a worker tier\n")
    assert by_rule(r, "list") == []


def test_a_possessive_is_no_term(tmp_path: Path) -> None:
    r = imp(tmp_path, "# Servers\n\n- Its setup at boot is a copy of the image you picked at launch time\n")
    assert by_rule(r, "is-a") == []


def test_dates_and_versions_are_no_terms(tmp_path: Path) -> None:
    text = "# Volumes\n\n- Mar 2019: volumes can grow while attached\n- v2.1.0: the first stable release\n"
    assert by_rule(imp(tmp_path, text), "definition") == []


def test_a_table_of_statements_under_two_names_compares_them(tmp_path: Path) -> None:
    text = (
        "# Firewalls\n\n| Subnet Filter | Instance Filter |\n|---|---|\n"
        "| Works on the whole subnet | Works on one instance |\n| Keeps no state at all | Keeps the state |\n"
    )
    r = imp(tmp_path, text)
    assert by_rule(r, "table-row")[0].front == (
        "Subnet Filter: Works on the whole subnet — Instance Filter? (Firewalls)"
    )


# --- options as an HTML ordered list, the answer's letters in a <details> block ---------------------
_HTML_SET = (
    "# Developer practice set\n\n"
    "A set of practice questions written while studying.\n\n"
    "1. A team keeps build logs in a bucket and wants them removed 90 days after upload.\n"
    "   Which feature does that with no code?\n\n"
    '<ol type="A">\n <li>S3 lifecycle expiration rules.</li>\n <li>S3 Transfer Acceleration.</li>\n'
    " <li>S3 Object Lock.</li>\n <li>A nightly Lambda that lists the bucket.</li>\n</ol>\n"
    "<details><summary>Show Correct Answer</summary>\n  A\n</details>\n\n---\n\n"
    "2. A shop runs its web tier on EC2 behind a load balancer and must not lose carts when an\n"
    "   instance fails. Which TWO changes help? (Choose two.)\n\n"
    '<ol type="A">\n <li>Keep carts in ElastiCache.</li>\n <li>Enable sticky sessions.</li>\n'
    " <li>Keep carts in DynamoDB.</li>\n <li>Use bigger instances.</li>\n</ol>\n"
    "<details><summary>Show Correct Answer</summary>\n  A, C\n</details>\n\n---\n\n"
    "3. Which TWO are serverless compute? (Choose two.)\n\n"
    '<ol type="A">\n <li>AWS Lambda</li>\n <li>Amazon EC2</li>\n <li>AWS Fargate</li>\n</ol>\n'
    "<details><summary>Show Correct Answer</summary>\n  AC\n</details>\n"
)


def test_html_option_list_questions_single_and_two_answers(tmp_path: Path) -> None:
    r = imp(tmp_path, _HTML_SET)
    cards = by_rule(r, "mcq-lettered")
    assert [c.correct for c in cards] == [(0,), (0, 2), (0, 2)]
    assert cards[0].question == (
        "A team keeps build logs in a bucket and wants them removed 90 days after upload. "
        "Which feature does that with no code?"
    )  # (the question's own number "1." is not part of it)
    assert cards[0].options[0] == "S3 lifecycle expiration rules."
    assert cards[1].question.endswith("(Choose two.)")
    assert cards[2].options == ("AWS Lambda", "Amazon EC2", "AWS Fargate")
    lines = [d.line for d in r.drafts if d.kind == "mcq"]
    assert lines == [5, 20, 35]  # the question's line
    # no basic or cloze card from a question's words ("90 days") or its options
    assert [d.kind for d in r.drafts] == ["mcq", "mcq", "mcq"]
    assert not r.warnings


def test_html_option_list_lower_case_type_and_answer(tmp_path: Path) -> None:
    text = (
        "# Quiz\n\nWhich service runs a function when an object lands in a bucket?\n\n"
        '<ol type="a">\n<li>AWS Glue</li>\n<li>AWS Lambda</li>\n<li>Amazon EMR</li>\n</ol>\n\n'
        "<details>\n<summary>Answer</summary>\n\nb\n\n</details>\n"
    )
    (card,) = by_rule(imp(tmp_path, text), "mcq-lettered")
    assert card.question == "Which service runs a function when an object lands in a bucket?"
    assert card.options == ("AWS Glue", "AWS Lambda", "Amazon EMR")
    assert card.correct == (1,)


def test_html_option_list_without_type_is_lettered_by_position(tmp_path: Path) -> None:
    text = (
        "# Quiz\n\n7. Which database engine does Aurora speak besides MySQL?\n\n"
        "<ol>\n<li>PostgreSQL</li>\n\n<li>Oracle</li>\n\n<li>SQL Server &amp; Db2</li>\n</ol>\n\n"
        "<details><summary>Show Correct Answer</summary>\n\nA\n\n</details>\n"
    )
    r = imp(tmp_path, text)
    (card,) = by_rule(r, "mcq-lettered")
    assert card.options == ("PostgreSQL", "Oracle", "SQL Server & Db2")
    assert card.correct == (0,)
    assert r.drafts[0].line == 3


def test_html_option_list_answer_out_of_range_is_skipped_with_a_warning(tmp_path: Path) -> None:
    text = (
        "# Quiz\n\n1. Which service queues messages between two parts of an app?\n\n"
        '<ol type="A">\n<li>Amazon SQS</li>\n<li>Amazon S3</li>\n<li>AWS IAM</li>\n</ol>\n'
        "<details><summary>Show Correct Answer</summary>\n  E\n</details>\n\n"
        "2. Which service sends one message to many subscribers? (Choose two.)\n\n"
        '<ol type="A">\n<li>Amazon SNS</li>\n<li>Amazon EventBridge</li>\n<li>AWS Config</li>\n</ol>\n'
        "<details><summary>Show Correct Answer</summary>\n  A, F\n</details>\n"
    )
    r = imp(tmp_path, text)
    assert not [d for d in r.drafts if d.kind == "mcq"]  # no card with a wrong key
    assert [w.line for w in r.warnings] == [3, 14]
    assert "option E" in r.warnings[0].message and "option F" in r.warnings[1].message
    assert [s.reason for s in r.skips if s.line in (3, 14)] == ["broken mcq", "broken mcq"]
    assert not r.cards


def test_html_option_list_explanation_after_the_letters(tmp_path: Path) -> None:
    text = (
        "# Quiz\n\n1. Which TWO keep a secret out of the code? (Choose two.)\n\n"
        '<ol type="A">\n<li>Secrets Manager</li>\n<li>A constant in the handler</li>\n'
        "<li>Parameter Store SecureString</li>\n</ol>\n"
        "<details><summary>Show Correct Answer</summary>\n"
        "B, C\n\nBoth keep the value encrypted and fetch it at run time.\n</details>\n\n"
        "2. Which store suits a key-value lookup in milliseconds?\n\n"
        '<ol type="A">\n<li>Amazon Redshift</li>\n<li>Amazon DynamoDB</li>\n</ol>\n\n'
        "Correct answer: B\n\nExplanation: DynamoDB serves single items at low latency.\n"
    )
    r = imp(tmp_path, text)
    cards = by_rule(r, "mcq-lettered")
    # (the key is read as written: the letters, not the explanation, decide it)
    assert [c.correct for c in cards] == [(1, 2), (1,)]
    assert cards[0].explanation == "Both keep the value encrypted and fetch it at run time"
    assert cards[1].explanation == "DynamoDB serves single items at low latency"
    assert [d.kind for d in r.drafts] == ["mcq", "mcq"]


def test_html_option_list_indented_under_its_question(tmp_path: Path) -> None:
    text = (
        "# Quiz\n\n1. Which service stores container images?\n"
        '   <ol type="A">\n   <li>Amazon ECR</li>\n   <li>Amazon ECS</li>\n   </ol>\n'
        "   <details><summary>Answer</summary>\n   A\n   </details>\n"
    )
    r = imp(tmp_path, text)
    (card,) = by_rule(r, "mcq-lettered")
    assert card.question == "Which service stores container images?"
    assert card.correct == (0,)
    assert r.drafts[0].line == 3


def test_html_ordered_list_in_notes_is_no_question(tmp_path: Path) -> None:
    text = (
        "# Deploying with SAM\n\nTo ship a change:\n\n"
        "<ol>\n<li>Build it with sam build.</li>\n<li>Ship it with sam deploy.</li>\n</ol>\n\n"
        "- **sam local**: runs a function on your machine before deploying\n"
    )
    r = imp(tmp_path, text)
    assert not [d for d in r.drafts if d.kind == "mcq"]
    assert not r.warnings
    assert [s.reason for s in r.skips if s.line == 5] == ["html"]  # read as before: not a card


def test_a_page_of_html_option_questions_yields_no_cards_from_its_intro(tmp_path: Path) -> None:
    intro = (
        "# Developer practice set\n\n"
        "![badge](https://img.example/badge.svg)\n\n"
        "This set holds 4 questions. Each question has 4 options and 1 or 2 correct answers. "
        "The real exam has 65 questions and you get 130 minutes.\n\n"
    )
    assert [d.kind for d in imp(tmp_path, intro).drafts] == ["cloze"]  # (read alone: a fact)
    services = ["Amazon SQS", "Amazon SNS", "Amazon Kinesis", "AWS Step Functions"]
    asks = [
        "Which service decouples two parts of an order system with a queue?",
        "Which service fans one message out to email and SMS subscribers?",
        "Which service ingests a stream of click events for replay?",
        "Which service runs a workflow of retries and branches?",
    ]
    qs = "".join(
        f'{n + 1}. {ask}\n\n<ol type="A">\n'
        + "".join(f" <li>{s}</li>\n" for s in services)
        + f"</ol>\n<details><summary>Show Correct Answer</summary>\n  {'ABCD'[n]}\n</details>\n\n---\n\n"
        for n, ask in enumerate(asks)
    )
    r = imp(tmp_path, intro + "## Questions\n\n" + qs)
    assert [c.correct for c in by_rule(r, "mcq-lettered")] == [(0,), (1,), (2,), (3,)]
    assert [d.kind for d in r.drafts] == ["mcq"] * 4  # no cloze on "4 options" or "130 minutes"
    assert any(s.reason == "practice questions' page" for s in r.skips)


def test_html_option_list_variants(tmp_path: Path) -> None:
    # options indented under the question with the answer below, not indented; letters typed again in
    # the items; the answer in brackets; the letter in the summary line
    text = (
        "# Quiz\n\n1. Which service stores container images?\n\n"
        '   <ol type="A">\n   <li>A. Amazon ECR</li>\n   <li>B. Amazon ECS</li>\n   </ol>\n\n'
        "<details><summary>Answer</summary>\n\n[A]\n\nECR keeps the images; ECS runs them.\n</details>\n\n"
        "2. Which service caches static files near viewers?\n\n"
        '<ol type="A">\n<li>AWS Direct Connect</li>\n<li>Amazon CloudFront</li>\n</ol>\n'
        "<details><summary>Correct answer: B</summary>\nEdge locations hold the copies.\n</details>\n"
    )
    r = imp(tmp_path, text)
    cards = by_rule(r, "mcq-lettered")
    assert [(c.options, c.correct) for c in cards] == [
        (("Amazon ECR", "Amazon ECS"), (0,)),
        (("AWS Direct Connect", "Amazon CloudFront"), (1,)),
    ]
    assert [c.explanation for c in cards] == [
        "ECR keeps the images; ECS runs them",
        "Edge locations hold the copies",
    ]
    assert [d.kind for d in r.drafts] == ["mcq", "mcq"]
    assert [d.line for d in r.drafts] == [3, 17]


def test_html_option_list_question_over_a_numbered_item_and_a_paragraph(tmp_path: Path) -> None:
    text = (
        "# Quiz\n\n12. A developer runs a photo service on Lambda and logs each request's duration.\n\n"
        "The developer needs the slowest request of every minute. Which tool should the developer use?\n\n"
        '<ol type="A">\n<li>CloudWatch Logs Insights</li>\n<li>AWS Config</li>\n</ol>\n'
        "<details><summary>Show Correct Answer</summary>\n  A\n</details>\n"
    )
    r = imp(tmp_path, text)
    (card,) = by_rule(r, "mcq-lettered")
    assert card.question == (
        "A developer runs a photo service on Lambda and logs each request's duration. "
        "The developer needs the slowest request of every minute. Which tool should the developer use?"
    )
    assert [(d.kind, d.line) for d in r.drafts] == [("mcq", 3)]
    assert not [s for s in r.skips if s.line == 3]  # the opening is not read as a note
    # (two paragraphs under the numbered item: both go on with the question)
    text = text.replace("\n\nThe developer needs", "\n\nTraffic doubles at noon.\n\nThe developer needs")
    r = imp(tmp_path, text)
    (card,) = by_rule(r, "mcq-lettered")
    assert "duration. Traffic doubles at noon. The developer needs" in card.question
    assert [(d.kind, d.line) for d in r.drafts] == [("mcq", 3)]


MOCK_WITH_KEY_TABLE = """# Mock exam: storage and streaming

> 3 questions | 10 minutes

## Questions

### Q1 | Domain 1 | Streaming | Difficulty: Easy
**Type: Single Answer**

A team sends sensor readings to Amazon S3 and wants no servers or consumer code to run.

Which service should the team use?

A. Amazon Kinesis Data Streams with a consumer on EC2
B. Amazon Data Firehose with an S3 destination
C. Amazon SQS with a polling worker
D. Amazon SNS with an email subscription

### Q2 | Domain 2 | Storage | Difficulty: Medium
**Type: Multiple Answer (Select TWO)**

A bucket holds logs read once a quarter. Which two choices lower the storage bill? (Select TWO)

A. S3 Standard-IA
B. S3 Glacier Instant Retrieval
C. S3 Express One Zone
D. Provisioned IOPS SSD

### Q3 | Domain 3 | Operations | Difficulty: Easy

Which service keeps a record of API calls made in an account?

A. AWS CloudTrail
B. Amazon Inspector
C. AWS Config rules only
D. Amazon Macie

## Answer Key

| Q | Answer | Domain | Topic |
|---|---|---|---|
| 1 | B | 1 | Streaming |
| 2 | A, B | 2 | Storage |
| 3 | A | 3 | Operations |

## Detailed Explanations

### Q1: B — Amazon Data Firehose
Firehose delivers a stream to S3 with buffering and no code to run.

### Q2: A, B — Standard-IA and Glacier Instant Retrieval
Both cost less per GB than Standard for data read rarely.

### Q3: A — CloudTrail
CloudTrail records API activity; Config records resource settings over time.
"""


def test_questions_under_numbered_headings_keyed_by_a_table_at_the_end(tmp_path: Path) -> None:
    """'### Q7 | Domain | Topic' questions (scene and ask in paragraphs, a bold type label, 'A.' options),
    keyed by an answer table ('| Q | Answer |') with '### Q7: B — ...' explanations below: each read with
    its key, its whole question and its explanation; the key, its table and explanations make no card."""
    r = imp(tmp_path, MOCK_WITH_KEY_TABLE)
    cards = by_rule(r, "mcq-lettered")
    assert [c.correct for c in cards] == [(1,), (0, 1), (0,)]
    assert cards[0].question == (
        "A team sends sensor readings to Amazon S3 and wants no servers or consumer code to run. "
        "Which service should the team use?"
    )
    assert cards[0].explanation.startswith("Amazon Data Firehose: Firehose delivers a stream")
    assert cards[2].explanation.startswith("CloudTrail: CloudTrail records API activity")
    assert [d.kind for d in r.drafts] == ["mcq"] * 3  # nothing from the key, the table or the reasons
    # the table alone is a key too, and the explanation headings alone are one
    no_reasons = MOCK_WITH_KEY_TABLE.split("## Detailed Explanations")[0]
    assert [c.correct for c in by_rule(imp(tmp_path, no_reasons), "mcq-lettered")] == [(1,), (0, 1), (0,)]
    no_table = MOCK_WITH_KEY_TABLE.replace("| 1 | B | 1 | Streaming |\n", "").replace("| 2 |", "| two |")
    assert [c.correct for c in by_rule(imp(tmp_path, no_table), "mcq-lettered")] == [(1,), (0, 1), (0,)]


def test_a_numbered_heading_that_asks_is_no_key_entry(tmp_path: Path) -> None:
    """'### Q1: A company ...' is a question, not 'answer A'; a table of scores is no answer key."""
    text = (
        "# Practice\n\n### Q1: A company stores backups. Which class costs least?\n\n"
        "- [ ] S3 Standard\n- [x] S3 Glacier Deep Archive\n\n"
        "### Q2: A developer needs a queue. Which service fits?\n\n- [x] Amazon SQS\n- [ ] Amazon SNS\n\n"
        "## Scores\n\n| # | Answer | Meaning |\n|---|---|---|\n"
        "| 1 | All right | Ready |\n| 2 | Half | Study |\n"
    )
    r = imp(tmp_path, text)
    assert [c.correct for c in by_rule(r, "mcq")] == [(1,), (0,)]


INLINE_KEYS_AND_SUMMARY = """# Developer practice set

## Domain 1: Development

### Question 1
A team writes records to a table from a function and sees throttling at peaks. What helps first?

A. Add a second region
B. Retry with exponential backoff
C. Turn off the table's encryption
D. Shorten the function's timeout

**Answer:** B
**Explanation:** Backoff spreads the retries so the table's capacity catches up.

---

### Question 2
Which service runs containers without servers to manage?

A. AWS Fargate
B. Amazon EC2 Auto Scaling
C. AWS Outposts
D. Amazon Lightsail instances

**Answer:** A
**Explanation:** Fargate runs tasks without any instance to patch.

---

## Answer Key Summary

| Q# | Answer | Domain |
|----|--------|--------|
| 1  | B | Development |
| 2  | A | Development |

---

## Tips for Practice Questions

1. **Read each scene twice** - Watch words such as "cheapest" and "least effort"
2. **Rule out two options** - Then pick between the last two
"""


def test_a_summary_key_headed_q_hash_and_tips_on_answering_make_no_cards(tmp_path: Path) -> None:
    """Questions keyed under each ('**Answer:** B') and again in a '| Q# | Answer | Domain |' summary,
    then tips on how to answer: two mcq cards with their keys; the summary's rows and the tips (how to
    sit the exam, not what to know) are not cards."""
    r = imp(tmp_path, INLINE_KEYS_AND_SUMMARY)
    assert [c.correct for c in by_rule(r, "mcq-lettered")] == [(1,), (0,)]
    assert [d.kind for d in r.drafts] == ["mcq"] * 2
    # a summary whose letter disagrees with the question's own line does not override it
    wrong = INLINE_KEYS_AND_SUMMARY.replace("| 1  | B |", "| 1  | C |")
    assert [c.correct for c in by_rule(imp(tmp_path, wrong), "mcq-lettered")] == [(1,), (0,)]


TABLE_OPTIONS = """# Practice batch

# Question 4 — Storage classes

## Question

A team keeps audit files that are read about once a year.

Which storage class costs least for them while still allowing retrieval within hours?

## Options

| Option | Class |
| ------ | ----- |
| A      | S3 Standard |
| B      | S3 Glacier Deep Archive |
| C      | S3 Express One Zone |
| D      | EBS gp3 |

## Correct Answer

✅ **B. S3 Glacier Deep Archive**

## Why Correct?

Deep Archive is the cheapest class and restores within hours.

## Why Others Are Wrong?

| Option | Reason |
| ------ | ------ |
| A      | Priced for frequent reads |
| C      | Built for low latency, not low cost |
| D      | A block volume, not archive storage |
"""


def test_options_in_a_lettered_table_with_the_answer_under_its_own_heading(tmp_path: Path) -> None:
    """'# Question 4' over '## Question' (scene and ask), '## Options' as a table lettered A-D, '## Correct
    Answer' ('✅ **B. ...**'), '## Why Correct?' and a table of why the others are wrong: one mcq card with
    its whole question, its key and its explanation; no card from the tables."""
    r = imp(tmp_path, TABLE_OPTIONS)
    [card] = by_rule(r, "mcq-lettered")
    assert card.question == (
        "A team keeps audit files that are read about once a year. "
        "Which storage class costs least for them while still allowing retrieval within hours?"
    )
    assert card.options == ("S3 Standard", "S3 Glacier Deep Archive", "S3 Express One Zone", "EBS gp3")
    assert card.correct == (1,)
    assert "restores within hours" in card.explanation and "low latency" in card.explanation
    assert [d.kind for d in r.drafts] == ["mcq"]
    # without an answer the lettered table is notes, read as a table (no question made up)
    unanswered = TABLE_OPTIONS.split("## Correct Answer")[0]
    assert not by_rule(imp(tmp_path, unanswered), "mcq-lettered")
