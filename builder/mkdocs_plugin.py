"""The MkDocs glue, and the only MkDocs-specific code: everything else emits plain Markdown.

On each build the plugin extracts `content/reports` into `data/` (cached, so cheap when
nothing changed), loads the data with the overrides merged, and adds every file that
`builder.site.generate_site` yields to MkDocs as an in-memory file next to the hand-written
pages of `docs_dir`. Problems with the data (a broken override, a report that could not be
read) are logged as MkDocs warnings on purpose: a correction that silently failed to apply is
lost work, so `mkdocs build --strict` fails on it while a plain build still shows the rest of
the site and lists the problems on the Sources page.

With `--dirty` (what `brief build` and `brief serve` pass) a build keeps every page of the
last clean build whose source did not change (`Incremental`), and the result is byte for byte
a clean build's. Search is Pagefind's (`builder.search`): published builds index the site
before it is swapped in; `brief build` on a person's machine and `serve` index in the
background.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import posixpath
import re
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote, urljoin

from click import ClickException
from jinja2 import Environment, FileSystemLoader
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, clean_directory, get_relative_url

from builder.errors import BriefError
from builder.file_events import change_observer
from builder.fingerprint import package_fingerprint, versions
from builder.paths import ALIASES, GROUPS, RATES
from builder.render import HTML_END, HTML_START
from builder.search import Indexer, default_mode, has_index, link_index, run_pagefind
from builder.settings import Settings
from builder.site import SiteStats, generate_site, template_cache
from builder.site_charts import ChartFile
from builder.store import load_brief
from builder.warm import rebuilding, rebuilt, serving
from builder.write import atomic_write, discard, link_or_copy, staging_folder, swap_in

log = get_plugin_logger("brief")
WATCHED = ("content", "site_templates", "templates")
"""Folders of the project whose every change rebuilds the preview (of `data/`, only what a
person edits: see `BriefPlugin.on_serve`)."""
_PRINTED: dict[Path, list[BriefError]] = {}
"""Extraction problems `brief build` already printed before it started MkDocs, by project:
the plugin shows them on the Sources page without extracting again or printing them twice."""
_SEARCH: dict[Path, str] = {}
"""How `brief build` asked for the search index, by project (`builder.search.MODES`); other
builds index before they publish."""


SECTIONS = (
    ("markets/", "markets/index.md"),
    ("companies/", "companies/index.md"),
    ("browse/segments/", "browse/segments.md"),
    ("sources/", "sources.md"),
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


HTML_BLOCK = re.compile(f"^{re.escape(HTML_START)}\n(.*?)\n{re.escape(HTML_END)}$", re.S | re.M)
HELD = re.compile(r"<!-- brief:held (\d+) -->(?:\n(?=\n))?")
"""A block set aside as it leaves Markdown: a raw HTML comment, followed by a blank line that
the block itself would not have had."""


def hold_html(markdown: str) -> tuple[str, list[str]]:
    """Set a page's own HTML blocks (`builder.render.html_block`) aside, each replaced by a
    comment Markdown passes through untouched: the converter never reads them."""
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(match.group(1))
        return f"<!-- brief:held {len(held) - 1} -->"

    return HTML_BLOCK.sub(hold, markdown), held


def put_back(content: str, held: list[str]) -> str:
    """The converted page with its HTML blocks where they stood."""

    def block(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return held[number] if number < len(held) else match.group(0)  # a page's own comment

    return HELD.sub(block, content)


DIRTY_WARNING = "A 'dirty' build is being performed"


class BriefConfig(Config):
    extract = opt.Type(bool, default=True)
    pagefind = opt.Type(bool, default=True)


def link_kept(files: Files, kept: set[str], published: Path, staging: Path) -> None:
    """Put the published output of every kept file into the staging folder as a hard link
    (a copy where the file system has none): MkDocs writes only the other files, each one new
    in the staging folder, so no write reaches a file the published site shares."""
    made: set[str] = set()
    for file in files:  # plain strings: a thousand pathlib joins cost more than the links
        if file.src_uri not in kept:
            continue
        folder = posixpath.dirname(file.dest_uri)
        if folder not in made:
            os.makedirs(os.path.join(staging, folder), exist_ok=True)
            made.add(folder)
        link_or_copy(os.path.join(published, file.dest_uri), os.path.join(staging, file.dest_uri))


class ThemeFiles(FileSystemLoader):
    """The theme's templates, listed without hidden folders. MkDocs lists the theme's files
    on every build, to copy them, and leaves out every hidden one; Material keeps 14,000
    icons in `.icons/` (read by its templates, never copied), which took 80 ms a build to
    walk and match against MkDocs' patterns."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for top in self.searchpath:
            for folder, subfolders, names in os.walk(top, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = Path(folder).relative_to(top).as_posix()
                found.update(posixpath.normpath(posixpath.join(relative, name)) for name in names)
        return sorted(found)


def _list_visible_theme_files(config: MkDocsConfig) -> None:
    """Have the theme's environment list its files with `ThemeFiles`."""
    theme = config.theme
    make_env = theme.get_env

    def get_env() -> Environment:
        env = make_env()
        env.loader = ThemeFiles(theme.dirs)
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


class _Background:
    """Pagefind for `serve`: the preview reloads at once and search follows a few seconds
    later; saves made meanwhile are indexed by one more run."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = False
        self.again: Path | None = None
        self.thread: threading.Thread | None = None

    def index(self, site: Path) -> None:
        with self.lock:
            if self.running:
                self.again = site
                return
            self.running = True
        self.thread = threading.Thread(target=self._run, args=(site,), daemon=True)
        self.thread.start()

    def stop(self, timeout: float = 60) -> None:
        """Let a run in progress finish, and start no other: `serve` deletes the folder it
        indexes once plugins have shut down."""
        with self.lock:
            self.again = None
        if self.thread is not None:
            self.thread.join(timeout)

    def _run(self, site: Path) -> None:
        while True:
            try:
                run_pagefind(site)
            except BriefError as exc:
                log.warning(str(exc))
            with self.lock:
                site, self.again = self.again, None  # type: ignore[assignment]
                if site is None:
                    self.running = False
                    return


class _NotDirtyWarning(logging.Filter):
    """MkDocs warns that `--dirty` gives inaccurate pages; with the manifest it does not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stat(folder: Path, name: str) -> list[int] | None:
    """Size and time of a written file: a file changed by hand since is not kept. Joined as
    strings: this runs for every file of the site on every build."""
    try:
        stat = os.stat(os.path.join(folder, name))
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


class _Drawn(File):
    """A chart its process may still be drawing into the chart cache. MkDocs copies static
    files before it builds the pages, so this one only notes whether it is to be copied then;
    the plugin copies it after the pages, once every chart is drawn (`on_post_build`)."""

    digest = ""
    """The chart's key, a digest of its bytes, known before they exist (`Incremental.plan`)."""
    wanted = False

    @classmethod
    def of(cls, config: MkDocsConfig, path: str, chart: ChartFile) -> _Drawn:
        file = cls.generated(config, path, abs_src_path=str(chart.path))
        assert isinstance(file, _Drawn)
        file.digest = chart.key
        return file

    def copy_file(self, dirty: bool = False) -> None:
        self.wanted = not dirty or self.is_modified()

    def is_modified(self) -> bool:
        return True  # an unchanged one is marked so by `Incremental.skip_unchanged`

    def copy_drawn(self) -> None:
        """Copy the finished chart into the site, when MkDocs was to copy it."""
        if self.wanted:
            super().copy_file()


class Incremental:
    """What an incremental build may keep of the last one, from its manifest.

    A page is skipped (neither converted from Markdown nor laid out) when its source has the
    bytes it had in the last clean build and the site-wide inputs are the same: the config
    file, the theme's folder, the versions of MkDocs, the theme and Markdown, the builder's
    code and the list of pages (a new or removed page changes the navigation and links of
    others, so it rebuilds every page). A skipped page keeps its HTML in the site folder,
    its title and its search entries (restored from the manifest); a file that is no longer
    generated is deleted. The manifest is written only after a build with no warning, and
    kept per site folder in `.cache/site/`.
    """

    def __init__(self, cache_dir: Path, site_dir: Path) -> None:
        self.path = cache_dir / "site" / f"{_sha(str(site_dir).encode())[:16]}.json"
        self.key = ""
        self.hashes: dict[str, str] = {}
        self.dests: dict[str, str] = {}
        self.skipped: set[str] = set()
        self.entries: dict[str, list] = {}
        self.titles: dict[str, str | None] = {}
        self.old: dict = {}

    def plan(self, files: Files, config: MkDocsConfig) -> bool:
        """Hash every page and generated file; True when the last build's manifest applies."""
        docs = Path(config.docs_dir).resolve()
        pages = sorted(f.src_uri for f in files.documentation_pages())
        theme = config.theme.custom_dir
        theme_files = sorted(Path(theme).rglob("*")) if theme else []
        parts = [
            Path(config.config_file_path).read_bytes(),
            *(p.read_bytes() for p in theme_files if p.is_file()),
            versions().encode(),
            package_fingerprint().encode(),
            "\0".join(pages).encode(),
        ]
        self.key = _sha(b"\0".join(_sha(part).encode() for part in parts))
        for file in files:
            if isinstance(file, _Drawn):
                self.hashes[file.src_uri] = file.digest
            elif file.generated_by is not None:
                self.hashes[file.src_uri] = _sha(file.content_bytes)
            elif file.is_documentation_page() or Path(file.abs_src_path or "").is_relative_to(docs):
                self.hashes[file.src_uri] = _sha(Path(file.abs_src_path).read_bytes())  # type: ignore[arg-type]
            self.dests[file.src_uri] = file.dest_uri
        try:
            self.old = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.old = {}
        return self.old.get("key") == self.key

    def skip_unchanged(self, files: Files, site_dir: Path, prune: bool = True) -> None:
        """Mark unchanged files as such, and (with `prune`) delete what vanished since the last
        build."""
        old_hashes: dict[str, str] = self.old.get("hashes", {})
        written: dict[str, list[int]] = self.old.get("written", {})
        for file in files:
            digest = self.hashes.get(file.src_uri)
            if digest is None or old_hashes.get(file.src_uri) != digest:
                continue
            if _stat(site_dir, file.dest_uri) == written.get(file.dest_uri):  # untouched
                file.is_modified = lambda: False  # type: ignore[method-assign]
                self.skipped.add(file.src_uri)
        if not prune:
            return
        kept = set(self.dests.values())
        for src_uri, dest in self.old.get("dests", {}).items():
            if src_uri not in self.dests and dest not in kept:
                (site_dir / dest).unlink(missing_ok=True)

    def restore(self, page: Page) -> None:
        """A skipped page's title, as its Markdown would have given it."""
        old = self.old.get("pages", {}).get(page.file.src_uri, {})
        if "title" in old:
            page.title = old["title"]

    def page_entries(self, src_uri: str) -> list | None:
        if src_uri in self.skipped:
            return self.old.get("pages", {}).get(src_uri, {}).get("search")
        return self.entries.get(src_uri)

    def commit(self, files: Files, site_dir: Path) -> None:
        """Record what this build wrote, once the site folder holds it whole."""
        written = {dest: _stat(site_dir, dest) for dest in self.dests.values()}
        pages = {}
        for file in files.documentation_pages():
            page = file.page
            title = page.title if page is not None else None
            if file.src_uri in self.skipped:
                pages[file.src_uri] = self.old.get("pages", {}).get(file.src_uri, {})
            else:
                pages[file.src_uri] = {"title": title, "search": self.entries.get(file.src_uri)}
        manifest = {
            "key": self.key,
            "hashes": self.hashes,
            "dests": self.dests,
            "written": written,
            "pages": pages,
        }
        atomic_write(self.path, json.dumps(manifest).encode("utf-8"))

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


def _search_index(config: MkDocsConfig):  # -> material's SearchIndex | None
    """The theme's search index, when its search plugin is on."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and hasattr(index, "entries"):
            return plugin
    return None


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
        self.lifted: dict[str, list[str]] = {}
        self.incremental: Incremental | None = None
        self.stats = SiteStats()
        self.summary: Callable[[], str] = str
        self.background = _Background()
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty
        if command == "serve":
            # one warm process for every rebuild: what it loaded is kept (`builder.warm`), the
            # extraction passes are ready for the first saved report, and each rebuild's charts
            # process (`builder.aside`) is forked with matplotlib already imported
            import matplotlib.figure  # noqa: F401

            import builder.extract  # noqa: F401
            from builder.warm import keep_warm

            keep_warm()
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_NotDirtyWarning())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = Settings.at(Path(config.config_file_path).parent)
        _list_visible_theme_files(config)
        from builder.site import build_date

        built = f"Figures as the reports state them; built on {build_date().isoformat()}"
        config.copyright = f"{config.copyright} · {built}" if config.copyright else built
        if self.command in ("build", "gh-deploy") and self.final is None:
            from builder.lock import build_lock

            try:  # held until on_shutdown: data and site are one build
                self.held.enter_context(build_lock(self.settings.data_dir))
            except BriefError as exc:
                raise PluginError(str(exc)) from None
            self.final = Path(config.site_dir)
            staging = staging_folder(self.final)
            discard(staging)  # a killed build's leftover
            config.site_dir = str(staging)
        if serving():  # the process `brief serve` keeps warm (`on_startup`)
            rebuilding()
        self.warnings.counts.clear()
        logging.getLogger("mkdocs").addHandler(self.warnings)
        self.incremental = None
        return config

    def _start_incremental(self, files: Files, config: MkDocsConfig) -> None:
        """Decide what this build may keep of the last: with `--dirty`, every unchanged page;
        otherwise nothing (and the site folder starts empty)."""
        site = Path(config.site_dir)
        plan = Incremental(self.settings.cache_dir, self.final or site)
        applies = plan.plan(files, config)
        if self.final is not None:  # build: the staging folder starts empty
            site.mkdir(parents=True, exist_ok=True)
            if self.dirty and applies and self.final.is_dir():
                plan.skip_unchanged(files, self.final, prune=False)
                link_kept(files, plan.skipped, self.final, site)
        elif self.dirty and applies:  # serve: its own folder
            plan.skip_unchanged(files, site)
        elif self.dirty and site.is_dir():
            clean_directory(str(site))
        plan.clear()  # the folder is changing: the manifest holds again only once it is whole
        self.incremental = plan

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        if self.incremental is not None:
            for file in files.documentation_pages():
                if file.src_uri in self.incremental.skipped and file.page is not None:
                    self.incremental.restore(file.page)
        return nav

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        self._light_section(page, nav)
        search = _search_index(config)
        if search is not None and self.incremental is not None:
            entries = search.search_index.entries
            mark = getattr(self, "_mark", 0)
            self.incremental.entries[page.file.src_uri] = entries[mark:]
            self._mark = len(entries)
        return context

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Put skipped pages' search entries back, in page order; publish the whole build."""
        self._copy_charts()
        self._mark = 0
        search = _search_index(config)
        plan = self.incremental
        if search is not None and plan is not None:
            search.search_index.entries = [
                entry
                for file in self._files.documentation_pages()
                for entry in plan.page_entries(file.src_uri) or []
            ]
            search.search_index_prev = None  # the entries are whole: nothing to merge
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        # A strict build with warnings is still complete and published (a refused correction
        # must not cost readers every other report), but only a clean one is remembered as the
        # base of the next incremental build.
        clean = not self.warnings.get_counts()
        if self.config.pagefind and self.final is None:
            self.background.index(Path(config.site_dir))
        if self.final is not None:
            self._publish(Path(config.site_dir), self.final)
            config.site_dir = str(self.final)
            self.final = None
        if plan is not None and clean:
            plan.commit(self._files, Path(config.site_dir))
        if serving():
            rebuilt()

    def _publish(self, staging: Path, final: Path) -> None:
        """Swap the staging folder in with a search index (`builder.search`): made now, or
        the last one carried over while a background run makes the new one."""
        if not self.config.pagefind:
            swap_in(staging, final)
            return
        search = Indexer(self.settings.cache_dir, final)
        mode = _SEARCH.get(self.settings.root, "wait") if self.command == "build" else "wait"
        later = mode == "background"
        if not later:
            try:
                run_pagefind(staging)  # before the swap: the whole site, or the old one
            except BriefError as exc:
                raise PluginError(str(exc)) from None
        with search.lock():
            search.stop()  # a run for the old pages must not replace this index
            if later and has_index(final):
                link_index(final, staging)
            swap_in(staging, final)
            if later:
                search.start()
            else:
                search.indexed()

    def on_build_error(self, *, error: Exception) -> None:
        """The published site stays as it was; the half-built one goes."""
        self._stop_drawing()
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.final is not None:
            discard(staging_folder(self.final))
            self.final = None
        if serving():
            rebuilt()

    def _stop_drawing(self) -> None:
        if self.stats.drawing is not None:
            self.stats.drawing.close()
            self.stats.drawing = None

    def on_shutdown(self) -> None:
        self._stop_drawing()
        self.background.stop()
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
        from builder.store import data_cache

        brief = load_brief(self.settings.data_dir, data_cache(self.settings))
        stats = self.stats = SiteStats()
        for path, content in generate_site(
            self.settings, brief, extra_problems=problems, stats=stats, wait_for_charts=False
        ):
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"{config.docs_dir}/{path} has the path of a generated file; rename it"
                )
            if isinstance(content, ChartFile):  # drawn while MkDocs builds the pages
                files.append(_Drawn.of(config, path, content))
            else:
                files.append(File.generated(config, path, content=content))
        said = {str(p) for p in printed or ()}
        for problem in stats.problems:
            if str(problem) in said:
                continue
            log.warning(str(problem))
            if getattr(problem, "trace", ""):  # a bug's traceback, with `mkdocs build -v`
                log.debug(problem.trace)  # type: ignore[attr-defined]
        self._start_incremental(files, config)
        self._files = files
        skipped = len(self.incremental.skipped) if self.incremental else 0
        seconds = time.perf_counter() - started
        found = f"{len(brief.markets)} markets, {len(brief.companies)} companies"
        self.summary = lambda: (  # said once the charts are drawn; the data is not kept for it
            f"{found}, {stats.summary()}, {len(stats.problems)} problems, "
            f"{skipped} files kept from the last build, {seconds:.2f} s"
        )
        return files

    def _copy_charts(self) -> None:
        """Wait for the charts drawn while MkDocs built the pages, and copy them into the
        site: each from its finished file in the cache, so the site never holds half of one."""
        if self.stats.drawing is not None:
            self.stats.drawing.wait()
            self.stats.drawing = None
        for file in self._files:
            if isinstance(file, _Drawn):
                file.copy_drawn()
        log.info(self.summary())

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        env.bytecode_cache = template_cache(self.settings.cache_dir)
        return env

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Set the page's own HTML blocks aside until `on_page_content`, and point a generated
        page's edit button at its correction file, never a generated one.

        The edit button is changed only with a repository configured (`repo_url` and
        `edit_uri`); a correction file not yet written opens the repository's "new file" form
        with its name filled in.
        """
        markdown, self.lifted[page.file.src_uri] = hold_html(markdown)
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

    def on_page_content(
        self, content: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """The HTML blocks `on_page_markdown` set aside, back in the converted page."""
        held = self.lifted.pop(page.file.src_uri, [])
        return put_back(content, held) if held else content

    def _light_section(self, page: Page, nav) -> None:
        """Mark the menu page a detail page belongs to as active, so its tab is highlighted."""
        source = page.file.src_uri
        for prefix, section in SECTIONS:
            if source.startswith(prefix) and source != section:
                self.lit = [item for item in nav.pages if item.file.src_uri == section]
                for item in self.lit:
                    item.active = True  # its parents too: the tab and the menu section
                self.crumbs = breadcrumb(page, [nav.homepage, *self.lit])

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
        """Rebuild on any change to reports, pages, templates, corrections or tables.

        Of `data/`, what a person edits is watched: the overrides (the folder is created if
        missing, so the first correction is seen too) and the rate, alias and group tables.
        The data files extraction writes are not: a saved report would otherwise build the
        preview a second time, for the first build's own writes.
        """
        root, data = self.settings.root, self.settings.data_dir
        _watch_changes(server, root)
        self.settings.overrides_dir.mkdir(parents=True, exist_ok=True)
        watched = [root / folder for folder in WATCHED] + [self.settings.overrides_dir]
        watched += [data / table for table in (RATES, ALIASES, GROUPS)]
        for path in watched:
            if path.exists():
                server.watch(str(path))
        return server


def _watch_changes(server: LiveReloadServer, root: Path) -> None:
    """Have the preview told of changes by the system, not by MkDocs' polling
    (`builder.file_events`): what MkDocs watches so far (the docs folder, mkdocs.yml) moves to
    the new observer, and what is watched later goes to it. Where the system has no watches
    to give, or where `BRIEF_WATCH=poll` asks for it (a folder shared into a container or a
    virtual machine, whose changes the system may not report), the polling stays."""
    if os.environ.get("BRIEF_WATCH", "").strip().lower() == "poll":
        return
    observer = change_observer(root)
    if observer is None:
        return
    watched = dict(server._watched_paths)  # path -> how many asked: MkDocs unwatches each
    for path, times in watched.items():
        for _ in range(times):
            server.unwatch(path)
    server.observer = observer  # type: ignore[assignment]
    for path, times in watched.items():
        for _ in range(times):
            server.watch(path)


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
    settings: Settings,
    strict: bool = True,
    incremental: bool = True,
    printed: list[BriefError] | None = None,
    search: str | None = None,
) -> bool:
    """`mkdocs build`; incremental (`--dirty`, made exact by the plugin) unless told not;
    `printed` are the problems of an extraction just run and printed; `search` is one of
    `builder.search.MODES` (by default as `default_mode` says)."""
    flags = ["--strict"] if strict else []
    flags += ["--dirty"] if incremental else []
    if printed is not None:
        _PRINTED[settings.root] = printed
    _SEARCH[settings.root] = search or default_mode()
    try:
        return _mkdocs("build", "-f", _config(settings), "-d", str(settings.site_dir), *flags)
    finally:
        _PRINTED.pop(settings.root, None)
        _SEARCH.pop(settings.root, None)


def serve_site(settings: Settings, dev_addr: str = "127.0.0.1:8000") -> bool:
    """`mkdocs serve`, one warm process; after a save only changed pages are built again."""
    return _mkdocs("serve", "-f", _config(settings), "-a", dev_addr, "--dirty")


def publish_site(settings: Settings, remote_branch: str = "gh-pages") -> bool:
    return _mkdocs("gh-deploy", "-f", _config(settings), "--remote-branch", remote_branch)
