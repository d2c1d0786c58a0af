"""Hostile report text in a real browser: shown as text on every page, never run.

The site is built from hostile reports put through the real extraction and from the
generated hostile brief (`hostile_reports`); every page of it is loaded with all FAQ
answers opened. Any dialog (alert) fails, and so does any element the payloads would make:
an event-handler attribute, a script of the page's own text, an image that is not a chart,
a `javascript:` URL in any attribute.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import site_paths, visit
from hostile_reports import PAYLOADS, REPORT_FILES
from sitebuild import load_yaml

from builder.text import plain

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Everything on the page that report text could have turned into live markup.
INJECTED = """() => {
    const all = [...document.querySelectorAll("*")];
    const named = element => element.outerHTML.slice(0, 160);
    return [
        ...all.filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).map(named),
        ...[...document.scripts].filter(s => /alert/.test(s.textContent)).map(named),
        ...[...document.querySelectorAll("article img")]
            .filter(i => !i.src.startsWith(location.origin + "/charts/")).map(named),
        ...all.filter(e => [...e.attributes].some(
            a => /^javascript:/i.test(a.value.replace(/[\\s\\u0000-\\u001f]/g, "")))).map(named),
    ];
}"""
OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


def shown_fields(data: Path) -> dict[str, list[str]]:
    """Per page path, the text fields of its data that the page shows, its name first."""
    fields: dict[str, list[str]] = {}
    for path in sorted((data / "markets").glob("*.yaml")):
        market = load_yaml(path)
        fields[f"markets/{market['slug']}/"] = [
            market["name"],
            market.get("title") or "",
            market.get("summary") or "",
            *(warning["text"] for warning in market.get("warnings", [])),
            *(f"{f['question']} {f['answer']}" for f in market.get("faq", [])),
            *(
                f"{e.get('title') or ''} {e['text']}"
                for kind in ("drivers", "trends", "challenges", "opportunities", "outlook")
                for e in market.get(kind, [])
            ),
        ]
    for path in sorted((data / "companies").glob("*.yaml")):
        company = load_yaml(path)
        fields[f"companies/{company['slug']}/"] = [
            company["name"],
            *company.get("aliases", []),
            *(m.get("description") or "" for m in company.get("mentions", [])),
        ]
    return fields


def test_no_page_runs_a_payload_and_each_page_shows_its_payloads_as_text(
    browser, injected_project, injected_url
):
    shown = shown_fields(injected_project / "data")
    expected = {
        page: {p for field in texts for p in PAYLOADS if p in plain(field)}
        for page, texts in shown.items()
    }
    assert set().union(*expected.values()) == set(PAYLOADS)  # each payload reached a page
    from_reports = [
        f"markets/{market['slug']}/"
        for path in sorted((injected_project / "data" / "markets").glob("*.yaml"))
        for market in [load_yaml(path)]
        if market["source"]["file"] in REPORT_FILES
    ]
    assert len(from_reports) == len(REPORT_FILES)
    assert all(expected[page] for page in from_reports)  # extraction kept them, as text
    pages = site_paths(injected_project / "site", "**/index.html")
    assert set(expected) <= set(pages)
    missing = {}
    with visit(browser, injected_url) as tab:
        for page in pages:
            tab.open(page)
            tab.page.evaluate(OPEN_ALL)
            assert tab.page.evaluate(INJECTED) == [], page
            if page in shown:  # the tab's title is the market's or company's name, as text
                assert tab.page.title().startswith(plain(shown[page][0])), page
            text = tab.page.locator("article").inner_text()
            absent = [p for p in expected.get(page, ()) if p not in text]
            if absent:
                missing[page] = absent
        assert tab.dialogs == []
        assert tab.errors == []
    assert missing == {}
