"""Which figure is which, on sentences quoted from real reports (tests/corpus/real/raw).

Each rule is checked on several publishers' sentences: the role a size plays (base,
forecast, a step between them, history), the spellings of amounts and rates, and which of
several stated CAGRs is the market's.
"""

from __future__ import annotations

import pytest

from builder.extract import figures
from builder.extract.headline import classify_money, extract_figures
from builder.extract.sections import OVERVIEW
from builder.extract.sentences import Sentence
from builder.schema import ReportWarning


def roles(sentence: str, geography: str | None = "Global") -> list[tuple]:
    return [
        (kind, year, hit.money.amount) for hit, kind, year in classify_money(sentence, geography)
    ]


def coded(warnings: list[ReportWarning], code: str) -> list[dict]:
    """The arguments of the warnings of one code."""
    return [w.args for w in warnings if w.code == code]


def headline(*texts: str, title: str | None = None, geography: str = "Global"):
    found = extract_figures([Sentence(t, OVERVIEW) for t in texts], title, geography)
    sizes = [(s.kind, s.year, s.money.amount) for s in found.size if s.kind != "other"]
    cagr = found.cagr and (found.cagr.percent, found.cagr.start_year, found.cagr.end_year)
    return sizes, cagr, found.warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("estimated at $1.79-bn in 2024", (1.79, "USD", "billion")),
        ("projects a $41-billion market", (41.0, "USD", "billion")),
        ("will reach $64.07bn in 2016", (64.07, "USD", "billion")),
        ("valued US$ 16.5 Bn in 2022", (16.5, "USD", "billion")),
        ("expected to reach ~US$ 36.5 Bn by 2032", (36.5, "USD", "billion")),
        ("from US$ 459.4million in 2019", (459.4, "USD", "million")),
        ("valued at USD 276,069.97 million in 2023", (276069.97, "USD", "million")),
        ("from US$ 7,793.43 million in 2022", (7793.43, "USD", "million")),
        ("will reach $678,8 billion by 2030", (678.8, "USD", "billion")),
        ("it will be a $1.2 trillion market by 2033", (1.2, "USD", "trillion")),
        ("was 44.1 billion yuan", (44.1, "CNY", "billion")),
        ("将达到 6580 亿美元", (658000.0, "USD", "million")),
    ],
)
def test_amount_spellings(text, expected):
    (hit,) = figures.find_money(text)
    assert (hit.money.amount, hit.money.currency, hit.money.unit) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Contract Development and Manufacturing Organization (CDMO) Market was valued at "
            "USD 211.91 billion in 2024 and is projected to reach a market size of USD 336.65 "
            "billion by 2030.",
            [("base", 2024, 211.91), ("forecast", 2030, 336.65)],
        ),
        (
            "As per the report published by Market Data Forecast, the size of the global "
            "pharmaceutical contract manufacturing market is estimated to grow USD 161.72 billion "
            "by 2026 from USD 109.96 billion in 2021, showcasing a CAGR of 8.02% from 2021 to 2026.",
            [("forecast", 2026, 161.72), ("base", 2021, 109.96)],
        ),
        (
            "The viral vector & plasmid DNA manufacturing market is expected to reach US$ 2,247.7 "
            "million by 2027 from US$ 459.4million in 2019.",
            [("forecast", 2027, 2247.7), ("base", 2019, 459.4)],
        ),
        (
            "The market is expected to garner a revenue of USD 240 billion by the end of 2036, up "
            "from a revenue of USD 35 billion in the year 2023.",
            [("forecast", 2036, 240.0), ("base", 2023, 35.0)],
        ),
        (
            "In recent years, the Metaverse has taken a backseat as better technologies such as "
            "artificial intelligence (AI) have taken over the headlines. But the sector continues "
            "to grow, with one report saying it will be a $1.2 trillion market by 2033.",
            [("forecast", 2033, 1.2)],
        ),
    ],
)
def test_forecast_and_base_by_verb_and_year_in_either_order(sentence, expected):
    assert roles(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Our projections indicate that, the pharmaceutical contract manufacturing and research "
            "services market was valued at USD 281.68 billion in 2025 and is projected to reach "
            "USD 301.23 billion in 2026, further expanding to USD 551.01 billion by 2035, growing "
            "at a CAGR of 6.94% (2026–2035).",
            [("base", 2025, 281.68), ("step", 2026, 301.23), ("forecast", 2035, 551.01)],
        ),
        (
            "The global pharmaceutical contract manufacturing and research services market size "
            "was estimated at USD 281.68 billion in 2025 and is predicted to increase from USD "
            "301.23 billion in 2026 to approximately USD 551.01 billion by 2035, expanding at a "
            "CAGR of 6.94% from 2026 to 2035.",
            [("base", 2025, 281.68), ("step", 2026, 301.23), ("forecast", 2035, 551.01)],
        ),
    ],
)
def test_a_projected_step_between_base_and_forecast_is_neither(sentence, expected):
    assert roles(sentence) == expected


