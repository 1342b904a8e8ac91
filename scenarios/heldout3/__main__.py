"""``python -m scenarios.heldout3 OUT --accounts N --seed S [--campaigns a,b] [--cohorts x,y]``"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from scenarios.heldout3 import CAMPAIGN_STYLES, COHORT_STYLES, generate


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m scenarios.heldout3", description=__doc__)
    p.add_argument("out", type=Path)
    p.add_argument("--accounts", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--campaigns", help=f"comma-separated subset of: {', '.join(CAMPAIGN_STYLES)}")
    p.add_argument("--cohorts", help=f"comma-separated subset of: {', '.join(COHORT_STYLES)}")
    p.add_argument("--requests-per-account", type=float, default=12.0)
    a = p.parse_args(argv)
    t = time.perf_counter()
    generate(
        a.out,
        a.accounts,
        a.seed,
        campaigns=_names(a.campaigns),
        cohorts=_names(a.cohorts),
        requests_per_account=a.requests_per_account,
    )
    print(f"wrote {a.out} ({a.accounts} accounts, seed {a.seed}) in {time.perf_counter() - t:.1f}s")


if __name__ == "__main__":
    main()
