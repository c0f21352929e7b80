"""Tables: pipe tables and HTML ``<table>`` blocks, one card per row about its first cell."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from awsprep.notes.blocks import Block
from awsprep.notes.collector import Collector
from awsprep.notes.explicit import MARK
from awsprep.notes.inline import STOPWORDS, is_link_or_image_only, plain
from awsprep.notes.topics import PART_NAME
from awsprep.notes.units import MAX_ANSWER, basic_qa

# a table's header over a question column and an answer column ("Q" / "A", "Question" / "Answer")
_Q_HEADER = re.compile(r"q|questions?|pergunta|pregunta|domanda", re.IGNORECASE)
_A_HEADER = re.compile(r"a|ans|answers?|resposta|respuesta|risposta", re.IGNORECASE)

_ACRONYM = re.compile(r"[A-Z]{2}")
# a link to a folder of the notes themselves ("./ec2-hibernate/", "04-ami/README.md"), not to a page
# about one service (a comparison table's first column may link each service's own page)
_FOLDER_LINK = re.compile(r"\[[^\]]+\]\((?![a-z]+:)[^)\s]*(?:/|/readme\.md|/index\.md)\)", re.IGNORECASE)


def _names_a_thing(c: Collector, cell: str) -> bool:
    """A header cell naming a service or technology ("SQS", "NoSQL", "User Pools"), not a property."""
    return bool(_ACRONYM.search(cell.replace("AWS", "")) or c.topics.find(cell))


# header cells that name a column's role, never a thing compared ("Item | Value", "Setting | Default")
_ROLE_HEADER = re.compile(
    r"(item|value|name|feature|description|setting|limit|key|property|attribute|parameter|option|type|"
    r"details?|notes?|default|category|aspect|use case|example|purpose|term|meaning|definition|quota|"
    r"field|metric|resource|concept|point|topic|question|answer|scenario|situation|service|tool|use|"
    r"purpose|product|component|command|step|task|action|role|requirement|problem|solution)s?",
    re.IGNORECASE,
)

# the same roles in the other languages of learners' notes ("Tipo di analisi", "Scelta consigliata")
# a header that judges or picks ("Best fit", "Good for", "Use when"): the column answers, it is no thing
_JUDGING_WORDS = {"best", "good", "use", "used", "ideal", "typical", "common", "recommended", "right"}
_ROLE_WORDS_ABROAD = {
    "tipo",
    "tipos",
    "scelta",
    "elección",
    "opzione",
    "opción",
    "dettagli",
    "detalles",
    "servizio",
    "servizi",
    "servicio",
    "servicios",
    "serviço",
    "serviços",
    "differenze",
    "diferencias",
    "caratteristiche",
    "características",
    "descrizione",
    "descripción",
    "descrição",
}

_VALUE_HEADER = re.compile(r"(?:value|limit|default|quota|number|amount|max(?:imum)?|size)s?", re.IGNORECASE)
_NO_VALUE = re.compile(r"|todo|tbd|tba|n/?a|\?+|-+|—", re.IGNORECASE)  # a cell still to fill in
# a second column that holds the row's answer as such: the row reads as a definition, "Term (context)"
_PLAIN_ANSWER_HEADER = re.compile(
    r"(?:value|description|meaning|definition|details?|notes?|explanation)s?", re.IGNORECASE
)


def _title_name(cell: str, two: bool = False) -> bool:
    """A header cell written as a name ("Security Group", "Network ACL"): every word capitalised; in a
    table of ``two`` columns, also a name in sentence case ("Database | Data warehouse")."""
    if _ROLE_HEADER.fullmatch(cell.strip()):
        return False
    names = cell.split()
    if names and names[0].lower() in _ROLE_WORDS_ABROAD:
        return False
    if 0 < len(names) <= 5 and all(w[0].isupper() or not w[0].isalpha() for w in names):
        return True
    # a name in sentence case: a capital, then at most two lower-case words that are no function words
    # ("When to use", "What it does" are roles, not names); only two columns set against each other
    # ("| Load balancer | OSI layer | Protocols |" names a kind, then its properties)
    return (
        two
        and 1 < len(names) <= 3
        and names[0][0].isupper()
        and not _ROLE_HEADER.fullmatch(names[0])
        and names[0].lower() not in _JUDGING_WORDS
        and names[0].lower() not in STOPWORDS
        and all(w.isalpha() and w.islower() and w not in STOPWORDS for w in names[1:])
    )


def _context(c: Collector, front: str, path: tuple[str, ...], caption: str | None) -> str:
    """The row's context, the caption over the table last unless the front or the headings say it."""
    parts = c.context_parts(path, [], front)
    if caption and not any(caption.casefold() in x.casefold() for x in (front, *parts)):
        parts.append(caption)
    return f" ({' › '.join(parts)})" if parts else ""


