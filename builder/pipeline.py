"""The extraction pipeline as it reads: find reports, extract, normalise, write `data/`.

Two phases, as in MkDocs' build: everything is extracted and cross-referenced first, and
only then written, so the files on disk always agree with each other. A bad report costs
only itself; its problem is collected and reported at the end.

Rebuilds are cheap: each report's extraction is cached by its content (`extract_cache`),
a run whose inputs all match the last complete run's manifest does nothing at all, and
otherwise only the data files whose model changed are dumped to YAML again (`data_folder`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from builder.data_folder import (
    DataWriter,
    inputs_digest,
    manifest_path,
    mark_generation,
    read_manifest,
    up_to_date,
)
from builder.errors import BriefError
from builder.extract_cache import cached_records, record_key, records_folder
from builder.gc_pause import gc_paused
from builder.lock import build_lock
from builder.normalise import normalise
from builder.paths import COMPANIES, DATA_PATTERN, GENERATION, MARKETS, company_file, market_file
from builder.settings import Settings
from builder.sources import collect_sources, read_reports
from builder.store import data_cache, generation_state, load_tables
from builder.write import Writer, write_schemas


@dataclass
class ExtractResult:
    """What one extraction run did, for its summary line and the problems it reports."""

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


def extract_to_dir(sources: list[Path], out_dir: Path, settings: Settings) -> ExtractResult:
    """`brief extract`: reports in, one YAML file per market and per company out.

    When the reports, tables and code are those of the last complete run and its files are
    untouched, nothing is extracted or written: a manifest in the cache records that run.
    """
    started = time.perf_counter()
    result = ExtractResult()
    files, result.problems = collect_sources(sources)
    result.reports = len(files)
    reports, problems = read_reports(files, record_key)
    result.problems += problems
    tables = load_tables(settings)
    if tables.problems:  # identities and conversions would change: keep the data as it is
        result.problems += tables.problems
        result.notes.append("a rate or alias table is broken, so no data file was written")
        result.seconds = time.perf_counter() - started
        return result
    manifest_file = manifest_path(out_dir, records_folder(settings))
    manifest = read_manifest(manifest_file)
    inputs = inputs_digest(reports, tables)
    stopped = generation_state(out_dir) == "writing"
    if not result.problems and not stopped and up_to_date(manifest, inputs, out_dir):
        result.markets, result.companies = manifest["markets"], manifest["companies"]
        result.unchanged = len(manifest["files"])
        result.seconds = time.perf_counter() - started
        return result
    records, problems = cached_records(reports, records_folder(settings), None)
    result.problems = sorted(result.problems + problems, key=lambda p: str(p.path))
    with gc_paused():
        data = normalise(records, tables.rates, tables.aliases)
    with build_lock(out_dir), gc_paused():
        # the folder is marked "writing" before its first change and "complete" after the
        # last, so a run killed in between is seen (`brief check`) and finished by the next
        writer = Writer(out_dir, before_change=lambda: mark_generation(out_dir, "writing", inputs))
        write_schemas(writer)
        data_writer = DataWriter(writer, manifest.get("files", {}), data_cache(settings))
        for market in data.markets:
            data_writer.write(market_file(market.slug), market, "market", market.source.file)
        for company in data.companies:
            data_writer.write(company_file(company.slug), company, "company", company.name)
        if result.problems:
            result.notes.append("some reports failed, so no old data files were removed")
            manifest_file.unlink(missing_ok=True)
        else:
            result.removed = len(
                writer.prune(MARKETS, DATA_PATTERN) + writer.prune(COMPANIES, DATA_PATTERN)
            )
            data_writer.write_manifest(
                manifest_file, inputs, len(data.markets), len(data.companies)
            )
        if writer.before_change is None or not (out_dir / GENERATION).exists():
            mark_generation(out_dir, "complete")  # something changed, and all is written
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
