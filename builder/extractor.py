"""What the rest of the builder knows about the extractor without running it: its version,
part of every cached record's key, and the largest report it reads.

Kept apart from `builder.extract` so that a build with no report to extract (an override
changed, `brief check`) never imports the extraction passes: finding reports and keying
their records needs only these.

Reports are 10-100 KB. Extraction takes time linear in the size, but markdown-it reads a
long Markdown list at about 7 s a MB, so a file over `MAX_REPORT_BYTES` is refused with its
size rather than read: at that size it is several reports pasted together, or a saved page
with its images, and one such file must not hold up a build for minutes.
"""

from __future__ import annotations

EXTRACTOR_VERSION = "9"
"""Bump whenever the records produced for the same input change (it keys caches)."""

MAX_REPORT_BYTES = 2_000_000


def too_big(size: int) -> str | None:
    """Why a file of `size` bytes is not read as a report, or None when it may be."""
    if size <= MAX_REPORT_BYTES:
        return None
    return (
        f"the file is {size / 1e6:.1f} MB, over the {MAX_REPORT_BYTES / 1e6:g} MB limit for "
        "one report (reports are 10-100 KB); it was not read: split it or check what it is"
    )
