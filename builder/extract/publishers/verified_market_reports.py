"""Verified Market Reports: HTML fragments titled "<Market> Insights".

The headline sentence opens the report; a "<Market> By Application" heading is followed
by one sub-heading and paragraph per segment; then "Key Trends", "Opportunities", a
FAQ of question/answer paragraphs, a "Top ... Companies" list and a "Regional Analysis"
line ("North America (United States, Canada, and Mexico, etc.)"). The report page is
the "/product/<slug>/" link behind "For More Information or Query, Visit @".
"""

from __future__ import annotations

import re

from builder.extract.publishers.template import Publisher, Template

TEMPLATE = Template(
    key="verified-market-reports",
    publishers=(Publisher("Verified Market Reports", ("verifiedmarketreports.com",)),),
    report_page=re.compile(r"^/product/"),
    boilerplate=("download full pdf sample copy", "for more information or query"),
)
