"""One input file as validated rows: what the transactional load and the bulk load both read.

The file is read as text columns (`loaders.reading`), every malformed or invalid row becomes a reject
entry (file, line, field, reason), and the file's report counts the rows read and rejected. Both loads
therefore accept, reject and count exactly the same rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb

from app.platform.logging import get_logger
from loaders.discovery import DataFile
from loaders.reading import MALFORMED, Source, iter_rows, source
from loaders.records import REQUIRED, ROW_MODELS, RowError, validate
from loaders.rejects import RejectWriter
from loaders.report import FileReport

log = get_logger(__name__)


def validated_chunks(
    df: DataFile,
    con: duckdb.DuckDBPyConnection,
    rejects: RejectWriter,
    report: FileReport,
    src: Source | None = None,
) -> Iterator[tuple[list[Any], list[int], int]]:
    """Per chunk of the file, in file order: its valid rows (row models), their line numbers and how many
    rows it read. `src`: the rows to read, when not the whole file (`source(con, df)`)."""
    src = src or source(con, df)
    report.unknown_columns = src.unknown_columns
    if src.unknown_columns:
        log.warning("unknown columns ignored", file=df.name, columns=src.unknown_columns)
    missing = [c for c in REQUIRED[df.kind] if c in src.missing_columns]
    if missing:
        log.warning("required columns missing: every row will be rejected", file=df.name, columns=missing)
    model = ROW_MODELS[df.kind]
    for chunk in iter_rows(con, src):
        valid: list[Any] = []
        lines: list[int] = []
        for raw in chunk:
            report.read += 1
            line = int(raw.pop("line"))
            if raw.pop(MALFORMED):
                rejects.write(df.name, line, "row", "malformed JSON line", {})
                report.rejected += 1
                continue
            try:
                valid.append(validate(model, raw))
                lines.append(line)
            except RowError as err:
                rejects.write(df.name, line, err.field, err.reason, raw)
                report.rejected += 1
        yield valid, lines, len(chunk)
