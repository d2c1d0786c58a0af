"""Score an extraction against the hand labels of the real report corpus.

`python bench/real_scorer.py DATA [GOLD]` scores DATA (a folder as `brief extract --out` writes
it: `markets/*.yaml`, `companies/*.yaml`) against GOLD (default `tests/corpus/real/gold`) and
prints every miss, the figures per field class, and the overall score.

The scorer reads only the data files and the labels. It imports nothing from `builder/`: a
scorer that normalised names with the code under test (its identity keys, its slugs) would
forgive exactly the mistakes that code makes. Its rules are those of the corpus' reference
scorer (`score_extraction.py`, shipped with the corpus), field by field:

- **market**: each labelled report gives exactly one market (`source.file`);
- **name**: equal after normalising, with a leading "(the) global" dropped, to the label's
  `name` or one of its `name_any`;
- **publisher**, **geography**: equal after normalising;
- **base**, **forecast**: some size point has the label's year, a value within 0.5 % and the
  kind `base`/`forecast` (or `actual`/`projected`, or none);
- **cagr**: percent within 0.1 %, and the start and end years where the label states them;
- **company recall**: each labelled company is the name or an alias of a listed company;
- **company precision**: each listed company is a labelled or optional one;
- **placeholders**: a report whose list is only placeholders ("Key Player I") lists none;
- **segments**: for each labelled dimension, a segment whose dimension contains it (or is
  contained in it) holds all of its values;
- **shares**: each labelled regional share is a region's `share_percent`, within 0.5 %
  ("APAC" and "Asia Pacific" count as "Asia-Pacific").

When a labelled report gave no market, its other labelled fields count as missed, as in the
reference scorer (its precision and placeholder checks have nothing to count).

Where it differs from the reference scorer, on purpose:

- normalising keeps letters of every script and drops accents, so "Nestlé" and "Nestle" match
  and a name written in Chinese is compared as written, instead of becoming an empty string
  that equals every other such name (and every blank one);
- a name, company or segment dimension that normalises to nothing matches nothing;
- two segments with the same dimension are both looked at (the reference keeps the last).

On the corpus' extractions so far both give the same score, miss for miss. The reference's
optional cross-report entity check (`--entities`) is not part of this scorer.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "corpus" / "real" / "gold"
RAW = ROOT / "tests" / "corpus" / "real" / "raw"

CLASSES = (
    "market",
    "name",
    "publisher",
    "geography",
    "base",
    "forecast",
    "cagr",
    "company recall",
    "company precision",
    "placeholders",
    "segments",
    "shares",
)
"""Field classes in the order they are printed."""

SIZE_TOLERANCE = 0.005
"""A size or share is right within half a percent of the label (rounding in the text)."""
CAGR_TOLERANCE = 0.001
KIND_SYNONYMS = {"base": {"base", "actual", None}, "forecast": {"forecast", "projected", None}}
REGION_ALIASES = {"asia pacific": {"asia pacific", "apac", "asia pacific apac"}}
"""Normalised region label -> the spellings a report may give it."""

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NOT_WORD = re.compile(r"[^\w%&/]+|_")
_GLOBAL = re.compile(r"^(?:the )?global ")


def norm(text: object) -> str:
    """The casefolded words of a name, for comparing: punctuation and accents gone.

    Letters and digits of every script stay (a Chinese company name is its characters, never
    the empty string); `%`, `&` and `/` stay because "R&D" and "R D" are not the same label.
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", bare).casefold())
    return " ".join(words.split())


def market_name(text: object) -> str:
    """A normalised market name; "Global X Market" and "X Market" name the same market."""
    return _GLOBAL.sub("", norm(text))


def close(got: object, want: object, tolerance: float = SIZE_TOLERANCE) -> bool:
    """Whether a number read from data is within `tolerance` (relative) of the label's."""
    try:
        a, b = float(got), float(want)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= tolerance * max(abs(b), 1e-9)


@dataclass(frozen=True)
class Miss:
    """One labelled fact the extraction got wrong."""

    report: str
    field: str
    detail: str

    def __str__(self) -> str:
        return f"{self.report}: {self.field}: {self.detail}"


