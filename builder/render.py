"""Pages as Markdown text: data in, text out, through the Jinja templates in `site_templates/`.

Escaping is on by default rather than remembered per variable: every `{{ value }}` goes
through `builder.text.md` (the environment's `finalize`), and a value is written unescaped
only when Python code made it `Markup` (links, front matter). `autoescape` is on only so
that macros return `Markup`; it never escapes anything `md` has not already handled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from builder.charts import headline
from builder.checks import KINDS, Checks
from builder.growth import implied_factor
from builder.index import Index
from builder.normalise import consistency_warning
from builder.schema import Cagr, Conversion, Market, RateTable
from builder.store import Brief
from builder.text import (
    alt,
    anchor,
    count,
    front_matter,
    join,
    md,
    money,
    percent,
    period,
    safe_url,
    usd,
)

# --- Where pages live: one place, so links and the files yielded always agree ---------------


def market_page(slug: str) -> str:
    return f"markets/{slug}.md"


def company_page(slug: str) -> str:
    return f"companies/{slug}.md"


def dimension_page(slug: str) -> str:
    return f"browse/segments/{slug}.md"


def sources_page(anchor: str) -> str:
    """The reports of one publisher: one small page each, so one changed report re-renders
    one of them, not a list of every report."""
    return f"sources/{anchor}.md"


PAGES = {
    "home": "index.md",
    "markets": "markets/index.md",
    "companies": "companies/index.md",
    "compare": "compare.md",
    "geography": "browse/geography.md",
    "publishers": "browse/publishers.md",
    "segments": "browse/segments.md",
    "sources": "sources.md",
    "downloads": "downloads.md",
    "checks": "checks.md",
    "markets_csv": "downloads/markets.csv",
    "companies_csv": "downloads/companies.csv",
    "brief_json": "downloads/brief.json",
    "facts_csv": "downloads/facts.csv",
    "checks_csv": "downloads/checks.csv",
}


@dataclass(frozen=True)
class ChartRef:
    """A chart as a page shows it: where its SVG is and what it says in words."""

    kind: str
    path: str
    alt: str
    derivation: str = ""

    @property
    def data(self) -> str:
        """The chart's numbers as CSV, beside its SVG."""
        return self.path.removesuffix(".svg") + ".csv"


@dataclass
class SiteData:
    """Everything pages are made from, gathered before the first page is rendered."""

    brief: Brief
    index: Index
    charts: dict[str, list[ChartRef]] = field(default_factory=dict)
    rates: RateTable | None = None
    built: date = field(default_factory=date.today)
    problems: list[str] = field(default_factory=list)
    checks: Checks = field(default_factory=Checks)
    home_limit: int = 100
    matrix_rows: int = 40
    matrix_columns: int = 12


def relative(target: str, page: str) -> str:
    """The link from one docs-relative path to another (pure string work, no file system)."""
    folders, parts = page.split("/")[:-1], target.split("/")
    common = 0
    while common < min(len(folders), len(parts) - 1) and folders[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(folders) - common) + parts[common:])


@pass_context
def _link(context: Context, text: object, target: str, fragment: str = "") -> Markup:
    """A relative Markdown link from the page being rendered to another generated file."""
    href = relative(target, context["page"]) + (f"#{fragment}" if fragment else "")
    return Markup(f"[{md(text)}]({href})")


@pass_context
def _href(context: Context, target: str) -> Markup:
    return Markup(relative(target, context["page"]))


def make_environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=True,  # makes macros return Markup; `finalize` does the real escaping
        finalize=md,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(
        md=md, alt=alt, url=safe_url, money=money, usd=usd, percent=percent, join=join
    )
    env.globals.update(
        link=_link,
        href=_href,
        front_matter=front_matter,
        anchor=anchor,
        count=count,
        period=period,
        cagr_period=cagr_period,
        conversion_note=conversion_note,
        pages=PAGES,
        market_page=market_page,
        company_page=company_page,
        dimension_page=dimension_page,
        sources_page=sources_page,
    )
    return env


def implied_cagr(market: Market) -> float | None:
    """Growth implied by the stated base and forecast, to set beside the stated CAGR."""
    base, forecast = headline(market, "base"), headline(market, "forecast")
    if not base or not forecast or forecast.year <= base.year:  # type: ignore[operator]
        return None
    years = forecast.year - base.year  # type: ignore[operator]
    factor = implied_factor(base.usd_millions, forecast.usd_millions, years)
    return None if factor is None else (factor - 1) * 100


