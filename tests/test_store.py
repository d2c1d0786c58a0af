"""Hand corrections in data/overrides: merged on top, validated, never lost or ignored."""

from __future__ import annotations

import pytest

from builder.schema import Company, Market, Source
from builder.store import load_brief, merge
from builder.write import Writer
from builder.yamlio import dump_model


@pytest.fixture
def data_dir(tmp_path):
    # Facts as the Credence Research seed (004) states them.
    market = Market(
        slug="north-america-biopharmaceuticals-contract-manufacturing-market",
        name="North America Biopharmaceuticals Contract Manufacturing Market",
        geography="North America",
        publisher="Credence Research",
        source=Source(file="004_80dc29c2d6d1c78a.txt"),
        companies=["lonza"],
    )
    company = Company(slug="lonza", name="Lonza")
    writer = Writer(tmp_path)
    writer.write(f"markets/{market.slug}.yaml", dump_model(market, "market"), "m")
    writer.write("companies/lonza.yaml", dump_model(company, "company"), "c")
    (tmp_path / "overrides").mkdir()
    return tmp_path


def override(data_dir, slug, text):
    path = data_dir / "overrides" / f"{slug}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_override_is_merged_on_top(data_dir):
    slug = "north-america-biopharmaceuticals-contract-manufacturing-market"
    override(data_dir, slug, "name: North American Biopharma CMO Market\ngeography: North America\n")
    brief = load_brief(data_dir)
    assert brief.markets[slug].name == "North American Biopharma CMO Market"
    assert brief.markets[slug].publisher == "Credence Research"
    assert brief.applied_overrides == {slug: data_dir / "overrides" / f"{slug}.yaml"}
    assert not brief.problems


def test_company_override(data_dir):
    override(data_dir, "lonza", "aliases: [Lonza Group, Lonza Group AG]\n")
    assert load_brief(data_dir).companies["lonza"].aliases == ["Lonza Group", "Lonza Group AG"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: [unclosed\n", "invalid YAML"),
        ("cagr: {percent: fast, quote: q}\n", "cagr.percent"),
        ("colour: blue\n", "colour"),
        ("- just\n- a list\n", "mapping"),
        ("slug: something-else\n", "cannot change the slug"),
        ("!!python/object/apply:os.system ['echo hacked']\n", "YAML"),
    ],
)
def test_broken_override_is_reported_and_left_untouched(data_dir, text, expected):
    slug = "north-america-biopharmaceuticals-contract-manufacturing-market"
    path = override(data_dir, slug, text)
    brief = load_brief(data_dir)
    assert len(brief.problems) == 1
    message = str(brief.problems[0])
    assert str(path) in message and expected in message
    assert brief.markets[slug].name == "North America Biopharmaceuticals Contract Manufacturing Market"
    assert path.read_text(encoding="utf-8") == text


def test_syntax_error_names_the_line(data_dir):
    path = override(data_dir, "lonza", "name: Lonza\naliases: [a,\n  b\nmarkets: x: y\n")
    problem = load_brief(data_dir).problems[0]
    assert problem.path == path and problem.line is not None and problem.line >= 2


def test_wrong_type_names_the_line(data_dir):
    override(data_dir, "lonza", "name: Lonza\n\naliases: 12\n")
    problem = load_brief(data_dir).problems[0]
    assert problem.line == 3 and "aliases" in problem.problem


def test_override_not_saved_as_utf8_is_reported_not_mangled(data_dir):
    path = data_dir / "overrides" / "lonza.yaml"
    path.write_bytes("name: Lonza\ndescription: Société suisse\n".encode("latin-1"))
    brief = load_brief(data_dir)
    assert [(p.path, p.line) for p in brief.problems] == [(path, 2)]
    assert "UTF-8" in brief.problems[0].problem
    assert brief.companies["lonza"].name == "Lonza" and "lonza" not in brief.applied_overrides


def test_unreadable_override_is_one_problem_not_a_crash(data_dir):
    (data_dir / "overrides" / "lonza.yaml").mkdir()
    [problem] = load_brief(data_dir).problems
    assert problem.problem.startswith("cannot read")


def test_override_for_a_market_that_no_longer_exists(data_dir):
    override(data_dir, "verbena-essential-oil-market", "name: Verbena\n")
    brief = load_brief(data_dir)
    assert "verbena-essential-oil-market" in str(brief.problems[0])
    assert "not applied" in str(brief.problems[0])


def test_merge_replaces_lists_and_merges_mappings():
    base = {"cagr": {"percent": 15.42, "start_year": 2025}, "companies": ["a", "b"]}
    merged = merge(base, {"cagr": {"percent": 15.0}, "companies": ["c"]})
    assert merged == {"cagr": {"percent": 15.0, "start_year": 2025}, "companies": ["c"]}


def test_a_correction_in_the_kinds_folder_marks_its_page_and_is_listed_by_its_path(data_dir):
    market = "north-america-biopharmaceuticals-contract-manufacturing-market"
    folder = data_dir / "overrides" / "markets"
    folder.mkdir()
    (folder / f"{market}.yaml").write_text("geography: North America\n", encoding="utf-8")
    override(data_dir, "lonza", "aliases: [Lonza Group]\n")
    brief = load_brief(data_dir)
    assert not brief.problems
    assert brief.corrected("market", market) and brief.corrected("company", "lonza")
    assert not brief.corrected("company", market) and not brief.corrected("market", "lonza")
    assert brief.correction_files() == [
        "data/overrides/lonza.yaml",
        f"data/overrides/markets/{market}.yaml",
    ]


def test_a_model_loaded_through_the_cache_carries_the_digest_of_its_bytes(data_dir, tmp_path):
    """Page keys take this digest for the model (`PageCache`), so it must follow the bytes
    and never stand for a corrected model."""
    cache = tmp_path / "cache"
    first = load_brief(data_dir, cache)
    digests = {item.slug: digest for item, digest in first.digests}
    assert set(digests) == {*first.markets, *first.companies}
    assert all(item is first.markets.get(item.slug, item) for item, _ in first.digests)

    path = data_dir / "companies" / "lonza.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Lonza", "Lonza Group"))
    slug = "north-america-biopharmaceuticals-contract-manufacturing-market"
    override(data_dir, slug, "geography: Canada\n")
    again = load_brief(data_dir, cache)
    redone = {item.slug: digest for item, digest in again.digests}
    assert redone["lonza"] != digests["lonza"] and redone[slug] == digests[slug]
    corrected = again.markets[slug]
    assert corrected.geography == "Canada"
    assert all(item is not corrected for item, _ in again.digests)  # keyed by its JSON instead
    assert load_brief(data_dir).digests == []  # not through the cache: no digest
