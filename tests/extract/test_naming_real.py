"""Market names, geography and never dropping a report, on sentences from real reports.

Every quote below is a short excerpt from tests/corpus/real/raw (the file is named in the
comment); the rules they test describe how reports write a market's name, not one file.
"""

from __future__ import annotations

import time

import pytest

from builder.errors import BriefError
from builder.extract import extract_bytes
from builder.extract.boilerplate import strip_chrome_lines
from builder.extract.naming import first_name, most_named
from builder.places import geography_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # furniture glued in front of the headline (52, 48, 36, 40)
        (
            "Key Insights The European glass packaging market, valued at €21.75 billion in "
            "2025, is projected to experience steady growth",
            "European Glass Packaging Market",
        ),
        (
            "MARKET INSIGHTS The global pet food market size was valued at USD 110.53 billion "
            "in 2023.",
            "Pet Food Market",
        ),
        (
            "Read More The global Network Operating System market was valued at $17.7 billion",
            "Network Operating System Market",
        ),
        (
            "Key Insights The health and wellness products market is experiencing robust growth",
            "Health and Wellness Products Market",
        ),
        # a firm named "... Market Research" is cited, not the market (46, 49)
        (
            "According to Allied Market Research, the volume of the global information "
            "security market in 2021 reached $216.11 billion",
            "Information Security Market",
        ),
        (
            "According to Expert Market Research, the global pet food market reached a value "
            "of US$ 103.65 Billion in 2019",
            "Pet Food Market",
        ),
        # the subject of another clause stands before an article (30, 42, 54)
        (
            "Analysts predicted the metaverse market to grow to $600 billion by 2030",
            "Metaverse Market",
        ),
        ("the value of the Metaverse market reached $62.22 billion in 2023", "Metaverse Market"),
        (
            "A look at the trends driving the growth of the global EV charging market",
            "EV Charging Market",
        ),
        # qualifying adjectives are not part of the name (16, 47)
        (
            "As a result, the current total global pharmaceutical outsourcing market is "
            "estimated to be worth about US$130.65bn",
            "Pharmaceutical Outsourcing Market",
        ),
        (
            "Current Market Status and Key Indicators Market Overview and Size The global "
            "cybersecurity market in 2024 is robust",
            "Cybersecurity Market",
        ),
        # the name only after "market for" (12, 19)
        (
            "It is projected that the market for pharmaceutical contract manufacturing "
            "organizations (CMOs) would expand",
            "Pharmaceutical Contract Manufacturing Organizations (CMOs) Market",
        ),
        (
            "The global market for antibody drug conjugates (ADCs) is projected to grow",
            "Antibody Drug Conjugates (ADCs) Market",
        ),
        # news headlines: a verb stands right before the name (14, 17, 18, 41)
        (
            "Visiongain predicts boom in pharma contract manufacturing market",
            "Pharma Contract Manufacturing Market",
        ),
        (
            "Rising Cancer Burden Fuels Antibody Drug Conjugates Contract Manufacturing Market, "
            "Poised to Reach US$ 20.99 Billion by 2032",
            "Antibody Drug Conjugates Contract Manufacturing Market",
        ),
        (
            "Strong growth drives contract antibody drug conjugates market",
            "Contract Antibody Drug Conjugates Market",
        ),
        ("Metaverse healthcare market to hit $500B by 2033", "Metaverse Healthcare Market"),
        # report titles: "Global" before "Market" is the geography (28, 22, 44)
        ("Public Relations Global Market Report 2023", "Public Relations Market"),
        (
            "According to ‘Viral Vectors and Plasmid DNA Global Market Report 2022 – Market "
            "Size, Trends, And Global Forecast 2022-2026’ published by The Business Research "
            "Company",
            "Viral Vectors and Plasmid DNA Market",
        ),
        (
            "2025: Global Lithium-Ion Battery Market Size Exceeds $42 Billion for the Year",
            "Lithium-Ion Battery Market",
        ),
        # a heading about the market: its subject starts after "of", "on" (38, 08)
        ("Growth of Global Diagnostic Imaging Market", "Diagnostic Imaging Market"),
        (
            "COVID -19 Impact on Biotechnology Contract Manufacturing Market",
            "Biotechnology Contract Manufacturing Market",
        ),
        # seed 000's title: "Market Insights" ends a title, it is not a firm
        (
            "United States Biopharmaceutical CMO Services Market Insights",
            "United States Biopharmaceutical CMO Services Market",
        ),
    ],
)
def test_the_name_is_the_noun_phrase_before_market(text, name):
    assert first_name(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "API manufacturing remained the largest market sector in 2010",  # 14
        "Viral Vectors Segment Held the Larger Share of the Market",  # 21
        "one of the most significant drivers of the market in question",  # 44
        "with one report saying it will be a $1.2 trillion market by 2033.",  # 42
        "driven up by robust demand in the energy storage market.",  # 45
        "sales in European and American markets, which resulted in reduced growth",  # 45
        "Asia Pacific remains the largest regional market",  # 45
        "contributes to a dynamic and competitive market landscape",  # 52
        "The market is expected to grow with improved market demand",  # 13
        "are accelerating market development",  # 35
        "thereby supporting market progress",  # 55
        "Study Period 2026-2032 Market Size (2025)",  # 37, lines of a fact box
    ],
)
def test_sentences_that_name_no_market(text):
    assert first_name(text) is None


