"""Changes to watched files as the system reports them (inotify, FSEvents, ReadDirectoryChanges),
for the preview's rebuilds.

MkDocs' preview polls: twice a second it lists and stats every watched file, so a save is
seen up to half a second late (a quarter of a second on average, before the rebuild even
starts), and the thousand reports are listed again and again while a rebuild runs. The
system's own events arrive at once. One thing differs from polling and is made equal here:
a native observer reports reads too (a rebuild reads every report, which would start the
next rebuild, forever), so only changes are passed on.
"""

from __future__ import annotations

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


class ChangeObserver(Observer):  # type: ignore[misc, valid-type]  # the platform's observer
    """The platform's observer, reporting only changes."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str | Path,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> ObservedWatch:
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
