"""A small DVA-C02 bank for exam tests: option texts say whether they are right, so answers can be read
off the screen after shuffling."""

from __future__ import annotations

import re

EXAM_BANK = """\
  - id: e-dev-1
    type: mcq
    domain: development
    question: Development question one?
    options: [right-d1, wrong-d1a, wrong-d1b, wrong-d1c]
    correct: [0]
    explanation: The first development answer is right.
    source: {file: notes/dev.md, line: 4, path: [Dev]}
  - id: e-dev-2
    type: mcq
    domain: development
    question: Development question two? (Choose two.)
    options: [wrong-d2a, right-d2a, wrong-d2b, right-d2b, wrong-d2c]
    correct: [1, 3]
    explanation: Both right-d2 options.
  - id: e-sec-1
    type: mcq
    domain: security
    question: Security question one?
    options: [wrong-s1a, wrong-s1b, right-s1, wrong-s1c]
    correct: [2]
  - id: e-dep-1
    type: mcq
    domain: deployment
    question: Deployment question one?
    options: [wrong-p1a, wrong-p1b, wrong-p1c, right-p1]
    correct: [3]
  - id: e-tro-1
    type: numeric
    domain: troubleshooting
    question: How many RCU for 80 strongly consistent reads/s of 3 KB items?
    answer: 80
    unit: RCU
    steps: ['3 KB rounds up to 1 RCU per read', '80 reads x 1 = 80']
  - id: e-basic
    type: basic
    domain: security
    front: Not an exam question
    back: Basic cards are never asked in exams
"""

OPTION = re.compile(r"(?:\[[ x]\] |  )([A-Z])\. (right|wrong)-")


def right_letters(screen: str) -> str:
    """The letters of the right options in the last question on a screen or in plain output."""
    block = screen[screen.rfind("Question ") :]
    return ",".join(m.group(1) for m in OPTION.finditer(block) if m.group(2) == "right")


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)
