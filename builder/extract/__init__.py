"""Extraction: one report file -> one `ReportRecord`, exactly as the report states it.

The stages run in one direction: bytes -> text (`read`), text -> blocks (`document`),
furniture removed (`boilerplate`), blocks -> classified sections (`sections`), then each
kind of fact is read from the sections that hold it. A pass that finds what a block is
marks it (`Block.roles`: a company's paragraph, a players list, the summary) and the
passes after it read the mark from the block. Publisher templates only add what
their layout needs on top of the structural rules, so unknown publishers get the same
extraction. Bad input raises `BriefError` naming the file; nothing else escapes.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pydantic import ValidationError

from builder.errors import BriefError, BuilderBug
from builder.extract import figures
from builder.extract.boilerplate import strip_boilerplate, strip_chrome_lines
from builder.extract.companies import extract_companies
from builder.extract.document import ABOUT_COMPANY, HEADING, Block, looks_truncated, parse
from builder.extract.entries import extract_entries, extract_faq, find_summary
from builder.extract.headline import extract_figures
from builder.extract.naming import (
    market_name,
    name_from_report_title,
    name_from_subject,
    title_case,
)
from builder.extract.publishers import recognise, report_page
from builder.extract.read import decode, strip_front_matter
from builder.extract.regions import extract_regions
from builder.extract.sections import (
    CHALLENGES,
    DRIVERS,
    OPPORTUNITIES,
    OUTLOOK,
    TITLE,
    TRENDS,
    Section,
    build_sections,
)
from builder.extract.segments import extract_segments
from builder.extract.sentences import Sentence, split_sentences
from builder.extractor import too_big
from builder.places import geography_of
from builder.schema import Money, RawCompany, ReportRecord, ReportWarning, Source
from builder.warning_codes import warn

__all__ = ["extract_bytes", "extract_file"]

_REPORT_TERMS = (
    "cagr",
    "compound annual",
    "market size",
    "market share",
    "forecast",
    "key players",
    "segment",
    "revenue",
    "billion",
    "million",
    "growth",
    "outlook",
    "demand",
    "competitive",
)
_MIN_REPORT_TERMS = 2
# Figures make a report in any language: a share or growth rate, or an amount of money,
# with a year ("4.5% kuva 2023 kugeza 2032", "到 2025 年 ... CAGR 为 7.9%").
_FIGURE = re.compile(r"\d\s?%|\d\s+percent\b|[$€£¥₹]\s?\d|\b(?:usd|eur|us\$)\s?\d", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_MAX_FALLBACK_WORDS = 12
_MAX_FALLBACK_CHARS = 100
_FILE_PREFIX = re.compile(r"^[\d_\-\s]+")
_MAX_AMOUNT = 1e18
"""No market or revenue is a billion billion of any unit: a larger amount is a misread run of
digits, and one beyond the range of a float is infinite, which the schema (rightly) refuses."""


def extract_file(path: Path) -> ReportRecord:
    """The record of one report file; `BriefError` naming the file if it cannot be read."""
    try:
        problem = too_big(path.stat().st_size)  # refused before a huge file is read at all
        if problem:
            raise BriefError(path, problem)
        raw = path.read_bytes()
    except OSError as exc:
        raise BriefError(path, f"cannot read the file: {exc.strerror or exc}") from None
    return extract_bytes(raw, path.name)


def extract_bytes(raw: bytes, file_name: str) -> ReportRecord:
    """The record of one report; `BriefError(file_name, problem)` for unusable input."""
    try:
        return _extract(raw, file_name)
    except BriefError:
        raise
    except ValidationError as exc:
        if any(e["type"] != "finite_number" for e in exc.errors()):
            raise BuilderBug.from_exception(file_name, exc) from exc
        raise BriefError(  # a run of hundreds of digits read as one figure
            file_name, "a figure in the report is too large to be a number; not extracted"
        ) from None
    except Exception as exc:  # a last guard: callers only ever see BriefError, a bug told as one
        raise BuilderBug.from_exception(file_name, exc) from exc


def _extract(raw: bytes, file_name: str) -> ReportRecord:
    text = strip_chrome_lines(strip_front_matter(decode(raw, file_name), file_name))
    truncated = looks_truncated(text)
    truncation = [warn("file-truncated")] if truncated else []
    hint = f" ({truncation[0].text})" if truncation else ""
    parsed = parse(text)
    recognised = recognise(parsed.blocks, parsed.links)
    template = recognised.template
    blocks = strip_boilerplate(parsed.blocks, template.boilerplate)
    if not blocks:
        raise BriefError(file_name, f"no readable report text{hint}")
    section_warnings: list[ReportWarning] = []
    sections = build_sections(blocks, template.heading_aliases, section_warnings)
    title = next((s.heading.text for s in sections if s.kind == TITLE and s.heading), None)
    scan = extract_companies(sections)
    sentences = _sentences(sections)
    if not _looks_like_report(" ".join(s.text for s in sentences)):
        raise BriefError(file_name, f"not a market report: no market figures or terms found{hint}")
    headings = [s.heading.text for s in sections if s.heading is not None]
    headline = _first_figures_sentence(sentences)
    name = market_name(title, headings, sentences, headline)
    naming_warnings = []
    if name is None:
        name = name_from_subject(sentences, headline)
        if name is not None and headline is not None:
            naming_warnings.append(warn("named-after-sentence", name=name, quote=headline))
    if name is None:
        quoted = name_from_report_title(sentences)
        name, source = _fallback_name(title, quoted, blocks, file_name)
        naming_warnings.append(warn("named-after-fallback", name=name, source=source))
    geography = geography_of(name)
    found = extract_figures(sentences, title, geography)
    regions, region_warnings = extract_regions(
        sections, sentences, geography, template.list_repairs
    )
    summary = find_summary(sections)
    entries = extract_entries(sections)
    segments, segment_warnings = extract_segments(sections)
    size = [s for s in found.size if _usable(s.money)]
    companies = [_usable_revenues(c) for c in scan.companies]
    figure_warnings = [
        warn("figure-too-large", figure=m.original[:60])
        for m in [s.money for s in found.size]
        + [r.money for c in scan.companies for r in c.revenues]
        if not _usable(m)
    ]
    return ReportRecord(
        name=name,
        geography=geography,
        publisher=recognised.publisher,
        title=title,
        source=Source(
            file=file_name,
            url=report_page(parsed.links, recognised, name),
            sha256=hashlib.sha256(raw).hexdigest(),
        ),
        summary=summary.text if summary else None,
        size=size,
        cagr=found.cagr,
        segments=segments,
        regions=regions,
        companies=companies,
        faq=extract_faq(sections),
        warnings=truncation
        + naming_warnings
        + list(recognised.warnings)
        + section_warnings
        + found.warnings
        + figure_warnings
        + region_warnings
        + segment_warnings
        + scan.warnings,
        drivers=entries[DRIVERS],
        trends=entries[TRENDS],
        challenges=entries[CHALLENGES],
        opportunities=entries[OPPORTUNITIES],
        outlook=entries[OUTLOOK],
    )


def _usable(money: Money) -> bool:
    """A stated amount any sum or chart can use: below `_MAX_AMOUNT` (so finite, too)."""
    return abs(money.amount) < _MAX_AMOUNT


def _usable_revenues(company: RawCompany) -> RawCompany:
    """The company with only the revenues `_usable` accepts."""
    return company.model_copy(
        update={"revenues": [r for r in company.revenues if _usable(r.money)]}
    )


def _sentences(sections: list[Section]) -> list[Sentence]:
    out = []
    for section in sections:
        if section.kind == TITLE and section.heading is not None:
            out.append(Sentence(section.heading.text, TITLE))
        for block in section.blocks:
            if block.kind == HEADING:
                continue
            company = block.has(ABOUT_COMPANY)
            out.extend(Sentence(s, section.kind, company) for s in split_sentences(block.text))
    return out


def _looks_like_report(text: str) -> bool:
    """Market terms ("CAGR", "market size", ...), or, in any language, figures and a year."""
    low = text.lower()
    if sum(term in low for term in _REPORT_TERMS) >= _MIN_REPORT_TERMS:
        return True
    return _FIGURE.search(text) is not None and _YEAR.search(text) is not None


def _first_figures_sentence(sentences: list[Sentence]) -> str | None:
    """The headline: the first sentence with a CAGR or an amount in a stated currency ("30
    million EVs" is a count); else the first with any amount."""
    fallback = None
    for sentence in sentences:
        if sentence.company:
            continue
        money = figures.find_money(sentence.text)
        if figures.find_cagr(sentence.text) or any(hit.stated_currency for hit in money):
            return sentence.text
        if money and fallback is None:
            fallback = sentence.text
    return fallback


def _fallback_name(
    title: str | None, quoted: str | None, blocks: list[Block], file_name: str
) -> tuple[str, str]:
    """A name for a report that never names its market: its title, the title of the report
    it quotes, a short first line that is not a sentence, or its file name; the report is
    kept (with a warning) rather than dropped."""
    first = blocks[0].text.rstrip(" :") if blocks else ""
    if first.endswith((".", "!", "?")):
        first = ""  # a sentence, not a title
    candidates = (
        (title, "title"),
        (quoted, "title of the report it quotes"),
        (first, "first line"),
    )
    for text, source in candidates:
        if text and len(text.split()) <= _MAX_FALLBACK_WORDS and len(text) <= _MAX_FALLBACK_CHARS:
            return text, source
    stem = "".join(ch for ch in Path(file_name).stem if ch.isprintable())
    words = [w for w in re.split(r"[\s_\-.]+", _FILE_PREFIX.sub("", stem)) if w]
    words = words[:_MAX_FALLBACK_WORDS]
    name = title_case(" ".join(words))[:_MAX_FALLBACK_CHARS].strip() or "Unnamed"
    return (name if name.lower().endswith("market") else f"{name} Market"), "file name"
