"""Corrections and tables a careless analyst or an attacker can leave in `data/`.

Each is read safely (regular files of a sane size only, no alias bombs), named in one
line when it cannot be used, and never blocks, hangs or exhausts memory; `.yml` overrides,
chains of aliases and a market and company sharing a slug are all correctable.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from brief_runs import ROOT, brief, make_project

from builder.identity import CompanyResolver
from builder.schema import AliasFile
from builder.settings import Settings
from builder.store import load_brief, load_tables

sys.path.insert(0, str(ROOT / "tests" / "site"))
from make_brief import make_brief, write_data

pytestmark = pytest.mark.xdist_group("hostile-tables")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The generated brief's data files, with the project's tables."""
    root = make_project(tmp_path / "project", extract=False, reports=False)
    write_data(make_brief(), root / "data")
    (root / "data" / "overrides").mkdir()
    return root


def check(root: Path) -> tuple[subprocess.CompletedProcess, float]:
    """`brief check` in its own process, with a deadline a hang would miss."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "builder.cli", "--root", str(root), "check"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    return result, time.perf_counter() - started


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.symlink_to("/dev/zero"), "not a regular file"),
        (lambda p: os.mkfifo(p), "not a regular file"),
        (lambda p: p.write_bytes(b"name: " + b"x" * (26 * 1024 * 1024) + b"\n"), "too large"),
    ],
    ids=["link-to-dev-zero", "fifo", "26-mb"],
)
@pytest.mark.parametrize("table", ["overrides/alpha.yaml", "company_aliases.yaml"])
def test_a_file_that_is_no_text_file_is_named_and_never_read(project, make, says, table):
    path = project / "data" / table
    path.unlink(missing_ok=True)
    make(path)
    result, seconds = check(project)
    [line] = error_lines(result)
    assert line.startswith(f"error: {path}: ") and says in line
    assert result.returncode == 1
    assert seconds < 10


def test_build_names_a_fifo_and_a_link_to_dev_zero_and_publishes_every_market(project):
    folder = project / "data" / "overrides"
    os.mkfifo(folder / "alpha.yaml")  # read, it would block the build forever
    (folder / "widgets-market.yaml").symlink_to("/dev/zero")  # read, it would never end
    result = brief(project, "build", memory=500 * 1024 * 1024, timeout=60)
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    for name in ("alpha.yaml", "widgets-market.yaml"):
        [line] = [line for line in result.stderr.splitlines() if name in line]
        assert f"{folder / name}: " in line and "not a regular file" in line
    markets = {p.stem for p in (project / "data" / "markets").glob("*.yaml")}
    published = {p.name for p in (project / "site" / "markets").iterdir() if p.is_dir()}
    assert markets and published == markets, result.stderr
    assert (project / "site" / "index.html").is_file()
    assert result.returncode == 1  # strict: a correction that was not applied fails the build


def test_an_alias_bomb_is_refused_before_it_is_built(project):
    refs = ", ".join(["*s"] * 20_000)
    override = project / "data" / "overrides" / "alpha.yaml"
    override.write_text(f"description: &s {'x' * 8}\naliases: [{refs}]\n", encoding="utf-8")
    result, seconds = check(project)
    [line] = error_lines(result)
    assert "alpha.yaml:2: YAML aliases (*name) repeat values" in line
    assert seconds < 10


def test_an_alias_bomb_fails_the_build_in_one_line_within_500_mb(project):
    refs = ", ".join(["*s"] * 20_000)
    override = project / "data" / "overrides" / "alpha.yaml"
    override.write_text(f"description: &s {'x' * 8000}\naliases: [{refs}]\n", encoding="utf-8")
    result = brief(project, "build", memory=500 * 1024 * 1024, timeout=120)
    assert result.returncode == 1
    [line] = [line for line in result.stderr.splitlines() if "alpha.yaml" in line]
    assert "alpha.yaml:2: YAML aliases (*name) repeat values" in line
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr


def test_an_alias_that_refers_to_itself_is_named(project):
    override = project / "data" / "overrides" / "alpha.yaml"
    override.write_text("name: Alpha\naliases: &a [Alpha Inc, *a]\n", encoding="utf-8")
    [line] = error_lines(check(project)[0])
    assert line.startswith(f"error: {override}:2: a YAML alias refers to itself")


def test_duplicate_keys_are_named_at_the_second_one(project):
    folder = project / "data"
    (folder / "overrides" / "alpha.yaml").write_text(
        "name: Alpha\nparent: beta\nname: Alpha Inc\n", encoding="utf-8"
    )
    (folder / "company_aliases.yaml").write_text(
        "companies:\n  Thermo Fisher: [Thermo]\n  Lonza: [Lonza AG]\n  Thermo Fisher: [TFS]\n",
        encoding="utf-8",
    )
    lines = error_lines(check(project)[0])
    assert len(lines) == 2
    assert any("alpha.yaml:3: key 'name' appears twice (first on line 1)" in x for x in lines)
    assert any(
        "company_aliases.yaml:4: key 'Thermo Fisher' appears twice (first on line 2)" in x
        for x in lines
    )


def test_yml_and_upper_case_overrides_apply_and_a_stray_file_is_named(project):
    folder = project / "data" / "overrides"
    (folder / "alpha.yml").write_text("name: Alpha Renamed\n", encoding="utf-8")
    (folder / "beta.YAML").write_text("name: Beta Renamed\n", encoding="utf-8")
    (folder / "gamma.yaml.txt").write_text("name: Gamma Renamed\n", encoding="utf-8")
    brief_data = load_brief(project / "data")
    assert brief_data.companies["alpha"].name == "Alpha Renamed"
    assert brief_data.companies["beta"].name == "Beta Renamed"
    [problem] = brief_data.problems
    assert str(problem).startswith(f"{folder}/gamma.yaml.txt: not an override")


def test_a_market_and_a_company_with_one_slug_are_each_correctable(project):
    data = project / "data"
    company = (data / "companies" / "alpha.yaml").read_text(encoding="utf-8")
    (data / "companies" / "widgets-market.yaml").write_text(
        company.replace("slug: alpha", "slug: widgets-market"), encoding="utf-8"
    )
    (data / "overrides" / "widgets-market.yaml").write_text("name: X\n", encoding="utf-8")
    [problem] = load_brief(data).problems
    assert "data/overrides/markets/" in problem.problem
    (data / "overrides" / "widgets-market.yaml").unlink()
    for kind, name in (("markets", "Widgets Renamed"), ("companies", "Widget Maker")):
        (data / "overrides" / kind).mkdir()
        (data / "overrides" / kind / "widgets-market.yaml").write_text(f"name: {name}\n")
    loaded = load_brief(data)
    assert loaded.problems == []
    assert loaded.markets["widgets-market"].name == "Widgets Renamed"
    assert loaded.companies["widgets-market"].name == "Widget Maker"


@pytest.mark.parametrize(
    "companies",
    [
        {"Catalent": ["Samsung Biologics"], "Samsung Biologics": ["Catalent"]},  # a cycle
        {"Catalent": ["Samsung Biologics"], "Samsung Biologics": ["Cognate"]},  # a chain
    ],
    ids=["cycle", "chain"],
)
def test_alias_cycles_and_chains_make_one_identity_named_by_the_first_entry(companies):
    listed = {name for canonical, others in companies.items() for name in (canonical, *others)}
    identities = CompanyResolver(AliasFile(companies=companies)).resolve([*listed, "Lonza"])
    assert {identities[n].slug for n in listed} == {"catalent"}
    assert {identities[n].name for n in listed} == {"Catalent"}
    assert identities["Lonza"].name == "Lonza"


def test_check_names_every_broken_table(project):
    data = project / "data"
    (data / "fx_rates.yaml").write_text("source: x\nrates: {EUR: {2024: .nan}}\n")
    (data / "company_aliases.yaml").write_text("companies: {Lonza: Lonza AG}\n")
    lines = error_lines(check(project)[0])
    assert len(lines) == 2
    assert any("fx_rates.yaml:2: rates.EUR.2024" in line for line in lines)
    assert any("company_aliases.yaml:1: companies.Lonza" in line for line in lines)


def test_build_names_every_broken_table_and_keeps_the_data(tmp_path):
    root = make_project(tmp_path / "p", extract=True, reports=True)
    (root / "data" / "fx_rates.yaml").write_text("source: x\nrates: {EUR: {2024: -1}}\n")
    (root / "data" / "company_aliases.yaml").write_text("not_companies: 3\n")
    result = brief(root, "extract", str(root / "content" / "reports"), "--out", str(root / "x"))
    lines = error_lines(result)
    assert len(lines) == 2, result.stderr
    assert not (root / "x" / "markets").exists()


def test_extract_works_outside_a_project_with_the_shipped_tables(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    reports = ROOT / "content" / "reports"
    result = brief(
        elsewhere, "extract", str(reports), "--out", str(tmp_path / "out"), cwd=elsewhere
    )
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "out" / "markets").glob("*.yaml"))) == 5
    tables = load_tables(Settings.at(elsewhere))
    assert tables.problems == [] and "EUR" in tables.rates.rates


def test_a_project_table_extends_the_shipped_one(project):
    (project / "data" / "fx_rates.yaml").write_text("rates: {XYZ: {2024: 0.5}}\n")
    (project / "data" / "company_aliases.yaml").write_text("not_companies: [Vendors]\n")
    tables = load_tables(Settings.at(project))
    assert tables.problems == []
    assert tables.rates.rates["XYZ"] == {2024: 0.5} and "EUR" in tables.rates.rates
    assert "Vendors" in tables.aliases.not_companies and "Others" in tables.aliases.not_companies
