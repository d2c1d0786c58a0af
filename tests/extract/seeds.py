"""Where the seed reports are, found relative to this file so a clean clone works."""

from __future__ import annotations

from pathlib import Path

REPORTS = Path(__file__).parents[2] / "content" / "reports"
PREFIXES = ("000", "001", "002", "003", "004")


def seed_path(prefix: str) -> Path:
    """The seed whose file name starts with `prefix` ("000" ... "004")."""
    (path,) = REPORTS.glob(f"{prefix}_*")
    return path


def seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")
