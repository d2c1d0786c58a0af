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
# Latin letters that Unicode does not decompose into ASCII ones.
_LATIN = str.maketrans(
    dict(
        pair.split("=")
        for pair in "ß=ss æ=ae Æ=AE ø=o Ø=O œ=oe Œ=OE ł=l Ł=L đ=d Đ=D þ=th Þ=Th ð=d Ð=D ı=i".split()
    )
)


# Apostrophes of every kind vanish: "L’Oréal" and "L'Oréal", "Men’s" and "Men's" are one name.
APOSTROPHES = str.maketrans("", "", "'’‘ʼ`´")


def ascii_fold(text: str) -> str:
    """The ASCII spelling of a name, the base of both slugs and company identity keys."""
    latin = text.translate(APOSTROPHES).translate(_LATIN)
    return unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode("ascii")


def short_hash(text: str, length: int = 6) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def slugify(name: str) -> str:
    """ASCII slug of a name; letters ASCII cannot spell are kept apart by a hash of the name.

    "富士フイルム Market" and "三星 Market" would both fold to "market"; a suffix hashed from
    the whole name keeps them apart, and names with no Latin letters at all get a slug that
    is only a hash.
    """
    ascii_text = ascii_fold(name).replace("&", " and ").replace("+", " plus ")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        return "n-" + short_hash(name, 10)
    if len(slug) > MAX_LENGTH:
        return slug[:MAX_LENGTH].rsplit("-", 1)[0] + "-" + short_hash(name)
    if slug in _RESERVED or _unspelt(name):
        return f"{slug}-{short_hash(name)}"
    return slug


def _unspelt(name: str) -> bool:
    """Whether ASCII folding dropped a letter or digit of the name ("富", not "é")."""
    for ch in name:
        if ch.isascii() or not ch.isalnum():
            continue
        spelt = unicodedata.normalize("NFKD", ch.translate(_LATIN))
        if not any(c.isascii() and c.isalnum() for c in spelt):
            return True
    return False


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
