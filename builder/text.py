"""How data reads on a page: report text escaped for Markdown and HTML, figures formatted.

Everything a report says is untrusted, so the page templates escape every value by default
(`md` is the Jinja environment's `finalize`). `md` turns the characters that mean something
to Markdown or HTML into numeric character references: they pass through Python-Markdown
untouched in every context (paragraphs, table cells, headings, admonition and FAQ titles,
link text) and the browser shows them as the plain characters. Template syntax in data is
just text: Jinja never evaluates a value, and MkDocs does not template Markdown.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from builder.yamlio import dump_text

_SPECIALS = "\\`*_{}[]<>&|#\"'"
_ENTITIES = str.maketrans({ch: f"&#{ord(ch)};" for ch in _SPECIALS})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BLOCK_START = re.compile(r"^(?:([-+=~:>!?])|(\d+)([.)])(?=\s|$))")
"""What starts a block at the start of a line: list markers, underlines, fences, quotes, and
`!!!` / `???` (an admonition or details block with classes of the text's choosing)."""


def plain(value: object) -> str:
    """One line of text without control characters (Python-Markdown uses some as markers)."""
    return " ".join(_CONTROL.sub("", str(value)).split())


def md(value: object) -> Markup:
    """Text that Markdown and HTML both show literally, wherever it lands on a line."""
    if isinstance(value, Markup):
        return value
    text = plain(value).translate(_ENTITIES)
    match = _BLOCK_START.match(text)
    if match:  # a list marker, heading underline, fence or admonition at the start of a line
        mark = match.group(1) or match.group(3)
        text = (match.group(2) or "") + f"&#{ord(mark)};" + text[match.end() :]
    return Markup(text)


def alt(value: object) -> Markup:
    """Image alt text: Markdown puts it in an attribute and escapes it there itself."""
    text = plain(value).replace("[", "(").replace("]", ")").replace("`", "'")
    return Markup(text.replace("\\", "/"))


def safe_url(value: object) -> Markup | None:
    """An http(s) link, percent-encoded for a Markdown link; anything else (javascript:) is None."""
    text = str(value or "").strip()
    if not text or _CONTROL.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return Markup(quote(text, safe=":/?#@!$&'*+,;=%~"))


def front_matter(**meta: object) -> Markup:
    """YAML front matter; title and description are HTML-escaped: themes print them unescaped."""
    for key in ("title", "description"):
        if key in meta and meta[key] is not None:
            meta[key] = html.escape(plain(meta[key]))
    return Markup("---\n" + dump_text({k: v for k, v in meta.items() if v is not None}) + "---\n")


def join(values: object, separator: str = ", ") -> Markup:
    """Jinja's `join` escapes for HTML only under autoescape; this escapes each item for both."""
    return Markup(separator.translate(_ENTITIES).join(md(v) for v in values))  # type: ignore[attr-defined]


def anchor(slug: str) -> Markup:
    """An explicit heading id (attr_list), so links to a group survive a change of its label."""
    return Markup(f"{{#{slug}}}")


_BOUNDS = {"more_than": "more than ", "less_than": "less than ", "about": "about "}


def money(value: float | None, qualifier: str | None = None) -> str:
    """10560 -> "USD 10,560 million"; with the report's bound, "more than USD 1,000 million",
    and an end of a range says so, so a bound is never cited as an exact figure."""
    if value is None:
        return "—"
    text = f"{_BOUNDS.get(qualifier or '', '')}USD {usd(value)} million"
    return f"{text} (one end of a range)" if qualifier == "range" else text


def bound(qualifier: str | None) -> str:
    """The words before a bare figure in a table cell: "more than ", "range end "."""
    return "range end " if qualifier == "range" else _BOUNDS.get(qualifier or "", "")


def period(start: int | None, end: int | None) -> str:
    """The years a figure spans, "2024–2030", or the one year known."""
    if start and end:
        return f"{start}–{end}"
    return str(start or end or "")


def usd(value: float) -> str:
    """A USD-million figure as people write it: grouped thousands, decimals only when small."""
    if abs(value - round(value)) < 0.05:
        return f"{value:,.0f}"
    return f"{value:,.1f}" if abs(value) >= 100 else f"{value:,.2f}"


def percent(value: float) -> str:
    """7 -> "7.0%", 15.42 -> "15.42%": at least one decimal, no noise."""
    text = f"{value:.2f}".rstrip("0")
    return f"{text}0%" if text.endswith(".") else f"{text}%"


def count(n: int, one: str, many: str = "") -> str:
    """ "1 company", "14 companies"."""
    return f"{n} {one if n == 1 else many or one + 's'}"
