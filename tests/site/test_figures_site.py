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


def test_us_markets_show_their_pasted_global_figures_as_scope_unstated(seed_site):
    site = seed_site / "site"
    for slug in (
        "united-states-cmo-cdmo-market",
        "united-states-biopharmaceutical-cmo-services-market",
    ):
        page = article(html(site, f"markets/{slug}.md"))
        cards = " ".join(page.xpath("string(.//div[contains(@class, 'brief-headline')])").split())
        assert (
            cards.count("scope not stated: the report's sentence does not name United States") == 3
        )
        warning = " ".join(page.xpath("string(.//div[contains(@class, 'warning')])").split())
        assert "scope not stated" in warning
    north_america = text_of(
        site, "markets/north-america-biopharmaceuticals-contract-manufacturing-market.md"
    )
    assert "scope not stated" not in north_america


def test_004_cagr_shows_where_its_period_comes_from_and_the_period_its_sizes_support(seed_site):
    page = article(
        html(
            seed_site / "site",
            "markets/north-america-biopharmaceuticals-contract-manufacturing-market.md",
        )
    )
    cards = " ".join(page.xpath("string(.//div[contains(@class, 'brief-headline')])").split())
    assert "15.42% a year" in cards
    assert "2025–2032 (years from the report's title, not the rate's sentence)" in cards
    assert "the report's sizes give this rate over 2023–2032" in cards
    warning = " ".join(page.xpath("string(.//div[contains(@class, 'warning')])").split())
    assert "is the rate from 2023 to 2032 by the report's own sizes" in warning
    # a period stated with the rate says so
    us = text_of(seed_site / "site", "markets/united-states-cmo-cdmo-market.md")
    assert "2024–2030 (years as stated with the rate)" in us


def test_a_converted_figure_shows_the_rate_and_year_used(seed_site):
    # Recipharm's "approximately €1.03 billion in sales" has no year
    recipharm = text_of(seed_site / "site", "companies/recipharm.md")
    assert "converted from EUR at 1.0824 USD per EUR, the 2024 rate (no year stated)" in recipharm
    market = text_of(
        seed_site / "site", "markets/contract-manufacturing-organization-services-market.md"
    )
    assert "the 2024 rate (no year stated)" in market


def test_a_groups_revenue_stated_under_its_subsidiary_is_on_the_groups_page(seed_site):
    site = seed_site / "site"
    # under Patheon: "Thermo Fisher reported total revenues exceeding $40 billion."
    thermo = article(html(site, "companies/thermo-fisher-scientific.md"))
    section = " ".join(thermo.text_content().split())
    assert "Revenue stated under other companies" in section
    assert "more than USD 40,000 million" in section
    assert "../patheon/" in thermo.xpath(".//a/@href")
    patheon = article(html(site, "companies/patheon.md"))
    assert "../thermo-fisher-scientific/" in patheon.xpath(".//a/@href")
    assert "Revenue of Thermo Fisher Scientific" in " ".join(patheon.text_content().split())


def test_facts_csv_has_one_row_per_figure_with_its_bound_rate_scope_and_sentence(seed_site):
    with open(seed_site / "site" / "downloads" / "facts.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    data = json.loads((seed_site / "site" / "downloads" / "brief.json").read_text("utf-8"))
    sizes = sum(len(m.get("size", [])) for m in data["markets"])
    cagrs = sum(1 for m in data["markets"] if m.get("cagr"))
    revenues = sum(len(x["revenues"]) for c in data["companies"] for x in c["mentions"])
    assert len(rows) == sizes + cagrs + revenues
    # the pasted global headline of a US report, flagged
    (base,) = [
        r for r in rows if r["subject"] == "united-states-cmo-cdmo-market" and r["kind"] == "base"
    ]
    assert (base["year"], base["stated_as"], base["scope_stated"]) == (
        "2022",
        "USD 109.3 Billion",
        "false",
    )
    assert base["source_file"].startswith("001_")
    # Recipharm's euros: bound, rate and rate year
    (euros,) = [r for r in rows if r["subject"] == "recipharm"]
    assert (euros["value"], euros["currency"], euros["unit"], euros["qualifier"]) == (
        "1.03",
        "EUR",
        "billion",
        "about",
    )
    assert (euros["rate_usd_per_unit"], euros["rate_year"]) == ("1.0824", "2024")
    # Thermo Fisher's revenue, stated under Patheon, is Thermo Fisher's row
    (thermo,) = [r for r in rows if r["usd_millions"] == "40000.0"]
    assert (thermo["subject"], thermo["qualifier"]) == ("thermo-fisher-scientific", "more_than")
    (cagr,) = [r for r in rows if r["subject"].startswith("north-america") and r["kind"] == "cagr"]
    assert (cagr["value"], cagr["period"], cagr["unit"]) == ("15.42", "2025–2032", "percent")


def test_seed_headline_figures_link_to_their_sentences_and_pages_give_a_cite_line(seed_site):
    slug = "north-america-biopharmaceuticals-contract-manufacturing-market"
    page = article(html(seed_site / "site", f"markets/{slug}.md"))
    links = page.xpath(".//div[contains(@class, 'brief-headline')]//a[text()='source']/@href")
    assert len(links) == 3
    for href in links:
        [target] = page.xpath(f".//*[@id='{href.removeprefix('#')}']")
        quote = " ".join(target.getparent().xpath("string(.//blockquote)").split())
        assert "USD 5,483.81 million in 2023 to USD 19,927.57 million by 2032" in quote
    [cite] = [
        " ".join(li.text_content().split())
        for li in page.xpath(".//li")
        if li.text_content().startswith("Cite")
    ]
    assert cite.startswith("Cite: Credence Research, “Future of Biopharmaceutical Contract")
    assert "https://" in cite and "004_80dc29c2d6d1c78a.txt" in cite