def test_a_sentence_told_in_the_past_states_actual_sizes():
    sentence = (
        "The global lithium battery market size was $30.2 billion in 2017, growing to $53.5 "
        "billion in 2022, with a CAGR of 12.1% from 2017 to 2022."
    )
    assert roles(sentence) == [("history", 2017, 30.2), ("base", 2022, 53.5)]
    sentences = (
        sentence,
        "Benefiting from the rapid development of new energy vehicles and energy storage, the "
        "global lithium battery market is expected to reach $100 billion in 2027, with a CAGR of "
        "13.3% from 2022 to 2027.",
    )
    sizes, cagr, warnings = headline(*sentences)
    assert sizes == [("base", 2022, 53.5), ("forecast", 2027, 100.0)]
    assert cagr == (13.3, 2022, 2027)
    assert [(a["cagr"], a["reason"]) for a in coded(warnings, "cagr-not-the-markets")] == [
        ("12.1%", "a historical rate")
    ]
    assert coded(warnings, "other-market-size") == []  # the same market both times


@pytest.mark.parametrize(
    ("step", "horizon", "expected"),
    [
        (
            "According to 'Viral Vectors and Plasmid DNA Global Market Report 2022', the viral "
            "vectors and plasmid DNA market size is expected to grow from $0.69 billion in 2021 to "
            "$0.80 billion in 2022 at a compound annual growth rate (CAGR) of 14.80%.",
            "The viral vectors and plasmid DNA market is expected to reach $1.38 billion in 2026 at "
            "a CAGR of 14.80%.",
            ([("base", 2021, 0.69), ("forecast", 2026, 1.38)], (14.8, None, None)),
        ),
        (
            "The global public relations market will grow from $100.39 billion in 2022 to $107.05 "
            "billion in 2023 at a compound annual growth rate (CAGR) of 6.6%.",
            "The public relations market is expected to grow to $133.82 billion in 2027 at a CAGR "
            "of 5.7%.",
            ([("base", 2022, 100.39), ("forecast", 2027, 133.82)], (5.7, None, None)),
        ),
    ],
)
def test_a_one_year_step_gives_way_to_the_stated_horizon(step, horizon, expected):
    sizes, cagr, warnings = headline(step, horizon)
    assert (sizes, cagr) == expected
    (_, base_year, _), (_, horizon_year, _) = expected[0]
    assert [(a["year"], a["later_year"]) for a in coded(warnings, "one-year-forecast")] == [
        (base_year + 1, horizon_year)  # the step's year, a year after the base
    ]


@pytest.mark.parametrize(
    ("round_figure", "precise", "expected"),
    [
        (
            "Analysts predicted the metaverse market to grow to $600 billion by 2030",
            "Grand View Research, an analytical company, has published a report stating that the "
            "volume of the metaverse market will reach $678,8 billion by 2030.",
            ("forecast", 2030, 678.8),
        ),
        (
            "Metaverse healthcare market to hit $500B by 2033",
            "“The global metaverse in healthcare market size is expected to grow from USD 8.97 "
            "billion in 2023 to USD 496.26 billion by 2033, during the forecast period 2023-2033.”",
            ("forecast", 2033, 496.26),
        ),
    ],
)
def test_a_round_headline_gives_way_to_the_precise_figure(round_figure, precise, expected):
    sizes, _, warnings = headline(round_figure, precise)
    assert expected in sizes
    assert [a["kind"] for a in coded(warnings, "round-figure-set-aside")] == ["forecast"]


def test_a_dated_figure_with_a_currency_is_the_base_over_a_bare_one():
    sizes, _, warnings = headline(
        "The post processor market is projected to grow at a CAGR of 5.38%, reaching a market "
        "size of 132.73 billion by the base year 2025.",
        "The post-processor market, valued at approximately $2.5 billion in 2023, is moderately "
        "concentrated.",
    )
    assert sizes == [("base", 2023, 2.5)]
    assert [a["figure"] for a in coded(warnings, "no-currency")] == ["132.73 billion"]


