"""What pages show, worked out before any template runs: literal values from the small brief."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from builder.index import build_index
from builder.schema import Revenue
from builder.views import (
    appearance,
    compare_rows,
    evidence,
    found,
    full_stop,
    matrix,
    revenue_qualifier,
    search_names,
    segments,
)
from builder.wording import extracted

sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
from make_brief import SCRIPT, TEMPLATE, make_brief


@pytest.mark.parametrize(
    ("text", "stop"),
    [("Demand", "."), ("Demand.", ""), ("Why now?", ""), ("Key drivers:", "")],
)
def test_a_title_gets_a_full_stop_unless_it_ends_a_sentence(text, stop):
    assert full_stop(text) == stop


def test_an_approximate_revenue_reads_about_unless_the_report_gives_a_bound():
    # Recipharm's "reporting approximately €1.03 billion in sales"
    revenue = Revenue(
        amount=1.03, currency="EUR", usd_millions=1114.87, approximate=True, quote="x"
    )
    assert revenue_qualifier(revenue) == "about"
    assert revenue_qualifier(revenue.model_copy(update={"qualifier": "more_than"})) == "more_than"
    assert revenue_qualifier(revenue.model_copy(update={"approximate": False})) is None


def test_what_extraction_found_is_counted_then_said():
    widgets = make_brief().markets["widgets-market"]
    counts = found(widgets, companies=3)
    assert counts == {
        "size": 1,
        "forecast": 1,
        "cagr": 1,
        "segments": 2,
        "regions": 2,
        "companies": 3,
        "drivers": 1,
        "trends": 1,
        "challenges": 1,
        "opportunities": 0,
        "outlook": 1,
        "faq": 1,
    }
    assert extracted(counts) == (
        "size and forecast, CAGR, 2 segment dimensions, 2 regions, 3 companies, 1 driver, "
        "1 trend, 1 challenge, 1 outlook point, 1 FAQ"
    )
    assert extracted(dict.fromkeys(counts, 0)) == "no figures"


def test_each_figure_is_listed_with_its_sentence_under_the_anchor_the_headline_links():
    widgets = make_brief().markets["widgets-market"]
    assert [(e.anchor, e.figures) for e in evidence(widgets)] == [
        ("source-1", [("Market size, 2022: USD 1,200 million", "USD 1.2 billion")]),
        ("source-2", [("Forecast, 2030: USD 2,400 million", "USD 2.4 billion")]),
        ("source-3", [("Other figure, 2023: USD 1,500 million", "$1.5 billion")]),
        ("source-4", [("Growth: 9.05% CAGR, 2023–2030", None)]),
        ("source-5", [("Europe: 40.0%", None)]),
    ]
    assert evidence(widgets)[3].quote == f"CAGR of 9.05% {TEMPLATE}"


def test_a_segment_summary_the_market_summary_already_says_is_not_repeated():
    widgets = make_brief().markets["widgets-market"]
    application = widgets.segments[0]
    application.summary = "Widgets are growing."  # the market's summary begins with it
    widgets.segments[1].summary = "Drug substance leads."
    views = segments(widgets, {"Application": "application"})
    assert [(v.page, v.summary) for v in views] == [
        ("application", None),
        (None, "Drug substance leads."),
    ]


def test_a_company_page_lists_the_names_written_and_drops_a_quote_its_description_holds():
    brief = make_brief()
    alpha = brief.companies["alpha"]
    index = build_index(brief)
    mentions = alpha.mentions
    shown = appearance(alpha, brief.markets["widgets-market"], mentions, index, owners={})
    assert shown.written == ["Alpha Corporation"]
    assert shown.geography.label == "Europe"
    (revenue,) = shown.mentions[0].revenues
    assert revenue.quote == "reporting approximately €1.03 billion in sales"
    mentions[
        0
    ].description = "Alpha, reporting approximately €1.03 billion in sales, makes widgets."
    shown = appearance(alpha, brief.markets["widgets-market"], mentions, index, owners={})
    assert shown.mentions[0].revenues[0].quote is None


def test_names_with_spaces_are_also_searchable_without_them():
    alpha = make_brief().companies["alpha"]
    assert search_names(alpha) == [
        "AlphaCorp",
        "AlphaCorporation",
        "AlphaA|B*notbold*_northis_[nor](alink)",
    ]


def test_compare_rows_give_the_stated_years_and_the_growth_the_figures_imply():
    brief = make_brief()
    rows = compare_rows([brief.markets["widgets-market"], brief.markets["gadgets-market"]])
    assert [(r.market.slug, r.years) for r in rows] == [
        ("widgets-market", "2023–2030"),
        ("gadgets-market", ""),
    ]
    # 1,200 doubling to 2,400 in eight years; 500 tripling to 1,500 in ten
    assert rows[0].implied == pytest.approx(9.0508, abs=1e-4)
    assert rows[1].implied == pytest.approx(11.6123, abs=1e-4)


def test_the_matrix_says_when_companies_or_markets_are_left_out():
    brief = make_brief()
    index = build_index(brief)
    whole = matrix(brief.markets, brief.companies, index, max_rows=40, max_columns=12)
    assert whole.whole
    assert [m.slug for m in whole.columns] == index.market_order
    assert {r.company.slug: (r.markets, r.ticks) for r in whole.rows} == {
        "beta": (2, (True, True)),
        "gamma": (2, (True, True)),
        "alpha": (1, (False, True)),
    }
    part = matrix(brief.markets, brief.companies, index, max_rows=2, max_columns=12)
    assert not part.whole and [r.company.slug for r in part.rows] == ["beta", "gamma"]
    assert SCRIPT in part.columns[1].name
