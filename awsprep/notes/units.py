"""Rules on one text unit (a list item's line, a paragraph line or sentence): ``qa`` / ``qa-reversed``,
``cloze``, ``definition``, ``fact`` and ``is-a`` (see docs/importer.md for what each reads)."""

from __future__ import annotations

import re

from awsprep.notes import explicit
from awsprep.notes.blocks import strip_symbols
from awsprep.notes.collector import Collector
from awsprep.notes.inline import (
    DIGIT,
    EMBED,
    STOPWORDS,
    WIKILINK,
    cloze_numbers,
    is_image_path,
    is_link_or_image_only,
    plain,
    sentences,
    words,
)
from awsprep.notes.needles import folded, lowered, search

MAX_ANSWER = 300  # characters: longer answers are not worth a card
MAX_TEXT = 260
MAX_DEF = 200  # a definition longer than this is cut to its first sentence
MAX_TERM_WORDS = 6

_TEMPLATE = re.compile(r"\{%.*?%\}|\{\{\s+[\w.]+(?:\s*\|[^}]*)?\s+\}\}|\{\{\s*(?:site|page|post|config)\.\w")
_BOLD_DEF = re.compile(
    r"^\s*(\*\*|__)(?P<term>[^*_]{1,80}?)(?P<c>[:=]?)\1\s*(?P<sep>=>|->|→|⇒|[:=]|[-–—]{1,2})?\s*(?P<rest>.+)$"
)
_EQ_DEF = re.compile(r"^(?P<term>[^=]{1,60}?)\s+=\s+(?P<rest>[^=].*)$")
_DASH_DEF = re.compile(r"^(?P<term>[^-–—:=]{1,50}?)\s+[-–—]+\s+(?P<rest>.+)$")


def _spaced_dash(text: str) -> bool:
    """``re.search(" [-–—]", text)``, three string searches."""
    return " -" in text or " –" in text or " —" in text


# "128Mb", "5 GB", "10%": a term that ends on a figure ("v1" does not: the figure is glued to a word)
_FIGURE_END = re.compile(r"(?<![\w.])\d[\d,.]*\s?([A-Za-z%]{0,3})$")
_FIGURE_START = re.compile(r"\d[\d,.]*\s?([A-Za-z%]{0,3})(?![A-Za-z])")


def _is_range(term: str, rest: str) -> bool:
    """ "128 MB" - "10240 MB (...)": two figures in one unit (or the first without one) either side of a
    dash are a range, not a term and its meaning ("1 RCU - 2 reads a second" is one)."""
    end, start = _FIGURE_END.search(term), _FIGURE_START.match(rest)
    if end is None or start is None:
        return False
    low, high = end.group(1).casefold(), start.group(1).casefold()
    # ("4GiB - 16 TiB": two sizes in two units of one kind are a range too)
    return not low or low == high or (low in _SIZE_UNITS and high in _SIZE_UNITS)


_SIZE_UNITS = {"b", "kb", "kib", "mb", "mib", "gb", "gib", "tb", "tib", "pb", "pib"}


