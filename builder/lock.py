"""One build at a time per output folder: the lock a whole build holds."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builder.errors import BriefError
from builder.paths import LOCK

_HELD: dict[Path, int] = {}
"""Lock files this process holds, and how deeply: `brief build` holds the lock of `data/`
for the whole build, and the extraction and MkDocs plugin inside it take it again."""


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """One build at a time per output folder; a second one is told, not blocked.

    The lock file sits in the folder, so every build that writes there sees it, whatever
    project it was started from. It is opened for appending and never written: a build
    leaves it untouched, so `mkdocs serve`, which watches `data/`, is not set off by it.
    Taken again by the process that holds it, it is simply held deeper.
    """
    if folder.exists() and not folder.is_dir():
        raise BriefError(folder, "is a file, not a folder; name a folder for the output")
    folder.mkdir(parents=True, exist_ok=True)
    lock = (folder / LOCK).resolve()
    if lock in _HELD:
        _HELD[lock] += 1
        try:
            yield
        finally:
            _HELD[lock] -= 1
        return
    with open(lock, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefError(
                folder, "another build is writing here; wait for it to finish"
            ) from None
        _HELD[lock] = 1
        try:
            yield
        finally:
            del _HELD[lock]
            fcntl.flock(handle, fcntl.LOCK_UN)
