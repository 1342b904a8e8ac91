"""Reads and validates entity files like the transactional loader and stages the good rows in DuckDB.

The readers, row models and reject handling are the transactional path's own (`loaders/reading.py`,
`loaders/records.py`, `loaders/rejects.py`); only the destination differs. Validated rows leave Python as
one Arrow batch per read chunk, appended to a table per kind with `seq` (the file's ordinal among the
kind's files, then the row's line): "last value wins" folds order by it. Payment instruments are
staged as their keyed hash only. Plain account and IP link rows skip Python altogether (`plain_rows.py`).

Validation is single-threaded Python and the costliest part of a bulk load, so each kind is staged by its
own worker process (`stage_kind`) into its own DuckDB file and reject file; kinds are independent, and
within a kind one worker keeps file order.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from app.domain.instrument import instrument_key
from app.platform.logging import configure_logging, get_logger
from loaders.bulk.plain_rows import split
from loaders.discovery import DataFile, Kind
from loaders.reading import connect, source
from loaders.records import AccountRow, IpLinkRow, PaymentLinkRow
from loaders.rejects import RejectWriter
from loaders.report import FileReport
from loaders.validation import validated_chunks

log = get_logger(__name__)

Advance = Callable[[int], None]
ENTITY_KINDS = (Kind.ACCOUNTS, Kind.IP_LINKS, Kind.PAYMENT_LINKS)
# seq = file ordinal << _LINE_BITS | line: a file of up to 2**40 lines, 2**23 files of one kind.
_LINE_BITS = 40
_PLAIN_CHUNK = 65_536
TABLES = {Kind.ACCOUNTS: "acc", Kind.IP_LINKS: "ipl", Kind.PAYMENT_LINKS: "pay"}

_TS = pa.timestamp("us", tz="UTC")
SCHEMAS: dict[Kind, pa.Schema] = {
    Kind.ACCOUNTS: pa.schema(
        [
            ("seq", pa.int64()),
            ("account_id", pa.string()),
            ("created_at", _TS),
            ("email_domain", pa.string()),
            ("country", pa.string()),
            ("plan", pa.string()),
            ("org_id", pa.string()),
            ("signup_channel", pa.string()),
            ("status", pa.string()),
        ]
    ),
    Kind.IP_LINKS: pa.schema(
        [
            ("seq", pa.int64()),
            ("account_id", pa.string()),
            ("address", pa.string()),
            ("version", pa.int64()),
            ("prefix", pa.string()),
            ("first_seen", _TS),
            ("last_seen", _TS),
            ("requests", pa.int64()),
            ("asn", pa.int64()),
            ("asn_org", pa.string()),
            ("ip_type", pa.string()),
        ]
    ),
    Kind.PAYMENT_LINKS: pa.schema(
        [
            ("seq", pa.int64()),
            ("account_id", pa.string()),
            ("instrument_key", pa.string()),
            ("instrument_type", pa.string()),
            ("bin", pa.string()),
            ("issuer_country", pa.string()),
            ("first_used", _TS),
        ]
    ),
}
_DUCK_TYPES = {pa.int64(): "BIGINT", pa.string(): "VARCHAR", _TS: "TIMESTAMPTZ"}


def create_table(con: duckdb.DuckDBPyConnection, kind: Kind) -> None:
    cols = ", ".join(f"{f.name} {_DUCK_TYPES[f.type]}" for f in SCHEMAS[kind])
    con.execute(f"CREATE OR REPLACE TABLE {TABLES[kind]} ({cols})")  # fixed names from this module


class _Columns:
    """Column lists of one chunk's validated rows, in the kind's staging schema."""

    def __init__(self, kind: Kind, key: bytes) -> None:
        self.kind, self.key = kind, key
        self.rows: list[tuple[Any, ...]] = []
        # Link files repeat instruments: hash each distinct token of a chunk once.
        self.keys: dict[str, str] = {}

    def add(self, seq: int, row: Any) -> None:
        values: tuple[Any, ...]
        if self.kind is Kind.ACCOUNTS:
            a: AccountRow = row
            values = (seq, a.account_id, a.created_at, a.email_domain, a.country, a.plan, a.org_id,
                      a.signup_channel, a.status)  # fmt: skip
        elif self.kind is Kind.IP_LINKS:
            r: IpLinkRow = row
            info = r.info()
            values = (seq, r.account_id, info.address, info.version, info.prefix, r.first_seen, r.last_seen,
                      r.requests, r.asn, r.asn_org, r.ip_type)  # fmt: skip
        else:
            p: PaymentLinkRow = row
            ik = self.keys.get(p.instrument_id)
            if ik is None:
                ik = self.keys[p.instrument_id] = instrument_key(p.instrument_id, self.key)
            values = (seq, p.account_id, ik, p.instrument_type, p.bin, p.issuer_country, p.first_used)
        self.rows.append(values)

    def table(self) -> pa.Table:
        schema = SCHEMAS[self.kind]
        # Transposing row tuples in C (zip) is cheaper than appending to one list per column per row.
        cols = list(zip(*self.rows, strict=True)) or [() for _ in schema]
        return pa.Table.from_arrays(
            [pa.array(c, type=f.type) for c, f in zip(cols, schema, strict=True)], schema=schema
        )


def stage_file(
    df: DataFile,
    reader: duckdb.DuckDBPyConnection,
    staging: duckdb.DuckDBPyConnection,
    rejects: RejectWriter,
    key: bytes,
    ordinal: int,
    advance: Advance | None = None,
) -> FileReport:
    """Validates one file into its staging table; returns its report (rows read / loaded / rejected).

    `seq` is the file's ordinal among the kind's files, then its line: the file order that "last value
    wins" follows, whichever way a row was validated."""
    started = time.monotonic()
    report = FileReport(file=df.name, kind=df.kind.value)
    base = ordinal << _LINE_BITS
    src = source(reader, df)
    parts = split(src, df.kind, base)
    if parts is not None:
        plain, src = parts
        for batch in reader.sql(plain.sql, params=plain.params).to_arrow_reader(_PLAIN_CHUNK):
            _append(staging, df.kind, pa.Table.from_batches([batch]).cast(SCHEMAS[df.kind]))
            report.read += batch.num_rows
            report.loaded += batch.num_rows
            if advance is not None:
                advance(batch.num_rows)
    for rows, lines, read in validated_chunks(df, reader, rejects, report, src):
        cols = _Columns(df.kind, key)
        for line, row in zip(lines, rows, strict=True):
            cols.add(base + line, row)
        report.loaded += len(rows)
        _append(staging, df.kind, cols.table())
        if advance is not None:
            advance(read)
    report.seconds = time.monotonic() - started
    log.info(
        "file staged",
        file=df.name,
        kind=df.kind.value,
        read=report.read,
        loaded=report.loaded,
        rejected=report.rejected,
        seconds=round(report.seconds, 2),
    )
    return report


