"""Data tables as a reader uses them: sorted by a click, filtered, and whole on a phone.

Each test runs at the desktop width (1280 px) and a phone's (390 px), in the light and the
dark scheme, and leaves a screenshot of what it saw in `test-artifacts/`.
"""

from __future__ import annotations

import pytest
from browsing import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WIDTHS = [1280, 390]
SCHEMES = ["light", "dark"]
TABLE_PAGES = {"home": "", "markets": "markets/", "companies": "companies/", "compare": "compare/"}


def show(tab, path: str, width: int, scheme: str) -> None:
    tab.page.set_viewport_size({"width": width, "height": 900})
    tab.open(path)
    if scheme == "dark" and tab.page.evaluate("document.body.dataset.mdColorScheme") != "slate":
        tab.dark_mode()  # a choice made on an earlier page is kept
    tab.page.locator("table[data-brief-table]").first.wait_for()


def snapshot(tab, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def column(tab, table, label: str) -> list[str]:
    """The visible cells of one column, by its header's text, top to bottom."""
    return table.evaluate(
        """(table, label) => [...table.tBodies[0].rows].filter(r => !r.hidden).map(r =>
            [...r.cells].find(c => c.dataset.label === label)).map(c => c.innerText.trim())""",
        label,
    )


def number(cell: str) -> float:
    digits = cell.split(" ")[0].replace(",", "").rstrip("%")
    return float(digits) if digits not in ("", "—") else float("-inf")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_markets_table_sorts_by_any_column(tab, width, scheme):
    show(tab, "markets/", width, scheme)
    table = tab.page.locator("table[data-brief-table]").first
    header = table.locator("th", has_text="Size, USD million")
    header.click()
    first = [number(c) for c in column(tab, table, "Size, USD million")]
    assert first == sorted(first) or first == sorted(first, reverse=True)
    header.click()
    assert [number(c) for c in column(tab, table, "Size, USD million")] == first[::-1]
    table.locator("th", has_text="Market").first.click()
    names = column(tab, table, "Market")
    assert names in (sorted(names, key=str.lower), sorted(names, key=str.lower, reverse=True))
    assert tab.errors == [] and tab.elsewhere() == set()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_markets_table_filters_by_geography_publisher_and_text(tab, width, scheme):
    show(tab, "markets/", width, scheme)
    table = tab.page.locator("table[data-brief-table]").first
    everything = column(tab, table, "Market")
    geographies = column(tab, table, "Geography")
    geography = geographies[0]
    tab.page.get_by_label("Geography").select_option(geography)
    assert column(tab, table, "Geography") == [g for g in geographies if g == geography]
    tab.page.get_by_label("Geography").select_option("")
    publisher = column(tab, table, "Publisher")[-1]
    tab.page.get_by_label("Publisher").select_option(publisher)
    assert set(column(tab, table, "Publisher")) == {publisher}
    tab.page.get_by_label("Publisher").select_option("")
    word = everything[0].split()[0]
    tab.page.get_by_label("Filter").fill(word.lower())
    assert everything[0] in column(tab, table, "Market")
    rows = table.evaluate(
        "t => [...t.tBodies[0].rows].filter(r => !r.hidden).map(r => r.innerText)"
    )
    assert all(word.lower() in row.lower() for row in rows)
    assert (
        tab.page.locator(".brief-filter__count").inner_text().endswith(f"of {len(everything)} rows")
    )
    tab.page.get_by_label("Filter").fill("no market is called this")
    assert column(tab, table, "Market") == []
    snapshot(tab, f"markets-filtered-{width}-{scheme}")
    assert tab.errors == [] and tab.elsewhere() == set()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_column_of_the_markets_table_is_on_screen(tab, width, scheme):
    """On a phone as cards, on a desktop as a table that needs no sideways scrolling."""
    show(tab, "markets/", width, scheme)
    table = tab.page.locator("table[data-brief-table]").first
    labels = table.evaluate("t => [...t.tHead.rows[0].cells].map(c => c.innerText.trim())")
    assert {"CAGR", "Companies", "Forecast, USD million"} <= set(labels)
    boxes = table.evaluate(
        """t => {
            const edge = Math.min(innerWidth, t.parentElement.getBoundingClientRect().right);
            return [...t.tBodies[0].rows].flatMap(r => [...r.cells]).map(c => {
                const box = c.getBoundingClientRect();
                return [c.dataset.label, box.left, box.right, box.width, edge];
            });
        }"""
    )
    seen = {
        label
        for label, left, right, width, edge in boxes
        if width > 0 and left >= 0 and right <= edge + 0.5
    }
    assert seen == set(labels)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_matrix_shows_a_market_for_every_company(tab, width, scheme):
    show(tab, "compare/", width, scheme)
    matrix = tab.page.locator(".brief-matrix table")
    rows = matrix.evaluate(
        """t => [...t.tBodies[0].rows].map(r => {
            const name = r.cells[0].getBoundingClientRect();
            return [r.cells[0].innerText.trim(), Number(r.cells[1].innerText),
                    [...r.cells].slice(2).filter(c => c.innerText.includes("✓")).length,
                    name.left >= 0 && name.right <= innerWidth];
        })"""
    )
    assert rows
    for name, markets, ticks, in_view in rows:
        assert markets >= 1 and ticks >= 1, name
        assert in_view, name
    # the market columns scroll under the company names: the last one can be brought in view
    last = matrix.locator("tbody tr").first.locator("td").last
    last.scroll_into_view_if_needed()
    box = last.bounding_box()
    assert box is not None and box["x"] + box["width"] <= width + 1
    if width < 600:
        assert tab.page.locator(".brief-scroll-cue").is_visible()
    assert tab.errors == [] and tab.elsewhere() == set()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", sorted(TABLE_PAGES))
def test_table_pages_have_a_filter_and_leave_a_screenshot(tab, page, width, scheme):
    show(tab, TABLE_PAGES[page], width, scheme)
    assert tab.page.locator(".brief-filter").first.is_visible()
    overflow = tab.page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0  # nothing makes the whole page scroll sideways
    snapshot(tab, f"{page}-{width}-{scheme}")
    assert tab.errors == [] and tab.elsewhere() == set()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_table_controls_keep_axe_clean(tab, width, scheme):
    from test_browser_a11y import blocking_violations

    show(tab, "markets/", width, scheme)
    tab.page.get_by_label("Filter").fill("market")
    tab.page.locator("table[data-brief-table] th").first.click()
    assert blocking_violations(tab) == []
