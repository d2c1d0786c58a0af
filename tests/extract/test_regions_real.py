"""Regional shares as real reports state them: participles, EMEA, and Chinese text.

Sentences are quoted from tests/corpus/real/raw (45: an Interact Analysis release; 51: a
Chinese translation of a Grand View Research release).
"""

from __future__ import annotations

import pytest

from builder.extract.regions import extract_regions
from builder.extract.sentences import Sentence
from builder.places import lookup, mentions


def _shares(*texts: str, geography: str = "Global") -> dict[str, float | None]:
    regions, _ = extract_regions([], [Sentence(t, "overview") for t in texts], geography)
    return {r.name: r.share_percent for r in regions}


def test_accounting_for_gives_the_share_and_a_later_projection_is_left() -> None:
    text = (
        "Our forecast period (up to 2029) indicates Asia Pacific will be the largest regional "
        "market for Li-ion batteries, accounting for 65.3% of total global shipments, or nearly "
        "720 GWh, in 2023, and 60.9% in 2029."
    )
    assert _shares(text) == {"Asia-Pacific": 65.3}


def test_emea_is_a_region_of_its_own() -> None:
    text = (
        "EMEA was the next-largest market for lithium batteries, accounting for a 21.0% share "
        "in 2023."
    )
    assert _shares(text) == {"EMEA": 21.0}
    assert lookup("EMEA") is not None and lookup("EMEA").kind == "region"
    assert lookup("Europe") != lookup("EMEA")


def test_a_chinese_region_name_and_share() -> None:
    text = "亚太地区占 2018 年总收入的 40%以上，由于该地区原材料的高可用性和低成本劳动力，预计将在预测期内主导市场"
    assert _shares(text) == {"Asia-Pacific": 40.0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("北美和欧洲是成熟市场", ["North America", "Europe"]),
        ("中国市场 and the United States", ["China", "United States"]),
        ("The Asia Pacific region", ["Asia-Pacific"]),
    ],
)
def test_places_written_without_spaces_are_found_in_order(text: str, expected: list[str]) -> None:
    assert [place.name for _, _, place in mentions(text)] == expected


def test_a_percentage_without_share_words_is_no_share() -> None:
    text = "Asia Pacific will grow at 18.3% from 2024 to 2029, slightly below the global average."
    assert _shares(text) == {}
