"""The site as a stream of files: `generate_site(settings, brief)` yields (path, content).

This is the one API every consumer uses: the MkDocs plugin hands the files to MkDocs, and
anything else (a writer into a folder, a test) can take them as they come. It runs in two
phases like MkDocs' own build: the cross-reference index and the chart plan are made before
the first page, so every link agrees. Charts are the expensive part: each is keyed by a hash
of its data and drawn only when that key is not in the cache (`.cache/charts/`, plain SVG
files, safe to delete); when many are missing, a process pool draws them on every core
while this process renders the pages.

Pages are cached too (`builder.page_cache`), so after a correction only the pages that show
the corrected data are rendered again.
"""

from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import TypeVar

from jinja2 import FileSystemBytecodeCache
from pydantic_core import to_json

from builder import progress
from builder.charts import CODE_VERSION as CHARTS_CODE
from builder.charts import (
    ChartSpec,
    alt_text,
    cagr_spec,
    chart_table,
    lead_size,
    regions_spec,
    render_chart,
    size_spec,
    span_spec,
)
from builder.checks import run_checks
from builder.errors import BriefError
from builder.facts import HEADER as FACTS_HEADER
from builder.facts import facts_rows
from builder.fingerprint import CODE_VERSION, build_date, cache_folder
from builder.index import Index, build_index
from builder.page_cache import CachedPages, PageCache
from builder.paths import (
    PAGES,
    chart_data,
    company_page,
    compare_chart,
    dimension_page,
    market_chart,
    market_page,
    sources_page,
)
from builder.render import ChartRef, SiteData, make_environment
from builder.schema import SCHEMA_VERSION, Company, Market, RateTable, Revenue, SizeFigure
from builder.settings import Settings
from builder.store import Brief, load_groups, load_tables
from builder.write import atomic_write

POOL_THRESHOLD = 24
"""Below this many charts to draw, starting worker processes costs more than it saves."""


@dataclass
class SiteStats:
    """What one run produced, for the build's summary line."""

    pages: int = 0
    rendered: list[str] = field(default_factory=list)
    pages_seconds: float = 0.0
    charts: int = 0
    charts_drawn: int = 0
    charts_seconds: float = 0.0
    seconds: float = 0.0
    problems: list[BriefError] = field(default_factory=list)

    @property
    def pages_rendered(self) -> int:
        """Pages rendered, not taken from the cache."""
        return len(self.rendered)

    def summary(self) -> str:
        return (
            f"{self.pages} pages ({self.pages_rendered} rendered in {self.pages_seconds:.2f} s), "
            f"{self.charts} charts ({self.charts_drawn} drawn in {self.charts_seconds:.2f} s)"
        )


def plan_charts(
    brief: Brief, index: Index
) -> tuple[dict[str, list[ChartRef]], dict[str, ChartSpec]]:
    """Which charts exist, where they go and what they say; page key "" is the compare page."""
    refs: dict[str, list[ChartRef]] = {}
    specs: dict[str, ChartSpec] = {}

    def add(page: str, kind: str, path: str, spec: ChartSpec | None) -> None:
        if spec is not None:
            specs[path] = spec
            refs.setdefault(page, []).append(ChartRef(kind, path, alt_text(spec), spec.derivation))

    for slug in index.market_order:
        market = brief.markets[slug]
        add(slug, "size", market_chart(slug, "size"), size_spec(market))
        add(slug, "regions", market_chart(slug, "regions"), regions_spec(market))
    markets = [brief.markets[s] for s in index.market_order]
    add("", "cagr", compare_chart("cagr"), cagr_spec(markets))
    add("", "span", compare_chart("size"), span_spec(markets))
    return refs, specs


def _draw(spec: ChartSpec, cached: Path | None) -> str:
    """Draw one chart and keep it in the cache; runs in a worker process when many."""
    svg = render_chart(spec)
    if cached is not None:
        atomic_write(cached, svg.encode("utf-8"))
    return svg


