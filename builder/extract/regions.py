"""Regions: the report's regional breakdown, with countries and shares where stated.

Three shapes occur: a region label followed by a list of its countries ("North America:"
then "United States", "Canada"); one line per region ("North America (United States,
Canada, and Mexico, etc.)"); a bare list of countries under "Based on the Geography",
which belongs to the continent they share. Shares come from sentences ("North America
dominates the market with approximately 40% share", "North America and Europe ... at
approximately 40% and 30%, respectively") or from list items ("North America: 38.7%").
A region entry is named by the place's one spelling ("APAC" is "Asia-Pacific"), a place
the table does not know by the report's words. Country names in lists are kept as
written, less repeats; a publisher whose pages break lists ("Saudi" + "Arabia", a lone
"S.") mends them with its template's `list_repairs`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from builder.extract import figures
from builder.extract.document import HEADING, ITEM, Block
from builder.extract.publishers.template import ListRepair
from builder.extract.sections import REGIONS, Section
from builder.extract.sentences import Sentence
from builder.places import Place, lookup, mentions, names_the_market
from builder.schema import Region, ReportWarning
from builder.vocabulary.names import is_filler
from builder.warning_codes import warn

_INLINE = re.compile(
    r"^(?P<name>[^():]{2,60}?)\s*(?:\((?P<paren>[^()]{1,500})\)|:\s*(?P<colon>.{1,500}))\s*\.?$"
)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_SHARE_WORDS = re.compile(
    r"\bshares?\b|\bof the (?:global |overall |total |entire )?market\b"
    r"|\baccount(?:s|ed|ing)?\s+for\b|\bheld\b|\bholds?\b|\bcaptur|\bdominat|\bcontribut|\brepresent"
    r"|占|份额",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)\s?(?:%|percent\b|per cent\b)")
_MAX_COUNTRY_WORDS = 4
_ABBREVIATION_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")
_RANGE_EDGE = re.compile(r"\d\s*%?\s*(?:-|–|to)\s*$")
_ITEM_SHARE = re.compile(
    r"^(?P<name>[^\d%():;–—]{2,60}?)\s*(?:[:–—]|\s-|\()\s*(?:(?:about|around|approximately"
    r"|approx\.|nearly|roughly|~)\s*)?(?P<share>\d{1,3}(?:\.\d{1,2})?)\s?%\)?(?:\s*(?:share|of"
    r" (?:the )?(?:global |total |overall )?(?:market|revenues?|sales)))?\s*\.?$",
    re.IGNORECASE,
)
"""A list item or table row giving one region's share: "North America: 38.7%"."""
_FIGURE_WORDS = re.compile(
    r"\b(?:cagr|growth|rate|shares?|revenues?|sales|markets?|size|total|forecast|years?|margins?"
    r"|volumes?)\b",
    re.IGNORECASE,
)
"""In a label that is no known place, words of another figure ("Asia CAGR: 7.5%")."""


@dataclass
class _Draft:
    name: str
    key: str
    countries: list[str] = field(default_factory=list)
    share: float | None = None
    quote: str | None = None


def extract_regions(
    sections: list[Section],
    sentences: list[Sentence],
    geography: str,
    repairs: Sequence[ListRepair] = (),
) -> tuple[list[Region], list[ReportWarning]]:
    """Regions and warnings; `repairs`: the publisher's mends for the lists it breaks."""
    drafts: list[_Draft] = []
    warnings: list[ReportWarning] = []
    for section in sections:
        if section.kind == REGIONS:
            _read_lists(section.blocks, drafts, geography, warnings, repairs)
    for draft in drafts:
        draft.countries = _repair(_split_joined(draft.countries, warnings), repairs)
    _drop_repeats(drafts, warnings)
    for sentence in sentences:
        if not sentence.company and ("%" in sentence.text or "per" in sentence.text):
            _read_shares(sentence.text, drafts, geography, warnings)
    regions = [
        Region(name=d.name, share_percent=d.share, countries=d.countries, quote=d.quote)
        for d in drafts
    ]
    return regions, warnings


