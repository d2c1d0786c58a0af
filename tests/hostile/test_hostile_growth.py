"""Growth arithmetic on figures a report or a correction can state: no crash, no empty site.

A base of zero, a negative base, a forecast 3,000 years out at 99 % a year, a CAGR of
`.nan` or `.inf`: a chart or a page is derived from each, and none may stop the build of
every other page. What the schema cannot accept is refused with one line naming the file.
"""

from __future__ import annotations

import pytest
import yaml
from brief_runs import brief, make_project

from builder.charts import render_chart, size_spec
from builder.normalise import consistency_warning
from builder.render import implied_cagr
from builder.schema import Cagr, Market, SizeFigure, Source
from tests.extract.seeds import seed_text

pytestmark = pytest.mark.xdist_group("hostile-growth")

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
