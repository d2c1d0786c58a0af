"""Heading synonyms: the words a report uses to name its parts and its segment dimensions.

Section classification (`builder.extract.sections`) reads `SECTION_WORDS` in order: the
first kind whose pattern a heading matches wins, so the more specific kinds come first
("Growth Opportunities" is about opportunities before it is about growth). The segment
words also read prose ("the market is segmented by type into ...") and the titles that
list each dimension with its values ("By Type (A, B), By Application (C, D)").
"""

from __future__ import annotations

SECTION_WORDS: tuple[tuple[str, str], ...] = (
    ("faq", r"\bfaqs?\b|frequently asked|common questions|questions and answers"),
    ("opportunities", r"\bopportunit(?:y|ies)\b"),
    ("drivers", r"\bdrivers?\b|\bgrowth factors\b|\bdriving factors\b"),
    (
        "challenges",
        r"\bchallenges?\b|\brestraints?\b|\bbarriers\b|\bthreats\b|\brisks\b"
        r"|\bconstraints\b|\blimitations\b|\bheadwinds\b|\bpitfalls\b",
    ),
    ("regions", r"\bregions?\b|\bregional\b|\bgeograph|\bcountr(?:y|ies)\b"),
    (
        "companies",
        r"\bplayers?\b|\bcompan(?:y|ies)\b|\bcompetitive\b|\bcompetitors?\b|\bvendors?\b"
        r"|\bmanufacturers\b|\bmarket leaders\b|\bprofiles?\b",
    ),
    ("trends", r"\btrends?\b"),
    ("outlook", r"\boutlook\b|\bfuture\b|\bprospects?\b|\bway forward\b|\bconclusions?\b"),
    ("segments", r"\bsegment|\bbreakdown\b|\bclassification\b"),
    (
        "overview",
        r"\boverview\b|\bintroduction\b|\bsummary\b|\binsights?\b|\banalysis\b"
        r"|\bdefinition\b|\bsnapshot\b|\bscope\b",
    ),
)
"""(section kind, regex of the words that name it), most specific first."""

DIMENSION_LEADS = r"by|based on|on the basis of|in terms of"
"""Words that introduce a segment dimension: "By Type", "based on end-use"."""

SEGMENT_VERBS = (
    r"segmented|sub-segmented|divided|categori[sz]ed|classified|split|bifurcated"
    r"|grouped|broken down"
)
"""Verbs of prose that lists segments: "the market is divided into A, B and C"."""

SEGMENT_WORD = r"\bsegment"
"""A segment word before a lowercase "by" marks a title list: "Segments - by Type (...)"."""

GEOGRAPHY_DIMENSIONS = r"geography|geographies|region|regions|regional|country|countries|area"
"""Dimension names that list places: left to the regions, never a segment."""

DIMENSION_WORDS = (
    r"type|product|application|end[- ]?use|end[- ]?user|component|technology|service"
    r"|deployment|deployment mode|material|source|form|dosage form|channel|distribution channel"
    r"|indication|modality|molecule|mode|offering|solution|platform|vertical"
    r"|enterprise size|organi[sz]ation size|grade|category|therapy|therapeutic area"
    r"|workflow|function|phase|scale|structure|capacity|route"
)
"""Words that name a segment dimension in a heading of their own ("Application Outlook",
"End-use Insights", "Product Type Analysis"), singular; an optional plural "s" follows."""

HEADING_DIMENSION_TAILS = r"outlook|insights?|analysis|segment|segments|segmentation"
"""What follows a dimension word in a heading that introduces that dimension's values."""

OUTLOOK_MEASURES = r"revenue|volume|value|usd|us\$|\$|eur|units"
"""What a "Product Outlook (Revenue, USD Million, 2018 - 2030)" heading measures: such a
heading names a segment dimension, not the report's outlook."""
