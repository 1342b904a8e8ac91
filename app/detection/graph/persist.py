"""Writing a run's campaigns: stable ids, lineage, membership, all inside the caller's one transaction.

The switch is atomic because it is one transaction: the runner opens it, calls `write_result` and then
attribution and the run's own bookkeeping, and commits once. Until that commit every reader sees the
previous result; if anything raises, Neo4j rolls the lot back and the previous result stays current.
Campaign nodes are never deleted and analyst decisions (`status`, `decided_*`, `decision_note`) are never
written here: a continued campaign keeps them because it keeps its node.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from app.detection.algorithms.model import CandidateCampaign, DetectionResult
from app.detection.algorithms.tracking import IdentityPlan, PreviousCampaign, TrackingParams, plan_identity
from app.platform.cypher import q
from app.platform.logging import get_logger

log = get_logger(__name__)

MEMBERSHIP_BATCH = 10_000


@dataclass(frozen=True)
class PersistOutcome:
    plan: IdentityPlan
    campaign_ids: list[str]  # in the result's order
    sizes: dict[str, int]  # campaign_id -> members written
    memberships_written: int
    memberships_removed: int

    def counts(self) -> dict[str, int]:
        return {
            "campaigns": len(self.campaign_ids),
            "new": self.plan.count("new"),
            "continued": self.plan.count("continued"),
            "revived": self.plan.count("revived"),
            "deactivated": len(self.plan.deactivated),
            "merges": sum(1 for lin in self.plan.lineage if lin.kind == "merge"),
            "splits": sum(1 for lin in self.plan.lineage if lin.kind == "split"),
            "memberships": self.memberships_written,
            "memberships_removed": self.memberships_removed,
        }


def read_previous(tx: ManagedTransaction) -> list[PreviousCampaign]:
    return [
        PreviousCampaign(
            campaign_id=r["campaign_id"],
            members=frozenset(r["members"]),
            active=bool(r["active"]),
            status=r["status"],
        )
        for r in tx.run(q("detection/previous_campaigns"))
    ]


def write_result(
    tx: ManagedTransaction, run_id: str, result: DetectionResult, params: TrackingParams | None = None
) -> PersistOutcome:
    """Match `result` to the campaigns in the graph and write it as the current result (uncommitted)."""
    previous = read_previous(tx)
    communities = [frozenset(c.members) for c in result.campaigns]
    plan = plan_identity(communities, previous, (p.campaign_id for p in previous), run_id, params)
    ids = [a.campaign_id for a in plan.assignments]

    upsert_campaigns(tx, run_id, ids, result.campaigns)
    written = write_memberships(tx, run_id, ids, result.campaigns)
    removed = prune_memberships(tx, run_id, ids)
    deactivate(tx, run_id, plan.deactivated)
    write_lineage(tx, run_id, plan)
    write_detected_in(tx, run_id, plan, result.campaigns)

    expected = sum(len(c.members) for c in result.campaigns)
    if written != expected:
        # Members the graph does not know (deleted meanwhile) are skipped rather than failing the run.
        log.warning("memberships skipped", run_id=run_id, expected=expected, written=written)
    sizes = {cid: len(c.members) for cid, c in zip(ids, result.campaigns, strict=True)}
    return PersistOutcome(plan, ids, sizes, written, removed)


def upsert_campaigns(
    tx: ManagedTransaction, run_id: str, ids: Sequence[str], campaigns: Sequence[CandidateCampaign]
) -> None:
    rows = [
        {
            "campaign_id": cid,
            "score": float(c.score),
            "features": json.dumps(c.features, sort_keys=True),
            "evidence": json.dumps([e.model_dump() for e in c.evidence]),
            "size": len(c.members),
            "capability": c.capability,
            "first_seen": c.first_seen,
            "last_seen": c.last_seen,
        }
        for cid, c in zip(ids, campaigns, strict=True)
    ]
    tx.run(q("detection/campaign_upsert"), rows=rows, run_id=run_id).consume()


def _membership_rows(ids: Sequence[str], campaigns: Sequence[CandidateCampaign]) -> Iterator[dict[str, Any]]:
    for cid, camp in zip(ids, campaigns, strict=True):
        for account_id in sorted(camp.members):
            yield {
                "account_id": account_id,
                "campaign_id": cid,
                "membership": float(camp.members[account_id]),
            }


def write_memberships(
    tx: ManagedTransaction, run_id: str, ids: Sequence[str], campaigns: Sequence[CandidateCampaign]
) -> int:
    written = 0
    batch: list[dict[str, Any]] = []
    for row in _membership_rows(ids, campaigns):
        batch.append(row)
        if len(batch) >= MEMBERSHIP_BATCH:
            written += _write_membership_batch(tx, run_id, batch)
            batch = []
    if batch:
        written += _write_membership_batch(tx, run_id, batch)
    return written


def _write_membership_batch(tx: ManagedTransaction, run_id: str, rows: list[dict[str, Any]]) -> int:
    record = tx.run(q("detection/membership_write"), rows=rows, run_id=run_id).single()
    return int(record["written"]) if record else 0


def prune_memberships(tx: ManagedTransaction, run_id: str, ids: Sequence[str]) -> int:
    record = tx.run(q("detection/membership_prune"), campaign_ids=list(ids), run_id=run_id).single()
    return int(record["removed"]) if record else 0


def deactivate(tx: ManagedTransaction, run_id: str, ids: Sequence[str]) -> None:
    if ids:
        tx.run(q("detection/campaign_deactivate"), campaign_ids=list(ids), run_id=run_id).consume()


def write_lineage(tx: ManagedTransaction, run_id: str, plan: IdentityPlan) -> None:
    rows = [
        {"child": lin.child, "parent": lin.parent, "kind": lin.kind, "overlap": lin.overlap}
        for lin in plan.lineage
    ]
    if rows:
        tx.run(q("detection/lineage_write"), rows=rows, run_id=run_id).consume()


def write_detected_in(
    tx: ManagedTransaction, run_id: str, plan: IdentityPlan, campaigns: Sequence[CandidateCampaign]
) -> None:
    rows = [
        {"campaign_id": a.campaign_id, "score": float(c.score), "size": len(c.members), "origin": a.origin}
        for a, c in zip(plan.assignments, campaigns, strict=True)
    ]
    if rows:
        tx.run(q("detection/detected_in_write"), rows=rows, run_id=run_id).consume()
