"""Cross-references between markets and companies, computed once before any page is rendered.

`Market.companies` is the one list of who takes part in a market (a company's file does not
list its markets), so an override there changes the links in both directions. Building the
whole index first (as MkDocs gathers its files before writing) keeps every page's links
consistent with every other page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from builder.errors import BriefError
from builder.identity import identity_key
from builder.paths import COMPANIES, in_data, market_file
from builder.schema import Market, Revenue
from builder.slugs import unique_slug
from builder.store import Brief

T = TypeVar("T")

PEER_LIMIT = 10
"""How many companies met most often are listed on a company page."""


@dataclass(frozen=True)
class Group:
    """Markets sharing one value (a geography, a publisher), with an anchor for links."""

    label: str
    anchor: str
    markets: tuple[str, ...]


@dataclass(frozen=True)
class Dimension:
    """One way reports segment markets ("Application", "Type"), with each market's values."""

    label: str
    slug: str
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Attributed:
    """A revenue one company's entry gives for another ("Patheon ... Thermo Fisher reported
    total revenues exceeding $40 billion"): it belongs to the company it is about."""

    market: str
    named_under: str
    """Slug of the company whose entry states it."""
    revenue: Revenue


@dataclass
class Index:
    markets_of: dict[str, list[str]] = field(default_factory=dict)
    companies_of: dict[str, list[str]] = field(default_factory=dict)
    peers: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    subsidiaries_of: dict[str, list[str]] = field(default_factory=dict)
    market_order: list[str] = field(default_factory=list)
    company_order: list[str] = field(default_factory=list)
    geographies: list[Group] = field(default_factory=list)
    publishers: list[Group] = field(default_factory=list)
    dimensions: list[Dimension] = field(default_factory=list)
    geography_of: dict[str, Group] = field(default_factory=dict)
    publisher_of: dict[str, Group] = field(default_factory=dict)
    problems: list[BriefError] = field(default_factory=list)
    revenue_owner: dict[str, dict[str, str]] = field(default_factory=dict)
    """Slug of the company whose entry states a revenue -> {the revenue's subject: slug of the
    company the subject names}."""
    attributed: dict[str, list[Attributed]] = field(default_factory=dict)
    """Revenues stated under other companies' entries, by the slug of the company they are of."""


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order a reader expects: case and accents do not split the list."""
    return (name.casefold(), name)


def _label(spellings: Counter[str]) -> str:
    """The spelling most reports use; on a tie, a capitalised one ("Europe" over "europe")."""
    return max(spellings, key=lambda label: (spellings[label], label != label.lower(), label))


def _collect(pairs: Iterable[tuple[str, T]]) -> list[tuple[str, str, tuple[T, ...]]]:
    """(label, anchor, members) from (label, member) pairs; case and spacing do not split."""
    members: dict[str, list[T]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for raw, member in pairs:
        label = " ".join(raw.split())
        if label:
            spellings[label.casefold()][label] += 1
            members[label.casefold()].append(member)
    labels = {key: _label(found) for key, found in spellings.items()}
    taken: set[str] = set()
    return [
        (labels[key], unique_slug(labels[key], taken, key), tuple(members[key]))
        for key in sorted(members, key=lambda k: sort_key(labels[k]))
    ]


def _groups(markets: dict[str, Market], order: list[str], field_name: str) -> list[Group]:
    pairs = ((getattr(markets[slug], field_name).strip() or "Unknown", slug) for slug in order)
    return [Group(*found) for found in _collect(pairs)]


def _dimensions(markets: dict[str, Market], order: list[str]) -> list[Dimension]:
    pairs = (
        (segment.dimension, (slug, tuple(segment.values)))
        for slug in order
        for segment in markets[slug].segments
        if segment.values
    )
    return [Dimension(*found) for found in _collect(pairs)]


def _peers(companies_of: dict[str, list[str]], limit: int) -> dict[str, list[tuple[str, int]]]:
    """For each company, the others it shares most markets with (ties by slug, stable)."""
    met: dict[str, Counter[str]] = defaultdict(Counter)
    for members in companies_of.values():
        for company in members:
            met[company].update(other for other in members if other != company)
    return {
        company: sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
        for company, counts in met.items()
    }


def _subsidiaries(brief: Brief) -> dict[str, list[str]]:
    """A group's members, from either side of the relation (one file may lag the other)."""
    members: dict[str, set[str]] = defaultdict(set)
    for slug, company in brief.companies.items():
        members[slug].update(s for s in company.subsidiaries if s in brief.companies)
        if company.parent in brief.companies:
            members[company.parent].add(slug)
    by_name = {slug: (sort_key(c.name), slug) for slug, c in brief.companies.items()}
    return {  # two members of one name come in the order of their slugs, not of a set
        slug: sorted(found, key=by_name.__getitem__) for slug, found in members.items() if found
    }


