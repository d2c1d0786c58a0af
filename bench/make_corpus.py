"""Write a generated corpus of market reports for the build benchmarks, byte-identical for a seed.

    python bench/make_corpus.py N DIR [--seed S]

Five real reports cannot show how the builder behaves on thousands. This fills their
publishers' layouts (Verified Market Reports, Reliable Market Forecast, Markets CAGR, Credence
Research) plus a Markdown layout no extractor knows, at the seeds' lengths and with their mess
(tracking links, mojibake, entities, placeholder companies, one company spelt several ways,
second CAGRs that disagree with the headline, a headline in twenty whose figures miss its own
CAGR), so that page counts, page sizes and extraction cost are those of real work. Its jobs:
volume for `bench/run.py`, a regression check that these layouts still extract
(`bench/regression.py`, scored against `make_report_truth`), and fixtures for tests that need
many reports (`write_corpus`). It makes no accuracy claim: the real corpus does.

It imports nothing from `builder/`. Its words are its own (`corpus_words.py`): a generator
that wrote with the extractor's vocabulary (units, legal forms, region names) would make the
regression check circular.

Report `i` depends only on (i, seed), never on N, so a corpus of 1,000 is the first 1,000
files of a corpus of 5,000.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import time
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

if __package__:
    from bench import corpus_words as words
else:  # run as a script: bench/ itself is on sys.path
    import corpus_words as words

TEMPLATES = ("verified", "reliable", "marketscagr", "credence", "markdown")
PUBLISHERS = {
    "verified": "Verified Market Reports",
    "reliable": "Reliable Market Forecast",
    "marketscagr": "Markets CAGR",
    "credence": "Credence Research",
    "markdown": None,  # nothing in the text names a publisher the builder knows
}
FILE_PATTERN = "[0-9][0-9][0-9][0-9][0-9]_" + "?" * 16 + ".txt"
INCONSISTENT_SHARE = 0.05
PLACEHOLDER_SHARE = 0.04
EUR_SHARE = 0.1
OTHER_CAGR_SHARE = 0.12
REVENUE_PHRASES = (
    "approximately {} in {}",
    "{} in {}",
    "more than {} in {}",
    "around {} in recent periods",
)
REGIONS = ("North America", "Europe", "Asia-Pacific", "Latin America", "Middle East & Africa")
_SPEC_KEYS = set("qualifiers items names applications themes techs customers rules".split())
_SPEC_KEYS |= {"purposes", "companies"}  # every other key of a domain is a segment dimension


# --- Vocabulary, parsed once ----------------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())


def _items(text: str) -> tuple[str, ...]:
    """`;`-separated items; line breaks inside an item are only wrapping."""
    return tuple(item for item in map(_flat, text.split(";")) if item)


def _pool(text: str) -> tuple[str, ...]:
    """Blank-line separated entries with their wrapping undone."""
    return tuple(_flat(block) for block in text.split("\n\n") if block.strip())


def _slug(text: str) -> str:
    """The publishers' URL slug of a name, for the links their reports carry."""
    text = text.replace("'", "").replace("&", " and ").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _typical_revenue(name: str) -> float:
    """A firm's revenue in USD billions, stable per name, so reports roughly agree on it."""
    return 10 ** random.Random(name).uniform(-0.7, 1.9)


@dataclass(frozen=True)
class Firm:
    name: str  # canonical: the name the truth uses
    legal: str  # legal form, e.g. "Group AG", "Co., Ltd.", or ""
    parent: str | None


@dataclass(frozen=True, eq=False)
class Domain:
    names: tuple[str, ...]
    dimensions: tuple[tuple[str, tuple[str, ...]], ...]
    slots: dict[str, tuple[str, ...]]  # sentence slot pools: theme, tech, customer, app...
    firms: tuple[Firm, ...]


@cache
def domains() -> tuple[Domain, ...]:
    """The industries; a firm listed in two of them must have one legal form."""
    parents = dict(pair.split(" > ") for pair in _items(words.PARENTS))
    registry: dict[str, Firm] = {}
    result = []
    for spec in words.DOMAINS.values():
        firms = []
        for entry in _items(spec["companies"]):
            name, _, legal = (part.strip() for part in entry.partition("|"))
            firm = registry.setdefault(name, Firm(name, legal, parents.get(name)))
            if firm.legal != legal:
                raise ValueError(f"{name} has two legal forms: {firm.legal!r} and {legal!r}")
            firms.append(firm)
        slots = {stem: _items(spec[stem + "s"]) for stem in ("theme", "tech", "customer", "rule")}
        slots |= {"purpose": _items(spec["purposes"]), "issue": _items(words.ISSUES)}
        slots["app"] = _items(spec["applications"])
        names = [f"{q} {i}" for q in _items(spec["qualifiers"]) for i in _items(spec["items"])]
        names += _items(spec["names"])
        dimensions = tuple((k, _items(v)) for k, v in spec.items() if k not in _SPEC_KEYS)
        result.append(Domain(tuple(names), dimensions, slots, tuple(firms)))
    return tuple(result)


@cache
def _pools() -> dict[str, tuple[str, ...]]:
    names = ("APPLICATION", "TREND", "OPPORTUNITY", "CHALLENGE", "DRIVER", "PLAYER")
    pools = {name.lower(): _pool(getattr(words, f"{name}_SENTENCES")) for name in names}
    pools["outlook"] = _pool(words.OUTLOOK_LINES)
    return pools


@cache
def _region_of() -> dict[str, str]:
    """The region each geography of a report belongs to."""
    pairs = words.REGION_GEOGRAPHIES.items()
    return {geography: region for region, names in pairs for geography in _items(names)}


