"""What a page shows, worked out in Python, so the templates in `site_templates/` only lay out.

A template is handed finished values: which figures a sentence supports, which reports sit
side by side, which names a company went by, whether a quote is already in the text above
it. Choosing, counting and comparing happen here, where they can be tested without
rendering a page, and a project that overrides a template (see `builder.render`) gets the
same values without copying any logic. The words of the few sentences made in Python are
in `builder.wording`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.charts import lead_size
from builder.checks import Consensus
from builder.growth import implied_factor
from builder.index import Group, Index
from builder.schema import Company, Market, Mention, Revenue, Segment
from builder.text import period
from builder.wording import growth_label, region_label, size_label

SENTENCE_ENDS = ".:!?"


def full_stop(text: str) -> str:
    """The full stop a title or a list needs after `text`, or nothing when it ends a sentence
    already ("Biologics." or "Why now?" need none)."""
    return "" if text[-1:] in SENTENCE_ENDS else "."


def revenue_qualifier(revenue: Revenue) -> str | None:
    """The bound a revenue is stated with; "about" for an approximate one without a bound."""
    return revenue.qualifier or ("about" if revenue.approximate else None)


def implied_cagr(market: Market) -> float | None:
    """Growth implied by the stated base and forecast, to set beside the stated CAGR."""
    base, forecast = lead_size(market, "base"), lead_size(market, "forecast")
    if not base or not forecast or forecast.year <= base.year:  # type: ignore[operator]
        return None
    years = forecast.year - base.year  # type: ignore[operator]
    factor = implied_factor(base.usd_millions, forecast.usd_millions, years)
    return None if factor is None else (factor - 1) * 100


def found(market: Market, companies: int) -> dict[str, int]:
    """What extraction found in one report, counted (`builder.wording.extracted` says it)."""
    kinds = {s.kind for s in market.size}
    return {
        "size": int("base" in kinds),
        "forecast": int("forecast" in kinds),
        "cagr": int(market.cagr is not None),
        "segments": len(market.segments),
        "regions": len(market.regions),
        "companies": companies,
        "drivers": len(market.drivers),
        "trends": len(market.trends),
        "challenges": len(market.challenges),
        "opportunities": len(market.opportunities),
        "outlook": len(market.outlook),
        "faq": len(market.faq),
    }


# --- A market page --------------------------------------------------------------------------


@dataclass
class Evidence:
    """Figures stated in one sentence, shown once above that sentence."""

    quote: str
    figures: list[tuple[str, str | None]]  # (what and how much, the text as the report wrote it)
    anchor: str = ""
    """The id the sentence has on the page, which the headline figures link to."""


def evidence(market: Market) -> list[Evidence]:
    """Each figure of a market with the sentence it came from; one sentence, one entry."""
    found: dict[str, Evidence] = {}

    def add(quote: str | None, label: str, original: str | None = None) -> None:
        if quote:
            found.setdefault(quote, Evidence(quote, [])).figures.append((label, original))

    for size in market.size:
        add(size.quote, size_label(market, size), size.original)
    if market.cagr:
        add(market.cagr.quote, growth_label(market, market.cagr))
    for region in market.regions:
        add(region.quote, region_label(region))
    for number, item in enumerate(found.values(), 1):
        item.anchor = f"source-{number}"
    return list(found.values())


def citations(market: Market, found: list[Evidence]) -> dict[str, str]:
    """The anchor of the sentence each headline figure (base, forecast, cagr) comes from."""
    by_quote = {item.quote: item.anchor for item in found}
    quotes = {
        kind: getattr(lead_size(market, kind), "quote", None) for kind in ("base", "forecast")
    }
    quotes["cagr"] = market.cagr.quote if market.cagr else None
    return {kind: by_quote[q] for kind, q in quotes.items() if q in by_quote}


def market_revenues(slug: str, companies: list[Company], index: Index) -> dict[str, list[Revenue]]:
    """Per company of a market, the revenues its report gives the company: its own (not a
    division's) and those stated under another company's entry but found to be its own."""
    return {
        c.slug: [r for m in c.mentions if m.market == slug for r in m.revenues if not r.subject]
        + [a.revenue for a in index.attributed.get(c.slug, []) if a.market == slug]
        for c in companies
    }


@dataclass(frozen=True)
class SegmentView:
    """One dimension of a market's segments: the segments page it links to, if any, and its
    summary unless the market's summary already says it."""

    segment: Segment
    page: str | None
    summary: str | None


def segments(market: Market, dimension_slugs: dict[str, str | None]) -> list[SegmentView]:
    """The market's dimensions, with the slugs of the segments pages by dimension label."""
    said = market.summary or ""
    return [
        SegmentView(
            s,
            dimension_slugs.get(s.dimension),
            s.summary if s.summary and s.summary not in said else None,
        )
        for s in market.segments
    ]


@dataclass(frozen=True)
class ConsensusColumn:
    """One report of a consensus table: this page's own, or a link to another's page."""

    slug: str
    publisher: str
    label: str
    own: bool


def consensus_columns(
    consensus: Consensus, market: Market, others: dict[str, Market]
) -> list[ConsensusColumn]:
    """The reports of a consensus table, in its order, as the market's page heads them."""
    return [
        ConsensusColumn(
            slug,
            others[slug].publisher,
            f"{others[slug].publisher}, {others[slug].source.file}",
            slug == market.slug,
        )
        for slug in consensus.markets
    ]


# --- A company page -------------------------------------------------------------------------


def search_names(company: Company) -> list[str]:
    """The company's names written without their spaces ("ThermoFisher"), for search only."""
    return [name.replace(" ", "") for name in [company.name, *company.aliases] if " " in name]


@dataclass(frozen=True)
class RevenueView:
    """A revenue as a company page states it: whose it is, and its sentence unless the
    report's description of the company, shown above it, already quotes it."""

    revenue: Revenue
    owner: Company | None
    quote: str | None


@dataclass(frozen=True)
class MentionView:
    description: str | None
    revenues: list[RevenueView]


@dataclass(frozen=True)
class Appearance:
    """A market a company is named in, as the company's page shows it."""

    market: Market
    geography: Group
    publisher: Group
    written: list[str]
    """The names the report wrote the company as, where they differ from its display name."""
    mentions: list[MentionView] = field(default_factory=list)


def appearance(
    company: Company,
    market: Market,
    mentions: list[Mention],
    index: Index,
    owners: dict[str, Company],
) -> Appearance:
    """One market of a company's page; `owners` are the companies named as revenue subjects."""
    return Appearance(
        market,
        index.geography_of[market.slug],
        index.publisher_of[market.slug],
        [m.name_as_written for m in mentions if m.name_as_written != company.name],
        [
            MentionView(
                m.description,
                [
                    RevenueView(
                        r,
                        owners.get(r.subject) if r.subject else None,
                        None if r.quote in (m.description or "") else r.quote,
                    )
                    for r in m.revenues
                ],
            )
            for m in mentions
        ],
    )


# --- The compare page -----------------------------------------------------------------------


@dataclass(frozen=True)
class CompareRow:
    """A market on the compare page: the growth its own figures imply beside the stated one."""

    market: Market
    years: str
    """The stated CAGR's years, "2024–2031"; empty when the report gives none."""
    implied: float | None


def compare_rows(markets: list[Market]) -> list[CompareRow]:
    return [
        CompareRow(m, period(m.cagr.start_year, m.cagr.end_year) if m.cagr else "", implied_cagr(m))
        for m in markets
    ]


@dataclass(frozen=True)
class MatrixRow:
    company: Company
    markets: int
    ticks: tuple[bool, ...]
    """Per column of the matrix, whether the company is named in that market."""


@dataclass(frozen=True)
class Matrix:
    """The company x market matrix: the companies named in the most markets, across the
    markets that name most of them; `whole` when none is left out."""

    rows: list[MatrixRow]
    columns: list[Market]
    whole: bool


def matrix(
    brief_markets: dict[str, Market],
    companies: dict[str, Company],
    index: Index,
    max_rows: int,
    max_columns: int,
) -> Matrix:
    """The matrix of at most `max_rows` companies and `max_columns` markets."""
    rows = sorted(
        (c for c in index.company_order if index.markets_of.get(c)),
        key=lambda c: -len(index.markets_of[c]),
    )[:max_rows]
    counts = {m: sum(m in index.markets_of[c] for c in rows) for m in index.market_order}
    named = sorted((m for m in counts if counts[m]), key=lambda m: -counts[m])
    chosen = set(named[:max_columns])
    columns = [m for m in index.market_order if m in chosen]
    # a row without a tick would look like a company in no market: it is left out
    rows = [c for c in rows if chosen & set(index.markets_of[c])]
    with_markets = sum(1 for c in index.markets_of.values() if c)
    return Matrix(
        [
            MatrixRow(
                companies[c],
                len(index.markets_of[c]),
                tuple(m in index.markets_of[c] for m in columns),
            )
            for c in rows
        ],
        [brief_markets[m] for m in columns],
        len(rows) >= with_markets and len(columns) >= len(index.market_order),
    )
