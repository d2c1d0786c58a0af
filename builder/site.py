"""The site as a stream of files: `generate_site(settings, brief)` yields (path, content).

This is the one API every consumer uses: the MkDocs plugin hands the files to MkDocs, and
anything else (a writer into a folder, a test) can take them as they come. It runs in two
phases like MkDocs' own build: the cross-reference index and the chart plan are made before
the first page, so every link agrees. Charts are the expensive part: each is keyed by a hash
of its data and drawn only when that key is not in the cache (`.cache/charts/`, plain SVG
files, safe to delete); when many are missing, a process pool draws them while this process
renders the pages.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from builder.charts import (
    ChartSpec,
    alt_text,
    cagr_spec,
    headline,
    regions_spec,
    render_chart,
    size_spec,
    span_spec,
)
from builder.errors import BriefError
from builder.index import Index, build_index
from builder.render import (
    PAGES,
    ChartRef,
    Pages,
    SiteData,
    company_page,
    dimension_page,
    make_environment,
    market_page,
)
from builder.schema import SCHEMA_VERSION, RateTable
from builder.settings import Settings
from builder.store import Brief
from builder.write import Writer
from builder.yamlio import load_model

POOL_THRESHOLD = 24
"""Below this many charts to draw, starting worker processes costs more than it saves."""


@dataclass
class SiteStats:
    """What one run produced, for the build's summary line."""

    pages: int = 0
    charts: int = 0
    charts_drawn: int = 0
    seconds: float = 0.0


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
        add(slug, "size", f"charts/market/{slug}-size.svg", size_spec(market))
        add(slug, "regions", f"charts/market/{slug}-regions.svg", regions_spec(market))
    markets = [brief.markets[s] for s in index.market_order]
    add("", "cagr", "charts/compare/cagr.svg", cagr_spec(markets))
    add("", "span", "charts/compare/size.svg", span_spec(markets))
    return refs, specs