@cache
def _faq_pairs() -> tuple[tuple[str, str], ...]:
    blocks = (block.strip().split("\n", 1) for block in words.FAQ_PAIRS.split("\n\n"))
    return tuple((question, _flat(answer)) for question, answer in blocks if answer)


# --- Company spellings ----------------------------------------------------------------------


def _case_variant(name: str) -> str:
    """How a firm's case drifts between publishers ("BioLogics"/"Biologics", "JRS PHARMA")."""
    parts = name.split()
    inner = [p for p in parts if not p.isupper() and any(c.isupper() for c in p[1:])]
    if inner:
        return " ".join(p[0] + p[1:].lower() if p in inner else p for p in parts)
    if name[0].islower():
        return name[0].upper() + name[1:]
    if parts[0].isupper() and len(parts[0]) > 1:
        return " ".join([parts[0], *(p.upper() for p in parts[1:])]) if parts[1:] else name.title()
    return name.upper() if len(parts) <= 2 else " ".join([parts[0].upper(), *parts[1:]])


def spell(firm: Firm, rng: random.Random) -> str:
    """One way a report writes the firm: bare, with its legal form (punctuation varies), etc."""
    roll = rng.random()
    if roll < 0.12:
        return _case_variant(firm.name)
    if not firm.legal or roll < 0.5:
        return firm.name
    legal = firm.legal.split()
    if roll < 0.6 and len(legal) > 1 and legal[0] in ("Group", "Holding", "Holdings,"):
        return f"{firm.name} {legal[0].rstrip(',')}"  # "Lonza Group"
    full = f"{firm.name} {firm.legal}"
    if roll < 0.85:
        return full
    variants = {full.rstrip("."), full.replace(",", "")}
    if legal[0].startswith(("Inc", "Co.", "Ltd", "LLC")):
        variants.add(f"{firm.name}, {firm.legal}")
    if len(legal) == 1:
        variants.add(f"{firm.name} {firm.legal.upper()}")
    variants.discard(full)
    return rng.choice(sorted(variants)) if variants else full


# --- Facts: what one report states ----------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    millions: float  # in the figure's own currency
    currency: str
    year: int
    original: str  # as written in the report


@dataclass(frozen=True, eq=False)
class Facts:
    file: str
    template: str
    domain: Domain
    name: str
    geography: str
    base_year: int
    forecast_year: int
    base: Figure | None
    forecast: Figure | None
    cagr: float
    cagr_years: tuple[int | None, int | None]  # the period the CAGR sentence names, if any
    consistent: bool | None  # None when the report states no figures to check against
    firms: tuple[Firm, ...]
    spellings: tuple[str, ...]  # as written, parallel to firms (or the placeholders)
    placeholders: bool
    segments: tuple[tuple[str, tuple[str, ...]], ...]
    regions: tuple[tuple[str, float], ...]
    text_seed: str  # seeds the text stream, independent of the facts stream

    @property
    def full_name(self) -> str:
        return self.name if self.geography == "Global" else f"{self.geography} {self.name}"


def template_for(index: int, seed: int) -> str:
    """Each block of five consecutive reports uses every template once, in a seeded order."""
    block = random.Random(f"{seed}:block:{index // 5}").sample(TEMPLATES, len(TEMPLATES))
    return block[index % 5]


def _money(millions: float, currency: str, year: int, style: str, decimals: int) -> Figure:
    """A market size the way the publisher writes it (Credence always in millions)."""
    scale, unit = (1000, "billion") if style != "credence" and millions >= 1000 else (1, "million")
    amount = round(millions / scale, decimals)
    if style == "verified":
        text = f"{currency} {amount:.{decimals}f} {unit.title()}"
    elif style == "credence":
        text = f"{currency} {amount:,.{decimals}f} {unit}"
    else:
        text = f"{'$' if currency == 'USD' else '€'}{amount:.{decimals}f} {unit}"
    return Figure(round(amount * scale, 6), currency, year, text)


def _figures(
    rng: random.Random, template: str, base_year: int, forecast_year: int
) -> tuple[Figure | None, Figure | None, float, bool | None]:
    """Base and forecast figures and the stated CAGR; the figures follow it unless drawn
    inconsistent, when they imply a growth rate 4 to 9 points away."""
    cagr = round(rng.uniform(2.5, 24.0), 2 if template == "credence" else 1)
    if template in ("reliable", "marketscagr"):
        return None, None, cagr, None
    currency = "EUR" if rng.random() < EUR_SHARE else "USD"
    decimals = 2 if template == "credence" else rng.choice((1, 2, 2))
    base = _money(10 ** rng.uniform(1.5, 5.4), currency, base_year, template, decimals)
    consistent = rng.random() >= INCONSISTENT_SHARE
    growth = cagr
    if not consistent:
        shift = rng.uniform(4, 9)
        growth = cagr + shift if cagr - shift < 1 or rng.random() < 0.5 else cagr - shift
    projected = base.millions * (1 + growth / 100) ** (forecast_year - base_year)
    forecast = _money(projected, currency, forecast_year, template, 2)
    return base, forecast, cagr, consistent


def _shares(
    rng: random.Random, names: tuple[str, ...], count: int, decimals: int
) -> tuple[tuple[str, float], ...]:
    """`count` regions with shares adding up to 100, largest first; big regions usually lead."""
    lead = {"North America": 1.0, "Asia-Pacific": 0.9, "Europe": 0.85, "China": 0.35}
    ranked = sorted(names, key=lambda name: -lead.get(name, 0.25) * rng.uniform(0.6, 1.4))
    weights = sorted((rng.uniform(0.3, 1.0) ** 2 for _ in range(count)), reverse=True)
    shares = [round(100 * w / sum(weights), decimals) for w in weights]
    shares[0] = round(100 - sum(shares[1:]), decimals)
    return tuple(zip(ranked[:count], shares, strict=True))


