"""Plain-text repairs made once in `document`, so every pass sees the block as meant.

A heading's words alone on a paragraph's first line ("Key Insights") are a heading, not
the first words of the headline; a Wingdings bullet pasted as the letter "l" makes a list
item in any section (segments, regions, drivers). Quotes are short excerpts from
tests/corpus/real/raw (file named in the comment).
"""

from __future__ import annotations

import pytest

from builder.extract import extract_bytes
from builder.extract.document import HEADING, ITEM, LABEL_LEVEL, PARA, parse
from builder.extract.entries import extract_entries
from builder.extract.regions import extract_regions
from builder.extract.sections import build_sections

_TUBING_REGIONS = (  # 53 (medical tubing)
    "#### **By Region:**\n\n"
    "l **North America**: North America is the largest market for medical tubing, driven by "
    "the region's advanced healthcare infrastructure, high healthcare spending, and the "
    "presence of leading medical device manufacturers.\n\n"
    "l **Europe**: Europe is another major market for medical tubing, driven by the region's "
    "well-established healthcare system and strong regulatory framework.\n"
)
_TUBING_DRIVERS = (  # 53 (medical tubing)
    "### **Market Drivers**\n\n"
    "l **Rising Healthcare Demand**: The global healthcare industry is experiencing an "
    "unprecedented increase in demand due to aging populations.\n\n"
    "l **Technological Advancements in Medical Devices**: Ongoing innovation in medical "
    "devices is creating new opportunities for medical tubing.\n"
)


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        (  # 52 (glass packaging)
            "Key Insights\nThe European glass packaging market, valued at €21.75 billion in "
            "2025, is projected to experience steady growth.",
            "Key Insights",
        ),
        (  # 48 (pet food)
            "MARKET INSIGHTS\nThe global pet food market size was valued at USD 110.53 "
            "billion in 2023.",
            "MARKET INSIGHTS",
        ),
        (  # 35 (post-processor)
            "Key Insights\nThe Post-Processor market, encompassing G-code and CAM solutions, is "
            "experiencing substantial growth.",
            "Key Insights",
        ),
    ],
)
def test_a_heading_line_over_the_headline_is_split_off(text, heading):
    blocks = parse(text).blocks
    assert [(b.kind, b.text) for b in blocks[:1]] == [(HEADING, heading)]
    assert blocks[0].level == LABEL_LEVEL
    assert blocks[1].kind == PARA and blocks[1].text == text.split("\n", 1)[1]


@pytest.mark.parametrize(
    "text",
    [
        # 07: a title line with figures stays a paragraph of its own
        "Global Biopharmaceutical Contract Manufacturing Market - Outlook and Forecast 2022-2027",
        # 35: a chart caption alone is no heading over anything
        "Post Processor Company Market Share",
        # 48: a sentence wrapped after a few words is one paragraph
        "The global pet food\nmarket size was valued at USD 110.53 billion in 2023.",
    ],
)
def test_other_first_lines_are_left_alone(text):
    blocks = parse(text).blocks
    assert [b.kind for b in blocks] == [PARA]


def test_headline_and_name_no_longer_carry_the_heading():
    # 48 (pet food)
    record = extract_bytes(
        b"MARKET INSIGHTS\nThe global pet food market size was valued at USD 110.53 billion "
        b"in 2023. The market is projected to grow from USD 115.00 billion in 2024 to USD "
        b"163.70 billion by 2030, exhibiting a CAGR of 6.1% during the forecast period.",
        "48.txt",
    )
    assert record.name == "Pet Food Market"
    assert record.size[0].quote.startswith("The global pet food market size")


def test_a_letter_bullet_makes_an_item_with_its_bold_lead():
    # 25 (biotech ingredients): the bold name runs into the next word
    block = parse(
        "l **BASF SE**recently expanded its biotech ingredient portfolio with the launch of "
        "new enzyme products."
    ).blocks[0]
    assert (block.kind, block.lead) == (ITEM, "BASF SE")
    assert block.text.startswith("BASF SE")


def test_letter_bullets_make_drivers_with_titles():
    entries = extract_entries(build_sections(parse(_TUBING_DRIVERS).blocks))["drivers"]
    assert [e.title for e in entries] == [
        "Rising Healthcare Demand",
        "Technological Advancements in Medical Devices",
    ]
    assert entries[0].text.startswith("The global healthcare industry")


def test_letter_bullets_name_regions_and_their_prose_is_no_country_list():
    sections = build_sections(parse(_TUBING_REGIONS).blocks)
    regions, warnings = extract_regions(sections, [], "Global")
    assert [(r.name, r.countries) for r in regions] == [("North America", []), ("Europe", [])]
    assert warnings == []