def extracted(market: Market, companies: int) -> str:
    """What extraction found in one report, in a few words, for the sources table."""
    found = []
    kinds = {s.kind for s in market.size}
    stated = [name for kind, name in (("base", "size"), ("forecast", "forecast")) if kind in kinds]
    if stated:
        found.append(" and ".join(stated))
    if market.cagr:
        found.append("CAGR")
    for items, one, many in (
        (market.segments, "segment dimension", ""),
        (market.regions, "region", ""),
        (range(companies), "company", "companies"),
        (market.drivers, "driver", ""),
        (market.trends, "trend", ""),
        (market.challenges, "challenge", ""),
        (market.opportunities, "opportunity", "opportunities"),
        (market.outlook, "outlook point", ""),
        (market.faq, "FAQ", "FAQs"),
    ):
        if items:
            found.append(count(len(items), one, many))
    return ", ".join(found) or "no figures"


@dataclass
class Evidence:
    """Figures stated in one sentence, shown once above that sentence."""

    quote: str
    figures: list[tuple[str, str | None]]  # (what and how much, the text as the report wrote it)
    anchor: str = ""
    """The id the sentence has on the page, which the headline figures link to."""


_PERIOD_ORIGINS = {
    "sentence": "years as stated with the rate",
    "title": "years from the report's title, not the rate's sentence",
    "report": "years from elsewhere in the report, not the rate's sentence",
}


def cagr_period(cagr: Cagr) -> str:
    """A CAGR's years with where they come from, and the years the report's own sizes give
    the rate over when those differ: "2025–2032 (years from the report's title, ...); the
    report's sizes give this rate over 2023–2032"."""
    years = period(cagr.start_year, cagr.end_year)
    text = (
        f"{years} ({_PERIOD_ORIGINS[cagr.period_source]})"
        if years and cagr.period_source
        else years
    )
    if cagr.supported_start_year and cagr.supported_end_year:
        supported = period(cagr.supported_start_year, cagr.supported_end_year)
        text = f"{text}; " if text else ""
        text += f"the report's sizes give this rate over {supported}"
    return text


def conversion_note(conversion: Conversion | None, year: int | None) -> str:
    """The rate a converted figure used, so no one cites a conversion as the report's number:
    "converted from EUR at 1.0824 USD per EUR, the 2024 rate (no year stated)"."""
    if conversion is None:
        return ""
    code = conversion.currency
    note = f"converted from {code} at {conversion.usd_per_unit:g} USD per {code}, the "
    note += f"{conversion.year} rate"
    if conversion.nearest:
        note += " (no year stated)" if year is None else f" (the nearest to {year} in the table)"
    return note


def _unscoped(market: Market, scope_stated: bool | None) -> str:
    """What an analyst must know before citing a figure whose sentence names no place."""
    if scope_stated is not False:
        return ""
    return f" (scope not stated: the sentence does not name {market.geography})"


def evidence(market: Market) -> list[Evidence]:
    """Each figure of a market with the sentence it came from; one sentence, one entry."""
    labels = {"base": "Market size", "forecast": "Forecast", "other": "Other figure"}
    found: dict[str, Evidence] = {}

    def add(quote: str | None, label: str, original: str | None = None) -> None:
        if quote:
            found.setdefault(quote, Evidence(quote, [])).figures.append((label, original))

    for size in market.size:
        year = f", {size.year}" if size.year else ""
        figure = money(size.usd_millions, size.qualifier) + _unscoped(market, size.scope_stated)
        if size.conversion:
            figure += f" ({conversion_note(size.conversion, size.year)})"
        add(size.quote, f"{labels[size.kind]}{year}: {figure}", size.original)
    if market.cagr:
        years = cagr_period(market.cagr)
        add(
            market.cagr.quote,
            f"Growth: {percent(market.cagr.percent)} CAGR"
            + (f", {years}" if years else "")
            + _unscoped(market, market.cagr.scope_stated),
        )
    for region in market.regions:
        share = f": {percent(region.share_percent)}" if region.share_percent is not None else ""
        add(region.quote, f"{region.name}{share}")
    for number, item in enumerate(found.values(), 1):
        item.anchor = f"source-{number}"
    return list(found.values())


def citations(market: Market, found: list[Evidence]) -> dict[str, str]:
    """The anchor of the sentence each headline figure (base, forecast, cagr) comes from."""
    by_quote = {item.quote: item.anchor for item in found}
    quotes = {kind: getattr(headline(market, kind), "quote", None) for kind in ("base", "forecast")}
    quotes["cagr"] = market.cagr.quote if market.cagr else None
    return {kind: by_quote[q] for kind, q in quotes.items() if q in by_quote}


