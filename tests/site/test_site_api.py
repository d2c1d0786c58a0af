"""`generate_site`: every file of the site from data, with cached charts and exact downloads."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from make_brief import make_brief
from sitebuild import ROOT

from builder import progress, site_charts
from builder.errors import BriefError
from builder.index import build_index
from builder.schema import Company, Market
from builder.settings import Settings
from builder.downloads import companies_csv, markets_csv
from builder.site import SiteStats, generate_site
from builder.site_charts import ChartFile
from builder.store import Brief


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The real templates and rate table, with a cache of this test's own."""
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "site_templates").symlink_to(ROOT / "site_templates")
    (root / "data" / "fx_rates.yaml").write_bytes((ROOT / "data" / "fx_rates.yaml").read_bytes())
    return Settings(root)


def contents(
    generated: Iterable[tuple[str, str | bytes | ChartFile]],
) -> list[tuple[str, str | bytes]]:
    """The files as (path, content), a chart's content read from its file in the cache."""
    return [
        (path, content.path.read_text("utf-8") if isinstance(content, ChartFile) else content)
        for path, content in generated
    ]


def files(settings: Settings, brief=None, **options) -> dict[str, str | bytes]:
    generated = contents(generate_site(settings, brief or make_brief(), **options))
    paths = [path for path, _ in generated]
    assert len(paths) == len(set(paths)), "a path was generated twice"
    return dict(generated)


def test_one_page_per_market_and_company_and_the_overview_pages(settings):
    site = files(settings)
    brief = make_brief()
    for slug in brief.markets:
        assert f"markets/{slug}.md" in site
    for slug in brief.companies:
        assert f"companies/{slug}.md" in site
    for path in (
        "index.md",
        "markets/index.md",
        "companies/index.md",
        "compare.md",
        "sources.md",
        "downloads.md",
        "browse/geography.md",
        "browse/publishers.md",
        "browse/segments.md",
    ):
        assert path in site
    assert {p for p in site if p.startswith("browse/segments/")} == {
        "browse/segments/application.md",
        "browse/segments/type.md",
    }


def test_markets_csv_matches_the_data(settings):
    rows = list(csv.DictReader(io.StringIO(files(settings)["downloads/markets.csv"])))
    brief = make_brief()
    assert {row["slug"] for row in rows} == set(brief.markets)
    for row in rows:
        market = brief.markets[row["slug"]]
        assert row["name"] == market.name and row["publisher"] == market.publisher
        base = next(s for s in market.size if s.kind == "base")
        assert float(row["base_usd_millions"]) == base.usd_millions
        assert int(row["base_year"]) == base.year
        assert row["companies"].split(";") == market.companies


def test_a_brief_without_data_still_gives_each_csv_its_header():
    brief, index = Brief(), build_index(Brief())
    assert markets_csv(brief, index) == (
        "slug,name,geography,publisher,base_year,base_usd_millions,forecast_year,"
        "forecast_usd_millions,cagr_percent,cagr_start_year,cagr_end_year,companies,"
        "source_file,source_url,base_qualifier,forecast_qualifier\n"
    )
    assert companies_csv(brief, index) == (
        "slug,name,aliases,markets,parent,subsidiaries,revenue_year,revenue_usd_millions,"
        "revenue_approximate,revenue_market\n"
    )


def companies_rows(site: dict) -> dict[str, dict[str, str]]:
    return {r["slug"]: r for r in csv.DictReader(io.StringIO(site["downloads/companies.csv"]))}


def test_companies_csv_matches_the_data(settings):
    rows = companies_rows(files(settings))
    brief = make_brief()
    assert set(rows) == set(brief.companies)
    aliases = brief.companies["alpha"].aliases  # each item guarded, as a ";" locale splits it
    assert rows["alpha"]["aliases"].split(";") == [
        "'" + a if a.startswith("=") else a for a in aliases
    ]
    assert rows["beta"]["markets"].split(";") == ["gadgets-market", "widgets-market"]
    assert rows["beta"]["parent"] == "gamma" and rows["gamma"]["subsidiaries"] == "beta"


def test_companies_csv_gives_each_company_its_latest_own_revenue(settings):
    rows = companies_rows(files(settings))
    alpha = rows["alpha"]
    assert alpha["revenue_year"] == "2022" and float(alpha["revenue_usd_millions"]) == 1084.6
    assert alpha["revenue_approximate"] == "True"
    assert alpha["revenue_market"] == "widgets-market"
    # a revenue of part of a group ("Gamma Group") is not the company's own, nor is a
    # revenue without a year a "latest" one
    assert rows["gamma"]["revenue_usd_millions"] == "" and rows["beta"]["revenue_year"] == ""


