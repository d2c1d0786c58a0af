"""Cross-report checks on markets made from the seed reports' own sentences."""

from __future__ import annotations

from pathlib import Path

from builder.checks import (
    cagr_contradicted,
    consensus,
    defined_acronyms,
    disagreements,
    industry_words,
    part_larger,
    run_checks,
    same_industry,
    shares_over_100,
)
from builder.schema import Cagr, Market, Region, SizeFigure, Source
from builder.settings import Settings
from builder.store import load_groups

# Sentences of the seed reports (001, 000, 002, 003, 004), as they define their acronyms.
DEFINED_001 = (
    "The United States Contract Manufacturing Organization (CMO) and Contract Development and "
    "Manufacturing Organization (CDMO) market has experienced significant growth"
)
DEFINED_000 = "CMO (Contract Manufacturing Organization) services are in demand"
DEFINED_003 = "The Contract Bio-manufacturing Organization (CMO) market is growing"
HEADLINE_001 = (
    "CMO/CDMO Market size was valued at USD 109.3 Billion in 2022 and is projected to reach "
    "USD 182.9 Billion by 2030, growing at a CAGR of 7.2% from 2024 to 2030."
)
HEADLINE_004 = (
    "The North America biopharmaceuticals contract manufacturing market is poised for remarkable "
    "expansion, with its valuation expected to rise from USD 5,483.81 million in 2023 to USD "
    "19,927.57 million by 2032, registering an impressive CAGR of 15.42% during the forecast period."
)


def size(kind: str, year: int, usd: float, quote: str, **more) -> SizeFigure:
    return SizeFigure(
        kind=kind, year=year, usd_millions=usd, original=f"USD {usd}", quote=quote, **more
    )


def market(slug: str, name: str, geography: str, *sizes: SizeFigure, **more) -> Market:
    return Market(
        slug=slug,
        name=name,
        geography=geography,
        publisher="Verified Market Reports",
        source=Source(file=f"{slug}.txt"),
        size=list(sizes),
        **more,
    )


US = market(
    "us-cmo",
    "United States CMO/CDMO Market",
    "United States",
    size("base", 2022, 109300.0, HEADLINE_001, scope_stated=False),
    size("forecast", 2030, 182900.0, HEADLINE_001, scope_stated=False),
    summary=DEFINED_001,
)
NORTH_AMERICA = market(
    "na-biopharma",
    "North America Biopharmaceuticals Contract Manufacturing Market",
    "North America",
    size("base", 2023, 5483.81, HEADLINE_004),
    size("forecast", 2032, 19927.57, HEADLINE_004),
)
ACRONYMS = defined_acronyms([DEFINED_001, DEFINED_000])


def test_acronyms_are_read_as_the_reports_define_them():
    assert ACRONYMS["CMO"] == ("contract", "manufacturing", "organization")
    assert ACRONYMS["CDMO"] == ("contract", "development", "and", "manufacturing", "organization")
    # a hyphenated word may give the initial of its last part
    assert defined_acronyms([DEFINED_003])["CMO"] == (
        "contract",
        "bio-manufacturing",
        "organization",
    )
    # a parenthesis whose letters the words before it do not spell teaches nothing
    assert defined_acronyms(["growing at a healthy rate (CAGR) across regions"]) == {}


def test_industry_words_leave_out_places_generic_words_and_plurals():
    assert industry_words(US.name, ACRONYMS) == {"contract", "development", "manufacturing"}
    assert industry_words(NORTH_AMERICA.name, ACRONYMS) == {
        "biopharmaceutical",
        "contract",
        "manufacturing",
    }
    assert industry_words("European Electric Car Market", {}) == {"electric", "car"}
    assert industry_words("Global Glass Packaging Industry", {}) == {"glass", "packaging"}


def test_same_industry_needs_shared_words_for_half_the_shorter_name():
    us, na = industry_words(US.name, ACRONYMS), industry_words(NORTH_AMERICA.name, ACRONYMS)
    assert same_industry(us, na)
    assert same_industry(frozenset({"beer"}), frozenset({"beer"}))
    assert not same_industry(frozenset({"electric", "car"}), frozenset({"electric", "bike"}))
    # two shared words out of five are too few
    assert not same_industry(
        frozenset({"contract", "manufacturing", "x", "y", "z"}),
        frozenset({"contract", "manufacturing", "a", "b", "c", "d", "e"}),
    )


