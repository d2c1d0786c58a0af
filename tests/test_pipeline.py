"""The extraction pipeline's guards: size before reading, one build per output folder; and
the extractor is imported only by a build that has a report to extract."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.errors import BriefError
from builder.extract_cache import extract_records
from builder.lock import build_lock
from tests.site.sitebuild import make_project

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


# Runs `brief ARGS...` and prints the exit code, then the extraction modules it imported.
BRIEF_AND_IMPORTS = """
import sys
from builder.cli import main
code = main(sys.argv[1:])
print(code, *sorted(m for m in sys.modules if m.split(".")[:2] == ["builder", "extract"]))
"""


def brief_imports(*args: str) -> list[str]:
    """Exit code and extraction modules of one `brief` command in a process of its own."""
    run = subprocess.run(
        [sys.executable, "-c", BRIEF_AND_IMPORTS, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return run.stdout.splitlines()[-1].split()


def test_only_a_build_with_a_report_to_extract_imports_the_extractor(tmp_path):
    root = str(make_project(tmp_path, extract=True, reports=True))
    first = brief_imports("--root", root, "build")
    assert first[0] == "0" and "builder.extract.companies" in first
    overrides = tmp_path / "data" / "overrides"
    overrides.mkdir()
    market = sorted((tmp_path / "data" / "markets").glob("*.yaml"))[0]
    (overrides / market.name).write_text("cagr:\n  percent: 12.34\n", encoding="utf-8")
    assert brief_imports("--root", root, "build") == ["0"]  # an override: nothing extracted
    assert brief_imports("--root", root, "check") == ["0"]
