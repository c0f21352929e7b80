"""Where the extractors of one file put their drafts, skips and warnings, and the context a prompt
needs to be unambiguous (topic, heading, parent bullet)."""

from __future__ import annotations

import re

from awsprep.notes.blocks import strip_bullet_glyphs
from awsprep.notes.inline import norm
from awsprep.notes.model import Draft, Skip, Warning
from awsprep.notes.needles import lowered
from awsprep.notes.topics import TopicTable, context, is_diary, is_tips

# a page title that names the notes, not a service: "SAA Study Guide", "My exam notes"
_TITLE = re.compile(
    r"\b(study|guide|notes?|exam|certifi\w*|associate|practitioner|professional|course|cheat ?sheet|"
    r"readme)\b",
    re.IGNORECASE,
)


# a service's name: "Amazon GuardDuty", "AWS Budgets", "CodeArtifact", "EFS"
_SERVICE = re.compile(r"^(?:Amazon|AWS)\s+\S|\b[A-Z][a-z]+[A-Z]\w*|\b(?!AWS\b)[A-Z][A-Z0-9]+\b")
_CHAPTER = re.compile(r",|&|\band\b|\be\b")  # "Billing, pricing and support": a chapter, not one service
_MARK_STARTS = frozenset("-*+•–—")
_LIST_MARK = re.compile(r"^(?:[-*+•–—]|\d+\))\s+")  # also "04 — AMI" and "3) S3" once the number is gone
# a bullet that names only a kind of point under its parent: "Cons", "Use cases", "Benefits"
_GENERIC_PART = re.compile(
    r"^(?:pros?|cons?|advantages?|disadvantages?|benefits?|drawbacks?|downsides?|limitations?|use ?cases?|"
    r"features?|key features|considerations?|best practices?|examples?|characteristics|properties|"
    r"how it works|when to use( it)?)\s*:?$",
    re.IGNORECASE,
)
# a heading that names an aspect of whatever the heading above it names: "### Performance"
_ASPECT = re.compile(
    r"^(?:performance|pricing|costs?|security|architecture|configuration|settings|limits|quotas|"
    r"availability(?: and durability)?|durability|scaling|storage classes|deployment types)\s*:?$",
    re.IGNORECASE,
)
# the two above for an ASCII text's lower case (needles.lowered: the same matches, found sooner)
_GENERIC_PART_LOW = lowered(_GENERIC_PART)
_ASPECT_LOW = lowered(_ASPECT)


def _generic_part(text: str) -> bool:
    """``_GENERIC_PART.match(text)``, asked of a heading or a parent point for each card under it."""
    return (
        _GENERIC_PART_LOW.match(text.lower()) if text.isascii() else _GENERIC_PART.match(text)
    ) is not None


# a long point's label that names a remark, not a subject: "Note: ...", "Example - ..."
_REMARK = re.compile(
    r"^(?:notes?|nb|tips?|important|remember|warning|caution|examples?|e\.?g\.?|ex|i\.?e\.?|also|but|so|"
    r"why|how|what|when|where|which|question|answer)$",
    re.IGNORECASE,
)
# a remark in brackets holding the author's doubt: "[instance or host ???]", "(still true??)"
_DOUBT = re.compile(r"\s*(?:\[[^\[\]]*\?\?[^\[\]]*\]|\([^()]*\?\?[^()]*\))")
_HASHED = re.compile(r"\b(?=\w*\d)(?=\w*[a-z])\w{8,}\b")  # "24cfd262956b9a40": a generated name
# a glossary's "A", "A-C"; a slide's or a step's bare number, "198.", "3.2": where, not what about
_LETTER_HEADING = re.compile(r"[A-Z](?:\s*[-–]\s*[A-Z])?|\d{1,4}(?:\.\d{1,3})*\.?")
# a long point's term: "Amazon S3: object storage ..." -> "Amazon S3" (its term before a colon, a dash, or
# the words in brackets that spell it out: "Imported keys (customer material) are wrapped ...")
_PARENT_TERM = re.compile(r"^([^:\-–—()]{2,40}?)\s*(?::|\s[-–—]+|(?=\s\([^()]{2,60}\)))\s+\S")
# a file name that names no subject: "README", "notes", "index", "chapter-3", "day 12"
_NAMELESS = re.compile(
    r"^(?:readme|index|notes?|summary|misc\w*|others?|general|untitled|draft|todo|main|home|intro\w*|"
    r"overview|cheat ?sheet|chapter \d+|part \d+|day \d+|week \d+|section \d+|lesson \d+|module \d+)$",
    re.IGNORECASE,
)


