"""What market reports are written in: one home for each kind of word list.

Extraction passes, normalisation and the benchmarks read these tables instead of keeping
their own copies, so teaching the builder a new scale word, legal suffix, heading synonym or
place name is a change in one file:

- `money`: scale words and units, currencies and their symbols;
- `names`: company legal suffixes, placeholders and words that are never a company;
- `headings`: heading synonyms for the parts of a report (segments, players, regions, ...);
- `places`: countries, regions and the words that make a market global;
- `publishers`: research firms, their domains and spellings.
"""
