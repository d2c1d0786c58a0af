"""Text repair: mojibake, entities, emoji debris, stray markup, tracking URLs.

Reports are copied between tools that disagree about encodings, so "2025–2032" arrives
as "2025â€“2032", "€" as "â‚¬" and a pin emoji as "ðŸ“Œ". ftfy undoes that, but running
it over a whole report costs milliseconds, so only the few words that hold non-ASCII
characters are handed to it (ASCII text cannot be mojibake). Emoji are decoration in a
report and are dropped once repaired.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import ftfy

_FIXER = ftfy.TextFixerConfig(
    unescape_html=False,  # entities are decoded by the HTML parser and `unescape`
    uncurl_quotes=False,  # "sector’s" keeps its apostrophe as the report wrote it
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# UTF-8 read as cp1252/Latin-1 shows a lead byte (Â..ô) followed by a continuation byte
# (0x80-0xBF as cp1252 shows them); C1 controls are Latin-1 debris. Text without either
# ("’", "é", a non-breaking space) is left alone, which spares ftfy most runs.
_SUSPICIOUS = re.compile(
    "[\xc2-\xf4][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\x80-\x9f]"
)
_CONTEXT = 24  # ASCII characters on each side that ftfy sees with a non-ASCII run
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe00-\ufe0f\u200d\u20e3"
    "\U000e0000-\U000e007f\ufffd\x80-\x9f\u200b\u200c\u2060\ufeff]"
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
_EMAIL_DOMAIN = re.compile(r"[\w-]{1,63}\.[\w-]{2,63}")
_FENCE = re.compile(r"`{3,}|~{3,}")
_MD_STRONG = re.compile(r"\*\*([^*\n]{1,300})\*\*|__([^_\n]{1,300})__")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_TRACKING_PARAMS = ("utm_", "gclid", "fbclid", "mc_cid", "mc_eid", "_hs", "trk", "ref_")


def repair(text: str) -> str:
    """Undo mojibake and entity leftovers in one text node; drop emoji."""
    if not text.isascii():
        text = _fix_mojibake(text)
        text = _EMOJI.sub("", text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)  # doubly escaped entities ("&amp;rsquo;") survive parsing
    return text


def _fix_mojibake(text: str) -> str:
    """Run ftfy on each suspicious non-ASCII run with a little ASCII context around it."""
    windows: list[list[int]] = []
    for m in _NON_ASCII.finditer(text):
        if not _SUSPICIOUS.search(m.group()):
            continue
        start = _word_start(text, m.start())
        end = _word_end(text, m.end())
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    pieces, last = [], 0
    for start, end in windows:
        pieces.append(text[last:start])
        pieces.append(ftfy.fix_text(text[start:end], _FIXER))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _word_start(text: str, pos: int) -> int:
    floor = max(0, pos - _CONTEXT)
    space = max(text.rfind(" ", floor, pos), text.rfind("\n", floor, pos))
    return space + 1 if space >= 0 else floor


def _word_end(text: str, pos: int) -> int:
    ceiling = min(len(text), pos + _CONTEXT)
    ends = [i for i in (text.find(" ", pos, ceiling), text.find("\n", pos, ceiling)) if i >= 0]
    return min(ends) if ends else ceiling


def tidy(text: str) -> str:
    """Plain text of one block: no Markdown emphasis, fences, URLs; single spaces."""
    if "*" in text or "_" in text:
        text = _MD_STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    if "`" in text or "~" in text:
        text = _FENCE.sub(" ", text)
    if "://" in text or "www." in text.lower():
        text = _URL.sub(" ", text)
    return squash(text)


def lowered(text: str) -> str:
    """Lower case with every character at the same index as in `text`.

    Case-sensitive patterns run on this are several times faster than IGNORECASE ones,
    and match positions still point into the original text.
    """
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def find_urls(text: str) -> list[str]:
    """Web addresses written out in the text (not inside a link)."""
    if "://" not in text:
        return []
    return [m.group().rstrip(".,;:") for m in _URL.finditer(text) if "://" in m.group()]


def squash(text: str) -> str:
    """Collapse every run of whitespace (non-breaking spaces included) to one space."""
    return " ".join(text.split())


def has_email(text: str) -> bool:
    """Whether an e-mail address appears; checked around each "@" so it stays linear."""
    at = text.find("@", 1)
    while at != -1:
        before = text[at - 1]
        if (before.isalnum() or before in "._+-") and _EMAIL_DOMAIN.match(text, at + 1):
            return True
        at = text.find("@", at + 1)
    return False


def host_of(url: str) -> str:
    """The host of a URL without "www.", lower case; "" when it has none or is malformed."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def on_site(host: str, sites: tuple[str, ...]) -> bool:
    """Whether `host` is one of `sites` or a subdomain of one."""
    return any(host == site or host.endswith("." + site) for site in sites)


def strip_tracking(url: str) -> str:
    """The URL without campaign-tracking query parameters (utm_*, gclid, ...)."""
    try:
        parts = urlsplit(url.strip())
        query = [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING_PARAMS)
        ]
        return urlunsplit(parts._replace(query=urlencode(query), fragment=""))
    except ValueError:
        return url.strip()