def _append(staging: duckdb.DuckDBPyConnection, kind: Kind, table: pa.Table) -> None:
    staging.register("staged_chunk", table)
    try:
        staging.execute(f"INSERT INTO {TABLES[kind]} SELECT * FROM staged_chunk")  # noqa: S608 - fixed names
    finally:
        staging.unregister("staged_chunk")


@dataclass(frozen=True)
class KindJob:
    """All files of one kind, in discovery order, with their content hashes."""

    kind: Kind
    files: tuple[DataFile, ...]
    units: tuple[str, ...]
    key: bytes
    work: Path
    memory_limit: str = "1GB"
    threads: int = 1

    @property
    def database(self) -> Path:
        return self.work / f"{TABLES[self.kind]}.duckdb"

    @property
    def rejects(self) -> Path:
        return self.work / "rejects" / f"load-{self.kind.value}.jsonl"


@dataclass
class KindResult:
    kind: Kind
    reports: list[FileReport] = field(default_factory=list)
    staged: list[tuple[str, int]] = field(default_factory=list)  # (unit, rows) per staged file


ProgressSink = Callable[[str, int], None]  # (file name, rows) for the parent's progress bars

# Set by `init_worker` in a worker process, or by `set_progress` when staging in-process.
_progress: ProgressSink | None = None


def set_progress(progress: ProgressSink | None) -> None:
    global _progress
    _progress = progress


def init_worker(messages: Queue[tuple[str, int]], json_logs: bool) -> None:
    set_progress(lambda name, n: messages.put((name, n)))
    configure_logging(json_logs=json_logs)  # a spawned process starts with structlog's defaults


def _advance(name: str) -> Advance | None:
    report = _progress
    if report is None:
        return None
    return lambda n: report(name, n)


def stage_kind(job: KindJob) -> KindResult:
    """Stages one kind's files into `job.database` (table `TABLES[kind]`), rejects into `job.rejects`."""
    result = KindResult(job.kind)
    job.database.unlink(missing_ok=True)
    reader = connect(job.memory_limit, job.threads, job.work / "tmp")
    staging = connect(job.memory_limit, job.threads, job.work / "tmp", database=str(job.database))
    for con in (reader, staging):
        con.execute("SET enable_progress_bar = false")  # a worker's stderr is the user's terminal
    try:
        create_table(staging, job.kind)
        with RejectWriter(job.rejects.parent, job.kind.value) as rejects:
            for ordinal, (df, unit) in enumerate(zip(job.files, job.units, strict=True)):
                if any(u == unit for u, _ in result.staged):
                    # The same bytes under another name: the transactional loader skips it too.
                    result.reports.append(FileReport(df.name, job.kind.value, status="already loaded"))
                    continue
                report = stage_file(df, reader, staging, rejects, job.key, ordinal, _advance(df.name))
                result.staged.append((unit, report.loaded))
                result.reports.append(report)
    finally:
        reader.close()
        staging.close()
    return result
