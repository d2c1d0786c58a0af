"""Material's search as a reader uses it: type in the box, read the results, open one."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect
from sitebuild import load_yaml

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
    assert f"companies/{lonza['slug']}/" in results
    link = tab.page.locator(f'.md-search-result__link[href*="/companies/{lonza["slug"]}/"]')
    link.first.click()
    tab.page.wait_for_url(f"**/companies/{lonza['slug']}/**")
    expect(tab.page.locator("article h1")).to_contain_text(lonza["name"])
    assert tab.dialogs == [] and tab.errors == []


def test_another_name_of_a_company_finds_it_first(tab, seed_project):
    lonza = company_called(seed_project, "Lonza Group")
    assert lonza["name"] != "Lonza Group"  # an alias, not the name the page is titled with
    tab.open()
    assert tab.search("Lonza Group")[0] == f"companies/{lonza['slug']}/"


def test_a_market_word_finds_every_market_whose_report_uses_it(tab, seed_project):
    """ "biosimilars" (plural, any case) finds each market whose data mentions biosimilars."""
    markets = sorted((seed_project / "data" / "markets").glob("*.yaml"))
    expected = {f"markets/{p.stem}/" for p in markets if "biosimilar" in p.read_text().lower()}
    assert expected, "no seed report mentions biosimilars any more"
    tab.open()
    results = tab.search("biosimilars")
    assert expected <= set(results)
    assert results[0] in expected
