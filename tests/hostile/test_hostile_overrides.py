"""Broken hand corrections through `brief build`: named, left untouched, and never dropped quietly.

An override that cannot be applied is lost work unless someone hears about it, so the build
fails (exit 1, MkDocs strict mode) and names the file and line; the file itself is never
rewritten, and a YAML tag in it never constructs anything.
"""

from __future__ import annotations

import pytest
from brief_runs import brief, every_file, make_project

from builder.cli import main

pytestmark = pytest.mark.xdist_group("hostile-overrides")


def broken_overrides(marker) -> dict[str, tuple[str, str]]:
    """Override file -> (its text, what its one line must say), for slugs of the seeds."""
    return {
        "lonza.yaml": ("name: Lonza\naliases: [Lonza Group,\n", "lonza.yaml:3: invalid YAML"),
        "united-states-cmo-cdmo-market.yaml": (
            "geography: United States\ncagr: {percent: fast}\n",
            "united-states-cmo-cdmo-market.yaml:2: cagr.percent",
        ),
        "catalent.yaml": ("name: Catalent\ncolour: blue\n", "catalent.yaml:2: colour"),
        "verbena-essential-oil-market.yaml": (
            "name: Verbena Essential Oil Market\n",
            "verbena-essential-oil-market.yaml: no market or company with slug",
        ),
        "abbvie.yaml": (
            f"name: !!python/object/apply:os.system ['touch {marker}']\n",
            "abbvie.yaml:1: invalid YAML: could not determine a constructor",
        ),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("overrides"), extract=True, reports=True)
    marker = root / "command-ran"
    overrides = broken_overrides(marker)
    folder = root / "data" / "overrides"
    folder.mkdir(parents=True)
    for name, (text, _) in overrides.items():
        (folder / name).write_text(text, encoding="utf-8")
    before = every_file(folder)
    result = brief(root, "build")
    return root, marker, overrides, before, result


def test_build_fails_and_names_each_broken_override_once(built):
    root, _, overrides, _, result = built
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if "data/overrides/" in line]
    assert len(warnings) == len(overrides), result.stderr
    for name, (_, expected) in overrides.items():
        [line] = [w for w in warnings if f"/{name}" in w]
        assert f"{root}/data/overrides/{expected}" in line


def test_broken_overrides_are_left_byte_for_byte(built):
    root, _, _, before, _ = built
    assert every_file(root / "data" / "overrides") == before


def test_a_yaml_tag_in_an_override_never_runs(built):
    root, marker, *_ = built
    assert not marker.exists()
    assert not list(root.rglob("command-ran"))


def test_check_reports_the_same_overrides(built, capsys):
    root, _, overrides, _, _ = built
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == len(overrides)
    for name, (_, expected) in overrides.items():
        [line] = [line for line in err if f"/{name}" in line]
        assert line.startswith(f"error: {root}/data/overrides/{expected}")
