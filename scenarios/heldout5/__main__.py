"""Command line: ``python -m scenarios.heldout5 OUT --accounts N --seed S``."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import generate


def main() -> None:
    p = argparse.ArgumentParser(prog="scenarios.heldout5", description=__doc__)
    p.add_argument("out", type=Path)
    p.add_argument("--accounts", type=int, default=20000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--campaigns", default=None, help="comma-separated campaign style names")
    p.add_argument("--cohorts", default=None, help="comma-separated cohort style names")
    p.add_argument("--requests-per-account", type=float, default=12.0)
    a = p.parse_args()
    camps = [s for s in a.campaigns.split(",") if s] if a.campaigns is not None else None
    cohs = [s for s in a.cohorts.split(",") if s] if a.cohorts is not None else None
    generate(
        a.out, a.accounts, a.seed, campaigns=camps, cohorts=cohs, requests_per_account=a.requests_per_account
    )


if __name__ == "__main__":
    main()
