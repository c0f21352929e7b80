"""`awsprep lint`: content/facts.yaml, the outdated-value scanner and the command."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from awsprep.cli.main import app
from awsprep.notes.lint import FactsError, load_facts, parse_facts, scan_text
from tests.conftest import PYTHON, ROOT, SEEDS

FACTS = ROOT / "content" / "facts.yaml"

# Our own content that states an outdated value and is waiting for a fix (file, line, fact key).
# The CI guard fails both when new stale content appears and when one of these is fixed, so keep
# this set exact; it should be empty.
KNOWN_STALE: set[tuple[str, int, str]] = set()


@pytest.fixture(scope="module")
def facts() -> list:
    return load_facts(FACTS)


def lint_json(runner: CliRunner, *args: str) -> tuple[int, list[dict]]:
    res = runner.invoke(app, ["lint", "--json", *args])
    assert res.exit_code in (0, 1), res.output
    return res.exit_code, json.loads(res.stdout)


OLD_NOTES = """\
# Lambda
- Lambda max memory is 3 GB
- Functions are billed in 100ms increments

## S3
- S3 is eventually consistent for overwrites

## SQS
- SQS messages up to 256 KB
"""


def test_outdated_values_are_flagged_on_their_lines(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "old.md"
    notes.write_text(OLD_NOTES, encoding="utf-8")
    code, found = lint_json(runner, str(notes))
    assert code == 1
    assert [(w["line"], w["key"]) for w in found] == [
        (2, "lambda-memory"),
        (3, "lambda-billing-granularity"),
        (6, "s3-consistency"),
        (9, "sqs-message-size"),
    ]
    assert {w["file"] for w in found} == {str(notes)}
    assert all(w["source"].startswith("https://docs.aws.amazon.com/") for w in found)

    res = runner.invoke(app, ["lint", str(notes)])
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(f"{notes}:2: says Lambda memory tops out at about 3 GB")
    assert "; current: A Lambda function can be given 128 MB to 10,240 MB" in lines[0]
    assert lines[0].endswith("(https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)")
    assert lines[3].startswith(f"{notes}:9: says SQS messages are limited to 256 KB; current: ")


def test_json_keys(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "n.md"
    notes.write_text("SQS messages up to 256 KB\n", encoding="utf-8")
    _, found = lint_json(runner, str(notes))
    assert list(found[0]) == [
        "file",
        "line",
        "key",
        "topic",
        "says",
        "text",
        "current",
        "value",
        "unit",
        "source",
    ]
    assert found[0]["text"] == "SQS messages up to 256 KB" and found[0]["topic"] == "SQS"


def test_traps_and_history_are_not_flagged(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "traps.md"
    notes.write_text(
        """\
# Lambda
- **Outdated trap**: older material says Lambda max memory is 3 GB; it is 10,240 MB.
- Lambda used to be billed in 100 ms increments.
- Until 2025 SQS messages were limited to 256 KB.
- S3 is no longer eventually consistent for overwrites.
- The SQS maximum was raised from 256 KB to 1 MiB.

## Exam traps
- SQS messages up to 256 KB
""",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["lint", str(notes)])
    assert res.exit_code == 0, res.stdout
    assert res.stdout == ""


def test_current_values_are_not_flagged(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "current.md"
    notes.write_text(
        """\
# Lambda
- Memory: 128 MB to 10,240 MB in 1 MB steps; timeout up to 900 seconds.
- Billed per 1 ms. /tmp is 512 MB by default, configurable up to 10,240 MB.
- Synchronous payload 6 MB, asynchronous 1 MB.
## SQS
- Messages up to 1 MiB; a 64 KB chunk is billed as one request.
## DynamoDB
- BatchWriteItem takes 25 items; transactions take up to 100 actions.
## SNS
- SNS messages can be up to 256 KB.
""",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["lint", str(notes)])
    assert (res.exit_code, res.stdout) == (0, "")


def test_context_comes_from_headings_and_parent_items(facts: list) -> None:
    text = """\
### S3 objects
* 5TB max
### EBS volumes
* 5TB max
* Lambda
  * memory execution: 128MB - 3008MB
* DynamoDB
  * memory execution: 128MB - 3008MB
"""
    found = [(w.line, w.key) for w in scan_text(text, "n.md", facts)]
    assert found == [(2, "s3-object-size"), (6, "lambda-memory")]


def test_old_metric_retention_replica_count_and_bucket_quota_are_flagged(facts: list) -> None:
    """Three limits that changed: metrics kept two weeks (15 months now), five read replicas (15 for
    the MySQL family and PostgreSQL now), 100 buckets an account (10,000 now). The current values,
    other engines and other numbers of the same words are not flagged."""
    text = """\
