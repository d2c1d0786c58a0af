"""The site's charts: which exist and where they go (`plan_charts`), and drawing the ones the
cache does not hold (`ChartRenderer`).

Charts are the expensive part of a cold build: each is keyed by a hash of its data and drawn
only when that key is not in the cache (`.cache/charts/`, plain SVG files, safe to delete).
`builder.site` runs the renderer in a second process while the pages render; when many charts
are missing, it draws them with a pool of worker processes on every core.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
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

    def finish(self, step: Step) -> int:
        """Wait for every chart (each is cached as it is drawn), telling `step` how many are
        done; returns how many were drawn."""
        try:
            for done, (key, job) in enumerate(self._pending.items(), 1):
                self._svg[key] = (
                    job.result() if isinstance(job, Future) else _draw(job, self._cached(key))
                )
                step(done, len(self._pending))
        finally:
            if self._pool:
                self._pool.shutdown(cancel_futures=True)
        drawn, self._pending = len(self._pending), {}
        return drawn

    def svg(self, spec: ChartSpec) -> str:
        return self._svg[spec.key()]
