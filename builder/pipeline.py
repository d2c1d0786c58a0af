"""The extraction pipeline as it reads: find reports, extract, normalise, write `data/`.

Two phases, as in MkDocs' build: everything is extracted and cross-referenced first, and
only then written, so the files on disk always agree with each other. A bad report costs
only itself; its problem is collected and reported at the end.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from builder.errors import BriefError
from builder.extract import EXTRACTOR_VERSION, extract_bytes
from builder.normalise import normalise
from builder.schema import SCHEMA_VERSION, AliasFile, RateTable, ReportRecord
from builder.settings import Settings
from builder.slugs import short_hash
from builder.write import Writer, atomic_write, write_schemas
from builder.yamlio import dump_model, load_model

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


def collect_sources(sources: list[Path]) -> tuple[list[Path], list[BriefError]]:
    """Report files named, or found in named folders (hidden files skipped), sorted."""
    files: list[Path] = []
    problems: list[BriefError] = []
    for source in sources:
        if source.is_dir():
            files += [p for p in source.iterdir() if p.is_file() and not p.name.startswith(".")]
        elif source.is_file():
            files.append(source)
        else:
            problems.append(BriefError(source, "no such file or folder"))
    return sorted(set(files), key=lambda p: (p.name, str(p))), problems


def _cache_key(raw: bytes, name: str) -> str:
    digest = hashlib.sha256()
    for part in (EXTRACTOR_VERSION, str(SCHEMA_VERSION), name):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(raw)
    return digest.hexdigest()


def _extract_one(job: tuple[Path, bytes]) -> tuple[str | None, BriefError | None]:
    """Worker: (record JSON, None) or (None, problem). Runs in a pool process when many."""
    path, raw = job
    try:
        return extract_bytes(raw, path.name).model_dump_json(), None
    except BriefError as exc:
        return None, BriefError(path, exc.problem, exc.line)


def extract_records(
    files: list[Path], cache_dir: Path | None, jobs: int | None = None
) -> tuple[list[ReportRecord], list[BriefError]]:
    """Extract every file, from the content-hash cache where possible, in parallel if many."""
    records: dict[Path, ReportRecord] = {}
    problems: list[BriefError] = []
    todo: list[tuple[Path, bytes]] = []
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(BriefError(path, f"cannot read: {exc.strerror or exc}"))
            continue
        cached = cache_dir / f"{_cache_key(raw, path.name)}.json" if cache_dir else None
        if cached and cached.is_file():
            try:
                records[path] = ReportRecord.model_validate_json(cached.read_bytes())
                continue
            except ValueError:
                pass  # a damaged cache entry is simply recomputed
        todo.append((path, raw))
    workers = jobs or os.cpu_count() or 1
    if len(todo) >= POOL_THRESHOLD and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_extract_one, todo, chunksize=16))
    else:
        results = [_extract_one(job) for job in todo]
    for (path, raw), (record_json, problem) in zip(todo, results, strict=True):
        if problem or record_json is None:
            problems.append(problem or BriefError(path, "extraction gave nothing"))
            continue
        records[path] = ReportRecord.model_validate_json(record_json)
        if cache_dir:
            atomic_write(cache_dir / f"{_cache_key(raw, path.name)}.json", record_json.encode())
    ordered = [records[p] for p in files if p in records]
    return ordered, sorted(problems, key=lambda p: str(p.path))


@contextmanager
def build_lock(folder: Path, lock_dir: Path) -> Iterator[None]:
    """One build at a time per output folder; a second one is told, not blocked.

    The lock file lives in the cache, not beside the data: it is no data, and touching a
    watched folder would make `mkdocs serve` rebuild forever.
    """
    lock_dir.mkdir(parents=True, exist_ok=True)
    with open(lock_dir / f"build-{short_hash(str(folder.resolve()))}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefError(
                folder, "another build is writing here; wait for it to finish"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def extract_to_dir(sources: list[Path], out_dir: Path, settings: Settings) -> ExtractResult:
    """`brief extract`: reports in, one YAML file per market and per company out."""
    started = time.perf_counter()
    result = ExtractResult()
    files, result.problems = collect_sources(sources)
    rates = load_model(settings.rates_file, RateTable)
    aliases = load_model(settings.aliases_file, AliasFile)
    records, problems = extract_records(files, settings.cache_dir / "extract")
    result.problems += problems
    result.reports = len(files)
    data = normalise(records, rates, aliases)
    with build_lock(out_dir, settings.cache_dir):
        writer = Writer(out_dir)
        write_schemas(writer)
        for market in data.markets:
            writer.write(
                f"markets/{market.slug}.yaml", dump_model(market, "market"), market.source.file
            )
        for company in data.companies:
            writer.write(
                f"companies/{company.slug}.yaml", dump_model(company, "company"), company.name
            )
        if result.problems:
            result.notes.append("some reports failed, so no old data files were removed")
        else:
            result.removed = len(
                writer.prune("markets", "*.yaml") + writer.prune("companies", "*.yaml")
            )
    result.markets, result.companies = len(data.markets), len(data.companies)
    result.written, result.unchanged = len(writer.written), len(writer.unchanged)
    result.seconds = time.perf_counter() - started
    return result


def extract_to_data(settings: Settings) -> ExtractResult:
    """The default job of `brief build` and the MkDocs plugin: content/reports -> data/."""
    return extract_to_dir([settings.reports_dir], settings.data_dir, settings)
