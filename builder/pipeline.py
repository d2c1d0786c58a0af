"""The extraction pipeline as it reads: find reports, extract, normalise, write `data/`.

Two phases, as in MkDocs' build: everything is extracted and cross-referenced first, and
only then written, so the files on disk always agree with each other. A bad report costs
only itself; its problem is collected and reported at the end.

Rebuilds are cheap: each report's extraction is cached by its content (`.cache/extract/`),
a run whose inputs all match the last complete run's manifest does nothing at all, and
otherwise only the data files whose model changed are dumped to YAML again.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from builder import progress
from builder.errors import BriefError, BuilderBug, underlying_bug
from builder.extract import EXTRACTOR_VERSION, extract_bytes
from builder.extract.read import too_big as over_size_limit
from builder.fingerprint import cache_folder, code_fingerprint
from builder.normalise import normalise
from builder.paths import (
    COMPANIES,
    DATA_FOLDERS,
    DATA_PATTERN,
    GENERATION,
    LOCK,
    MARKETS,
    company_file,
    market_file,
)
from builder.schema import SCHEMA_VERSION, Company, Market, ReportRecord
from builder.settings import Settings
from builder.slugs import short_hash
from builder.store import (
    CODE_VERSION,
    Tables,
    generation_state,
    load_tables,
    remember,
)
from builder.write import Writer, atomic_write, write_schemas
from builder.yamlio import dump_model

# Below this many uncached reports a process pool costs more to start than it saves.
POOL_THRESHOLD = 40


@dataclass
class ExtractResult:
    reports: int = 0
    markets: int = 0
    companies: int = 0
    problems: list[BriefError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.reports} reports -> {self.markets} markets, {self.companies} companies; "
            f"{self.written} files written, {self.unchanged} unchanged, {self.removed} removed; "
            f"{len(self.problems)} problems; {self.seconds:.2f} s"
        )


def _folder_entry(path: Path, folder: Path) -> BriefError | None:
    """Why an entry of a reports folder is not read as a report (None: it is one).

    A link that leads out of the folder would publish whatever it points at; a dangling
    link, a FIFO or a device is never a report, and reading a FIFO would block the build.
    """
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return BriefError(path, "a link to nothing (dangling or looping); not read")
        if not target.is_relative_to(folder.resolve()):
            return BriefError(path, f"a link to a file outside {folder}; not read")
    if not path.is_file():
        return BriefError(path, "not a regular file (a FIFO, device or socket); not read")
    return None


def collect_sources(sources: list[Path]) -> tuple[list[Path], list[BriefError]]:
    """Report files named, or found in named folders (hidden files and subfolders skipped)."""
    files: list[Path] = []
    problems: list[BriefError] = []
    for source in sources:
        if source.is_dir():
            for path in source.iterdir():
                if path.name.startswith(".") or (path.is_dir() and not path.is_symlink()):
                    continue
                problem = _folder_entry(path, source)
                if problem:
                    problems.append(problem)
                else:
                    files.append(path)
        elif source.is_file():
            files.append(source)
        else:
            problems.append(BriefError(source, "no such file or folder"))
    return sorted(set(files), key=lambda p: (p.name, str(p))), problems


EXTRACT_CODE = code_fingerprint("builder.extract")
"""The code extraction runs: part of every record's cache key."""


def _cache_key(raw: bytes, name: str) -> str:
    digest = hashlib.sha256()
    for part in (EXTRACTOR_VERSION, EXTRACT_CODE, str(SCHEMA_VERSION), name):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(raw)
    return digest.hexdigest()


@dataclass(frozen=True)
class Report:
    """A report file as read, with the key of its extraction in the cache."""

    path: Path
    raw: bytes
    key: str


def read_reports(files: list[Path]) -> tuple[list[Report], list[BriefError]]:
    reports: list[Report] = []
    problems: list[BriefError] = []
    for path in files:
        try:
            too_big = over_size_limit(path.stat().st_size)
            if too_big:  # checked before reading: a multi-gigabyte file never enters memory
                problems.append(BriefError(path, too_big))
                continue
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(BriefError(path, f"cannot read: {exc.strerror or exc}"))
            continue
        reports.append(Report(path, raw, _cache_key(raw, path.name)))
    return reports, problems


def _extract_one(job: tuple[Path, bytes]) -> tuple[str | None, BriefError | None]:
    """Worker: (record JSON, None) or (None, problem). Runs in a pool process when many."""
    path, raw = job
    try:
        return extract_bytes(raw, path.name).model_dump_json(), None
    except BriefError as exc:
        bug = underlying_bug(exc)
        if bug is not None:  # extraction's last guard caught a bug, not a bad report
            return None, BuilderBug.from_exception(path, bug)
        return None, BriefError(path, exc.problem, exc.line)
    except Exception as exc:  # a bug outside extraction proper: this report still costs only itself
        return None, BuilderBug.from_exception(path, exc)