def make_facts(index: int, seed: int) -> Facts:
    """The facts of report `index`: drawn from their own random stream, so rewording a
    template never changes a report's market, figures or companies."""
    rng = random.Random(f"{seed}:{index}:facts")
    template = template_for(index, seed)
    domain = rng.choice(domains())
    name = rng.choice(domain.names)
    geographies = _items(words.GEOGRAPHIES)
    geography = "Global" if rng.random() < 0.4 else rng.choice(geographies[:4] * 3 + geographies)
    base_year, forecast_year = rng.randint(2021, 2024), rng.randint(2028, 2035)
    base, forecast, cagr, consistent = _figures(rng, template, base_year, forecast_year)
    cagr_years: tuple[int | None, int | None] = (None, None)
    if template == "verified":
        cagr_years = (min(base_year + rng.choice((1, 2)), forecast_year - 1), forecast_year)
    elif template == "markdown" or (template == "credence" and rng.random() < 0.5):
        cagr_years = (base_year + 1, forecast_year)
    placeholders = template in ("verified", "markdown") and rng.random() < PLACEHOLDER_SHARE
    count = rng.randint(5, {"reliable": 10, "marketscagr": 10, "verified": 15}.get(template, 20))
    firms = () if placeholders else tuple(rng.sample(domain.firms, count))
    spellings = words.PLACEHOLDERS if placeholders else tuple(spell(f, rng) for f in firms)
    apps = domain.slots["app"]
    most = 4 if template == "verified" else 5
    segments = [("Application", tuple(rng.sample(apps, rng.randint(3, most))))]
    if template in ("reliable", "marketscagr"):
        segments.append(("Type", domain.dimensions[0][1]))
    elif template != "verified":
        dims = rng.sample(domain.dimensions, rng.randint(1, len(domain.dimensions)))
        segments += [(dim, values[: rng.randint(2, len(values))]) for dim, values in dims]
    regions: tuple[tuple[str, float], ...] = ()
    if template in ("reliable", "marketscagr"):
        regions = _shares(rng, (*REGIONS, "China"), 4, 0)
    elif template == "markdown" or (template == "credence" and rng.random() < 0.6):
        regions = _shares(rng, REGIONS, rng.randint(3, 5), 1)
    file = f"{index:05d}_{rng.getrandbits(64):016x}.txt"
    return Facts(
        file=file, template=template, domain=domain, name=name,
        geography=geography, base_year=base_year, forecast_year=forecast_year, base=base,
        forecast=forecast, cagr=cagr, cagr_years=cagr_years, consistent=consistent, firms=firms,
        spellings=spellings, placeholders=placeholders, segments=tuple(segments),
        regions=regions, text_seed=f"{seed}:{index}:text",
    )  # fmt: skip


# --- Prose ----------------------------------------------------------------------------------


def _lower_name(name: str) -> str:
    """How prose writes a market name: ordinary words lower-cased, "CMO" or "Wi-Fi" kept."""
    return " ".join(w.lower() if w[1:] == w[1:].lower() else w for w in name.split())


def _title(phrase: str) -> str:
    small = {"a", "an", "and", "by", "for", "from", "in", "of", "on", "the", "to", "with"}
    words_ = phrase.split()
    return " ".join(w if i and w in small else w[0].upper() + w[1:] for i, w in enumerate(words_))


def _series(items: tuple[str, ...] | list[str]) -> str:
    """Names listed the seeds' way: "A, B, and C"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])}, and {items[-1]}"


class _Slots(dict[str, str]):
    """One sentence's slot values: the fixed ones, plus distinct picks drawn on first use."""

    def __init__(
        self, fixed: dict[str, str], pools: dict[str, tuple[str, ...]], rng: random.Random
    ) -> None:
        super().__init__(fixed)
        self.pools, self.rng = pools, rng

    def __missing__(self, key: str) -> str:
        stem = key.rstrip("23").lower()  # {theme}, {theme2} and {Theme} share one draw
        pool = self.pools[stem]
        for i, pick in enumerate(self.rng.sample(pool, min(3, len(pool)))):
            suffix = str(i + 1) if i else ""
            self.setdefault(stem + suffix, pick)
            self.setdefault(stem.capitalize() + suffix, pick[0].upper() + pick[1:])
        return self[key]