_ORDER_WORD = re.compile(
    r"^(?:chapter|ch|part|day|week|section|lesson|module|unit|lecture)\s?\d+\s+(?=\S)", re.I
)


def file_subject(stem: str) -> str:
    """What a file's name says it is about: "07-aws-ram" -> "aws ram", "Quicksight" -> "Quicksight",
    "P- Account_Management" -> "Account Management";
    "" for names that say nothing ("README", "notes", "chapter 3") or say too much (over four words)."""
    # an ordering prefix is no part of the name: "07-aws-ram", "P- Account_Management"
    name = re.sub(r"[_\-]+", " ", re.sub(r"^(?:[\d\s._-]+|[A-Za-z][-_.)]\s+)", "", stem)).strip()
    # "chapter5 serverless", "section-12 storage": the book's order before the subject
    name = _ORDER_WORD.sub("", name) or name
    if not name or len(name.split()) > 4 or _NAMELESS.match(name) or _TITLE.search(name):
        return ""
    return name


_new = object.__new__


def new_skip(file: str, line: int, reason: str, text: str) -> Skip:
    """``Skip(file, line, reason, text)``: the same object, its fields set in its ``__dict__`` at once (a
    frozen dataclass's ``__init__`` sets each through ``object.__setattr__``; 15k skips an import)."""
    skip = _new(Skip)
    fields = skip.__dict__  # (in the order of the fields: vars() of a skip is written to the cache)
    fields["file"] = file
    fields["line"] = line
    fields["reason"] = reason
    fields["text"] = text
    return skip


