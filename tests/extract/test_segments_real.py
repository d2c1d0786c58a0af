"""Segments as real reports state them: excerpts quoted from tests/corpus/real/raw.

Each form (title lists, "Segments - by ..." lines, prose, bullet-letter paragraphs under
"By X" headings, labelled rows) is tested on text from more than one publisher, and the
near misses (dimension lists without values, region lists, one-value "leading segment"
lines, figures followed by brackets) must give nothing.
"""

from __future__ import annotations

import pytest

from builder.extract.document import parse
from builder.extract.sections import REGIONS, SEGMENTS, build_sections, classify
from builder.extract.segments import extract_segments
from builder.schema import ReportWarning


def segments_of(text: str) -> dict[str, list[str]]:
    segments, _ = extract_segments(build_sections(parse(text).blocks))
    return {s.dimension: s.values for s in segments}


def warnings_of(text: str) -> list[ReportWarning]:
    return extract_segments(build_sections(parse(text).blocks))[1]


def test_title_with_semicolons_and_a_glued_and_region():
    title = (
        "Contract Development and Manufacturing Organization Market Research Report – "
        "Segmentation By Service Type (Drug Substance Manufacturing, Drug Product Development "
        "Services); By Molecule Type (Small Molecules, Biologics);and Region - Size, Share, "
        "Growth Analysis | Forecast (2025– 2030)"
    )
    assert segments_of(title) == {
        "Service Type": ["Drug Substance Manufacturing", "Drug Product Development Services"],
        "Molecule Type": ["Small Molecules", "Biologics"],
    }


def test_title_whose_lists_end_with_and_and_hold_a_bracket_inside_a_value():
    title = (
        "Pharmaceutical CMO Market Forecasts to 2028 – Global Analysis By Service Type "
        "(Pharmaceutical Manufacturing Services and Active Pharmaceutical Ingredient (API) "
        "Manufacturing Services), Research Phase (Preclinical, Phase I, Phase II, Phase III and "
        "Phase IV), End-User (Big Pharmaceutical Companies, Generic Pharmaceutical Companies and "
        "Small & Medium-Sized Pharmaceutical Companies) and By Geography"
    )
    assert segments_of(title) == {
        "Service Type": [
            "Pharmaceutical Manufacturing Services",
            "Active Pharmaceutical Ingredient (API) Manufacturing Services",
        ],
        "Research Phase": ["Preclinical", "Phase I", "Phase II", "Phase III", "Phase IV"],
        "End-user": [
            "Big Pharmaceutical Companies",
            "Generic Pharmaceutical Companies",
            "Small & Medium-Sized Pharmaceutical Companies",
        ],
    }


def test_square_brackets_and_a_title_cut_off_mid_dimension():
    title = (
        "Pharmaceutical Contract Manufacturing Market Assessment, By Service [Pharmaceutical "
        "Manufacturing Services, Biologic Manufacturing Services, Drug Development Services], "
        "By Dosage Form [Oral Solids, Oral Liquids, Emulsions, Parenteral and Others], By End-u"
    )
    assert segments_of(title) == {
        "Service": [
            "Pharmaceutical Manufacturing Services",
            "Biologic Manufacturing Services",
            "Drug Development Services",
        ],
        "Dosage Form": ["Oral Solids", "Oral Liquids", "Emulsions", "Parenteral", "Others"],
    }


