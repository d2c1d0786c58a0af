"""Projects in tmp_path built by the real `mkdocs build`, and ways to read what it wrote."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import yaml

ROOT = Path(__file__).resolve().parents[2]
SKELETON = [
    "site_templates",
    "content/pages",
    "mkdocs.yml",
    "data/fx_rates.yaml",
    "data/company_aliases.yaml",
]


def make_project(root: Path, *, extract: bool, reports: bool) -> Path:
    """A copy of the project's inputs: templates, pages, config, rate and alias tables."""
    for name in SKELETON + (["content/reports"] if reports else []):
        source, target = ROOT / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    if not extract:
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        plugin = "  - brief\n"
        assert plugin in config
        (root / "mkdocs.yml").write_text(
            config.replace(plugin, "  - brief:\n      extract: false\n"), encoding="utf-8"
        )
    return root


def build(root: Path, *, strict: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build` as a user runs it, in its own process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")]
    return subprocess.run(
        command + (["--strict"] if strict else []),
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=300,
    )


def warnings(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line]


def html(site: Path, url_path: str) -> lxml.html.HtmlElement:
    """The parsed page MkDocs wrote for a source path like `markets/x.md`."""
    stem = url_path.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/")
    return lxml.html.parse(site / stem / "index.html").getroot()


def article(page: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    return page.xpath("//article")[0]


def load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
