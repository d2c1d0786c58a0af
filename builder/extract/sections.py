"""Blocks -> sections, each classified by what its heading says it holds.

Heading levels cannot be trusted (one publisher puts the "By Application" heading in an
h1 and its segments in h2s, another uses bold paragraphs for everything), so sections
are flat: a heading whose words name a known kind of content (drivers, key players,
"By Type", FAQ, ...) always starts a new section; any other heading inside a classified
section is a sub-heading of it (a segment name, a region label, a company name, the
title of one driver). The first heading of a report that reads like a title is the title.

A segment dimension is named with a lead word ("By Type", "Based on Service") or by a
dimension word before "Outlook"/"Insights"/"Segment" ("Application Outlook", "Product
Outlook (Revenue, USD Million, 2018 - 2030)"): such a heading holds that dimension's
values, not the report's outlook. The words live in `builder.vocabulary.headings`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from builder.extract.document import BOLD_LEVEL, HEADING, ITEM, Block
from builder.schema import ReportWarning
from builder.vocabulary import headings
from builder.vocabulary.names import SMALL_WORDS
from builder.warning_codes import warn

TITLE = "title"
OVERVIEW = "overview"
DRIVERS = "drivers"
CHALLENGES = "challenges"
TRENDS = "trends"
OPPORTUNITIES = "opportunities"
OUTLOOK = "outlook"
COMPANIES = "companies"
SEGMENTS = "segments"
REGIONS = "regions"
FAQ = "faq"
OTHER = "other"
ENTRY_KINDS = (DRIVERS, TRENDS, CHALLENGES, OPPORTUNITIES, OUTLOOK)

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in headings.SECTION_WORDS
)
_DIMENSION = re.compile(
    rf"\b(?:{headings.DIMENSION_LEADS})\s+(?:the\s+)?([A-Za-z][A-Za-z&/ -]{{0,40}}?)"
    r"\s*(?:\bis segmented\b|\bare segmented\b|\bsegment|\bsegmentation\b|\banalysis\b|[:?(]|$)",
    re.IGNORECASE,
)
_GEOGRAPHY_DIMENSIONS = re.compile(rf"^(?:{headings.GEOGRAPHY_DIMENSIONS})", re.IGNORECASE)
_DIMENSION_PHRASE = (
    r"(?:(?!(?:by|based|on|other|others|the|top|key|leading|our)\b)[A-Za-z&/-]+ ){0,2}"
    rf"(?:{headings.DIMENSION_WORDS})s?"
)
_NAMED_DIMENSION = re.compile(
    rf"^([A-Za-z][\w&/ -]{{0,40}}?)\s+(?:outlook|insights?)\s*\((?:{headings.OUTLOOK_MEASURES})\b"
    rf"|^({_DIMENSION_PHRASE})\s+(?:{headings.HEADING_DIMENSION_TAILS})\b",
    re.IGNORECASE,
)
_BARE_DIMENSION = re.compile(rf"^({_DIMENSION_PHRASE})\s*:?$", re.IGNORECASE)
_NOT_DIMENSION = re.compile(r"\b(?:market|industry|global|regional)\b", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.|[A-Z]\.)\s+")
_MIN_TITLE_WORDS = 3
_MAX_DIMENSION_HEADING_WORDS = 20
_MAX_HEADING_CHARS = 1_000
"""No heading or label is longer: a longer text is prose (or a run of 2 MB with no spaces),
and reading every heading rule over it would cost seconds."""
_NAMES_PLAYERS = re.compile(
    r"\b(?:key|major|leading|top|prominent|main|notable|dominant|competitive|competition"
    r"|competitors?|landscape|profiles?|players?|market leaders)\b",
    re.IGNORECASE,
)


@dataclass
class Section:
    kind: str
    heading: Block | None = None
    dimension: str | None = None
    blocks: list[Block] = field(default_factory=list)

    @property
    def has_items(self) -> bool:
        return any(block.kind == ITEM for block in self.blocks)


def classify(text: str) -> tuple[str, str | None]:
    """(kind, segment dimension) of a heading."""
    if len(text) > _MAX_HEADING_CHARS:
        return OTHER, None
    text = _NUMBERING.sub("", text)
    heading = _NAMED_DIMENSION.match(text)
    named = heading and (heading.group(1) or heading.group(2))
    if named and _NOT_DIMENSION.search(named):
        named = None
    dimension = dimension_name(named) if named else _dimension(text)
    if dimension is not None and len(text.split()) > _MAX_DIMENSION_HEADING_WORDS:
        dimension = None  # a title listing all its segments, not one dimension's heading
    if dimension is not None:
        if is_geography(dimension):
            return REGIONS, None
        if named:
            return SEGMENTS, dimension
        kind = next((kind for kind, rule in _RULES if rule.search(text)), SEGMENTS)
        if kind in (SEGMENTS, OVERVIEW, OTHER):
            return SEGMENTS, dimension
        return kind, None
    return next((kind for kind, rule in _RULES if rule.search(text)), OTHER), None


def is_geography(dimension: str) -> bool:
    """ "Region", "Geography", "Country": a dimension that lists places, left to the regions."""
    return _GEOGRAPHY_DIMENSIONS.match(dimension) is not None


def bare_dimension(label: str) -> str | None:
    """ "Product Type", "Application:": a label that is only a dimension's name. Read as one
    only where a report lists its segments: as a heading anywhere it could be site
    navigation ("Services", "Solutions")."""
    m = _BARE_DIMENSION.match(label.strip())
    return dimension_name(m.group(1)) if m else None


def _dimension(text: str) -> str | None:
    m = _DIMENSION.search(text)
    return dimension_name(m.group(1)) if m else None


def dimension_name(phrase: str) -> str | None:
    """A dimension as the records name it: title case, last word singular ("End-use",
    "Therapeutic Area"); None for more than five words (a sentence, not a name)."""
    words = phrase.strip(" -/&").split()
    if not words or len(words) > 5:
        return None
    return singular(
        " ".join(
            word
            if word.isupper()
            else word.capitalize()
            if i == 0 or word.lower() not in SMALL_WORDS
            else word.lower()
            for i, word in enumerate(words)
        )
    )


def singular(phrase: str) -> str:
    """ "Types" -> "Type", "Therapeutic Areas" -> "Therapeutic Area" (last word only)."""
    head, _, last = phrase.rpartition(" ")
    lower = last.lower()
    if lower.endswith("ies") and len(lower) > 4:
        last = last[:-3] + "y"
    elif lower.endswith("s") and not lower.endswith(("ss", "is", "us")) and len(lower) > 3:
        last = last[:-1]
    return f"{head} {last}" if head else last


def build_sections(
    blocks: list[Block],
    aliases: tuple[tuple[str, str], ...] = (),
    warnings: list[ReportWarning] | None = None,
) -> list[Section]:
    """Sections in report order; the first is an untitled lead-in when text precedes headings.
    `aliases`: a publisher's own headings, (lower-case phrase, section kind); `warnings`
    collects the headings read otherwise than their words say."""
    sections: list[Section] = [Section(OTHER)]
    seen_text = False
    for block in blocks:
        if block.kind != HEADING:
            sections[-1].blocks.append(block)
            seen_text = seen_text or len(block.text.split()) >= 15
            continue
        current = sections[-1]
        if not seen_text and not any(s.kind == TITLE for s in sections) and _is_title(block):
            sections.append(Section(TITLE, block))
            continue
        kind, dimension = _aliased(block.label, aliases) or classify(block.label)
        if kind == COMPANIES and _segment_value(block, current):
            kind = OTHER
            if warnings is not None:
                warnings.append(
                    warn(
                        "players-heading-among-segments",
                        heading=block.label,
                        dimension=current.dimension or "",
                    )
                )
        if kind != OTHER or not _belongs_to(block, current):
            sections.append(Section(kind, block, dimension))
        else:
            current.blocks.append(block)
    return [s for s in sections if s.heading is not None or s.blocks]


def _aliased(label: str, aliases: tuple[tuple[str, str], ...]) -> tuple[str, None] | None:
    """The section kind a publisher's alias gives the heading, if any."""
    low = label.lower()
    return next(((kind, None) for phrase, kind in aliases if phrase in low), None)


def _is_title(block: Block) -> bool:
    words = block.text.split()
    if block.level == 1:
        return True
    return len(words) >= _MIN_TITLE_WORDS and (
        re.search(r"\b(?:market|report)\b", block.text, re.IGNORECASE) is not None
    )


def _segment_value(block: Block, section: Section) -> bool:
    """ "Food & Beverage Manufacturers" under "By Application" names a segment, not the key
    players: a sub-heading of a segment section that names companies without saying which."""
    return (
        section.kind == SEGMENTS
        and section.dimension is not None
        and not section.has_items
        and _NAMES_PLAYERS.search(block.label) is None
    )


def _belongs_to(block: Block, section: Section) -> bool:
    """An unclassified heading is a sub-heading of a classified section it sits in."""
    if section.heading is None or section.kind in (OTHER, TITLE):
        return False
    if block.level >= BOLD_LEVEL or block.level > section.heading.level:
        return True
    # "By Application" followed by same-level headings naming the segments.
    return section.kind == SEGMENTS and section.dimension is not None and not section.has_items
