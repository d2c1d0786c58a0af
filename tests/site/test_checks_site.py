"""The Checks page and the consensus view, on the seeds and on two generated reports."""

from __future__ import annotations

import csv
from pathlib import Path

from sitebuild import article, build, html, make_project, warnings

NORTH_AMERICA = "north-america-biopharmaceuticals-contract-manufacturing-market"


def text_of(page) -> str:
    return " ".join(article(page).text_content().split())


def links_of(page) -> set[str]:
    return {a.get("href", "").rstrip("/").split("/")[-1] for a in article(page).iter("a")}


def test_checks_page_lists_the_us_markets_larger_than_north_america(seed_site):
    site = seed_site / "site"
    page = html(site, "checks.md")
    text = text_of(page)
    assert "A country or region larger than a market that contains it (2)" in text
    assert (
        "United States CMO/CDMO Market (United States) is stated larger than North America "
        "Biopharmaceuticals Contract Manufacturing Market (North America)" in text
    )
    assert "USD 109,300 million in 2022 against USD 5,483.8 million in 2023" in text
    assert {"united-states-cmo-cdmo-market", NORTH_AMERICA} <= links_of(page)
    nav = " ".join(page.xpath("string(//nav)").split())
    assert "Checks" in nav
    # the pages concerned carry it too, each linking the other
    us = html(site, "markets/united-states-cmo-cdmo-market.md")
    danger = " ".join(us.xpath("string(//div[contains(@class, 'danger')])").split())
    assert "is stated larger than North America" in danger
    assert NORTH_AMERICA in links_of(us)
    na = text_of(html(site, f"markets/{NORTH_AMERICA}.md"))
    assert na.count("is stated larger than North America") == 2


REPORT = """# Global Solar Inverter Market Report 2024-2030

Published by {publisher}.

## Market overview

The global solar inverter market size was valued at USD {base} billion in 2023 and is projected
to reach USD {forecast} billion by 2030, growing at a CAGR of 8.0% from 2024 to 2030.

## Key players

Key players in the solar inverter market include Alpha Power Inc., Beta Energy Corp. and Gamma
Solar Ltd.
"""


def write_reports(folder: Path, figures: list[tuple[str, float, float]]) -> None:
    """Reports on one market by several publishers, differing only in their figures."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, (publisher, base, forecast) in enumerate(figures):
        text = REPORT.format(publisher=publisher, base=base, forecast=forecast)
        (folder / f"report-{n}.md").write_text(text, encoding="utf-8")


def test_two_reports_on_one_market_are_shown_side_by_side_and_checked(tmp_path: Path):
    root = make_project(tmp_path / "project", extract=True, reports=False)
    write_reports(root / "content" / "reports", [("Acme", 12.0, 20.5), ("Borealis", 16.4, 21.0)])
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert warnings(result) == []
    site = root / "site"
    markets = sorted(p.name for p in (site / "markets").iterdir() if p.is_dir())
    assert len(markets) == 2
    for slug in markets:
        page = html(site, f"markets/{slug}.md")
        (table,) = [t for t in article(page).iter("table") if "Median" in t.text_content()]
        rows = [[" ".join(c.text_content().split()) for c in r] for r in table.iter("tr")]
        assert rows[0][-3:] == ["Low", "Median", "High"]
        by_year = {row[0]: row[1:] for row in rows[1:]}
        assert sorted(by_year["2023"][:2]) == ["12,000", "16,400"]
        assert by_year["2023"][2:] == ["12,000", "14,200", "16,400"]
        assert by_year["2030"][2:] == ["20,500", "20,750", "21,000"]
        other = next(s for s in markets if s != slug)
        assert other in links_of(page)
        danger = " ".join(page.xpath("string(//div[contains(@class, 'danger')])").split())
        assert "differ by 37% for 2023" in danger
        assert "report-0.md: USD 12,000 million; " in danger
        assert "report-1.md: USD 16,400 million" in danger
        assert "for 2030" not in danger
    checks = text_of(html(site, "checks.md"))
    assert "Reports on the same market that differ by more than 25% (1)" in checks
    assert "Reports on the same market (1)" in checks


def test_checks_download_has_one_row_per_finding(seed_site):
    path = seed_site / "site" / "downloads" / "checks.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["kind"], r["markets"]) for r in rows} >= {
        ("part_larger", f"united-states-cmo-cdmo-market;{NORTH_AMERICA}")
    }
    assert all(r["message"] for r in rows)
