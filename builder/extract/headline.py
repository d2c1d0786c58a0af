"""The headline figures: market size now and at the forecast horizon, and the CAGR.

Reports state their headline in one sentence ("valued at USD X in 2022 and is projected
to reach USD Y by 2030, growing at a CAGR of Z% from 2024 to 2030") and then, often,
contradict it in later paragraphs ("a CAGR of 7-10% through 2030"). Which figure is which
comes from the wording, not the order: the verb before an amount and the years a sentence
names together decide base, forecast, a projected step or history; a one-year forecast
gives way to a stated horizon, a round headline to a precise figure for the same year, a
figure with no year or currency to one with both. Ranges, increases and sizes of another
market are not the market's size; historical, one-year, segment and regional growth rates
are not its CAGR. Every figure set aside is kept where the schema has room for it (a size
of kind "other") and named in a warning, never silently dropped or silently preferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Final

from builder.extract import figures
from builder.extract.figures import CagrHit, MoneyHit
from builder.extract.periods import period_origin, supported_period
from builder.extract.sections import FAQ, OVERVIEW, TITLE
from builder.extract.sentences import Sentence
from builder.places import GLOBAL, mentions, names_the_market
from builder.schema import Cagr, PeriodSource, RawSize, ReportWarning, SizeKind
from builder.vocabulary.money import UNIT_IN_MILLIONS
from builder.warning_codes import warn

BASE: Final = "base"
FORECAST: Final = "forecast"
OTHER: Final = "other"
HISTORY = "history"
"""An earlier year's size stated with the headline: kept as "other", without a warning."""
RANGE, INCREMENT = "range", "increment"
"""An end of a range ("between $8.97 billion and $10.5 billion") and an increase ("grow by
US$165 billion"): neither is a size; both are kept as "other" with a warning."""
ELSEWHERE = "elsewhere"
"""The size of another market the report cites: kept as "other" with its own warning."""
STEP = "step"
"""A projected size between the base and the forecast year: kept as "other", without a warning."""

_CUES = re.compile(
    r"\b(?:(?P<forecast>reach(?:ing)?|projected|projects?|expected|forecast(?:ed|s)?|anticipated"
    r"|predicted|predicts?|estimated to|will|grow to|rise to|increase to|climb to|surge to"
    r"|expand to|hit|touch|surpass|exceed|cross|attain|to)"
    r"|(?P<base>valued|stood|accounted|estimated at|generated|recorded|registered|reached|from"
    r"|currently)"
    r"|(?P<weak>value|was|were|stands|worth|is))\b"
    r"|(?P<cjk>预计|将|达到)",
    re.IGNORECASE,
)
"""The verb before an amount. A strong past or present verb ("valued", "from") makes it the
base; a forecast verb ("projected", "reach", "will") outweighs a weak one after it ("expected
to be worth", "is projected to reach a size of")."""
_FUTURE = re.compile(
    r"\b(?:expect(?:ed|s|ing)?\b|project(?:ed|s)\b|forecast(?:ed|s)?\b|anticipat|predict"
    r"|will\b|estimated to|likely|poised|set to|slated|on track|going to|may\b|could\b"
    r"|should\b|would\b|outlook"
    r"|by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d)|预计|将",
    re.IGNORECASE,
)
"""Words that make a sentence a projection. A sentence with none, told in the past ("was
$30.2 billion in 2017, growing to $53.5 billion in 2022"), states actual sizes only."""
_PAST = re.compile(r"\b(?:was|were|stood|grew|accounted|recorded|reached|generated)\b", re.I)
_ROUND_GAP = 0.2
"""A round headline ("$600 billion by 2030") gives way to a precise figure for the same year
within this share of it ("$678,8 billion by 2030"): titles round, bodies state."""
_MARKET_WORDS = re.compile(
    r"\b(?:market|industry|sector|valued|size|valuation|global|worldwide)\b", re.IGNORECASE
)
_CONTINUES = re.compile(r"(?:It|This|Its)\b")
"""A sentence that goes on about the subject of the one before ("It is projected to surpass
$25.20 billion by 2027") is about the market when that one was."""
_SUB_MARKET = re.compile(r"\b(?:segments?|sub-?segments?|category|categories)\b", re.IGNORECASE)
_PERIOD_WORDS = re.compile(
    r"\b(?:forecast(?:ed)?|projection|assessment|review|study|analysis)\s+period\b"
    r"|\bduring the period\b",
    re.IGNORECASE,
)
_TITLE_PERIOD_WORDS = re.compile(r"forecast|period|outlook|projection", re.IGNORECASE)
_LOCAL_DISTANCE = 80
_ADDRESS = re.compile(r"\b(?:based|headquartered|located)\s+in\b|-based\b", re.IGNORECASE)
"""A place in an address ("a firm based in Pune, India") does not own the next figure."""
_END_YEAR = re.compile(
    r"\s*(?:through|until|till|to|by)\s+(?:the\s+year\s+)?((?:19|20)\d{2})\b", re.IGNORECASE
)


