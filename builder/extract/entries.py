"""Drivers, trends, challenges, opportunities and outlook points; the summary; the FAQ.

A section's list items are its entries (a bold opening is the entry's title); without
a list, each paragraph is an entry, and a sub-heading titles the paragraphs under it.
The summary is the report's first descriptive paragraph (two sentences or more), so a
one-line figures sentence or a call to action never stands in for it.
"""

from __future__ import annotations

import re

from builder.extract.document import HEADING, ITEM, LISTING, PARA, SUMMARY, Block
from builder.extract.sections import COMPANIES, ENTRY_KINDS, FAQ, REGIONS, Section
from builder.extract.sentences import split_sentences
from builder.schema import Entry, Faq

_SUMMARY_MIN_WORDS = 25
_QUESTION_PREFIX = re.compile(r"^(?:q(?:uestion)?\s*\d*\s*[:.)-])\s*", re.IGNORECASE)
_ANSWER_PREFIX = re.compile(r"^(?:a(?:nswer)?\s*\d*\s*[:.)-])\s*", re.IGNORECASE)
_MAX_QUESTION_WORDS = 40


def find_summary(sections: list[Section]) -> Block | None:
    """The summary paragraph, marked `SUMMARY` so it is not also read as an entry."""
    for section in sections:
        if section.kind in (FAQ, COMPANIES, REGIONS):
            continue
        for block in section.blocks:
            if (
                block.kind == PARA
                and len(block.text.split()) >= _SUMMARY_MIN_WORDS
                and len(split_sentences(block.text)) >= 2
            ):
                block.roles.add(SUMMARY)
                return block
    return None


def extract_entries(sections: list[Section]) -> dict[str, list[Entry]]:
    """Entries per kind (drivers, trends, ...), in report order; blocks used elsewhere (the
    summary, a "Key players include ..." paragraph) are marked and skipped."""
    found: dict[str, list[Entry]] = {kind: [] for kind in ENTRY_KINDS}
    for section in sections:
        if section.kind in found:
            found[section.kind].extend(_section_entries(section))
    return found


def _section_entries(section: Section) -> list[Entry]:
    entries: list[Entry] = []
    title: str | None = None
    titled: list[str] = []
    opened = 0  # entries made when the sub-heading was met

    def close() -> None:
        if title and titled:
            entries.append(Entry(title=title, text=" ".join(titled)))
        elif title and len(entries) == opened:
            entries.append(Entry(text=title))  # a point of its own, not a list's lead-in

    for block in section.blocks:
        if block.has(SUMMARY, LISTING):
            continue
        if block.kind == HEADING:
            close()
            title, titled, opened = block.label, [], len(entries)
        elif title is not None and block.kind == PARA:
            titled.append(block.text)
        elif block.lead and block.rest:
            entries.append(Entry(title=block.lead, text=block.rest))
        elif block.kind in (ITEM, PARA):
            entries.append(Entry(text=block.text))
    close()
    return entries


def extract_faq(sections: list[Section]) -> list[Faq]:
    pairs: list[Faq] = []
    for section in sections:
        if section.kind == FAQ:
            pairs.extend(_faq(section.blocks))
    return pairs


def _faq(blocks: list[Block]) -> list[Faq]:
    pairs: list[Faq] = []
    question: str | None = None
    answer: list[str] = []
    for block in blocks:
        if _is_question(block):
            if question and answer:
                pairs.append(Faq(question=question, answer=" ".join(answer)))
            question, answer = _QUESTION_PREFIX.sub("", block.label), []
        elif question is not None:
            answer.append(_ANSWER_PREFIX.sub("", block.text))
    if question and answer:
        pairs.append(Faq(question=question, answer=" ".join(answer)))
    return pairs


def _is_question(block: Block) -> bool:
    text = block.text
    if _QUESTION_PREFIX.match(text):
        return True
    return text.rstrip().endswith("?") and len(text.split()) <= _MAX_QUESTION_WORDS
