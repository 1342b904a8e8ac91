"""python -m scenarios.heldout4 OUT --accounts N --seed S [--campaigns a,b] [--cohorts x,y]
[--requests-per-account R]"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from scenarios.heldout4 import CAMPAIGN_STYLES, COHORT_STYLES, generate


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m scenarios.heldout4", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--campaigns", help=f"comma-separated subset of: {', '.join(CAMPAIGN_STYLES)}")
    parser.add_argument("--cohorts", help=f"comma-separated subset of: {', '.join(COHORT_STYLES)}")
    parser.add_argument("--requests-per-account", type=float, default=12.0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    generate(
        args.out,
        args.accounts,
        args.seed,
        campaigns=_names(args.campaigns),
        cohorts=_names(args.cohorts),
        requests_per_account=args.requests_per_account,
    )
    print(
        f"wrote {args.out} ({args.accounts} accounts, seed {args.seed}) "
        f"in {time.perf_counter() - started:.1f}s"
    )


if __name__ == "__main__":
    main()
