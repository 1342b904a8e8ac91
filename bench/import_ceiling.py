"""Ceiling for load throughput: Neo4j's offline bulk importer (`neo4j-admin database import full`).

Turns the same `accounts`, `ip_links` and `payment_links` files `bench/load_bench.py` loads into the
importer's CSV files with the bulk load's own staging and SQL (`loaders/bulk/`: the same nodes,
relationships and properties as `linkwatch load` writes), runs the importer from the launcher's own jars
(Neo4j 5.26, the same build as the server) into a scratch store, and times the importer on its own. It
writes a new store offline — no transactions, no MERGE, no checks against an existing graph — so it
bounds what any transactional loader can reach on this machine. `linkwatch load DIR --bulk` is the
product's way to use it for a first load of an empty store (`bench/load_bench.py --bulk`).

    .venv/bin/python bench/import_ceiling.py --accounts 50000
    .venv/bin/python bench/import_ceiling.py --data /path/to/scenario
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import duckdb

from app.platform.neo4j_server.server import ServerConfig
from loaders.bulk.import_files import ImportFiles, attach_staged, write_import_files
from loaders.bulk.importer import run_import
from loaders.bulk.staging import ENTITY_KINDS, KindJob, stage_kind
from loaders.discovery import discover
from loaders.reading import content_hash

KEY = b"bench-key"


def prepare(directory: Path, work: Path) -> ImportFiles:
    """The bulk load's staging (validation included) and importer files, in this process."""
    files = discover(directory)
    jobs = [
        KindJob(kind, tuple(files[kind]), tuple(content_hash(df.path) for df in files[kind]), KEY, work)
        for kind in ENTITY_KINDS
        if files[kind]
    ]
    for job in jobs:
        stage_kind(job)
    con = duckdb.connect()
    try:
        attach_staged(con, {job.kind: job.database for job in jobs})
        return write_import_files(con, [], work / "csv")
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, help="A scenario directory (default: generate one).")
    ap.add_argument("--accounts", type=int, default=200_000, help="Accounts to generate without --data.")
    ap.add_argument("--heap", default="2g")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lw-import-ceiling-") as tmp:
        data = args.data
        if data is None:
            from scenarios.standard import simulate

            data = Path(tmp) / "scenario"
            simulate(data, "standard", accounts=args.accounts, seed=3, requests_per_account=0.05)
        work = Path(tmp) / "work"
        work.mkdir()
        t0 = time.perf_counter()
        import_files = prepare(data, work)
        prep = time.perf_counter() - t0
        scratch = ServerConfig(home=Path(tmp) / "neo4j")
        result = run_import(scratch, import_files, work, args.heap, os.cpu_count() or 1)
    took, rels = result.seconds, result.relationships
    print(f"data: {data} (accounts, ip_links, payment_links)")
    print(f"nodes {result.nodes:,}  relationships {rels:,}")
    print(f"CSV preparation (validation and DuckDB staging): {prep:.1f} s")
    print(f"neo4j-admin database import full: {took:.1f} s wall (JVM start included), "
          f"{rels / took:,.0f} relationships/s; "
          f"with preparation {rels / (took + prep):,.0f} relationships/s")  # fmt: skip


if __name__ == "__main__":
    main()
