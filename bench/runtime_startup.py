"""Start-up figures of the Docker-less Neo4j: time to ready, resident memory at idle, GDS procedure count.

    .venv/bin/python bench/runtime_startup.py --runs 5

Each run starts the launcher on a fresh temporary home (first start: store creation) and then once more on
the same home (restart: store recovery check), so both paths are measured.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import tempfile
import time
from pathlib import Path

import psutil
from neo4j import GraphDatabase

from app.platform.neo4j_server.throwaway import throwaway_neo4j


def _one(home: Path, idle_s: float) -> tuple[float, float, int]:
    t0 = time.perf_counter()
    with throwaway_neo4j(home, server_home=home, password=secrets.token_urlsafe(12)) as neo4j:
        ready_s = time.perf_counter() - t0
        with GraphDatabase.driver(neo4j.uri, auth=("neo4j", neo4j.password)) as d:
            records, _, _ = d.execute_query("CALL gds.list() YIELD name RETURN count(*) AS c")
            procs = int(records[0]["c"])
        time.sleep(idle_s)
        assert neo4j.status.pid is not None
        rss = psutil.Process(neo4j.status.pid).memory_info().rss / 2**20
    return ready_s, rss, procs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--idle", type=float, default=10.0, help="seconds idle before reading RSS")
    args = ap.parse_args()
    first: list[float] = []
    restart: list[float] = []
    rss: list[float] = []
    procs = 0
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            t, r, procs = _one(Path(tmp), args.idle)
            first.append(t)
            t2, r2, _ = _one(Path(tmp), args.idle)
            restart.append(t2)
            rss += [r, r2]
    print(f"runs={args.runs} gds.list()={procs}")
    spread = f"(min {min(first):.1f}, max {max(first):.1f})"
    print(f"first start to ready: median {statistics.median(first):.1f}s {spread}")
    print(f"restart to ready:     median {statistics.median(restart):.1f}s")
    print(f"idle RSS:             median {statistics.median(rss):.0f} MiB (heap 2g, page cache 1g)")


if __name__ == "__main__":
    main()