def _extract(
    reports: list[Report], cache_dir: Path | None, jobs: int | None
) -> tuple[list[ReportRecord], list[BriefError]]:
    """Records in report order: cached ones read, the rest extracted (by a pool when many)."""
    records: dict[Path, ReportRecord] = {}
    problems: list[BriefError] = []
    todo: list[Report] = []
    for report in reports:
        cached = cache_dir / f"{report.key}.json" if cache_dir else None
        if cached and cached.is_file():
            try:
                records[report.path] = ReportRecord.model_validate_json(cached.read_bytes())
                continue
            except ValueError:
                pass  # a damaged cache entry is simply recomputed
        todo.append(report)
    workers = jobs or os.cpu_count() or 1
    jobs_in = [(r.path, r.raw) for r in todo]
    results: list[tuple[str | None, BriefError | None]] = []
    with ExitStack() as stack:
        mapped: Iterable[tuple[str | None, BriefError | None]] = map(_extract_one, jobs_in)
        if len(todo) >= POOL_THRESHOLD and workers > 1:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers))
            mapped = pool.map(_extract_one, jobs_in, chunksize=16)
        for result in mapped:
            results.append(result)
            progress.step("Extracting reports", len(results), len(jobs_in))
    for report, (record_json, problem) in zip(todo, results, strict=True):
        if problem or record_json is None:
            problems.append(problem or BriefError(report.path, "extraction gave nothing"))
            continue
        records[report.path] = ReportRecord.model_validate_json(record_json)
        if cache_dir:
            atomic_write(cache_dir / f"{report.key}.json", record_json.encode())
    ordered = [records[r.path] for r in reports if r.path in records]
    return ordered, sorted(problems, key=lambda p: str(p.path))


def extract_records(
    files: list[Path], cache_dir: Path | None, jobs: int | None = None
) -> tuple[list[ReportRecord], list[BriefError]]:
    """Extract every file, from the content-hash cache where possible, in parallel if many."""
    reports, problems = read_reports(files)
    records, more = _extract(reports, cache_dir, jobs)
    return records, sorted(problems + more, key=lambda p: str(p.path))


_HELD: dict[Path, int] = {}
"""Lock files this process holds, and how deeply: `brief build` holds the lock of `data/`
for the whole build, and the extraction and MkDocs plugin inside it take it again."""


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """One build at a time per output folder; a second one is told, not blocked.

    The lock file sits in the folder, so every build that writes there sees it, whatever
    project it was started from. It is opened for appending and never written: a build
    leaves it untouched, so `mkdocs serve`, which watches `data/`, is not set off by it.
    Taken again by the process that holds it, it is simply held deeper.
    """
    if folder.exists() and not folder.is_dir():
        raise BriefError(folder, "is a file, not a folder; name a folder for the output")
    folder.mkdir(parents=True, exist_ok=True)
    lock = (folder / LOCK).resolve()
    if lock in _HELD:
        _HELD[lock] += 1
        try:
            yield
        finally:
            _HELD[lock] -= 1
        return
    with open(lock, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefError(
                folder, "another build is writing here; wait for it to finish"
            ) from None
        _HELD[lock] = 1
        try:
            yield
        finally:
            del _HELD[lock]
            fcntl.flock(handle, fcntl.LOCK_UN)


def _mark_generation(out_dir: Path, state: str, inputs: str | None = None) -> None:
    """ "writing" names the extraction being written; "complete" is the same bytes whatever
    was extracted, so equal outputs stay equal byte for byte."""
    record = {"state": state, **({"inputs": inputs} if inputs else {})}
    atomic_write(out_dir / GENERATION, json.dumps(record).encode("utf-8"))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _inputs_digest(reports: list[Report], tables: Tables) -> str:
    """Everything the data files are made from: code, tables as loaded, and reports."""
    digest = hashlib.sha256(CODE_VERSION.encode())
    for table in (tables.rates, tables.aliases):
        digest.update(_sha(table.model_dump_json().encode("utf-8")).encode())
    for report in reports:
        digest.update(f"{report.path.name}\0{report.key}\0".encode())
    return digest.hexdigest()


def extract_cache(settings: Settings) -> Path:
    """Extracted records and run manifests, for this extraction code only."""
    return cache_folder(settings.cache_dir / "extract", EXTRACT_CODE)


def data_cache(settings: Settings) -> Path:
    """Loaded data files as JSON, for this builder code only."""
    return cache_folder(settings.cache_dir / "data", CODE_VERSION)


def _manifest_path(out_dir: Path, settings: Settings) -> Path:
    return extract_cache(settings) / f"data-{short_hash(str(out_dir.resolve()), 16)}.json"


def _read_manifest(path: Path) -> dict:
    try:
        manifest = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) and manifest.get("code") == CODE_VERSION else {}


