"""Picks where a load's request-log mining runs, from the load settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from loaders.mining.aggregate import EngineFactory
from loaders.mining.engine import DuckDBEngine, MiningEngine
from loaders.settings import LoadSettings


@contextmanager
def mining_engine(settings: LoadSettings) -> Iterator[EngineFactory]:
    """The engine factory `open_or_mine` takes. For Spark, one session for the whole load: started here
    (a spark:// master that does not answer fails now, naming it) and stopped at the end unless it was
    already running in this process (tests share one)."""
    if settings.mining_engine == "duckdb":
        yield DuckDBEngine
        return
    # pyspark is an optional dependency: imported only when asked for.
    from loaders.mining.spark.engine import SparkEngine
    from loaders.mining.spark.session import start_session

    session, created = start_session(
        settings.spark_master,
        settings.spark_shuffle_partitions,
        settings.spark_connect_timeout,
        {"spark.driver.memory": settings.spark_driver_memory},
    )

    def open_spark(con: duckdb.DuckDBPyConnection, work_dir: Path) -> MiningEngine:
        base = settings.spark_exchange_dir or work_dir
        return SparkEngine(session, con, base / "spark-exchange" / work_dir.name)

    try:
        yield open_spark
    finally:
        if created:
            session.stop()
