"""Charts as SVG text: data in, SVG out, the same bytes for the same data.

A chart is described by a small, JSON-able `ChartSpec` built from the data, so the site can
hash it (and skip charts whose data did not change) and ship it to a worker process. Drawing
uses `matplotlib.figure.Figure` with the SVG backend and a fixed style under `rc_context`,
never pyplot's global figures; a process draws all its charts on one figure, emptied after
each, with the bytes a new figure gives. Text stays text (`svg.fonttype: none`): files are
small, fast to write and searchable. Colours are mid-tones on a transparent background so a
chart reads on Material's light and dark schemes alike.
"""

from __future__ import annotations

import hashlib
import io
import json
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cached_property
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

from builder.fingerprint import code_fingerprint
from builder.growth import MAX_DERIVED_YEARS, compound, implied_factor
from builder.schema import Market, SizeFigure
from builder.text import percent, period, usd

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn: a build that draws none
    from matplotlib.axes import Axes  # starts a second and a half sooner
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

CODE_VERSION = code_fingerprint(__name__)
MATPLOTLIB = version("matplotlib")
"""Read from the installed package's metadata once: importing matplotlib takes a second."""
"""Part of every chart's cache key: any edit to this module, or one it uses, redraws them."""

COMPARE_LIMIT = 30
"""Comparison charts show this many markets at most; the tables beside them list all."""

LOG_SPREAD = 4.0
"""Above this ratio of largest to smallest value, sizes are drawn on a log scale: on a linear
axis a market a fifth of the largest one's size is already hard to read."""

FONT = 11.0
"""The smallest text, in points. Charts are drawn WIDTH wide and shown at most that wide;
on a 390 px phone (a 358 px column) they shrink to about 0.72 of it, so 11 pt (14.7 px)
still reads at 11 px on screen."""

TEXT = "#808080"
STATED = "#3d7ac2"
SECOND = "#d9822b"
RC: dict[RcKeyType, object] = {
    "svg.hashsalt": "market-brief",
    "svg.fonttype": "none",
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": FONT,
    "text.parse_math": False,
    "text.color": TEXT,
    "hatch.color": STATED,
    "hatch.linewidth": 1.2,
}
WIDTH = 4.8  # inches; narrow enough that a phone shows the text at 11 px or more


@dataclass(frozen=True)
class ChartSpec:
    """Everything a chart shows. `rows` depends on `kind`:

    - size: (year, USD million, derived?) per bar
    - regions: (region, share %) per bar
    - cagr: (market, CAGR %, geography, period) per bar
    - span: (market, base USD million, base year, forecast USD million, forecast year)
    """

    kind: str
    title: str
    note: str
    rows: tuple[tuple, ...]
    derivation: str = ""

    def key(self) -> str:
        """Content hash of the chart: its data, this module's version and matplotlib's."""
        return self._key

    @cached_property
    def _key(self) -> str:
        # the fields as `asdict` gives them, without its deep copy (rows are plain values)
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        payload = json.dumps([CODE_VERSION, MATPLOTLIB, data])
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _source_note(market: Market) -> str:
    return f"Source: {market.publisher}, report {market.source.file}"


def lead_size(market: Market, kind: str) -> SizeFigure | None:
    """The size figure a page or chart leads with: the first of its kind that has a year."""
    return next((s for s in market.size if s.kind == kind and s.year is not None), None)


def size_spec(market: Market) -> ChartSpec | None:
    """Base and forecast as stated, years between at the constant rate that joins them.

    The stated CAGR is not used for the path: it often starts later than the base year or
    rounds, and compounding it from the base would jump to the stated forecast in the last
    year. Years between are left out when no real growth rate exists (a base of zero or
    below), when the numbers overflow, or when the forecast is more than MAX_DERIVED_YEARS
    out: the stated figures are still drawn.
    """
    base, forecast = lead_size(market, "base"), lead_size(market, "forecast")
    if base is None or forecast is None or base.year is None or forecast.year is None:
        return None
    first, last = base.year, forecast.year
    if last <= first:
        return None
    span = last - first
    factor = implied_factor(base.usd_millions, forecast.usd_millions, span)
    derivation = _derivation(market, factor)
    derived: list[float | None] = [None] * (span - 1)
    if factor is not None and span <= MAX_DERIVED_YEARS:
        derived = [compound(base.usd_millions, factor, n) for n in range(1, span)]
    rows = [(first, base.usd_millions, False)]
    between = [v for v in derived if v is not None]
    if derived and len(between) == len(derived):
        rows += [(first + n, v, True) for n, v in enumerate(between, 1)]
    else:
        derivation = ""  # nothing derived: the page says so only when something is
    rows.append((last, forecast.usd_millions, False))
    return ChartSpec(
        kind="size",
        title=f"{market.name}: market size",
        note=_source_note(market),
        rows=tuple((y, round(v, 2), d) for y, v, d in rows),
        derivation=derivation,
    )