def cite_line(market: Market, built: date) -> str:
    """How to cite a market's figures: report, publisher, the date the figures were taken
    from it, and the report's page; the report's own publication date is not extracted."""
    parts = [market.publisher, f"“{market.title or market.name}”", f"figures as of {built}"]
    if safe_url(market.source.url):
        parts.append(str(market.source.url).strip())
    return ", ".join(parts) + f" (report file {market.source.file})."


def market_description(market: Market) -> str:
    """One sentence from a market's own figures, for search engines and share previews."""
    base, forecast = headline(market, "base"), headline(market, "forecast")
    figures = []
    if base:
        figures.append(f"{money(base.usd_millions)} in {base.year}")
    if forecast:
        figures.append(f"forecast {money(forecast.usd_millions)} for {forecast.year}")
    if market.cagr:
        years = period(market.cagr.start_year, market.cagr.end_year)
        figures.append(f"CAGR {percent(market.cagr.percent)}" + (f" ({years})" if years else ""))
    text = f"{market.name} ({market.geography})"
    if figures:
        text += ": " + ", ".join(figures)
    return f"{text}. Report by {market.publisher}."


def company_description(name: str, markets: list[Market]) -> str:
    """Where a company is named, in one sentence."""
    if not markets:
        return f"{name}: named in no market of this brief."
    listed = ", ".join(m.name for m in markets[:3]) + (", ..." if len(markets) > 3 else "")
    return f"{name}: named in {count(len(markets), 'market report')}: {listed}."


