"""A small brief made in code: 2 markets, 3 companies, and every hostile string we guard against.

The strings are the kinds of text reports really carry (markup, template syntax, table and
emphasis characters, script links); the site must show each as plain text and run none.
"""

from __future__ import annotations

from pathlib import Path

from builder.schema import (
    Cagr,
    Company,
    Entry,
    Faq,
    Market,
    Mention,
    Region,
    Revenue,
    Segment,
    SizeFigure,
    Source,
)
from builder.store import Brief
from builder.warning_codes import warn
from builder.yamlio import dump_model

SCRIPT = "<script>alert(1)</script>"
TEMPLATE = "{{ config }}"
RAW = "{% raw %}"
PIPES = "A | B *not bold* _nor this_ [nor](a link)"
JS_URL = "javascript:alert(1)"
HOSTILE = [SCRIPT, TEMPLATE, RAW, PIPES]


def _size(kind: str, year: int, usd: float, original: str) -> SizeFigure:
    return SizeFigure(
        kind=kind,
        year=year,
        usd_millions=usd,
        original=original,
        quote=f"The market was {original} in {year} {SCRIPT}.",
    )


def make_brief() -> Brief:
    widgets = Market(
        slug="widgets-market",
        name=f"Widgets {SCRIPT} Market",
        geography="Europe",
        publisher=f"Acme Research {RAW}",
        title=f"Widgets Market Report {TEMPLATE}",
        source=Source(file="001_widgets.txt", url=JS_URL),
        summary=f"Widgets are growing. {PIPES} `code` <img src=x onerror=alert(2)>",
        size=[
            _size("base", 2022, 1200.0, "USD 1.2 billion"),
            _size("forecast", 2030, 2400.0, "USD 2.4 billion"),
            _size("other", 2023, 1500.0, "$1.5 billion"),
        ],
        cagr=Cagr(percent=9.05, start_year=2023, end_year=2030, quote=f"CAGR of 9.05% {TEMPLATE}"),
        segments=[
            Segment(dimension="Application", values=["Clinical | trials", "*Commercial*"]),
            Segment(dimension="Type", values=["Drug Substance", SCRIPT]),
        ],
        regions=[
            Region(
                name="Europe",
                share_percent=40.0,
                countries=["Germany", "France"],
                quote="Europe held 40% of the market.",
            ),
            Region(name=f"Asia {SCRIPT}", share_percent=35.5),
        ],
        companies=["alpha", "beta", "gamma"],
        drivers=[Entry(title=f"Demand {RAW}", text=f"Demand rises. {PIPES}")],
        trends=[Entry(text="- a line that starts like a list item")],
        challenges=[Entry(text="1. a line that starts like a numbered item")],
        outlook=[Entry(text=f"## not a heading {TEMPLATE}")],
        faq=[Faq(question=f'What is "{SCRIPT}"?', answer=f"An answer with {PIPES} and {RAW}.")],
        warnings=[warn("conflicting-cagr", cagr="7-10%", quote=SCRIPT, headline="9.05%")],
    )
    gadgets = Market(
        slug="gadgets-market",
        name="Gadgets Market",
        geography="Global",
        publisher="Beta Insights",
        source=Source(file="002_gadgets.txt", url="https://example.org/report?id=1&x=(2)"),
        size=[
            _size("base", 2023, 500.0, "USD 500 million"),
            _size("forecast", 2033, 1500.0, "USD 1.5 billion"),
        ],
        segments=[Segment(dimension="application", values=["Retail", "Industry"])],
        regions=[Region(name="North America", countries=["United States"])],
        companies=["beta", "gamma"],
    )
    alpha = Company(
        slug="alpha",
        name="Alpha Corp",
        aliases=["Alpha Corporation", '=HYPERLINK("http://evil.example")', f"Alpha {PIPES}"],
        mentions=[
            Mention(
                market="widgets-market",
                report="001_widgets.txt",
                name_as_written="Alpha Corporation",
                description=f"Alpha makes widgets. {SCRIPT}",
                revenues=[
                    Revenue(
                        amount=1.03,
                        currency="EUR",
                        unit="billion",
                        year=2022,
                        usd_millions=1084.6,
                        approximate=True,
                        quote="reporting approximately €1.03 billion in sales",
                    )
                ],
            )
        ],
    )
    beta = Company(
        slug="beta",
        name=f"Beta {PIPES}",
        parent="gamma",
        mentions=[
            Mention(market="widgets-market", report="001_widgets.txt", name_as_written="Beta"),
            Mention(market="gadgets-market", report="002_gadgets.txt", name_as_written="Beta Inc"),
        ],
    )
    gamma = Company(
        slug="gamma",
        name=f"Gamma {TEMPLATE} Holdings",
        subsidiaries=["beta"],
        mentions=[
            Mention(
                market="gadgets-market",
                report="002_gadgets.txt",
                name_as_written="Gamma",
                revenues=[
                    Revenue(
                        amount=40,
                        currency="USD",
                        unit="billion",
                        usd_millions=40000,
                        subject="Gamma Group",
                        quote="Gamma reported over $40 billion",
                    )
                ],
            )
        ],
    )
    return Brief(
        markets={m.slug: m for m in (widgets, gadgets)},
        companies={c.slug: c for c in (alpha, beta, gamma)},
    )


def write_data(brief: Brief, data_dir: Path) -> None:
    """The brief as the data files extraction writes, for tests that go through `load_brief`."""
    for folder, items, kind in (
        ("markets", brief.markets, "market"),
        ("companies", brief.companies, "company"),
    ):
        (data_dir / folder).mkdir(parents=True, exist_ok=True)
        for slug, item in items.items():
            (data_dir / folder / f"{slug}.yaml").write_text(
                dump_model(item, kind), encoding="utf-8"
            )
