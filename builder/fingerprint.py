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
import os
import re
import time
from datetime import UTC, date, datetime
from functools import cache, cached_property
from pathlib import Path

from builder.paths import DATA_FOLDERS, SCHEMAS, in_data
from builder.search import INDEX

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


_IMPORT_STATEMENT = re.compile(
    rb"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]*(?:\([^)]*\)|[^\n]*)|import[ \t]+[^\n]*)",
    re.MULTILINE,
)
"""A line that starts an import statement, with its parenthesised names: parsing these alone
is 30 times faster than parsing the whole module, which every build did for ~50 modules."""


def _import_nodes(source: bytes) -> list[ast.Import | ast.ImportFrom]:
    """The import statements of a module, at any depth (lazy imports in functions too)."""
    nodes: list[ast.Import | ast.ImportFrom] = []
    for statement in _IMPORT_STATEMENT.finditer(source):
        try:
            parsed = ast.parse(statement.group().strip())
        except SyntaxError:
            continue  # prose in a docstring that reads like an import
        nodes += [n for n in parsed.body if isinstance(n, ast.Import | ast.ImportFrom)]
    return nodes


def _imports(path: Path, module: str) -> set[str]:
    """The package's modules that `path` imports (`from builder.x import y` may name y)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_nodes(path.read_bytes()):
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


CODE_VERSION = package_fingerprint()
"""The builder's code, extraction included, part of the key of every cache but the charts'
(which key on their own modules): after any change to it, data is normalised and loaded,
and pages are rendered, afresh."""


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
                if path.name.endswith(".tmp"):  # a fresh one is another process' write
                    remove = now - path.stat().st_mtime > STALE_TEMPORARY_SECONDS
                else:
                    remove = current != fingerprint and path != stamp
                if remove and path.is_file():
                    path.unlink()
            except OSError:
                continue  # gone meanwhile, or not ours to remove: a cache is best effort
    if current != fingerprint:
        from builder.write import atomic_write  # pydantic, via the schemas: only when needed

        atomic_write(stamp, fingerprint.encode("utf-8"))
    return folder


def build_date() -> date:
    """Today, or SOURCE_DATE_EPOCH when set, so a reproducible build is byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


# --- The whole build's inputs, for a build that has nothing to do ---------------------------

VERSIONED = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pagefind")
"""Packages whose version changes the site's bytes (the theme, Markdown, search)."""
USER_INPUTS = ("content", "site_templates", "templates", "overrides", "mkdocs.yml", "data")
"""What a person edits; `data/markets`, `companies` and `schema` are what extraction writes."""
EXTRACTED = tuple(in_data(folder) for folder in (*DATA_FOLDERS, SCHEMAS))

Listing = dict[str, tuple[int, int]]
INDEX_KEY = f"{INDEX}/"
"""The search index's folder in a site listing: only whether it is there is recorded, since a
background run replaces it after the build."""
"""Relative path -> (size, mtime in ns): enough to tell an untouched file in milliseconds."""


@cache
def versions() -> str:
    """The installed versions of the packages that shape the site, without importing them
    (read once per process: the build's stamp and the plugin's manifest both ask)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in VERSIONED:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=none")
    return ",".join(found)


def listing(root: Path, names: tuple[str, ...], skip: tuple[str, ...] = ()) -> Listing:
    """Every file under the named files and folders of `root`, but hidden ones and `skip`.

    `os.scandir`, not pathlib: a stat per file and no path objects, as thousands are read
    on every `brief build`."""
    found: Listing = {}

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                relative = prefix + entry.name
                if entry.name.startswith(".") or relative.startswith(skip):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, relative + "/")
                elif entry.is_file():
                    stat = entry.stat()
                    found[relative] = (stat.st_size, stat.st_mtime_ns)

    for name in names:
        top = root / name if name else root
        if top.is_dir():
            walk(str(top), f"{name}/" if name else "")
        elif top.is_file() and not name.startswith(skip):
            stat = top.stat()
            found[name] = (stat.st_size, stat.st_mtime_ns)
    return found


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class BuildStamp:
    """The inputs of the last successful strict build, and the site it left behind.

    `current()` holds when every input has the size and time stamp it had, or failing that
    the same bytes (only files whose stat changed are hashed), the code, versions, build
    date and site folder are the same, and the site's files are untouched since. Then a
    build would write the same bytes, and `brief build` can stop before importing MkDocs.
    """

    def __init__(self, root: Path, site: Path, key: str) -> None:
        self.root, self.site = root, site
        self.path = root / ".cache" / "build" / "stamp.json"
        self.key = f"{key}|{versions()}|{package_fingerprint()}|{site}"
        self._before: dict[str, list] | None = None

    @cached_property
    def _last(self) -> dict | None:
        """The stamp as the build found it, read once: `clear` removes the file before the
        build, and `commit` reuses the hashes of files whose size and time are unchanged."""
        import json

        try:
            stamp = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return stamp if isinstance(stamp, dict) and stamp.get("key") == self.key else None

    def _same(self, recorded: dict[str, list], now: Listing) -> bool:
        if recorded.keys() != now.keys():
            return False
        for relative, (size, mtime) in now.items():
            old_size, old_mtime, digest = recorded[relative]
            if (size, mtime) != (old_size, old_mtime) and (
                size != old_size or _sha(self.root / relative) != digest
            ):
                return False
        return True

    def current(self) -> bool:
        stamp = self._last
        if stamp is None or not self.site.is_dir():
            return False
        inputs = listing(self.root, USER_INPUTS)
        if not self._same(stamp["inputs"], inputs):
            return False
        site = self._site()
        if stamp["site"].get(INDEX_KEY) == [False]:  # a first build's index, still to come
            site[INDEX_KEY] = [False]
        return stamp["site"] == site

    def _site(self) -> dict[str, list]:
        """The site's files, but the search index's, which a background run replaces after
        the build (`builder.search`); only that there is one."""
        skip = (INDEX_KEY,)
        site: dict[str, list] = {k: list(v) for k, v in listing(self.site, ("",), skip).items()}
        site[INDEX_KEY] = [(self.site / INDEX).is_dir()]
        return site

    def _record(self, names: tuple[str, ...], skip: tuple[str, ...] = ()) -> dict[str, list]:
        """Size, time and hash of each file; a hash is reused while size and time are."""
        known = (self._last or {}).get("inputs", {})
        record = {}
        for relative, (size, mtime) in listing(self.root, names, skip).items():
            old = known.get(relative)
            same = old is not None and old[:2] == [size, mtime]
            record[relative] = [size, mtime, old[2] if same else _sha(self.root / relative)]
        return record

    def begin(self) -> None:
        """Note what a person gave before the build reads it: an edit made meanwhile is new."""
        self._before = self._record(USER_INPUTS, skip=EXTRACTED)

    def commit(self) -> None:
        """After a successful strict build: its inputs, and the site as it was left."""
        import json

        from builder.write import atomic_write

        if self._before is None:
            return
        inputs = {**self._before, **self._record(EXTRACTED)}
        stamp = {"key": self.key, "inputs": inputs, "site": self._site()}
        atomic_write(self.path, json.dumps(stamp).encode("utf-8"))

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
