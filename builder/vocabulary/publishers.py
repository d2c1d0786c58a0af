"""Research firms: how their names end, what is never one, and the few worth knowing by name.

Most firms are recognised by the shape of their name in a publisher phrasing ("according to
Acme Market Insights", "published by Acme Research Group"), so firms never seen before are
found too. `FIRMS` only holds names that shape cannot find (one-word brands such as
"Technavio"), names whose domain cannot be split into words ("snsinsider.com"), and the
other spellings reports use for them.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRM_WORDS = frozenset(
    {
        "Research",
        "Insights",
        "Insider",
        "Analysts",
        "Analysis",
        "Analytics",
        "Group",
        "Markets",
        "Consulting",
        "Consultancy",
        "Consultants",
        "Advisor",
        "Advisors",
        "Advisory",
        "Intelligence",
        "Reports",
        "Forecast",
        "Future",
        "Company",
        "Partners",
    }
)
"""Last words of a research firm's name ("Market Research Future", "Market Data Forecast")."""

RESEARCH_WORDS = FIRM_WORDS - {"Group", "Company", "Partners", "Markets"}
"""The firm words no manufacturer's name ends in ("Lonza Group Ltd" is a listed company)."""

NOT_FIRM_WORDS = frozenset(
    {
        "Organization",
        "Organisation",
        "Association",
        "Institute",
        "Institutes",
        "University",
        "Department",
        "Agency",
        "Bureau",
        "Society",
        "Foundation",
        "Council",
        "Commission",
        "Ministry",
        "Administration",
        "Journal",
        "Bank",
        "Fund",
        "Index",
        "Federation",
        "Office",
        "Board",
        "Center",
        "Centre",
        "Centers",
        "Government",
        "Union",
        "Forum",
        "Our",
        "We",
        "Us",
        "It",
        "This",
        "These",
        "Its",
    }
)
"""Words that make a cited name an institution or a phrase, never a research firm."""


@dataclass(frozen=True, slots=True)
class Firm:
    name: str
    domains: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()
    """Other ways reports write the name, each kept as the report wrote it."""


FIRMS: tuple[Firm, ...] = (
    Firm("Technavio", ("technavio.com",)),
    Firm("Visiongain", ("visiongain.com",)),
    Firm("Towards Healthcare", ("towardshealthcare.com",)),
    Firm("Stratistics MRC", ("stratisticsmrc.com", "strategymrc.com")),
    Firm("MarketsandMarkets", ("marketsandmarkets.com",), ("Markets and Markets",)),
    Firm("SNS Insider", ("snsinsider.com",)),
    Firm("Research and Markets", ("researchandmarkets.com",), ("ResearchAndMarkets.com",)),
    Firm("Fact.MR", ("factmr.com",)),
    Firm("Market.us", ("market.us",)),
    Firm("Frost & Sullivan", ("frost.com",)),
    Firm("IDC", ("idc.com",)),
    Firm("Gartner", ("gartner.com",)),
    Firm("Mintel", ("mintel.com",)),
    Firm("Euromonitor International", ("euromonitor.com",), ("Euromonitor",)),
    Firm("QYResearch", ("qyresearch.com",), ("QY Research",)),
    Firm("GlobalData", ("globaldata.com",)),
    Firm("IndustryARC", ("industryarc.com",)),
    Firm("Statifacts", ("statifacts.com",)),
    Firm("Arizton", ("arizton.com",)),
    Firm("Towards Packaging", ("towardspackaging.com",)),
    Firm("Towards FnB", ("towardsfnb.com",)),
    Firm("Towards Automotive", ("towardsautomotive.com",)),
)

ELSEWHERE = (
    "linkedin.com",
    "github.com",
    "twitter.com",
    "x.com",
    "facebook.com",
    "medium.com",
    "openpr.com",
    "einpresswire.com",
    "prnewswire.com",
    "globenewswire.com",
    "businesswire.com",
    "menafn.com",
    "blogspot.com",
    "wordpress.com",
    "substack.com",
    "reddit.com",
    "youtube.com",
    "instagram.com",
    "google.com",
    "bit.ly",
    "doi.org",
    "wikipedia.org",
)
"""Social, wire and hosting sites: a link there never names the report's publisher."""

PRESS = (
    "presswire",
    "newswire",
    "businesswire",
    "business wire",
    "menafn",
    "press release",
    "magazine",
    "tribune",
    "gazette",
    "herald",
    " news",
    " times",
    " today",
)
"""Pieces of the names of news wires and the trade press (lower case, matched inside the
name), which carry reports but never publish them."""
