"""Near-duplicate components of the rows of `g_items`, streamed through DuckDB.

Signatures are computed a chunk of texts at a time into a DuckDB table (which spills to disk like the
rest of mining); each LSH band's buckets are grouped there and come back a block at a time, and only the
signatures of the buckets still open are fetched. Python keeps a label per row, nothing per text.

Input: `g_items(row INTEGER, text VARCHAR, ...)`, rows 0..nskels-1 the skeletons to group and
nskels..n-1 known templates. Output: `g_labels(row INTEGER, comp INTEGER)`, each row's component named
by its smallest row.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from loaders.mining.linking import Intp, Linker
from loaders.mining.signatures import Sigs, bands, signatures

# Texts signed per chunk, and bucket rows linked per block (their signatures are what Python holds).
_SIGN_ROWS = 4096
_BLOCK_ROWS = 1 << 14
_BUCKETS_PER_READ = 4096


def store_signatures(
    con: duckdb.DuckDBPyConnection, chunks: Iterator[tuple[npt.NDArray[np.int32], Sigs]], num_perm: int
) -> None:
    """`g_sigs(row, sig)` from (rows, signatures) chunks, in one statement that pulls the chunks as it
    writes: a single bulk insert goes straight to disk, where many small ones would sit in memory until a
    checkpoint. The value type follows the first chunk (uint64 only for test signatures)."""
    first = next(chunks, None)
    if first is None:
        raise ValueError("no signatures to store")
    value = pa.from_numpy_dtype(first[1].dtype)
    schema = pa.schema([("row", pa.int32()), ("sig", pa.list_(value, num_perm))])

    def batches() -> Iterator[pa.RecordBatch]:
        for rows, sigs in itertools.chain([first], chunks):
            flat = pa.array(np.ascontiguousarray(sigs).reshape(-1), value)
            sig = pa.FixedSizeListArray.from_arrays(flat, num_perm)
            yield pa.record_batch([pa.array(rows, pa.int32()), sig], schema=schema)

    con.register("g_sig_stream", pa.RecordBatchReader.from_batches(schema, batches()))
    try:
        con.execute("CREATE TABLE g_sigs AS SELECT * FROM g_sig_stream")
    finally:
        con.unregister("g_sig_stream")


def sign_items(con: duckdb.DuckDBPyConnection, num_perm: int, shingle_words: int) -> None:
    """Signatures of every `g_items` text, a chunk at a time."""
    cursor = con.cursor()

    def chunks() -> Iterator[tuple[npt.NDArray[np.int32], Sigs]]:
        for batch in cursor.sql("SELECT row, text FROM g_items ORDER BY row").to_arrow_reader(_SIGN_ROWS):
            rows = batch.column(0).to_numpy().astype(np.int32)
            yield rows, signatures(batch.column(1).to_pylist(), shingle_words, num_perm)

    try:
        store_signatures(con, chunks(), num_perm)
    finally:
        cursor.close()


def link_items(con: duckdb.DuckDBPyConnection, n: int, nskels: int, threshold: float, num_perm: int) -> None:
    """Components of the near-duplicate pairs among the LSH candidates, into `g_labels`."""
    linker = Linker(n, nskels, num_perm, threshold)
    b, r = bands(threshold, num_perm)
    for band in range(b):
        for rows, sizes in _buckets(con, band * r, r, nskels):
            open_ = linker.open_buckets(rows, sizes)
            if not open_.any():
                continue
            need = np.unique(rows[np.repeat(open_, sizes)])
            linker.load(need, _fetch(con, need, num_perm))
            linker.link(rows, sizes, open_)
            linker.merge()
    labels = pa.table({"row": np.arange(n, dtype=np.int32), "comp": linker.components()})
    con.register("g_label_arrow", labels)
    try:
        con.execute("CREATE TABLE g_labels AS SELECT * FROM g_label_arrow")
    finally:
        con.unregister("g_label_arrow")


def bucket_lists(con: duckdb.DuckDBPyConnection, band: int, threshold: float, nskels: int) -> Iterator[Intp]:
    """The band's buckets of two or more rows with at least one skeleton, each in ascending row order."""
    r = bands(threshold, _num_perm(con))[1]
    for rows, sizes in _buckets(con, band * r, r, nskels):
        yield from np.split(rows, np.cumsum(sizes)[:-1])


def _num_perm(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT array_length(sig) FROM g_sigs LIMIT 1").fetchall()[0][0])


def _buckets(con: duckdb.DuckDBPyConnection, start: int, r: int, nskels: int) -> Iterator[tuple[Intp, Intp]]:
    """Blocks of whole buckets of the band of signature values start..start+r-1: their rows (bucket
    after bucket) and sizes. Rows with equal values there share a bucket (grouped by the values
    themselves: no hash collisions to reason about). A block ends once it holds _BLOCK_ROWS rows, so a
    single bucket larger than that is a block of its own."""
    cursor = con.cursor()
    try:
        reader = cursor.sql(
            """SELECT list(row ORDER BY row) FROM g_sigs GROUP BY sig[$lo:$hi]
               HAVING count(*) > 1 AND min(row) < $nskels""",
            params={"lo": start + 1, "hi": start + r, "nskels": nskels},
        ).to_arrow_reader(_BUCKETS_PER_READ)
        rows: list[Intp] = []
        sizes: list[Intp] = []
        held = 0
        for batch in reader:
            lists = batch.column(0)
            rows.append(lists.flatten().to_numpy().astype(np.intp))
            sizes.append(lists.value_lengths().to_numpy().astype(np.intp))
            held += rows[-1].size
            if held >= _BLOCK_ROWS:
                yield np.concatenate(rows), np.concatenate(sizes)
                rows, sizes, held = [], [], 0
        if rows:
            yield np.concatenate(rows), np.concatenate(sizes)
    finally:
        cursor.close()


def _fetch(con: duckdb.DuckDBPyConnection, rows: Intp, num_perm: int) -> Sigs:
    """Signatures of `rows` (ascending, distinct), in that order."""
    cursor = con.cursor()
    try:
        cursor.register("g_need", pa.table({"row": rows.astype(np.int32)}))
        table = cursor.sql(
            "SELECT sig FROM g_sigs WHERE row IN (SELECT row FROM g_need) ORDER BY row"
        ).to_arrow_table()
    finally:
        cursor.close()
    sigs = table.column(0).combine_chunks()
    out: Sigs = sigs.values.to_numpy().reshape(-1, num_perm)
    if len(out) != rows.size:
        raise RuntimeError(f"signature table lost rows: {len(out)} of {rows.size} found")
    return out
