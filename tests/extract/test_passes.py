"""Passes over one annotated document: what one pass finds, the blocks carry to the next.

The companies pass marks the paragraphs about one company (their figures are the
company's) and the paragraphs listing players; the summary pass marks its paragraph. Later
passes (sentences for figures, entries) read those marks from the blocks themselves.
"""

from __future__ import annotations

from builder.extract import extract_bytes
from builder.extract.companies import extract_companies
from builder.extract.document import ABOUT_COMPANY, LISTING, SUMMARY, parse
from builder.extract.entries import extract_entries, find_summary
from builder.extract.sections import build_sections

# 48 (pet food): a players sentence closing a drivers paragraph of its own.
_PLAYERS = (
    "Nestlé Purina PetCare, Mars Petcare (including brands like Pedigree and Royal Canin), "
    "Hill's Pet Nutrition (Colgate-Palmolive), and J.M. Smucker (including Big Heart Pet "
    "Brands) are some of the key players that operate in the market with a wide range of "
    "portfolios."
)
_DRIVER = (
    "The market is experiencing steady growth due to several factors, including the rising "
    "trend of pet humanization, where owners treat their pets as family members and seek "
    "premium nutrition options. This is coupled with increasing pet ownership rates globally, "
    "particularly following the COVID-19 pandemic."
)
# Seed 002: a bold company paragraph whose revenue is the company's, not the market's.
_COMPANY = (
    "**Lonza**, with a revenue of around $5.6 billion in 2022, is recognized for its "
    "comprehensive manufacturing solutions, including cell and gene therapy production."
)


def test_listing_paragraph_is_marked_and_is_not_an_entry():
    sections = build_sections(parse(f"## Market Drivers\n\n{_DRIVER}\n\n{_PLAYERS}\n").blocks)
    scan = extract_companies(sections)
    assert [c.name for c in scan.companies][:2] == ["Nestlé Purina PetCare", "Mars Petcare"]
    listing = [b for s in sections for b in s.blocks if b.has(LISTING)]
    assert [b.text for b in listing] == [_PLAYERS]
    drivers = extract_entries(sections)["drivers"]
    assert [e.text for e in drivers] == [_DRIVER]


def test_summary_paragraph_is_marked_and_is_not_an_entry():
    sections = build_sections(parse(f"## Market Drivers\n\n{_DRIVER}\n").blocks)
    summary = find_summary(sections)
    assert summary is not None and summary.has(SUMMARY)
    assert extract_entries(sections)["drivers"] == []


def test_company_paragraph_is_marked_and_its_revenue_is_not_the_market_size():
    text = f"## Key Players\n\n{_COMPANY}\n"
    sections = build_sections(parse(text).blocks)
    scan = extract_companies(sections)
    about = [b for s in sections for b in s.blocks if b.has(ABOUT_COMPANY)]
    assert [b.lead for b in about] == ["Lonza"]
    assert scan.companies[0].revenues[0].money.amount == 5.6
    record = extract_bytes(
        f"# Pet Food Market\n\nThe global pet food market size was valued at USD 110.53 "
        f"billion in 2023.\n\n{text}".encode(),
        "pet.md",
    )
    assert [s.money.original for s in record.size] == ["USD 110.53 billion"]
