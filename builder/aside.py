"""Work done in a second process while the caller goes on: `aside(work)` starts it, `.result()`
collects it.

A build after one change renders its pages on one core while the second sits idle; the work
that does not feed the pages (charts, downloads) can run there instead of after them. The
process is forked, so it starts with the caller's loaded data and nothing is pickled on the
way in; only the result travels back. Where fork does not exist (Windows, and macOS's
default), or when one process is asked for, the work runs in the caller when its result is
asked for, as it would without a second process.

What comes back is the work's result, or its exception with the other process' traceback in
a note, or, if the process ended without a word (killed, crashed), an error saying so: never
a wait that does not end.
"""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Callable
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Generic, TypeVar

T = TypeVar("T")

Step = Callable[[int, int], None]
"""Progress the work reports: (done, total)."""

Work = Callable[[Step], T]


def can_fork() -> bool:
    return "fork" in get_all_start_methods()


def _stop(signum: int, frame: FrameType | None) -> None:
    """Stopped by the caller: unwind, so the work's own worker processes are shut down too."""
    sys.exit(1)


def _progress(out: Connection) -> Step:
    """Progress sent at most once a percent. The caller may read it only when it asks for the
    result, long after; a pipe left unread fills after a few thousand messages, and the work
    would then stop until it is read."""
    said = -1

    def step(done: int, total: int) -> None:
        nonlocal said
        percent = done * 100 // total if total else 100
        if percent != said:
            said = percent
            out.send(("step", done, total))

    return step


def _run(work: Work[T], out: Connection) -> None:
    """The second process: do the work, send its progress and then its result or failure.

    Ctrl-C reaches every process of the terminal's group; here it is ignored, since the
    caller stops this process when it unwinds, and one traceback is shown instead of two."""
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        value = work(_progress(out))
    except Exception as exc:  # handed to the caller, who raises it
        trace = traceback.format_exc()
        try:
            out.send(("failed", exc, trace))
        except Exception:  # one that cannot be pickled
            out.send(("failed", RuntimeError(f"{type(exc).__name__}: {exc}"), trace))
    else:
        out.send(("done", value))
    finally:
        out.close()


class Aside(Generic[T]):
    """Work running in a second process (or waiting to run in this one)."""

    def __init__(self, work: Work[T], name: str, fork: bool) -> None:
        self.work = work
        self.name = name
        self._process: BaseProcess | None = None
        self._results: Connection | None = None
        self._answered = False
        if fork:
            self._results, sending = get_context("fork").Pipe(duplex=False)
            self._process = get_context("fork").Process(
                target=_run, args=(work, sending), name=name
            )
            self._process.start()
            sending.close()  # only the second process writes: its end closes when it ends

    def result(self, step: Step) -> T:
        """The work's result, once done; `step` is told its progress meanwhile."""
        if self._process is None or self._results is None:
            return self.work(step)
        try:
            while True:
                wait([self._results, self._process.sentinel])
                if not self._results.poll():
                    raise RuntimeError(self._ended())
                try:
                    message = self._results.recv()
                except EOFError:
                    raise RuntimeError(self._ended()) from None
                if message[0] == "step":
                    step(message[1], message[2])
                    continue
                self._answered = True
                if message[0] == "done":
                    value: T = message[1]
                    return value
                exc: Exception = message[1]
                exc.add_note(f"in the {self.name} process:\n{message[2]}")
                raise exc
        finally:
            self.close()

    def _ended(self) -> str:
        assert self._process is not None
        self._process.join()
        return (
            f"the {self.name} process ended (exit code {self._process.exitcode}) before it was done"
        )

    def close(self) -> None:
        """Free the process, stopping the work first if the caller gave up on it."""
        if self._process is None or self._results is None:
            return
        if not self._answered:
            self._process.terminate()
        self._process.join()
        self._results.close()
        self._process.close()
        self._process = self._results = None


def aside(work: Work[T], name: str, *, fork: bool = True) -> Aside[T]:
    """Start `work` in a second process, forked, when `fork` and the platform allow it."""
    return Aside(work, name, fork and can_fork())
