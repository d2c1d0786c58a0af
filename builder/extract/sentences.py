"""Sentence and paragraph boundaries in cleaned report text.

Every figure keeps the sentence it came from, so pages can cite it; a quote cut at
"U.S." or "Inc." would misquote the report. Some publishers also lose paragraph breaks
when they strip tags ("...advanced therapies.Another key trend is..."), which hides two
entries in one paragraph: a full stop glued to the next capitalised word marks a lost
break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from builder.vocabulary.names import ABBREVIATED_FORMS

_BOUNDARY = re.compile(r"[.!?]([\"”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])")
# (starting at the full stop, not looking behind for it, lets the engine skip ahead fast)
# Initials ("B.", "A.P.", "e.l.f."), legal forms written short ("Inc.", "Pvt.", from the
# vocabulary) and other short forms that never end a sentence in a name.
_ABBREVIATION = re.compile(
    r"(?:\b(?:U\.S|U\.K|U\.A\.E|e\.g|i\.e|vs|approx|Dr|Mr|Mrs|Ms|St|No|Jr|Sr"
    rf"|(?i:Chr|{'|'.join(sorted(ABBREVIATED_FORMS))})"
    r"|Wm|Fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|est)\.|(?<![\w.])[A-Z]\."
    r"|(?<![\w.])(?:[A-Za-z]\.){2,})$"
)
_GLUE_HINT = re.compile(r"[.!?][A-Z]")
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


@lru_cache(maxsize=1 << 16)
def _ends_with_abbreviation(window: str) -> bool:
    """`_ABBREVIATION` on the last characters before a boundary; an initial is seen without
    the regex, and repeated windows are remembered, so a paragraph of thousands of "A." or
    "No." is split in linear time."""
    if len(window) >= 2 and window[-1] == "." and "A" <= window[-2] <= "Z":
        before = window[-3] if len(window) >= 3 else " "
        if not (before.isalnum() or before in "._"):
            return True  # "A." after a space or bracket: an initial
    return _ABBREVIATION.search(window) is not None


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph, not split after common abbreviations."""
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        # only the last characters decide, so a long run of initials ("A. A. A. ...") is
        # checked in constant time per boundary, never by copying the growing sentence
        if _ends_with_abbreviation(text[max(start, m.end(1) - 12) : m.end(1)]):
            continue
        piece = text[start : m.end(1)].strip()
        if piece:
            sentences.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_glued(text: str) -> list[str]:
    """Paragraphs whose break was lost: "therapies.Another" starts a new paragraph."""
    if not _GLUE_HINT.search(text):
        return [text] if text.strip() else []
    return [piece.strip() for piece in _GLUED.split(text) if piece.strip()]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of report content and where it stands."""

    text: str
    section: str
    """Kind of the section it is in (see `sections`)."""
    company: bool = False
    """Inside a paragraph about one company: its figures are the company's, not the market's."""
