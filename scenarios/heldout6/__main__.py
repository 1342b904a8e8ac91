"""Command line: python -m scenarios.heldout6 OUT --accounts N --seed S [--campaigns a,b] [--cohorts x,y]."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from . import generate


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m scenarios.heldout6", description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--accounts", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--campaigns", default=None, help="comma-separated campaign styles (default: all)")
    ap.add_argument("--cohorts", default=None, help="comma-separated cohort styles (default: all)")
    ap.add_argument("--requests-per-account", type=float, default=12.0)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    generate(
        args.out,
        args.accounts,
        args.seed,
        campaigns=_names(args.campaigns),
        cohorts=_names(args.cohorts),
        requests_per_account=args.requests_per_account,
    )
    print(f"wrote {args.out} in {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
