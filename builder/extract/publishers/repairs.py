"""List repairs a publisher template can name in its `list_repairs`.

Some publishers' pages break lists in ways that have one reading: an item split over two
list items, an initial lost in conversion. They are mended only in the reports of the
templates that name the repair; everyone else's lists are read as written.
"""

from __future__ import annotations

from builder.places import lookup

_LOST_INITIAL = {"S.": "U.S.", "S": "U.S.", "K.": "U.K.", "A.E.": "U.A.E."}


def restore_lost_initial(names: list[str]) -> list[str]:
    """ "S." is "U.S.": the leading "U." of an abbreviated country was lost."""
    return [_LOST_INITIAL.get(name, name) for name in names]


def rejoin_split_places(names: list[str]) -> list[str]:
    """ "Saudi", "Arabia" is "Saudi Arabia": two items that are no place on their own but
    one place together were one item."""
    out: list[str] = []
    i = 0
    while i < len(names):
        name = names[i]
        if i + 1 < len(names) and lookup(name) is None and lookup(names[i + 1]) is None:
            joined = f"{name} {names[i + 1]}"
            if lookup(joined) is not None:
                out.append(joined)
                i += 2
                continue
        out.append(name)
        i += 1
    return out
