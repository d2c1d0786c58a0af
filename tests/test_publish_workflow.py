"""The Pages workflow parses and builds exactly as the README tells a user to."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from builder.cli import parser

ROOT = Path(__file__).resolve().parents[1]


def workflow() -> dict:
    return yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))


def readme_build_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## The two commands.*?```sh\n(.*?)```", readme, re.S)
    assert block, "README has no two-commands block"
    return block.group(1).splitlines()[0].split("#")[0].strip()


def test_runs_on_push_to_main_with_pages_permissions():
    flow = workflow()
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert flow["concurrency"]["group"] == "pages"


def test_builds_with_the_readme_command_and_deploys_the_site():
    flow = workflow()
    build_steps = flow["jobs"]["build"]["steps"]
    runs = [s["run"] for s in build_steps if "run" in s]
    assert runs == [readme_build_command()] == ["make site"]
    uses = [s.get("uses", "") for s in build_steps]
    upload = next(
        s for s in build_steps if s.get("uses", "").startswith("actions/upload-pages-artifact")
    )
    assert upload["with"]["path"] == "site"
    assert uses.index(upload["uses"]) > next(i for i, s in enumerate(build_steps) if "run" in s)
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_readme_build_command_builds_strictly():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^site:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe and "brief build" in recipe.group(1)
    assert "--no-strict" not in recipe.group(1)
    assert parser().parse_args(["build"]).no_strict is False
