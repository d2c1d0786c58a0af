"""Reading the brief on a desktop and on a phone: chart text size, page furniture, screenshots.

Chart text is measured as the reader sees it: the smallest font size written in the SVG,
scaled by how wide the browser draws the image against the SVG's own width.
"""

from __future__ import annotations

import re

import pytest
from browsing import ARTIFACTS, site_paths
from sitebuild import load_yaml

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WIDTHS = [1280, 390]
SCHEMES = ["light", "dark"]


def open_as(tab, path: str, width: int, scheme: str) -> list[str]:
    """Open a page at a width and in a scheme; the console errors it logs are collected."""
    console: list[str] = []
    tab.page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    tab.page.set_viewport_size({"width": width, "height": 900})
    tab.open(path)
    if scheme == "dark" and tab.page.evaluate("document.body.dataset.mdColorScheme") != "slate":
        tab.dark_mode()  # a choice made on an earlier page is kept
    return console


def smallest_font(svg: str) -> tuple[float, float]:
    """(smallest font size, width) of an SVG, both in its own units."""
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
    width = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)', svg).group(1))
    return min(sizes), width


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_chart_text_is_at_least_11_px_on_screen(tab, seed_project, width, scheme):
    site = seed_project / "site"
    pages = [*site_paths(site, "markets/*/index.html"), "compare/"]
    measured = 0
    for path in pages:
        console = open_as(tab, path, width, scheme)
        images = tab.page.locator("article img[src$='.svg']")
        for position in range(images.count()):
            image = images.nth(position)
            image.scroll_into_view_if_needed()
            src = image.evaluate("i => i.src")
            svg = tab.page.evaluate("url => fetch(url).then(r => r.text())", src)
            size, drawn = smallest_font(svg)
            shown = image.evaluate("i => i.getBoundingClientRect().width")
            assert size * shown / drawn >= 11, (path, src, size * shown / drawn)
            measured += 1
        assert console == [] and tab.errors == [] and tab.elsewhere() == set()
    assert measured >= 2


def kinds(project) -> dict[str, str]:
    market = max(
        sorted((project / "data" / "markets").glob("*.yaml")), key=lambda p: p.stat().st_size
    )
    company = load_yaml(project / "data" / "companies" / "lonza.yaml")["slug"]
    return {
        "home": "",
        "markets": "markets/",
        "market": f"markets/{market.stem}/",
        "companies": "companies/",
        "company": f"companies/{company}/",
        "compare": "compare/",
        "segments": "browse/segments/",
        "sources": "sources/",
        "downloads": "downloads/",
    }


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_kind_of_page_reads_at_both_widths(tab, seed_project, width, scheme):
    """No console error, no other host, no page wider than the screen; a screenshot each."""
    ARTIFACTS.mkdir(exist_ok=True)
    for kind, path in kinds(seed_project).items():
        console = open_as(tab, path, width, scheme)
        assert tab.page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0, kind
        tab.page.screenshot(
            path=str(ARTIFACTS / f"page-{kind}-{width}-{scheme}.png"), full_page=True
        )
        assert console == [] and tab.errors == [], kind
    assert tab.elsewhere() == set()


def test_a_detail_page_shows_where_the_reader_is(tab, seed_project):
    path = kinds(seed_project)["market"]
    open_as(tab, path, 1280, "light")
    assert tab.page.locator(".md-tabs__item--active").inner_text().strip() == "Markets"
    crumbs = tab.page.get_by_role("navigation", name="Breadcrumb")
    crumbs.get_by_role("link", name="Markets").click()
    tab.page.wait_for_url("**/markets/")
    assert tab.page.locator("article h1").inner_text().strip(" ¶") == "Markets"
