"""CLI: python -m scenarios.heldout OUT --accounts N --seed S [--campaigns a,b] [--cohorts x,y]."""

from __future__ import annotations

import argparse
import pathlib

from . import CAMPAIGN_STYLES, COHORT_STYLES, generate


def _names(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [n.strip() for n in text.split(",") if n.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m scenarios.heldout", description=__doc__)
    parser.add_argument("out", type=pathlib.Path, help="output directory")
    parser.add_argument("--accounts", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--campaigns", help=f"comma-separated subset of: {','.join(CAMPAIGN_STYLES)}")
    parser.add_argument("--cohorts", help=f"comma-separated subset of: {','.join(COHORT_STYLES)}")
    parser.add_argument("--requests-per-account", type=float, default=12.0)
    args = parser.parse_args(argv)
    try:
        generate(
            args.out,
            args.accounts,
            args.seed,
            campaigns=_names(args.campaigns),
            cohorts=_names(args.cohorts),
            requests_per_account=args.requests_per_account,
        )
    except ValueError as err:
        parser.error(str(err))


if __name__ == "__main__":
    main()