_COLON_DEF = re.compile(r"^(?P<term>[^:]{1,50}?):\s+(?P<rest>.+)$")
_IS_A = re.compile(
    r"^(?P<term>[A-Za-z][\w@/&()+.'\- ]{0,48}?)\s+(?P<verb>is|are)\s+"
    r"(?P<rest>(?:an?|the|used|one)\s.+)$"
)
_BAD_TERM = re.compile(
    r"^(e\.?g|i\.?e|ex|example|examples|note|nb|tip|tips|review|option\s*(?:\d+|[a-h])?|step\s*\d*|remember|important|"
    r"also|see|hint|interview hint|it|this|that|they|these|there|he|she|we|you|i|so|then|now|but|and|"
    r"optional|update|test|result|results|answer|question|why|how|what|warning|todo|recall|error|errors|remember|"
    r"reason|reasons|use|uses|usage|benefit|benefits|pros|cons|advantages?|disadvantages?|problem|solution|"
    r"issue|idea|summary|key|value|values|default|info|details?|other|misc|description|definition|"
    r"the key|the idea|the problem|the solution|the answer|the result|following|the following|"
    r"below|above|the below|the above|as below|as above|as follows|"
    r"troubleshoot|troubleshooting|guide|link|docs|documentation|reference|source|here|there|best|"
    r"pro|pros|con|cons|hostname|image|images|by default|in general|in short|in practice|in summary|"
    r"typically|usually|generally|however|otherwise|for instance|in addition|additionally|finally|first|"
    r"second|third|next|last|later|also note|note that|table of contents|contents|toc|outline)$"
    r"|^(set|use|add|check|choose|enable|create|go|click|run|type|select|install|make|see|read|do|get|or|and|but|"
    r"which|whose|whom|whether)\b",  # ("Which of the following ..." asks; it names no term)
    re.IGNORECASE,
)
_VAGUE_PAIR_TERM = re.compile(r"[a-z][a-z ]*")
_VAGUE_PAIR_ANSWER = re.compile(r"[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}")
_COMMAND = re.compile(
    r"^(?:\$\s*|`)?(?:aws|sudo|yum|apt|npm|pip|ssh|chmod|curl|git|docker|cd|ls|echo|systemctl|sam|eb|zip|"
    r"mkdir|export|python|node|kubectl)\s+[\w-]|\s--[a-z]|^--|-->|<--"
)
_TWO_WORDS = re.compile(r"[a-z0-9]+[^a-z0-9]+[a-z0-9]")  # (on lowered text: two of inline.words)


# the first characters of _COMMAND's first branch: "$", "`" or a command's first letter
_COMMAND_FIRST = frozenset("$`asynpcgdlezmk")


def is_command(text: str) -> bool:
    """``_COMMAND.search(text)``: past the start of the text only its branches with "--" can match, and
    without "--" only its first branch, which starts with one of _COMMAND_FIRST."""
    if "--" not in text:
        return text[:1] in _COMMAND_FIRST and _COMMAND.match(text) is not None
    return _COMMAND.match(text) is not None or _COMMAND.search(text) is not None


_EXAMPLE = re.compile(
    r"^(?:say\b|e\.?g\.?\b|eg\b|ex\b|ex:|for example\b|example\b|i\.e\.?\b|imagine\b|suppose\b|"
    r"let'?s say\b|if you were\b)",  # (the last ones: a made-up scene, "If you were using S3, ...")
    re.IGNORECASE,
)
_VAGUE_TERM = re.compile(
    r"^(another|such|some|this|that|these|those|each|every|other|one|many|most|all|any)\b|^(?:only|just|even)\s"
    r"|\b(you|your|we|our|i|it|its|they|their|my|me|his|her)\b",
    re.IGNORECASE,
)
# steps of a worked calculation ("rounded up ... you will need 1x unit"): not facts on their own
_WORKED = re.compile(
    r"\b(calculat\w*|multipl\w*|divid\w*|rounded?[- ]up|you will need|you need|required)\b.*\d|"
    r"\d.*\b(calculat\w*|multipl\w*|divid\w*|rounded?[- ]up|you will need|required)\b",
    re.IGNORECASE,
)
_VAGUE_REST = re.compile(
    r"^(?:an?\s+|the\s+)?(?:integral|important|essential|great|good|nice|handy|big|huge|very|really|super|"
    r"strong|solid|popular|perfect|"
    r"quite|cool|key\b(?!-))",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\b(is|are|was|were|will|can|should|must|may|might|has|have|do|does)\b", re.IGNORECASE)
_CONSEQUENCE = re.compile(r"^(so|but|and|because|which|as|or|then|thus|hence|therefore|if)\b", re.IGNORECASE)
_REMEMBER = re.compile(r"^remember (?:what|that)\s+(.+?)\s+(?:is|are|does)$", re.IGNORECASE)
# a learner's study mark in brackets after a term: "Session Manager (recall)", "NAT (review!)", "IAM (todo)"
_STUDY_MARK = re.compile(
    r"\s*\((?:recall|review|revise|re-?read|todo|to ?do|memori[sz]e|learn|important|imp|exam|!+|\?+|"
    r"must know|key|remember)!*\)\s*$",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:it|its|they|their|this|these|that|those|he|she)\b", re.IGNORECASE)
_BOLD_LINE = re.compile(r"(\*\*|__)[^*_]+\1")  # a line in bold from end to end
_TITLE_MARKS = re.compile(r"[:=]")  # (a bold "EC2 = Elastic Compute Cloud" is a fact, not a title)
_LEFT_BULLET = re.compile(r"^[-*+]\s+(?!\[[ xX]\])")
# the label of a practice question's explanation: "EXPLANATION - A query reads ...": the fact follows it
_EXPLANATION_LABEL = re.compile(
    r"^(?:explanation|answer explanation|rationale|reasoning)\s*(?:[:\-\u2013\u2014]\s*)+(?=\S)",
    re.IGNORECASE,
)
_USED_FOR = re.compile(r"^used\s+(?:(?:mainly|mostly|primarily|only|often)\s+)?(?=for\b|to\b)", re.I)
_STARTS_LINK = re.compile(r"^\s*!?\[[^\]]*\]\(")
_LINK_TEXT = re.compile(r"\[([^\]]+)\]\([^)\s]+\)")
# "1.36.00 IAM", "5:17 Keys": a video's time stamp is not part of a term
_TIMESTAMP = re.compile(
    r"\b\d{1,2}[.:]\d{2}[.:]\d{2}\b|^v?\d+(?:\.\d+)+$|"  # a video's time stamp, a version
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}$|^(?:19|20)\d{2}$",  # a date
    re.IGNORECASE,
)
# a term that is the start of a clause: "key-value pairs which", "If scope"
_CLAUSE_START = re.compile(
    r"^(?:if|when|while|unless|because|since|once|after|before|where)\b", re.IGNORECASE
)
_LONE_LETTER = re.compile(r"(?:^|\s)[a-z](?:\s|$)")
_OPTION_LINE = re.compile(r"(?:\*\*)?[A-F](?:\*\*)?[:.)]\s")  # "C: Create two aliases", "**B.** ..."
_LEAD_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\b(?:which|that|who|whose|where|when)$", re.IGNORECASE)