class ChartRenderer:
    """Draws the charts not in the cache, in worker processes when there are many."""

    def __init__(self, cache_dir: Path | None, workers: int | None = None) -> None:
        self.cache_dir = cache_dir
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None
        self._svg: dict[str, str] = {}
        self._pending: dict[str, ChartSpec | Future[str]] = {}

    def start(self, specs: Sequence[ChartSpec]) -> None:
        """Read cached charts and set the missing ones drawing; returns at once."""
        for spec in specs:
            key = spec.key()
            if key in self._svg or key in self._pending:
                continue
            cached = self.cache_dir / f"{key}.svg" if self.cache_dir else None
            if cached is not None and cached.is_file():
                self._svg[key] = cached.read_text(encoding="utf-8")
            else:
                self._pending[key] = spec
        if len(self._pending) >= POOL_THRESHOLD and self.workers > 1:
            # fork: workers start with matplotlib already imported, and a caller's script is
            # never re-imported (spawn and forkserver need an `if __name__` guard there)
            context = get_context("fork" if "fork" in get_all_start_methods() else "spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
            for key, spec in self._pending.items():
                self._pending[key] = self._pool.submit(render_chart, spec)  # type: ignore[arg-type]

    def finish(self) -> int:
        """Wait for every chart, store new ones in the cache; returns how many were drawn."""
        writer = Writer(self.cache_dir) if self.cache_dir else None
        try:
            for key, job in self._pending.items():
                svg = job.result() if isinstance(job, Future) else render_chart(job)
                self._svg[key] = svg
                if writer:
                    writer.write(f"{key}.svg", svg, "chart cache")
        finally:
            if self._pool:
                self._pool.shutdown(cancel_futures=True)
        drawn, self._pending = len(self._pending), {}
        return drawn

    def svg(self, spec: ChartSpec) -> str:
        return self._svg[spec.key()]


# --- Downloads ------------------------------------------------------------------------------


def _cell(value: object) -> object:
    """A CSV cell no spreadsheet will run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return out.getvalue()


def markets_csv(brief: Brief, index: Index) -> str:
    rows = []
    for slug in index.market_order:
        m = brief.markets[slug]
        base, forecast = headline(m, "base"), headline(m, "forecast")
        rows.append(
            [
                slug,
                m.name,
                m.geography,
                m.publisher,
                base.year if base else "",
                base.usd_millions if base else "",
                forecast.year if forecast else "",
                forecast.usd_millions if forecast else "",
                m.cagr.percent if m.cagr else "",
                m.cagr.start_year or "" if m.cagr else "",
                m.cagr.end_year or "" if m.cagr else "",
                ";".join(index.companies_of[slug]),
                m.source.file,
                m.source.url or "",
            ]
        )
    header = [
        "slug",
        "name",
        "geography",
        "publisher",
        "base_year",
        "base_usd_millions",
        "forecast_year",
        "forecast_usd_millions",
        "cagr_percent",
        "cagr_start_year",
        "cagr_end_year",
        "companies",
        "source_file",
        "source_url",
    ]
    return _csv(header, rows)


def companies_csv(brief: Brief, index: Index) -> str:
    rows = [
        [
            slug,
            c.name,
            ";".join(c.aliases),
            ";".join(index.markets_of[slug]),
            c.parent or "",
            ";".join(index.subsidiaries_of.get(slug, [])),
        ]
        for slug in index.company_order
        for c in [brief.companies[slug]]
    ]
    return _csv(["slug", "name", "aliases", "markets", "parent", "subsidiaries"], rows)


def brief_json(brief: Brief) -> str:
    """All data after corrections, as the data files hold it."""
    dump = {
        "schema_version": SCHEMA_VERSION,
        "markets": [
            brief.markets[s].model_dump(mode="json", exclude_none=True)
            for s in sorted(brief.markets)
        ],
        "companies": [
            brief.companies[s].model_dump(mode="json", exclude_none=True)
            for s in sorted(brief.companies)
        ],
    }
    return json.dumps(dump, ensure_ascii=False, indent=1) + "\n"


# --- The site ---------------------------------------------------------------------------------


def build_date() -> date:
    """Today, or SOURCE_DATE_EPOCH when set, so a reproducible build is byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def load_rates(settings: Settings) -> tuple[RateTable | None, list[BriefError]]:
    if not settings.rates_file.is_file():
        return None, []
    try:
        return load_model(settings.rates_file, RateTable), []
    except BriefError as exc:
        return None, [exc]


def site_problems(settings: Settings, brief: Brief) -> list[BriefError]:
    """Everything wrong with the data that a reader of the site should be told about."""
    return [*brief.problems, *build_index(brief).problems, *load_rates(settings)[1]]


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
    problems = [*extra_problems, *brief.problems, *index.problems, *rate_problems]
    data = SiteData(
        brief, index, refs, rates, built or build_date(), problems=[str(p) for p in problems]
    )
    charts = ChartRenderer(settings.cache_dir / "charts", workers)
    charts.start(list(specs.values()))
    pages = Pages(make_environment(settings.templates_dir), data)
    generated: list[tuple[str, str]] = [
        (PAGES["home"], pages.home()),
        (PAGES["markets"], pages.markets()),
        (PAGES["companies"], pages.companies()),
        (PAGES["compare"], pages.compare()),
        (PAGES["geography"], pages.groups("geography")),
        (PAGES["publishers"], pages.groups("publishers")),
        (PAGES["segments"], pages.segments()),
        (PAGES["sources"], pages.sources()),
        (PAGES["downloads"], pages.downloads()),
    ]
    yield from generated
    for slug in index.market_order:
        yield market_page(slug), pages.market(slug)
    for slug in index.company_order:
        yield company_page(slug), pages.company(slug)
    for position, dimension in enumerate(index.dimensions):
        yield dimension_page(dimension.slug), pages.dimension(position)
    yield PAGES["markets_csv"], markets_csv(brief, index)
    yield PAGES["companies_csv"], companies_csv(brief, index)
    yield PAGES["brief_json"], brief_json(brief)
    stats.pages = (
        len(generated) + len(index.market_order) + len(index.company_order) + len(index.dimensions)
    )
    stats.charts_drawn = charts.finish()
    for path, spec in specs.items():
        yield path, charts.svg(spec)
    stats.charts = len(specs)
    stats.seconds = time.perf_counter() - started
