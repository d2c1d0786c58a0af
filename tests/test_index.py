"""Cross-references: market <-> company links come from the markets, and agree both ways."""

from __future__ import annotations

import sys
from pathlib import Path

from builder.index import build_index

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


def test_market_list_is_the_truth_when_a_company_file_lags_behind():
    brief = make_brief()
    brief.companies["alpha"].markets = ["gadgets-market"]  # stale: gadgets does not name alpha
    brief.markets["gadgets-market"].companies = ["beta"]  # an override dropped gamma
    index = build_index(brief)
    assert index.markets_of["alpha"] == ["widgets-market"]
    assert index.markets_of["gamma"] == ["widgets-market"]
    assert index.companies_of["gadgets-market"] == ["beta"]


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


def test_markets_and_companies_are_in_reading_order():
    index = build_index(make_brief())
    names = [make_brief().markets[s].name.casefold() for s in index.market_order]
    assert names == sorted(names)