# the patterns above that ignore case, for an ASCII text's lower case (needles.lowered: the same matches,
# found a few times faster); used where only whether (or where) they match is read
_EXAMPLE_LOW = lowered(_EXAMPLE)
_CLAUSE_START_LOW = lowered(_CLAUSE_START)
_CLAUSE_END_LOW = lowered(_CLAUSE_END)
_VAGUE_TERM_LOW = lowered(_VAGUE_TERM)
_CLAUSE_LOW = lowered(_CLAUSE)
_BAD_TERM_LOW = lowered(_BAD_TERM)
_REMEMBER_LOW = lowered(_REMEMBER)
_CONSEQUENCE_LOW = lowered(_CONSEQUENCE)


def restates(term: str, answer: str) -> bool:
    """An answer that only repeats its term: short and sharing a word with it ("WCU - throughput for
    writes"), or containing every word of it ("Read Replicas - set up an instance as a read replica")."""
    stem = {w.rstrip("s") for w in words(term) if w not in STOPWORDS}
    ans = [w.rstrip("s") for w in words(answer) if w not in STOPWORDS]
    return bool(stem) and ((len(ans) <= 3 and any(w in stem for w in ans)) or stem <= set(ans))


def has_option(text: str) -> bool:
    return any(explicit.OPTION.match(x) for x in text.split("\n"))


