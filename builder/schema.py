"""The data contract between the stages: what extraction produces and what `data/` holds.

Every YAML file the builder writes or reads is validated against these models, so a hand
edit that breaks the contract is caught with the file and field named instead of surfacing
as a broken page later. Models forbid unknown keys for the same reason: a misspelt key in
an override would otherwise be silently ignored.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from builder.vocabulary.money import Unit

SCHEMA_VERSION = 3

SizeKind = Literal["base", "forecast", "other"]
Qualifier = Literal["more_than", "less_than", "about", "range"]
"""How a figure is bounded as written: "exceeding $1 billion" is more_than, "up to" less_than,
"approximately" about, either end of "between $8 and $10 billion" range; None when exact."""


class Model(BaseModel):
    """Strict base: unknown keys are errors, values are validated on assignment, and a
    number is finite (`.nan` or `.inf` in a correction would break every sum and chart)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


NonNegative = Annotated[float, Field(ge=0)]
"""Money in USD: a market size or a revenue below zero means nothing."""


# --- The extracted record: one report as the text states it, before normalisation ----------


class Money(Model):
    """An amount exactly as the report states it; conversion happens in normalisation."""

    amount: float
    currency: str = Field(description="ISO 4217 code, e.g. USD, EUR")
    unit: Unit = ""
    original: str = Field(description="The figure as written, e.g. 'USD 5,483.81 million'")
    qualifier: Qualifier | None = Field(
        default=None, description="The bound its words set: more_than, less_than, about, range"
    )


_SCOPE = (
    "False when the market is a country's or region's and the figure's sentence names no place "
    "as its scope (publishers paste a global headline into country reports)"
)


class RawSize(Model):
    kind: SizeKind
    year: int | None = None
    money: Money
    quote: str
    scope_stated: bool | None = Field(default=None, description=_SCOPE)


class RawRevenue(Model):
    money: Money
    year: int | None = None
    approximate: bool = False
    subject: str | None = Field(
        default=None,
        description="Set when the sentence gives another entity's revenue (e.g. a parent's)",
    )
    quote: str


class RawCompany(Model):
    """A company as one report names it; identity across reports is decided later, and with
    it the slug of its parent (`Company.parent`)."""

    name: str
    description: str | None = None
    revenues: list[RawRevenue] = []
    parent_name: str | None = Field(
        default=None, description="Name of the group it is part of, as the report writes it"
    )


PeriodSource = Literal["sentence", "title", "report"]


class Cagr(Model):
    percent: float
    start_year: int | None = None
    end_year: int | None = None
    quote: str
    scope_stated: bool | None = Field(default=None, description=_SCOPE)
    period_source: PeriodSource | None = Field(
        default=None,
        description="Where start_year and end_year come from: the rate's own sentence, the "
        "report's title, or elsewhere in the report (a stated forecast period, the same rate "
        "stated again with its years)",
    )
    supported_start_year: int | None = Field(
        default=None,
        description="When the report's own base and forecast sizes give exactly this rate over "
        "other years than start_year-end_year: the first of those years",
    )
    supported_end_year: int | None = None


class Segment(Model):
    dimension: str
    values: list[str]
    summary: str | None = Field(default=None, description="What the report says of the dimension")
    descriptions: dict[str, str] = Field(
        default={}, description="What the report says of each value, keyed by value"
    )


class Region(Model):
    name: str
    share_percent: float | None = None
    countries: list[str] = []
    quote: str | None = None


class Entry(Model):
    """One driver, trend, challenge, opportunity or outlook point."""

    title: str | None = None
    text: str


class Faq(Model):
    question: str
    answer: str


WarningArg = str | int | float | list[str] | list[int] | list[float]
"""A warning's argument: a plain value or a list of them, so the YAML stays plain."""


class ReportWarning(Model):
    """Something an analyst should check before citing a market: a code from the catalogue
    (`builder/warning_codes.py`), the sentence it renders to, and the values it was given."""

    code: str = Field(description="A stable identifier, e.g. scope-not-stated")
    text: str = Field(description="The warning in words, as pages show it")
    args: dict[str, WarningArg] = Field(default={}, description="The values the text names")


class Source(Model):
    file: str = Field(description="Report file name under content/reports")
    url: str | None = Field(default=None, description="The publisher's report page")
    sha256: str | None = None


