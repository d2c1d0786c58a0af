"""How much of the real corpus extraction gets right, field class by field class.

    python bench/accuracy.py [DATA] [--only TEXT ...] [--show K] [--field CLASS]

Without DATA it extracts `tests/corpus/real/raw` (55 real report texts from about 40 sources)
in this process into a temporary folder, as `brief extract --out` would, with an empty cache;
with DATA it scores that folder as it is. `bench/real_scorer.py` compares the data files with
the hand labels in `tests/corpus/real/gold`. Prints right/checked and the percentage per field
class, the overall score, the reports that gave no market, and the first K misses
(`--field` lists only one class's). `--only` scores the reports whose file name contains TEXT.

This is the figure to quote for accuracy. The generated corpus (`bench/make_corpus.py`,
`bench/regression.py`) reuses the seeds' templates and only guards against regressions.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `bench` and `builder` importable
    sys.path.insert(0, str(ROOT))

from bench.real_scorer import CLASSES, GOLD, RAW, Score, score_extraction  # noqa: E402
from builder.pipeline import ExtractResult, extract_to_dir  # noqa: E402
from builder.settings import Settings  # noqa: E402

TABLES = ("data/fx_rates.yaml", "data/company_aliases.yaml")
"""The project's tables extraction reads (rates for other currencies, company aliases)."""


def corpus_files(only: list[str] | None = None) -> list[Path]:
    """The corpus' report files, or those whose name contains one of `only`."""
    files = sorted(p for p in RAW.iterdir() if p.is_file() and not p.name.startswith("."))
    return [p for p in files if not only or any(text in p.name for text in only)]


def extract_corpus(out: Path, only: list[str] | None = None) -> ExtractResult:
    """Extract the real corpus into `out` with the project's tables and no cache.

    The project root's `.cache/` is not used: a record cached by an older extractor of the same
    version would be scored instead of what the code does now.
    """
    root = out / ".project"
    for table in TABLES:
        (root / table).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / table, root / table)
    return extract_to_dir(corpus_files(only), out / "data", Settings.at(root))


def score_corpus(only: list[str] | None = None) -> tuple[Score, ExtractResult]:
    """Extract the real corpus into a temporary folder and score it."""
    with tempfile.TemporaryDirectory(prefix="brief-accuracy-") as work:
        result = extract_corpus(Path(work), only)
        return score_extraction(Path(work) / "data", GOLD, only), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", help="score this data folder as it is")
    parser.add_argument("--only", action="append", help="reports whose file name has this")
    parser.add_argument("--show", type=int, default=20, help="misses to list (default 20)")
    parser.add_argument("--field", choices=CLASSES, help="list misses of this class only")
    args = parser.parse_args(argv)
    if args.data:
        score = score_extraction(args.data, GOLD, args.only)
    else:
        score, result = score_corpus(args.only)
        for problem in result.problems:
            print(f"not extracted: {problem}")
    for problem in score.unreadable:
        print(f"unreadable: {problem}")
    print(f"{score.reports} labelled reports")
    print(score.table())
    misses = [m for m in score.misses if args.field in (None, m.field)]
    for miss in misses[: args.show]:
        print("  miss:", miss)
    if len(misses) > args.show:
        print(f"  ... {len(misses) - args.show} more (--show {len(misses)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