def unit(
    c: Collector,
    raw: str,
    line: int,
    path: tuple[str, ...],
    parents: list[str],
    explicit_only: bool = False,
    prose: bool = False,
) -> bool:
    """Try every rule on one line of text; return whether a card was made."""
    raw = raw.strip()
    if raw[:1] in ("-", "*", "+"):
        raw = _LEFT_BULLET.sub("", raw)  # "- Write penalty ...": a bullet the parser left in the text
    if raw[:1] in "EeAaRr" and _EXPLANATION_LABEL.match(raw):
        raw = _EXPLANATION_LABEL.sub("", raw)  # "Explanation - X keeps ...": the fact is what follows
    if ("{%" in raw or "{{" in raw) and _TEMPLATE.search(raw):
        c.skip(line, "template", raw)  # {{ site.title }}, {% include nav.html %}: a site generator's
        return False
    qa = explicit.qa(raw)
    if qa:
        basic_qa(c, qa.front, qa.back, line, path, "qa-reversed" if qa.reversed else "qa", qa.reversed)
        return True
    cz = explicit.cloze(raw)
    if cz:
        if len(cz) > MAX_TEXT * 2:
            c.skip(line, "too long", raw)
            return True
        c.add("cloze", "cloze", line, path, text=c.with_context(cz, path, parents), core=cz)
        return True
    if explicit_only:
        return False
    why = is_link_or_image_only(raw)
    if why:
        c.skip(line, why, raw)
        return False
    if _OPTION_LINE.match(raw):
        c.skip(line, "question option", raw)  # "- C: Create two aliases": one option of a question
        return False
    text, urls = plain(raw)
    low = text.lower()
    if not _TWO_WORDS.search(low):  # (fewer than two words)
        c.skip(line, "fragment", text)
        return False
    if is_command(text):
        c.skip(line, "command", text)
        return False
    if (_EXAMPLE_LOW.match(low) if text.isascii() else _EXAMPLE.match(text)) or (
        DIGIT.search(text) and search(_WORKED, text, folded(text))
    ):  # (a worked example has a number)
        c.skip(line, "example", text)
        return False
    bold = _BOLD_DEF.match(raw)
    linked = sum(len(m) for m in _LINK_TEXT.findall(raw)) if "](" in raw else 0
    # pages of the notes linked by name ("Studying now: [[CLF-C02]]"): where the notes lead, not a fact
    # (an embedded picture, "![[shot.png]]", is no link: plain() dropped it)
    linked_pages = EMBED.sub(" ", raw) if "![[" in raw else raw
    wiki = sum(len(m.group(2) or m.group(1)) for m in WIKILINK.finditer(linked_pages)) if "[[" in raw else 0
    if (urls or wiki) and (linked + wiki) * 2 >= len(text) - len(text.split(":")[0]) and not bold:
        c.skip(line, "link only", text)  # "Talk 2019: [A talk's title](url), a speaker": a reference
        return False
    if (
        _BOLD_LINE.fullmatch(raw.strip())
        and len(text.split()) <= 6
        and _spaced_dash(text)
        and not DIGIT.search(text)
        and not _TITLE_MARKS.search(text)
    ):
        c.skip(line, "fragment", text)  # "**Amazon GuardDuty – Architectures**": a title over what follows
        return False
    if _STARTS_LINK.match(raw):
        prose = True  # "[Guide](url) - Linux": a link is not a term
    elif bold and (bold.group("c") or bold.group("sep")):
        return definition(
            c, plain(bold.group("term"))[0], plain(bold.group("rest"))[0], line, path, parents, urls
        )
    if not prose:
        for rx, mark in ((_EQ_DEF, " = "), (_DASH_DEF, ""), (_COLON_DEF, ": ")):
            # (plain text has no other space than " ": each pattern needs its mark, a dash one of
            # " -", " –", " —")
            if (mark and mark not in text) or (not mark and not _spaced_dash(text)):
                continue
            m = rx.match(text)
            if m and not mark and _is_range(m.group("term"), m.group("rest")):
                continue  # "memory 128 MB - 10240 MB": a dash between two figures is a range
            # ("`Transform: 'AWS::Serverless-2016-10-31'`": the mark stands inside a code span, no term)
            if m and good_term(m.group("term")) and not m.group("term").count("`") % 2:
                return definition(
                    c, m.group("term").strip(), m.group("rest").strip(), line, path, parents, urls
                )
    if len(text) > MAX_TEXT:
        c.skip(line, "too long", text)
        return False
    if text[:1].isdigit() and _TERM_NUMBER.match(text):
        text = _TERM_NUMBER.sub("", text)  # "2. You are only charged when ...": a list's number, no figure
    fact = cloze_numbers(text)
    if fact and len(text) > 160:
        # a long line of several sentences: the card keeps the sentences with the numbers in them
        parts = sentences(text)
        # a sentence that starts with "It"/"They" keeps the one before it, which says what "it" is
        keep = {k for k, x in enumerate(parts) if cloze_numbers(x)}
        keep |= {k - 1 for k in keep if k and _PRONOUN.match(parts[k])}
        kept = [x for k, x in enumerate(parts) if k in keep]
        if kept and len(kept) < len(parts):
            fact = cloze_numbers(" ".join(kept)) or fact
    if fact:
        c.add(
            "cloze",
            "fact",
            line,
            path,
            text=c.with_context(fact, path, parents),
            refs=tuple(urls),
            core=fact,
        )
        return True
    m = _IS_A.match(text) if " is " in text or " are " in text else None
    if m and good_term(m.group("term")) and len(m.group("term").split()) <= 4:
        term, verb, rest = m.group("term"), m.group("verb"), m.group("rest").rstrip(". ")
        if 4 <= len(rest.split()) <= 30 and not _VAGUE_REST.match(rest) and not restates(term, rest):
            shown = re.sub(r"^(An?|The)\s", lambda a: a.group(0).lower(), term)  # "What is a VPC?"
            used = _USED_FOR.match(rest)
            if used:  # "X is used for Y": ask what it is used for, not what it is
                front, rest = f"What {verb} {shown} used for?", rest[used.end() :]
            else:
                front = f"What {verb} {shown}?"
            front += c.ctx_suffix(term, path, parents)
            core = f"{term}\n{rest}"
            c.add("basic", "is-a", line, path, key=term, front=front, back=rest, refs=tuple(urls), core=core)
            return True
    c.skip(line, "no fact", text)
    return False


