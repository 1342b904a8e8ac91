"""Exactly-once batch writes to Neo4j.

Each batch is one managed write transaction that first checks the batch's `LoadBatch` marker, then applies
its writes and creates the marker. A retry after an unknown commit outcome (connection lost, server
restart) therefore finds the marker and applies nothing twice: increments such as request counts stay
exact across kills, restarts and reloads. Transient errors are retried by the driver inside
`execute_write`; tenacity covers the server being away for longer (a restart).

Change stamps for incremental detection: every load query that creates an account, or a link from an
account to an entity the detection projection pairs accounts through (IP, payment instrument, template,
e-mail domain), sets that account's or that link's `load_batch` to the batch id on creation, in the
batch's own transaction. Only new accounts and new links can change the projection's pairs, and a new
link only if its entity pairs the account with someone (detection decides that when it runs, from the
graph as it is then: `cypher/detection/changes_accounts.cypher`), which is why the link, not its account,
carries the stamp. Counters growing on existing links stamp nothing (link weights barely move, and the
scheduled full run recomputes them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import Driver, ManagedTransaction, Session
from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError
from tenacity import (
    Retrying,
    retry_if_exception_type,
    stop_after_delay,
    wait_exponential,
)

from app.platform.cypher import q
from app.platform.logging import get_logger

log = get_logger(__name__)

_RETRYABLE = (ServiceUnavailable, SessionExpired, TransientError, ConnectionError, OSError)


@dataclass(frozen=True)
class Step:
    """One query of a batch and its parameters."""

    query: str
    params: dict[str, Any]


class GraphWriter:
    def __init__(self, driver: Driver, database: str, retry_seconds: float = 300.0) -> None:
        self.driver = driver
        self.database = database
        self.retry_seconds = retry_seconds

    def _retrying(self) -> Retrying:
        return Retrying(
            retry=retry_if_exception_type(_RETRYABLE),
            stop=stop_after_delay(self.retry_seconds),
            wait=wait_exponential(multiplier=0.5, max=10),
            reraise=True,
            before_sleep=lambda rs: log.warning(
                "neo4j unavailable, retrying",
                attempt=rs.attempt_number,
                error=type(rs.outcome.exception()).__name__ if rs.outcome is not None else None,
            ),
        )

    def _session(self) -> Session:
        # Schema-dependent planner notices (a property not created yet) are noise for a loader.
        return self.driver.session(database=self.database, notifications_min_severity="OFF")

    def read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        for attempt in self._retrying():
            with attempt, self._session() as session:
                return session.execute_read(lambda tx: [r.data() for r in tx.run(q(query), params)])
        raise AssertionError("unreachable")

    def write(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """An idempotent write without a marker (recomputations, plan pins)."""
        for attempt in self._retrying():
            with attempt, self._session() as session:
                return session.execute_write(lambda tx: [r.data() for r in tx.run(q(query), params)])
        raise AssertionError("unreachable")

    def apply_batch(self, batch_id: str, unit: str, kind: str, rows: int, steps: Sequence[Step]) -> bool:
        """Applies `steps` and the marker atomically unless the marker exists. True if applied now."""

        def work(tx: ManagedTransaction) -> bool:
            seen = tx.run(q("load/batch_seen"), batch_id=batch_id).single()
            if seen is not None and seen["seen"]:
                return False
            for step in steps:
                # Writes that create an account or an account-entity link stamp it with the batch id
                # (`ON CREATE SET x.load_batch = $batch_id`): see the module doc.
                tx.run(q(step.query), {**step.params, "batch_id": batch_id}).consume()
            tx.run(q("load/batch_mark"), batch_id=batch_id, unit=unit, kind=kind, rows=rows).consume()
            return True

        for attempt in self._retrying():
            with attempt, self._session() as session:
                return bool(session.execute_write(work))
        raise AssertionError("unreachable")

    def pinned_batch_size(self, unit: str, kind: str, batch_size: int) -> int:
        rows = self.write(
            "load/batch_plan", batch_id=f"{unit}:{kind}:plan", unit=unit, kind=kind, batch_size=batch_size
        )
        return int(rows[0]["batch_size"])

    def pinned_plan(self, unit: str, kind: str, batch_size: int, partitions: int) -> tuple[int, int]:
        """Batch size and writer partitions as first pinned: a resumed load cuts the same batches."""
        rows = self.write(
            "load/batch_plan_partitions",
            batch_id=f"{unit}:{kind}:plan",
            unit=unit,
            kind=kind,
            batch_size=batch_size,
            partitions=partitions,
        )
        return int(rows[0]["batch_size"]), int(rows[0]["partitions"])

    def done_batches(self, prefix: str) -> set[str]:
        return {str(r["batch_id"]) for r in self.read("load/batches_done", prefix=prefix)}

    def unit_done(self, unit: str, kind: str) -> bool:
        return f"{unit}:{kind}:done" in self.done_batches(f"{unit}:{kind}:done")

    def mark_unit_done(self, unit: str, kind: str, rows: int) -> None:
        self.apply_batch(f"{unit}:{kind}:done", unit, kind, rows, [])


def batch_id(
    unit: str, kind: str, batch_size: int, index: int, partition: int = 0, partitions: int = 1
) -> str:
    """A single-partition unit keeps the original id form, so markers of earlier loads still match."""
    if partitions == 1:
        return f"{unit}:{kind}:{batch_size}:{index}"
    return f"{unit}:{kind}:{batch_size}:{partition}/{partitions}:{index}"
