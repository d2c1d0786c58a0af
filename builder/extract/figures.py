"""Money, CAGR and year figures as a sentence writes them.

Only what the text says is read here: "USD 5,483.81 million" is 5483.81 USD million,
"â‚¬1.03 billion" (once repaired) is 1.03 EUR billion, "7-10%" is a range. Conversion
and consistency checks belong to normalisation. Every pattern is anchored on a currency
sign, a digit or a keyword and bounded, so the cost stays linear on any input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from builder.schema import Money, Qualifier
from builder.vocabulary.money import (
    BARE_SCALE_WORDS,
    CJK_CURRENCIES,
    CJK_SCALES,
    CURRENCY_PREFIXES,
    CURRENCY_SUFFIXES,
    SCALE_WORDS,
)

_NUMBER = r"\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?(?![\d,])|\d{1,15}(?:\.\d{1,6})?(?:,\d{1,2}(?!\d))?"
_UNIT = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
_UNIT_GAP = r"(?:\s?-\s?|\s)?"
"""Between a number and its scale: nothing, a space or a hyphen ("$1.79-bn", "$41-billion")."""
_PREFIX_MONEY = re.compile(
    r"(?<![A-Za-z])(?P<cur>"
    + "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(CURRENCY_PREFIXES))
    + rf")\s?(?P<num>{_NUMBER})(?:{_UNIT_GAP}(?P<unit>{_UNIT})\b\.?)?(?![\w])",
    re.IGNORECASE,
)
_SUFFIX_MONEY = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUMBER})(?:{_UNIT_GAP}(?P<unit>{_UNIT})\b)?\s?(?P<cur>"
    + "|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(CURRENCY_SUFFIXES))
    + r")\b",
    re.IGNORECASE,
)
_BARE_MONEY = re.compile(
    r"(?<![\w.,$€£¥₹])(?P<num>\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?)"
    rf"\s?(?P<unit>{'|'.join(BARE_SCALE_WORDS)})\b(?=\s*(?:[,.;:)\]]|$|(?:in|by|and|at|for|from"
    r"|to|during|over|while|which|that|as|or|until|through|till|is|was|were|will|with|growing"
    r"|registering|expanding|exhibiting|reflecting|representing|showcasing)\b))",
    re.IGNORECASE,
)
"""An amount with no currency counts only where a size would end ("valued at 5.4 billion in
2023"), never before a noun it counts ("30 million EVs", "2 billion doses")."""
_CJK_MONEY = re.compile(
    r"(?<![\d.])(?P<num>\d{1,15}(?:\.\d{1,6})?)\s?(?P<scale>"
    + "|".join(CJK_SCALES)
    + ")(?P<cur>"
    + "|".join(word for word, _ in CJK_CURRENCIES)
    + ")"
)
_DIGIT = re.compile(r"\d")
_PERCENT = r"(?:%|\s?percent\b|\s?per cent\b)"
_PCT_NUMBER = r"(?<![\d.,])\d{1,3}(?:\.\d{1,3}|,\d{1,2}(?![\d,]))?(?![\d])"
"""A percentage number; "39,4" is a decimal comma (39.4)."""
_CAGR_NAMES = (
    r"\bCAGR\b|compound annual growth(?: rate)?|compound (?:annual )?(?:growth )?rate"
    r"|average annual growth rate"
)
"""What reports call a CAGR: "CAGR", "compound growth rate", "17.9 percent compound annual
rate", "average annual growth rate over the decade"."""
_CAGR_ANCHOR = re.compile(_CAGR_NAMES, re.IGNORECASE)
_CAGR_VALUE = re.compile(
    rf"(?P<a>{_PCT_NUMBER})\s*{_PERCENT}?\s*(?:-|–|—|to)\s*(?P<b>{_PCT_NUMBER})\s*"
    rf"(?P<pb>{_PERCENT})|(?P<c>{_PCT_NUMBER})\s*(?P<pc>{_PERCENT})",
    re.IGNORECASE,
)
_CAGR_BEFORE = re.compile(
    rf"(?P<c>{_PCT_NUMBER})\s*(?P<pc>{_PERCENT})\s*\(?\s*(?:{_CAGR_NAMES})",
    re.IGNORECASE,
)
_CAGR_NAME_AFTER = re.compile(rf"\s*\(?\s*(?:{_CAGR_NAMES})\s*\)?", re.IGNORECASE)
_CAGR_WINDOW = 60
_YEAR_RANGE = re.compile(
    r"(?<![\d.,])((?:19|20)\d{2})\s*年?\s*(?:-|–|—|to|and|through|till|until|至|到)\s*"
    r"((?:19|20)\d{2}|\d{2})F?(?![\d%])",
    re.IGNORECASE,
)
"""A period: "2024-2030", "from 2021 to 2027", "2026-32", "2024-2031F" (F for forecast),
"2019 年至 2025 年"."""
_YEAR_AFTER = re.compile(
    r"\s*\)?\s*,?\s*(?:market\s+)?(?:in|by|for|of|during|through|until|till|at the end of"
    r"|by the end of|by end of|end of|as of)?\s*(?:the\s+)?"
    r"(?:year\s+|fiscal\s+(?:year\s+)?)?\(?(?:FY\s?)?"
    r"((?:19|20)\d{2})F?(?![\d%])",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(
    r"\b(in|as of|for|during|by)\s+(?:the\s+year\s+)?((?:19|20)\d{2})\b"
    r"|(到|在|于)\s*((?:19|20)\d{2})\s*年",
    re.IGNORECASE,
)
_CJK_PREPOSITIONS = {"到": "by", "在": "in", "于": "in"}
"""Chinese "到 2025 年" is "by 2025", "在 2018 年" "in 2018"."""
_YEAR_BEFORE_WINDOW = 150
_BOUND = re.compile(
    r"(?:\b(?:(?P<more_than>(?:just\s+|well\s+)?over|(?:much\s+|well\s+)?more than"
    r"|exceed(?:s|ed|ing)?|in excess of|upwards of|above|north of|at least"
    r"|surpass(?:es|ed|ing)?|beyond)"
    r"|(?P<less_than>(?:just\s+|well\s+)?under|less than|below|up to|fewer than|at most)"
    r"|(?P<about>approximately|approx\.?|around|about|nearly|almost|roughly|close to|some|circa"
    r"|an estimated|an approximate))|(?P<tilde>~))\s*$",
    re.IGNORECASE,
)
"""The words right before a figure that bound it. "estimated at" and "valued at" end on "at",
so they bound nothing: every size a report gives is its estimate, not an approximation."""
_BOUND_WINDOW = 30
_BETWEEN = re.compile(r"\b(?:between|anywhere from|ranging from|range of)\s*$", re.IGNORECASE)
"""Words that open a range written "between $8.97 billion and $10.5 billion"."""


@dataclass(frozen=True, slots=True)
class MoneyHit:
    start: int
    end: int
    money: Money
    stated_currency: bool = True
    """False when no currency was written and USD is assumed."""
    ranged: bool = False
    """The lower end of a range written with one scale ("$17 to $26.3 billion")."""


@dataclass(frozen=True, slots=True)
class CagrHit:
    start: int
    end: int
    low: float
    high: float | None
    original: str
    """As written: "7.0%", "8-10%"."""

    @property
    def is_range(self) -> bool:
        return self.high is not None


def find_money(sentence: str) -> list[MoneyHit]:
    """Amounts with a currency, in order; overlapping readings keep the first found."""
    if not has_digit(sentence):
        return []
    hits: list[MoneyHit] = []
    for m in _PREFIX_MONEY.finditer(sentence):
        currency = next(c for i, (_, c) in enumerate(CURRENCY_PREFIXES) if m.group(f"p{i}"))
        hits.append(_hit(m, currency))
    for m in _SUFFIX_MONEY.finditer(sentence):
        if not _overlaps(m.start(), m.end(), hits):
            currency = next(c for i, (_, c) in enumerate(CURRENCY_SUFFIXES) if m.group(f"s{i}"))
            hits.append(_hit(m, currency))
    for m in _CJK_MONEY.finditer(sentence):
        hits.append(_cjk_hit(m))
    if not hits:
        for m in _BARE_MONEY.finditer(sentence):
            hits.append(_hit(m, "USD", stated=False))
    return _qualify(sentence, _range_units(sentence, sorted(hits, key=lambda h: h.start)))


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*")


def is_range_join(sentence: str, start: int, end: int) -> bool:
    """Whether only "-", "to" or "and" stands between two figures."""
    return _RANGE_JOIN.fullmatch(sentence, start, end) is not None


def _range_units(sentence: str, hits: list[MoneyHit]) -> list[MoneyHit]:
    """ "$17 to $26.3 billion", "$5-10 billion": the lower end takes the upper end's scale."""
    out = list(hits)
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        if not low.money.unit and high.money.unit and is_range_join(sentence, low.end, high.start):
            money = low.money.model_copy(update={"unit": high.money.unit})
            out[i] = MoneyHit(low.start, low.end, money, low.stated_currency, ranged=True)
    return out


def _qualify(sentence: str, hits: list[MoneyHit]) -> list[MoneyHit]:
    """Each amount with the bound its words set: both ends of a range ("$5-10 billion",
    "between $8.97 billion and $10.5 billion") are `range`, others as `qualifier` reads them."""
    bounds = [qualifier(sentence, h.start) for h in hits]
    for i in range(len(hits) - 1):
        low, high = hits[i], hits[i + 1]
        opened = _BETWEEN.search(sentence, max(0, low.start - 20), low.start) is not None
        if is_range_join(sentence, low.end, high.start) and (low.ranged or opened):
            bounds[i] = bounds[i + 1] = "range"
    return [
        replace(h, money=h.money.model_copy(update={"qualifier": b})) if b else h
        for h, b in zip(hits, bounds, strict=True)
    ]


def qualifier(sentence: str, pos: int) -> Qualifier | None:
    """The bound the words right before a figure set: "exceeding" more_than, "up to"
    less_than, "approximately" or "~" about; None when the figure is stated as exact."""
    m = _BOUND.search(sentence, max(0, pos - _BOUND_WINDOW), pos)
    if m is None:
        return None
    if m.group("more_than"):
        return "more_than"
    return "less_than" if m.group("less_than") else "about"


def _hit(m: re.Match[str], currency: str, stated: bool = True) -> MoneyHit:
    unit = SCALE_WORDS.get((m.group("unit") or "").lower(), "")
    original = m.group().strip().rstrip(".")
    money = Money(
        amount=parse_number(m.group("num")), currency=currency, unit=unit, original=original
    )
    return MoneyHit(m.start(), m.start() + len(original), money, stated)


def _cjk_hit(m: re.Match[str]) -> MoneyHit:
    """ "6580 亿美元" (6580 x 10^8 US dollars) as 658,000 USD million."""
    currency = next(code for word, code in CJK_CURRENCIES if m.group("cur") == word)
    amount = round(float(m.group("num")) * CJK_SCALES[m.group("scale")], 6)
    money = Money(amount=amount, currency=currency, unit="million", original=m.group())
    return MoneyHit(m.start(), m.end(), money)


def _overlaps(start: int, end: int, hits: list[MoneyHit]) -> bool:
    return any(start < h.end and h.start < end for h in hits)


def parse_number(text: str) -> float:
    """ "5,483.81" -> 5483.81; "1,03" (decimal comma) -> 1.03."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    return float(text.replace(",", "."))


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def find_cagr(sentence: str) -> list[CagrHit]:
    """CAGR figures: "CAGR of 7.0%", "a 7.5% CAGR", "(CAGR) of approximately 8-10%"."""
    lowered = sentence.lower()
    if "cagr" not in lowered and "compound" not in lowered and "annual growth" not in lowered:
        return []
    hits: list[CagrHit] = []
    for anchor in _CAGR_ANCHOR.finditer(sentence):
        window_end = min(len(sentence), anchor.end() + _CAGR_WINDOW)
        value = _CAGR_VALUE.search(sentence, anchor.end(), window_end)
        if value is None or (hits and value.start() < hits[-1].end):
            continue
        between = sentence[anchor.end() : value.start()]
        if ";" in between or _CAGR_ANCHOR.search(between):
            continue
        hits.append(_cagr_hit(value))
    for m in _CAGR_BEFORE.finditer(sentence):
        if not any(m.start() < h.end and h.start < m.end() for h in hits):
            hits.append(_cagr_hit(m))
    return sorted((h for h in hits if 0 < h.low < 100), key=lambda h: h.start)


def _cagr_hit(m: re.Match[str]) -> CagrHit:
    groups = m.groupdict()
    if groups.get("a"):
        start, end = m.start("a"), m.end("pb")
        low, high = parse_number(groups["a"]), parse_number(groups["b"])
    else:
        start, end = m.start("c"), m.end("pc")
        low, high = parse_number(groups["c"]), None
    return CagrHit(start, end, low, high, m.string[start:end].strip())


def cagr_name_end(sentence: str, pos: int) -> int:
    """Past a CAGR's name written after its figure ("17.9 percent compound annual rate"), so
    the period that follows the name is read as the rate's."""
    m = _CAGR_NAME_AFTER.match(sentence, pos)
    return m.end() if m else pos


def find_year_range(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """The first "2024-2030" / "from 2024 to 2030" / "2024-30" range in text[start:end]."""
    m = _YEAR_RANGE.search(text, start, len(text) if end is None else end)
    return _year_range(m) if m else None


def last_year_range(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The last year range in text[start:end], the one nearest to what follows."""
    found = None
    for m in _YEAR_RANGE.finditer(text, start, end):
        found = _year_range(m) or found
    return found


def _year_range(m: re.Match[str]) -> tuple[int, int] | None:
    first, second = int(m.group(1)), m.group(2)
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return (first, last) if last > first else None


def year_after(sentence: str, pos: int, window: int = 45) -> int | None:
    """A year right after a figure: "USD 10.56 Billion in 2022", "$4.1 billion (2022)"."""
    m = _YEAR_AFTER.match(sentence, pos, min(len(sentence), pos + window))
    return int(m.group(1)) if m else None


def year_before(sentence: str, pos: int, floor: int = 0) -> tuple[str, int] | None:
    """The last "in 2023" / "as of 2023" between `floor` (the previous figure) and a figure:
    (preposition, year)."""
    found = None
    for m in _YEAR_BEFORE.finditer(sentence, max(floor, pos - _YEAR_BEFORE_WINDOW), pos):
        if m.group(1):
            found = (m.group(1).lower(), int(m.group(2)))
        else:
            found = (_CJK_PREPOSITIONS[m.group(3)], int(m.group(4)))
    return found
