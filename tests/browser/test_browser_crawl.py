"""A crawler over HTTP from the home page, as a link checker sees the published site."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import lxml.html
import pytest
from browsing import site_paths

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

REFERENCES = "//a/@href | //img/@src | //link/@href | //script/@src"


@dataclass
class Crawl:
    pages: dict[str, set[str]] = field(default_factory=dict)
    """Each HTML page reached, with the ids on it."""
    loaded: set[str] = field(default_factory=set)
    broken: dict[str, str] = field(default_factory=dict)
    fragments: list[tuple[str, str]] = field(default_factory=list)
    """(page, reference) for every reference with a `#fragment`."""


def crawl(base: str) -> Crawl:
    """Follow every reference on the site's own host, breadth first from `base`."""
    host = urlsplit(base).netloc
    found = Crawl()
    queue, seen = deque([base]), {base}
    while queue:
        url = queue.popleft()
        try:
            with urlopen(url, timeout=10) as response:
                body, kind = response.read(), response.headers.get_content_type()
        except HTTPError as error:
            found.broken[url] = f"HTTP {error.code}"
            continue
        found.loaded.add(url)
        if kind != "text/html":
            continue
        page = lxml.html.fromstring(body)
        found.pages[url] = set(page.xpath("//@id"))
        for value in page.xpath(REFERENCES):
            target, fragment = urldefrag(urljoin(url, value.strip()))
            if urlsplit(target).netloc != host:
                continue
            if fragment:
                found.fragments.append((url, value))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return found


def test_every_page_reached_and_nothing_it_links_to_is_missing(seed_project, seed_url):
    site = seed_project / "site"
    found = crawl(seed_url)
    assert found.broken == {}
    pages = {seed_url + path for path in site_paths(site, "**/index.html")}
    assert len(pages) > 40 and pages <= set(found.pages)  # no page is out of reach
    for kind in ("downloads/*.*", "charts/**/*.svg"):
        files = {seed_url + path for path in site_paths(site, kind)}
        assert files and files <= found.loaded, kind
    dangling = [
        f"{page} -> {value}"
        for page, value in found.fragments
        for target, fragment in [urldefrag(urljoin(page, value))]
        if unquote(fragment) not in found.pages.get(target, set())
    ]
    assert dangling == []
    assert len(found.fragments) > 20  # the tables of contents and cross-links were checked
