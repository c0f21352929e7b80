"""How far a draft card can be trusted: a score in [0, 1] with the reasons for it.

A card scoring at least :data:`THRESHOLD` goes into the deck; the rest wait in triage
(``awsprep triage``) with their reasons. The score starts from how reliable the card's rule is
(explicit markup is the learner's own card) and loses points for what makes a card hard to answer or
not worth asking: an answer cut short, markup or site chrome left in, a step of a console
walkthrough, a code name as the whole answer, a question too long to read, exam logistics or
marketing. A card that states a value ``awsprep lint`` knows to be outdated always waits in triage.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from awsprep.notes.inline import BLANK, HTML_TAG
from awsprep.notes.model import Draft
from awsprep.notes.needles import folded, lowered, needles
from awsprep.notes.needles import search as _search

THRESHOLD = 0.6
STEP_SECTION = 0.5  # share of step lines that makes a section a walkthrough (see rules.section_steps)
STEP_HEADED = 0.34  # the same under a heading that announces a walkthrough
STEP_FILE = 0.4  # share of step lines that makes a whole file a lab log or a code project's README
PROJECT_FILE = 0.25  # share of lines naming a web stack's tools that makes a file a software project's doc
PROJECT_FOLDER = 0.08  # the same share over an import of several files: the repository is a project
PROJECT_FILES = 5  # how many files make "several"

# the learner wrote these as cards; the rest are guesses of decreasing reliability
_BASE = {
    "qa": 1.0,
    "qa-reversed": 1.0,
    "multiline": 1.0,
    "cloze": 1.0,
    "mcq": 1.0,
    "mcq-lettered": 1.0,
    "definition": 0.9,
    "list": 0.85,
    "table-row": 0.85,
    "is-a": 0.85,
    "fact": 0.8,
}
_EXPLICIT = frozenset(k for k, v in _BASE.items() if v == 1.0)
_LEARNER_MARKED = frozenset({"qa", "qa-reversed", "multiline", "cloze"})  # cards written as cards

# (A pattern that starts with (?=[...]) lists there the first characters of its matches, a quick test
# that passes over the places where none can start; the matches are the same.)

# a heading that announces clicks, not knowledge: for sure ("Hands on", "Demo") or when the section
# has some steps in it too ("... walkthrough" may title a whole course's notes, "Setup" a real topic)
_LAB_HEADING = re.compile(
    r"\b(hands[- ]?on|demo|lab|follow[- ]?along|clean[- ]?up|tutorial|exercise|step\s*\d+|"
    r"sample (app|application|project)|hello world|steps? (?:to|required|for)|step[- ]by[- ]step)\b|"
    r"(?:^|/ )steps?(?:\s*:|\s*$|\s+/)",  # a heading "Steps" or "Steps: Application Load Balancer"
    re.IGNORECASE,
)
_WALKTHROUGH = re.compile(
    r"\b(walk-?through|console|setup|set up|install(ation)?|getting started|create|deploy(ing)? (an?|the|my)|"
    r"download|init\w*)\b",
    re.IGNORECASE,
)
# "Lambda -> Functions -> Create", "(for study purpose)": someone clicking through a console
_CLICKS = re.compile(
    r"(?=[-fcshtu])(?:->.*->|->\s*(?:;|$)|\bfor (the )?study\b|\bclick\b|\bselect\s+`|\bhit enter\b|"
    r"^(?:select|tick|untick)\b)",
    re.IGNORECASE | re.MULTILINE,
)
_CHROME_PATH = re.compile(
    r"\b(table of contents|contents|toc|navigation|back to top|license|contributing|changelog|"
    r"acknowledg\w*|credits|support (us|this (project|repo))|sponsors?|"
    r"about (this|the) (repo|course|guide))\b",
    re.IGNORECASE,
)
_LOGISTICS = re.compile(
    r"(?=[edpsitrnucbfhoqm\d])"
    r"\b(exams? (fees?|costs?|durations?|formats?|registrations?|vouchers?|lasts?|length|takes)|"
    r"exam (content|guide|domains?|outline|breakdown|objectives|blueprint|weighting|preparation|prep)|"
    # ("Domain 1 is 24% of the exam"; not "Domain 1: Cloud Concepts", the notes' own chapter)
    r"domain \d\b(?=[^\n›()]{0,40}?\d\s?%)|"
    r"domain (?:level|weights?|weighting|breakup|breakdown|percentages?|split)|"
    r"passing (score|mark|grade)|scaled score|\d+\s?% is (passing|needed to pass)|is passing|"
    # "Represents {{16%}} of the certification exam"
    r"(?:of|in) the (?:certification |actual |real )?exam\b|"
    r"to pass the exam|(?:frequently|heavily|often|commonly) test(?:s|ed)|"  # "AWS frequently tests:"
    r"per attempt|retake|practice exams?|\d+ (scored |unscored )?questions|"
    # the learner's own study plan: "Practice at least 200+ scenario-based questions"
    r"practi[cs]e (?:at least |over |more than |around |about )?\d+\+? (?:[\w-]+ )?questions|"
    r"(number|no\.) of questions|udemy|coupon|discount code|(buy|purchase) (the|this|our)|patreon|discord|"
    r"subscribe to (our|my|the channel)|"
    r"course updates?|practice tests?|this (course|repo|repository|guide)|star (this|the) repo|"
    # the learner's own pace in the exam room: "Target pace: 1 question per 2 minutes", "mental stamina"
    r"questions? per \d+ min\w*|\d+ min\w* per question|time management|mental stamina|"
    r"exam[- ]taking|test[- ]taking)\b",
    re.IGNORECASE,
)
_MARKUP = re.compile(
    r"\{\{\s*[\w.]+\s*\}\}|\{%|%\}|~~|\*\*|(?<!\w)__[^\W_]|&[a-z]+;|&#\d+;|\]\(|\[\^?\d+\]|"
    r"\{#[\w-]+\}|@startuml|```|<!--|\S \| \S|"  # "a | b": a table row read as a line
    r"(?:^|\s)_ \w|"  # "_ Layer 7 _ URL routing": underscores typed as bullets
    r"\{\\?displaystyle\b|\\(?:frac|sum|text|mathrm)\s*\{",  # a LaTeX formula, its backslashes lost or kept
    re.IGNORECASE,
)
# what each kind of markup above holds as it is, so text without any of them is passed over at once
_MARKUP_MARKS = ("{", "%}", "~~", "**", "__", "&", "](", "[", "@", "```", "<!--", " | ", "_ ")


def _has_markup(text: str) -> bool:
    return any(mark in text for mark in _MARKUP_MARKS) and _MARKUP.search(text) is not None


# a heading that lists references, not facts: "Resources", "Further reading", "Useful links"
_REFERENCE_HEADING = re.compile(
    r"^(?:additional|other|useful|more|further|external|recommended|learning|study)\s+"
    r"(?:resources|references|links|reading|materials?)$|^(?:further reading|reading list|bibliography|"
    r"references|talks|videos|podcasts|courses|books|articles|credits)$",
    re.IGNORECASE,
)
# a bare "Resources" or "Links" heading lists references only when its lines link somewhere
# ("Resources" is also a part of a CloudFormation template); "References" always does (books too)
_LINKS_HEADING = re.compile(r"^(?:resources|references|links|reading|sources)$", re.IGNORECASE)
# a file or folder of a code project as the question: "src/main", "build/", "pom.xml"
_FILE_TERM = re.compile(
    r"^\S+/$|(?:^|/)(?:src|lib|tests?|app|bin|build|dist|target|node_modules|public|"
    r"scripts|config|main)(?:/|$)|^(?:[a-z][\w-]*|README)\.(?:md|xml|java|py|js|ts|go|rb|sh|txt|gradle|lock|"
    r"ini|cfg|war|jar)$"
)
_POINTER = re.compile(r"^(?:see|refer to|check out|look at)\b.{0,40}$", re.IGNORECASE)  # "See notes"
# "Consult the official docs for the details of ...": a pointer to documentation, however long
_DOCS_POINTER = re.compile(
    r"^(?:see|refer to|read|consult|check(?: out)?|look at)\s+(?:the\s+)?(?:official\s+)?(?:aws\s+)?"
    r"(?:documentation|docs|user guides?|developer guides?|whitepapers?|faqs?)\b",
    re.IGNORECASE,
)
# a link to read, no fact ("<https://...>" as typed for an autolink too)
_URL_ANSWER = re.compile(r"^<?(?:https?://|www\.)[^\s{}<>]+>?$", re.IGNORECASE)
_BLANK_IN_URL = re.compile(r"(?:https?://|www\.)[^\s<>]*\{\{")  # "...?page={{2}}": a link's query value
_NAV = re.compile(
    r"(?=[b⬆↑npeu])(?:back to top|⬆|↑ top|next page|previous page|edit (this|on github)|"
    r"next up|up next|next (?:topic|chapter|lesson|section|module))",  # "> *Next Up:* [S3 Tiers](./tiers.md)"
    re.IGNORECASE,
)
# an answer ending in a comma, a colon, "and"... was cut short ("C++" is whole)
_CUT = re.compile(
    r"(?=[:,(\[&\-–—+aoteibdswf])(?:[:,(\[&\-–—]|(?<!\+)\+|\b(?:and|or|the|a|an|e\.g|i\.e|"
    # a phrase that needs what follows it: "charged based on", "made up of", "such as"
    r"based on|depends on|relies on|such as|consists of|made up of|due to|according to|"
    r"with|from|than|by))\s*$",
    re.IGNORECASE,
)
# a whole answer that is a name typed in a console: `my-bucket`, MyFirstALB, i-0a1b2c, Enabled
_NAME_VALUE = re.compile(
    r"^`[^`]+`$|^[~.]?/[\w./~-]+$|^[a-z0-9]+(?:-[a-z0-9]+){2,}$|^my[-_A-Z]\w*|^[a-z]+-[0-9a-f]{8,}$|^\w+(?:_\w+){2,}$"
)
_JSON_DOCUMENT = re.compile(r'^[\[{]\s*"[^"]+"\s*:')
_SETTING = re.compile(
    r"^(enabled?|disabled?|yes|no|none|default|true|false|on|off|next|create|save|free|paid|optional|"
    r"(?:un)?ticked|(?:un)?checked|selected|deselected)$",
    re.IGNORECASE,
)
# a Region's or an Availability Zone's code as the whole answer ("ap-south-1 (Mumbai)", "eu-west-3b",
# "use1-az2"): the value of one example (a diagram's Region and its zones), not a fact to learn
_REGION_CODE = re.compile(
    r"^(?:(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|"
    r"northwest|southeast|southwest)-\d{1,2}[a-z]?|[a-z]{3}\d{1,2}-az\d{1,2})(?:\s*\([^()]{1,30}\))?$",
    re.IGNORECASE,
)
# a label that only names the kind of code: "Region", "Availability Zone 2", "Example AZ", "Region name"
_REGION_LABEL = re.compile(
    r"^(?:(?:an?|the|example|sample|my|your|home|default|chosen|primary|secondary)\s+)*"
    r"(?:aws\s+)?(?:regions?|availability zones?|azs?)(?:\s*(?:\d+|[a-z]|name|code|id))?$",
    re.IGNORECASE,
)
_TRIVIAL_NUMBER = re.compile(
    r"\{\{\s*(?:one|two|1|2)\s*\}\}\s+or\s+more|"
    # a lone "1" as a rate's unit ("$0.50 per {{1}} million requests") or a range's start whose end is
    # shown ("{{1}}-5 minutes"): the blank asks nothing worth knowing
    r"\bper\s+\{\{\s*(?:1|one)\s*\}\}|\{\{\s*1\s*\}\}\s*[-–]\s*\d|"
    # "creates >= {{0}} files", "at least {{0}}": zero or more, which is anything
    r"(?:>=|≥|\bat least)\s*\{\{\s*(?:0|zero)\s*\}\}",
    re.IGNORECASE,
)
# a mangled figure: a blank beside another bare number ("9.9 {{11}} 9s"), or three numbers in a row
# ("lost 9.99 11 9s": "eleven 9s" typed over a half-written percentage): which figure is asked?
_GARBLED_FIGURE = re.compile(
    r"(?<![\w.])\d[\d.,]*\s+\{\{\s*\$?\d|\d\s*\}\}\s+\d|"
    r"(?<![\w.,])\d[\d.,]*\s+\d[\d.,]*\s+\{?\{?\d"
)
_GENERIC_TERM = re.compile(
    r"^(notes?|nb|pros?|cons?|use ?cases?|examples?|e\.?g|tips?|important|summary|remember|info|details?|"
    r"description|overview|features?|benefits?|advantages?|disadvantages?|limitations?|options?|other|misc|"
    r"see also|more|warning|caution|todo|question|answer|solution|result|output|input|usage|why|how|what|"
    r"keywords?|exam clues?|clues?|exam focus|param(?:eter)?s?|values?)$",
    re.IGNORECASE,
)
# a note's label says nothing about what is asked, whatever its heading
_NOTE_LABEL = re.compile(
    r"^(?:notes?|nb|n\.b\.|tips?|pro tip|(?:very )?important(?: notes?)?|remember|info|warning|caution|hint|"
    r"fyi|also|recommended|"
    r"summary|in summary|in short|tl;?dr|bottom line|"
    # a label naming only the kind of remark after it ("**Exam tip:** ...", "Fun Fact: ...", "Solution: ...")
    r"(?:exam |quick )tips?|fun facts?|key points?|(?:key )?takeaways?|alternatives?|solutions?|resolution|"
    r"workaround|bonus|recap|conclusion|(?:exam )?traps?|"
    r"(?:important |common |classic |key |exam )?gotchas?|optimi[sz]ations?|misc|miscellaneous|"
    r"good to know|(?:need to |must )?know|understand|exam|for the exam|exam notes?|"
    r"(?:special|side|extra|additional|other|general|random) notes?|"
    # a lead-in to the words that point at a service ("Question Says: Notifications; Fan-Out"): what
    # those words point at is the heading's, the label asks nothing
    r"(?:if |when )?(?:the )?(?:exam )?questions? (?:says?|mentions?|asks?)|(?:if |when )?you see|"
    r"look for|watch for|"
    # a comparison with tools from elsewhere ("Familiar mapping: like Datadog ..."), not what it is
    r"(?:familiar|real[- ]world|tool) mappings?|analog(?:y|ies)|think of it as|in plain (?:english|terms)|"
    r"ricorda|nota|attenzione)$",
    re.IGNORECASE,
)
# a label that only leads into its points ("Composed of:", "Consists of:"): what is composed of them?
_LEAD_IN_LABEL = re.compile(
    r"^(?:(?:is |are )?(?:composed|made(?: up)?|comprised|consist(?:s|ing)?) of|"
    r"comprises|includes|contains)$",
    re.IGNORECASE,
)
# a list's label that says its points are only examples: "Examples include", "tools such as"
_EXAMPLES_LABEL = re.compile(
    r"(?:\bsuch as|\bexamples? include|\bfor example|\be\.g\.?|\bincluding|\blike)\s*:?$", re.IGNORECASE
)
# a label that leans on a list before it: "2 other types of user", "The remaining options" ("other
# services" is any other than the one the notes are about)
_OTHER_LABEL = re.compile(
    r"^(?:the\s+)?(?:\d+|two|three|four|five)\s+(?:other|more|further|remaining)\b|"
    r"^(?:the\s+)?(?:remaining|rest of the)\b",
    re.IGNORECASE,
)
# the vendor as the term asked: "What is Amazon?" (a slip for "Amazon SQS"), "What is AWS?"
_VENDOR = re.compile(r"^(?:amazon|aws|amazon web services)$", re.IGNORECASE)
# a field of a fill-in template repeated for each service, in any language ("Keywords: ...", "Example: It is
# like a ...", "How it shows up in the exam: ...", "Model: PaaS", "Operates: at the compute level"): the
# service's name beside it does not say what is asked (a table's row names its columns: "Model: EC2, ECS?")
_TEMPLATE_FIELD = re.compile(
    r"^(?:key ?words?|palavras?[- ]chaves?|palabras?[- ]claves?|mots?[- ]cl[ée]s?|parole chiave|"
    r"schl[üu]sselw[öo]rter|stichw[öo]rter|키워드|핵심 ?키워드|"
    r"example|exemplos?|ejemplos?|exemples?|esempi[oi]?|beispiele?|voorbeelden?|przyk[łl]ad[y]?|예시|예제|"
    r"analog(?:y|ies|ia|ías?|ie|ien)|metaphor|"
    r"(?:como|onde|o que) (?:cai|aparece|é cobrado) (?:na|no) (?:prova|exame)|na prova|no exame|"
    r"en el examen|(?:how|where) (?:it )?(?:shows? up|appears?|comes? up) (?:in|on) the exam|"
    r"(?:in|on) the exam|exam (?:questions?|scenarios?|triggers?)|"
    r"model|modelo|mod[èe]le|modell[o]?|opera|operates?(?: at| on| in)?|atua(?: em)?|op[èe]re)$",
    re.IGNORECASE,
)
# "SNS vs SQS", "S3 versus EFS", "SQS / SNS": a heading that compares
_COMPARED = re.compile(r"\s+(?:vs\.?|versus)\s+|\s+/\s+", re.IGNORECASE)


def _side_of_comparison(label: str, places: str) -> bool:
    """``label`` is one side of a comparison named in ``places`` (headings, parent point): "SQS" under
    "SNS vs SQS"."""
    if _COMPARED.search(places) is None:
        return False
    term = " ".join(label.casefold().split())
    for place in re.split(r" › | / (?=\S)|\n", places):
        sides = _COMPARED.split(place)
        if len(sides) < 2:
            continue
        for side in sides:
            side = " ".join(side.casefold().strip(" :()").split())
            if term and (side == term or side.endswith(" " + term) or side.startswith(term + " ")):
                return True
    return False


# a list's label that states a claim ("NACL is stateless", "Most services are regional") over points
# that elaborate it: what is asked? ("The main types are", "S3 is used for" lead into their points)
_CLAIM_VERB = re.compile(r"\b(?:is|are|isn't|aren't)\b", re.IGNORECASE)
# "There are two kinds of scalability", "The main types are": a list's name, whatever its verb
_COUNTED_KINDS = re.compile(
    r"^there (?:is|are)\b|\b(?:\d+|two|three|four|five|six|seven|eight|several|many|some|main|different)\s+"
    r"(?:\w+\s+)?(?:kinds?|types?|ways?|options?|levels?|classes|modes|models|categories|parts|components|"
    r"steps|tiers|flavou?rs)\b",
    re.IGNORECASE,
)
_CLAIM_END = re.compile(r"\b[a-z][a-z-]+$")  # ends on a word in lower case: "stateless", not "ACID"
_LEAD_IN_END = re.compile(
    r"\b(?:is|are|be|by|to|for|of|with|in|on|as|like|from|into|via|include|includes|including|following|"
    r"such|e\.g|eg|ways?|types?|steps?|options?|reasons?)\W*$",
    re.IGNORECASE,
)


def _claims(label: str) -> bool:
    """The label states a claim ("Subnet ACLs are stateless"), not what its points answer."""
    if label.endswith("?") or _CLAIM_VERB.search(label) is None or _COUNTED_KINDS.search(label):
        return False
    return _CLAIM_END.search(label) is not None and _LEAD_IN_END.search(label) is None


# a point that only labels points under it: "Pros", "Cons", "Similarities", "Differences"
_LABEL_POINT = re.compile(
    r"^(?:pros?|cons?|advantages?|disadvantages?|benefits?|drawbacks?|limitations?|use ?cases?|features?|"
    r"similarities|differences|examples?|notes?|overview|details|summary)$",
    re.IGNORECASE,
)


# a line that leans on the one before it: "By comparison, Deep Archive takes {{12 hours}}"
_LEANS_BACK = re.compile(
    r"^(?:by comparison|in comparison|in contrast|by contrast|similarly|likewise|conversely|"
    r"on the other hand|in that case|otherwise|unlike (?:this|that|these|those|the above)|"
    # "That means the job has 30 seconds": what "that" is, is the line before's
    r"(?:that|this|which) (?:means|implies)|(?:that|this) is why)\b",
    re.IGNORECASE,
)
# a practice question's scene read as a fact: "The company must rotate the key every {{4 months}}"
_SCENARIO = re.compile(
    r"\b(?:a|the|this) company(?:'s)?\b|"
    # the scene's cast: "You are developing a retail app", "Your team has built", "A developer wants to"
    r"\byou(?: are|'re) (?:working|developing|designing|building|running|responsible|tasked|planning|"
    r"migrating|asked|hired|employed|consulting|a |an |the )|"
    r"\byou(?: have|'ve) (?:been (?:asked|tasked|hired)|developed|built|configured|deployed|uploaded|written|"
    r"created|launched|noticed|inherited)\b|\byou would like to\b|"
    r"\byour (?:team|manager|boss|client|employer|CTO) (?:has|is|wants|needs|asks|would)\b|"
    r"\b(?:a|an) (?:developer|solutions architect|sysops administrator|administrator|data engineer|"
    r"engineer|startup|organi[sz]ation|retailer|enterprise|client|customer) (?:is (?:\w+ing)|has|wants|"
    r"would like|plans|needs to|must|runs|operates)\b|"
    # the scene's figures: "the application performs around 20 reads per second"
    r"\b(?:the|your|their|its) (?:application|app|website|site|system|workload|service|database|table|"
    r"users?|team) (?:\w+ ){0,2}(?:around|approximately|roughly|about|an average of|on average) \d",
    re.IGNORECASE,
)
# a question's stem read as a fact: "How can you make the function run every [...]?"
_ASKS = re.compile(r"\?[\s\"'*_]*$")

# "What is CloudTrail? -> a vital part of running a governed account": praise, not what it is
_PRAISE = re.compile(
    r"^(?:a|an|the)\s+(?:very\s+|really\s+|most\s+)?(?:critical|vital|crucial|key|essential|important|"
    r"fundamental|foundational|integral|core|central|powerful|great|useful|popular|major|good|nice|"
    r"significant|valuable|perfect|ideal|excellent|best)\s+(?:\w+\s+)?(?:part|component|piece|element|"
    r"aspects?|service|tool|building block|feature|step|way|concept|pillar|capability|choice|option|"
    r"solution|practice|resource|thing)s?\b",
    re.IGNORECASE,
)
# "the most widely used AWS service", "one of the most used storage services": how popular, not what it is
_POPULAR = re.compile(
    r"^(?:(?:probably|arguably)\s+)?(?:one of\s+)?the\s+(?:most|best)\s+"
    r"(?:widely\s+|commonly\s+|frequently\s+)?(?:used|popular|known|adopted|common)\b",
    re.IGNORECASE,
)
# an answer that leans on the question it came from: "the right way to do this", "answers these questions"
_LEANS_ON_QUESTION = re.compile(
    r"\b(?:to do (?:this|that)|(?:these|those|this|that) (?:questions?|problems?|issues?|scenarios?|"
    r"requirements?|situations?))\b",
    re.IGNORECASE,
)
# a definition's one-word answer that only labels what follows it: "Web identity federation - Order"
_LABEL_ANSWER = re.compile(
    r"^(?:order|steps?|flow|process|sequence|workflow|diagram|overview|summary|example|details|notes?|"
    r"explanation|how|why|what|below|above|see below|follows?|"
    # a section's title typed after a dash: "The Exam - What to Expect", "Lambda - How it works"
    r"what to (?:expect|know)|how (?:it|they) works?|when to use(?: it)?|why use it|key (?:points|facts))$",
    re.IGNORECASE,
)
# "What is KMS?" -> "a regional service, so ...", "What are EBS volumes?" -> "used in EC2 instances": one
# trait or one place of use, not what the thing is
_ONE_TRAIT = re.compile(
    r"^(?:(?:a|an)\s+(?:regional|global|zonal|az[- ]scoped|region[- ]scoped|account[- ]level)\s+"
    r"(?:service|resource|construct|feature)\b|used\s+(?:in|by|within|inside)\b|"
    # how it delivers ("a pull based system"), not what it is
    r"(?:a|an)\s+(?:pull|push|poll|polling)[- ]?(?:base|based)\s+(?:system|service|model)\b)",
    re.IGNORECASE,
)
# a one-word term in lower case ("alias", "layer", "stage") whose definition names the service it belongs to
_SERVICE_WORD = re.compile(
    r"\b(?:Lambda|DynamoDB|S3|EC2|ECS|EKS|RDS|Aurora|SQS|SNS|Kinesis|CloudFormation|CloudFront|API Gateway|"
    r"Route 53|IAM|KMS|Cognito|Step Functions|Elastic Beanstalk|CodeDeploy|CodePipeline|CodeBuild|Glue|"
    r"Redshift|ElastiCache|EventBridge|CloudWatch|X-Ray|VPC|EFS|EBS|Athena|SageMaker)\b"
)
_SAME_AS = re.compile(
    r"^(?:(?:just|exactly|basically)\s+)?(?:the\s+)?(?:same\s+as|similar\s+to|(?:much\s+)?like)\b",
    re.IGNORECASE,
)
# an analogy, in any language: "It's like a chef who ...", "É como um ...", "C'est comme ...": no fact
_ANALOGY = re.compile(
    r"^(?:it'?s|it is|think of it as|é|es|c'est|è|ist|das ist)\s+(?:just\s+|bem\s+|un poco\s+)?"
    r"(?:like|como|comme|come|wie)\b",
    re.IGNORECASE,
)


def _spells_out(term: str, answer: str) -> bool:
    """The answer only spells the term's letters out: "What is VPC?" -> "a Virtual Private Cloud"."""
    letters = re.sub(r"^(?:an?|the)\s+", "", term.strip(), flags=re.IGNORECASE)
    if not re.fullmatch(r"[A-Z][A-Za-z0-9]{1,5}", letters) or sum(ch.isupper() for ch in letters) < 2:
        return False
    words = [
        w
        for w in re.findall(r"[A-Za-z0-9]+", answer)
        if w.lower() not in ("a", "an", "the", "of", "for", "and")
    ]
    return 0 < len(words) <= len(letters) + 1 and "".join(w[0] for w in words).upper().startswith(
        letters.upper()[: max(2, len(letters) - 1)]
    )


