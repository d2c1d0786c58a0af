"""The published `site/` is always a whole site, builds never overlap, and a mixed `data/`
is seen and finished.

MkDocs empties its `site_dir` before it builds, so a build that fails or is killed would
leave readers nothing; the builder builds beside it and swaps. `brief build` holds one lock
over extraction and the site, so a second build stops with one line instead of mixing
corrections into half the pages.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from brief_runs import ROOT, brief, build_folders_left, every_file, make_project, start_brief

import builder.write
from builder.pipeline import extract_to_data
from builder.settings import Settings
from builder.store import generation_state, load_brief

pytestmark = pytest.mark.xdist_group("hostile-builds")

MARKET = "united-states-cmo-cdmo-market"


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, dict[Path, bytes]]:
    """The seeds built once into site/, and the site's files."""
    root = make_project(tmp_path / "project", extract=True, reports=True)
    result = brief(root, "build")
    assert result.returncode == 0, result.stderr
    return root, every_file(root / "site")


def test_a_failed_build_leaves_the_published_site_whole(built):
    root, before = built
    page = root / "content" / "pages" / "markets" / f"{MARKET}.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# A page where a generated one goes\n", encoding="utf-8")
    result = brief(root, "build")
    assert result.returncode == 1
    assert "has the path of a generated file" in result.stderr
    assert every_file(root / "site") == before
    assert not build_folders_left(root)


def test_a_killed_build_leaves_the_old_site_or_the_new_one(built):
    root, old = built
    (root / "data" / "overrides").mkdir()
    (root / "data" / "overrides" / f"{MARKET}.yaml").write_text("name: Renamed Market\n")
    for delay in (0.5, 1.0, 1.5, 2.0):
        process = start_brief(root, "build")
        try:
            process.wait(timeout=delay)
        except Exception:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        process.stdout.close()
        process.stderr.close()
        site = every_file(root / "site")
        assert len(site) == len(old)  # whole: the old site or a complete new one
        pages = site[root / "site" / "markets" / MARKET / "index.html"]
        assert (b"Renamed Market" in pages) or site == old
    assert brief(root, "build").returncode == 0
    assert b"Renamed Market" in (root / "site" / "markets" / MARKET / "index.html").read_bytes()
    assert not build_folders_left(root)


def test_a_second_build_stops_with_one_line_and_changes_nothing(built):
    root, before = built
    (root / "data" / "overrides").mkdir()
    (root / "data" / "overrides" / f"{MARKET}.yaml").write_text("name: Renamed Market\n")
    with open(root / "data" / ".brief.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a build in progress
        second = brief(root, "build")
    assert second.returncode == 1
    assert second.stderr.splitlines() == [
        f"error: {root}/data: another build is writing here; wait for it to finish"
    ]
    assert every_file(root / "site") == before


def test_an_extraction_stopped_while_writing_is_seen_and_finished(tmp_path, monkeypatch):
    root = make_project(tmp_path / "project", extract=True, reports=True)
    settings = Settings.at(root)
    extract_to_data(settings)
    reports = root / "content" / "reports"
    for report in reports.iterdir():  # a new generation: every market file changes
        text = report.read_text(encoding="utf-8").replace("Market", "Market Place")
        report.write_text(text, encoding="utf-8")
    real_write, writes = builder.write.atomic_write, []

    def dies_after_three(path: Path, data: bytes) -> None:
        if path.suffix == ".yaml" and len(writes) == 3:
            raise KeyboardInterrupt  # as a kill would stop it, in the middle of the files
        writes.append(path)
        real_write(path, data)

    monkeypatch.setattr(builder.write, "atomic_write", dies_after_three)
    with pytest.raises(KeyboardInterrupt):
        extract_to_data(settings)
    monkeypatch.undo()
    assert generation_state(settings.data_dir) == "writing"
    [problem] = load_brief(settings.data_dir).problems
    assert "files of two extractions are mixed" in str(problem)
    result = brief(root, "check")
    assert result.returncode == 1 and "run `brief build` to finish it" in result.stderr
    started = time.perf_counter()
    assert extract_to_data(settings).problems == []
    assert time.perf_counter() - started < 30
    assert load_brief(settings.data_dir).problems == []
    assert generation_state(settings.data_dir) == "complete"


def mkdocs_dirty(root: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --dirty`, the incremental build, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "-f", str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )


def test_an_incremental_build_is_all_or_nothing_too(built):
    root, before = built
    (root / "data" / "overrides").mkdir()
    (root / "data" / "overrides" / f"{MARKET}.yaml").write_text("name: Renamed Market\n")
    page = root / "content" / "pages" / "markets" / f"{MARKET}.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# A page where a generated one goes\n", encoding="utf-8")
    failed = mkdocs_dirty(root)
    assert failed.returncode != 0
    assert every_file(root / "site") == before
    page.unlink()
    assert mkdocs_dirty(root).returncode == 0
    after = every_file(root / "site")
    search = root / "site" / "pagefind"  # its file names are hashes of what they index
    assert {p for p in after if search not in p.parents} == {
        p for p in before if search not in p.parents
    }
    assert search / "pagefind-entry.json" in after
    assert b"Renamed Market" in after[root / "site" / "markets" / MARKET / "index.html"]
    assert not build_folders_left(root)


def test_a_bad_report_is_one_line_of_brief_build_and_the_others_are_published(tmp_path):
    root = make_project(tmp_path / "project", extract=True, reports=True)
    bad = root / "content" / "reports" / "zz_empty.txt"
    bad.write_bytes(b"")
    result = brief(root, "build")
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if "zz_empty.txt" in line] == [
        f"error: {bad}: the file is empty"
    ]
    markets = [p for p in (root / "site" / "markets").iterdir() if p.is_dir()]
    assert len(markets) == 5


def renamed_pages(site: Path) -> set[Path]:
    return {p for p in site.rglob("*.html") if b"Renamed Market" in p.read_bytes()}


def test_two_builds_started_together_publish_one_whole_current_site(built):
    root, before = built
    (root / "data" / "overrides").mkdir()
    (root / "data" / "overrides" / f"{MARKET}.yaml").write_text("name: Renamed Market\n")
    processes = [start_brief(root, "build") for _ in range(2)]
    results = [(p.wait(timeout=300), p.communicate()[1]) for p in processes]
    assert 0 in [code for code, _ in results]
    for code, err in results:
        assert "Traceback" not in err
        if code:
            assert f"{root}/data: another build is writing here" in err
    raced = renamed_pages(root / "site")
    assert len(every_file(root / "site")) == len(before)
    assert brief(root, "build").returncode == 0  # a build alone, for comparison
    assert raced == renamed_pages(root / "site") and len(raced) > 1
    assert not build_folders_left(root)
