"""Companies the report names, with what it says about each.

Names come only from places where a report lists companies: items and sub-headings of a
key-players section (or of a short "Major Players" line over a list), **bold** names
opening a paragraph there, a paragraph there that is nothing but names, and sentences
anywhere that list players ("Key players include A, B and C", "A, B and C are some of the
key players"). A capitalised word elsewhere ("Overall, ...", "Fujifilm aims ...") is never
a new company. Names stay as written (identity across reports is decided later) without
country tags, tickers or brand notes; placeholders ("Key Player I") are dropped with a
warning. A company said to be part of another gets that parent, and a revenue the paragraph
gives for another entity ("Thermo Fisher reported ... $40 billion") records whose it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from builder.extract import figures
from builder.extract.clean import lowered
from builder.extract.company_names import (
    MAX_BRAND_WORDS,
    clean_name,
    cut_after_legal_form,
    is_place,
    leading_name,
    legal_names,
    name_like,
    split_list,
    split_run,
    trailing_name,
    without_opening,
)
from builder.extract.document import ABOUT_COMPANY, HEADING, ITEM, LISTING, PARA, Block
from builder.extract.sections import COMPANIES, Section, classify
from builder.extract.sentences import split_sentences
from builder.identity import identity_key
from builder.schema import RawCompany, RawRevenue, ReportWarning
from builder.vocabulary.names import (
    ARTICLES,
    FUNCTION_WORDS,
    PLACEHOLDER,
    is_filler,
    keeps_full_stop,
)
from builder.warning_codes import distinct, warn

MAX_COMPANIES = 300
"""Companies kept per report; a longer list is a pasted directory, not a market's players."""

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
# "A, B and C are some of the key players": the list comes before the verb.
_NAMED_BEFORE = re.compile(
    r"\b(?:are|were|remain|rank\s+as)\s+(?:(?:some|one|a\s+few|few|several|many|two|three|four"
    r"|five|six|seven|eight|nine|ten)\s+of\s+|among\s+)?(?:the\s+)?(?:most\s+)?"
    r"(?:[a-z-]{1,20}\s+){0,3}$"
)
# "A；B；和 C 是 ... 一些主要市场参与者。": Chinese reports put the list before 是 ("are"),
# and say the players are key (主要) or leading (领先).
_CJK_PLAYERS = re.compile(
    r"是[^。！？；;]{0,40}?(?:主要|领先|关键|重要|知名)[^。！？；;]{0,10}?"
    r"(?:参与者|厂商|供应商|制造商|企业|公司)"
)
_LIST_WINDOW = 2000
"""Characters around a list cue searched for the list's sentence (keeps long texts linear)."""
_ITEM_CUT = re.compile(r"\s+[–—-]\s+|:\s+")
_LABEL_WORDS = 6
_PASTED_MIN_LISTED = 4
_PASTED_MIN_NAMED = 2
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
_NOT_SUBJECTS = (
    ARTICLES
    | FUNCTION_WORDS
    | frozenset(
        "they he she company revenue revenues sales total annual net overall approximately "
        "group firm".split()
    )
)


@dataclass
class _Draft:
    name: str
    key: tuple[str, ...]
    order: int
    description: str | None = None
    revenues: list[RawRevenue] = field(default_factory=list)
    parent_name: str | None = None


@dataclass
class CompanyScan:
    """The companies found; the blocks they came from are marked with `ABOUT_COMPANY` (their
    figures are the company's) or `LISTING` ("Key players include ...")."""

    companies: list[RawCompany]
    warnings: list[ReportWarning]


class _Book:
    """The companies found so far, with what was dropped on the way.

    A name is the same company as a known one when their key words are equal or one starts
    the other ("Lonza" / "Lonza Group AG"). Keys and all their prefixes are indexed, so a
    report with thousands of listed names is read in linear time.
    """

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.placeholders: list[str] = []
        self.notes: list[ReportWarning] = []
        self.over_cap = False
        self._exact: dict[tuple[str, ...], _Draft] = {}
        self._starts: dict[tuple[str, ...], _Draft] = {}

    @property
    def full(self) -> bool:
        return len(self.drafts) >= MAX_COMPANIES

    def find(self, name: str) -> _Draft | None:
        """The company already named, by the same words or as a shorter/longer form of them."""
        key = _key_words(name)
        if not key:
            return None
        hits = [self._exact.get(key[:n]) for n in range(1, len(key) + 1)]
        hits.append(self._starts.get(key))
        found = [h for h in hits if h is not None]
        return min(found, key=lambda d: d.order) if found else None

    def add(self, raw: str, strict: bool, listed: bool = False) -> _Draft | None:
        """The company of a name found in the report (None if it is not one); `listed`: an
        item of a players list, so a name rejected there is worth a warning."""
        name = clean_name(raw, self.notes)
        if PLACEHOLDER.match(name):
            if name not in self.placeholders:
                self.placeholders.append(name)
            return None
        if not name_like(name, strict):
            if listed and name and not is_filler(name):
                self.notes.append(warn("not-a-company-name", name=name[:80]))
            return None
        if is_place(name):
            self.notes.append(warn("place-listed-as-player", name=name))
            return None
        known = self.find(name)
        if known is not None:
            return known
        if self.full:
            self.over_cap = True
            return None
        draft = _Draft(name, _key_words(name), len(self.drafts))
        self.drafts.append(draft)
        self._exact.setdefault(draft.key, draft)
        for n in range(1, len(draft.key) + 1):
            self._starts.setdefault(draft.key[:n], draft)
        return draft

    def warnings(self) -> list[ReportWarning]:
        out = distinct(self.notes)
        if self.placeholders:
            out.append(warn("placeholder-names", names=self.placeholders))
        if self.over_cap:
            out.append(warn("too-many-companies", limit=MAX_COMPANIES))
        return out


