"""Progress of `brief build` on a terminal: reports extracted, pages rendered, charts drawn.

The work reports its progress with `step(stage, done, total)`, which does nothing unless a
command turned the display on with `shown()`: a plain `mkdocs build`, the tests and library
callers never see it. It is shown only on an interactive terminal and never under CI
(`CI=true`), so logs stay one line per event; it is drawn on stderr and vanishes when done.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import TaskID

_active: _Display | None = None


def wanted(stream: TextIO | None = None) -> bool:
    """True on an interactive terminal outside CI."""
    stream = stream or sys.stderr
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class _Display:
    """One rich progress bar per stage, created the first time the stage reports."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bars = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.tasks: dict[str, TaskID] = {}

    def step(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.bars.add_task(stage, total=total)
        self.bars.update(self.tasks[stage], completed=done, total=total)


@contextmanager
def shown(enabled: bool | None = None) -> Iterator[None]:
    """Show progress while the block runs, if `enabled` (by default: `wanted()`)."""
    global _active
    if not (wanted() if enabled is None else enabled):
        yield
        return
    display = _Display()
    _active = display
    try:
        with display.bars:
            yield
    finally:
        _active = None


def step(stage: str, done: int, total: int) -> None:
    """`done` of `total` items of a stage are finished; free when nothing is shown."""
    if _active is not None:
        _active.step(stage, done, total)
