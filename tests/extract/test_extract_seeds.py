"""The facts each seed report states, read from the real files in content/reports."""

from __future__ import annotations

import hashlib
import json

import pytest

from builder.extract import extract_file
from builder.schema import ReportRecord

from .seeds import seed_path

PUBLISHERS = {
    "000": "Verified Market Reports",
    "001": "Verified Market Reports",
    "002": "Reliable Market Forecast",
    "003": "Markets CAGR",
    "004": "Credence Research",
}
NAMES = {
    "000": ("United States Biopharmaceutical CMO Services Market", "United States"),
    "001": ("United States CMO/CDMO Market", "United States"),
    "002": ("Contract Manufacturing Organization Services Market", "Global"),
    "003": ("Contract Bio-manufacturing Organization (CMO) Market", "Global"),
    "004": ("North America Biopharmaceuticals Contract Manufacturing Market", "North America"),
}
URLS = {
    "000": "https://www.verifiedmarketreports.com/product/biopharmaceutical-cmo-services-market/",
    "001": "https://www.verifiedmarketreports.com/product/cmo-cdmo-market/",
    "002": "https://www.reliablemarketforecast.com/contract-manufacturing-organization-services-r1708502",
    "003": "https://www.marketscagr.com/contract-bio-manufacturing-organization-cmo-r2860278",
    "004": "https://www.credenceresearch.com/report/"
    "north-america-biopharmaceuticals-contract-manufacturing-market",
}
# Furniture and debris that must not reach any field of any record.
FORBIDDEN = (
    "http",
    "utm_",
    "www.",
    "Download Full PDF Sample",
    "Get a Sample PDF",
    "Purchase this Report",
    "Inquire or Share Your Questions",
    "For More Information or Query",
    "Click here",
    "Explore competitive intelligence",
    "About Us",
    "Contact Us",
    "Pune",
    "Akash Tower",
    "sales@",
    "Check more reports",
    "Verbena Essential Oil",
    "Toothbrush Sterilizer",
    "Bituminous Concrete Paver",
    "Aluminium Foil Containers",
    "Wireless Neck Massager",
    "```",
    "â€",
    "â‚",
    "ðŸ",
    "Ã",
    "Â",
    "&nbsp;",
    "&rsquo;",
    "&mdash;",
    "&amp;",
    "**",
    "\ufffd",
    "📌",
)


def sizes(record: ReportRecord) -> list[tuple]:
    return [
        (s.kind, s.year, s.money.amount, s.money.currency, s.money.unit, s.money.original)
        for s in record.size
    ]


def company(record: ReportRecord, name: str):
    return next(c for c in record.companies if c.name == name)


@pytest.mark.parametrize("prefix", sorted(PUBLISHERS))
def test_publisher_name_geography_and_source(records, prefix):
    record = records[prefix]
    raw = seed_path(prefix).read_bytes()
    assert record.publisher == PUBLISHERS[prefix]
    assert (record.name, record.geography) == NAMES[prefix]
    assert record.source.file == seed_path(prefix).name
    assert record.source.url == URLS[prefix]
    assert record.source.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize("prefix", sorted(PUBLISHERS))
def test_no_furniture_or_debris_in_any_field(records, prefix):
    dumped = json.dumps(records[prefix].model_dump(exclude={"source"}), ensure_ascii=False)
    found = [bad for bad in FORBIDDEN if bad.lower() in dumped.lower()]
    assert found == []


@pytest.mark.parametrize("prefix", sorted(PUBLISHERS))
def test_extraction_is_deterministic(records, prefix):
    again = extract_file(seed_path(prefix))
    assert again.model_dump_json() == records[prefix].model_dump_json()


@pytest.mark.parametrize("prefix", sorted(PUBLISHERS))
def test_every_figure_quotes_its_whole_sentence(records, prefix):
    record = records[prefix]
    quotes = [s.quote for s in record.size] + ([record.cagr.quote] if record.cagr else [])
    for quote in quotes:
        assert quote[0].isupper() and quote.endswith(".")


def test_titles_keep_the_headline_with_mojibake_repaired(records):
    assert records["004"].title == (
        "Future of Biopharmaceutical Contract Manufacturing in North America: "
        "Market Forecast 2025–2032"
    )
    assert records["000"].title == "United States Biopharmaceutical CMO Services Market Insights"
    assert records["002"].title.startswith(
        "Contract Manufacturing Organization Services Market Size, Share & Trends"
    )


