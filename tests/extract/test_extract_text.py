"""Text repair, blocks, sections and the per-fact readers on pieces of the seeds' text."""

from __future__ import annotations

import pytest

from builder.extract.boilerplate import strip_boilerplate
from builder.extract.clean import has_email, repair, strip_tracking
from builder.extract.companies import extract_companies
from builder.extract.document import BOLD_LEVEL, HEADING, ITEM, PARA, looks_truncated, parse
from builder.extract.naming import name_from_heading, name_from_sentence
from builder.extract.publishers import reliable_market_forecast
from builder.extract.regions import extract_regions
from builder.extract.sections import COMPANIES, REGIONS, SEGMENTS, build_sections, classify
from builder.extract.sentences import Sentence
from builder.places import geography_of

from .seeds import seed_text


def blocks_of(text: str):
    return strip_boilerplate(parse(text).blocks)


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Market Forecast 2025â€“2032", "Market Forecast 2025–2032"),
        ("The biotechnology sectorâ€™s reliance", "The biotechnology sector’s reliance"),
        (
            "reporting approximately â‚¬1.03 billion in sales",
            "reporting approximately €1.03 billion in sales",
        ),
        (
            "ðŸ“Œ Interested in country-wise market projections",
            " Interested in country-wise market projections",
        ),
        ("cafÃ© and naÃ¯ve", "café and naïve"),
        ("market&rsquo;s", "market’s"),
    ],
)
def test_repair(broken, fixed):
    assert repair(broken) == fixed


def test_doubly_escaped_entities_are_decoded():
    (block,) = parse("<p>The market&amp;rsquo;s trajectory&amp;mdash;upward</p>").blocks
    assert block.text == "The market’s trajectory—upward"


def test_repair_leaves_correct_text_alone():
    text = "The market’s “growth” — 2025–2032, €5 billion, café, 東京"
    assert repair(text) == text


def test_seed_004_text_is_repaired_in_the_blocks():
    texts = [block.text for block in parse(seed_text("004")).blocks]
    assert texts[0].endswith("Market Forecast 2025–2032")
    assert any("market’s trajectory" in t for t in texts)
    assert not any("â€" in t or "ðŸ" in t for t in texts)


def test_tracking_parameters_are_stripped():
    url = (
        "https://www.reliablemarketforecast.com/contract-manufacturing-organization-services-r1708502"
        "?utm_campaign=1578&utm_medium=2&utm_source=Github&utm_content=ia&utm_term=21102024"
    )
    assert strip_tracking(url) == url.split("?")[0]
    assert (
        strip_tracking("https://a.example/p?id=3&utm_source=x&gclid=1")
        == "https://a.example/p?id=3"
    )


def test_email_detection():
    assert has_email("Email: sales@credenceresearch.com")
    assert not has_email("@ https://www.verifiedmarketreports.com")


def test_furniture_is_removed_from_every_seed():
    for prefix in ("000", "001", "002", "003", "004"):
        texts = " ".join(block.text for block in blocks_of(seed_text(prefix)))
        for furniture in (
            "Sample",
            "Purchase this Report",
            "Inquire",
            "Visit @",
            "About Us",
            "Pune",
            "sales@",
            "Verbena",
            "Check more reports",
            "Click here",
        ):
            assert furniture not in texts, (prefix, furniture)


def test_a_long_paragraph_loses_only_its_call_to_action_sentence():
    long = " ".join(["The market grows as outsourcing rises across all regions."] * 12)
    blocks = blocks_of(f"<p>{long} Click here for the full report.</p>")
    assert blocks[0].text == long


def test_bold_openings_become_leads():
    (driver,) = [
        b
        for b in parse(seed_text("004")).blocks
        if b.kind == ITEM and b.lead == "Rising Demand for Biologics and Biosimilars"
    ]
    assert driver.rest.startswith("The North America biopharmaceuticals contract manufacturing")
    catalent = next(b for b in parse(seed_text("002")).blocks if b.lead == "Catalent")
    assert catalent.text.startswith("Catalent is a significant player")


def test_bold_paragraphs_act_as_headings():
    blocks = parse(seed_text("002")).blocks
    heading = next(b for b in blocks if b.text.startswith("What Are The Key Opportunities"))
    assert (heading.kind, heading.level) == (HEADING, BOLD_LEVEL)


def test_markdown_and_plain_text_blocks():
    text = (
        "# Global X Market\n\nIntro paragraph.\n\n## Key Players\n\n- **Lonza** – Swiss CDMO\n"
        "- Catalent\n\n1. first\n2. second\n\n• bullet one\n• bullet two\n"
    )
    blocks = parse(text).blocks
    assert [(b.kind, b.text) for b in blocks[:3]] == [
        (HEADING, "Global X Market"),
        (PARA, "Intro paragraph."),
        (HEADING, "Key Players"),
    ]
    assert (blocks[3].lead, blocks[3].rest) == ("Lonza", "Swiss CDMO")
    assert [b.text for b in blocks if b.kind == ITEM][-2:] == ["bullet one", "bullet two"]


