"""The sentences and labels pages need that are made in Python, in one place.

Page layout and its words belong in the templates of `site_templates/`, which a project can
override. Some text is made before a template runs, because it goes into front matter
(descriptions), is set beside a figure in several templates (a conversion note, a CAGR's
period) or into an evidence list built by `builder.views`; its English is all here, so a
change of wording touches one module and no view logic.
"""

from __future__ import annotations

from datetime import date

from builder.charts import lead_size
from builder.schema import Cagr, Conversion, Market, Region, SizeFigure
from builder.text import count, money, percent, period, safe_url

FIGURE_LABELS = {"base": "Market size", "forecast": "Forecast", "other": "Other figure"}
"""What a size figure is, by its kind."""

PERIOD_ORIGINS = {
    "sentence": "years as stated with the rate",
    "title": "years from the report's title, not the rate's sentence",
    "report": "years from elsewhere in the report, not the rate's sentence",
}
"""Where a CAGR's years come from, by `Cagr.period_source`."""


def cagr_period(cagr: Cagr) -> str:
    """A CAGR's years with where they come from, and the years the report's own sizes give
    the rate over when those differ: "2025–2032 (years from the report's title, ...); the
    report's sizes give this rate over 2023–2032"."""
    years = period(cagr.start_year, cagr.end_year)
    text = (
        f"{years} ({PERIOD_ORIGINS[cagr.period_source]})" if years and cagr.period_source else years
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


def unscoped(market: Market, scope_stated: bool | None) -> str:
    """What an analyst must know before citing a figure whose sentence names no place."""
    if scope_stated is not False:
        return ""
    return f" (scope not stated: the sentence does not name {market.geography})"


def size_label(market: Market, size: SizeFigure) -> str:
    """A size figure as the evidence list states it: "Forecast, 2032: USD 19,927.57 million"."""
    year = f", {size.year}" if size.year else ""
    figure = money(size.usd_millions, size.qualifier) + unscoped(market, size.scope_stated)
    if size.conversion:
        figure += f" ({conversion_note(size.conversion, size.year)})"
    return f"{FIGURE_LABELS[size.kind]}{year}: {figure}"


def growth_label(market: Market, cagr: Cagr) -> str:
    """A CAGR as the evidence list states it: "Growth: 15.42% CAGR, 2025–2032 (...)"."""
    years = cagr_period(cagr)
    return (
        f"Growth: {percent(cagr.percent)} CAGR"
        + (f", {years}" if years else "")
        + unscoped(market, cagr.scope_stated)
    )


def region_label(region: Region) -> str:
    """A region as the evidence list states it: "North America: 45.0%"."""
    share = f": {percent(region.share_percent)}" if region.share_percent is not None else ""
    return f"{region.name}{share}"


def cite_line(market: Market, built: date) -> str:
    """How to cite a market's figures: report, publisher, the date the figures were taken
    from it, and the report's page; the report's own publication date is not extracted."""
    parts = [market.publisher, f"“{market.title or market.name}”", f"figures as of {built}"]
    if safe_url(market.source.url):
        parts.append(str(market.source.url).strip())
    return ", ".join(parts) + f" (report file {market.source.file})."


def market_description(market: Market) -> str:
    """One sentence from a market's own figures, for search engines and share previews."""
    base, forecast = lead_size(market, "base"), lead_size(market, "forecast")
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


EXTRACTED = {
    "segments": ("segment dimension", ""),
    "regions": ("region", ""),
    "companies": ("company", "companies"),
    "drivers": ("driver", ""),
    "trends": ("trend", ""),
    "challenges": ("challenge", ""),
    "opportunities": ("opportunity", "opportunities"),
    "outlook": ("outlook point", ""),
    "faq": ("FAQ", "FAQs"),
}
"""What a report gave, by `builder.views.found`'s keys: a count of one and of many."""


def extracted(found: dict[str, int]) -> str:
    """What extraction found in one report, in a few words, for the sources table:
    "size and forecast, CAGR, 2 segment dimensions, 5 regions, 8 companies"."""
    stated = [name for name in ("size", "forecast") if found.get(name)]
    parts = [" and ".join(stated)] if stated else []
    if found.get("cagr"):
        parts.append("CAGR")
    parts += [count(found[key], *EXTRACTED[key]) for key in EXTRACTED if found.get(key)]
    return ", ".join(parts) or "no figures"


def company_description(name: str, markets: list[Market]) -> str:
    """Where a company is named, in one sentence."""
    if not markets:
        return f"{name}: named in no market of this brief."
    listed = ", ".join(m.name for m in markets[:3]) + (", ..." if len(markets) > 3 else "")
    return f"{name}: named in {count(len(markets), 'market report')}: {listed}."