def test_000_headline_figures(records):
    record = records["000"]
    assert sizes(record) == [
        ("base", 2022, 10.56, "USD", "billion", "USD 10.56 Billion"),
        ("forecast", 2030, 18.34, "USD", "billion", "USD 18.34 Billion"),
    ]
    cagr = record.cagr
    assert (cagr.percent, cagr.start_year, cagr.end_year) == (7.0, 2024, 2030)
    assert cagr.quote == (
        "Biopharmaceutical CMO Services Market size was valued at USD 10.56 Billion in 2022 and "
        "is projected to reach USD 18.34 Billion by 2030, growing at a CAGR of 7.0% from 2024 to "
        "2030."
    )
    assert record.size[0].quote == cagr.quote


def test_001_headline_figures(records):
    record = records["001"]
    assert sizes(record) == [
        ("base", 2022, 109.3, "USD", "billion", "USD 109.3 Billion"),
        ("forecast", 2030, 182.9, "USD", "billion", "USD 182.9 Billion"),
    ]
    assert (record.cagr.percent, record.cagr.start_year, record.cagr.end_year) == (7.2, 2024, 2030)


def test_004_headline_figures_take_the_forecast_period_from_the_title(records):
    record = records["004"]
    assert sizes(record) == [
        ("base", 2023, 5483.81, "USD", "million", "USD 5,483.81 million"),
        ("forecast", 2032, 19927.57, "USD", "million", "USD 19,927.57 million"),
    ]
    cagr = record.cagr
    assert (cagr.percent, cagr.start_year, cagr.end_year) == (15.42, 2025, 2032)
    assert cagr.quote.startswith("The North America biopharmaceuticals contract manufacturing")
    assert cagr.quote.endswith(
        "registering an impressive CAGR of 15.42% during the forecast period."
    )


def test_002_keeps_the_headline_cagr_and_names_the_conflicting_figures(records):
    record = records["002"]
    assert (record.cagr.percent, record.cagr.start_year, record.cagr.end_year) == (7.5, 2024, 2031)
    assert record.cagr.quote.startswith(
        "The Contract Manufacturing Organization Services Market is expected to grow at a CAGR "
        "of 7.5% during the forecast period"
    )
    # "As of 2023, the market is projected to reach approximately $150 billion": no clear year.
    assert sizes(record) == [("other", None, 150.0, "USD", "billion", "$150 billion")]
    assert record.size[0].quote.startswith("As of 2023, the market is projected to reach")
    quote = (
        "As of 2023, the market is projected to reach approximately $150 billion, expanding at "
        "a CAGR of 7-10% through 2030."
    )
    assert [(w.code, w.args) for w in record.warnings[:2]] == [
        ("size-without-role", {"figure": "$150 billion", "quote": quote}),
        (
            "cagr-not-the-markets",
            {"cagr": "7-10%", "quote": quote, "headline": "7.5%", "reason": "a range"},
        ),
    ]


def test_003_keeps_the_headline_cagr_and_warns_about_both_other_rates(records):
    record = records["003"]
    assert (record.cagr.percent, record.cagr.start_year, record.cagr.end_year) == (12.6, 2025, 2032)
    assert record.size == []
    conflicts = [
        (w.code, w.args["cagr"], w.args["headline"], w.args.get("reason"))
        for w in record.warnings
        if w.code in ("conflicting-cagr", "cagr-not-the-markets")
    ]
    assert conflicts == [
        ("conflicting-cagr", "10%", "12.6%", None),
        ("cagr-not-the-markets", "8-10%", "12.6%", "a range"),
    ]
    assert (
        record.warnings[0]
        .args["quote"]
        .startswith("Overall, the CMO market is projected to grow at a CAGR of around 10%")
    )
    assert "from 2023 to 2030" in record.warnings[1].args["quote"]
    assert all("12.6%" in w for w in conflicts)


