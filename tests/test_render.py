"""Pages rendered from data: links, sections, and report text shown as text."""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

import lxml.html
import pytest

from builder.index import build_index
from builder.paths import PAGES, page_url, published_link, relative, sources_page
from builder.render import ChartRef, Pages, SiteData, make_environment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "site"))
from make_brief import SCRIPT, TEMPLATE, make_brief  # noqa: E402
from markdown_html import to_html  # noqa: E402


@pytest.fixture
def pages():
    brief = make_brief()
    data = SiteData(brief, build_index(brief))
    data.charts["widgets-market"] = [
        ChartRef("size", "charts/market/widgets-market-size.svg", "alt")
    ]
    return Pages(make_environment([ROOT / "site_templates"]), data)


def page_html(text: str) -> lxml.html.HtmlElement:
    body = text.split("---\n", 2)[2]
    return to_html(body)


def test_market_page_links_every_company_and_shows_data_as_text(pages):
    text = pages.market("widgets-market")
    root = page_html(text)
    hrefs = root.xpath("//a/@href")
    for slug in ("alpha", "beta", "gamma"):
        assert f"../companies/{slug}.md" in hrefs
    assert not root.xpath("//script | //img[@onerror]")
    assert not [h for h in hrefs if h.startswith("javascript")]
    assert SCRIPT in root.text_content() and TEMPLATE in root.text_content()
    assert root.xpath("//img/@src") == ["../charts/market/widgets-market-size.svg"]
    assert "Check before citing" in root.text_content()
    assert len(root.xpath("//details")) == 1


def test_empty_sections_are_left_out(pages):
    root = page_html(pages.market("gadgets-market"))
    headings = root.xpath("//h2/text()")
    for absent in ("Drivers", "Trends", "Frequently asked questions", "Market size"):
        assert absent not in headings
    assert not root.xpath("//div[contains(@class, 'warning')]")


def test_company_page_lists_its_markets_aliases_group_and_peers(pages):
    root = page_html(pages.company("beta"))
    hrefs = root.xpath("//a/@href")
    assert "../markets/widgets-market.md" in hrefs and "../markets/gadgets-market.md" in hrefs
    assert "gamma.md" in hrefs  # parent and most-met company
    alpha = page_html(pages.company("alpha")).text_content()
    assert "=HYPERLINK" in alpha and "Alpha Corporation" in alpha
    assert "about USD 1,084.6 million" in alpha


def _targets(page: str, text: str) -> set[str]:
    """The site URLs a page's links reach: a `.md` link (which MkDocs rewrites) from the
    page's folder, a link in a table written as HTML from the URL the page is published at."""
    targets = set()
    for href in page_html(text).xpath("//a/@href"):
        path = href.partition("#")[0]
        if path.endswith(".md"):
            targets.add(page_url(posixpath.normpath(posixpath.join(posixpath.dirname(page), path))))
        elif path:
            targets.add(posixpath.normpath(posixpath.join(page_url(page), path)) + "/")
    return targets


def test_overview_pages_link_every_market(pages):
    for name in ("home", "markets", "compare"):
        targets = _targets(PAGES[name], getattr(pages, name)())
        assert {"markets/widgets-market/", "markets/gadgets-market/"} <= targets


def test_sources_links_each_publishers_page_and_those_every_market(pages):
    groups = pages.index.publishers
    assert groups
    listed = _targets(PAGES["sources"], pages.sources())
    assert {f"sources/{g.anchor}/" for g in groups} <= listed
    reached = set()
    for position, group in enumerate(groups):
        text = pages.source_group(position)
        reached |= _targets(sources_page(group.anchor), text)
        assert group.label in text
    assert {"markets/widgets-market/", "markets/gadgets-market/"} <= reached


@pytest.mark.parametrize(
    ("target", "page"),
    [
        ("markets/a.md", "index.md"),
        ("index.md", "markets/a.md"),
        ("companies/b.md", "markets/a.md"),
        ("browse/segments/x.md", "browse/segments.md"),
        ("browse/segments.md", "browse/segments/x.md"),
        ("charts/market/a-size.svg", "markets/a.md"),
        ("markets/a.md", "markets/index.md"),
    ],
)
def test_relative_links_agree_with_the_file_system_rules(target, page):
    assert relative(target, page) == posixpath.relpath(target, posixpath.dirname(page) or ".")


def test_a_sentence_with_several_figures_is_quoted_once(pages):
    market = pages.brief.markets["widgets-market"]
    market.size[1].quote = market.size[0].quote
    root = page_html(pages.market("widgets-market"))
    quotes = [q.text_content().strip() for q in root.xpath("//blockquote")]
    assert quotes.count(market.size[0].quote) == 1
    [item] = [li for li in root.xpath("//li") if "Forecast, 2030" in li.text_content()]
    assert "Market size, 2022" in item.text_content()


