"""Segments: each dimension ("By Application", "Based on Service") with its values in order.

Reports state their segmentation in four ways, all read here:
- a section per dimension, its values in the list under the heading (a Wingdings bullet
  pasted as the letter "l" already read as one by `document`), or as sub-headings each
  with its own paragraph;
- inline items ("By Type: A, B and C");
- a title or first line naming each dimension with its values in brackets ("By Service
  Type (A, B); By Molecule Type (C, D)", "Segments - by Type (...), Deployment Mode (...)",
  "By Dosage Form [A, B and Others]"), nested lists inside a value being sub-segments;
- prose ("segmented by vector type into A, B, and others", "Based on product, the market
  is segmented into A and B").
Values are kept as written, typos included ("Spays Products"). Dimensions that list places
("By Region") are left to the regions.
"""

from __future__ import annotations

import re

from builder.extract.document import HEADING, ITEM, PARA, Block
from builder.extract.sections import (
    COMPANIES,
    OTHER,
    REGIONS,
    SEGMENTS,
    Section,
    bare_dimension,
    classify,
    dimension_name,
    is_geography,
)
from builder.schema import ReportWarning, Segment
from builder.vocabulary import headings
from builder.warning_codes import warn

_MAX_VALUE_WORDS = 10
_MAX_PROSE_VALUE_WORDS = 6
_VALUE_CUT = re.compile(r"\s*(?::|\s[–—-]\s)\s*")
_SENTENCE_BREAK = re.compile(r"[a-z)]\.\s+[A-Z]")
_DIMENSION_LABEL = re.compile(rf"^\s*(?:{headings.DIMENSION_LEADS})\s", re.IGNORECASE)
_LABEL = re.compile(r"^([^:\n]{1,80}):\s+(\S.*)$", re.DOTALL)
"""A label and its text: "Microbial: Microbial sources ...", "By Type: A, B"."""

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_BRACKET = re.compile(r"[()\[\]{}]")
_CHAIN_LEAD = re.compile(
    rf"\b(?:{headings.DIMENSION_LEADS})\s+"
    r"|\bsegment(?:s|ation)?(?:\s+covered)?\s*[:–—-]\s*(?:by\s+)?",
    re.IGNORECASE,
)
_CHAIN_NAME = re.compile(r"([A-Za-z][\w&/-]*(?: [A-Za-z&][\w&/-]*){0,4}) ?(?=[(\[])")
_CHAIN_GLUE = re.compile(r"[\s,;]*(?:and\s+)?(?:by\s+)?", re.IGNORECASE)
_SEGMENT_WORD = re.compile(headings.SEGMENT_WORD, re.IGNORECASE)
_TOP_SPLIT = re.compile(r"[,;]")
_AND = re.compile(r"\s(?:and|&)\s")
_LAST_AND = re.compile(r"^(.*\S)\s+and\s+(\S.*)$")
_LEADING_JOINER = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)
_OTHERS = re.compile(r"^others?$", re.IGNORECASE)
_EXAMPLE_LEAD = re.compile(
    r"^\s*(?:e\.g\.|i\.e\.|such as|including|like|namely)[\s,:]*", re.IGNORECASE
)
_ETC = re.compile(r"[\s,]*\betc\.?\s*$", re.IGNORECASE)

_DIM = r"(?P<dim>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,2}?)"
_COUNT = r"(?:(?:two|three|four|five|six|seven|\d)\s+\w+\s*[:,-]?\s*)?(?:namely\s+)?"
_PROSE = (
    re.compile(
        rf"\b(?:{headings.SEGMENT_VERBS})\s+(?:{headings.DIMENSION_LEADS})\s+(?:the\s+|its\s+)?"
        rf"{_DIM}\s+into\s+{_COUNT}(?P<list>[^.;:]+)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:{headings.DIMENSION_LEADS})\s+(?:the\s+|its\s+)?{_DIM},\s+(?:[^.,;:]{{0,120}}?\s)?"
        rf"(?:is|are|has been|have been)\s+(?:further\s+)?(?:{headings.SEGMENT_VERBS})\s+into\s+"
        rf"{_COUNT}(?P<list>[^.;:]+)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:{headings.SEGMENT_VERBS})\s+into\s+{_COUNT}(?P<list>[^.;:]{{3,300}}?),?\s+"
        rf"(?:{headings.DIMENSION_LEADS})\s+(?:the\s+|its\s+)?{_DIM}\s*(?:[.;]|$)",
        re.IGNORECASE,
    ),
)


