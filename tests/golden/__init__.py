"""Golden pages: the seeds' site as the builder hands it to MkDocs, committed as snapshots.

The five reports in `content/reports` are extracted into a scratch project and every page
(Markdown) and download (CSV, JSON) `generate_site` yields is compared with the copy under
`tests/golden/site/`, so any change to extraction, data, views or templates shows up in
review as a diff of the pages a reader sees. Charts are left out: their SVG is matplotlib's
and their numbers are in the chart CSVs, which are kept.

When a change to the pages is intended, refresh the snapshots and commit them:

    python -m tests.golden --refresh
"""

from __future__ import annotations

import difflib
import shutil
import tempfile
from datetime import date
from pathlib import Path

from builder.pipeline import extract_to_data
from builder.settings import Settings
from builder.site import generate_site
from builder.store import load_brief

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).resolve().parent / "site"
REFRESH = "python -m tests.golden --refresh"
BUILT = date(2026, 1, 1)
"""The build date every snapshot states, so they do not change with the day they are made."""
KEPT = (".md", ".csv", ".json")
INPUTS = ("content/reports", "data/fx_rates.yaml", "data/company_aliases.yaml")


def seed_site() -> dict[str, str]:
    """Every page and download of the seeds' site, by its path under the docs folder."""
    with tempfile.TemporaryDirectory(prefix="golden-") as scratch:
        root = Path(scratch)
        for name in INPUTS:
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, target)
            else:
                shutil.copy2(ROOT / name, target)
        (root / "site_templates").symlink_to(ROOT / "site_templates")
        settings = Settings(root)
        result = extract_to_data(settings)
        assert not result.problems, result.problems
        brief = load_brief(settings.data_dir)
        return {
            path: content
            for path, content in generate_site(settings, brief, built=BUILT, workers=1)
            if isinstance(content, str) and path.endswith(KEPT)
        }


def snapshots() -> dict[str, str]:
    """The committed pages, by the same paths."""
    return {
        path.relative_to(SNAPSHOTS).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(SNAPSHOTS.rglob("*"))
        if path.is_file()
    }


def differences(expected: dict[str, str], actual: dict[str, str], pages: int = 3) -> str:
    """A unified diff of the first `pages` pages that differ, and the paths only one side has."""
    lines = []
    for path in sorted(expected.keys() - actual.keys()):
        lines.append(f"page no longer generated: {path}")
    for path in sorted(actual.keys() - expected.keys()):
        lines.append(f"new page, not in the snapshots: {path}")
    changed = [p for p in sorted(expected.keys() & actual.keys()) if expected[p] != actual[p]]
    for path in changed[:pages]:
        lines += difflib.unified_diff(
            expected[path].splitlines(),
            actual[path].splitlines(),
            f"tests/golden/site/{path}",
            f"generated/{path}",
            lineterm="",
        )
    if len(changed) > pages:
        lines.append(f"... and {len(changed) - pages} more changed pages: {changed[pages:]}")
    return "\n".join(lines)


def refresh() -> list[str]:
    """Write the snapshots anew from the current code; returns the paths that changed."""
    before, now = snapshots(), seed_site()
    shutil.rmtree(SNAPSHOTS, ignore_errors=True)
    for path, text in now.items():
        target = SNAPSHOTS / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
    return sorted(p for p in before.keys() | now.keys() if before.get(p) != now.get(p))