@pytest.mark.parametrize(
    ("name", "geography"),
    [
        ("European Glass Packaging Market", "Europe"),
        ("European Electric Car Market", "Europe"),
        ("United States Contract Manufacturing Services Market", "United States"),
        ("Chinese Biosimilars Market", "China"),
        ("South Korean Battery Market", "South Korea"),
        ("Pet Food Market", "Global"),
    ],
)
def test_places_named_as_adjectives_are_the_geography(name, geography):
    assert geography_of(name) == geography


def test_page_chrome_lines_are_blanked():
    # 17, 36, 30, 48, 11: view counters, "Read More", dates and a crawler's date prefix
    text = (
        "views\nRising Cancer Burden Fuels ...\n+ Read More\nThe global Network Operating "
        "System market\n10.03.2022 - 12:05\n1 min\nPublished on: 21 November 2025\n"
        " date 2021-02 The global CDMO market is estimated"
    )
    lines = [line for line in strip_chrome_lines(text).splitlines() if line.strip()]
    assert lines == [
        "Rising Cancer Burden Fuels ...",
        "The global Network Operating System market",
        " The global CDMO market is estimated",
    ]


def test_a_count_is_not_the_headline():
    # 55: "30 million EVs" is no amount of money; the European market's size is the headline
    raw = (
        "The global EV market has been witnessing a huge leap.\n\n"
        "Out of these, Europe is the current key player in the global EV market, with "
        "projections indicating over 30 million EVs on European roads by 2030.\n\n"
        "The European electric car market is set to achieve a significant milestone by "
        "surpassing USD 854.15 billion by the year 2028. With a projected CAGR of 29%, the "
        "growth of the European electric car market will prove to be significant.\n"
    )
    record = extract_bytes(raw.encode(), "report.txt")
    assert (record.name, record.geography) == ("European Electric Car Market", "Europe")


def test_a_market_called_only_by_its_size_is_the_subject_before():
    # 26: "a $41-billion market" is about what the paragraph opened with
    raw = (
        "Market forecast: Sunny skies for contract manufacturers\n\n"
        "Contract manufacturing is where it's at, at least through 2015. Global Industry "
        'Analysts projects a $41-billion market, thanks in part to the "huge number" of '
        "biotechs that lack production operations.\n"
    )
    record = extract_bytes(raw.encode(), "report.txt")
    assert record.name == "Contract Manufacturing Market"
    assert (record.warnings[0].code, record.warnings[0].args["name"]) == (
        "named-after-sentence",
        "Contract Manufacturing Market",
    )


def test_an_english_name_in_a_chinese_report_is_found():
    # 51: Chinese text; the English name only on an image caption line
    raw = (
        "# 到 2025 年，电子合同制造和设计服务市场价值将达到 6580 亿美元\n\n"
        "根据 Grand View Research，Inc .的一项新研究，全球电子合同制造和设计服务市场的规模预计到 "
        "2025 年将达到 6580 亿美元，预测期内的 CAGR 为 7.9%。\n\n"
        "Electronic Contract Manufacturing & Design Services Market\n\n"
        "OEM 与电子制造服务(EMs)公司签订分包合同。\n"
    )
    record = extract_bytes(raw.encode(), "report.md")
    assert record.name == "Electronic Contract Manufacturing & Design Services Market"


def test_a_report_in_another_language_is_kept_and_named_with_a_warning():
    # 39: Kinyarwanda; figures with a % and years make it a report, though no term is English
    raw = (
        "Biteganijwe ko isoko ry'amacupa apakira ibirahuri rizagera kuri miliyari 88 "
        "z'amadolari muri 2032\n\n"
        "Raporo yashyizwe ahagaragara na Global Market Insights Inc, ngo isoko ry’amacupa "
        "apakira ibirahuri biteganijwe ko azaba miliyari 55 z'amadolari ya Amerika mu 2022, "
        "aho izamuka ry’umwaka ryiyongera rya 4.5% kuva 2023 kugeza 2032.\n"
    )
    record = extract_bytes(raw.encode(), "39_glass-bottles.txt")
    assert record.name == "Glass Bottles Market"
    assert (record.warnings[0].code, record.warnings[0].args) == (
        "named-after-fallback",
        {"name": "Glass Bottles Market", "source": "file name"},
    )
    assert record.warnings[0].text == (
        'no market name found in the text; named "Glass Bottles Market" after the file name'
    )