def test_a_country_stated_larger_than_its_region_is_found():
    words = {m.slug: industry_words(m.name, ACRONYMS) for m in (US, NORTH_AMERICA)}
    (finding,) = part_larger([US, NORTH_AMERICA], words)
    assert finding.kind == "part_larger"
    assert finding.markets == ("us-cmo", "na-biopharma")
    assert "USD 109,300 million in 2022 against USD 5,483.8 million in 2023" in finding.message
    assert "does not name United States" in finding.message


def test_a_smaller_country_or_a_later_country_figure_is_not_a_finding():
    small = US.model_copy(
        update={
            "size": [
                size("base", 2022, 1200.0, HEADLINE_001),
                size("forecast", 2030, 2000.0, HEADLINE_001),
            ]
        }
    )
    later = US.model_copy(update={"size": [size("forecast", 2040, 30000.0, HEADLINE_001)]})
    beer = market("us-beer", "United States Beer Market", "United States", *US.size)
    for part in (small, later, beer):
        words = {m.slug: industry_words(m.name, ACRONYMS) for m in (part, NORTH_AMERICA)}
        assert part_larger([part, NORTH_AMERICA], words) == []


def test_a_region_larger_than_the_world_is_found():
    world = market(
        "world",
        "Biopharmaceuticals Contract Manufacturing Market",
        "Global",
        size("base", 2023, 4000.0, HEADLINE_004),
    )
    words = {m.slug: industry_words(m.name, ACRONYMS) for m in (world, NORTH_AMERICA)}
    (finding,) = part_larger([world, NORTH_AMERICA], words)
    assert finding.markets == ("na-biopharma", "world")


def two_reports(first: float, second: float) -> list[Market]:
    sentence = "The global solar inverter market size was valued at USD {} billion in 2023."
    return [
        market(
            slug,
            "Global Solar Inverter Market",
            "Global",
            size("base", 2023, value, sentence.format(value / 1000)),
            size("forecast", 2030, 20500.0, sentence),
        )
        for slug, value in (("a", first), ("b", second))
    ]


def test_consensus_gives_each_report_and_the_low_median_and_high():
    a, b = two_reports(12000.0, 16400.0)
    c = market("c", "Solar Inverters Market", "Global", size("base", 2023, 13000.0, "x"))
    table = consensus([a, b, c], "Solar Inverter Market")
    first = table.rows[0]
    assert first.year == 2023
    assert [f.usd_millions if f else None for f in first.figures] == [12000.0, 16400.0, 13000.0]
    assert (first.low, first.median, first.high) == (12000.0, 13000.0, 16400.0)
    assert [f is None for f in table.rows[1].figures] == [False, False, True]


def test_reports_more_than_25_percent_apart_are_found_and_closer_ones_not():
    names = {"a": "Report A", "b": "Report B"}
    (finding,) = disagreements(consensus(two_reports(12000.0, 16400.0), "Solar"), names)
    assert finding.kind == "disagree" and finding.markets == ("a", "b")
    assert "differ by 37% for 2023" in finding.message
    assert disagreements(consensus(two_reports(12000.0, 14000.0), "Solar"), names) == []


def test_same_name_and_geography_are_one_market_and_an_analyst_can_group_others():
    a, b = two_reports(12000.0, 16400.0)
    other = market("c", "Photovoltaic Inverter Market", "Global", size("base", 2023, 30000.0, "x"))
    europe = market("d", "Europe Solar Inverter Market", "Europe", size("base", 2023, 3000.0, "x"))
    checks = run_checks({m.slug: m for m in (a, b, other, europe)})
    assert [c.markets for c in checks.consensus] == [("a", "b")]
    grouped = run_checks({m.slug: m for m in (a, b, other)}, {"Inverters": ["a", "c", "gone"]})
    assert [(c.label, c.markets) for c in grouped.consensus] == [("Inverters", ("a", "c"))]
    assert {f.kind for f in grouped.of_market("c")} == {"disagree"}


