"""Time the whole build on generated corpora and print the median of every figure.

    python bench/run.py [--sizes 100,1000,5000] [--runs 3] [--json FILE] [--work DIR]
                        [--no-serve]

Each run copies the project's inputs (config, templates, hand-written pages, rate and alias
tables) into a fresh temporary folder with N generated reports, then runs `brief build` as a
subprocess four times: cold (no cache, no data, no site), again with nothing changed, after
one report changed, and after one override changed. Each build is timed by the wall clock and
by the CPU seconds of its processes (the steadier figure on a shared machine); the search
index a build leaves to a background run is waited for, and that wait is printed apart. Then
`brief serve` starts on the project, a report is revised, and the seconds until the server
sends the revised market page are the preview's reload time. Search is measured as a reader
meets it: the bytes Chromium downloads for one query with Pagefind (the site's search), and
with Material's own search (one more build of the same project with it switched back on),
whose whole index is downloaded before the first query. Timings come from the build itself:
the wall clock of the subprocess, the builder's summary lines (extraction's and the MkDocs
plugin's, which name their seconds) and MkDocs' "Documentation built in" line. Peak memory is
the largest resident set of any process of the build, from `os.wait4`. Extraction's rate is
measured in this process on one core without a cache. bench/README.md holds the results.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import lxml.html
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `bench` and `builder` importable
    sys.path.insert(0, str(ROOT))

from bench.make_corpus import write_corpus  # noqa: E402
from builder.extract_cache import extract_records  # noqa: E402
from builder.search import Indexer  # noqa: E402
from builder.sources import collect_sources  # noqa: E402

SKELETON = (
    "mkdocs.yml",
    "site_templates",
    "content/pages",
    "data/fx_rates.yaml",
    "data/company_aliases.yaml",
)
EXTRACT_LINE = re.compile(r"^\d+ reports -> .*; ([\d.]+) s$", re.M)
PLUGIN_LINE = re.compile(r"brief: (.*), ([\d.]+) s$", re.M)
PAGES_PART = re.compile(r"(\d+) pages \((\d+) rendered in ([\d.]+) s\)")
CHARTS_PART = re.compile(r"(\d+) charts \((\d+) drawn in ([\d.]+) s\)")
MKDOCS_LINE = re.compile(r"Documentation built in ([\d.]+) seconds")
WRITTEN = re.compile(r"(\d+) files written")
NUMBER = re.compile(rb"\b(\d+(?:\.\d+)?)( ?(?:million|billion|Million|Billion))")


@dataclass
class Build:
    """One `brief build` as the user sees it, and what it says about itself."""

    total: float
    extract: float
    plugin: float
    mkdocs: float
    peak_mb: float
    data_written: int
    cpu: float = 0.0
    """CPU seconds of the command and the processes it waited for: less moved by the
    machine's load than the wall clock, so the figure to compare across runs."""
    search_after: float = 0.0
    """Seconds after the command ended until the background search run was done."""
    pages: int = 0
    pages_rendered: int = 0
    pages_seconds: float = 0.0
    charts: int = 0
    charts_drawn: int = 0
    charts_seconds: float = 0.0

    @property
    def builder(self) -> float:
        """The builder's own seconds: extraction before MkDocs, and the plugin inside it."""
        return self.extract + self.plugin


@dataclass
class Run:
    reports: int
    extract_rate: float
    cold: Build
    no_change: Build
    report_changed: Build
    override_changed: Build
    sizes: dict[str, float] = field(default_factory=dict)
    search: dict[str, float] = field(default_factory=dict)
    serve_reload: float | None = None


def make_project(folder: Path, corpus: Path) -> Path:
    """A copy of the project's inputs with the corpus as its reports."""
    (folder / "data").mkdir(parents=True)
    (folder / "content").mkdir()
    for name in SKELETON:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, folder / name)
    shutil.copytree(corpus, folder / "content" / "reports")
    return folder