def table(
    c: Collector,
    rows: list[list[str]],
    line: int,
    path: tuple[str, ...],
    example: bool = False,
    caption: str | None = None,
) -> None:
    """One card per row; ``example``: the line over the table gives it as an example ("Possible
    setups:", "For example:"): a row is one case, its cells not facts of its first cell. ``caption``:
    a short title line over the table ("Where each deploy tool applies"), said in each row's context,
    since the row alone often does not say what is asked."""
    if len(rows) < 2:
        c.skip(line, "broken table")
        return
    if any("==" in x for r in rows for x in r):  # "==set of values==": a highlight, not a blank to ask
        rows = [[MARK.sub(r"\1", x) for x in r] for r in rows]
    header = [plain(h)[0] for h in rows[0]]
    asks = [n for n, h in enumerate(header) if _Q_HEADER.fullmatch(h.strip())]
    says = [n for n, h in enumerate(header) if _A_HEADER.fullmatch(h.strip())]
    if asks and says and asks[0] < says[0]:
        # "| No | | Q | A | Ref |": a practice test's questions, each with its answer: a card a row that
        # has both (the row's number, its mark and its references are no part of it)
        q, a = asks[0], says[0]
        for n, row in enumerate(rows[1:], start=1):
            question = plain(row[q])[0].strip() if q < len(row) else ""
            answer = plain(row[a])[0].strip() if a < len(row) else ""
            if question and answer:
                basic_qa(c, question, answer, line + n + 1, path, "qa")
        return
    firsts = [plain(r[0])[0] for r in rows[1:] if r]
    if len(firsts) >= 2 and (
        all(PART_NAME.fullmatch(f) for f in firsts)
        or all(_FOLDER_LINK.fullmatch(r[0].strip()) for r in rows[1:] if r)
    ):
        # "| Batch 1 | Cloud concepts |", "| [EC2 Hibernate](./ec2-hibernate/) | RAM state, ... |": what
        # each part of the notes holds, a table of contents
        for n, first in enumerate(firsts, start=1):
            c.skip(line + n + 1, "link only", first)
        return
    # a table comparing things column by column ("SQS | SNS", "SQL | NoSQL"): its first cell is a
    # trait of the first column's thing, so the question must say whose trait it is
    statements = sum(len(r[0].split()) > 3 for r in rows[1:] if r) * 2 > len(rows) - 1
    # two columns headed by two names ("Short polling | Long polling", "Read | Write"): each row sets a
    # trait of the one against the other's, however short
    pair = (
        len(header) == 2
        and all(_title_name(h, True) for h in header)
        and (
            bool(set(header[0].lower().split()) & set(header[1].lower().split()))  # "Short/Long polling"
            or any(_names_a_thing(c, h) for h in header)  # "Standard | FIFO"
        )
    )
    compares = len(header) >= 2 and (
        all(_names_a_thing(c, h) for h in header)
        or (statements and all(_title_name(h, len(header) == 2) for h in header))
        or pair
    )
    # "| Service | Resource/Property | Value |": each row asks its thing's property ("S3: Max buckets?")
    property_table = (
        len(header) == 3
        and all(_ROLE_HEADER.fullmatch(p.strip()) for p in header[1].split("/"))
        and bool(_VALUE_HEADER.fullmatch(header[2].strip()))
    )
    for n, row in enumerate(rows[1:], start=1):
        cells = [plain(x)[0] for x in row]
        ln = line + n + 1
        if property_table and len(cells) == 3 and cells[0] and cells[1]:
            if _NO_VALUE.fullmatch(cells[2].strip()) or _NO_VALUE.fullmatch(cells[1].strip()):
                c.skip(ln, "fragment", f"{cells[0]}: {cells[1]}")  # "| S3 | TODO | TODO |", "| --- |"
                continue
            front = f"{cells[0]}: {cells[1].rstrip('?')}?"
            front += _context(c, front, path, caption)
            c.add(
                "basic", "table-row", ln, path, key=cells[0], front=front, back=cells[2], example=example
            )  # ids as before
            continue
        if any(cells[1:]) and all(not x or is_link_or_image_only(x) for x in row[1:]):
            c.skip(ln, "link only", cells[0])  # a table of contents: links to pages or anchors
            continue
        if len(cells) != len(header):
            c.warn(ln, f"a table row has {len(cells)} cells but the header has {len(header)}.")
        if not cells or not cells[0]:
            c.skip(ln, "broken table")
            continue
        pairs = [(h, v) for h, v in zip(header[1:], cells[1:], strict=False) if v]
        if not pairs:
            c.skip(ln, "fragment", cells[0])
            continue
        name = cells[0]
        if compares:
            name = f"{header[0]}: {name} —"
        if len(pairs) == 1 and not compares and _PLAIN_ANSWER_HEADER.fullmatch(pairs[0][0]):
            front, back = name, pairs[0][1]  # "| Item | Value |": the row is a term and its meaning
        elif len(pairs) == 1:
            front = f"{name} {pairs[0][0]}?" if pairs[0][0] else f"{name}?"
            back = pairs[0][1]
        else:
            front = f"{name} {', '.join(h for h, _ in pairs if h)}?"
            back = "; ".join(f"{h}: {v}" if h else v for h, v in pairs)
        if not name.endswith("—") and front != name:
            front = front.replace(f"{name} ", f"{name}: ", 1)
        if front.endswith("??"):  # a header that asks already ("Billed?"): one question mark, not two
            front = front[:-1]
        front += _context(c, front, path, caption)
        if len(back) > MAX_ANSWER:
            c.skip(ln, "too long", back)
            continue
        if len(pairs) == 1 and adds_nothing(cells[0], back):
            c.skip(
                ln, "fragment", front
            )  # "`aws rds describe-db-instances`: Description? Describe RDS instances"
            continue
        c.add("basic", "table-row", ln, path, key=cells[0], front=front, back=back, example=example)


def adds_nothing(name: str, answer: str) -> bool:
    """An answer made only of its row name's words (a command described by its own name)."""
    stem = {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", name.lower())}
    said = [w.rstrip("s") for w in re.findall(r"[a-z0-9]+", answer.lower()) if w not in STOPWORDS]
    return bool(said) and all(w in stem for w in said)


def html_block(c: Collector, blk: Block) -> None:
    low = blk.text.lower()
    if "<table" in low:
        rows, broken = parse_html_table(blk.text)
        if broken:
            c.warn(blk.line, "an HTML table here is not closed properly; its complete rows were read.")
        table(c, rows, blk.line, blk.path)
    elif low.lstrip().startswith("<!--"):
        c.skip(blk.line, "html comment")
    else:
        c.skip(blk.line, "html")


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.open_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        self.open_tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        if tag in self.open_tags:
            while self.open_tags and self.open_tags.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def parse_html_table(html: str) -> tuple[list[list[str]], bool]:
    parser = _TableParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; anything odd is a broken table
        return [r for r in parser.rows if r], True
    broken = parser.cell is not None or "table" in parser.open_tags
    return [r for r in parser.rows if r], broken
