"""Report files that attack the terminal, the file system, the page or the spreadsheet.

A file name with escape sequences or a newline is printed as escapes on one line; links
out of the reports folder, dangling links and FIFOs are named and not read; a
`content/reports` that is a file stops the build instead of pruning every market; FAQ text
never becomes an admonition; no ";"-separated part of a CSV cell is a formula; and a
paragraph of thousands of initials is split in linear time.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import time
from pathlib import Path

import pytest
from brief_runs import ROOT, brief, every_file, make_project

from builder.cli import main
from builder.downloads import companies_csv
from builder.extract import extract_bytes
from builder.extract.sentences import split_sentences
from builder.index import build_index
from builder.text import md
from tests.extract.seeds import seed_path, seed_text

sys.path.insert(0, str(ROOT / "tests" / "site"))
from make_brief import make_brief
from markdown_html import to_html

pytestmark = pytest.mark.xdist_group("hostile-files")


def extract(root: Path, folder: Path, out: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "extract", str(folder), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.err.splitlines()


def test_a_file_name_cannot_rewrite_the_terminal_or_forge_a_line(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    name = "\x1b[2J\x1b[31mevil\nnote: all good\x07\u202etxt.exe.txt"
    (folder / name).write_bytes(b"\x00\x01 not a report")
    code, err = extract(tmp_path, folder, tmp_path / "out", capsys)
    assert code == 1
    [line] = err
    assert "\x1b" not in line and "\x07" not in line and "\u202e" not in line
    assert "\\x1b[2J\\x1b[31mevil\\nnote: all good\\x07\\u202etxt.exe.txt" in line


def test_links_out_of_the_folder_dangling_links_and_fifos_are_named(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret-report.txt").write_bytes(seed_path("000").read_bytes())
    (folder / "001.txt").write_bytes(seed_path("001").read_bytes())
    (folder / "inside-link.txt").symlink_to(folder / "001.txt")
    (folder / "outside-link.txt").symlink_to(outside / "secret-report.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(folder / "pipe.txt")
    started = time.perf_counter()
    code, err = extract(tmp_path, folder, tmp_path / "out", capsys)
    assert time.perf_counter() - started < 20  # the FIFO is never opened
    assert code == 1
    assert sorted(err) == [
        f"error: {folder}/dangling.txt: a link to nothing (dangling or looping); not read",
        f"error: {folder}/outside-link.txt: a link to a file outside {folder}; not read",
        f"error: {folder}/pipe.txt: not a regular file (a FIFO, device or socket); not read",
    ]
    markets = list((tmp_path / "out" / "markets").glob("*.yaml"))
    assert len(markets) == 1  # 001 and its link inside the folder are one report
    assert not any(b"Biopharmaceutical CMO Services" in p.read_bytes() for p in markets)


def test_content_reports_as_a_file_is_an_error_not_a_prune(tmp_path):
    root = make_project(tmp_path / "project", extract=True, reports=True)
    built = brief(root, "build")
    assert built.returncode == 0, built.stderr
    data = every_file(root / "data" / "markets")
    reports = root / "content" / "reports"
    for report in reports.iterdir():
        report.unlink()
    reports.rmdir()
    reports.write_bytes(seed_path("000").read_bytes())
    result = brief(root, "build")
    assert result.returncode == 1
    assert f"error: {reports}: is a file, not the folder of reports" in result.stderr
    assert "Traceback" not in result.stderr
    assert every_file(root / "data" / "markets") == data


@pytest.mark.parametrize("text", ["!!! bug injected-class", "??? danger", "???+ note"])
def test_faq_text_never_becomes_an_admonition_or_details(text):
    page = to_html(f'??? question "Q"\n    {md(text)}\n')
    assert page.xpath("count(//details)") == 1  # only the FAQ entry's own
    assert not page.xpath("//*[contains(@class, 'admonition')]")
    assert page.xpath("string(//details/p)") == text


def test_no_part_of_a_list_cell_is_a_formula():
    brief_data = make_brief()
    alpha = brief_data.companies["alpha"]
    alpha.aliases = ["Alpha Corporation", '=cmd|" /C calc"!A0', " +1+2", "@SUM(A1)", "Alpha -x"]
    rows = list(csv.reader(io.StringIO(companies_csv(brief_data, build_index(brief_data)))))
    cell = next(row for row in rows if row[0] == "alpha")[2]
    for part in cell.split(";"):
        assert part.lstrip(" ")[:1] not in ("=", "+", "-", "@"), cell
    assert cell.split(";")[-1] == "Alpha -x"


def test_a_paragraph_of_initials_is_split_in_linear_time():
    paragraph = "A. " * (1_900_000 // 3)
    started = time.process_time()  # CPU time: a loaded machine does not fail the test
    assert len(split_sentences(paragraph)) == 1
    report = seed_text("000").replace(
        "<h2>Clinical Manufacturing</h2>", f"<h2>Clinical Manufacturing</h2><p>{paragraph}</p>"
    )
    assert len(report) < 2 * 1024 * 1024  # under the size limit: it must be extracted
    assert extract_bytes(report.encode("utf-8"), "initials.txt").name
    assert time.process_time() - started < 5