def extract_companies(sections: list[Section]) -> CompanyScan:
    book = _Book()
    for section in sections:
        in_section = section.kind == COMPANIES
        current: _Draft | None = None
        under_label = False
        for block in section.blocks:
            in_list = in_section or (under_label and block.kind == ITEM)
            under_label = (under_label and block.kind == ITEM) or _players_label(block)
            if in_section and block.kind == HEADING:
                current = book.add(block.label, strict=True)
                continue
            if in_list and block.kind == ITEM:
                name, described = block.lead, bool(block.lead)
                if not name:
                    # "Lonza Group AG – a Swiss CDMO": the name is what precedes the dash.
                    name, described = _split_item(block.text)
                    name = cut_after_legal_form(name)
                draft = book.add(name, strict=bool(block.lead) or not in_section, listed=True)
                if draft is not None and described:
                    _describe(draft, block.text)
                    block.roles.add(ABOUT_COMPANY)
                continue
            if block.lead:
                known = book.find(block.lead)
                draft = known or (book.add(block.lead, strict=True) if in_section else None)
                if draft is not None:
                    _describe(draft, block.text)
                    block.roles.add(ABOUT_COMPANY)
                    current = None
                    continue
            if book.full:
                book.over_cap = True  # a pasted directory: the rest is not read for names
                continue
            listed = _listed_names(block.text, book.notes, MAX_COMPANIES - len(book.drafts))
            if not listed and in_section and block.kind == PARA:
                listed = _name_run(block.text)
            if listed:
                block.roles.add(LISTING)
                current = None
            for name in listed:
                book.add(name, strict=False)
            if in_section and current is not None and block.kind == PARA:
                _describe(current, block.text)
                block.roles.add(ABOUT_COMPANY)
    companies = [
        RawCompany(
            name=d.name, description=d.description, revenues=d.revenues, parent_name=d.parent_name
        )
        for d in book.drafts
    ]
    warnings = book.warnings()
    pasted = _pasted_list(book.drafts, sections)
    if pasted:
        warnings.append(pasted)
    return CompanyScan(companies, warnings)


def _pasted_list(drafts: list[_Draft], sections: list[Section]) -> ReportWarning | None:
    """A warning when the players listed share no name with the companies the report's own
    text writes out with a legal form ("Corbion NV partnered ..."): such a list was often
    pasted from another market's report (air-handling firms in a medical tubing report)."""
    listed = {d.key[0] for d in drafts if d.key}
    if len(listed) < _PASTED_MIN_LISTED:
        return None
    named: dict[str, str] = {}
    for section in sections:
        if section.kind == COMPANIES:
            continue
        for block in section.blocks:
            if block.kind != HEADING and not block.has(ABOUT_COMPANY, LISTING):
                for name in legal_names(block.text):
                    key = _key_words(name)
                    if key:
                        named.setdefault(key[0], name)
    if len(named) < _PASTED_MIN_NAMED or listed & named.keys():
        return None
    return warn(
        "pasted-players-list",
        players=[d.name for d in drafts[:3]],
        named=list(named.values())[:4],
    )


def _players_label(block: Block) -> bool:
    """A short line naming the players over a list ("Major Players", "Key Vendors"), written
    as a plain line instead of a heading."""
    words = block.text.split()
    return (
        block.kind == PARA
        and len(words) <= _LABEL_WORDS
        and not block.text.endswith(".")
        and classify(block.text)[0] == COMPANIES
    )


def _name_run(text: str) -> list[str]:
    """A paragraph of a players section that is nothing but names: "Lonza, Catalent and
    Recipharm." or "Mars Petcare Inc. Nestle SA (SWX: NESN) Hill's Pet Nutrition. Others."
    Every piece must be a name or a filler ("Others"), and two at least must be names."""
    pieces = split_run(text)
    names = [p for p in pieces if not is_filler(p)]
    if len(names) < 2 or not all(name_like(clean_name(p, []), True) for p in names):
        return []
    return names


