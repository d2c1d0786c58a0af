"""Where everything lives: every file of the data folder and every page, chart and download
of the site, in one scheme.

Extraction writes the data files, loading reads them, index problems and edit links name
them, and pages link to each other: when each of those spelled a path itself, a change in
one silently disagreed with the others. Data paths are relative to the data folder
(`Settings.data_dir`) unless they say otherwise; site paths are relative to the docs folder,
with `/` as separator whatever the system, since they are links as much as files.
"""

from __future__ import annotations

# --- The data folder ---------------------------------------------------------------------

DATA = "data"
"""The data folder, relative to the project root."""
MARKETS = "markets"
COMPANIES = "companies"
DATA_FOLDERS = (MARKETS, COMPANIES)
"""The folders extraction writes one YAML file per market and per company into."""
DATA_PATTERN = "*.yaml"
SCHEMAS = "schema"
OVERRIDES = "overrides"
OVERRIDE_FOLDERS = {MARKETS: "market", COMPANIES: "company"}
"""`overrides/markets/<slug>.yaml` corrects the market when a company has its slug too
(and `overrides/companies/` the company): folder -> the kind it corrects."""
RATES = "fx_rates.yaml"
ALIASES = "company_aliases.yaml"
GROUPS = "market_groups.yaml"
GENERATION = ".brief-generation.json"
"""Which extraction wrote the folder and whether it finished writing."""
LOCK = ".brief.lock"
"""Held by the one build that writes the folder."""


def data_file(folder: str, slug: str) -> str:
    """A market's or company's data file: `markets/<slug>.yaml`, `companies/<slug>.yaml`."""
    return f"{folder}/{slug}.yaml"


def market_file(slug: str) -> str:
    return data_file(MARKETS, slug)


def company_file(slug: str) -> str:
    return data_file(COMPANIES, slug)


def schema_file(kind: str) -> str:
    return f"{SCHEMAS}/{kind}.schema.json"


def in_data(relative: str) -> str:
    """A data-folder path as the project names it (`data/markets/x.yaml`), for messages,
    edit links and pages."""
    return f"{DATA}/{relative}"


def override_file(slug: str, kind: str | None = None) -> str:
    """The correction of a market or company, as a person finds it in the project: in the
    kind's own folder when one is named (for a slug both a market and a company have)."""
    folder = {one: name for name, one in OVERRIDE_FOLDERS.items()}[kind] + "/" if kind else ""
    return in_data(f"{OVERRIDES}/{folder}{slug}.yaml")


# --- The site ------------------------------------------------------------------------------


def market_page(slug: str) -> str:
    return f"markets/{slug}.md"


def company_page(slug: str) -> str:
    return f"companies/{slug}.md"


def dimension_page(slug: str) -> str:
    return f"browse/segments/{slug}.md"


def sources_page(anchor: str) -> str:
    """The reports of one publisher: one small page each, so one changed report re-renders
    one of them, not a list of every report."""
    return f"sources/{anchor}.md"


PAGES = {
    "home": "index.md",
    "markets": "markets/index.md",
    "companies": "companies/index.md",
    "compare": "compare.md",
    "geography": "browse/geography.md",
    "publishers": "browse/publishers.md",
    "segments": "browse/segments.md",
    "sources": "sources.md",
    "downloads": "downloads.md",
    "checks": "checks.md",
    "markets_csv": "downloads/markets.csv",
    "companies_csv": "downloads/companies.csv",
    "brief_json": "downloads/brief.json",
    "facts_csv": "downloads/facts.csv",
    "checks_csv": "downloads/checks.csv",
}
"""The pages and downloads there is one of."""


def market_chart(slug: str, kind: str) -> str:
    """A chart of one market's page ("size", "regions")."""
    return f"charts/market/{slug}-{kind}.svg"


def compare_chart(name: str) -> str:
    """A chart of the compare page ("cagr", "size")."""
    return f"charts/compare/{name}.svg"


def chart_data(chart: str) -> str:
    """A chart's numbers as CSV, beside its SVG."""
    return chart.removesuffix(".svg") + ".csv"


def relative(target: str, page: str) -> str:
    """The link from one docs-relative path to another (pure string work, no file system)."""
    folders, parts = page.split("/")[:-1], target.split("/")
    common = 0
    while common < min(len(folders), len(parts) - 1) and folders[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(folders) - common) + parts[common:])


def page_url(page: str) -> str:
    """Where a page is published, as MkDocs' directory URLs place it, relative to the site:
    `markets/x.md` -> `markets/x/`, `markets/index.md` -> `markets/`, `index.md` -> ``."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def published_link(target: str, page: str) -> str:
    """The link from one page to another as the built site has it: what MkDocs makes of a
    `.md` link, for HTML that never passes through Markdown (`markets/x/`, `../`, `./`)."""
    return relative(page_url(target), page_url(page)) or "./"
