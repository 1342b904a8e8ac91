"""python -m scenarios.heldout7 OUT --accounts N --seed S [--campaigns a,b] [--cohorts x,y]"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from scenarios.heldout7 import CAMPAIGN_STYLES, COHORT_STYLES, generate


def _names(s: str | None) -> list[str] | None:
    return None if s is None else [x.strip() for x in s.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m scenarios.heldout7", description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--accounts", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--campaigns", help=f"comma-separated subset of: {','.join(CAMPAIGN_STYLES)}")
    ap.add_argument("--cohorts", help=f"comma-separated subset of: {','.join(COHORT_STYLES)}")
    ap.add_argument("--requests-per-account", type=float, default=12.0)
    a = ap.parse_args(argv)
    t = time.perf_counter()
    generate(
        a.out,
        a.accounts,
        a.seed,
        campaigns=_names(a.campaigns),
        cohorts=_names(a.cohorts),
        requests_per_account=a.requests_per_account,
    )
    print(f"wrote {a.out} in {time.perf_counter() - t:.1f}s")


if __name__ == "__main__":
    main()
