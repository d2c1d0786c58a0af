"""After an upgrade no cache serves what older code made, and a bug is told as a bug.

Caches are keyed on all the code they depend on (`builder.fingerprint`), extraction
included, and entries of other code are removed; a bug in the builder keeps its message
and place, says it is a bug, and shows its traceback with `--debug`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from brief_runs import ROOT, make_project

import builder.extract
import builder.pipeline
from builder.cli import main
from builder.errors import BuilderBug

pytestmark = pytest.mark.xdist_group("hostile-code")

REPORTS = ROOT / "content" / "reports"


def run_with(code_root: Path, project: Path, out: Path) -> subprocess.CompletedProcess:
    """`brief extract` as the builder under `code_root` runs it (an upgraded install)."""
    command = ["-m", "builder.cli", "--root", str(project), "extract", str(REPORTS)]
    return subprocess.run(
        [sys.executable, *command, "--out", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(code_root), "PYTHONDONTWRITEBYTECODE": "1"},
        cwd=project,
        timeout=120,
    )


def test_an_upgraded_extractor_is_never_served_old_records(tmp_path):
    project = make_project(tmp_path / "project", extract=True, reports=False)
    assert run_with(ROOT, project, tmp_path / "old").returncode == 0
    cache = project / ".cache" / "extract"
    old_entries = {p.name for p in cache.iterdir()}
    leftover = cache / ".killed-run.json.tmp"
    leftover.write_text("{")
    os.utime(leftover, (time.time() - 3600, time.time() - 3600))

    upgraded = tmp_path / "upgraded"
    shutil.copytree(ROOT / "builder", upgraded / "builder", ignore=shutil.ignore_patterns("*.pyc"))
    module = upgraded / "builder" / "extract" / "__init__.py"
    text = module.read_text(encoding="utf-8")
    call = "        return _extract(raw, file_name)\n"
    assert call in text
    module.write_text(
        text.replace(
            call,
            "        record = _extract(raw, file_name)\n"
            '        return record.model_copy(update={"name": "Upgraded " + record.name})\n',
        ),
        encoding="utf-8",
    )
    result = run_with(upgraded, project, tmp_path / "new")
    assert result.returncode == 0, result.stderr
    names = [p.read_text(encoding="utf-8") for p in (tmp_path / "new" / "markets").iterdir()]
    assert len(names) == 5 and all("name: Upgraded " in text for text in names)
    assert not old_entries & {p.name for p in cache.iterdir()} - {".code"}  # pruned
    assert not leftover.exists()


@pytest.fixture
def a_bug_in_extraction(monkeypatch):
    """Extraction of one report meets a bug, as a KeyError deep in a pass would be."""
    real = builder.extract._extract

    def buggy(raw: bytes, file_name: str):
        if file_name.startswith("002"):
            segments: dict[str, list[str]] = {}
            return segments["Application"]
        return real(raw, file_name)

    monkeypatch.setattr(builder.extract, "_extract", buggy)


def test_a_bug_is_told_as_a_bug_with_its_message_and_place(tmp_path, capsys, a_bug_in_extraction):
    out = tmp_path / "out"
    code = main(["--root", str(tmp_path), "extract", str(REPORTS), "--out", str(out)])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    [line] = err
    assert line.startswith(f"error: {REPORTS}/002_cd5f53c63d67e71d.txt: bug in the builder")
    assert "KeyError: 'Application' at test_hostile_code.py:" in line
    assert "--debug" in line and "Traceback" not in line
    assert len(list((out / "markets").glob("*.yaml"))) == 4  # the others are still extracted


def test_debug_shows_the_traceback_of_the_bug(tmp_path, capsys, a_bug_in_extraction):
    out = tmp_path / "out"
    main(["--root", str(tmp_path), "--debug", "extract", str(REPORTS), "--out", str(out)])
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert 'return segments["Application"]' in err


def test_a_bug_outside_extraction_is_one_line_naming_the_command(tmp_path, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(builder.pipeline, "normalise", broken)
    code = main(["--root", str(tmp_path), "extract", str(REPORTS), "--out", str(tmp_path / "o")])
    [line] = capsys.readouterr().err.splitlines()
    assert code == 2
    assert line.startswith("error: brief extract: bug in the builder")
    assert "ZeroDivisionError: float division by zero at test_hostile_code.py:" in line


def test_extraction_itself_tells_a_bug_as_a_bug(a_bug_in_extraction):
    with pytest.raises(BuilderBug) as caught:
        builder.extract.extract_bytes(b"any report", "002.txt")
    problem = caught.value.problem
    assert problem.startswith("bug in the builder, not a problem with this file: KeyError")
    assert "'Application' at test_hostile_code.py:" in problem
