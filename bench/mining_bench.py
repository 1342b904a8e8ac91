"""Request-log mining throughput and peak memory, end to end (files -> templates and usage in Neo4j).

Loads only the `requests` files of a scenario (`--data DIR`, or a generated one) into a fresh Neo4j with
`linkwatch load`'s pipeline and reports requests/s for the whole load and for its two phases (DuckDB
mining; graph writes by `--writers` concurrent partitions), and the process's peak resident memory (DuckDB
runs in-process). Run it once per
log size, each in its own process, so peak memory is per size. Baseline, measured in the same run: the
same normalisation and (account, skeleton, hour) aggregation in plain Python over the first
`--baseline-rows` rows, one row at a time.

    .venv/bin/python bench/mining_bench.py --data /path/to/scenario-2M
    .venv/bin/python bench/mining_bench.py --data /path/to/scenario-5M --bulk --repeats 3

`--bulk` measures the first load of an empty store instead (`linkwatch load --bulk`: the same mining, then
Neo4j's offline importer, restart and schema), timed end to end per repeat on a wiped store.
    .venv/bin/python bench/mining_bench.py --accounts 200000 --requests-per-account 17.5
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from _loader_common import neo4j, peak_child_rss_mib, peak_rss_mib, subset, wipe
from rich.console import Console

from app.platform.driver import sync_driver
from app.platform.schema import apply_schema
from app.platform.settings import Settings
from loaders.bulk.run import bulk_load_directory
from loaders.mining.normalise import skeleton, skeleton_sql
from loaders.pipeline import load_directory
from loaders.settings import LoadSettings


def naive(directory: Path, rows: int) -> tuple[float, float]:
    """Requests/s on the same sample, back to back: per-row Python (normalise, dict aggregation by account,
    skeleton and hour) against the same normalisation and aggregation in DuckDB SQL."""
    files = sorted(directory.glob("requests*.parquet"))
    batches = pq.ParquetFile(files[0]).iter_batches(batch_size=rows, columns=["account_id", "ts", "prompt"])
    sample = pa.Table.from_batches([next(batches)])
    data = sample.to_pylist()
    t0 = time.perf_counter()
    agg: Counter[tuple[str, str, int]] = Counter()
    for r in data:
        agg[(r["account_id"], skeleton(r["prompt"]), int(r["ts"].timestamp()) // 3600)] += 1
    python_rps = len(data) / (time.perf_counter() - t0)
    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.register("sample", sample)
    t0 = time.perf_counter()
    con.execute(
        f"SELECT account_id, {skeleton_sql('prompt')} AS s, epoch(ts)::BIGINT // 3600 AS h, count(*) "  # noqa: S608
        "FROM sample GROUP BY ALL"
    ).fetchall()
    duck_rps = len(data) / (time.perf_counter() - t0)
    return python_rps, duck_rps


def mine_only(args: argparse.Namespace) -> None:
    from loaders.discovery import Kind, discover
    from loaders.mining.aggregate import open_or_mine
    from loaders.rejects import RejectWriter

    with tempfile.TemporaryDirectory(prefix="lw-mining-bench-") as tmp:
        files = discover(args.data)[Kind.REQUESTS]
        ls = LoadSettings().model_copy(update={"duckdb_memory_limit": args.memory_limit})
        t0 = time.perf_counter()
        with RejectWriter(Path(tmp) / "rejects", "bench") as rejects:
            mined = open_or_mine(files, Path(tmp) / "mining", ls, [], None, 2, rejects)
        took = time.perf_counter() - t0
        n = sum(f.read for f in mined.files)
        sent = mined.count("sent")
        mined.close()
        rss = peak_rss_mib()
        py, duck = naive(args.data, args.baseline_rows)
    print(f"data: {args.data}  requests: {n:,}  DuckDB memory_limit {args.memory_limit}  (mining phase only)")
    print(f"templates {mined.templates:,}  SENT rows {sent:,}")
    print(f"mining: {took:.1f} s = {n / took:,.0f} requests/s")
    print(f"same {args.baseline_rows:,}-row sample, back to back: per-row Python {py:,.0f} requests/s, ")
    print(f"  DuckDB SQL {duck:,.0f} requests/s: ratio {duck / py:.1f}x")
    print(f"peak RSS of the process: {rss:,.0f} MiB")


def _graph_counts(settings: Settings) -> tuple[int, int]:
    with sync_driver(settings) as drv:
        recs, _, _ = drv.execute_query(
            "CALL () { MATCH ()-[s:SENT]->() RETURN count(s) AS sent } "
            "CALL () { MATCH (t:PromptTemplate) RETURN count(t) AS templates } RETURN sent, templates"
        )
    return int(recs[0]["sent"]), int(recs[0]["templates"])


def bulk(args: argparse.Namespace, data: Path, only: Path) -> None:
    """`bulk_load_directory` of the request files, on a wiped store per repeat."""
    ls = LoadSettings().model_copy(update={"duckdb_memory_limit": args.memory_limit})
    secs: list[float] = []
    stages: dict[str, list[float]] = {}
    n = 0
    with neo4j(heap=args.heap) as settings:
        for _ in range(args.repeats):
            wipe(settings)
            t0 = time.perf_counter()
            report = bulk_load_directory(only, settings, ls, Console(stderr=True, quiet=True))
            secs.append(time.perf_counter() - t0)
            n = sum(f.read for f in report.files)
            for name, value in report.stages.items():
                stages.setdefault(name, []).append(value)
        sent, templates = _graph_counts(settings)
    rss, child = peak_rss_mib(), peak_child_rss_mib()
    py, duck = naive(only, args.baseline_rows)
    took = statistics.median(secs)
    print(
        f"data: {data}  requests: {n:,}  DuckDB memory_limit {args.memory_limit}  bulk, {args.repeats} run(s)"
    )
    print(f"templates {templates:,}  SENT links {sent:,}")
    print(f"end to end (empty store to schema online): {', '.join(f'{s:.1f}' for s in secs)} s; "
          f"median {took:.1f} s = {n / took:,.0f} requests/s")  # fmt: skip
    print("stages (median s; stop server overlaps mining): "
          + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in stages.items()))  # fmt: skip
    print(f"same {args.baseline_rows:,}-row sample, back to back: per-row Python {py:,.0f} requests/s, ")
    print(f"  DuckDB SQL {duck:,.0f} requests/s: ratio {duck / py:.1f}x")
    print(f"peak RSS of the loader process: {rss:,.0f} MiB; of a finished child (importer or server JVM): "
          f"{child:,.0f} MiB")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, help="A scenario directory (default: generate one).")
    ap.add_argument("--accounts", type=int, default=200_000)
    ap.add_argument("--requests-per-account", type=float, default=7.0)
    ap.add_argument("--baseline-rows", type=int, default=100_000)
    ap.add_argument("--memory-limit", default=LoadSettings().duckdb_memory_limit, help="DuckDB memory_limit.")
    ap.add_argument("--heap", default="2g")
    ap.add_argument(
        "--writers", type=int, default=LoadSettings().writers, help="Concurrent graph writers (partitions)."
    )
    ap.add_argument(
        "--mine-only",
        action="store_true",
        help="Only the DuckDB + MinHash phase (no Neo4j, no graph writes).",
    )
    ap.add_argument("--bulk", action="store_true", help="Measure `linkwatch load --bulk` (empty store).")
    ap.add_argument("--repeats", type=int, default=1, help="Bulk runs (median reported).")
    args = ap.parse_args()
    if args.mine_only:
        if args.data is None:
            ap.error("--mine-only needs --data")
        mine_only(args)
        return

    with tempfile.TemporaryDirectory(prefix="lw-mining-bench-") as tmp:
        data = args.data
        if data is None:
            from scenarios.standard import simulate

            data = Path(tmp) / "scenario"
            simulate(
                data,
                "standard",
                accounts=args.accounts,
                seed=3,
                requests_per_account=args.requests_per_account,
            )
        only = subset(data, ("requests",), Path(tmp) / "requests")
        if args.bulk:
            bulk(args, data, only)
            return
        with neo4j(heap=args.heap) as settings:
            ls = LoadSettings().model_copy(
                update={"duckdb_memory_limit": args.memory_limit, "writers": args.writers}
            )
            with sync_driver(settings) as drv:
                apply_schema(drv, settings.neo4j_database)
                t0 = time.perf_counter()
                report = load_directory(only, drv, settings, ls, Console(stderr=True, quiet=True))
                took = time.perf_counter() - t0
                recs, _, _ = drv.execute_query(
                    "CALL () { MATCH ()-[s:SENT]->() RETURN count(s) AS sent } "
                    "CALL () { MATCH (t:PromptTemplate) RETURN count(t) AS templates } RETURN sent, templates"
                )
        rss = peak_rss_mib()  # before the baseline, which holds its sample in Python objects
        py, duck = naive(only, args.baseline_rows)
    n = sum(f.read for f in report.files)
    mine, write = report.timings.get("mine", 0.0), report.timings.get("write", 0.0)
    print(
        f"data: {data}  requests: {n:,}  files: {len(report.files)}  DuckDB memory_limit {args.memory_limit}"
        f"  writers {args.writers}"
    )
    print(f"templates {recs[0]['templates']:,}  SENT links {recs[0]['sent']:,}")
    print(f"end to end: {took:.1f} s = {n / took:,.0f} requests/s")
    print(f"  mining (DuckDB + MinHash): {mine:.1f} s = {n / mine:,.0f} requests/s")
    print(f"  graph writes: {write:.1f} s")
    print(f"same {args.baseline_rows:,}-row sample, back to back: per-row Python {py:,.0f} requests/s, ")
    print(f"  DuckDB SQL {duck:,.0f} requests/s: ratio {duck / py:.1f}x")
    print(f"peak RSS of the loader process: {rss:,.0f} MiB")


if __name__ == "__main__":
    main()
