"""What `brief serve` keeps in memory from one rebuild to the next.

A preview rebuilds after every save in one long-running process. Reading every cached record
and data file back from disk and validating it again costs about a second at 1,000 reports,
for objects the last rebuild already had. A serving process keeps them (`keep_warm`), each
under the path of the cache file it came from: that path is a digest of the bytes it was
made from and of the code, so a kept object is the one the file would give. A one-off build
has nothing to reuse and keeps nothing. Each rebuild keeps only what it used, so memory
follows the project, not its history. Since all that lives on, a rebuild runs without the
cyclic collector, which would walk it again and again, and collects once idle (`rebuilding`).
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


def rebuilding() -> None:
    """A rebuild starts: no cyclic collection until it is done (`rebuilt`).

    Everything a serving process keeps lives on, and the cyclic collector walked all of it
    (every record and model, the site's files and pages) two or three times in each rebuild
    to find garbage among the new objects only: 0.8 s of a 2.2 s rebuild at 1,000 reports.
    Reference counting still frees what a rebuild drops; what is left in cycles (MkDocs'
    files and pages point at each other) waits for the collection once the process is
    idle, so memory holds at most one rebuild's cyclic garbage more."""
    if _tidying is not None:
        _tidying.cancel()  # not begun: the next idle moment collects
    gc.disable()


def rebuilt() -> None:
    """A rebuild is done (or failed): collect its garbage once the process is idle."""
    global _tidying
    gc.enable()
    _tidying = threading.Timer(IDLE_SECONDS, gc.collect)
    _tidying.daemon = True
    _tidying.start()
