"""One place that hashes the builder's code for every cache, and keeps cache folders clean.

A cache entry is only as good as its key: a record extracted by older code, or a chart
drawn by an older `charts.py`, must never be served after an upgrade. `code_fingerprint`
hashes a module together with every module of the package it imports, directly or not
(found by reading the import statements), so a change anywhere below it (in
`builder/extract/` too) changes the key. `cache_folder` empties a cache folder written by
other code and removes temporary files that killed runs left behind.
"""

from __future__ import annotations

import ast
import hashlib
import time
from functools import cache
from pathlib import Path

from builder.write import atomic_write

PACKAGE = Path(__file__).resolve().parent
DATA_SUFFIXES = (".txt", ".yaml", ".yml", ".json", ".csv")
"""Files in a code folder that are part of the code: word lists, shipped tables."""
STALE_TEMPORARY_SECONDS = 600
"""A temporary file is written in milliseconds; one this old belongs to a killed run."""


def _source(module: str) -> Path | None:
    """The file of `builder.x.y`: builder/x/y.py or builder/x/y/__init__.py."""
    parts = module.split(".")[1:]
    base = PACKAGE.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if parts and candidate.is_file():
            return candidate
    return PACKAGE / "__init__.py" if not parts else None


def _imports(path: Path, module: str) -> set[str]:
    """The package's modules that `path` imports (`from builder.x import y` may name y)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] == PACKAGE.name and _source(name)}


@cache
def code_fingerprint(*modules: str) -> str:
    """A hash of the modules' code and of every package module they import, at any depth."""
    seen: dict[str, Path] = {}
    todo = list(modules)
    while todo:
        module = todo.pop()
        path = _source(module)
        if module in seen or path is None:
            continue
        seen[module] = path
        todo += _imports(path, module)
    files = set(seen.values())
    for folder in {path.parent for path in files} - {PACKAGE}:  # word lists beside the code
        files |= {p for p in folder.iterdir() if p.suffix in DATA_SUFFIXES and p.is_file()}
    return _digest(files)


def _digest(files: set[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def package_fingerprint() -> str:
    """A hash of every module of the package: for caches downstream of everything."""
    return _digest({p for p in PACKAGE.rglob("*") if p.suffix in (".py", *DATA_SUFFIXES)})


def cache_folder(folder: Path, fingerprint: str) -> Path:
    """`folder`, emptied of entries written by other code, without stale temporary files."""
    stamp = folder / ".code"
    try:
        current = stamp.read_text(encoding="utf-8")
    except OSError:
        current = None
    now = time.time()
    if folder.is_dir():
        for path in folder.iterdir():
            try:
                stale = path.name.endswith(".tmp") and now - path.stat().st_mtime > (
                    STALE_TEMPORARY_SECONDS
                )
                if (current != fingerprint or stale) and path != stamp and path.is_file():
                    path.unlink()
            except OSError:
                continue  # gone meanwhile, or not ours to remove: a cache is best effort
    if current != fingerprint:
        atomic_write(stamp, fingerprint.encode("utf-8"))
    return folder
