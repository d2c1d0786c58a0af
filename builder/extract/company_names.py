"""What a company name looks like in a report, and how lists of them are cut into names.

Reports list players in every form: "A, B and C", "A; B; C", "A (USA), B (USA), etc.",
names with a comma inside ("Contemporary Amperex Technology Co., Limited (CATL)",
"Cargill, Incorporated"), names with a ticker or a brand note after them ("Nestle SA (SWX:
NESN)", "Mars Petcare (including brands like Pedigree)"), and runs with no separator but
the names' own full stops ("Mars Petcare Inc. Nestle SA Hill's Pet Nutrition."). The rules
here are about names only; where a report lists companies is decided in `companies`.
"""

from __future__ import annotations

import re
import unicodedata

from builder.extract.naming import capitalised
from builder.places import lookup
from builder.schema import ReportWarning
from builder.vocabulary.names import (
    GENERIC_WORDS,
    PROFILE_WORDS,
    invisible,
    is_filler,
    is_initials,
    is_legal_form,
    latin_lookalikes,
)
from builder.warning_codes import warn

MAX_NAME_WORDS = 8
MAX_BRAND_WORDS = 3
_MAX_NAME_CHARS = 80
_MAX_LEGAL_NAME_WORDS = 4
_INITIAL = re.compile(r"^[A-Z]\.$")
# "Becton Dickinson and Company" is one name: "and" before a legal form does not split it.
# Full-width separators ("；", "，") are read after NFKC; "、" and "和" are Chinese ones.
_LIST_SPLIT = re.compile(
    r"\s*,\s*(?:and\s+|和\s*|及\s*)?|\s+and\s+(?![Cc]o(?:mpany)?\b)|\s*[;、]\s*(?:和\s*|及\s*)?"
)
# A full stop ending a name inside a run with no other separator ("Pet Nutrition. Big").
_RUN_STOP = re.compile(r"(?<=\S)\.\s+(?=\S)")
_TICKER = re.compile(r"\(\s*[A-Za-z]{2,10}(?:\s+[A-Za-z]{2,10})?\s*:\s*[A-Za-z0-9.\-]{1,12}\s*\)")
_TRAILING_PARENS = re.compile(r"\s*\(([^()]{1,120})\)\s*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,7}$")
_CONNECTORS = frozenset("& of de del la le von van der du y and und et the for - – —".split())
_RUNNING_WORDS = frozenset(
    """a an the and or of in on at to for with by from as into over than then while whereas is
    are was were be been being has have had will would can could may might which that who whose
    it its their they this these those there here other others many several various some such
    more most less all each every both also among including include includes like etc new
    small large regional local global leading key major top smaller larger emerging niche
    players companies vendors manufacturers firms suppliers providers participants competitors
    startups start-ups distributors brands retailers producers makers lead leads dominate
    dominates hold holds compete competes operate operates remain remains account accounts
    continue continues""".split()
)


def clean_name(raw: str, notes: list[ReportWarning]) -> str:
    """The name without what reports write after it: a country tag ("Microsoft (USA)"), a
    ticker ("(SWX: NESN)"), a brand or parent note ("(including brands like Pedigree)",
    "(Colgate-Palmolive)"); an acronym or its expansion stays as written ("... Limited
    (CATL)", "DSM (Dutch State Mines)").
    Invisible direction marks go and look-alike letters are read as Latin, with a note."""
    name = raw
    if any(invisible(ch) for ch in name):
        name = "".join(ch for ch in name if not invisible(ch))
        notes.append(warn("invisible-characters", name=name))
    latin = latin_lookalikes(name)
    if latin != name:
        notes.append(warn("look-alike-letters", name=name, latin=latin))
        name = latin
    name = _TICKER.sub(" ", name)
    name = re.sub(r"\s+([.,])", r"\1", " ".join(name.split()))  # "Inc ." -> "Inc."
    name = name.strip().rstrip(":;,–—-").strip()
    while True:
        m = _TRAILING_PARENS.search(name)
        if m is None or m.start() == 0:
            break
        inner, outer = m.group(1).strip(), name[: m.start()].strip()
        if lookup(inner) is None and (_ACRONYM.match(inner) or _expands(outer, inner)):
            break
        name = name[: m.start()].rstrip(" ,")
    return name


