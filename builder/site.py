"""The site as a stream of files: `generate_site(settings, brief)` yields (path, content).

This is the one API every consumer uses: the MkDocs plugin hands the files to MkDocs, and
anything else (a writer into a folder, a test) can take them as they come. It runs in two
phases like MkDocs' own build: the cross-reference index and the chart plan are made before
the first page, so every link agrees. The downloads (`builder.downloads`) and the charts
(`builder.site_charts`), which no page needs, are made in second processes
(`builder.aside`) while the pages render on the first, and yielded after them. A chart is
yielded as its file in the chart cache (`ChartFile`). The caller may take the charts before
they are drawn (`wait_for_charts=False`) and wait for them later (`SiteStats.drawing`): a
cold MkDocs build converts and lays out its pages meanwhile.

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
from builder.aside import Aside, Step, aside
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
from builder.site_charts import ChartFile, chart_file, draw_charts, plan_charts
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
    drawing: Drawing | None = None
    """Charts still being drawn, when the caller did not wait for them."""

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


def _downloads(
    brief: Brief, index: Index, checks: Checks, specs: dict[str, ChartSpec], step: Step
) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The downloads, and each chart's data by the chart's path: computed while the pages
    render."""
    tables = {path: csv_text(*chart_table(spec)) for path, spec in specs.items()}
    return list(downloads(brief, index, checks)), tables


def _draw(
    specs: list[ChartSpec], cache_dir: Path, workers: int | None, step: Step
) -> tuple[int, float]:
    """The charts the cache lacks, drawn into it; how many, and the seconds it took."""
    started = time.perf_counter()
    drawn = draw_charts(specs, cache_dir, workers, step)
    return drawn, time.perf_counter() - started


class Drawing:
    """The charts the cache lacked, drawn in a second process (or, without one, by `wait`).
    Every chart file `generate_site` yielded is whole once `wait` has returned."""

    def __init__(self, side: Aside[tuple[int, float]] | None, stats: SiteStats) -> None:
        self.side = side
        self.stats = stats

    def wait(self) -> None:
        """Wait for the last chart, showing the progress; a chart that failed fails here."""
        if self.side is not None:
            self.stats.charts_drawn, self.stats.charts_seconds = self.side.result(
                lambda done, total: progress.step("Drawing charts", done, total)
            )
        self.side = None

    def close(self) -> None:
        """Stop the drawing, if it is still going: the caller gave up on the site."""
        if self.side is not None:
            self.side.close()
            self.side = None


def generate_site(
    settings: Settings,
    brief: Brief,
    *,
    extra_problems: Sequence[BriefError] = (),
    built: date | None = None,
    workers: int | None = None,
    stats: SiteStats | None = None,
    wait_for_charts: bool = True,
) -> Iterator[tuple[str, str | bytes | ChartFile]]:
    """Every generated page, chart and download of the site, as (path under docs, content);
    a chart's content is its file in the chart cache. With `wait_for_charts` false, the
    charts are yielded before they are drawn, and `stats.drawing` is what to wait for."""
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

    fork = (workers or os.cpu_count() or 1) > 1
    cache_dir = cache_folder(settings.cache_dir / "charts", CHARTS_CODE)
    charts = {path: chart_file(cache_dir, spec) for path, spec in specs.items()}
    missing = {chart.key: specs[path] for path, chart in charts.items() if not chart.path.is_file()}
    drawing = Drawing(
        aside(partial(_draw, list(missing.values()), cache_dir, workers), "charts", fork=fork)
        if missing
        else None,
        stats,
    )
    side = aside(partial(_downloads, brief, index, data.checks, specs), "downloads", fork=fork)
    handed = False
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
        loaded, tables = side.result(lambda done, total: None)
        stats.charts = len(specs)
        if wait_for_charts:
            drawing.wait()
        yield from loaded
        for path, chart in charts.items():
            yield path, chart
            yield chart_data(path), tables[path]
        if not wait_for_charts:
            stats.drawing, handed = drawing, True  # the caller's to wait for
    finally:
        side.close()  # the consumer stopped early: no second process may outlive it
        if not handed:
            drawing.close()
    stats.seconds = time.perf_counter() - started