def _up_to_date(manifest: dict, inputs: str, out_dir: Path) -> bool:
    """True when the last complete run had these inputs and its files are still as written."""
    files = manifest.get("files")
    if manifest.get("inputs") != inputs or not isinstance(files, dict):
        return False
    data_files = {
        path.relative_to(out_dir).as_posix()
        for folder in DATA_FOLDERS
        for path in (out_dir / folder).glob(DATA_PATTERN)
    }
    if data_files != {name for name in files if name.split("/")[0] in DATA_FOLDERS}:
        return False
    try:
        return all(_sha((out_dir / name).read_bytes()) == e["sha"] for name, e in files.items())
    except OSError:
        return False


@dataclass
class _DataWriter:
    """Writes the data files, dumping YAML only for models that changed since the last run."""

    writer: Writer
    previous: dict[str, dict[str, str]]
    load_cache: Path
    files: dict[str, dict[str, str]] = field(default_factory=dict)

    def write(self, relative: str, model: Market | Company, kind: str, owner: str) -> None:
        digest = _sha(model.model_dump_json().encode("utf-8"))
        content = None
        before = self.previous.get(relative, {})
        if before.get("model") == digest:
            try:
                on_disk = (self.writer.root / relative).read_bytes()
            except OSError:
                on_disk = None
            if on_disk is not None and _sha(on_disk) == before["sha"]:
                content = on_disk
        if content is None:
            content = dump_model(model, kind).encode("utf-8")
        self.writer.write(relative, content, owner)
        self.files[relative] = {"sha": _sha(content), "model": digest}
        remember(self.load_cache, content, model)


def extract_to_dir(sources: list[Path], out_dir: Path, settings: Settings) -> ExtractResult:
    """`brief extract`: reports in, one YAML file per market and per company out.

    When the reports, tables and code are those of the last complete run and its files are
    untouched, nothing is extracted or written: a manifest in the cache records that run.
    """
    started = time.perf_counter()
    result = ExtractResult()
    files, result.problems = collect_sources(sources)
    result.reports = len(files)
    reports, problems = read_reports(files)
    result.problems += problems
    tables = load_tables(settings)
    if tables.problems:  # identities and conversions would change: keep the data as it is
        result.problems += tables.problems
        result.notes.append("a rate or alias table is broken, so no data file was written")
        result.seconds = time.perf_counter() - started
        return result
    manifest_path = _manifest_path(out_dir, settings)
    manifest = _read_manifest(manifest_path)
    inputs = _inputs_digest(reports, tables)
    stopped = generation_state(out_dir) == "writing"
    if not result.problems and not stopped and _up_to_date(manifest, inputs, out_dir):
        result.markets, result.companies = manifest["markets"], manifest["companies"]
        result.unchanged = len(manifest["files"])
        result.seconds = time.perf_counter() - started
        return result
    records, problems = _extract(reports, extract_cache(settings), None)
    result.problems = sorted(result.problems + problems, key=lambda p: str(p.path))
    data = normalise(records, tables.rates, tables.aliases)
    with build_lock(out_dir):
        # the folder is marked "writing" before its first change and "complete" after the
        # last, so a run killed in between is seen (`brief check`) and finished by the next
        writer = Writer(out_dir, before_change=lambda: _mark_generation(out_dir, "writing", inputs))
        write_schemas(writer)
        data_writer = _DataWriter(writer, manifest.get("files", {}), data_cache(settings))
        for market in data.markets:
            data_writer.write(market_file(market.slug), market, "market", market.source.file)
        for company in data.companies:
            data_writer.write(company_file(company.slug), company, "company", company.name)
        if result.problems:
            result.notes.append("some reports failed, so no old data files were removed")
            manifest_path.unlink(missing_ok=True)
        else:
            result.removed = len(
                writer.prune(MARKETS, DATA_PATTERN) + writer.prune(COMPANIES, DATA_PATTERN)
            )
            for path in writer.written + writer.unchanged:
                relative = path.relative_to(writer.root.resolve()).as_posix()
                data_writer.files.setdefault(relative, {"sha": _sha(path.read_bytes())})
            record = {
                "code": CODE_VERSION,
                "inputs": inputs,
                "markets": len(data.markets),
                "companies": len(data.companies),
                "files": data_writer.files,
            }
            atomic_write(manifest_path, json.dumps(record, indent=1).encode("utf-8"))
        if writer.before_change is None or not (out_dir / GENERATION).exists():
            _mark_generation(out_dir, "complete")  # something changed, and all is written
    result.markets, result.companies = len(data.markets), len(data.companies)
    result.written, result.unchanged = len(writer.written), len(writer.unchanged)
    result.seconds = time.perf_counter() - started
    return result


def extract_to_data(settings: Settings) -> ExtractResult:
    """The default job of `brief build` and the MkDocs plugin: content/reports -> data/.

    `content/reports` must be a folder: a file there would be read as the only report, and
    every other market's data file pruned.
    """
    reports = settings.reports_dir
    if reports.exists() and not reports.is_dir():
        raise BriefError(reports, "is a file, not the folder of reports; data/ is left as it is")
    return extract_to_dir([reports], settings.data_dir, settings)
