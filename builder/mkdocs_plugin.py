"""The MkDocs glue, and the only MkDocs-specific code: everything else emits plain Markdown.

On each build the plugin extracts `content/reports` into `data/` (cached, so cheap when
nothing changed), loads the data with the overrides merged, and adds every file that
`builder.site.generate_site` yields to MkDocs as an in-memory file next to the hand-written
pages of `docs_dir`. Problems with the data (a broken override, a report that could not be
read) are logged as MkDocs warnings on purpose: a correction that silently failed to apply is
lost work, so `mkdocs build --strict` fails on it while a plain build still shows the rest of
the site and lists the problems on the Sources page.
"""

from __future__ import annotations

import html
import posixpath
import re
import shutil
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote, urljoin

from click import ClickException
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from builder.errors import BriefError
from builder.settings import Settings
from builder.site import SiteStats, generate_site
from builder.store import load_brief
from builder.write import staging_folder, swap_in

log = get_plugin_logger("brief")
WATCHED = ("content", "data", "site_templates")
_PRINTED: dict[Path, list[BriefError]] = {}
"""Extraction problems `brief build` already printed before it started MkDocs, by project:
the plugin shows them on the Sources page without extracting again or printing them twice."""


SECTIONS = (
    ("markets/", "markets/index.md"),
    ("companies/", "companies/index.md"),
    ("browse/segments/", "browse/segments.md"),
)
"""A page outside the menu (a market, a company, a dimension) and the menu page it belongs
to, whose tab stays highlighted while the page is read."""


def breadcrumb(page: Page, parents: list[Page | None]) -> str:
    """ "Home › Markets › X" above a detail page's title, each parent a relative link."""
    links = [
        f'<a href="{html.escape(get_relative_url(p.url or "./", page.url), quote=True)}">'
        f"{html.escape(html.unescape(p.title or ''))}</a>"
        for p in parents
        if p is not None
    ]
    here = html.escape(html.unescape(str(page.meta.get("title") or page.title or "")))
    trail = " › ".join([*links, f'<span aria-current="page">{here}</span>'])
    return f'<nav class="brief-breadcrumb" aria-label="Breadcrumb">{trail}</nav>'


TITLE = re.compile(r"<title>.*?</title>", re.S)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


def head_tags(output: str, title: str, site_name: str, url: str | None) -> str:
    """A page's `<title>` as "X · Site" and its Open Graph and Twitter card tags.

    The description is the one the theme already wrote (the page's own, from its front
    matter, or the site's), so a share preview says what the search result says.
    """
    found = DESCRIPTION.search(output)
    description = found.group(1) if found else ""
    title = html.escape(html.unescape(title), quote=True)
    tags = [
        '<meta property="og:type" content="website">',
        f'<meta property="og:site_name" content="{html.escape(site_name, quote=True)}">',
        f'<meta property="og:title" content="{title}">',
        f'<meta property="og:description" content="{description}">',
        '<meta name="twitter:card" content="summary">',
        f'<meta name="twitter:title" content="{title}">',
        f'<meta name="twitter:description" content="{description}">',
    ]
    if url:
        tags.append(f'<meta property="og:url" content="{html.escape(url, quote=True)}">')
    output = TITLE.sub(lambda _: f"<title>{title}</title>", output, count=1)
    return output.replace("</head>", "\n".join(tags) + "\n</head>", 1)


class BriefConfig(Config):
    extract = opt.Type(bool, default=True)