def build(project: Path, *flags: str) -> Build:
    """Run `brief build` in its own process and read its timings from what it prints."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "builder.cli", "--root", str(project), "build", *flags]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=project, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        total = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode != 0:
        sys.exit(f"build failed in {project}:\n{stdout}\n{stderr}")
    cpu = usage.ru_utime + usage.ru_stime
    search_after = settle_search(project)
    if "nothing changed" in stdout:  # stopped before extraction and MkDocs
        return Build(total, 0.0, 0.0, 0.0, usage.ru_maxrss / 1024, 0, cpu, search_after)
    extract, plugin = EXTRACT_LINE.search(stdout), PLUGIN_LINE.search(stderr)
    mkdocs, written = MKDOCS_LINE.search(stderr), WRITTEN.search(stdout)
    if not (extract and plugin and mkdocs and written):
        sys.exit(f"cannot read the timings of the build in {project}:\n{stdout}\n{stderr}")
    result = Build(
        total=total,
        extract=float(extract[1]),
        plugin=float(plugin[2]),
        mkdocs=float(mkdocs[1]) - float(plugin[2]),
        peak_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        data_written=int(written[1]),
        cpu=cpu,
        search_after=search_after,
    )
    if found := PAGES_PART.search(plugin[1]):
        result.pages, result.pages_rendered = int(found[1]), int(found[2])
        result.pages_seconds = float(found[3])
    if found := CHARTS_PART.search(plugin[1]):
        result.charts, result.charts_drawn = int(found[1]), int(found[2])
        result.charts_seconds = float(found[3])
    return result


def settle_search(project: Path) -> float:
    """Wait for the search index a `brief build` left running in the background."""
    search = Indexer(project / ".cache", project / "site")
    started = time.perf_counter()
    while search.running() is not None:
        time.sleep(0.05)
    return time.perf_counter() - started


def change_report(project: Path) -> None:
    """Correct one figure in the first report, as a publisher's revised edition would."""
    path = sorted((project / "content" / "reports").iterdir())[0]
    raw = path.read_bytes()  # reports come in any encoding; digits are the same in all of them
    found = NUMBER.search(raw)
    if found is None:
        sys.exit(f"no figure to change in {path}")
    value = found[1].decode()
    decimals = len(value.partition(".")[2])
    changed = f"{float(value) * 1.1:.{decimals}f}".encode()
    path.write_bytes(raw[: found.start(1)] + changed + raw[found.end(1) :])


def change_override(project: Path) -> None:
    """An analyst corrects one market's growth rate in data/overrides/."""
    for path in sorted((project / "data" / "markets").glob("*.yaml")):
        market = yaml.safe_load(path.read_text(encoding="utf-8"))
        if market.get("cagr"):
            override = project / "data" / "overrides" / path.name
            override.parent.mkdir(parents=True, exist_ok=True)
            percent = round(market["cagr"]["percent"] + 1.0, 2)
            override.write_text(f"cagr:\n  percent: {percent}\n", encoding="utf-8")
            return
    sys.exit("no market with a CAGR to correct")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> bytes | None:
    """The page's article (the preview server adds a script that differs on each request)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            page = response.read()
    except OSError:
        return None
    start, end = page.find(b"<article"), page.rfind(b"</article>")
    return page[start:end] if start >= 0 else page


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            sys.exit(f"gave up waiting for {what}")
        time.sleep(0.05)


def serve_reload(project: Path) -> float:
    """`brief serve`, as a person previews: seconds from saving a revised report until the
    server sends its market page with the change (what the reloaded browser shows)."""
    report = sorted((project / "content" / "reports").iterdir())[0].name
    slug = next(
        p.stem
        for p in (project / "data" / "markets").glob("*.yaml")
        if f"file: {report}" in p.read_text(encoding="utf-8")
    )
    port = free_port()
    page = f"http://127.0.0.1:{port}/markets/{slug}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "builder.cli", "--root", str(project), "serve"]
    command += ["--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(lambda: fetch(page) is not None, 1800, "brief serve to start")
        index = f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json"
        wait_for(lambda: fetch(index) is not None, 600, "the preview's search index")
        time.sleep(2)  # settled: as a person edits some time after starting the preview
        before = fetch(page)
        change_report(project)
        saved = time.perf_counter()
        wait_for(lambda: fetch(page) not in (None, before), 600, "the page to change")
        return time.perf_counter() - saved
    finally:
        server.terminate()
        server.wait(60)


def extraction_rate(project: Path) -> float:
    """Reports per second on one core, without the cache."""
    files, _ = collect_sources([project / "content" / "reports"])
    started = time.perf_counter()
    extract_records(files, cache_dir=None, jobs=1)
    return len(files) / (time.perf_counter() - started)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def indexed_text_bytes(site: Path) -> int:
    """The text of every page's article: what a reader can read, and search can index."""
    total = 0
    for page in site.rglob("*.html"):
        article = lxml.html.parse(page).getroot().find(".//article")
        if article is not None:
            total += len(" ".join(article.text_content().split()).encode("utf-8"))
    return total