def test_each_headline_figure_links_to_its_sentence_and_the_page_says_how_to_cite(pages):
    market = pages.brief.markets["widgets-market"]
    root = page_html(pages.market("widgets-market"))
    links = root.xpath("//div[contains(@class, 'brief-headline')]//a[text()='source']/@href")
    assert len(links) == 3  # market size, forecast, CAGR
    quotes = []
    for href in links:
        [target] = root.xpath(f"//*[@id='{href.removeprefix('#')}']")
        quotes.append(target.getparent().xpath("string(.//blockquote)").strip())
    assert quotes == [market.size[0].quote, market.size[1].quote, market.cagr.quote]
    [cite] = [
        li.text_content() for li in root.xpath("//li") if li.text_content().startswith("Cite")
    ]
    assert market.publisher in cite and market.title in cite and "001_widgets.txt" in cite
    assert "javascript" not in cite  # a report URL that is no web page is left out


def test_also_known_as_ends_with_one_full_stop(pages):
    company = next(iter(pages.brief.companies.values()))
    company.aliases = ["Alpha Holdings", "Alpha Inc."]
    text = page_html(pages.company(company.slug)).text_content()
    assert "Also known as: Alpha Holdings, Alpha Inc." in text
    assert "Inc.." not in text


@pytest.mark.parametrize(
    ("target", "page", "url"),
    [
        ("markets/a.md", "markets/index.md", "a/"),
        ("markets/a.md", "compare.md", "../markets/a/"),
        ("markets/a.md", "browse/segments/x.md", "../../../markets/a/"),
        ("browse/geography.md", "browse/geography.md", "./"),
        ("index.md", "markets/a.md", "../../"),
        ("companies/b.md", "index.md", "companies/b/"),
        ("markets/index.md", "compare.md", "../markets/"),
    ],
)
def test_links_in_html_tables_are_the_urls_mkdocs_makes_of_md_links(target, page, url):
    assert published_link(target, page) == url


def test_the_markets_table_is_html_with_every_value_escaped(pages):
    text = pages.markets()
    assert (
        "<tr>\n"
        '<td><a href="widgets-market/">Widgets &#60;script&#62;alert(1)&#60;/script&#62; Market'
        "</a></td>\n"
        '<td><a href="../browse/geography/#europe">Europe</a></td>\n'
        '<td><a href="../browse/publishers/#acme-research-raw">Acme Research &#123;% raw %&#125;'
        "</a></td>\n"
        '<td style="text-align: right;">1,200 (2022)</td>\n'
        '<td style="text-align: right;">2,400 (2030)</td>\n'
        '<td style="text-align: right;">9.05%</td>\n'
        '<td style="text-align: right;">3</td>\n'
        "</tr>\n"
    ) in text
    root = page_html(text)  # without the plugin, Markdown keeps the block as it is
    assert root.xpath("//table//script") == []
    assert SCRIPT in root.xpath("//div[@class='brief-table']//tbody/tr[2]/td[1]")[0].text_content()


def test_a_segment_table_shows_report_values_as_text(pages):
    text = pages.dimension(0)
    assert (
        '<td><a href="../../../markets/widgets-market/">'
        "Widgets &#60;script&#62;alert(1)&#60;/script&#62; Market</a></td>\n"
        "<td>Clinical &#124; trials, &#42;Commercial&#42;</td>\n"
    ) in text
    cells = page_html(text).xpath("//table/tbody/tr[2]/td[2]")
    assert cells[0].text_content() == "Clinical | trials, *Commercial*"


def test_a_publishers_reports_and_warnings_are_html_with_report_text_escaped(pages):
    acme, beta = pages.source_group(0), pages.source_group(1)
    assert (
        '<td><a href="../../markets/widgets-market/">'
        "Widgets &#60;script&#62;alert(1)&#60;/script&#62; Market</a><br>001&#95;widgets.txt</td>"
    ) in acme  # the javascript: link of the report is left out
    assert (
        "<summary>Widgets &#60;script&#62;alert(1)&#60;/script&#62; Market (1)</summary>\n<ul>\n"
        "<li>conflicting CAGR: 7-10% (&#34;&#60;script&#62;alert(1)&#60;/script&#62;&#34;) "
        "differs from the headline CAGR 9.05%</li>\n</ul>\n</details>"
    ) in acme
    assert (
        '002&#95;gadgets.txt · <a href="https://example.org/report?id=1&amp;x=%282%29">'
        "publisher's page</a></td>"
    ) in beta
    assert "## Warnings" not in beta


def test_a_group_lists_its_markets_as_html_under_its_markdown_heading(pages):
    text = pages.groups("geography")
    assert (
        "## Europe {#europe}\n\n<!-- brief:html -->\n<ul>\n"
        '<li><a href="../../markets/widgets-market/">'
        "Widgets &#60;script&#62;alert(1)&#60;/script&#62; Market</a></li>\n</ul>\n"
    ) in text


@pytest.mark.parametrize(
    ("qualifier", "cell"), [("about", "about 2,400 (2030)"), ("more_than", "more than 2,400 (2030)")]
)
def test_a_bound_figure_keeps_the_space_between_its_words_and_the_number(qualifier, cell):
    """ "about USD 2.4 billion" in a report is "about 2,400 (2030)" in the tables, never
    "about2,400"."""
    brief = make_brief()
    widgets = brief.markets["widgets-market"]
    forecast = next(f for f in widgets.size if f.kind == "forecast")
    forecast.qualifier = qualifier
    pages = Pages(make_environment([ROOT / "site_templates"]), SiteData(brief, build_index(brief)))
    assert f'<td style="text-align: right;">{cell}</td>' in pages.markets()
    assert f"| {cell} |" in pages.home()
