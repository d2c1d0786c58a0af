"""How reports write amounts of money: scale words, currencies and their symbols.

One table serves every stage: extraction reads "USD 5.4 Bn" with `SCALE_WORDS` and the
currency tables, the schema accepts the scales in `Unit`, and normalisation and the
benchmarks convert with `UNIT_IN_MILLIONS`. A new spelling ("bln", "mio") or currency is
added here once.
"""

from __future__ import annotations

from typing import Literal, get_args

Unit = Literal["", "thousand", "million", "billion", "trillion"]
"""The scale a figure is stated in; "" is a plain amount ("$500,000")."""

UNIT_IN_MILLIONS: dict[Unit, float] = {
    "": 1e-6,
    "thousand": 1e-3,
    "million": 1.0,
    "billion": 1e3,
    "trillion": 1e6,
}

SCALE_WORDS: dict[str, Unit] = {
    "trillion": "trillion",
    "tn": "trillion",
    "billion": "billion",
    "bn": "billion",
    "bln": "billion",
    "b": "billion",
    "million": "million",
    "mn": "million",
    "mln": "million",
    "mio": "million",
    "mm": "million",
    "m": "million",
    "thousand": "thousand",
    "k": "thousand",
}
"""Scale words and abbreviations as written after a number, lower-cased."""

BARE_SCALE_WORDS: tuple[str, ...] = ("trillion", "billion", "million", "bn", "mn")
"""Scales clear enough to read an amount with no currency written ("5.4 billion")."""

CJK_SCALES: dict[str, float] = {"万亿": 1e6, "亿": 100.0, "万": 0.01}
"""Chinese and Japanese counting units in millions: 亿 is 10^8, so 6580 亿 is 658,000 million."""

CURRENCY_PREFIXES: tuple[tuple[str, str], ...] = (
    (r"US\s?\$|USD\s?\$?|U\.S\.\s?\$|\$", "USD"),
    (r"HK\$", "HKD"),
    (r"S\$", "SGD"),
    (r"C\$|CAD", "CAD"),
    (r"A\$|AU\$|AUD", "AUD"),
    (r"€|EUR", "EUR"),
    (r"£|GBP", "GBP"),
    (r"¥|JPY", "JPY"),
    (r"CNY|RMB", "CNY"),
    (r"₹|INR|Rs\.?", "INR"),
    (r"CHF", "CHF"),
    (r"₩|KRW", "KRW"),
    (r"SGD", "SGD"),
)
"""Currency signs and codes written before the number (regex, ISO 4217 code)."""

CURRENCY_SUFFIXES: tuple[tuple[str, str], ...] = (
    (r"USD|US\s?dollars|U\.S\.\s?dollars|dollars", "USD"),
    (r"EUR|euros?", "EUR"),
    (r"GBP|pounds sterling", "GBP"),
    (r"JPY|yen", "JPY"),
    (r"CNY|RMB|yuan", "CNY"),
    (r"INR|rupees", "INR"),
    (r"CHF|Swiss francs", "CHF"),
)
"""Currency codes and names written after the number and its scale (regex, ISO code)."""

CJK_CURRENCIES: tuple[tuple[str, str], ...] = (
    ("美元", "USD"),
    ("欧元", "EUR"),
    ("日元", "JPY"),
    ("人民币", "CNY"),
    ("元", "CNY"),
)
"""Currency words after a Chinese amount ("6580 亿美元"); longest first."""

assert set(UNIT_IN_MILLIONS) == set(get_args(Unit)), "every unit needs a conversion"
assert set(SCALE_WORDS.values()) <= set(get_args(Unit))
