"""The one writer: the only code that puts builder output on disk.

It writes atomically (a killed build leaves each file old or new, never truncated), skips
files whose bytes did not change (so `mkdocs serve` and incremental builds only see real
changes), refuses to write one path twice in a run (two entities mapping to one file is a
bug to report, not a page to lose), and never writes outside its root.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from builder.errors import BriefError
from builder.paths import schema_file
from builder.schema import json_schemas

_TEMPORARY = ".*.tmp"
"""What `atomic_write`'s temporary files look like: hidden, and never "*.yaml" or "*.md"."""


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename over the target.

    A build killed between the two leaves a hidden temporary file that no loader reads;
    `Writer.prune` removes such leftovers.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o644)  # mkstemp's 0600 would hide pages from a web server
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class Writer:
    """Writes files below `root`, remembering what it wrote and for whom."""

    root: Path
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    before_change: Callable[[], None] | None = None
    """Called once, before the first file is written or removed (to mark the folder)."""
    _owners: dict[Path, str] = field(default_factory=dict)
    _folders: dict[str, Path] = field(default_factory=dict)

    def _resolved(self, relative: str) -> Path:
        """Where `root/relative` really is, links followed. Each folder is resolved once: a
        build writes a thousand files into a few folders, and resolving costs a system call
        per part of the path."""
        parent, _, name = relative.rpartition("/")
        folder = self._folders.get(parent)
        if folder is None:
            folder = self._folders[parent] = (self.root / parent).resolve()
        target = folder / name
        return target.resolve() if name in ("", ".", "..") or target.is_symlink() else target

    def _changing(self) -> None:
        if self.before_change is not None:
            hook, self.before_change = self.before_change, None
            hook()

    def write(self, relative: str, content: str | bytes, owner: str) -> Path:
        """Write `content` at `root/relative` for `owner` (named in errors about collisions)."""
        root = self._resolved("")
        target = self._resolved(relative)
        if not target.is_relative_to(root) or target == root:
            raise BriefError(owner, f"refusing to write outside {self.root}: {relative!r}")
        if target in self._owners:
            raise BriefError(
                owner, f"{relative} is also produced by {self._owners[target]}; not overwriting it"
            )
        self._owners[target] = owner
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            if target.read_bytes() == data:
                self.unchanged.append(target)
                return target
        except OSError:
            pass
        self._changing()
        try:
            atomic_write(target, data)
        except OSError as exc:  # a full disk, a file where a folder should be, no permission
            raise BriefError(target, f"cannot write: {exc.strerror or exc}") from None
        self.written.append(target)
        return target

    def prune(self, folder: str, pattern: str = "*") -> list[Path]:
        """Delete files in a folder the writer owns that this run did not produce.

        Temporary files a killed run left behind go too (not counted: they were never
        output); callers prune under the build lock, so no other run is writing them.
        """
        base = (self.root / folder).resolve()
        removed = []
        if base.is_dir():
            for path in base.glob(_TEMPORARY):
                path.unlink(missing_ok=True)
            for path in sorted(base.glob(pattern)):
                real = path.resolve() if path.is_symlink() else path
                if path.is_file() and real not in self._owners:
                    self._changing()
                    path.unlink()
                    removed.append(path)
        return removed


def write_schemas(writer: Writer) -> None:
    """JSON Schemas beside the data, so editors check hand edits against the contract."""
    for kind, text in json_schemas().items():
        writer.write(schema_file(kind), text, owner="schema")


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """A hard link to a published file in a folder being built, a copy where the file
    system has none: builds write new files, never into old ones, so the two never differ."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def staging_folder(final: Path) -> Path:
    """Where a folder is built before it replaces `final`: a hidden sibling, same file system."""
    return final.parent / f".{final.name}.new"


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return done == 0


def swap_in(staging: Path, final: Path, remove: Callable[[Path], None] | None = None) -> None:
    """Publish a completely built folder: readers see the old one or the new one, whole.

    Where the system can exchange two paths atomically it does; elsewhere the old folder is
    renamed aside and the new one renamed in, a gap of one system call. The old one is then
    removed, by `discard` unless told otherwise.
    """
    remove = remove or discard
    if final.is_dir() and not final.is_symlink():
        if not _exchange(staging, final):
            aside = final.parent / f".{final.name}.old"
            remove(aside)
            os.replace(final, aside)
            os.replace(staging, final)
            staging = aside
        remove(staging)
        return
    if final.exists() or final.is_symlink():
        final.unlink()
    os.replace(staging, final)


TRASH = ".trash-"
DELETE = "import shutil, sys\nfor folder in sys.argv[1:]: shutil.rmtree(folder, ignore_errors=True)"


def discard(folder: Path) -> None:
    """Remove a folder at once, deleting its files in a process of its own.

    Deleting a site of thousands of files takes seconds on a disk that discards freed blocks
    (longer than the rest of a one-page rebuild), and nobody needs to wait for it: the folder
    is renamed to a hidden sibling and deleted in the background, together with any such
    sibling an earlier deletion left when it was stopped.
    """
    if not folder.exists() and not folder.is_symlink():
        return
    base = folder.name.lstrip(".")
    trash = folder.parent / f".{base}{TRASH}{time.time_ns()}"
    try:
        os.replace(folder, trash)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    left = [str(p) for p in folder.parent.glob(f".{base}{TRASH}*")]
    subprocess.Popen(
        [sys.executable, "-c", DELETE, *left],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # outlives the build, whose command has ended
    )
