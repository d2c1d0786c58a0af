"""The site's charts: which exist and where they go (`plan_charts`), the file of the cache
each one is (`chart_file`), and drawing the ones the cache does not hold (`draw_charts`).

Charts are the expensive part of a cold build: each is keyed by a hash of its data and drawn
only when that key is not in the cache (`.cache/charts/`, plain SVG files, safe to delete).
`builder.site` draws them in a second process while the pages render and, in a MkDocs
build, while MkDocs converts and lays out the pages; when many charts are missing, they are
drawn with a pool of worker processes on every core.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from builder.aside import Step
from builder.charts import (
    ChartSpec,
    alt_text,
    cagr_spec,
    regions_spec,
    render_chart,
    size_spec,
    span_spec,
)
from builder.index import Index
from builder.paths import compare_chart, market_chart
from builder.render import ChartRef
from builder.store import Brief
from builder.write import atomic_write

POOL_THRESHOLD = 24
"""Below this many charts to draw, starting worker processes costs more than it saves."""


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


@dataclass(frozen=True)
class ChartFile:
    """A chart as a file of the chart cache, named by its key: the same key, the same bytes.
    The file may still be drawing when the site hands it out (`builder.site`)."""

    path: Path
    key: str


def chart_file(cache_dir: Path, spec: ChartSpec) -> ChartFile:
    key = spec.key()
    return ChartFile(cache_dir / f"{key}.svg", key)


def _draw(spec: ChartSpec, cached: Path) -> None:
    """Draw one chart into the cache; runs in a worker process when many. Written whole or
    not at all, so a file of the cache is always a finished chart."""
    atomic_write(cached, render_chart(spec).encode("utf-8"))


def draw_charts(
    specs: Sequence[ChartSpec], cache_dir: Path, workers: int | None, step: Step
) -> int:
    """Draw every chart into its file of the cache, with a pool of worker processes when
    there are many, telling `step` how many are done; returns how many were drawn."""
    workers = workers or os.cpu_count() or 1
    paths = [chart_file(cache_dir, spec).path for spec in specs]
    drawn: Iterator[None] = map(_draw, specs, paths)
    pool: ProcessPoolExecutor | None = None
    if len(specs) >= POOL_THRESHOLD and workers > 1:
        # fork: workers start with matplotlib already imported, and a caller's script is
        # never re-imported (spawn and forkserver need an `if __name__` guard there)
        import matplotlib.figure  # noqa: F401  (imported once, here, for every worker)

        context = get_context("fork" if "fork" in get_all_start_methods() else "spawn")
        pool = ProcessPoolExecutor(workers, mp_context=context)
        drawn = pool.map(_draw, specs, paths, chunksize=4)
    try:
        for done, _ in enumerate(drawn, 1):
            step(done, len(specs))
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    return len(specs)
