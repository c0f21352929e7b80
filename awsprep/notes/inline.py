"""Inline Markdown helpers: plain card text, number facts, sentences, normal forms."""

from __future__ import annotations

import html
import re

from awsprep.notes.needles import lowered

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
# a wiki link between pages of the notes (Obsidian, Foam): [[Page]], [[Page#Heading]], [[Page|shown text]]
WIKILINK = re.compile(r"\[\[([^\[\]|#]*)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
# an embed of a file or a page (Obsidian): "![[Screenshot 2025-01-02 101500.png]]", a picture on the page,
# no words of the note (read as a wiki link it left "...load!Screenshot 2025-01-02 101500.png")
EMBED = re.compile(r"!\[\[[^\[\]]*\]\]")
# Only real HTML tags are markup: `<secret-name>` or `<account-id>` in a note is a placeholder to keep.
HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|big|blockquote|br|center|cite|code|dd|del|details|div|dl|dt|em|font|h[1-6]|hr|i|img"
    r"|ins|kbd|li|mark|ol|p|pre|q|s|samp|small|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot"
    r"|th|thead|tr|tt|u|ul|var)\b[^>]*>",
    re.IGNORECASE,
)
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# "**Which is false? **": a space typed before the closing mark (CommonMark then keeps both marks)
_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)(?:\1|[ \t]\1(?!\w))")
_EMPH1 = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")  # *one*, _one_
_URL = re.compile(r"https?://\S+")
# "... lifecycle hooks ([Reference](https://...))": a link named only as a source, no words of the note
_SOURCE_LINK = re.compile(
    r"\s*\(\[(?:reference|ref|link|source|docs?|documentation|more|here|details|read more)\]\([^)\s]*\)\)",
    re.IGNORECASE,
)
# a GitHub emoji shortcode (":white_check_mark:", ":rocket:") or its form once its underscores were read as
# emphasis (":whitecheckmark:"): a picture on the page, no words of the note ("arn:aws:s3" and
# "autoscaling:EC2_..." are not: a word before the colon, capitals in the name)
SHORTCODE = re.compile(r"(?<![\w:/]):[a-z][a-z0-9_+-]*[a-z0-9]:(?![\w:/])")


def has_shortcode(text: str) -> bool:
    """``SHORTCODE.search(text)``, passing at once over a text without two colons (a shortcode has two;
    the search tries its look-behind at every character, some 7 us over a line)."""
    return text.count(":") >= 2 and SHORTCODE.search(text) is not None


UNITS = (
    r"%|x|ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?|yrs?"
    r"|[KMGTP]i?B|[kmgt]b|bytes?|KB/s|MB/s|TPS|RCUs?|WCUs?|GBs|GB-seconds?"
    r"|requests?|items?|regions?|AZs?|instances?|nodes?|partitions?|shards?|messages?|functions?|executions?"
)
# units that measure (time, size, money): always worth hiding; other units are counts
_MEASURE = re.compile(
    r"(?:%|^\$.*|(?<![A-Za-z])(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?"
    r"|months?|years?|yrs?|[KMGTP]i?B|[kmgt]b|bytes?|TPS|RCUs?|WCUs?|GBs|GB-seconds?))$"
)
# A number standing on its own (not part of S3, EC2, t2.micro, IPv4, 1.2.3.4, 4:30, 3,5k), with its unit.
NUMBER = re.compile(
    r"(?<![\w.:/#@,^-])(\$?\d+(?:[.,]\d+)*(?:\^\d+)?(?:\s?(?:" + UNITS + r")\b|\s?%)?)(?![\w.:/,]\w|\w|\.\d)"
)
LIMIT_WORDS = re.compile(
    r"\b(max|maximum|min|minimum|default|up to|limit|limits|at most|at least|per|within|retention|"
    r"timeout|size|between|free|cost|priced|charged|increments?|upto|retries|retry|expires?|lasts?|"
    r"rounded|round|every|each|exactly|more than|less than|over|under)\b|[<>≤≥]",
    re.IGNORECASE,
)
_JUNK_NUMBER_CONTEXT = re.compile(
    r"\b\d+\.\d+\.\d+|\b\d{1,2}:\d{2}\b|\b(?:section|lecture|chapter|step|option|part|video|fig)\s*\d",
    re.IGNORECASE,
)
# the two above for an ASCII text's lower case (needles.lowered: the same matches, found sooner)
_LIMIT_WORDS_LOW = lowered(LIMIT_WORDS)
_JUNK_NUMBER_CONTEXT_LOW = lowered(_JUNK_NUMBER_CONTEXT)
_NAMED = re.compile(
    r"\b(?:route|linux|windows|python|node(?:\.js)?|java|version|v|http|tls|ssl|ipv|python|php|ruby|"
    r"microsoft|office|server|ubuntu|debian|centos|rhel|mysql|postgresql|postgres|macos|ios|android)\s?$",
    re.IGNORECASE,
)
_AFTER_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s+$")  # the number before another: "11 " of "11 9s"
_NAMED_LONGEST = 12  # characters, more than any match of _NAMED
DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")
# _SENTENCE's breaks with the mark before them: sre skips to a mark (a first character it knows) where
# the lookbehind is tried at every character; a match ends before a character that is no mark, so no
# two of them share one
_SENTENCE_BREAK = re.compile(r"[.!?](\s+)(?=[A-Z(\"“])")
_WORD = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "is",
        "are",
        "be",
        "it",
        "its",
        "this",
        "that",
        "with",
        "by",
        "as",
        "at",
        "from",
        "can",
        "you",
        "your",
    ]
)


