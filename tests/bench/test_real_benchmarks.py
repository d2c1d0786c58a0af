"""The two benchmarks on real text run, and say what they measured."""

from __future__ import annotations

import re

from bench import accuracy, extract_speed
from bench.real_scorer import score_extraction


def test_the_speed_benchmark_times_every_real_and_seed_report(capsys):
    reports = extract_speed.load_reports()
    assert len(reports) == 60
    assert sum(name.endswith((".txt", ".md")) for name, _ in reports) == 60
    extract_speed.main(["--passes", "1", "--runs", "1", "--slowest", "2"])
    out = capsys.readouterr().out.splitlines()
    assert re.fullmatch(
        r"60 reports \(\d+ kB\) x 1 passes, 1 runs: median \d+ reports/s .*", out[1]
    )
    assert len(out) == 4 and all(" ms " in line for line in out[2:])


def test_accuracy_scores_only_the_reports_asked_for(capsys, tmp_path):
    accuracy.main(["--only", "01_", "--only", "47_", "--show", "0"])
    out = capsys.readouterr().out
    assert "2 labelled reports" in out
    result = accuracy.extract_corpus(tmp_path, ["01_", "47_"])
    assert result.reports == 2
    score = score_extraction(tmp_path / "data", only=["01_", "47_"])
    assert score.reports == 2
    assert f"overall: {score.ok:>3}/{score.checks:<3}" in out
