"""Charts load on every page that has them, and charts and tables read well in both schemes.

Readability is measured as WCAG contrast of what the reader sees: a table cell's computed
text colour over the backgrounds beneath it, and a chart's text as rendered on screen
(its pixels in a screenshot), so any CSS the site puts on charts counts.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from browsing import site_paths
from PIL import Image

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

AA = 4.5
"""WCAG 2 AA contrast for normal-size text; chart labels and table text are all small."""

Colour = tuple[float, float, float, float]


def chart_pages(site: Path) -> list[str]:
    """Every page that shows a chart: the market pages and the compare page."""
    return [*site_paths(site, "markets/*/index.html"), "compare/"]


def test_every_chart_on_every_page_loads(tab, seed_project):
    site = seed_project / "site"
    expected = {tab.base + path for path in site_paths(site, "charts/**/*.svg")}
    assert len(expected) >= 2  # the two comparison charts at least
    shown = {}
    for path in chart_pages(site):
        tab.open(path)
        for src, width in tab.page.locator("article img").evaluate_all(
            "images => images.map(i => [i.src, i.complete ? i.naturalWidth : 0])"
        ):
            shown[src] = width
    assert set(shown) == expected  # every chart drawn is on a page, and nothing else
    assert [src for src, width in shown.items() if width <= 0] == []


def parse(css: str) -> Colour:
    """A computed CSS colour, `rgb(r, g, b)` or `rgba(r, g, b, a)`, as (r, g, b, alpha)."""
    match = re.fullmatch(
        r"rgba?\((\d+(?:\.\d+)?), (\d+(?:\.\d+)?), (\d+(?:\.\d+)?)(?:, ([\d.]+))?\)", css
    )
    assert match, f"unexpected computed colour {css!r}"
    r, g, b, alpha = match.groups()
    return float(r), float(g), float(b), float(alpha) if alpha is not None else 1.0


def over(top: Colour, below: tuple[float, float, float]) -> tuple[float, float, float]:
    """`top` painted over an opaque colour."""
    alpha = top[3]
    return tuple(alpha * t + (1 - alpha) * b for t, b in zip(top[:3], below, strict=True))  # type: ignore[return-value]


def luminance(rgb: tuple[float, float, float]) -> float:
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# For each element: its text colour, and the background colours from it up to <html>.
CELL_COLOURS = """cells => cells.filter(cell => cell.innerText.trim()).map(cell => {
    const backgrounds = [];
    for (let node = cell; node; node = node.parentElement) {
        backgrounds.push(getComputedStyle(node).backgroundColor);
    }
    return [cell.innerText.trim(), getComputedStyle(cell).color, backgrounds];
})"""


def text_contrasts(tab) -> list[tuple[str, float]]:
    """(text, contrast) of every table cell and link in a table of the page's article."""
    found = []
    cells = tab.page.locator("article :is(td, th, td a, th a)")
    for text, colour, backgrounds in cells.evaluate_all(CELL_COLOURS):
        ground = (255.0, 255.0, 255.0)  # the canvas beneath everything
        for layer in reversed(backgrounds):
            ground = over(parse(layer), ground)
        found.append((text, contrast(over(parse(colour), ground), ground)))
    return found


def ink_contrast(png: bytes) -> float:
    """Contrast of a chart's text as rendered: its grey ink against its commonest colour.

    Labels, ticks and axes are drawn in one grey; antialiasing only blends it towards the
    background, so the strongest grey that covers a good number of pixels is the text's
    own colour, whatever filter or background the page applies.
    """
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(image.width * image.height)
    background = max(colours)[1]
    greys = [
        contrast(rgb, background)
        for count, rgb in colours
        if count >= 50 and rgb != background and max(rgb) - min(rgb) <= 12
    ]
    assert greys, "no text found in the chart"
    return max(greys)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_and_tables_read_well_in_both_schemes(tab, seed_project, scheme):
    pages = chart_pages(seed_project / "site")
    expected_scheme = "slate" if scheme == "dark" else "default"
    if scheme == "dark":
        tab.open(pages[0])
        tab.dark_mode()
    for path in pages:
        tab.open(path)
        # the reader's choice is kept from page to page
        assert tab.page.evaluate("document.body.dataset.mdColorScheme") == expected_scheme
        images = tab.page.locator("article img")
        for position in range(images.count()):
            image = images.nth(position)
            image.scroll_into_view_if_needed()
            assert image.evaluate("i => i.complete && i.naturalWidth") > 0
            box = image.bounding_box()
            assert box and box["width"] > 200 and box["height"] > 100, path
            ratio = ink_contrast(image.screenshot())
            assert ratio >= AA, f"{image.get_attribute('src')}: chart text at {ratio:.2f}:1"
        weak = [(text, round(ratio, 2)) for text, ratio in text_contrasts(tab) if ratio < AA]
        assert weak == [], path
