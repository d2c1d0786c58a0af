"""Reports the extractor was not written against: the seeds rephrased, and generated reports.

Each case restates a seed with what other reports of the same publishers do (lower-case and
unusual company names, companies named only in their own paragraph, a region spelt another
way, a market named after a region of several words) and checks the facts the rewrite states.
Generated reports are checked against the generator's own truth, never against this code.
"""

from __future__ import annotations

import pytest

from bench.make_corpus import make_report, make_report_truth, template_for
from bench.regression import REGION_SPELLING
from builder.extract import extract_bytes
from builder.identity import identity_key
from builder.places import geography_of
from builder.schema import ReportRecord

from .seeds import seed_text

UNSEEN_SEED = 202
"""A corpus seed no rule was tuned on."""


def rewrite(prefix: str, *edits: tuple[str, str]) -> str:
    """A seed's text with each (old, new) edit made; an edit that matches nothing fails."""
    text = seed_text(prefix)
    for old, new in edits:
        assert old in text, f"seed {prefix} no longer contains {old!r}"
        text = text.replace(old, new)
    return text


def extract(text: str, name: str = "rephrased.txt") -> ReportRecord:
    return extract_bytes(text.encode("utf-8"), name)


def companies(record: ReportRecord) -> list[str]:
    return [c.name for c in record.companies]


def shares(record: ReportRecord) -> dict[str, float]:
    return {r.name: r.share_percent for r in record.regions if r.share_percent is not None}


# --- Company lists ------------------------------------------------------------------------

SEED_003_PLAYERS = (
    "Key players in this competitive landscape include Abzena, Althea, Asymchem Laboratories, "
    "Baxter Biopharma Solutions, and Lonza Group, among others."
)
UNUSUAL_NAMES = (
    "tado GmbH",
    "onsemi",
    "SK hynix",
    "Natura &co",
    "Pierre Fabre SA",
    "Smurfit Westrock plc",
    "Arla Foods amba",
    "A.P. Moller - Maersk",
    "J.B. Hunt Transport Services, Inc.",
    "Chr. Hansen",
    "CHR. HANSEN Holding A/S",
    "e.l.f. Beauty Inc.",
    "Becton Dickinson and Company",
    "Festo SE & Co. KG",
    "bioMérieux S.A.",
)


def _with_players(sentence: str) -> str:
    return rewrite("003", (SEED_003_PLAYERS, sentence))


@pytest.mark.parametrize("name", UNUSUAL_NAMES)
@pytest.mark.parametrize("position", ["first", "middle", "last"])
def test_unusual_names_anywhere_in_a_players_sentence(name, position):
    listed = ["Abzena", "Althea", "Lonza Group"]
    listed.insert({"first": 0, "middle": 2, "last": 3}[position], name)
    sentence = (
        f"Key players in this competitive landscape include {', '.join(listed[:-1])}, and "
        f"{listed[-1]}."
    )
    found = companies(extract(_with_players(sentence)))
    assert found[:4] == listed


def test_a_list_after_a_colon_and_one_ending_the_paragraph():
    text = _with_players(
        "Key players include Abzena and Althea. Other companies covered: Asymchem Laboratories, "
        "tado, Smurfit Westrock plc, onsemi."
    )
    assert companies(extract(text))[:6] == [
        "Abzena",
        "Althea",
        "Asymchem Laboratories",
        "tado",
        "Smurfit Westrock plc",
        "onsemi",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Key players are expanding capacity and investing in automation.",
        "Key players are raising prices, and regional firms follow.",
        "Leading companies such as these expand capacity.",
    ],
)
def test_lower_case_words_alone_are_not_companies(sentence):
    found = companies(extract(_with_players(sentence)))
    # The seed's company paragraphs and closing "Players like" sentence remain; the
    # rewritten sentence adds nobody.
    assert found == [
        "Lonza Group",
        "Fujifilm Diosynth Technologies",
        "Boehringer Ingelheim",
        "Samsung Biologics",
        "Althea",
        "Cytovance Biologics",
    ]


