"""Money, CAGR and year parsing on the seeds' sentences and on other publishers' phrasings."""

from __future__ import annotations

import pytest

from builder.extract import figures
from builder.extract.headline import cagr_years, classify_money, forecast_period
from builder.extract.sentences import Sentence, split_sentences

SEED_000 = (
    "Biopharmaceutical CMO Services Market size was valued at USD 10.56 Billion in 2022 and is "
    "projected to reach USD 18.34 Billion by 2030, growing at a CAGR of 7.0% from 2024 to 2030."
)
SEED_004 = (
    "The North America biopharmaceuticals contract manufacturing market is poised for remarkable "
    "expansion, with its valuation expected to rise from USD 5,483.81 million in 2023 to USD "
    "19,927.57 million by 2032, registering an impressive CAGR of 15.42% during the forecast "
    "period."
)
SEED_002_OTHER = (
    "As of 2023, the market is projected to reach approximately $150 billion, expanding at a "
    "CAGR of 7-10% through 2030."
)
SEED_003_RANGE = (
    "Market data show a compound annual growth rate (CAGR) of approximately 8-10% from 2023 to "
    "2030, fueled by advancements in bioprocessing technologies and regulatory compliance."
)


def money(sentence: str) -> list[tuple]:
    return [
        (h.money.amount, h.money.currency, h.money.unit, h.money.original)
        for h in figures.find_money(sentence)
    ]


def roles(sentence: str, geography: str | None = None) -> list[tuple]:
    return [
        (kind, year, hit.money.amount) for hit, kind, year in classify_money(sentence, geography)
    ]


def test_seed_headline_sentences():
    assert roles(SEED_000) == [("base", 2022, 10.56), ("forecast", 2030, 18.34)]
    assert roles(SEED_004, "North America") == [
        ("base", 2023, 5483.81),
        ("forecast", 2032, 19927.57),
    ]
    assert money(SEED_004)[0] == (5483.81, "USD", "million", "USD 5,483.81 million")


def test_a_projection_without_a_target_year_has_no_role():
    assert roles(SEED_002_OTHER) == [("other", None, 150.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("approximately €1.03 billion in sales", (1.03, "EUR", "billion", "€1.03 billion")),
        ("revenue of EUR 2.5 bn in 2023", (2.5, "EUR", "billion", "EUR 2.5 bn")),
        ("valued at US$ 5.4 billion", (5.4, "USD", "billion", "US$ 5.4 billion")),
        ("worth USD 5.4 Bn.", (5.4, "USD", "billion", "USD 5.4 Bn")),
        ("reach 3.2 billion USD by 2030", (3.2, "USD", "billion", "3.2 billion USD")),
        ("a $540M deal", (540.0, "USD", "million", "$540M")),
        ("sales of £12 mn", (12.0, "GBP", "million", "£12 mn")),
        ("USD 1.2 trillion", (1.2, "USD", "trillion", "USD 1.2 trillion")),
        ("€1,03 billion", (1.03, "EUR", "billion", "€1,03 billion")),
        ("$500,000 grant", (500000.0, "USD", "", "$500,000")),
    ],
)
def test_money_spellings(text, expected):
    assert money(text) == [expected]


def test_amount_without_currency_is_read_as_usd_and_flagged():
    (hit,) = figures.find_money("The market was valued at 5.4 billion in 2023.")
    assert (hit.money.amount, hit.money.currency, hit.stated_currency) == (5.4, "USD", False)
    assert figures.find_money("It produced 2 billion doses in 2023.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (SEED_000, [(7.0, None, "7.0%")]),
        (SEED_002_OTHER, [(7.0, 10.0, "7-10%")]),
        (SEED_003_RANGE, [(8.0, 10.0, "8-10%")]),
        ("grow at a CAGR of around 10% over the next few years", [(10.0, None, "10%")]),
        ("a 7.5% CAGR between 2024 and 2030", [(7.5, None, "7.5%")]),
        ("a compound annual growth rate of 6.2 percent", [(6.2, None, "6.2 percent")]),
        ("The CAGR is not given; North America holds 40% of the market.", []),
    ],
)
def test_cagr_figures(sentence, expected):
    assert [(h.low, h.high, h.original) for h in figures.find_cagr(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "period", "expected"),
    [
        (SEED_000, None, (2024, 2030)),
        (SEED_004, (2025, 2032), (2025, 2032)),
        (SEED_004, None, (None, None)),
        ("growing at a CAGR of 5.1% (2024-2030).", None, (2024, 2030)),
        ("at a CAGR of 5.1% through 2030.", None, (None, 2030)),
        ("at a CAGR of 5.1% during 2024-30.", None, (2024, 2030)),
        (
            "from USD 1 billion in 2023 to USD 2 billion by 2030, a CAGR of 5.1%.",
            None,
            (None, None),
        ),
    ],
)
def test_cagr_years_only_when_stated(sentence, period, expected):
    (hit,) = figures.find_cagr(sentence)
    assert cagr_years(sentence, hit, period) == expected


