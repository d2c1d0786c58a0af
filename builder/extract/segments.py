"""Segments: each dimension ("By Application", "Based on Service") with its values in order.

Values come from the list under the dimension's heading, or, when the report gives each
segment its own sub-heading and paragraph instead of a list, from those sub-headings.
Inline forms ("By Type: A, B and C") are read too. Values are kept as written, typos
included ("Spays Products").
"""

from __future__ import annotations

import re

from builder.extract.document import HEADING, ITEM, PARA, Block
from builder.extract.sections import SEGMENTS, Section, classify
from builder.schema import Segment

_MAX_VALUE_WORDS = 10
_VALUE_CUT = re.compile(r"\s*(?::|\s[–—-]\s)\s*")
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b)\s*")


def extract_segments(sections: list[Section]) -> list[Segment]:
    found: dict[str, list[str]] = {}
    texts: dict[str, _Texts] = {}
    for section in sections:
        if section.kind != SEGMENTS:
            continue
        if section.dimension:
            values = [v for v in (_value(b) for b in section.blocks if b.kind == ITEM) if v]
            if not values:
                values = [b.label for b in section.blocks if b.kind == HEADING]
            _add(found, section.dimension, values)
            texts.setdefault(section.dimension, _Texts()).read(section.blocks, values)
        for block in section.blocks:
            inline = _inline(block)
            if inline:
                _add(found, *inline)
    segments = []
    for dimension, values in found.items():
        if values:
            text = texts.get(dimension, _Texts())
            segments.append(
                Segment(
                    dimension=dimension,
                    values=values,
                    summary="\n\n".join(text.summary) or None,
                    descriptions={v: "\n\n".join(p) for v, p in text.values.items() if p},
                )
            )
    return segments


class _Texts:
    """Paragraphs of a dimension's section: under a value's sub-heading, or about them all."""

    def __init__(self) -> None:
        self.summary: list[str] = []
        self.values: dict[str, list[str]] = {}

    def read(self, blocks: list[Block], values: list[str]) -> None:
        current: str | None = None
        for block in blocks:
            if block.kind == HEADING:
                current = block.label if block.label in values else None
            elif block.kind == ITEM and block.rest and len(block.rest.split()) > 3:
                value = _value(block)
                if value in values:
                    self.values.setdefault(value, []).append(block.rest)
            elif block.kind == PARA:
                target = self.values.setdefault(current, []) if current else self.summary
                target.append(block.text)


def _add(found: dict[str, list[str]], dimension: str, values: list[str]) -> None:
    bucket = found.setdefault(dimension, [])
    bucket.extend(v for v in values if v not in bucket)


def _value(block: Block) -> str | None:
    text = block.lead or _VALUE_CUT.split(block.text, maxsplit=1)[0]
    text = text.strip(" .;:")
    if not text or len(text.split()) > _MAX_VALUE_WORDS:
        return None
    kind, dimension = classify(text)
    if kind == SEGMENTS and dimension and text.lower().startswith(("by ", "based on")):
        return None
    return text


def _inline(block: Block) -> tuple[str, list[str]] | None:
    """ "By Type: A, B and C" (an item or paragraph naming a dimension and its values)."""
    if not block.lead or not block.rest:
        return None
    kind, dimension = classify(block.lead)
    if kind != SEGMENTS or not dimension:
        return None
    values = [v.strip(" .") for v in _LIST_SPLIT.split(block.rest)]
    values = [v for v in values if v and len(v.split()) <= _MAX_VALUE_WORDS]
    return (dimension, values) if values else None