def good_term(term: str) -> bool:
    term = term.strip(" *_`“”\"'")
    # (an ASCII term is read in lower case by the lowered patterns: needles.lowered)
    text, clause_start, clause_end, vague, clause = (
        (term.lower(), _CLAUSE_START_LOW, _CLAUSE_END_LOW, _VAGUE_TERM_LOW, _CLAUSE_LOW)
        if term.isascii()
        else (term, _CLAUSE_START, _CLAUSE_END, _VAGUE_TERM, _CLAUSE)
    )
    # (every branch of _TIMESTAMP holds a digit; _CLAUSE_END ends at the end: its last 8 characters)
    if (
        (DIGIT.search(term) and _TIMESTAMP.search(term))
        or clause_start.match(text)
        or clause_end.search(text, max(0, len(term) - 8))
    ):
        return False
    if vague.search(text) or clause.search(text) or _LONE_LETTER.search(term):
        return False
    term = _LEAD_ARTICLE.sub("", term)
    n = len(term.split())
    if term.count("(") != term.count(")") or term.count('"') % 2 or term.count("`") % 2 or "," in term:
        return False
    bad = _BAD_TERM_LOW.match(term.lower()) if term.isascii() else _BAD_TERM.match(term)
    return 0 < n <= MAX_TERM_WORDS and not bad and any(c.isalpha() for c in term)


def unquote(text: str) -> str:
    """The text without the quotes around the whole of it (a quoted word at its start keeps its quote)."""
    text = text.strip(" .")
    inner = text[1:-1]
    if len(text) >= 2 and text[0] in '"“' and text[-1] in '"”' and not re.search('["“”]', inner):
        return inner.strip(" .")
    return text


_TERM_NUMBER = re.compile(r"^\d{1,2} ?[.)]\s+(?=\S)|^\d{1,2}-\s+(?=[A-Za-z])")  # "1. ", "3 ) ", "4- X-Ray"
_VOCAB_LABEL = re.compile(
    r"(?:vocab(?:ulary)?|terms?|definitions?|glossary|key ?terms?|keywords?|jargon)", re.IGNORECASE
)


