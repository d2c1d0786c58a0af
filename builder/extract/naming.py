"""The market's name: the noun phrase a report puts in front of the word "market".

Reports name their market in a title ("Contract Manufacturing Organization Services Market
Size, Share & Trends ..."), in the headline sentence ("The global CDMO market is estimated
to reach ..."), in a news headline ("Strong growth drives contract antibody drug conjugates
market") or only as a phrase ("the market for pharmaceutical contract manufacturing
organizations (CMOs) would expand"). Each time the name is the run of words right before
"market", and it ends, reading backwards, where the noun phrase does: at an article ("the"),
a preposition, a verb, a number or punctuation. Whatever stands before that boundary is not
the name: page furniture glued to the line ("Key Insights The ..."), the subject of another
clause ("Analysts predicted the ..."), a firm ("According to Allied Market Research").

Words are read one by one, never with nested patterns, so a long run of capitalised words
cannot make the search slow.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from builder.extract.sentences import Sentence
from builder.places import is_global_word, lookup
from builder.vocabulary.names import ARTICLES as _ARTICLES
from builder.vocabulary.names import FUNCTION_WORDS, SMALL_WORDS, is_legal_form
from builder.vocabulary.publishers import RESEARCH_WORDS

_TOKEN = re.compile(r"\S+")
_MARKET_WORDS = frozenset({"market", "markets"})
_EDGE = "\"'“”‘’«»()[]{}*_"
_QUOTES = "\"'“”‘’«»*_"
_OPENING = ("“", '"', "‘", "«", "[", "'")
_CLAUSE_END = (",", ";", ":", ".", "!", "?", "|", "–", "—")
_DASHES = frozenset({"-", "–", "—", "|", "/", "•", "+"})
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "U.K." end with a dot but are names
# An amount, a year or a period ("2024", "2017-2031F", "$41-billion"); not "5G" or "3D".
_NUMBER = re.compile(
    r"^[~≈<>]?[$€£¥₹]|^[\d.,%]+$|^\d[\d.,]*-?(?:[mb]n|million|billion|trillion)"
    r"|^\d{4}[-–/]\d{2,4}[A-Za-z]?$|^\d{4}[A-Za-z]$"
)
# Not words of a name: addresses and files.
_NOT_WORD = re.compile(r"@|://|^www\.|\.(?:png|jpe?g|gif|svg|webp|html?|pdf)$", re.I)
_INDEFINITE = frozenset("a an".split())
# Words that end a market's name read backwards: determiners and pronouns, prepositions and
# conjunctions that start a clause, auxiliaries (the vocabulary's function words), adverbs,
# and the scale word of an amount.
_STOP = FUNCTION_WORDS | frozenset(
    # adverbs that run into a name ("thereby supporting market progress")
    "thereby thus hence also further still already even only just now currently mainly "
    "largely primarily especially particularly significantly highly rapidly steadily "
    # the scale of an amount: "a $1.2 trillion market"
    "thousand million billion trillion mn bn usd eur".split()
)
# Verbs news headlines put right before a market's name ("Strong growth drives contract
# ... market", "Visiongain predicts boom in ..."). Only a boundary when a word follows them:
# right before "market" the same word is a noun ("Hard Drives Market", "Stair Lifts Market").
_VERBS = frozenset(
    "says said say predicts predicted predict projects projected expects expected estimates "
    "estimated forecasts forecasted sees saw reports reported drives drove fuels fueled "
    "fuelled boosts boosted propels propelled powers powered spurs spurred lifts lifted hits "
    "transforms transformed reshapes reshaped shapes shaped dominates dominated leads enters "
    "entered remains remained held holds".split()
)
# Adjectives that rank or qualify a market without naming it ("the largest market", "the
# current total global ... market"). They end the name, and must themselves follow an
# article or another boundary: "Status and Key Indicators Market Overview" names nothing.
_QUALIFIERS = frozenset(
    "largest biggest smallest fastest fastest-growing fastest-expanding leading top overall "
    "total entire whole current present emerging mature regional target end wider broader "
    "larger bigger smaller greater major key lucrative promising attractive booming growing "
    "thriving crowded niche next".split()
)
# "and" joins two halves of one name ("Complementary and Alternative Medicine"); "in", "of"
# and "for" do in capitalised titles ("Metaverse in Healthcare Market") but not in prose.
_JOINERS = frozenset({"and", "&", "or"})
_TITLE_JOINERS = frozenset({"in", "of", "for"})
# ... but not after a word that says what a heading is about: "Growth of Global ...".
_ABOUT = frozenset(
    "impact growth analysis overview size share future role state trends outlook value "
    "volume rise effect effects".split()
)
# "According to Allied Market Research": a firm named after "Market", not a market.
_FIRM_WORDS = frozenset(word.lower() for word in RESEARCH_WORDS)
_REPORT_WORDS = frozenset("report reports study".split())
_CITING = frozenset("to by from at of a an the".split())
_FIRM_NAME_WORDS = 3
# A market named as where demand comes from is a customer of the report's market.
_DEMAND = "demand"
_DEMAND_PREPOSITIONS = frozenset("in from for".split())
_PHRASE_STOP = _STOP | _VERBS | _QUALIFIERS | _ARTICLES
_AMOUNT_MARKET = re.compile(
    r"\ban?\s+[$€£¥₹]?\d[\d.,]*[-\s]?(?:[mb]n|million|billion|trillion)?\s+market\b",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^([A-Z][a-z-]+(?: [a-z][a-z-]+){0,4}) (?:is|are|was|were|has|have)\b")
_QUOTED_REPORT = re.compile(r"[“\"‘]([^”\"’\n]{3,100})[”\"’]\s+(?:report|study)\b", re.IGNORECASE)
_TITLE_YEARS = re.compile(r"[\s,:–—-]{0,5}(?:19|20)\d{2}(?:\s?[-–]\s?(?:19|20)?\d{2,4})?\s*$")
_MAX_NAME_WORDS = 10
_MAX_NAME_CHARS = 100
_FIRST_NAME_CHARS = 5_000
_MOST_NAMED_CHARS = 200_000
_LONGEST_PLACE = 4
_MAX_PHRASE_WORDS = 8
_SENTENCES_SEARCHED = 40


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    """As written."""
    word: str
    """Without quotes, emphasis and a clause's closing punctuation; brackets kept: "(CDMO)"."""
    bare: str
    """Without brackets either."""
    low: str