class MarketFacts(Model):
    """What a report states about its market, declared once for both stages that hold it:
    the report's record (`ReportRecord`) and the market's data file (`Market`).

    Normalisation copies these fields from one to the other as they are, except those in
    `RESTATED`: `size` and `companies` are declared here only for their place in the files,
    and each stage gives them its own type (figures as written and companies as named in a
    record; figures in USD and company slugs in a market)."""

    name: str
    geography: str = "Global"
    publisher: str
    title: str | None = None
    source: Source
    summary: str | None = None
    size: Sequence[Model] = []
    cagr: Cagr | None = None
    segments: list[Segment] = []
    regions: list[Region] = []
    companies: Sequence[Model | str] = []
    drivers: list[Entry] = []
    trends: list[Entry] = []
    challenges: list[Entry] = []
    opportunities: list[Entry] = []
    outlook: list[Entry] = []
    faq: list[Faq] = []


RESTATED = frozenset({"size", "companies"})
"""The fields of `MarketFacts` each stage types its own way, which normalisation restates;
it copies every other one as it is."""


class ReportRecord(MarketFacts):
    """Everything one report states, cleaned but not yet normalised or cross-referenced."""

    size: list[RawSize] = []
    companies: list[RawCompany] = []
    warnings: list[ReportWarning] = []


# --- The normalised data under data/: one file per market and per company -----------------


class Conversion(Model):
    """The rate a figure in another currency was converted to USD at."""

    currency: str
    usd_per_unit: float
    year: int = Field(description="The year of the rate used")
    nearest: bool = Field(
        default=False,
        description="True when the rate is not of the figure's own year (none stated, or the "
        "rate table lacks it) but of the nearest year the table has",
    )


class SizeFigure(Model):
    kind: SizeKind
    year: int | None = None
    usd_millions: NonNegative
    original: str
    qualifier: Qualifier | None = None
    quote: str
    scope_stated: bool | None = Field(default=None, description=_SCOPE)
    conversion: Conversion | None = None


class Slugged(Model):
    """A data file's slug, its file name: listed first in the file (pydantic places the
    fields of the last base class first, so `Market(MarketFacts, Slugged)` starts with it)."""

    slug: str


class Market(MarketFacts, Slugged):
    """One market's data file: its report's facts, normalised and cross-referenced.

    `companies` is the one list of who takes part in the market: the index derives the
    links of both markets and companies from it, so a correction made here shows on every
    page."""

    size: list[SizeFigure] = []
    companies: list[str] = Field(default=[], description="Company slugs, in report order")
    warnings: list[ReportWarning] = []


class Revenue(Model):
    amount: NonNegative
    currency: str
    unit: Unit = ""
    year: int | None = None
    usd_millions: NonNegative
    approximate: bool = False
    qualifier: Qualifier | None = None
    subject: str | None = None
    quote: str
    conversion: Conversion | None = None


class Mention(Model):
    """What one report says about a company."""

    market: str = Field(description="Market slug")
    report: str = Field(description="Report file name")
    name_as_written: str
    description: str | None = None
    revenues: list[Revenue] = []


class Company(Model):
    """One company's data file. Which markets it takes part in is not stored here: that is
    `Market.companies` (a second list here could only disagree with it after a correction),
    and each mention names its market. Like `subsidiaries`, `parent` holds a slug."""

    slug: str
    name: str
    aliases: list[str] = []
    parent: str | None = Field(default=None, description="Slug of the group it belongs to")
    subsidiaries: list[str] = []
    mentions: list[Mention] = []


class RateTable(Model):
    """Dated currency rates: USD per one unit of the currency, by year."""

    source: str
    rates: dict[str, dict[int, Annotated[float, Field(gt=0)]]]


class AliasFile(Model):
    """Curated identities no rule can see: canonical name -> other names it goes by."""

    companies: dict[str, list[str]] = {}
    not_companies: list[str] = Field(
        default=[], description="Names that look like companies but are placeholders"
    )


class MarketGroups(Model):
    """An analyst's grouping of reports that cover one market under different names
    (`data/market_groups.yaml`): a label -> the market slugs it holds."""

    groups: dict[str, list[str]] = {}


SCHEMAS: dict[str, type[Model]] = {
    "market": Market,
    "company": Company,
    "rates": RateTable,
    "aliases": AliasFile,
    "record": ReportRecord,
}


def json_schemas() -> dict[str, str]:
    """JSON Schema text per kind, for `brief schema` and editors checking hand edits."""
    return {
        kind: json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"
        for kind, model in SCHEMAS.items()
    }
