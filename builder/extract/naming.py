"""The market's name: from the report's title, else from how its headline sentence names it.

A title such as "Contract Manufacturing Organization Services Market Size, Share &
Trends Analysis Report ..." names the market before the word "Market"; a title like
"Future of Biopharmaceutical Contract Manufacturing in North America: Market Forecast
2025–2032" does not, and then the headline sentence does ("The North America
biopharmaceuticals contract manufacturing market is poised ..."), in lower case, so the
name is capitalised as a title. Never the file name: it says nothing about the market.
"""

from __future__ import annotations

import re
from collections import Counter

from builder.extract.places import is_global_word
from builder.extract.sentences import Sentence

_MARKET = re.compile(r"\bmarkets?\b", re.IGNORECASE)
_HEADING_PREFIX_STOP = re.compile(r"[:?!|–—]|\s-\s")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SENTENCE_NAME = re.compile(
    r"(?:^|\b[Tt]he\s+)((?:[A-Za-z0-9(][\w&/().,'’+-]*\s+){1,10}?)[Mm]arkets?\b"
)
_CAPITALISED_NAME = re.compile(r"\b((?:[A-Z0-9][\w&/()'’+-]*\s+){1,8}?)Market\b")
_NOT_NAME_WORDS = frozenset(
    "this that these those overall entire whole its their our which is was are were has have "
    "will be been in on at by as from with within across into over about between during "
    "poised expected projected set likely".split()
)
_SMALL = frozenset("and or of for in the a an to on by with at from vs".split())
_MAX_NAME_WORDS = 12


def market_name(
    title: str | None, headings: list[str], sentences: list[Sentence], headline: str | None
) -> str | None:
    """The market's name, or None when the text never names one.

    A leading "Global" is dropped: worldwide markets are named without it (as most reports
    name them), so the same market gets the same name whichever way a report puts it; the
    geography says Global instead.
    """
    name = _find_name(title, headings, sentences, headline)
    if name is None:
        return None
    first, _, rest = name.partition(" ")
    return rest if rest.lower() != "market" and is_global_word(first) else name


def _find_name(
    title: str | None, headings: list[str], sentences: list[Sentence], headline: str | None
) -> str | None:
    for heading in ([title] if title else []) + headings[:1]:
        name = name_from_heading(heading)
        if name:
            return name
    candidates = ([headline] if headline else []) + [s.text for s in sentences[:40]]
    for text in candidates:
        name = name_from_sentence(text)
        if name:
            return name
    return most_named(" ".join(s.text for s in sentences))


def name_from_heading(heading: str) -> str | None:
    """ "X Market Size, Share & Trends ..." -> "X Market"; None when no name precedes "Market"."""
    m = _MARKET.search(heading)
    if not m:
        return None
    prefix = _LEADING_ARTICLE.sub("", heading[: m.start()].strip())
    if not prefix or _HEADING_PREFIX_STOP.search(prefix):
        return None
    words = prefix.split()
    if len(words) > _MAX_NAME_WORDS or not _mostly_capitalised(words):
        return None
    return f"{prefix} Market"


def name_from_sentence(sentence: str) -> str | None:
    """ "The North America biopharmaceuticals ... market is poised" -> its name, as a title."""
    for m in _SENTENCE_NAME.finditer(sentence):
        words = m.group(1).split()
        if any(w.lower().strip(",") in _NOT_NAME_WORDS for w in words) or words[-1].endswith(","):
            continue
        if len(words) == 1 and words[0].lower() in _SMALL:
            continue
        return title_case(_LEADING_ARTICLE.sub("", " ".join(words))) + " Market"
    return None


def most_named(text: str) -> str | None:
    """The capitalised "X Market" phrase the text repeats most (first seen wins a tie)."""
    counts = Counter(m.group(1).strip() for m in _CAPITALISED_NAME.finditer(text))
    best = [(n, name) for name, n in counts.items() if n >= 2 and len(name.split()) >= 1]
    if not best:
        return None
    top = max(n for n, _ in best)
    name = next(name for n, name in best if n == top)
    return f"{_LEADING_ARTICLE.sub('', name)} Market"


def capitalised(word: str) -> bool:
    """Starts as a name does: a capital, a digit, or a letter of a script without case.

    Japanese, Chinese, Arabic and other scripts have no capitals, so their names count as
    capitalised; otherwise a market or company named in them could never be found.
    """
    first = word[:1]
    return first.isdigit() or (first.isalpha() and not first.islower())


def _mostly_capitalised(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL]
    if not content or not capitalised(words[0]):
        return False
    names = sum(1 for w in content if capitalised(w) or w[:1] == "(")
    return names >= 0.6 * len(content)


def title_case(phrase: str) -> str:
    """Capitalise each word that is not a small word; words with capitals keep them."""
    out = []
    for i, word in enumerate(phrase.split()):
        if any(ch.isupper() for ch in word) or (i > 0 and word in _SMALL):
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)
