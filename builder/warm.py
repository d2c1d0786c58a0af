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

import gc
import threading
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

_warm = False

IDLE_SECONDS = 1.0
"""How long after a rebuild the process counts as idle: the browser has reloaded the page."""
_tidying: threading.Timer | None = None


def keep_warm() -> None:
    """From now on this process keeps what it loads (called once `serve` starts)."""
    global _warm
    _warm = True


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


def rebuilt() -> None:
    """A rebuild is done: once the process is idle, collect its garbage and freeze the rest.

    Everything a serving process keeps lives on, and the cyclic collector walked all of it
    (every record and model, the site's files and pages) two or three times in each rebuild
    to find garbage among the new objects only: 0.8 s of a 2.2 s rebuild at 1,000 reports.
    Frozen objects are not walked (`gc.freeze`), so a rebuild's collections see only what it
    made. What a rebuild drops of the frozen objects is freed by reference counting, or, if
    it is in a cycle (MkDocs' files and pages point at each other), by the next collection
    here, which unfreezes everything first: memory holds at most one rebuild's garbage."""
    global _tidying
    rebuilding()
    _tidying = threading.Timer(IDLE_SECONDS, _collect_and_freeze)
    _tidying.daemon = True
    _tidying.start()


def rebuilding() -> None:
    """A rebuild starts: a collection not yet begun waits for the next idle moment."""
    if _tidying is not None:
        _tidying.cancel()


def _collect_and_freeze() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()
