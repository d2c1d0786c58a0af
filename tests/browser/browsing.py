"""Serving a built site over HTTP and looking at it through a browser tab, for the tests.

The site is served by a real HTTP server on 127.0.0.1, as a reader's browser would reach it.
A tab records what its pages asked of other hosts, any dialog they opened (and dismisses it)
and any script error, so a test can assert on each.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Dialog, Page, Route, expect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "site"))  # the site-building helpers, shared
from sitebuild import build, warnings  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
TIMEOUT_MS = 15_000


class _SiteHandler(SimpleHTTPRequestHandler):
    """A static host: files only (a folder without index.html is a 404, as on Pages), quiet."""

    def list_directory(self, path):  # type: ignore[no-untyped-def]
        self.send_error(404, "No index.html in this folder")

    def log_message(self, format, *args):  # type: ignore[no-untyped-def]
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on a free port of 127.0.0.1; yields its base URL ending in '/'."""
    handler = functools.partial(_SiteHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def site_paths(site: Path, pattern: str) -> list[str]:
    """The paths under the site root that the built files matching `pattern` are served at.

    A page's folder is its path: `index.html` is "" and `markets/x/index.html` "markets/x/".
    """
    files = site.glob(pattern)
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in files)


def build_strictly(root: Path) -> Path:
    """`mkdocs build --strict` of a project copy; the site folder, or the build's own errors."""
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert warnings(result) == [], result.stderr
    return root / "site"


@dataclass
class Visit:
    """A browser tab on one served site, with what it asked of other hosts and what it said."""

    page: Page
    base: str
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str = "") -> None:
        """Load a page by its path under the site root, e.g. `markets/`."""
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"

    def search(self, query: str) -> list[str]:
        """Type into the header's search box as a reader does; the result links' paths.

        Pagefind's box appears once its script has loaded; the results are final once the
        message names the query and every result shown has its link.
        """
        box = self.page.locator("#brief-search input")
        box.click()
        box.press_sequentially(query)
        message = self.page.locator(".pagefind-ui__message")
        expect(message).to_contain_text(query)
        if message.inner_text().lower().startswith("no results"):
            return []
        self.page.locator(".pagefind-ui__result-link").first.wait_for()
        links = self.page.locator(".pagefind-ui__result-link")
        return [
            urlsplit(href).path.removeprefix("/")
            for href in links.evaluate_all("links => links.map(link => link.href)")
        ]

    def search_count(self) -> int:
        """How many pages the last search found, as the box says ("3 results for ...")."""
        text = self.page.locator(".pagefind-ui__message").inner_text()
        return 0 if text.lower().startswith("no results") else int(text.split()[0])

    def dark_mode(self) -> None:
        """Click Material's palette toggle into the dark (slate) scheme."""
        self.page.locator("form[data-md-component=palette] label:visible").click()
        self.page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")

    def elsewhere(self) -> set[str]:
        """The hosts other than the site's own that the pages asked for anything."""
        return {urlsplit(url).netloc for url in self.outside}


@contextmanager
def visit(browser: Browser, base: str, **context_options: object) -> Iterator[Visit]:
    """A fresh browser context on a site: requests to any other host are recorded and refused."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme="light", **context_options
    )
    context.set_default_timeout(TIMEOUT_MS)
    tab = Visit(context.new_page(), base)
    host = urlsplit(base).netloc

    def route(request: Route) -> None:
        url = request.request.url
        if urlsplit(url).netloc == host or url.startswith(("data:", "blob:")):
            request.continue_()
        else:
            tab.outside.append(url)
            request.abort()

    def dialog(box: Dialog) -> None:
        tab.dialogs.append(f"{box.type}: {box.message}")
        box.dismiss()

    context.route("**/*", route)
    tab.page.on("dialog", dialog)
    tab.page.on("pageerror", lambda error: tab.errors.append(str(error)))
    try:
        yield tab
    finally:
        context.close()
