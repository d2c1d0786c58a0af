"""Changes to watched files as the system reports them (inotify, FSEvents, ReadDirectoryChanges),
for the preview's rebuilds.

MkDocs' preview polls: twice a second it lists and stats every watched file, so a save is
seen up to half a second late (a quarter of a second on average, before the rebuild even
starts), and the thousand reports are listed again and again while a rebuild runs. The
system's own events arrive at once. Two things differ from polling and are made equal here:
a native observer reports reads too (a rebuild reads every report, which would start the
next rebuild, forever), so only changes are passed on; and a watch on a file follows the
file's inode, which an editor that saves by renaming a new file over the old one leaves
behind after the first save, so a file is watched through its folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from watchdog.events import (
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileAttribEvent,
    FileClosedEvent,  # closed after writing: a read's close is another event
    FileDeletedEvent,
    FileMovedEvent,
]
"""The events that are changes, as polling would see them (a touched file's time counts)."""


class _OneFile(FileSystemEventHandler):
    """The events of one file of a watched folder, passed on to the handler of the file."""

    def __init__(self, handler: FileSystemEventHandler, path: str) -> None:
        super().__init__()
        self.handler = handler
        self.path = path

    def dispatch(self, event: FileSystemEvent) -> None:
        if self.path in (os.fsdecode(event.src_path), os.fsdecode(event.dest_path)):
            self.handler.dispatch(event)


class ChangeObserver(Observer):  # type: ignore[misc, valid-type]  # the platform's observer
    """The platform's observer, reporting only changes, and a file's through its folder."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str | Path,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> ObservedWatch:
        path = os.path.abspath(path)
        if os.path.isfile(path):
            event_handler = _OneFile(event_handler, path)
            path, recursive = os.path.dirname(path), False
        return super().schedule(
            event_handler,
            path,
            recursive=recursive,
            event_filter=event_filter or CHANGES,
            follow_symlink=follow_symlink,
        )


def change_observer(folder: Path) -> BaseObserver | None:
    """An observer of changes by the system's events; None where the system gives none (out
    of inotify instances or watches: the caller keeps polling). `folder` is watched for a
    moment to find out."""
    trial = ChangeObserver()
    try:
        trial.schedule(FileSystemEventHandler(), folder)
        trial.start()
    except OSError:
        return None
    trial.stop()
    trial.join()
    return ChangeObserver()
