"""Company identity across reports: one company, one page, whatever each publisher calls it.

Rules that generalise decide identity: case, punctuation and legal suffixes are ignored
("Binex Co., Ltd." is "Binex"), and near-identical names that start with the same word merge
above a fuzzy threshold ("Fujifilm Diosynth Technologies" / "FUJIFILM Diosynth
Biotechnologies U.S.A., Inc."). Letters ASCII cannot spell stay in the key, so "三菱
Chemical" and "住友 Chemical" remain two companies; look-alike Cyrillic letters inside a Latin
word and invisible direction marks do not make a second one. Requiring the same first word
keeps "AGC Biologics" and "ADMA Biologics" apart although their letters are close. What no
rule can see ("Thermo Fisher" is "Thermo Fisher Scientific") comes from the curated alias
file in `data/`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from builder.schema import AliasFile
from builder.slugs import APOSTROPHES, ascii_fold, unique_slug
from builder.vocabulary.names import (
    CJK_LEGAL_FORMS,
    IDENTITY_TAIL_WORDS,
    invisible,
    is_legal_form,
    latin_lookalikes,
    strip_cjk_legal_form,
)

FUZZY_THRESHOLD = 90.0


@lru_cache(maxsize=65536)
def identity_key(name: str) -> str:
    """Comparable form of a name: no case, accents, punctuation or trailing legal suffixes.

    Remembered: the cross-references ask for the same few thousand names tens of thousands
    of times in a build of a thousand reports."""
    text = _spelt(name).replace("&", " and ")
    text = re.sub(r"(?<=\b\w)\.(?=\w\b)", "", text)  # u.s.a. -> usa, s.a. -> sa
    words = re.sub(r"[^\w]+|_", " ", text).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and (words[-1] in IDENTITY_TAIL_WORDS or words[-1] in CJK_LEGAL_FORMS):
        words.pop()
    if words:
        words[-1] = strip_cjk_legal_form(words[-1])
    return " ".join(words) or name.strip().casefold()


def _spelt(name: str) -> str:
    """Lower-case ASCII where ASCII can spell a letter ("é" -> "e"), the letter itself where
    it cannot ("三", "ж"); invisible format characters dropped."""
    text = latin_lookalikes(unicodedata.normalize("NFKC", name)).translate(APOSTROPHES)
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch.lower())
        elif invisible(ch):
            continue
        else:
            folded = ascii_fold(ch)
            out.append(folded.lower() if folded else ch.casefold() if ch.isalnum() else " ")
    return "".join(out)


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


def _display_rank(name: str, counts: Counter[str]) -> tuple[bool, int, int, int, int, str]:
    """A spelling without look-alike letters or hidden marks first; then the most used, with
    fewer legal suffixes, not shouting, shorter."""
    disguised = latin_lookalikes(name) != name or any(invisible(ch) for ch in name)
    words = re.sub(r"[^A-Za-z0-9 ]+", " ", name).split()
    suffixes = sum(w.lower() in IDENTITY_TAIL_WORDS for w in words[1:])
    shouting = sum(w.isupper() and len(w) > 3 for w in words)
    return (disguised, -counts[name], suffixes, shouting, len(name), name)


def display_name(name: str) -> str:
    """The name a company is shown by: its legal form dropped ("Toyobo Co. Ltd." -> "Toyobo",
    "Cambrex Corporation" -> "Cambrex", "Merck & Co., Inc." -> "Merck"), so that names on one
    page read alike whatever form each report wrote; the full name stays an alias. A name
    that is nothing but a legal form is kept whole, and so is one written in a script without
    spaces, where the form is part of the word ("捷普电路公司")."""
    words = name.split()
    while len(words) > 1 and (is_legal_form(words[-1]) or words[-1] in ("&", "and", ",")):
        words.pop()
    return " ".join(words).rstrip(",;: ") or name


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
            shown = name if curated else display_name(name)
            identity = Identity(
                slug=unique_slug(key, taken, source=name),
                name=shown,
                aliases=tuple(sorted(n for n in spellings if n != shown)),
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
