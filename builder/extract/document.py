"""Report markup -> a flat list of blocks: headings, paragraphs and list items.

Publishers wrap the same few kinds of content in very different markup: HTML fragments
with unbalanced tags (`<p><h1>`), Markdown, Markdown with HTML inside, bold paragraphs
standing in for headings, Markdown `**bold**` pasted inside HTML. Everything downstream
reads one simple shape instead: a block knows its kind, its text, the bold words it
starts with (the title of a list item, the name in a company paragraph) and its links.

Two repairs of plain text happen here, so every pass sees the block as it was meant: a
heading's words alone on the first line of a paragraph ("Key Insights", "MARKET
INSIGHTS" over the headline sentence) become a heading of their own, and a bullet pasted
from a symbol font as a letter ("l **Microbial**: ...", Wingdings "l") makes a list item.

Markdown is turned into HTML by markdown-it and all HTML is parsed by lxml (fast, and
lenient with broken markup); the tree is walked with an explicit stack so that deeply
nested input cannot exhaust the recursion limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree
from markdown_it import MarkdownIt

from builder.extract.clean import find_urls, repair, squash, tidy
from builder.extract.sentences import split_glued
from builder.vocabulary.headings import SECTION_WORDS
from builder.vocabulary.names import keeps_full_stop

HEADING, PARA, ITEM = "heading", "para", "item"
BOLD_LEVEL = 7
"""Level of a bold-only paragraph used as a heading."""
LABEL_LEVEL = 8
"""Level of a short plain line acting as a heading: a paragraph ending with a colon ("Key
players include:"), or a heading's words alone on a paragraph's first line ("Key Insights")."""

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LISTS = frozenset({"ul", "ol", "dl"})
_BLOCKS = frozenset(
    "p div section article header footer main aside blockquote dt dd table thead tbody "
    "tfoot tr form fieldset address figure figcaption center details summary nav pre hr "
    "body html".split()
)
_SKIP = frozenset(
    "script style noscript template head title svg math iframe object embed button select "
    "option textarea canvas video audio".split()
)
_DOCUMENT_TAGS = _BLOCKS | _LISTS | frozenset(_HEADINGS) | {"li"}
_BOLD = frozenset({"strong", "b"})
_MAX_BOLD_HEADING_WORDS = 25
_MAX_LABEL_WORDS = 12
_MD_LEAD = re.compile(r"^\s*(?:\*\*|__)([^*_\n]{1,300}?)(?:\*\*|__)")
_MD_LINE = re.compile(
    r"^(?:#{1,6}[ \t]|[ \t]{0,3}(?:[-*+•●▪◦■►]|\d{1,3}[.)])[ \t]+\S|[ \t]*(?:\*\*|__)[^*_\n]{1,200}"
    r"(?:\*\*|__)[ \t]*:?[ \t]*$|[ \t]*(?:={3,}|-{3,})[ \t]*$)",
    re.MULTILINE,
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,2000})?/?>")
_BULLET_LINE = re.compile(r"^[ \t]*[•●▪◦■►·][ \t]*", re.MULTILINE)
_INDENTED_TAG = re.compile(r"^[ \t]+(?=<)", re.MULTILINE)
_LEAD_PUNCT = " \t:;,.–—-|"
_STRAY_BULLET = re.compile(r"^\s*[lnqvüØ§]\s+(?=[A-Z0-9])")
"""A bullet from a symbol font pasted as a letter: "l Microbial: ..." (Wingdings "l")."""
_LABEL = re.compile(r"^([^:\n]{1,80}):\s+\S")
"""A label before a colon: "Microbial: Microbial sources ..."."""
_HEADING_WORDS = re.compile("|".join(pattern for _, pattern in SECTION_WORDS), re.IGNORECASE)
_MAX_LINE_HEADING_WORDS = 4
_MIN_HEADLINE_WORDS = 8

Role = Literal["company", "listing", "summary"]
"""What an earlier pass found a block to be, for the passes after it."""
ABOUT_COMPANY: Role = "company"
"""A paragraph or item about one company: its figures are the company's, not the market's."""
LISTING: Role = "listing"
"""A block that lists companies ("Key players include A, B and C")."""
SUMMARY: Role = "summary"
"""The report's summary paragraph."""


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    """HEADING, PARA or ITEM."""
    text: str
    level: int = 0
    """1-6 for real headings, BOLD_LEVEL / LABEL_LEVEL for paragraphs acting as headings."""
    lead: str = ""
    """Bold words the block starts with, when more text follows."""
    rest: str = ""
    """The text after the lead."""
    links: tuple[str, ...] = ()
    linked: bool = False
    """All the block's text is link text (a link list, a bare URL)."""
    roles: set[Role] = field(default_factory=set, compare=False)
    """What earlier passes found the block to be (the companies pass marks `ABOUT_COMPANY`
    and `LISTING` blocks, the summary pass its paragraph), so later passes read the block
    instead of being handed sets of blocks. The text stays frozen; only this set grows."""

    def has(self, *roles: Role) -> bool:
        """The block was given any of these roles."""
        return any(role in self.roles for role in roles)

    @property
    def label(self) -> str:
        """The text as a heading reads: without a trailing colon."""
        return self.text.rstrip(" :").strip()


