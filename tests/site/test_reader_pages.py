"""The seed site as a reader meets it: titles, share previews, where am I, nothing said twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import article, html, load_yaml


def slugs(root: Path, folder: str) -> list[str]:
    return sorted(p.stem for p in (root / "data" / folder).glob("*.yaml"))


def head(page, selector: str) -> list[str]:
    return page.xpath(f"//head/meta[{selector}]/@content")


def test_titles_name_the_page_then_the_site(seed_site):
    site = seed_site / "site"
    assert html(site, "index.md").xpath("string(//title)") == "Market Brief"
    for slug in slugs(seed_site, "markets"):
        name = load_yaml(seed_site / "data" / "markets" / f"{slug}.yaml")["name"]
        assert html(site, f"markets/{slug}.md").xpath("string(//title)") == f"{name} · Market Brief"
    assert html(site, "compare.md").xpath("string(//title)") == "Compare markets · Market Brief"


def test_each_market_and_company_page_describes_itself_and_has_a_share_preview(seed_site):
    site = seed_site / "site"
    descriptions = set()
    for folder in ("markets", "companies"):
        for slug in slugs(seed_site, folder):
            page = html(site, f"{folder}/{slug}.md")
            [description] = head(page, "@name='description'")
            name = load_yaml(seed_site / "data" / folder / f"{slug}.yaml")["name"]
            assert description.startswith(name)
            descriptions.add(description)
            assert head(page, "@property='og:description'") == [description]
            assert head(page, "@name='twitter:description'") == [description]
            assert head(page, "@property='og:title'") == [page.xpath("string(//title)")]
            assert head(page, "@name='twitter:card'") == ["summary"]
            assert head(page, "@property='og:url'")[0].endswith(f"/{folder}/{slug}/")
    assert len(descriptions) == len(slugs(seed_site, "markets")) + len(
        slugs(seed_site, "companies")
    )


def test_market_descriptions_carry_the_headline_figures(seed_site):
    for slug in slugs(seed_site, "markets"):
        market = load_yaml(seed_site / "data" / "markets" / f"{slug}.yaml")
        [description] = head(html(seed_site / "site", f"markets/{slug}.md"), "@name='description'")
        if market.get("cagr"):
            assert "CAGR" in description
        assert market["publisher"] in description


def test_every_page_says_when_the_brief_was_built(seed_site):
    # SOURCE_DATE_EPOCH of the test build is 2026-01-01
    for path in ("index.md", f"markets/{slugs(seed_site, 'markets')[0]}.md", "sources.md"):
        footer = html(seed_site / "site", path).xpath("string(//*[@class='md-copyright'])")
        assert "built on 2026-01-01" in footer


@pytest.mark.parametrize(
    ("folder", "tab", "parent"),
    [("markets", "Markets", "Markets"), ("companies", "Companies", "Companies")],
)
def test_detail_pages_keep_their_tab_lit_have_a_breadcrumb_and_no_left_menu(
    seed_site, folder, tab, parent
):
    for slug in slugs(seed_site, folder):
        page = html(seed_site / "site", f"{folder}/{slug}.md")
        lit = page.xpath("//li[contains(@class, 'md-tabs__item--active')]/a")
        assert [a.text_content().strip() for a in lit] == [tab]
        [crumbs] = page.xpath("//nav[@aria-label='Breadcrumb']")
        assert [a.text_content() for a in crumbs.xpath("a")] == ["Home", parent]
        assert crumbs.xpath("a/@href") == ["../../", "../"]
        assert page.xpath("//*[@data-md-type='navigation'][@hidden]")
    # the section's own index keeps its tab lit, without a breadcrumb
    index = html(seed_site / "site", f"{folder}/index.md")
    lit = index.xpath("//li[contains(@class, 'md-tabs__item--active')]/a")
    assert [a.text_content().strip() for a in lit] == [tab]
    assert not index.xpath("//nav[@aria-label='Breadcrumb']")


def test_segment_values_and_geographies_are_links(seed_site):
    site = seed_site / "site"
    for slug in slugs(seed_site, "markets"):
        market = load_yaml(seed_site / "data" / "markets" / f"{slug}.yaml")
        page = article(html(site, f"markets/{slug}.md"))
        linked = set(page.xpath(".//td/a[contains(@href, 'browse/segments/')]/text()"))
        for segment in market.get("segments", []):
            assert set(segment.get("values", [])) <= linked
    index = article(html(site, "markets/index.md"))
    geographies = index.xpath(".//td/a[contains(@href, 'browse/geography/#')]")
    assert len(geographies) == len(slugs(seed_site, "markets"))


def paragraphs(page, quotes: bool) -> list[str]:
    """The page's paragraphs; with `quotes`, those of its quoted evidence too."""
    found = page.xpath(".//p" if quotes else ".//p[not(ancestor::blockquote)]")
    return [" ".join(p.text_content().split()) for p in found]


@pytest.mark.parametrize(
    ("folder", "quotes"),
    # a market page quotes its summary's figure sentences as evidence, on purpose; a company
    # page's revenue sentence is quoted only when its description does not already say it
    [("markets", False), ("companies", True)],
)
def test_no_page_says_the_same_thing_twice(seed_site, folder, quotes):
    for slug in slugs(seed_site, folder):
        texts = paragraphs(article(html(seed_site / "site", f"{folder}/{slug}.md")), quotes)
        long = [t for t in texts if len(t) > 60]
        for i, text in enumerate(long):
            others = long[:i] + long[i + 1 :]
            assert not [o for o in others if text in o], (slug, text)


def test_every_chart_has_a_data_link_to_its_numbers(seed_site):
    site = seed_site / "site"
    pages = [f"markets/{slug}.md" for slug in slugs(seed_site, "markets")] + ["compare.md"]
    charts = 0
    for path in pages:
        page = article(html(site, path))
        folder = site / path.removesuffix(".md").removesuffix("index")
        for image in page.xpath(".//img[contains(@src, 'charts/')]"):
            charts += 1
            [data] = image.xpath("following::a[normalize-space(.)='Data (CSV)'][1]/@href")
            assert data == image.get("src").removesuffix(".svg") + ".csv"
            lines = (folder / data).resolve().read_text(encoding="utf-8").splitlines()
            assert len(lines) >= 2 and "," in lines[0]
    assert charts >= 2
