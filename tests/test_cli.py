"""The command line: every command has help, is documented, and fails with one clear line."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

import pytest

from builder.cli import main, parser

ROOT = Path(__file__).resolve().parents[1]


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_command_has_help_and_is_in_the_readme(name, capsys):
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: brief {name}")
    assert f"brief {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_missing_source_is_one_line_naming_it(tmp_path, capsys):
    missing = tmp_path / "nope.html"
    code = main(["--root", str(ROOT), "extract", str(missing), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert err == [f"error: {missing}: no such file or folder"]


def test_schema_command_writes_json_schemas(tmp_path, capsys):
    assert main(["schema", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in (tmp_path / "schema").iterdir())
    assert "market.schema.json" in names and "company.schema.json" in names


def test_an_output_folder_that_is_a_file_is_one_line(tmp_path, capsys):
    for table in ("fx_rates.yaml", "company_aliases.yaml"):
        (tmp_path / "data").mkdir(exist_ok=True)
        shutil.copy(ROOT / "data" / table, tmp_path / "data" / table)
    out = tmp_path / "out"
    out.write_text("a file, not a folder")
    reports = ROOT / "content" / "reports"
    code = main(["--root", str(tmp_path), "extract", str(reports), "--out", str(out)])
    [line] = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert line == f"error: {out}: is a file, not a folder; name a folder for the output"
    assert out.read_text() == "a file, not a folder"


def test_check_names_a_market_group_slug_no_market_has(tmp_path, capsys):
    data = tmp_path / "data"
    (data / "markets").mkdir(parents=True)
    (data / "market_groups.yaml").write_text("groups:\n  Solar: [gone-market]\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "market_groups.yaml" in err[0] and "'gone-market'" in err[0]


def test_serve_poll_asks_the_plugin_to_poll(monkeypatch, tmp_path):
    import builder.mkdocs_plugin

    monkeypatch.setenv("BRIEF_WATCH", "")  # put back as it was after the test
    seen = []
    monkeypatch.setattr(
        builder.mkdocs_plugin, "serve_site", lambda *a: not seen.append(os.environ["BRIEF_WATCH"])
    )
    assert main(["--root", str(tmp_path), "serve", "--poll"]) == 0
    assert seen == ["poll"]
