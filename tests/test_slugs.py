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
    assert slugify("富士フイルム") != slugify("三星バイオロジクス")
    assert slugify("富士フイルム") == slugify("富士フイルム")


def test_collision_gets_a_stable_suffix_from_its_source():
    taken: set[str] = set()
    first = unique_slug("CMO / CDMO Market", taken, source="001.txt")
    second = unique_slug("CMO-CDMO Market", taken, source="002.txt")
    assert first == "cmo-cdmo-market" and second != first
    assert unique_slug("CMO-CDMO Market", {"cmo-cdmo-market"}, source="002.txt") == second