def extract_segments(sections: list[Section]) -> tuple[list[Segment], list[ReportWarning]]:
    """The report's segments in the order first met, and warnings about lists read or left."""
    found: dict[str, list[str]] = {}
    texts: dict[str, _Texts] = {}
    warnings: list[ReportWarning] = []
    for section in sections:
        blocks = section.blocks
        if section.kind == SEGMENTS and section.dimension:
            values = _section_values(section.dimension, blocks, warnings)
            _add(found, section.dimension, values)
            texts.setdefault(section.dimension, _Texts()).read(blocks, values)
        in_segments = section.kind == SEGMENTS
        for block in ([section.heading] if section.heading else []) + blocks:
            for dimension, values in _listed(block, in_segments, warnings):
                _add(found, dimension, values)
        for dimension, values in _runs(blocks, in_segments):
            _add(found, dimension, values)
    segments = []
    for dimension, values in found.items():
        if not values:
            warnings.append(warn("segment-section-unread", dimension=dimension))
        else:
            text = texts.get(dimension, _Texts())
            segments.append(
                Segment(
                    dimension=dimension,
                    values=values,
                    summary="\n\n".join(text.summary) or None,
                    descriptions={v: "\n\n".join(p) for v, p in text.values.items() if p},
                )
            )
    return segments, warnings


class _Texts:
    """Paragraphs of a dimension's section: under a value's sub-heading, or about them all."""

    def __init__(self) -> None:
        self.summary: list[str] = []
        self.values: dict[str, list[str]] = {}

    def read(self, blocks: list[Block], values: list[str]) -> None:
        current: str | None = None
        for block in blocks:
            if block.kind == HEADING:
                current = block.label if block.label in values else None
            elif block.kind == ITEM and block.rest and len(block.rest.split()) > 3:
                value = _value(block)
                if value in values:
                    self.values.setdefault(value, []).append(block.rest)
            elif block.kind == PARA:
                target = self.values.setdefault(current, []) if current else self.summary
                target.append(block.text)


def _section_values(
    dimension: str, blocks: list[Block], warnings: list[ReportWarning]
) -> list[str]:
    """The values a dimension's section lists: its items, else its sub-headings. An item too
    long for a value is a sentence, left out with a warning."""
    items = [b for b in blocks if b.kind == ITEM]
    values = [v for v in (_value(b) for b in items) if v]
    long = [b.text for b in items if len(_value_text(b).split()) > _MAX_VALUE_WORDS]
    if long:
        warnings.append(
            warn("segment-items-too-long", dimension=dimension, count=len(long), item=long[0][:80])
        )
    return values or [b.label for b in blocks if b.kind == HEADING]


def _add(found: dict[str, list[str]], dimension: str, values: list[str]) -> None:
    bucket = found.setdefault(dimension, [])
    bucket.extend(v for v in values if v not in bucket)


def _value_text(block: Block) -> str:
    """What names the value of an item: its bold lead, else the text before a colon or dash."""
    text = block.lead or _VALUE_CUT.split(block.text, maxsplit=1)[0]
    return text.strip(" .;:")


def _value(block: Block) -> str | None:
    text = _value_text(block)
    if not text or len(text.split()) > _MAX_VALUE_WORDS:
        return None
    return None if _names_dimension(text) else text


def _names_dimension(text: str, in_segments: bool = False) -> str | None:
    """The dimension a label names: "By Type", "Product Outlook (Revenue, ...)", and in a
    segments section a bare "Product Type" too."""
    kind, dimension = classify(text)
    if kind == SEGMENTS and dimension:
        return dimension
    return bare_dimension(text) if in_segments else None


def _runs(blocks: list[Block], in_segments: bool) -> list[tuple[str, list[str]]]:
    """ "- Product Outlook (Revenue, USD Million, 2018 - 2030)", "- Hardware", "- Software",
    "- Application Outlook (...)", ...: a list (or sub-headings) naming each dimension,
    its values the items after it. Nesting is lost in the flat blocks, so a dimension's
    values run to the next dimension or heading."""
    runs: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for block in blocks:
        kind, dimension = (OTHER, None)
        if block.kind in (ITEM, HEADING) and not block.rest:
            kind, dimension = classify(block.label)
            if block.kind == HEADING and in_segments and not dimension:
                dimension = bare_dimension(block.label)
        if dimension and len(block.text.split()) <= _MAX_VALUE_WORDS + 2:
            current = []
            runs.append((dimension, current))
        elif block.kind == HEADING or kind == REGIONS:
            current = None
        elif block.kind == ITEM and current is not None and (value := _value(block)):
            current.append(value)
    return [(d, values) for d, values in runs if len(values) >= 2]


