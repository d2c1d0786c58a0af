"""The project's own errors: input problems the user can fix, and bugs the builder must fix.

Every stage raises `BriefError` (never a bare exception) for problems caused by input, so
the CLI can print one line per bad file, carry on with the others, and exit 1 at the end.
Anything else that escapes is a bug in the builder: `BuilderBug` keeps its message, where
in the code it happened and the traceback (shown with `brief --debug`), so a bug is never
passed off as a bad file.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text a terminal shows as written: control characters (escape sequences, a newline
    that would forge a line of output) and direction overrides are shown as escapes."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass
class BriefError(Exception):
    """A problem with one input file that the user can fix."""

    path: Path | str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return terminal_safe(f"{where}: {self.problem}")


@dataclass
class BuilderBug(BriefError):
    """A bug met while working on one file: named with the file, and told as a bug."""

    trace: str = ""

    @classmethod
    def from_exception(cls, path: Path | str, exc: BaseException) -> BuilderBug:
        frames = traceback.extract_tb(exc.__traceback__)
        place = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
        problem = (
            f"bug in the builder, not a problem with this file: {type(exc).__name__}: {exc}"
            f"{place}; run `brief --debug` for the traceback and report it"
        )
        trace = "".join(traceback.format_exception(exc))
        return cls(path, " ".join(problem.split()), None, trace)


def underlying_bug(exc: BriefError) -> BaseException | None:
    """The exception a `BriefError` was raised from when that is not an input problem."""
    cause = exc.__cause__
    return cause if cause is not None and not isinstance(cause, BriefError) else None
