"""Unknown publishers: the seeds' facts restated in other layouts and phrasings."""

from __future__ import annotations

import pytest

from builder.extract import extract_bytes
from builder.schema import ReportRecord

from .seeds import seed_text
from .variants import (
    ALL_FACTS,
    GLOBAL,
    NORTH_AMERICA,
    UNITED_STATES,
    Facts,
    html_report,
    markdown_report,
    plain_text_report,
)

LAYOUTS = {"markdown": markdown_report, "html": html_report, "text": plain_text_report}


def extract(text: str, name: str = "unknown.md") -> ReportRecord:
    return extract_bytes(text.encode("utf-8"), name)


def headline_fields(record: ReportRecord) -> tuple:
    return (
        record.name,
        record.geography,
        [(s.kind, s.year, s.money.amount, s.money.currency, s.money.unit) for s in record.size],
        record.cagr and (record.cagr.percent, record.cagr.start_year, record.cagr.end_year),
    )


def expected_headline(facts: Facts) -> tuple:
    return (
        facts.name,
        facts.geography,
        [
            ("base", facts.base[1], facts.base[0], facts.currency, facts.unit),
            ("forecast", facts.forecast[1], facts.forecast[0], facts.currency, facts.unit),
        ],
        (facts.cagr, *facts.period),
    )


@pytest.mark.parametrize("facts", ALL_FACTS, ids=lambda f: f.geography)
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("phrasing", range(4))
@pytest.mark.parametrize("money_style", range(5))
def test_headline_in_every_layout_phrasing_and_money_spelling(facts, layout, phrasing, money_style):
    if layout == "text":
        text = plain_text_report(facts, phrasing)
    else:
        text = LAYOUTS[layout](facts, phrasing, money_style)
    assert headline_fields(extract(text)) == expected_headline(facts)


@pytest.mark.parametrize("facts", ALL_FACTS, ids=lambda f: f.geography)
def test_markdown_lists_under_headings(facts):
    record = extract(markdown_report(facts))
    assert [c.name for c in record.companies] == list(facts.companies)
    assert [(s.dimension, tuple(s.values)) for s in record.segments] == list(facts.segments.items())
    assert [(r.name, tuple(r.countries)) for r in record.regions] == list(facts.regions.items())
    assert {r.name: r.share_percent for r in record.regions if r.share_percent} == facts.shares
    assert [d.title for d in record.drivers] == [
        "Rising Demand for Biologics and Biosimilars",
        "Focus on Cost Efficiency",
    ]
    assert len(record.challenges) == 1 and len(record.outlook) == 2


def test_unknown_publisher_is_named_from_its_own_words_and_links():
    record = extract(markdown_report(GLOBAL))
    assert record.publisher == "Acme Insights"
    assert record.source.url == (
        "https://www.acmeinsights.example/reports/contract-manufacturing-organization-services-market"
    )
    text = record.model_dump_json()
    assert "sales@" not in text and "Request a free sample" not in text and "555" not in text


def test_html_with_strong_company_paragraphs_and_players_sentence():
    record = extract(html_report(UNITED_STATES), "report.html")
    first, *others = UNITED_STATES.companies
    assert [c.name for c in record.companies] == [*others, first]
    described = next(c for c in record.companies if c.name == first)
    (revenue,) = described.revenues
    assert (revenue.money.amount, revenue.year, revenue.approximate) == (5.6, 2022, True)
    assert record.publisher == "Orbis Data"
    assert record.source.url.startswith("https://www.orbisdata.example/market-reports/")
    assert [(t.title, t.text) for t in record.trends] == [
        ("Single-use bioreactors", "adoption is accelerating."),
        ("Continuous processing", "shortens production cycles."),
    ]
    assert "Buy now" not in record.model_dump_json()


def test_plain_text_bullets_and_players_sentence():
    record = extract(plain_text_report(NORTH_AMERICA), "report.txt")
    assert [c.name for c in record.companies][:2] == ["Boehringer Ingelheim GmbH", "Lonza"]
    assert [t.text for t in record.trends] == [
        "Growing adoption of single-use technologies across facilities.",
        "Consolidation among contract manufacturers.",
    ]


def test_euro_report():
    facts = Facts(
        name="Germany Pharmaceutical Contract Manufacturing Market",
        geography="Germany",
        base=(4.2, 2023),
        forecast=(6.9, 2030),
        cagr=7.4,
        period=(2024, 2030),
        unit="billion",
        currency="EUR",
        companies=("Boehringer Ingelheim", "Vetter Pharma", "Rentschler Biopharma"),
    )
    for style in range(5):
        record = extract(markdown_report(facts, phrasing=style % 4, money_style=style))
        assert headline_fields(record) == expected_headline(facts)


