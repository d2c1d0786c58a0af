"""The long `facts.csv` download: one row per figure, with everything needed to cite it.

`markets.csv` gives one row per market, which suits a comparison table but drops every figure
beyond the headline and everything an analyst checks before citing one (the bound, the rate a
conversion used, whether the sentence named the market's place, the sentence itself). Here each
size, CAGR and revenue is a row of its own, for filtering and pivoting in a spreadsheet.
"""

from __future__ import annotations

from builder.index import Index
from builder.schema import Conversion, Market
from builder.store import Brief
from builder.text import period

HEADER = [
    "subject_type",
    "subject",
    "subject_name",
    "market",
    "kind",
    "year",
    "period",
    "value",
    "currency",
    "unit",
    "stated_as",
    "qualifier",
    "usd_millions",
    "rate_usd_per_unit",
    "rate_year",
    "scope_stated",
    "quote",
    "source_file",
]


def _rate(conversion: Conversion | None) -> list[object]:
    return [conversion.usd_per_unit, conversion.year] if conversion else ["", ""]


def _scope(stated: bool | None) -> str:
    return "" if stated is None else str(stated).lower()


def _market_rows(market: Market) -> list[list[object]]:
    head = ["market", market.slug, market.name, market.slug]
    rows: list[list[object]] = [
        [*head, size.kind, size.year or "", "", "", "", "", size.original, size.qualifier or "",
         size.usd_millions, *_rate(size.conversion), _scope(size.scope_stated), size.quote,
         market.source.file]
        for size in market.size
    ]  # fmt: skip
    cagr = market.cagr
    if cagr:
        rows.append(
            [*head, "cagr", cagr.end_year or "", period(cagr.start_year, cagr.end_year),
             cagr.percent, "", "percent", "", "", "", "", "", _scope(cagr.scope_stated),
             cagr.quote, market.source.file]
        )  # fmt: skip
    return rows


def facts_rows(brief: Brief, index: Index) -> list[list[object]]:
    """Markets in page order with their figures, then companies with their revenues; a
    revenue stated for another company (its group) is that company's row."""
    rows = [row for slug in index.market_order for row in _market_rows(brief.markets[slug])]
    for slug in index.company_order:
        company = brief.companies[slug]
        owners = index.revenue_owner.get(slug, {})
        for mention in company.mentions:
            market = brief.markets.get(mention.market)
            source = market.source.file if market else mention.report
            for revenue in mention.revenues:
                owner = brief.companies.get(owners.get(revenue.subject or "", ""), company)
                rows.append(
                    ["company", owner.slug, owner.name, mention.market, "revenue",
                     revenue.year or "", "", revenue.amount, revenue.currency, revenue.unit,
                     "", revenue.qualifier or ("about" if revenue.approximate else ""),
                     revenue.usd_millions, *_rate(revenue.conversion), "", revenue.quote,
                     source]
                )  # fmt: skip
    return rows
