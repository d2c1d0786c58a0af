"""Caches never change the site: a cached rebuild gives the bytes a cold build gives.

Three caches sit between the reports and the site (data files loaded as JSON, pages, charts),
plus a manifest that lets extraction skip a run whose inputs did not change. Each is checked
on its own against the uncached path, and the whole build is checked end to end with the
real `mkdocs build`: on the five seed reports and on 20 generated ones, a rebuild with
nothing changed, and a rebuild after a report and an override changed, must write exactly
the files a cold build of the same inputs writes. Every file under site/ is compared: the
builds run with SOURCE_DATE_EPOCH set, which fixes the one date MkDocs stamps into its
output (the `lastmod` of sitemap.xml and the header of sitemap.xml.gz), so nothing needs
leaving out.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bench.make_corpus import write_corpus
from builder.pipeline import extract_to_data
from builder.settings import Settings
from builder.site import SiteStats, generate_site
from builder.store import load_brief
from tests.site.sitebuild import ROOT, build, make_project

SEEDS = ROOT / "content" / "reports"
PLUGIN_LINE = re.compile(r"brief: .*?(\d+) pages \((\d+) rendered.*?(\d+) charts \((\d+) drawn")


def project(folder: Path, corpus: str) -> Path:
    """A project with the seed reports, or with 20 generated ones."""
    root = make_project(folder, extract=True, reports=corpus == "seeds")
    if corpus == "generated":
        write_corpus(20, root / "content" / "reports")
    return root


def site_files(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def change_inputs(root: Path) -> None:
    """A report revised (one figure and its company list) and a growth rate corrected."""
    report = sorted((root / "content" / "reports").iterdir())[0]
    raw = report.read_bytes()
    figure = re.search(rb"\d+\.\d+ (?:million|billion)", raw, re.IGNORECASE)
    assert figure is not None, report
    report.write_bytes(raw[: figure.start()] + b"9" + raw[figure.start() :])
    market = next(
        p for p in sorted((root / "data" / "markets").glob("*.yaml")) if "\ncagr:" in p.read_text()
    )
    (root / "data" / "overrides").mkdir(exist_ok=True)
    (root / "data" / "overrides" / market.name).write_text("cagr:\n  percent: 12.34\n")


def built(root: Path) -> tuple[dict[str, bytes], tuple[int, ...]]:
    """Build strictly; the site's files, and (pages, rendered, charts, drawn) from the log."""
    result = build(root)
    assert result.returncode == 0, result.stderr
    found = PLUGIN_LINE.search(result.stderr)
    assert found, result.stderr
    return site_files(root), tuple(int(n) for n in found.groups())


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_cached_rebuilds_write_the_bytes_of_a_cold_build(tmp_path, corpus):
    root = project(tmp_path / "warm", corpus)
    cold, (pages, rendered, charts, drawn) = built(root)
    assert rendered == pages and drawn == charts > 0

    again, (_, rendered, _, drawn) = built(root)
    assert drawn == 0 and rendered < pages  # the caches were used...
    assert again == cold  # ...and changed nothing

    change_inputs(root)
    changed, (_, rendered_after_change, _, drawn) = built(root)
    assert changed != cold and 0 < drawn < charts
    assert rendered_after_change < pages

    fresh = make_project(tmp_path / "cold", extract=True, reports=False)
    for inputs in ("content/reports", "data/overrides"):  # as changed, in a project never built
        shutil.copytree(root / inputs, fresh / inputs)
    assert built(fresh)[0] == changed


def test_a_chart_that_cannot_be_drawn_fails_the_build_and_the_published_site_stays(tmp_path):
    """Charts are drawn while MkDocs builds the pages and copied in after them: one that
    fails then still fails the build, and nothing of it reaches the published site."""
    root = project(tmp_path / "project", "seeds")
    published, _ = built(root)
    charts = sorted((root / ".cache" / "charts").rglob("*.svg"))
    assert charts
    for chart in charts:  # a folder where each chart's file goes: none can be written
        chart.unlink()
        chart.mkdir()
    result = build(root)
    assert result.returncode != 0 and "IsADirectoryError" in result.stderr
    assert site_files(root) == published
    assert not (root / ".site.new").exists()


# --- Each cache on its own, without MkDocs ---------------------------------------------------


