"""Regions and countries: the names reports use for the same places.

Reports write one place many ways ("APAC", "Asia-Pacific", "The Asia Pacific region";
"U.S.", "US", "United States"). Extraction needs to know that these are one place (to
attach a share to the region a list already named, to read a market's geography from its
name, to place a bare country list under its continent), and names a place by one spelling
(`Place.name`) wherever it is a geography or a region entry, so that reports can be compared;
a country list keeps each name as the report wrote it. The table is deliberately small: the
places market reports split by. A place it does not know keeps the report's spelling.

The brief's checks look places up too (which market contains which), so this module lives
outside `builder.extract`: a build that extracts nothing never imports the extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from builder.vocabulary.names import ARTICLES, FUNCTION_WORDS
from builder.vocabulary.places import (
    ADJECTIVES,
    COUNTRIES,
    GLOBAL_WORDS,
    REGIONS,
    SUB_REGIONS,
    UNSPACED,
)

GLOBAL = "Global"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    """Canonical name, e.g. "United States"."""
    kind: str
    """"region" or "country"."""
    region: str
    """The region a country belongs to (a region belongs to itself)."""


_MAX_NAME_WORDS = 10
# Words of running text that a market's name does not contain ("North America dominates the").
_NOT_NAME_WORDS = ARTICLES | FUNCTION_WORDS | frozenset({"region", "regions"})


def _build_index() -> MappingProxyType[str, Place]:
    index: dict[str, Place] = {}
    for region, aliases in REGIONS.items():
        for alias in aliases:
            index[alias.casefold()] = Place(region, "region", region)
    for part, (region, aliases) in SUB_REGIONS.items():
        for alias in aliases:
            index[alias.casefold()] = Place(part, "region", region)
    for country, (region, aliases) in COUNTRIES.items():
        for alias in aliases:
            index.setdefault(alias.casefold(), Place(country, "country", region))
    for written, spelling in UNSPACED.items():
        index[written] = index[spelling.casefold()]
    return MappingProxyType(index)


_INDEX = _build_index()
_UNSPACED = re.compile("|".join(sorted(map(re.escape, UNSPACED), key=len, reverse=True)))

# Upper-case abbreviations ("US", "EU", "UK") only count when written in capitals, so the
# pronoun "us" is never a country; other names match in any case.
_ABBREVIATIONS = frozenset(
    alias
    for aliases in [
        *REGIONS.values(),
        *(a for _, a in SUB_REGIONS.values()),
        *(a for _, a in COUNTRIES.values()),
    ]
    for alias in aliases
    if alias.isupper() and "." not in alias
)
_WORD = re.compile(r"[A-Za-z][\w.&/'’-]*|&")


def _alias_lengths() -> dict[str, tuple[int, ...]]:
    """First word of an alias -> the lengths in words of the aliases it starts, longest first,
    so that a word such as "the" is tried only as "the Netherlands", not at every length."""
    lengths: dict[str, set[int]] = {}
    for alias in _INDEX:
        words = alias.split()
        lengths.setdefault(words[0].rstrip("."), set()).add(len(words))
    return {word: tuple(sorted(ns, reverse=True)) for word, ns in lengths.items()}


_ALIAS_LENGTHS = _alias_lengths()


def lookup(name: str) -> Place | None:
    """The place a name stands for, tolerating "the", "region" and stray punctuation."""
    key = " ".join(name.strip(" :;,").casefold().split())
    key = key.removeprefix("the ").removesuffix(" regions").removesuffix(" region")
    return _INDEX.get(key)


def mentions(text: str) -> list[tuple[int, int, Place]]:
    """Places named in `text`, in order: (start, end, place); the longest name wins."""
    found = _spaced_mentions(text)
    if not text.isascii():
        found.extend((m.start(), m.end(), _INDEX[m.group()]) for m in _UNSPACED.finditer(text))
        found.sort(key=lambda hit: hit[0])
    return found


def _spaced_mentions(text: str) -> list[tuple[int, int, Place]]:
    """Places in text written word by word, found by their first word."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    found = []
    i = 0
    while i < len(words):
        hit = None
        word = words[i][2]
        lengths = _ALIAS_LENGTHS.get(word.casefold().rstrip("."), ())
        if lengths:
            # A capital is needed for one word ("China", not "china"), not for a longer
            # name whose other words carry it ("north America").
            shortest = 1 if word[0].isupper() else 2
            for n in lengths:
                if n < shortest or n > len(words) - i:
                    continue
                start, end = words[i][0], words[i + n - 1][1]
                matched = _match(text[start:end])
                if matched is not None:
                    hit = (n, start, start + len(matched[0]), matched[1])
                    break
        if hit is None:
            i += 1
            continue
        n, start, end, place = hit
        found.append((start, end, place))
        i += n
    return found


def _match(written: str) -> tuple[str, Place] | None:
    """(the name as matched, its place); abbreviations ("US", "EU") only in capitals."""
    for candidate in (written, written.rstrip(".")):
        place = _INDEX.get(" ".join(candidate.split()).casefold())
        if place is not None:
            if candidate.upper() in _ABBREVIATIONS and candidate != candidate.upper():
                return None
            return candidate, place
    return None


def names_the_market(text: str, end: int) -> bool:
    """The place is the first word of the market's name: "market" follows within a few
    words that run text would not use ("Europe follows with a 17% share" is a share)."""
    for word in text[end:].split()[: _MAX_NAME_WORDS + 1]:
        bare = word.strip(",.;:()").lower()
        if bare in ("market", "markets", "industry"):
            return True
        if bare in _NOT_NAME_WORDS or word[-1:] in ",.;:" or any(c.isdigit() for c in word):
            return False
    return False


def leading_place(name: str) -> Place | None:
    """The region or country a market name starts with ("North America Biopharma ...")."""
    for start, _end, place in mentions(name):
        prefix = name[:start].strip()
        if prefix.casefold() in ("", "the"):
            return place
        break
    return None


_POSSESSIVE = re.compile(r"^(\S+?)['’]s\b")
_GLOBAL_KEYS = frozenset(w.casefold() for w in GLOBAL_WORDS)
_ADJECTIVE_WORDS = max(len(adjective.split()) for adjective in ADJECTIVES)


def is_global_word(word: str) -> bool:
    return word.strip().casefold() in _GLOBAL_KEYS


def _leading_adjective(name: str) -> str | None:
    """The place a name starts with as an adjective: "German Packaging Market" -> Germany."""
    words = name.split()
    for n in range(min(_ADJECTIVE_WORDS, len(words) - 1), 0, -1):
        place = ADJECTIVES.get(" ".join(words[:n]))
        if place is not None:
            return place
    return None


def geography_of(name: str) -> str:
    """A market's geography: the place its name starts with (also as an adjective:
    "European Electric Car Market") or ends with ("... Market in Europe"); Global otherwise."""
    first = name.split(" ", 1)[0]
    if is_global_word(first):
        return GLOBAL
    name = _POSSESSIVE.sub(r"\1", name, count=1)  # "Germany's Smart Home Market"
    place = leading_place(name)
    if place is not None:
        return place.name
    adjective = _leading_adjective(name)
    if adjective is not None:
        return adjective
    tail = re.search(r"\bin\s+(?:the\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s*$", name)
    if tail:
        place = lookup(tail.group(1))
        if place is not None:
            return place.name
    return GLOBAL
