"""Company identity across reports: one company, one page, whatever each publisher calls it.

Rules that generalise decide identity: case, punctuation and legal suffixes are ignored
("Binex Co., Ltd." is "Binex"), and near-identical names that start with the same word merge
above a fuzzy threshold ("Fujifilm Diosynth Technologies" / "FUJIFILM Diosynth
Biotechnologies U.S.A., Inc."). Requiring the same first word keeps "AGC Biologics" and
"ADMA Biologics" apart although their letters are close. What no rule can see ("Thermo
Fisher" is "Thermo Fisher Scientific") comes from the curated alias file in `data/`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from builder.schema import AliasFile
from builder.slugs import ascii_fold, unique_slug

FUZZY_THRESHOLD = 90.0

LEGAL_SUFFIXES = frozenset(
    """inc incorporated corp corporation co company cos ltd limited llc llp lp plc ag gmbh
    mbh kg kgaa sa sas sarl se nv bv spa srl kk oy oyj ab as asa pte pty bhd tbk holding
    holdings group usa us uk""".split()
)


def identity_key(name: str) -> str:
    """Comparable form of a name: no case, accents, punctuation or trailing legal suffixes."""
    text = ascii_fold(name).lower().replace("&", " and ")
    text = re.sub(r"(?<=\b\w)\.(?=\w\b)", "", text)  # u.s.a. -> usa, s.a. -> sa
    text = re.sub(r"[^a-z0-9]+", " ", text)
    words = text.split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    # Names with no Latin letters (e.g. Japanese script) keep their own text as the key.
    return " ".join(words) or name.strip().casefold()


def curated_identities(aliases: AliasFile) -> dict[str, str]:
    """Identity key -> canonical name, from the alias table, whatever order entries come in.

    Entries that share a name are one company: a chain ("A: [B]" and "B: [C]") or a cycle
    ("A: [B]" and "B: [A]") makes A, B and C one identity, named by the entry listed first,
    instead of the last entry silently undoing an earlier one.
    """
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for canonical, others in aliases.companies.items():
        first = root(identity_key(canonical))
        for name in others:
            other = root(identity_key(name))
            if other != first:
                parent[other] = first
    named: dict[str, str] = {}
    for canonical in aliases.companies:
        named.setdefault(root(identity_key(canonical)), canonical)
    return {key: named[root(key)] for key in list(parent)}


@dataclass(frozen=True)
class Identity:
    slug: str
    name: str
    aliases: tuple[str, ...]


def _display_rank(name: str, counts: Counter[str]) -> tuple[int, int, int, int, str]:
    """Most used spelling first; then fewer legal suffixes, not shouting, shorter."""
    words = re.sub(r"[^A-Za-z0-9 ]+", " ", name).split()
    suffixes = sum(w.lower() in LEGAL_SUFFIXES for w in words[1:])
    shouting = sum(w.isupper() and len(w) > 3 for w in words)
    return (-counts[name], suffixes, shouting, len(name), name)


class CompanyResolver:
    """Decides which names denote one company, given every name seen across all reports."""

    def __init__(self, aliases: AliasFile) -> None:
        self._canonical = curated_identities(aliases)
        self._not_companies = {identity_key(n) for n in aliases.not_companies}

    def is_company(self, name: str) -> bool:
        return identity_key(name) not in self._not_companies

    def _key(self, name: str) -> str:
        key = identity_key(name)
        canonical = self._canonical.get(key)
        return identity_key(canonical) if canonical else key

    def resolve(self, names: Iterable[str]) -> dict[str, Identity]:
        """Map every spelling to its identity; `names` repeats a name once per mention."""
        counts = Counter(n for n in names if self.is_company(n))
        by_key: dict[str, list[str]] = defaultdict(list)
        for name in counts:
            by_key[self._key(name)].append(name)
        clusters = self._merge_near_keys(by_key, counts)
        identities: dict[str, Identity] = {}
        taken: set[str] = set()
        for keys in sorted(clusters, key=lambda ks: min(ks)):
            spellings = [n for k in keys for n in by_key[k]]
            curated = [self._canonical[k] for k in keys if k in self._canonical]
            name = curated[0] if curated else min(spellings, key=lambda n: _display_rank(n, counts))
            key = identity_key(name)
            identity = Identity(
                slug=unique_slug(key, taken, source=name),
                name=name,
                aliases=tuple(sorted(n for n in spellings if n != name)),
            )
            for spelling in spellings:
                identities[spelling] = identity
        return identities

    @staticmethod
    def _merge_near_keys(by_key: dict[str, list[str]], counts: Counter[str]) -> list[list[str]]:
        """Union keys that share a first word and are near-identical overall."""
        parent = {key: key for key in by_key}

        def root(key: str) -> str:
            while parent[key] != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        buckets: dict[str, list[str]] = defaultdict(list)
        for key in sorted(by_key):
            buckets[key.split(" ", 1)[0]].append(key)
        for keys in buckets.values():
            for i, left in enumerate(keys):
                for right in keys[i + 1 :]:
                    if fuzz.ratio(left, right) >= FUZZY_THRESHOLD:
                        parent[root(right)] = root(left)
        clusters: dict[str, list[str]] = defaultdict(list)
        for key in sorted(by_key, key=lambda k: (-sum(counts[n] for n in by_key[k]), k)):
            clusters[root(key)].append(key)
        return list(clusters.values())
