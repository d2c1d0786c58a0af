"""The seeds' pages and downloads are exactly the committed golden copies."""

from __future__ import annotations

from . import REFRESH, differences, seed_site, snapshots


def test_the_seeds_site_matches_the_golden_pages():
    expected = snapshots()
    assert expected, f"no golden pages yet: {REFRESH}"
    found = differences(expected, seed_site())
    assert not found, (
        f"the generated pages differ from tests/golden/site/ (if intended: {REFRESH})\n{found}"
    )


def test_a_difference_reads_as_a_unified_diff_of_the_page():
    expected = {"index.md": "# Home\n\nBuilt on 2026-01-01.\n", "old.md": "gone\n"}
    actual = {"index.md": "# Home\n\nBuilt on 2026-01-02.\n", "new.md": "here\n"}
    assert differences(expected, actual).splitlines() == [
        "page no longer generated: old.md",
        "new page, not in the snapshots: new.md",
        "--- tests/golden/site/index.md",
        "+++ generated/index.md",
        "@@ -1,3 +1,3 @@",
        " # Home",
        " ",
        "-Built on 2026-01-01.",
        "+Built on 2026-01-02.",
    ]


def test_only_the_first_differing_pages_are_shown_in_full():
    expected = {f"p{n}.md": "a\n" for n in range(5)}
    actual = {f"p{n}.md": "b\n" for n in range(5)}
    shown = differences(expected, actual, pages=2)
    assert shown.count("--- tests/golden/site/") == 2
    assert shown.endswith("... and 3 more changed pages: ['p2.md', 'p3.md', 'p4.md']")