def test_segments(records):
    def segments(prefix):
        return [(s.dimension, s.values) for s in records[prefix].segments]

    assert segments("000") == [
        ("Application", ["Clinical Manufacturing", "Commercial Manufacturing", "Others"])
    ]
    assert segments("001") == [
        ("Application", ["Pharmaceutical Industry", "Biotechnology", "Other Applications"])
    ]
    assert segments("002") == [
        ("Type", ["Big Bio/Pharma Type", "Small/Med Bio/Pharma Type", "Virtual/Emerging Type"]),
        ("Application", ["Oral Products", "Injectable Products", "Spays Products", "Others"]),
    ]
    assert segments("003") == [
        ("Type", ["Big Bio/Pharma Type", "Small/Med Bio/Pharma Type", "Virtual/Emerging Type"]),
        ("Application", ["Pharmaceutical Industry", "Biotechnology", "Others"]),
    ]
    assert [d for d, _ in segments("004")] == [
        "Source",
        "Service",
        "Drug Type",
        "Type",
        "Scale of Operation",
        "Therapeutic Area",
    ]
    assert segments("004")[1][1] == [
        "Process Development",
        "Downstream",
        "Upstream",
        "Fill & Finish Operations",
        "Analytical & QC studies",
        "Packaging & Labelling",
        "Others",
    ]


def test_segment_texts_keep_what_the_report_says_of_each_segment(records):
    (application,) = records["000"].segments
    assert application.summary.startswith(
        "The United States Biopharmaceutical Contract Manufacturing Organization (CMO) Services "
        "Market is driven by"
    )
    clinical = application.descriptions["Clinical Manufacturing"].split("\n\n")
    assert clinical[0].startswith("Clinical manufacturing is a critical segment")
    assert clinical[1].startswith("With the increasing number of clinical trials in the U.S.")
    assert set(application.descriptions) == set(application.values)
    kinds, _ = records["002"].segments
    assert kinds.summary.startswith("Contract Manufacturing Organization (CMO) services cater to")
    assert kinds.descriptions == {}
    assert all(s.summary is None for s in records["004"].segments)


def test_vmr_regions_drop_the_etc(records):
    for prefix in ("000", "001"):
        regions = records[prefix].regions
        assert [(r.name, r.share_percent, r.countries) for r in regions] == [
            ("North America", None, ["United States", "Canada", "Mexico"])
        ]


def test_004_geography_list_is_a_region_with_the_lost_u_restored(records):
    regions = records["004"].regions
    assert [(r.name, r.countries) for r in regions] == [
        ("North America", ["U.S.", "Canada", "Mexico"])
    ]
    assert "Geography" not in [s.dimension for s in records["004"].segments]


def test_002_regions_with_shares_and_list_glitches(records):
    regions = {r.name: r for r in records["002"].regions}
    assert list(regions) == [
        "North America",
        "Europe",
        "Asia-Pacific",
        "Latin America",
        "Middle East & Africa",
        "China",
    ]
    shares = {name: r.share_percent for name, r in regions.items()}
    assert shares == {
        "North America": 40,
        "Europe": 25,
        "Asia-Pacific": 30,
        "Latin America": None,
        "Middle East & Africa": None,
        "China": 5,
    }
    assert regions["North America"].countries == ["United States", "Canada"]
    assert regions["Europe"].countries == ["Germany", "France", "U.K.", "Italy", "Russia"]
    # "Argentina Korea" lost its comma; Korea, also listed under Asia-Pacific, stays there only
    assert regions["Latin America"].countries == ["Mexico", "Brazil", "Argentina", "Colombia"]
    assert regions["Middle East & Africa"].countries == ["Turkey", "Saudi Arabia", "UAE"]
    assert regions["Asia-Pacific"].countries.count("South Korea") == 1
    placed = [(w.code, w.args) for w in records["002"].warnings if w.code.startswith("country-")]
    assert placed[:3] == [
        (
            "country-list-joined",
            {"written": "Argentina Korea", "first": "Argentina", "second": "Korea"},
        ),
        (
            "country-under-two-regions",
            {"country": "South Korea", "region": "Latin America", "home": "Asia-Pacific"},
        ),
        (
            "country-under-two-regions",
            {"country": "South Korea", "region": "Middle East & Africa", "home": "Asia-Pacific"},
        ),
    ]
    assert regions["Asia-Pacific"].quote.startswith("The APAC region is emerging rapidly")
    assert regions["China"].quote == (
        "China, with a 5% share, is gaining traction due to its expanding capabilities and "
        "investment in biotechnology."
    )
    assert placed[3:] == [
        ("country-share-separate", {"country": "China", "share": 5.0, "region": "Asia-Pacific"})
    ]


def test_003_regional_shares_respectively(records):
    shares = {r.name: r.share_percent for r in records["003"].regions if r.share_percent}
    assert shares == {"North America": 40, "Europe": 30, "Asia-Pacific": 20, "China": 10}


