"""Publisher hooks: a template's own headings and list repairs, applied only to its reports.

The seeds' list glitches ("Saudi" + "Arabia" in Reliable Market Forecast pages, a lone
"S." in Credence Research's) are mended by those templates' `list_repairs`; the same
list under a publisher without the repair is read as written.
"""

from __future__ import annotations

from builder.extract import extract_bytes
from builder.extract.document import parse
from builder.extract.publishers import credence_research, reliable_market_forecast
from builder.extract.publishers.repairs import rejoin_split_places, restore_lost_initial
from builder.extract.regions import extract_regions
from builder.extract.sections import OVERVIEW, TITLE, TRENDS, build_sections

# Seed 002 (Reliable Market Forecast): one country split over two list items.
_TITLE = "<h1>Contract Manufacturing Organization Services Market Size</h1>"
_SPLIT_LIST = (
    "<p><strong>In terms of Region, the Contract Manufacturing Organization Services Market "
    "Players available by Region are:</strong></p>"
    "<p> <strong> Middle East & Africa: </strong><ul><li>Turkey</li><li>Saudi</li>"
    "<li>Arabia</li><li>UAE</li></ul></p>"
)
# Seed 004 (Credence Research): "U.S." lost its "U.".
_LOST_U = (
    "<p><strong>Based on the Geography:</strong></p>"
    "<ul><li><strong>S.</strong></li><li><strong>Canada</strong></li>"
    "<li><strong>Mexico</strong></li></ul>"
)


def _countries(html: str, repairs=(), geography: str = "Global") -> list[tuple[str, list[str]]]:
    sections = build_sections(parse(_TITLE + html).blocks)
    regions, _ = extract_regions(sections, [], geography, repairs)
    return [(r.name, r.countries) for r in regions]


def test_repairs_mend_only_what_has_one_reading():
    assert rejoin_split_places(["Turkey", "Saudi", "Arabia", "UAE"]) == [
        "Turkey",
        "Saudi Arabia",
        "UAE",
    ]
    assert rejoin_split_places(["Mexico", "Brazil", "Argentina Korea"]) == [
        "Mexico",
        "Brazil",
        "Argentina Korea",
    ]
    assert restore_lost_initial(["S.", "Canada", "K."]) == ["U.S.", "Canada", "U.K."]


def test_split_country_is_rejoined_for_its_publisher_only():
    repairs = reliable_market_forecast.TEMPLATE.list_repairs
    assert _countries(_SPLIT_LIST, repairs) == [
        ("Middle East & Africa", ["Turkey", "Saudi Arabia", "UAE"])
    ]
    assert _countries(_SPLIT_LIST) == [
        ("Middle East & Africa", ["Turkey", "Saudi", "Arabia", "UAE"])
    ]


def test_lost_initial_is_restored_for_its_publisher_only():
    repairs = credence_research.TEMPLATE.list_repairs
    assert _countries(_LOST_U, repairs, "North America") == [
        ("North America", ["U.S.", "Canada", "Mexico"])
    ]
    assert _countries(_LOST_U, (), "North America") == [
        ("North America", ["S.", "Canada", "Mexico"])
    ]


def test_publisher_recognised_from_its_links_gets_its_repairs():
    html = (
        '<p>The <a href="https://www.credenceresearch.com/report/x-market">North America X '
        "market</a> is expected to rise from USD 5,483.81 million in 2023 to USD 19,927.57 "
        f"million by 2032, registering a CAGR of 15.42%.</p>{_LOST_U}"
    )
    record = extract_bytes(html.encode(), "x.html")
    assert record.publisher == "Credence Research"
    assert record.regions[0].countries == ["U.S.", "Canada", "Mexico"]


def test_heading_alias_overrides_the_generic_words():
    # Seed 002: its overview is headed "... Market Analysis and Latest Trends".
    html = _TITLE + (
        "<p><strong>Contract Manufacturing Organization Services Market Analysis and Latest "
        "Trends</strong></p><p>Contract Manufacturing Organization (CMO) services encompass "
        "outsourcing manufacturing processes to specialized firms.</p>"
    )
    blocks = parse(html).blocks
    assert [s.kind for s in build_sections(blocks)] == [TITLE, TRENDS]
    aliases = (("analysis and latest trends", OVERVIEW),)
    assert [s.kind for s in build_sections(blocks, aliases)] == [TITLE, OVERVIEW]