def _split_item(text: str) -> tuple[str, bool]:
    """(the name, whether a description follows it) of a list item.

    A dash followed by a short name is part of the name ("A.P. Moller - Maersk"); followed
    by anything else it starts a description ("Lonza Group AG – a Swiss CDMO").
    """
    for cut in _ITEM_CUT.finditer(text):
        rest = text[cut.end() :].strip()
        words = rest.split()
        if ":" not in cut.group() and len(words) <= MAX_BRAND_WORDS and name_like(rest, False):
            continue
        return text[: cut.start()], bool(rest)
    return text, False


def _key_words(name: str) -> tuple[str, ...]:
    return tuple(identity_key(name).split())


def _describe(draft: _Draft, text: str) -> None:
    draft.description = f"{draft.description} {text}" if draft.description else text
    if draft.parent_name is None:
        m = _PARENT.search(text)
        if m and _key_words(m.group(1)) != _key_words(draft.name):
            draft.parent_name = m.group(1).rstrip(".,")
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
                approximate=hit.money.qualifier is not None,
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


def _listed_names(text: str, notes: list[ReportWarning], room: int = MAX_COMPANIES) -> list[str]:
    """Names a sentence lists as players: after "Key players include ..." / "Players like
    ...", up to the first non-name, or before "... are some of the key players".

    A lower-case item ("tado", "onsemi", "SK hynix") is a name only in a list that is all the
    rest of its sentence ("Key players include ...") and also has capitalised names: alone,
    "Key players are expanding capacity" lists nobody. Reading stops once more than `room`
    names are found.
    """
    names: list[str] = []
    consumed = 0
    low = lowered(text)
    for noun in _PLAYER_NOUN.finditer(low):
        if len(names) > room:
            break
        if noun.start() < consumed or (noun.start() > 0 and low[noun.start() - 1].isalnum()):
            continue
        qualified = _QUALIFIER.search(low, max(0, noun.start() - 30), noun.start())
        if noun.group() != "players" and not qualified:
            continue
        before = _NAMED_BEFORE.search(low, max(0, noun.start() - 80), noun.start())
        if before is not None:
            found = _names_before(
                text[max(consumed, before.start() - _LIST_WINDOW) : before.start()], notes
            )
            if found:
                names.extend(found)
                consumed = noun.end()
                continue
        verb = _LIST_VERB.match(low, noun.end(), noun.end() + 120)
        if not verb:
            continue
        listed = _first_sentence(text, verb.end())
        consumed = verb.end() + len(listed[0]) if listed else verb.end()
        brands = bool(verb["verb"] or verb["colon"])
        names.extend(_names_after(listed[0] if listed else "", brands, notes))
    for cue in _CJK_PLAYERS.finditer(text):
        start = max(text.rfind("。", 0, cue.start()), text.rfind("\n", 0, cue.start())) + 1
        found = [
            c for c in split_list(text[start : cue.start()]) if name_like(clean_name(c, []), False)
        ]
        if len(found) >= 2:
            names.extend(found)
    return names


def _first_sentence(text: str, start: int) -> list[str]:
    """The sentence starting at `start` (empty list if none), read from a window that grows
    only while the sentence is not yet closed."""
    size = 300
    while True:
        window = text[start : start + size]
        sentences = split_sentences(window)
        if len(sentences) > 1 or start + size >= len(text) or size >= _LIST_WINDOW:
            return sentences[:1]
        size *= 2


def _names_after(sentence: str, brands: bool, notes: list[ReportWarning]) -> list[str]:
    """The names a list cue is followed by, up to the first chunk that is not a name."""
    found: list[tuple[str, bool]] = []  # (name, capitalised)
    for chunk in split_list(_without_full_stop(sentence)):
        name, complete, solid = leading_name(clean_name(chunk, notes), brands)
        if name:
            found.append((name, solid))
        if not complete or not name:
            break
    return [name for name, _ in found] if any(solid for _, solid in found) else []


def _names_before(text: str, notes: list[ReportWarning]) -> list[str]:
    """The names of "A, B (brands), and C are some of the key players": the last sentence
    before the verb, read from its end back to the first chunk that is not a name."""
    sentences = split_sentences(text)
    if not sentences:
        return []
    chunks = split_list(sentences[-1])
    chunks[0] = without_opening(chunks[0])
    found: list[str] = []
    for chunk in reversed(chunks):
        chunk = clean_name(chunk, notes)
        name, complete, _ = leading_name(chunk, False)
        if not (name and complete):
            name = trailing_name(chunk)
            if name:
                found.insert(0, name)
            break
        found.insert(0, name)
    return found if len(found) >= 2 else []


def _without_full_stop(text: str) -> str:
    """The sentence without its full stop, unless the stop also ends "Inc." or "S.A."."""
    text = text.rstrip()
    last = text.rsplit(None, 1)[-1] if text else ""
    if text.endswith(".") and not keeps_full_stop(last):
        return text[:-1].rstrip()
    return text
