"""Finding and reading the reports: which files of the named folders are reports, and their
bytes, each checked before anything is extracted from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from builder.errors import BriefError
from builder.extractor import too_big as over_size_limit


def _folder_entry(path: Path, folder: Path) -> BriefError | None:
    """Why an entry of a reports folder is not read as a report (None: it is one).

    A link that leads out of the folder would publish whatever it points at; a dangling
    link, a FIFO or a device is never a report, and reading a FIFO would block the build.
    """
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return BriefError(path, "a link to nothing (dangling or looping); not read")
        if not target.is_relative_to(folder.resolve()):
            return BriefError(path, f"a link to a file outside {folder}; not read")
    if not path.is_file():
        return BriefError(path, "not a regular file (a FIFO, device or socket); not read")
    return None


def collect_sources(sources: list[Path]) -> tuple[list[Path], list[BriefError]]:
    """Report files named, or found in named folders (hidden files and subfolders skipped)."""
    files: list[Path] = []
    problems: list[BriefError] = []
    for source in sources:
        if source.is_dir():
            for path in source.iterdir():
                if path.name.startswith(".") or (path.is_dir() and not path.is_symlink()):
                    continue
                problem = _folder_entry(path, source)
                if problem:
                    problems.append(problem)
                else:
                    files.append(path)
        elif source.is_file():
            files.append(source)
        else:
            problems.append(BriefError(source, "no such file or folder"))
    return sorted(set(files), key=lambda p: (p.name, str(p))), problems


@dataclass(frozen=True)
class Report:
    """A report file as read, with the key of its extraction in the cache."""

    path: Path
    raw: bytes
    key: str


def read_reports(
    files: list[Path], key_of: Callable[[bytes, str], str]
) -> tuple[list[Report], list[BriefError]]:
    """Each file's bytes and cache key (`key_of(bytes, file name)`), hashed once as read."""
    reports: list[Report] = []
    problems: list[BriefError] = []
    for path in files:
        try:
            too_big = over_size_limit(path.stat().st_size)
            if too_big:  # checked before reading: a multi-gigabyte file never enters memory
                problems.append(BriefError(path, too_big))
                continue
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(BriefError(path, f"cannot read: {exc.strerror or exc}"))
            continue
        reports.append(Report(path, raw, key_of(raw, path.name)))
    return reports, problems