_mentions = lru_cache(maxsize=256)(mentions)
_money = lru_cache(maxsize=256)(figures.find_money)
"""Each sentence is read for places and amounts by several rules; once is enough."""


@dataclass
class HeadlineFigures:
    """What the headline pass found: the market's sizes, its CAGR, and what it set aside."""

    size: list[RawSize] = field(default_factory=list)
    cagr: Cagr | None = None
    warnings: list[ReportWarning] = field(default_factory=list)


def extract_figures(
    sentences: list[Sentence], title: str | None, geography: str
) -> HeadlineFigures:
    ordered = [s for s in sentences if s.section != FAQ] + [
        s for s in sentences if s.section == FAQ
    ]
    result = HeadlineFigures()
    _sizes(ordered, geography, result)
    period = forecast_period(title, ordered)
    in_title = bool(title and period and figures.find_year_range(title) == period)
    _cagr(ordered, period, "title" if in_title else "report", geography, result)
    _scope(ordered, geography, result)
    if not result.size and result.cagr is None:
        result.warnings.append(warn("no-figures"))
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


@dataclass(frozen=True, slots=True)
class _Candidate:
    role: str
    size: RawSize
    stated: bool
    """Whether a currency was written."""
    subject: frozenset[str] = frozenset()
    """The words naming the market the sentence gives the figure for ("orphan drug")."""


def _sizes(sentences: list[Sentence], geography: str, result: HeadlineFigures) -> None:
    candidates: list[_Candidate] = []
    previous_about = False
    for sentence in sentences:
        about = _about_market(sentence) or (previous_about and _CONTINUES.match(sentence.text))
        previous_about = bool(about)
        if sentence.company or not figures.has_digit(sentence.text) or not about:
            continue
        for hit, role, year in classify_money(sentence.text, geography):
            kind: SizeKind = BASE if role == BASE else FORECAST if role == FORECAST else OTHER
            size = RawSize(kind=kind, year=year, money=hit.money, quote=sentence.text)
            subject = _subject(sentence.text, hit.start)
            candidates.append(_Candidate(role, size, hit.stated_currency, subject))
            if not hit.stated_currency:
                result.warnings.append(
                    warn("no-currency", figure=hit.money.original, quote=sentence.text)
                )
    candidates = _other_markets(candidates, result.warnings)
    headline = {kind: _headline(candidates, kind, result.warnings) for kind in (BASE, FORECAST)}
    _horizon(headline, candidates, result.warnings)
    chosen = [size for size in (headline[BASE], headline[FORECAST]) if size is not None]
    others: list[RawSize] = []
    for candidate in candidates:
        size = candidate.size
        if any(size is c for c in chosen) or any(_same(c, size) for c in chosen + others):
            continue
        others.append(size.model_copy(update={"kind": OTHER}))
        if candidate.role in (BASE, FORECAST, OTHER):
            result.warnings.append(_size_warning(size, headline.get(candidate.role)))
        elif candidate.role == RANGE:
            result.warnings.append(
                warn("range-not-a-size", figure=size.money.original, quote=size.quote)
            )
        elif candidate.role == INCREMENT:
            result.warnings.append(
                warn("increase-not-a-size", figure=size.money.original, quote=size.quote)
            )
    result.size = chosen + others