def test_forecast_period_from_the_title():
    title = (
        "Future of Biopharmaceutical Contract Manufacturing in North America: Market Forecast "
        "2025–2032"
    )
    assert forecast_period(title, []) == (2025, 2032)
    assert forecast_period("Trends in Bioprocessing, 2019-2023 edition", []) is None
    sentence = Sentence("Figures cover the forecast period 2024-2031 for all regions.", "overview")
    assert forecast_period(None, [sentence]) == (2024, 2031)


def test_revenue_years_and_hedges():
    sentence = "reporting revenues of approximately $4.1 billion in 2022."
    (hit,) = figures.find_money(sentence)
    assert figures.year_after(sentence, hit.end) == 2022
    assert hit.money.qualifier == "about"
    sentence = "With revenues exceeding $1 billion in recent years, Fujifilm aims to grow."
    (hit,) = figures.find_money(sentence)
    assert figures.year_after(sentence, hit.end) is None
    assert hit.money.qualifier == "more_than"


def test_sentences_do_not_break_after_abbreviations():
    text = (
        "The growing acceptance of biosimilars in the U.S. and Canada is intensifying outsourcing. "
        "Pfizer Inc. and Lonza lead. It grew 5.4% in 2023."
    )
    assert split_sentences(text) == [
        "The growing acceptance of biosimilars in the U.S. and Canada is intensifying outsourcing.",
        "Pfizer Inc. and Lonza lead.",
        "It grew 5.4% in 2023.",
    ]


def test_amounts_of_a_segment_or_another_place_are_not_the_markets():
    sentence = (
        "The oncology segment accounted for USD 2 billion in 2023, while the market overall "
        "reached USD 5 billion in 2023."
    )
    assert roles(sentence, "Global") == [("base", 2023, 5.0)]
    sentence = "Europe accounted for USD 2.1 billion in 2023 of the global market."
    assert roles(sentence, "Global") == []
    assert roles(SEED_004, "North America") != []  # the market's own region is no obstacle
    sentence = (
        "The market was valued at USD 5 billion in 2023 and will reach USD 9 billion by 2030, "
        "with the oncology segment leading."
    )
    assert roles(sentence, "Global") == [("base", 2023, 5.0), ("forecast", 2030, 9.0)]


def test_a_projection_with_a_history_year():
    sentence = (
        "The market size was valued at USD 4,200.50 million in 2018 to USD 5,483.81 million in "
        "2024 and is anticipated to reach USD 19,927.57 million by 2032."
    )
    assert roles(sentence) == [
        ("history", 2018, 4200.5),
        ("base", 2024, 5483.81),
        ("forecast", 2032, 19927.57),
    ]


def _bounds(sentence: str) -> list[tuple[str, str | None]]:
    return [(h.money.original, h.money.qualifier) for h in figures.find_money(sentence)]


def test_bounds_before_a_figure_are_kept_as_its_qualifier():
    # seed 003 and real reports: a bound is not an approximation
    assert _bounds("With revenues exceeding $1 billion in recent years, Fujifilm aims") == [
        ("$1 billion", "more_than")
    ]
    assert _bounds(
        "its extensive experience in biomanufacturing and over $2 billion in annual"
    ) == [("$2 billion", "more_than")]
    assert _bounds(
        "The electric car market is set to achieve a significant milestone by surpassing "
        "USD 854.15 billion by the year 2028."
    ) == [("USD 854.15 billion", "more_than")]
    assert _bounds("market is estimated to be worth about US$130.65bn, according to") == [
        ("US$130.65bn", "about")
    ]
    assert _bounds(
        "is predicted to increase from USD 301.23 billion in 2026 to approximately "
        "USD 551.01 billion by 2035"
    ) == [
        ("USD 301.23 billion", None),
        ("USD 551.01 billion", "about"),
    ]
    # "estimated at" / "valued at" state the report's figure, not a bound
    assert _bounds("the global market for this market was estimated at $38.91 billion.") == [
        ("$38.91 billion", None)
    ]
    # no report in the corpus writes an upper bound; the seed sentence with "up to" instead
    assert _bounds("and up to $2 billion in annual revenue") == [("$2 billion", "less_than")]


def test_both_ends_of_a_range_are_marked():
    assert _bounds(
        "the market for metaverse healthcare to be worth between $8.97 billion and "
        "$10.5 billion in 2023."
    ) == [
        ("$8.97 billion", "range"),
        ("$10.5 billion", "range"),
    ]
    assert [q for _, q in _bounds("place its value anywhere from $17 to $26.3 billion across")] == [
        "range",
        "range",
    ]
    # a growth path is not a range: a year stands between the two figures
    assert [
        q for _, q in _bounds("grow from USD 10.2 billion in 2023 to USD 20.4 billion by 2030")
    ] == [
        None,
        None,
    ]
