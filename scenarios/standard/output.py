"""Deterministic writers: CSV through the csv module (fixed quoting, `\\n` line ends), Parquet with fixed
options so the same rows give the same bytes."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq


class CsvOut:
    """A CSV file written in appended batches of columns."""

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self.path = path
        self.rows = 0
        self._fh: TextIO = path.open("w", newline="", encoding="utf-8")
        self._w = csv.writer(self._fh, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        self._w.writerow(header)

    def columns(self, *cols: Iterable[Any]) -> None:
        rows = list(zip(*cols, strict=True))
        self._w.writerows(rows)
        self.rows += len(rows)

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> CsvOut:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def write_csv(path: Path, header: Sequence[str], *cols: Iterable[Any]) -> int:
    with CsvOut(path, header) as out:
        out.columns(*cols)
        return out.rows


class ParquetParts:
    """`requests.parquet`, or `requests-0001.parquet`, `requests-0002.parquet`... past `rows_per_file`."""

    def __init__(self, out: Path, stem: str, schema: pa.Schema, total_rows: int, rows_per_file: int) -> None:
        self.out = out
        self.stem = stem
        self.schema = schema
        self.split = total_rows > rows_per_file
        self.rows_per_file = rows_per_file
        self.files: list[Path] = []
        self.rows_in: list[int] = []  # rows per file, same order as `files`
        self.rows = 0
        self._writer: pq.ParquetWriter | None = None
        self._in_file = 0

    def _open(self) -> pq.ParquetWriter:
        name = f"{self.stem}-{len(self.files) + 1:04d}.parquet" if self.split else f"{self.stem}.parquet"
        path = self.out / name
        self.files.append(path)
        self.rows_in.append(0)
        self._in_file = 0
        return pq.ParquetWriter(
            path,
            self.schema,
            compression="zstd",
            compression_level=3,
            use_dictionary=True,
            write_statistics=True,
            version="2.6",
        )

    def write(self, table: pa.Table) -> None:
        while table.num_rows:
            if self._writer is None or (self.split and self._in_file >= self.rows_per_file):
                if self._writer is not None:
                    self._writer.close()
                self._writer = self._open()
            room = self.rows_per_file - self._in_file if self.split else table.num_rows
            part, table = table.slice(0, room), table.slice(room)
            self._writer.write_table(part, row_group_size=1 << 20)
            self._in_file += part.num_rows
            self.rows_in[-1] += part.num_rows
            self.rows += part.num_rows

    def close(self) -> None:
        if self._writer is None:
            # An empty log is still a valid (empty) file of the right shape.
            self._writer = self._open()
            self._writer.write_table(self.schema.empty_table())
        self._writer.close()
