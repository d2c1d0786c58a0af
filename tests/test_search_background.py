"""`brief build` on a person's machine keeps the last search index and indexes again in a
process of its own (`builder.search`). The site it leaves must become, once that run is done,
byte for byte the site a build that waited writes; a reader must never meet a half-written
index (a first build's pages come before any index); and a build started meanwhile must win
over the run."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from builder.search import Indexer, default_mode
from tests.site.sitebuild import make_project
from tests.test_incremental import (
    brief_build,
    clean_build,
    correct_growth,
    revise_report,
    site_files,
)

pytestmark = pytest.mark.xdist_group("search-background")


@pytest.fixture(autouse=True)
def background(monkeypatch):
    monkeypatch.setenv("BRIEF_SEARCH", "background")


def indexer(root: Path) -> Indexer:
    return Indexer(root / ".cache", root / "site")


def settle(root: Path, timeout: float = 120) -> None:
    """Wait until no background run is indexing the site."""
    search = indexer(root)
    deadline = time.monotonic() + timeout
    while search.running() is not None:
        assert time.monotonic() < deadline, "the background index run did not finish"
        time.sleep(0.1)


def running(pid: int) -> bool:
    """Whether the process runs: one that ended stays a zombie until its new parent, the
    system's first process, reaps it, which some systems do seconds later."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def built_and_indexed(tmp_path: Path) -> Path:
    """A seed project after its first build and that build's background index run."""
    root = make_project(tmp_path / "project", extract=True, reports=True)
    brief_build(root)
    settle(root)  # the first build's pages come first, then its index
    return root


def index_files(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if name.startswith("pagefind/")}


def test_the_index_follows_in_the_background_and_ends_as_a_waiting_build_would(tmp_path):
    root = make_project(tmp_path / "project", extract=True, reports=True)
    first = brief_build(root)  # nothing to carry over: the pages come first, then the index
    if indexer(root).running() is not None:
        assert not index_files(site_files(root)), "a half-written index was published"
    settle(root)
    assert not indexer(root).behind()
    assert "pagefind/pagefind-entry.json" in site_files(root), first.stderr
    assert site_files(root) == clean_build(root, tmp_path / "first")
    assert "nothing changed" in brief_build(root).stdout  # the index that came is not a change
    old_index = index_files(site_files(root))

    revise_report(root)
    brief_build(root)
    right_after = site_files(root)
    if indexer(root).running() is not None:  # still indexing: the last index serves
        assert index_files(right_after) == old_index
    settle(root)
    assert not indexer(root).behind()
    done = site_files(root)
    assert index_files(done) != old_index  # the revised page is indexed
    assert done == clean_build(root, tmp_path / "clean")
    assert not (root / ".site.new").exists(), "the build left its staging folder behind"


def test_a_build_started_during_a_run_stops_it_and_its_own_index_wins(tmp_path):
    root = built_and_indexed(tmp_path)
    revise_report(root)
    brief_build(root)
    first_run = indexer(root).running()
    correct_growth(root)
    brief_build(root)
    if first_run is not None:  # the second build stopped the first run, or it had ended
        assert not running(first_run)
    settle(root)
    assert site_files(root) == clean_build(root, tmp_path / "clean")


def test_a_stopped_run_is_made_up_by_the_next_build_with_nothing_else_to_do(tmp_path):
    root = built_and_indexed(tmp_path)
    revise_report(root)
    brief_build(root)
    settle(root)
    # as a run that was killed before it swapped its index in leaves the state
    state = indexer(root).state
    recorded = json.loads(state.read_text(encoding="utf-8"))
    state.write_text(json.dumps({**recorded, "done": "stopped"}), encoding="utf-8")
    assert indexer(root).behind()

    again = brief_build(root)
    assert "nothing changed since the last build" in again.stdout
    assert "search index was behind" in again.stdout
    settle(root)
    assert not indexer(root).behind()


@pytest.mark.parametrize(
    ("brief_search", "ci", "mode"),
    [
        ("", "", "background"),  # a person's machine
        ("", "true", "wait"),  # CI publishes the site as soon as the command ends
        ("wait", "", "wait"),
        ("background", "true", "background"),  # said outright, it wins
        ("later", "", "background"),  # not a mode: the default
    ],
)
def test_the_default_mode(monkeypatch, brief_search, ci, mode):
    monkeypatch.setenv("BRIEF_SEARCH", brief_search)
    monkeypatch.setenv("CI", ci)
    assert default_mode() == mode


def test_search_wait_indexes_before_the_command_ends(tmp_path):
    root = built_and_indexed(tmp_path)
    old_index = index_files(site_files(root))
    revise_report(root)
    brief_build(root, "--search", "wait")
    assert indexer(root).running() is None and not indexer(root).behind()
    assert index_files(site_files(root)) != old_index


def test_a_failed_run_is_named_and_made_up_now_with_search_wait(tmp_path):
    root = built_and_indexed(tmp_path)
    search = indexer(root)
    recorded = json.loads(search.state.read_text(encoding="utf-8"))
    search.state.write_text(json.dumps({**recorded, "wanted": "a run that failed"}))
    (search.folder / "last-run.log").write_text("site: Pagefind could not index it: no space\n")
    before = index_files(site_files(root))

    again = brief_build(root, "--search", "wait")
    assert "(the last run said: site: Pagefind could not index it: no space)" in again.stdout
    assert "indexed again" in again.stdout
    assert not search.behind() and search.running() is None
    assert index_files(site_files(root)) == before  # the same pages: the same index
