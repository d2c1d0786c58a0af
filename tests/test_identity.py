"""Company identity on the names the seed reports actually print."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.identity import CompanyResolver, display_name, identity_key
from builder.schema import AliasFile
from builder.yamlio import load_model

ROOT = Path(__file__).resolve().parents[1]

# Names exactly as the five seed reports write them, in report order.
SEED_NAMES = [
    # 000 (Verified Market Reports)
    "Lonza", "Boehringer Ingelheim", "AGC Biologics", "Rentschler Biotechnologie", "JRS Pharma",
    "Catalent", "Biomeva", "Samsung BioLogics", "AbbVie", "Binex", "WuXi Biologics",
    "PRA Health Sciences", "ProBioGen", "KBI Biopharma",
    # 002 (Reliable Market Forecast)
    "Catalent", "Patheon", "Baxter", "AbbVie", "Lonza", "Pfizer", "Recipharm", "Teva API",
    "Thermo Fisher Scientific",
    # 003 (Markets CAGR)
    "Abzena", "Althea", "Asymchem Laboratories", "Baxter Biopharma Solutions", "Lonza Group",
    "Fujifilm Diosynth Technologies", "Boehringer Ingelheim", "Samsung Biologics",
    "Cytovance Biologics",
    # 004 (Credence Research)
    "Boehringer Ingelheim GmbH", "Lonza", "JRS PHARMA", "AGC Biologics", "ProBioGen",
    "FUJIFILM Diosynth Biotechnologies U.S.A., Inc.", "Toyobo Co. Ltd.", "Samsung Biologics",
    "Thermo Fisher Scientific, Inc.", "Binex Co., Ltd.", "WuXi Biologics", "AbbVie, Inc.",
    "ADMA Biologics, Inc.", "Catalent, Inc", "Cambrex Corporation", "Pfizer Inc.",
    "Siegfried Holding AG",
]


@pytest.fixture(scope="module")
def identities():
    aliases = load_model(ROOT / "data" / "company_aliases.yaml", AliasFile)
    return CompanyResolver(aliases).resolve(SEED_NAMES)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Lonza", "Lonza Group"),
        ("Catalent", "Catalent, Inc"),
        ("Samsung BioLogics", "Samsung Biologics"),
        ("AbbVie", "AbbVie, Inc."),
        ("Binex", "Binex Co., Ltd."),
        ("Fujifilm Diosynth Technologies", "FUJIFILM Diosynth Biotechnologies U.S.A., Inc."),
        ("JRS Pharma", "JRS PHARMA"),
        ("Boehringer Ingelheim", "Boehringer Ingelheim GmbH"),
        ("Pfizer", "Pfizer Inc."),
    ],
)
def test_same_company_across_reports(identities, left, right):
    assert identities[left] == identities[right]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Patheon", "Thermo Fisher Scientific"),
        ("AGC Biologics", "ADMA Biologics, Inc."),
        ("Baxter", "Baxter Biopharma Solutions"),
        ("Samsung Biologics", "WuXi Biologics"),
    ],
)
def test_different_companies_stay_apart(identities, left, right):
    assert identities[left] != identities[right]


def test_seed_names_give_thirty_companies(identities):
    assert len({i.slug for i in identities.values()}) == 30


def test_display_name_is_the_most_used_plain_spelling(identities):
    assert identities["Lonza Group"].name == "Lonza"
    assert identities["Samsung BioLogics"].name == "Samsung Biologics"
    assert identities["Catalent, Inc"].name == "Catalent"
    assert set(identities["Lonza"].aliases) == {"Lonza Group"}
    assert identities["Boehringer Ingelheim"].slug == "boehringer-ingelheim"


def test_curated_alias_names_what_no_rule_sees():
    aliases = AliasFile(companies={"Thermo Fisher Scientific": ["Thermo Fisher"]})
    found = CompanyResolver(aliases).resolve(["Thermo Fisher", "Thermo Fisher Scientific, Inc."])
    assert found["Thermo Fisher"] == found["Thermo Fisher Scientific, Inc."]
    assert found["Thermo Fisher"].name == "Thermo Fisher Scientific"
    unaided = CompanyResolver(AliasFile()).resolve(["Thermo Fisher", "Thermo Fisher Scientific"])
    assert unaided["Thermo Fisher"] != unaided["Thermo Fisher Scientific"]


def test_fuzzy_rule_needs_no_alias_file():
    found = CompanyResolver(AliasFile()).resolve(
        ["Fujifilm Diosynth Technologies", "FUJIFILM Diosynth Biotechnologies U.S.A., Inc."]
    )
    assert len({i.slug for i in found.values()}) == 1


def test_not_companies_are_dropped():
    resolver = CompanyResolver(AliasFile(not_companies=["Others"]))
    assert "Others" not in resolver.resolve(["Others", "Lonza"])


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Toyobo Co. Ltd.", "toyobo"),
        ("Siegfried Holding AG", "siegfried"),
        ("FUJIFILM Diosynth Biotechnologies U.S.A., Inc.", "fujifilm diosynth biotechnologies"),
        ("The Lubrizol Corporation", "lubrizol"),
        ("Group", "group"),
        ("富士フイルム", "富士フイルム"),
        # Chinese legal forms, glued or not (51: Grand View Research in Chinese)
        ("捷普电路公司", "捷普电路"),
        ("鸿海精密工业股份有限公司", "鸿海精密工业"),
        ("Sanmina 公司", "sanmina"),
        ("Benchmark Electronics，Inc .", "benchmark electronics"),
        ("三菱 Chemical", "三菱 chemical"),
        ("Газпром нефть", "газпром нефть"),
        ("Lonz\u0430 AG", "lonza"),  # a Cyrillic "а" inside a Latin word
        ("Evil\u202eCorp", "evilcorp"),  # a right-to-left override
    ],
)
def test_identity_key(name, key):
    assert identity_key(name) == key


def test_same_input_in_any_order_gives_same_slugs():
    aliases = AliasFile()
    forward = CompanyResolver(aliases).resolve(SEED_NAMES)
    backward = CompanyResolver(aliases).resolve(list(reversed(SEED_NAMES)))
    assert {n: i.slug for n, i in forward.items()} == {n: i.slug for n, i in backward.items()}


def test_apostrophes_of_any_kind_are_one_name():
    found = CompanyResolver(AliasFile()).resolve(["L’Oréal", "L'Oréal S.A."])
    assert found["L’Oréal"] == found["L'Oréal S.A."]
    assert found["L’Oréal"].slug == "loreal"


def test_names_in_other_scripts_keep_their_own_companies():
    found = CompanyResolver(AliasFile()).resolve(
        [
            "三菱 Chemical",
            "住友 Chemical",
            "東レ Chemical",
            "Chemical",
            "捷普电路公司",
            "伟创力国际有限公司",
        ]
    )
    assert len({i.slug for i in found.values()}) == 6
    assert all(not i.aliases for i in found.values())


def test_a_look_alike_spelling_is_an_alias_never_the_page_name():
    found = CompanyResolver(AliasFile()).resolve(["Lonz\u0430", "Lonz\u0430", "Lonza AG"])
    assert found["Lonz\u0430"] == found["Lonza AG"]
    # the Latin spelling is shown, without its legal form; the look-alike stays an alias
    assert found["Lonza AG"].name == "Lonza"
    assert set(found["Lonza AG"].aliases) == {"Lonz\u0430", "Lonza AG"}


def test_display_names_drop_legal_forms_which_stay_aliases():
    # names as the seed reports write them (004, 002)
    found = CompanyResolver(AliasFile()).resolve(
        ["Toyobo Co. Ltd.", "Cambrex Corporation", "Samsung Biologics Co., Ltd.", "Pfizer"]
    )
    assert found["Toyobo Co. Ltd."].name == "Toyobo"
    assert found["Toyobo Co. Ltd."].aliases == ("Toyobo Co. Ltd.",)
    assert found["Cambrex Corporation"].name == "Cambrex"
    assert found["Samsung Biologics Co., Ltd."].name == "Samsung Biologics"
    assert found["Pfizer"].aliases == ()
    assert display_name("Merck & Co., Inc.") == "Merck"
    assert display_name("Inc.") == "Inc."  # nothing but a form: kept
    assert display_name("捷普电路公司") == "捷普电路公司"