@dataclass(frozen=True, slots=True)
class Parsed:
    blocks: list[Block]
    links: list[str]
    """Every link target in order, including links whose text was dropped (bare URLs)."""


def parse(text: str) -> Parsed:
    """The blocks of a report, in order (none when nothing readable is left)."""
    markup = _markdown_to_html(text) if _looks_like_markdown(text) else text
    if not markup.strip():
        return Parsed([], [])
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_pis=True)
    try:
        root = etree.fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.LxmlError, ValueError):
        return Parsed([], [])
    if root is None:
        return Parsed([], [])
    builder = _Builder()
    # An explicit stack instead of recursion: deeply nested input cannot exhaust it.
    builder.start(root)
    stack = [(root, iter(root))]
    while stack:
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            builder.end(element)
        elif not isinstance(child.tag, str) or (child.tag in _SKIP and not _swallowed(child)):
            builder.add(child.tail)  # a comment, or a script: only the text after it counts
        else:
            builder.start(child)
            stack.append((child, iter(child)))
    builder.flush()
    return Parsed(builder.blocks, builder.links)


def _swallowed(element: etree._Element) -> bool:
    """An unclosed <svg>, <math> or <template> takes the rest of the report in as children.

    Its own content is still skipped, but report blocks found directly inside it are the
    report's, so the element is walked like a plain container instead of dropped whole.
    """
    return any(isinstance(child.tag, str) and child.tag in _DOCUMENT_TAGS for child in element)


def looks_truncated(text: str) -> bool:
    """The text stops inside a tag ("<p>The market was <a hre")."""
    tail = text.rstrip()[-2000:]
    return tail.rfind("<") > tail.rfind(">") and re.search(r"<[a-zA-Z/]", tail) is not None


def _looks_like_markdown(text: str) -> bool:
    return _MD_LINE.search(text) is not None or _TAG.search(text) is None


_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table").disable(["code", "fence"])
"""One parser for every report: building its rule chains costs more than parsing a report."""


def _markdown_to_html(text: str) -> str:
    """Markdown (possibly holding HTML) as HTML; indentation never makes code blocks."""
    text = _BULLET_LINE.sub("- ", text)
    text = _INDENTED_TAG.sub("", text)
    try:
        return _MARKDOWN.render(text)
    except (ValueError, IndexError, RecursionError):
        return text