@pytest.fixture
def seeds(tmp_path: Path) -> Settings:
    """The seed reports extracted into a project's data/, with the caches filled."""
    settings = Settings.at(make_project(tmp_path / "project", extract=True, reports=True))
    assert extract_to_data(settings).problems == []
    return settings


def test_extraction_skips_a_run_whose_inputs_did_not_change(seeds):
    again = extract_to_data(seeds)
    assert again.written == 0 and again.unchanged > 0 and again.markets == 5
    market = next((seeds.data_dir / "markets").glob("*.yaml"))
    text = market.read_text(encoding="utf-8")
    market.write_text(text.replace("geography:", "geography: edited by hand"), encoding="utf-8")
    stray = seeds.data_dir / "companies" / "not-from-any-report.yaml"
    stray.write_text("slug: not-from-any-report\n", encoding="utf-8")

    repaired = extract_to_data(seeds)  # a data file is not the source: extraction restores it
    assert repaired.written == 1 and repaired.removed == 1
    assert market.read_text(encoding="utf-8") == text and not stray.exists()


def test_a_revised_report_rewrites_only_the_files_it_changes(seeds):
    report = sorted(seeds.reports_dir.iterdir())[0]
    raw = report.read_bytes()
    figure = re.search(rb"\d+\.\d+", raw)
    assert figure is not None
    report.write_bytes(raw[: figure.start()] + b"9" + raw[figure.start() :])
    result = extract_to_data(seeds)
    assert result.written == 1 and result.unchanged > 1


def test_data_loaded_from_the_cache_equals_data_parsed_from_yaml(seeds):
    cache = seeds.cache_dir / "data"
    parsed = load_brief(seeds.data_dir)
    assert len(list(cache.glob("*.json"))) == len(parsed.markets) + len(parsed.companies)
    cached = load_brief(seeds.data_dir, cache)
    assert cached.markets == parsed.markets and cached.companies == parsed.companies

    company = next((seeds.data_dir / "companies").glob("*.yaml"))
    company.write_text(company.read_text(encoding="utf-8") + "parent: someone-else\n")
    edited = load_brief(seeds.data_dir, cache)  # new bytes: parsed, not taken from the cache
    assert edited.companies[company.stem].parent == "someone-else"
    assert edited.companies == load_brief(seeds.data_dir).companies


def generated(settings: Settings, brief) -> tuple[dict[str, str | bytes], SiteStats]:
    stats = SiteStats()
    files = dict(generate_site(settings, brief, stats=stats))
    return files, stats


def test_only_pages_showing_changed_data_are_rendered_again(seeds):
    brief = load_brief(seeds.data_dir)
    cold, first = generated(seeds, brief)
    warm, second = generated(seeds, brief)
    assert warm == cold and first.pages_rendered == first.pages and second.pages_rendered == 0

    slug = sorted(brief.markets)[0]
    market = brief.markets[slug]
    revised = market.model_copy(update={"name": f"{market.name} (revised)"})  # order kept
    brief.markets[slug] = revised
    changed, third = generated(seeds, brief)
    pages = [path for path in cold if path.endswith(".md")]
    differ = {path for path in pages if changed[path] != cold[path]}
    assert f"markets/{slug}.md" in differ and len(differ) < len(pages)
    assert differ <= set(third.rendered)
    # A segment page looks its markets' names up in the whole brief, so it is keyed on every
    # market's name; every other page is rendered again only when its text changes.
    assert all(p.startswith("browse/segments/") for p in set(third.rendered) - differ)

    # A revised headline figure: the pages that show it, and no page that shows only the
    # market's name or its companies, are rendered again.
    slug, base = next(
        (m.slug, s) for m in brief.markets.values() for s in m.size if s.kind == "base"
    )
    figure = base.model_copy(update={"usd_millions": base.usd_millions * 1.1})
    sizes = [figure if s is base else s for s in brief.markets[slug].size]
    brief.markets[slug] = brief.markets[slug].model_copy(update={"size": sizes})
    refigured, fourth = generated(seeds, brief)
    differ = {path for path in pages if refigured[path] != changed[path]}
    assert f"markets/{slug}.md" in differ and "companies/index.md" not in differ
    assert set(fourth.rendered) == differ

    shutil.rmtree(seeds.cache_dir / "pages")
    assert generated(seeds, brief)[0] == refigured