def sizes(site: Path, with_text: bool) -> dict[str, float]:
    markets = [p.stat().st_size for p in site.glob("markets/*/index.html")]
    found = {
        "site_mb": folder_bytes(site) / 1e6,
        "market_page_kb_median": statistics.median(markets) / 1e3,
        "market_page_kb_max": max(markets) / 1e3,
    }
    if with_text:
        found["indexed_text_mb"] = indexed_text_bytes(site) / 1e6
    return found


# --- Search as a reader meets it ---------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are counted, not printed."""


@contextmanager
def served(site: Path):
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def queries(project: Path) -> list[str]:
    """A company's name, a word of a market's name, and a word that is in no page."""
    company = yaml.safe_load(next((project / "data" / "companies").glob("*.yaml")).read_text())
    market = yaml.safe_load(next((project / "data" / "markets").glob("*.yaml")).read_text())
    word = max(market["name"].split(), key=len)
    return [company["name"].split()[0], word, "zyxwvut"]


def pagefind_bytes(site: Path, query: str) -> int:
    """Bytes Chromium downloads from /pagefind/ for a query typed into the header's box."""
    from playwright.sync_api import sync_playwright

    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        page = browser.new_page()
        got: list[int] = []

        def count(response) -> None:
            if "/pagefind/" in response.url:
                got.append(int(response.headers.get("content-length") or len(response.body())))

        page.on("response", count)
        page.goto(base)
        page.locator("#brief-search input").fill(query)
        page.locator(".pagefind-ui__message").filter(has_text=query).wait_for()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        browser.close()
    return sum(got)


def material_bytes(site: Path) -> tuple[int, int]:
    """Material's search downloads its whole index and worker before the first query:
    their bytes, and gzipped (as a server that compresses would send them)."""
    files = [site / "search" / "search_index.json", *site.glob("assets/javascripts/workers/*.js")]
    data = [p.read_bytes() for p in files]
    return sum(map(len, data)), sum(len(gzip.compress(d)) for d in data)


