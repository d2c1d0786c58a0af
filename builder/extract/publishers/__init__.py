"""Which publisher wrote a report, and which page of theirs it comes from.

The publisher is recognised from the report's own text and links, never from the file
name. Every report goes through the same structural extraction; a publisher whose pages
have quirks gets a module here holding them (`template.Template`: its names, spellings
and domains, the path of its report pages, and the hooks the passes call: its own
boilerplate phrases, heading aliases, list repairs from `repairs`), listed in `KNOWN`.
Anyone else is named by `generic`, from how reports credit the firm behind them.
To teach the builder a publisher, add a module with a `TEMPLATE` and list it in `KNOWN`;
to teach it a firm's spelling or domain only, add it to `builder.vocabulary.publishers`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from builder.extract.clean import host_of, on_site, strip_tracking
from builder.extract.document import Block
from builder.extract.publishers import (
    credence_research,
    generic,
    reliable_market_forecast,
    verified_market_reports,
)
from builder.extract.publishers.template import Publisher, Template
from builder.schema import ReportWarning
from builder.slugs import slugify
from builder.vocabulary.publishers import ELSEWHERE

KNOWN: tuple[Template, ...] = (
    verified_market_reports.TEMPLATE,
    reliable_market_forecast.TEMPLATE,
    credence_research.TEMPLATE,
)

_NOT_REPORT_PAGE = re.compile(
    r"sample|enquiry|inquiry|purchase|buy|checkout|cart|contact|download|request|discount"
    r"|customi[sz]|login|subscribe|pre-order|mailto|press-release|about|privacy|terms",
    re.IGNORECASE,
)
_REPORT_PATH_WORDS = re.compile(r"report|product|market|research|industry", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Recognised:
    template: Template
    publisher: str
    domains: tuple[str, ...]
    warnings: tuple[ReportWarning, ...] = ()


def recognise(blocks: list[Block], links: list[str]) -> Recognised:
    """The template and publisher of a report, strongest evidence first.

    The report's own links to a template's site come first; then the firm the text credits
    (`generic.guess_publisher`), with its template when it has one; only when the text
    credits no firm do bare mentions of a template's name or domain count, so a template
    publisher a report merely cites does not take it over.
    """
    hosts = Counter(host_of(link) for link in links)
    linked = _most(lambda p: sum(n for h, n in hosts.items() if on_site(h, p.domains)))
    if linked:
        return Recognised(*linked)
    guess = generic.guess_publisher(blocks, hosts)
    if guess.publisher != generic.UNKNOWN:
        key = generic.squash(guess.publisher)
        named = _most(lambda p: any(generic.squash(s) == key for s in (p.name, *p.spellings)))
        if named:
            return Recognised(*named, guess.warnings)
        return Recognised(generic.TEMPLATE, guess.publisher, guess.domains, guess.warnings)
    lowered = " ".join(block.text for block in blocks).casefold()
    mentioned = _most(
        lambda p: (
            sum(lowered.count(d) for d in p.domains)
            + sum(2 * lowered.count(s.casefold()) for s in (p.name, *p.spellings))
        )
    )
    if mentioned:
        return Recognised(*mentioned)
    return Recognised(generic.TEMPLATE, guess.publisher, guess.domains)


def _most(score: Callable[[Publisher], int]) -> tuple[Template, str, tuple[str, ...]] | None:
    """The known template and publisher with the highest positive `score`."""
    best: tuple[int, Template, Publisher] | None = None
    for template in KNOWN:
        for publisher in template.publishers:
            points = score(publisher)
            if points and (best is None or points > best[0]):
                best = (points, template, publisher)
    return (best[1], best[2].name, best[2].domains) if best else None


def report_page(links: list[str], recognised: Recognised, market_name: str) -> str | None:
    """The publisher's page for this report, tracking parameters removed."""
    name_words = set(slugify(market_name).split("-"))
    best: tuple[int, int, str] | None = None
    pattern = recognised.template.report_page
    for position, link in enumerate(links):
        url = strip_tracking(link)
        host = host_of(url)
        if not host or on_site(host, ELSEWHERE):
            continue
        if recognised.domains and not on_site(host, recognised.domains):
            continue
        path = urlsplit(url).path
        if len(path.strip("/")) == 0 or _NOT_REPORT_PAGE.search(path):
            continue
        score = len(name_words & set(slugify(path).split("-")))
        score += 2 if pattern is not None and pattern.search(path) else 0
        score += 1 if _REPORT_PATH_WORDS.search(path) else 0
        if best is None or score > best[0]:
            best = (score, -position, url)
    return best[2] if best else None