def market_name(
    title: str | None, headings: list[str], sentences: list[Sentence], headline: str | None
) -> str | None:
    """The market's name, or None when the text never names one.

    Tried in order: the title and first heading, the headline sentence (the first one with
    figures), the first sentences, then the name the whole text repeats most. A place after
    the name ("Smart Home Market in India") is part of it in a title or the headline; in
    other sentences it is usually one region of the market ("the market in Europe held 30%").
    A leading or trailing "Global" is dropped ("Public Relations Global Market Report"): worldwide
    markets are named without it, so the same market gets one name whichever way a report
    puts it; the geography says Global instead.
    """
    for text in [title, *headings[:1], headline]:
        name = first_name(text, place_after=True) if text else None
        if name:
            return name
    for sentence in sentences[:_SENTENCES_SEARCHED]:
        name = first_name(sentence.text) if sentence.text != headline else None
        if name:
            return name
    return most_named(" ".join(s.text for s in sentences)[:_MOST_NAMED_CHARS])


def name_from_subject(sentences: list[Sentence], headline: str | None) -> str | None:
    """ "Contract manufacturing is where it's at. Global Industry Analysts projects a
    $41-billion market": a headline that calls the market only "a $N market" is about what
    the sentence before it opened with."""
    if not headline or not _AMOUNT_MARKET.search(headline):
        return None
    texts = [s.text for s in sentences]
    if headline not in texts or texts.index(headline) == 0:
        return None
    m = _SUBJECT.match(texts[texts.index(headline) - 1])
    return f"{title_case(m.group(1))} Market" if m else None


def name_from_report_title(sentences: list[Sentence]) -> str | None:
    """'The "Li-ion Battery and Manufacturing Equipment – 2024" report from ...': the
    subject of the report a text quotes, without its year, as a name."""
    for sentence in sentences[:_SENTENCES_SEARCHED]:
        m = _QUOTED_REPORT.search(sentence.text)
        if m:
            subject = _TITLE_YEARS.sub("", m.group(1)).strip(" ,:;–—-")
            if subject and len(subject.split()) <= _MAX_NAME_WORDS:
                return f"{title_case(subject)} Market"
    return None


def name_from_heading(heading: str) -> str | None:
    """ "X Market Size, Share & Trends ..." -> "X Market"; None when no name precedes "Market"."""
    return first_name(heading)


def name_from_sentence(sentence: str) -> str | None:
    """ "The North America biopharmaceuticals ... market is poised" -> its name, as a title."""
    return first_name(sentence)


def first_name(text: str, place_after: bool = False) -> str | None:
    """The first market name the text states, or None; with `place_after`, a place that
    follows it ("... Market in India") is kept. Only the start of a very long text is read:
    a title or headline that names its market does so early."""
    return next(iter(_names(text[:_FIRST_NAME_CHARS], place_after)), None)


