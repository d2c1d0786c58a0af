"""The headline figures: market size now and at the forecast horizon, and the CAGR.

Reports state their headline in one sentence ("valued at USD X in 2022 and is projected
to reach USD Y by 2030, growing at a CAGR of Z% from 2024 to 2030") and then, often,
contradict it in later paragraphs ("a CAGR of 7-10% through 2030"). The first clear
figures are the headline; every later figure that differs is kept where the schema has
room for it (a size of kind "other") and always named in a warning, never silently
dropped or silently preferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from builder.extract import figures
from builder.extract.figures import CagrHit, MoneyHit
from builder.extract.places import mentions, names_the_market
from builder.extract.sections import FAQ, OVERVIEW, TITLE
from builder.extract.sentences import Sentence
from builder.schema import Cagr, RawSize

BASE, FORECAST, OTHER = "base", "forecast", "other"
HISTORY = "history"
"""An earlier year's size stated with the headline: kept as "other", without a warning."""

_CUES = re.compile(
    r"\b(?:(?P<forecast>reach(?:ing)?|projected|expected|forecast(?:ed)?|anticipated|predicted"
    r"|estimated to|will|grow to|rise to|increase to|climb to|surge to|expand to|hit|touch"
    r"|surpass|exceed|cross|attain|to)"
    r"|(?P<base>valued|value|was|were|stood|stands|accounted|worth|estimated at|size of"
    r"|generated|recorded|registered|reached|from|currently|is))\b",
    re.IGNORECASE,
)
_MARKET_WORDS = re.compile(r"\b(?:market|industry|sector|valued|size|valuation)\b", re.IGNORECASE)
_SUB_MARKET = re.compile(r"\b(?:segments?|sub-?segments?|category|categories)\b", re.IGNORECASE)
_PERIOD_WORDS = re.compile(
    r"\b(?:forecast(?:ed)?|projection|assessment|review|study|analysis)\s+period\b"
    r"|\bduring the period\b",
    re.IGNORECASE,
)
_TITLE_PERIOD_WORDS = re.compile(r"forecast|period|outlook|projection", re.IGNORECASE)
_LOCAL_DISTANCE = 80
_END_YEAR = re.compile(r"\s*(?:through|until|till|to|by)\s+((?:19|20)\d{2})\b", re.IGNORECASE)


@dataclass
class Figures:
    size: list[RawSize] = field(default_factory=list)
    cagr: Cagr | None = None
    warnings: list[str] = field(default_factory=list)


def extract_figures(sentences: list[Sentence], title: str | None, geography: str) -> Figures:
    ordered = [s for s in sentences if s.section != FAQ] + [
        s for s in sentences if s.section == FAQ
    ]
    result = Figures()
    _sizes(ordered, geography, result)
    _cagr(ordered, forecast_period(title, ordered), result)
    if not result.size and result.cagr is None:
        result.warnings.append("no size or CAGR figures found")
    return result


def forecast_period(title: str | None, sentences: list[Sentence]) -> tuple[int, int] | None:
    """The report's forecast period: from its title, else a "forecast period (2024-2030)"."""
    if title and _TITLE_PERIOD_WORDS.search(title):
        period = figures.find_year_range(title)
        if period:
            return period
    for sentence in sentences:
        m = _PERIOD_WORDS.search(sentence.text) if "period" in sentence.text else None
        if m:
            period = figures.find_year_range(sentence.text, m.start(), m.end() + 40)
            if period:
                return period
    return None


def _sizes(sentences: list[Sentence], geography: str, result: Figures) -> None:
    headline: dict[str, RawSize] = {}
    others: list[RawSize] = []
    for sentence in sentences:
        if sentence.company or not figures.has_digit(sentence.text):
            continue
        if not _about_market(sentence):
            continue
        for hit, role, year in classify_money(sentence.text, geography):
            kind = OTHER if role == HISTORY else role
            size = RawSize(kind=kind, year=year, money=hit.money, quote=sentence.text)
            if not hit.stated_currency:
                result.warnings.append(
                    f'no currency written for "{hit.money.original}"; read as USD: '
                    f'"{sentence.text}"'
                )
            if kind in headline and _same(headline[kind], size):
                continue
            if kind != OTHER and kind not in headline:
                headline[kind] = size
                continue
            if any(_same(o, size) for o in others):
                continue
            others.append(size.model_copy(update={"kind": OTHER}))
            if role != HISTORY:
                result.warnings.append(_size_warning(size, headline.get(kind)))
    result.size = [headline[k] for k in (BASE, FORECAST) if k in headline] + others


def _about_market(sentence: Sentence) -> bool:
    return sentence.section in (TITLE, OVERVIEW) or _MARKET_WORDS.search(sentence.text) is not None