class Text:
    """Prose for one report in its publisher's encoding: entities, mojibake or plain."""

    def __init__(self, facts: Facts, escape: bool, apostrophes: tuple[str, ...], dash: str):
        self.rng = random.Random(facts.text_seed)
        self.facts, self.escape, self.dash = facts, escape, dash
        self.apostrophe = self.rng.choice(apostrophes)
        where = "" if facts.geography == "Global" else f" in {facts.geography}"
        self.fixed = {
            "market": f"{_lower_name(facts.name)} market",
            "where": where.replace(" United", " the United"),
            "name": facts.name,
            "fy": str(facts.forecast_year),
        }
        self.pools = dict(facts.domain.slots, company=facts.spellings)

    def encode(self, text: str) -> str:
        if self.escape:
            text = html.escape(text, quote=False)
        return text.replace("'", self.apostrophe).replace(" - ", self.dash)

    def fill(self, template: str, **fixed: str) -> str:
        fixed |= {key.capitalize(): value[0].upper() + value[1:] for key, value in fixed.items()}
        return self.encode(template.format_map(_Slots(self.fixed | fixed, self.pools, self.rng)))

    def paragraphs(self, pool: str, *counts: int, **fixed: str) -> list[str]:
        """Paragraphs of `counts` sentences; no sentence is used twice in one section."""
        chosen = iter(self.rng.sample(_pools()[pool], sum(counts)))
        return [" ".join(self.fill(next(chosen), **fixed) for _ in range(n)) for n in counts]

    def sentences(self, pool: str, count: int, **fixed: str) -> str:
        return self.paragraphs(pool, count, **fixed)[0]

    def faq(self, count: int) -> list[tuple[str, str]]:
        pairs = []
        for question, answer in self.rng.sample(_faq_pairs(), count):
            slots = _Slots(self.fixed, self.pools, self.rng)  # one draw for both halves
            asked, answered = (self.encode(half.format_map(slots)) for half in (question, answer))
            pairs.append((asked, answered))
        return pairs

    def drivers(self, count: int) -> list[tuple[str, str]]:
        """Three or four (heading, paragraph of `count` sentences) on one growth theme each."""
        themes = self.rng.sample(self.facts.domain.slots["theme"], self.rng.randint(3, 4))
        return [
            (self.encode(_title(theme)), self.sentences("driver", count, theme=theme))
            for theme in themes
        ]

    def outlook(self, fewest: int, most: int) -> list[str]:
        """The lines of an outlook list."""
        lines = self.rng.sample(_pools()["outlook"], self.rng.randint(fewest, most))
        return [self.fill(line) for line in lines]

    def other_cagr(self) -> str:
        """A second growth figure that disagrees with the headline, as publishers often add."""
        low = max(1, round(self.facts.cagr) + self.rng.randint(-4, 1))
        text = f"{low}-{low + self.rng.randint(2, 4)}%"
        if self.rng.random() < 0.3:
            text = f"around {round(self.facts.cagr) + self.rng.choice((-3, -2, 2, 3, 4))}%"
        return text

    def trends(self, *counts: int, joiner: str = " ") -> str:
        """The trend section, now and then closed by another estimate's growth rate."""
        text = joiner.join(self.paragraphs("trend", *counts))
        if self.rng.random() < OTHER_CAGR_SHARE:
            text += f" Some industry estimates put growth closer to a CAGR of {self.other_cagr()}."
        return text

    def money(self, busd: float, euro: str) -> str:
        """A revenue near a firm's usual one, in dollars or euros, millions or billions."""
        billions = busd * self.rng.uniform(0.95, 1.05)
        amount, unit = round(billions, 1), "billion"
        if billions < 1:
            amount, unit = round(billions * 1000), "million"
        return f"{euro if self.rng.random() < 0.3 else '$'}{amount:g} {unit}"

    def player(self, firm: Firm, spelled: str, euro: str) -> str:
        """A **bold** company paragraph, with its revenue or its parent's, of the Reliable kind."""
        if firm.parent and self.rng.random() < 0.7:
            rev = self.money(_typical_revenue(firm.parent), euro)
            template = _flat(words.PLAYER_WITH_PARENT)
            return self.fill(template, company=spelled, parent=firm.parent, rev=rev)
        if self.rng.random() < 0.15:
            return self.fill(_flat(words.PLAYER_WITHOUT_REVENUE), company=spelled)
        template = self.rng.choice(_pools()["player"])
        year = min(self.facts.base_year - self.rng.choice((0, 1)), 2024)
        money = self.money(_typical_revenue(firm.name), euro)
        rev = self.rng.choice(REVENUE_PHRASES).format(money, year)
        return self.fill(template, company=spelled, rev=rev)


# --- Templates ------------------------------------------------------------------------------


def _verified(f: Facts) -> str:
    t = Text(f, escape=True, apostrophes=("'", "â€™"), dash=" â€“ ")
    rng = t.rng
    assert f.base and f.forecast
    full = html.escape(f"{f.full_name} Market", quote=False)
    medium = rng.randint(200, 260)
    site = "https://www.verifiedmarketreports.com"
    tracking = f"utm_source=Github&amp;utm_medium={medium}"
    sample = f"{site}/download-sample/?rid={rng.randint(100000, 999999)}&amp;{tracking}"
    product = f"{site}/product/{_slug(f.name)}-market/?{tracking}"
    verb = rng.choice(("size was valued", "Revenue was valued", "size is valued"))
    headline = (
        f"{html.escape(f.name, quote=False)} Market {verb} at {f.base.original} in {f.base_year} "
        f"and is projected to reach {f.forecast.original} by {f.forecast_year}, growing at a CAGR "
        f"of {f.cagr:.1f}% from {f.cagr_years[0]} to {f.cagr_years[1]}."
    )
    apps = f.segments[0][1]
    intro = t.fill("The {market} is driven by {theme}.", market=f"{f.full_name} Market")
    intro += t.encode(f" The major applications in this market are {_series(apps)}. ")
    h_apps, h_app = rng.choice((("h1", "h2"), ("h2", "h3")))
    joiner = rng.choice((" <p>", ""))  # the seeds run paragraphs together, or half-open them
    out = [
        f'<h2><a href="{sample}" target="_blank">{full}</a> Insights</h2><p>{headline}</p>'
        f"<p><{h_apps}>{full} By Application</{h_apps}><p>{intro}{t.sentences('driver', 2)} "
        f'<p><span class=""><span style="color: #ff0000;"><strong>Download Full PDF Sample Copy '
        f'of {full} Report</strong> @ </span><a href="{sample}" target="_blank">{sample}</a>'
        "</span></p></p>"
    ]
    for app in apps:
        text = joiner.join(t.paragraphs("application", 5, 4, app=app))
        out.append(f"<{h_app}>{t.encode(app)}</{h_app}><p>{text} </p>")
    trends = t.trends(5, 5, joiner=joiner)
    opportunities = joiner.join(t.paragraphs("opportunity", 4, 5))
    out.append(
        f"<h2>Key Trends in the {full}</h2><p>{trends} </p><h2>Opportunities in the "
        f"{rng.choice(('Market', full))}</h2><p>{opportunities} </p>"
        f"<h2>Frequently Asked Questions{rng.choice(('', ' (FAQs)'))}</h2>"
    )
    out += [f"<p>{q}</p><p>{a}</p>" for q, a in t.faq(rng.randint(7, 10))]
    listed = "</li><li> ".join(html.escape(name, quote=False) for name in f.spellings)
    regions = REGIONS if f.geography == "Global" else (_region_of()[f.geography],)
    lines = "".join(f'<li dir="ltr"><p dir="ltr">{words.VMR_REGIONS[r]}</p></li>' for r in regions)
    out.append(
        f'```</p><p><strong>Top {full} Companies</strong></p><div data-test-id=""><p><li>{listed}'
        f"</li></p><div><strong>Regional Analysis of&nbsp;{full}</strong></div><ul>{lines}</ul>"
        "<p><strong>For More Information or Query, Visit @&nbsp;</strong><strong><a "
        f'href="{product}" target="_blank">{full} Insights Size And Forecast</a></strong></p></div>'
    )
    return "".join(out)