def most_named(text: str) -> str | None:
    """The market name the text repeats most (at least twice; first seen wins a tie)."""
    counts = Counter(_names(text))
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 2 else None


def _names(text: str, place_after: bool = False) -> Iterator[str]:
    """Every market name stated in `text`, in order; linear in the length of the text."""
    if "market" not in text.lower():
        return
    tokens = [_token(m.group()) for m in _TOKEN.finditer(text)]
    for i, token in enumerate(tokens):
        if token.low in _MARKET_WORDS and not _firm(tokens, i):
            name = _name_before(tokens, i)
            if name is None and token.low == "market":
                name = _name_after(tokens, i)
            if name and place_after:
                name += _place_after(tokens, i)
            if name:
                yield name


def _place_after(tokens: list[_Token], i: int) -> str:
    """ " in India" when "market" is followed by "in" and a place, else ""."""
    if i + 2 >= len(tokens) or tokens[i + 1].low != "in" or tokens[i].text.endswith(_CLAUSE_END):
        return ""
    words: list[str] = []
    for token in tokens[i + 2 : i + 2 + _LONGEST_PLACE]:
        words.append(token.word)
        if _ends_clause(token):
            break
    for n in range(len(words), 0, -1):
        written = " ".join(words[:n])
        if written.removeprefix("the ")[:1].isupper() and lookup(written) is not None:
            return f" in {written}"
    return ""


def _token(text: str) -> _Token:
    word = text.strip(_QUOTES)
    if not _INITIALS.match(word):
        word = word.rstrip("".join(_CLAUSE_END)).strip(_QUOTES)
    bare = word.strip(_EDGE)
    return _Token(text, word, bare, bare.lower())


def _firm(tokens: list[_Token], i: int) -> bool:
    """ "According to Allied Market Research": a short capitalised name cited after "to",
    "by", "from" and then "Market" and a firm word; not a title ("... Market Insights",
    "... Market Research Report")."""
    if i + 1 >= len(tokens) or tokens[i].text.endswith(_CLAUSE_END):
        return False
    after = tokens[i + 1]
    if after.low not in _FIRM_WORDS or not after.bare[:1].isupper():
        return False
    if i + 2 < len(tokens) and tokens[i + 2].low in _REPORT_WORDS:
        return False
    if i + 2 < len(tokens) and is_legal_form(tokens[i + 2].bare):
        return True  # "Global Market Insights Inc"
    j = i - 1
    while j >= 0 and i - j <= _FIRM_NAME_WORDS and tokens[j].bare[:1].isupper():
        j -= 1
    return j >= 0 and j < i - 1 and tokens[j].low in _CITING


def _name_before(tokens: list[_Token], i: int) -> str | None:
    """The words before tokens[i] ("market") up to where the noun phrase starts."""
    words: list[str] = []
    j = i - 1
    while j >= 0:
        token = tokens[j]
        comma = _list_comma(token, words)
        if _ends_clause(token) and not comma:
            break
        if token.text in _DASHES or _NUMBER.search(token.bare) or _NOT_WORD.search(token.bare):
            break
        if token.low in _MARKET_WORDS or len(words) >= _MAX_NAME_WORDS:
            return None  # another market's words, or prose: no name boundary found
        if _qualifier(token):
            return _tidy(words) if _qualified(tokens, j) else None
        if token.low in _VERBS and words:
            break
        if (token.low in _STOP or token.low in _ARTICLES) and not _joins_title(tokens, j, words):
            if token.low in _INDEFINITE:
                return None  # "a highly competitive market", "a $41-billion market": a description
            if token.low in _ARTICLES and _after_demand(tokens, j):
                return None
            break
        if not token.bare:
            break
        words.insert(0, token.word + ("," if comma else ""))
        if token.text.startswith(_OPENING):
            break
        j -= 1
    if tokens[i].low == "markets" and any(w.lower() in _JOINERS for w in words):
        return None  # "European and American markets": several markets
    start = i - len(words)
    if len(words) == 1 and words[0][:1].islower() and start > 0 and tokens[start - 1].low != "the":
        return None  # "with improved market demand": an adjective, where a name takes "the"
    return _tidy(words)


def _qualifier(token: _Token) -> bool:
    """ "largest", also in a compound ("next-largest"); "high-end" is a name's word."""
    last = token.low.rsplit("-", 1)[-1]
    return token.low in _QUALIFIERS or (last.endswith("est") and last in _QUALIFIERS)


