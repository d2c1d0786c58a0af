"""Shared fixtures: the five seed reports' records."""

from __future__ import annotations

import pytest

from builder.extract import extract_file
from builder.schema import ReportRecord

from .seeds import PREFIXES, seed_path


@pytest.fixture(scope="module")
def records() -> dict[str, ReportRecord]:
    """Each seed's record, keyed by its number; read-only for the tests."""
    return {prefix: extract_file(seed_path(prefix)) for prefix in PREFIXES}