def _scope(sentences: list[Sentence], geography: str, result: HeadlineFigures) -> None:
    """Marks figures of a country's or region's market whose sentence names no place as their
    scope ("CMO/CDMO Market size was valued at USD 109.3 Billion" in a United States report):
    publishers paste a global headline into country reports, so the figure may not be the
    country's. A sentence going on about the one before ("It is projected ...") takes that
    one's places."""
    if geography == GLOBAL:
        return
    before = {s.text: p.text for p, s in pairwise(sentences)}

    def stated(quote: str) -> bool:
        text = f"{before.get(quote, '')} {quote}" if _CONTINUES.match(quote) else quote
        return any(place.name == geography for _, _, place in _mentions(text))

    unstated: dict[str, list[str]] = {}
    for i, size in enumerate(result.size):
        if not stated(size.quote):
            result.size[i] = size.model_copy(update={"scope_stated": False})
            if size.kind != OTHER:
                unstated.setdefault(size.quote, []).append(size.money.original)
    cagr = result.cagr
    if cagr is not None and not stated(cagr.quote):
        result.cagr = cagr.model_copy(update={"scope_stated": False})
        unstated.setdefault(cagr.quote, []).append(f"CAGR {cagr.percent:g}%")
    for quote, named in unstated.items():
        result.warnings.append(
            warn("scope-not-stated", figures=named, geography=geography, quote=quote)
        )


_MARKET_NOUN = re.compile(r"\b(?:market|industry)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w&'’-]+")
_SUBJECT_STOPS = frozenset(
    "the a an this that its their our of for in on by and or to as while because which".split()
)
_GENERIC = frozenset("global worldwide overall total entire whole world current".split())


def _subject(sentence: str, pos: int) -> frozenset[str]:
    """The words of the last "the ... market" before a figure: "the orphan drug market is
    likely to reach USD 262 billion" gives {"orphan", "drug"}; "the market" gives none."""
    nouns = list(_MARKET_NOUN.finditer(sentence, max(0, pos - 150), pos))
    if not nouns:
        return frozenset()
    found = nouns[-1]
    words: list[str] = []
    for word in reversed(_WORD.findall(sentence, max(0, found.start() - 80), found.start())):
        word = word.lower()
        if word in _SUBJECT_STOPS:
            break
        words.append(word)
    return frozenset(w.rstrip("s") for w in words if w not in _GENERIC)


def _other_markets(candidates: list[_Candidate], warnings: list[ReportWarning]) -> list[_Candidate]:
    """Sizes of another market a report cites for context (its parent industry, a
    neighbouring market) are not the report's: once the first headline figure names its
    market, a figure for a market sharing none of those words is kept as "other"."""
    first = next((c for c in candidates if c.role in (BASE, FORECAST)), None)
    if first is None or not first.subject:
        return candidates
    out = []
    for c in candidates:
        if c.role in (BASE, FORECAST) and c.subject and not c.subject & first.subject:
            warnings.append(
                warn(
                    "other-market-size",
                    figure=c.size.money.original,
                    subject=" ".join(sorted(c.subject)),
                    quote=c.size.quote,
                )
            )
            c = _Candidate(ELSEWHERE, c.size.model_copy(update={"kind": OTHER}), c.stated)
        out.append(c)
    return out


def _headline(
    candidates: list[_Candidate], kind: str, warnings: list[ReportWarning]
) -> RawSize | None:
    """The first figure of a kind, preferring one with a year and a written currency; a round
    figure ("$600 billion") gives way to a precise one for the same year."""
    pool = [c for c in candidates if c.role == kind]
    if not pool:
        return None
    first = min(pool, key=lambda c: (c.size.year is None, not c.stated)).size
    for candidate in pool:
        size = candidate.size
        if (
            size.year == first.year
            and size.money.currency == first.money.currency
            and _significant_digits(first) <= 2 < _significant_digits(size)
            and abs(_millions(size) / _millions(first) - 1) <= _ROUND_GAP
        ):
            warnings.append(
                warn(
                    "round-figure-set-aside",
                    kind=kind,
                    figure=first.money.original,
                    precise=size.money.original,
                    quote=size.quote,
                )
            )
            return size
    return first


def _horizon(
    headline: dict[str, RawSize | None],
    candidates: list[_Candidate],
    warnings: list[ReportWarning],
) -> None:
    """A forecast one year after the base ("grow from $0.69 billion in 2021 to $0.80 billion in
    2022") is a step; a later forecast the report states ("$1.38 billion in 2026") is the
    horizon."""
    base, forecast = headline[BASE], headline[FORECAST]
    if not (base and forecast and base.year and forecast.year):
        return
    if forecast.year - base.year > 1:
        return
    later = next(
        (
            c.size
            for c in candidates
            if c.role == FORECAST and c.size.year and c.size.year > forecast.year
        ),
        None,
    )
    if later is not None:
        warnings.append(
            warn(
                "one-year-forecast",
                figure=forecast.money.original,
                year=forecast.year,
                later=later.money.original,
                later_year=later.year or "?",
                quote=later.quote,
            )
        )
        headline[FORECAST] = later


