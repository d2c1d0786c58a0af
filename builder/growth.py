"""Growth arithmetic that cannot fail: compound rates from whatever a report or a correction says.

A base of zero, a negative or shrinking figure, a CAGR of -100 % or a forecast 3,000 years
out are all things a report or a hand edit can state. Each function here answers None when
no real, finite answer exists (instead of dividing by zero, taking a root of a negative
number, which Python answers with a complex number, or overflowing), and callers leave the
derived figure out.
"""

from __future__ import annotations

import math

MAX_DERIVED_YEARS = 50
"""Years between base and forecast beyond which no year-by-year figures are derived."""


def _finite(*values: float) -> bool:
    return all(math.isfinite(v) for v in values)


def cagr_factor(percent: float) -> float | None:
    """1 + CAGR/100, the yearly growth factor; None when it is not a positive finite number."""
    factor = 1 + percent / 100
    return factor if _finite(factor) and factor > 0 else None


def implied_factor(start: float, end: float, years: int) -> float | None:
    """The constant yearly factor taking `start` to `end` in `years`; None if there is none."""
    if years <= 0 or not _finite(start, end) or start <= 0 or end <= 0:
        return None
    try:
        factor = (end / start) ** (1 / years)
    except (OverflowError, ZeroDivisionError):
        return None
    return factor if _finite(factor) and factor > 0 else None


def compound(value: float, factor: float, years: int) -> float | None:
    """`value` grown by `factor` for `years`; None when the result is not a finite number."""
    try:
        grown = value * factor**years
    except (OverflowError, ZeroDivisionError):
        return None
    return grown if _finite(grown) else None