def test_segments_line_names_later_dimensions_without_by_and_drops_the_region():
    line = (
        "Segments - by Type (Windows-based, Linux-based, UNIX-based, and Others), Deployment "
        "Mode (On-Premises, Cloud), Enterprise Size (Small and Medium Enterprises, Large "
        "Enterprises), End-User (BFSI, Healthcare, Retail, IT and Telecommunications, "
        "Government, and Others), and Region (Asia Pacific, North America, Latin America, "
        "Europe, and Middle East & Africa) - Global Industry Analysis, Growth, Share, Size, "
        "Trends, and Forecast 2025-2034"
    )
    assert segments_of(line) == {
        "Type": ["Windows-based", "Linux-based", "UNIX-based", "Others"],
        "Deployment Mode": ["On-Premises", "Cloud"],
        "Enterprise Size": ["Small and Medium Enterprises", "Large Enterprises"],
        "End-user": [
            "BFSI",
            "Healthcare",
            "Retail",
            "IT and Telecommunications",
            "Government",
            "Others",
        ],
    }
    (warning,) = warnings_of(line)
    assert warning.code == "segment-names-places"
    assert warning.args["dimension"] == "Region"
    assert warning.args["values"][:2] == ["Asia Pacific", "North America"]


@pytest.mark.parametrize(
    ("line", "dimension", "values"),
    [
        (
            "Segments - by Service Type (Contract development [Small Molecule {Preclinical, "
            "Clinical, Laboratory Services}, Large Molecule {Process Development, Cell Line "
            "development, Others] and Contract Manufacturing), by Application (Pharmaceutical "
            "Companies, Biotechnology Companies, Others)",
            "Service Type",
            ["Contract development", "Contract Manufacturing"],
        ),
        (
            "Contract Development and Manufacturing Organization (CDMO) Market Size, Share & "
            "Industry Analysis, By Service (CMO [API Manufacturing, Finished Product "
            "Manufacturing {Solid Dosage Forms, Injectables, and Others}, and Packaging] and CRO "
            "[Early Phase Development Services {Chemistry, Manufacturing, and Controls (CMC), "
            "Preclinical Service, and Discovery}, Clinical {Phase 1, Phase 2, Phase 3, and Phase "
            "4}, Laboratory Service, and Others]), and Regional Forecast, 2025-2032",
            "Service",
            ["CMO", "CRO"],
        ),
    ],
)
def test_nested_brackets_keep_the_top_level_values(line, dimension, values):
    assert segments_of(line)[dimension] == values


def test_and_inside_names_keeps_the_last_value_whole():
    title = (
        "United States Contract Manufacturing Services Market - By Application (Design & "
        "Engineering, Component Manufacturing, Assembly & Integration, Testing & Validation "
        "Services, Supply Chain Management, Packaging and Fulfillment), and others Read more"
    )
    assert segments_of(title)["Application"][-2:] == [
        "Supply Chain Management",
        "Packaging and Fulfillment",
    ]


@pytest.mark.parametrize(
    ("sentence", "dimension", "values"),
    [
        (
            "The viral vector manufacturing market is segmented by vector type into adenovirus, "
            "retrovirus, adeno-associated virus (AAV), lentivirus, and others. In 2023, "
            "adeno-associated virus (AAV) had the highest share.",
            "Vector Type",
            ["adenovirus", "retrovirus", "adeno-associated virus (AAV)", "lentivirus", "others"],
        ),
        (
            "The Viral Vector Manufacturing Market is segmented based on end-use into "
            "Pharmaceutical, Biopharmaceutical Companies, and Research Institutes. The Research "
            "Institutes segment dominated the market and generated the highest revenue in 2023.",
            "End-use",
            ["Pharmaceutical", "Biopharmaceutical Companies", "Research Institutes"],
        ),
        (
            "Based on product, the viral vector & plasmid DNA manufacturing market is segmented "
            "into viral vectors and non-viral vectors. The viral vectors segment held the larger "
            "share of the market in 2019.",
            "Product",
            ["viral vectors", "non-viral vectors"],
        ),
        (
            "This market is segmented by product type (e.g., vitamins, minerals, protein "
            "powders, herbal remedies, skincare, weight management products), distribution "
            "channel (e.g., online retailers, pharmacies, supermarkets), and geographic region.",
            "Distribution Channel",
            ["online retailers", "pharmacies", "supermarkets"],
        ),
    ],
)
def test_prose_segmentation(sentence, dimension, values):
    assert segments_of(sentence)[dimension] == values