def test_a_sentence_going_on_about_the_market_is_the_markets():
    sizes, cagr, _ = headline(
        "The global biopharmaceutical contract manufacturing market is expected to experience a "
        "Compound Annual Growth Rate (CAGR) of 14.37% from 2022 to 2027.",
        "It is projected to surpass $25.20 billion by 2027, compared to $11 billion in 2021.",
    )
    assert sizes == [("base", 2021, 11.0), ("forecast", 2027, 25.2)]
    assert cagr == (14.37, 2022, 2027)


def test_a_place_in_an_address_does_not_own_the_figure():
    sentence = (
        "According to a report by Brainy Insights, a market research firm based in Pune, India, "
        "the value of the Metaverse market reached $62.22 billion in 2023."
    )
    assert roles(sentence) == [("base", 2023, 62.22)]
    assert roles("Europe accounted for USD 2.1 billion in 2023 of the global market.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The global biomaterials market will grow at a 17.9 percent compound annual rate "
            "through 2031, according to a report from Fremont, Calif.-based market research firm "
            "BIS Research.",
            (17.9, None, 2031),
        ),
        (
            "Grand View Research estimates the average annual growth rate over the decade at 39,4%",
            (39.4, None, None),
        ),
        (
            "We estimate that by 2025, the total size of the global CDMO market will be US$ 119.58 "
            "billion, with a compound growth rate of 11.2%.",
            (11.2, None, None),
        ),
        (
            "It is projected that the market for pharmaceutical contract manufacturing "
            "organizations (CMOs) would expand at a compound annual growth rate (CAGR) of 7.29 "
            "percent until the year 2028.",
            (7.29, None, 2028),
        ),
        (
            "Global pharmaceutical contract manufacturing market is projected to witness a CAGR of "
            "7.07% during the forecast period 2024-2031F, growing from USD 207.06 billion in 2023 "
            "to USD 357.63 billion in 2031F.",
            (7.07, 2024, 2031),
        ),
        (
            "*   由于对资源优化的需求不断增长以及制造技术的不断发展，预计 2019 年至 2025 年"
            "电子合同制造和设计服务市场的 CAGR 将达到 7.9%",
            (7.9, 2019, 2025),
        ),
    ],
)
def test_cagr_spellings_and_periods(sentence, expected):
    assert headline(sentence)[1] == expected


def test_a_historical_rate_is_not_the_markets():
    sentence = (
        "As a result, the current total global pharmaceutical outsourcing market is estimated to "
        "be worth about US$130.65bn, according to Research and Markets.1 In the past six years "
        "(2009–2014), the sector has been growing at a CAGR of around 9.4%; the market is expected "
        "to record a CAGR of 8.7% in the next six years (2015–2020) and may reach as much as "
        "$215bn by 2020, the company says."
    )
    sizes, cagr, warnings = headline(sentence)
    assert sizes == [("forecast", 2020, 215.0)]
    assert cagr == (8.7, 2015, 2020)
    assert [(a["cagr"], a["reason"]) for a in coded(warnings, "cagr-not-the-markets")] == [
        ("9.4%", "a historical rate")
    ]


def test_a_regions_rate_is_not_the_markets():
    _, cagr, warnings = headline(
        "This region will grow at a CAGR of 18.3% from 2024 to 2029, slightly below the global "
        "average.",
        "Global Li-ion battery shipments are expected to grow at a CAGR of 21.4% from 2024 to "
        "2029.",
    )
    assert cagr == (21.4, 2024, 2029)
    assert [(a["cagr"], a["reason"]) for a in coded(warnings, "cagr-not-the-markets")] == [
        ("18.3%", "a segment's or another region's rate")
    ]


def test_a_rate_without_years_takes_them_from_its_restatement():
    _, cagr, _ = headline(
        "Biotech Ingredients Market Projected to Reach USD 4.3 Billion by 2032, Growing at a CAGR "
        "of 7.8%",
        "The global biotech ingredients market was valued at USD 2.2 billion in 2023 and is "
        "forecasted to reach USD 4.3 billion by 2032, experiencing a robust compound annual growth "
        "rate (CAGR) of 7.8% from 2024 to 2032.",
    )
    assert cagr == (7.8, 2024, 2032)


