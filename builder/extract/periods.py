"""Where a CAGR's years come from, and which years the report's own sizes support.

A rate's sentence often says only "during the forecast period"; its years are then the
title's ("Market Forecast 2025-2032"), while the sizes stated beside it may span other
years (USD 5,483.81 million in 2023 to USD 19,927.57 million by 2032 is exactly 15.42% a
year over 2023-2032, not 2025-2032). An analyst citing the period needs to know both.
"""

from __future__ import annotations

import re

from builder.extract import figures
from builder.schema import Cagr, PeriodSource, RawSize
from builder.vocabulary.money import UNIT_IN_MILLIONS

_DECIMALS = re.compile(r"[.,](\d+)")
RATE_TOLERANCE = 0.01
"""How far (in percentage points, beyond the rounding of the stated rate) the rate the sizes
imply may be from the stated one and still be the same rate."""


def period_origin(
    sentence: str,
    years: tuple[int | None, int | None],
    period: tuple[int, int] | None,
    period_source: PeriodSource,
) -> PeriodSource | None:
    """The origin of the years `cagr_years` gave a rate: the forecast period when they are it
    and the sentence states no range of its own, else the sentence."""
    if not any(years):
        return None
    if period and years == period and figures.find_year_range(sentence) != period:
        return period_source
    return "sentence"


def supported_period(
    cagr: Cagr, written: str, base: RawSize | None, forecast: RawSize | None
) -> tuple[int, int] | None:
    """The base and forecast years when the sizes give the stated rate (as `written`, "7.0%",
    whose decimals say how precise it is) over them and those years are not the rate's stated
    period; None otherwise."""
    if not (base and forecast and base.year and forecast.year) or forecast.year <= base.year:
        return None
    if (cagr.start_year, cagr.end_year) == (base.year, forecast.year):
        return None
    low, high = base.money, forecast.money
    if low.currency != high.currency or low.amount <= 0 or high.amount <= 0:
        return None
    ratio = high.amount * UNIT_IN_MILLIONS[high.unit] / (low.amount * UNIT_IN_MILLIONS[low.unit])
    implied = (ratio ** (1 / (forecast.year - base.year)) - 1) * 100
    decimals = _DECIMALS.search(written)
    places = len(decimals.group(1)) if decimals else 0
    if abs(implied - cagr.percent) > 0.5 * 10**-places + RATE_TOLERANCE:
        return None
    return base.year, forecast.year