_SPECIAL = re.compile(r"[<\[!*_\\`#^]")
# an Obsidian block id at the end of a line ("Description: ^e5d497"): an anchor for links, no words
BLOCK_ID = re.compile(r"(?:^|\s+)\^[A-Za-z0-9][A-Za-z0-9-]{2,}\s*$")
# a callout's or a learner's mark before the words: "[!]VPC", "[!note] Read this", "[!tip]-"
BANG_MARK = re.compile(r"\[![A-Za-z-]*\][+-]?\s*")
STRAY_STARS = re.compile(r"\*{2,}")
# the tag a flashcard plugin reads at the end of a line ("What is an SCP? #card", "#flashcards/aws/s3"):
# a mark for the plugin, no words of the note
SRS_TAG = re.compile(
    r"(?:\s+#(?:cards?|flashcards?|anki|srs|spaced|reversed?)(?:/[\w/-]*)?)+\s*$", re.IGNORECASE
)
BLANK = re.compile(r"(?<![\w*])_{3,}(?![\w*])")  # a blank to fill: "a number of ______"
_SPAN_MARK = re.compile("\x00(\\d+)\x00")  # where plain() set a code span aside


# plain() of the texts, by text: a file's list items are read several times (as a list's items, as
# labels, as lines); emptied for each file (forget_plain), so it holds one file's texts
_PLAIN: dict[str, tuple[str, tuple[str, ...]]] = {}


def forget_plain() -> None:
    _PLAIN.clear()
    _WORDS.clear()
    _NORM.clear()


_FOOTNOTE = re.compile(r"\s*\[\^[^\]\s]{1,30}\]")
# an HTML character reference ("&amp;", "&#39;", "&#x20;"); a code span keeps its own (see _plain)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _entity(m: re.Match[str]) -> str:
    return html.unescape(m.group(0))


# tags typed at the end of a line (Obsidian, a flashcard plugin): "#AWSService", "#aws/s3"; not "#1"
_TAGS_AT_END = re.compile(r"(?:\s+#[^\W\d][\w/-]*)+\s*$")


def plain(raw: str) -> tuple[str, list[str]]:
    """Markdown inline source -> display text (emphasis kept out, links as their text) and link URLs."""
    known = _PLAIN.get(raw)  # (by the text as given: half the calls ask again for a text of the file)
    if known is None:
        if len(_PLAIN) >= 20_000:  # (a caller that never forgets)
            _PLAIN.clear()
        known = _PLAIN[raw] = _plain_of(raw)
    return known[0], list(known[1])


def _plain_of(raw: str) -> tuple[str, tuple[str, ...]]:
    if has_shortcode(raw):
        raw = SHORTCODE.sub(" ", raw)
    if " #" in raw:
        raw = _TAGS_AT_END.sub("", raw)  # "... pay for what you use. #AWSService": the notes app's tags
    if "&" in raw and ";" in raw and "`" not in raw:
        raw = _ENTITY.sub(_entity, raw)  # "data&#x20;", "S3 &amp; EBS": what the page shows
    if not _SPECIAL.search(raw):
        return " ".join(raw.split()), ()
    text, urls = _plain(raw)
    return text, tuple(urls)