def _reliable_regions() -> str:
    """The region/country block both sites print, down to its whitespace."""
    blocks = []
    for region, countries in words.RELIABLE_COUNTRIES.items():
        items = "".join(f"\n            <li>{country}</li>" for country in _items(countries))
        blocks.append(f"    <p> <strong> {region}: </strong>\n        <ul>{items}\n        </ul>\n")
    return "<p>\n" + "        </p> \n".join(blocks) + "    </p>\n    </p>"


def _reliable(f: Facts) -> str:
    """Reliable Market Forecast and Markets CAGR: one template, two sites and endings."""
    reliable = f.template == "reliable"
    t = Text(f, escape=False, apostrophes=("'", "'", "â€™"), dash=", ")
    rng = t.rng
    m = f.full_name
    site = "https://www.reliablemarketforecast.com" if reliable else "https://www.marketscagr.com"
    rid, campaign = rng.randint(1_000_000, 2_999_999), rng.randint(1000, 3999)
    term = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.choice((2024, 2025))}"
    utm = (
        f"?utm_campaign={campaign}&utm_medium=2&utm_source=Github&utm_content=ia"
        f"&utm_term={term}&utm_id={_slug(m)}"
    )

    def link(path: str, text: str | None = None) -> str:
        return f'<a href="{site}/{path}{utm}">{text or f"{site}/{path}"}</a>'

    def bullets(values: tuple[str, ...]) -> str:
        return "<p><ul>" + "".join(f"<li>{value}</li>" for value in values) + "</ul></p>\n"

    start = min(f.base_year + rng.randint(1, 2), f.forecast_year - 1)
    titles = _pool(words.RELIABLE_TITLES if reliable else words.MARKETSCAGR_TITLES)
    title = rng.choice(titles).format(Market=f"{m} Market", start=start, end=f.forecast_year)
    sample = link(f"enquiry/request-sample/{rid}")
    purchase = f"<p><strong>Purchase this Report:&nbsp;</strong>{link(f'purchase/{rid}')}</p>\n"
    growth = rng.choice(
        (
            "is expected to grow at a CAGR of {cagr}% during the forecast period, driven by "
            "{theme}. Factors contributing to this growth include {theme2}, the adoption of "
            "{tech} and rising investment by {customer}.",
            "is experiencing robust growth, expected to expand at a CAGR of {cagr}% during the "
            "forecast period. This growth can be attributed to {theme}, {theme2} and the ongoing "
            "expansion of {customer} seeking to streamline operations.",
        )
    )
    growth = t.fill(f"The {m} Market {growth}", cagr=f"{f.cagr:.1f}")
    definition = t.fill(
        "The {m} industry covers the products and services that {customer} rely on to {purpose}.",
        m=m,
    )
    out = [
        f"<p><h1>{title}</h1></p><p><strong>{m} Market Analysis and Latest Trends</strong></p>\n"
        f"<p><p>{definition} {t.sentences('driver', 2)}</p><p>{growth} "
        f"{t.sentences('driver', 1)} </p><p>{t.sentences('trend', 5)}</p></p>\n"
        f"<p><strong>Get a Sample PDF of the Report:&nbsp;</strong> {sample}</p>\n<p>&nbsp;</p>\n"
        f"<p><strong>{m} Major Market Players</strong></p>\n"
    ]
    listed = min(len(f.firms), rng.randint(4, 7))
    paragraphs = [
        t.fill("The {m} market has witnessed significant growth, driven by {theme}.", m=m)
        + f" Key players in this space include {_series(f.spellings[:listed])}, among others."
    ]
    for i in rng.sample(range(listed), 2) + list(range(listed, len(f.firms))):
        # a firm already listed may be spelt another way in its own paragraph
        spelled = spell(f.firms[i], rng) if i < listed and rng.random() < 0.3 else f.spellings[i]
        paragraphs.append(t.player(f.firms[i], spelled, "â‚¬"))
    closing = "is projected to expand significantly, with {theme} driving company growth."
    if rng.random() < 0.3:
        closing = f"is projected to grow at a CAGR of {t.other_cagr()} over the next few years."
        closing += f" Players like {f.spellings[0]} and {f.spellings[1]} are poised to benefit."
    paragraphs.append(t.fill(f"Overall, the {m} market {closing}"))
    out.append("<p>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</p>\n<p>&nbsp;</p>\n")
    opportunities = t.fill("The {m} market is poised for robust growth, driven by {theme}.", m=m)
    if rng.random() < 0.85:
        size = round(10 ** rng.uniform(0, 2.5), rng.choice((0, 1)))
        opportunities += (
            f" As of {f.base_year + 1}, the market is projected to reach approximately ${size:g} "
            f"billion, expanding at a CAGR of {t.other_cagr()} through {f.forecast_year - 1}."
        )
    (_, apps), (_, types) = f.segments
    phrases = _items(words.SEGMENT_PHRASES)
    about_types = t.encode(f"{m} offerings cater to different segments. ") + " ".join(
        t.encode(f"The {value} segment {rng.choice(phrases)}.") for value in types
    )
    about_apps = t.encode(f"The {m} Market encompasses applications including {_series(apps)}.")
    report_page = f"{_slug(m)}-r{rid}"
    out.append(
        f"<p><strong>What Are The Key Opportunities For {m} Manufacturers?</strong></p>\n"
        f"<p><p>{opportunities} {t.sentences('opportunity', 4)}</p></p>\n"
        "<p><strong>Inquire or Share Your Questions If Any Before Purchasing This Report:"
        f"</strong> {link(f'enquiry/pre-order-enquiry/{rid}')}</p>\n<p>&nbsp;</p>\n"
        "<p><strong>Market Segmentation</strong></p>\n"
        f"<p><strong>The {m} Market Analysis by types is segmented into:</strong></p>\n"
        f"{bullets(types)}<p><p>{about_types}</p></p>\n{purchase}<p>&nbsp;</p>\n<p><strong>The "
        f"{m} Market Industry Research by Application is segmented into:</strong></p>\n"
        f"{bullets(apps)}<p><p>{about_apps} {t.sentences('application', 2, app=apps[0])}</p></p>\n"
        f"<p>{link(report_page, f'&nbsp;{site}/{report_page}')}</p>\n<p><strong>In terms of "
        f"Region, the {m} Market Players available by Region are:</strong></p>\n"
        f"{_reliable_regions()}\n"
    )
    reasons = rng.sample(_items(words.REGION_REASONS), 4)
    aliases = {"Asia-Pacific": ("Asia-Pacific", "APAC", "Asia-Pacific (APAC)"), "China": ("China",)}
    (r1, s1), (r2, s2), (r3, s3), (r4, s4) = (
        (rng.choice(aliases.get(region, (region,))), f"{share:g}") for region, share in f.regions
    )
    shares = (
        f"The {m} market is experiencing significant growth across various regions. {r1} "
        f"dominates the market with approximately {s1}% share, driven by {reasons[0]}. The {r2} "
        f"region is emerging rapidly, projected to capture around {s2}% market share, fueled by "
        f"{reasons[1]}. {r3} follows with a {s3}% share, bolstered by {reasons[2]}. {r4}, with a "
        f"{s4}% share, is gaining traction due to {reasons[3]}."
    )
    out.append(
        f"<p><p>{shares}</p></p>\n{purchase.replace(':&nbsp;</strong>', ': </strong>')}"
        f"<p>&nbsp;<strong>Get a Sample PDF of the Report:&nbsp;&nbsp;</strong>{sample}</p>\n"
        "<p><strong></strong></p>\n"
    )
    if reliable:
        links = "".join(f"<p>{_unrelated_link(rng, utm)}</p>" for _ in range(5))
        out.append(f"<p>{links}</p>")
    else:
        out.append(f"<p>Check more reports on {link('', f'{site}/')}</p>")
    return "".join(out)