def _listed(
    block: Block, in_segments: bool, warnings: list[ReportWarning]
) -> list[tuple[str, list[str]]]:
    """Dimensions a single block lists with their values, in any of the inline forms."""
    inline = _inline(block, in_segments)
    if inline:
        return [inline]
    found = _bracketed(block.text, warnings)
    if block.kind != HEADING:
        found += _prose(block.text, warnings)
    return found


def _inline(block: Block, in_segments: bool) -> tuple[str, list[str]] | None:
    """ "By Type: A, B and C": an item, paragraph or two-cell table row naming a dimension
    before a colon and its values after it. Outside a segments section only a "By ..."
    label with two values or more counts; a plain (not bold) label needs two values too,
    since "Leading Segments / By Service Type: EMS" names the largest segment only. Text
    of sentences after the label describes a segment ("Special Applications: Medical
    tubing is also used in ..."): it is no list of values."""
    lead, rest = block.lead, block.rest
    if not lead:
        labelled = _LABEL.match(block.text)
        if labelled is None:
            return None
        lead, rest = labelled.groups()
    if not rest or _SENTENCE_BREAK.search(rest):
        return None
    dimension = _names_dimension(lead, in_segments)
    if not dimension:
        return None
    longest = _MAX_VALUE_WORDS if _DIMENSION_LABEL.match(lead) else _MAX_PROSE_VALUE_WORDS
    values = _list_values(rest)
    if any(len(v.split()) > longest for v in values):
        return None
    enough = len(values) >= 2 or bool(block.lead and in_segments and values)
    if not enough or not (in_segments or _DIMENSION_LABEL.match(lead)):
        return None
    return dimension, values


def _bracketed(text: str, warnings: list[ReportWarning]) -> list[tuple[str, list[str]]]:
    """ "By Service Type (A, B); By Molecule Type (C, D);and Region": each dimension named
    before a bracketed list, the dimensions after the first with or without their "By".

    A list may also follow a segment word alone ("Segments covered: Type (A, B), ...").
    A lone lowercase "by X (...)" is prose ("acquired by Lonza (Switzerland)") unless a
    segment word comes before it ("Segments - by Type (...)"); every dimension needs two
    values at least.
    """
    found: list[tuple[str, list[str]]] = []
    if "(" not in text and "[" not in text:
        return found
    ends: dict[int, int] | None = None
    pos = 0
    while (lead := _CHAIN_LEAD.search(text, pos)) is not None:
        chain: list[tuple[str, list[str]]] = []
        pos = lead.end()
        while (name := _CHAIN_NAME.match(text, pos)) is not None:
            ends = _group_ends(text) if ends is None else ends
            end = ends.get(name.end())
            if end is None:
                break
            chain.append((name.group(1), _list_values(text[name.end() + 1 : end - 1])))
            pos = _CHAIN_GLUE.match(text, end).end()  # type: ignore[union-attr]
        titled = lead.group()[0].isupper()
        if chain and (len(chain) > 1 or titled or _SEGMENT_WORD.search(text, 0, lead.end())):
            found.extend(_named(chain, text, warnings))
        pos = max(pos, lead.end())
    return found


def _named(
    chain: list[tuple[str, list[str]]], source: str, warnings: list[ReportWarning]
) -> list[tuple[str, list[str]]]:
    """Dimension names from the chain; places left to the regions, companies to the company
    list, one-value lists dropped."""
    out = []
    for raw, values in chain:
        dimension = dimension_name(raw)
        if dimension is None:
            continue
        if len(values) < 2:
            warnings.append(warn("one-value-dimension", dimension=raw, values=values))
            continue
        if is_geography(dimension):
            warnings.append(warn("segment-names-places", dimension=raw, values=values))
            continue
        if classify(dimension)[0] == COMPANIES:
            warnings.append(warn("segment-names-companies", dimension=raw, values=values))
            continue
        out.append((dimension, values))
    if out and any(len(v.split()) > _MAX_VALUE_WORDS for _, vs in out for v in vs):
        warnings.append(warn("segment-values-too-long", words=_MAX_VALUE_WORDS, text=source[:120]))
        out = [(d, [v for v in vs if len(v.split()) <= _MAX_VALUE_WORDS]) for d, vs in out]
    return out


