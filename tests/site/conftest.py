"""Fixtures: the generated brief as a project, and the seed reports built once per process."""

from __future__ import annotations

from pathlib import Path

import pytest
from make_brief import make_brief, write_data
from sitebuild import build, make_project, warnings


@pytest.fixture
def hostile_project(tmp_path: Path) -> Path:
    """The generated brief (hostile strings included) as data files, without extraction."""
    root = make_project(tmp_path / "project", extract=False, reports=False)
    write_data(make_brief(), root / "data")
    return root


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed reports extracted and built once per test process, strictly."""
    root = make_project(tmp_path_factory.mktemp("seeds"), extract=True, reports=True)
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert warnings(result) == []
    return root