def test_chinese_sizes_read_with_their_year():
    sentence = "到 2025 年，电子合同制造和设计服务市场价值将达到 6580 亿美元"
    assert roles(sentence) == [("forecast", 2025, 658000.0)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Estimates of the global EV charging market place its value anywhere from $17 to $26.3 "
            "billion across 26 countries.",
            [("range", None, 17.0), ("range", None, 26.3)],
        ),
        (
            "Experts expected the global market for metaverse healthcare to be worth between $8.97 "
            "billion and $10.5 billion in 2023.",
            [("range", None, 8.97), ("range", 2023, 10.5)],
        ),
        (
            "date 2020-03-24 Technavio has been monitoring the mobile apps market and says it’s "
            "poised to grow by US$165 billion during 2019-2023, progressing at a compound annual "
            "growth rate of almost 18% during the forecast period.",
            [("increment", 2019, 165.0)],
        ),
    ],
)
def test_ranges_and_increases_are_not_sizes(sentence, expected):
    assert roles(sentence) == expected
    assert [h.money.unit for h, _, _ in classify_money(sentence, "Global")] == ["billion"] * len(
        expected
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Of these, Europe is the current key player in the global EV market, with projections "
        "indicating over 30 million EVs on European roads by 2030.",
        "According to American cancer society 2020, an estimated 1.8 million new cancer cases "
        "diagnosed and 606,520 cancer deaths in the United States.",
        "The Cancer Research UK predicts that there will be 27.5 million new cases of cancer each "
        "year by 2040.",
    ],
)
def test_a_count_is_not_an_amount_of_money(sentence):
    assert figures.find_money(sentence) == []


def test_a_size_of_another_market_cited_for_context_is_not_the_markets():
    sizes, _, warnings = headline(
        "The global healthcare contract development and manufacturing organization market size "
        "was valued at USD 249.9 billion in 2023 and is projected to grow at a CAGR of 9.68% from "
        "2024 to 2030.",
        "According to the American Journal of Managed Care, the pharmaceutical market will be "
        "driven by an unmet need in various disorders, and R&D activities for developing orphan "
        "therapies will increase because the orphan drug market is likely to reach USD 262 "
        "billion by 2024.",
    )
    assert sizes == [("base", 2023, 249.9)]
    assert [(a["figure"], a["subject"]) for a in coded(warnings, "other-market-size")] == [
        ("USD 262 billion", "drug orphan")
    ]


def test_the_same_market_in_other_words_is_still_the_markets():
    sizes, _, warnings = headline(
        "In recent years, the Metaverse has taken a backseat as better technologies such as "
        "artificial intelligence (AI) have taken over the headlines. But the sector continues to "
        "grow, with one report saying it will be a $1.2 trillion market by 2033.",
        "According to a report by Brainy Insights, a market research firm based in Pune, India, "
        "the value of the Metaverse market reached $62.22 billion in 2023.",
    )
    assert sizes == [("base", 2023, 62.22), ("forecast", 2033, 1.2)]
    assert coded(warnings, "other-market-size") == []


def scopes(*texts: str, geography: str):
    found = extract_figures([Sentence(t, OVERVIEW) for t in texts], None, geography)
    stated = [(s.money.original, s.scope_stated) for s in found.size]
    scope_warnings = coded(found.warnings, "scope-not-stated")
    return stated, found.cagr and found.cagr.scope_stated, scope_warnings


def test_a_country_or_region_headline_that_names_its_place_states_its_scope():
    stated, cagr, warnings = scopes(
        "The United States Contract Manufacturing Services Market size is valued at around "
        "USD 218.22 billion in 2025 and is projected to reach USD 253.44 billion by 2032.",
        geography="United States",
    )
    assert stated == [("USD 218.22 billion", None), ("USD 253.44 billion", None)]
    assert warnings == []
    stated, cagr, warnings = scopes(
        "The European electric car market is set to achieve a significant milestone by "
        "surpassing USD 854.15 billion by the year 2028.",
        "With a projected CAGR of 29%, the growth of the European electric car market will "
        "prove to be a significant shift.",
        geography="Europe",
    )
    assert stated == [("USD 854.15 billion", None)] and cagr is None and warnings == []


def test_a_pasted_global_headline_in_a_country_report_is_marked_and_warned():
    # seed 001, a "United States CMO/CDMO Market" report whose headline names no country
    stated, cagr, warnings = scopes(
        "CMO/CDMO Market size was valued at USD 109.3 Billion in 2022 and is projected to reach "
        "USD 182.9 Billion by 2030, growing at a CAGR of 7.2% from 2024 to 2030.",
        geography="United States",
    )
    assert stated == [("USD 109.3 Billion", False), ("USD 182.9 Billion", False)]
    assert cagr is False
    assert warnings == [
        {
            "figures": ["USD 109.3 Billion", "USD 182.9 Billion", "CAGR 7.2%"],
            "geography": "United States",
            "quote": "CMO/CDMO Market size was valued at USD 109.3 Billion in 2022 and is "
            "projected to reach USD 182.9 Billion by 2030, growing at a CAGR of 7.2% from 2024 "
            "to 2030.",
        }
    ]
    # the same sentence in a global report is the market's own
    global_report = scopes(
        "CMO/CDMO Market size was valued at USD 109.3 Billion in 2022.", geography="Global"
    )
    assert global_report == ([("USD 109.3 Billion", None)], None, [])


