"""Load throughput of `linkwatch load` for accounts and their links, against a naive baseline.

Loads `accounts`, `ip_links` and `payment_links` of a generated scenario (or `--data DIR`) into a fresh
Neo4j and reports rows/s and relationships/s, and the CPU seconds of Neo4j and of the loader (which other
jobs on the machine move far less than wall time). Baseline, measured in the same run on a sample of the
same rows after the batched loads: one row per transaction (the same MERGE queries with a single-row batch
and no batch marker), as a loader without batching would do. Ratio = batched / naive relationships per
second. `--warmup` first runs one untimed full load, so the figures are the sustained rate of a warm JVM.
`--bulk` measures `linkwatch load --bulk` instead (validation and rejects as above, then Neo4j's offline
importer into the server's own store, restart and schema), with its stage timings.

    .venv/bin/python bench/load_bench.py --accounts 200000 --baseline-rows 3000 --warmup
    .venv/bin/python bench/load_bench.py --accounts 1000000 --bulk
    .venv/bin/python bench/load_bench.py --data /path/to/scenario --baseline-rows 3000
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil
from _loader_common import neo4j, peak_child_rss_mib, peak_rss_mib, subset, wipe
from rich.console import Console

from app.platform.cypher import q
from app.platform.driver import sync_driver
from app.platform.schema import apply_schema
from app.platform.settings import Settings
from loaders.batches import steps_for
from loaders.bulk.run import bulk_load_directory
from loaders.discovery import Kind, discover
from loaders.pipeline import load_directory
from loaders.reading import connect, iter_rows, source
from loaders.records import ROW_MODELS, validate
from loaders.settings import LoadSettings

KINDS = ("accounts", "ip_links", "payment_links")


def _rels(settings: Settings) -> tuple[int, int]:
    with sync_driver(settings) as drv:
        recs, _, _ = drv.execute_query(
            "CALL () { MATCH ()-[r]->() RETURN count(r) AS r } "
            "CALL () { MATCH (n) WHERE NOT n:LoadBatch RETURN count(n) AS n } RETURN r, n"
        )
    return int(recs[0]["r"]), int(recs[0]["n"])


def _server_cpu(settings: Settings) -> float:
    """CPU seconds the Neo4j process has used: unlike wall time, barely moved by other jobs on the cores."""
    pid = int((settings.home / "neo4j" / "run" / "neo4j.pid").read_text().strip())
    t = psutil.Process(pid).cpu_times()
    return float(t.user + t.system)


def naive(directory: Path, settings: Settings, sample: int) -> tuple[float, float, int]:
    """One transaction per row for the first `sample` rows of each kind; returns (rows/s, rels/s, rows)."""
    files = discover(directory)
    con = connect()
    rows_done = 0
    elapsed = 0.0
    with sync_driver(settings) as drv:
        apply_schema(drv, settings.neo4j_database)
        for kind in (Kind.ACCOUNTS, Kind.IP_LINKS, Kind.PAYMENT_LINKS):
            rows: list[Any] = []
            for chunk in iter_rows(con, source(con, files[kind][0])):
                for raw in chunk:
                    raw.pop("line")
                    raw.pop("__malformed__")
                    rows.append(validate(ROW_MODELS[kind], raw))
                if len(rows) >= sample:
                    break
            rows = rows[:sample]
            t0 = time.perf_counter()
            with drv.session() as session:
                for row in rows:
                    steps = steps_for(kind, [row], settings.hash_key(), None)
                    session.execute_write(
                        lambda tx, steps=steps: [tx.run(q(s.query), s.params).consume() for s in steps]
                    )
            elapsed += time.perf_counter() - t0
            rows_done += len(rows)
    rels, _ = _rels(settings)
    return rows_done / elapsed, rels / elapsed, rows_done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, help="A scenario directory (default: generate one).")
    ap.add_argument("--accounts", type=int, default=200_000, help="Accounts to generate without --data.")
    ap.add_argument("--baseline-rows", type=int, default=3000, help="Rows per kind for the naive baseline.")
    ap.add_argument("--batch-size", type=int, default=LoadSettings().batch_size)
    ap.add_argument("--writers", type=int, default=LoadSettings().writers, help="Concurrent writers.")
    ap.add_argument("--repeats", type=int, default=1, help="Full loads (fresh database each).")
    ap.add_argument(
        "--warmup",
        action="store_true",
        help="One untimed full load first: figures then exclude the JVM's warm-up (sustained rate).",
    )
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--bulk", action="store_true", help="Measure `linkwatch load --bulk` (empty store).")
    args = ap.parse_args()
    if args.bulk:
        bulk(args)
        return

    with tempfile.TemporaryDirectory(prefix="lw-load-bench-") as tmp:
        data, only = _entity_files(args, Path(tmp))
        with neo4j(heap=args.heap) as settings:
            rows_s, rels_s, secs, srv_cpu, py_cpu = [], [], [], [], []
            rows = rels = nodes = 0
            for run in range(args.repeats + int(args.warmup)):
                wipe(settings)
                tuning = {"batch_size": args.batch_size, "writers": args.writers}
                ls = LoadSettings().model_copy(update=tuning)
                with sync_driver(settings) as drv:
                    apply_schema(drv, settings.neo4j_database)
                    t0, c0, s0 = time.perf_counter(), os.times(), _server_cpu(settings)
                    report = load_directory(only, drv, settings, ls, Console(stderr=True, quiet=True))
                    took = time.perf_counter() - t0
                    c1 = os.times()
                    srv_cpu.append(_server_cpu(settings) - s0)
                    py_cpu.append(c1.user + c1.system - c0.user - c0.system)
                rels, nodes = _rels(settings)
                rows = sum(f.loaded for f in report.files)
                if args.warmup and run == 0:
                    srv_cpu.pop()
                    py_cpu.pop()
                    continue
                secs.append(took)
                rows_s.append(rows / took)
                rels_s.append(rels / took)
            # After the batched loads, so both run on a server the same loads have warmed up.
            wipe(settings)
            base_rows, base_rels, sampled = naive(only, settings, args.baseline_rows)
    print(f"data: {data} ({', '.join(KINDS)})")
    print(f"rows {rows:,}  nodes {nodes:,}  relationships {rels:,}  batch size {args.batch_size}, "
          f"{'warm server' if args.warmup else 'first load on a fresh server'}, "
          f"writers {args.writers}")  # fmt: skip
    print(f"batched load: median {statistics.median(secs):.1f} s, {statistics.median(rows_s):,.0f} rows/s, "
          f"{statistics.median(rels_s):,.0f} relationships/s")  # fmt: skip
    cpu = statistics.median(srv_cpu) + statistics.median(py_cpu)
    print(f"CPU seconds: Neo4j {statistics.median(srv_cpu):.1f}, loader {statistics.median(py_cpu):.1f}; "
          f"CPU-bound rate on 2 idle cores {2 * rels / cpu:,.0f} relationships/s")  # fmt: skip
    print(f"naive (1 row/tx, {sampled:,} rows): {base_rows:,.0f} rows/s, {base_rels:,.0f} relationships/s")
    print(f"ratio (relationships/s): {statistics.median(rels_s) / base_rels:.1f}x")
    print(f"peak RSS of the loader process: {peak_rss_mib():,.0f} MiB")


def _entity_files(args: argparse.Namespace, tmp: Path) -> tuple[Path, Path]:
    """The scenario (`--data`, or one generated under `tmp`) and a directory of just its entity files."""
    data = args.data
    if data is None:
        from scenarios.standard import simulate

        data = tmp / "scenario"
        simulate(data, "standard", accounts=args.accounts, seed=3, requests_per_account=0.05)
    return data, subset(data, KINDS, tmp / "entities")


def bulk(args: argparse.Namespace) -> None:
    """Fresh (wiped) store per repeat, `bulk_load_directory` timed end to end; same report lines."""
    with tempfile.TemporaryDirectory(prefix="lw-load-bench-") as tmp:
        data, only = _entity_files(args, Path(tmp))
        with neo4j(heap=args.heap) as settings:
            rows_s, rels_s, secs, py_cpu = [], [], [], []
            stages: dict[str, list[float]] = {}
            rows = rels = nodes = 0
            for _ in range(args.repeats):
                wipe(settings)
                t0, c0 = time.perf_counter(), os.times()
                report = bulk_load_directory(only, settings, LoadSettings(), Console(stderr=True, quiet=True))
                took = time.perf_counter() - t0
                c1 = os.times()
                py_cpu.append(c1.user + c1.system - c0.user - c0.system)
                rels, nodes = _rels(settings)
                rows = sum(f.loaded for f in report.files)
                secs.append(took)
                rows_s.append(rows / took)
                rels_s.append(rels / took)
                for name, value in report.stages.items():
                    stages.setdefault(name, []).append(value)
            wipe(settings)
            base_rows, base_rels, sampled = naive(only, settings, args.baseline_rows)
    print(f"data: {data} ({', '.join(KINDS)})")
    print(f"rows {rows:,}  nodes {nodes:,}  relationships {rels:,}  bulk (offline importer), "
          f"{os.cpu_count()} importer threads, {args.repeats} run(s), "
          f"LINKWATCH_BULK_WORKERS={os.environ.get('LINKWATCH_BULK_WORKERS', 'auto')}")  # fmt: skip
    print(f"bulk load: median {statistics.median(secs):.1f} s, {statistics.median(rows_s):,.0f} rows/s, "
          f"{statistics.median(rels_s):,.0f} relationships/s (end to end, schema online); runs "
          + ", ".join(f"{s:.1f}" for s in secs) + " s")  # fmt: skip
    print("stages (median s; stop server overlaps validate and stage): "
          + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in stages.items()))  # fmt: skip
    print(f"CPU seconds of the loader process (validation, staging, importer files): "
          f"{statistics.median(py_cpu):.1f}")  # fmt: skip
    print(f"naive (1 row/tx, {sampled:,} rows): {base_rows:,.0f} rows/s, {base_rels:,.0f} relationships/s")
    print(f"ratio (relationships/s): {statistics.median(rels_s) / base_rels:.1f}x")
    print(f"peak RSS of the loader process: {peak_rss_mib():,.0f} MiB; "
          f"of the importer JVM: {peak_child_rss_mib():,.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
