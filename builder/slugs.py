"""Slugs: the file names and URLs of markets and companies.

A slug comes from report text, so it must be safe whatever the text is (no path
separators, no `..`, no reserved device names, bounded length), stable across rebuilds,
and unique: a collision gets a suffix derived from the entity's source, never a silent
overwrite of another page.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LENGTH = 80
_RESERVED = {"con", "prn", "aux", "nul", "index", "assets", "search", "tags"}
_RESERVED |= {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}


def short_hash(text: str, length: int = 6) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def slugify(name: str) -> str:
    """ASCII slug of a name; names with no Latin letters get a stable hash-based slug."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("&", " and ").replace("+", " plus ")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] + "-" + short_hash(name)
    if not slug:
        return "n-" + short_hash(name, 10)
    if slug in _RESERVED:
        return f"{slug}-{short_hash(name)}"
    return slug


def unique_slug(name: str, taken: set[str], source: str) -> str:
    """Slug for `name` not yet in `taken`; a clash gets a suffix from `source` (stable)."""
    slug = slugify(name)
    if slug in taken:
        slug = f"{slug}-{short_hash(source)}"
        counter = 2
        base = slug
        while slug in taken:
            slug = f"{base}-{counter}"
            counter += 1
    taken.add(slug)
    return slug