def _unrelated_link(rng: random.Random, utm: str) -> str:
    """A link to another market's report, as Reliable Market Forecast appends five of."""
    other = rng.choice(rng.choice(domains()).names)
    slug = _slug(other)
    if rng.random() < 0.7:
        phrase = rng.choice(_items(words.LINKEDIN_PHRASES)).format(slug=slug)
        tail = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=5))
        url = f"https://www.linkedin.com/pulse/{phrase}-{tail}"
    else:
        user, number = rng.choice(_items(words.GITHUB_USERS)), rng.randint(1, 9)
        path = f"Market-Research-Report-List-{number}/blob/main/{slug}-market.md"
        url = f"https://github.com/{user}/{path}"
    return f'<a href="{url}{utm}">{other} Market</a>'


def _credence(f: Facts) -> str:
    t = Text(f, escape=True, apostrophes=("&rsquo;",), dash="&mdash;")
    rng = t.rng
    assert f.base and f.forecast
    place = "" if f.geography == "Global" else _slug(f.geography) + "-"
    url = f"https://www.credenceresearch.com/report/{place}{_slug(f.name)}-market"
    titles = _pool(words.CREDENCE_TITLES)
    if f.base.currency != "USD":
        titles = tuple(title for title in titles if "USD" not in title)
    title = rng.choice(titles).format(
        Name=f.name,
        Where="the World" if f.geography == "Global" else f.geography,
        Market=f"{f.full_name} Market",
        start=f.base_year + rng.randint(1, 2),
        end=f.forecast_year,
        forecast=f"{f.forecast.millions:,.2f}",
    )
    geography = "global" if f.geography == "Global" else f.geography
    anchor = t.encode(f"The {geography} {_lower_name(f.name)} market")
    figures = f"{f.base.original} in {f.base_year}"
    if f.cagr_years[0] is None:
        headline = (
            f"is poised for remarkable expansion, with its valuation expected to rise from "
            f"{figures} to {f.forecast.original} by {f.forecast_year}, registering an impressive "
            f"CAGR of {f.cagr:.2f}% during the forecast period."
        )
    else:
        headline = (
            f"is projected to grow from {figures} to an estimated {f.forecast.original} by "
            f"{f.forecast_year}, with a compound annual growth rate (CAGR) of {f.cagr:.2f}% from "
            f"{f.cagr_years[0]} to {f.cagr_years[1]}."
        )
    ctas = [f'{cta}- &nbsp;<a href="{url}">{url}</a>' for cta in _pool(words.CREDENCE_CTAS)]
    rng.shuffle(ctas)
    out = [
        f"# {title}\n\n\n<p><strong>Market Overview</strong></p>\n"
        f'<p><a href="{url}">{anchor}</a> {headline} {t.sentences("trend", 2)} '
        f"{t.sentences('driver', 2)}</p>\n<p><strong>&nbsp;</strong></p>\n"
        "<p><strong>Market Drivers</strong></p>\n<ol>\n"
    ]
    out += [f"<li><strong> {theme}</strong><br /> {body}</li>\n" for theme, body in t.drivers(5)]
    out.append(
        f"</ol>\n<p>&nbsp;</p>\n<p>{ctas[0]}</p>\n<p>&nbsp;</p>\n<p><strong>Market Trends</strong>"
        f"</p>\n<p>{t.trends(7)}</p>\n<p><strong>&nbsp;</strong></p>\n<p><strong>Market Challenges"
        f"</strong></p>\n<p>{t.sentences('challenge', 7)}</p>\n"
    )
    if f.regions:
        reasons = rng.sample(_items(words.REGION_REASONS), 2)
        (first, share), *others = f.regions
        text = f"{first} held the largest share of {share:.1f}% in {f.base_year}, supported by "
        text += f"{reasons[0]}. " + " ".join(f"{r} accounted for {s:.1f}%." for r, s in others)
        text += f" Growth is fastest where {reasons[1]} meet rising demand."
        out.append(f"<p><strong>Regional Analysis</strong></p>\n<p>{t.encode(text)}</p>\n")
    players = "".join(f"<li>{html.escape(name, quote=False)}</li>\n" for name in f.spellings)
    out.append(
        f"<p><strong>Key Player Analysis</strong></p>\n<ul>\n{players}</ul>\n"
        f"<p>{ctas[1].replace('- &nbsp;', ' - ')}</p>\n<p>&nbsp;</p>\n"
        "<p><strong>Segments:</strong></p>\n"
    )
    if f.geography == "Global":
        places = REGIONS
    else:
        places = _items(words.CREDENCE_COUNTRIES[_region_of()[f.geography]])
    for i, (dimension, values) in enumerate((*f.segments, ("the Geography", places))):
        items = "".join(f"<li><strong>{t.encode(value)}</strong></li>\n" for value in values)
        label = f"Based on{' ' if i else '&nbsp;'}{dimension}:"
        out.append(f"<p><strong>{label}</strong></p>\n<ul>\n{items}</ul>\n")
    out.append("<p><strong>&nbsp;</strong></p>\n<p><strong>Future Outlook </strong></p>\n<ol>\n")
    position = rng.randint(4000, 6000)  # editor offsets left in the seed's list items
    for i, text in enumerate(t.outlook(8, 10)):
        offsets = f' data-start="{position}" data-end="{position + len(text) + 2}"' if i else ""
        position += len(text) + 6
        out.append(f"<li{offsets}>{text}</li>\n")
    contact = "".join(f"<p>{line}</p>\n" for line in words.CREDENCE_CONTACT)
    out.append(
        f"</ol>\n<p>{ctas[2]}</p>\n<p>{'&nbsp;' * 14}</p>\n<p>About Us &ndash;</p>\n"
        f"<p>{_flat(words.CREDENCE_ABOUT)}</p>\n<p>&nbsp;</p>\n<p>Contact Us:</p>\n{contact}"
        '<p>Email: <a href="mailto:sales@credenceresearch.com">sales@credenceresearch.com</a></p>\n'
        '<p>Web: <a href="http://www.credenceresearch.com/">www.credenceresearch.com/</a></p>'
    )
    return "".join(out)


