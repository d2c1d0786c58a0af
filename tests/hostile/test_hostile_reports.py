"""`brief extract` over the five seeds mixed with every hostile report, in one run.

The bad files get one line each and cost only themselves; every good report, the seeds
included, is extracted; nothing is written outside the output folders, nothing a report
holds runs, and a second run gives the same files byte for byte.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from brief_runs import brief, every_file, make_project
from make_inputs import (
    IMG,
    LIVE_MARK,
    RAW,
    SCRIPT,
    SEED_MARKETS,
    TEMPLATE,
    Hostile,
    seed_path,
    write_hostile_folder,
)

from builder.store import load_brief

pytestmark = pytest.mark.xdist_group("hostile-reports")
SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class Run:
    tmp: Path
    project: Path
    out: Path
    reports: list[Hostile]
    marker: Path
    code: int
    stderr: str
    before: set[Path]
    after: dict[Path, bytes]
    seconds: float

    def markets(self) -> dict[str, dict]:
        """Each written market by the report file it came from."""
        loaded = [yaml.safe_load(p.read_text("utf-8")) for p in (self.out / "markets").iterdir()]
        return {m["source"]["file"]: m for m in loaded}


def run_brief(tmp: Path) -> Run:
    project = make_project(tmp / "project", extract=True, reports=False)
    marker = tmp / "command-ran"
    reports = write_hostile_folder(tmp / "reports", marker)
    before = set(every_file(tmp))
    out = tmp / "out"
    started = time.perf_counter()
    result = brief(project, "extract", str(tmp / "reports"), "--out", str(out), cwd=tmp)
    seconds = time.perf_counter() - started
    return Run(
        tmp,
        project,
        out,
        reports,
        marker,
        result.returncode,
        result.stderr,
        before,
        every_file(tmp),
        seconds,
    )


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    return run_brief(tmp_path_factory.mktemp("hostile"))


def test_exit_status_says_something_failed_and_there_is_no_traceback(run):
    assert run.code == 1
    assert "Traceback" not in run.stderr
    assert all(line.startswith("error: ") for line in run.stderr.splitlines()), run.stderr


def test_one_line_per_bad_file_naming_it_and_the_problem(run):
    lines = run.stderr.splitlines()
    refused = [r for r in run.reports if r.refused]
    assert len(lines) == len(refused)
    for report in refused:
        path = run.tmp / "reports" / report.name
        [line] = [line for line in lines if f"{path}:" in line]
        assert report.refused in line


def test_a_20_mb_report_costs_one_line_and_little_time(run):
    [line] = [line for line in run.stderr.splitlines() if "015_huge.html" in line]
    assert "the file is 21.0 MB, over the 2 MB limit for one report" in line
    assert run.seconds < 30  # the whole run, every other report included


def test_front_matter_problem_names_its_line_and_the_command_never_ran(run):
    [line] = [line for line in run.stderr.splitlines() if "023_front_matter.md" in line]
    assert "023_front_matter.md:3: front matter:" in line and "python/object/apply" in line
    assert not run.marker.exists()


def test_every_good_report_is_extracted(run):
    markets = run.markets()
    for prefix, name in SEED_MARKETS.items():
        assert markets[seed_path(prefix).name]["name"] == name
    extracted = [r.name for r in run.reports if not r.refused and r.name != "019_copy_of_000.txt"]
    assert sorted(markets) == sorted([seed_path(p).name for p in SEED_MARKETS] + extracted)
    brief_data = load_brief(run.out)
    assert brief_data.problems == []
    assert len(brief_data.markets) == len(markets)


def test_what_an_analyst_must_know_is_on_the_market(run):
    markets = run.markets()
    for report in run.reports:
        if report.warns:
            codes = [w["code"] for w in markets[report.name]["warnings"]]
            assert report.warns in codes, report.name
    copy_warning = {
        "code": "identical-copy",
        "text": "019_copy_of_000.txt is an identical copy of this report; it was not added again.",
        "args": {"file": "019_copy_of_000.txt"},
    }
    assert copy_warning in markets[seed_path("000").name]["warnings"]
    contradicting = markets["020_contradicting.html"]["warnings"]
    assert [w["args"]["cagr"] for w in contradicting if w["code"] == "conflicting-cagr"] == [
        "12.5%"
    ]


def test_re_encoded_reports_give_the_facts_of_their_utf8_originals(run):
    markets = run.markets()
    facts = ("size", "cagr", "segments", "regions", "companies", "faq", "drivers")
    for copy, prefix in (("016_cp1252.html", "002"), ("017_latin1.md", "004")):
        original = markets[seed_path(prefix).name]
        assert {k: markets[copy].get(k) for k in facts} == {k: original.get(k) for k in facts}
    assert "Amérique du Nord · North America" in markets["017_latin1.md"]["title"]


def test_report_text_is_data_never_markup_or_template(run):
    markets = run.markets()
    title = markets["021_injected.html"]["title"]
    assert title.startswith(f"{SCRIPT} {TEMPLATE} Contract Manufacturing")
    faq = markets["022_injected_faq.html"]["faq"][0]
    assert faq["question"] == f"What is {SCRIPT} {TEMPLATE}?"
    assert f"{RAW} {IMG} that provide" in faq["answer"]
    written = b"".join(run.after[p] for p in run.after if p.is_relative_to(run.out))
    assert LIVE_MARK.encode() not in written  # live markup and its javascript: link dropped
    assert b"javascript:" not in written


def test_nothing_is_written_outside_the_output_folders(run):
    created = set(run.after) - run.before
    assert created
    for path in created:
        assert path.is_relative_to(run.out) or path.is_relative_to(run.project / ".cache"), path
    for path in (run.out / "markets").iterdir():
        assert SAFE_SLUG.match(path.stem), path.name


def test_names_that_slug_alike_keep_their_own_files(run):
    markets = run.markets()
    slash, dash = markets[seed_path("001").name], markets["024_slug_alike.html"]
    assert (slash["name"], dash["name"]) == (
        "United States CMO/CDMO Market",
        "United States CMO-CDMO Market",
    )
    assert slash["slug"] != dash["slug"]
    assert slash["slug"] == "united-states-cmo-cdmo-market"  # the seed keeps its plain slug
    for market in (slash, dash):
        assert (run.out / "markets" / f"{market['slug']}.yaml").is_file()


def test_reserved_and_foreign_names_get_safe_distinct_slugs(run):
    markets = run.markets()
    con, japanese = markets["032_name.html"], markets["033_name.html"]
    assert con["name"] == "CON Market" and japanese["name"] == "富士フイルム市場 Market"
    assert japanese["slug"] != "market" and japanese["slug"].startswith("market-")
    companies = {
        c["name"]: c["slug"]
        for c in (yaml.safe_load(p.read_text("utf-8")) for p in (run.out / "companies").iterdir())
    }
    assert companies["CON"] != "con" and SAFE_SLUG.match(companies["CON"])
    assert SAFE_SLUG.match(companies["富士フイルム市場"])


def test_a_second_run_gives_the_same_files_byte_for_byte(run, tmp_path):
    again = run_brief(tmp_path)  # a fresh project: nothing comes from the first run's cache
    assert again.code == 1
    first = {p.relative_to(run.out): b for p, b in run.after.items() if p.is_relative_to(run.out)}
    second = {
        p.relative_to(again.out): b for p, b in again.after.items() if p.is_relative_to(again.out)
    }
    assert first == second
