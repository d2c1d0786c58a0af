"""Moving through the brief by clicking, as a reader does, and what the pages look like."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from browsing import ARTIFACTS
from PIL import Image
from playwright.sync_api import expect
from sitebuild import load_yaml

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def markets_of(company: dict) -> list[str]:
    """The markets a company is named in, in the order of its data file's mentions."""
    return list(dict.fromkeys(mention["market"] for mention in company["mentions"]))


def busiest_company(data: Path) -> dict:
    """The company named in the most markets, from its data file."""
    companies = (load_yaml(p) for p in sorted((data / "companies").glob("*.yaml")))
    return max(companies, key=lambda company: len(markets_of(company)))


def market(data: Path, slug: str) -> dict:
    return load_yaml(data / "markets" / f"{slug}.yaml")


def test_home_to_a_market_to_a_company_and_on_to_another_of_its_markets(tab, seed_project):
    data = seed_project / "data"
    company = busiest_company(data)
    first, second = (market(data, slug) for slug in markets_of(company)[:2])
    article = tab.page.locator("article")

    tab.open()
    article.locator("table").get_by_role("link", name=first["name"], exact=True).click()
    tab.page.wait_for_url(f"**/markets/{first['slug']}/")
    expect(article.locator("h1")).to_contain_text(first["name"])

    article.get_by_role("link", name=company["name"], exact=True).first.click()
    tab.page.wait_for_url(f"**/companies/{company['slug']}/")
    expect(article.locator("h1")).to_contain_text(company["name"])

    article.get_by_role("link", name=second["name"], exact=True).first.click()
    tab.page.wait_for_url(f"**/markets/{second['slug']}/")
    expect(article.locator("h1")).to_contain_text(second["name"])
    assert tab.errors == []
    assert tab.elsewhere() == set()


def test_screenshots_of_home_a_market_and_a_company(tab, seed_project):
    """Written to test-artifacts/ for a person to look at; here, checked to be whole pages."""
    company = busiest_company(seed_project / "data")
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in (
        ("home", ""),
        ("market", f"markets/{markets_of(company)[0]}/"),
        ("company", f"companies/{company['slug']}/"),
    ):
        tab.open(path)
        png = tab.page.screenshot(full_page=True)
        (ARTIFACTS / f"{name}.png").write_bytes(png)
        image = Image.open(io.BytesIO(png))
        assert image.width == 1280 and image.height > 900, name  # the full page, not a frame
        assert len(image.getcolors(1 << 24)) > 100, name  # text and charts, not a blank page