class ChartRenderer:
    """Draws the charts not in the cache, in worker processes when there are many."""

    def __init__(self, cache_dir: Path | None, workers: int | None = None) -> None:
        self.cache_dir = cache_dir
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None
        self._svg: dict[str, str] = {}
        self._pending: dict[str, ChartSpec | Future[str]] = {}

    def _cached(self, key: str) -> Path | None:
        return self.cache_dir / f"{key}.svg" if self.cache_dir else None

    def _read_cached(self, key: str) -> str | None:
        """The chart drawn before, or None when there is no cache or it does not hold it."""
        path = self._cached(key)
        if path is None:
            return None
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            return None

    def start(self, specs: Sequence[ChartSpec]) -> None:
        """Read cached charts and set the missing ones drawing; returns at once."""
        for spec in specs:
            key = spec.key()
            if key in self._svg or key in self._pending:
                continue
            svg = self._read_cached(key)
            if svg is None:
                self._pending[key] = spec
            else:
                self._svg[key] = svg
        if len(self._pending) >= POOL_THRESHOLD and self.workers > 1:
            # fork: workers start with matplotlib already imported, and a caller's script is
            # never re-imported (spawn and forkserver need an `if __name__` guard there)
            import matplotlib.figure  # noqa: F401  (imported once, here, for every worker)

            context = get_context("fork" if "fork" in get_all_start_methods() else "spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
            for key, waiting in self._pending.items():
                if isinstance(waiting, ChartSpec):
                    self._pending[key] = self._pool.submit(_draw, waiting, self._cached(key))

    def finish(self) -> int:
        """Wait for every chart (each is cached as it is drawn); returns how many were drawn."""
        try:
            for done, (key, job) in enumerate(self._pending.items(), 1):
                self._svg[key] = (
                    job.result() if isinstance(job, Future) else _draw(job, self._cached(key))
                )
                progress.step("Drawing charts", done, len(self._pending))
        finally:
            if self._pool:
                self._pool.shutdown(cancel_futures=True)
        drawn, self._pending = len(self._pending), {}
        return drawn

    def svg(self, spec: ChartSpec) -> str:
        return self._svg[spec.key()]


# --- Downloads ------------------------------------------------------------------------------


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


def _csv(header: list[str], rows: Sequence[Sequence[object]]) -> str:
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
    return _csv(
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


# --- The site ---------------------------------------------------------------------------------


def load_rates(settings: Settings) -> tuple[RateTable | None, list[BriefError]]:
    tables = load_tables(settings)
    return tables.rates, tables.problems


def template_cache(cache_dir: Path) -> FileSystemBytecodeCache:
    """Compiled templates, kept between builds: compiling the site's and the theme's
    templates costs more than rendering the pages one changed report touches. Jinja keys
    each by its name and source, so an edited template is compiled again."""
    folder = cache_dir / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def generate_site(
    settings: Settings,
    brief: Brief,
    *,
    extra_problems: Sequence[BriefError] = (),
    built: date | None = None,
    workers: int | None = None,
    stats: SiteStats | None = None,
) -> Iterator[tuple[str, str | bytes]]:
    """Every generated page, chart and download of the site, as (path under docs, content)."""
    started = time.perf_counter()
    stats = stats if stats is not None else SiteStats()
    index = build_index(brief)
    refs, specs = plan_charts(brief, index)
    rates, rate_problems = load_rates(settings)
    groups, group_problems = load_groups(settings, brief.markets)
    problems = [*extra_problems, *brief.problems, *index.problems, *rate_problems, *group_problems]
    problems = list({str(p): p for p in problems}.values())  # a table's problem comes twice
    stats.problems = problems
    data = SiteData(
        brief,
        index,
        refs,
        rates,
        built or build_date(),
        problems=[str(p) for p in problems],
        checks=run_checks(brief.markets, groups.groups),
    )
    charts = ChartRenderer(cache_folder(settings.cache_dir / "charts", CHARTS_CODE), workers)
    charts_started = time.perf_counter()
    charts.start(list(specs.values()))
    env = make_environment(settings.template_folders)
    env.bytecode_cache = template_cache(settings.cache_dir)
    pages_cache = cache_folder(settings.cache_dir / "pages", CODE_VERSION)
    cache = PageCache(pages_cache, env, settings.template_folders)
    pages = CachedPages(env, data, cache)

    overview: list[tuple[str, Callable[..., str], tuple[object, ...]]] = [
        (PAGES["home"], pages.home, ()),
        (PAGES["markets"], pages.markets, ()),
        (PAGES["companies"], pages.companies, ()),
        (PAGES["compare"], pages.compare, ()),
        (PAGES["geography"], pages.groups, ("geography",)),
        (PAGES["publishers"], pages.groups, ("publishers",)),
        (PAGES["segments"], pages.segments, ()),
        (PAGES["sources"], pages.sources, ()),
        (PAGES["downloads"], pages.downloads, ()),
        (PAGES["checks"], pages.checks, ()),
    ]
    total = (
        len(overview)
        + len(index.market_order)
        + len(index.company_order)
        + len(index.dimensions)
        + len(index.publishers)
    )

    def page(path: str, render: Callable[..., str], *args: object) -> tuple[str, str]:
        began = time.perf_counter()
        text = render(*args)
        stats.pages += 1
        stats.pages_seconds += time.perf_counter() - began
        progress.step("Rendering pages", stats.pages, total)
        return path, text

    for path, render, args in overview:
        yield page(path, render, *args)
    for slug in index.market_order:
        yield page(market_page(slug), pages.market, slug)
    for slug in index.company_order:
        yield page(company_page(slug), pages.company, slug)
    for position, dimension in enumerate(index.dimensions):
        yield page(dimension_page(dimension.slug), pages.dimension, position)
    for position, group in enumerate(index.publishers):
        yield page(sources_page(group.anchor), pages.source_group, position)
    stats.rendered = cache.rendered
    yield PAGES["markets_csv"], markets_csv(brief, index)
    yield PAGES["companies_csv"], companies_csv(brief, index)
    yield PAGES["brief_json"], brief_json(brief)
    yield PAGES["facts_csv"], _csv(FACTS_HEADER, facts_rows(brief, index))
    findings = [[f.kind, ";".join(f.markets), f.message] for f in data.checks.findings]
    yield PAGES["checks_csv"], _csv(["kind", "markets", "message"], findings)
    stats.charts_drawn = charts.finish()
    stats.charts_seconds = time.perf_counter() - charts_started
    for path, spec in specs.items():
        yield path, charts.svg(spec)
        yield chart_data(path), _csv(*chart_table(spec))
    stats.charts = len(specs)
    stats.seconds = time.perf_counter() - started
