"""The real corpus' scorer on small hand-made data folders: what it counts right and wrong."""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.real_scorer import CLASSES, Score, norm, score_extraction

LABEL: dict[str, Any] = {
    "file": "widgets.txt",
    "name": "Widget Market",
    "name_any": ["Widgets Market"],
    "publisher": "Acme Research",
    "geography": "Global",
    "base": {"year": 2024, "value_usd_millions": 1200.0},
    "forecast": {"year": 2032, "value_usd_millions": 2500.0},
    "cagr": {"percent": 9.6, "start_year": 2025, "end_year": 2032},
    "companies": ["Nestlé S.A.", "Bolt Industries, Inc."],
    "optional_companies": ["Gizmo Corp"],
    "segments": {"Type": ["Small", "Large"]},
    "regional_share_percent": {"Asia-Pacific": 41.5},
}

MARKET: dict[str, Any] = {
    "slug": "global-widget-market",
    "name": "Global Widget Market",
    "publisher": "Acme Research",
    "geography": "Global",
    "source": {"file": "widgets.txt"},
    "size": [
        {"kind": "base", "year": 2024, "usd_millions": 1200.0},
        {"kind": "forecast", "year": 2032, "usd_millions": 2500.0},
    ],
    "cagr": {"percent": 9.6, "start_year": 2025, "end_year": 2032},
    "segments": [{"dimension": "By Type", "values": ["Small", "Medium", "Large"]}],
    "regions": [{"name": "Asia Pacific", "share_percent": 41.5}, {"name": "Europe"}],
    "companies": ["nestle", "bolt"],
}

COMPANIES = [
    {"slug": "nestle", "name": "Nestle S.A.", "aliases": []},  # the label has "Nestlé"
    {"slug": "bolt", "name": "Bolt Industries Inc", "aliases": []},
    {"slug": "gizmo", "name": "Gizmo Corp.", "aliases": []},
]


def score(
    tmp_path: Path,
    markets: list[dict[str, Any]],
    label: dict[str, Any] = LABEL,
    companies: list[dict[str, Any]] = COMPANIES,
) -> Score:
    """Write the markets, companies and one label as `brief extract` would, and score them."""
    data, gold = tmp_path / "data", tmp_path / "gold"
    for folder in (data / "markets", data / "companies", gold):
        folder.mkdir(parents=True, exist_ok=True)
    for n, market in enumerate(markets):
        (data / "markets" / f"m{n}.yaml").write_text(yaml.safe_dump(market), encoding="utf-8")
    for company in companies:
        path = data / "companies" / f"{company['slug']}.yaml"
        path.write_text(yaml.safe_dump(company, allow_unicode=True), encoding="utf-8")
    (gold / "label.yaml").write_text(yaml.safe_dump(label, allow_unicode=True), encoding="utf-8")
    return score_extraction(data, gold)


def changed(market: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**copy.deepcopy(market), **fields}


def test_a_right_market_scores_full_marks_in_every_labelled_class(tmp_path):
    result = score(tmp_path, [MARKET])
    assert result.misses == []
    assert result.ok == result.checks == 13
    assert result.total["company recall"] == 2 and result.total["company precision"] == 2
    assert result.percent() == 100.0


@pytest.mark.parametrize(
    ("point", "right"),
    [
        ({"kind": "base", "year": 2024, "usd_millions": 1205.0}, True),  # within 0.5 %
        ({"kind": "actual", "year": 2024, "usd_millions": 1200.0}, True),
        ({"year": 2024, "usd_millions": 1200.0}, True),  # no kind said
        ({"kind": "base", "year": 2023, "usd_millions": 1200.0}, False),
        ({"kind": "base", "year": 2024, "usd_millions": 1212.0}, False),  # 1 % off
        ({"kind": "base", "year": 2024, "usd_millions": 1.2}, False),  # billions read as millions
        ({"kind": "other", "year": 2024, "usd_millions": 1200.0}, False),
        ({"kind": "forecast", "year": 2024, "usd_millions": 1200.0}, False),
    ],
)
def test_a_size_needs_its_year_value_and_kind(tmp_path, point, right):
    market = changed(MARKET, size=[point, MARKET["size"][1]])
    result = score(tmp_path, [market])
    assert result.right["base"] == int(right) and result.total["base"] == 1
    assert result.right["forecast"] == 1


@pytest.mark.parametrize(
    ("cagr", "right"),
    [
        ({"percent": 9.6, "start_year": 2025, "end_year": 2032}, True),
        ({"percent": 9.6, "start_year": 2024, "end_year": 2032}, False),
        ({"percent": 9.6}, False),  # the label states the years
        ({"percent": 9.7, "start_year": 2025, "end_year": 2032}, False),
    ],
)
def test_a_cagr_needs_its_percent_and_stated_years(tmp_path, cagr, right):
    assert score(tmp_path, [changed(MARKET, cagr=cagr)]).right["cagr"] == int(right)