def test_a_cagr_its_own_sizes_contradict_is_listed_with_normalisations_words():
    quote = "growing at a CAGR of 12% from 2023 to 2030"
    wrong = market(
        "w",
        "Global Solar Inverter Market",
        "Global",
        size("base", 2023, 12000.0, quote),
        size("forecast", 2030, 13000.0, quote),
        cagr=Cagr(percent=12.0, start_year=2023, end_year=2030, quote=quote),
    )
    (finding,) = cagr_contradicted([wrong])
    assert finding.kind == "cagr"
    assert finding.message == (
        "Global Solar Inverter Market: Figures do not add up: USD 12000.0 in 2023 growing at "
        "12% a year gives USD 26,528 million by 2030, +104% against the stated USD 13000.0."
    )
    assert cagr_contradicted([NORTH_AMERICA]) == []


def test_regional_shares_above_100_percent_are_found_counting_each_place_once():
    quote = "North America held the largest share of 45% in 2023, followed by Europe at 35%."
    over = market(
        "o",
        "Global Solar Inverter Market",
        "Global",
        regions=[
            Region(name="North America", share_percent=45.0, quote=quote),
            Region(name="Europe", share_percent=35.0, quote=quote),
            Region(name="Asia-Pacific", share_percent=30.0),
        ],
    )
    (finding,) = shares_over_100([over])
    assert "add up to 110.0%" in finding.message
    # China's share is a part of Asia-Pacific's (seed 003 lists both), not added to it
    inside = over.model_copy(
        update={
            "regions": [
                Region(name="North America", share_percent=40.0),
                Region(name="Europe", share_percent=30.0),
                Region(name="Asia-Pacific", share_percent=30.0),
                Region(name="China", share_percent=10.0),
            ]
        }
    )
    assert shares_over_100([inside]) == []


def test_market_groups_file_reports_slugs_no_market_has(tmp_path: Path):
    settings = Settings.at(tmp_path)
    assert load_groups(settings, ["a"])[0].groups == {}
    (tmp_path / "data").mkdir()
    settings.groups_file.write_text("groups:\n  Solar: [a, gone]\n", encoding="utf-8")
    groups, problems = load_groups(settings, ["a"])
    assert groups.groups == {"Solar": ["a", "gone"]}
    assert len(problems) == 1 and "'gone', which is no market" in str(problems[0])
    settings.groups_file.write_text("groups: [", encoding="utf-8")
    groups, problems = load_groups(settings, ["a"])
    assert groups.groups == {} and "market_groups.yaml" in str(problems[0])


def test_a_containing_market_named_for_a_niche_is_not_held_against_a_whole_country():
    # market names of the real corpus: a country's whole contract manufacturing against
    # the world's, named with one qualifier or with three
    acronyms = defined_acronyms(["Contract Development and Manufacturing Organization (CDMO)"])
    us = market(
        "us",
        "United States Contract Manufacturing Services Market",
        "United States",
        size("base", 2025, 218220.0, "x"),
    )
    niche = market(
        "adc",
        "Antibody Drug Conjugates Contract Manufacturing Market",
        "Global",
        size("base", 2025, 9260.0, "y"),
    )
    cdmo = market("cdmo", "CDMO Market", "Global", size("base", 2025, 119580.0, "z"))
    words = {m.slug: industry_words(m.name, acronyms) for m in (us, niche, cdmo)}
    (finding,) = part_larger([us, niche, cdmo], words)
    assert finding.markets == ("us", "cdmo")
    assert "the containing market's name adds: development" in finding.message


def test_a_part_of_a_region_is_held_against_the_region():
    quote = "The Western Europe glass packaging market was valued at USD 9.1 billion in 2023."
    west = market(
        "west",
        "Western Europe Glass Packaging Market",
        "Western Europe",
        size("base", 2023, 9100.0, quote),
    )
    europe = market(
        "eu", "Europe Glass Packaging Market", "Europe", size("base", 2023, 8000.0, "x")
    )
    words = {m.slug: industry_words(m.name, {}) for m in (west, europe)}
    (finding,) = part_larger([west, europe], words)
    assert finding.markets == ("west", "eu")