def _expands(acronym: str, inner: str) -> bool:
    """ "DSM (Dutch State Mines)": the parentheses spell out a name written in capitals."""
    words = inner.split()
    return (
        _ACRONYM.match(acronym) is not None
        and len(words) >= 2
        and words[0][:1] == acronym[:1]
        and all(name_word(w) or w.lower() in _CONNECTORS for w in words)
    )


def is_place(name: str) -> bool:
    """ "China", "North America": a place a sentence may call a key player."""
    return lookup(name) is not None


def name_like(name: str, strict: bool) -> bool:
    """A company name: a few words, each capitalised (bar particles such as "of", "&" and legal
    forms such as "plc"), or a short lower-case brand ("tado GmbH", "onsemi")."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or len(name) > _MAX_NAME_CHARS:
        return False
    if is_filler(name) or name.endswith(("?", "!")):
        return False
    if not all(name_word(w) or w.lower() in _CONNECTORS for w in words) and not _brand(words):
        return False
    if not strict:
        return True
    bare = [w.lower().strip(".,:") for w in words]
    generic = all(w in GENERIC_WORDS for w in bare)
    return not generic and not any(w in PROFILE_WORDS for w in bare)


def name_word(word: str) -> bool:
    """ "Lonza", "3M", "(CMO)", "富士フイルム", "bioMérieux" (a capital inside), initials
    ("e.l.f."), a legal form ("plc", "amba") and a joined particle ("&co", "+")."""
    word = word.lstrip("(\"“'")
    return (
        capitalised(word)
        or any(c.isupper() for c in word)
        or word[:1] in ("&", "+")
        or is_initials(word)
        or is_legal_form(word.rstrip(","))
    )


def _brand(words: list[str]) -> bool:
    """A short name written in lower case on purpose ("tado", "SK hynix", "e.l.f. Beauty"):
    a few words, none of them a word of running text ("the", "leads", "players")."""
    return len(words) <= MAX_BRAND_WORDS and not any(
        w.lower().strip(".,;:()\"“”'") in _RUNNING_WORDS for w in words
    )


def cut_after_legal_form(name: str) -> str:
    """ "Covance Inc. Market Concentration" -> "Covance Inc.": a legal form with a full stop
    ends a list item's name when ordinary capitalised words, not another form, follow."""
    words = name.split()
    for i, word in enumerate(words[:-1]):
        after = words[i + 1]
        if (
            i > 0
            and word.endswith(".")
            and is_legal_form(word)
            and capitalised(after)
            and not is_legal_form(after)
            and not after.startswith("(")
        ):
            return " ".join(words[: i + 1])
    return name


def split_list(text: str) -> list[str]:
    """Chunks of a list at its commas, semicolons and "and", never inside parentheses
    ("Mars Petcare (including Pedigree and Royal Canin)"); a chunk that is a legal form
    goes back to the name it was cut from ("Co., Limited (CATL)", "Cargill, Incorporated")."""
    text = unicodedata.normalize("NFKC", text)
    masked = _mask_parentheses(text)
    chunks: list[str] = []
    start = 0
    for m in _LIST_SPLIT.finditer(masked):
        chunks.append(text[start : m.start()])
        start = m.end()
    chunks.append(text[start:])
    out: list[str] = []
    for chunk in chunks:
        chunk = chunk.strip()
        first = chunk.split(None, 1)[0] if chunk else ""
        if out and first and is_legal_form(first) and not _lower_case_word(first):
            out[-1] = f"{out[-1]}, {chunk}"
        elif chunk:
            out.append(chunk)
    return out


