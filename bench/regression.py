"""Check extraction against the generated corpus' own truth: a regression check, not accuracy.

`python bench/regression.py N [--seed S] [--show K]` extracts N generated reports
(`bench/make_corpus.py`, every publisher template) and prints, for each headline field (name,
geography, publisher, size, forecast, CAGR, companies, segments, regional shares), the share
of reports where it matches the generator's truth, and the first K mismatches.

The generator writes its reports from the seeds' templates and phrases, the ones the
extractor was written against, so a high figure here says only that those layouts still
extract as before. How well extraction does on reports it was not written for is measured
on the real corpus by `bench/accuracy.py`.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `bench` and `builder` importable
    sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_report, make_report_truth  # noqa: E402
from builder.errors import BriefError  # noqa: E402
from builder.extract import extract_bytes  # noqa: E402
from builder.identity import identity_key  # noqa: E402
from builder.schema import ReportRecord  # noqa: E402
from builder.vocabulary.money import UNIT_IN_MILLIONS  # noqa: E402

# The generator spells two regions one way as a market's geography and another as a region
# entry; the extractor gives each region one spelling, so the truth is read in that spelling.
# Only spelling: a geography the report names differently (a country for a region) still fails.
REGION_SPELLING = {"Asia Pacific": "Asia-Pacific", "Middle East and Africa": "Middle East & Africa"}


def _expected_name(truth: dict[str, Any]) -> str:
    prefix = "" if truth["geography"] == "Global" else truth["geography"] + " "
    return f"{prefix}{truth['name']} Market"


def _geography_right(truth: dict[str, Any], record: ReportRecord) -> bool:
    return record.geography == REGION_SPELLING.get(truth["geography"], truth["geography"])


def _size(record: ReportRecord, kind: str) -> tuple[int | None, float, str] | None:
    size = next((s for s in record.size if s.kind == kind), None)
    if size is None:
        return None
    money = size.money
    return size.year, money.amount * UNIT_IN_MILLIONS[money.unit], money.currency


def _size_right(truth: dict[str, Any], record: ReportRecord, kind: str) -> bool:
    expected = truth[kind]
    got = _size(record, kind)
    if expected is None:
        return got is None
    return (
        got is not None
        and got[0] == expected["year"]
        and math.isclose(got[1], expected["millions"], rel_tol=1e-3)
        and got[2] == expected["currency"]
    )


def _cagr_right(truth: dict[str, Any], record: ReportRecord) -> bool:
    expected = truth["cagr"]
    if expected is None:
        return record.cagr is None
    return record.cagr is not None and math.isclose(record.cagr.percent, expected["percent"])


def _companies_right(truth: dict[str, Any], record: ReportRecord) -> bool:
    # The same companies, each once; order is not scored, as an FAQ answer may name some first.
    expected = {identity_key(truth["spellings"][name][0]) for name in truth["companies"]}
    got = [identity_key(c.name) for c in record.companies]
    return len(got) == len(set(got)) and set(got) == expected


def _segments_right(truth: dict[str, Any], record: ReportRecord) -> bool:
    got = {s.dimension.casefold(): s.values for s in record.segments}
    return got == {d.casefold(): v for d, v in truth["segments"].items()}


def _regions_right(truth: dict[str, Any], record: ReportRecord) -> bool:
    got = {r.name: r.share_percent for r in record.regions if r.share_percent is not None}
    return got == truth["regions"]


def _publisher_right(truth: dict[str, Any], record: ReportRecord) -> bool:
    # The unknown publisher's template names no publisher; any name but a known one is right.
    known = {
        "Verified Market Reports",
        "Reliable Market Forecast",
        "Markets CAGR",
        "Credence Research",
    }
    return (
        record.publisher == truth["publisher"]
        if truth["publisher"]
        else record.publisher not in known
    )


FIELDS: dict[str, Callable[[dict[str, Any], ReportRecord], bool]] = {
    "name": lambda t, r: r.name.casefold() == _expected_name(t).casefold(),
    "geography": _geography_right,
    "publisher": _publisher_right,
    "size": lambda t, r: _size_right(t, r, "base"),
    "forecast": lambda t, r: _size_right(t, r, "forecast"),
    "cagr": _cagr_right,
    "companies": _companies_right,
    "segments": _segments_right,
    "regional shares": _regions_right,
}


@dataclass
class Score:
    reports: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def share(self, name: str) -> float:
        return self.right[name] / self.reports if self.reports else 0.0

    def overall(self) -> float:
        return sum(self.right.values()) / (self.reports * len(FIELDS)) if self.reports else 0.0


def score(n: int, seed: int = 0) -> Score:
    result = Score()
    for index in range(n):
        name, raw = make_report(index, seed)
        truth = make_report_truth(index, seed)
        result.reports += 1
        try:
            record = extract_bytes(raw, name)
        except BriefError as exc:
            result.misses.append(f"{name} ({truth['template']}): not extracted: {exc.problem}")
            continue
        for field_name, right in FIELDS.items():
            if right(truth, record):
                result.right[field_name] += 1
            else:
                result.misses.append(f"{name} ({truth['template']}): {field_name}")
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of generated reports")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=10, help="misses to list")
    args = parser.parse_args(argv)
    result = score(args.n, args.seed)
    print("generated reports matching the generator's truth (a regression check, not accuracy)")
    for name in FIELDS:
        print(f"{name:>16}: {result.share(name):6.1%}")
    print(f"{'all fields':>16}: {result.overall():6.1%} of {result.reports} reports")
    for miss in result.misses[: args.show]:
        print("  miss:", miss)


if __name__ == "__main__":
    main()
