"""The passes read one vocabulary: legal forms, research-firm words and function words come
from `builder.vocabulary`, so a word taught there is known to every pass at once.

Quotes are short excerpts from tests/corpus/real/raw (file named in the comment).
"""

from __future__ import annotations

import pytest

from builder.extract.document import parse
from builder.extract.naming import first_name
from builder.extract.sentences import split_sentences
from builder.places import names_the_market
from builder.vocabulary.names import ABBREVIATED_FORMS, FUNCTION_WORDS, keeps_full_stop


@pytest.mark.parametrize(
    "text",
    [
        # 19 (ADC): "Co." inside a company name does not end the sentence
        "Furthermore, in April 2023, BioNTech SE and Duality Biologics (Suzhou) Co. Ltd "
        "established a strategic partnership to create next-generation ADCs.",
        # 19: nor does "Inc."
        "Following the FDA's approval of Mylotarg, the first ADC by Pfizer, Inc. In 2000, "
        "there has been a notable increase in strategic initiatives.",
    ],
)
def test_short_legal_forms_from_the_vocabulary_do_not_end_a_sentence(text):
    assert split_sentences(text) == [text]


def test_every_abbreviated_legal_form_is_read_by_the_sentence_splitter():
    for form in sorted(ABBREVIATED_FORMS):
        text = f"Acme {form.capitalize()}. Reported growth in 2024."
        assert len(split_sentences(text)) == 1, form


@pytest.mark.parametrize(
    ("word", "kept"),
    [
        ("Inc.", True),
        ("Ltd.", True),
        ("Pvt.", True),
        ("S.A.", True),
        ("U.S.A.", True),
        ("Inc..", False),
        ("market.", False),
        ("Lonza.", False),
    ],
)
def test_a_full_stop_that_belongs_to_the_word(word, kept):
    assert keeps_full_stop(word) is kept


def test_bold_lead_keeps_the_full_stop_of_its_legal_form():
    # 49 (pet food): the lead of a company paragraph ends in "Inc."
    block = parse("**Mars Petcare Inc.** Nestle SA (SWX: NESN) Hill's Pet Nutrition.").blocks[0]
    assert block.lead == "Mars Petcare Inc."


def test_firm_named_after_market_is_not_the_market():
    # 49 (pet food): a research firm whose name holds "Market" is cited first.
    sentence = (
        "According to Expert Market Research, the global pet food market reached a value of "
        "US$ 103.65 Billion in 2019."
    )
    assert first_name(sentence) == "Pet Food Market"


@pytest.mark.parametrize(
    "text",
    [
        "Asia Pacific will be the largest regional market",  # 45 (Li-ion shipments)
        "Europe is the current key player in the global EV market",  # 55 (electric cars)
        "North America is the biggest market",  # 33 (biomaterials)
    ],
)
def test_a_function_word_after_a_place_means_it_does_not_name_the_market(text):
    place = next(p for p in ("Asia Pacific", "Europe", "North America") if text.startswith(p))
    assert text.split()[len(place.split())] in FUNCTION_WORDS
    assert not names_the_market(text, len(place))


def test_a_place_followed_by_name_words_names_the_market():
    # 52 (glass packaging)
    assert names_the_market("Europe Glass Packaging Market is projected to grow", len("Europe"))