@dataclass
class Score:
    """Right and total checks per field class, and what was missed."""

    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    misses: list[Miss] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    reports: int = 0

    def check(self, good: bool, report: str, field_class: str, detail: str) -> None:
        self.total[field_class] += 1
        if good:
            self.right[field_class] += 1
        else:
            self.misses.append(Miss(report, field_class, detail))

    @property
    def ok(self) -> int:
        return sum(self.right.values())

    @property
    def checks(self) -> int:
        return sum(self.total.values())

    def percent(self, field_class: str | None = None) -> float | None:
        """Share right, in percent, of one class or of all; None when nothing was checked."""
        right = self.ok if field_class is None else self.right[field_class]
        total = self.checks if field_class is None else self.total[field_class]
        return 100.0 * right / total if total else None

    def table(self) -> str:
        """One line per field class with checks, then the overall line."""
        lines = []
        for name in CLASSES:
            if self.total[name]:
                lines.append(
                    f"{name:>18}: {self.right[name]:>3}/{self.total[name]:<3} "
                    f"{self.percent(name):5.1f}%"
                )
        lines.append(f"{'overall':>18}: {self.ok:>3}/{self.checks:<3} {self.percent() or 0:5.1f}%")
        return "\n".join(lines)


def _load_folder(folder: Path, score: Score) -> list[dict[str, Any]]:
    docs = []
    for path in sorted(folder.glob("*.y*ml")):
        try:
            doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            score.unreadable.append(f"{path.name}: {exc}")
            continue
        if isinstance(doc, dict):
            docs.append(doc)
    return docs


def _source_file(market: dict[str, Any]) -> str:
    source = market.get("source") or {}
    if isinstance(source, dict):
        source = source.get("file") or source.get("path") or ""
    return Path(str(source)).name


