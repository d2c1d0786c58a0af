"""Every warning the builder leaves on a market, in one catalogue: code, sentence, meaning.

A warning is data, not prose: `warn("scope-not-stated", figures=[...], geography=..., quote=...)`
gives a `ReportWarning` holding the code, those arguments and the sentence rendered from them.
Pages, the checks and tests compare codes and arguments, so the wording of a sentence can change
here, in one place, without breaking anything that reads warnings. An unknown code or a missing
argument is a bug in the builder and raises at once.

In a sentence, a list argument is written joined by ", " (`{names}`), or with each item in
double quotes (`{figures:quoted}`); any other format spec is Python's (`{share:g}`).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

from builder.schema import ReportWarning, WarningArg


@dataclass(frozen=True)
class Code:
    """One kind of warning: the sentence its arguments fill, and what it asks of an analyst."""

    sentence: str
    meaning: str


CATALOGUE: dict[str, Code] = {
    # --- reading the file and naming the market ---
    "file-truncated": Code(
        "the file ends inside an HTML tag: it may be truncated",
        "The report may be cut short; facts after the cut are missing.",
    ),
    "named-after-sentence": Code(
        'the headline names no market; named "{name}" after the sentence before it: "{quote}"',
        "The market's name is inferred from the sentence before the headline; check it.",
    ),
    "named-after-fallback": Code(
        'no market name found in the text; named "{name}" after the {source}',
        "The report never names its market; the name comes from its title, a quoted report's "
        "title, its first line or its file name. Correct it with an override.",
    ),
    "publisher-also-credited": Code(
        "publisher: {publisher} is taken as the publisher; also credited: {others}",
        "The report credits several firms; check the one taken as its publisher.",
    ),
    "players-heading-among-segments": Code(
        '"{heading}" reads like a key-players heading but stands among the "{dimension}" '
        "segments: read as a segment",
        "A heading was read as a segment value rather than the start of the company list.",
    ),
    # --- headline figures ---
    "no-figures": Code(
        "no size or CAGR figures found",
        "The report states no market size and no growth rate the builder could read.",
    ),
    "figure-too-large": Code(
        "the figure {figure!r} is too large to be real; ignored",
        "A run of digits too long to be an amount was left out.",
    ),
    "no-currency": Code(
        'no currency written for "{figure}"; read as USD: "{quote}"',
        "An amount with no currency was taken to be in US dollars.",
    ),
    "range-not-a-size": Code(
        '"{figure}" is an end of a range, not a size; kept as kind "other": "{quote}"',
        "A range's end is not taken as the market's size.",
    ),
    "increase-not-a-size": Code(
        '"{figure}" is an increase, not a size; kept as kind "other": "{quote}"',
        "A growth in value is not taken as the market's size.",
    ),
    "other-market-size": Code(
        '"{figure}" is the size of another market ({subject}); kept as kind "other": "{quote}"',
        "The report cites the size of another market; it is not this market's size.",
    ),
    "round-figure-set-aside": Code(
        'round {kind} figure "{figure}" set aside for the precise "{precise}" stated for the '
        'same year: "{quote}"',
        "A precise figure for the same year was preferred to a rounded headline.",
    ),
    "one-year-forecast": Code(
        'forecast "{figure}" ({year}) is one year after the base; "{later}" ({later_year}) '
        'taken as the forecast: "{quote}"',
        "A next-year step was passed over for the later horizon the report states.",
    ),
    "size-without-role": Code(
        'size figure "{figure}" has no clear year or role; kept as kind "other": "{quote}"',
        "A size whose year or role (base, forecast) could not be told is kept aside.",
    ),
    "conflicting-size": Code(
        'conflicting {kind} size: "{figure}" ({year}) differs from the headline "{headline}" '
        '({headline_year}); kept as kind "other": "{quote}"',
        "The report states two different sizes of one kind; the headline's is used.",
    ),
    "scope-not-stated": Code(
        "scope not stated: {figures:quoted} come from a sentence that does not name "
        '{geography}; it may be a wider market\'s figure, not one for {geography}: "{quote}"',
        "A country's or region's report gives figures without naming the place; publishers "
        "paste global headlines into such reports.",
    ),
    "no-headline-cagr": Code(
        'CAGR {cagr} is {reason}; no headline CAGR: "{quote}"',
        "No growth rate stated is the market's own; the market has no CAGR.",
    ),
    "cagr-period-from-sizes": Code(
        "CAGR {cagr} is the rate from {start} to {end} by the report's own sizes "
        '("{base}" in {base_year}, "{forecast}" in {forecast_year}), not over '
        "{stated_start}-{stated_end}, the period taken from {origin}",
        "The CAGR's years, not stated with it, disagree with the years its sizes give it.",
    ),
    "conflicting-cagr": Code(
        'conflicting CAGR: {cagr} ("{quote}") differs from the headline CAGR {headline}',
        "The report states two growth rates for the market; the headline's is used.",
    ),
    "cagr-not-the-markets": Code(
        'conflicting CAGR: {cagr} ("{quote}") differs from the headline CAGR {headline}; '
        "it is {reason}",
        "Another growth rate the report states is a range, a historical, one-year, "
        "segment's or region's rate, not the market's.",
    ),
    # --- regions ---
    "country-list-joined": Code(
        '"{written}" in a country list is read as two places: {first} and {second}',
        "Two countries lost the comma between them and were split.",
    ),
    "country-under-two-regions": Code(
        "{country} is listed under {region} and under {home}: kept under {home} only",
        "A country listed under two regions stays under the one it belongs to.",
    ),
    "unknown-place-in-regions": Code(
        "{name!r} is listed with the regions but is no place the builder knows, and no region "
        "comes before it: left out",
        "A name in a regions list could not be placed.",
    ),
    "country-share-separate": Code(
        "{country} is given its own share ({share:g}%) although the report also lists it "
        "under {region}: kept as a separate region entry",
        "A country listed under a region also has a share of its own.",
    ),
    "conflicting-shares": Code(
        'conflicting shares for {region}: {share:g}% and {other:g}% ("{quote}")',
        "The report gives a region two shares; the first is kept.",
    ),
    # --- segments ---
    "segment-section-unread": Code(
        'the report has a "{dimension}" segment section but no values could be read from it: '
        "the dimension is left out",
        "A segmentation the report has is missing from the page.",
    ),
    "segment-items-too-long": Code(
        'items under "{dimension}" too long for a segment value left out ({count}), the '
        "first: {item!r}",
        "List items that read as sentences were not taken as segment values.",
    ),
    "one-value-dimension": Code(
        "{dimension} ({values}) lists one value: not read as a segment dimension",
        "A dimension with a single value is no segmentation.",
    ),
    "segment-names-places": Code(
        "{dimension} ({values}) names places, not a segment: left to the regions",
        "A geographic breakdown is read as regions, not segments.",
    ),
    "segment-names-companies": Code(
        "{dimension} ({values}) names companies, not a segment: left to the company list",
        "A list of companies is read as players, not segments.",
    ),
    "segment-values-too-long": Code(
        "segment values of more than {words} words left out: {text!r}",
        "Values that read as sentences were dropped from a segment list.",
    ),
    "prose-values-too-long": Code(
        "not read as segments (values too long): {text!r}",
        "A sentence that looked like a segment list goes on too long to be one.",
    ),
    # --- companies ---
    "not-a-company-name": Code(
        "{name!r} is listed among the players but does not read as a company name: left out",
        "An item of a players list was not taken as a company.",
    ),
    "place-listed-as-player": Code(
        "{name!r} was listed among the players; a place is not a company",
        "A place in a players list was not taken as a company.",
    ),
    "placeholder-names": Code(
        "dropped placeholder company names: {names}",
        'Names such as "Key Player I" stand for no company and were left out.',
    ),
    "too-many-companies": Code(
        "the report lists more than {limit} companies; only the first {limit} were kept",
        "A pasted directory: companies after the limit are missing.",
    ),
    "pasted-players-list": Code(
        "the key players ({players}, ...) include none of the companies the report's text "
        "names ({named}); the list may come from another market's report",
        "The players list may belong to another market; check it before citing it.",
    ),
    "invisible-characters": Code(
        "removed invisible characters (direction marks) from company name {name!r}",
        "A company name held hidden characters, removed.",
    ),
    "look-alike-letters": Code(
        "company name {name!r} mixes Cyrillic or Greek look-alike letters into a Latin word; "
        "read as {latin!r}",
        "A company name mixed alphabets; it is read in Latin letters.",
    ),
    # --- normalisation ---
    "no-exchange-rate": Code(
        "No exchange rate for {currency}: {figure} left out.",
        "The rate table has no rate for the figure's currency; add one to data/fx_rates.yaml.",
    ),
    "unusable-size": Code(
        "{figure} is not a usable market size; left out.",
        "A size that converts to no finite, non-negative amount was left out.",
    ),
    "figures-do-not-add-up": Code(
        "Figures do not add up: {base} in {base_year} growing at {percent:g}% a year gives "
        "USD {implied:,.0f} million by {forecast_year}, {gap:+.0%} against the stated "
        "{forecast}.",
        "The base size grown at the CAGR misses the stated forecast by more than 5%.",
    ),
    "identical-copy": Code(
        "{file} is an identical copy of this report; it was not added again.",
        "The same report arrived under another file name.",
    ),
}


class _Sentence(string.Formatter):
    """`str.format` that writes a list argument as its items, joined or quoted."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, list):
            if format_spec == "quoted":
                return ", ".join(f'"{item}"' for item in value)
            return ", ".join(format(item, format_spec) for item in value)
        return str(super().format_field(value, format_spec))


_FORMATTER = _Sentence()


def fields_of(code: str) -> set[str]:
    """The arguments a code's sentence needs; `KeyError` for an unknown code."""
    sentence = CATALOGUE[code].sentence
    return {name for _, name, _, _ in _FORMATTER.parse(sentence) if name}


def warn(code: str, **args: WarningArg) -> ReportWarning:
    """The warning of `code` with its arguments and its sentence.

    A code not in the catalogue, or arguments other than those its sentence names, are a bug
    at the call site: `ValueError`, never a warning with a hole in it."""
    if code not in CATALOGUE:
        raise ValueError(f"unknown warning code {code!r}; add it to builder/warning_codes.py")
    needed = fields_of(code)
    if needed != args.keys():
        missing, extra = sorted(needed - args.keys()), sorted(args.keys() - needed)
        raise ValueError(f"warning {code!r}: missing arguments {missing}, unknown {extra}")
    text = _FORMATTER.format(CATALOGUE[code].sentence, **args)
    return ReportWarning(code=code, text=text, args=args)


def distinct(warnings: list[ReportWarning]) -> list[ReportWarning]:
    """The warnings without repeats, in order: one code and one sentence mean one set of
    arguments."""
    return list({(w.code, w.text): w for w in warnings}.values())
