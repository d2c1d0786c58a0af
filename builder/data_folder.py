"""The data folder as extraction leaves it: a marker of whether the last run finished
writing, a manifest of the last complete run, and a writer that dumps YAML only for the
models that changed.

A run whose inputs all match the manifest and whose files are untouched has nothing to do;
a run killed between its first and last change leaves the marker at "writing", which
`brief check` names and the next build finishes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from builder.fingerprint import CODE_VERSION
from builder.paths import DATA_FOLDERS, DATA_PATTERN, GENERATION
from builder.schema import Company, Market
from builder.slugs import short_hash
from builder.sources import Report
from builder.store import Tables, remember
from builder.write import Writer, atomic_write
from builder.yamlio import dump_model


def mark_generation(out_dir: Path, state: str, inputs: str | None = None) -> None:
    """ "writing" names the extraction being written; "complete" is the same bytes whatever
    was extracted, so equal outputs stay equal byte for byte."""
    record = {"state": state, **({"inputs": inputs} if inputs else {})}
    atomic_write(out_dir / GENERATION, json.dumps(record).encode("utf-8"))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inputs_digest(reports: list[Report], tables: Tables) -> str:
    """Everything the data files are made from: code, tables as loaded, and reports."""
    digest = hashlib.sha256(CODE_VERSION.encode())
    for table in (tables.rates, tables.aliases):
        digest.update(_sha(table.model_dump_json().encode("utf-8")).encode())
    for report in reports:
        digest.update(f"{report.path.name}\0{report.key}\0".encode())
    return digest.hexdigest()


def manifest_path(out_dir: Path, cache_dir: Path) -> Path:
    """The manifest of one data folder, in the extraction cache (never in the folder)."""
    return cache_dir / f"data-{short_hash(str(out_dir.resolve()), 16)}.json"


def read_manifest(path: Path) -> dict:
    try:
        manifest = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) and manifest.get("code") == CODE_VERSION else {}


def up_to_date(manifest: dict, inputs: str, out_dir: Path) -> bool:
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
class DataWriter:
    """Writes the data files, dumping YAML only for models that changed since the last run."""

    writer: Writer
    previous: dict[str, dict[str, str]]
    load_cache: Path
    files: dict[str, dict[str, str]] = field(default_factory=dict)

    def write(self, relative: str, model: Market | Company, kind: str, owner: str) -> None:
        """Write one data file; a model equal to the last run's keeps the file it left, whose
        loaded model the last run already remembered."""
        digest = _sha(model.model_dump_json().encode("utf-8"))
        before = self.previous.get(relative, {})
        if before.get("model") == digest:
            try:
                on_disk = (self.writer.root / relative).read_bytes()
            except OSError:
                on_disk = None
            if on_disk is not None and _sha(on_disk) == before["sha"]:
                self.writer.write(relative, on_disk, owner)
                self.files[relative] = before
                return
        content = dump_model(model, kind).encode("utf-8")
        self.writer.write(relative, content, owner)
        self.files[relative] = {"sha": _sha(content), "model": digest}
        remember(self.load_cache, content, model)

    def write_manifest(self, path: Path, inputs: str, markets: int, companies: int) -> None:
        """Record a complete run: its inputs and every file it left, written or not."""
        root = self.writer.root.resolve()
        for written in self.writer.written + self.writer.unchanged:
            relative = written.relative_to(root).as_posix()
            if relative not in self.files:
                self.files[relative] = {"sha": _sha(written.read_bytes())}
        record = {
            "code": CODE_VERSION,
            "inputs": inputs,
            "markets": markets,
            "companies": companies,
            "files": self.files,
        }
        atomic_write(path, json.dumps(record, indent=1).encode("utf-8"))
