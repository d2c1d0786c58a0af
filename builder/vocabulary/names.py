"""Names: companies' legal forms, the placeholders templates print, words never in a name.

Extraction (which words end or continue a listed name) and identity (which words to ignore
when comparing names across reports) both read these tables, so a legal form taught here
("Oyj", "Tbk", "股份有限公司") is known everywhere at once.
"""

from __future__ import annotations

import re
import unicodedata

LEGAL_FORMS = frozenset(
    """inc incorporated corp corporation co cos ltd limited llc llp lp plc ag gmbh mbh kg kgaa
    sa sas sarl se nv bv spa srl kk oy oyj ab as asa a/s amba aps pte pty bhd sdn tbk pvt
    pbc sae sl slu gk ohg ug""".split()
)
"""Legal forms as `legal_key` writes them ("S.p.A." -> "spa", "Co.," -> "co")."""

ABBREVIATED_FORMS = frozenset({"inc", "ltd", "co", "corp", "pvt", "pty", "bros"})
"""Legal forms written with a full stop ("Inc."): a sentence ending with one keeps it."""

SHORT_AMBIGUOUS_FORMS = frozenset({"as", "se", "ab", "co", "sa", "kg", "lp", "sl", "gk", "ug"})
"""Legal forms that are also ordinary words or initials: a form only when written as one
("AS", "SE", "Co."), never in lower case ("as", "se")."""

IDENTITY_TAIL_WORDS = LEGAL_FORMS | frozenset("company holding holdings group usa us uk".split())
"""Words identity ignores at the end of a name: "Lonza Group AG" is "Lonza", "Fujifilm
Diosynth Biotechnologies U.S.A." is "Fujifilm Diosynth Biotechnologies"."""

CJK_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "株式会社", "公司", "集团", "会社")
"""Legal forms written glued to a Chinese or Japanese name ("捷普电路公司"), longest first."""

_FILLER = re.compile(
    r"^(?:and\s+|among\s+)?(?:others?|etc|many\s+more|more|n/?a)\.?$", re.IGNORECASE
)
PLACEHOLDER = re.compile(
    r"^(?:key\s+|top\s+|major\s+|leading\s+)?(?:market\s+)?(?:player|company|vendor|manufacturer"
    r"|competitor|participant|firm|supplier|provider|brand)\s*(?:#|no\.)?\s*(?:[ivxlc]{1,6}|\d{1,3}"
    r"|[a-z])$|^(?:abc|xyz)\b|^(?:company|player|vendor)\s+name$",
    re.IGNORECASE,
)
"""Names a template prints instead of real ones ("Key Player I", "Company 3", "XYZ Corp")."""

PROFILE_WORDS = frozenset(
    "overview profile revenue revenues strategy strategies developments swot financials "
    "headquarters description highlights summary analysis founded employees website note source "
    "strengths weaknesses opportunities threats conclusion outlook trends drivers challenges "
    "portfolio offerings".split()
)
"""Words of a company profile's sub-headings ("Company Overview"): never in a name."""

GENERIC_WORDS = frozenset(
    "products product company companies players market segment segments key recent financial "
    "development business share overall and of the &".split()
)
"""Words in many names ("Avon Products") that alone make a sub-heading ("Key Products")."""


ARTICLES = frozenset("the a an".split())

SMALL_WORDS = frozenset("and or of for in the a an to on by with at from vs".split())
"""Words a name or heading written in title case keeps in lower case ("Complementary and
Alternative Medicine", "Scale of Operation")."""

FUNCTION_WORDS = frozenset(
    # determiners, pronouns
    "this that these those its their our his her your my which whose what whom who it "
    "each every any all both either neither some such no another other same "
    # prepositions, conjunctions
    "of for to in on at by from with within without across into onto over under about "
    "between among amid during through throughout than like including per via as versus vs "
    "whereas while if whether because since although though but nor so then "
    # auxiliaries
    "is are was were be been being am has have had do does did will would shall should "
    "could might must".split()
)
"""Words of running text that never stand inside a name (articles aside): where one is
met, reading a name (a market's, a company's, a place's) stops."""


def legal_key(word: str) -> str:
    """A word as `LEGAL_FORMS` writes it: lower case, no dots or trailing commas."""
    return word.strip(",;:()").replace(".", "").lower()


_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")


def is_initials(word: str) -> bool:
    """ "J.M.", "e.l.f.", "U.S.": a full stop here does not end a sentence or a name."""
    return _INITIALS.match(word) is not None


def keeps_full_stop(word: str) -> bool:
    """ "Inc.", "Ltd.", "S.A.", "U.S.A.": a word whose full stop is its own, so it stays on
    the name when a sentence or a bold lead ends with it."""
    if not word.endswith(".") or word.endswith(".."):
        return False
    return legal_key(word) in ABBREVIATED_FORMS or is_initials(word)


def is_legal_form(word: str) -> bool:
    """ "Inc.", "S.A.", "GmbH", "Co.,", "A/S"; a short ambiguous one only when not in lower
    case ("AS", "Se." yes; "as", "se" no)."""
    key = legal_key(word)
    if key not in LEGAL_FORMS:
        return False
    bare = word.strip(",;:()")
    return key not in SHORT_AMBIGUOUS_FORMS or not bare.islower()


def is_filler(name: str) -> bool:
    """ "Others", "etc.", "and others": the end of a list, not a company."""
    return _FILLER.match(name.strip()) is not None


def strip_cjk_legal_form(name: str) -> str:
    """ "捷普电路公司" -> "捷普电路"; a name that is only a legal form stays whole."""
    for form in CJK_LEGAL_FORMS:
        if name.endswith(form) and len(name) > len(form):
            last = name[-len(form) - 1]
            if unicodedata.category(last).startswith("L") and not last.isascii():
                return name[: -len(form)]
    return name


# Cyrillic and Greek letters drawn like Latin ones: "Lonzа" with a Cyrillic "а" would
# otherwise be a second, look-alike company.
_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХЅІЈοινΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwABEKMHOPCTXSIJoivABEZHIKMNOPTYX",
)
_LOOKALIKE_LETTERS = frozenset("аеорсухіјѕԁԛԝАВЕКМНОРСТХЅІЈοινΑΒΕΖΗΙΚΜΝΟΡΤΥΧ")


def _is_latin(ch: str) -> bool:
    return (ch.isascii() and ch.isalpha()) or "LATIN" in unicodedata.name(ch, "")


def latin_lookalikes(text: str) -> str:
    """Look-alike Cyrillic/Greek letters inside a Latin word spelt in Latin ("Lonzа" ->
    "Lonza"); words wholly in Cyrillic or Greek ("Газпром") are left as written."""
    if not any(ch in _LOOKALIKE_LETTERS for ch in text):
        return text
    words = text.split(" ")
    for i, word in enumerate(words):
        mixed = any(ch in _LOOKALIKE_LETTERS for ch in word) and any(
            ch.isalpha() and _is_latin(ch) for ch in word
        )
        if mixed and all(
            ch in _LOOKALIKE_LETTERS or not ch.isalpha() or _is_latin(ch) for ch in word
        ):
            words[i] = word.translate(_LOOKALIKES)
    return " ".join(words)


def invisible(ch: str) -> bool:
    """A format character: direction overrides, zero-width joiners and spaces, BOMs."""
    return unicodedata.category(ch) == "Cf"
