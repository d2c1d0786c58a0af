"""The publisher of a report no template knows, read from how reports name the firm behind them.

Extraction is structural and the same for every report; what an unknown publisher lacks is
a name. Reports name their firm in a few phrasings, and the evidence is taken strongest
first:

1. the firm releasing the report: "Publisher: X", "added to X's offering", "X is a leading
   market research firm", an "About X" heading, "© 2024 X";
2. the firm behind the figures: "according to X", "published by X", "a report by X", "X's
   latest report", "a X report", "X expects", "says X", "market research firm X", "X, a
   market research firm" - the first such mention in a sentence with a size or a CAGR, else
   the first anywhere, so a firm the report only cites further on is not taken for it;
3. a firm named with a legal suffix ("Acme Research Inc"), a masthead line that is only a
   firm's name, or the site the report's links and e-mail point to, spelled as the text
   spells it ("snsinsider.com" -> "SNS Insider").

A name counts when it looks like a firm's: it ends in a firm word ("... Research",
"... Insights", "... Group", "Market Research Future") or is one of the vocabulary's firms;
in a phrasing that can only name a publisher ("published by X") any proper name but an
institution's does. News wires and trade press are never the publisher, and a report that
names no firm is "Unknown publisher": a wrong name would mislead more than none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from builder.extract import figures
from builder.extract.clean import on_site
from builder.extract.document import Block
from builder.extract.publishers.template import Template
from builder.extract.sentences import split_sentences
from builder.schema import ReportWarning
from builder.vocabulary.names import LEGAL_FORMS, SHORT_AMBIGUOUS_FORMS
from builder.vocabulary.publishers import (
    ELSEWHERE,
    FIRM_WORDS,
    FIRMS,
    NOT_FIRM_WORDS,
    PRESS,
    RESEARCH_WORDS,
)
from builder.warning_codes import warn

TEMPLATE = Template(key="generic", publishers=())
UNKNOWN = "Unknown publisher"

# A run of capitalised words ("Research and Markets.1", "The Business Research Company").
# A word may hold full stops ("ResearchAndMarkets.com") but not end in one, so a run stops at
# the end of a sentence; each repetition starts at a space and a capital, so it stays linear.
_WORD = r"[\w&-]*(?:\.[\w&-]+)*[™®]?"  # "MarketsandMarkets™" is MarketsandMarkets
_WORDS = r"(?:The\s)?[A-Z]" + _WORD + r"(?:\s(?:(?:&|and|of)\s)?[A-Z0-9]" + _WORD + "){0,5}"
_NAME = "(" + _WORDS + ")"
# The same run ending where a phrasing that follows a name begins ("IMARC Group| expects").
# "Market Research Future (MRFR) expects": the firm's initials may stand between.
_NAME_BEFORE = re.compile(r"(?<![\w&.-])(" + _WORDS + r")(?:\s\([A-Z]{2,6}\))?\s*$")
_REACH = 80
_REPORT = r"(?:report|study|analysis|research|survey|forecast|estimates?|data)"
_FIRM_KIND = r"(?:firm|fi\srm|company|agency|house|provider|consultancy)"
_VERBS: tuple[str, ...] = ("expects", "estimates", "projects", "predicts", "forecasts")
_VERBS += ("says", "states", "notes", "anticipates", "published", "released", "has noted")
# What a research firm says it is; "contract research" and "artificial intelligence" are not.
_RESEARCH_KIND = (
    r"(?:(?:market|business|industry)\s+(?:research|intelligence|information)"
    r"|competitive\s+intelligence|consult\w*|analytic\w*|advisory)"
)


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A phrasing that names a firm: the name follows it, or with `before` precedes it.

    It is only tried on a report whose lower-case text holds one of its `cues`, and each
    pattern opens with a word rather than a boundary, so the search skips ahead quickly.
    """

    pattern: re.Pattern[str]
    cues: tuple[str, ...]
    loose: bool = False
    """Whether any proper name may be the firm, not only a firm-shaped one."""
    before: bool = False

    def names(self, text: str, lowered: str) -> Iterator[tuple[int, str]]:
        """(position, firm) for each firm this phrasing names in `text`."""
        if not any(cue in lowered for cue in self.cues):
            return
        for m in self.pattern.finditer(text):
            if self.before:
                found = _NAME_BEFORE.search(text, max(0, m.start() - _REACH), m.start())
                if found is None:
                    continue
            else:
                found = m
            if name := _firm(found.group(1), self.loose, ends=self.before):
                yield found.start(1), name


