"""The warning catalogue: every code used, none unknown, and warnings that survive the YAML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.schema import Market, Source
from builder.warning_codes import CATALOGUE, fields_of, warn
from builder.yamlio import dump_model, parse_text, validate

BUILDER = Path(__file__).parents[1] / "builder"
_CALL = re.compile(r"\bwarn\(")
_CODED_CALL = re.compile(r'\bwarn\(\s*"([^"]+)"')

# Seed 001's headline, in a report on the United States market
QUOTE = (
    "CMO/CDMO Market size was valued at USD 109.3 Billion in 2022 and is projected to reach "
    "USD 182.9 Billion by 2030, growing at a CAGR of 7.2% from 2024 to 2030."
)


def _calls() -> list[tuple[Path, str]]:
    """Each `warn(...)` call in the package (the catalogue aside), with its literal code."""
    found = []
    for path in sorted(BUILDER.rglob("*.py")):
        if path.name == "warning_codes.py":
            continue
        text = path.read_text(encoding="utf-8")
        coded = _CODED_CALL.findall(text)
        assert len(coded) == len(_CALL.findall(text)), f"{path}: a code that is not a literal"
        found += [(path, code) for code in coded]
    return found


def test_every_code_in_the_catalogue_is_used_and_every_code_used_is_in_it():
    used = {code for _, code in _calls()}
    assert sorted(set(CATALOGUE) - used) == []  # no dead codes
    assert sorted(used - set(CATALOGUE)) == []


def test_every_code_says_what_it_means_for_an_analyst():
    for code, entry in CATALOGUE.items():
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", code), code
        assert entry.meaning.endswith("."), code
        assert all(name.isidentifier() for name in fields_of(code)), code


def test_an_unknown_code_is_refused():
    with pytest.raises(ValueError, match="unknown warning code 'scope-unstated'"):
        warn("scope-unstated", geography="United States")


def test_missing_or_unknown_arguments_are_refused():
    with pytest.raises(ValueError, match=r"missing arguments \['quote'\], unknown \[\]"):
        warn("no-currency", figure="132.73 billion")
    with pytest.raises(ValueError, match=r"missing arguments \[\], unknown \['year'\]"):
        warn("identical-copy", file="019_copy_of_000.txt", year=2023)


def test_a_warning_holds_its_code_its_arguments_and_its_sentence():
    warning = warn(
        "scope-not-stated",
        figures=["USD 109.3 Billion", "USD 182.9 Billion", "CAGR 7.2%"],
        geography="United States",
        quote=QUOTE,
    )
    assert warning.code == "scope-not-stated"
    assert warning.args["figures"] == ["USD 109.3 Billion", "USD 182.9 Billion", "CAGR 7.2%"]
    assert warning.text == (
        'scope not stated: "USD 109.3 Billion", "USD 182.9 Billion", "CAGR 7.2%" come from a '
        "sentence that does not name United States; it may be a wider market's figure, not one "
        f'for United States: "{QUOTE}"'
    )
    shares = warn("conflicting-shares", region="China", share=5.0, other=10, quote="China, 10%")
    assert shares.text == 'conflicting shares for China: 5% and 10% ("China, 10%")'


def test_warnings_round_trip_through_the_yaml_of_a_market():
    warnings = [
        warn(
            "scope-not-stated",
            figures=["USD 109.3 Billion", "USD 182.9 Billion", "CAGR 7.2%"],
            geography="United States",
            quote=QUOTE,
        ),
        warn("country-share-separate", country="China", share=5.0, region="Asia-Pacific"),
        warn("too-many-companies", limit=2000),
        warn("no-figures"),
    ]
    market = Market(
        slug="united-states-cmo-cdmo-market",
        name="United States CMO/CDMO Market",
        publisher="Verified Market Reports",
        source=Source(file="001_354de951d6b5125d.txt"),
        warnings=warnings,
    )
    text = dump_model(market, "market")
    assert "- code: too-many-companies\n  text: the report lists more than 2000 companies" in text
    loaded = validate(Market, parse_text(text, "market.yaml"), "market.yaml", text)
    assert loaded.warnings == warnings
    share = loaded.warnings[1].args["share"]
    assert share == 5.0 and isinstance(share, float)  # "5.0" in the YAML, not read back as 5
    assert loaded.warnings[2].args == {"limit": 2000}