def test_companies_in_report_order(records):
    def names(prefix):
        return [c.name for c in records[prefix].companies]

    assert names("000") == [
        "Lonza",
        "Boehringer Ingelheim",
        "AGC Biologics",
        "Rentschler Biotechnologie",
        "JRS Pharma",
        "Catalent",
        "Biomeva",
        "Samsung BioLogics",
        "AbbVie",
        "Binex",
        "WuXi Biologics",
        "PRA Health Sciences",
        "ProBioGen",
        "KBI Biopharma",
    ]
    assert names("001") == []
    assert names("002") == [
        "Catalent",
        "Patheon",
        "Baxter",
        "AbbVie",
        "Lonza",
        "Pfizer",
        "Recipharm",
        "Teva API",
    ]
    assert names("003") == [
        "Abzena",
        "Althea",
        "Asymchem Laboratories",
        "Baxter Biopharma Solutions",
        "Lonza Group",
        "Fujifilm Diosynth Technologies",
        "Boehringer Ingelheim",
        "Samsung Biologics",
        "Cytovance Biologics",
    ]
    assert len(names("004")) == 17
    assert names("004")[:2] == ["Boehringer Ingelheim GmbH", "Lonza"]
    assert "FUJIFILM Diosynth Biotechnologies U.S.A., Inc." in names("004")
    assert names("004")[-1] == "Siegfried Holding AG"


def test_001_placeholders_are_dropped_with_one_warning(records):
    record = records["001"]
    assert [(w.code, w.args) for w in record.warnings[1:]] == [
        (
            "placeholder-names",
            {
                "names": [
                    "Key Player I",
                    "Key Player II",
                    "Key Player III",
                    "Key Player IV",
                    "Key Player V",
                ]
            },
        )
    ]


@pytest.mark.parametrize("seed", ["000", "001"])
def test_us_markets_with_a_headline_naming_no_country_are_marked_scope_unstated(records, seed):
    # "CMO/CDMO Market size was valued at USD 109.3 Billion in 2022 ..." in a US report
    record = records[seed]
    assert record.geography == "United States"
    assert [s.scope_stated for s in record.size if s.kind != "other"] == [False, False]
    assert record.cagr is not None and record.cagr.scope_stated is False
    (warning,) = [w for w in record.warnings if w.code == "scope-not-stated"]
    assert warning.args["geography"] == "United States"
    assert (
        warning.args["figures"]
        == {
            "000": ["USD 10.56 Billion", "USD 18.34 Billion", "CAGR 7%"],
            "001": ["USD 109.3 Billion", "USD 182.9 Billion", "CAGR 7.2%"],
        }[seed]
    )


def test_a_headline_naming_the_region_states_its_scope(records):
    # "The North America biopharmaceuticals contract manufacturing market is poised ..."
    record = records["004"]
    assert [s.scope_stated for s in record.size] == [None, None]
    assert record.cagr is not None and record.cagr.scope_stated is None


def test_002_company_paragraphs_give_descriptions_revenues_and_parents(records):
    record = records["002"]
    catalent = company(record, "Catalent")
    assert catalent.description.startswith("Catalent is a significant player")
    (revenue,) = catalent.revenues
    assert (revenue.money.amount, revenue.money.currency, revenue.money.unit) == (
        4.1,
        "USD",
        "billion",
    )
    assert (revenue.year, revenue.approximate, revenue.subject) == (2022, True, None)

    patheon = company(record, "Patheon")
    assert patheon.parent_name == "Thermo Fisher Scientific"
    (revenue,) = patheon.revenues
    assert (revenue.money.amount, revenue.subject, revenue.approximate, revenue.year) == (
        40.0,
        "Thermo Fisher",
        True,
        None,
    )
    assert revenue.money.qualifier == "more_than"  # "exceeding $40 billion"
    assert catalent.revenues[0].money.qualifier == "about"

    (revenue,) = company(record, "Recipharm").revenues
    assert (revenue.money.amount, revenue.money.currency, revenue.money.original) == (
        1.03,
        "EUR",
        "€1.03 billion",
    )
    assert company(record, "Teva API").revenues == []
    assert company(record, "Baxter").description is None


