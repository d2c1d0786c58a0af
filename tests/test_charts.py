"""Charts: the figures they state, derived points marked as such, and identical bytes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from builder.charts import (
    FONT,
    alt_text,
    cagr_spec,
    chart_table,
    regions_spec,
    render_chart,
    size_spec,
    span_spec,
)

sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
from make_brief import SCRIPT, make_brief

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    root = etree.fromstring(svg.encode("utf-8"))
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.fixture
def widgets():
    return make_brief().markets["widgets-market"]


def test_size_chart_states_the_report_figures_and_derives_the_years_between(widgets):
    spec = size_spec(widgets)
    # 1,200 doubling to 2,400 over eight years: 1,200 x 2^(1/8) = 1,308.61 in 2023, ...
    assert spec.rows == (
        (2022, 1200.0, False),
        (2023, 1308.61, True),
        (2024, 1427.05, True),
        (2025, 1556.21, True),
        (2026, 1697.06, True),
        (2027, 1850.65, True),
        (2028, 2018.15, True),
        (2029, 2200.81, True),
        (2030, 2400.0, False),
    )
    assert spec.derivation == "derived from the 9.05% CAGR"  # the stated rate joins them


def test_the_derived_path_meets_both_stated_figures_when_the_cagr_starts_later(widgets):
    # Seed 001: "valued at USD 109.3 Billion in 2022 and is projected to reach USD 182.9
    # Billion by 2030, growing at a CAGR of 7.2% from 2024 to 2030": compounding 7.2% from
    # 2022 gives 177,821 in 2029 and then jumps to the stated 182,900.
    base = next(s for s in widgets.size if s.kind == "base")
    forecast = next(s for s in widgets.size if s.kind == "forecast")
    base.usd_millions, forecast.usd_millions = 109_300.0, 182_900.0
    widgets.cagr.percent, widgets.cagr.start_year, widgets.cagr.end_year = 7.2, 2024, 2030
    spec = size_spec(widgets)
    values = [v for _, v, _ in spec.rows]
    # one constant rate of 6.65% a year from 109,300 in 2022 to 182,900 in 2030
    assert values == [
        109_300.0,
        116_565.32,
        124_313.57,
        132_576.86,
        141_389.43,
        150_787.77,
        160_810.84,
        171_500.15,
        182_900.0,
    ]
    assert spec.derivation.startswith("interpolated at 6.65% a year")
    assert "7.2%" not in spec.derivation


def test_without_a_cagr_the_years_between_are_interpolated_and_still_marked_derived():
    gadgets = make_brief().markets["gadgets-market"]
    spec = size_spec(gadgets)
    assert "interpolated" in spec.derivation
    assert spec.derivation.startswith("interpolated at 11.61% a year")  # 500 to 1,500 in 10
    derived = [v for _, v, d in spec.rows if d]
    assert derived == [558.06, 622.87, 695.19, 775.92, 866.03, 966.59, 1078.83, 1204.11, 1343.94]


def test_no_size_chart_without_both_headline_figures(widgets):
    widgets.size = [s for s in widgets.size if s.kind != "forecast"]
    assert size_spec(widgets) is None


def test_derived_bars_are_hatched_and_explained(widgets):
    svg = render_chart(size_spec(widgets))
    assert "<pattern" in svg  # matplotlib draws hatches as an SVG pattern
    labels = texts(svg)
    assert "Stated in the report" in labels
    assert "Derived from the 9.05% CAGR" in labels
    assert "USD million" in labels
    # nine years: the stated ones and every other one between are labelled, in order
    assert [t for t in labels if re.fullmatch(r"20\d\d", t)] == [
        "2022",
        "2024",
        "2026",
        "2028",
        "2030",
    ]
    # each stated figure is written under its year
    assert labels[labels.index("2022") + 1] == "1,200"
    assert labels[labels.index("2030") + 1] == "2,400"


def font_sizes(svg: str) -> set[float]:
    return {float(size) for size in re.findall(r"font-size: ([\d.]+)px", svg)}


def test_every_chart_text_is_at_least_the_phone_readable_size(widgets):
    markets = list(make_brief().markets.values())
    markets[1].cagr = markets[0].cagr.model_copy(update={"percent": 12.5})
    for spec in (size_spec(widgets), regions_spec(widgets), cagr_spec(markets), span_spec(markets)):
        svg = render_chart(spec)
        sizes = font_sizes(svg)
        assert sizes and min(sizes) >= FONT, spec.kind
        width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
        # shown in a 358 px column on a 390 px phone, 1 pt of the drawing is this many px
        assert min(sizes) * 358 / width >= 11, spec.kind


def test_growth_bars_say_where_and_over_which_years():
    markets = list(make_brief().markets.values())
    markets[1].cagr = markets[0].cagr.model_copy(update={"percent": 12.5})
    spec = cagr_spec(markets)
    labels = texts(render_chart(spec))
    assert "Global, 2023–2030" in labels and "Europe, 2023–2030" in labels
    assert alt_text(spec) == (
        "Bar chart, Growth rate (CAGR) by market. Gadgets Market: 12.5%, Global, 2023–2030; "
        f"Widgets {SCRIPT} Market: 9.05%, Europe, 2023–2030."
    )


def test_size_comparison_labels_values_and_years():
    markets = list(make_brief().markets.values())
    spec = span_spec(markets)
    labels = texts(render_chart(spec))
    assert "1,200 (2022) → 2,400 (2030)" in labels  # widgets
    assert "500 (2023) → 1,500 (2033)" in labels  # gadgets


def test_each_chart_has_its_numbers_as_a_table(widgets):
    header, rows = chart_table(size_spec(widgets))
    assert header == ["year", "usd_millions", "derived"]
    assert rows[0] == [2022, 1200.0, "stated"] and rows[1][2] == "derived"
    header, rows = chart_table(regions_spec(widgets))
    assert header[0] == "region" and ["Europe", 40.0] in rows


def test_chart_text_from_reports_is_escaped_xml(widgets):
    svg = render_chart(regions_spec(widgets))
    assert SCRIPT not in svg
    assert any(SCRIPT in t for t in texts(svg))  # shown as text, not markup
    assert not etree.fromstring(svg.encode()).xpath("//*[local-name()='script']")


def test_alt_text_states_every_figure(widgets):
    alt = alt_text(size_spec(widgets))
    assert "USD million" in alt
    assert "2022: 1,200" in alt and "2030: 2,400" in alt
    assert "2026: 1,697" in alt  # a derived year, rounded
    assert "Europe: 40.0%" in alt_text(regions_spec(widgets))


def test_regions_chart_only_when_shares_are_stated():
    assert regions_spec(make_brief().markets["gadgets-market"]) is None


def test_comparison_charts_use_a_log_scale_only_for_a_wide_spread():
    markets = list(make_brief().markets.values())
    markets[1].size[0].usd_millions = 1000.0  # gadgets 1,000 -> 1,500, widgets to 2,400
    assert "USD million" in texts(render_chart(span_spec(markets)))
    markets[1].size[0].usd_millions = 5.0  # gadgets: 5 -> 1,500, spread of 480
    assert "USD million (log scale)" in texts(render_chart(span_spec(markets)))


def test_cagr_chart_needs_two_markets_with_a_cagr():
    markets = list(make_brief().markets.values())
    assert cagr_spec(markets) is None
    markets[1].cagr = markets[0].cagr.model_copy(update={"percent": 12.5})
    spec = cagr_spec(markets)
    assert [row[1] for row in spec.rows] == [12.5, 9.05]


def test_no_dates_or_random_ids(widgets):
    svg = render_chart(size_spec(widgets))
    assert "<dc:date>" not in svg
    assert svg == render_chart(size_spec(widgets))


def test_bytes_are_identical_in_another_process(widgets, tmp_path):
    """Hash seeds and process state must not leak into the SVG."""
    spec = size_spec(widgets)
    script = (
        "import json, sys\n"
        "from builder.charts import ChartSpec, render_chart\n"
        "raw = json.load(sys.stdin)\n"
        "spec = ChartSpec(raw['kind'], raw['title'], raw['note'],"
        " tuple(tuple(r) for r in raw['rows']), raw['derivation'])\n"
        "sys.stdout.write(render_chart(spec))\n"
    )
    import dataclasses
    import json

    other = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(dataclasses.asdict(spec)),
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"},
    )
    assert other.stdout == render_chart(spec)


def test_a_chart_is_the_same_whichever_charts_the_process_drew_before(widgets, tmp_path):
    """A process draws every chart on one figure, emptied in between: nothing of a chart
    (its texts, bars, limits, a log scale) may reach the next one."""
    markets = list(make_brief().markets.values())
    markets[1].size[0].usd_millions = 5.0  # a log-scaled comparison first
    markets[1].cagr = markets[0].cagr.model_copy(update={"percent": 12.5})
    specs = [
        span_spec(markets),
        size_spec(widgets),
        cagr_spec(markets),
        regions_spec(widgets),
        size_spec(markets[1]),
    ]
    script = (
        "import pickle, sys\n"
        "from builder.charts import render_chart\n"
        "specs = pickle.load(sys.stdin.buffer)\n"
        "pickle.dump([render_chart(spec) for spec in specs], sys.stdout.buffer)\n"
    )
    import pickle

    def fresh(spec) -> str:
        """Drawn by a process that drew nothing before."""
        ran = subprocess.run(
            [sys.executable, "-c", script], input=pickle.dumps([spec]), capture_output=True
        )
        assert ran.returncode == 0, ran.stderr
        return pickle.loads(ran.stdout)[0]

    alone = [fresh(spec) for spec in specs]
    assert len(set(alone)) == len(specs)
    assert [render_chart(spec) for spec in specs] == alone
    assert [render_chart(spec) for spec in reversed(specs)] == alone[::-1]


def test_cache_key_changes_with_the_data_only(widgets):
    first = size_spec(widgets)
    assert first.key() == size_spec(widgets).key()
    widgets.size[1].usd_millions = 2500.0
    assert size_spec(widgets).key() != first.key()
