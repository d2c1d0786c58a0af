"""The site as a stream of files: `generate_site(settings, brief)` yields (path, content).

This is the one API every consumer uses: the MkDocs plugin hands the files to MkDocs, and
anything else (a writer into a folder, a test) can take them as they come. It runs in two
phases like MkDocs' own build: the cross-reference index and the chart plan are made before
the first page, so every link agrees. The charts (`builder.site_charts`) and the downloads
(`builder.downloads`), which no page needs, are made in a second process (`builder.aside`)
while the pages render on the first, and yielded after them.

Pages are cached too (`builder.page_cache`), so after a correction only the pages that show
the corrected data are rendered again.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from builder import progress
from builder.aside import Step, aside
from builder.charts import CODE_VERSION as CHARTS_CODE
from builder.charts import ChartSpec, chart_table
from builder.checks import Checks, run_checks
from builder.downloads import csv_text, downloads
from builder.errors import BriefError
from builder.fingerprint import CODE_VERSION, build_date, cache_folder
from builder.gc_pause import gc_paused
from builder.index import Index, build_index
from builder.page_cache import CachedPages, PageCache
from builder.paths import (
    PAGES,
    chart_data,
    company_page,
    dimension_page,
    market_page,
    sources_page,
)
from builder.render import SiteData, make_environment
from builder.schema import RateTable
from builder.settings import Settings
from builder.site_charts import ChartRenderer, plan_charts
from builder.store import Brief, load_groups, load_tables


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


@dataclass(frozen=True)
class AsideFiles:
    """What the second process hands back: the downloads, then each chart and its data."""

    downloads: list[tuple[str, str]]
    charts: list[tuple[str, str]]
    charts_drawn: int
    charts_seconds: float


def _charts_and_downloads(
    brief: Brief,
    index: Index,
    checks: Checks,
    specs: dict[str, ChartSpec],
    charts_cache: Path,
    workers: int | None,
    step: Step,
) -> AsideFiles:
    """The files no page needs: drawn and computed while the pages render. The charts start
    first, so when many are missing their pool draws while the rest is computed."""
    started = time.perf_counter()
    charts = ChartRenderer(charts_cache, workers)
    charts.start(list(specs.values()))
    others_started = time.perf_counter()
    loaded = list(downloads(brief, index, checks))
    tables = {path: csv_text(*chart_table(spec)) for path, spec in specs.items()}
    others = time.perf_counter() - others_started
    drawn = charts.finish(step)
    files = []
    for path, spec in specs.items():
        files += [(path, charts.svg(spec)), (chart_data(path), tables[path])]
    return AsideFiles(loaded, files, drawn, time.perf_counter() - started - others)


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
    with gc_paused():  # thousands of cross-references and chart specs, alive to the end
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
    env = make_environment(settings.template_folders)
    env.bytecode_cache = template_cache(settings.cache_dir)
    pages_cache = cache_folder(settings.cache_dir / "pages", CODE_VERSION)
    cache = PageCache(pages_cache, env, settings.template_folders, brief.digests)
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

    side = aside(
        partial(
            _charts_and_downloads,
            brief,
            index,
            data.checks,
            specs,
            cache_folder(settings.cache_dir / "charts", CHARTS_CODE),
            workers,
        ),
        "charts and downloads",
        fork=(workers or os.cpu_count() or 1) > 1,
    )
    try:
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
        cache.save()
        aside_files = side.result(lambda done, total: progress.step("Drawing charts", done, total))
    finally:
        side.close()  # the consumer stopped early: the second process must not outlive it
    yield from aside_files.downloads
    stats.charts = len(specs)
    stats.charts_drawn = aside_files.charts_drawn
    stats.charts_seconds = aside_files.charts_seconds
    yield from aside_files.charts
    stats.seconds = time.perf_counter() - started
