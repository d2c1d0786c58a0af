"""Company lists as real reports write them: excerpts quoted from `tests/corpus/real/raw/`.

Each test feeds a short excerpt through the same stages as a report (blocks, sections,
companies) and checks the names as written, without what reports append to them (country
tags, tickers, brand notes), and the warnings an analyst would read. The last tests use
generated inputs for hostile reports: thousands of lists, mixed scripts, look-alike letters.
"""

from __future__ import annotations

import time

import pytest

from builder.extract.boilerplate import strip_boilerplate
from builder.extract.companies import MAX_COMPANIES, CompanyScan, extract_companies
from builder.extract.document import parse
from builder.extract.sections import build_sections
from builder.identity import CompanyResolver, identity_key
from builder.schema import AliasFile


def scan_of(text: str) -> CompanyScan:
    return extract_companies(build_sections(strip_boilerplate(parse(text).blocks)))


def names_in(text: str) -> list[str]:
    return [c.name for c in scan_of(text).companies]


def test_dash_list_under_a_plain_major_players_line():
    # 04 (Reanin): a plain line, not a heading, over a dash list; the next line is glued
    # to the last item by Markdown.
    text = (
        "Major Players\n- Catalent Inc.\n- Lonza Group Ltd.\n"
        "- Recipharm AB\n- Siegfried Holding AG\n- Thermo Fisher Scientific Inc\n"
        "- Covance Inc.\nMarket Concentration\n"
        "Consolidated - Market dominated by 1 - 5 major players\n"
    )
    assert names_in(text) == [
        "Catalent Inc.",
        "Lonza Group Ltd.",
        "Recipharm AB",
        "Siegfried Holding AG",
        "Thermo Fisher Scientific Inc",
        "Covance Inc.",
    ]


def test_dash_list_keeps_commas_and_expansions_inside_names():
    # 25 (SNS Insider via HackMD)
    text = (
        "### **Key Players in the Biotech Ingredients Market**\n\n"
        "Leading companies driving the biotech ingredients market include:\n\n"
        "- BASF SE\n\n- Cargill, Incorporated\n\n- DuPont de Nemours, Inc.\n\n"
        "- DSM (Dutch State Mines)\n\n- SABIC (Saudi Basic Industries Corporation)\n"
    )
    assert names_in(text) == [
        "BASF SE",
        "Cargill, Incorporated",
        "DuPont de Nemours, Inc.",
        "DSM (Dutch State Mines)",
        "SABIC (Saudi Basic Industries Corporation)",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # 43 (HDIN): a legal form after a comma belongs to the name; the acronym stays
            "The global lithium battery manufacturers are mainly located in Asia. The top "
            "companies are LG, Contemporary Amperex Technology Co., Limited (CATL), Panasonic, "
            "Samsung, and BYD.",
            [
                "LG",
                "Contemporary Amperex Technology Co., Limited (CATL)",
                "Panasonic",
                "Samsung",
                "BYD",
            ],
        ),
        (  # 46 (Global Tribune): country tags are not part of the name; "etc." ends the list
            "It is predicted that they will maintain their positions until 2026 thanks to major "
            "providers of cybersecurity solutions, such as Microsoft (USA), IBM (USA), Palo Alto "
            "Networks (USA), Cisco (USA), etc.",
            ["Microsoft", "IBM", "Palo Alto Networks", "Cisco"],
        ),
        (  # 35: the sentence's own verb follows the list
            "The market is fragmented, with key players including NexGenSolutions, Okuma "
            "Corporation, DMG MORI, Symetri, and Penta Machine Co. focusing on innovation.",
            ["NexGenSolutions", "Okuma Corporation", "DMG MORI", "Symetri", "Penta Machine Co."],
        ),
        (  # 52 (Research Axiom): the sentence goes on after the list
            "The dominance of established players like Ardagh Packaging Group and Gerresheimer "
            "AG, coupled with the emergence of smaller, specialized firms, contributes to a "
            "dynamic market.",
            ["Ardagh Packaging Group", "Gerresheimer AG"],
        ),
        (  # 50 (GMI Research)
            "The global pet care market is highly competitive and is driven by players, such as "
            "Omega Protein Corporation, Mars Petcare Inc., Nestlé Purina PetCare, Hill’s Pet "
            "Nutrition, J.M. Smucker, Diamond Pet Foods, and Blue Buffalo.",
            [
                "Omega Protein Corporation",
                "Mars Petcare Inc.",
                "Nestlé Purina PetCare",
                "Hill’s Pet Nutrition",
                "J.M. Smucker",
                "Diamond Pet Foods",
                "Blue Buffalo",
            ],
        ),
    ],
)
def test_players_sentence_lists(sentence, expected):
    assert names_in(sentence) == expected


def test_players_named_before_the_verb_without_brand_and_parent_notes():
    # 48: the list ends the paragraph, before "are some of the key players"
    text = (
        "For instance, in March 2024, Mars Petcare launched a new line of premium wet food with "
        "novel protein sources to cater to pets with allergies. Nestlé Purina PetCare, Mars "
        "Petcare (including brands like Pedigree and Royal Canin), Hill's Pet Nutrition "
        "(Colgate-Palmolive), and J.M. Smucker (including Big Heart Pet Brands) are some of the "
        "key players that operate in the market with a wide range of portfolios."
    )
    assert names_in(text) == [
        "Nestlé Purina PetCare",
        "Mars Petcare",
        "Hill's Pet Nutrition",
        "J.M. Smucker",
    ]


def test_places_called_key_players_are_not_companies():
    # 25: "China and India are key players in the production ..."
    scan = scan_of(
        "The Asia-Pacific region is expected to witness the fastest growth during the forecast "
        "period. China and India are key players in the production and consumption of biotech "
        "ingredients."
    )
    assert scan.companies == []
    assert [(w.code, w.args) for w in scan.warnings] == [
        ("place-listed-as-player", {"name": "China"}),
        ("place-listed-as-player", {"name": "India"}),
    ]


