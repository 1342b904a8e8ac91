"""Loads one row-per-record file (accounts, ip_links, payment_links, labels): read, validate, batch, write."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import duckdb

from app.platform.logging import get_logger
from loaders.batches import PARTITIONED, TemplateResolver, partition_of, steps_for
from loaders.discovery import DataFile
from loaders.graph import GraphWriter, batch_id
from loaders.reading import content_hash
from loaders.rejects import RejectWriter
from loaders.report import FileReport
from loaders.validation import validated_chunks

log = get_logger(__name__)

Advance = Callable[[int], None]
_IN_FLIGHT = 2  # batches queued per writer thread beyond the one it is applying


class _Partition:
    """One writer thread and the rows waiting for its next batch; its batches apply in file order."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.rows: list[Any] = []
        self.batches = 0
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"load-writer-{index}")
        self.in_flight: deque[Future[bool]] = deque()


class _Batches:
    """Cuts validated rows into the file's deterministic batches and hands them to the writer threads.

    Rows go to a partition by a stable hash of the node whose properties they write (`partition_of`), so
    partitions never write the same property and each partition applies its batches one at a time in file
    order: the result does not depend on how the writers interleave. Neo4j runs one transaction on one
    thread, so two writers keep both cores busy while this thread reads and validates the next rows. A
    kill leaves a prefix of each partition applied, plus markers saying which.
    """

    def __init__(
        self,
        df: DataFile,
        unit: str,
        size: int,
        partitions: int,
        done: set[str],
        writer: GraphWriter,
        report: FileReport,
        key: bytes,
        resolve_template: TemplateResolver | None,
    ) -> None:
        self.df, self.unit, self.size, self.done = df, unit, size, done
        self.writer, self.report, self.key, self.resolve = writer, report, key, resolve_template
        self.parts = [_Partition(i) for i in range(partitions)]

    def add(self, row: Any) -> None:
        part = self.parts[partition_of(self.df.kind, row, len(self.parts))]
        part.rows.append(row)
        if len(part.rows) >= self.size:
            self.flush(part)

    def flush(self, part: _Partition) -> None:
        if not part.rows:
            return
        kind = self.df.kind.value
        bid = batch_id(self.unit, kind, self.size, part.batches, part.index, len(self.parts))
        if bid in self.done:
            self.report.note_batch(False)
        else:
            steps = steps_for(self.df.kind, part.rows, self.key, self.resolve)
            part.in_flight.append(
                part.pool.submit(self.writer.apply_batch, bid, self.unit, kind, len(part.rows), steps)
            )
            self._settle(part, _IN_FLIGHT)
        self.report.loaded += len(part.rows)
        part.batches += 1
        part.rows = []

    def _settle(self, part: _Partition, keep: int) -> None:
        while len(part.in_flight) > keep:
            self.report.note_batch(part.in_flight.popleft().result())

    def finish(self) -> None:
        for part in self.parts:
            self.flush(part)
        for part in self.parts:
            self._settle(part, 0)

    def close(self) -> None:
        for part in self.parts:
            part.pool.shutdown(wait=True, cancel_futures=True)


def load_file(
    df: DataFile,
    con: duckdb.DuckDBPyConnection,
    writer: GraphWriter,
    rejects: RejectWriter,
    batch_size: int,
    key: bytes,
    resolve_template: TemplateResolver | None = None,
    advance: Advance | None = None,
    writers: int = 1,
) -> FileReport:
    started = time.monotonic()
    report = FileReport(file=df.name, kind=df.kind.value)
    unit = content_hash(df.path)
    kind = df.kind.value
    if writer.unit_done(unit, kind):
        report.status = "already loaded"
        report.seconds = time.monotonic() - started
        log.info("file already loaded", file=df.name, kind=kind)
        return report
    wanted = writers if df.kind in PARTITIONED else 1
    size, partitions = writer.pinned_plan(unit, kind, batch_size, wanted)
    done = writer.done_batches(f"{unit}:{kind}:{size}:")
    batches = _Batches(df, unit, size, partitions, done, writer, report, key, resolve_template)
    try:
        for rows, _, read in validated_chunks(df, con, rejects, report):
            for row in rows:
                batches.add(row)
            if advance is not None:
                advance(read)
        batches.finish()
    finally:
        batches.close()
    writer.mark_unit_done(unit, kind, report.loaded)
    report.finish()
    report.seconds = time.monotonic() - started
    log.info(
        "file loaded",
        file=df.name,
        kind=kind,
        read=report.read,
        loaded=report.loaded,
        rejected=report.rejected,
        batches=report.batches_applied,
        skipped=report.batches_skipped,
    )
    return report
