"""Request-log mining on DuckDB and on Spark: requests/s and peak memory, same files, same results.

Mines the `requests` files of a scenario directory (no Neo4j: mining is the part that changes with the
engine; the writers are the same) once per engine setting, each in its own process so that peak memory
is per run. Peak memory is sampled every 0.2 s over the process and its children (Spark's JVM is a
child of the Python process). Spark's figures are given with and without the session start (the JVM),
which a load pays once. The ratio is against the DuckDB run of the same invocation.

    .venv/bin/python bench/mining_engines.py --data /path/to/scenario-1M
    .venv/bin/python bench/mining_engines.py --data /path/to/scenario-5M \
        --runs duckdb:2 spark:local[1] spark:local[2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

DEFAULT_RUNS = ("duckdb:1", "duckdb:2", "spark:local[1]", "spark:local[2]")


def _tree_rss() -> int:
    me = psutil.Process()
    total = me.memory_info().rss
    for child in me.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def one(data: Path, run: str, memory: str) -> dict[str, object]:
    """Mines `data` with one engine setting in this process; returns the figures."""
    from loaders.discovery import Kind, discover
    from loaders.mining.aggregate import open_or_mine
    from loaders.mining.engines import mining_engine
    from loaders.rejects import RejectWriter
    from loaders.settings import LoadSettings

    engine, _, arg = run.partition(":")
    update: dict[str, object] = {"mining_engine": engine, "duckdb_memory_limit": memory}
    if engine == "duckdb":
        update["duckdb_threads"] = int(arg)
    else:
        cores = int(arg.removeprefix("local[").removesuffix("]"))
        update |= {"spark_master": arg, "spark_shuffle_partitions": 4 * cores}
    settings = LoadSettings().model_copy(update=update)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss())

    threading.Thread(target=sample, daemon=True).start()
    files = discover(data)[Kind.REQUESTS]
    with tempfile.TemporaryDirectory(prefix="lw-engines-") as tmp:
        t0 = time.perf_counter()
        with mining_engine(settings) as factory, RejectWriter(Path(tmp) / "rejects", "bench") as rejects:
            started = time.perf_counter()
            mined = open_or_mine(files, Path(tmp) / "mining", settings, [], None, 2, rejects, engine=factory)
            mined_at = time.perf_counter()
        requests = sum(f.read for f in mined.files)
        out = {
            "run": run,
            "requests": requests,
            "templates": mined.templates,
            "sent": mined.count("sent"),
            "start_s": round(started - t0, 2),
            "mine_s": round(mined_at - started, 2),
        }
        mined.close()
    done.set()
    out["peak_mib"] = round(max(peak[0], _tree_rss()) / 2**20)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="A scenario directory with requests files.")
    ap.add_argument("--runs", nargs="+", default=list(DEFAULT_RUNS), help="duckdb:THREADS or spark:MASTER")
    ap.add_argument("--memory-limit", default="1GB", help="DuckDB memory_limit (as LINKWATCH_DUCKDB_MEMORY).")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.data, args.one, args.memory_limit)))
        return
    results = []
    for run in args.runs:
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--data",
                str(args.data),
                "--memory-limit",
                args.memory_limit,
                "--one",
                run,
            ],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ,
        )
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    base = next((r for r in results if str(r["run"]).startswith("duckdb")), None)
    head = ("run", "requests", "mine s", "req/s", "start s", "peak MiB", "vs duckdb")
    print("\n{:18s} {:>10s} {:>8s} {:>9s} {:>8s} {:>9s} {:>9s}".format(*head))
    for r in results:
        rate = int(r["requests"]) / float(r["mine_s"])
        ratio = f"{float(base['mine_s']) / float(r['mine_s']):.2f}x" if base else "-"
        print(
            f"{r['run']:18s} {r['requests']:>10,} {r['mine_s']:>8} {rate:>9,.0f} {r['start_s']:>8} "
            f"{r['peak_mib']:>9} {ratio:>9s}"
        )
    if len({(r["templates"], r["sent"]) for r in results}) != 1:
        raise SystemExit("engines disagree on templates or SENT rows")


if __name__ == "__main__":
    main()
