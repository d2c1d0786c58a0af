"""The template Reliable Market Forecast and Markets CAGR share.

An h1 "<Market> Size ..." title; bold paragraphs as headings ("... Analysis and Latest
Trends", "... Major Market Players", "What Are The Key Opportunities ...", "... by types
is segmented into:"); company paragraphs opening with Markdown `**Name**` inside the
HTML; region labels ("North America:") each followed by a country list, then a paragraph
of regional shares, the country lists splitting two-word names over two items ("Saudi",
"Arabia"). The report page is the "<slug>-r<id>" link.
"""

from __future__ import annotations

import re

from builder.extract.publishers.repairs import rejoin_split_places
from builder.extract.publishers.template import Publisher, Template

TEMPLATE = Template(
    key="reliable-market-forecast",
    publishers=(
        Publisher("Reliable Market Forecast", ("reliablemarketforecast.com",)),
        Publisher("Markets CAGR", ("marketscagr.com",)),
    ),
    report_page=re.compile(r"-r\d+/?$"),
    boilerplate=("inquire or share your questions", "check more reports on"),
    list_repairs=(rejoin_split_places,),
)
