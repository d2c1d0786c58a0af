"""Slugs are safe file names and URLs whatever a report calls things."""

from __future__ import annotations

import re

import pytest

from builder.slugs import MAX_LENGTH, slugify, unique_slug

SAFE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "..", "CON", "con", "x" * 600, "富士フイルム市場", "", "   ", "<script>",
     "Index", "A/B Testing Market", "nul"],
)
def test_hostile_names_give_safe_slugs(name):
    slug = slugify(name)
    assert SAFE.match(slug), slug
    assert len(slug) <= MAX_LENGTH + 7
    assert slug not in {"con", "nul", "index", ".."}


def test_real_market_name():
    assert (
        slugify("North America Biopharmaceuticals Contract Manufacturing Market")
        == "north-america-biopharmaceuticals-contract-manufacturing-market"
    )
    assert slugify("United States CMO/CDMO Market") == "united-states-cmo-cdmo-market"


def test_non_latin_names_differ_and_are_stable():
    # a hash of the name, the same in every process (no `hash()`, which is seeded per run)
    assert slugify("富士フイルム") == "n-3202be12dc"
    assert slugify("三星バイオロジクス") == "n-79c9242912"


def test_collision_gets_a_stable_suffix_from_its_source():
    taken: set[str] = set()
    first = unique_slug("CMO / CDMO Market", taken, source="001.txt")
    second = unique_slug("CMO-CDMO Market", taken, source="002.txt")
    assert first == "cmo-cdmo-market" and second != first
    assert unique_slug("CMO-CDMO Market", {"cmo-cdmo-market"}, source="002.txt") == second


def test_letters_ascii_cannot_spell_keep_names_apart():
    assert slugify("富士フイルム Market") == "market-62c52e"
    assert slugify("三星 Market") == "market-4f836c"


def test_latin_letters_are_spelt_without_a_hash():
    assert slugify("Großhandel Market") == "grosshandel-market"
    assert slugify("Société Générale") == "societe-generale"
    assert slugify("Ørsted Æble") == "orsted-aeble"


def test_typographic_and_straight_apostrophes_slug_alike():
    assert slugify("Men’s Grooming Products Market") == slugify("Men's Grooming Products Market")
    assert slugify("Men's Grooming Products Market") == "mens-grooming-products-market"