def _millions(size: RawSize) -> float:
    return size.money.amount * UNIT_IN_MILLIONS[size.money.unit] or 1e-12


def _significant_digits(size: RawSize) -> int:
    digits = re.sub(r"\D", "", size.money.original).strip("0")
    return len(digits)


def _about_market(sentence: Sentence) -> bool:
    return sentence.section in (TITLE, OVERVIEW) or _MARKET_WORDS.search(sentence.text) is not None


@dataclass(frozen=True, slots=True)
class _Reading:
    hit: MoneyHit
    role: str
    year: int | None
    future: bool
    """Whether a future word stands between the previous amount and this one."""
    verb: str = ""
    """The cue word that gave the role ("valued", "reach", "to")."""


def classify_money(
    sentence: str, geography: str | None = None
) -> list[tuple[MoneyHit, str, int | None]]:
    """Each amount with its role (base / forecast / other) and year, as the wording says.

    An amount right after a segment ("the oncology segment held USD 2 billion") or, given
    the market's `geography`, after another place ("Europe accounted for USD 2 billion")
    is that part's figure, not the market's, and is left out, as is one after "this region";
    a place that starts the market's name ("the Southeast Asia widgets market was valued at
    ...") is the market, and one in an address ("a firm based in Pune, India") no owner.
    """
    out: list[_Reading] = []
    previous_end = 0
    for hit in _money(sentence):
        floor = max(previous_end, hit.start - _LOCAL_DISTANCE)
        if _REGION_WORD.search(sentence, floor, hit.start) or _belongs_elsewhere(
            sentence, floor, hit.start, geography
        ):
            previous_end = hit.end
            continue
        cue, verb = None, ""
        for m in _CUES.finditer(sentence, previous_end, hit.start):
            if m.group("forecast") or m.group("cjk"):
                cue, verb = FORECAST, m.group().lower()
            elif m.group("base") or cue != FORECAST:
                cue, verb = BASE, m.group().lower()
        future = _FUTURE.search(sentence, previous_end, hit.start) is not None
        after = figures.year_after(sentence, hit.end)
        before = figures.year_before(sentence, hit.start, previous_end)
        if cue == BASE:
            year = after or (before[1] if before else None)
            out.append(_Reading(hit, BASE, year, future, verb))
        elif cue == FORECAST:
            year = after or (before[1] if before and before[0] in ("in", "by") else None)
            out.append(_Reading(hit, FORECAST if year else OTHER, year, future, verb))
        else:
            out.append(_Reading(hit, OTHER, after, future))
        previous_end = hit.end
    ordered = _order_by_year(sentence, out)
    return [(r.hit, _not_a_size(sentence, r.hit) or r.role, r.year) for r in ordered]


_INCREASE = re.compile(
    r"\b(?:(?:grow|increase|rise|expand|climb|jump|gain|add)(?:s|ed|ing)?\s+by"
    r"|incremental growth of|an increase of|add(?:s|ed|ing)?)\s+(?:about\s+|around\s+"
    r"|approximately\s+|nearly\s+|over\s+|some\s+)?$",
    re.IGNORECASE,
)


def _not_a_size(sentence: str, hit: MoneyHit) -> str | None:
    """RANGE for either end of "between $X and $Y" or "$17 to $26.3 billion", INCREMENT for
    "grow by US$165 billion"; None for a size."""
    if _INCREASE.search(sentence, max(0, hit.start - 40), hit.start):
        return INCREMENT
    return RANGE if hit.money.qualifier == "range" else None


def _belongs_elsewhere(sentence: str, floor: int, pos: int, geography: str | None) -> bool:
    """Whether a segment or, given the market's `geography`, another place stands between
    `floor` and a figure at `pos`; a place in an address or starting the market's name does
    not count."""
    if _SUB_MARKET.search(sentence, floor, pos):
        return True
    if not geography:
        return False
    return any(
        floor <= start < pos
        and place.name != geography
        and not names_the_market(sentence, end)
        and not _ADDRESS.search(sentence, max(0, start - 30), end + 8)
        for start, end, place in _mentions(sentence)
    )


