"""A project's `templates/` folder: a template named like a shipped one replaces it alone."""

from __future__ import annotations

from pathlib import Path

from make_brief import make_brief
from sitebuild import ROOT

from builder.settings import Settings
from builder.site import SiteStats, generate_site

# The markets index laid out as a list; the macros still come from site_templates/.
OWN_MARKETS = """{% import "_macros.md.j2" as m %}
{{ front_matter(title="Markets") }}
# Our markets

{% for market in markets %}
- {{ link(market.name, market_page(market.slug)) }}: {{ m.cagr_cell(market.cagr) }}
{% endfor %}
"""


def pages(settings: Settings, stats: SiteStats | None = None) -> dict[str, str | bytes]:
    return {
        path: content
        for path, content in generate_site(settings, make_brief(), stats=stats)
        if path.endswith(".md")
    }


def test_a_project_template_replaces_the_shipped_one_for_its_page_only(tmp_path: Path):
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "site_templates").symlink_to(ROOT / "site_templates")
    settings = Settings(root)
    shipped = pages(settings)

    (root / "templates").mkdir()
    (root / "templates" / "markets.md.j2").write_text(OWN_MARKETS, encoding="utf-8")
    stats = SiteStats()
    own = pages(settings, stats)  # same page cache: the new template is part of every key
    assert stats.pages_rendered == stats.pages
    assert {path for path in own if own[path] != shipped[path]} == {"markets/index.md"}
    assert own["markets/index.md"].split("---\n", 2)[2] == (
        "\n"
        "# Our markets\n"
        "\n"
        "- [Gadgets Market](gadgets-market.md): —\n"
        "- [Widgets &#60;script&#62;alert(1)&#60;/script&#62; Market](widgets-market.md): 9.05%\n"
    )

    (root / "templates" / "markets.md.j2").unlink()
    assert pages(settings) == shipped
