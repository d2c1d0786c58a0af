"""What is not report content: calls to action, contact blocks, lists of other reports,
page chrome.

Publishers pad every report with the same furniture: "Download Full PDF Sample",
"Purchase this Report", "Inquire or Share Your Questions", an "About Us" paragraph, a
postal address, links to unrelated reports ("Verbena Essential Oil Market"). None of it
may reach a page. Short blocks that are calls to action are dropped whole; in long
paragraphs only the offending sentence goes, so a report that says "click here" once
in a content paragraph keeps the paragraph.

Pages copied as text also carry the chrome around the article, each on its own line: a
view counter ("views"), "Read More", "Share on ...", reading time ("1 min"), a publication
date ("Published on: 21 November 2025", "10.03.2022 - 12:05") or a crawler's "date 2021-02"
in front of the first line. Plain-text paragraphs join their lines, so left in place the
chrome would become the first words of the report's headline ("Read More The global ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from builder.extract.clean import has_email, host_of, on_site
from builder.extract.document import HEADING, Block
from builder.extract.sentences import split_sentences
from builder.vocabulary.publishers import ELSEWHERE

CALLS_TO_ACTION = (
    r"download (?:the |a |our |full |free |pdf |report )*sample",
    r"(?:get|request|ask for|grab|avail) (?:a |an |the |your |free |pdf )*(?:sample|brochure)",
    r"sample (?:pdf|copy|report)",
    r"purchase (?:this|the|full|a|complete) (?:report|copy|study)",
    r"buy (?:this|the|now|full|complete)",
    r"\b(?:inquire|enquire|enquiry|inquiry)\b",
    r"for more (?:information|info|details)",
    r"click here",
    r"access (?:the |our )?(?:full|complete) (?:market )?report",
    r"(?:check|see|view|browse|explore) (?:out )?(?:more|other|related|our|all) reports",
    r"speak (?:to|with) (?:an? |our )?analyst",
    r"(?:ask|request) for (?:a )?(?:discount|customi[sz]ation)",
    r"get (?:the |a )?(?:full|complete) report",
    r"view (?:the )?(?:full|complete) report",
    r"read (?:the )?full report",
    r"table of contents",
    r"subscribe (?:to|now)",
    r"follow us",
    r"visit @|visit us",
    r"limited[- ]time offer",
)
_SKIP_ZONE = re.compile(
    r"^(?:about us|about the (?:publisher|company|author)|contact us"
    r"|contact (?:information|details)|related reports|other reports|more reports"
    r"|trending reports|similar reports"
    r"|our other reports|check more reports|browse more reports|media contact|press contact"
    r"|disclaimer)\b",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?:\b(?:tel|phone|call|fax)\b\s*[:.]|\+\d[\d\s()-]{7,20}\d)", re.IGNORECASE)
_REPORT_TITLE = re.compile(r"\b(?:market|report|reports|research)\s*$", re.IGNORECASE)
_SHORT_WORDS = 60
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})"
)
_CHROME_LINE = re.compile(
    r"[+•»]?\s?(?:[\d.,]+[kKmM]?\s)?(?:views?|read more|see more|show more"
    r"|share(?: (?:on|this|via)\b.{0,40})?|\d{1,3} min(?:ute)?s?(?: read)?"
    r"|watch (?:the )?demo|play audio|listen to audio version"
    rf"|(?:published|posted|updated|last updated)(?: on)?:?\s{_DATE}"
    rf"|{_DATE}(?:\s?[-,|]?\s?\d{{1,2}}:\d{{2}})?)\s?[»›>]?",
    re.IGNORECASE,
)
_MAX_CHROME_CHARS = 80
_DATE_PREFIX = re.compile(r"^([ \t]*)date[ \t]+\d{4}-\d{2}(?:-\d{2})?[ \t]+")


_CALLS = re.compile("|".join(CALLS_TO_ACTION))  # run on lower-case text
# Every call-to-action pattern contains one of these; checking them first is much cheaper
# than running the alternation over every paragraph.
_CALL_WORDS = (
    "sample",
    "brochure",
    "purchase",
    "buy ",
    "inquir",
    "enquir",
    "for more",
    "click here",
    "reports",
    "full report",
    "complete report",
    "full market report",
    "analyst",
    "discount",
    "customi",
    "table of contents",
    "subscribe",
    "follow us",
    "visit @",
    "visit us",
    "limited",
)


def strip_chrome_lines(text: str) -> str:
    """The text with page-chrome lines blanked (a blank line keeps paragraphs apart) and a
    leading "date 2021-02" taken off the line it starts. Line by line, and only short lines
    are matched, so the time is linear in the text's length."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        bare = " ".join(line.split()) if 3 < len(line) <= 4 * _MAX_CHROME_CHARS else ""
        if len(bare) > 3 and len(bare) <= _MAX_CHROME_CHARS and _CHROME_LINE.fullmatch(bare):
            lines[i] = ""
        elif line.lstrip().startswith("date"):
            lines[i] = _DATE_PREFIX.sub(r"\1", line, count=1)
    return "\n".join(lines)


def strip_boilerplate(blocks: list[Block], extra: tuple[str, ...] = ()) -> list[Block]:
    """The content blocks; `extra` adds a template's own call-to-action phrases (lower case)."""

    def calls(text: str) -> bool:
        low = text.lower()
        if any(phrase in low for phrase in extra):
            return True
        return any(w in low for w in _CALL_WORDS) and _CALLS.search(low) is not None

    kept: list[Block] = []
    skipping = False
    for block in blocks:
        if _SKIP_ZONE.match(block.text):
            skipping = True
            continue
        if skipping:
            if block.kind == HEADING and block.level < 7:
                skipping = False
            else:
                continue
        cleaned = _without_calls(block, calls)
        if cleaned is not None and not _is_furniture(cleaned):
            kept.append(cleaned)
    return kept


def _without_calls(block: Block, calls: Callable[[str], bool]) -> Block | None:
    if not calls(block.text):
        return block
    if len(block.text.split()) <= _SHORT_WORDS:
        return None
    sentences = [s for s in split_sentences(block.text) if not calls(s)]
    if not sentences:
        return None
    text = " ".join(sentences)
    rest = block.rest if block.rest and block.rest in text else ""
    return Block(block.kind, text, block.level, block.lead if rest else "", rest, block.links)


def _is_furniture(block: Block) -> bool:
    text = block.text
    if not any(ch.isalnum() for ch in text) or text.startswith("@"):
        return True
    short = len(text.split()) <= 30
    if short and (has_email(text) or _PHONE.search(text)):
        return True
    if block.linked and block.links:
        if _REPORT_TITLE.search(text):
            return True
        if any(on_site(host_of(link), ELSEWHERE) for link in block.links):
            return True
    return False