def _named_by(brief: Brief) -> dict[str, set[str]]:
    """Each identity key a revenue's subject may have to name a company, with the companies it
    names: a company's name or alias (its identity key), or the first words of one ("thermo
    fisher" of "thermo fisher scientific"). Made once per build, so a subject is one lookup,
    not a pass over every company's names (which grew with companies times subjects)."""
    named_by: dict[str, set[str]] = defaultdict(set)
    for slug, company in brief.companies.items():
        for name in (company.name, *company.aliases):
            key = identity_key(name)
            starts = [key[:end] for end, char in enumerate(key) if char == " "]
            for part in (key, *starts):
                named_by[part].add(slug)
    return named_by


def _subject_company(
    brief: Brief, named_by: dict[str, set[str]], named_under: str, subject: str
) -> str | None:
    """The company a revenue's subject names (`_named_by`). The group of the company whose
    entry states it is tried first; otherwise the match must be unique."""
    key = identity_key(subject)
    if not key:
        return None
    names = named_by.get(key, set())
    parent = brief.companies[named_under].parent
    if parent in brief.companies and parent in names:
        return parent
    found = names - {named_under}
    return next(iter(found)) if len(found) == 1 else None


def _attributed(brief: Brief, index: Index) -> None:
    """Who each revenue with a subject belongs to, for both companies' pages."""
    named_by = _named_by(brief)
    for slug in index.company_order:
        for mention in brief.companies[slug].mentions:
            for revenue in mention.revenues:
                if not revenue.subject:
                    continue
                owner = _subject_company(brief, named_by, slug, revenue.subject)
                if owner is None:
                    continue
                index.revenue_owner.setdefault(slug, {})[revenue.subject] = owner
                index.attributed.setdefault(owner, []).append(
                    Attributed(mention.market, slug, revenue)
                )


def build_index(brief: Brief, peer_limit: int = PEER_LIMIT) -> Index:
    """Every cross-reference the pages need; dangling company slugs become problems."""
    index = Index()
    index.market_order = sorted(brief.markets, key=lambda s: sort_key(brief.markets[s].name))
    index.company_order = sorted(brief.companies, key=lambda s: sort_key(brief.companies[s].name))
    rank = {slug: n for n, slug in enumerate(index.market_order)}
    markets_of: dict[str, list[str]] = {slug: [] for slug in brief.companies}
    for market_slug in index.market_order:
        present = []
        for company in dict.fromkeys(brief.markets[market_slug].companies):
            if company in brief.companies:
                present.append(company)
                markets_of[company].append(market_slug)
            else:
                index.problems.append(
                    BriefError(
                        in_data(market_file(market_slug)),
                        f"lists company {company!r}, which has no file in {in_data(COMPANIES)}; "
                        "it is left out of the pages",
                    )
                )
        index.companies_of[market_slug] = present
    index.markets_of = {
        slug: sorted(found, key=rank.__getitem__) for slug, found in markets_of.items()
    }
    index.peers = _peers(index.companies_of, peer_limit)
    index.subsidiaries_of = _subsidiaries(brief)
    index.geographies = _groups(brief.markets, index.market_order, "geography")
    index.publishers = _groups(brief.markets, index.market_order, "publisher")
    index.geography_of = {m: g for g in index.geographies for m in g.markets}
    index.publisher_of = {m: g for g in index.publishers for m in g.markets}
    index.dimensions = _dimensions(brief.markets, index.market_order)
    _attributed(brief, index)
    return index