def test_run_of_names_with_no_separator_but_their_full_stops():
    # 49 (Expert Market Research via curiousdesk): tickers and the trailing "Others." dropped
    text = (
        "Competitive Landscape & Supplier Analysis:\n\n"
        "Mars Petcare Inc. Nestle SA (SWX: NESN) Hill’s Pet Nutrition. Big Heart Pet Brands. "
        "Others.\n\nOwing to an increase in the nuclear families, aging population and growing "
        "urbanisation rates, people have started turning to animals for companionship.\n"
    )
    assert names_in(text) == [
        "Mars Petcare Inc.",
        "Nestle SA",
        "Hill’s Pet Nutrition",
        "Big Heart Pet Brands",
    ]


def test_chinese_list_with_full_width_separators():
    # 51 (Grand View Research, Chinese translation)
    text = (
        "*   鸿海精密工业股份有限公司；伟创力国际有限公司；捷普电路公司；Sanmina 公司；"
        "和 Benchmark Electronics，Inc .是 2018 年占据重要份额的一些主要市场参与者。\n"
    )
    names = names_in(text)
    assert names[:4] == [
        "鸿海精密工业股份有限公司",
        "伟创力国际有限公司",
        "捷普电路公司",
        "Sanmina 公司",
    ]
    assert identity_key(names[4]) == identity_key("Benchmark Electronics，Inc .")
    assert len({identity_key(n) for n in names}) == 5


def test_chinese_sentence_that_names_no_players_lists_nobody():
    # 51: "establishing in-house manufacturing units is ... most OEMs' main challenge"
    assert names_in("此外，建立内部制造单位是大多数原始设备制造商面临的主要挑战。") == []


def test_players_list_pasted_from_another_market_is_warned_about():
    # 53 (SNS Insider via HackMD): air-handling firms listed in a medical tubing report
    text = (
        "### **Recent Developments**\n\n"
        "l **Innovation in Material Technology**: For instance, *Poly-Med Inc.* announced the "
        "development of a new biodegradable polymer for use in drug delivery systems.\n\n"
        "l **Expansion of Production Capacity**: To meet the growing demand for medical tubing, "
        "*Foster Corporation* announced plans to expand its production facilities in the U.S.\n\n"
        "### **Key Players**\n\nMajor players in the global market include:\n\n"
        "- *Systemair AB*\n\n- *Trox GmbH*\n\n- *Daikin Industries Ltd.*\n\n"
        "- *Lennox International, Inc.*\n\n- *Carrier Corporation*\n"
    )
    scan = scan_of(text)
    assert [c.name for c in scan.companies][:2] == ["Systemair AB", "Trox GmbH"]
    pasted = [w.args for w in scan.warnings if w.code == "pasted-players-list"]
    assert pasted == [
        {
            "players": ["Systemair AB", "Trox GmbH", "Daikin Industries Ltd."],
            "named": ["Poly-Med Inc", "Foster Corporation"],
        }
    ]


def test_players_list_matching_the_text_is_not_warned_about():
    # 19 (Premium Market Insights): the text's deal names a listed player
    text = (
        "<p>In December 2022, Merck & Co., Inc. (MSD) partnered with Kelun-Biotech, a "
        "subsidiary of Sichuan Kelun Pharmaceutical Co., Ltd., to work on seven preclinical "
        "ADCs.</p><h3>Key Players</h3><ul><li>Lonza</li><li>Merck & Co., Inc.</li>"
        "<li>WuXi Biologics</li><li>Catalent</li></ul>"
    )
    assert "pasted-players-list" not in [w.code for w in scan_of(text).warnings]


# Hostile reports (generated inputs)


def _firm(i: int) -> str:
    return "".join(chr(65 + (i // 26**k) % 26) for k in range(3)).capitalize() + "tech"


@pytest.mark.parametrize("separator", ["\n\n", " "])
def test_thousands_of_player_sentences_are_read_in_linear_time_and_capped(separator):
    text = separator.join(
        f"Key players include {_firm(3 * i)}, {_firm(3 * i + 1)} and {_firm(3 * i + 2)}."
        for i in range(4000)
    )
    sections = build_sections(parse(text).blocks)
    started = time.process_time()  # CPU time: a loaded machine does not fail the test
    scan = extract_companies(sections)
    assert time.process_time() - started < 2.0
    assert len(scan.companies) == MAX_COMPANIES
    assert [w.args for w in scan.warnings if w.code == "too-many-companies"] == [
        {"limit": MAX_COMPANIES}
    ]


def test_names_in_other_scripts_do_not_collapse_into_their_latin_word():
    names = names_in("Key players include 三菱 Chemical, 住友 Chemical and 東レ Chemical.")
    assert names == ["三菱 Chemical", "住友 Chemical", "東レ Chemical"]
    identities = CompanyResolver(AliasFile()).resolve([*names, "Chemical"])
    assert len({i.slug for i in identities.values()}) == 4
    assert all(not i.aliases for i in identities.values())


def test_look_alike_letters_and_direction_marks_are_read_away_with_a_warning():
    scan = scan_of(
        "Key players include Lonz\u0430, Catalent and Sam\u202esung Biologics and Lonza Group."
    )
    assert [c.name for c in scan.companies] == ["Lonza", "Catalent", "Samsung Biologics"]
    assert [(w.code, w.args) for w in scan.warnings] == [
        ("look-alike-letters", {"name": "Lonz\u0430", "latin": "Lonza"}),
        ("invisible-characters", {"name": "Samsung Biologics"}),
    ]
