"""The code fingerprint finds a module's imports by scanning for import statements instead of
parsing the whole module: it must find exactly what a full parse finds. A build's stamp
hashes only the files whose size or time changed since the last one. A cache of other code
is emptied without breaking another build's write in progress."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import time

import pytest

from builder.fingerprint import (
    PACKAGE,
    STALE_TEMPORARY_SECONDS,
    BuildStamp,
    _import_nodes,
    _imports,
    cache_folder,
)

MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_the_scan_finds_the_imports_a_full_parse_finds(path):
    source = path.read_bytes()
    parsed = [
        ast.dump(node)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
    ]
    assert sorted(ast.dump(node) for node in _import_nodes(source)) == sorted(parsed)


def test_parenthesised_and_lazy_imports_are_found():
    source = b'''"""A module."""
from builder.schema import (
    Market,  # the contract
    Company,
)


def later():
    from builder.write import atomic_write  # only when needed
    import builder.slugs
'''
    found = [ast.unparse(node) for node in _import_nodes(source)]
    assert found == [
        "from builder.schema import Market, Company",
        "from builder.write import atomic_write",
        "import builder.slugs",
    ]


def test_the_extraction_cache_key_follows_the_lazy_import_of_the_extractor():
    # extract_cache imports the extraction passes inside a function: still part of its key
    assert "builder.extract" in _imports(PACKAGE / "extract_cache.py", "builder.extract_cache")


def test_the_stamp_of_a_build_reuses_the_hashes_of_files_it_left_untouched(tmp_path):
    for name, text in [("content/pages/index.md", "# Home\n"), ("site/index.html", "<p>\n")]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    data = tmp_path / "data" / "markets" / "solar.yaml"
    data.parent.mkdir(parents=True)
    data.write_text("slug: solar\n", encoding="utf-8")
    first = BuildStamp(tmp_path, tmp_path / "site", "2026-01-01")
    first.begin()
    first.commit()

    build = BuildStamp(tmp_path, tmp_path / "site", "2026-01-01")
    assert build.current()
    build.begin()
    build.clear()  # as `brief build` does before extracting
    stat = data.stat()
    data.write_text("slug: wind!\n", encoding="utf-8")  # same size and time: not hashed again
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    build.commit()
    recorded = json.loads((tmp_path / ".cache" / "build" / "stamp.json").read_text())
    solar = hashlib.sha256(b"slug: solar\n").hexdigest()
    assert recorded["inputs"]["data/markets/solar.yaml"] == [stat.st_size, stat.st_mtime_ns, solar]


def test_a_cache_of_other_code_is_emptied_but_a_write_in_progress_is_left_alone(tmp_path):
    """Two builds starting together both find the cache of older code: the second must not
    delete the temporary file the first is about to rename into place."""
    folder = tmp_path / "extract"
    folder.mkdir()
    (folder / ".code").write_text("old code", encoding="utf-8")
    (folder / "entry.json").write_text("{}", encoding="utf-8")
    writing = folder / ".entry2.json.abc123.tmp"
    writing.write_text("{}", encoding="utf-8")
    killed = folder / ".entry3.json.def456.tmp"  # left by a build killed long ago
    killed.write_text("{}", encoding="utf-8")
    long_ago = time.time() - STALE_TEMPORARY_SECONDS - 60
    os.utime(killed, (long_ago, long_ago))

    assert cache_folder(folder, "new code") == folder
    assert sorted(p.name for p in folder.iterdir()) == [".code", ".entry2.json.abc123.tmp"]
    assert (folder / ".code").read_text(encoding="utf-8") == "new code"
