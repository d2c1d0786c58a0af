"""No single report takes more than 5 s or 500 MB, and floods of names stay bounded.

Long runs a regular expression could backtrack on ("A-A-A-...", "A. A. A. ..."), thousands
of "Key players include A, B and C." sentences, a 400-digit figure, and company names that
differ only in a non-Latin word, a look-alike letter or a direction override: each is as
big as one report may be, and each goes through `brief extract` as users run it. Every
hostile report of `make_inputs` is then extracted alone, in a process limited to 500 MB,
against the time `brief` takes on a plain seed.
"""

from __future__ import annotations

import resource
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from brief_runs import brief, every_file, make_project
from make_inputs import (
    LOOK_ALIKE,
    RIGHT_TO_LEFT,
    SCRIPT_NAMES,
    SEED_MARKETS,
    hostile_reports,
    long_reports,
    seed_path,
)

from builder.extract.companies import MAX_COMPANIES

pytestmark = pytest.mark.xdist_group("hostile-limits")

MAX_SECONDS = 5
MAX_MEMORY = 500 * 1024 * 1024


def _load(folder: Path) -> list[dict]:
    return [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in sorted(folder.iterdir())]


@dataclass
class Run:
    out: Path
    code: int
    stderr: str
    markets: dict[str, dict]
    """Each written market by the report file it came from."""
    companies: list[dict]


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    """`brief extract` over every long or look-alike report, in one run."""
    tmp = tmp_path_factory.mktemp("limits")
    project = make_project(tmp / "project", extract=True, reports=False)
    folder = tmp / "reports"
    folder.mkdir()
    for name, raw in long_reports().items():
        (folder / name).write_bytes(raw)
    result = brief(project, "extract", str(folder), "--out", str(tmp / "out"), memory=MAX_MEMORY)
    out = tmp / "out"
    markets = {m["source"]["file"]: m for m in _load(out / "markets")}
    return Run(out, result.returncode, result.stderr, markets, _load(out / "companies"))


def test_every_long_report_is_extracted_without_a_line_of_error(run):
    assert run.stderr == "" and run.code == 0
    assert sorted(run.markets) == sorted(long_reports())


def test_a_report_naming_no_market_is_named_after_its_file_whatever_its_runs(run):
    markets = run.markets
    for name in ("050_dashes_80k.html", "051_dashes_1_9m.html"):
        assert len(markets[name]["name"]) <= 100
        fallback = [
            w["args"] for w in markets[name]["warnings"] if w["code"] == "named-after-fallback"
        ]
        assert [a["source"] for a in fallback] == ["file name"], name


def test_thousands_of_player_sentences_keep_the_first_companies_with_a_warning(run):
    markets = run.markets
    for name in ("052_players_4000.html", "053_players_20000.html"):
        assert len(markets[name]["companies"]) == MAX_COMPANIES
        warning = {"code": "too-many-companies", "args": {"limit": MAX_COMPANIES}}
        coded = [{"code": w["code"], "args": w["args"]} for w in markets[name]["warnings"]]
        assert warning in coded, name
    assert len(run.companies) <= 2 * MAX_COMPANIES + 40  # the two floods and the seeds


def test_a_paragraph_of_initials_leaves_the_report_as_its_seed_reads(run):
    assert run.markets["054_initials.html"]["name"] == SEED_MARKETS["000"]


def test_a_400_digit_figure_is_never_a_bug(run):
    market = run.markets["055_long_figure.html"]
    assert market["name"] == SEED_MARKETS["000"]
    assert all(figure["usd_millions"] < 1e15 for figure in market.get("size", []))


def test_names_in_other_scripts_stay_apart_across_reports(run):
    companies = [c for c in run.companies if "Chemical" in c["name"]]
    assert sorted(c["name"] for c in companies) == sorted(SCRIPT_NAMES)
    assert len({c["slug"] for c in companies}) == 3 and "chemical" not in (
        c["slug"] for c in companies
    )
    assert not [a for c in companies for a in c["aliases"] if a in SCRIPT_NAMES]
    markets = run.markets
    for name in ("056_scripts_000.html", "057_scripts_004.html"):
        assert {c["slug"] for c in companies} <= set(markets[name]["companies"]), name


def test_look_alike_letters_and_direction_overrides_never_reach_a_name(run):
    written = b"".join(every_file(run.out).values()).decode("utf-8")
    assert "\u202e" not in written.replace("\\u202e", "")
    names = {c["name"] for c in run.companies} | {a for c in run.companies for a in c["aliases"]}
    assert LOOK_ALIKE not in names and RIGHT_TO_LEFT not in names
    assert len([c for c in run.companies if c["name"] == "Lonza"]) == 1
    warnings = run.markets["056_scripts_000.html"]["warnings"]
    coded = [(w["code"], w["args"]) for w in warnings]
    assert ("look-alike-letters", {"name": LOOK_ALIKE, "latin": "Lonza"}) in coded
    assert ("invisible-characters", {"name": "Samsung Biologics"}) in coded


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(project: Path, report: Path, out: Path) -> tuple[float, str]:
    """CPU seconds `brief extract` takes on `report` alone, in at most `MAX_MEMORY`, and stderr.

    CPU time, not wall time: on a loaded machine the wall clock measures the other jobs.
    """
    started = _children_cpu()
    result = brief(
        project, "extract", str(report), "--out", str(out), memory=MAX_MEMORY, timeout=120
    )
    seconds = _children_cpu() - started
    assert "Traceback" not in result.stderr and "bug in the builder" not in result.stderr, (
        report.name,
        result.stderr,
    )
    assert result.returncode in (0, 1), (report.name, result.returncode, result.stderr)
    return seconds, result.stderr


def test_no_report_takes_more_than_5_s_or_500_mb(tmp_path):
    project = make_project(tmp_path / "project", extract=True, reports=False)
    folder = tmp_path / "reports"
    folder.mkdir()
    reports = {r.name: r.raw for r in hostile_reports(tmp_path / "command-ran")}
    reports |= long_reports()
    for name, raw in reports.items():
        (folder / name).write_bytes(raw)
    seed, _ = timed(project, seed_path("001"), tmp_path / "seed")  # starting `brief` itself
    slow = {}
    for i, name in enumerate(sorted(reports)):
        seconds, stderr = timed(project, folder / name, tmp_path / f"out-{i}")
        if seconds - seed > MAX_SECONDS:
            slow[name] = round(seconds - seed, 1)
        assert stderr.count("\n") <= 1, stderr  # one line at most, naming the file
    assert not slow, f"over {MAX_SECONDS} s beyond starting brief ({seed:.1f} s): {slow}"
