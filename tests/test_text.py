"""Escaping that holds in every Markdown context, and figures written as people read them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.text import alt, front_matter, md, money, percent, plain, safe_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "site"))
from make_brief import HOSTILE, JS_URL, SCRIPT  # noqa: E402
from markdown_html import to_html  # noqa: E402

CONTEXTS = {  # Markdown around the value, and where the value ends up in the HTML
    "paragraph": ("{}", "//p"),
    "heading": ("## {}", "//h2"),
    "table cell": ("| a | b |\n|---|---|\n| {} | x |", "//td[1]"),
    "list item": ("- {}", "//li"),
    "link text": ("[{}](page.md)", "//a"),
    "admonition title": ('!!! warning "{}"\n    body', "//p[@class='admonition-title']"),
    "details title": ('??? question "{}"\n    answer', "//summary"),
    "admonition body": ("!!! note\n    {}", "//div[contains(@class, 'admonition')]/p[last()]"),
}


def shown(context: str, value: str) -> str:
    """The text a reader sees where the value lands, after Markdown and HTML."""
    source, where = CONTEXTS[context]
    return to_html(source.format(md(value))).xpath(f"string({where})")


@pytest.mark.parametrize("context", sorted(CONTEXTS))
@pytest.mark.parametrize(
    "value", [*HOSTILE, "- item", "1. item", "# heading", "a\\*b", "R&D &amp;"]
)
def test_escaped_text_reads_exactly_as_written(context, value):
    assert shown(context, value) == value


@pytest.mark.parametrize("context", sorted(CONTEXTS))
def test_no_markup_survives_escaping(context):
    hostile = f"{SCRIPT} <img src=x onerror=alert(1)> [x]({JS_URL})"
    root = to_html(CONTEXTS[context][0].format(md(hostile)))
    assert not root.xpath("//script | //img | //a[starts-with(@href, 'javascript')]")


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_any_text_is_shown_as_itself(value):
    for context in ("paragraph", "table cell", "details title"):
        assert shown(context, value) == plain(value)


def test_control_characters_that_markdown_uses_internally_are_dropped():
    assert "\x02" not in md("a\x02wzxhzdk:0\x03b") and "\x03" not in md("a\x03b")


def test_alt_text_lands_in_the_attribute_unchanged():
    value = f"Chart of {SCRIPT} [x] & more"
    root = to_html(f"![{alt(value)}](chart.svg)")
    (image,) = root.xpath("//img")
    assert image.get("alt") == "Chart of <script>alert(1)</script> (x) & more"
    assert not root.xpath("//script")


@pytest.mark.parametrize(
    "url",
    [
        JS_URL,
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/x",
        "ftp://x.example",
        "",
        None,
    ],
)
def test_only_http_links_survive(url):
    assert safe_url(url) is None


def test_http_links_are_encoded_for_markdown():
    url = safe_url("https://example.org/report?id=1&x=(2) y")
    root = to_html(f"[report]({url})")
    assert root.xpath("//a/@href") == ["https://example.org/report?id=1&x=%282%29%20y"]


def test_front_matter_is_yaml_with_an_html_safe_title():
    text = front_matter(title=f'{SCRIPT}: a "quoted" title', edit_path="data/x.yaml")
    meta = yaml.safe_load(text.strip().strip("-"))
    assert meta == {
        "title": "&lt;script&gt;alert(1)&lt;/script&gt;: a &quot;quoted&quot; title",
        "edit_path": "data/x.yaml",
    }


def test_numbers_are_written_as_people_read_them():
    assert money(10560.0) == "USD 10,560 million"
    assert money(5483.81) == "USD 5,483.8 million"
    assert percent(7.0) == "7.0%" and percent(15.42) == "15.42%"