def classify_money(
    sentence: str, geography: str | None = None
) -> list[tuple[MoneyHit, str, int | None]]:
    """Each amount with its role (base / forecast / other) and year, as the wording says.

    An amount right after a segment ("the oncology segment held USD 2 billion") or, given
    the market's `geography`, after another place ("Europe accounted for USD 2 billion")
    is that part's figure, not the market's, and is left out; a place that starts the
    market's name ("the Southeast Asia widgets market was valued at ...") is the market.
    """
    out = []
    previous_end = 0
    places = mentions(sentence) if geography else []
    for hit in figures.find_money(sentence):
        floor = max(previous_end, hit.start - _LOCAL_DISTANCE)
        if _SUB_MARKET.search(sentence, floor, hit.start) or any(
            floor <= start < hit.start
            and place.name != geography
            and not names_the_market(sentence, end)
            for start, end, place in places
        ):
            previous_end = hit.end
            continue
        cue = None
        for m in _CUES.finditer(sentence, previous_end, hit.start):
            cue = FORECAST if m.group("forecast") else BASE
        after = figures.year_after(sentence, hit.end)
        before = figures.year_before(sentence, hit.start, previous_end)
        if cue == BASE:
            year = after or (before[1] if before else None)
            out.append((hit, BASE, year))
        elif cue == FORECAST:
            year = after or (before[1] if before and before[0] in ("in", "by") else None)
            out.append((hit, FORECAST if year else OTHER, year))
        else:
            out.append((hit, OTHER, after))
        previous_end = hit.end
    return _order_by_year(out)


def _order_by_year(
    found: list[tuple[MoneyHit, str, int | None]],
) -> list[tuple[MoneyHit, str, int | None]]:
    """A projection naming three years ("valued at X in 2018 to Y in 2024 and is anticipated
    to reach Z by 2032") is history, base and forecast: the latest year is the forecast, the
    one before it the base, earlier ones history."""
    dated = sorted({year for _, _, year in found if year is not None})
    if len(dated) < 2 or not any(kind == FORECAST for _, kind, _ in found):
        return found
    roles = {dated[-1]: FORECAST, dated[-2]: BASE}
    return [
        (hit, roles.get(year, HISTORY) if year is not None else kind, year)
        for hit, kind, year in found
    ]


def _same(a: RawSize, b: RawSize) -> bool:
    ma, mb = a.money, b.money
    same_money = (ma.amount, ma.currency, ma.unit) == (mb.amount, mb.currency, mb.unit)
    return same_money and (a.year is None or b.year is None or a.year == b.year)


def _size_warning(size: RawSize, headline: RawSize | None) -> str:
    year = f" ({size.year})" if size.year else ""
    if headline is None or size.kind == OTHER:
        return (
            f'size figure "{size.money.original}"{year} has no clear year or role; '
            f'kept as kind "other": "{size.quote}"'
        )
    head_year = f" ({headline.year})" if headline.year else ""
    return (
        f'conflicting {size.kind} size: "{size.money.original}"{year} differs from the headline '
        f'"{headline.money.original}"{head_year}; kept as kind "other": "{size.quote}"'
    )


def _cagr(sentences: list[Sentence], period: tuple[int, int] | None, result: Figures) -> None:
    hits: list[tuple[Sentence, CagrHit]] = [
        (sentence, hit) for sentence in sentences for hit in figures.find_cagr(sentence.text)
    ]
    head = next(((s, h) for s, h in hits if not h.is_range), None)
    if head is None:
        for sentence, hit in hits:
            result.warnings.append(
                f'CAGR given only as a range, {hit.original}; no headline CAGR: "{sentence.text}"'
            )
        return
    sentence, hit = head
    start, end = cagr_years(sentence.text, hit, period)
    result.cagr = Cagr(percent=hit.low, start_year=start, end_year=end, quote=sentence.text)
    seen: set[tuple[float, float | None]] = {(hit.low, None)}
    for other_sentence, other in hits:
        key = (other.low, other.high)
        if key in seen:
            continue
        seen.add(key)
        result.warnings.append(
            f'conflicting CAGR: {other.original} ("{other_sentence.text}") differs from the '
            f"headline CAGR {hit.original}"
        )


def cagr_years(
    sentence: str, hit: CagrHit, period: tuple[int, int] | None
) -> tuple[int | None, int | None]:
    """The years a CAGR spans, only when stated: its own range, else the forecast period."""
    after = figures.find_year_range(sentence, hit.end, hit.end + 60)
    if after:
        return after
    if _PERIOD_WORDS.search(sentence):
        own = figures.find_year_range(sentence)
        if own:
            return own
        if period:
            return period
    m = _END_YEAR.match(sentence, hit.end, hit.end + 30)
    if m:
        return None, int(m.group(1))
    return None, None
