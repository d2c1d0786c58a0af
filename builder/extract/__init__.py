"""Extraction: one report file -> one `ReportRecord`, exactly as the report states it.

The stages run in one direction: bytes -> text (`read`), text -> blocks (`document`),
furniture removed (`boilerplate`), blocks -> classified sections (`sections`), then each
kind of fact is read from the sections that hold it. Publisher templates only add what
their layout needs on top of the structural rules, so unknown publishers get the same
extraction. Bad input raises `BriefError` naming the file; nothing else escapes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from builder.errors import BriefError
from builder.extract import figures
from builder.extract.boilerplate import strip_boilerplate
from builder.extract.companies import extract_companies
from builder.extract.document import HEADING, looks_truncated, parse
from builder.extract.entries import extract_entries, extract_faq, find_summary
from builder.extract.headline import extract_figures
from builder.extract.naming import market_name
from builder.extract.places import geography_of
from builder.extract.publishers import recognise, report_page
from builder.extract.read import decode, strip_front_matter, too_big
from builder.extract.regions import extract_regions
from builder.extract.sections import TITLE, Section, build_sections
from builder.extract.segments import extract_segments
from builder.extract.sentences import Sentence, split_sentences
from builder.schema import ReportRecord, Source

__all__ = ["EXTRACTOR_VERSION", "extract_bytes", "extract_file"]

EXTRACTOR_VERSION = "5"
"""Bump whenever the records produced for the same input change (it keys caches)."""

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
_TRUNCATED = "the file ends inside an HTML tag: it may be truncated"


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
    except Exception as exc:  # a last guard: callers must only ever see BriefError
        raise BriefError(
            file_name, f"could not extract this report ({type(exc).__name__})"
        ) from exc


def _extract(raw: bytes, file_name: str) -> ReportRecord:
    text = strip_front_matter(decode(raw, file_name), file_name)
    truncated = looks_truncated(text)
    hint = f" ({_TRUNCATED})" if truncated else ""
    parsed = parse(text)
    recognised = recognise(parsed.blocks, parsed.links)
    blocks = strip_boilerplate(parsed.blocks, recognised.template.calls_to_action)
    if not blocks:
        raise BriefError(file_name, f"no readable report text{hint}")
    sections = build_sections(blocks)
    title = next((s.heading.text for s in sections if s.kind == TITLE and s.heading), None)
    scan = extract_companies(sections)
    sentences = _sentences(sections, scan.company_blocks)
    report_text = " ".join(s.text for s in sentences).lower()
    if sum(term in report_text for term in _REPORT_TERMS) < _MIN_REPORT_TERMS:
        raise BriefError(file_name, f"not a market report: no market figures or terms found{hint}")
    headings = [s.heading.text for s in sections if s.heading is not None]
    name = market_name(title, headings, sentences, _first_figures_sentence(sentences))
    if name is None:
        raise BriefError(file_name, f"no market name found{hint}")
    geography = geography_of(name)
    found = extract_figures(sentences, title, geography)
    regions, region_warnings = extract_regions(sections, sentences, geography)
    summary = find_summary(sections)
    used = scan.listing_blocks | ({id(summary)} if summary else set())
    entries = extract_entries(sections, used)
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
        size=found.size,
        cagr=found.cagr,
        segments=extract_segments(sections),
        regions=regions,
        companies=scan.companies,
        faq=extract_faq(sections),
        warnings=([_TRUNCATED] if truncated else [])
        + found.warnings
        + region_warnings
        + scan.warnings,
        **entries,
    )


def _sentences(sections: list[Section], company_blocks: set[int]) -> list[Sentence]:
    out = []
    for section in sections:
        if section.kind == TITLE and section.heading is not None:
            out.append(Sentence(section.heading.text, TITLE))
        for block in section.blocks:
            if block.kind == HEADING:
                continue
            company = id(block) in company_blocks
            out.extend(Sentence(s, section.kind, company) for s in split_sentences(block.text))
    return out


def _first_figures_sentence(sentences: list[Sentence]) -> str | None:
    for sentence in sentences:
        if not sentence.company and (
            figures.find_cagr(sentence.text) or figures.find_money(sentence.text)
        ):
            return sentence.text
    return None
