"""Normalisation on figures and sentences taken from the seed reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.normalise import consistency_warning, convert, normalise
from builder.schema import (
    AliasFile,
    Cagr,
    Money,
    RateTable,
    RawCompany,
    RawRevenue,
    RawSize,
    ReportRecord,
    Source,
)
from builder.yamlio import load_model

ROOT = Path(__file__).resolve().parents[1]
RATES = load_model(ROOT / "data" / "fx_rates.yaml", RateTable)

# The Credence Research seed (004), as its headline sentence states it.
HEADLINE_004 = (
    "The North America biopharmaceuticals contract manufacturing market is poised for remarkable "
    "expansion, with its valuation expected to rise from USD 5,483.81 million in 2023 to USD "
    "19,927.57 million by 2032, registering an impressive CAGR of 15.42% during the forecast period."
)
RECIPHARM = (
    "**Recipharm**, a Sweden-based CMO, provides pharmaceutical development and manufacturing "
    "services worldwide, reporting approximately €1.03 billion in sales."
)


def record_004(**changes) -> ReportRecord:
    fields = dict(
        name="North America Biopharmaceuticals Contract Manufacturing Market",
        geography="North America",
        publisher="Credence Research",
        source=Source(file="004_80dc29c2d6d1c78a.txt", sha256="a" * 64),
        size=[
            RawSize(
                kind="base",
                year=2023,
                quote=HEADLINE_004,
                money=Money(
                    amount=5483.81, currency="USD", unit="million", original="USD 5,483.81 million"
                ),
            ),
            RawSize(
                kind="forecast",
                year=2032,
                quote=HEADLINE_004,
                money=Money(
                    amount=19927.57,
                    currency="USD",
                    unit="million",
                    original="USD 19,927.57 million",
                ),
            ),
        ],
        cagr=Cagr(percent=15.42, start_year=2025, end_year=2032, quote=HEADLINE_004),
        companies=[RawCompany(name="Lonza"), RawCompany(name="Catalent, Inc")],
    )
    fields.update(changes)
    return ReportRecord(**fields)


def usd_millions(money, year, rates):
    """The converted amount alone, as a size figure stores it."""
    converted = convert(money, year, rates)
    return converted[0] if converted else None


def test_billions_and_euros_convert_with_the_dated_table():
    assert usd_millions(
        Money(amount=10.56, currency="USD", unit="billion", original="USD 10.56 Billion"),
        2022,
        RATES,
    ) == pytest.approx(10560)
    euros = Money(amount=1.03, currency="EUR", unit="billion", original="€1.03 billion")
    assert usd_millions(euros, 2022, RATES) == pytest.approx(1084.59)  # 1.0530 USD per EUR
    # No year stated: the nearest year the table has, the latest one (2024: 1.0824).
    assert usd_millions(euros, None, RATES) == pytest.approx(1114.872)
    assert (
        usd_millions(
            Money(amount=1, currency="XYZ", unit="billion", original="XYZ 1 bn"), 2022, RATES
        )
        is None
    )


def test_a_converted_figure_keeps_the_rate_and_year_it_was_converted_at():
    # Recipharm's "approximately €1.03 billion in sales" states no year
    euros = Money(amount=1.03, currency="EUR", unit="billion", original="€1.03 billion")
    value, used = convert(euros, None, RATES)
    assert used is not None
    assert (used.currency, used.year, used.nearest) == ("EUR", 2024, True)
    assert used.usd_per_unit == 1.0824
    assert value == pytest.approx(1114.872)
    _, used = convert(euros, 2022, RATES)
    assert used is not None and (used.year, used.nearest) == (2022, False)
    # a figure in USD needs no rate
    usd = Money(amount=2.5, currency="USD", unit="billion", original="$2.5 billion")
    assert convert(usd, None, RATES) == (2500.0, None)
    record = record_004(
        companies=[
            RawCompany(
                name="Recipharm",
                revenues=[RawRevenue(money=euros, quote=RECIPHARM, approximate=True)],
            )
        ]
    )
    (company,) = normalise([record], RATES, AliasFile()).companies
    (revenue,) = company.mentions[0].revenues
    assert revenue.conversion is not None and revenue.conversion.year == 2024


def test_headline_figures_of_004_are_consistent():
    data = normalise([record_004()], RATES, AliasFile())
    market = data.markets[0]
    assert [(s.kind, s.year, s.usd_millions) for s in market.size] == [
        ("base", 2023, 5483.81),
        ("forecast", 2032, 19927.57),
    ]
    assert market.size[0].original == "USD 5,483.81 million"
    assert market.size[0].quote == HEADLINE_004
    assert consistency_warning(market) is None
    assert market.slug == "north-america-biopharmaceuticals-contract-manufacturing-market"


def test_figures_that_do_not_add_up_are_warned_about():
    cagr = Cagr(percent=7.5, quote=HEADLINE_004)
    market = normalise([record_004(cagr=cagr)], RATES, AliasFile()).markets[0]
    (check,) = [w for w in market.warnings if w.code == "figures-do-not-add-up"]
    # 5,483.81 grown at 7.5% a year over 2023-2032 is 10,514 against 19,927.57 stated: -47%
    assert check.args == {
        "base": "USD 5,483.81 million",
        "base_year": 2023,
        "percent": 7.5,
        "implied": 10514,
        "forecast_year": 2032,
        "gap": -0.4724,
        "forecast": "USD 19,927.57 million",
    }
    assert check.text == (
        "Figures do not add up: USD 5,483.81 million in 2023 growing at 7.5% a year gives "
        "USD 10,514 million by 2032, -47% against the stated USD 19,927.57 million."
    )


def test_companies_get_slugs_mentions_and_converted_revenue():
    revenue = RawRevenue(
        money=Money(amount=1.03, currency="EUR", unit="billion", original="€1.03 billion"),
        approximate=True,
        quote=RECIPHARM,
    )
    record = record_004(
        companies=[RawCompany(name="Recipharm", description=RECIPHARM, revenues=[revenue])]
    )
    data = normalise([record], RATES, AliasFile())
    (company,) = data.companies
    assert company.slug == "recipharm" and data.markets[0].companies == ["recipharm"]
    (mention,) = company.mentions
    assert mention.market == data.markets[0].slug
    assert mention.report == "004_80dc29c2d6d1c78a.txt"
    assert mention.revenues[0].currency == "EUR"
    assert mention.revenues[0].usd_millions == pytest.approx(1114.872)  # 2024's 1.0824 USD/EUR


def test_parent_relation_is_kept_not_merged():
    record = record_004(
        companies=[
            RawCompany(name="Patheon", parent_name="Thermo Fisher Scientific"),
            RawCompany(name="Thermo Fisher Scientific, Inc."),
        ]
    )
    data = normalise([record], RATES, AliasFile())
    by_slug = {c.slug: c for c in data.companies}
    assert by_slug["patheon"].parent == "thermo-fisher-scientific"
    assert by_slug["thermo-fisher-scientific"].subsidiaries == ["patheon"]


def test_identical_reports_make_one_market_with_a_warning():
    first = record_004()
    copy = record_004(source=Source(file="zzz_copy.txt", sha256="a" * 64))
    data = normalise([copy, first], RATES, AliasFile())
    assert len(data.markets) == 1
    assert [(w.code, w.args) for w in data.markets[0].warnings] == [
        ("identical-copy", {"file": "zzz_copy.txt"})
    ]


def test_same_name_from_two_reports_gives_two_unique_slugs():
    other = record_004(source=Source(file="005_other.txt", sha256="b" * 64))
    data = normalise([record_004(), other], RATES, AliasFile())
    slugs = [m.slug for m in data.markets]
    assert len(set(slugs)) == 2
    assert slugs[0] == "north-america-biopharmaceuticals-contract-manufacturing-market"
