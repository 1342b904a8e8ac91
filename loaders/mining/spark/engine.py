"""The mining's statements on Spark: the same SQL files as DuckDB, translated (`dialect.py`).

Tables live as Spark temporary views over local checkpoints (executor memory, then disk), so that each
statement reading them neither scans the log again nor re-plans the statements before it. Tables cross
to and from the local DuckDB database as Parquet in the exchange directory, which on a cluster must be
storage the driver, the executors and this process all see (a shared mount); by default it is the
unit's mining directory, right for `local[N]`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from loaders.discovery import DataFile
from loaders.mining.spark.dialect import to_spark
from loaders.mining.spark.reading import register_source
from loaders.reading import Source

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

# DuckDB integer types Spark has no column type for; the values in them are Spark's own 64-bit hashes.
_NARROWED = {"UBIGINT", "HUGEINT", "UHUGEINT"}


class SparkEngine:
    name = "spark"

    def __init__(self, spark: SparkSession, con: duckdb.DuckDBPyConnection, exchange: Path) -> None:
        self.spark = spark
        self.con = con
        self.exchange = exchange
        self._cached: dict[str, DataFrame] = {}

    def source(self, index: int, df: DataFile) -> Source:
        return register_source(self.spark, df, f"src_{index}")

    def create(self, table: str, sql: str, params: dict[str, Any] | list[Any] | None = None) -> None:
        if isinstance(params, list):
            if params:
                raise ValueError("Spark statements take named parameters only")
            params = None
        # Materialised at once, and cut from its lineage: every later statement would otherwise plan the
        # whole chain again (the masking alone is a dozen nested projections per file).
        frame = self.spark.sql(to_spark(sql, params)).localCheckpoint(eager=True)
        frame.createOrReplaceTempView(table)
        self._cached[table] = frame

    def view(self, name: str, sql: str) -> None:
        self.spark.sql(to_spark(sql)).createOrReplaceTempView(name)

    def count(self, table: str) -> int:
        return int(self.spark.table(table).count())

    def to_local(self, table: str) -> None:
        path = self.exchange / table
        self.spark.table(table).write.mode("overwrite").parquet(str(path))
        self.con.execute(f"DROP TABLE IF EXISTS {table}")
        parts = sorted(str(p) for p in path.glob("*.parquet"))
        if parts:
            self.con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet(?)", [parts])  # noqa: S608
        else:  # an empty result written as no part file: keep the columns
            schema = ", ".join(
                f"{_quoted(f.name)} {_duck_type(f.dataType.simpleString())}"
                for f in self.spark.table(table).schema.fields
            )
            self.con.execute(f"CREATE TABLE {table} ({schema})")

    def to_engine(self, table: str) -> None:
        path = self.exchange / f"{table}.parquet"
        cols = []
        for name, kind, *_ in self.con.execute(f"DESCRIBE {table}").fetchall():
            col = _quoted(str(name))
            cols.append(f"{col}::BIGINT AS {col}" if str(kind) in _NARROWED else col)
        select = f"SELECT {', '.join(cols)} FROM {table}"  # noqa: S608 - our table and its columns
        self.con.execute(f"COPY ({select}) TO '{_path_literal(path)}' (FORMAT parquet)")
        self.spark.read.parquet(str(path)).createOrReplaceTempView(table)

    def drop(self, table: str) -> None:
        frame = self._cached.pop(table, None)
        if frame is not None:
            frame.unpersist()
        self.spark.catalog.dropTempView(table)

    def close(self) -> None:
        for table in list(self._cached):
            self.drop(table)
        shutil.rmtree(self.exchange, ignore_errors=True)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _path_literal(path: Path) -> str:
    # Our own work directory; quotes doubled all the same.
    return str(path).replace("'", "''")


def _duck_type(spark_type: str) -> str:
    return {"string": "VARCHAR", "bigint": "BIGINT", "int": "INTEGER", "double": "DOUBLE"}.get(
        spark_type, "VARCHAR"
    )
