"""Auto-attribution's database side: gathering label and reuse evidence and writing proposals, inside the
run's switch transaction. How evidence combines is `app.detection.algorithms.attribution`."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence

from neo4j import ManagedTransaction

from app.detection.algorithms.attribution import (
    AttributionOutcome,
    AttributionParams,
    Evidence,
    combine,
    label_confidence,
)
from app.platform.cypher import q


def gather(
    tx: ManagedTransaction, campaign_ids: Sequence[str], params: AttributionParams
) -> dict[str, list[Evidence]]:
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for r in tx.run(q("detection/attribution_labels"), campaign_ids=list(campaign_ids)):
        evidence[r["campaign_id"]].append(
            Evidence(
                kind=r["kind"],
                key=str(r["key"]),
                actor_id=r["actor_id"],
                confidence=label_confidence(r["confidence"]),
                accounts=frozenset(r["accounts"]),
                users=int(r["users"] or 0),
            )
        )
    # Reuse: start from the (few) analyst-attributed campaigns' characteristic entities, then find the
    # members of each campaign that use them: two linear passes instead of a walk out of every member.
    sources: dict[str, list[tuple[str, str, float, str, str]]] = defaultdict(list)
    for r in tx.run(
        q("detection/attribution_reuse_sources"),
        max_entity_users=params.max_entity_users,
        max_prefix_ips=params.max_prefix_ips,
        min_campaign_share=params.min_campaign_share,
    ):
        sources[r["eid"]].append(
            (r["other"], r["actor_id"], label_confidence(r["confidence"]), r["kind"], str(r["key"]))
        )
    if not sources:
        return evidence
    for r in tx.run(
        q("detection/attribution_reuse_members"), campaign_ids=list(campaign_ids), eids=sorted(sources)
    ):
        for other, actor_id, confidence, kind, key in sources[r["eid"]]:
            if other == r["campaign_id"]:
                continue
            evidence[r["campaign_id"]].append(
                Evidence(kind, key, actor_id, confidence, frozenset(r["accounts"]), via=other)
            )
    return evidence


def attribute(
    tx: ManagedTransaction, run_id: str, params: AttributionParams | None = None
) -> AttributionOutcome:
    """Propose attributions for every active, non-dismissed campaign (inside the switch transaction)."""
    params = params or AttributionParams()
    sizes = {r["campaign_id"]: int(r["size"]) for r in tx.run(q("detection/attribution_targets"))}
    ids = sorted(sizes)
    evidence = gather(tx, ids, params)
    proposals = [p for cid in ids for p in combine(cid, sizes[cid], evidence.get(cid, ()), params)]
    rows = [
        {
            "campaign_id": p.campaign_id,
            "actor_id": p.actor_id,
            "confidence": p.confidence,
            "evidence": json.dumps(p.evidence),
        }
        for p in proposals
    ]
    written = 0
    if rows:
        record = tx.run(q("detection/attribution_write"), rows=rows, run_id=run_id).single()
        written = int(record["written"]) if record else 0
    record = tx.run(q("detection/attribution_prune"), campaign_ids=ids, run_id=run_id).single()
    removed = int(record["removed"]) if record else 0
    return AttributionOutcome(written, removed, proposals)