def test_truncation_is_detected_only_inside_a_tag():
    assert looks_truncated("<p>The market was <a hre")
    assert not looks_truncated("<p>The market was valued at</p>")
    assert not looks_truncated("Growth < 5% in 2023")


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "United States Biopharmaceutical CMO Services Market By Application",
            (SEGMENTS, "Application"),
        ),
        (
            "The Contract Manufacturing Organization Services Market Analysis by types is "
            "segmented into:",
            (SEGMENTS, "Type"),
        ),
        ("Based on Scale of Operation:", (SEGMENTS, "Scale of Operation")),
        ("Based on the Geography:", (REGIONS, None)),
        ("Top United States CMO/CDMO Market Companies", (COMPANIES, None)),
        (
            "What Are The Key Opportunities For Contract Manufacturing Organization Services "
            "Manufacturers?",
            ("opportunities", None),
        ),
        (
            "In terms of Region, the Contract Manufacturing Organization Services Market Players "
            "available by Region are:",
            (REGIONS, None),
        ),
        ("Clinical Manufacturing", ("other", None)),
        ("Frequently Asked Questions (FAQs)", ("faq", None)),
    ],
)
def test_heading_classification(heading, expected):
    assert classify(heading) == expected


def test_names_from_titles_and_sentences():
    assert (
        name_from_heading(
            "Contract Bio-manufacturing Organization (CMO) Market Size Focuses on Market Dynamics"
        )
        == "Contract Bio-manufacturing Organization (CMO) Market"
    )
    assert (
        name_from_heading(
            "Future of Biopharmaceutical Contract Manufacturing in North America: Market Forecast"
        )
        is None
    )
    sentence = "The North America biopharmaceuticals contract manufacturing market is poised."
    assert name_from_sentence(sentence) == (
        "North America Biopharmaceuticals Contract Manufacturing Market"
    )
    assert name_from_sentence("Overall, the market is projected to expand significantly.") is None


@pytest.mark.parametrize(
    ("name", "geography"),
    [
        ("North America Biopharmaceuticals Contract Manufacturing Market", "North America"),
        ("United States CMO/CDMO Market", "United States"),
        ("U.S. Biologics CDMO Market", "United States"),
        ("Asia-Pacific Cell Therapy Manufacturing Market", "Asia-Pacific"),
        ("Germany Pharmaceutical Packaging Market", "Germany"),
        ("Global Contract Research Market", "Global"),
        ("Contract Manufacturing Organization Services Market", "Global"),
        ("Biosimilars Market in Europe", "Europe"),
    ],
)
def test_geography_from_the_name(name, geography):
    assert geography_of(name) == geography


def test_placeholders_and_sentence_starts_are_not_companies():
    sections = build_sections(
        blocks_of(
            "<p><strong>Key Players</strong></p><ul><li>Key Player I</li><li>Company A</li>"
            "<li>Lonza</li><li>Others</li></ul>"
            "<p>Overall, the market grows. Fujifilm aims to expand.</p>"
        )
    )
    scan = extract_companies(sections)
    assert [c.name for c in scan.companies] == ["Lonza"]
    assert [(w.code, w.args) for w in scan.warnings] == [
        ("placeholder-names", {"names": ["Key Player I", "Company A"]})
    ]
    assert scan.warnings[0].text == "dropped placeholder company names: Key Player I, Company A"


def test_players_sentence_stops_at_the_first_non_name():
    sections = build_sections(
        blocks_of(
            "<p>Key players in this competitive landscape include Abzena, Althea, Asymchem "
            "Laboratories, Baxter Biopharma Solutions, and Lonza Group, among others. Players like "
            "Althea and Cytovance Biologics are also poised to benefit.</p>"
            "<p>Leading companies such as Thermo Fisher Scientific, Inc. and Catalent, Inc. "
            "expand.</p>"
        )
    )
    assert [c.name for c in extract_companies(sections).companies] == [
        "Abzena",
        "Althea",
        "Asymchem Laboratories",
        "Baxter Biopharma Solutions",
        "Lonza Group",
        "Cytovance Biologics",
        "Thermo Fisher Scientific, Inc.",
        "Catalent, Inc.",
    ]


def test_regions_respectively_and_split_country_names():
    text = seed_text("003")
    sections = build_sections(blocks_of(text))
    sentence = (
        "The Contract Bio-manufacturing Organization (CMO) market is experiencing significant "
        "growth across various regions, with North America and Europe leading in market share at "
        "approximately 40% and 30%, respectively."
    )
    repairs = reliable_market_forecast.TEMPLATE.list_repairs  # the seed's publisher
    regions, _ = extract_regions(sections, [Sentence(sentence, REGIONS)], "Global", repairs)
    shares = {r.name: r.share_percent for r in regions if r.share_percent}
    assert shares == {"North America": 40, "Europe": 30}
    mea = next(r for r in regions if r.name == "Middle East & Africa")
    assert mea.countries == ["Turkey", "Saudi Arabia", "UAE"]  # Korea is Asia-Pacific's