## Monitoring
* CloudWatch holds on to metric data for 2 weeks only
* CloudWatch keeps hourly metric points for 15 months
* predictive scaling uses up to 14 days of metric history
## Databases
* RDS read replicas: up to 5 per source instance
* RDS read replicas: up to 15 per source instance for MySQL
* RDS for Oracle: up to 5 read replicas
* replica lag under 5 seconds
## Storage
* S3: each account gets 100 buckets by default
* S3: 10,000 general purpose buckets per account by default
* a bucket can hold up to 100 TB of objects
"""
    found = [(w.line, w.key) for w in scan_text(text, "n.md", facts)]
    assert found == [
        (2, "cloudwatch-metric-retention"),
        (6, "rds-read-replica-count"),
        (11, "s3-bucket-quota"),
    ]


def test_code_blocks_and_bank_options_are_skipped(facts: list) -> None:
    text = """\
# SQS
```
limit = "SQS messages up to 256 KB"
```
  ```python
  x = 1
* SQS messages up to 256 KB
"""
    assert [w.line for w in scan_text(text, "n.md", facts)] == [7]
    bank = """\
cards:
  - id: q1
    question: How large may an SQS message be?
    options:
      - SQS messages are limited to 256 KB
      - 1 MiB
    explanation: SQS messages may be up to 1 MiB.
  - id: q2
    back: SQS messages up to 256 KB
"""
    assert [w.line for w in scan_text(bank, "b.yaml", facts)] == [9]


def test_own_content_states_no_outdated_value(runner: CliRunner) -> None:
    """The CI guard: our notes and bank never state an outdated value except as a trap."""
    code, found = lint_json(runner, str(ROOT / "content"))  # facts.yaml itself is skipped
    stale = {(str(Path(w["file"]).relative_to(ROOT)), w["line"], w["key"]) for w in found}
    assert stale == KNOWN_STALE, "\n".join(json.dumps(w) for w in found)
    assert code == (1 if KNOWN_STALE else 0)


def test_old_learner_notes_produce_warnings(runner: CliRunner) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    code, found = lint_json(runner, str(SEEDS))
    assert code == 1 and len(found) >= 5
    assert {"lambda-memory", "sqs-message-size", "kinesis-retention"} <= {w["key"] for w in found}


def test_bundled_facts_file(facts: list) -> None:
    assert len(facts) >= 30
    assert len({f.key for f in facts}) == len(facts)
    for fact in facts:
        assert fact.source.startswith("https://docs.aws.amazon.com/"), fact.key
        # every value was checked on or after the first full audit (2026-11-22); ISO dates sort as text
        assert len(fact.checked) == 10 and fact.checked >= "2026-11-22", fact.key
        for claim in fact.outdated:
            assert claim.says and claim.pattern.pattern


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_scanner_never_crashes(facts: list, text: str) -> None:
    for warning in scan_text(text, "x.md", facts):
        assert 1 <= warning.line <= max(1, len(text.splitlines()))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "# Lambda",
                "## S3",
                "* ",
                "  - ",
                "```",
                "~~~",
                "options:",
                "SQS",
                "256 KB",
                "3 GB",
                "max",
                "memory",
                "eventually consistent",
                "outdated",
                "100 ms",
                "billed",
                "\t",
                "5TB",
                "|",
            ]
        ),
        max_size=60,
    )
)
def test_scanner_never_crashes_on_markdown_like_text(facts: list, parts: list[str]) -> None:
    text = "".join(p + ("\n" if i % 3 == 0 else " ") for i, p in enumerate(parts))
    scan_text(text, "x.md", facts)


def test_long_lines_keep_line_numbers(facts: list) -> None:
    """A 120 KB line of the scanner's keywords and a 200 KB line of none: no false warning, and the
    claim after them is found on its own line. (How fast this is: scripts/bench_lint.py.)"""
    keywords = "lambda memory max billed SQS message eventually consistent "
    text = keywords * 2000 + "\n" + "x" * 200_000 + "\nSQS messages up to 256 KB\n"
    assert [(w.line, w.key) for w in scan_text(text, "big.md", facts)] == [(3, "sqs-message-size")]