@pytest.mark.parametrize(
    ("name", "right"),
    [
        ("The Global Widget Market", True),
        ("global widget-market", True),
        ("Widget Market.", True),
        ("Widgets Market", True),  # one of the label's name_any
        ("Key Insights The Global Widget Market", False),
        ("Widget Market Report", False),
        ("European Widget Market", False),
        ("", False),
    ],
)
def test_names_differing_only_in_global_or_punctuation_match(tmp_path, name, right):
    assert score(tmp_path, [changed(MARKET, name=name)]).right["name"] == int(right)


def test_optional_companies_are_not_extras_but_unlabelled_ones_are(tmp_path):
    market = changed(MARKET, companies=["nestle", "bolt", "gizmo", "other-firm"])
    result = score(tmp_path, [market])
    assert result.right["company precision"] == 3 and result.total["company precision"] == 4
    assert [str(m) for m in result.misses] == ["label: company precision: extra 'other-firm'"]


def test_a_missing_company_is_a_recall_miss(tmp_path):
    result = score(tmp_path, [changed(MARKET, companies=["bolt"])])
    assert result.right["company recall"] == 1 and result.total["company recall"] == 2


def test_a_chinese_name_is_not_normalised_to_an_empty_string_that_matches_everything(tmp_path):
    assert norm("鸿海精密工业股份有限公司") == "鸿海精密工业股份有限公司"
    assert norm("Benchmark Electronics，Inc .") == "benchmark electronics inc"
    label = {**LABEL, "companies": ["鸿海精密工业股份有限公司"], "optional_companies": []}
    firms = [
        {"slug": "flex", "name": "伟创力国际有限公司"},
        {"slug": "acme", "name": "Acme Ltd."},
    ]
    result = score(tmp_path, [changed(MARKET, companies=["flex", "acme"])], label, firms)
    assert result.right["company recall"] == 0
    assert result.right["company precision"] == 0 and result.total["company precision"] == 2


def test_a_chinese_name_written_alike_matches(tmp_path):
    label = {**LABEL, "companies": ["捷普电路公司"], "optional_companies": []}
    firms = [{"slug": "jabil", "name": "Jabil", "aliases": ["捷普电路公司"]}]
    result = score(tmp_path, [changed(MARKET, companies=["jabil"])], label, firms)
    assert result.right["company recall"] == result.right["company precision"] == 1


def test_a_segment_needs_every_labelled_value_under_a_matching_dimension(tmp_path):
    fewer = [{"dimension": "Type", "values": ["Small"]}]
    other_dimension = [{"dimension": "Application", "values": ["Small", "Large"]}]
    assert score(tmp_path, [changed(MARKET, segments=fewer)]).right["segments"] == 0
    assert score(tmp_path, [changed(MARKET, segments=other_dimension)]).right["segments"] == 0
    nameless = [{"dimension": "", "values": ["Small", "Large"]}]
    assert score(tmp_path, [changed(MARKET, segments=nameless)]).right["segments"] == 0


@pytest.mark.parametrize(("region", "right"), [("APAC", True), ("Asia", False)])
def test_a_regional_share_is_read_under_its_spellings(tmp_path, region, right):
    market = changed(MARKET, regions=[{"name": region, "share_percent": 41.5}])
    assert score(tmp_path, [market]).right["shares"] == int(right)


def test_a_report_without_a_market_misses_every_labelled_field(tmp_path):
    result = score(tmp_path, [])
    assert result.ok == 0
    assert result.checks == 11  # market, 6 fields, 2 companies, 1 segment, 1 share
    assert result.total["company precision"] == 0


def test_two_markets_from_one_report_miss_the_market_class(tmp_path):
    result = score(tmp_path, [MARKET, changed(MARKET, slug="second")])
    assert result.right["market"] == 0 and result.total["market"] == 1


def test_placeholders_listed_as_companies_are_a_miss(tmp_path):
    label = {**LABEL, "placeholder_companies": ["Key Player I", "Key Player II"]}
    assert score(tmp_path, [changed(MARKET, companies=[])], label).right["placeholders"] == 1
    assert score(tmp_path, [MARKET], label).right["placeholders"] == 0


def test_the_table_prints_only_classes_with_checks_and_the_overall_line(tmp_path):
    table = score(tmp_path, [MARKET]).table().splitlines()
    assert len(table) == len(CLASSES) - 1 + 1  # no placeholder label here; overall added
    assert table[-1].split() == ["overall:", "13/13", "100.0%"]


def test_the_scorer_imports_nothing_from_the_code_it_scores():
    source = Path(__file__).resolve().parents[2] / "bench" / "real_scorer.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    modules = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert modules and not [m for m in modules if m.split(".")[0] in {"builder", "bench"}]
