"""Search as a reader uses it: press "/" or click the header's box, type, read, open one.

Search is Pagefind's: the built pages are indexed in chunks and a query downloads only the
chunks and result excerpts it needs. A company is found by every name it goes by, with or
without spaces; its own page comes first; a page does not match a name because one of its
tables lists it ("met most often", the indexes).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browsing import serve, visit
from make_brief import SCRIPT
from playwright.sync_api import expect
from sitebuild import load_yaml
from test_browser_injection import INJECTED

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def company_called(project: Path, name: str) -> dict:
    """The data file of the company going by `name`, as its name or one of its aliases."""
    [company] = [
        data
        for path in sorted((project / "data" / "companies").glob("*.yaml"))
        for data in [load_yaml(path)]
        if name == data["name"] or name in data.get("aliases", [])
    ]
    return company


def test_a_company_name_finds_its_page_and_the_result_opens_it(tab, seed_project):
    lonza = company_called(seed_project, "Lonza")
    tab.open()
    results = tab.search("Lonza")
    assert results[0] == f"companies/{lonza['slug']}/"
    assert tab.search_count() < 10  # lists and tables naming Lonza do not match
    tab.page.locator(".pagefind-ui__result-link").first.click()
    tab.page.wait_for_url(f"**/companies/{lonza['slug']}/**")
    expect(tab.page.locator("article h1")).to_contain_text(lonza["name"])
    assert tab.dialogs == [] and tab.errors == []


def test_another_name_of_a_company_finds_it_first(tab, seed_project):
    lonza = company_called(seed_project, "Lonza Group")
    assert lonza["name"] != "Lonza Group"  # an alias, not the name the page is titled with
    tab.open()
    assert tab.search("Lonza Group")[0] == f"companies/{lonza['slug']}/"


@pytest.mark.parametrize("query", ["ThermoFisher", "Thermo Fisher", "thermo"])
def test_a_name_with_or_without_spaces_finds_the_company_first(tab, seed_project, query):
    thermo = company_called(seed_project, "Thermo Fisher Scientific")
    tab.open()
    assert tab.search(query)[0] == f"companies/{thermo['slug']}/"


def test_the_slash_key_opens_search_and_no_word_is_suggested_with_its_comma(tab):
    tab.open()
    tab.page.locator("#brief-search input").wait_for()
    tab.page.keyboard.press("/")
    expect(tab.page.locator("#brief-search input")).to_be_focused()
    tab.page.keyboard.type("biologics")
    expect(tab.page.locator(".pagefind-ui__message")).to_contain_text("biologics")
    assert "biologics," not in tab.page.locator("#brief-search").inner_text().split()


def test_a_market_word_finds_markets_before_companies(tab, seed_project):
    """ "biosimilars" finds each market whose data mentions biosimilars, markets first.

    Extraction's warnings quote the report for an analyst and are not searched."""
    markets = sorted((seed_project / "data" / "markets").glob("*.yaml"))
    expected = {
        f"markets/{path.stem}/"
        for path in markets
        for data in [load_yaml(path)]
        if "biosimilar" in str({k: v for k, v in data.items() if k != "warnings"}).lower()
    }
    assert expected, "no seed report mentions biosimilars any more"
    tab.open()
    results = tab.search("biosimilars")
    assert expected <= set(results)
    assert set(results[: len(expected)]) == expected


def test_search_results_show_a_hostile_name_as_text(browser, injected_project, injected_url):
    widgets = load_yaml(injected_project / "data" / "markets" / "widgets-market.yaml")
    assert SCRIPT in widgets["name"]
    with visit(browser, injected_url) as tab:
        tab.open()
        assert "markets/widgets-market/" in tab.search("Widgets")
        assert SCRIPT in tab.page.locator(".pagefind-ui__results").inner_text()
        assert tab.page.evaluate(INJECTED) == []
        tab.page.locator(".pagefind-ui__result-link").first.click()
        tab.page.wait_for_load_state()
        assert tab.page.evaluate(INJECTED) == []
        assert tab.dialogs == [] and tab.errors == []


def test_a_site_whose_index_is_still_being_made_says_so_in_the_search_box(
    browser, seed_project, tmp_path
):
    """A first `brief build` on a person's machine publishes its pages before the background
    run adds the index: the header says search is coming, and nothing breaks."""
    site = tmp_path / "site"
    shutil.copytree(seed_project / "site", site)
    shutil.rmtree(site / "pagefind")
    with serve(site) as base, visit(browser, base) as tab:
        tab.open("markets/")
        note = tab.page.locator("#brief-search .brief-search__note")
        expect(note).to_have_text("Search is being prepared: reload the page in a moment.")
        expect(note).to_have_attribute("role", "status")
        assert tab.page.locator("#brief-search input").count() == 0
        assert tab.dialogs == [] and tab.errors == []
