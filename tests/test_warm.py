"""`brief serve` keeps what it loaded from one rebuild to the next (`builder.warm`): an
unchanged report's record and an unchanged data file's model are reused, anything changed is
read again, what a rebuild no longer uses is dropped, and a one-off build keeps nothing."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import pytest

import builder.warm
from builder.extract_cache import extract_records
from builder.pipeline import extract_to_dir
from builder.settings import Settings
from builder.store import load_brief
from builder.warm import Kept, rebuilding, rebuilt

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "content" / "reports").iterdir())


@pytest.fixture
def warm(monkeypatch):
    monkeypatch.setattr(builder.warm, "_warm", True)


def test_a_one_off_process_keeps_nothing():
    kept: Kept[str] = Kept()
    kept.put(Path("a.json"), "record")
    assert kept.get(Path("a.json")) is None


def test_a_rebuild_keeps_only_what_it_used(warm):
    kept: Kept[str] = Kept()
    kept.put(Path("a.json"), "a")
    kept.put(Path("b.json"), "b")
    kept.round_done()
    assert kept.get(Path("a.json")) == "a"  # the next rebuild uses a, not b
    kept.round_done()
    assert (kept.get(Path("a.json")), kept.get(Path("b.json"))) == ("a", None)


def test_a_serving_process_reuses_unchanged_records_and_reads_a_changed_one(warm, tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(ROOT / "content" / "reports", reports)
    files = sorted(reports.iterdir())
    cache = tmp_path / "cache"
    first, _ = extract_records(files, cache)
    again, _ = extract_records(files, cache)
    assert [a is b for a, b in zip(first, again, strict=True)] == [True] * len(files)

    text = files[0].read_text(encoding="utf-8")
    files[0].write_text(text.replace("Market", "Market Report", 1), encoding="utf-8")
    revised, _ = extract_records(files, cache)
    assert revised[0] is not first[0] and revised[0] != first[0]
    assert all(a is b for a, b in zip(first[1:], revised[1:], strict=True))


def test_a_serving_process_reuses_unchanged_data_files(warm, tmp_path):
    settings = Settings(tmp_path)
    extract_to_dir(SEEDS, settings.data_dir, settings)
    cache = tmp_path / "data-cache"
    first = load_brief(settings.data_dir, cache)
    slug = sorted(first.markets)[0]
    path = settings.data_dir / "markets" / f"{slug}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(f"slug: {slug}", f"slug: {slug}\n# checked"),
        encoding="utf-8",
    )
    again = load_brief(settings.data_dir, cache)
    assert again.markets[slug] is not first.markets[slug]  # its bytes changed: read again
    assert again.markets[slug] == first.markets[slug]
    others = [s for s in first.markets if s != slug]
    assert all(again.markets[s] is first.markets[s] for s in others)
    assert all(again.companies[s] is first.companies[s] for s in first.companies)


class Node:
    """An object in a reference cycle, as MkDocs' files and pages are."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def idle_at_once(monkeypatch):
    monkeypatch.setattr(builder.warm, "IDLE_SECONDS", 0.01)
    yield
    rebuilt()


def idle() -> None:
    """Until the collection the last rebuild asked for has run, or was put off."""
    timer = builder.warm._tidying
    assert timer is not None
    timer.join(10)


def test_a_rebuild_runs_no_cyclic_collection_and_its_cycles_are_freed_once_idle(idle_at_once):
    rebuilding()
    assert not gc.isenabled()
    dropped = weakref.ref(Node())  # a cycle: reference counting alone never frees it
    rebuilt()
    assert gc.isenabled()
    idle()
    assert dropped() is None


def test_a_rebuild_that_starts_first_puts_the_collection_off(idle_at_once, monkeypatch):
    monkeypatch.setattr(builder.warm, "IDLE_SECONDS", 0.5)
    rebuilding()
    rebuilt()
    dropped = weakref.ref(Node())
    rebuilding()  # before the process was idle
    idle()
    assert dropped() is not None and not gc.isenabled()