def _phrase(pattern: str, *cues: str, loose: bool = False, before: bool = False) -> _Phrase:
    return _Phrase(re.compile(pattern), cues, loose, before)


_RELEASE = (
    _phrase(r"Publisher\s*:\s*" + _NAME, "publisher", loose=True),
    _phrase(r"added\s+to\s+" + _NAME + r"['’]s\s+offering", "offering", loose=True),
    _phrase(
        r" is\s+(?:one\s+of\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,4}?" + _RESEARCH_KIND + r"\b",
        " is ",
        loose=True,
        before=True,
    ),
    _phrase(
        r"(?:©|\([cC]\)|[Cc]opyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*)?" + _NAME,
        "©",
        "(c)",
        "copyright",
    ),
)
_ABOUT = re.compile(r"^About\s+" + _NAME + r"\s*:?\s*$")
_CREDITS = (
    _phrase(r"(?:publish|compil|prepar|releas)ed\s+by\s+" + _NAME, "ed by", loose=True),
    _phrase(
        r"(?:report|study|analysis|research|survey|forecast|estimates?|data)\s+"
        r"(?:published\s+)?(?:by|from)\s+" + _NAME,
        " by ",
        " from ",
        loose=True,
    ),
    _phrase(
        r"(?:[Aa]ccording\s+to|[Aa]s\s+per)\s+" + _NAME + r"(?=[,;:]|['’]s\b)",
        "according to",
        "as per",
        loose=True,
    ),
    _phrase(r"(?:[Aa]ccording\s+to|[Aa]s\s+per)\s+" + _NAME, "according to", "as per"),
    _phrase(
        _RESEARCH_KIND + r"\s+" + _FIRM_KIND + r"\s+" + _NAME,
        " firm ",
        " fi rm ",
        " company ",
        " agency ",
        " house ",
        " provider ",
        " consultancy ",
        loose=True,
    ),
    _phrase(
        r",\s+(?:an?|the)\s+[^.;\x00]{0,80}?\b" + _RESEARCH_KIND + r"\b",
        "research",
        "consult",
        "intelligence",
        "information",
        "analytic",
        "advisory",
        loose=True,
        before=True,
    ),
    _phrase(
        r"['’]s\s+(?:(?:latest|new|recent|annual)\s+)?(?:research\s+)?" + _REPORT,
        "'s ",
        "’s ",
        loose=True,
        before=True,
    ),
    _phrase(
        r"\s(?:an?|the)\s+(?:(?:new|recent|latest)\s+)?" + _NAME + r"\s+" + _REPORT,
        "report",
        "study",
        "analysis",
        "research",
        "survey",
        "forecast",
        "estimate",
        "data",
    ),
    _phrase(
        r"\s(?:" + "|".join(v.replace(" ", r"\s+") for v in _VERBS) + r")\b",
        *(f" {verb}" for verb in _VERBS),
        before=True,
    ),
    _phrase(r"says\s+" + _NAME, "says "),
    _phrase(r"Source\s*:\s*" + _NAME, "source"),
)
# A research firm's name before its legal suffix ("Global Market Insights Inc"); a form
# that is also a word ("as", "se") is not read.
_LEGAL = re.compile(
    r"\b("
    + "|".join(sorted(RESEARCH_WORDS))
    + r")\s*[,，]?\s*(?i:"
    + "|".join(sorted(LEGAL_FORMS - SHORT_AMBIGUOUS_FORMS, key=len, reverse=True))
    + r")\b"
)
_FOOTNOTE = re.compile(r"(?<=[A-Za-z])\.?\d{1,2}$")
_DOMAIN = re.compile(r"\b[a-z0-9][a-z0-9-]{1,62}\.(?:com|net|org|io|co|us|biz|info|in)\b")
_SEPARATOR = "\x00"
"""Joins the blocks into one text to search; no phrasing or name runs across it."""
_MAX_LOOSE_WORDS = 3
_SHORT_BLOCK = 60
_SPELLINGS = tuple(spelling for firm in FIRMS for spelling in (firm.name, *firm.spellings))