@pytest.mark.parametrize(
    ("body", "line", "needle"),
    [
        ("schema: 1\nfacts:\n  - key: [unclosed\n", 4, "not valid YAML"),
        ("schema: 1\nfacts: []\n", 2, "'facts' must be a non-empty list"),
        (
            "schema: 1\nfacts:\n  - key: k\n    topic: T\n    statement: s\n    value: 1\n    unit: u\n"
            "    source: https://docs.aws.amazon.com/x\n    checked: 2026-11-22\n    outdated:\n"
            "      - pattern: '(unclosed'\n        says: x\n",
            11,
            "not a valid regular expression",
        ),
        (
            "schema: 1\nfacts:\n  - key: k\n    topic: T\n    statement: s\n    value: 1\n    unit: u\n"
            "    checked: 2026-11-22\n",
            3,
            "field 'source' is missing",
        ),
        (
            "schema: 1\nfacts:\n  - key: k\n    topic: T\n    statement: s\n    value: 1\n    unit: u\n"
            "    source: https://docs.aws.amazon.com/x\n    checked: soon\n",
            9,
            "field 'checked' must be a date",
        ),
        (
            "schema: 1\nfacts:\n  - key: k\n    topic: T\n    statement: s\n    value: 1\n    unit: u\n"
            "    source: https://docs.aws.amazon.com/x\n    checked: 2026-11-22\n    colour: red\n",
            10,
            "unknown field 'colour'",
        ),
    ],
)
def test_bad_facts_file_exits_2_with_file_and_line(
    runner: CliRunner, tmp_path: Path, body: str, line: int, needle: str
) -> None:
    bad = tmp_path / "facts.yaml"
    bad.write_text(body, encoding="utf-8")
    notes = tmp_path / "n.md"
    notes.write_text("nothing here\n", encoding="utf-8")
    res = runner.invoke(app, ["lint", str(notes), "--facts", str(bad)])
    assert res.exit_code == 2
    assert f"{bad}:{line}:" in res.stderr and needle in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_duplicate_fact_key_names_both_lines() -> None:
    one = (
        "  - key: k\n    topic: T\n    statement: s\n    value: 1\n    unit: u\n"
        "    source: https://docs.aws.amazon.com/x\n    checked: 2026-11-22\n"
    )
    with pytest.raises(FactsError, match=r"f\.yaml:10: fact 'k' is listed twice \(first at line 3\)"):
        parse_facts("schema: 1\nfacts:\n" + one + one, "f.yaml")


def test_missing_path_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(app, ["lint", str(tmp_path / "nope.md")])
    assert res.exit_code == 2 and "nope.md does not exist" in res.stderr


