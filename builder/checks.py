"""The brief checks itself: figures of one report held against another's, and against its own.

Each report is read alone, so a report that contradicts another (a country market larger
than its continent's, two reports on one market twice apart) or itself (a CAGR its own sizes
do not give, regional shares adding up to more than the whole) passes extraction unnoticed.
These checks run over the normalised markets once per build, before any page is rendered,
and return `Finding`s: structured warnings that name every market concerned, shown on those
markets' pages and on the Checks page. They are pure functions of the markets (and of an
analyst's optional grouping of markets, `data/market_groups.yaml`).

Which markets are "the same industry" is decided from their names alone, by words:
`industry_words` keeps the words of a market's name that say what is sold, dropping its
place ("United States", "European"), words every market name has ("market", "industry",
"global"), and plural endings, and writing out the acronyms reports define themselves
("Contract Manufacturing Organization (CMO)" teaches that "CMO" means those three words,
wherever in the brief it is defined). Two markets are in the same industry when they share
at least two such words (one, when a name has only one) and at least half of the shorter
name's words; two reports cover the same market when their words and geography are equal.
A part is held against a containing market only when the latter's name adds at most one
word to the part's ("North America biopharmaceuticals contract manufacturing" may contain
"United States CMO", not "antibody drug conjugates contract manufacturing").
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from builder.normalise import consistency_warning
from builder.places import GLOBAL, Place, lookup, mentions
from builder.schema import Market, SizeFigure
from builder.text import money, percent
from builder.vocabulary.places import ADJECTIVES, GLOBAL_WORDS

DISAGREEMENT = 0.25
"""Two reports' figures for one market and year further apart than this (as a share of the
smaller) are worth an analyst's look before either is cited."""

YEAR_GAP = 5
"""A part's figure is held against its whole's only when their years are this close."""

SHARE_ROUNDING = 0.5
"""Shares of rounded percentages may add up to a little over 100 without being wrong."""

KINDS = {
    "part_larger": "A country or region larger than a market that contains it",
    "disagree": "Reports on the same market that differ by more than 25%",
    "cagr": "A growth rate the report's own sizes contradict",
    "shares": "Shares that add up to more than 100%",
}
"""Each kind of finding with the heading it is listed under."""

GENERIC_WORDS = frozenset(
    """market markets industry industries sector global worldwide world international size
    share outlook forecast analysis report service solution organization the and of for in
    on by to a an""".split()
)
"""Words that any market's name may carry and that say nothing about what is sold ("CMO
services" and "contract manufacturing organization" sell the same as "contract
manufacturing")."""

NARROWING_WORDS = 1
"""How many words a containing market's name may have that the part's lacks: one qualifier
("biopharmaceutical contract manufacturing" against "contract manufacturing") still names the
bulk of the part's industry; more name a niche the part may well exceed."""

