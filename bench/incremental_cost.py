"""Incremental detection's cost as a share of a full run, on the own generator's data split by time.

For each size: simulate `standard`, cut off the last tenth (and hundredth) of the request log by time
(`scenarios/time_split.py`: accounts first seen in it arrive with it), load the rest into a throw-away
Neo4j, run a full detection, load the new part, then time

  incremental: `run_detection(kind="incremental")` over the new part (its load batches set pending again
               before each repeat, so every repeat recomputes the same region), and
  full:        `run_detection(kind="full")` on the same data,

end to end (read previous, find, switch), alternating, after one untimed incremental run (the first of
its kind compiles its queries). Medians of `--repeats`; the share is incremental / full.

    .venv/bin/python bench/incremental_cost.py --sizes 20000 100000 --shares 0.1 0.01 --repeats 3 --work DIR
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console

from app.jobs.runner import RunSummary, run_detection
from app.platform.driver import sync_driver
from app.platform.neo4j_server.throwaway import throwaway_neo4j
from app.platform.schema import apply_schema
from app.platform.settings import Settings, get_settings
from loaders.bulk.run import bulk_load_directory
from loaders.pipeline import load_directory
from loaders.settings import get_load_settings
from scenarios.standard.generator import simulate
from scenarios.time_split import split_by_time


def _load(settings: Settings, directory: Path) -> float:
    t = time.perf_counter()
    with sync_driver(settings) as driver:
        load_directory(directory, driver, settings, get_load_settings(), Console(quiet=True))
    return time.perf_counter() - t


def _run(settings: Settings, kind: str) -> RunSummary:
    return run_detection(settings, trigger="cli", kind=kind)


def _later_batches(settings: Settings, taken_by: str) -> list[str]:
    with sync_driver(settings) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (b:LoadBatch {detected_run: $run}) RETURN b.batch_id AS id", run=taken_by
        )
    return [r["id"] for r in records]


def _set_pending(settings: Settings, ids: list[str]) -> None:
    with sync_driver(settings) as driver:
        driver.execute_query(
            "UNWIND $ids AS id MATCH (b:LoadBatch {batch_id: id}) SET b.detected_run = null", ids=ids
        )


def measure(
    work: Path, accounts: int, share: float, repeats: int, heap: str, rpa: float, bulk: bool = False
) -> dict[str, Any]:
    root = work / f"standard-{accounts}-r{rpa:g}"
    data = root / "data"
    if not (root / ".generated").exists():
        simulate(data, scenario="standard", accounts=accounts, seed=11, requests_per_account=rpa)
        (root / ".generated").write_text("ok\n")
    split = split_by_time(data, root / f"split-{share:g}", share)
    home = Path(tempfile.mkdtemp(prefix="incr-", dir=work))
    with throwaway_neo4j(home, heap=heap, pagecache="2g", password=secrets.token_urlsafe(16)) as neo4j:
        os.environ.update({**neo4j.env(), "LINKWATCH_INSTRUMENT_HASH_KEY": "bench-key"})
        get_settings.cache_clear()
        settings = get_settings()
        if bulk:
            # A first load of an empty store, as a provider's first million accounts would arrive.
            t = time.perf_counter()
            bulk_load_directory(split.earlier, settings, get_load_settings(), Console(quiet=True))
            load_earlier = time.perf_counter() - t
        else:
            with sync_driver(settings) as driver:
                apply_schema(driver, settings.neo4j_database)
            load_earlier = _load(settings, split.earlier)
        first = _run(settings, "full")  # the reference the increments build on (and a warm-up)
        load_later = _load(settings, split.later)
        inc = _run(settings, "incremental")  # untimed: the first of its kind compiles its queries
        later_ids = _later_batches(settings, inc.run_id)
        incs, fulls = [], []
        # Alternated, so load on a shared machine falls on both kinds alike.
        for _ in range(repeats):
            fulls.append(_run(settings, "full"))
            _set_pending(settings, later_ids)
            incs.append(_run(settings, "incremental"))
        get_settings.cache_clear()
    t_inc = statistics.median(s.timings["total"] for s in incs)
    t_full = statistics.median(s.timings["total"] for s in fulls)
    return {
        "accounts": accounts,
        "share": share,
        "later_requests": split.later_requests,
        "new_accounts": len(split.new_accounts),
        "changed_accounts": inc.graph.get("changed_accounts"),
        "region_accounts": inc.graph.get("region_accounts"),
        "campaigns_carried": inc.graph.get("campaigns_carried"),
        "load_earlier_s": round(load_earlier, 1),
        "load_later_s": round(load_later, 1),
        "first_full_s": round(first.timings["total"], 2),
        "incremental_s": round(t_inc, 2),
        "full_s": round(t_full, 2),
        "share_of_full": round(t_inc / t_full, 3),
        "incremental_runs": [round(s.timings["total"], 2) for s in incs],
        "full_runs": [round(s.timings["total"], 2) for s in fulls],
        "incremental_stages": {k: round(v, 2) for k, v in incs[-1].timings.items()},
        "full_stages": {k: round(v, 2) for k, v in fulls[-1].timings.items()},
        "campaigns": {"incremental": inc.campaigns, "full": fulls[0].campaigns},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[20_000])
    ap.add_argument("--shares", type=float, nargs="+", default=[0.1, 0.01])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--requests-per-account", type=float, default=10.0)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--bulk", action="store_true", help="load the earlier part by `load --bulk` (for 1M)")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    for accounts in args.sizes:
        for share in args.shares:
            row = measure(
                args.work, accounts, share, args.repeats, args.heap, args.requests_per_account, args.bulk
            )
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
