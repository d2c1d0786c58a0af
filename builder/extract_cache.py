"""Extracting many reports: each record cached by the report's content and the extraction
code, the rest extracted, in a process pool when there are many.

The cache (`.cache/extract/`) holds plain JSON records a person can read and delete; a
record is keyed by the report's bytes and file name, the extractor and schema versions and
a hash of the extraction code, so an upgraded extractor is never served an old record.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from pathlib import Path

from builder import progress
from builder.errors import BriefError, BuilderBug, underlying_bug
from builder.extractor import EXTRACTOR_VERSION
from builder.fingerprint import cache_folder, code_fingerprint
from builder.gc_pause import gc_paused
from builder.schema import SCHEMA_VERSION, ReportRecord
from builder.settings import Settings
from builder.sources import Report, read_reports
from builder.warm import Kept
from builder.write import atomic_write

POOL_THRESHOLD = 40
"""Below this many uncached reports a process pool costs more to start than it saves."""

EXTRACT_CODE = code_fingerprint("builder.extract")
"""The code extraction runs: part of every record's cache key."""


def record_key(raw: bytes, name: str) -> str:
    """The cache key of one report's record."""
    digest = hashlib.sha256()
    for part in (EXTRACTOR_VERSION, EXTRACT_CODE, str(SCHEMA_VERSION), name):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(raw)
    return digest.hexdigest()


def records_folder(settings: Settings) -> Path:
    """Extracted records and run manifests, for this extraction code only."""
    return cache_folder(settings.cache_dir / "extract", EXTRACT_CODE)


def _extract_one(job: tuple[Path, bytes]) -> tuple[str | None, BriefError | None]:
    """Worker: (record JSON, None) or (None, problem). Runs in a pool process when many."""
    from builder.extract import extract_bytes  # the passes: only when a report is extracted

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


_KEPT: Kept[ReportRecord] = Kept()
"""Records a serving process read or extracted, by cache file (`builder.warm`)."""


def cached_records(
    reports: list[Report], cache_dir: Path | None, jobs: int | None
) -> tuple[list[ReportRecord], list[BriefError]]:
    """Records in report order: cached ones read, the rest extracted (by a pool when many)."""
    records: dict[Path, ReportRecord] = {}
    problems: list[BriefError] = []
    todo: list[Report] = []
    with gc_paused():
        for report in reports:
            cached = cache_dir / f"{report.key}.json" if cache_dir else None
            kept = _KEPT.get(cached) if cached else None
            if kept is not None:
                records[report.path] = kept
                continue
            if cached and cached.is_file():
                try:
                    records[report.path] = ReportRecord.model_validate_json(cached.read_bytes())
                    _KEPT.put(cached, records[report.path])
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
            _KEPT.put(cache_dir / f"{report.key}.json", records[report.path])
    _KEPT.round_done()
    ordered = [records[r.path] for r in reports if r.path in records]
    return ordered, sorted(problems, key=lambda p: str(p.path))


def extract_records(
    files: list[Path], cache_dir: Path | None, jobs: int | None = None
) -> tuple[list[ReportRecord], list[BriefError]]:
    """Extract every file, from the content-hash cache where possible, in parallel if many."""
    reports, problems = read_reports(files, record_key)
    records, more = cached_records(reports, cache_dir, jobs)
    return records, sorted(problems + more, key=lambda p: str(p.path))
