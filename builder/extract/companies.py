"""Companies the report names, with what it says about each.

Names come only from places where a report lists companies: items and sub-headings of a
key-players section, **bold** names opening a paragraph there, and "Key players include
A, B and C" sentences anywhere. A capitalised word elsewhere ("Overall, ...", "Fujifilm
aims ...") is never a new company. Names stay as written (identity across reports is
decided later); placeholders ("Key Player I") are dropped with a warning. A company said
to be part of another gets that parent, and a revenue the paragraph gives for another
entity ("Thermo Fisher reported ... $40 billion") records whose it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from builder.extract import figures
from builder.extract.clean import lowered
from builder.extract.document import HEADING, ITEM, PARA
from builder.extract.naming import capitalised
from builder.extract.sections import COMPANIES, Section
from builder.extract.sentences import split_sentences
from builder.schema import RawCompany, RawRevenue

_PLACEHOLDER = re.compile(
    r"^(?:key\s+|top\s+|major\s+|leading\s+)?(?:market\s+)?(?:player|company|vendor|manufacturer"
    r"|competitor|participant|firm|supplier|provider|brand)\s*(?:#|no\.)?\s*(?:[ivxlc]{1,6}|\d{1,3}"
    r"|[a-z])$|^(?:abc|xyz)\b|^(?:company|player|vendor)\s+name$",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"^(?:others?|etc\.?|and others|among others|many more|and more|more|n/?a|others\.)$",
    re.IGNORECASE,
)
_LEGAL_SUFFIX = re.compile(
    r"^(?:inc|ltd|llc|l\.l\.c|co|corp|corporation|plc|ag|sa|s\.a|gmbh|n\.v|nv|l\.p|lp|limited"
    r"|s\.p\.a|spa|se|k\.?k|b\.?v|pte\.? ltd|co\., ltd|kgaa|kg|a/s|as|asa|ab|oy|oyj|amba|sas|sarl"
    r"|srl|bhd|tbk|pty|llp|incorporated)\.?$",
    re.IGNORECASE,
)
# Run on `lowered` text (same indices, much faster than IGNORECASE).
_PLAYER_NOUN = re.compile(
    r"(?:player|compan(?:y|ie)|vendor|manufacturer|participant|competitor|provider|firm|supplier"
    r"|cmo|cdmo)s\b"
)
_QUALIFIER = re.compile(
    r"\b(?:key|major|leading|prominent|top|notable|main|dominant|established|other|some|several"
    r"|significant|important|large|big|global|market)\s+(?:market\s+)?$"
)
# After a verb ("include") or a colon the rest of the sentence is the list; after "such as",
# "like" or "including" the sentence's own verb may follow the names ("... and Pfizer expand").
_LIST_VERB = re.compile(
    r"(?:[^.;:?!]{0,80}?\b(?:(?P<verb>include|includes|are|namely|comprise|comprises)|including"
    r"|such as|like|comprising)\s*:?|[^.;:?!]{0,40}?(?P<colon>:))\s+"
)
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_DOTTED_SUFFIX = re.compile(r"^(?:inc|ltd|co|corp|bros)\.$", re.IGNORECASE)
_ITEM_CUT = re.compile(r"\s+[–—-]\s+|:\s+")
_KEY_WORD = re.compile(r"[a-z0-9]+")
# "Becton Dickinson and Company" is one name: "and" before a legal form does not split it.
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+(?![Cc]o(?:mpany)?\b)|\s*;\s*")
_CONNECTORS = frozenset(
    {
        "&",
        "of",
        "de",
        "del",
        "la",
        "le",
        "von",
        "van",
        "der",
        "du",
        "y",
        "and",
        "und",
        "et",
        "the",
        "for",
        "-",
        "–",
        "—",
    }
)
# Words of a profile's sub-headings ("Company Overview", "Recent Developments"): never in a name.
_NOT_NAME_WORDS = frozenset(
    "overview profile revenue revenues strategy strategies developments swot financials "
    "headquarters description highlights summary analysis founded employees website note source "
    "strengths weaknesses opportunities threats conclusion outlook trends drivers challenges "
    "portfolio offerings".split()
)
# Words that are part of many names ("Avon Products", "The Estée Lauder Companies") but that
# alone make a sub-heading ("Key Products", "Market Share").
_GENERIC_WORDS = frozenset(
    "products product company companies players market segment segments key recent financial "
    "development business share overall and of the &".split()
)
_PARENT = re.compile(
    r"\b(?:(?:a\s+)?(?:part|subsidiary|division|unit|business|brand|member)\s+of|owned\s+by"
    r"|acquired\s+by)\s+(?:the\s+)?([A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,5})"
)
_REVENUE_WORDS = re.compile(
    r"\b(?:revenues?|sales|turnover|income|earnings|reported|reporting|generated|generating)\b",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"([A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*){0,4})(?:'s|’s)?\s+(?:reported|reports"
    r"|posted|posts|generated|generates|recorded|records|had|has|earned|earns|achieved"
    r"|registered|booked|saw|revenues?|sales)\b"
)
_NOT_SUBJECTS = frozenset(
    "it its the this they their he she company with in revenue revenues sales total annual net "
    "overall although though while as for by at over approximately group firm".split()
)
_MAX_NAME_WORDS = 8
_MAX_BRAND_WORDS = 3
_RUNNING_WORDS = frozenset(
    """a an the and or of in on at to for with by from as into over than then while whereas is
    are was were be been being has have had will would can could may might which that who whose
    it its their they this these those there here other others many several various some such
    more most less all each every both also among including include includes like etc new
    small large regional local global leading key major top smaller larger emerging niche
    players companies vendors manufacturers firms suppliers providers participants competitors
    startups start-ups distributors brands retailers producers makers lead leads dominate
    dominates hold holds compete competes operate operates remain remains account accounts
    continue continues""".split()
)
_MAX_NAME_CHARS = 80


@dataclass
class _Draft:
    name: str
    key: list[str]
    description: str | None = None
    revenues: list[RawRevenue] = field(default_factory=list)
    parent: str | None = None


@dataclass
class CompanyScan:
    companies: list[RawCompany]
    warnings: list[str]
    company_blocks: set[int]
    """ids of the blocks that are about one company (their figures are the company's)."""
    listing_blocks: set[int]
    """ids of the blocks that list companies ("Key players include ...")."""


def extract_companies(sections: list[Section]) -> CompanyScan:
    drafts: list[_Draft] = []
    placeholders: list[str] = []
    company_blocks: set[int] = set()
    listing_blocks: set[int] = set()
    for section in sections:
        in_list = section.kind == COMPANIES
        current: _Draft | None = None
        for block in section.blocks:
            if in_list and block.kind == HEADING:
                current = _add(drafts, placeholders, block.label, strict=True)
                continue
            if in_list and block.kind == ITEM:
                name, described = block.lead, bool(block.lead)
                if not name:
                    # "Lonza Group AG – a Swiss CDMO": the name is what precedes the dash.
                    name, described = _split_item(block.text)
                draft = _add(drafts, placeholders, name, strict=bool(block.lead))
                if draft is not None and described:
                    _describe(draft, block.text)
                    company_blocks.add(id(block))
                continue
            if block.lead:
                known = _find(drafts, block.lead)
                draft = known or (
                    _add(drafts, placeholders, block.lead, strict=True) if in_list else None
                )
                if draft is not None:
                    _describe(draft, block.text)
                    company_blocks.add(id(block))
                    current = None
                    continue
            listed = _listed_names(block.text)
            if listed:
                listing_blocks.add(id(block))
            for name in listed:
                _add(drafts, placeholders, name, strict=False)
            if in_list and current is not None and block.kind == PARA:
                _describe(current, block.text)
                company_blocks.add(id(block))
    warnings = []
    if placeholders:
        warnings.append(
            f"dropped {len(placeholders)} placeholder company name"
            f"{'s' if len(placeholders) > 1 else ''}: {', '.join(placeholders)}"
        )
    companies = [
        RawCompany(name=d.name, description=d.description, revenues=d.revenues, parent=d.parent)
        for d in drafts
    ]
    return CompanyScan(companies, warnings, company_blocks, listing_blocks)


def _split_item(text: str) -> tuple[str, bool]:
    """(the name, whether a description follows it) of a list item.

    A dash followed by a short name is part of the name ("A.P. Moller - Maersk"); followed
    by anything else it starts a description ("Lonza Group AG – a Swiss CDMO").
    """
    for cut in _ITEM_CUT.finditer(text):
        rest = text[cut.end() :].strip()
        words = rest.split()
        if ":" not in cut.group() and len(words) <= _MAX_BRAND_WORDS and _name_like(rest, False):
            continue
        return text[: cut.start()], bool(rest)
    return text, False


def _add(drafts: list[_Draft], placeholders: list[str], raw: str, strict: bool) -> _Draft | None:
    name = raw.strip().rstrip(":;,–—-").strip()
    if _PLACEHOLDER.match(name):
        if name not in placeholders:
            placeholders.append(name)
        return None
    if not _name_like(name, strict):
        return None
    known = _find(drafts, name)
    if known is not None:
        return known
    draft = _Draft(name, _key_words(name))
    drafts.append(draft)
    return draft


def _name_like(name: str, strict: bool) -> bool:
    """A company name: a few words, each capitalised (bar particles such as "of", "&" and legal
    forms such as "plc"), or a short lower-case brand ("tado GmbH", "onsemi")."""
    words = name.split()
    if not words or len(words) > _MAX_NAME_WORDS or len(name) > _MAX_NAME_CHARS:
        return False
    if _FILLER.match(name) or name.endswith(("?", "!")):
        return False
    if not all(_name_word(w) or w.lower() in _CONNECTORS for w in words) and not _brand(words):
        return False
    if not strict:
        return True
    bare = [w.lower().strip(".,:") for w in words]
    generic = all(w in _GENERIC_WORDS for w in bare)
    return not generic and not any(w in _NOT_NAME_WORDS for w in bare)


def _name_word(word: str) -> bool:
    """ "Lonza", "3M", "(CMO)", "富士フイルム", "bioMérieux" (a capital inside), initials
    ("e.l.f."), a legal form ("plc", "amba") and a joined particle ("&co", "+")."""
    word = word.lstrip("(\"“'")
    return (
        capitalised(word)
        or any(c.isupper() for c in word)
        or word[:1] in ("&", "+")
        or _INITIALS.match(word) is not None
        or _legal_form(word.rstrip(","))
    )


def _legal_form(word: str) -> bool:
    """ "plc", "GmbH", "A/S"; a short lower-case one ("as", "se") is an ordinary word."""
    return _LEGAL_SUFFIX.match(word) is not None and (
        not word.islower() or (len(word.rstrip(".")) > 2 and word not in _RUNNING_WORDS)
    )


def _brand(words: list[str]) -> bool:
    """A short name written in lower case on purpose ("tado", "SK hynix", "e.l.f. Beauty"):
    a few words, none of them a word of running text ("the", "leads", "players")."""
    return len(words) <= _MAX_BRAND_WORDS and not any(
        w.lower().strip(".,;:()\"“”'") in _RUNNING_WORDS for w in words
    )


def _key_words(name: str) -> list[str]:
    words = _KEY_WORD.findall(name.casefold())
    while len(words) > 1 and _LEGAL_SUFFIX.match(words[-1]):
        words.pop()
    return words


def _find(drafts: list[_Draft], name: str) -> _Draft | None:
    """The company already named, by the same words or as a shorter/longer form of them."""
    words = _key_words(name)
    if not words:
        return None
    for draft in drafts:
        shorter, longer = sorted((words, draft.key), key=len)
        if longer[: len(shorter)] == shorter:
            return draft
    return None


def _describe(draft: _Draft, text: str) -> None:
    draft.description = f"{draft.description} {text}" if draft.description else text
    if draft.parent is None:
        m = _PARENT.search(text)
        if m and _key_words(m.group(1)) != _key_words(draft.name):
            draft.parent = m.group(1).rstrip(".,")
    for sentence in split_sentences(text):
        if _REVENUE_WORDS.search(sentence):
            draft.revenues.extend(_revenues(sentence, draft.name))


def _revenues(sentence: str, company: str) -> list[RawRevenue]:
    out = []
    for hit in figures.find_money(sentence):
        out.append(
            RawRevenue(
                money=hit.money,
                year=figures.year_after(sentence, hit.end),
                approximate=figures.is_approximate(sentence, hit.start),
                subject=_subject(sentence[: hit.start], company),
                quote=sentence,
            )
        )
    return out


def _subject(before: str, company: str) -> str | None:
    """Another entity the clause names as the one reporting the figure, if any."""
    subject = None
    for m in _SUBJECT.finditer(before):
        subject = m.group(1)
    if subject is None or subject.split()[0].lower() in _NOT_SUBJECTS:
        return None
    mine, theirs = _key_words(company), _key_words(subject)
    if not theirs or (mine and theirs[0] == mine[0]):
        return None
    return subject


def _listed_names(text: str) -> list[str]:
    """Names after "Key players include ..." / "Players like ...", up to the first non-name.

    A lower-case item ("tado", "onsemi", "SK hynix") is a name only in a list that is all the
    rest of its sentence ("Key players include ...") and also has capitalised names: alone,
    "Key players are expanding capacity" lists nobody.
    """
    names: list[str] = []
    consumed = 0
    low = lowered(text)
    for noun in _PLAYER_NOUN.finditer(low):
        if noun.start() < consumed or (noun.start() > 0 and low[noun.start() - 1].isalnum()):
            continue
        qualified = _QUALIFIER.search(low, max(0, noun.start() - 30), noun.start())
        if noun.group() != "players" and not qualified:
            continue
        verb = _LIST_VERB.match(low, noun.end(), noun.end() + 120)
        if not verb:
            continue
        listed = split_sentences(text[verb.end() :])[:1]
        consumed = verb.end() + len(listed[0]) if listed else verb.end()
        found: list[tuple[str, bool]] = []  # (name, capitalised)
        for chunk in _LIST_SPLIT.split(_without_full_stop(listed[0]) if listed else ""):
            chunk = chunk.strip()
            if not chunk:
                continue
            name, complete, solid = _leading_name(chunk, bool(verb["verb"] or verb["colon"]))
            if found and name and _LEGAL_SUFFIX.match(name):
                # "Catalent, Inc." was split at its comma
                found[-1] = (f"{found[-1][0]}, {name}", True)
            elif name:
                found.append((name, solid))
            if not complete or not name:
                break
        if any(solid for _, solid in found):
            names.extend(name for name, _ in found)
    return names


def _without_full_stop(text: str) -> str:
    """The sentence without its full stop, unless the stop also ends "Inc." or "S.A."."""
    text = text.rstrip()
    last = text.rsplit(None, 1)[-1] if text else ""
    if text.endswith(".") and not (_DOTTED_SUFFIX.match(last) or _INITIALS.match(last)):
        return text[:-1].rstrip()
    return text


def _leading_name(chunk: str, brands: bool) -> tuple[str, bool, bool]:
    """The name a list chunk starts with, whether it is the whole chunk, and whether it is
    capitalised (not a lower-case brand, taken only if `brands`)."""
    words = chunk.split()
    taken: list[str] = []
    for i, word in enumerate(words):
        next_name = i + 1 < len(words) and _name_word(words[i + 1])
        if _name_word(word) or (taken and word.lower() in _CONNECTORS and next_name):
            taken.append(word)
            if len(taken) > _MAX_NAME_WORDS:
                return "", False, False
            continue
        break
    if brands and len(taken) < len(words) and _brand(words):
        return chunk.rstrip(","), True, any(_name_word(w) for w in words)
    name = " ".join(taken).rstrip(",")
    return name, len(taken) == len(words), bool(name)