def with_material_search(project: Path) -> None:
    """The project's config with Material's search plugin in place of Pagefind."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    material = "plugins:\n  - search\n  - brief:\n      pagefind: false\n"
    config.write_text(text.replace("plugins:\n  - brief\n", material), encoding="utf-8")


def search_figures(project: Path, material: bool) -> dict[str, float]:
    site = project / "site"
    per_query = [pagefind_bytes(site, q) for q in queries(project)]
    found = {
        "pagefind_kb_median": statistics.median(per_query) / 1e3,
        "pagefind_kb_max": max(per_query) / 1e3,
        "pagefind_folder_mb": folder_bytes(site / "pagefind") / 1e6,
    }
    if material:
        with_material_search(project)
        build(project, "--force")
        raw, zipped = material_bytes(site)
        found["material_kb"], found["material_gzip_kb"] = raw / 1e3, zipped / 1e3
    return found


def one_run(reports: int, corpus: Path, work: Path, with_text: bool, serve: bool) -> Run:
    project = make_project(Path(tempfile.mkdtemp(prefix=f"brief-{reports}-", dir=work)), corpus)
    try:
        cold = build(project)
        found = sizes(project / "site", with_text)
        no_change = build(project)
        change_report(project)
        report_changed = build(project)
        change_override(project)
        override_changed = build(project)
        reload = serve_reload(project) if serve else None
        search = search_figures(project, material=with_text)
        rate = extraction_rate(project)
    finally:
        shutil.rmtree(project)
    return Run(
        reports, rate, cold, no_change, report_changed, override_changed, found, search, reload
    )


# --- Medians and the table -------------------------------------------------------------------


FIGURES: list[tuple[str, str]] = [
    ("extraction, reports/s (1 core)", "extract_rate"),
    ("pages/s (cold build)", "pages_rate"),
    ("charts/s (cold build, all cores)", "charts_rate"),
    ("cold: whole pipeline, s", "cold.total"),
    ("cold: builder's part, s", "cold.builder"),
    ("cold: MkDocs' own, s", "cold.mkdocs"),
    ("no change: builder's part, s", "no_change.builder"),
    ("no change: whole, s", "no_change.total"),
    ("one report changed, `brief serve`: saved to page served, s", "serve_reload"),
    ("one report changed: builder's part, s", "report_changed.builder"),
    ("one report changed: whole, s", "report_changed.total"),
    ("one report changed: whole, CPU s", "report_changed.cpu"),
    ("one report changed: search current after a further, s", "report_changed.search_after"),
    ("one report changed: pages rendered / charts drawn", "report_changed.redone"),
    ("one override changed: builder's part, s", "override_changed.builder"),
    ("one override changed: whole, s", "override_changed.total"),
    ("one override changed: whole, CPU s", "override_changed.cpu"),
    ("one override changed: pages rendered / charts drawn", "override_changed.redone"),
    ("peak memory (cold), MB", "cold.peak_mb"),
    ("site size, MB", "sizes.site_mb"),
    ("search: Pagefind index on disk, MB", "search.pagefind_folder_mb"),
    ("search: bytes per query, Pagefind, KB (median of 3 queries)", "search.pagefind_kb_median"),
    ("search: bytes per query, Pagefind, KB (largest)", "search.pagefind_kb_max"),
    ("search: bytes per query, Material, KB (whole index)", "search.material_kb"),
    ("search: bytes per query, Material, gzipped, KB", "search.material_gzip_kb"),
    ("indexed text (article text), MB", "sizes.indexed_text_mb"),
    ("market page HTML, KB (median / max)", "market_page"),
]


def figure(run: Run, name: str) -> float | str | None:
    """One figure of one run; None when the build did not report it."""
    if name == "extract_rate":
        return run.extract_rate
    if name == "serve_reload":
        return run.serve_reload
    if name == "pages_rate":
        c = run.cold
        return c.pages_rendered / c.pages_seconds if c.pages_seconds else None
    if name == "charts_rate":
        c = run.cold
        return c.charts_drawn / c.charts_seconds if c.charts_seconds else None
    if name == "market_page":
        return f"{run.sizes['market_page_kb_median']:.1f} / {run.sizes['market_page_kb_max']:.1f}"
    part, _, attribute = name.partition(".")
    if part == "sizes":
        return run.sizes.get(attribute)
    if part == "search":
        return run.search.get(attribute)
    b: Build = getattr(run, part)
    if attribute == "redone":
        return f"{b.pages_rendered} / {b.charts_drawn}" if b.pages else None
    return getattr(b, attribute)


def median(values: list[float | str | None]) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "n/a"
    if isinstance(present[0], str):
        return present[len(present) // 2]
    value = statistics.median(present)  # type: ignore[type-var]
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"


def table(runs: dict[int, list[Run]]) -> str:
    sizes = sorted(runs)
    lines = [
        "| figure | " + " | ".join(f"{n:,} reports" for n in sizes) + " |",
        "|---" + "|--:" * len(sizes) + "|",
    ]
    for label, name in FIGURES:
        cells = [median([figure(run, name) for run in runs[n]]) for n in sizes]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = next(
        int(line.split()[1]) / 1024**2
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    version = sys.version.split()[0]
    return f"{os.cpu_count()} cores, {cpu}, {memory:.0f} GB RAM, Python {version}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark cold and incremental builds.")
    parser.add_argument("--sizes", default="100,1000,5000", help="report counts, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (medians are printed)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every run as JSON")
    parser.add_argument("--no-serve", action="store_true", help="skip timing `brief serve`")
    parser.add_argument("--work", type=Path, metavar="DIR", help="folder for corpora and projects")
    args = parser.parse_args(argv)
    counts = [int(n.replace("_", "")) for n in args.sizes.split(",") if n.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="brief-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}", flush=True)
    runs: dict[int, list[Run]] = {}
    for n in counts:
        corpus = work / f"corpus-{n}"
        write_corpus(n, corpus)
        for k in range(args.runs):
            run = one_run(n, corpus, work, with_text=k == 0, serve=not args.no_serve)
            runs.setdefault(n, []).append(run)
            print(
                f"{n} reports, run {k + 1}: cold {run.cold.total:.1f} s "
                f"(builder {run.cold.builder:.1f} s), no change {run.no_change.total:.2f} s, "
                f"report {run.report_changed.total:.2f} s, "
                f"override {run.override_changed.total:.2f} s (whole)",
                flush=True,
            )
        if args.json:
            payload = {str(k): [asdict(r) for r in v] for k, v in runs.items()}
            args.json.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    if not args.work:
        shutil.rmtree(work)
    print()
    print(table(runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
