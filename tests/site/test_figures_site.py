"""The seed site read as an analyst cites it: bounds, scope, periods, rates and owners of figures."""

from __future__ import annotations

import csv
import json

from sitebuild import article, html


def text_of(site, path: str) -> str:
    return " ".join(article(html(site, path)).text_content().split())


def test_bounds_render_as_bounds_and_survive_in_the_downloads(seed_site):
    site = seed_site / "site"
    # "revenues exceeding $1 billion", "over $2 billion in annual revenue"
    fujifilm = text_of(site, "companies/fujifilm-diosynth-technologies.md")
    assert "more than USD 1,000 million" in fujifilm
    assert "about USD 1,000 million" not in fujifilm
    assert "more than USD 2,000 million" in text_of(site, "companies/boehringer-ingelheim.md")
    # "Thermo Fisher reported total revenues exceeding $40 billion"
    dump = json.loads((site / "downloads" / "brief.json").read_text(encoding="utf-8"))
    bounds = {
        (c["slug"], r["usd_millions"]): r.get("qualifier")
        for c in dump["companies"]
        for m in c["mentions"]
        for r in m["revenues"]
    }
    assert 40000.0 in {v for (_, v), q in bounds.items() if q == "more_than"}
    assert bounds[("lonza", 5600.0)] == "about"
    with open(site / "downloads" / "markets.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert all(r["base_qualifier"] in ("", "more_than", "less_than", "about") for r in rows)
