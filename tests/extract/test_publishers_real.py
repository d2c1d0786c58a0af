"""The publisher of real reports, from the phrasings they credit their firm in.

Every text is a short excerpt of a report in `tests/corpus/real/raw` (number in the comment);
most firms here are in no table, so they are found by the shape of their names.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.extract import extract_bytes
from builder.extract.document import parse
from builder.extract.publishers import generic, recognise
from builder.extract.read import decode, strip_front_matter


def publisher_of(text: str) -> str:
    parsed = parse(text)
    return recognise(parsed.blocks, parsed.links).publisher


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (  # 06
            "According to Stratistics MRC, the Global Pharmaceutical CMO Market is accounted for "
            "$187.83 billion in 2022 and is expected to reach $308.14 billion by 2028.",
            "Stratistics MRC",
        ),
        (  # 49
            "According to Expert Market Research, the global pet food market reached a value of "
            "US$ 103.65 Billion in 2019.",
            "Expert Market Research",
        ),
        (  # 31
            "According to IMARC Group’s latest research report, titled “Transplantation Market: "
            "Global Industry Trends, Share, Size, Growth, Opportunity and Forecast 2023-2028,” the "
            "global transplantation market size reached US$ 14.4 Billion in 2022.",
            "IMARC Group",
        ),
        (  # 16: a footnote digit glued to the name
            "The current total global pharmaceutical outsourcing market is estimated to be worth "
            "about US$130.65bn, according to Research and Markets.1 In the past six years the "
            "market grew.",
            "Research and Markets",
        ),
    ],
)
def test_according_to_a_firm(text, firm):
    assert publisher_of(text) == firm


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (  # 13
            "As per the report published by Market Data Forecast, the size of the global "
            "pharmaceutical contract manufacturing market is estimated to grow USD 161.72 billion "
            "by 2026 from USD 109.96 billion in 2021.",
            "Market Data Forecast",
        ),
        (  # 20
            "According to the latest study published by Maia Research, the global viral vector "
            "manufacturing market size reached USD 1528 million in 2023.",
            "Maia Research",
        ),
        (  # 17
            "According to the latest analysis by Persistence Market Research, the market, valued "
            "at US$ 9.26 billion in 2025, is projected to more than double to US$ 20.99 billion.",
            "Persistence Market Research",
        ),
        (  # 14: the descriptor in front of the name is not the name
            "The global contract manufacturing will reach $64.07bn in 2016, according to a new "
            "report by London-based business information company Visiongain.",
            "Visiongain",
        ),
        (  # 33: nor is the firm's town
            "The global biomaterials market will grow at a 17.9 percent compound annual rate "
            "through 2031, according to a report from Fremont, Calif.-based market research firm "
            "BIS Research.",
            "BIS Research",
        ),
        (  # 29
            "According to a Transparency Market Research report that was published recently, the "
            "global electric vehicle charging station market will surpass US$3bn by the end of 2026.",
            "Transparency Market Research",
        ),
    ],
)
def test_a_report_published_by_a_firm(text, firm):
    assert publisher_of(text) == firm


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (  # 42
            "According to a report by Brainy Insights, a market research firm based in Pune, India, "
            "the value of the Metaverse market reached $62.22 billion in 2023.",
            "Brainy Insights",
        ),
        (  # 23
            "The market is projected to increase from $90.1 billion in 2023 to $157.5 billion by "
            "the end of 2028, according to a recent analysis by BCC Research, a Boston, "
            "Massachusetts based business intelligence firm.",
            "BCC Research",
        ),
        (  # 30
            "What’s new? Grand View Research, an analytical company, has published a report stating "
            "that the volume of the metaverse market will reach $678,8 billion by 2030.",
            "Grand View Research",
        ),
    ],
)
def test_a_firm_described_as_a_research_firm(text, firm):
    assert publisher_of(text) == firm


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (  # 31
            "Looking forward, IMARC Group expects the market to reach US$ 26.6 Billion by 2028.",
            "IMARC Group",
        ),
        (  # 26
            "Contract manufacturing is where it's at, at least through 2015. Global Industry "
            "Analysts projects a $41-billion market.",
            "Global Industry Analysts",
        ),
        (  # 30
            "Grand View Research estimates the average annual growth rate over the decade at 39,4%.",
            "Grand View Research",
        ),
        (  # 44
            "Thus, growth exceeded 8%. Industry trends are addressed in the Market Research Future "
            "survey published in late January 2025.",
            "Market Research Future",
        ),
    ],
)
def test_a_firm_that_expects_or_estimates(text, firm):
    assert publisher_of(text) == firm


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (
            "Source: MarkNtel Advisors\n\nUnited States Contract Manufacturing Services Market",
            "MarkNtel Advisors",
        ),  # 37
        (  # 50
            "Figure 1: Global Pet Food Market Revenue, 2018–2025 (USD Million) Source: GMI Research "
            "The key factors bolstering the market growth are growing pet population.",
            "GMI Research",
        ),
        ("Publisher:The Business Research Company", "The Business Research Company"),  # 28
        (  # 24: the releasing firm's own spelling
            'DUBLIN--(BUSINESS WIRE)--The "Global and China CDMO Market Insight Report, 2021-2025" '
            "report has been added to ResearchAndMarkets.com's offering.",
            "ResearchAndMarkets.com",
        ),
        (  # 25
            "**About Us**:\n\n**SNS Insider** is one of the leading market research and consulting "
            "agencies that dominates the market research industry globally.",
            "SNS Insider",
        ),
    ],
)
def test_source_publisher_and_about_lines(text, firm):
    assert publisher_of(text) == firm


@pytest.mark.parametrize("form", ["Inc", "Corporation", "Pvt", "GmbH", "LLC"])
def test_a_firm_named_with_its_legal_suffix_in_another_language(form):
    # 39 (Kinyarwanda); the suffixes are the vocabulary's legal forms, in any case
    text = (
        f"Raporo yashyizwe ahagaragara na Global Market Insights {form}, ngo isoko ry’amacupa "
        "apakira ibirahuri biteganijwe ko azaba miliyari 55 z'amadolari ya Amerika mu 2022."
    )
    assert publisher_of(text) == "Global Market Insights"


def test_a_domain_is_named_as_the_text_spells_it():
    # 51: the link's domain spelled as the report writes the firm
    text = "根据 Grand View Research，Inc .的一项新研究，全球电子合同制造和设计服务市场"
    assert generic._display("grandviewresearch.com", text) == "Grand View Research"
    # 47: a domain cited after the headline figure, through the firm table
    text = (
        "This represents a Compound Annual Growth Rate (CAGR) of 9.4%, reflecting strong demand "
        "for advanced security solutions amid escalating cyber threats (marketsandmarkets.com)."
    )
    assert publisher_of(text) == "MarketsandMarkets"


def test_a_masthead_line_naming_a_known_firm():
    # 09: the site's name above the report, which says "Our projections" and never its name
    text = (
        "Towards Healthcare\n\nPharmaceutical Contract Manufacturing and Research Services Market "
        "Related Reports and Market Intelligence\n\nOur projections indicate that, the "
        "pharmaceutical contract manufacturing and research services market was valued at USD "
        "281.68 billion in 2025."
    )
    assert publisher_of(text) == "Towards Healthcare"


def test_a_heading_with_a_firm_shape_is_no_masthead():
    # 03
    text = (
        "Key Market Insights\n\n  • The pharmaceutical outsourcing rate has increased "
        "significantly, with approximately 30-35% of small molecule manufacturing and 70% of "
        "biological manufacturing now being outsourced to CDMOs."
    )
    assert publisher_of(text) == generic.UNKNOWN


def test_sites_a_report_links_or_cites_are_no_firm_by_themselves():
    text = (  # 47's cited sources and 51's link to the blog that carried it
        "Additionally, enterprises are rapidly integrating Zero-Trust security models, emphasizing "
        "continuous authentication and risk-based access control (security.cms.gov; actnv.com).\n\n"
        "[2019 年即将改变世界的技术](https://www.datadriveninvestor.com/2019/01/17/the-technologies"
        "-poised-to-change-the-world-in-2019/)"
    )
    assert publisher_of(text) == generic.UNKNOWN


def test_the_firm_behind_the_headline_figures_beats_the_firms_cited_later():
    # 46: Allied Market Research gives the size; Gartner's and Statista's figures follow
    text = (
        "According to Allied Market Research, the volume of the global information security "
        "market in 2021 reached $216.11 billion.\n\n"
        "According to the calculations of the consulting company Gartner, spending on "
        "cybersecurity in the world in 2021 increased by 13% and amounted to $172 billion. "
        "Gartner predicts an increase in investment in cybersecurity by 11% in both 2022 and 2023."
    )
    assert publisher_of(text) == "Allied Market Research"


def test_a_firm_in_a_figures_sentence_beats_a_list_of_firms_without_figures():
    # 41
    text = (
        "Market research firms like Spherical Insights towards Healthcare and Research and "
        "Markets predict significant growth of the metaverse in the healthcare industry.\n\n"
        "According to a recent analysis by Spherical Insights published on February 23, the "
        "healthcare metaverse is projected to exceed $496.23 billion at that time."
    )
    assert publisher_of(text) == "Spherical Insights"


@pytest.mark.parametrize(
    "text",
    [
        # 15, 06, 21: institutions and indexes are cited, never publishers
        "According to the World Health Organization, cancer is the biggest cause of mortality "
        "globally.",
        "According to the CPhI Pharma Index 2020, India is the primary beneficiary of API "
        "manufacturing and CRO chemistry services outsourcing, rebalancing away from China.",
        "According to a study published by National Hemophilia Foundation in 2015, an estimated "
        "400,000 people across the globe are suffering from hemophilia.",
        # 32: a news wire's dateline names no publisher
        "PORTLAND, OR, UNITED STATES, August 7, 2023/EINPresswire.com/ -- The global "
        "Complementary and alternative medicine industry generated $102.0 billion in 2021.",
        # 22: a charity whose name only starts like a firm's
        "The Cancer Research UK predicts that there will be 27.5 million new cases of cancer "
        "each year by 2040.",
        # 04: a manufacturer's "Group" with its legal suffix is a key player, not a publisher
        "Major Players\n\n- Catalent Inc.\n- Lonza Group Ltd.\n- Recipharm AB",
    ],
)
def test_no_firm_named_is_an_unknown_publisher(text):
    assert publisher_of(text) == generic.UNKNOWN


def test_firms_credited_besides_the_publisher_are_named_in_a_warning():
    # 46
    parsed = parse(
        "According to Allied Market Research, the volume of the global information security "
        "market in 2021 reached $216.11 billion.\n\n"
        "Gartner predicts an increase in investment in cybersecurity by 11% in both 2022 and 2023."
    )
    recognised = recognise(parsed.blocks, parsed.links)
    assert recognised.publisher == "Allied Market Research"
    assert [(w.code, w.args) for w in recognised.warnings] == [
        ("publisher-also-credited", {"publisher": "Allied Market Research", "others": ["Gartner"]})
    ]
    assert recognised.warnings[0].text == (
        "publisher: Allied Market Research is taken as the publisher; also credited: Gartner"
    )


def test_a_template_publisher_named_in_the_text_brings_its_template():
    # seed 004's About paragraph, without the links that name its site
    parsed = parse(
        "<p>Credence Research is a viable intelligence and market research platform that "
        "provides quantitative B2B research to more than 2000 clients worldwide.</p>"
    )
    recognised = recognise(parsed.blocks, parsed.links)
    assert (recognised.template.key, recognised.publisher) == (
        "credence-research",
        "Credence Research",
    )


def test_the_labelled_publishers_of_the_real_corpus():
    """At least nine in ten labelled publishers are found; the misses are listed."""
    corpus = Path(__file__).parents[1] / "corpus" / "real"
    misses, labelled = [], 0
    for gold_file in sorted((corpus / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        if "publisher" not in gold:
            continue
        labelled += 1
        raw = (corpus / "raw" / gold["file"]).read_bytes()
        parsed = parse(strip_front_matter(decode(raw, gold["file"]), gold["file"]))
        found = recognise(parsed.blocks, parsed.links).publisher
        if generic.squash(found) != generic.squash(gold["publisher"]):
            misses.append(f"{gold['file']}: {found!r} != {gold['publisher']!r}")
    assert labelled and len(misses) <= labelled // 10, misses


@pytest.mark.parametrize(
    ("sentence", "publisher"),
    [
        # Firms in neither corpus; the sentences are written in the corpus' phrasings.
        (
            "According to a new report by QYResearch, the global widget market was valued at USD "
            "1.2 billion in 2023 and will reach USD 2.0 billion by 2030.",
            "QYResearch",
        ),
        (
            "The global widget market size was USD 1.2 billion in 2023 and is expected to reach "
            "USD 2.0 billion by 2030, according to Exactitude Consultancy.",
            "Exactitude Consultancy",
        ),
        (
            "The global gadget market was valued at USD 3.1 billion in 2024, says GlobalData, and "
            "will grow at a CAGR of 5% to 2030.",
            "GlobalData",
        ),
        (
            "As per Nova One Advisor, the gadget market will reach USD 9 billion by 2033 at a CAGR "
            "of 6.1%.",
            "Nova One Advisor",
        ),
    ],
)
def test_firms_from_neither_corpus_are_recognised(sentence: str, publisher: str) -> None:
    assert extract_bytes(f"<p>{sentence}</p>".encode(), "unseen.html").publisher == publisher
