"""Python work over a DuckDB result, one chunk at a time: the result never sits whole in Python."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pyarrow as pa


def map_into(
    con: duckdb.DuckDBPyConnection,
    source: str,
    target: str,
    convert: Callable[[pa.RecordBatch], pa.Table],
    chunk: int,
) -> None:
    """Appends to table `target` what `convert` makes of each chunk of `source`'s rows. Both are our own
    SQL and table names, never user strings; the source is read through its own cursor while the
    appends go through `con`."""
    cursor = con.cursor()
    try:
        for batch in cursor.sql(source).to_arrow_reader(chunk):
            con.register("chunk_arrow", convert(batch))
            try:
                con.execute(f"INSERT INTO {target} SELECT * FROM chunk_arrow")  # noqa: S608
            finally:
                con.unregister("chunk_arrow")
    finally:
        cursor.close()