_ACRONYM = re.compile(r"([A-Z]{2,6})s?\)")
_ACRONYM_BEFORE = re.compile(r"\b([A-Z]{2,6})s? $")
_INSIDE = re.compile(r"([^()]{3,80})\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_STOP = frozenset({"and", "of", "the", "for", "&"})
_MAX_EXPANSION = 8


@dataclass(frozen=True)
class Finding:
    """One cross-report warning: its kind, what is wrong in words, the markets concerned."""

    kind: str
    message: str
    markets: tuple[str, ...]


@dataclass(frozen=True)
class ConsensusRow:
    """One year of a market as several reports state it: a figure per report (None where a
    report gives none for the year), and their lowest, median and highest in USD millions."""

    year: int
    figures: tuple[SizeFigure | None, ...]
    low: float
    median: float
    high: float


@dataclass(frozen=True)
class Consensus:
    """Several reports on one market, their figures side by side year by year."""

    label: str
    markets: tuple[str, ...]
    rows: tuple[ConsensusRow, ...]


@dataclass
class Checks:
    """Every finding and consensus table of a brief, with look-ups by market."""

    findings: list[Finding] = field(default_factory=list)
    consensus: list[Consensus] = field(default_factory=list)

    def of_market(self, slug: str) -> list[Finding]:
        return self._findings_by_market.get(slug, [])

    def consensus_of(self, slug: str) -> Consensus | None:
        return self._consensus_by_market.get(slug)

    @cached_property
    def _findings_by_market(self) -> dict[str, list[Finding]]:
        """Looked up once per market page: built once, after every check has run."""
        found: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            for slug in dict.fromkeys(finding.markets):
                found[slug].append(finding)
        return found

    @cached_property
    def _consensus_by_market(self) -> dict[str, Consensus]:
        return {slug: c for c in reversed(self.consensus) for slug in c.markets}


# --- Which markets are one industry ---------------------------------------------------------


def _expands(letters: str, words: Sequence[str]) -> int:
    """How many of the last `words` spell `letters` by their initials (0 when they do not).

    A hyphenated word gives the initials of all its parts, of its first or of its last
    ("Bio-manufacturing" gives "bm", "b" or "m"); "and", "of", "the" may be skipped."""
    if not letters:
        return 0
    for taken in range(1, min(len(words), _MAX_EXPANSION) + 1):
        if _spells(letters, list(words[-taken:])):
            return taken
    return 0


def _spells(letters: str, words: list[str]) -> bool:
    if not words:
        return not letters
    if not letters:
        return False
    first, rest = words[0], words[1:]
    parts = [p for p in first.split("-") if p]
    options = {"".join(p[0] for p in parts), parts[0][0], parts[-1][0]}
    if first.casefold() in _STOP and _spells(letters, rest):
        return True
    return any(
        letters.startswith(o.casefold()) and _spells(letters[len(o) :], rest) for o in options
    )


def defined_acronyms(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Acronyms the texts define, written out: "Contract Manufacturing Organization (CMO)"
    and "CMO (Contract Manufacturing Organization)" both give CMO -> those words. Where
    reports write one out differently, the most frequent spelling wins."""
    seen: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
    for text in texts:
        at = text.find("(")
        while at >= 0:  # each parenthesis once: linear in the text, however long
            after = _ACRONYM.match(text, at + 1)
            if after:
                acronym = after.group(1)
                before = _WORD.findall(text[max(0, at - 120) : at])
                taken = _expands(acronym.casefold(), before)
                if taken:
                    seen[acronym][tuple(w.casefold() for w in before[-taken:])] += 1
            named = _ACRONYM_BEFORE.search(text, max(0, at - 9), at)
            inside = _INSIDE.match(text, at + 1) if named else None
            if named and inside:
                words = _WORD.findall(inside.group(1))
                if _expands(named.group(1).casefold(), words) == len(words):
                    seen[named.group(1)][tuple(w.casefold() for w in words)] += 1
            at = text.find("(", at + 1)
    return {acronym: spellings.most_common(1)[0][0] for acronym, spellings in seen.items()}


def market_texts(market: Market) -> Iterator[str]:
    """The text a market keeps from its report, where acronyms are defined."""
    yield market.name
    yield from filter(None, (market.title, market.summary))
    yield from (s.quote for s in market.size)
    if market.cagr:
        yield market.cagr.quote
    for entries in (market.drivers, market.trends, market.challenges, market.opportunities):
        yield from (e.text for e in entries)
    yield from (f.answer for f in market.faq)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us")):
        return word[:-1]
    return word


_PLACE_WORDS = frozenset(w.casefold() for w in [*ADJECTIVES, *GLOBAL_WORDS])


def industry_words(name: str, acronyms: Mapping[str, Sequence[str]]) -> frozenset[str]:
    """The words of a market's name that say what is sold (see the module docstring)."""
    kept, start = [], 0
    for begin, end, _place in mentions(name):
        kept.append(name[start:begin])
        start = end
    kept.append(name[start:])
    words: set[str] = set()
    for token in _TOKEN.findall(" ".join(kept)):
        expansion = acronyms.get(token.upper()) if token.isupper() and len(token) > 1 else None
        for word in expansion or (token,):
            for part in word.split("-"):
                part = _singular(part.casefold())
                if part and part not in GENERIC_WORDS and part not in _PLACE_WORDS:
                    words.add(part)
    return frozenset(words)


def same_industry(a: frozenset[str], b: frozenset[str]) -> bool:
    """Shared words: at least two (one for a one-word name) and half the shorter name's."""
    shared = len(a & b)
    shorter = min(len(a), len(b))
    return shorter > 0 and shared >= min(2, shorter) and 2 * shared >= shorter


# --- The checks -----------------------------------------------------------------------------


def _dated(market: Market) -> dict[int, SizeFigure]:
    """A market's stated figures by year: the first one given for each year."""
    found: dict[int, SizeFigure] = {}
    for size in market.size:
        if size.year is not None:
            found.setdefault(size.year, size)
    return found


def _stated(figure: SizeFigure) -> str:
    return f"{money(figure.usd_millions, figure.qualifier)} in {figure.year}"


def _containing(place: Place | None) -> tuple[str, ...]:
    """The geographies that contain a market's place: a country's or a sub-region's region,
    and the world."""
    if place is None:
        return ()
    return (place.region, GLOBAL) if place.region != place.name else (GLOBAL,)


def _larger_figures(part: Market, whole: Market) -> tuple[SizeFigure, SizeFigure] | None:
    """The part's figure above the whole's at the same or a later year of the whole's, the
    closest years first; bounds that allow the order ("less than", "more than") do not count."""
    pairs = [
        (p, w)
        for p in _dated(part).values()
        for w in _dated(whole).values()
        if 0 <= w.year - p.year <= YEAR_GAP  # type: ignore[operator]
        and p.usd_millions > w.usd_millions
        and p.qualifier != "less_than"
        and w.qualifier != "more_than"
    ]
    return min(pairs, key=lambda pair: (pair[1].year - pair[0].year, pair[0].year), default=None)  # type: ignore[operator]


def part_larger(markets: Sequence[Market], words: Mapping[str, frozenset[str]]) -> list[Finding]:
    """A country's (or region's) market stated larger than a market of the same industry
    that contains it, at the same year or an earlier one (a growing whole cannot be
    overtaken later by a part that was smaller). The containing market's name may add one
    word to the part's, no more (see NARROWING_WORDS). Candidates are looked up by place and
    word, so the check stays fast on thousands of markets."""
    places = {m.slug: lookup(m.geography) for m in markets}
    by_place_word: dict[tuple[str, str], list[Market]] = defaultdict(list)
    for market in markets:
        place = places[market.slug]
        where = place.name if place else market.geography
        for word in words[market.slug]:
            by_place_word[(where, word)].append(market)
    found = []
    for part in markets:
        candidates = {
            whole.slug: whole
            for where in _containing(places[part.slug])
            for word in sorted(words[part.slug])
            for whole in by_place_word.get((where, word), ())
        }
        for whole in sorted(candidates.values(), key=lambda m: m.slug):
            narrower = words[whole.slug] - words[part.slug]
            if (
                whole.slug == part.slug
                or len(narrower) > NARROWING_WORDS
                or not same_industry(words[part.slug], words[whole.slug])
            ):
                continue
            larger = _larger_figures(part, whole)  # the figures only of markets that qualify
            if larger is None:
                continue
            p, w = larger
            shared = ", ".join(sorted(words[part.slug] & words[whole.slug]))
            adds = f"; the containing market's name adds: {''.join(narrower)}" if narrower else ""
            unscoped = (
                f" The first figure's sentence does not name {part.geography}."
                if p.scope_stated is False
                else ""
            )
            found.append(
                Finding(
                    "part_larger",
                    f"{part.name} ({part.geography}) is stated larger than {whole.name} "
                    f"({whole.geography}), which contains it: {_stated(p)} against "
                    f"{_stated(w)} (same industry by the words: {shared}{adds}).{unscoped}",
                    (part.slug, whole.slug),
                )
            )
    return found


def _spread(figures: Sequence[SizeFigure]) -> float:
    low = min(f.usd_millions for f in figures)
    return max(f.usd_millions for f in figures) / low - 1 if low > 0 else float("inf")


def consensus(markets: Sequence[Market], label: str) -> Consensus:
    """Every year any of the reports states, with each report's figure and the spread."""
    dated = [_dated(m) for m in markets]
    rows = []
    for year in sorted({y for figures in dated for y in figures}):
        figures = tuple(d.get(year) for d in dated)
        values = [f.usd_millions for f in figures if f is not None]
        rows.append(
            ConsensusRow(year, figures, min(values), statistics.median(values), max(values))
        )
    return Consensus(label, tuple(m.slug for m in markets), tuple(rows))


def disagreements(group: Consensus, names: Mapping[str, str]) -> list[Finding]:
    """Years for which reports on one market differ by more than DISAGREEMENT; `names`
    tells the reports apart (their publisher and file: reports on one market share a name)."""
    found = []
    for row in group.rows:
        stated = [(slug, f) for slug, f in zip(group.markets, row.figures, strict=True) if f]
        if len(stated) < 2 or _spread([f for _, f in stated]) <= DISAGREEMENT:
            continue
        each = "; ".join(
            f"{names[slug]}: {money(f.usd_millions, f.qualifier)}" for slug, f in stated
        )
        found.append(
            Finding(
                "disagree",
                f"Reports on {group.label} differ by {_spread([f for _, f in stated]):.0%} "
                f"for {row.year} ({each}).",
                tuple(slug for slug, _ in stated),
            )
        )
    return found


def cagr_contradicted(markets: Iterable[Market]) -> list[Finding]:
    """The check normalisation already leaves on the market, listed with the others."""
    return [
        Finding("cagr", f"{m.name}: {warning.text}", (m.slug,))
        for m in markets
        if (warning := consistency_warning(m))
    ]


def shares_over_100(markets: Iterable[Market]) -> list[Finding]:
    """Regional shares above 100% in total, counting each place once: a country or part of a
    region listed beside its region is inside that region's share, not added to it."""
    found = []
    for market in markets:
        places = {r.name: lookup(r.name) for r in market.regions}
        listed = {p.name for p in places.values() if p is not None}
        counted = [
            r
            for r in market.regions
            if r.share_percent is not None
            and not ((p := places[r.name]) and p.region != p.name and p.region in listed)
        ]
        total = sum(r.share_percent or 0 for r in counted)
        if total > 100 + SHARE_ROUNDING:
            each = ", ".join(f"{r.name} {percent(r.share_percent or 0)}" for r in counted)
            found.append(
                Finding(
                    "shares",
                    f"{market.name}: regional shares add up to {percent(total)} ({each}).",
                    (market.slug,),
                )
            )
    return found


def same_market_groups(
    markets: Sequence[Market],
    words: Mapping[str, frozenset[str]],
    analyst_groups: Mapping[str, Sequence[str]],
) -> list[tuple[str, list[Market]]]:
    """Reports on one market: the analyst's groups first, then markets of equal words and
    geography that no analyst group holds."""
    by_slug = {m.slug: m for m in markets}
    groups: list[tuple[str, list[Market]]] = []
    grouped: set[str] = set()
    for label, slugs in analyst_groups.items():
        members = [by_slug[s] for s in dict.fromkeys(slugs) if s in by_slug and s not in grouped]
        if len(members) > 1:
            groups.append((label, members))
            grouped.update(m.slug for m in members)
    same: dict[tuple[frozenset[str], str], list[Market]] = defaultdict(list)
    for market in markets:
        if market.slug not in grouped and words[market.slug]:
            same[(words[market.slug], market.geography.casefold())].append(market)
    groups += [(members[0].name, members) for members in same.values() if len(members) > 1]
    return groups


def run_checks(
    markets: Mapping[str, Market], analyst_groups: Mapping[str, Sequence[str]] | None = None
) -> Checks:
    """Every check over a brief's markets, in a stable order (by slug)."""
    ordered = [markets[s] for s in sorted(markets)]
    acronyms = defined_acronyms(text for m in ordered for text in market_texts(m))
    words = {m.slug: industry_words(m.name, acronyms) for m in ordered}
    names = {m.slug: f"{m.publisher}, {m.source.file}" for m in ordered}
    checks = Checks()
    checks.findings += part_larger(ordered, words)
    for label, members in same_market_groups(ordered, words, analyst_groups or {}):
        table = consensus(members, label)
        checks.consensus.append(table)
        checks.findings += disagreements(table, names)
    checks.findings += cagr_contradicted(ordered)
    checks.findings += shares_over_100(ordered)
    return checks
