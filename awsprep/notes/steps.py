"""Lines that tell the reader what to do rather than what is true: how much of a section or a file is
steps (a console walkthrough, a lab log, a code project's README), which ``quality.py`` turns into a
lower score (see docs/importer.md, "Steps, sections and files")."""

from __future__ import annotations

import re

from awsprep.notes import explicit
from awsprep.notes.blocks import Block, Item
from awsprep.notes.needles import folded, lowered, search
from awsprep.notes.units import is_command

_MIN_SECTION = 3  # lines: a shorter section says too little about itself to be judged a walkthrough
_MIN_FILE = 10  # lines: the same for a whole file

# What a line of a lab log, a console walkthrough or a code project's README looks like: an order to
# the reader ("Create bucket", "Run the tests"), a click path, a command, a setting typed into a form
# ("Name: my-app"), a line that is mostly code, first-person steps ("I've created", "let's").
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
# First-person steps, in two patterns: the phrases anywhere, and "to ..." only at the start (one pattern
# of both, searched, let a third of all lines through its needles' test: "to " is in most of them).
# (?=...): the first letters of the phrases, so other places are passed over.
_STEP_PERSON_WORDS = re.compile(
    r"(?=[imlyt])\b(?:I'm|I've|I'll|I will|I have|I used|my|let's|you'll need|"
    r"in your (?:shell|terminal|browser))\b",
    re.IGNORECASE,
)
_STEP_PERSON_TO = re.compile(
    r"(?=[imlyt])to (?:build|run|deploy|test|install|use|set up|start|create|invoke|delete|clean up)\b",
    re.IGNORECASE,
)
# a lab write-up tells what was done: "Logged into the console", "Created a new stream named ...",
# "we tested it with a producer script"
_STEP_DONE = re.compile(
    r"^(?:then |next |finally |first |after that,? )?(?:logged (?:in|into)|signed in|navigated|went to|"
    r"clicked|selected|opened|created (?:a|an|the|my|our|new)|configured (?:a|an|the|my|our)|uploaded|"
    r"downloaded|launched (?:a|an|the|my|our)|attached|chose|entered|named|verified|tested|ran|installed|"
    r"set up (?:a|an|the|my|our)|deployed (?:a|an|the|my|our)|imported|monitored|confirmed|observed|noted)\b"
    r"|\bwe (?:created|configured|tested|ran|used|set|built|deployed|launched|uploaded|selected|chose|"
    r"connected|attached|verified|monitored|observed|noted|imported|navigated|started)\b",
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
    r"clean ?up|configuration|environment variables|contributing|licen[cs]e(?: summary)?|licensing|"
    r"next steps|"
    r"setup|set up|commands|"
    r"scripts|what's here|what do i do next\??|"
    r"(?:project|folder|directory|repo(?:sitory)?) (?:structure|layout))$"
    r"|^(?:deploy|use|add|run|build|install|create|configure|test|set up|clean up|start|invoke)\b.*"
    r"\b(?:the|your|a|an)\b",
    re.IGNORECASE,
)


# a package's name as the page title: "my-service-backend", "aws_cache_client" (a badge may follow it)
_SLUG_TITLE = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)+$")
_BADGE = re.compile(r"!?\[[^\]]*\]\([^)]*\)")


def project_readme(blocks: list[Block]) -> bool:
    """A code project's README: two or more of its headings are about installing, building, running;
    or its title is a package's name and one such heading (a license) follows."""
    heads = [b.text for b in blocks if b.kind == "heading"]
    hits = sum(
        1
        for h in heads
        if (_PROJECT_HEADING_LOW.match(h.lower()) if h.isascii() else _PROJECT_HEADING.match(h))
    )
    code = sum(1 for b in blocks if b.kind == "code")
    named = bool(heads) and bool(_SLUG_TITLE.match(_BADGE.sub("", heads[0]).strip()))
    return (hits >= 2 and (hits * 5 >= len(heads) * 2 or code >= 3)) or (named and hits >= 1)


# the patterns above that ignore case, for an ASCII line's lower case (needles.lowered: the same matches,
# found a few times faster)
_STEP_VERB_LOW = lowered(_STEP_VERB)
_STEP_PERSON_TO_LOW = lowered(_STEP_PERSON_TO)
_STEP_DONE_LOW = lowered(_STEP_DONE)
_PROJECT_HEADING_LOW = lowered(_PROJECT_HEADING)


def is_step(line: str) -> bool:
    """A line that tells the reader what to do rather than what is true."""
    s = line.strip().lstrip("*_ ")
    if not s:
        return False
    code = sum(len(m) for m in _CODE_SPAN.findall(s)) if "`" in s else 0
    # (the searches pass over a line without their needles: needles.search, on ``folded(s)``)
    low: str | None
    if s.isascii():  # (the patterns that ignore case are tried on its lower case, lowered)
        low = ascii_low = s.lower()  # (what folded gives for ASCII)
        verb, person_to = _STEP_VERB_LOW.match(ascii_low), _STEP_PERSON_TO_LOW.match(ascii_low)
    else:
        low = folded(s)
        verb, person_to = _STEP_VERB.match(s), _STEP_PERSON_TO.match(s)
    return bool(
        (verb and not _STEP_DEF.match(s))
        or (">" in s and _STEP_CLICK.search(s))  # (every click path has a ">")
        or is_command(s)
        or code * 2 >= len(s)
        or _STEP_SETTING.match(s)
        or person_to
        or search(_STEP_PERSON_WORDS, s, low)
        or (_step_done(s, low) and not _STEP_DEF.match(s))
    )


def _step_done(s: str, low: str | None) -> bool:
    """``_STEP_DONE.search(s)``: its first branch is anchored at the start; past the start only its
    "we ..." branch can match, which needs "we " in the lowered line (``low``: ``folded(s)``)."""
    if low is not None and s.isascii():  # (low is s.lower())
        if _STEP_DONE_LOW.match(low):
            return True
        return "we " in low and _STEP_DONE_LOW.search(low) is not None
    if _STEP_DONE.match(s):
        return True
    return (low is None or "we " in low) and _STEP_DONE.search(s) is not None


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


# a repository's own paperwork: contribution rules, code of conduct, change log, licence, templates
REPO_FILE = re.compile(
    r"(?:^|/)(?:\.github/.*|(?:contributing|code_of_conduct|code-of-conduct|changelog|license|licence|"
    r"authors|contributors|pull_request_template|issue_template|maintainers)(?:\.\w+)?)$",
    re.IGNORECASE,
)
