"""The MkDocs plugin, through real `mkdocs build` runs on the generated brief."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import markdown
from make_brief import JS_URL, SCRIPT, TEMPLATE
from markdown_html import CONFIGS, EXTENSIONS
from markupsafe import Markup
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from sitebuild import article, build, html, warnings

from builder.mkdocs_plugin import BriefPlugin, ThemeFiles, hold_html, put_back
from builder.render import html_block


def all_pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, html(site, str(path.parent.relative_to(site)) + "/index.md")


def test_strict_build_has_no_warnings_and_every_page(hostile_project):
    result = build(hostile_project)
    assert result.returncode == 0, result.stderr
    assert warnings(result) == []
    site = hostile_project / "site"
    for page in (
        "markets/widgets-market",
        "markets/gadgets-market",
        "companies/alpha",
        "companies/beta",
        "companies/gamma",
        "compare",
        "sources",
        "downloads",
    ):
        assert (site / page / "index.html").is_file()
    assert "brief: 2 markets, 3 companies" in result.stderr


def test_hostile_strings_are_text_never_markup(hostile_project):
    assert build(hostile_project).returncode == 0
    site = hostile_project / "site"
    for path, page in all_pages(site):
        scripts = [s for s in page.iter("script") if "alert" in (s.text or "")]
        assert scripts == [], path
        assert page.xpath("//*[@onerror or @onload]") == [], path
        assert not [h for h in page.xpath("//@href") if h.lower().startswith("javascript")], path
    market = html(site, "markets/widgets-market.md")
    assert market.findtext(".//title") == f"Widgets {SCRIPT} Market · Market Brief"
    text = article(market).text_content()
    assert SCRIPT in text and TEMPLATE in text and "{% raw %}" in text
    assert JS_URL not in " ".join(market.xpath("//@href"))


def test_market_and_company_pages_link_each_other(hostile_project):
    assert build(hostile_project).returncode == 0
    site = hostile_project / "site"
    market = article(html(site, "markets/widgets-market.md"))
    for slug in ("alpha", "beta", "gamma"):
        assert f"../../companies/{slug}/" in market.xpath(".//a/@href")
        company = article(html(site, f"companies/{slug}.md"))
        assert "../../markets/widgets-market/" in company.xpath(".//a/@href")


def test_navigation_lists_sections_not_entities(hostile_project):
    assert build(hostile_project).returncode == 0
    page = html(hostile_project / "site", "markets/gadgets-market.md")
    nav = " ".join(page.xpath("//nav[contains(@class, 'md-nav--primary')]//a/@href"))
    assert "markets/widgets-market" not in nav and "companies/alpha" not in nav
    assert "compare/" in nav


REPOSITORY = "https://github.com/example/brief"


def with_repository(root: Path) -> None:
    """Configure the project copy with a repository, as a publisher of the brief would."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        f"repo_url: {REPOSITORY}\nedit_uri: edit/main/content/pages/\n" + text, encoding="utf-8"
    )


def test_no_repository_configured_no_edit_button_and_no_repository_link(hostile_project):
    assert build(hostile_project).returncode == 0
    page = html(hostile_project / "site", "markets/gadgets-market.md")
    assert page.xpath("//a[@rel='edit']") == []
    assert page.xpath("//*[contains(@class, 'md-source')]") == []


def test_edit_link_offers_to_create_the_correction_file(hostile_project):
    with_repository(hostile_project)
    assert build(hostile_project).returncode == 0
    edit = html(hostile_project / "site", "markets/gadgets-market.md").xpath(
        "//a[@rel='edit']/@href"
    )
    assert edit == [f"{REPOSITORY}/new/main?filename=data/overrides/gadgets-market.yaml"]


def test_reader_pages_say_nothing_of_overrides_and_link_corrections_once(hostile_project):
    assert build(hostile_project).returncode == 0
    for path in ("markets/gadgets-market.md", "companies/beta.md"):
        page = article(html(hostile_project / "site", path))
        assert "overrides" not in page.text_content()
        assert "data/markets" not in page.text_content()
        correct = page.xpath(".//a[normalize-space(.)='Correct this page']/@href")
        assert correct == ["../../sources/#how-to-correct-the-data"]


def test_a_hand_correction_shows_on_the_built_page(hostile_project):
    with_repository(hostile_project)
    override = hostile_project / "data" / "overrides" / "gadgets-market.yaml"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text("name: Gadgets and Gizmos Market\n", encoding="utf-8")
    result = build(hostile_project)
    assert result.returncode == 0, result.stderr
    page = html(hostile_project / "site", "markets/gadgets-market.md")
    assert page.xpath("string(//article//h1)").rstrip("¶") == "Gadgets and Gizmos Market"
    assert page.xpath("//a[@rel='edit']/@href")[0].endswith(
        "/edit/main/data/overrides/gadgets-market.yaml"
    )
    company = article(html(hostile_project / "site", "companies/beta.md"))
    assert "Gadgets and Gizmos Market" in company.text_content()


