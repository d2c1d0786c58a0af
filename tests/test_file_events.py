"""The preview learns of changes from the system's file events (`builder.file_events`): a
change is seen at once, a read is not a change (every rebuild reads every report), and a
watched file is still seen after an editor saved it by renaming a new file over it."""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from builder.file_events import ChangeObserver
from builder.mkdocs_plugin import BriefPlugin
from builder.settings import Settings

QUIET = 0.5
"""Seconds without an event that show none is coming (events arrive in milliseconds)."""


@contextmanager
def watching(path: Path, recursive: bool = True) -> Iterator[queue.Queue[FileSystemEvent]]:
    events: queue.Queue[FileSystemEvent] = queue.Queue()
    handler = FileSystemEventHandler()
    handler.on_any_event = events.put  # type: ignore[method-assign]
    observer = ChangeObserver()
    observer.schedule(handler, str(path), recursive=recursive)
    observer.start()
    try:
        yield events
    finally:
        observer.stop()
        observer.join()


def paths(events: queue.Queue[FileSystemEvent], wait: float) -> set[str]:
    """The files the events name, waiting `wait` seconds for the first."""
    found: set[str] = set()
    try:
        event = events.get(timeout=wait)
        while True:
            found |= {os.fsdecode(p) for p in (event.src_path, event.dest_path) if p}
            event = events.get(timeout=0.2)
    except queue.Empty:
        return found


def test_a_change_is_an_event_and_a_read_is_not(tmp_path):
    report = tmp_path / "reports" / "a.txt"
    report.parent.mkdir()
    report.write_text("Market size: USD 1.0 billion\n", encoding="utf-8")
    with watching(tmp_path) as events:
        report.read_bytes()
        assert paths(events, QUIET) == set()
        report.write_text("Market size: USD 1.1 billion\n", encoding="utf-8")
        assert str(report) in paths(events, 5)


def test_a_watched_file_saved_by_renaming_is_seen_at_every_save(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: A\n", encoding="utf-8")
    with watching(config, recursive=False) as events:
        for name in ("B", "C"):
            saved = tmp_path / ".mkdocs.yml.swp"
            saved.write_text(f"site_name: {name}\n", encoding="utf-8")
            os.replace(saved, config)
            assert str(config) in paths(events, 5)
        (tmp_path / "notes.txt").write_text("not watched\n", encoding="utf-8")
        assert paths(events, QUIET) == set()


def test_the_preview_moves_what_mkdocs_watches_to_the_system_events(tmp_path):
    docs = tmp_path / "content" / "pages"
    docs.mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(docs))
    server.watch(str(tmp_path / "mkdocs.yml"))
    plugin = BriefPlugin()
    plugin.settings = Settings.at(tmp_path)
    try:
        plugin.on_serve(server, config=None, builder=None)  # type: ignore[arg-type]
        assert isinstance(server.observer, ChangeObserver)
        watched = {Path(emitter.watch.path) for emitter in server.observer.emitters}
        assert {docs, tmp_path / "content", tmp_path} <= watched  # mkdocs.yml: by its folder
        assert str(docs) in server._watched_paths  # MkDocs still injects its reload script
    finally:
        server.server_close()


def test_the_preview_polls_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEF_WATCH", "poll")
    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    polling = server.observer
    plugin = BriefPlugin()
    plugin.settings = Settings.at(tmp_path)
    try:
        plugin.on_serve(server, config=None, builder=None)  # type: ignore[arg-type]
        assert server.observer is polling
        assert not isinstance(server.observer, ChangeObserver)
    finally:
        server.server_close()
