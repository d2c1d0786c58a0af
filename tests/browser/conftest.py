"""Browser fixtures: Debian's Chromium through Playwright, and built sites served over HTTP.

One Chromium per test process and one built site per process: every browser test carries
`xdist_group("browser")`, so under `pytest -n 2 --dist loadgroup` they all share one worker.
The sites are built by the real `mkdocs build` in a copy of the project (`tests/site`
helpers). Playwright never downloads a browser: it drives `/usr/bin/chromium`, which
`make test` installs. A missing Chromium fails the tests with that instruction instead of
skipping them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import CHROMIUM, CHROMIUM_ARGS, Visit, build_strictly, serve, visit
from hostile_reports import hostile_brief, write_hostile_reports
from make_brief import write_data  # tests/site, importable once `browsing` is imported
from playwright.sync_api import sync_playwright
from sitebuild import make_project

from builder.pipeline import extract_to_dir
from builder.settings import Settings


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, for the whole test process."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the browser tests drive Debian's Chromium and run on Linux")
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package "
            "(`make test` does: apt-get install chromium); Playwright must not download one",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed reports extracted and built once per test process; the project copy."""
    root = make_project(tmp_path_factory.mktemp("browser-seeds"), extract=True, reports=True)
    build_strictly(root)
    return root


@pytest.fixture(scope="session")
def seed_url(seed_project: Path) -> Iterator[str]:
    with serve(seed_project / "site") as base:
        yield base


@pytest.fixture
def tab(browser, seed_url: str) -> Iterator[Visit]:
    """A fresh tab on the seed site (own storage, so a palette choice never leaks)."""
    with visit(browser, seed_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def injected_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hostile reports through the real extraction, plus the hostile generated brief; built."""
    workspace = tmp_path_factory.mktemp("browser-hostile")
    root = make_project(workspace / "project", extract=False, reports=False)
    reports = write_hostile_reports(workspace / "reports")
    result = extract_to_dir(reports, root / "data", Settings.at(root))
    assert result.problems == [], result.problems
    write_data(hostile_brief(), root / "data")
    build_strictly(root)
    return root


@pytest.fixture(scope="session")
def injected_url(injected_project: Path) -> Iterator[str]:
    with serve(injected_project / "site") as base:
        yield base