@dataclass(frozen=True, slots=True)
class Guess:
    publisher: str
    domains: tuple[str, ...]
    warnings: tuple[ReportWarning, ...] = ()


def guess_publisher(blocks: list[Block], hosts: Counter[str]) -> Guess:
    """The firm a report names as its publisher, with its site, else `UNKNOWN`.

    Firms the report also credits are not its publisher; they are named in a warning so an
    analyst can check the choice.
    """
    own = [(h, n) for h, n in hosts.most_common() if h and not on_site(h, ELSEWHERE)]
    text = _SEPARATOR.join(block.text for block in blocks)
    lowered = text.lower()
    behind, credited = _behind_figures(text, lowered)
    name = _released(blocks, text, lowered) or behind or _named(blocks, text)
    if name:
        others = list(dict.fromkeys(n for n in credited if squash(n) != squash(name)))
        warnings = (warn("publisher-also-credited", publisher=name, others=others),)
        return Guess(name, _site_of(name, own) or _first(own), warnings if others else ())
    for host in _domains(lowered, own):
        shown = _display(host, text)
        if shown:
            return Guess(shown, (host,))
    return Guess(UNKNOWN, _first(own))


def _first(own: list[tuple[str, int]]) -> tuple[str, ...]:
    return (own[0][0],) if own else ()


def _released(blocks: list[Block], text: str, lowered: str) -> str | None:
    """The firm releasing the report: a "Publisher:" line, its offering, "About X", "© X"."""
    for block in blocks:
        if block.text.startswith("About ") and len(block.text) < _SHORT_BLOCK:
            about = _ABOUT.match(block.text)
            if about and (name := _firm(about.group(1), loose=False)):
                return name
    found = [hit for phrase in _RELEASE for hit in phrase.names(text, lowered)]
    return min(found)[1] if found else None


def _behind_figures(text: str, lowered: str) -> tuple[str | None, list[str]]:
    """The first firm credited in a sentence with a size or CAGR, else the first credited;
    and every firm the report credits, in order."""
    hits = sorted(hit for phrase in _CREDITS for hit in phrase.names(text, lowered))
    behind: str | None = None
    credited: list[str] = []
    done = 0  # the text before this is sorted into sentences already
    for at, _ in hits:
        if at < done:
            continue
        start = text.rfind(_SEPARATOR, 0, at) + 1
        end = text.find(_SEPARATOR, at)
        end = len(text) if end < 0 else end
        for sentence in split_sentences(text[start:end]):
            start = text.find(sentence, start)
            names = _credited([hit for hit in hits if start <= hit[0] < start + len(sentence)])
            if names and behind is None and _has_figures(sentence):
                behind = names[0]
            credited.extend(names)
            start += len(sentence)
        done = end
    return behind or next(iter(credited), None), credited


def _has_figures(sentence: str) -> bool:
    return bool(figures.find_money(sentence) or figures.find_cagr(sentence))


def _credited(hits: list[tuple[int, str]]) -> list[str]:
    """Firms one sentence credits, in the order named; only firm-shaped ones if it has any.

    "a report from Fremont, Calif.-based market research firm BIS Research" credits BIS
    Research, not the town the loose "report from X" reading finds first.
    """
    shaped = [(at, n) for at, n in hits if _shaped(n)]
    return [name for _, name in sorted(shaped or hits)]


def _shaped(name: str) -> bool:
    """Whether a name has a firm's shape or is a vocabulary firm."""
    return name.split()[-1] in FIRM_WORDS or _known(name) is not None