_NUMBER_WORDS = {
    "1": "one",
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
    "10": "ten",
}


def _gives_away(text: str) -> bool:
    """A cloze whose hidden words stand in its shown text too ("within one second ... reads {{1 second}}
    after", "canary 10% 5 min — {{10%}} of traffic"): the blank asks nothing."""
    hidden = [h.strip() for h in _CLOZED.findall(text)]
    if not hidden:
        return False
    shown = _CLOZED.sub(" \x00 ", text)
    shown_low = folded(shown)
    for h in hidden:
        if len(h) < 2 or h.isdigit():  # a bare number ("/16" ... "{{16}} IPs") is no telling sign
            continue
        forms = [h]
        number = re.match(r"(\d+)(\s*\D.*)$", h)
        if number and number.group(1) in _NUMBER_WORDS and number.group(2).strip():
            forms.append(_NUMBER_WORDS[number.group(1)] + " " + number.group(2).strip())
        for form in forms:
            if form.isascii() and shown_low is not None and form.lower() not in shown_low:
                # (what the search below matches, the form ignoring case, lowers to the form lowered in
                # the folded text, needles.folded: not there, no match, and no pattern made for it)
                continue
            if re.search(r"(?<![\w.,/])" + re.escape(form) + r"(?![\w])", shown, re.IGNORECASE):
                return True
    return False


