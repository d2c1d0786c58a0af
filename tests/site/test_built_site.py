"""The site built from the five seed reports, read back from its HTML."""

from __future__ import annotations

import csv
import io
import gzip
import json
import posixpath
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from sitebuild import article, build, html, load_yaml, warnings

from builder.schema import Company, Market
from builder.store import load_brief


def markets(root: Path) -> dict[str, dict]:
    return {p.stem: load_yaml(p) for p in sorted((root / "data" / "markets").glob("*.yaml"))}


def companies(root: Path) -> dict[str, dict]:
    return {p.stem: load_yaml(p) for p in sorted((root / "data" / "companies").glob("*.yaml"))}


def links(page: lxml.html.HtmlElement) -> list[str]:
    return article(page).xpath(".//a/@href")


def test_one_page_per_market_and_company(seed_site):
    site = seed_site / "site"
    assert len(markets(seed_site)) == 5
    assert 29 <= len(companies(seed_site)) <= 31
    for slug in markets(seed_site):
        assert (site / "markets" / slug / "index.html").is_file()
    for slug in companies(seed_site):
        assert (site / "companies" / slug / "index.html").is_file()


def test_market_pages_link_their_companies_and_back(seed_site):
    site = seed_site / "site"
    for slug, market in markets(seed_site).items():
        page_links = links(html(site, f"markets/{slug}.md"))
        for company in market.get("companies", []):
            assert f"../../companies/{company}/" in page_links, (slug, company)
            assert f"../../markets/{slug}/" in links(html(site, f"companies/{company}.md"))


def test_market_pages_show_what_the_report_says_of_each_segment(seed_site):
    for slug, market in markets(seed_site).items():
        page = article(html(seed_site / "site", f"markets/{slug}.md"))
        for segment in market.get("segments", []):
            for value, description in segment.get("descriptions", {}).items():
                heading = next(h for h in page.iter("h4") if h.text_content().strip(" ¶") == value)
                paragraph = heading.getnext()
                assert paragraph.tag == "p"
                assert paragraph.text_content() == description.split("\n\n")[0]
    segments = markets(seed_site)["united-states-biopharmaceutical-cmo-services-market"]["segments"]
    assert "Clinical Manufacturing" in segments[0]["descriptions"]


def test_lonza_lists_all_four_reports(seed_site):
    lonza = next(c for c in companies(seed_site).values() if c["name"].startswith("Lonza"))
    page = html(seed_site / "site", f"companies/{lonza['slug']}.md")
    market_links = {h for h in links(page) if h.startswith("../../markets/")}
    assert len(market_links) == 4
    text = article(page).text_content()
    for report in ("000_", "002_", "003_", "004_"):
        assert report in text
    assert "Lonza Group" in text  # the other name it goes by, for readers and search


def search_fragments(site: Path) -> dict[str, str]:
    """What Pagefind indexed of each page (its fragments are gzipped JSON), by URL."""
    found = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        found[fragment["url"].strip("/")] = fragment["content"]
    return found


def test_every_name_of_a_company_is_in_its_search_entry(seed_site):
    fragments = search_fragments(seed_site / "site")
    lonza = next(c for c in companies(seed_site).values() if c["name"].startswith("Lonza"))
    assert "Lonza Group" in fragments[f"companies/{lonza['slug']}"]
    thermo = next(c for c in companies(seed_site).values() if c["name"].startswith("Thermo"))
    assert "ThermoFisherScientific" in fragments[f"companies/{thermo['slug']}"]  # no spaces


def figure(value: float) -> str:
    return f"{value:,.1f}".removesuffix(".0")


def test_size_charts_exist_with_alt_text_stating_the_figures(seed_site):
    site = seed_site / "site"
    charted = 0
    for slug, market in markets(seed_site).items():
        sizes = {s["kind"]: s for s in market.get("size", []) if s.get("year")}
        images = article(html(site, f"markets/{slug}.md")).xpath(".//img")
        if "base" not in sizes or "forecast" not in sizes:
            continue
        charted += 1
        [chart] = [i for i in images if i.get("src").endswith("-size.svg")]
        assert (site / "markets" / slug / chart.get("src")).resolve().is_file()
        for kind in ("base", "forecast"):
            assert f"{sizes[kind]['year']}: {figure(sizes[kind]['usd_millions'])}" in chart.get(
                "alt"
            )
    assert charted >= 3