def _qualified(tokens: list[_Token], j: int) -> bool:
    """The qualifiers ending at tokens[j] follow an article, a stop word or a boundary."""
    while j >= 0 and _qualifier(tokens[j]) and not _ends_clause(tokens[j]):
        j -= 1
    if j < 0 or _ends_clause(tokens[j]) or tokens[j].text in _DASHES:
        return True
    return tokens[j].low in _ARTICLES or tokens[j].low in _STOP or tokens[j].low in _VERBS


def _list_comma(token: _Token, words: list[str]) -> bool:
    """ "Carbon Capture, Utilization and Storage (CCUS)": a comma between the capitalised
    items of a name that goes on to join its last item with "and"."""
    return (
        token.text.endswith(",")
        and token.bare[:1].isupper()
        and bool(words)
        and words[0][:1].isupper()
        and any(w.lower() in _JOINERS for w in words)
    )


def _ends_clause(token: _Token) -> bool:
    return token.text.rstrip(_EDGE).endswith(_CLAUSE_END) and not _INITIALS.match(token.bare)


def _joins_title(tokens: list[_Token], j: int, words: list[str]) -> bool:
    """ "Metaverse in Healthcare": a small word between two capitalised words of a title."""
    if tokens[j].low not in _TITLE_JOINERS or not words or j == 0:
        return False
    before = tokens[j - 1]
    return (
        words[0][:1].isupper()
        and not is_global_word(words[0])
        and before.bare[:1].isupper()
        and before.low not in _STOP | _ARTICLES | _ABOUT
        and not _ends_clause(before)
    )


def _after_demand(tokens: list[_Token], j: int) -> bool:
    """ "demand in the energy storage market": a market the demand comes from."""
    return j >= 2 and tokens[j - 1].low in _DEMAND_PREPOSITIONS and tokens[j - 2].low == _DEMAND


def _name_after(tokens: list[_Token], i: int) -> str | None:
    """ "the [global] market for peptide synthesis is ..." -> "Peptide Synthesis Market".

    Only when "market" itself opens the phrase (after an article or "global"), so that
    "the largest market for both ..." is not read as a name."""
    if i + 1 >= len(tokens) or tokens[i + 1].low not in ("for", "of"):
        return None
    if tokens[i].text.endswith(_CLAUSE_END):
        return None
    j = i - 1
    while j >= 0 and is_global_word(tokens[j].bare) and not _ends_clause(tokens[j]):
        j -= 1
    if j >= 0 and tokens[j].low not in _ARTICLES and not _ends_clause(tokens[j]):
        return None
    words: list[str] = []
    for token in tokens[i + 2 : i + 2 + _MAX_PHRASE_WORDS]:
        if token.low in _PHRASE_STOP or _NUMBER.search(token.bare) or token.text in _DASHES:
            break
        words.append(token.word)
        if _ends_clause(token):
            break
    return _tidy(words)


def _tidy(words: list[str]) -> str | None:
    """Words of a name -> "X Market": no leading joiner or "Global", capitalised as a title."""
    while words and (words[0].lower() in _JOINERS | _TITLE_JOINERS or is_global_word(words[0])):
        words = words[1:]
    if words and is_global_word(words[-1]):
        words = words[:-1]  # "Public Relations Global Market Report"
    while words and words[-1].lower() in _JOINERS | _TITLE_JOINERS:
        words = words[:-1]
    while words and words[0].startswith("(") and ")" not in words[0]:
        words = words[1:]  # the inside of a parenthesis that began before the name
    if not words or not any(ch.isalpha() for w in words for ch in w):
        return None
    phrase = " ".join(words)
    if len(phrase) > _MAX_NAME_CHARS:
        return None  # no market's name is this long: a run of text without spaces
    if phrase.count("(") != phrase.count(")"):
        return None
    return f"{title_case(phrase)} Market"


def capitalised(word: str) -> bool:
    """Starts as a name does: a capital, a digit, or a letter of a script without case.

    Japanese, Chinese, Arabic and other scripts have no capitals, so their names count as
    capitalised; otherwise a market or company named in them could never be found.
    """
    first = word[:1]
    return first.isdigit() or (first.isalpha() and not first.islower())


def title_case(phrase: str) -> str:
    """Capitalise each word that is not a small word; words with capitals keep them."""
    out = []
    for i, word in enumerate(phrase.split()):
        if any(ch.isupper() for ch in word) or (i > 0 and word in SMALL_WORDS):
            out.append(word)
        elif word.startswith("("):
            out.append("(" + word[1:2].upper() + word[2:])
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)
