"""``python -m scenarios.dev OUT --accounts N --seed S [--campaigns a,b] [--cohorts x,y]``."""

from __future__ import annotations

import argparse
import pathlib
import sys
import time

from . import CAMPAIGN_STYLES, COHORT_STYLES, generate


def _styles(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [s.strip() for s in value.split(",") if s.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scenarios.dev", description=__doc__)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--accounts", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--campaigns", help=f"comma-separated subset of {','.join(CAMPAIGN_STYLES)} ('' for none)"
    )
    ap.add_argument("--cohorts", help=f"comma-separated subset of {','.join(COHORT_STYLES)} ('' for none)")
    ap.add_argument("--requests-per-account", type=float, default=12.0)
    args = ap.parse_args(argv)
    started = time.perf_counter()
    try:
        generate(
            args.out,
            args.accounts,
            args.seed,
            campaigns=_styles(args.campaigns),
            cohorts=_styles(args.cohorts),
            requests_per_account=args.requests_per_account,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
