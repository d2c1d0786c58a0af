"""The downloads: markets, companies, facts and checks as CSV, and all data as JSON.

Each CSV declares its columns once, each header beside what fills it, and guards every cell
against spreadsheet formulas. `downloads` yields them as (path under docs, text), as
`builder.site.generate_site` yields pages.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from pydantic_core import to_json

from builder.charts import lead_size
from builder.checks import Checks
from builder.facts import HEADER as FACTS_HEADER
from builder.facts import facts_rows
from builder.index import Index
from builder.paths import PAGES
from builder.schema import SCHEMA_VERSION, Company, Market, Revenue, SizeFigure
from builder.store import Brief


def _cell(value: object) -> object:
    """A CSV cell no spreadsheet will run as a formula, in any locale.

    Where ";" separates fields (many European locales), every ";"-separated part of a cell
    starts a cell of its own, so each part is guarded, not only the first.
    """
    if not isinstance(value, str):
        return value
    return ";".join(
        "'" + part if part.lstrip(" ")[:1] in ("=", "+", "-", "@", "\t", "\r") else part
        for part in value.split(";")
    )


def csv_text(header: list[str], rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return out.getvalue()


Row = TypeVar("Row")
Columns = tuple[tuple[str, Callable[[Row], object]], ...]
"""A download's columns: each header beside what fills it, so the two cannot drift apart."""


def _table(columns: Columns[Row], items: Iterable[Row]) -> str:
    """A CSV of one row per item, with the header even when there is no item."""
    return csv_text(
        [name for name, _ in columns], [[fill(item) for _, fill in columns] for item in items]
    )


@dataclass(frozen=True)
class _MarketLine:
    market: Market
    base: SizeFigure | None
    forecast: SizeFigure | None
    companies: list[str]


def _optional(value: object) -> object:
    """An empty cell for a value a report does not give."""
    return "" if value is None else value


MARKET_COLUMNS: Columns[_MarketLine] = (
    ("slug", lambda r: r.market.slug),
    ("name", lambda r: r.market.name),
    ("geography", lambda r: r.market.geography),
    ("publisher", lambda r: r.market.publisher),
    ("base_year", lambda r: _optional(r.base and r.base.year)),
    ("base_usd_millions", lambda r: _optional(r.base and r.base.usd_millions)),
    ("forecast_year", lambda r: _optional(r.forecast and r.forecast.year)),
    ("forecast_usd_millions", lambda r: _optional(r.forecast and r.forecast.usd_millions)),
    ("cagr_percent", lambda r: _optional(r.market.cagr and r.market.cagr.percent)),
    ("cagr_start_year", lambda r: (r.market.cagr and r.market.cagr.start_year) or ""),
    ("cagr_end_year", lambda r: (r.market.cagr and r.market.cagr.end_year) or ""),
    ("companies", lambda r: ";".join(r.companies)),
    ("source_file", lambda r: r.market.source.file),
    ("source_url", lambda r: r.market.source.url or ""),
    ("base_qualifier", lambda r: (r.base and r.base.qualifier) or ""),
    ("forecast_qualifier", lambda r: (r.forecast and r.forecast.qualifier) or ""),
)


def markets_csv(brief: Brief, index: Index) -> str:
    lines = (
        _MarketLine(m, lead_size(m, "base"), lead_size(m, "forecast"), index.companies_of[m.slug])
        for m in (brief.markets[s] for s in index.market_order)
    )
    return _table(MARKET_COLUMNS, lines)


def _latest_revenue(company: Company) -> tuple[Revenue, str] | None:
    """The company's own revenue of the latest year a report states, and that report's market.

    A revenue of a part of the company (`subject`, e.g. one division) is not the company's.
    """
    stated = [
        (r, m.market) for m in company.mentions for r in m.revenues if not r.subject and r.year
    ]
    return max(stated, key=lambda found: found[0].year or 0, default=None)


@dataclass(frozen=True)
class _CompanyLine:
    company: Company
    markets: list[str]
    subsidiaries: list[str]
    latest: tuple[Revenue, str] | None


COMPANY_COLUMNS: Columns[_CompanyLine] = (
    ("slug", lambda r: r.company.slug),
    ("name", lambda r: r.company.name),
    ("aliases", lambda r: ";".join(r.company.aliases)),
    ("markets", lambda r: ";".join(r.markets)),
    ("parent", lambda r: r.company.parent or ""),
    ("subsidiaries", lambda r: ";".join(r.subsidiaries)),
    ("revenue_year", lambda r: r.latest[0].year if r.latest else ""),
    ("revenue_usd_millions", lambda r: r.latest[0].usd_millions if r.latest else ""),
    ("revenue_approximate", lambda r: r.latest[0].approximate if r.latest else ""),
    ("revenue_market", lambda r: r.latest[1] if r.latest else ""),
)


def companies_csv(brief: Brief, index: Index) -> str:
    lines = (
        _CompanyLine(
            c,
            index.markets_of[c.slug],
            index.subsidiaries_of.get(c.slug, []),
            _latest_revenue(c),
        )
        for c in (brief.companies[s] for s in index.company_order)
    )
    return _table(COMPANY_COLUMNS, lines)


def brief_json(brief: Brief) -> str:
    """All data after corrections, as the data files hold it."""
    dump = {
        "schema_version": SCHEMA_VERSION,
        "markets": [brief.markets[s] for s in sorted(brief.markets)],
        "companies": [brief.companies[s] for s in sorted(brief.companies)],
    }
    # pydantic's serializer writes what json.dumps(indent=1) would, several times faster
    return to_json(dump, indent=1, exclude_none=True).decode("utf-8") + "\n"


def downloads(brief: Brief, index: Index, checks: Checks) -> Iterator[tuple[str, str]]:
    """Every download but the charts' data, as (path under docs, text)."""
    yield PAGES["markets_csv"], markets_csv(brief, index)
    yield PAGES["companies_csv"], companies_csv(brief, index)
    yield PAGES["brief_json"], brief_json(brief)
    yield PAGES["facts_csv"], csv_text(FACTS_HEADER, facts_rows(brief, index))
    findings = [[f.kind, ";".join(f.markets), f.message] for f in checks.findings]
    yield PAGES["checks_csv"], csv_text(["kind", "markets", "message"], findings)
