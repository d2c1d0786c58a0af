"""The template for publishers without one of their own, and how to name them.

Extraction itself is structural and the same for every report; what an unknown
publisher lacks is a name. It is read from the report's own words ("Acme Research is a
leading market research firm", "© 2024 Acme Research"), else from the site most of its
links point to; social and press-release sites never count as the publisher.
"""

from __future__ import annotations

import re
from collections import Counter

from builder.extract.clean import on_site
from builder.extract.document import Block
from builder.extract.template import Template

TEMPLATE = Template(key="generic", publishers=())
UNKNOWN = "Unknown publisher"
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
_NAME = r"([A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*){0,4})"
_SELF_DESCRIPTION = re.compile(
    _NAME + r"\s+is\s+an?\s+(?:[\w-]+\s+){0,4}?(?:market research|research|consulting|market"
    r" intelligence|intelligence|analytics|advisory)\b"
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*)?" + _NAME, re.IGNORECASE
)
_PUBLISHED_BY = re.compile(r"\b(?:published|compiled|prepared)\s+by\s+" + _NAME)


def guess_publisher(blocks: list[Block], hosts: Counter[str]) -> tuple[str, tuple[str, ...]]:
    """(publisher name, its domains) from the report's words, else its links."""
    own = [(host, n) for host, n in hosts.most_common() if host and not on_site(host, ELSEWHERE)]
    domains = (own[0][0],) if own else ()
    for block in blocks:
        text = re.sub(r"^about us\s*[:–—-]?\s*", "", block.text, flags=re.IGNORECASE)
        for pattern in (_SELF_DESCRIPTION, _COPYRIGHT, _PUBLISHED_BY):
            m = pattern.search(text[:400])
            if m and m.group(1).split()[0] not in ("The", "It", "This", "We", "Our"):
                return m.group(1).strip(" .,"), domains
    return (domains[0] if domains else UNKNOWN), domains