def test_a_verb_after_a_such_as_list_is_not_a_name():
    text = _with_players(
        "Key players such as Abzena, Althea and onsemi expand capacity across the region."
    )
    found = companies(extract(text))
    assert found[:2] == ["Abzena", "Althea"]
    assert not any("expand" in name for name in found)


def test_companies_named_only_in_their_own_bold_paragraph():
    # Seed 002 with three of its profiled companies replaced by companies the key-players
    # sentence does not name, one of them with a word that also heads profile sections.
    text = rewrite(
        "002",
        ("**Recipharm**, a Sweden-based CMO,", "**Winpak Ltd**, a Canada-based CMO,"),
        ("**Teva API**", "**Avon Products**"),
        ("**Lonza**, with a revenue", "**The Estée Lauder Companies**, with a revenue"),
        ("Lonza, and Pfizer, among others", "Smurfit Westrock plc, and Uflex, among others"),
    )
    assert companies(extract(text)) == [
        "Catalent",
        "Patheon",
        "Baxter",
        "AbbVie",
        "Smurfit Westrock plc",
        "Uflex",
        "The Estée Lauder Companies",
        "Winpak Ltd",
        "Avon Products",
    ]


def test_a_name_with_a_dash_in_a_player_list_stays_whole():
    text = rewrite("004", ("<li>Lonza</li>", "<li>A.P. Moller - Maersk</li>"))
    assert companies(extract(text))[:2] == ["Boehringer Ingelheim GmbH", "A.P. Moller - Maersk"]


def test_a_segment_named_after_its_buyers_is_a_segment():
    # Seed 000 with its "Others" application renamed to a group of manufacturers.
    text = rewrite("000", ("<h2>Others</h2>", "<h2>Food &amp; Beverage Manufacturers</h2>"))
    record = extract(text)
    assert [(s.dimension, s.values) for s in record.segments] == [
        (
            "Application",
            ["Clinical Manufacturing", "Commercial Manufacturing", "Food & Beverage Manufacturers"],
        )
    ]
    assert companies(record)[0] == "Lonza" and len(companies(record)) == 14


# --- Regions and geography ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "geography"),
    [
        ("Southeast Asia Industrial Bags Market", "Southeast Asia"),
        ("South-east Asia Industrial Bags Market", "Southeast Asia"),
        ("Asia Pacific Dental Endoscopes Market", "Asia-Pacific"),
        ("APAC Dental Endoscopes Market", "Asia-Pacific"),
        ("Middle East and Africa Cold Chain Tracking Market", "Middle East & Africa"),
        ("Middle East Cold Chain Tracking Market", "Middle East"),
        ("Latin America Detergent Resins Market", "Latin America"),
        ("South America Detergent Resins Market", "South America"),
        ("Rigid Corrugated Boxes Market in Southeast Asia", "Southeast Asia"),
    ],
)
def test_geography_of_regions_of_several_words(name, geography):
    assert geography_of(name) == geography


SEED_004_MARKET = "The North America biopharmaceuticals contract manufacturing market"
SEED_004_HEADLINE = (
    "is poised for remarkable expansion, with its valuation expected to rise from USD 5,483.81 "
    "million in 2023 to USD 19,927.57 million by 2032, registering an impressive CAGR of 15.42% "
    "during the forecast period."
)


@pytest.mark.parametrize(
    "headline",
    [
        SEED_004_HEADLINE,
        "is projected to grow from USD 5,483.81 million in 2023 to an estimated USD 19,927.57 "
        "million by 2032, with a compound annual growth rate (CAGR) of 15.42% from 2025 to 2032.",
    ],
)
def test_a_market_named_after_southeast_asia_keeps_its_headline(headline):
    text = rewrite(
        "004",
        (SEED_004_HEADLINE, headline),
        (SEED_004_MARKET, "The Southeast Asia biopharmaceuticals contract manufacturing market"),
    )
    record = extract(text)
    assert (record.name, record.geography) == (
        "Southeast Asia Biopharmaceuticals Contract Manufacturing Market",
        "Southeast Asia",
    )
    assert [(s.kind, s.year, s.money.amount) for s in record.size[:2]] == [
        ("base", 2023, 5483.81),
        ("forecast", 2032, 19927.57),
    ]
    assert record.cagr is not None and record.cagr.percent == 15.42


