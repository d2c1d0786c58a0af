"""From extracted records to the data under `data/`: USD millions, one identity per company.

Normalisation never hides what a report said: each converted figure keeps its original
text and sentence, and anything an analyst should check (figures that do not add up, a
currency with no rate, a duplicate report) becomes a warning on the market.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from builder.growth import cagr_factor, compound
from builder.identity import CompanyResolver
from builder.schema import (
    RESTATED,
    AliasFile,
    Company,
    Conversion,
    Market,
    MarketFacts,
    Mention,
    Money,
    RateTable,
    ReportRecord,
    ReportWarning,
    Revenue,
    SizeFigure,
)
from builder.slugs import unique_slug
from builder.vocabulary.money import UNIT_IN_MILLIONS
from builder.warning_codes import warn

CONSISTENCY_TOLERANCE = 0.05


def convert(
    money: Money, year: int | None, rates: RateTable
) -> tuple[float, Conversion | None] | None:
    """USD millions with the rate of the figure's year (the nearest year the table has, the
    latest for a figure with no year), and that rate for a figure not in USD; None when the
    table has no rate for the currency."""
    code = money.currency.upper()
    by_year = rates.rates.get(code)
    if not by_year:
        return None
    rate_year = (
        year if year in by_year else min(by_year, key=lambda y: (abs(y - (year or 9999)), -y))
    )
    value = round(money.amount * UNIT_IN_MILLIONS[money.unit] * by_year[rate_year], 4)
    if code == "USD":
        return value, None
    used = Conversion(
        currency=code, usd_per_unit=by_year[rate_year], year=rate_year, nearest=rate_year != year
    )
    return value, used


def usable(value: float | None) -> bool:
    """A converted amount the data can hold: finite and not below zero."""
    return value is not None and math.isfinite(value) and value >= 0


def consistency_warning(market: Market) -> ReportWarning | None:
    """Check base x (1 + CAGR)^years against the forecast; publishers get this wrong."""
    base = next((s for s in market.size if s.kind == "base" and s.year), None)
    forecast = next((s for s in market.size if s.kind == "forecast" and s.year), None)
    if not (base and forecast and market.cagr and base.year and forecast.year):
        return None
    years = forecast.year - base.year
    factor = cagr_factor(market.cagr.percent)
    if years <= 0 or base.usd_millions <= 0 or forecast.usd_millions <= 0 or factor is None:
        return None
    implied = compound(base.usd_millions, factor, years)
    if implied is None:
        return None
    gap = implied / forecast.usd_millions - 1
    if abs(gap) <= CONSISTENCY_TOLERANCE:
        return None
    return warn(
        "figures-do-not-add-up",
        base=base.original,
        base_year=base.year,
        percent=market.cagr.percent,
        implied=round(implied),
        forecast_year=forecast.year,
        gap=round(gap, 4),
        forecast=forecast.original,
    )


@dataclass
class Normalised:
    markets: list[Market] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)


def _market(record: ReportRecord, slug: str, rates: RateTable, company_slugs: list[str]) -> Market:
    warnings = list(record.warnings)
    size = []
    for raw in record.size:
        converted = convert(raw.money, raw.year, rates)
        if converted is None:
            warnings.append(
                warn("no-exchange-rate", currency=raw.money.currency, figure=raw.money.original)
            )
            continue
        value, used = converted
        if not usable(value):
            warnings.append(warn("unusable-size", figure=raw.money.original))
            continue
        size.append(
            SizeFigure(
                kind=raw.kind,
                year=raw.year,
                usd_millions=value,
                conversion=used,
                original=raw.money.original,
                qualifier=raw.money.qualifier,
                quote=raw.quote,
                scope_stated=raw.scope_stated,
            )
        )
    fields = record.model_dump(include=set(MarketFacts.model_fields) - RESTATED)
    market = Market(slug=slug, size=size, companies=company_slugs, warnings=warnings, **fields)
    check = consistency_warning(market)
    if check:
        market.warnings = [*market.warnings, check]
    return market


def _drop_identical(records: list[ReportRecord]) -> tuple[list[ReportRecord], dict[str, list[str]]]:
    """Identical copies under other names make one market, not several equal pages."""
    first: dict[str, str] = {}
    copies: dict[str, list[str]] = defaultdict(list)
    unique = []
    for record in records:
        digest = record.source.sha256 or record.source.file
        if digest in first:
            copies[first[digest]].append(record.source.file)
        else:
            first[digest] = record.source.file
            unique.append(record)
    return unique, copies


def normalise(records: list[ReportRecord], rates: RateTable, aliases: AliasFile) -> Normalised:
    """Records in a stable order (by file name) give the same data, byte for byte."""
    records = sorted(records, key=lambda r: r.source.file)
    resolver = CompanyResolver(aliases)
    names = [c.name for r in records for c in r.companies]
    names += [c.parent_name for r in records for c in r.companies if c.parent_name]
    identities = resolver.resolve(names)

    unique, copies = _drop_identical(records)
    taken: set[str] = set()
    markets: list[Market] = []
    mentions: dict[str, list[Mention]] = defaultdict(list)
    parents: dict[str, str] = {}
    for record in unique:
        slug = unique_slug(record.name, taken, source=record.source.file)
        company_slugs: list[str] = []
        for raw in record.companies:
            identity = identities.get(raw.name)
            if identity is None or identity.slug in company_slugs:
                continue
            company_slugs.append(identity.slug)
            if raw.parent_name and raw.parent_name in identities:
                parents[identity.slug] = identities[raw.parent_name].slug
            revenues = []
            for rev in raw.revenues:
                converted = convert(rev.money, rev.year, rates)
                if converted is not None and usable(converted[0]) and usable(rev.money.amount):
                    revenues.append(
                        Revenue(
                            amount=rev.money.amount,
                            currency=rev.money.currency,
                            unit=rev.money.unit,
                            year=rev.year,
                            usd_millions=converted[0],
                            conversion=converted[1],
                            approximate=rev.approximate,
                            qualifier=rev.money.qualifier,
                            subject=rev.subject,
                            quote=rev.quote,
                        )
                    )
            mentions[identity.slug].append(
                Mention(
                    market=slug,
                    report=record.source.file,
                    name_as_written=raw.name,
                    description=raw.description,
                    revenues=revenues,
                )
            )
        market = _market(record, slug, rates, company_slugs)
        for copy in copies.get(record.source.file, []):
            market.warnings = [*market.warnings, warn("identical-copy", file=copy)]
        markets.append(market)

    by_slug = {i.slug: i for i in identities.values()}
    subsidiaries: dict[str, list[str]] = defaultdict(list)
    for child, parent in sorted(parents.items()):
        if child != parent:
            subsidiaries[parent].append(child)
    companies = [
        Company(
            slug=slug,
            name=identity.name,
            aliases=list(identity.aliases),
            parent=parents.get(slug) if parents.get(slug) != slug else None,
            subsidiaries=subsidiaries.get(slug, []),
            mentions=mentions[slug],
        )
        for slug, identity in sorted(by_slug.items())
        if mentions[slug] or subsidiaries.get(slug)
    ]
    return Normalised(markets=markets, companies=companies)
