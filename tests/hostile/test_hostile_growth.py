"""Growth arithmetic on figures a report or a correction can state: no crash, no empty site.

A base of zero, a negative base, a forecast 3,000 years out at 99 % a year, a CAGR of
`.nan` or `.inf`: a chart or a page is derived from each, and none may stop the build of
every other page. What the schema cannot accept is refused with one line naming the file.
A figure read as too large for any sum is left out with a warning, and one beyond any
number refuses its report in one line, never as a bug.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from brief_runs import ROOT, brief, make_project

import builder.extract
from builder.charts import render_chart, size_spec
from builder.cli import main
from builder.normalise import consistency_warning
from builder.schema import Cagr, Market, Money, SizeFigure, Source
from builder.views import implied_cagr
from tests.extract.seeds import seed_text

pytestmark = pytest.mark.xdist_group("hostile-growth")
REPORTS = ROOT / "content" / "reports"

HEADLINE = (
    "valued at USD 10.56 Billion in 2022 and is projected to reach USD 18.34 Billion by 2030, "
    "growing at a CAGR of 7.0% from 2024 to 2030."
)
ZERO_BASE = "valued at USD 0 million in 2023 and is projected to reach USD 2.5 billion by 2030."


def market(base: tuple[int, float], forecast: tuple[int, float], cagr: float | None) -> Market:
    return Market(
        slug="m",
        name="Gadget Market",
        publisher="P",
        source=Source(file="r.txt"),
        size=[
            SizeFigure(kind="base", year=base[0], usd_millions=base[1], original="a", quote="q"),
            SizeFigure(
                kind="forecast", year=forecast[0], usd_millions=forecast[1], original="b", quote="q"
            ),
        ],
        cagr=Cagr(percent=cagr, quote="q") if cagr is not None else None,
    )


@pytest.mark.parametrize(
    ("base", "forecast", "cagr"),
    [
        ((2023, 0.0), (2030, 2500.0), None),  # a base of zero, no CAGR: division by zero
        ((2023, 0.0), (2030, 2500.0), 12.0),
        ((1, 10.0), (2999, 5000.0), 99.0),  # 1.99 ** 2998 overflows
        ((2023, 10.0), (2030, 0.0), None),  # a forecast of zero
        ((2023, 10.0), (2030, 20.0), -100.0),  # no market left after one year
        ((2023, 10.0), (2030, 20.0), -250.0),  # a factor below zero
    ],
)
def test_every_growth_a_page_can_show_is_drawn_or_left_out(base, forecast, cagr):
    item = market(base, forecast, cagr)
    spec = size_spec(item)
    assert spec is not None
    stated = [(y, v) for y, v, derived in spec.rows if not derived]
    assert stated == [base, forecast]
    if len(spec.rows) == 2:
        assert spec.derivation == ""  # the page does not promise hatched bars
    assert render_chart(spec).startswith("<?xml")
    consistency_warning(item)
    implied = implied_cagr(item)
    assert implied is None or implied > -100


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("cagr: {percent: .nan, quote: q}\n", "cagr.percent"),
        ("cagr: {percent: .inf, quote: q}\n", "cagr.percent"),
        ("cagr: {percent: -.inf, quote: q}\n", "cagr.percent"),
        (
            "size:\n- {kind: base, year: 2023, usd_millions: -5, original: a, quote: q}\n",
            "size.0.usd_millions",
        ),
    ],
)
def test_a_number_no_page_can_show_is_refused_by_the_schema(text, field):
    with pytest.raises(ValueError, match=field.split(".")[-1]):
        Market.model_validate({**market((2023, 1), (2030, 2), None).model_dump(), **_yaml(text)})


def _yaml(text: str) -> dict:
    return yaml.safe_load(text)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Seed 000 stating a base of zero and no CAGR, and corrections with impossible growth."""
    root = make_project(tmp_path_factory.mktemp("growth"), extract=True, reports=True)
    report = root / "content" / "reports" / "000_4954f7c7c8e94222.txt"
    text = seed_text("000")
    assert HEADLINE in text
    report.write_text(text.replace(HEADLINE, ZERO_BASE), encoding="utf-8")
    overrides = root / "data" / "overrides"
    overrides.mkdir(parents=True)
    # valid: a forecast 2,998 years out at 99 % a year
    (overrides / "north-america-biopharmaceuticals-contract-manufacturing-market.yaml").write_text(
        "cagr: {percent: 99, quote: q}\nsize:\n"
        "- {kind: base, year: 1, usd_millions: 1, original: a, quote: q}\n"
        "- {kind: forecast, year: 2999, usd_millions: 2, original: b, quote: q}\n",
        encoding="utf-8",
    )
    # refused: not a number a page can show
    (overrides / "united-states-cmo-cdmo-market.yaml").write_text(
        "cagr: {percent: .nan, quote: q}\n", encoding="utf-8"
    )
    (overrides / "contract-manufacturing-organization-services-market.yaml").write_text(
        "size:\n- {kind: base, year: 2023, usd_millions: -5, original: a, quote: q}\n"
        "- {kind: forecast, year: 2030, usd_millions: 10, original: b, quote: q}\n",
        encoding="utf-8",
    )
    return root, brief(root, "build")


