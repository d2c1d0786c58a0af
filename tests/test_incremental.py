"""An incremental `brief build` writes the bytes a clean build of the same inputs writes.

`brief build` skips MkDocs entirely when no input changed since the last strict build, and
otherwise lets MkDocs skip every page whose source and site-wide inputs did not change (the
plugin's manifest). Both are only worth having if they are exact: after each kind of change
a person makes (a report revised, added or removed, an override, a template, mkdocs.yml)
the site of the incremental build must equal, file for file and byte for byte, the site a
project that never built before writes from the same inputs, the search index included.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from bench.make_corpus import write_corpus
from tests.site.sitebuild import ROOT, make_project

INPUTS = ("content", "site_templates", "mkdocs.yml", "data/overrides", "data/fx_rates.yaml")
KEPT = re.compile(r"(\d+) files kept from the last build")


def brief_build(root: Path, *flags: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1767225600",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-m", "builder.cli", "--root", str(root), "build", *flags]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def site_files(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def clean_build(inputs: Path, folder: Path) -> dict[str, bytes]:
    """The site a project that never built writes from `inputs`' current inputs."""
    fresh = make_project(folder, extract=True, reports=False)
    for name in INPUTS:
        source, target = inputs / name, fresh / name
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target)
        elif source.is_file():
            shutil.copy2(source, target)
    brief_build(fresh, "--search", "wait")  # whole when the command ends, index included
    return site_files(fresh)


def revise_report(root: Path) -> None:
    report = sorted((root / "content" / "reports").iterdir())[0]
    raw = report.read_bytes()
    figure = re.search(rb"\d+\.\d+ (?:million|billion)", raw, re.IGNORECASE)
    assert figure is not None, report
    report.write_bytes(raw[: figure.start()] + b"9" + raw[figure.start() :])


def correct_growth(root: Path) -> None:
    market = next(
        p for p in sorted((root / "data" / "markets").glob("*.yaml")) if "\ncagr:" in p.read_text()
    )
    (root / "data" / "overrides").mkdir(exist_ok=True)
    (root / "data" / "overrides" / market.name).write_text("cagr:\n  percent: 12.34\n")


def edit_template(root: Path) -> None:
    template = root / "site_templates" / "market.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nRevised layout.\n")


def add_report(root: Path) -> None:
    [report] = write_corpus(1, root / "generated")
    shutil.move(report, root / "content" / "reports" / f"added-{report.name}")


def remove_report(root: Path) -> None:
    sorted((root / "content" / "reports").iterdir())[-1].unlink()


def edit_config(root: Path) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_description: ", "site_description: Revised. "))


CHANGES: list[tuple[str, Callable[[Path], None], bool]] = [
    ("a report revised", revise_report, True),
    ("an override", correct_growth, True),
    ("a template", edit_template, True),
    ("a new report", add_report, False),
    ("a removed report", remove_report, False),
    ("mkdocs.yml", edit_config, False),
]
"""Each change, and whether MkDocs may keep pages of the last build after it."""


def test_every_incremental_build_equals_a_clean_build(tmp_path):
    root = make_project(tmp_path / "project", extract=True, reports=True)
    first = brief_build(root)
    assert "0 files kept" in first.stderr

    again = brief_build(root)  # nothing changed: MkDocs is not even started
    assert "nothing changed since the last build" in again.stdout and again.stderr == ""

    for step, (what, change, keeps_pages) in enumerate(CHANGES):
        before = site_files(root)
        change(root)
        result = brief_build(root)
        kept = KEPT.search(result.stderr)
        assert kept, result.stderr
        assert (int(kept[1]) > 0) == keeps_pages, what
        incremental = site_files(root)
        assert incremental != before, what
        assert "pagefind/pagefind-entry.json" in incremental
        assert incremental == clean_build(root, tmp_path / f"clean-{step}"), what


def test_force_and_a_damaged_site_rebuild(tmp_path):
    root = make_project(tmp_path / "project", extract=True, reports=True)
    brief_build(root)
    forced = brief_build(root, "--force")
    assert "0 files kept" in forced.stderr
    page = next((root / "site" / "markets").rglob("index.html"))
    page.write_text("damaged", encoding="utf-8")
    repaired = brief_build(root)  # the site is not what the last build left: build again
    assert "nothing changed" not in repaired.stdout
    assert page.read_text(encoding="utf-8") != "damaged"


def test_a_strict_build_with_a_refused_correction_publishes_whole_and_leaves_no_stamp(tmp_path):
    root = make_project(tmp_path / "project", extract=True, reports=True)
    brief_build(root)
    before = site_files(root)
    market = next((root / "data" / "markets").glob("*.yaml"))
    (root / "data" / "overrides").mkdir(exist_ok=True)
    (root / "data" / "overrides" / market.name).write_text("cagr: [not, a, rate]\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "builder.cli", "--root", str(root), "build"]
    failed = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert failed.returncode != 0
    assert market.name in failed.stderr + failed.stdout  # the refused correction is named
    pages = {name for name in site_files(root) if not name.startswith("pagefind/")}
    assert pages == {name for name in before if not name.startswith("pagefind/")}  # all pages
    assert not (root / ".cache" / "build" / "stamp.json").exists()  # the next build redoes it


def test_material_search_entries_of_kept_pages_are_restored(tmp_path):
    """With MkDocs' own search instead of Pagefind, kept pages keep their search entries."""
    root = make_project(tmp_path / "project", extract=True, reports=True)
    config = root / "mkdocs.yml"
    material = "plugins:\n  - search\n  - brief:\n      pagefind: false\n"
    config.write_text(config.read_text().replace("plugins:\n  - brief\n", material))
    brief_build(root)
    correct_growth(root)
    result = brief_build(root)
    kept = KEPT.search(result.stderr)
    assert kept and int(kept[1]) > 0, result.stderr
    incremental = site_files(root)
    assert "search/search_index.json" in incremental
    assert incremental == clean_build(root, tmp_path / "clean")