def _order_by_year(sentence: str, found: list[_Reading]) -> list[_Reading]:
    """Roles from the years a sentence names together.

    Told in the past with no future word and no forecast verb but "to" ("was $30.2 billion
    in 2017, growing to $53.5 billion in 2022"), every size is an actual: the latest is the
    base, earlier ones history.
    A projection naming several years ("valued at X in 2018 to Y in 2024 and is anticipated
    to reach Z by 2032") has its forecast at the latest year; the base is the latest earlier
    size stated without a future word (Y), so a projected step ("is projected to reach X in
    2026, further expanding to Y by 2035") is neither; earlier sizes are history.
    """
    years = sorted({r.year for r in found if r.year is not None})
    if not years:
        return found
    if (
        _FUTURE.search(sentence) is None
        and _PAST.search(sentence)
        and all(r.role != FORECAST or r.verb == "to" for r in found)
    ):
        return [_with(r, BASE if r.year == years[-1] else HISTORY) for r in found]
    if len(years) < 2 or not any(r.role == FORECAST for r in found):
        return found
    earlier = [r for r in found if r.year is not None and r.year < years[-1]]
    actual = [r.year for r in earlier if not r.future and r.year is not None]
    base_year = max(actual) if actual else years[0]
    roles = {years[-1]: FORECAST, base_year: BASE}
    return [
        _with(r, roles.get(r.year, HISTORY if r.year < base_year else STEP))
        if r.year is not None
        else r
        for r in found
    ]


def _with(reading: _Reading, role: str) -> _Reading:
    if reading.year is None:
        return reading
    return _Reading(reading.hit, role, reading.year, reading.future, reading.verb)


def _same(a: RawSize, b: RawSize) -> bool:
    ma, mb = a.money, b.money
    same_money = (ma.amount, ma.currency, ma.unit) == (mb.amount, mb.currency, mb.unit)
    return same_money and (a.year is None or b.year is None or a.year == b.year)


def _size_warning(size: RawSize, headline: RawSize | None) -> ReportWarning:
    if headline is None or size.kind == OTHER:
        return warn("size-without-role", figure=size.money.original, quote=size.quote)
    return warn(
        "conflicting-size",
        kind=size.kind,
        figure=size.money.original,
        year=size.year or "?",
        headline=headline.money.original,
        headline_year=headline.year or "?",
        quote=size.quote,
    )


def _cagr(
    sentences: list[Sentence],
    period: tuple[int, int] | None,
    period_source: PeriodSource,
    geography: str,
    result: HeadlineFigures,
) -> None:
    """The market's CAGR: the first one stated, passing over ranges, historical rates, a
    one-year step's rate and a segment's or another region's rate when the market's own
    is also stated; every rate passed over is named in a warning. Where its years come from
    is kept, and the years the report's sizes give it over when they are other years."""
    forecast = next((s for s in result.size if s.kind == FORECAST), None)
    readings = []
    for sentence in sentences:
        for hit in figures.find_cagr(sentence.text):
            years = cagr_years(sentence.text, hit, period)
            reason = _not_the_markets(sentence.text, hit, years, forecast, geography)
            readings.append((sentence, hit, years, reason))
    usable = [r for r in readings if r[3] is None] or [
        r
        for r in readings
        if r[3] == _ONE_YEAR  # the only rate stated, though for one year
    ]
    if not usable:
        for sentence, hit, _, reason in readings:
            result.warnings.append(
                warn("no-headline-cagr", cagr=hit.original, reason=str(reason), quote=sentence.text)
            )
        return
    sentence, hit, (start, end), _ = usable[0]
    origin = period_origin(sentence.text, (start, end), period, period_source)
    if start is None and end is None:  # the same rate stated with its years elsewhere
        start, end = next(
            (y for _, h, y, _ in usable if h.low == hit.low and h.high is None and any(y)),
            (None, None),
        )
        origin = "report" if start or end else None
    cagr = Cagr(
        percent=hit.low, start_year=start, end_year=end, quote=sentence.text, period_source=origin
    )
    base = next((s for s in result.size if s.kind == BASE), None)
    supported = supported_period(cagr, hit.original, base, forecast)
    if supported:
        cagr.supported_start_year, cagr.supported_end_year = supported
    if supported and base and forecast and origin in _ORIGINS:
        # the rate's sentence names no years, and those it was given are not the sizes'
        result.warnings.append(
            warn(
                "cagr-period-from-sizes",
                cagr=hit.original,
                start=supported[0],
                end=supported[1],
                base=base.money.original,
                base_year=base.year or "?",
                forecast=forecast.money.original,
                forecast_year=forecast.year or "?",
                stated_start=start or "?",
                stated_end=end or "?",
                origin=_ORIGINS[origin],
            )
        )
    result.cagr = cagr
    seen: set[tuple[float, float | None]] = {(hit.low, None)}
    for other_sentence, other, _, reason in readings:
        key = (other.low, other.high)
        if key in seen:
            continue
        seen.add(key)
        quote = other_sentence.text
        result.warnings.append(
            warn("conflicting-cagr", cagr=other.original, quote=quote, headline=hit.original)
            if reason is None
            else warn(
                "cagr-not-the-markets",
                cagr=other.original,
                quote=quote,
                headline=hit.original,
                reason=reason,
            )
        )


