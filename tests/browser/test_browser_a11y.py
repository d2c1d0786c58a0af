"""Accessibility with axe-core on each kind of page, in both colour schemes.

axe-playwright-python injects the axe.min.js it ships into the page (`page.evaluate`); the
test checks that nothing was fetched from anywhere but the site while it ran.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from sitebuild import load_yaml

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BLOCKING = {"serious", "critical"}
THEME_MARKUP = {
    # Material's search overlay is a `div role="dialog"` without a name: the theme's own
    # partial (its input is labelled "Search"), not markup of this project.
    ("aria-dialog-name", ".md-search"),
}


def blocking_violations(tab) -> list[str]:
    """Serious and critical violations on the page, as "rule (impact): selector" lines."""
    found = []
    for violation in Axe().run(tab.page).response["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"]:
            target = " ".join(node["target"])
            if (violation["id"], target) not in THEME_MARKUP:
                found.append(
                    f"{violation['id']} ({violation['impact']}): {target}: {node['html'][:120]}"
                )
    return found


def richest(folder: Path) -> dict:
    """The entity with the most data, so its page has the most kinds of content."""
    return load_yaml(max(sorted(folder.glob("*.yaml")), key=lambda p: p.stat().st_size))


def kinds_of_page(project: Path) -> dict[str, str]:
    return {
        "home": "",
        "market": f"markets/{richest(project / 'data' / 'markets')['slug']}/",
        "company": f"companies/{richest(project / 'data' / 'companies')['slug']}/",
        "compare": "compare/",
        "sources": "sources/",  # warnings, the problems box and the wide table of rates
    }


@pytest.mark.parametrize("kind", ["home", "market", "company", "compare", "sources"])
def test_no_serious_or_critical_violations_in_either_scheme(tab, seed_project, kind):
    tab.open(kinds_of_page(seed_project)[kind])
    assert blocking_violations(tab) == []
    tab.dark_mode()
    assert blocking_violations(tab) == []
    assert tab.elsewhere() == set()
