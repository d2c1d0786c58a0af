"""Every decision that drops or reclassifies something leaves a warning an analyst can read.

Excerpts quote the real corpus (tests/corpus/real/raw, file named) or the seeds; where an
excerpt is edited to show the case, the comment says how.
"""

from __future__ import annotations

from builder.extract import extract_bytes
from builder.extract.document import parse
from builder.extract.regions import extract_regions
from builder.extract.sections import build_sections
from builder.extract.segments import extract_segments
from builder.schema import ReportWarning

from .seeds import seed_text
from .test_companies_real import scan_of


def _segment_warnings(markdown: str) -> tuple[list[tuple[str, list[str]]], list[ReportWarning]]:
    segments, warnings = extract_segments(build_sections(parse(markdown).blocks))
    return [(s.dimension, s.values) for s in segments], warnings


def test_a_dimension_section_with_no_values_is_named():
    # Seed 000: the "By Application" heading and its opening paragraph, without the
    # sub-headings that follow it.
    text = seed_text("000")
    cut = text.index("<h2>Clinical Manufacturing</h2>")
    record = extract_bytes(text[:cut].encode(), "000.html")
    assert record.segments == []
    unread = [w.args for w in record.warnings if w.code == "segment-section-unread"]
    assert unread == [{"dimension": "Application"}]


def test_a_bracketed_list_of_one_value_is_named():
    # 36 (network operating system), its first list cut to one value
    found, warnings = _segment_warnings(
        "Segments - by Type (Windows-based), Deployment Mode (On-Premises, Cloud)"
    )
    assert found == [("Deployment Mode", ["On-Premises", "Cloud"])]
    assert [(w.code, w.args) for w in warnings] == [
        ("one-value-dimension", {"dimension": "Type", "values": ["Windows-based"]})
    ]


def test_a_list_item_too_long_for_a_value_is_named():
    # 25 (biotech ingredients): a description written as an item of its own
    found, warnings = _segment_warnings(
        "#### By Source\n\n- Microbial\n- Plant-Based\n"
        "- Microbial sources, such as bacteria and fungi, dominate the biotech ingredients "
        "market.\n"
    )
    assert found == [("Source", ["Microbial", "Plant-Based"])]
    assert [(w.code, w.args) for w in warnings] == [
        (
            "segment-items-too-long",
            {
                "dimension": "Source",
                "count": 1,
                "item": "Microbial sources, such as bacteria and fungi, dominate the biotech ingredients ",
            },
        )
    ]


def test_a_region_list_in_prose_is_named():
    # 36 (network operating system), the geography sentence in the report's own form
    found, warnings = _segment_warnings(
        "The market is segmented by region into North America, Europe, Asia Pacific, Latin "
        "America, and Middle East & Africa."
    )
    assert found == []
    assert [(w.code, w.args) for w in warnings] == [
        (
            "segment-names-places",
            {
                "dimension": "region",
                "values": [
                    "North America",
                    "Europe",
                    "Asia Pacific",
                    "Latin America",
                    "Middle East & Africa",
                ],
            },
        )
    ]


def test_a_players_heading_read_as_a_segment_is_named():
    # Seed 000 with its "Others" application renamed to a group of manufacturers.
    text = seed_text("000").replace("<h2>Others</h2>", "<h2>Food &amp; Beverage Manufacturers</h2>")
    record = extract_bytes(text.encode(), "000.html")
    assert "Food & Beverage Manufacturers" in record.segments[0].values
    assert [w.args for w in record.warnings if w.code == "players-heading-among-segments"] == [
        {"heading": "Food & Beverage Manufacturers", "dimension": "Application"}
    ]


def test_a_players_list_item_that_is_no_name_is_named():
    # 04 (Reanin): the players list, with the sentence after it pasted as an item
    scan = scan_of(
        "Major Players\n- Catalent Inc.\n- Lonza Group Ltd.\n"
        "- The Healthcare Contract Development And Manufacturing Organization Market is "
        "witnessing sustained momentum\n- Others\n"
    )
    assert [c.name for c in scan.companies] == ["Catalent Inc.", "Lonza Group Ltd."]
    rejected = [w.args for w in scan.warnings if w.code == "not-a-company-name"]
    assert rejected == [
        {"name": "The Healthcare Contract Development And Manufacturing Organization Market is wit"}
    ]


def test_an_unknown_name_opening_a_country_list_is_named():
    # Seed 004 (Credence Research) geography list, its lost "U." left unmended as an
    # unknown publisher's report would be
    blocks = parse(
        "<p><strong>Based on the Geography:</strong></p><ul><li><strong>S.</strong></li>"
        "<li><strong>Canada</strong></li><li><strong>Mexico</strong></li></ul>"
    ).blocks
    regions, warnings = extract_regions(build_sections(blocks), [], "Global")
    assert [(r.name, r.countries) for r in regions] == [("North America", ["Canada", "Mexico"])]
    assert [(w.code, w.args) for w in warnings] == [("unknown-place-in-regions", {"name": "S."})]
    assert warnings[0].text == (
        "'S.' is listed with the regions but is no place the builder knows, and no region "
        "comes before it: left out"
    )
