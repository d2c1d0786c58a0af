"""Regression check on the generated corpus: its templates keep extracting as the generator says.

The generated reports reuse the seeds' layouts and phrases, so these figures are no measure of
accuracy on reports from other publishers (that is tests/corpus/test_real_accuracy.py); they
catch a change that breaks a layout the extractor already handled.
"""

from __future__ import annotations

from typing import Any

from bench.make_corpus import make_report, make_report_truth
from bench.regression import FIELDS, score
from builder.extract import extract_bytes
from builder.schema import ReportRecord

UNSEEN_SEED = 101
"""A corpus seed whose generated reports were never looked at while writing the rules."""
REPORTS = 150
MIN_SHARE = 0.95
"""Share of generated reports each field must still match; below it, a known layout broke."""


def test_every_headline_field_still_matches_the_generated_truth():
    result = score(REPORTS, UNSEEN_SEED)
    assert result.reports == REPORTS
    below = {name: f"{result.share(name):.1%}" for name in FIELDS if result.share(name) < MIN_SHARE}
    assert not below, f"{below}; first misses: {result.misses[:10]}"


def _asia_pacific_report() -> tuple[dict[str, Any], ReportRecord]:
    """The first unseen report whose truth spells its geography "Asia Pacific"."""
    for index in range(200):
        truth = make_report_truth(index, UNSEEN_SEED)
        if truth["geography"] == "Asia Pacific":
            name, raw = make_report(index, UNSEEN_SEED)
            return truth, extract_bytes(raw, name)
    raise AssertionError("no Asia Pacific report among the first 200")


def test_the_scorer_forgives_only_the_generators_two_spellings_of_a_region():
    truth, record = _asia_pacific_report()
    right = FIELDS["geography"]
    assert record.geography == "Asia-Pacific" and right(truth, record)
    for wrong in ("Asia Pacific Rim", "Southeast Asia", "Global", "asia-pacific"):
        assert not right(truth, record.model_copy(update={"geography": wrong}))


def test_the_scorer_fails_a_missing_share_or_company():
    truth, record = _asia_pacific_report()
    assert FIELDS["regional shares"](truth, record) and FIELDS["companies"](truth, record)
    fewer_regions = [r for r in record.regions if r.share_percent is None] + [
        r for r in record.regions if r.share_percent is not None
    ][1:]
    assert not FIELDS["regional shares"](
        truth, record.model_copy(update={"regions": fewer_regions})
    )
    assert not FIELDS["companies"](
        truth, record.model_copy(update={"companies": record.companies[1:]})
    )
    doubled = record.companies + record.companies[:1]
    assert not FIELDS["companies"](truth, record.model_copy(update={"companies": doubled}))