class Pages:
    """Renders each page of the site from `SiteData`; returns Markdown text, touches no disk."""

    def __init__(self, env: Environment, data: SiteData) -> None:
        self.env = env
        self.data = data
        self.brief = data.brief
        self.index = data.index

    def _render(self, template: str, page: str, **context: object) -> str:
        return self.env.get_template(template).render(
            page=page,
            brief=self.brief,
            index=self.index,
            site=self.data,
            headline=headline,
            **context,
        )

    def market(self, slug: str) -> str:
        market = self.brief.markets[slug]
        found = evidence(market)
        companies = [self.brief.companies[c] for c in self.index.companies_of.get(slug, [])]
        revenues = {
            c.slug: [r for m in c.mentions if m.market == slug for r in m.revenues if not r.subject]
            + [a.revenue for a in self.index.attributed.get(c.slug, []) if a.market == slug]
            for c in companies
        }
        return self._render(
            "market.md.j2",
            market_page(slug),
            market=market,
            companies=companies,
            revenues=revenues,
            charts=self.data.charts.get(slug, []),
            geography=self.index.geography_of[slug],
            publisher=self.index.publisher_of[slug],
            override=slug in self.brief.applied_overrides,
            evidence=found,
            cited=citations(market, found),
            cite=cite_line(market, self.data.built),
            description=market_description(market),
            dimension_pages={s.dimension: self._dimension_of(s.dimension) for s in market.segments},
            edit_path=self._edit_path("markets", slug),
            **self._checks_of(market),
        )

    def _checks_of(self, market: Market) -> dict[str, object]:
        """The cross-report findings and the consensus table a market page shows, with the
        other markets they name (a check already among the market's warnings is not
        repeated)."""
        checks = self.data.checks
        check = consistency_warning(market)
        shown = check is not None and any(
            (w.code, w.args) == (check.code, check.args) for w in market.warnings
        )
        findings = [f for f in checks.of_market(market.slug) if not (f.kind == "cagr" and shown)]
        consensus = checks.consensus_of(market.slug)
        named = {s for f in findings for s in f.markets}
        named |= set(consensus.markets if consensus else ())
        return {
            "findings": findings,
            "consensus": consensus,
            "others": {s: self.brief.markets[s] for s in sorted(named) if s in self.brief.markets},
        }

    def _dimension_of(self, label: str) -> str | None:
        """The slug of the segments page of a dimension label, as the index groups labels."""
        wanted = " ".join(label.split()).casefold()
        return next((d.slug for d in self.index.dimensions if d.label.casefold() == wanted), None)

    def _edit_path(self, folder: str, slug: str) -> str:
        """The file a person edits to correct a page: its override (the data files under
        `data/{folder}/` are generated and rewritten by every extraction)."""
        return f"data/overrides/{slug}.yaml"

    def company(self, slug: str) -> str:
        company = self.brief.companies[slug]
        appearances = []
        for market_slug in self.index.markets_of.get(slug, []):
            mentions = [m for m in company.mentions if m.market == market_slug]
            appearances.append((self.brief.markets[market_slug], mentions))
        known = self.brief.companies
        attributed = [
            (self.brief.markets[a.market], known[a.named_under], a.revenue)
            for a in self.index.attributed.get(slug, [])
            if a.market in self.brief.markets and a.named_under in known
        ]
        owners = {
            subject: known[owner]
            for subject, owner in self.index.revenue_owner.get(slug, {}).items()
            if owner in known
        }
        return self._render(
            "company.md.j2",
            company_page(slug),
            company=company,
            attributed=attributed,
            owners=owners,
            appearances=appearances,
            parent=known.get(company.parent) if company.parent else None,
            subsidiaries=[known[s] for s in self.index.subsidiaries_of.get(slug, [])],
            peers=[(known[p], n) for p, n in self.index.peers.get(slug, [])],
            description=company_description(company.name, [m for m, _ in appearances]),
            # only the groups of its own markets, so a page is keyed on what it shows
            groups={
                m.slug: (self.index.geography_of[m.slug], self.index.publisher_of[m.slug])
                for m, _ in appearances
            },
            override=slug in self.brief.applied_overrides,
            edit_path=self._edit_path("companies", slug),
        )

    def home(self) -> str:
        markets = [self.brief.markets[s] for s in self.index.market_order]
        shown = markets
        if len(markets) > self.data.home_limit:
            shown = sorted(
                markets, key=lambda m: -(getattr(headline(m, "base"), "usd_millions", 0))
            )
            shown = shown[: self.data.home_limit]
        publishers = len(self.index.publishers)
        return self._render("home.md.j2", PAGES["home"], markets=shown, publishers=publishers)

    def markets(self) -> str:
        markets = [self.brief.markets[s] for s in self.index.market_order]
        return self._render("markets.md.j2", PAGES["markets"], markets=markets)

    def companies(self) -> str:
        companies = [self.brief.companies[s] for s in self.index.company_order]
        return self._render("companies.md.j2", PAGES["companies"], companies=companies)

    def compare(self) -> str:
        markets = [self.brief.markets[s] for s in self.index.market_order]
        rows = sorted(
            (c for c in self.index.company_order if self.index.markets_of.get(c)),
            key=lambda c: -len(self.index.markets_of[c]),
        )[: self.data.matrix_rows]
        counts = {
            m: sum(m in self.index.markets_of[c] for c in rows) for m in self.index.market_order
        }
        named = sorted((m for m in counts if counts[m]), key=lambda m: -counts[m])
        chosen = set(named[: self.data.matrix_columns])
        columns = [m for m in self.index.market_order if m in chosen]
        # a row without a tick would look like a company in no market: it is left out
        rows = [c for c in rows if chosen & set(self.index.markets_of[c])]
        return self._render(
            "compare.md.j2",
            PAGES["compare"],
            markets=markets,
            implied_cagr=implied_cagr,
            charts=self.data.charts.get("", []),
            matrix_rows=[self.brief.companies[c] for c in rows],
            matrix_columns=[self.brief.markets[m] for m in columns],
            companies_with_markets=sum(1 for c in self.index.markets_of.values() if c),
        )

    def groups(self, name: str) -> str:
        groups = self.index.geographies if name == "geography" else self.index.publishers
        return self._render("groups.md.j2", PAGES[name], kind=name, groups=groups)

    def segments(self) -> str:
        return self._render("segments.md.j2", PAGES["segments"], dimensions=self.index.dimensions)

    def dimension(self, position: int) -> str:
        dimension = self.index.dimensions[position]
        return self._render("dimension.md.j2", dimension_page(dimension.slug), dimension=dimension)

    def sources(self) -> str:
        rates = self.data.rates
        years = sorted({y for by_year in rates.rates.values() for y in by_year}) if rates else []
        return self._render(
            "sources.md.j2",
            PAGES["sources"],
            publishers=self.index.publishers,
            rates=rates,
            rate_years=years,
            currencies=list(rates.rates) if rates else [],
        )

    def source_group(self, position: int) -> str:
        """One publisher's reports, what extraction found in each and its warnings."""
        group = self.index.publishers[position]
        markets = sorted(
            (self.brief.markets[s] for s in group.markets), key=lambda m: (m.source.file, m.slug)
        )
        return self._render(
            "source_group.md.j2",
            sources_page(group.anchor),
            group=group,
            markets=markets,
            extracted={m.slug: extracted(m, len(self.index.companies_of[m.slug])) for m in markets},
        )

    def checks(self) -> str:
        checks = self.data.checks
        kinds = [
            (label, [f for f in checks.findings if f.kind == kind]) for kind, label in KINDS.items()
        ]
        named = {s for f in checks.findings for s in f.markets}
        return self._render(
            "checks.md.j2",
            PAGES["checks"],
            kinds=kinds,
            consensus=checks.consensus,
            others={s: self.brief.markets[s] for s in sorted(named) if s in self.brief.markets},
        )

    def downloads(self) -> str:
        return self._render("downloads.md.j2", PAGES["downloads"])