def _derivation(market: Market, factor: float | None) -> str:
    """How the years between were derived, in words, naming the stated CAGR when it agrees."""
    if factor is None:
        return ""
    rate = (factor - 1) * 100
    if market.cagr is not None and abs(rate - market.cagr.percent) < 0.05:
        return f"derived from the {percent(market.cagr.percent)} CAGR"
    return f"interpolated at {rate:.2f}% a year, the constant rate that joins the stated figures"


def regions_spec(market: Market) -> ChartSpec | None:
    rows = tuple((r.name, r.share_percent) for r in market.regions if r.share_percent is not None)
    if not rows:
        return None
    return ChartSpec("regions", f"{market.name}: share by region", _source_note(market), rows)


def _comparison(kind: str, title: str, rows: list[tuple], chosen: str) -> ChartSpec:
    """A chart over many markets: the first COMPARE_LIMIT rows, and a note when cut."""
    shown = rows[:COMPARE_LIMIT]
    cut = f"; the {len(shown)} {chosen} markets shown" if len(shown) < len(rows) else ""
    return ChartSpec(kind, title, f"Source: the {len(rows)} reports{cut}", tuple(shown))


def cagr_spec(markets: list[Market]) -> ChartSpec | None:
    """CAGR by market, fastest first; None when fewer than two markets state one."""
    rows = sorted(
        (
            (m.name, m.cagr.percent, m.geography, period(m.cagr.start_year, m.cagr.end_year))
            for m in markets
            if m.cagr
        ),
        key=lambda r: -r[1],
    )
    if len(rows) < 2:
        return None
    return _comparison("cagr", "Growth rate (CAGR) by market", rows, "fastest-growing")


def span_spec(markets: list[Market]) -> ChartSpec | None:
    """Base size -> forecast per market, largest forecast first."""
    rows = []
    for market in markets:
        base, forecast = lead_size(market, "base"), lead_size(market, "forecast")
        if base and forecast and base.usd_millions > 0 and forecast.usd_millions > 0:
            rows.append(
                (market.name, base.usd_millions, base.year, forecast.usd_millions, forecast.year)
            )
    if not rows:
        return None
    rows.sort(key=lambda r: -r[3])
    return _comparison("span", "Market size: base year → forecast", rows, "largest")


def alt_text(spec: ChartSpec) -> str:
    """What the chart shows, in words and figures, for readers who cannot see it."""
    if spec.kind == "size":
        stated = "; ".join(f"{y}: {usd(v)}" for y, v, d in spec.rows if not d)
        derived = "; ".join(f"{y}: {usd(round(v))}" for y, v, d in spec.rows if d)
        text = f"Bar chart, {spec.title}, USD million. Stated: {stated}."
        how = spec.derivation[:1].upper() + spec.derivation[1:]
        return text + (f" {how}: {derived}." if derived else "")
    if spec.kind == "span":
        points = [f"{n}: {usd(b)} ({by}) to {usd(f)} ({fy})" for n, b, by, f, fy in spec.rows]
        return f"Chart, {spec.title}, USD million. {'; '.join(points)}."
    points = [f"{row[0]}: {percent(row[1])}{_context(row)}" for row in spec.rows]
    return f"Bar chart, {spec.title}. {'; '.join(points)}."


def _context(row: tuple) -> str:
    """ ", United States, 2024–2030": where and over which years a growth rate holds."""
    return "".join(f", {part}" for part in row[2:] if part)