def test_year_columns_are_whole_numbers(settings):
    site = files(settings)
    for name in ("downloads/markets.csv", "downloads/companies.csv"):
        for row in csv.DictReader(io.StringIO(site[name])):
            for column, value in row.items():
                if column.endswith("year") and value:
                    assert value.isdigit() and len(value) == 4, (name, column, value)


def test_a_cell_starting_like_a_formula_is_guarded(settings):
    brief = make_brief()
    brief.companies["alpha"].name = "=1+2"
    assert companies_rows(files(settings, brief))["alpha"]["name"] == "'=1+2"


def test_json_download_holds_all_data_as_the_schema_reads_it(settings):
    dump = json.loads(files(settings)["downloads/brief.json"])
    brief = make_brief()
    assert [Market.model_validate(m) for m in dump["markets"]] == sorted(
        brief.markets.values(), key=lambda m: m.slug
    )
    assert [Company.model_validate(c) for c in dump["companies"]] == sorted(
        brief.companies.values(), key=lambda c: c.slug
    )


def test_charts_are_drawn_once_then_read_from_the_cache(settings):
    first, second, third = SiteStats(), SiteStats(), SiteStats()
    cold = files(settings, stats=first)
    warm = files(settings, stats=second)
    assert first.charts == 4 and first.charts_drawn == 4
    assert second.charts_drawn == 0
    assert warm == cold  # a cached rebuild gives the same bytes as a cold one
    brief = make_brief()
    brief.markets["gadgets-market"].size[1].usd_millions = 1600.0
    changed = files(settings, brief, stats=third)
    assert third.charts_drawn == 2  # the gadgets size chart and the comparison
    assert (
        changed["charts/market/widgets-market-size.svg"]
        == cold["charts/market/widgets-market-size.svg"]
    )
    assert len(list((settings.cache_dir / "charts").glob("*.svg"))) == 6


def test_worker_processes_draw_the_same_bytes(settings, monkeypatch):
    brief = make_brief()
    template = brief.markets["widgets-market"]
    for n in range(6):
        copy = template.model_copy(update={"slug": f"copy-{n}", "name": f"Copy {n}"}, deep=True)
        copy.size[1].usd_millions += n
        brief.markets[copy.slug] = copy
    monkeypatch.setattr(site_charts, "POOL_THRESHOLD", 4)
    stats = SiteStats()
    pooled = files(settings, brief, workers=2, stats=stats)
    assert stats.charts_drawn == stats.charts == 17
    shutil.rmtree(settings.cache_dir)
    monkeypatch.setattr(site_charts, "POOL_THRESHOLD", 10_000)
    assert files(settings, brief, workers=2) == pooled