def test_003_revenues_without_a_year(records):
    record = records["003"]
    (revenue,) = company(record, "Boehringer Ingelheim").revenues
    assert (revenue.money.amount, revenue.year, revenue.approximate) == (2.0, None, True)
    assert revenue.money.qualifier == "more_than"  # "over $2 billion in annual revenue"
    (revenue,) = company(record, "Lonza Group").revenues
    assert (revenue.money.amount, revenue.year, revenue.subject) == (5.5, 2022, None)
    (revenue,) = company(record, "Fujifilm Diosynth Technologies").revenues
    assert (revenue.money.amount, revenue.year, revenue.approximate) == (1.0, None, True)
    assert revenue.money.qualifier == "more_than"  # "revenues exceeding $1 billion"
    assert "Fujifilm" not in [c.name for c in record.companies]


def test_004_entries(records):
    record = records["004"]
    assert [e.title for e in record.drivers] == [
        "Rising Demand for Biologics and Biosimilars",
        "Focus on Cost Efficiency and Time-to-Market",
        "Technological Advancements in Bioprocessing",
    ]
    assert record.drivers[0].text.startswith("The North America biopharmaceuticals contract")
    assert len(record.trends) == 1 and record.trends[0].text.startswith("A key trend")
    assert len(record.challenges) == 1
    assert "regulatory complexity" in record.challenges[0].text
    assert len(record.outlook) == 10
    assert (
        record.outlook[0].text == "Increasing outsourcing by mid-sized and emerging biotech firms."
    )
    assert record.opportunities == []


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_vmr_trends_opportunities_and_faq(records, prefix):
    record = records[prefix]
    assert len(record.trends) == 2 and record.trends[1].text.startswith("Another key trend")
    assert len(record.opportunities) == 2
    assert record.opportunities[1].text.startswith("Another")
    assert len(record.faq) == 10
    assert all(f.question.endswith("?") and not f.answer.endswith("?") for f in record.faq)


def test_lost_paragraph_break_is_restored(records):
    record = records["001"]
    # "...advanced therapies.Another key trend ..." is two paragraphs, so two entries.
    assert record.trends[0].text.endswith("as more biotech companies develop advanced therapies.")
    assert record.faq[0].question == "What is a CMO/CDMO?"


def test_summaries_and_opportunities_of_the_shared_template(records):
    assert records["002"].summary.startswith(
        "Contract Manufacturing Organization (CMO) services encompass outsourcing"
    )
    assert records["003"].summary.startswith("Contract Bio-manufacturing Organizations (CMOs) play")
    for prefix in ("002", "003"):
        assert len(records[prefix].opportunities) == 1
        assert len(records[prefix].trends) == 2
    assert records["004"].summary.startswith(
        "The North America biopharmaceuticals contract manufacturing market is poised"
    )


def test_exact_warnings(records):
    assert [w.code for w in records["000"].warnings] == ["scope-not-stated"]
    assert [(w.code, w.args) for w in records["004"].warnings] == [
        (
            "cagr-period-from-sizes",
            {
                "cagr": "15.42%",
                "start": 2023,
                "end": 2032,
                "base": "USD 5,483.81 million",
                "base_year": 2023,
                "forecast": "USD 19,927.57 million",
                "forecast_year": 2032,
                "stated_start": 2025,
                "stated_end": 2032,
                "origin": "the report's title",
            },
        )
    ]
    assert records["004"].warnings[0].text == (
        "CAGR 15.42% is the rate from 2023 to 2032 by the report's own sizes "
        '("USD 5,483.81 million" in 2023, "USD 19,927.57 million" in 2032), not over '
        "2025-2032, the period taken from the report's title"
    )


def test_004_cagr_period_keeps_its_origin_and_the_period_its_sizes_support(records):
    # "... from USD 5,483.81 million in 2023 to USD 19,927.57 million by 2032, registering an
    # impressive CAGR of 15.42% during the forecast period"; the title says 2025–2032
    cagr = records["004"].cagr
    assert (cagr.start_year, cagr.end_year, cagr.period_source) == (2025, 2032, "title")
    assert (cagr.supported_start_year, cagr.supported_end_year) == (2023, 2032)
    # "growing at a CAGR of 7.0% from 2024 to 2030": the sentence's own years
    assert records["000"].cagr.period_source == "sentence"
    assert records["000"].cagr.supported_start_year is None
    for other in ("002", "003"):  # no period warning where the sizes do not say otherwise
        assert not [w for w in records[other].warnings if w.code == "cagr-period-from-sizes"]
    assert [w for w in records["004"].warnings if w.code == "cagr-period-from-sizes"]