def _plain(raw: str) -> tuple[str, list[str]]:
    urls: list[str] = []
    # code spans are literal: set them aside so no markup rule touches them
    spans: list[str] = []

    def keep(m: re.Match[str]) -> str:
        spans.append(m.group(0))
        return f"\x00{len(spans) - 1}\x00"

    # each rule runs only where the text holds what it needs to match (a rule found nothing else)
    text = raw.replace("\x00", "")
    if "`" in text:
        text = _CODE_SPAN.sub(keep, text)
    if "___" in text:
        text = BLANK.sub(keep, text)  # "a number of _______ and ...": a blank to fill, kept as typed
    if "&" in text and ";" in text:
        text = _ENTITY.sub(_entity, text)  # (a code span, set aside above, keeps its own as typed)
    if "<!--" in text:
        text = _COMMENT.sub(" ", text)
    if "![" in text:
        text = _IMAGE.sub(" ", text)

    def link(m: re.Match[str]) -> str:
        if m.group(2).startswith("http"):
            urls.append(m.group(2))
        return m.group(1)

    if "](" in text:
        if "([" in text:
            text = _SOURCE_LINK.sub("", text)
        text = _LINK.sub(link, text)
    if "![[" in text:
        text = EMBED.sub(" ", text)
    if "[[" in text:
        text = WIKILINK.sub(lambda m: m.group(2) or m.group(1), text)  # the page named, or the text shown
    if "][" in text:
        text = _REFLINK.sub(r"\1", text)
    if "<" in text:
        text = HTML_TAG.sub(" ", text)
    if "#" in text:
        text = SRS_TAG.sub("", text)
    if "^" in text:
        text = BLOCK_ID.sub("", text)
        if "[^" in text:
            text = _FOOTNOTE.sub("", text)  # "Tag Editor [^6.29.2] allows": a footnote's mark
    if "[!" in text:
        text = BANG_MARK.sub("", text)
    if "**" in text or "__" in text:
        text = _EMPH.sub(r"\2", text)
    if "*" in text or "_" in text:
        text = _EMPH1.sub(r"\2", text)
        if "**" in text:
            text = STRAY_STARS.sub("", text)  # "like ** Lambda**": bold that never opened, no words
    text = text.replace("\\", "").replace("```", "`")
    if spans:
        text = _SPAN_MARK.sub(lambda m: spans[int(m.group(1))], text)
    # (what \s+ -> " " and strip() give: str.split and \s agree on every character, checked over Unicode)
    return " ".join(text.split()), urls


# a picture's file named as text, not embedded: "[./assets/queue.png]", "images/arch.jpg"
_IMAGE_PATH = re.compile(r"[\[(<]?\s*[^\s\[\]()<>]*\.(?:png|jpe?g|gif|svg|webp|bmp)\s*[\])>]?", re.IGNORECASE)
_IMAGE_ENDS = (".png", ".jpg", "jpeg", ".gif", ".svg", "webp", ".bmp")


def is_image_path(text: str) -> bool:
    """The text is only the path of a picture's file ("[./assets/queue.png]"): a picture the notes meant
    to show, no fact."""
    return text.rstrip(" ])>")[-4:].lower() in _IMAGE_ENDS and _IMAGE_PATH.fullmatch(text.strip()) is not None


def is_link_or_image_only(raw: str) -> str | None:
    """'image only' / 'link only' when the text is nothing but images or links, else None."""
    if is_image_path(raw):
        return "image only"
    if "![[" in raw and not EMBED.sub("", raw).strip(" -–—:*[]()<>.,;"):
        return "image only"  # "![[diagram.png]]": a picture embedded, nothing else
    if "[[" in raw and not WIKILINK.sub("", raw).strip(" -–—:*[]()<>.,;"):
        return "link only"  # "[[S3]]", "[[CLF-C02]] · [[SAA-C03]]": pages of the notes
    if "](" not in raw and "http" not in raw:
        return None  # (an image or a link holds "](", a URL "http")
    if _IMAGE.fullmatch(raw.strip()) or (_IMAGE.search(raw) and not _IMAGE.sub("", raw).strip()):
        return "image only"
    stripped = _LINK.sub("", _IMAGE.sub("", raw)).strip(" -–—:*[]()<>")
    if (_LINK.search(raw) or _URL.search(raw)) and not _URL.sub("", stripped).strip(" -–—:*[]()<>"):
        return "link only"
    return None