# "the alternative to these tools", "each of the above": the answer leans on text the card does not show
_DEICTIC = re.compile(
    r"(?=[tabps])"
    r"\b(?:(?:these|those) (?:tools|ones|two|three|options|steps|services)|the above|above mentioned|"
    r"below|the following|this one|previous (?:one|slide)|"
    r"this (?:file|directory|folder|project|sample|repo|repository)|the same thing|same as above|"
    r"see (?:my |the )?(?:notes?|docs|above|below))\b",
    re.IGNORECASE,
)
# a README in a folder of source code documents that code (a notes repository's "services/sqs.md" is
# no such thing: only READMEs under src/, lib/, backend/ ... count)
_CODE_DIR = re.compile(
    r"(?:^|/)(?:src|lib|libs|pkg|cmd|internal|packages|node_modules|frontend|backend)/(?:.*/)?readme\.md$",
    re.IGNORECASE,
)
# a software project's own documents name its stack: "npm run build", "Tailwind config", ".env.local"
_STACK = re.compile(  # (?=...): the first characters of the names, so other places are passed over quickly
    r"(?=[nrvastcwyplfjeog.])(?:\b(?:next\.?js|react|vue(?:\.js)?|angular|svelte|tailwind(?:css)?|vercel|netlify|supabase|prisma|firebase|"
    r"cloudflare|webpack|vite|npm|yarn|pnpm|eslint|jest|typescript|localhost|package\.json|node_modules|"
    r"frontend|front-end|shadcn|oauth|github actions)\b|(?<![\w.])\.env(?:\.\w+)?\b)",
    re.IGNORECASE,
)
# a learner's own quiz results: "Question 10 -> Incorrect", "Attempt 2: Passed"
_QUIZ_RESULT = re.compile(
    r"^(?:correct|incorrect|wrong|right|skipped|unanswered|not answered|passed|failed|marked for review|"
    r"[✅❌✔✘✗])\W*$",
    re.IGNORECASE,
)
_QUIZ_KEY = re.compile(r"^(?:question|q|attempt|try|test|quiz)\s*#?\d+\b", re.IGNORECASE)
# "B is incorrect: ...": why an option of a question the card does not show is wrong
# a label that only numbers its place among others ("Design 2", "Scenario #4"): which one is asked?
_NUMBERED_LABEL = re.compile(
    r"^(?:architecture|example|scenario|use case|case|option|opt|approach|pattern|design|diagram|figure|"
    r"setup|demo|exercise|sample|solution|method|variant|version|way)\s*#?\d+$",
    re.IGNORECASE,
)
# the nearest context is an example's label: "Example: / - Region: Ohio": the value of one example
_EXAMPLE_PARENT = re.compile(
    r"(?:^|›\s*)(?:(?:worked\s+)?examples?|for example|e\.g\.?|for instance|samples?|calculations?|"
    r"exercises?|scenarios?)$",
    re.IGNORECASE,
)
# two bare words set against each other ("Hot vs. Cold."): of what? (names and acronyms say it)
_BARE_VERSUS = re.compile(r"^[A-Z]?[a-z]+\s+(?:vs\.?|versus)\s+[A-Z]?[a-z]+\.?$")
# "Needs 300 ❌ only 40 ready", "Uses 10 ✅": a number judged by a mark, the outcome of a worked case
_MARKED_FIGURE = re.compile(r"\d[^✅❌✔✖✗]{0,30}[✅❌✔✖✗]|[✅❌✔✖✗][^✅❌✔✖✗]{0,30}\d")
# "... long way = slow 😕": a face typed after a case told as a story, how one trip felt, not a fact
_FACE = re.compile("[\U0001f600-\U0001f64f\U0001f910-\U0001f92f]")
# "Reserved slots: 40 (fixed)": a bare count, no unit and no words: one case's value, not a fact
_BARE_COUNT = re.compile(r"^\d[\d,]*(?:\s*\([^()]{1,20}\))?$")
# a selling point as the label ("Ease of Use: it is simple to start with"): praise, no fact asked
_SELLING_LABEL = re.compile(
    r"^(?:ease of use|easy to use|simple to use|user[- ]friendly|simplicity)$", re.IGNORECASE
)
# a pairing of services as the whole question: "SNS + SQS" asks nothing about either
_PAIRING_LABEL = re.compile(r"^[\w@.-]+(?:\s+[\w@.-]+)?\s+\+\s+[\w@.-]+(?:\s+[\w@.-]+)?$")
# trivia behind a blank: a year of history ("since {{2014}}"), a vendor's gain ("({{40%}} improvement)")
_TRIVIA_BLANK = re.compile(
    r"\b(?:since|launched in|released in|introduced in|announced in)\s+\{\{\s*(?:19|20)\d\d\s*\}\}|"
    r"\{\{\s*\d+\s*%\s*\}\}\s*(?:improvement|better|faster)|"
    # "{{100%}} isolated", "{{100%}} managed": "100%" as a word of emphasis ("fully"), no figure to recall
    r"\{\{\s*100\s*%\s*\}\}\s*(?:[a-z]+(?:ed|ble|less|ive|ent|ant|ous|ic)|free|safe|private|secure)\b|"
    # "{{36}} regions", "{{114}} AZs", "400+ edge locations": how big the network is this year, not a
    # fact an exam asks (it grows every few months); "at least {{3}} AZs per Region" is kept (one digit)
    r"\{\{\s*~?\d{2,}(?:,\d{3})*\+?\s*\}\}\+?\s*(?:(?:aws|geographic|launched|active)\s+)?"
    r"(?:regions?|availability zones?|azs?|edge locations?|points? of presence|pops?|local zones?|"
    r"wavelength zones?|data cent(?:er|re)s?)\b",
    re.IGNORECASE,
)
# a price behind a blank ("{{$0.40}} per secret", "{{10}}$ per hour"): prices change and differ by Region;
# the exams ask how a service is billed, not its list price
_PRICE_BLANK = re.compile(
    r"\{\{\s*[~≈]?\s*(?:US)?[$€£]\s?\d|\{\{[^{}]*\d\s*\}\}\s*(?:\$|€|£|usd\b|dollars?\b|cents?\b)|"
    r"\{\{\s*\d[\d.,]*\s*(?:usd|dollars?|cents?)\s*\}\}",
    re.IGNORECASE,
)
# "up to {{$200}} in credits": what the free tier gives, no price
_CREDITS = re.compile(r"\}\}\s*(?:(?:in|of)\s+)?(?:aws\s+|promotional\s+)?credits?\b", re.IGNORECASE)
# one person's case told as a scene: "I want CPU to stay around {{50%}}", "commit to usage like {{10}}$":
# the blank hides the case's value, not a fact
_SCENE_CLOZE = re.compile(
    r"\b(?:I|we)\s+(?:want|need|have|get|pay|set|use|provision|store|run)\b[^.;{}]*\{\{|\blike\s+\{\{\s*[$€£]?\d|"
    # "the {{4 GB}} object is kept as an older version": the one thing of a worked case, named by its size
    r"\bthe\s+\{\{[^{}]*\d[^{}]*\}\}\s+(?:objects?|files?|items?|drives?|disks?|volumes?|messages?|records?|"
    r"photos?|videos?|images?|uploads?|versions?)\b",
    re.IGNORECASE,
)
# a note's record of itself: "Date: 2nd September, 2026", "Revised On: 17.12.2020", "Version: 3"
_RECORD_LABEL = re.compile(
    r"^(?:date|revised(?: on)?|updated(?: on)?|last (?:updated|modified|revised|edited)(?: on)?|"
    r"created(?: on)?|written(?: on| by)?|author|version|status)$",
    re.IGNORECASE,
)
_DATE_ONLY = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?[ ./-]+(?:[A-Za-z]+|\d{1,2})[ ,./-]+\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"[A-Za-z]+ \d{1,2}(?:st|nd|rd|th)?,? \d{4})\.?$"
)
# a label that opens on a preposition in lower case ("using SQS: queue model" under "decouple your
# apps"): the end of the sentence above, not a term
_PREPOSITION_LABEL = re.compile(r"^(?:using|via|by|with|through|into|onto|from|to)\s")
_SCENE_WORDS = ("i ", "we ", "like", "the {{")
_OPTION_VERDICT = re.compile(r"^(?:option\s+)?[A-H]\s+(?:is|was)\s+(?:in)?correct\b", re.IGNORECASE)
# a cloze that hides what only illustrates: "a timeout (e.g. {{60 seconds}})"
_EXAMPLE_CLOZE = re.compile(
    r"(?:\be\.?g\.?|\bfor example|\bfor instance|\bsuch as|\bex:)[^.;{}()]*\{\{|"
    # the result of a sum worked out in the line: "10 × 2 = {{20 WCUs}}"
    r"\d\s*[×x*/]\s*\(?\d[^{}=\n]{0,40}=\s*\{\{",
    re.IGNORECASE,
)
# a heading over the exam's own figures: "Domain Level Breakup", "Exam format", "Scoring"
_LOGISTICS_HEADING = re.compile(
    r"\bdomain (?:level|weights?|weighting|breakup|breakdown|percentages?|split)\b|"
    r"\bexam (?:format|structure|details|logistics|registration|scoring|breakdown|weighting)\b|^scoring$|"
    r"\bbefore (?:the )?exam\b|\bexam day\b|\btime management\b|\b(?:exam|test)[- ]taking\b|\bpace\b|"
    # how to answer, not what to know: "Tips for Practice Questions", "Answering strategy"
    r"\btips for (?:answering |the |practice |exam |multiple[- ]choice |scenario )*questions?\b|"
    r"\b(?:answering|question) (?:strateg(?:y|ies)|techniques?)\b",
    re.IGNORECASE | re.MULTILINE,
)
# a heading where the notes say their section is not exam material: "Instance Types (Not necessary to
# memorize this for Associate-level exams)", "Not on the exam", "No need to memorize"
_NOT_FOR_EXAM = re.compile(
    r"\bnot (?:necessary|needed|required|important|essential) (?:to (?:memori[sz]e|know|learn)|for (?:the )?"
    r"(?:[\w-]+ )?exams?)\b|\bno need to (?:memori[sz]e|know|learn)\b|\bnot (?:on|in|part of) the exam\b|"
    r"\bnot (?:tested|examined|exam[- ]relevant) (?:on|in) the exam\b|\bdon'?t (?:need to )?memori[sz]e\b",
    re.IGNORECASE,
)
# a heading over the learner's own plan: "Focus on this section", "Study plan", "What to review"
_STUDY_PLAN = re.compile(
    r"\bstudy (?:plan|schedule|checklist|progress|tracker)\b|\bfocus on (?:this|these)\b|"
    r"\bwhat to (?:study|focus on|review|revise)\b|\bto (?:study|review|revise) (?:next|later|again)\b|"
    # a plan by days or weeks, a revision or crash plan, a pack of resources and when to read them
    r"\b\d+[- ](?:day|week|month)s? (?:study |exam |prep |revision |crash )?(?:plan|schedule|roadmap)\b|"
    r"\b(?:revision|crash|learning|prep|preparation|review|pass|exam) (?:plan|schedule|roadmap)\b|"
    r"\bresource (?:pack|usage|timeline|list)\b",
    re.IGNORECASE,
)
# the labels of a day's entry in a study plan: "Milestone: all gaps closed", "Objectives: master X"
_PLAN_LABEL = re.compile(
    r"^(?:milestones?|objectives?|learning objectives|goals?(?: for (?:the|this) (?:day|week))?|"
    r"knowledge checks?|deliverables?|time (?:needed|required|budget)|estimated time)$",
    re.IGNORECASE,
)
# a table row that asks what a part of the notes holds: "Status checks: Contents?" (a table of contents)
_CONTENTS_ASKED = re.compile(
    r":\s*(?:contents?|contenidos?|conte[uú]dos?|contenuto|topics(?: covered)?|what'?s (?:inside|covered)|"
    r"covers|sections?|chapters?)\?",
    re.IGNORECASE,
)
# a claim as the question: "DDoS simulations DO require approval" -> "...": what is asked?
_STATEMENT_KEY = re.compile(
    r"\b(?:is|are|isn't|aren't|do|does|don't|doesn't|can|can't|cannot|must|will|won't|requires?|"
    r"needs?|shares?|stays?|has|have|not|never|always)\b",
    re.IGNORECASE,
)
# a lab's write-up, by its folder or its title: "Labs/Athena/README.md", "# Lab: Create a stream"
_LAB_FILE = re.compile(r"(?:^|/)(?:labs?|hands[- _]?on|workshops?)(?:/|$)|(?:^|/)labs?[\s_-]", re.IGNORECASE)
_LAB_TITLE = re.compile(r"^(?:lab|hands[- ]on|workshop|walk-?through)\b", re.IGNORECASE)
# (a "Sample Exam Question" section tells one question's scene: its figures are the case's, not facts)
_EXAMPLE_PATH = re.compile(
    r"\b(examples?|exercises?|calculations?|worked|scenario|sample\s+(?:exam\s+)?questions?|"
    r"example\s+questions?|"
    # calculations, exercises and exam questions in the other languages of learners' notes
    r"c[áa]lculos?|calcoli|exerc[íi]cios?|ejercicios?|esercizi|cen[áa]rios?|escenarios?|"
    r"quest(?:ões|oes|ão|ao) de prova|preguntas de examen|domande d'esame)\b",
    re.IGNORECASE,
)
# a section on one EC2 instance type ("EC2 › Storage Optimized › H1", "m5.large"): its figures (GiB of
# memory, cores, Gbps, a per-region limit) are a spec sheet's trivia, not what the exam asks
_INSTANCE_TYPE = re.compile(
    r"^(?:[ACDFGHIMPRTXZ]\d[a-z]{0,3}|(?:Inf|Trn|Dl|Hpc|Mac|Vt)\d[a-z]{0,3})(?:\s*(?:instances?|family|\(.*\))?)$|"
    r"^[a-z]{1,3}\d[a-z]{0,3}\.(?:nano|micro|small|medium|\d*x?large|metal)\b"
)
# a cloze whose first blank is the subject of its sentence: "{{1 WCU}} is {{1 x 1KB}} write per second"
_SUBJECT_BLANK = re.compile(
    r"^\{\{[^}]*\}\}\s*(?:[A-Z][\w-]*\s+)?(?:is|are|=|equals|means|gives)\s", re.IGNORECASE
)
# a list's label that opens on its subject's verb: "Supports anything from CloudFormation" (a claim the
# points illustrate; "Supports:" names them)
_VERB_LABEL = re.compile(
    r"^(?:supports|allows|provides|offers|has|uses|requires|enables|lets|gives|contains|handles|works)\s",
    re.IGNORECASE,
)
# a blank over a machine's memory or cores ("52 vCPUs, {{208 GiB}} of RAM" of a shipped storage device):
# the spec sheet, not what the exam asks (a text that says RAM: memory of a function is not such a figure)
_SPEC_BLANK = re.compile(r"\}\}\s*(?:of\s+|on\s+)?(?:ram|v?cpus?|cores)\b", re.IGNORECASE)
_RAM = re.compile(r"\bram\b", re.IGNORECASE)
_INSTANCE_SIZE = re.compile(r"^[a-z]{1,3}\d[a-z]{0,3}\.(?:nano|micro|small|medium|\d*x?large|metal)\b")
# a footnote's mark read as part of a term: "¹ CCP", "² see below"
# a price not yet filled in: "$x per GB", "$X.XX a month", "$?": a placeholder, no figure to learn
_PLACEHOLDER_PRICE = re.compile(r"(?<![\w$])\$\s?(?:[xX]{1,3}(?:\.[xX]{1,3})?|\?{1,3}|_{1,5})(?![\w$])")
# a memory trick, a joke spelling of the name ("SNS = Shout ..."): a study aid, not a fact (and it reads
# as a wrong expansion of the name)
_MNEMONIC_HEADING = re.compile(
    r"\b(?:memory (?:tricks?|aids?|hooks?)|mnemonics?|easy to remember|how to remember|remember it as)\b",
    re.IGNORECASE,
)
# an answer that says only that the topic is tested: "one of the most frequently tested concepts"
_TESTED_ONLY = re.compile(
    r"^(?:(?:this is|it is|it's)\s+)?(?:(?:one of )?the most |an? |very )?(?:(?:frequently|commonly|often|"
    r"heavily|widely)\s+)?tested\b|^(?:one of )?the most (?:frequently |commonly |often )?tested\b|"
    r"\b(?:is|are) (?:often|frequently|commonly|heavily) tested\b",
    re.IGNORECASE,
)
# a label naming a scene to solve ("Credentials Scenario", "Case study 2"): its line is the scene's
# first line, not a fact, and its answer is not on the card
_SCENE_LABEL = re.compile(
    r"\b(?:scenarios?|case stud(?:y|ies)|practice question|exam question)\s*#?\d*$", re.IGNORECASE
)
# a price said only against another's ("Less than Standard", "Half of Standard"): under a fees heading
_RELATIVE_PRICE = re.compile(
    r"^(?:(?:a )?(?:bit |little |much |slightly )?(?:less|more|cheaper|costlier|higher|lower)\s+(?:than)\b|"
    r"(?:half|double|twice|a (?:third|quarter)) (?:of|the|as)\b|(?:the )?same as\b).{0,40}$",
    re.IGNORECASE,
)
_FEES_HEADING = re.compile(r"\b(?:fees?|pricing|prices?|costs?|charges?|billing)\b", re.IGNORECASE)
# "Mainly two types", "3 kinds": the label counts kinds and does not say of what
_COUNT_OF_KINDS = re.compile(
    r"^(?:there are\s+)?(?:mainly|mostly|basically|generally)?\s*(?:\d+|two|three|four|five|six)\s+"
    r"(?:main\s+|major\s+|different\s+)?(?:types|kinds|categories|classes|flavou?rs|varieties)$",
    re.IGNORECASE,
)
# "Mainly two types": the count hedged, so the points are not all the kinds (which the card should say)
_HEDGED_COUNT = re.compile(r"^(?:there are\s+)?(?:mainly|mostly|basically|generally)\b", re.IGNORECASE)
# a heading that names no thing the kinds could be of: "Considerations", "Overview", "Key points"
_GENERIC_HEADING = re.compile(
    r"^(?:notes?|overview|introduction|intro|basics?|general|summary|details?|misc\w*|others?|more|"
    r"considerations?|key (?:points?|concepts?|features?|facts?)|concepts?|features?|fundamentals|"
    r"background|what is it\??|how (?:it|they) works?|types|kinds|categories|best practices?|pros?|cons?|"
    r"tips?|important|info|description|properties|characteristics|options?|usage|use ?cases?|examples?)$|"
    # a place in a course, not a thing: "Chapter 4", "Day 12"; the notes' own title: "Exam notes"
    r"^(?:chapter|part|section|lesson|module|day|week|lecture|unit|step)\s*\d+\b|"
    r"\b(?:notes|study|exam|guide|cheat ?sheet|course)\b",
    re.IGNORECASE,
)