def chart_table(spec: ChartSpec) -> tuple[list[str], list[list[object]]]:
    """A chart's numbers as a table (header, rows), for the "data" link under it."""
    if spec.kind == "size":
        return ["year", "usd_millions", "derived"], [
            [y, v, "derived" if d else "stated"] for y, v, d in spec.rows
        ]
    if spec.kind == "span":
        header = ["market", "base_usd_millions", "base_year", "forecast_usd_millions"]
        return [*header, "forecast_year"], [list(r) for r in spec.rows]
    if spec.kind == "cagr":
        return ["market", "cagr_percent", "geography", "period"], [list(r) for r in spec.rows]
    return ["region", "share_percent"], [list(r) for r in spec.rows]


def log_scale(values: list[float]) -> bool:
    """True when values span more than LOG_SPREAD, so a linear axis would hide the small."""
    return max(values) / min(values) > LOG_SPREAD


def _label(name: str, width: int = 34) -> str:
    """A name on at most two short lines; a trailing "Market" adds nothing beside a chart."""
    name = name.removesuffix(" Market").removesuffix(" market")
    lines = textwrap.wrap(name, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def _frame(fig: Figure, spec: ChartSpec, left: float, legend: int = 0) -> Axes:
    """Title, legend rows and source note around one axes, all placed in fixed inches.

    The axes draws no axis of its own: matplotlib's tick objects cost most of a chart's
    time, so grid lines and labels are drawn as plain lines and text by the helpers below.
    """
    height = fig.get_figheight()
    title = textwrap.wrap(spec.title, 40)  # about the width of the figure at this size
    if len(title) > 2:
        title = [title[0], textwrap.shorten(" ".join(title[1:]), 40, placeholder="…")]
    fig.text(
        0.12 / WIDTH,
        1 - 0.12 / height,
        "\n".join(title),
        va="top",
        fontsize=FONT + 1.5,
        fontweight="bold",
    )
    note = textwrap.wrap(spec.note, 52)[:2]
    fig.text(0.12 / WIDTH, 0.08 / height, "\n".join(note), va="bottom")
    top = 0.3 + 0.26 * len(title) + 0.28 * legend
    bottom = 0.15 + 0.2 * len(note) + 0.55  # the note, then the axis labels above it
    place = (left / WIDTH, bottom / height, 1 - (left + 0.2) / WIDTH, 1 - (bottom + top) / height)
    if fig.axes:  # the process' figure, emptied by `_empty`
        axes = fig.axes[0]
        axes.set_position(place)
        return axes
    axes = fig.add_axes(place)
    axes.set_axis_off()
    axes.set_autoscale_on(False)
    return axes


def _per_inch(axes: Axes) -> tuple[float, float]:
    """How much of the axes' width and height one inch is, to place things in inches."""
    from matplotlib.figure import Figure

    figure = axes.get_figure()
    assert isinstance(figure, Figure), "charts draw on a whole figure, never a subfigure"
    width, height = axes.get_position().size * figure.get_size_inches()
    return 1 / width, 1 / height


def _value_axis(
    axes: Axes,
    low: float,
    high: float,
    label: str,
    *,
    vertical: bool,
    log: bool = False,
    formatter: Callable[[float], str] = usd,
) -> None:
    """Grid lines with labels along the value axis, and the axis title with its unit."""
    from matplotlib.ticker import LogLocator, MaxNLocator

    locator = LogLocator() if log else MaxNLocator(5)
    ticks = [t for t in locator.tick_values(low, high) if low <= t <= high * 1.0001]
    line: dict[str, Any] = {"color": TEXT, "alpha": 0.3, "linewidth": 0.6, "zorder": 0}
    if vertical:
        axes.set_ylim(low, high)
        frame = axes.get_yaxis_transform()
        axes.hlines(ticks, 0, 1, transform=frame, **line)
        for tick in ticks:
            axes.text(-0.012, tick, formatter(tick), transform=frame, ha="right", va="center")
        axes.text(
            -0.82 * _per_inch(axes)[0],
            0.5,
            label,
            rotation=90,
            transform=axes.transAxes,
            ha="center",
            va="center",
        )
    else:
        if log:
            axes.set_xscale("log")
        axes.set_xlim(low, high)
        frame = axes.get_xaxis_transform()
        axes.vlines(ticks, 0, 1, transform=frame, **line)
        step = 0.06 * _per_inch(axes)[1]
        for tick in ticks:
            axes.text(tick, -step, formatter(tick), transform=frame, ha="center", va="top")
        axes.text(0.5, -5.5 * step, label, transform=axes.transAxes, ha="center", va="top")


def _category_labels(axes: Axes, positions, labels, *, vertical: bool) -> None:
    """Labels beside the bars: years under columns, names left of rows."""
    if vertical:
        frame = axes.get_xaxis_transform()
        for position, label in zip(positions, labels, strict=True):
            axes.text(
                position, -0.06 * _per_inch(axes)[1], label, transform=frame, ha="center", va="top"
            )
    else:
        frame = axes.get_yaxis_transform()
        for position, label in zip(positions, labels, strict=True):
            axes.text(
                -0.012, position, label, transform=frame, ha="right", va="center", linespacing=1.1
            )


def _bars(axes: Axes, rows: list[tuple[float, float]], *, vertical: bool, **style) -> None:
    """Bars as one collection: far cheaper than a patch (and a limits update) per bar."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    width = 0.7 if vertical else 0.4  # a row's label sits above its bar
    rects = [
        Rectangle((p - width / 2, 0), width, v)
        if vertical
        else Rectangle((0, p - width / 2), v, width)
        for p, v in rows
    ]
    axes.add_collection(PatchCollection(rects, **style), autolim=False)


def _legend(axes: Axes, items: list[tuple[str, dict]]) -> None:
    """The keys above the axes, one a row, so each reads at full size on a phone."""
    from matplotlib.patches import Rectangle

    inch_x, inch_y = _per_inch(axes)
    for row, (label, style) in enumerate(reversed(items)):
        y = 1 + (0.12 + 0.28 * row) * inch_y
        axes.add_patch(
            Rectangle(
                (0, y),
                0.3 * inch_x,
                0.14 * inch_y,
                transform=axes.transAxes,
                clip_on=False,
                **style,
            )
        )
        axes.text(0.4 * inch_x, y + 0.07 * inch_y, label, transform=axes.transAxes, va="center")


def _draw_size(fig: Figure, spec: ChartSpec) -> None:
    stated = [(y, v) for y, v, d in spec.rows if not d]
    derived = [(y, v) for y, v, d in spec.rows if d]
    axes = _frame(fig, spec, 0.95, legend=2 if derived else 1)
    years = [y for y, _, _ in spec.rows]
    axes.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    top = max(max(v for _, v, _ in spec.rows), 1.0) * 1.18  # all zero still gets an axis
    _value_axis(axes, 0, top, "USD million", vertical=True)
    solid = {"facecolor": STATED, "edgecolor": STATED, "linewidth": 1}
    hatched = {"facecolor": "none", "edgecolor": STATED, "hatch": "///", "linewidth": 1}
    _bars(axes, stated, vertical=True, **solid)
    legend = [("Stated in the report", solid)]
    if derived:
        _bars(axes, derived, vertical=True, **hatched)
        legend.append((spec.derivation[0].upper() + spec.derivation[1:], hatched))
    # every year is labelled when they fit, else the stated years and every other one; a
    # stated year carries its figure under it, where no taller bar beside it can cover it
    values = dict(stated)
    crowded = len(years) > 7
    shown = [y for i, y in enumerate(years) if not crowded or i % 2 == 0 or y in values]
    if crowded and len(years) % 2 == 0 and len(shown) > 1 and shown[-2] == years[-2]:
        shown.pop(-2)  # the last two years would touch
    labels = [f"{y}\n{usd(values[y])}" if y in values else str(y) for y in shown]
    _category_labels(axes, shown, labels, vertical=True)
    axes.axhline(0, color=TEXT, linewidth=0.8)
    _legend(axes, legend)


ROW = 0.62
"""Inches per row of a horizontal chart: a label line above a bar."""


def _draw_bars(fig: Figure, spec: ChartSpec) -> None:
    axes = _frame(fig, spec, 0.15)
    rows = list(spec.rows)
    values = [r[1] for r in rows][::-1]
    axes.set_ylim(-0.4, len(values) - 0.2)
    label = "CAGR, % a year" if spec.kind == "cagr" else "Share of the market, %"
    _value_axis(
        axes, 0, max(max(values), 1) * 1.45, label, vertical=False, formatter=lambda v: f"{v:g}"
    )
    _bars(axes, list(enumerate(values)), vertical=False, facecolor=STATED, edgecolor="none")
    for y, row in enumerate(rows[::-1]):
        axes.text(row[1], y, " " + percent(row[1]), va="center")
        name = textwrap.shorten(_label(row[0], 60).replace("\n", " "), 52, placeholder="…")
        where = ", ".join(part for part in row[2:] if part)  # geography and period of a CAGR
        axes.text(0, y + 0.24, name + (f"\n{where}" if where else ""), va="bottom")
    axes.axvline(0, color=TEXT, linewidth=0.8)


def _draw_span(fig: Figure, spec: ChartSpec) -> None:
    axes = _frame(fig, spec, 0.15, legend=2)
    rows = spec.rows[::-1]
    ys = list(range(len(rows)))
    bases = [r[1] for r in rows]
    forecasts = [r[3] for r in rows]
    values = bases + forecasts
    axes.set_ylim(-0.4, len(rows) - 0.2)
    if len(values) > 1 and log_scale(values):
        _value_axis(
            axes,
            min(values) / 3,
            max(values) * 3,
            "USD million (log scale)",
            vertical=False,
            log=True,
        )
    else:
        _value_axis(axes, 0, max(values) * 1.3, "USD million", vertical=False)
    axes.hlines(ys, bases, forecasts, color=TEXT, linewidth=1.2, alpha=0.6)
    axes.scatter(bases, ys, s=36, color=STATED, zorder=3)
    axes.scatter(forecasts, ys, s=36, color=SECOND, zorder=3)
    for y, (name, base, base_year, forecast, forecast_year) in zip(ys, rows, strict=True):
        figures = f"{usd(base)} ({base_year}) → {usd(forecast)} ({forecast_year})"
        label = textwrap.shorten(_label(name, 60).replace("\n", " "), 52, placeholder="…")
        axes.text(axes.get_xlim()[0], y + 0.16, f"{label}\n{figures}", va="bottom")
    _legend(
        axes,
        [
            ("Base year (stated)", {"facecolor": STATED, "edgecolor": "none"}),
            ("Forecast (stated)", {"facecolor": SECOND, "edgecolor": "none"}),
        ],
    )


DRAW: dict[str, Callable[[Figure, ChartSpec], None]] = {
    "size": _draw_size,
    "regions": _draw_bars,
    "cagr": _draw_bars,
    "span": _draw_span,
}


def _height(spec: ChartSpec) -> float:
    if spec.kind == "size":
        return 4.6
    per_row = ROW if spec.kind == "regions" else ROW + 0.25  # two label lines
    return 2.3 + per_row * max(len(spec.rows), 2)


_FIGURE: list[Figure] = []
"""The one figure of this process, when it has drawn a chart."""


def _figure(height: float) -> Figure:
    """This process' figure, `height` inches tall. It is made once and emptied after each
    chart (`_empty`): a new axes costs a third of a chart, as matplotlib makes its tick
    objects even for an axes that draws no axis."""
    from matplotlib.figure import Figure

    if not _FIGURE:
        _FIGURE.append(Figure(figsize=(WIDTH, height)))
    figure = _FIGURE[0]
    figure.set_size_inches(WIDTH, height)
    return figure


def _empty(fig: Figure) -> None:
    """Remove what a chart drew, so the next one starts from the figure a new one would be."""
    for text in list(fig.texts):
        text.remove()
    for axes in fig.axes:
        for artist in [*axes.texts, *axes.lines, *axes.collections, *axes.patches]:
            artist.remove()
        axes.relim()
        if axes.get_xscale() != "linear":
            axes.set_xscale("linear")


def render_chart(spec: ChartSpec) -> str:
    """The SVG text of one chart; identical specs give identical bytes."""
    import matplotlib

    with matplotlib.rc_context(RC):
        fig = _figure(_height(spec))
        try:
            DRAW[spec.kind](fig, spec)
            out = io.StringIO()
            fig.savefig(out, format="svg", metadata={"Date": None}, transparent=True)
        finally:
            _empty(fig)
    return out.getvalue()