def test_text_without_figures_or_market_terms_is_still_refused():
    raw = b"Pick up apples at the farmers market in the autumn. Bake for 45 minutes.\n"
    with pytest.raises(BriefError, match="not a market report"):
        extract_bytes(raw, "recipe.txt")


def test_a_long_run_of_capitalised_words_is_read_in_linear_time():
    # issue: "A-A-A-..." made the capitalised-name search backtrack (80 KB took 23 s)
    run = "A-" * 100_000 + " Market " + "A " * 50_000 + "Market"
    start = time.process_time()  # CPU time: a loaded machine does not fail the test
    assert most_named(run) is None
    first_name(run)
    report = f"<p>Revenue grew and the forecast CAGR is stable. {run}</p>".encode()
    record = extract_bytes(report, "long.html")
    assert time.process_time() - start < 3
    assert len(record.name) <= 120


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # from the generated corpus: a gerund or a verb-like noun is part of a name
        (
            "The global cardiac monitoring devices market was valued at USD 2 billion",
            "Cardiac Monitoring Devices Market",
        ),
        ("Port Tracking Solutions Market Size, Share", "Port Tracking Solutions Market"),
        ("the global hard drives market grew", "Hard Drives Market"),
        (
            "United States Carbon Capture, Utilization and Storage (CCUS) Market Report",
            "United States Carbon Capture, Utilization and Storage (CCUS) Market",
        ),
    ],
)
def test_names_that_hold_words_a_sentence_would_stop_at(text, name):
    assert first_name(text) == name


@pytest.mark.parametrize(
    ("text", "name", "geography"),
    [
        # a place after the name belongs to it in a title or headline
        (
            "Smart Home Market in the United States, 2024",
            "Smart Home Market in the United States",
            "United States",
        ),
        (
            "The e-commerce market in India is expected to reach",
            "E-commerce Market in India",
            "India",
        ),
        ("Smart Home Market in 2024", "Smart Home Market", "Global"),
        # a possessive place (55's URL title: "Europe's electric vehicle fleet")
        (
            "Europe’s electric vehicle market is expected to grow",
            "Europe’s Electric Vehicle Market",
            "Europe",
        ),
    ],
)
def test_places_around_a_title_name(text, name, geography):
    found = first_name(text, place_after=True)
    assert (found, geography_of(found or "")) == (name, geography)


def test_a_place_after_the_name_in_prose_is_a_region_of_the_market():
    # 11: "North America is the major contributor to the global CDMO market"; a sentence that
    # is not the headline names a region's part of the market, not the market
    assert first_name("The CDMO market in North America held a 40% share") == "CDMO Market"


def test_a_report_that_names_no_market_is_named_after_the_report_it_quotes():
    # 45: shipments of Li-ion batteries; the only "market" words name other markets
    raw = (
        'The "Li-ion Battery and Manufacturing Equipment – 2024" report from Interact Analysis '
        "states that global shipments of Li-ion batteries surged by 38.8% year-on-year in "
        "2023, driven up by robust demand in the energy storage market. This growth momentum "
        "will continue, with the sector registering a 21.4% compound annual growth rate "
        "(CAGR) from 2024 to 2029.\n"
    )
    record = extract_bytes(raw.encode(), "report.txt")
    assert record.name == "Li-ion Battery and Manufacturing Equipment Market"
    assert record.warnings[0].args == {
        "name": "Li-ion Battery and Manufacturing Equipment Market",
        "source": "title of the report it quotes",
    }


def test_a_file_name_used_as_a_name_keeps_only_printable_characters():
    raw = "Raporo: izamuka rya 4.5% kuva 2023 kugeza 2032, amafaranga menshi cyane y'abaguzi.\n"
    record = extract_bytes(raw.encode(), "07_glass\x1b[2J-bottles\n.txt")
    assert record.name.isprintable() and record.name.endswith("[2J Bottles Market")
    assert (record.warnings[0].code, record.warnings[0].args["source"]) == (
        "named-after-fallback",
        "file name",
    )


def test_page_chrome_is_found_in_linear_time():
    text = "\n".join([" " * 20_000 + "x", " \t" * 10_000 + "views x", "date " + " " * 50_000])
    start = time.process_time()
    assert strip_chrome_lines(text) == text
    assert time.process_time() - start < 1