def _split_joined(names: list[str], warnings: list[ReportWarning]) -> list[str]:
    """ "Argentina Korea" is "Argentina" and "Korea": an item that is no place itself but two
    known places side by side lost the comma between them."""
    out: list[str] = []
    for name in names:
        words = name.split()
        halves = next(
            (
                (" ".join(words[:i]), " ".join(words[i:]))
                for i in range(1, len(words))
                if lookup(" ".join(words[:i])) and lookup(" ".join(words[i:]))
            ),
            None,
        )
        if lookup(name) is None and halves is not None:
            first, second = halves
            warnings.append(warn("country-list-joined", written=name, first=first, second=second))
            out.extend(halves)
        else:
            out.append(name)
    return out


def _drop_repeats(drafts: list[_Draft], warnings: list[ReportWarning]) -> None:
    """A country listed under two regions ("South Korea" under Asia-Pacific and "Korea" under
    Middle East & Africa) stays only under the region it belongs to, with a warning."""
    listed: dict[str, list[_Draft]] = {}
    for draft in drafts:
        for country in draft.countries:
            place = lookup(country)
            if place is not None and place.kind == "country":
                listed.setdefault(place.name, []).append(draft)
    for country, under in listed.items():
        home = lookup(country)
        if len(under) < 2 or home is None or not any(d.key == home.region for d in under):
            continue
        for draft in under:
            if draft.key != home.region:
                draft.countries = [
                    c for c in draft.countries if getattr(lookup(c), "name", None) != country
                ]
                warnings.append(
                    warn(
                        "country-under-two-regions",
                        country=country,
                        region=draft.name,
                        home=home.region,
                    )
                )


def _draft(drafts: list[_Draft], name: str) -> _Draft:
    """The entry for a place, made on first mention: "APAC" and "Asia-Pacific" share one."""
    place = lookup(name)
    key = place.name if place else " ".join(name.casefold().split())
    for draft in drafts:
        if draft.key == key:
            return draft
    draft = _Draft(place.name if place else name.strip(), key)
    drafts.append(draft)
    return draft


def _read_lists(
    blocks: list[Block],
    drafts: list[_Draft],
    geography: str,
    warnings: list[ReportWarning],
    repairs: Sequence[ListRepair],
) -> None:
    current: _Draft | None = None
    loose: list[str] = []
    for block in blocks:
        if block.kind == HEADING:
            place = lookup(block.label)
            current = _draft(drafts, block.label) if place and place.kind == "region" else None
            continue
        share = _ITEM_SHARE.match(block.text)
        if share and (lookup(share.group("name")) or not _FIGURE_WORDS.search(share.group("name"))):
            draft = _draft(drafts, share.group("name"))
            _set_share(draft, float(share.group("share")), block.text, warnings)
            continue
        if block.kind != ITEM and not block.lead:
            continue
        inline = _inline(block)
        if inline:
            name, countries = inline
            _draft(drafts, name).countries.extend(countries)
            continue
        text = _clean(block.lead or block.text)  # a bold lead names the item
        place = lookup(text)
        if place is not None and place.kind == "region":
            current = _draft(drafts, text)
        elif current is not None:
            current.countries.append(text)
        elif block.kind == ITEM:
            loose.append(text)
    if loose:
        _place_countries(_repair(loose, repairs), drafts, geography, warnings)


def _inline(block: Block) -> tuple[str, list[str]] | None:
    """ "North America (United States, Canada, and Mexico, etc.)" / "Europe: Germany, France"."""
    if block.lead and block.rest and lookup(block.lead):
        name, listed = block.lead, block.rest
    else:
        m = _INLINE.match(block.text)
        if not m or not lookup(m.group("name")):
            return None
        name, listed = m.group("name"), m.group("paren") or m.group("colon")
    countries = [_clean(c) for c in _SPLIT.split(listed)]
    countries = [c for c in countries if c and not _filler(c)]
    if any(len(c.split()) > _MAX_COUNTRY_WORDS for c in countries):
        countries = []  # "North America: North America is the largest market ...": prose
    return name.strip(), countries


def _filler(name: str) -> bool:
    """ "etc.", "and others", "Rest of Europe": the end of a country list, not a country."""
    return is_filler(name) or name.lower().startswith("rest of ")