def test_a_sentence_going_on_about_the_one_before_takes_its_places():
    # "It is projected to surpass $25.20 billion by 2027" goes on about the sentence before
    opening = (
        "The global biopharmaceutical contract manufacturing market is expected to experience a "
        "Compound Annual Growth Rate (CAGR) of 14.37% from 2022 to 2027."
    )
    going_on = "It is projected to surpass $25.20 billion by 2027, compared to $11 billion in 2021."
    stated, cagr, warnings = scopes(opening, going_on, geography="North America")
    assert ("$25.20 billion", False) in stated and cagr is False and len(warnings) == 2
    # the same pair with the opening naming the region (a variant of the real text)
    regional = opening.replace("global", "North American")
    stated, cagr, warnings = scopes(regional, going_on, geography="North America")
    assert ("$25.20 billion", None) in stated and cagr is None and warnings == []


def cagr_period(*texts: str, title: str | None = None):
    found = extract_figures([Sentence(t, OVERVIEW) for t in texts], title, "Global")
    c = found.cagr
    assert c is not None
    period_warnings = coded(found.warnings, "cagr-period-from-sizes")
    return (
        (c.start_year, c.end_year, c.period_source),
        (
            c.supported_start_year,
            c.supported_end_year,
        ),
        period_warnings,
    )


def test_a_cagr_keeps_where_its_years_come_from_and_the_years_its_sizes_give_it():
    # seed 004: "during the forecast period", the years are the title's
    stated, supported, warnings = cagr_period(
        "The North America biopharmaceuticals contract manufacturing market is poised for "
        "remarkable expansion, with its valuation expected to rise from USD 5,483.81 million in "
        "2023 to USD 19,927.57 million by 2032, registering an impressive CAGR of 15.42% during "
        "the forecast period.",
        title="Future of Biopharmaceutical Contract Manufacturing in North America: Market "
        "Forecast 2025–2032",
    )
    assert stated == (2025, 2032, "title") and supported == (2023, 2032)
    (warning,) = warnings
    assert (warning["stated_start"], warning["stated_end"], warning["origin"]) == (
        2025,
        2032,
        "the report's title",
    )
    # the sentence's own period, one year after the base year the sizes start from
    stated, supported, warnings = cagr_period(
        "Global Biotechnology Contract Manufacturing Market was valued US$ 16.5 Bn in 2022 and "
        "is expected to reach ~US$ 36.5 Bn by 2032, growing at a CAGR of 8.3% during the "
        "forecast period 2023-2032."
    )
    assert stated == (2023, 2032, "sentence") and supported == (2022, 2032) and warnings == []
    stated, supported, _ = cagr_period(
        "Global pharmaceutical contract manufacturing market is projected to witness a CAGR of "
        "7.07% during the forecast period 2024-2031F, growing from USD 207.06 billion in 2023 to "
        "USD 357.63 billion in 2031F."
    )
    assert stated == (2024, 2031, "sentence") and supported == (2023, 2031)
    # no period stated: only the sizes give one, and it is not made the rate's stated period
    stated, supported, warnings = cagr_period(
        "The global market for antibody drug conjugates (ADCs) is projected to grow from US$ "
        "7,793.43 million in 2022 to US$ 29,600.98 million by 2030, reflecting a compound annual "
        "growth rate (CAGR) of 18.2% during this period."
    )
    assert stated == (None, None, None) and supported == (2022, 2030) and warnings == []


def test_sizes_that_do_not_give_the_stated_rate_support_no_period():
    # seed 000: 10.56 to 18.34 over 2022-2030 is 7.14% a year, not the stated 7.0%
    stated, supported, warnings = cagr_period(
        "Biopharmaceutical CMO Services Market size was valued at USD 10.56 Billion in 2022 and "
        "is projected to reach USD 18.34 Billion by 2030, growing at a CAGR of 7.0% from 2024 to "
        "2030."
    )
    assert stated == (2024, 2030, "sentence") and supported == (None, None) and warnings == []