class BriefPlugin(BasePlugin[BriefConfig]):
    """Extraction, pages and charts; for `build` and `gh-deploy`, also a whole-or-nothing
    `site_dir` under one lock: MkDocs writes into a hidden sibling folder, which replaces
    the published one only once the build is complete (`builder.write.swap_in`)."""

    def __init__(self) -> None:
        super().__init__()
        self.command = "serve"
        self.dirty = False
        self.final: Path | None = None
        self.held = ExitStack()
        self.lit: list[Page] = []
        self.crumbs = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = Settings.at(Path(config.config_file_path).parent)
        from builder.site import build_date

        built = f"Figures as the reports state them; built on {build_date().isoformat()}"
        config.copyright = f"{config.copyright} · {built}" if config.copyright else built
        if self.command in ("build", "gh-deploy") and self.final is None:
            from builder.pipeline import build_lock

            try:  # held until on_shutdown: data and site are one build
                self.held.enter_context(build_lock(self.settings.data_dir))
            except BriefError as exc:
                raise PluginError(str(exc)) from None
            self.final = Path(config.site_dir)
            staging = staging_folder(self.final)
            shutil.rmtree(staging, ignore_errors=True)  # a killed build's leftover
            if self.dirty and self.final.is_dir():  # an incremental build starts from the site
                shutil.copytree(self.final, staging, symlinks=True)
            config.site_dir = str(staging)
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.final is not None:
            swap_in(Path(config.site_dir), self.final)
            config.site_dir = str(self.final)
            self.final = None

    def on_build_error(self, *, error: Exception) -> None:
        """The published site stays as it was; the half-built one goes."""
        if self.final is not None:
            shutil.rmtree(staging_folder(self.final), ignore_errors=True)
            self.final = None

    def on_shutdown(self) -> None:
        self.held.close()

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        started = time.perf_counter()
        problems: list[BriefError] = []
        printed = _PRINTED.get(self.settings.root)
        if printed is not None:
            problems += printed
        elif self.config.extract:
            from builder.pipeline import extract_to_data

            try:
                problems += extract_to_data(self.settings).problems
            except BriefError as exc:  # e.g. another build holds the lock: one line, no trace
                raise PluginError(str(exc)) from None
        from builder.pipeline import data_cache

        brief = load_brief(self.settings.data_dir, data_cache(self.settings))
        stats = SiteStats()
        for path, content in generate_site(
            self.settings, brief, extra_problems=problems, stats=stats
        ):
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"{config.docs_dir}/{path} has the path of a generated file; rename it"
                )
            files.append(File.generated(config, path, content=content))
        said = {str(p) for p in printed or ()}
        for problem in stats.problems:
            if str(problem) in said:
                continue
            log.warning(str(problem))
            if getattr(problem, "trace", ""):  # a bug's traceback, with `mkdocs build -v`
                log.debug(problem.trace)  # type: ignore[attr-defined]
        log.info(
            f"{len(brief.markets)} markets, {len(brief.companies)} companies, {stats.summary()}, "
            f"{len(stats.problems)} problems, {time.perf_counter() - started:.2f} s"
        )
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Point a generated page's edit button at its correction file, never a generated one.

        Only with a repository configured (`repo_url` and `edit_uri`); a correction file not
        yet written opens the repository's "new file" form with its name filled in.
        """
        edit_path = page.meta.get("edit_path")
        if edit_path and config.repo_url and config.edit_uri:
            docs = Path(config.docs_dir).relative_to(self.settings.root).as_posix()
            relative = posixpath.relpath(edit_path, docs)
            page.edit_url = urljoin(urljoin(config.repo_url + "/", config.edit_uri), relative)
            action, _, rest = config.edit_uri.strip("/").partition("/")
            if action == "edit" and not (self.settings.root / edit_path).is_file():
                branch = rest.split("/")[0]
                page.edit_url = (
                    f"{config.repo_url.rstrip('/')}/new/{branch}?filename={quote(edit_path)}"
                )
        return markdown

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):  # type: ignore[no-untyped-def]
        """Mark the menu page a detail page belongs to as active, so its tab is highlighted."""
        source = page.file.src_uri
        for prefix, section in SECTIONS:
            if source.startswith(prefix) and source != section:
                self.lit = [item for item in nav.pages if item.file.src_uri == section]
                for item in self.lit:
                    item.active = True  # its parents too: the tab and the menu section
                self.crumbs = breadcrumb(page, [nav.homepage, *self.lit])
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Titles "X · Market Brief" (the home page: the site's name alone) and share tags."""
        for item in self.lit:  # the navigation is shared by every page: set back
            item.active = False
        self.lit = []
        if self.crumbs:  # added to the page as shown, not to what search indexes
            output = output.replace("<h1", self.crumbs + "\n<h1", 1)
            self.crumbs = ""
        site = config.site_name
        named = page.meta.get("title") or page.title  # the page's own title, not the menu's
        title = site if page.is_homepage or not named else f"{named} · {site}"
        return head_tags(output, title, site, page.canonical_url)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        """Rebuild on any change to reports, pages, data (overrides too) or templates.

        The overrides folder is created if missing, so the first correction is seen too.
        Extraction rewrites only changed files, so its own writes settle after one rebuild.
        """
        self.settings.overrides_dir.mkdir(parents=True, exist_ok=True)
        for folder in WATCHED:
            if (self.settings.root / folder).is_dir():
                server.watch(str(self.settings.root / folder))
        return server


# --- What `brief build`, `brief serve` and `brief publish` run -------------------------------


def _mkdocs(*args: str) -> bool:
    """Run a MkDocs command in this process, as its own command line would."""
    from mkdocs.__main__ import cli

    try:
        cli.main(args=list(args), prog_name="mkdocs", standalone_mode=False)
    except ClickException as exc:
        exc.show()
        return False
    except SystemExit as exc:
        return not exc.code
    return True


def _config(settings: Settings) -> str:
    return str(settings.root / "mkdocs.yml")


def build_site(
    settings: Settings, strict: bool = True, printed: list[BriefError] | None = None
) -> bool:
    """`mkdocs build`; `printed` are the problems of an extraction just run and printed."""
    strict_flag = ["--strict"] if strict else []
    if printed is not None:
        _PRINTED[settings.root] = printed
    try:
        return _mkdocs("build", "-f", _config(settings), "-d", str(settings.site_dir), *strict_flag)
    finally:
        _PRINTED.pop(settings.root, None)


def serve_site(settings: Settings, dev_addr: str = "127.0.0.1:8000") -> bool:
    return _mkdocs("serve", "-f", _config(settings), "-a", dev_addr)


def publish_site(settings: Settings, remote_branch: str = "gh-pages") -> bool:
    return _mkdocs("gh-deploy", "-f", _config(settings), "--remote-branch", remote_branch)
