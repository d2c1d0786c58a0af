"""What a publisher template adds to the structural rules every report gets."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Publisher:
    name: str
    domains: tuple[str, ...]
    spellings: tuple[str, ...] = ()
    """Other ways reports write the name ("MarketsCAGR"); the record keeps `name`."""


@dataclass(frozen=True, slots=True)
class Template:
    """One page layout, possibly shared by several publishers."""

    key: str
    publishers: tuple[Publisher, ...]
    report_page: re.Pattern[str] | None = None
    """Path of the publisher's report page among the report's links."""
    calls_to_action: tuple[str, ...] = ()
    """Lower-case phrases of this template's own furniture, on top of the common ones."""