def _prose(text: str, warnings: list[ReportWarning]) -> list[tuple[str, list[str]]]:
    """ "The market is segmented by vector type into A, B, and others.", "Based on
    product, the market is segmented into A and B." and "... is divided into A and B based
    on type."; a list with a value of more than a few words is a sentence going on, not a
    list, and is left with a warning."""
    found: list[tuple[str, list[str]]] = []
    if "into" not in text.lower():  # both forms need it; most paragraphs end here
        return found
    for rule in _PROSE:
        for match in rule.finditer(text):
            dimension = dimension_name(match.group("dim"))
            if dimension is None:
                continue
            values = _list_values(match.group("list"))
            if len(values) < 2:
                continue
            if is_geography(dimension):
                warnings.append(
                    warn("segment-names-places", dimension=match.group("dim"), values=values)
                )
                continue
            if any(len(v.split()) > _MAX_PROSE_VALUE_WORDS for v in values):
                warnings.append(warn("prose-values-too-long", text=match.group()[:120]))
                continue
            found.append((dimension, values))
    return found


def _group_ends(text: str) -> dict[int, int]:
    """Where each bracket group ends (exclusive), by the position of its opener, in one
    pass. A closer also closes the unclosed groups opened inside it ("{Process
    Development, Others]" ends at "]"); those inner groups get no end of their own."""
    ends: dict[int, int] = {}
    for start, end, _ in _brackets(text):
        ends[start] = end
    return ends


def _masked(text: str) -> str:
    """`text` with everything inside top-level brackets blanked (same length), so splits
    only see the top level."""
    out = list(text)
    for start, end, depth in _brackets(text):
        if depth == 0:
            out[start + 1 : end - 1] = "_" * (end - start - 2)
    return "".join(out)


def _brackets(text: str) -> list[tuple[int, int, int]]:
    """(start, end, depth) of each closed bracket group, in one pass over the text; a stray
    closer is ignored, an unclosed group inside a closed one ends with it."""
    groups = []
    stack: list[tuple[str, int]] = []
    open_count = dict.fromkeys(_OPENERS, 0)
    for bracket in _BRACKET.finditer(text):
        i, char = bracket.start(), bracket.group()
        if char in _OPENERS:
            stack.append((char, i))
            open_count[char] += 1
        elif char in _CLOSERS and open_count[_CLOSERS[char]]:
            while True:
                opener, start = stack.pop()
                open_count[opener] -= 1
                if opener == _CLOSERS[char]:
                    break
            groups.append((start, i + 1, len(stack)))
    return groups


def _list_values(text: str) -> list[str]:
    """ "A, B, and Others" / "A, B and C" / "A [a1, a2] and B" / "e.g., A, B, etc." -> values.

    The last item splits at "and" when it ends the list ("Parenteral and Others", "Phase
    III and Phase IV"), unless the list's other values themselves hold "and" or "&" ("IT
    and Telecommunications, ..., Packaging and Fulfillment"): then "and" is part of names.
    A bracket of sub-segments after a value is dropped; a short one stays ("(API)").
    """
    text = _ETC.sub("", _EXAMPLE_LEAD.sub("", text))
    masked = _masked(text)
    items: list[tuple[str, str]] = []
    start = 0
    for cut in [m.start() for m in _TOP_SPLIT.finditer(masked)] + [len(text)]:
        items.append((text[start:cut].strip(), masked[start:cut].strip()))
        start = cut + 1
    items = [(_LEADING_JOINER.sub("", t), _LEADING_JOINER.sub("", m)) for t, m in items if t]
    if items:
        last, masked_last = items[-1]
        split = _LAST_AND.match(masked_last)
        inner_and = any(_AND.search(f" {m} ") for _, m in items[:-1])
        if split and (len(items) == 1 or not inner_and or _OTHERS.match(split.group(2))):
            cut = len(split.group(1))
            head = last[:cut]
            tail = last[len(masked_last) - len(split.group(2)) :]
            items[-1:] = [(head, split.group(1)), (tail, split.group(2))]
    values = [_without_sublist(t, m) for t, m in items]
    return [v for v in values if v]


def _without_sublist(text: str, masked: str) -> str:
    """ "Contract development [Small Molecule {...}, ...]" -> "Contract development"."""
    if masked.endswith(tuple(_CLOSERS)):
        opener = max(masked.rfind(c) for c in _OPENERS)
        inner = text[opener + 1 : -1]
        if opener > 0 and ("," in inner or _AND.search(inner)):
            text = text[:opener]
    return text.strip(" .;:'\"").strip()
