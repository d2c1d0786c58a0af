"""The extraction pipeline's guards: size before reading, one build per output folder."""

from __future__ import annotations

import fcntl
import shutil
from pathlib import Path

import pytest

from builder.errors import BriefError
from builder.extract_cache import extract_records
from builder.lock import build_lock

REPORTS = Path(__file__).resolve().parents[1] / "content" / "reports"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    huge = folder / "huge.html"
    with huge.open("wb") as handle:  # sparse: 3 GB on paper, nothing on disk
        handle.truncate(3 * 1024**3)
    files = sorted(folder.iterdir())
    records, problems = extract_records(files, cache_dir=None, jobs=1)
    assert len(records) == 5
    assert [(p.path, "limit" in p.problem) for p in problems] == [(huge, True)]


def test_one_build_per_output_folder_whatever_the_project(tmp_path):
    out = tmp_path / "data"
    same_folder = tmp_path / "elsewhere" / ".." / "data"
    out.mkdir()
    with open(out / ".brief.lock", "a") as other_build:  # another process's lock
        fcntl.flock(other_build, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BriefError, match="another build"), build_lock(same_folder):
            pass
    with build_lock(out), build_lock(same_folder):  # the holder may take it again
        pass
    lock = out / ".brief.lock"
    before = lock.stat().st_mtime_ns
    with build_lock(out):  # released once the first build is done
        pass
    assert lock.stat().st_mtime_ns == before  # untouched, so a watcher is not set off
    assert [p.name for p in out.iterdir()] == [".brief.lock"]
