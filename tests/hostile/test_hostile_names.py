"""Names no extraction rule would accept, forced into the records, still cannot escape.

The extractor already refuses "../../etc/passwd" as a market or company name; these tests
do not rely on that. They rename the seeds' records after extraction, so the names reach
slugs, file names and the writer exactly as written, through the real `brief extract`.
"""

from __future__ import annotations

import re

import pytest
import yaml
from brief_runs import every_file, make_project
from make_inputs import ESCAPING_NAMES, SEED_MARKETS, seed_path

import builder.extract
from builder.cli import main

NAMES = (*ESCAPING_NAMES, "CMO/CDMO Market", "CMO-CDMO Market", "Index", "")
"""One market name per report: escapes, reserved names, script, length, two alike, empty."""
SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@pytest.fixture
def renamed_reports(tmp_path, monkeypatch):
    """Reports whose records carry `NAMES` as market names and as their first companies."""
    folder = tmp_path / "reports"
    folder.mkdir()
    seeds = list(SEED_MARKETS)
    for i in range(len(NAMES)):
        raw = seed_path(seeds[i % len(seeds)]).read_bytes()
        (folder / f"{i:03d}.html").write_bytes(raw + f"<p>Copy {i}.</p>".encode())
    extract = builder.extract.extract_bytes

    def renaming(raw: bytes, file_name: str):
        record = extract(raw, file_name)
        i = int(file_name[:3])
        others = [NAMES[(i + k) % len(NAMES)] for k in (1, 2)]
        companies = [
            company.model_copy(update={"name": name or "-"})
            for company, name in zip(record.companies, others, strict=False)
        ]
        return record.model_copy(
            update={"name": NAMES[i] or "-", "companies": companies + record.companies[2:]}
        )

    # the extraction cache imports the extractor when it runs: it finds the renaming one
    monkeypatch.setattr(builder.extract, "extract_bytes", renaming)
    return folder


def extract(project, folder, out, capsys) -> int:
    code = main(["--root", str(project), "extract", str(folder), "--out", str(out)])
    assert "Traceback" not in capsys.readouterr().err
    return code


def test_hostile_names_stay_inside_the_output_folder(tmp_path, renamed_reports, capsys):
    project = make_project(tmp_path / "project", extract=True, reports=False)
    before = set(every_file(tmp_path))
    out = tmp_path / "out"
    assert extract(project, renamed_reports, out, capsys) == 0
    for path in set(every_file(tmp_path)) - before:
        assert path.is_relative_to(out) or path.is_relative_to(project / ".cache"), path
    markets = [yaml.safe_load(p.read_text("utf-8")) for p in sorted(out.glob("markets/*"))]
    assert sorted(m["name"] for m in markets) == sorted(n or "-" for n in NAMES)
    companies = [yaml.safe_load(p.read_text("utf-8")) for p in sorted(out.glob("companies/*"))]
    names = {c["name"] for c in companies} | {a for c in companies for a in c["aliases"]}
    assert {n or "-" for n in NAMES} <= names
    for path in out.glob("*/*.yaml"):
        assert SAFE_SLUG.match(path.stem) and len(path.name) < 100, path.name
        assert path.stem not in {"con", "index", "", ".."}


def test_slugs_are_stable_and_unique(tmp_path, renamed_reports, capsys):
    project = make_project(tmp_path / "project", extract=True, reports=False)
    assert extract(project, renamed_reports, tmp_path / "one", capsys) == 0
    assert extract(project, renamed_reports, tmp_path / "two", capsys) == 0
    one, two = every_file(tmp_path / "one"), every_file(tmp_path / "two")
    assert {p.relative_to(tmp_path / "one"): b for p, b in one.items()} == {
        p.relative_to(tmp_path / "two"): b for p, b in two.items()
    }
    slugs = [yaml.safe_load(b)["slug"] for p, b in one.items() if p.parent.name == "markets"]
    assert len(slugs) == len(set(slugs)) == len(NAMES)
