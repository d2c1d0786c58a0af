"""`python -m tests.golden --refresh`: write the golden pages anew after an intended change."""

from __future__ import annotations

import argparse

from . import REFRESH, SNAPSHOTS, differences, refresh, seed_site, snapshots


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    parser.add_argument(
        "--refresh", action="store_true", help=f"rewrite {SNAPSHOTS} from the current code"
    )
    if parser.parse_args().refresh:
        changed = refresh()
        print(f"{len(changed)} golden pages changed" + "".join(f"\n  {p}" for p in changed))
        return 0
    found = differences(snapshots(), seed_site())
    print(found or "the golden pages are up to date")
    if found:
        print(f"if the change is intended: {REFRESH}")
    return 1 if found else 0


raise SystemExit(main())