def test_a_broken_correction_fails_a_strict_build_and_is_listed(hostile_project):
    override = hostile_project / "data" / "overrides" / "gadgets-market.yaml"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text("name: [unclosed\n", encoding="utf-8")
    strict = build(hostile_project)
    assert strict.returncode == 1
    [warning] = warnings(strict)
    assert "data/overrides/gadgets-market.yaml:2: " in warning  # the file and the line
    assert build(hostile_project, strict=False).returncode == 0
    sources = article(html(hostile_project / "site", "sources.md")).text_content()
    assert warning.split("brief: ", 1)[1] in sources


def test_a_hand_written_page_cannot_hide_a_generated_one(hostile_project):
    (hostile_project / "content" / "pages" / "compare.md").write_text("# Mine\n", encoding="utf-8")
    result = build(hostile_project)
    assert result.returncode == 1
    assert "compare.md has the path of a generated file" in result.stderr


def test_serve_watches_reports_templates_corrections_and_tables_not_extracted_data(
    hostile_project,
):
    config = load_config(str(hostile_project / "mkdocs.yml"))
    plugin = config.plugins["brief"]
    assert isinstance(plugin, BriefPlugin)
    plugin.on_config(config)
    server = LiveReloadServer(
        builder=lambda: None, host="127.0.0.1", port=0, root=str(hostile_project)
    )
    plugin.on_serve(server, config, builder=lambda: None)
    watched = set(server._watched_paths)
    data = hostile_project / "data"
    tables = [data / "fx_rates.yaml", data / "company_aliases.yaml"]
    assert all(table.is_file() for table in tables)
    for path in (hostile_project / "content", hostile_project / "site_templates", *tables):
        assert str(path) in watched
    assert str(data / "overrides") in watched
    # what extraction writes is not watched: a saved report would build the preview twice
    assert not [path for path in watched if path == str(data) or "/data/markets" in path]
    assert (hostile_project / "data" / "overrides").is_dir()  # the first correction is seen too
    assert not list((hostile_project / "data").glob(".*"))  # builds leave nothing hidden there


def test_the_theme_files_copied_are_those_mkdocs_would_find_without_walking_hidden_ones(
    hostile_project,
):
    config = load_config(str(hostile_project / "mkdocs.yml"))
    mkdocs_own = Files([])
    mkdocs_own.add_files_from_theme(config.theme.get_env(), config)
    config.plugins["brief"].on_config(config)
    env = config.theme.get_env()
    assert isinstance(env.loader, ThemeFiles)
    listed = Files([])
    listed.add_files_from_theme(env, config)
    assert [f.src_uri for f in listed] == [f.src_uri for f in mkdocs_own]
    assert any(uri.startswith("assets/javascripts/") for uri in mkdocs_own.src_uris)
    assert not [name for name in env.list_templates() if name.startswith(".icons/")]
    assert env.get_template(".icons/material/magnify.svg")  # still there for the templates


def test_a_pages_own_html_skips_markdown_and_comes_back_where_it_stood():
    table = "<table>\n<tr><td>*not emphasis* | [not a link](a.md)</td></tr>\n</table>"
    page = (
        f"Before *this*.\n\n{html_block(Markup(table))}\n## After\n\n"
        "<!-- brief:held 4 -->\n\n"  # a hand-written comment of that shape stays
        f"{html_block(Markup('<p>two</p>'))}"
    )
    text, held = hold_html(page)
    assert held == [table, "<p>two</p>"]
    assert text == (
        "Before *this*.\n\n<!-- brief:held 0 -->\n\n## After\n\n"
        "<!-- brief:held 4 -->\n\n<!-- brief:held 1 -->\n"
    )
    converted = markdown.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIGS)
    assert put_back(converted, held) == (
        "<p>Before <em>this</em>.</p>\n"
        "<table>\n<tr><td>*not emphasis* | [not a link](a.md)</td></tr>\n</table>\n"
        '<h2 id="after">After<a class="headerlink" href="#after" title="Permanent link">'
        "&para;</a></h2>\n"
        "<!-- brief:held 4 -->\n\n"
        "<p>two</p>"
    )


def test_serve_is_one_warm_process_and_a_build_is_not():
    """A preview's rebuilds fork their charts' process from the serving one, so each inherits
    matplotlib instead of importing it again; the extraction passes are ready for the first
    saved report, and what a rebuild loaded is kept (`builder.warm`). A one-off build does
    none of this."""
    script = (
        "import sys\n"
        "import builder.warm\n"
        "from builder.mkdocs_plugin import BriefPlugin\n"
        "BriefPlugin().on_startup(command='build', dirty=True)\n"
        "print('matplotlib' in sys.modules, 'builder.extract' in sys.modules, builder.warm._warm)\n"
        "BriefPlugin().on_startup(command='serve', dirty=True)\n"
        "print('matplotlib.figure' in sys.modules, 'builder.extract' in sys.modules,"
        " builder.warm._warm)\n"
    )
    root = Path(__file__).resolve().parents[2]
    ran = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
    )
    assert (ran.returncode, ran.stdout) == (0, "False False False\nTrue True True\n"), ran.stderr
