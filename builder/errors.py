"""The project's own error type: one clear line naming the file and the problem.

Every stage raises `BriefError` (never a bare exception) for problems caused by input, so
the CLI can print one line per bad file, carry on with the others, and exit 1 at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class BriefError(Exception):
    """A problem with one input file that the user can fix."""

    path: Path | str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.problem}"