def test_downloads_parse_and_match_the_data(seed_site):
    downloads = seed_site / "site" / "downloads"
    data = markets(seed_site)
    with open(downloads / "markets.csv", newline="", encoding="utf-8") as handle:
        rows = {row["slug"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(data)
    for slug, row in rows.items():
        assert row["name"] == data[slug]["name"]
        assert row["companies"] == ";".join(data[slug].get("companies", []))
        cagr = data[slug].get("cagr")
        assert row["cagr_percent"] == (str(cagr["percent"]) if cagr else "")
    company_rows = list(csv.DictReader(io.StringIO((downloads / "companies.csv").read_text())))
    assert {r["slug"] for r in company_rows} == set(companies(seed_site))
    dump = json.loads((downloads / "brief.json").read_text(encoding="utf-8"))
    brief = load_brief(seed_site / "data")
    assert [Market.model_validate(m) for m in dump["markets"]] == [
        brief.markets[s] for s in sorted(brief.markets)
    ]
    assert [Company.model_validate(c) for c in dump["companies"]] == [
        brief.companies[s] for s in sorted(brief.companies)
    ]


def local_targets(site: Path, page: Path):
    """(attribute value, file it points at, fragment) for every link that stays on the site."""
    root = lxml.html.parse(page).getroot()
    for value in root.xpath("//a/@href | //img/@src | //link/@href | //script/@src"):
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("#"):
            continue
        assert not value.startswith("/"), f"{page}: absolute link {value}"
        target = Path(posixpath.normpath(posixpath.join(str(page.parent), unquote(parts.path))))
        if target.is_dir():
            target = target / "index.html"
        yield value, target, parts.fragment


def test_every_link_is_relative_and_resolves(seed_site):
    site = seed_site / "site"
    ids: dict[Path, set[str]] = {}
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # served for any missing path, so its links are absolute
            continue
        for value, target, fragment in local_targets(site, page):
            assert target.is_file(), f"{page.relative_to(site)} -> {value}"
            if fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(lxml.html.parse(target).getroot().xpath("//@id"))
                assert fragment in ids[target], f"{page.relative_to(site)} -> {value}"


def test_navigation_does_not_grow_with_the_reports(seed_site):
    site = seed_site / "site"
    for page in (
        "index.md",
        "markets/index.md",
        f"companies/{next(iter(companies(seed_site)))}.md",
    ):
        nav = html(site, page).xpath("//nav[contains(@class, 'md-nav--primary')]//a/@href")
        assert not [h for h in nav if "/markets/" in h and not h.endswith("markets/")]
        assert not [h for h in nav if "/companies/" in h and not h.endswith("companies/")]


def test_a_hand_correction_shows_on_the_built_page(seed_site, tmp_path):
    root = tmp_path / "corrected"
    shutil.copytree(seed_site, root, ignore=shutil.ignore_patterns("site"))
    slug = next(iter(markets(root)))
    (root / "data" / "overrides").mkdir(exist_ok=True)
    (root / "data" / "overrides" / f"{slug}.yaml").write_text(
        "name: Corrected Market Name\ngeography: Atlantis\n", encoding="utf-8"
    )
    config = root / "mkdocs.yml"  # published from a repository: pages get an edit button
    config.write_text(
        "repo_url: https://github.com/example/brief\nedit_uri: edit/main/content/pages/\n"
        + config.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = build(root)
    assert result.returncode == 0 and warnings(result) == [], result.stderr
    page = html(root / "site", f"markets/{slug}.md")
    assert page.xpath("string(//article//h1)").rstrip("¶") == "Corrected Market Name"
    assert "Atlantis" in article(page).text_content()
    assert page.xpath("//a[@rel='edit']/@href")[0].endswith(f"/data/overrides/{slug}.yaml")
    home = article(html(root / "site", "index.md")).text_content()
    assert "Corrected Market Name" in home
    assert load_yaml(root / "data" / "markets" / f"{slug}.yaml")["name"] != "Corrected Market Name"


@pytest.mark.parametrize(
    "page",
    [
        "index.md",
        "compare.md",
        "sources.md",
        "downloads.md",
        "browse/geography.md",
        "browse/publishers.md",
        "browse/segments.md",
        "markets/index.md",
        "companies/index.md",
    ],
)
def test_overview_pages_exist_and_are_not_empty(seed_site, page):
    text = article(html(seed_site / "site", page)).text_content()
    assert len(text.split()) > 20


@pytest.mark.parametrize(
    ("page", "rows"),
    [
        ("markets/index.md", 5),
        ("compare.md", 5),
        ("companies/index.md", 30),
        ("browse/segments/type.md", 3),
        ("sources/verified-market-reports.md", 2),
    ],
)
def test_every_link_of_a_table_written_as_html_opens_the_page_it_names(seed_site, page, rows):
    """These tables never pass through Markdown, so MkDocs neither rewrites nor checks their
    links: each must be the built page's URL (and heading id), and a row's first link must
    open the page of the market or company it names."""
    site = seed_site / "site"
    source = site / html_path(page)
    table = lxml.html.parse(source).getroot().xpath("//article//table")[0]
    assert len(table.xpath("tbody/tr")) == rows
    for link in table.xpath("tbody/tr/td//a"):
        if urlsplit(link.get("href")).scheme:  # the publisher's own page of a report
            continue
        href, _, fragment = link.get("href").partition("#")
        assert href.endswith("/") and not href.startswith("/"), href
        target = Path(posixpath.normpath(posixpath.join(str(source.parent), href))) / "index.html"
        assert target.is_file(), f"{page} -> {href}"
        built = lxml.html.parse(target).getroot()
        if fragment:
            assert built.xpath(f"//*[@id='{fragment}']"), f"{page} -> {href}#{fragment}"
        elif link.getparent().xpath("count(preceding-sibling::td)") == 0:
            assert built.xpath("//article//h1")[0].text == link.text_content(), f"{page} -> {href}"


def html_path(page: str) -> str:
    """The file MkDocs writes for a page: `compare.md` -> `compare/index.html`."""
    stem = page.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/index.html" if stem else "index.html"