def test_the_site_is_built_whole_and_each_refused_correction_named(built):
    root, result = built
    assert "Traceback" not in result.stderr, result.stderr
    markets = sorted(p.name for p in (root / "site" / "markets").iterdir() if p.is_dir())
    assert len(markets) == 5, result.stderr
    assert (root / "site" / "charts" / "market").is_dir()
    lines = [line for line in result.stderr.splitlines() if "data/overrides/" in line]
    assert len(lines) == 2, result.stderr
    assert any("united-states-cmo-cdmo-market.yaml:1: cagr.percent" in line for line in lines)
    assert any(
        "contract-manufacturing-organization-services-market.yaml:2: size.0.usd_millions" in line
        for line in lines
    )
    assert result.returncode == 1  # strict: a correction that was not applied fails the build


def extract_seeds(root: Path, out: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "extract", str(REPORTS), "--out", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "bug in the builder" not in err, err
    return code, err.splitlines()


def test_a_figure_too_large_for_any_sum_is_ignored_with_a_warning(tmp_path, monkeypatch, capsys):
    real = builder.extract.extract_figures

    def inflated(*args):  # the figures as a misread run of 300 digits would give them
        found = real(*args)
        found.size = [
            size.model_copy(update={"money": size.money.model_copy(update={"amount": 1e300})})
            for size in found.size
        ]
        return found

    assert extract_seeds(tmp_path / "a", tmp_path / "plain", capsys) == (0, [])
    monkeypatch.setattr(builder.extract, "extract_figures", inflated)
    assert extract_seeds(tmp_path / "b", tmp_path / "out", capsys) == (0, [])
    stated = 0
    for path in (tmp_path / "out" / "markets").iterdir():
        market = yaml.safe_load(path.read_text("utf-8"))
        plain = yaml.safe_load((tmp_path / "plain" / "markets" / path.name).read_text("utf-8"))
        assert not market.get("size"), path.name
        warned = "figure-too-large" in [w["code"] for w in market["warnings"]]
        assert warned == bool(plain.get("size")), path.name
        stated += warned
    assert stated >= 3


def test_a_figure_beyond_any_number_refuses_its_report_in_one_line(tmp_path, monkeypatch, capsys):
    def infinite(*args):  # the figures code meeting 400 digits: a float too large is infinite
        return Money(amount=float("9" * 400), currency="USD", original="USD 99...9")

    monkeypatch.setattr(builder.extract, "extract_figures", infinite)
    code, err = extract_seeds(tmp_path, tmp_path / "out", capsys)
    assert code == 1 and len(err) == 5
    for line in err:
        assert line.endswith(": a figure in the report is too large to be a number; not extracted")