def definition(
    c: Collector, term: str, rest: str, line: int, path: tuple[str, ...], parents: list[str], urls: list[str]
) -> bool:
    term = (term if term.isascii() else strip_symbols(term)).strip(' :*_`“”"').lstrip("-+ ")
    # ("Remember what X is": the term is X; the pattern is anchored at both ends: no match, no change)
    if (_REMEMBER_LOW.match(term.lower()) if term.isascii() else _REMEMBER.match(term)) is not None:
        term = _REMEMBER.sub(r"\1", term)
    if term.endswith(")"):
        term = _STUDY_MARK.sub("", term) or term
    term = _TERM_NUMBER.sub("", term) or term  # "1. CloudWatch itself - ...": a list's number typed as text
    # "SQL : > Relational Databases": a pointer typed as '>'; "Redrive: - Feature to ...": a dash typed
    # as a bullet (not "- Headers: None - Named - Cookies": a nested list typed on one line, told apart later)
    lead = r"^(?:>|[-–—](?=\s))\s*" if not _spaced_dash(rest[1:]) else r"^>\s*"
    rest = unquote(re.sub(lead, "", rest))
    if _VOCAB_LABEL.fullmatch(term):
        # "Vocab: Operational data - data an environment produces ...": the label names the kind of line,
        # the term and its meaning follow it
        m = _DASH_DEF.match(rest) if _spaced_dash(rest) else _COLON_DEF.match(rest)
        if m and good_term(m.group("term")):
            return definition(c, m.group("term").strip(), m.group("rest").strip(), line, path, parents, urls)
    if re.fullmatch(r"\([^()]*\)", rest):
        c.skip(line, "fragment", f"{term}: {rest}")  # "... - (potential exam question)": a remark, no answer
        return False
    if is_image_path(rest):
        c.skip(line, "image only", f"{term}: {rest}")  # "meme site : [./assets/meme.png]": a picture's file
        return False
    rest_low = rest.lower() if rest.isascii() else None  # (for the lowered patterns)
    if _EXAMPLE_LOW.match(rest_low) if rest_low is not None else _EXAMPLE.match(rest):
        c.skip(line, "example", f"{term}: {rest}")
        return False
    if (
        (_CONSEQUENCE_LOW.match(rest_low) if rest_low is not None else _CONSEQUENCE.match(rest))
        or (re.search(r"\betc\W*$", rest) and len(words(rest)) < 5)
        or restates(term, rest)
    ):
        c.skip(line, "fragment", f"{term}: {rest}")  # "X - so it is ...", "uses VTL - loops, etc"
        return False
    if rest.isalpha() and rest.isupper():
        c.skip(line, "fragment", f"{term}: {rest}")  # "generate template - EMPTY"
        return False
    if not term or len(words(rest)) < 1:
        c.skip(line, "fragment", f"{term}: {rest}")
        return False
    if len(rest) > MAX_DEF:
        parts = sentences(rest) or [rest]
        first = parts[0]
        if len(first) > MAX_DEF or len(first.split()) < 4:
            c.skip(line, "too long", rest)
            return False
        # as many whole sentences as fit ("Each object has an ACL. It grants read or write to ..."):
        # the first alone is often only the lead-in of what the note says
        for more in parts[1:]:
            if len(first) + 1 + len(more) > MAX_DEF or more.endswith("?"):
                break  # (a question the note asks itself is no part of the answer)
            first = f"{first} {more}"
        rest = unquote(first)
    lead = f"{term}: "
    fact = cloze_numbers(lead + rest, start=len(lead))
    if fact:
        text = c.with_context(fact, path, parents)
        c.add("cloze", "fact", line, path, key=term, text=text, refs=tuple(urls), core=fact)
        return True
    if (len(words(rest)) < 2 and len(rest) < 4) or re.fullmatch(r"[\w.]*_[\w.]*", rest):
        c.skip(line, "fragment", f"{term}: {rest}")
        return False
    if _VAGUE_REST.match(rest) and len(rest.split()) <= 3:
        c.skip(line, "vague", f"{term}: {rest}")  # "ValidateService - really important"
        return False
    if _VAGUE_PAIR_TERM.fullmatch(term) and _VAGUE_PAIR_ANSWER.fullmatch(rest):
        # "environment - ubuntu", "synchronous - app to app": a lower-case label and a two- or
        # three-word answer rarely make a question with one clear answer
        c.skip(line, "vague", f"{term}: {rest}")
        return False
    front = term + c.ctx_suffix(term, path, parents)
    core = f"{term}\n{rest}"
    c.add("basic", "definition", line, path, key=term, front=front, back=rest, refs=tuple(urls), core=core)
    return True


def basic_qa(
    c: Collector, front: str, back: str, line: int, path: tuple[str, ...], rule: str, reverse: bool = False
) -> None:
    front, back = plain(front)[0], plain(back)[0]
    if not front or not back:
        c.skip(line, "fragment", front or back)
        return
    if len(back) > MAX_ANSWER * 2:
        c.skip(line, "too long", back)
        return
    c.add("basic", rule, line, path, key="", front=front, back=back)
    if reverse:
        c.add("basic", rule, line, path, key="", front=back, back=front)