def split_run(text: str) -> list[str]:
    """Names of a run whose only separators are the names' own full stops and tickers:
    "Mars Petcare Inc. Nestle SA (SWX: NESN) Hill's Pet Nutrition. Others." A stop after
    initials ("J.M. Smucker") or before another legal form ("Co. Ltd.") does not cut."""
    text = _TICKER.sub(" | ", unicodedata.normalize("NFKC", text))
    pieces: list[str] = []
    for part in text.split(" | "):
        start = 0
        for m in _RUN_STOP.finditer(part):
            before = part[start : m.start() + 1].split()
            after = part[m.end() :].split(None, 1)
            last = before[-1] if before else ""
            if not after or is_initials(last) or _INITIAL.match(last) or is_legal_form(after[0]):
                continue
            pieces.append(part[start : m.start() + 1])
            start = m.end()
        pieces.append(part[start:])
    out: list[str] = []
    for piece in pieces:
        for chunk in split_list(piece):
            chunk = chunk.strip()
            if chunk.endswith(".") and not is_legal_form(chunk.split()[-1]):
                chunk = chunk[:-1]
            if chunk:
                out.append(chunk)
    return out


def leading_name(chunk: str, brands: bool) -> tuple[str, bool, bool]:
    """The name a list chunk starts with, whether it is the whole chunk, and whether it is
    capitalised (not a lower-case brand, taken only if `brands`)."""
    words = chunk.split()
    taken: list[str] = []
    for i, word in enumerate(words):
        next_name = i + 1 < len(words) and name_word(words[i + 1])
        if name_word(word) or (taken and word.lower() in _CONNECTORS and next_name):
            taken.append(word)
            if len(taken) > MAX_NAME_WORDS:
                return "", False, False
            continue
        break
    if brands and len(taken) < len(words) and _brand(words):
        return chunk.rstrip(","), True, any(name_word(w) for w in words)
    name = " ".join(taken).rstrip(",")
    return name, len(taken) == len(words), bool(name)


def without_opening(chunk: str) -> str:
    """A sentence's first chunk without its opening words ("In 2023", "Also", "The"), which
    are capitalised only because the sentence starts there."""
    words = chunk.split()
    while words and (words[0].lower().strip(",") in _RUNNING_WORDS or words[0].isdigit()):
        words.pop(0)
    return " ".join(words)


def trailing_name(chunk: str) -> str:
    """The name a chunk ends with ("For instance Nestlé Purina" -> "Nestlé Purina")."""
    words = chunk.split()
    taken: list[str] = []
    for word in reversed(words):
        if name_word(word) or (taken and word.lower() in _CONNECTORS):
            taken.insert(0, word)
            continue
        break
    while taken and taken[0].lower() in _CONNECTORS:
        taken.pop(0)
    return " ".join(taken[-MAX_NAME_WORDS:])


def legal_names(text: str) -> list[str]:
    """Names a sentence writes with their legal form ("Poly-Med Inc.", "Corbion NV"): in
    running text a legal form is the surest sign that the words before it name a company."""
    words = [w.strip("*_“”\"'") for w in text.split()]
    found = []
    for i, word in enumerate(words):
        if i == 0 or not is_legal_form(word) or _lower_case_word(word):
            continue
        start = i
        while start > 0 and i - start < _MAX_LEGAL_NAME_WORDS and capitalised(words[start - 1]):
            if is_legal_form(words[start - 1]) or words[start - 1].endswith((".", ",", ";", ":")):
                break
            start -= 1
        if start < i:
            found.append(" ".join(words[start : i + 1]).rstrip(",.;:"))
    return found


def _lower_case_word(word: str) -> bool:
    return word.strip(",.;:()").islower()


def _mask_parentheses(text: str) -> str:
    """`text` with what is inside parentheses blanked out (same length), so that separators
    there do not cut the list."""
    out = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth:
            out.append("_")
            continue
        out.append(ch)
    return "".join(out)