class Collector:
    def __init__(self, file: str, topics: TopicTable, fallback_topic: str, titled: bool = False) -> None:
        self.file = file
        self.topics = topics
        self.fallback = fallback_topic
        # a page with a title names its own subject; one without is named by its file
        self.subject = "" if titled else file_subject(fallback_topic)
        self.named = file_subject(fallback_topic)  # what the file's name says, title or not
        self._titles: dict[tuple[str, ...], str] = {}  # _title_topic of each heading path
        self._folder: str | None = None  # the service its folder is named after (see _folder_topic)
        self.drafts: list[Draft] = []
        self.skips: list[Skip] = []
        self.warnings: list[Warning] = []
        self._topic_cache: dict[tuple[str, ...], str] = {}
        self._contexts: dict[tuple[str, ...], str] = {}  # topics.context of each heading path
        self._tips: dict[tuple[str, ...], bool] = {}  # topics.is_tips of each heading path
        self._leads: dict[tuple[str, ...], tuple[str, str, bool]] = {}  # _lead of each heading path

    def skip(self, line: int, reason: str, text: str = "") -> None:
        self.skips.append(new_skip(self.file, line, reason, text[:80]))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(Warning(self.file, line, message))

    def topic(self, path: tuple[str, ...]) -> str:
        found = self._topic_cache.get(path)
        if found is None:
            found = self._topic_cache[path] = self.topics.topic(path, self.fallback)
        return found

    def _context(self, path: tuple[str, ...]) -> str:
        found = self._contexts.get(path)
        if found is None:
            found = context(path)
            if _LETTER_HEADING.fullmatch(found):
                # a glossary's "## A", "## S": the letter says where the term is filed, not what it is about
                found = context(tuple(h for h in path if not _LETTER_HEADING.fullmatch(h)))
            self._contexts[path] = found
        return found

    def _is_tips(self, path: tuple[str, ...]) -> bool:
        found = self._tips.get(path)
        if found is None:
            found = self._tips[path] = is_tips(path)
        return found

    def add(
        self, kind: str, rule: str, line: int, path: tuple[str, ...], key: str = "", **fields: object
    ) -> None:
        if not all(isinstance(v, str) and v.isascii() for v in fields.values() if isinstance(v, str)):
            self._strip_glyphs(fields)
        draft = Draft(
            kind=kind,
            rule=rule,
            file=self.file,
            line=line,
            path=path,
            topic=self.topic(path),
            key=key,
            high_priority=self._is_tips(path),
            **fields,  # type: ignore[arg-type]
        )
        self.drafts.append(draft)

    @staticmethod
    def _strip_glyphs(fields: dict[str, object]) -> None:
        """The pictographs typed as bullets off a card's faces (see blocks.strip_bullet_glyphs)."""
        core, text = fields.get("core"), fields.get("text")
        for name in ("front", "back", "core"):
            value = fields.get(name)
            if isinstance(value, str) and not value.isascii():
                fields[name] = strip_bullet_glyphs(value)
        if isinstance(text, str) and isinstance(core, str) and core and text.endswith(core):
            # a cloze's text is its line after the context added to it: "S3 — 🔹 max {{5 TB}}"
            prefix = text[: len(text) - len(core)]  # (its context: "S3 › 🔹 Tiers — ")
            fields["text"] = (strip_bullet_glyphs(prefix) if not prefix.isascii() else prefix) + str(
                fields["core"]
            )
        elif isinstance(text, str) and not text.isascii():
            fields["text"] = strip_bullet_glyphs(text)

    # --- context ---------------------------------------------------------------------------------
    def _lead(self, path: tuple[str, ...]) -> tuple[str, str, bool]:
        """The heading path's context and topic, and whether the topic leads the prompt's context
        (asked once per path: a file's cards share a few)."""
        found = self._leads.get(path)
        if found is not None:
            return found
        ctx = self._context(path)
        topic = self.topic(path)
        # a known topic, or a short page title ("Amplify") above a short heading that does not say it
        # ("Components", "Use cases"), or a service's name above a longer one ("Amazon GuardDuty" over
        # "Trusted IP List / Threat Intel")
        named = self.topics.domain(topic) is not None or (
            topic in path
            and len(topic.split()) <= 6
            and (len(ctx.split()) <= 4 or (len(ctx.split()) <= 8 and bool(_SERVICE.search(topic))))
            and not _TITLE.search(topic)
            and not _CHAPTER.search(topic)
            and not is_diary(topic)
            and not _LETTER_HEADING.fullmatch(topic)  # ("## 198.": a slide's number names nothing)
            and bool(context((topic,)))  # ("# Overview", "# Notes": a title that says nothing)
        )
        lead = named and self.topics.find(ctx) != topic and norm(topic) not in norm(ctx)
        found = self._leads[path] = (ctx, topic, lead)
        return found

    def context_parts(self, path: tuple[str, ...], parents: list[str], shown: str) -> list[str]:
        """What a prompt needs to be unambiguous: the topic (when the heading does not name it),
        the heading, the parent bullet; minus what the card's own words already say."""
        ctx, topic, lead = self._lead(path)
        parts = []
        if lead:
            parts.append(topic)
        elif self.subject and self.topics.domain(topic) is None and not self.topics.find(ctx):
            # a file without a title ("Quicksight.md": "### Supported Files"): its name says the subject
            said = f" {norm(' '.join((*path, *parents, shown)))} "
            if f" {norm(self.subject)} " not in said:
                parts.append(self.subject)
        elif len(path) > 1 and self.topics.find(ctx) == topic and self._title_topic(path, topic, ctx):
            # "# Step Functions" / "## Pattern 1: Lambda orchestration": the heading names a service the
            # page uses, the page's title the one it is about
            parts.append(self._title_topic(path, topic, ctx))
        elif not ctx and self._says(" ".join((*parents, shown))):
            # a line above the page's first heading ("Redshift.md": "- Leader node: ..." then "# Notes"),
            # or under headings that say nothing ("# Overview"): the file's name says the subject
            parts.append(self.named[:1].upper() + self.named[1:])
        folder = self._folder_topic()
        if folder and not self.topics.find(" ".join((*path, *parents, *parts, shown))):
            # "DynamoDB/Operations.md": "# Reading and Writing" / "- Provisioned: ...": no heading, point
            # or file name says the service; the folder does
            parts.insert(0, folder)
        if self.named and not self.subject and _generic_part(ctx):
            # "failover-routing.md": "# Route 53" / "## Considerations": whose considerations? the file says
            said = f" {norm(' '.join((*path, *parents, shown)))} "
            name = norm(self.named).replace(" ", "")
            # ("StepFunctions", "AWS IoT Family" over "AWS IoT": the topic again, in other spacing or words)
            shown_as = [norm(p).replace(" ", "") for p in (topic, *parts)]
            again = any(x and (name in x or x in name) for x in shown_as)
            if f" {norm(self.named)} " not in said and not again and not self.topics.find(self.named):
                parts.append(self.named[:1].upper() + self.named[1:])
        owner = self._owner(path, ctx)
        if owner and not self._shown_already(owner, parts):
            # "# Network Storage" / "## EFS" / "### Considerations": whose considerations? the heading
            # above says (the page's title shown as the topic would name the wrong one)
            parts.append(owner)
        parts.append(ctx)
        if len(parents) >= 2 and _generic_part(parents[-1]) and len(parents[-2]) <= 60:
            # "- Lazy loading" / "  - Cons" / "    - Stale data: ...": whose cons? the bullet above says
            parts.append(parents[-2])
        if parents and len(parents[-1]) <= 60:
            parts.append(parents[-1])
        elif parents:
            # "- Amazon S3: object storage with several classes, each priced ..." over "- Tiers: ...": the
            # parent is too long to show, its term still says whose tiers
            term = _PARENT_TERM.match(parents[-1])
            if term and len(term.group(1).split()) <= 5 and not _REMARK.match(term.group(1)):
                parts.append(term.group(1))
        shown_norm = f" {norm(shown)} "
        # "### - Why?": a list marker typed in a heading
        parts = [_LIST_MARK.sub("", p) if p[:1] in _MARK_STARTS or p[:1].isdigit() else p for p in parts]
        # "ECS - Host Mode [host or instance ???]": the author's doubt in brackets is no part of the place
        parts = [_DOUBT.sub("", p).strip() if "??" in p else p for p in parts]
        return [p for p in parts if p and f" {norm(p)} " not in shown_norm and self.topics.find(shown) != p]

    def _owner(self, path: tuple[str, ...], ctx: str) -> str:
        """The heading right above ``ctx`` when ``ctx`` names only an aspect ("Considerations",
        "Performance") and that heading is not the page's title; "" otherwise."""
        if not _generic_part(ctx) and not (
            _ASPECT_LOW.match(ctx.lower()) if ctx.isascii() else _ASPECT.match(ctx)
        ):
            return ""
        at = len(path) - 1 - path[::-1].index(ctx) if ctx in path else -1
        if at < 2:  # (under the title itself, the title is the owner and is shown as the topic)
            return ""
        owner = path[at - 1].strip()
        return owner if 0 < len(owner) <= 60 and context((owner,)) else ""

    def _shown_already(self, heading: str, parts: list[str]) -> bool:
        """A part already says ``heading``'s subject: the same words, or the same topic ("S3" shown,
        "S3 (Simple Storage Service)" above)."""
        said = norm(heading)
        topic = self.topics.find(heading)
        return any(
            norm(p) in said or said in norm(p) or (topic and self.topics.find(p) == topic) for p in parts
        )

    def _says(self, shown: str) -> bool:
        """The file's name says something the shown words do not ("Redshift.md"; not a hash such as
        "000_24cfd262956b", nor "Route53" over "What is Route 53?")."""
        name = norm(self.named)
        if not name or _HASHED.search(name):
            return False
        return name.replace(" ", "") not in norm(shown).replace(" ", "")

    def _title_topic(self, path: tuple[str, ...], topic: str, ctx: str) -> str:
        """The service the page's title names when it is another than the one the heading names."""
        found = self._titles.get(path)
        if found is None:
            found = self._titles[path] = self._find_title_topic(path, topic, ctx)
        return found

    def _find_title_topic(self, path: tuple[str, ...], topic: str, ctx: str) -> str:
        title = self.topics.find(path[0]) if path[0] != ctx else None
        if not title or title == topic or norm(title) in norm(ctx):
            return ""
        # (a heading that is only the other service's name, "## ElastiCache", is a section of its own)
        if any(alias == norm(ctx) for alias, t in self.topics.aliases if t == topic):
            return ""
        return title

    def _folder_topic(self) -> str:
        """The service the file's innermost folder is named after, whole ("DynamoDB/", "3 - EBS/"; not
        "08-Auditing-Monitoring-Logging/"), as the topic table names it; "" if none."""
        if self._folder is None:
            self._folder = ""
            for folder in reversed(self.file.replace("\\", "/").split("/")[:-1]):
                name = norm(file_subject(folder))
                found = self.topics.find(name) if name else None
                if found and any(alias == name for alias, topic in self.topics.aliases if topic == found):
                    self._folder = found
                    break
        return self._folder

    def ctx_suffix(self, term: str, path: tuple[str, ...], parents: list[str]) -> str:
        parts = self.context_parts(path, parents, term)
        return f" ({' › '.join(parts)})" if parts else ""

    def with_context(self, text: str, path: tuple[str, ...], parents: list[str]) -> str:
        parts = self.context_parts(path, parents, re.sub(r"\{\{|\}\}", "", text))
        return f"{' › '.join(parts)} — {text}" if parts else text