def _markdown(f: Facts) -> str:
    """A publisher no extractor knows: plain Markdown and its own headline phrasing."""
    t = Text(f, escape=False, apostrophes=("'", "’", "â€™"), dash=" — ")
    rng = t.rng
    assert f.base and f.forecast
    publisher = rng.choice(_items(words.UNKNOWN_PUBLISHERS))
    page = f"https://{_slug(publisher)}.example/reports/{_slug(f.full_name)}-market"
    utm = f"?utm_source=newsletter&utm_medium=email&utm_campaign=q{rng.randint(1, 4)}"
    full = f"{f.full_name} Market"
    title = rng.choice(
        (f"{full} Report {f.base_year}-{f.forecast_year}", f"{full}: Size, Share and Forecast")
    )
    period, cagr = f"{f.cagr_years[0]}-{f.cagr_years[1]}", f"{f.cagr:g}%"
    if rng.random() < 0.5:
        headline = (
            f"The {f.full_name} market was estimated at {f.base.original} in {f.base_year} and is "
            f"expected to reach {f.forecast.original} by {f.forecast_year}, at a CAGR of {cagr} "
            f"({period})."
        )
    else:
        headline = (
            f"In {f.base_year}, the {f.full_name} market was worth {f.base.original}; it is "
            f"forecast to climb to {f.forecast.original} by {f.forecast_year}, a CAGR of {cagr} "
            f"over {period}."
        )
    month = rng.choice(("January", "March", "May", "June", "September", "November"))
    out = [
        f"# {title}\n\n*Published by {publisher} | {month} {f.base_year + 1}*\n\n## Market "
        f"Summary\n\n{headline} {t.sentences('driver', 3)} {t.sentences('trend', 2)}\n\n"
        "## Key Market Drivers\n\n"
    ]
    out += [f"- **{theme}**: {body}\n" for theme, body in t.drivers(4)]
    trends = t.trends(5, 5, joiner="\n\n")
    profiled = 0 if f.placeholders else min(len(f.firms), rng.randint(3, 5))
    leaders = f.spellings[: max(profiled, 5)]
    out.append(
        f"\n## Market Trends\n\n{trends}\n\n## Challenges\n\n{t.sentences('challenge', 6)}\n\n"
        f"## Competitive Landscape\n\n{t.fill('The {market} is moderately consolidated.')} "
        f"Leading companies profiled in this report include {_series(leaders)}.\n\n"
    )
    if f.placeholders:
        out.append(
            "Detailed profiles of each company, including product portfolios, recent developments "
            "and revenue estimates, are available in the full report; names are withheld in this "
            f"summary edition. {t.sentences('trend', 3)}\n\n"
        )
    for firm, spelled in zip(f.firms[:profiled], f.spellings, strict=False):
        out.append(t.player(firm, spelled, rng.choice(("€", "€", "â‚¬"))) + "\n\n")
    if len(f.spellings) > len(leaders):
        out.append(f"Other companies covered: {', '.join(f.spellings[len(leaders) :])}.\n\n")
    out.append("## Market Segmentation\n\n")
    for dimension, values in f.segments:
        out.append(f"### By {dimension}\n\n" + "".join(f"- {value}\n" for value in values) + "\n")
    regional, opportunities = t.paragraphs("opportunity", 2, 6)
    out.append("## Regional Outlook\n\n" + "".join(f"- {r}: {s:.1f}%\n" for r, s in f.regions))
    out.append(f"\n{regional}\n\n## Opportunities\n\n{opportunities}\n\n")
    out.append(f"## Outlook to {f.forecast_year}\n\n")
    out += [f"{i}. {line}\n" for i, line in enumerate(t.outlook(6, 8), 1)]
    out.append("\n## Frequently Asked Questions\n\n")
    out += [f"**Q: {q}**\nA: {a}\n\n" for q, a in t.faq(rng.randint(5, 7))]
    out.append(
        f"---\n\n[Request a free sample]({page}/sample{utm}) | [Buy the full report]({page}{utm})"
        f"\n\n© {f.base_year + 1} {publisher}. All rights reserved.\n"
    )
    text = "".join(out)
    if rng.random() < 0.2:  # copied from a web page: the entities came along
        text = text.replace("&", "&amp;")
    return text


