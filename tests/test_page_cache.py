"""Page keys: what a template reads of each value it is given, and nothing else, is keyed."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from jinja2 import DictLoader, Environment

from builder.index import build_index
from builder.page_cache import CachedPages, PageCache, template_reads
from builder.render import ChartRef, SiteData, make_environment
from builder.schema import ReportWarning

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "site"))
from make_brief import make_brief  # noqa: E402


def reads(source: str) -> object:
    return template_reads(Environment().parse(source))


def test_a_loop_reads_only_what_its_body_names_of_each_element():
    source = (
        "{% for shown in appearances %}{% set market = shown.market %}"
        "{{ market.name }} {{ shown.geography.label }}{% endfor %}"
    )
    assert reads(source)["appearances"] == {
        "[]": {"geography": {"label": {}}, "market": {"name": {}}},
        "|length": {},
    }


def test_a_condition_reads_whether_a_value_is_true_and_a_filter_reads_it_whole():
    source = "{% if not peers %}none{% endif %}{{ company.aliases|join(', ') }}"
    assert reads(source) == {"peers": {"?": {}}, "company": {"aliases": {}}}


def test_pairs_in_a_loop_and_a_computed_subscript_are_followed():
    source = (
        "{% for slug, values in dimension.rows %}"
        "{{ brief.markets[slug].name }} {{ values }}{% endfor %}"
    )
    found = reads(source)
    assert found["brief"] == {"markets": {"[*]": {"name": {}}}}
    assert found["dimension"] == {"rows": {"[]": {0: {}, 1: {}}, "|length": {}}}


def test_a_method_call_or_a_namespace_reads_the_whole_value():
    source = (
        "{{ site.built.isoformat() }}{% set ns = namespace(total=0) %}"
        "{% set ns.total = market.size %}{{ ns.total }}"
    )
    found = reads(source)
    assert found["site"] == {"built": {}} and found["market"] == {"size": {}}


def test_a_template_that_includes_another_reads_everything():
    assert reads("{% include 'other.md.j2' %}{{ market.name }}") is None


@dataclass
class Shown:
    name: str
    figure: float


def test_a_page_key_changes_only_with_what_the_page_shows():
    env = Environment(
        loader=DictLoader({"list.md.j2": "{% for m in items %}{{ m.name }}{% endfor %}"})
    )
    cache = PageCache(None, env, [])

    def key(*items: Shown) -> str:
        return cache.key("list.md.j2", "list.md", {"items": list(items), "unread": 1})

    first = key(Shown("Widgets", 1.0), Shown("Gadgets", 2.0))
    assert key(Shown("Widgets", 9.5), Shown("Gadgets", 2.0)) == first  # a figure not shown
    assert key(Shown("Widgets", 1.0), Shown("Gizmos", 2.0)) != first
    assert key(Shown("Widgets", 1.0)) != first


def test_a_model_read_in_part_is_keyed_on_the_fields_read_down_to_each_element():
    """Pydantic dumps the fields a template reads of a model (`_include`); a step that is no
    field of the model keys it whole."""
    env = Environment(
        loader=DictLoader(
            {
                "warned.md.j2": "{% for m in items %}{{ m.name }}{{ m.source.file }}"
                "{% for w in m.warnings %}{{ w.text }}{% endfor %}{% endfor %}",
                "odd.md.j2": "{% for m in items %}{{ m.name }}{{ m.not_a_field }}{% endfor %}",
            }
        )
    )
    market = make_brief().markets["widgets-market"]

    def key(template: str, **changes: object) -> str:
        cache = PageCache(None, env, [])  # a new run: nothing remembered
        return cache.key(template, "a.md", {"items": [market.model_copy(update=changes)]})

    first = key("warned.md.j2")
    warning = ReportWarning(code="unusable-size", text="Another warning")
    assert key("warned.md.j2", summary="Not shown") == first
    assert key("warned.md.j2", warnings=[*market.warnings, warning]) != first
    assert key("warned.md.j2", warnings=[warning]) != first
    source = market.source.model_copy(update={"file": "002_other.txt"})
    assert key("warned.md.j2", source=source) != first
    unread = market.source.model_copy(update={"sha256": "0" * 64})
    assert key("warned.md.j2", source=unread) == first
    assert key("odd.md.j2", summary="Not shown") != key("odd.md.j2")


def test_known_digests_stand_for_their_values(tmp_path):
    """A model loaded from a data file is keyed by the digest of its bytes, not dumped."""
    env = Environment(loader=DictLoader({"one.md.j2": "{{ item }}"}))
    market = make_brief().markets["widgets-market"]

    def key(digests: list[tuple[object, str]]) -> str:
        return PageCache(None, env, [], digests).key("one.md.j2", "a.md", {"item": market})

    assert key([(market, "bytes-1")]) != key([(market, "bytes-2")])
    assert key([(market, "bytes-1")]) == key([(market, "bytes-1")])
    assert key([(market.model_copy(), "bytes-1")]) == key([])  # another object: dumped


def test_a_page_whose_view_inputs_are_unchanged_is_taken_as_it_was(tmp_path):
    """A run of the site's pages over the same folder of cached pages, as each build is."""
    brief = make_brief()
    folders = [ROOT / "site_templates"]

    def run(charts: list[ChartRef]) -> tuple[str, str, list[str]]:
        data = SiteData(brief, build_index(brief), {"widgets-market": charts})
        env = make_environment(folders)
        cache = PageCache(tmp_path, env, folders)
        pages = CachedPages(env, data, cache)
        texts = pages.company("gamma"), pages.market("widgets-market")
        cache.save()
        return *texts, cache.rendered

    chart = ChartRef("size", "charts/market/widgets-market-size.svg", "Widgets by year")
    company, market, rendered = run([chart])
    assert rendered == ["companies/gamma.md", "markets/widgets-market.md"]
    assert run([chart]) == (company, market, [])

    company, market, rendered = run([ChartRef("size", chart.path, "Widgets, by year")])
    assert "Widgets, by year" in market and rendered == ["markets/widgets-market.md"]

    brief.companies["beta"].name = "Beta Renamed"  # gamma's group member, shown on its page
    company, market, rendered = run([ChartRef("size", chart.path, "Widgets, by year")])
    assert "[Beta Renamed](beta.md)" in company
    assert rendered == ["companies/gamma.md", "markets/widgets-market.md"]