def test_build_date_comes_from_source_date_epoch(settings, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert "Built on 2026-01-01." in files(settings)["index.md"]


def test_problems_are_shown_on_the_sources_page(settings):
    brief = make_brief()
    brief.markets["gadgets-market"].companies.append("ghost")
    brief.problems.append(BriefError("data/overrides/alpha.yaml", "YAML syntax error", 3))
    sources = files(settings, brief)["sources.md"]
    assert "data/overrides/alpha.yaml:3: YAML syntax error" in sources
    assert "&#39;ghost&#39;, which has no file in data/companies" in sources


def test_an_analysts_market_group_gives_a_consensus_table_and_a_bad_slug_is_a_problem(settings):
    settings.groups_file.write_text(
        "groups:\n  Small devices: [widgets-market, gadgets-market, no-such-market]\n",
        encoding="utf-8",
    )
    stats = SiteStats()
    site = files(settings, stats=stats)
    for slug in ("widgets-market", "gadgets-market"):
        page = site[f"markets/{slug}.md"]
        assert "## Other reports on this market" in page
        assert "| Low | Median | High |" in page
    assert "Small devices" in site["checks.md"]
    assert [str(p) for p in stats.problems if "no-such-market" in str(p)]


def test_rendering_reports_its_progress_page_by_page_and_chart_by_chart(settings, monkeypatch):
    seen: dict[str, list[tuple[int, int]]] = {}
    monkeypatch.setattr(
        progress,
        "step",
        lambda stage, done, total: seen.setdefault(stage, []).append((done, total)),
    )
    stats = SiteStats()
    files(settings, stats=stats)
    pages = seen["Rendering pages"]
    assert [done for done, _ in pages] == list(range(1, stats.pages + 1))
    assert {total for _, total in pages} == {stats.pages}
    # drawn in the second process, told to this one
    assert seen["Drawing charts"] == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_one_process_gives_the_files_of_two_in_the_same_order(settings):
    brief = make_brief()
    two = contents(generate_site(settings, brief, workers=2))
    shutil.rmtree(settings.cache_dir)
    assert contents(generate_site(settings, brief, workers=1)) == two
    assert [path for path, _ in two[-14:]] == [
        "sources/beta-insights.md",  # the last page
        "downloads/markets.csv",
        "downloads/companies.csv",
        "downloads/brief.json",
        "downloads/facts.csv",
        "downloads/checks.csv",
        "charts/market/gadgets-market-size.svg",
        "charts/market/gadgets-market-size.csv",
        "charts/market/widgets-market-size.svg",
        "charts/market/widgets-market-size.csv",
        "charts/market/widgets-market-regions.svg",
        "charts/market/widgets-market-regions.csv",
        "charts/compare/size.svg",
        "charts/compare/size.csv",
    ]


def test_a_chart_that_fails_in_the_second_process_fails_the_build(settings, monkeypatch):
    def fail(spec):
        raise ValueError(f"cannot draw {spec.title}")

    monkeypatch.setattr(site_charts, "render_chart", fail)
    with pytest.raises(ValueError, match="cannot draw") as raised:
        files(settings, workers=2)
    assert raised.value.__notes__[0].startswith("in the charts process:")


def test_a_consumer_that_stops_early_leaves_no_process_behind(settings):
    site = generate_site(settings, make_brief(), workers=2)
    assert next(site)[0] == "index.md"
    assert "charts" in [p.name for p in multiprocessing.active_children()]  # downloads: maybe done
    site.close()
    assert multiprocessing.active_children() == []


def test_charts_taken_before_they_are_drawn_are_whole_once_waited_for(
    settings, monkeypatch, tmp_path
):
    """A MkDocs build takes the charts' files at once and converts its pages while they are
    drawn: the site is handed over although no chart can be drawn yet."""
    gate = tmp_path / "go"
    draw = site_charts.render_chart

    def held(spec):
        for _ in range(3000):  # 30 s: the test fails, not hangs, if the site waited for it
            if gate.exists():
                return draw(spec)
            time.sleep(0.01)
        raise TimeoutError("the site waited for its charts")

    monkeypatch.setattr(site_charts, "render_chart", held)
    stats = SiteStats()
    site = dict(generate_site(settings, make_brief(), stats=stats, wait_for_charts=False))
    charts = [chart for chart in site.values() if isinstance(chart, ChartFile)]
    assert len(charts) == stats.charts == 4 and stats.drawing is not None
    assert not any(chart.path.exists() for chart in charts)
    gate.touch()
    stats.drawing.wait()
    assert stats.charts_drawn == 4
    assert all(chart.path.read_text("utf-8").startswith("<?xml") for chart in charts)
    monkeypatch.setattr(site_charts, "render_chart", draw)
    assert files(settings) == dict(contents(site.items()))  # the bytes of a site that waited


def test_a_drawing_given_up_on_is_stopped(settings, monkeypatch):
    monkeypatch.setattr(site_charts, "render_chart", lambda spec: time.sleep(60))
    stats = SiteStats()
    list(generate_site(settings, make_brief(), stats=stats, wait_for_charts=False))
    assert [p.name for p in multiprocessing.active_children()] == ["charts"]
    assert stats.drawing is not None
    stats.drawing.close()
    assert multiprocessing.active_children() == []


def test_matplotlib_is_imported_by_the_second_process_only(settings):
    """Its import costs the pages' process most of a second after a one-report change."""
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from make_brief import make_brief
        from builder.settings import Settings
        from builder.site import SiteStats, generate_site
        stats = SiteStats()
        list(generate_site(Settings(Path({str(settings.root)!r})), make_brief(), stats=stats))
        print(stats.charts_drawn, "matplotlib" in sys.modules)
    """)
    path = os.pathsep.join([str(ROOT), str(Path(__file__).parent)])
    ran = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
    )
    assert (ran.returncode, ran.stdout) == (0, "4 False\n"), ran.stderr
