"""Pages as Markdown text: data in, text out, through the Jinja templates in `site_templates/`.

Escaping is on by default rather than remembered per variable: every `{{ value }}` goes
through `builder.text.md` (the environment's `finalize`), and a value is written unescaped
only when Python code made it `Markup` (links, front matter). `autoescape` is on only so
that macros return `Markup`; it never escapes anything `md` has not already handled.

What a page shows is worked out in `builder.views` before its template runs; the templates
only lay it out, and a project's `templates/` folder can replace any of them.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from builder.charts import lead_size
from builder.checks import KINDS, Checks
from builder.index import Index
from builder.normalise import consistency_warning
from builder.paths import (
    PAGES,
    chart_data,
    company_page,
    dimension_page,
    market_page,
    override_file,
    published_link,
    relative,
    sources_page,
)
from builder.schema import Market, RateTable
from builder.store import Brief
from builder.text import (
    alt,
    anchor,
    bound,
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
from builder.views import (
    appearance,
    citations,
    compare_rows,
    consensus_columns,
    evidence,
    found,
    full_stop,
    market_revenues,
    matrix,
    revenue_qualifier,
    search_names,
    segments,
)
from builder.wording import (
    cagr_period,
    cite_line,
    company_description,
    conversion_note,
    extracted,
    market_description,
)


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
        return chart_data(self.path)


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


@pass_context
def _link(context: Context, text: object, target: str, fragment: str = "") -> Markup:
    """A relative Markdown link from the page being rendered to another generated file."""
    href = relative(target, context["page"]) + (f"#{fragment}" if fragment else "")
    return Markup(f"[{md(text)}]({href})")


@pass_context
def _href(context: Context, target: str) -> Markup:
    return Markup(relative(target, context["page"]))


@pass_context
def _html_link(context: Context, text: object, target: str, fragment: str = "") -> Markup:
    """`link` for a template's own HTML (`html_block`): an `<a>` with the URL MkDocs would
    have made of the `.md` link, since no Markdown conversion rewrites it."""
    href = published_link(target, context["page"]) + (f"#{fragment}" if fragment else "")
    return Markup(f'<a href="{html.escape(href)}">{md(text)}</a>')


HTML_START = "<!-- brief:html -->"
HTML_END = "<!-- /brief:html -->"
"""The lines around HTML a template wrote itself, which the MkDocs plugin sets aside before
Markdown conversion and puts back after it."""


def html_block(block: Markup) -> Markup:
    """A table or list that grows with the reports, written as the HTML Markdown would make of
    it: Python-Markdown spends about a second on a table of every market (its inline patterns
    run on every cell, and even raw HTML is parsed), and such a page changes on every edit.
    The plugin (`builder.mkdocs_plugin`) lifts the block out unconverted; without it the block
    is still raw HTML that Markdown keeps as it is. Values in it are escaped as everywhere
    (`md` makes HTML character references); links in it come from `html_link`."""
    return Markup(f"{HTML_START}\n{block.strip()}\n{HTML_END}\n")


def make_environment(folders: Sequence[Path]) -> Environment:
    """The Jinja environment of the pages; a template is taken from the first of `folders`
    that has it (a project's own folder before the shipped one, like Pelican's
    `ChoiceLoader`), so a project replaces one template without copying the others."""
    env = Environment(
        loader=FileSystemLoader(list(folders)),
        autoescape=True,  # makes macros return Markup; `finalize` does the real escaping
        finalize=md,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(
        md=md,
        alt=alt,
        url=safe_url,
        money=money,
        usd=usd,
        percent=percent,
        join=join,
        bound=bound,
        full_stop=full_stop,
        qualifier=revenue_qualifier,
        html_block=html_block,
    )
    env.globals.update(
        link=_link,
        html_link=_html_link,
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
        override_file=override_file,
    )
    return env


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
            lead_size=lead_size,
            **context,
        )

    def market(self, slug: str) -> str:
        market = self.brief.markets[slug]
        found = evidence(market)
        companies = [self.brief.companies[c] for c in self.index.companies_of.get(slug, [])]
        return self._render(
            "market.md.j2",
            market_page(slug),
            market=market,
            companies=companies,
            revenues=market_revenues(slug, companies, self.index),
            charts=self.data.charts.get(slug, []),
            geography=self.index.geography_of[slug],
            publisher=self.index.publisher_of[slug],
            override=self.brief.corrected("market", slug),
            evidence=found,
            cited=citations(market, found),
            cite=cite_line(market, self.data.built),
            description=market_description(market),
            segments=segments(
                market, {s.dimension: self._dimension_of(s.dimension) for s in market.segments}
            ),
            edit_path=override_file(slug),
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
        others = {s: self.brief.markets[s] for s in sorted(named) if s in self.brief.markets}
        return {
            "findings": findings,
            "consensus": consensus,
            "consensus_columns": consensus_columns(consensus, market, others) if consensus else [],
            "others": others,
        }

    def _dimension_of(self, label: str) -> str | None:
        """The slug of the segments page of a dimension label, as the index groups labels."""
        wanted = " ".join(label.split()).casefold()
        return next((d.slug for d in self.index.dimensions if d.label.casefold() == wanted), None)

    def company(self, slug: str) -> str:
        company = self.brief.companies[slug]
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
        appearances = [
            appearance(
                company,
                self.brief.markets[market_slug],
                [m for m in company.mentions if m.market == market_slug],
                self.index,
                owners,
            )
            for market_slug in self.index.markets_of.get(slug, [])
        ]
        return self._render(
            "company.md.j2",
            company_page(slug),
            company=company,
            attributed=attributed,
            appearances=appearances,
            search_names=search_names(company),
            parent=known.get(company.parent) if company.parent else None,
            subsidiaries=[known[s] for s in self.index.subsidiaries_of.get(slug, [])],
            peers=[(known[p], n) for p, n in self.index.peers.get(slug, [])],
            description=company_description(company.name, [a.market for a in appearances]),
            override=self.brief.corrected("company", slug),
            edit_path=override_file(slug),
        )

    def home(self) -> str:
        markets = [self.brief.markets[s] for s in self.index.market_order]
        shown = markets
        if len(markets) > self.data.home_limit:
            shown = sorted(
                markets, key=lambda m: -(getattr(lead_size(m, "base"), "usd_millions", 0))
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
        return self._render(
            "compare.md.j2",
            PAGES["compare"],
            rows=compare_rows(markets),
            charts=self.data.charts.get("", []),
            matrix=matrix(
                self.brief.markets,
                self.brief.companies,
                self.index,
                self.data.matrix_rows,
                self.data.matrix_columns,
            ),
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
            corrections=self.brief.correction_files(),
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
            warned=[m for m in markets if m.warnings],
            extracted={
                m.slug: extracted(found(m, len(self.index.companies_of[m.slug]))) for m in markets
            },
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
