"""Which single definition of the mining: DuckDB SQL translated by SQLGlot, or Ibis expressions?

Runs the same small real piece of the mining — the prompt masking (skeletons) and the (account, skeleton,
hour) aggregate — four ways over one Parquet file of requests, each timed end to end (best of
`--repeats`) and checked against the Python skeletons of a sample:

- DuckDB running the loader's own statement (`normalise.skeleton_select`, nested projections with guards);
- Spark running that statement translated by `loaders/mining/spark/dialect.py`;
- Ibis on its DuckDB backend and on its PySpark backend, the same rules written as Ibis expressions.

Ibis is not a dependency of Linkwatch; this script needs it installed beside pyspark:

    pip install 'ibis-framework[duckdb,pyspark]'
    python bench/mining_dialects.py --data DIR/requests.parquet --threads 2
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import duckdb

from loaders.mining.normalise import GUARDS, RULES, SKELETON_MAX_CHARS, skeleton, skeleton_select
from loaders.mining.spark.dialect import to_spark

AGG = "SELECT account_id, skel, epoch_ms(ts) // 3600000 AS hour, count(*) AS n FROM ({}) GROUP BY ALL"


def _best(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def duck_sql(path: str, threads: int) -> Callable[[], Any]:
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    src = f"SELECT account_id, ts, prompt FROM read_parquet('{path}')"  # noqa: S608 - a bench argument
    sql = AGG.format(skeleton_select(src, "prompt", "skel", ["account_id", "ts"]))
    return lambda: con.execute(f"SELECT count(*), sum(n) FROM ({sql})").fetchall()  # noqa: S608


def spark_sql(spark: Any, path: str) -> Callable[[], Any]:
    spark.read.parquet(path).select("account_id", "ts", "prompt").createOrReplaceTempView("req")
    sql = AGG.format(skeleton_select("SELECT * FROM req", "prompt", "skel", ["account_id", "ts"]))
    # The aggregate's GROUP BY ALL is DuckDB's; SQLGlot expands it for Spark.
    translated = to_spark(f"SELECT count(*), sum(n) FROM ({sql})")  # noqa: S608
    return lambda: spark.sql(translated).collect()


def ibis_skeleton(table: Any, column: str, alias: str) -> Any:
    """The rules as Ibis steps, one `mutate` per rule. Written as one nested expression instead, each rule
    refers to the previous result three times (guard, replacement, else) and the SQL Ibis compiles grows
    as 3^rules: 9.5 MB of SQL, which Spark's parser cannot take (it runs out of heap)."""
    import ibis

    t = table.mutate(**{alias: table[column].lower()})
    for name, pattern, repl in RULES:
        s = t[alias]
        replaced = s.re_replace(pattern, repl)
        if name in GUARDS:
            replaced = ibis.ifelse(ibis.or_(*[s.contains(g) for g in GUARDS[name]]), replaced, s)
        t = t.mutate(**{alias: replaced})
    s = t[alias]
    t = t.mutate(**{alias: ibis.ifelse(s.startswith(" "), s.substr(1), s)})
    s = t[alias]
    t = t.mutate(**{alias: ibis.ifelse(s.endswith(" "), s.substr(0, s.length() - 1), s)})
    return t.mutate(**{alias: t[alias].left(SKELETON_MAX_CHARS)})


def ibis_query(table: Any) -> Any:
    t = ibis_skeleton(table.select("account_id", "ts", "prompt"), "prompt", "skel")
    t = t.mutate(hour=t.ts.epoch_seconds() // 3600)
    agg = t.group_by(["account_id", "skel", "hour"]).aggregate(n=t.count())
    return agg.aggregate(groups=agg.count(), requests=agg.n.sum())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="A requests Parquet file.")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    import ibis
    from pyspark.sql import SparkSession

    rows = duckdb.sql(f"SELECT count(*) FROM read_parquet('{args.data}')").fetchall()[0][0]  # noqa: S608
    spark = (
        SparkSession.builder.master(f"local[{args.threads}]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", str(2 * args.threads))
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    duck_ibis = ibis.duckdb.connect(threads=args.threads)
    spark_ibis = ibis.pyspark.connect(spark)
    ways: dict[str, Callable[[], Any]] = {
        "duckdb, SQL statement": duck_sql(args.data, args.threads),
        "spark, SQLGlot-translated statement": spark_sql(spark, args.data),
        "duckdb, Ibis": lambda: duck_ibis.execute(ibis_query(duck_ibis.read_parquet(args.data))),
        "spark, Ibis": lambda: spark_ibis.execute(ibis_query(spark_ibis.read_parquet(args.data))),
    }
    # Correctness on a sample: each way's skeletons against the Python rules.
    first = f"SELECT prompt FROM read_parquet('{args.data}') LIMIT 2000"  # noqa: S608 - a bench argument
    sample = [r[0] for r in duckdb.sql(first).fetchall()]
    expected = [skeleton(p) for p in sample]
    sample_t = ibis.memtable({"i": list(range(len(sample))), "p": sample})
    sample_q = ibis_skeleton(sample_t, "p", "s").order_by("i")
    ibis_ok = {
        "duckdb, Ibis": list(duck_ibis.execute(sample_q)["s"]),
        "spark, Ibis": list(spark_ibis.execute(sample_q)["s"]),
    }
    print(f"{rows:,} requests, {args.threads} threads / local[{args.threads}], best of {args.repeats}")
    for name, fn in ways.items():
        fn()  # warm-up: JVM classes, DuckDB's file metadata
        seconds, out = _best(fn, args.repeats)
        same = "" if name not in ibis_ok else f"  sample skeletons equal Python: {ibis_ok[name] == expected}"
        print(f"{name:40s} {seconds:7.2f} s  {rows / seconds:>10,.0f} req/s{same}  ({out!s:.60})")
    spark.stop()


if __name__ == "__main__":
    main()
