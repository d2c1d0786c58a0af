"""Any input: a record or one deliberate BriefError, in time linear in the input's size."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.errors import BriefError
from builder.extract import extract_bytes
from builder.schema import ReportRecord

from .seeds import PREFIXES, seed_path

SEEDS = [seed_path(prefix).read_bytes() for prefix in PREFIXES]
MARKUP = st.sampled_from(
    [
        *"<>/ *#-_:&;%$€.,\n\t\"'=()[]!?`~|0123456789",
        *("<p>", "</p>", "<li>", "<ul>", "<strong>", "</strong>", "<h2>", "**", "CAGR ", "USD "),
        *("billion", " Market", "Key players include ", "North America", "â€“", "&amp;", "2023"),
    ]
)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def outcome(raw: bytes) -> ReportRecord | BriefError:
    try:
        record = extract_bytes(raw, "fuzz.txt")
    except BriefError as error:
        # The last-resort guard's message means an unexpected exception inside extraction.
        assert not error.problem.startswith("could not extract"), error.problem
        assert str(error.path) == "fuzz.txt"
        return error
    ReportRecord.model_validate(record.model_dump())
    return record


@FUZZ
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(raw):
    outcome(raw)


@FUZZ
@given(st.lists(st.one_of(MARKUP, st.text(max_size=8)), max_size=300))
def test_markup_soup(pieces):
    outcome("".join(pieces).encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.sampled_from(SEEDS), st.integers(0, 20000), st.integers(0, 20000), st.binary(max_size=16))
def test_damaged_seeds(seed, start, end, junk):
    start, end = sorted((start % len(seed), end % len(seed)))
    outcome(seed[:start] + junk + seed[end:])
    outcome(seed[start:end])


SIZE = 512 * 1024


@pytest.mark.parametrize(
    "unit",
    [
        b"<",
        b"#",
        b"**",
        b"$1 ",
        b"&amp;",
        "â€™ ".encode(),
        b"<div>",
        b"(",
        b"a@b.co ",
        b"North America 40% share ",
        b"CAGR of 7-10% ",
        b"Key players include A, B and ",
        SEEDS[2],
    ],
    ids=lambda unit: unit[:12].decode("utf-8", "replace"),
)
def test_large_pathological_input_stays_fast(unit):
    raw = unit * (SIZE // len(unit))
    started = time.perf_counter()
    outcome(raw)
    assert time.perf_counter() - started < 15