def _named(blocks: list[Block], text: str) -> str | None:
    """A firm named with its legal suffix ("Global Market Insights Inc"), else a masthead: a
    line that is nothing but a vocabulary firm's name (a heading such as "Key Market Insights"
    has a firm's shape too, so shape alone does not make a masthead)."""
    for m in _LEGAL.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, m.start() - _REACH), m.end(1))
        if before and (name := _firm(before.group(1), loose=False, ends=True)):
            return name
    return next((b.text.strip() for b in blocks if b.text.strip() in _SPELLINGS), None)


def _firm(span: str, loose: bool, ends: bool = False) -> str | None:
    """The firm's name in a captured run of words, as the report spells it, or None.

    A run read after a phrasing is cut after its last firm word ("GMI Research The key ..."
    -> "GMI Research"); one that `ends` where the phrasing starts is the whole name, so it
    must end in a firm word itself ("Cancer Research UK published" names no firm). A
    footnote digit glued on ("Markets.1"), a trade mark sign and a trailing full stop are
    dropped. Without a firm word only a vocabulary firm counts, or, when `loose`, a short
    proper name that is no institution's ("Visiongain", "Stratistics MRC").
    """
    words = [w for w in (_FOOTNOTE.sub("", w.rstrip("™®")).rstrip(".") for w in span.split()) if w]
    last = len(words) - 1
    tried = (last,) if ends else range(last, -1, -1)
    cut = next((i for i in tried if words[i] in FIRM_WORDS), None)
    if cut is not None:
        words = words[: cut + 1]
    elif known := _known(" ".join(words)):
        return known
    elif not loose or not 0 < len(words) <= _MAX_LOOSE_WORDS or "-based" in span:
        return None
    lone = cut is not None and len(words) - (words[0] == "The") < 2  # "Research", "The Group"
    if lone or any(w in NOT_FIRM_WORDS for w in words):
        return None
    name = " ".join(words)
    lowered = " " + name.lower()
    return None if any(word in lowered for word in PRESS) else name


def _known(words: str) -> str | None:
    """A vocabulary firm at the start of `words`, spelled as the report spells it."""
    return next((s for s in _SPELLINGS if words == s or words.startswith(s + " ")), None)


def _site_of(name: str, own: list[tuple[str, int]]) -> tuple[str, ...]:
    """The report's own site that belongs to `name`, if its links point there."""
    key = squash(name)
    for host, _ in own:
        if squash(host.rsplit(".", 1)[0]) == key or any(
            on_site(host, f.domains) for f in FIRMS if name in (f.name, *f.spellings)
        ):
            return (host,)
    return ()


def _domains(lowered: str, own: list[tuple[str, int]]) -> list[str]:
    """Sites the report points to, by links and then by domains written in its text."""
    written = Counter(m.group(0) for m in _DOMAIN.finditer(lowered))
    hosts = [h for h, _ in own] + [d for d, _ in written.most_common()]
    return [h for i, h in enumerate(hosts) if h not in hosts[:i] and not on_site(h, ELSEWHERE)]


def _display(host: str, text: str) -> str | None:
    """A firm's name for its site: a vocabulary firm's, else how the text spells the domain.

    "snsinsider.com" is "SNS Insider" when the text writes it so; a spelling that is not
    firm-shaped (a news site's own name) gives nothing.
    """
    for firm in FIRMS:
        if on_site(host, firm.domains):
            return firm.name
    stem = host.rsplit(".", 1)[0].rsplit(".", 1)[-1]
    if len(stem) < 3:
        return None
    spelled = re.compile(
        r"(?<!\w)" + r"\s?".join(re.escape(ch) for ch in stem) + r"(?!\w)", re.IGNORECASE
    )
    for m in spelled.finditer(text):
        shown = m.group(0)
        if shown[0].isupper() and shown.split()[-1] in FIRM_WORDS:
            return shown
    return None


def squash(name: str) -> str:
    """A name without case, spaces or punctuation ("ResearchAndMarkets", "Research and Markets")."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())