def _kinds_named(label: str, context: str) -> bool:
    """A count of kinds ("Two types") whose context's innermost heading names what they are kinds of
    ("Two types (Queue Endpoints)"); not under a generic heading ("Considerations") or none, and not a
    hedged count ("Mainly two types": not all the kinds, whatever the heading)."""
    if not context or _HEDGED_COUNT.match(label):
        return False
    inner = context.split(" › ")[-1].strip(" *_:")
    inner = re.sub(r"\s*\([^()]*\)$", "", inner).strip()  # "Key Service (KMS)" -> "Key Service"
    return bool(inner) and bool(re.search(r"[^\W\d_]", inner)) and not _GENERIC_HEADING.match(inner)


# (_FOOTNOTE, _MARKED_FIGURE and _FACE each need a character that is not ASCII: an ASCII text is passed
# over without them)
_FOOTNOTE = re.compile(r"(?:^|\s)[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\w")
_FOOTNOTE_BLANK = re.compile(r"\(\{\{\d\}\}\)|\{\{\(\d\)\}\}|\[\{\{\d\}\}\]")  # "... per month ({{1}})"
_IMAGE_MENTION = re.compile(
    r"\b(shown|see|in) (the )?(image|picture|diagram|figure|exhibit|screenshot)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Quality:
    score: float
    reasons: tuple[str, ...]

    @property
    def passes(self) -> bool:
        return self.score >= THRESHOLD and not any(r.startswith("outdated") for r in self.reasons)


_CLOZE_MARK = re.compile(r"\{\{|\}\}")
# a line that opens on an operator, not words: "== {{400,000}} seconds if ...", "=> {{3}} copies"
_OPERATOR_START = re.compile(r"^(?:==|=>|->|>>|<<|&&|\|\||!=|\+=|=)\s*\S")
_CLOZED = re.compile(r"\{\{(.*?)\}\}")
# what _NAV's text and _EXAMPLE_CLOZE's lead-in hold, in lower case: the patterns need one of them
# (words to find with ``in``: a few times faster than sre trying the alternatives at each place)
_NAV_WORDS = (
    "back to top",
    "↑ top",
    "next page",
    "previous page",
    "edit this",
    "edit on github",
    "next up",
    "up next",
    "next topic",
    "next chapter",
    "next lesson",
    "next section",
    "next module",
)
_EXAMPLE_WORDS = re.compile(r"e\.?g|for example|for instance|such as|ex:|\d\s*[×x*/]\s*\(?\d[^{}=\n]{0,40}=")


def _has_nav(text: str, lowered: str | None) -> bool:
    if "⬆" not in text and lowered is not None and not any(w in lowered for w in _NAV_WORDS):
        return False
    return _NAV.search(text) is not None


def _example_cloze(text: str) -> bool:
    lowered = folded(text)
    if lowered is not None and _EXAMPLE_WORDS.search(lowered) is None:
        return False
    return _EXAMPLE_CLOZE.search(text) is not None


def _scene_cloze(text: str) -> bool:
    lowered = folded(text)
    if lowered is not None and not any(w in lowered for w in _SCENE_WORDS):
        return False
    return _SCENE_CLOZE.search(text) is not None


def label_of(d: Draft) -> str:
    """The term a card asks about, without the marks around it."""
    return d.key.strip(" *_`:!")


def _example_region(answer: str, label: str) -> bool:
    """The answer is only a Region's or a zone's code: an example's value. "us-east-1" under a label
    saying more than "Region" ("Certificates for the CDN are made in") is the one Region the exam asks
    about as a fact (where the global services live), so it stays."""
    if _REGION_CODE.match(answer) is None:
        return False
    virginia = re.match(r"us-east-1(?![\w-])", answer, re.IGNORECASE) is not None
    return not virginia or not label or _REGION_LABEL.match(label) is not None


def _cut_short(text: str) -> bool:
    """``_CUT.search(text)``: a match ends with the text's trailing spaces, so only its last few
    characters (the longest phrase, "relies on", and the one before it) are searched."""
    end = len(text.rstrip())
    return _CUT.search(text, max(0, end - 12)) is not None


def _faces(d: Draft) -> tuple[str, str]:
    if d.kind == "basic":
        return d.front, d.back
    if d.kind == "cloze":
        shown = _CLOZE_MARK.sub("", d.text)
        return shown, shown
    return d.question, "\n".join((*d.options, d.explanation))


def _context_of(d: Draft) -> str:
    """The context the importer added to a prompt (headings and parent bullet)."""
    if d.kind == "basic":
        m = re.search(r"\(([^()]*)\)$", d.front)
        return m.group(1) if m else ""
    if d.kind == "cloze" and " — " in d.text:
        return d.text.split(" — ", 1)[0]
    return ""


def project_files(texts: dict[str, str]) -> set[str]:
    """The files of ``texts`` (name -> text) that are a software project's documents, not study notes:
    a file whose lines name a web stack's tools often, or every file of an import of several files
    that does so as a whole (a project's architecture page or user guide names few tools itself)."""
    shares: dict[str, tuple[int, int]] = {}
    for name, text in texts.items():
        lines = sum(map(bool, map(str.strip, text.split("\n"))))  # (its lines not blank, counted in C)
        shares[name] = (_lines_matching(_STACK, text), lines)
    stack_all = sum(s for s, _ in shares.values())
    lines_all = sum(n for _, n in shares.values())
    if len(texts) >= PROJECT_FILES and lines_all and stack_all / lines_all >= PROJECT_FOLDER:
        return set(texts)
    # a README inside a code tree ("src/backend/booking/README.md") documents the code beside it; when
    # a third of the files are such, the rest ("docs/handouts/...") belong to the same project
    in_code = {name for name in texts if _CODE_DIR.search(name)}
    if len(texts) >= 3 and len(in_code) * 3 >= len(texts):
        return set(texts)
    return in_code | {name for name, (s, n) in shares.items() if n >= 10 and s / n >= PROJECT_FILE}


def _lines_matching(pattern: re.Pattern[str], text: str) -> int:
    """How many lines of ``text`` hold a match of ``pattern`` (one whose matches never span lines)."""
    words, lowered = needles(pattern), folded(text)
    if words is not None and lowered is not None:
        # only a line holding one of the pattern's needles can hold a match: search just those lines
        # (found with str.find, much faster than a regex of the needles; the lowered text keeps every
        # letter's place: ``folded`` lowers no letter to two)
        starts = set()
        for word in words:
            at = lowered.find(word)
            while at >= 0:
                start = text.rfind("\n", 0, at) + 1
                starts.add(start)
                end = text.find("\n", at)
                at = lowered.find(word, len(text) if end < 0 else end)  # (on to the next line)
        lines = 0
        for start in starts:
            end = text.find("\n", start)
            if pattern.search(text, start, len(text) if end < 0 else end):
                lines += 1
        return lines
    lines, line, at, last = 0, 0, 0, -1
    for m in pattern.finditer(text):
        line += text.count("\n", at, m.start())
        at = m.start()
        if line != last:
            lines, last = lines + 1, line
    return lines


@dataclass(frozen=True, slots=True)
class _Place:
    """What :func:`score`'s checks of a draft's place find: they read only its heading path, the context
    its prompt shows and its file."""

    path: str  # the headings under the page's title, then the context, as the checks read them
    logistics: bool  # a heading over the exam's own figures
    study_plan: bool
    chrome: bool  # the last heading is a table of contents or a site's section
    reference: bool  # a heading lists references
    links: bool  # a heading lists references when the card links somewhere
    walkthrough: bool  # a heading that announces a walkthrough when the section has steps
    lab_heading: bool
    lab: bool  # a lab's write-up, by its file or its title
    example: bool  # a worked example's section
    mnemonic: bool
    example_parent: bool  # the context is one example's
    instance_type: bool  # a part of the context names an EC2 instance type
    not_for_exam: bool  # a heading says its section is not needed for the exam


# (cached: the drafts of a section share their place, about two drafts a place over the corpus)
@functools.lru_cache(maxsize=4096)
def _place(headings: tuple[str, ...], context: str, file: str) -> _Place:
    path = " / ".join((*headings[1:], context))  # the first heading is the page's title
    # (the lowered texts let each pattern pass over a text without its needles: needles.search)
    path_low = folded(path)
    title = headings[0] if headings else ""
    last = headings[-1] if headings else ""
    return _Place(
        path=path,
        logistics=_search(_LOGISTICS_HEADING, path, path_low) is not None,
        study_plan=_search(_STUDY_PLAN, path, path_low) is not None
        or _search(_STUDY_PLAN, title, folded(title)) is not None,
        chrome=bool(headings) and _search(_CHROME_PATH, last, folded(last)) is not None,
        reference=any(_REFERENCE_HEADING.match(h) for h in headings),
        links=any(_LINKS_HEADING.match(h) for h in headings),
        walkthrough=_search(_WALKTHROUGH, path, path_low) is not None,
        lab_heading=_search(_LAB_HEADING, path, path_low) is not None,
        lab=_search(_LAB_FILE, file, folded(file)) is not None or _LAB_TITLE.match(title) is not None,
        example=_search(_EXAMPLE_PATH, path, path_low) is not None,
        mnemonic=_search(_MNEMONIC_HEADING, path, path_low) is not None,
        example_parent=_EXAMPLE_PARENT.search(context) is not None,
        instance_type=any(_INSTANCE_TYPE.match(p.strip()) for p in context.split(" › ")),
        not_for_exam=_search(_NOT_FOR_EXAM, path, path_low) is not None,
    )


_NOWHERE = _Place("", *[False] * 13)  # the place of a question: score reads none of it


def forget_places() -> None:
    """Empty the cache of places (an import starts afresh: its places are not the last import's)."""
    _place.cache_clear()


# The patterns score() asks of a card's label, answer and line that ignore case, with their lowered
# twins (needles.lowered), by id: an ASCII text is matched in lower case, a few times sooner. _match and
# _found are ``pattern.match(text)`` and ``pattern.search(text)`` as truth values, ``low`` being
# ``text.lower()`` for an ASCII text, else None.
_LOWERED: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {
    id(p): (p, lowered(p))
    for p in (
        _ANALOGY,
        _COUNTED_KINDS,
        _COUNT_OF_KINDS,
        _DOCS_POINTER,
        _GENERIC_TERM,
        _LEAD_IN_END,
        _LEAD_IN_LABEL,
        _LEANS_BACK,
        _NOTE_LABEL,
        _NUMBERED_LABEL,
        _ONE_TRAIT,
        _OTHER_LABEL,
        _POINTER,
        _POPULAR,
        _PRAISE,
        _QUIZ_KEY,
        _QUIZ_RESULT,
        _RELATIVE_PRICE,
        _SAME_AS,
        _SCENE_LABEL,
        _SELLING_LABEL,
        _SETTING,
        _STATEMENT_KEY,
        _TEMPLATE_FIELD,
        _URL_ANSWER,
        _VENDOR,
        _VERB_LABEL,
    )
}


def _match(pattern: re.Pattern[str], text: str, low: str | None) -> bool:
    if low is None:
        return pattern.match(text) is not None
    return _LOWERED[id(pattern)][1].match(low) is not None


def _found(pattern: re.Pattern[str], text: str, low: str | None) -> bool:
    if low is None:
        return pattern.search(text) is not None
    return _LOWERED[id(pattern)][1].search(low) is not None


def score(d: Draft, project: bool = False) -> Quality:
    """The draft's score and the reasons that lowered it (the first reason names the rule); ``project``:
    the draft comes from a software project's documents (see :func:`project_files`)."""
    value = _BASE.get(d.rule, 0.8)
    reasons = [f"rule {d.rule} ({value:.2f})"]

    def minus(points: float, why: str) -> None:
        nonlocal value
        value -= points
        reasons.append(f"{why} (-{points:.2f})")

    if project and d.rule not in _LEARNER_MARKED:
        minus(0.5, "from a software project's documents, not study notes")

    front, back = _faces(d)
    both = f"{front}\n{back}"
    context = _context_of(d)
    # (a question's checks read none of its place)
    place = _place(d.path, context, d.file) if d.kind != "mcq" else _NOWHERE
    path = place.path
    # (the lowered text lets each pattern pass over a text without its needles: needles.search)
    both_low = folded(both)
    # (a question's options may pair the words of two blanks with a bar: "meta data | temporary")
    if _has_markup(both if d.kind != "mcq" else both.replace(" | ", " / ")) or (
        "<" in both and HTML_TAG.search(both)
    ):
        minus(0.5, "markup or template text left in")
    if _has_nav(both, both_low):
        minus(0.5, "navigation text")
    if d.kind != "mcq" and (place.logistics or _search(_LOGISTICS, both, both_low)):
        minus(0.45, "exam logistics or marketing")
    if place.not_for_exam:
        minus(0.45, "the notes say this is not needed for the exam")
    if d.kind != "mcq" and (
        place.study_plan  # (the page's title too: "Study Plan", "Resource Pack")
        or (d.kind == "basic" and _PLAN_LABEL.match(label_of(d)))
    ):
        minus(0.45, "the learner's study plan, not a fact")
    if d.rule == "table-row" and "?, " in d.front.split(" (", 1)[0]:
        minus(0.3, "two questions in one")  # "AMI: Billed?, Note?": header cells that ask each their own
    if d.rule == "table-row" and _CONTENTS_ASKED.search(d.front):
        minus(0.5, "a table of contents of the notes")
    if d.kind != "mcq" and place.chrome:
        minus(0.5, "under a table of contents or site section")
    elif d.kind != "mcq" and (place.reference or (d.refs and place.links)):
        minus(0.5, "under a list of references")
    if d.kind == "mcq":
        if _search(_IMAGE_MENTION, d.question, folded(d.question)) or d.image:
            minus(0.45, "the question relies on an image")
        if d.conflict:
            minus(0.5, f"a copy of this question at {d.conflict} has another answer")
        if d.outdated:
            reasons.append(f"outdated: {d.outdated}")
        return Quality(round(value, 3), tuple(reasons))
    if d.rule not in _EXPLICIT:
        answer = back if d.kind == "basic" else "".join(_CLOZED.findall(d.text))
        # a section mostly made of steps is a walkthrough whatever its heading says
        walkthrough = (
            d.steps >= STEP_SECTION or (d.steps >= STEP_HEADED and place.walkthrough) or place.lab_heading
        )
        if walkthrough or _search(_CLICKS, d.core or both, folded(d.core) if d.core else both_low):
            minus(0.4, "a step of a console walkthrough")
        if place.lab:
            minus(0.4, "from a lab write-up (what was clicked, not what is true)")
        elif d.file_steps >= STEP_FILE:
            minus(0.4, "from a file of steps and code (a lab log or a code project)")
        if ("`" in answer and d.kind == "basic") or (d.rule == "list" and "`" in back):
            minus(0.2, "code in the answer")
        if d.kind == "basic" and _JSON_DOCUMENT.match(answer.strip()):
            minus(0.4, "the answer is a JSON document, not a fact")  # a test event: { "name": "Dave" }
        label = label_of(d)
        # (the lower case of ASCII texts, for the lowered patterns: _match and _found)
        label_low = label.lower() if label.isascii() else None
        stripped = answer.strip()
        stripped_low = stripped.lower() if stripped.isascii() else None
        if d.kind == "basic" and _example_region(answer.strip(), label):
            minus(0.4, "the answer is only a Region or zone code, an example's value, not a fact")
        elif d.kind == "basic" and (
            _NAME_VALUE.match(answer.strip()) or _match(_SETTING, stripped, stripped_low)
        ):
            minus(0.35, "the answer is a name or a setting, not a fact")
        if _cut_short(back.rstrip(" .")) or back.count("(") > back.count(")") or back.count("`") % 2:
            minus(0.4, "the answer looks cut short")
        noted = d.kind == "basic" and _match(_NOTE_LABEL, label, label_low)
        if d.key and (noted or (_match(_GENERIC_TERM, label, label_low) and not context)):
            minus(0.4, "a generic label as the question")  # "Note (EC2)": what is asked?
        elif (
            d.kind == "basic" and d.rule != "table-row" and d.key and _match(_LEAD_IN_LABEL, label, label_low)
        ):
            minus(0.4, "a lead-in as the question, not what it is of")  # "Composed of (IAM)"
        elif d.rule == "list" and d.key and _EXAMPLES_LABEL.search(label):
            minus(0.35, "the answer is a few examples, not a whole")  # "Examples include (Dimensions)"
        elif (
            d.kind == "basic"
            and d.rule in ("definition", "list")
            and len(label.split()) >= 2
            and _found(_OTHER_LABEL, label, label_low)
            and not _match(_GENERIC_TERM, label, label_low)
        ):
            minus(0.35, "the question leans on a list before it")  # "2 other types of user (HSM)"
        elif d.rule == "is-a" and _match(_VENDOR, label, label_low):
            minus(0.4, "the vendor's name as the term asked")  # "What is Amazon?"
        elif (
            d.kind == "basic"
            and d.rule != "table-row"
            and d.key
            and _match(_TEMPLATE_FIELD, label, label_low)
        ):
            minus(0.4, "a template's field name as the question")  # "Keywords (AWS Lambda)": what is asked?
        if (
            d.kind == "basic"
            and d.rule in ("definition", "list", "is-a")
            and d.key
            and len(answer.split()) <= 3
            and _side_of_comparison(label, "\n".join((*d.path, context)))
        ):
            minus(
                0.4, "one side of a comparison: the question does not say what is compared"
            )  # "SQS (SNS vs SQS)"
        if _match(_URL_ANSWER, stripped, stripped_low):
            minus(0.4, "the answer is a link")
        if d.key and _FILE_TERM.search(d.key.strip(" *_`")):
            minus(0.35, "the question is a file or folder name")
        if d.rule in ("definition", "is-a") and answer.rstrip().endswith("?"):
            minus(0.35, "the answer is a question")  # "Latency - will it grow over time?"
        if _match(_POINTER, stripped, stripped_low) or _match(_DOCS_POINTER, stripped, stripped_low):
            minus(0.5, "the answer only points elsewhere")
        elif _search(_DEICTIC, back, folded(back)):
            minus(0.3, "the answer points at text around it")
        if place.example:
            minus(0.4, "a step of a worked example")
        compared = " — " in d.front  # "SQS: pulls — SNS?": the row says whose trait its name is
        if d.rule == "table-row" and len(d.key.split()) > 8 and len(answer.split()) > 4 and not compared:
            minus(0.3, "a table row named by a statement, not a term")
        if d.kind == "basic" and len(d.front) > 160:
            minus(0.25, "a long question")
        if d.example:
            minus(0.4, "a row of a table given as an example, not a fact")  # "Possible setups:" | A | B |
        if d.kind == "basic" and d.key and _match(_NUMBERED_LABEL, label, label_low):
            minus(0.4, "a numbered label as the question")  # "Design 2 (Queues)": which design?
        if (
            d.kind == "basic"
            and d.rule != "table-row"
            and d.key
            and _PAIRING_LABEL.match(label)
            and not context
        ):
            minus(0.35, "a pairing as the question, nothing said of what is asked")  # "SNS + SQS"
        if d.kind == "basic" and d.rule != "table-row" and _BARE_VERSUS.match(label):
            minus(0.4, "a comparison of two bare words: what is compared is not said")
        if d.rule == "definition" and not answer.isascii() and _MARKED_FIGURE.search(answer):
            minus(0.35, "a figure judged by a mark: the outcome of a worked case, not a fact")
        if d.rule == "definition" and _BARE_COUNT.match(answer.strip()):
            minus(0.35, "a bare count as the answer: a case's value, not a fact")
        if d.kind == "basic" and d.key and _match(_SELLING_LABEL, label, label_low):
            minus(0.4, "a selling point as the question")
        if d.kind == "basic" and not answer.isascii() and _FACE.search(answer):
            minus(0.35, "a case told with a face, not a fact")
        if (d.kind == "basic" and d.key and place.example_parent) or (
            d.kind == "cloze" and place.example_parent
        ):
            minus(0.3, "a value of one example, not a fact")
        if d.kind == "cloze" and _TRIVIA_BLANK.search(d.text):
            minus(
                0.35,
                "the blank hides trivia (a year, a vendor's gain, '100%' for 'fully', "
                "a count of Regions or zones)",
            )
        if d.kind == "cloze" and _BLANK_IN_URL.search(d.text):
            minus(0.5, "the blank hides part of a link")
        if d.kind == "cloze" and _TRIVIAL_NUMBER.search(d.text):
            minus(0.35, "a trivial number")
        if d.kind == "cloze" and _GARBLED_FIGURE.search(d.text):
            minus(0.35, "a blank beside another number: a garbled figure")
        if d.kind == "cloze" and (_example_cloze(d.text) or _scene_cloze(d.text)):
            minus(0.35, "the cloze hides an example, not the fact")
        if (
            d.kind == "cloze"
            and d.rule not in _LEARNER_MARKED  # ("==$0.005== per hour": the learner chose to ask it)
            and _PRICE_BLANK.search(d.text)
            and not _CREDITS.search(d.text)
        ):
            minus(
                0.35,
                "the blank hides a price (it changes and differs by Region; the exam asks how it is billed)",
            )
        if d.kind == "basic" and (
            _match(_QUIZ_RESULT, stripped, stripped_low)
            or (_match(_QUIZ_KEY, label, label_low) and len(answer.split()) <= 3)
        ):
            minus(0.5, "a quiz result, not a fact")
        if d.kind == "basic" and _OPTION_VERDICT.match(label):
            minus(0.5, "why an option of an unseen question is wrong")
        if d.rule == "definition" and len(label.split()) >= 4 and _found(_STATEMENT_KEY, label, label_low):
            minus(0.35, "a statement as the question, not a term")
        if d.kind == "basic" and "___" in answer and BLANK.search(answer):
            minus(0.5, "the answer holds a blank to fill, not the fact")  # "a service for _____"
        recorded = _RECORD_LABEL.match(label) and len(answer.split()) <= 4  # ("version: reserved for ...")
        if d.rule == "definition" and (recorded or _DATE_ONLY.match(answer.strip())):
            minus(0.5, "the note's own record (a date, a version), not a fact")  # "Revised On: 17.12.2020"
        if d.rule == "definition" and _PREPOSITION_LABEL.match(label):
            minus(0.35, "the label goes on from the line above: it names nothing")  # "using SQS: queues"
        if d.kind == "basic" and d.key and len(label) == 1:
            minus(0.4, "a one-letter label as the question")
        if d.rule == "list" and all(_LABEL_POINT.match(x.strip()) for x in back.split(";")):
            minus(0.4, "the points are only labels of their own points")  # "Lazy loading -> Pros; Cons"
        if d.rule == "list" and len(label.split()) >= 3 and _claims(label):
            minus(0.3, "a claim as the list's question, not what its points answer")
        if (
            d.rule in ("list", "definition")
            and _match(_VERB_LABEL, label, label_low)
            and len(label.split()) >= 3
            and not d.key.endswith(":")
            # ("Supports development in" leads into its points)
            and not _found(_LEAD_IN_END, label, label_low)
            and label.split()[-1][:1].isupper()  # (it ends on what it claims of: "... from CloudFormation")
            # ("Provides checks in five categories" names them)
            and not _found(_COUNTED_KINDS, label, label_low)
        ):
            minus(0.35, "a claim as the list's question, not what its points answer")  # "Supports all of X"
        if d.rule == "is-a" and (
            _match(_PRAISE, stripped, stripped_low) or _match(_POPULAR, stripped, stripped_low)
        ):
            minus(0.3, "the answer praises, it does not say what it is")
        if d.kind == "basic" and _LEANS_ON_QUESTION.search(answer):
            minus(0.3, "the answer leans on a question it does not show")
        if d.rule == "definition" and _LABEL_ANSWER.match(answer.strip(" .:*_")):
            minus(0.4, "the answer is a label, not a fact")
        if d.rule == "is-a" and _match(_ONE_TRAIT, stripped, stripped_low):
            minus(0.3, "the answer gives one trait, not what it is")
        if d.rule == "is-a" and re.fullmatch(r"(?:[Aa]n?\s+|[Tt]he\s+)?[a-z][a-z-]+", d.key.strip()):
            named = _SERVICE_WORD.search(answer)
            if named and not _SERVICE_WORD.search(front):
                minus(0.3, "the question does not say whose term it asks")  # "What is an alias?" (Lambda)
        if d.rule == "is-a" and _spells_out(d.key, answer):  # ("What is VPC?" asks more than its letters)
            minus(0.35, "the answer only spells out the name")
        if d.kind == "basic" and _match(_SAME_AS, stripped, stripped_low):
            minus(0.3, "the answer points at another thing")
        elif d.kind == "basic" and _match(_ANALOGY, stripped, stripped_low):
            minus(0.4, "an analogy, not a fact")
        core = d.core.split(" — ", 1)[-1] if d.kind == "cloze" else back
        keyed = d.kind == "basic" and _OPERATOR_START.match(d.key.strip())
        core_s = core.strip()
        core_low = core_s.lower() if core_s.isascii() else None
        if _OPERATOR_START.match(core.strip()) or keyed:
            minus(0.4, "the line opens on an operator, not on what it is about")
        if _match(_LEANS_BACK, core_s, core_low):
            minus(0.35, "the line leans on the one before it")
        if _search(_SCENARIO, both, both_low):
            minus(0.35, "a practice question's scenario, not a fact")
        elif d.kind == "cloze" and d.rule == "fact" and _ASKS.search(d.core):
            minus(0.35, "a question's stem, not a fact")
        if (d.kind == "cloze" and (place.instance_type or _INSTANCE_TYPE.match(d.key.strip()))) or (
            d.rule == "table-row" and _INSTANCE_SIZE.match(d.key.strip())  # "| m5.large | 2 | 8 GiB |"
        ):
            minus(0.35, "an instance type's spec figures (trivia)")
        elif d.kind == "cloze" and _SPEC_BLANK.search(d.text) and _RAM.search(d.text):
            minus(0.35, "a device's spec figures (RAM, vCPUs): trivia")  # "52 vCPUs, {{208 GiB}} of RAM"
        if (
            d.kind == "basic" and "$" in answer and _PLACEHOLDER_PRICE.search(answer)
        ):  # ("$x for {{128KB}}": the size is one)
            minus(0.4, "a placeholder for a price ('$x'), no figure")
        if d.kind == "basic" and place.mnemonic:
            minus(0.4, "a memory trick, not a fact")
        if d.kind == "basic" and _search(_TESTED_ONLY, answer.strip(), folded(answer.strip())):
            minus(0.45, "the answer only says the topic is tested")
        if d.kind == "basic" and d.rule != "table-row" and d.key and _found(_SCENE_LABEL, label, label_low):
            minus(0.4, "a scene's first line, not a fact (its answer is not on the card)")
        # (the headings are in the front's last brackets, which may hold brackets: "... (IA) Class › Fees")
        headed = path if d.kind != "basic" or " (" not in front else f"{path} {front.split(' (', 1)[1]}"
        if (
            d.kind == "basic"
            and _match(_RELATIVE_PRICE, stripped, stripped_low)
            and _FEES_HEADING.search(headed)
        ):
            minus(0.35, "a price said only against another's")
        if (
            d.kind == "basic"
            and d.key
            and _match(_COUNT_OF_KINDS, label, label_low)
            and not _kinds_named(label, context)
        ):
            minus(0.35, "a count of kinds as the question: kinds of what?")  # "Mainly two types (KMS)"
        if (
            d.kind == "basic"
            and answer.lstrip().startswith(("- ", "* "))
            and answer.count(" - ") >= 2
            and answer.count(": ") >= 2  # (sub-labels: "- Allows a path - Any origin" is one flat list, kept)
        ):
            # "Key made of: - Headers: None - Named - Cookies: None - All": a nested list typed on one line
            minus(0.35, "a nested list run into one line")
        if "(*)" in answer or "(**)" in answer:
            minus(
                0.35, "a mark explained elsewhere in the notes: '(*)'"
            )  # "Start (*); End (*)": what is (*)?
        if (
            (not d.key.isascii() and _FOOTNOTE.search(d.key))
            or (not (d.core or front).isascii() and _FOOTNOTE.match(d.core or front))
            or (d.kind == "cloze" and _FOOTNOTE_BLANK.search(d.text))
        ):
            minus(0.5, "a footnote mark read as a term or a blank")
        if d.kind == "cloze" and d.core.count("{{") >= 2 and _SUBJECT_BLANK.match(d.core):
            minus(0.3, "a blank hides what the sentence is about")  # "{{1 WCU}} is {{1 KB}} written a second"
        if d.kind == "cloze" and _gives_away(d.text):
            minus(0.35, "the cloze's answer shows in its own text")
        if d.kind == "cloze" and len(d.text) > 200:
            minus(0.2, "a long cloze")
        if d.kind == "basic" and len(answer.split()) == 1 and d.rule == "definition":
            # a lower-case word or a link ("fast", "ticked", "<https://...>") is seldom the fact asked; a
            # name ("Redshift", "Regional") more often is
            word = answer.strip(" <>`'\"*_")
            minus(0.35 if word[:1].islower() or "://" in word else 0.15, "a one-word answer")
    if d.outdated:
        reasons.append(f"outdated: {d.outdated}")
    return Quality(round(value, 3), tuple(reasons))


SAME_QUESTION = 0.35


def _asked(d: Draft) -> tuple[str, str] | None:
    """What a guessed card asks and its answer (a cloze asks its text with the blanks shown)."""
    if d.rule in _EXPLICIT:
        return None  # the learner's own cards are taken as written
    if d.kind == "basic":
        return d.front.casefold(), d.back.casefold()
    if d.kind == "cloze":
        return _CLOZED.sub("[...]", d.text).casefold(), " ".join(_CLOZED.findall(d.text)).casefold()
    return None


def same_question(kept: list[Draft], qualities: list[Quality]) -> list[Quality]:
    """``qualities`` with a penalty for each guessed card of a file that asks what another card of the
    same file by the same rule asks, word for word, with another answer ("Best practice (IAM)" twice,
    "[...] after object creation" twice): the learner cannot tell which answer is wanted."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    answers: dict[tuple[str, str, str], set[str]] = {}
    for n, d in enumerate(kept):
        asked = _asked(d)
        if asked is None:
            continue
        place = (d.file, d.rule, asked[0])  # (a list and a definition of one label ask two things)
        groups.setdefault(place, []).append(n)
        answers.setdefault(place, set()).add(asked[1])
    out = list(qualities)
    for place, members in groups.items():
        if len(members) < 2 or len(answers[place]) < 2:
            continue
        for n in members:
            q = out[n]
            why = f"another card asks the same with another answer (-{SAME_QUESTION:.2f})"
            out[n] = Quality(round(q.score - SAME_QUESTION, 3), (*q.reasons, why))
    return out