@pytest.mark.parametrize(
    "text",
    [
        # dimensions without values, and places without a dimension
        "The biotech ingredients market is segmented by source, type, application, and region, "
        "highlighting the diverse opportunities for growth in various sectors.",
        "The biotech ingredients market is segmented into North America, Europe, Asia-Pacific, "
        "Latin America, and the Middle East & Africa.",
        # a figure's year, then a bracket
        "The market is projected to reach USD 13.3 billion by 2032, experiencing a robust "
        "compound annual growth rate (CAGR) of 7.8% from 2024 to 2032.",
        # the largest segment only, not the list of them
        "Leading Segments\n\nBy Service Type: Electronics Manufacturing Services (EMS)",
        # a key-takeaway bullet that names a dimension in passing
        "- By service type, the manufacturing segment held the largest revenue share of the "
        "market in 2025.",
        # dimension names only
        "Market Segments\n\nProduct, Biologics, Expression System, Scale of Operations, "
        "Company Size, and Geography",
    ],
)
def test_near_misses_give_no_segments(text):
    assert segments_of(text) == {}


def test_bold_labels_after_a_bullet_pasted_as_the_letter_l():
    markdown = (
        "### **Market Segmentation**\n\n#### **By Material:**\n\n"
        "l **Plastics**: Plastics such as polyvinyl chloride (PVC), polyethylene (PE), and "
        "polypropylene (PP) are widely used in medical tubing.\n\n"
        "l **Rubbers**: Silicone and latex rubber are commonly used in medical tubing for their "
        "durability, flexibility, and resistance to harsh chemicals.\n\n"
        "#### **By Source**\n\n"
        "l **Microbial**: Microbial sources, such as bacteria and fungi, dominate the biotech "
        "ingredients market.\n\n"
        "l **Plant-Based**: Plant-based ingredients are gaining traction due to the increasing "
        "preference for plant-derived products.\n\n"
        "#### **By Region:**\n\n"
        "l **North America**: North America is the largest market for medical tubing.\n"
    )
    segments, _ = extract_segments(build_sections(parse(markdown).blocks))
    assert {s.dimension: s.values for s in segments} == {
        "Material": ["Plastics", "Rubbers"],
        "Source": ["Microbial", "Plant-Based"],
    }
    assert segments[0].descriptions["Rubbers"].startswith("Silicone and latex rubber")


# The corpus has no heading of this kind; the first four follow the layout the issue
# describes ("Product Outlook (Revenue, USD Million, 2018 - 2030)"), the last two are real.
@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Product Outlook (Revenue, USD Million, 2018 - 2030)", (SEGMENTS, "Product")),
        ("Application Insights", (SEGMENTS, "Application")),
        ("End-use Outlook", (SEGMENTS, "End-use")),
        ("Regional Outlook (Revenue, USD Million, 2018 - 2030)", (REGIONS, None)),
        ("Transplantation Market Outlook:", ("outlook", None)),
        ("United States Contract Manufacturing Services Market Outlook:", ("outlook", None)),
    ],
)
def test_headings_that_name_a_dimension(heading, expected):
    assert classify(heading) == expected


def test_a_values_list_that_runs_on_is_left_with_a_warning():
    # Made up: no report in the corpus runs a segment list on into a clause.
    sentence = (
        "Based on type, the market is divided into tablets that are taken once a day by most "
        "adult patients and capsules."
    )
    assert segments_of(sentence) == {}
    assert [(w.code, w.args) for w in warnings_of(sentence)] == [
        (
            "prose-values-too-long",
            {
                "text": "Based on type, the market is divided into tablets that are taken once a "
                "day by most adult patients and capsules"
            },
        )
    ]