def test_a_name_with_an_abbreviation_in_brackets():
    text = rewrite(
        "004", (SEED_004_MARKET, "The Europe silicon carbide (SiC) power devices market")
    )
    record = extract(text)
    assert (record.name, record.geography) == (
        "Europe Silicon Carbide (SiC) Power Devices Market",
        "Europe",
    )


SEED_002_SHARES_OPENING = (
    "The Contract Manufacturing Organization (CMO) Services market is experiencing significant "
    "growth across various regions."
)


@pytest.mark.parametrize("home", ["Europe", "North America", "China"])
def test_the_markets_own_region_still_gets_its_share(home):
    # Seed 002 as the report on one region's market: its share paragraph is unchanged.
    text = rewrite(
        "002",
        ("<h1>Contract Manufacturing", f"<h1>{home} Contract Manufacturing"),
        (SEED_002_SHARES_OPENING, SEED_002_SHARES_OPENING.replace("The ", f"The {home} ", 1)),
    )
    record = extract(text)
    assert record.geography == home
    assert shares(record) == {"North America": 40, "Asia-Pacific": 30, "Europe": 25, "China": 5}


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("The Asia Pacific region", "Asia-Pacific"),
        ("The Asia-Pacific (APAC) region", "Asia-Pacific"),
        ("The Middle East and Africa region", "Middle East & Africa"),
        ("The MEA region", "Middle East & Africa"),
    ],
)
def test_regions_take_one_spelling(written, canonical):
    text = rewrite("002", ("The APAC region", written))
    assert shares(extract(text))[canonical] == 30


def test_region_shares_given_as_a_list():
    # Seed 002's regional shares restated as the Markdown lists other publishers print.
    text = (
        "# Contract Manufacturing Organization Services Market Report 2024-2031\n\n"
        "## Market Summary\n\nThe Contract Manufacturing Organization Services market is "
        "expected to grow at a CAGR of 7.5% during the forecast period.\n\n"
        "## Regional Outlook\n\n- North America: 40%\n- APAC: 30%\n- Europe: 25%\n"
        "- Rest of the World: 5%\n- Latin America CAGR: 6.5%\n"
    )
    assert shares(extract(text, "rephrased.md")) == {
        "North America": 40,
        "Asia-Pacific": 30,
        "Europe": 25,
        "Rest of the World": 5,
    }


# --- Generated reports of every template ---------------------------------------------------


def _generated(template: str, count: int) -> list[int]:
    """The first `count` report numbers of the unseen corpus in one publisher's template."""
    found = [i for i in range(count * 10) if template_for(i, UNSEEN_SEED) == template]
    return found[:count]


TEMPLATE_CASES = [
    (template, index)
    for template in ("verified", "reliable", "marketscagr", "credence", "markdown")
    for index in _generated(template, 4)
]


@pytest.mark.parametrize(("template", "index"), TEMPLATE_CASES)
def test_generated_reports_give_the_generators_companies_regions_and_geography(template, index):
    name, raw = make_report(index, UNSEEN_SEED)
    truth = make_report_truth(index, UNSEEN_SEED)
    assert truth["template"] == template
    record = extract_bytes(raw, name)
    assert record.geography == REGION_SPELLING.get(truth["geography"], truth["geography"])
    assert shares(record) == truth["regions"]
    expected = {identity_key(truth["spellings"][firm][0]) for firm in truth["companies"]}
    assert {identity_key(name) for name in companies(record)} == expected
