"""Hostile reports made from real seed markup: payloads where reports carry names and text.

Each report is a seed as it arrived with a few edits (`EDITS`) that put injection payloads
where a publisher's page carries the market name, headings, company names and FAQ entries.
In HTML a payload is written entity-escaped (`&lt;script&gt;`): that is how a page shows
such text, so it reaches the data as text and the site must print it, never run it. The
same payloads also go in as live markup and a `javascript:` link, which extraction must
drop. The Markdown title gets them raw, as an author would type them. `hostile_brief` adds
the payloads `make_brief` leaves out to its generated brief.
"""

from __future__ import annotations

import html
from pathlib import Path

from browsing import ROOT
from make_brief import JS_URL, RAW, SCRIPT, TEMPLATE, make_brief

from builder.schema import Company, Faq, Mention
from builder.store import Brief

IMG = "<img src=x onerror=alert(1)>"
SVG = "<svg onload=alert(1)>"
PAYLOADS = [SCRIPT, IMG, SVG, JS_URL, TEMPLATE, RAW]
"""Every string that must show as text and never act: elements, handlers, links, templates."""

REPORTS = ROOT / "content" / "reports"


def _escaped(payload: str) -> str:
    """A payload as an HTML page shows it as text."""
    return html.escape(payload, quote=False)


LIVE = f'{SCRIPT}{IMG}<svg onload=alert(1)></svg><a href="{JS_URL}">a link that runs script</a>'
EDITS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    # Seed 000 (HTML): market name, a heading, a company, FAQ text, and live markup.
    "100_hostile_verified.txt": (
        "000",
        [
            (
                "United States Biopharmaceutical CMO Services Market",
                f"United States {_escaped(SCRIPT)} {TEMPLATE} CMO Services Market",
            ),
            (
                "<h2>Key Trends in the Biopharmaceutical CMO Services Market</h2>",
                f"<h2>Key Trends {_escaped(SVG)} {RAW} in the Market</h2>",
            ),
            ("<li> AGC Biologics</li>", f"<li> AGC {_escaped(IMG)} Biologics</li>"),
            (
                "<p>What is a Biopharmaceutical CMO?</p>",
                f"<p>What is {_escaped(SCRIPT)} {TEMPLATE}?</p>",
            ),
            (
                "<p>Challenges include regulatory hurdles,",
                f"<p>{_escaped(IMG)} {_escaped(SVG)} {RAW} {JS_URL} Challenges include "
                "regulatory hurdles,",
            ),
            ("<h2>Opportunities in the Market</h2>", f"{LIVE}<h2>Opportunities in the Market</h2>"),
        ],
    ),
    # Seed 004 (Markdown title over HTML): the title, a company, a driver, a script link, and
    # an unclosed <svg> at the very end, as a page cut short ends.
    "104_hostile_credence.txt": (
        "004",
        [
            (
                "# Future of Biopharmaceutical Contract Manufacturing",
                f"# Future of {SCRIPT} {TEMPLATE} Biopharmaceutical Contract Manufacturing",
            ),
            ("<li>JRS PHARMA</li>", f"<li>JRS {_escaped(SVG)} PHARMA {RAW}</li>"),
            (
                "<li><strong> Focus on Cost Efficiency and Time-to-Market</strong>",
                f"<li><strong> Focus on {_escaped(IMG)} Cost Efficiency</strong>",
            ),
            ("<li>ProBioGen</li>", f'<li><a href="{JS_URL}">ProBioGen</a></li>'),
            ("www.credenceresearch.com/</a></p>", f"www.credenceresearch.com/</a></p>{SVG}"),
        ],
    ),
}
REPORT_FILES = tuple(EDITS)


def hostile_report(name: str) -> str:
    """The seed's text with each edit made wherever it applies; fails if one applies nowhere."""
    prefix, edits = EDITS[name]
    (path,) = REPORTS.glob(f"{prefix}_*")
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"{path.name} no longer holds {old!r}"
        text = text.replace(old, new)
    return text


def write_hostile_reports(folder: Path) -> list[Path]:
    """The hostile reports as files, named like the seeds they come from."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in REPORT_FILES:
        path = folder / name
        path.write_text(hostile_report(name), encoding="utf-8")
        written.append(path)
    return written


def hostile_brief() -> Brief:
    """`make_brief`'s hostile brief, with the payloads it leaves out where it leaves them out.

    It adds a company whose name and alias are live markup, and FAQ text and a report title
    holding handlers and a script link, so every payload appears in a name, a heading and FAQ.
    """
    brief = make_brief()
    gadgets = brief.markets["gadgets-market"]
    gadgets.title = f"Gadgets {SVG} Market Report"
    gadgets.faq = [
        Faq(question=f"Who is {IMG}?", answer=f"See {JS_URL} and [this]({JS_URL}) {SVG}."),
    ]
    gadgets.companies.append("delta")
    brief.companies["delta"] = Company(
        slug="delta",
        name=f"Delta {IMG} {SVG} Labs",
        aliases=[SCRIPT, JS_URL],
        mentions=[
            Mention(
                market="gadgets-market",
                report="002_gadgets.txt",
                name_as_written=f"Delta {IMG}",
                description=f"Delta's site is {JS_URL} {TEMPLATE} {RAW}",
            )
        ],
    )
    return brief