def _size_points(market: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    """(kind, year, USD millions) of every size point of a market."""
    points = market.get("size") or []
    if isinstance(points, dict):
        points = [dict(v, kind=k) for k, v in points.items() if isinstance(v, dict)]
    return [
        (p.get("kind"), p.get("year"), p.get("usd_millions", p.get("value_usd_millions")))
        for p in points
        if isinstance(p, dict)
    ]


def _slug(entry: object) -> str | None:
    return entry if isinstance(entry, str) else (entry or {}).get("slug")  # type: ignore[union-attr]


def _company_names(companies: dict[str, dict[str, Any]], slug: str | None) -> set[str]:
    """The normalised names a listed company goes by; its slug's words if it has no file."""
    company = companies.get(slug or "") or {}
    names = [company.get("name", slug), *(company.get("aliases") or [])]
    return {n for n in map(norm, filter(None, names)) if n}


def _segments(market: dict[str, Any]) -> list[tuple[str, set[str]]]:
    found = market.get("segments") or []
    if isinstance(found, dict):
        found = [{"dimension": k, "values": v} for k, v in found.items()]
    return [
        (norm(s.get("dimension", "")), {norm(v) for v in s.get("values") or []})
        for s in found
        if isinstance(s, dict)
    ]


def _shares(market: dict[str, Any]) -> dict[str, Any]:
    regions = market.get("regions") or []
    return {
        norm(r.get("name", "")): r["share_percent"]
        for r in (regions if isinstance(regions, list) else [])
        if isinstance(r, dict) and r.get("share_percent") is not None
    }


def _score_missing(gold: dict[str, Any], tag: str, score: Score) -> None:
    """Every labelled field of a report that gave no market is missed."""
    for key in ("publisher", "name", "geography", "base", "forecast", "cagr"):
        if key in gold:
            score.check(False, tag, key, "no market")
    for name in gold.get("companies") or []:
        score.check(False, tag, "company recall", f"{name!r} (no market)")
    for dimension in gold.get("segments") or {}:
        score.check(False, tag, "segments", f"{dimension} (no market)")
    for region in gold.get("regional_share_percent") or {}:
        score.check(False, tag, "shares", f"{region} (no market)")


def _score_market(
    gold: dict[str, Any],
    market: dict[str, Any],
    companies: dict[str, dict[str, Any]],
    tag: str,
    score: Score,
) -> None:
    """Check each labelled field of one report against the one market it gave."""
    for key in ("publisher", "geography"):
        if key in gold:
            got = market.get(key, "")
            score.check(norm(got) == norm(gold[key]), tag, key, f"{got!r} != {gold[key]!r}")
    if "name" in gold:
        names = {market_name(n) for n in [gold["name"], *(gold.get("name_any") or [])]}
        got = market.get("name", "")
        score.check(market_name(got) in names, tag, "name", f"{got!r} != {gold['name']!r}")
    points = _size_points(market)
    for kind in ("base", "forecast"):
        if kind in gold:
            year, value = gold[kind]["year"], gold[kind]["value_usd_millions"]
            hit = any(
                y == year and close(v, value) and k in KIND_SYNONYMS[kind] for k, y, v in points
            )
            score.check(hit, tag, kind, f"{year}={value} not in {points}")
    if "cagr" in gold:
        cagr = market.get("cagr") or {}
        cagr = cagr if isinstance(cagr, dict) else {"percent": cagr}
        want = gold["cagr"]
        good = close(cagr.get("percent"), want["percent"], CAGR_TOLERANCE) and all(
            cagr.get(k) == want[k] for k in ("start_year", "end_year") if k in want
        )
        got = {k: cagr.get(k) for k in ("percent", "start_year", "end_year")}
        score.check(good, tag, "cagr", f"{got} != {want}")
    listed = [_slug(c) for c in market.get("companies") or []]
    listed_names = [_company_names(companies, s) for s in listed]
    every_name = set().union(*listed_names)
    for name in gold.get("companies") or []:
        score.check(norm(name) in every_name, tag, "company recall", f"{name!r} missing")
    labelled = [*(gold.get("companies") or []), *(gold.get("optional_companies") or [])]
    allowed = {norm(n) for n in labelled}
    allowed.discard("")
    for slug, names in zip(listed, listed_names, strict=True):
        score.check(bool(names & allowed), tag, "company precision", f"extra {slug!r}")
    if gold.get("placeholder_companies"):
        score.check(not listed, tag, "placeholders", f"placeholders became companies {listed}")
    segments = _segments(market)
    for dimension, values in (gold.get("segments") or {}).items():
        want_dim, want = norm(dimension), {norm(v) for v in values}
        hit = any(d and (want_dim in d or d in want_dim) and want <= got for d, got in segments)
        dims = [d for d, _ in segments]
        score.check(hit, tag, "segments", f"{dimension} {values} not in {dims}")
    shares = _shares(market)
    for region, percent in (gold.get("regional_share_percent") or {}).items():
        spellings = REGION_ALIASES.get(norm(region), {norm(region)})
        hit = any(close(shares.get(s), percent) for s in spellings)
        score.check(hit, tag, "shares", f"{region}={percent} not in {shares}")


def score_extraction(data: Path, gold: Path = GOLD, only: Iterable[str] | None = None) -> Score:
    """Score the data folder against every label in `gold` (or those whose file name
    contains one of `only`)."""
    score = Score()
    markets = _load_folder(data / "markets", score)
    companies = {c.get("slug"): c for c in _load_folder(data / "companies", score)}
    by_file: dict[str, list[dict[str, Any]]] = {}
    for market in markets:
        by_file.setdefault(_source_file(market), []).append(market)
    wanted = list(only or [])
    for path in sorted(gold.glob("*.yaml")):
        label = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        source = label["file"]
        if wanted and not any(w in source for w in wanted):
            continue
        score.reports += 1
        found = by_file.get(source, [])
        tag = path.stem
        score.check(len(found) == 1, tag, "market", f"{len(found)} markets from {source}")
        if found:
            _score_market(label, found[0], companies, tag, score)
        else:
            _score_missing(label, tag, score)
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with markets/ and companies/")
    parser.add_argument("gold", type=Path, nargs="?", default=GOLD, help="folder of labels")
    parser.add_argument("--only", action="append", help="score reports whose file has this")
    args = parser.parse_args(argv)
    score = score_extraction(args.data, args.gold, args.only)
    for problem in score.unreadable:
        print("unreadable:", problem)
    for miss in score.misses:
        print("miss:", miss)
    print(score.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