class _Builder:
    """Accumulates inline text and cuts it into blocks at block-level tags."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.links: list[str] = []
        self._parts: list[tuple[str, bool, bool]] = []  # text, bold, inside a link
        self._links: list[str] = []
        self._bold = 0
        self._anchor = 0
        self._headings: list[int] = []
        self._items = 0

    def start(self, element: etree._Element) -> None:
        tag = element.tag
        if tag in _HEADINGS:
            self.flush()
            self._headings.append(_HEADINGS[tag])
        elif tag == "li":
            self.flush()
            self._items += 1
        elif tag in _LISTS:
            self.flush()
        elif tag == "br":
            self.add("\n")
        elif tag in _BLOCKS:
            self._break()
        elif tag in _BOLD:
            self._bold += 1
        elif tag == "a":
            self._anchor += 1
            href = element.get("href")
            if href and href.strip():
                self._links.append(href.strip())
                self.links.append(href.strip())
        if tag != "br":
            self.add(element.text)

    def end(self, element: etree._Element) -> None:
        tag = element.tag
        if tag in _HEADINGS:
            self.flush()
            if self._headings:
                self._headings.pop()
        elif tag == "li":
            self.flush()
            self._items = max(0, self._items - 1)
        elif tag in _LISTS:
            self.flush()
        elif tag in ("td", "th"):
            self.add("\t")
        elif tag in _BLOCKS:
            self._break()
        elif tag in _BOLD:
            self._bold = max(0, self._bold - 1)
        elif tag == "a":
            self._anchor = max(0, self._anchor - 1)
        self.add(element.tail)

    def add(self, text: str | None) -> None:
        if text and (self._parts or not text.isspace()):
            self._parts.append((repair(text), self._bold > 0, self._anchor > 0))
            if not self._anchor:
                urls = find_urls(text)
                self._links.extend(urls)
                self.links.extend(urls)

    def _break(self) -> None:
        """A block tag inside a heading or list item is a line break, elsewhere a new block."""
        if self._headings or self._items:
            self.add("\n")
        else:
            self.flush()

    def flush(self) -> None:
        if not self._parts:
            self._links.clear()
            return
        parts, links = self._parts, tuple(self._links)
        self._parts, self._links = [], []
        raw = "".join(text for text, _, _ in parts)
        if not raw.strip():
            return
        if self._headings:
            kind, level = HEADING, self._headings[-1]
        else:
            kind, level = (ITEM if self._items else PARA), 0
        if "\t" in raw:
            raw = _table_row(raw)
        stray = kind == PARA and _STRAY_BULLET.match(raw) is not None
        if stray:
            kind, parts = ITEM, _without_stray_bullet(parts)
            raw = "".join(text for text, _, _ in parts)
        elif kind == PARA and (line := _heading_line(raw)):
            self._emit(HEADING, LABEL_LEVEL, line, "", False, (), False)
            raw = raw.lstrip()[len(line) :]
            parts = [(raw, False, False)]
        solid = [(text, bold, linked) for text, bold, linked in parts if text.strip()]
        linked = all(link for _, _, link in solid)
        all_bold = all(bold for _, bold, _ in solid)
        lead = ""
        if not all_bold and solid[0][1]:
            lead = "".join(text for text, _, _ in _leading_bold(parts))
        elif stray and (label := _LABEL.match(raw.strip())):
            lead = label.group(1)
        if kind == PARA and not lead and _BULLET_LINE.search(raw):
            self._bullets(raw, links)
            return
        self._emit(kind, level, raw, lead, all_bold, links, linked)

    def _bullets(self, raw: str, links: tuple[str, ...]) -> None:
        """A paragraph of "• a<br>• b" lines is a list."""
        pieces = _BULLET_LINE.split(raw)
        if pieces[0].strip():
            self._emit(PARA, 0, pieces[0], "", False, links, False)
        for piece in pieces[1:]:
            self._emit(ITEM, 0, piece, "", False, links, False)

    def _emit(
        self,
        kind: str,
        level: int,
        raw: str,
        lead: str,
        all_bold: bool,
        links: tuple[str, ...],
        linked: bool,
    ) -> None:
        if not lead and not all_bold:
            md = _MD_LEAD.match(raw)
            if md:
                if raw[md.end() :].strip(_LEAD_PUNCT + "*_"):
                    lead = md.group(1)
                else:
                    all_bold = True
        text = tidy(raw)
        if not text:
            return
        lead = _trim_lead(tidy(lead))
        rest = ""
        if lead:
            rest = _after_lead(text, lead)
            if not rest:
                lead = ""
        if kind == PARA:
            words = len(text.split())
            if all_bold and words <= _MAX_BOLD_HEADING_WORDS:
                kind, level = HEADING, BOLD_LEVEL
            elif text.endswith(":") and words <= _MAX_LABEL_WORDS:
                kind, level = HEADING, LABEL_LEVEL
        if kind != PARA:
            self.blocks.append(Block(kind, text, level, lead, rest, links, linked))
            return
        for i, piece in enumerate(split_glued(text)):
            first = i == 0
            self.blocks.append(
                Block(
                    PARA,
                    piece,
                    0,
                    lead if first else "",
                    _after_lead(piece, lead) if first and lead else "",
                    links if first else (),
                    linked,
                )
            )


def _without_stray_bullet(parts: list[tuple[str, bool, bool]]) -> list[tuple[str, bool, bool]]:
    """The parts without the letter standing for a bullet at their start."""
    first = next(i for i, (text, _, _) in enumerate(parts) if text.strip())
    text, bold, linked = parts[first]
    rest = _STRAY_BULLET.sub("", text, count=1) if _STRAY_BULLET.match(text) else text.lstrip()[1:]
    kept = [(rest, bold, linked)] if rest.strip() else []
    return kept + parts[first + 1 :]


def _heading_line(raw: str) -> str | None:
    """The first line of a plain paragraph when it is a heading's words alone ("Key
    Insights", "MARKET INSIGHTS") over a sentence: a short line of capitalised words, no
    figures or end punctuation, naming a part of a report."""
    first, newline, rest = raw.lstrip().partition("\n")
    first, rest = first.strip(), rest.strip()
    if not newline or not rest[:1].isupper() or len(rest.split()) < _MIN_HEADLINE_WORDS:
        return None
    words = first.split()
    if not 0 < len(words) <= _MAX_LINE_HEADING_WORDS or first[-1] in ".:;,!?":
        return None
    if any(ch.isdigit() for ch in first) or not all(w[:1].isupper() for w in words):
        return None
    return first if _HEADING_WORDS.search(first) else None


def _leading_bold(parts: list[tuple[str, bool, bool]]) -> Iterator[tuple[str, bool, bool]]:
    for part in parts:
        if part[1] or not part[0].strip():
            yield part
        else:
            return


def _trim_lead(lead: str) -> str:
    """Bold lead without surrounding punctuation, but an abbreviation keeps its dot ("Ltd.")."""
    trimmed = lead.strip(_LEAD_PUNCT)
    words = lead.rstrip(_LEAD_PUNCT.replace(".", "")).split()
    if words and keeps_full_stop(words[-1]):
        return trimmed + "."
    return trimmed


def _after_lead(text: str, lead: str) -> str:
    start = text.find(lead)
    if start < 0:
        return ""
    return text[start + len(lead) :].lstrip(_LEAD_PUNCT + "*_").strip()


def _table_row(raw: str) -> str:
    """Cells of a table row: "label: value" for two cells, "a | b | c" otherwise."""
    cells = [squash(cell) for cell in raw.split("\t")]
    cells = [cell for cell in cells if cell]
    return ": ".join(cells) if len(cells) == 2 else " | ".join(cells)