def test_report_table_of_key_figures():
    text = """# Biologics CDMO Market Report

| Report Attribute | Details |
|---|---|
| Market size value in 2023 | USD 20.1 billion |
| Revenue forecast in 2030 | USD 41.6 billion |
| Growth rate | CAGR of 10.9% from 2024 to 2030 |

The biologics CDMO market is driven by outsourcing demand and the key players include
Lonza, Samsung Biologics and WuXi Biologics.
"""
    record = extract(text)
    assert record.name == "Biologics CDMO Market"
    assert [(s.kind, s.year, s.money.amount) for s in record.size] == [
        ("base", 2023, 20.1),
        ("forecast", 2030, 41.6),
    ]
    assert (record.cagr.percent, record.cagr.start_year, record.cagr.end_year) == (10.9, 2024, 2030)
    assert [c.name for c in record.companies] == ["Lonza", "Samsung Biologics", "WuXi Biologics"]


def test_headline_with_a_history_year_in_the_credence_layout():
    original = seed_text("004")
    start = original.index("is poised for remarkable expansion")
    end = original.index("during the forecast period.") + len("during the forecast period.")
    text = (
        original[:start]
        + "size was valued at USD 4,200.50 million in 2018 to USD 5,483.81 million in 2024 and "
        "is anticipated to reach USD 19,927.57 million by 2032, at a CAGR of 15.42% during the "
        "forecast period (2024-2032)." + original[end:]
    )
    record = extract(text, "004.txt")
    assert [(s.kind, s.year, s.money.amount) for s in record.size] == [
        ("base", 2024, 5483.81),
        ("forecast", 2032, 19927.57),
        ("other", 2018, 4200.5),
    ]
    assert (record.cagr.start_year, record.cagr.end_year) == (2024, 2032)
    assert record.warnings == []  # an earlier year's size is history, not a conflict


def test_global_market_is_named_without_global():
    original = seed_text("004")
    text = original.replace(
        "The North America biopharmaceuticals contract manufacturing market</a> is poised",
        "The global biopharmaceuticals contract manufacturing market</a> is poised",
    ).replace("North America: Market Forecast", "the World: Market Forecast")
    record = extract(text, "004.txt")
    assert (record.name, record.geography) == (
        "Biopharmaceuticals Contract Manufacturing Market",
        "Global",
    )


def test_rmf_layout_with_cagr_after_the_figure_and_example_countries():
    original = seed_text("002")
    text = original.replace(
        "is expected to grow at a CAGR of 7.5% during the forecast period",
        "is expected to grow annually by 7.5% (CAGR 2024 - 2031)",
    ).replace(
        "The APAC region is emerging rapidly, projected to capture around 30% market share",
        "Asia-Pacific, particularly China, Japan and India, is projected to capture around 30% "
        "market share",
    )
    record = extract(text, "002.txt")
    assert (record.cagr.percent, record.cagr.start_year, record.cagr.end_year) == (7.5, 2024, 2031)
    shares = {r.name: r.share_percent for r in record.regions if r.share_percent}
    assert shares == {"North America": 40, "Asia-Pacific": 30, "Europe": 25, "China": 5}


def test_company_items_with_descriptions_after_a_dash_or_colon():
    text = (
        "# Biologics CDMO Market Report 2024-2030\n\n"
        "The biologics CDMO market was valued at USD 20.1 billion in 2023 and is expected to "
        "reach USD 41.6 billion by 2030, at a CAGR of 10.9% from 2024 to 2030.\n\n"
        "## Key Players\n\n"
        "- Lonza Group AG – a Swiss CDMO with revenue of CHF 6.7 billion in 2023\n"
        "- Samsung Biologics: Korean CDMO\n"
        "- WuXi Biologics\n"
    )
    companies = extract(text).companies
    assert [c.name for c in companies] == ["Lonza Group AG", "Samsung Biologics", "WuXi Biologics"]
    (revenue,) = companies[0].revenues
    assert (revenue.money.currency, revenue.money.amount, revenue.year) == ("CHF", 6.7, 2023)
    assert companies[1].description == "Samsung Biologics: Korean CDMO"
    assert companies[2].description is None


def test_publisher_of_an_article_quoting_several_firms():
    # Real corpus text (tests/corpus/real/raw/46): the firm behind the first figures is the
    # publisher; the record says which other firms the article credits.
    text = (
        "According to Allied Market Research, the volume of the global information security "
        "market in 2021 reached $216.11 billion, and if the average annual growth rate (CAGR) "
        "remains at 9.5%, the market will reach $478.68 billion by 2030.\n\n"
        "According to the calculations of the consulting company Gartner, spending on "
        "cybersecurity in the world in 2021 increased by 13% and amounted to $172 billion, while "
        "in 2020 the growth rate of spending on information security was estimated at 8%.\n"
    )
    record = extract(text, "article.txt")
    assert record.publisher == "Allied Market Research"
    assert {"publisher": "Allied Market Research", "others": ["Gartner"]} in [
        w.args for w in record.warnings if w.code == "publisher-also-credited"
    ]
