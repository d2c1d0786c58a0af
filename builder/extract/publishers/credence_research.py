"""Credence Research: a Markdown title over an HTML body.

"# <headline>: Market Forecast 2025–2032" (the forecast period), a "Market Overview"
paragraph whose first sentence links the market name and gives the headline figures,
numbered drivers with bold titles, "Key Player Analysis", "Segments:" with one
"Based on <dimension>:" list each, a numbered "Future Outlook", then "About Us" and a
postal address. The report page is the "/report/<slug>" link. Its geography lists lose
the "U." of "U.S." ("S.").
"""

from __future__ import annotations

import re

from builder.extract.publishers.repairs import restore_lost_initial
from builder.extract.publishers.template import Publisher, Template

TEMPLATE = Template(
    key="credence-research",
    publishers=(Publisher("Credence Research", ("credenceresearch.com",)),),
    report_page=re.compile(r"^/report/"),
    boilerplate=("explore competitive intelligence", "access full market report"),
    list_repairs=(restore_lost_initial,),
)