def _clean(name: str) -> str:
    """Without list punctuation, keeping the full stop of an abbreviation ("U.K.")."""
    name = name.strip(" ;:,")
    if name.endswith(".") and not _ABBREVIATION_END.search(name):
        name = name[:-1].rstrip()
    return name


def _repair(names: list[str], repairs: Sequence[ListRepair]) -> list[str]:
    """The names mended by the publisher's repairs, each once."""
    for repair in repairs:
        names = repair(names)
    return list(dict.fromkeys(names))


def _place_countries(
    countries: list[str], drafts: list[_Draft], geography: str, warnings: list[ReportWarning]
) -> None:
    """A bare country list: under the market's own region (a part of a continent, such as
    Southeast Asia, included), else each under its continent; an unknown name with no
    place before it to follow is left out with a warning."""
    home = lookup(geography)
    previous: _Draft | None = None
    for country in countries:
        place = lookup(country)
        if (
            home is not None
            and home.kind == "region"
            and (place is None or place.region == home.region)
        ):
            target = _draft(drafts, home.name)
        elif place is not None:
            target = _draft(drafts, place.region)
        elif previous is not None:
            target = previous
        else:
            warnings.append(warn("unknown-place-in-regions", name=country))
            continue
        target.countries.append(country)
        previous = target


def _read_shares(
    text: str, drafts: list[_Draft], geography: str, warnings: list[ReportWarning]
) -> None:
    if not _SHARE_WORDS.search(text):
        return
    cagr_spans = [(h.start, h.end) for h in figures.find_cagr(text)]
    percents = [
        (m.start(), float(m.group(1)))
        for m in _PERCENT.finditer(text)
        if not any(s <= m.start() < e for s, e in cagr_spans)
        and not _RANGE_EDGE.search(text, max(0, m.start() - 8), m.start())
        and 0 < float(m.group(1)) < 100
    ]
    places = _distinct(text, geography)
    if not percents or not places:
        return
    if "respectively" in text.lower() and len(places) == len(percents):
        pairs = list(zip(places, (p for _, p in percents), strict=True))
    else:
        pairs = _nearest(places, percents)
    for (start, end, place), share in pairs:
        written = text[start:end]
        existing = any(d.key == place.name for d in drafts)
        draft = _draft(drafts, written)
        listed_in = next((d.name for d in drafts if written in d.countries), None)
        if not existing and place.kind == "country" and listed_in:
            warnings.append(
                warn("country-share-separate", country=written, share=share, region=listed_in)
            )
        _set_share(draft, share, text, warnings)


def _distinct(text: str, geography: str) -> list[tuple[int, int, Place]]:
    """Place mentions, less the market's own name ("The Europe EV Displays market is ...")
    and a repeat of the same place right after ("Asia-Pacific (APAC)")."""
    out: list[tuple[int, int, Place]] = []
    for start, end, place in mentions(text):
        if place.name == geography and names_the_market(text, end):
            continue
        if out and out[-1][2].name == place.name and start - out[-1][1] < 12:
            continue
        out.append((start, end, place))
    return out


def _nearest(
    places: list[tuple[int, int, Place]], percents: list[tuple[int, float]]
) -> list[tuple[tuple[int, int, Place], float]]:
    """Each share with the closest unused place before it (after it, failing that)."""
    used: set[int] = set()
    pairs = []
    for pos, share in percents:
        before = [i for i, p in enumerate(places) if p[0] < pos and i not in used]
        after = [i for i, p in enumerate(places) if p[0] > pos and i not in used]
        pick: int | None = None
        if before:
            # "Asia-Pacific, particularly China and India, ... 30%": the countries are
            # examples; the share is their region's when the region was named before them.
            region = places[before[-1]][2].region
            pick = next((i for i in before if places[i][2].name == region), before[-1])
        elif after:
            pick = after[0]
        if pick is not None:
            used.add(pick)
            pairs.append((places[pick], share))
    return pairs


def _set_share(draft: _Draft, share: float, quote: str, warnings: list[ReportWarning]) -> None:
    if draft.share is None:
        draft.share, draft.quote = share, quote
    elif draft.share != share:
        warnings.append(
            warn(
                "conflicting-shares",
                region=draft.name,
                share=draft.share,
                other=share,
                quote=quote,
            )
        )