_ONE_YEAR = "a one-year growth rate"
_ORIGINS = {"title": "the report's title", "report": "elsewhere in the report"}
"""Origins of a CAGR's years other than its own sentence."""
_REGION_WORD = re.compile(r"\b(?:this|the|each|every)\s+(?:region|country)\b", re.IGNORECASE)
"""A rate a region or country grows at ("This region will grow at a CAGR of 18.3%")."""
_HISTORICAL = re.compile(
    r"\b(?:past|previous|historic(?:al)?|grew|has grown|had grown|has been growing)\b", re.I
)


def _not_the_markets(
    sentence: str,
    hit: CagrHit,
    years: tuple[int | None, int | None],
    forecast: RawSize | None,
    geography: str,
) -> str | None:
    """Why a CAGR is not the market's headline rate, or None when it may be."""
    if hit.is_range:
        return "a range"
    clause_start = max(sentence.rfind(";", 0, hit.start), sentence.rfind(". ", 0, hit.start), 0)
    end_year = years[1]
    pasts = list(_HISTORICAL.finditer(sentence, clause_start, hit.start))
    past = pasts[-1] if pasts else None  # the last past-tense word before the rate
    if (end_year and forecast and forecast.year and end_year < forecast.year) or (
        past and not _FUTURE.search(sentence, past.end(), hit.start)
    ):
        return "a historical rate"
    dated = {year for _, _, year in classify_money(sentence) if year is not None}
    if not any(years) and len(dated) == 2 and max(dated) - min(dated) == 1:
        return _ONE_YEAR
    floor = max(clause_start, hit.start - _LOCAL_DISTANCE)
    for money in _money(sentence):  # "US$" is not the United States
        if money.end <= hit.start:
            floor = max(floor, money.end)
    if _REGION_WORD.search(sentence, floor, hit.start) or _belongs_elsewhere(
        sentence, floor, hit.start, geography
    ):
        return "a segment's or another region's rate"
    return None


def cagr_years(
    sentence: str, hit: CagrHit, period: tuple[int, int] | None
) -> tuple[int | None, int | None]:
    """The years a CAGR spans, only when stated: its own range, else the forecast period."""
    pos = figures.cagr_name_end(sentence, hit.end)
    after = figures.find_year_range(sentence, pos, pos + 60)
    if after:
        return after
    if _PERIOD_WORDS.search(sentence):
        own = figures.find_year_range(sentence)
        if own:
            return own
        if period:
            return period
    m = _END_YEAR.match(sentence, pos, pos + 40)
    if m:
        return None, int(m.group(1))
    return _period_before(sentence, hit.start)


def _period_before(sentence: str, pos: int) -> tuple[int | None, int | None]:
    """A period stated just before the rate, with no amount between ("From 2019 to 2025,
    the market's CAGR will reach 7.9%"); an amount between makes it that amount's period."""
    floor = max(0, pos - _LOCAL_DISTANCE)
    for money in _money(sentence):
        if money.end <= pos:
            floor = max(floor, money.end)
    return figures.last_year_range(sentence, floor, pos) or (None, None)