def test_lint_does_not_import_sqlalchemy(tmp_path: Path) -> None:
    notes = tmp_path / "n.md"
    notes.write_text("SQS messages up to 256 KB\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from awsprep.cli.main import app\n"
        f"res = CliRunner().invoke(app, ['lint', {str(notes)!r}])\n"
        "assert res.exit_code == 1, res.output\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert out.stdout.strip() == "False"


def test_old_stream_retention_trail_history_and_sqs_size_are_flagged(facts: list) -> None:
    """Kinesis streams kept 7 days at most (365 days now), CloudTrail's history of 7 days (90 now), an SQS
    message of 250 KB (a slip for the old 256 KB; 1 MiB now); the current values and other 7-day facts
    (a KMS key's waiting period) are not flagged."""
    text = """\
## Kinesis
* Kinesis Data Streams: records kept 24 hours to 7 days
* Kinesis Data Streams: retention from 24 hours up to 365 days
## CloudTrail
* CloudTrail shows the event history of the last 7 days
* CloudTrail event history covers the last 90 days
* KMS: a key scheduled for deletion waits at least 7 days (CloudTrail logs the request)
* enabled by default for 7 days
## SQS
* SQS messages can be up to 250 KB in size
* SQS messages can be up to 1 MiB in size
"""
    found = [(w.line, w.key) for w in scan_text(text, "n.md", facts)]
    assert found == [
        (2, "kinesis-retention"),
        (5, "cloudtrail-event-history"),
        (8, "cloudtrail-event-history"),
        (10, "sqs-message-size"),
    ]


def test_a_files_name_is_context_for_its_lines(facts: list) -> None:
    """A page without a heading that names its service ("07-queues-sqs.md": "- Each message holds up to
    250 KB") is read under its file's name; the same line in a file named for nothing is not flagged."""
    text = "- Each message holds up to 250 KB of text\n"
    assert [w.key for w in scan_text(text, "notes/07-queues-sqs.md", facts)] == ["sqs-message-size"]
    assert scan_text(text, "notes/07-misc.md", facts) == []


def test_a_firehose_record_of_1_mb_is_not_a_streams_record(facts: list) -> None:
    """Data Streams records may now reach 10 MiB, so "records up to 1 MB" under Kinesis is flagged; under
    Firehose (a Kinesis service whose records stay at most 1,000 KiB) the same line is true."""
    text = """\
## Kinesis Data Streams
- Each record can be up to 1 MB
## Kinesis Data Firehose
- Each record can be up to 1 MB
- Firehose: a record is at most 1 MB
"""
    assert [(w.line, w.key) for w in scan_text(text, "n.md", facts)] == [(2, "kinesis-record-size")]


def test_a_stream_retention_written_in_short_units_is_flagged(facts: list) -> None:
    """ "24h - 7d retention" is the old Kinesis range in short units; "7d" alone, or 365 days, is not."""
    text = "## Kinesis Streams\n- 24h - 7d retention time\n- retention from 24h up to 365 days\n"
    text += "- a 7d trial\n"
    assert [(w.line, w.key) for w in scan_text(text, "n.md", facts)] == [(2, "kinesis-retention")]


def test_an_object_size_of_0_to_5_gb_is_flagged_but_a_part_size_is_not(facts: list) -> None:
    """ "From 0 to 5GB files" gives one PUT's limit as the object's; "5 MB to 5 GB per part" is right."""
    text = (
        "## S3\n- Objects: from 0 to 5GB files\n- Multipart: 5 MB to 5 GB per part\n- 0 to 5 GB each part\n"
    )
    assert [(w.line, w.key) for w in scan_text(text, "n.md", facts)] == [(2, "s3-object-size")]


def test_old_gp2_io1_and_fan_out_limits_are_flagged(facts: list) -> None:
    """gp2 once topped out at 10,000 IOPS (16,000 now), io1 at 20,000 (64,000 on Nitro), a stream at 5
    enhanced fan-out consumers (20 now), KMS at a rotation every three years (every year for AWS managed
    keys now). Today's figures, other volume types and the 5 consumers that
    may be registering at once are not flagged."""
    text = """\
## Block storage
- gp2 volumes: 3 IOPS per GiB, max 10,000 IOPS
- gp2 volumes: max 16,000 IOPS (the old cap was 10,000)
- st1 peaks at 500 MiB/s; gp2 at 250 MiB/s
### Provisioned IOPS SSD (io1)
- you can provision up to 20,000 IOPS per volume
- up to 64,000 IOPS per volume on Nitro instances
## Streams
- Kinesis enhanced fan-out: at most 5 consumers per stream
- Kinesis enhanced fan-out: 20 registered consumers per stream
- enhanced fan-out: only 5 consumers can be in CREATING at once
## KMS
- keys managed by AWS are rotated every three years
- keys managed by AWS get new key material each year; our own ones on a period we pick
- IAM: rotate your access keys every 3 years at the latest
"""
    found = [(w.line, w.key) for w in scan_text(text, "n.md", facts)]
    assert found == [
        (2, "ebs-gp2-limits"),
        (6, "ebs-io1-iops"),
        (9, "kinesis-efo-consumers"),
        (13, "kms-key-rotation"),
    ]


def test_old_sqs_scaling_of_lambda_and_a_one_to_seven_day_stream_are_flagged(facts: list) -> None:
    """Lambda once added 60 instances a minute to read a standard queue (300 now); a stream's "1 - 7
    days" is the old retention range (365 days now). Today's figures are not flagged."""
    text = """\
## Queue triggers
- while messages wait, Lambda adds 60 more instances per minute
- while messages wait, Lambda adds up to 300 more instances per minute
## Streams
- DynamoDB Streams keep 24 hours (a Kinesis stream keeps 1 - 7 days)
- a Kinesis stream keeps records from 1 to 365 days
"""
    found = [(w.line, w.key) for w in scan_text(text, "n.md", facts)]
    assert found == [(2, "lambda-sqs-scaling"), (5, "kinesis-retention")]


def test_a_64_kb_sqs_message_and_an_object_of_5_terabytes_spelled_out_are_flagged(facts: list) -> None:
    """64 KB was SQS's limit before 2013; "5 terabytes" written out, or "files from 0 bytes to 5TB", is
    the old S3 maximum. A bill counted in 64 KB chunks is how SQS charges today, not a limit; 5 TB of data
    to move is no object size."""
    text = """\
## Queues (SQS)
- a batch carries 1 to 10 messages, 64KB in total
- each 64 KB chunk of a payload is billed as one request
## Storage (S3)
- one object can be up to 5 terabytes
- Files can be from 0 bytes to 5TB
- a 5 TB archive moves faster on a Snowball device
"""
    found = [(w.line, w.key) for w in scan_text(text, "n.md", facts)]
    assert found == [(2, "sqs-message-size"), (5, "s3-object-size"), (6, "s3-object-size")]
