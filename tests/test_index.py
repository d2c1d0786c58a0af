"""Cross-references: market <-> company links come from the markets, and agree both ways."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from builder.index import build_index
from builder.schema import Company, Revenue

sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
from make_brief import make_brief


def test_links_both_ways_agree():
    index = build_index(make_brief())
    for market, companies in index.companies_of.items():
        for company in companies:
            assert market in index.markets_of[company]
    for company, markets in index.markets_of.items():
        for market in markets:
            assert company in index.companies_of[market]


def test_an_override_of_a_market_list_changes_the_links_both_ways():
    brief = make_brief()
    brief.markets["gadgets-market"].companies = ["beta"]  # an override dropped gamma
    index = build_index(brief)
    assert index.markets_of["gamma"] == ["widgets-market"]
    assert index.companies_of["gadgets-market"] == ["beta"]


def test_a_company_file_cannot_list_markets_that_could_disagree_with_them():
    with pytest.raises(ValidationError, match="markets"):
        Company.model_validate({"slug": "alpha", "name": "Alpha Corp", "markets": ["gadgets"]})


def test_a_company_named_twice_in_one_market_counts_once():
    brief = make_brief()
    brief.markets["gadgets-market"].companies = ["beta", "gamma", "beta"]
    index = build_index(brief)
    assert index.companies_of["gadgets-market"] == ["beta", "gamma"]
    assert dict(index.peers["beta"])["gamma"] == 2


def test_a_company_without_a_file_is_a_problem_naming_the_market_file():
    brief = make_brief()
    brief.markets["gadgets-market"].companies = ["beta", "ghost"]
    index = build_index(brief)
    assert index.companies_of["gadgets-market"] == ["beta"]
    [problem] = index.problems
    assert str(problem.path) == "data/markets/gadgets-market.yaml"
    assert "'ghost'" in problem.problem


def test_companies_met_most_often_come_first():
    index = build_index(make_brief())
    # beta and gamma share both markets; alpha shares one market with each of them
    assert index.peers["beta"] == [("gamma", 2), ("alpha", 1)]
    assert index.peers["alpha"] == [("beta", 1), ("gamma", 1)]


def test_peer_lists_are_capped():
    brief = make_brief()
    index = build_index(brief, peer_limit=1)
    assert all(len(peers) == 1 for peers in index.peers.values())


def test_groups_ignore_case_and_spacing():
    brief = make_brief()
    brief.markets["gadgets-market"].geography = " europe "
    index = build_index(brief)
    [europe] = index.geographies
    assert europe.label == "Europe" and set(europe.markets) == {"widgets-market", "gadgets-market"}
    assert index.geography_of["gadgets-market"] is europe
    application = next(d for d in index.dimensions if d.label == "Application")
    assert [slug for slug, _ in application.rows] == ["gadgets-market", "widgets-market"]


def test_group_anchors_are_unique_even_when_labels_slug_alike():
    brief = make_brief()
    brief.markets["widgets-market"].publisher = "Acme & Co"
    brief.markets["gadgets-market"].publisher = "Acme and Co"
    anchors = [g.anchor for g in build_index(brief).publishers]
    assert len(anchors) == 2 and len(set(anchors)) == 2


def test_group_membership_is_known_from_either_side():
    brief = make_brief()
    brief.companies["gamma"].subsidiaries = []  # only beta's file says it belongs to gamma
    assert build_index(brief).subsidiaries_of["gamma"] == ["beta"]
    brief.companies["beta"].parent = None
    brief.companies["gamma"].subsidiaries = ["beta", "missing"]
    assert build_index(brief).subsidiaries_of["gamma"] == ["beta"]


def test_group_members_of_one_name_come_in_the_order_of_their_slugs():
    brief = make_brief()  # "Universal Robots" and "Universal Robots A/S" in the bench corpus
    brief.companies["alpha"].name = brief.companies["beta"].name
    brief.companies["gamma"].subsidiaries = ["beta", "alpha"]
    assert build_index(brief).subsidiaries_of["gamma"] == ["alpha", "beta"]


def test_markets_and_companies_are_in_reading_order():
    index = build_index(make_brief())
    names = [make_brief().markets[s].name.casefold() for s in index.market_order]
    assert names == sorted(names)


def _with_revenue(brief, slug: str, market: str, subject: str, quote: str) -> None:
    mention = next(m for m in brief.companies[slug].mentions if m.market == market)
    mention.revenues = [
        Revenue(
            amount=40,
            currency="USD",
            unit="billion",
            usd_millions=40000,
            qualifier="more_than",
            subject=subject,
            quote=quote,
        )
    ]


def test_a_revenue_stated_for_a_group_belongs_to_the_group():
    # seed 002, under Patheon: "Thermo Fisher reported total revenues exceeding $40 billion."
    brief = make_brief()
    _with_revenue(
        brief,
        "beta",
        "gadgets-market",
        "Gamma",
        "Gamma reported total revenues exceeding $40 billion.",
    )
    index = build_index(brief)
    assert index.revenue_owner["beta"] == {"Gamma": "gamma"}
    (attributed,) = index.attributed["gamma"]
    assert (attributed.market, attributed.named_under) == ("gadgets-market", "beta")
    assert attributed.revenue.qualifier == "more_than"


def test_a_subject_may_name_a_company_by_its_first_words_but_not_by_part_of_a_word():
    brief = make_brief()
    brief.companies["gamma"].name = "Gamma Scientific Holdings"
    for subject, owner in (("Gamma Scientific", "gamma"), ("Gamma Sci", None)):
        _with_revenue(brief, "beta", "gadgets-market", subject, f"{subject} reported revenues.")
        assert build_index(brief).revenue_owner.get("beta", {}).get(subject) == owner


def test_a_subject_naming_no_single_company_stays_with_the_entry_that_states_it():
    brief = make_brief()
    _with_revenue(
        brief,
        "beta",
        "gadgets-market",
        "Omega",
        "Omega reported total revenues exceeding $40 billion.",
    )
    index = build_index(brief)
    assert "beta" not in index.revenue_owner and "gamma" not in index.attributed
    # a company's own group name ("Gamma Group" under Gamma) is its own revenue
    assert build_index(make_brief()).attributed == {}
