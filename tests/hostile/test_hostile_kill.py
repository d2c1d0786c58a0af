"""Nothing lost: a killed build leaves every data file old or new, and builds never overlap.

Two corpora of 60 generated reports (`bench/make_corpus.py`, seeds 0 and 1) give two
complete, known outputs. `brief extract` then alternates between them on one folder and is
SIGKILLed at random moments; after every kill each data file must be byte-for-byte a file
of one of the two outputs: never truncated, never a mix within a file. Both outputs were
loaded and validated whole, so a file equal to one of theirs parses and validates too.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from brief_runs import brief, every_file, make_project, start_brief
from make_inputs import SEED_MARKETS, seed_path

from bench.make_corpus import write_corpus
from builder.lock import build_lock
from builder.paths import GENERATION
from builder.store import generation_state, load_brief

pytestmark = pytest.mark.xdist_group("hostile-kill")
REPORTS = 60
KILLS = 20


@dataclass
class Corpora:
    project: Path
    folders: tuple[Path, Path]
    outputs: tuple[dict[Path, bytes], dict[Path, bytes]]
    """Each corpus's complete output, by path relative to the output folder."""


def relative(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): b for p, b in every_file(folder).items()}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> Corpora:
    """Both corpora, extracted (so cached) and their complete outputs validated."""
    tmp = tmp_path_factory.mktemp("kill")
    project = make_project(tmp / "project", extract=True, reports=False)
    folders = (tmp / "corpus-a", tmp / "corpus-b")
    runs = []
    for seed, folder in enumerate(folders):
        write_corpus(REPORTS, folder, seed=seed)
        out = tmp / f"complete-{seed}"
        runs.append((start_brief(project, "extract", str(folder), "--out", str(out)), out))
    outputs = []
    for process, out in runs:
        assert process.wait(timeout=300) == 0, process.communicate()[1]
        process.communicate()
        loaded = load_brief(out)
        assert loaded.problems == [] and len(loaded.markets) == REPORTS
        outputs.append(relative(out))
    return Corpora(project, folders, (outputs[0], outputs[1]))


def kill_at(process, delay: float) -> None:
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:  # still running: kill it and any worker it started
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    process.stderr.close()


def test_a_killed_build_leaves_each_file_old_or_new(corpora, tmp_path):
    out = tmp_path / "out"
    started = time.perf_counter()
    first = brief(corpora.project, "extract", str(corpora.folders[0]), "--out", str(out))
    seconds = time.perf_counter() - started  # a whole run, every file written
    assert first.returncode == 0
    rng = random.Random(20240611)
    mixed = 0
    for kill in range(KILLS):
        folder = corpora.folders[(kill + 1) % 2]
        process = start_brief(corpora.project, "extract", str(folder), "--out", str(out))
        kill_at(process, rng.uniform(0.05, seconds))
        sources = set()
        for path, data in relative(out).items():
            if path.name == GENERATION:
                continue  # the run's own marker, checked below
            if path.name.endswith(".tmp"):
                assert path.name.startswith("."), path  # hidden, and never read as data
                continue
            matches = {i for i, output in enumerate(corpora.outputs) if output.get(path) == data}
            assert matches, f"{path} is neither the old nor the new file after kill {kill}"
            sources.add(frozenset(matches))
        if {frozenset({0}), frozenset({1})} <= sources:
            mixed += 1
            assert generation_state(out) == "writing"  # the mix is seen, and finished next run
    assert mixed, "no kill landed while files were being written"
    last = brief(corpora.project, "extract", str(corpora.folders[0]), "--out", str(out))
    assert last.returncode == 0
    data = {p: b for p, b in relative(out).items() if not p.name.endswith(".tmp")}
    assert data == corpora.outputs[0]
    assert generation_state(out) == "complete"  # complete and consistent again


@pytest.fixture
def small(tmp_path) -> tuple[Path, tuple[Path, Path]]:
    """A project and two small report folders: the five seeds, and the first four of them."""
    project = make_project(tmp_path / "project", extract=True, reports=False)
    folders = (tmp_path / "five", tmp_path / "four")
    for count, folder in zip((5, 4), folders, strict=True):
        folder.mkdir()
        for prefix in list(SEED_MARKETS)[:count]:
            (folder / seed_path(prefix).name).write_bytes(seed_path(prefix).read_bytes())
    return project, folders


ANOTHER_BUILD = "another build is writing here; wait for it to finish"


def test_a_second_build_is_told_and_changes_nothing(small, tmp_path):
    project, (five, four) = small
    out = tmp_path / "out"
    assert brief(project, "extract", str(five), "--out", str(out)).returncode == 0
    before = every_file(out)
    with build_lock(out):
        second = brief(project, "extract", str(four), "--out", str(out))
    assert second.returncode == 1
    assert second.stderr.splitlines() == [f"error: {out}: {ANOTHER_BUILD}"]
    assert every_file(out) == before


def test_two_builds_started_together_leave_one_complete_output(small, tmp_path):
    project, folders = small
    complete = []
    for i, folder in enumerate(folders):
        assert (
            brief(project, "extract", str(folder), "--out", str(tmp_path / str(i))).returncode == 0
        )
        complete.append(relative(tmp_path / str(i)))
    out = tmp_path / "out"
    processes = [start_brief(project, "extract", str(f), "--out", str(out)) for f in folders]
    results = [(p.wait(timeout=120), p.communicate()[1]) for p in processes]
    assert 0 in [code for code, _ in results]
    for code, err in results:
        assert "Traceback" not in err
        if code:
            assert err.splitlines() == [f"error: {out}: {ANOTHER_BUILD}"]
    assert relative(out) in complete
