"""What `brief serve` keeps in memory from one rebuild to the next.

A preview rebuilds after every save in one long-running process. Reading every cached record
and data file back from disk and validating it again costs about a second at 1,000 reports,
for objects the last rebuild already had. A serving process keeps them (`keep_warm`), each
under the path of the cache file it came from: that path is a digest of the bytes it was
made from and of the code, so a kept object is the one the file would give. A one-off build
has nothing to reuse and keeps nothing. Each rebuild keeps only what it used, so memory
follows the project, not its history.
"""

from __future__ import annotations

from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

_warm = False


def keep_warm() -> None:
    """From now on this process keeps what it loads (called once `serve` starts)."""
    global _warm
    _warm = True


def serving() -> bool:
    """Whether this process rebuilds again and again (`keep_warm` was called)."""
    return _warm


class Kept(Generic[T]):
    """Objects by the cache file they were read from, kept while the process serves."""

    def __init__(self) -> None:
        self._last: dict[Path, T] = {}
        self._now: dict[Path, T] = {}

    def get(self, path: Path) -> T | None:
        if not _warm:
            return None
        found = self._now.get(path)
        if found is None:
            found = self._last.get(path)
        if found is not None:
            self._now[path] = found
        return found

    def put(self, path: Path, value: T) -> None:
        if _warm:
            self._now[path] = value

    def round_done(self) -> None:
        """A load is complete: what it did not use is dropped."""
        self._last, self._now = self._now, {}