def number_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the numbers worth hiding in a fact (numbers with units or limit context)."""
    if "`" in text or not DIGIT.search(text):
        return []  # (a number, and a junk context, both need a digit)
    low = text.lower() if text.isascii() else None  # (for the lowered patterns: needles.lowered)
    if _JUNK_NUMBER_CONTEXT_LOW.search(low) if low is not None else _JUNK_NUMBER_CONTEXT.search(text):
        return []
    spans = []
    limits: bool | None = None  # LIMIT_WORDS.search(text), asked at most once
    for m in NUMBER.finditer(text):
        value = m.group(1)
        # (a match of _NAMED ends where the number starts and is at most 8 characters long: "node.js ")
        if _NAMED.search(text, max(0, m.start() - _NAMED_LONGEST), m.start()):
            continue  # Route 53, Amazon Linux 2, Windows 10: part of a name
        if not _MEASURE.search(value):
            if limits is None:
                found = _LIMIT_WORDS_LOW.search(low) if low is not None else LIMIT_WORDS.search(text)
                limits = found is not None
            if not limits:
                continue
        spans.append(m.span(1))
    if len(spans) > 0 and "9" in text:
        # "11 9s" ("eleven nines") is one figure: its "9s" is no 9-second limit when the "11" is not hidden
        spans = [s for s in spans if not _after_shown_number(text, s[0], spans)]
    return spans


def _after_shown_number(text: str, start: int, spans: list[tuple[int, int]]) -> bool:
    """The number at ``start`` follows a bare number that stays shown ("11 9s" with "11" not hidden)."""
    before = _AFTER_NUMBER.search(text, max(0, start - 16), start)
    if before is None:
        return False
    number_end = before.start() + len(before.group(0).rstrip())
    return all(b != number_end for _, b in spans)


def cloze_numbers(text: str, start: int = 0) -> str | None:
    """Wrap each number fact after ``start`` in {{...}}; None if there is none."""
    if "{{" in text or "}}" in text:
        return None
    spans = [s for s in number_spans(text) if s[0] >= start]
    if not spans or len(spans) > 3:
        return None
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        out.append("{{" + text[a:b].strip() + "}}")
        last = b
    out.append(text[last:])
    result = re.sub(r"\}\}(\s+)\{\{", r"\1", "".join(out))
    revealed_rest = re.sub(r"\{\{.+?\}\}", "", result)
    if len(_WORD.findall(revealed_rest)) < 2:
        return None
    return result


def sentences(text: str) -> list[str]:
    return [s.strip() for s in split_sentences(text) if s.strip()]


def split_sentences(text: str) -> list[str]:
    """``_SENTENCE.split(text)``: the text cut at the spaces of each _SENTENCE_BREAK."""
    out, start = [], 0
    for m in _SENTENCE_BREAK.finditer(text):
        out.append(text[start : m.start(1)])
        start = m.end(1)
    out.append(text[start:])
    return out


# words() and norm() by text, emptied with _PLAIN: a file's headings, labels and parent items are
# asked again for each card under them (42k calls for 15k texts over the corpus)
_WORDS: dict[str, list[str]] = {}
_NORM: dict[str, str] = {}


def words(text: str) -> list[str]:
    """The text's words in lower case (the list is shared between callers: read it, never change it)."""
    found = _WORDS.get(text)
    if found is None:
        if len(_WORDS) >= 20_000:  # (a caller that never forgets)
            _WORDS.clear()
        found = _WORDS[text] = _WORD.findall(text.lower())
    return found


def norm(text: str) -> str:
    found = _NORM.get(text)
    if found is None:
        if len(_NORM) >= 20_000:
            _NORM.clear()
        found = _NORM[text] = " ".join(words(text))
    return found


def token_set(text: str) -> frozenset[str]:
    return frozenset(words(text)).difference(STOPWORDS)
