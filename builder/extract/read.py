"""Bytes -> text, refusing what is not a text report.

Reports arrive as UTF-8, as Windows-1252/Latin-1 (saved by office tools), as UTF-16
with a byte-order mark, or as a mix (UTF-8 with a few stray cp1252 bytes pasted in).
Decoding strictly would reject readable files and decoding leniently would turn
"café" into "caf\ufffd"; decoding each undecodable byte as cp1252 keeps both right.
Files that are not text at all (a PDF renamed to .txt, an image, an archive) are
recognised by their signature or their share of control bytes and refused with a
message that says what the file is.

A file over the size limit (`builder.extractor.MAX_REPORT_BYTES`) is refused with its size
rather than read.

YAML front matter at the top of a Markdown report is metadata, not report text. It is read
with the safe loader only, so a tag such as `!!python/object/apply` is an error (naming the
line) and never constructs anything.
"""

from __future__ import annotations

import re

from builder.errors import BriefError
from builder.extractor import too_big
from builder.yamlio import parse_text

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (for example a Word or Excel file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SAMPLE = 65536
_MAX_CONTROL_SHARE = 0.02
_MIN_UTF16_SAMPLE = 64
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
# cp1252 leaves five bytes undefined; Latin-1 reads them as C1 controls, dropped later.
_CP1252 = tuple(
    bytes([i]).decode("cp1252") if i not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(i)
    for i in range(256)
)
_ESCAPED = re.compile("[\udc80-\udcff]+")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]+")
# "---" on the first line, a first line that is a YAML key, then a closing "---" or "...".
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(?=[ \t]*[\w\"'-][^\n:]*:(?:[ \t]|\n))(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)",
    re.DOTALL,
)
_MAX_FRONT_MATTER = 65536


def decode(raw: bytes, file_name: str) -> str:
    """The report's text; `BriefError` naming the file if it is empty, too big or not text."""
    problem = too_big(len(raw))
    if problem:
        raise BriefError(file_name, problem)
    if not raw.strip(b" \t\r\n\x0b\x0c\x00\xef\xbb\xbf\xfe\xff"):
        raise BriefError(file_name, "the file is empty")
    head = raw[:1024].lstrip()
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            raise BriefError(file_name, f"this is {what}, not an HTML or Markdown report")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _tidy(raw[len(bom) :].decode(encoding, errors="replace"))
    utf16 = _utf16_without_bom(raw[:_SAMPLE])
    if utf16:
        return _tidy(raw.decode(utf16, errors="replace"))
    sample = raw[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise BriefError(file_name, "the file holds binary data, not text")
    return _tidy(_decode_text(raw))


def strip_front_matter(text: str, file_name: str) -> str:
    """The text without its YAML front matter; `BriefError` (with the line) if that is unsafe.

    The front matter is parsed only so that a broken or hostile one is reported, not
    silently read as report text; nothing in it is used.
    """
    if not text.startswith("---"):
        return text
    found = _FRONT_MATTER.match(text[:_MAX_FRONT_MATTER])
    if not found:
        return text
    try:
        parse_text(found.group(1), file_name)
    except BriefError as exc:
        line = exc.line + 1 if exc.line else None  # the YAML starts on the file's line 2
        raise BriefError(file_name, f"front matter: {exc.problem}", line) from None
    return text[found.end() :]


def _decode_text(raw: bytes) -> str:
    """UTF-8 where the bytes are UTF-8; every other byte read as Windows-1252."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="surrogateescape")
        return _ESCAPED.sub(lambda m: "".join(_CP1252[ord(c) - 0xDC00] for c in m.group()), text)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a BOM shows as a NUL in every other byte of ASCII text."""
    if len(sample) < _MIN_UTF16_SAMPLE:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, chars, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > 0.4 * len(zeros) and _mostly_text(chars):
            return encoding
    return None


def _mostly_text(chars: bytes) -> bool:
    """The character bytes of UTF-16 text: hardly any NULs or control bytes."""
    controls = len(chars) - len(chars.translate(None, _CONTROL_BYTES))
    return controls < _MAX_CONTROL_SHARE * len(chars)


def _tidy(text: str) -> str:
    """Drop control characters the HTML parser rejects; C1 ones stay for mojibake repair."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
