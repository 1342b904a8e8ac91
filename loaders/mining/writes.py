"""Writes mined tables to the graph in exactly-once batches, then recomputes template totals.

Templates and models first, on one writer: they are few and every account links to them. Then the
writers (threads, each batch in its own session) split the rest by a stable hash: IPs by prefix, then
accounts with their usage and their USED_IP, SENT and USED_MODEL links. A partition owns its accounts
and prefixes, so no two writers MERGE the same node; the link queries only MATCH the shared templates,
IPs and models, and a batch takes their locks in sorted order, which keeps deadlocks rare (the driver
retries the ones that still happen, and the batch marker keeps the retry exactly-once). The split is
pinned in the graph with the batch size, so a resumed load cuts the very same batches.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from app.platform.logging import get_logger
from loaders.graph import GraphWriter, Step, batch_id
from loaders.mining.aggregate import Mined

KIND = "requests"
log = get_logger(__name__)

# (table, query), in dependency order; few rows each.
_SHARED: tuple[tuple[str, str], ...] = (
    ("templates", "load/templates"),
    ("model_nodes", "load/log_models"),
)
# (table, query, key that orders a batch's rows by the shared node it links to); usage first, as it
# creates the accounts the link queries MATCH.
_PER_ACCOUNT: tuple[tuple[str, str, str | None], ...] = (
    ("usage", "load/account_usage", None),
    ("used_ip", "load/used_ip_log", "address"),
    ("sent", "load/sent", "template_id"),
    ("models", "load/used_model", "model"),
)


def _ip_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row.update(ip_type=None, asn=None, asn_org=None)
    return rows


class _Tally:
    """Applied / skipped batch counts and progress, shared by the writer threads."""

    def __init__(self, advance: Callable[[int], None] | None) -> None:
        self.lock = threading.Lock()
        self.applied = 0
        self.skipped = 0
        self._advance = advance

    def count(self, applied: bool, requests: int) -> None:
        with self.lock:
            if applied:
                self.applied += 1
            else:
                self.skipped += 1
            if self._advance is not None and requests:
                self._advance(requests)


def _write_table(
    batches: Iterator[list[dict[str, Any]]],
    writer: GraphWriter,
    unit: str,
    table: str,
    query: str,
    lock_key: str | None,
    size: int,
    done: set[str],
    tally: _Tally,
    partition: int = 0,
    partitions: int = 1,
) -> None:
    sub = f"{KIND}.{table}"
    started, written = time.monotonic(), 0
    for index, rows in enumerate(batches):
        bid = batch_id(unit, sub, size, index, partition, partitions)
        requests = sum(int(r["requests"]) for r in rows) if table == "sent" else 0
        if bid in done:
            tally.count(False, requests)
            continue
        # Times stay epoch milliseconds: the queries convert them (the driver's conversion is slow).
        prepared = _ip_rows(rows) if table == "ips" else rows
        if lock_key is not None:
            prepared.sort(key=lambda r: r[lock_key])
        applied = writer.apply_batch(bid, unit, sub, len(rows), [Step(query, {"rows": prepared})])
        tally.count(applied, requests)
        written += len(rows)
    seconds = time.monotonic() - started
    log.info("mined rows written", table=table, partition=partition, rows=written, seconds=round(seconds, 2))


def write_mined(
    mined: Mined,
    writer: GraphWriter,
    unit: str,
    batch_size: int,
    advance: Callable[[int], None] | None = None,
    writers: int = 1,
) -> tuple[int, int]:
    """Returns (batches applied, batches skipped because an earlier run applied them)."""
    size, partitions = writer.pinned_plan(unit, KIND, batch_size, writers)
    done = writer.done_batches(f"{unit}:")
    tally = _Tally(advance)
    for table, query in _SHARED:
        _write_table(mined.rows(table, size), writer, unit, table, query, None, size, done, tally)

    def write_ips(p: int) -> None:
        # Split by prefix: two writers never MERGE the same IP or prefix node.
        batches = mined.rows("ips", size, p, partitions)
        _write_table(batches, writer, unit, "ips", "load/ips", None, size, done, tally, p, partitions)

    def write_accounts(p: int) -> None:
        for table, query, key in _PER_ACCOUNT:
            batches = mined.rows(table, size, p, partitions)
            _write_table(batches, writer, unit, table, query, key, size, done, tally, p, partitions)

    with ThreadPoolExecutor(max_workers=partitions, thread_name_prefix="mining-writer") as pool:
        # IPs must all exist before any account's USED_IP links MATCH them.
        for phase in (write_ips, write_accounts):
            for future in [pool.submit(phase, p) for p in range(partitions)]:
                future.result()
    ids = [r["template_id"] for chunk in mined.rows("templates", 50_000) for r in chunk]
    for start in range(0, len(ids), size):
        writer.write("load/template_totals", template_ids=ids[start : start + size])
    return tally.applied, tally.skipped
