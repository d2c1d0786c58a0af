"""Extraction's speed on real report text, in reports per second on one core.

    python bench/extract_speed.py [--passes 5] [--runs 5] [--slowest K]

Loads the real corpus (`tests/corpus/real/raw`, 55 texts from about 40 sources) and the five
seed reports (`content/reports`) into memory, then times `extract_bytes` over all of them,
`--passes` times in a row, in this one process; that is one run. Prints each run's rate, in
the process' CPU time and in wall time (they agree on an idle machine), and the medians, also
in kilobytes of text per second (most real texts are shorter than the seeds, so a rate in
reports depends on the mix). Reports extraction refuses (no market found) count too: they
cost the same reading and searching. Reading files, the cache and writing YAML are not
timed. `--slowest K` lists the K reports that took longest, per pass.

The target is 200 reports/s or more on one core. `bench/run.py` times whole builds of the
generated corpus, whose seed-sized reports all follow the seeds' templates; its extraction
rate is a different mix and not this figure.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `bench` and `builder` importable
    sys.path.insert(0, str(ROOT))

from builder.errors import BriefError  # noqa: E402
from builder.extract import extract_bytes  # noqa: E402

FOLDERS = (ROOT / "tests" / "corpus" / "real" / "raw", ROOT / "content" / "reports")
TARGET = 200.0
"""Reports per second on one core that extraction must keep."""


def load_reports() -> list[tuple[str, bytes]]:
    """(file name, bytes) of every real and seed report, read once."""
    return [
        (path.name, path.read_bytes())
        for folder in FOLDERS
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.name.startswith(".")
    ]


def extract_one(name: str, raw: bytes) -> None:
    # A refused report was still read and searched, which is what is timed.
    with contextlib.suppress(BriefError):
        extract_bytes(raw, name)


def timed_run(reports: list[tuple[str, bytes]], passes: int) -> tuple[float, float]:
    """Reports per second of this process' CPU time, and of wall time, over `passes` passes.

    On a machine others share, wall time counts their work too; CPU time counts what
    extraction itself took, and is the figure held against the target.
    """
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(passes):
        for name, raw in reports:
            extract_one(name, raw)
    done = passes * len(reports)
    return done / (time.process_time() - cpu), done / (time.perf_counter() - wall)


def slowest(reports: list[tuple[str, bytes]], passes: int) -> list[tuple[float, str, int]]:
    """(milliseconds per pass, file name, bytes) of every report, slowest first."""
    found = []
    for name, raw in reports:
        started = time.perf_counter()
        for _ in range(passes):
            extract_one(name, raw)
        found.append((1000 * (time.perf_counter() - started) / passes, name, len(raw)))
    return sorted(found, reverse=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5, help="passes over all reports per run")
    parser.add_argument("--runs", type=int, default=5, help="runs; their median is printed")
    parser.add_argument("--slowest", type=int, default=0, help="list the K slowest reports")
    args = parser.parse_args(argv)
    reports = load_reports()
    timed_run(reports, 1)  # warm up: imports, compiled patterns, vocabulary tables
    cpu_rates, wall_rates = [], []
    for run in range(1, args.runs + 1):
        cpu, wall = timed_run(reports, args.passes)
        cpu_rates.append(cpu)
        wall_rates.append(wall)
        print(f"run {run}: {cpu:.0f} reports/s of CPU time, {wall:.0f} of wall time", flush=True)
    median = statistics.median(cpu_rates)
    kilobytes = sum(len(raw) for _, raw in reports) / 1000
    print(
        f"{len(reports)} reports ({kilobytes:.0f} kB) x {args.passes} passes, "
        f"{args.runs} runs: median {median:.0f} reports/s "
        f"({median * kilobytes / len(reports):.0f} kB/s) of one core's CPU time, "
        f"{statistics.median(wall_rates):.0f} of wall time "
        f"(target {TARGET:.0f}: {'met' if median >= TARGET else 'NOT met'})"
    )
    for ms, name, size in slowest(reports, args.passes)[: args.slowest]:
        print(f"  {ms:7.2f} ms  {size / 1000:6.1f} kB  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