def test_a_segment_description_after_a_label_is_no_list_of_values():
    markdown = (
        "### **Market Segmentation**\n\n#### **By Application:**\n\n"
        "l **Drug Delivery Systems**: Drug delivery systems that use medical tubing include "
        "infusion pumps, insulin delivery systems, and enteral feeding systems.\n\n"
        "l **Special Applications**: Medical tubing is also used in specialized applications "
        "such as surgical procedures, diagnostic equipment, and respiratory therapy. The demand "
        "for innovative and customized medical tubing solutions is growing as new medical "
        "technologies emerge.\n"
    )
    assert segments_of(markdown) == {
        "Application": ["Drug Delivery Systems", "Special Applications"]
    }


# The layouts below are not in the corpus: a nested list of "<Dimension> Outlook (Revenue,
# ...)" items (the flat blocks lose the nesting), "Type: A, B" bullets under a segmentation
# heading, and the dimension named after the list.
def test_dimension_items_each_followed_by_their_values():
    markdown = (
        "## Global Digital Twin Market Report Segmentation\n\n"
        "This report forecasts revenue growth at global, regional, and country levels.\n\n"
        "- Solution Outlook (Revenue, USD Million, 2018 - 2030)\n"
        "    - Component\n    - Process\n    - System\n"
        "- Deployment Outlook (Revenue, USD Million, 2018 - 2030)\n"
        "    - Cloud\n    - On-premise\n"
        "- Regional Outlook (Revenue, USD Million, 2018 - 2030)\n"
        "    - North America\n    - Europe\n"
    )
    assert segments_of(markdown) == {
        "Solution": ["Component", "Process", "System"],
        "Deployment": ["Cloud", "On-premise"],
    }


def test_bare_dimension_labels_count_under_a_segmentation_heading_only():
    listed = (
        "## Market Segmentation\n\n- Type: Hardware, Software, and Services\n"
        "- Application: Retail, BFSI, Healthcare\n- Region: North America, Europe\n"
    )
    assert segments_of(listed) == {
        "Type": ["Hardware", "Software", "Services"],
        "Application": ["Retail", "BFSI", "Healthcare"],
    }
    assert segments_of("## Our Offer\n\n- Service: Consulting, Custom Research\n") == {}


def test_dimension_named_after_the_list():
    sentence = "The market is segmented into hardware, software and services based on component."
    assert segments_of(sentence) == {"Component": ["hardware", "software", "services"]}


def test_a_segment_word_alone_can_lead_the_bracketed_lists():
    row = "Segments covered: Type (Hardware, Software), Application (Retail, BFSI)"
    assert segments_of(row) == {"Type": ["Hardware", "Software"], "Application": ["Retail", "BFSI"]}


def test_a_bracketed_list_of_companies_is_no_segment():
    title = "Market Share By Company (Pfizer, Roche, Novartis), By Type (Tablets, Capsules)"
    assert segments_of(title) == {"Type": ["Tablets", "Capsules"]}
    assert [(w.code, w.args) for w in warnings_of(title)] == [
        (
            "segment-names-companies",
            {"dimension": "Company", "values": ["Pfizer", "Roche", "Novartis"]},
        )
    ]


def test_a_long_title_listing_its_segments_is_no_one_dimension_heading():
    # A corpus title (shortened) set as a heading after other text: the items that follow
    # are not values of the title's first dimension.
    html = (
        "<p>Contract manufacturing is where it's at, at least through 2015. Global Industry "
        "Analysts projects a $41-billion market.</p>"
        "<h2>United States Contract Manufacturing Services Market - By End User (Healthcare & "
        "Life Sciences, Electronics & Semiconductors, Industrial & Energy), By Application "
        "(Design & Engineering, Component Manufacturing, Assembly & Integration)</h2>"
        "<ul><li>Request Free Sample</li><li>Buy Now</li></ul>"
    )
    assert segments_of(html)["End User"] == [
        "Healthcare & Life Sciences",
        "Electronics & Semiconductors",
        "Industrial & Energy",
    ]
