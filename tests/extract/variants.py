"""Reports as other publishers would write them, generated from the seeds' facts.

The seeds come from four publishers; the extractor is scored on reports it has not seen.
These generators restate the seeds' real facts (names, figures, companies, segments,
regions) in the phrasings and layouts other publishers use: Markdown with `#` headings
and `-` lists, HTML with <strong> company paragraphs, plain text with bullets, other
currency and unit spellings. Each generated report comes with the facts it states, so a
test can check the extraction against them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Facts:
    name: str
    geography: str
    base: tuple[float, int]
    """(amount, year) of the base size."""
    forecast: tuple[float, int]
    cagr: float
    period: tuple[int, int]
    unit: str
    currency: str = "USD"
    companies: tuple[str, ...] = ()
    segments: dict[str, tuple[str, ...]] = field(default_factory=dict)
    regions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    shares: dict[str, float] = field(default_factory=dict)


# Facts of seed 004 (Credence Research) and seed 000 (Verified Market Reports).
NORTH_AMERICA = Facts(
    name="North America Biopharmaceuticals Contract Manufacturing Market",
    geography="North America",
    base=(5483.81, 2023),
    forecast=(19927.57, 2032),
    cagr=15.42,
    period=(2025, 2032),
    unit="million",
    companies=(
        "Boehringer Ingelheim GmbH",
        "Lonza",
        "AGC Biologics",
        "Samsung Biologics",
        "Catalent, Inc",
        "Pfizer Inc.",
    ),
    segments={
        "Service": ("Process Development", "Downstream", "Upstream", "Fill & Finish Operations"),
        "Scale of Operation": ("Clinical", "Commercial"),
    },
    regions={"North America": ("U.S.", "Canada", "Mexico")},
)
UNITED_STATES = Facts(
    name="United States Biopharmaceutical CMO Services Market",
    geography="United States",
    base=(10.56, 2022),
    forecast=(18.34, 2030),
    cagr=7.0,
    period=(2024, 2030),
    unit="billion",
    companies=("Lonza", "Boehringer Ingelheim", "AGC Biologics", "Catalent", "WuXi Biologics"),
    segments={"Application": ("Clinical Manufacturing", "Commercial Manufacturing", "Others")},
)
# Facts of seed 002 (Reliable Market Forecast), with the sizes a fuller report would give.
GLOBAL = Facts(
    name="Contract Manufacturing Organization Services Market",
    geography="Global",
    base=(150.0, 2023),
    forecast=(266.1, 2031),
    cagr=7.5,
    period=(2024, 2031),
    unit="billion",
    companies=("Catalent", "Patheon", "Baxter", "AbbVie", "Lonza", "Pfizer"),
    segments={
        "Type": ("Big Bio/Pharma Type", "Small/Med Bio/Pharma Type", "Virtual/Emerging Type"),
        "Application": ("Oral Products", "Injectable Products", "Spays Products", "Others"),
    },
    regions={
        "North America": ("United States", "Canada"),
        "Europe": ("Germany", "France", "U.K.", "Italy"),
        "Asia-Pacific": ("China", "Japan", "India"),
    },
    shares={"North America": 40.0, "Europe": 25.0, "Asia-Pacific": 30.0},
)
ALL_FACTS = (NORTH_AMERICA, UNITED_STATES, GLOBAL)

_SYMBOLS = {"USD": "$", "EUR": "€"}


def money(amount: float, facts: Facts, style: int) -> str:
    """The amount in one of the spellings publishers use."""
    number = f"{amount:,.2f}".rstrip("0").rstrip(".") if amount % 1 else f"{amount:,.0f}"
    unit, short = facts.unit, {"million": "Mn", "billion": "Bn"}[facts.unit]
    symbol = _SYMBOLS[facts.currency]
    return [
        f"{facts.currency} {number} {unit}",
        f"{symbol}{number} {unit}",
        f"US{symbol}{number} {unit}" if facts.currency == "USD" else f"{symbol} {number} {unit}",
        f"{facts.currency} {number} {short}",
        f"{number} {unit} {facts.currency}",
    ][style % 5]


def sentence_case(facts: Facts) -> str:
    """The name as running text writes it: "North America biopharmaceuticals ... market"."""
    place = facts.geography if facts.name.startswith(facts.geography) else ""
    rest = facts.name[len(place) :].split()
    words = [w if w.isupper() else w.lower() for w in rest]
    return " ".join([place, *words]).strip()


def headline(facts: Facts, phrasing: int, money_style: int = 0) -> str:
    """The headline sentence in one of the common phrasings (from the seeds, reworded)."""
    subject = f"The {sentence_case(facts)}"
    base = money(facts.base[0], facts, money_style)
    forecast = money(facts.forecast[0], facts, money_style)
    (start, end), year_b, year_f = facts.period, facts.base[1], facts.forecast[1]
    return [
        f"{facts.name} size was valued at {base} in {year_b} and is projected to reach {forecast}"
        f" by {year_f}, growing at a CAGR of {facts.cagr}% from {start} to {end}.",
        f"{subject} is expected to rise from {base} in {year_b} to {forecast} by {year_f},"
        f" registering a CAGR of {facts.cagr}% during the forecast period {start}-{end}.",
        f"{subject} was estimated at {base} in {year_b} and is anticipated to reach {forecast} by"
        f" {year_f}, expanding at a CAGR of {facts.cagr}% ({start}-{end}).",
        f"In {year_b}, the {sentence_case(facts)} stood at {base}; it is forecast to hit"
        f" {forecast} by {year_f}, a {facts.cagr}% CAGR between {start} and {end}.",
    ][phrasing % 4]


def markdown_report(facts: Facts, phrasing: int = 0, money_style: int = 0) -> str:
    """A Markdown report from a publisher the extractor has no template for."""
    lines = [
        f"# {facts.name} Report: Size, Share and Forecast {facts.period[0]}-{facts.period[1]}",
        "",
        "## Market Overview",
        "",
        headline(facts, phrasing, money_style)
        + " Demand for outsourced biologics production keeps rising as pipelines grow.",
        "",
        "Contract manufacturers offer process development, scale-up and fill-finish services. "
        "Drug developers rely on them to reduce capital spending and reach patients sooner.",
        "",
        "## Key Market Drivers",
        "",
        "- **Rising Demand for Biologics and Biosimilars**: complex molecules need advanced "
        "production techniques that many companies prefer to outsource.",
        "- **Focus on Cost Efficiency**: outsourcing reduces capital expenditure on "
        "infrastructure.",
        "",
        "## Challenges",
        "",
        "Regulatory complexity and capacity limits in cell and gene therapy remain hurdles.",
        "",
        "## Market Segmentation",
        "",
    ]
    for dimension, values in facts.segments.items():
        lines += [f"### By {dimension}", "", *[f"- {v}" for v in values], ""]
    if facts.regions:
        lines += ["## Regional Analysis", ""]
        for region, countries in facts.regions.items():
            lines.append(f"- {region}: {', '.join(countries)}")
        lines.append("")
        for region, share in facts.shares.items():
            lines.append(
                f"{region} accounted for a {share:g}% share of the market in {facts.base[1]}."
            )
        lines.append("")
    lines += ["## Competitive Landscape", "", "Key companies profiled in this report:", ""]
    lines += [f"{i}. {c}" for i, c in enumerate(facts.companies, 1)]
    slug = facts.name.lower().replace(" ", "-").replace("/", "-")
    lines += [
        "",
        "## Future Outlook",
        "",
        "1. Increasing outsourcing by mid-sized and emerging biotech firms.",
        "2. Expansion of modular and continuous production facilities.",
        "",
        f"[Request a free sample](https://www.acmeinsights.example/request-sample/{slug}"
        "?utm_source=feed)",
        "",
        f"Read the full report: https://www.acmeinsights.example/reports/{slug}?utm_medium=md",
        "",
        "## About Us",
        "",
        "Acme Insights is a leading market research firm serving clients in 40 countries.",
        "Contact: sales@acmeinsights.example, +1 555 010 2030",
    ]
    return "\n".join(lines) + "\n"


def html_report(facts: Facts, phrasing: int = 1, money_style: int = 1) -> str:
    """An HTML fragment with <strong> company paragraphs and a "Key players include" line."""
    first, *others = facts.companies
    listed = ", ".join(others[:-1]) + f" and {others[-1]}"
    slug = facts.name.lower().replace(" ", "-").replace("/", "-")
    parts = [
        f"<h1>{facts.name} &ndash; Industry Analysis and Outlook</h1>",
        f"<p>{headline(facts, phrasing, money_style)}</p>",
        "<p>Outsourcing lets drug developers reduce fixed costs. Contract manufacturers in turn"
        " invest in single-use systems and continuous processing.</p>",
        "<h2>Competitive Landscape</h2>",
        f"<p>Key players operating in the market include {listed}.</p>",
        f"<p><strong>{first}</strong> is a leading contract manufacturer with revenues of about "
        "$5.6 billion in 2022.</p>",
        "<h2>Market Trends</h2>",
        "<ul><li><strong>Single-use bioreactors:</strong> adoption is accelerating.</li>"
        "<li><strong>Continuous processing:</strong> shortens production cycles.</li></ul>",
        "<h2>Segment Analysis</h2>",
    ]
    for dimension, values in facts.segments.items():
        parts.append(f"<p><b>Segmentation by {dimension}</b></p>")
        parts.append("<ul>" + "".join(f"<li>{v}</li>" for v in values) + "</ul>")
    parts += [
        f'<p><a href="https://www.orbisdata.example/{slug}/buy?utm_campaign=x">Buy now</a></p>',
        f'<p>Source: <a href="https://www.orbisdata.example/market-reports/{slug}?utm_source=y">'
        f"{facts.name} report</a>, published by Orbis Data.</p>",
        "<p>&copy; 2024 Orbis Data. All rights reserved.</p>",
    ]
    return "\n".join(parts)


def plain_text_report(facts: Facts, phrasing: int = 2) -> str:
    """Plain text with "•" bullets and no markup at all."""
    lines = [
        f"{facts.name}: Global Industry Report",
        "",
        headline(facts, phrasing, 3),
        "",
        "Key Trends:",
        "• Growing adoption of single-use technologies across facilities.",
        "• Consolidation among contract manufacturers.",
        "",
        "Key players include " + ", ".join(facts.companies[:-1]) + f", and {facts.companies[-1]}.",
    ]
    return "\n".join(lines) + "\n"