_RENDERERS = {"verified": _verified, "reliable": _reliable, "marketscagr": _reliable}
_RENDERERS |= {"credence": _credence, "markdown": _markdown}


# --- Public entry points --------------------------------------------------------------------


def make_report(index: int, seed: int = 0) -> tuple[str, bytes]:
    """(file name, UTF-8 content) of report `index` of the corpus for `seed`."""
    facts = make_facts(index, seed)
    return facts.file, _RENDERERS[facts.template](facts).encode("utf-8")


def make_report_truth(index: int, seed: int = 0) -> dict[str, Any]:
    """What report `index` states, for `bench/regression.py` to score extraction against.

    Figures are as stated, in their own currency. `cagr_consistent` says whether the figures
    were built to match the stated CAGR (None when the report states no figures). `companies`
    are canonical names in report order; `spellings` maps each to how the report lists it.
    """
    facts = make_facts(index, seed)
    start, end = facts.cagr_years
    written = zip(facts.firms, facts.spellings, strict=False)  # placeholders are no firms
    return {
        "file": facts.file,
        "template": facts.template,
        "publisher": PUBLISHERS[facts.template],
        "name": facts.name,
        "geography": facts.geography,
        "base": asdict(facts.base) if facts.base else None,
        "forecast": asdict(facts.forecast) if facts.forecast else None,
        "cagr": {"percent": facts.cagr, "start_year": start, "end_year": end},
        "cagr_consistent": facts.consistent,
        "companies": [firm.name for firm in facts.firms],
        "spellings": {firm.name: [spelled] for firm, spelled in written},
        "placeholders": facts.placeholders,
        "segments": {dimension: list(values) for dimension, values in facts.segments},
        "regions": dict(facts.regions),
    }


def write_corpus(n: int, directory: Path | str, seed: int = 0) -> list[Path]:
    """Write reports 0..n-1 into `directory`, which then holds exactly these reports: files
    named like this corpus's reports but not in it (an earlier, larger run) are removed.
    Unchanged files are not rewritten, so regenerating a corpus keeps its timestamps."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        name, content = make_report(index, seed)
        path = folder / name
        if not path.is_file() or path.read_bytes() != content:
            path.write_bytes(content)
        paths.append(path)
    for stale in set(folder.glob(FILE_PATTERN)).difference(paths):
        stale.unlink()
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write N generated market reports into DIR.")
    parser.add_argument("n", type=int, metavar="N", help="number of reports")
    parser.add_argument("directory", type=Path, metavar="DIR", help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    started = time.perf_counter()
    paths = write_corpus(args.n, args.directory, args.seed)
    elapsed = time.perf_counter() - started
    size = sum(path.stat().st_size for path in paths) / 1e6
    print(f"wrote {len(paths)} reports ({size:.1f} MB) to {args.directory} in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
