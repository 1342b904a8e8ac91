"""Streams input files as text columns through DuckDB, whatever the format (CSV, JSONL, Parquet, gzip).

Every column comes out as VARCHAR so validation sees one representation; DuckDB keeps file order
(insertion order is preserved), which is what makes line numbers and batch boundaries deterministic.
Paths travel as parameters; the only identifiers in the SQL are the file's own column names, quoted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from loaders.discovery import DataFile, Format, Kind
from loaders.records import COLUMNS

# Lines before the first data row: a CSV header is line 1, JSONL and Parquet start at 1.
LINE_OFFSET = {Format.CSV: 1, Format.JSONL: 0, Format.PARQUET: 0}
MALFORMED = "__malformed__"


def connect(
    memory_limit: str = "1GB", threads: int = 2, temp_dir: Path | None = None, database: str = ":memory:"
) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(database)
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET preserve_insertion_order = true")
    con.execute(f"SET memory_limit = '{_size(memory_limit)}'")
    con.execute(f"SET threads = {int(threads)}")
    if temp_dir is not None:
        temp_dir.mkdir(parents=True, exist_ok=True)
        con.execute("SET temp_directory = ?", [str(temp_dir)])
    return con


def _size(text: str) -> str:
    # Only digits and a unit reach the SET statement.
    cleaned = text.strip().upper()
    if not cleaned.rstrip("KMGTIB").isdigit():
        raise ValueError(f"bad memory size {text!r}")
    return cleaned


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class Source:
    """A SELECT over one file giving `line` plus the kind's columns as text (missing ones NULL)."""

    sql: str
    params: list[Any]
    unknown_columns: list[str]
    missing_columns: list[str]


def _table_fn(df: DataFile, row_numbers: bool = False) -> str:
    if df.format is Format.CSV:
        # Single-threaded: a quoted field may hold line breaks (a prompt pasted with its paragraphs), which
        # DuckDB's parallel CSV scanner refuses; rows are numbered in file order anyway.
        return "read_csv(?, all_varchar = true, header = true, parallel = false)"
    if df.format is Format.PARQUET:
        return "read_parquet(?, file_row_number = true)" if row_numbers else "read_parquet(?)"
    return "read_ndjson_objects(?, ignore_errors = true)"


def source(con: duckdb.DuckDBPyConnection, df: DataFile, kind: Kind | None = None) -> Source:
    wanted = COLUMNS[kind or df.kind]
    path = str(df.path)
    offset = LINE_OFFSET[df.format]
    if df.format is Format.JSONL:
        keys = con.execute(
            "SELECT DISTINCT unnest(json_keys(json)) FROM (SELECT json FROM "
            "read_ndjson_objects(?, ignore_errors = true) WHERE json IS NOT NULL LIMIT 1000)",
            [path],
        ).fetchall()
        present = {str(k[0]) for k in keys}
        # JSON path keys are our own column names; json_extract_string renders numbers as their text.
        cols = [
            f"json_extract_string(json, '$.\"{c}\"') AS {c}" if c in present else f"NULL::VARCHAR AS {c}"
            for c in wanted
        ]
        cols.append(f"CASE WHEN json IS NULL THEN true ELSE false END AS {MALFORMED}")
        numbered = False
        unknown = sorted(present - set(wanted))
        missing = [c for c in wanted if c not in present]
    else:
        desc = con.execute(f"DESCRIBE SELECT * FROM {_table_fn(df)}", [path]).fetchall()  # noqa: S608
        actual = {str(r[0]).strip().lower(): str(r[0]) for r in desc}
        cols = [
            f"CAST({quote_ident(actual[c])} AS VARCHAR) AS {c}" if c in actual else f"NULL::VARCHAR AS {c}"
            for c in wanted
        ]
        cols.append(f"false AS {MALFORMED}")
        unknown = sorted(k for k in actual if k not in wanted)
        missing = [c for c in wanted if c not in actual]
        # Parquet numbers its rows while scanning in parallel; a window over the whole scan would run on
        # one thread and halve the throughput of a large log. A file with its own such column keeps it.
        numbered = df.format is Format.PARQUET and "file_row_number" not in actual
    line = "file_row_number + 1" if numbered else "row_number() OVER ()"
    sql = f"SELECT {line} + {offset} AS line, {', '.join(cols)} FROM {_table_fn(df, numbered)}"  # noqa: S608
    return Source(sql=sql, params=[path], unknown_columns=unknown, missing_columns=missing)


def iter_rows(
    con: duckdb.DuckDBPyConnection, src: Source, chunk: int = 20_000
) -> Iterator[list[dict[str, Any]]]:
    """Rows in file order, in chunks, never the whole file in memory."""
    reader = con.sql(src.sql, params=src.params).to_arrow_reader(chunk)
    if reader is None:
        return
    for batch in reader:
        yield batch.to_pylist()


def content_hash(path: Path) -> str:
    """Identity of a file's bytes: the same file loaded twice is recognised whatever its name or mtime."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:32]
