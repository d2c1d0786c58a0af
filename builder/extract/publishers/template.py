"""What a publisher template adds to the structural rules every report gets.

A template holds only what one publisher's pages do differently; the passes every report
goes through stay general. Its hooks, each empty by default:

- `boilerplate`: phrases of its own furniture ("Download Full PDF Sample Copy"), removed
  like the common calls to action;
- `heading_aliases`: headings it words its own way, given the section kind they hold;
- `list_repairs`: functions that mend a list its pages break (a country split over two
  items, an initial lost), applied to the names of each list as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

ListRepair = Callable[[list[str]], list[str]]
"""A list's names as written -> the names as the publisher meant them."""


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
    boilerplate: tuple[str, ...] = ()
    """Lower-case phrases of this template's own furniture, on top of the common ones."""
    heading_aliases: tuple[tuple[str, str], ...] = ()
    """(lower-case phrase, section kind): a heading holding the phrase holds that kind of
    section (see `builder.extract.sections`), whatever its other words say."""
    list_repairs: tuple[ListRepair, ...] = ()
    """Mends for the lists this template's pages break, applied in order."""
