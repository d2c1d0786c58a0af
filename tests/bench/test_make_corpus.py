"""The benchmark corpus: deterministic, nested, every publisher's template, seed-sized files,
a truth that agrees with the text it describes, and no word taken from the builder."""

from __future__ import annotations

import ast
import html
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from bench.make_corpus import (
    TEMPLATES,
    domains,
    main,
    make_report,
    make_report_truth,
    write_corpus,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "content" / "reports"

# Markers each publisher's real reports carry; the classifier must recognise the seeds too.
MARKERS = {
    "verified": ("verifiedmarketreports.com/download-sample/", "Download Full PDF Sample Copy"),
    "reliable": ("reliablemarketforecast.com/purchase/", "Major Market Players"),
    "marketscagr": ("marketscagr.com/purchase/", "Check more reports on"),
    "credence": ("credenceresearch.com/report/", "Key Player Analysis", "About Us &ndash;"),
}


def classify(text: str) -> str | None:
    found = [name for name, marks in MARKERS.items() if all(m in text for m in marks)]
    if found:
        return found[0] if len(found) == 1 else None
    if text.startswith("# ") and "\n## " in text and "<p>" not in text:
        return "markdown"
    return None


def plain(text: str) -> str:
    """The text with entities and apostrophe encodings undone, for looking names up."""
    text = html.unescape(html.unescape(text))
    return text.replace("â€™", "'").replace("’", "'")


def test_the_classifier_recognises_the_real_reports() -> None:
    expected = ["verified", "verified", "reliable", "marketscagr", "credence"]
    seeds = sorted(SEEDS.glob("*.txt"))
    assert [classify(path.read_text(encoding="utf-8")) for path in seeds] == expected


def test_reliable_region_block_is_the_seeds_verbatim() -> None:
    name, content = next(
        make_report(i) for i in range(10) if classify(make_report(i)[1].decode()) == "reliable"
    )
    block = (
        content.decode().split("available by Region are:</strong></p>\n")[1].split("\n<p><p>")[0]
    )
    for seed in ("002_cd5f53c63d67e71d.txt", "003_6e949c07d1cc3a14.txt"):
        assert block in (SEEDS / seed).read_text(encoding="utf-8"), name


def test_same_seed_same_bytes_and_other_seed_other_bytes(tmp_path: Path) -> None:
    first = write_corpus(20, tmp_path / "a", seed=3)
    second = write_corpus(20, tmp_path / "b", seed=3)
    other = write_corpus(20, tmp_path / "c", seed=4)
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert {p.name for p in first}.isdisjoint(p.name for p in other)


def test_runs_in_separate_processes_agree_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Set and dict ordering of strings changes with PYTHONHASHSEED; the corpus must not."""
    outputs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / hash_seed
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        subprocess.run(
            [sys.executable, "bench/make_corpus.py", "15", str(out), "--seed", "9"],
            cwd=ROOT, env=env, check=True, capture_output=True,
        )  # fmt: skip
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert len(outputs[0]) == 15
    assert outputs[0] == outputs[1]


def test_corpora_nest_and_a_smaller_run_leaves_only_its_own_reports(tmp_path: Path) -> None:
    small = write_corpus(8, tmp_path / "small")
    large = write_corpus(23, tmp_path / "large")
    assert [(p.name, p.read_bytes()) for p in small] == [
        (p.name, p.read_bytes()) for p in large[:8]
    ]
    (tmp_path / "large" / "notes.txt").write_text("not a report")
    write_corpus(8, tmp_path / "large")
    left = sorted(p.name for p in (tmp_path / "large").iterdir())
    assert left == sorted([p.name for p in small] + ["notes.txt"])


def test_regenerating_a_corpus_leaves_unchanged_reports_untouched(tmp_path: Path) -> None:
    """A rebuild benchmark on a regenerated corpus must not see every report as changed."""
    [first, second] = write_corpus(2, tmp_path)
    os.utime(first, ns=(1_000_000_000, 1_000_000_000))
    second.write_text("edited by hand")
    write_corpus(2, tmp_path)
    assert first.stat().st_mtime_ns == 1_000_000_000
    assert second.read_bytes() == make_report(1)[1]


def test_file_names_follow_the_seeds_pattern() -> None:
    names = [make_report(i, 5)[0] for i in range(30)]
    assert all(re.fullmatch(r"\d{5}_[0-9a-f]{16}\.txt", name) for name in names)
    assert [int(name[:5]) for name in names] == list(range(30))


def test_a_fifty_report_corpus_mixes_all_five_templates_evenly() -> None:
    kinds = Counter()
    for index in range(50):
        text = make_report(index, 11)[1].decode("utf-8")
        kind = classify(text)
        assert kind == make_report_truth(index, 11)["template"]
        kinds[kind] += 1
    assert set(kinds) == set(TEMPLATES)
    assert min(kinds.values()) >= 8


def test_reports_are_seed_sized() -> None:
    sizes = [len(make_report(index, 2)[1]) for index in range(200)]
    seed_sizes = [path.stat().st_size for path in SEEDS.glob("*.txt")]
    assert min(seed_sizes) >= 8000 and max(seed_sizes) <= 15000
    assert min(sizes) >= 8000 and max(sizes) <= 15000


def test_the_mess_of_the_real_reports_is_kept() -> None:
    corpus = "".join(make_report(index, 0)[1].decode("utf-8") for index in range(100))
    for mess in ("â€™", "â‚¬", "ðŸ“Œ", "â€“", "&nbsp;", "&amp;", "utm_source=", "Key Player I"):
        assert mess in corpus, mess


@pytest.mark.parametrize("seed", [0, 1])
def test_truth_agrees_with_the_text(seed: int) -> None:
    for index in range(60):
        name, content = make_report(index, seed)
        truth = make_report_truth(index, seed)
        text = content.decode("utf-8")
        readable = plain(text)
        assert truth["file"] == name
        assert truth["name"].lower() in readable.lower()
        if truth["geography"] != "Global":
            assert truth["geography"] in readable
        for figure in (truth["base"], truth["forecast"]):
            if figure:
                assert figure["original"] in text
        assert f"{truth['cagr']['percent']:g}" in text
        for spellings in truth["spellings"].values():
            assert all(spelled in readable for spelled in spellings)
        for region, share in truth["regions"].items():
            assert f"{share:g}%" in text or f"{share:.1f}%" in text, region
        for values in truth["segments"].values():
            assert all(value in readable for value in values)
        json.dumps(truth)


def test_stated_cagr_matches_the_figures_except_in_about_one_report_in_twenty() -> None:
    checked = Counter()
    for index in range(600):
        truth = make_report_truth(index, 4)
        base, forecast = truth["base"], truth["forecast"]
        if base is None:
            assert forecast is None and truth["cagr_consistent"] is None
            continue
        years = forecast["year"] - base["year"]
        implied = ((forecast["millions"] / base["millions"]) ** (1 / years) - 1) * 100
        gap = abs(implied - truth["cagr"]["percent"])
        assert gap < 0.5 if truth["cagr_consistent"] else gap > 3
        checked[truth["cagr_consistent"]] += 1
    share = checked[False] / sum(checked.values())
    assert 0.01 < share < 0.1


def test_figures_vary_in_unit_and_currency() -> None:
    figures = [make_report_truth(index, 6)["base"] for index in range(300)]
    stated = [figure for figure in figures if figure]
    assert {f["original"].split()[-1].lower() for f in stated} == {"million", "billion"}
    assert {f["currency"] for f in stated} == {"USD", "EUR"}
    assert {f["year"] for f in stated} == {2021, 2022, 2023, 2024}


def test_placeholder_reports_name_no_companies() -> None:
    truths = [make_report_truth(index, 0) for index in range(400)]
    placeholders = [truth for truth in truths if truth["placeholders"]]
    assert placeholders
    assert all(truth["companies"] == [] for truth in placeholders)
    assert all(5 <= len(truth["companies"]) <= 20 for truth in truths if not truth["placeholders"])


def test_one_company_goes_by_several_spellings_across_a_corpus() -> None:
    spellings: dict[str, set[str]] = defaultdict(set)
    for index in range(200):
        for canonical, written in make_report_truth(index, 0)["spellings"].items():
            spellings[canonical].update(written)
    varied = {name: names for name, names in spellings.items() if len(names) > 1}
    assert len(varied) > len(spellings) / 2
    case_only = [names for names in varied.values() if len({n.lower() for n in names}) < len(names)]
    suffixed = [
        names
        for names in varied.values()
        if any(a != b and b.startswith(a) for a in names for b in names)
    ]
    assert case_only and suffixed


def test_vocabulary_is_large_enough_for_the_page_counts_of_thousands_of_reports() -> None:
    """About 400 firms make about 400 company pages; thousands of market names keep the
    reports of a 1,000-report corpus nearly all on markets of their own."""
    firms = {firm.name for domain in domains() for firm in domain.firms}
    names = {name for domain in domains() for name in domain.names}
    assert 350 <= len(firms) <= 450
    assert len(names) >= 3000


def test_the_generator_imports_nothing_from_the_builder() -> None:
    """Written with the extractor's own words, the regression check would only check itself."""
    imported = set()
    for module in ("make_corpus.py", "corpus_words.py"):
        tree = ast.parse((ROOT / "bench" / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                imported.add(node.module or "")
    assert imported, "no import found: the check reads the wrong files"
    assert not {name for name in imported if name.split(".")[0] == "builder"}


def test_command_line_writes_the_reports(tmp_path: Path, capsys) -> None:
    assert main(["12", str(tmp_path / "reports"), "--seed", "2"]) == 0
    written = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert written == sorted(make_report_truth(index, 2)["file"] for index in range(12))
    assert "wrote 12 reports" in capsys.readouterr().out
