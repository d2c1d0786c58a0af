"""The code fingerprint finds a module's imports by scanning for import statements instead of
parsing the whole module: it must find exactly what a full parse finds."""

from __future__ import annotations

import ast

import pytest

from builder.fingerprint import PACKAGE, _import_nodes, _imports

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
