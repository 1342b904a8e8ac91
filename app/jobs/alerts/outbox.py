"""The transactional outbox: a run's events are written in the run's own switch transaction.

`raise_events` is called by the runner inside the switch, after the campaigns and attributions are
written and before the run is marked succeeded. It reads what the switch changed, asks `derive` which
events that makes, and writes them as `:AlertEvent` nodes together with one pending `:AlertDelivery` per
subscribed webhook and the new announced state. All of it commits with the run or not at all: a failed
run raises nothing, and a committed event cannot be lost before the deliverer picks it up.

Cursor order: events take consecutive numbers from one counter node, inside the switch, and runs never
overlap (the detection lock), so a reader of `events(after:)` never sees a later number commit before an
earlier one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from neo4j import ManagedTransaction

from app.detection.algorithms.attribution import AttributionOutcome
from app.detection.graph.persist import PersistOutcome
from app.jobs.alerts.derive import (
    AlertRules,
    AttributionState,
    CampaignState,
    Derived,
    Draft,
    WatchHit,
    derive,
)
from app.platform.cypher import q
from app.platform.logging import get_logger
from app.platform.settings import Settings
from app.services.convert import parse_json

log = get_logger(__name__)


@dataclass(frozen=True)
class RaisedEvents:
    events: int
    deliveries: int
    by_type: dict[str, int]


def rules_from(settings: Settings) -> AlertRules:
    return AlertRules(
        growth=settings.alert_growth,
        confidence_change=settings.alert_confidence_change,
        console_url=settings.alert_console_url,
    )


def raise_events(
    tx: ManagedTransaction,
    run_id: str,
    outcome: PersistOutcome,
    attributed: AttributionOutcome,
    settings: Settings,
) -> RaisedEvents:
    """Derive and write this run's events inside the switch transaction `tx` (uncommitted)."""
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    campaigns = _campaign_states(tx, outcome)
    seconds["campaigns"] = time.perf_counter() - t
    t = time.perf_counter()
    attributions = _attribution_states(tx, attributed)
    seconds["attributions"] = time.perf_counter() - t
    t = time.perf_counter()
    hits = _watch_hits(tx)
    seconds["watches"] = time.perf_counter() - t
    t = time.perf_counter()
    derived = derive(run_id, campaigns, attributions, hits, rules_from(settings))
    raised = write(tx, run_id, derived)
    seconds["write"] = time.perf_counter() - t
    log.info(
        "alerts raised",
        run_id=run_id,
        events=raised.events,
        deliveries=raised.deliveries,
        **raised.by_type,
        **{f"t_{k}": round(v, 3) for k, v in seconds.items()},
    )
    return raised


def write(tx: ManagedTransaction, run_id: str, derived: Derived) -> RaisedEvents:
    deliveries = 0
    if derived.events:
        record = tx.run(q("alerts/sequence_reserve"), count=len(derived.events)).single()
        first = int(record["first"]) if record else 1
        now = datetime.now(UTC).isoformat()
        rows = [_event_row(run_id, d, first + i, now) for i, d in enumerate(derived.events)]
        record = tx.run(q("alerts/events_write"), rows=rows, run_id=run_id).single()
        deliveries = int(record["deliveries"] or 0) if record else 0
    if derived.sizes:
        rows_sizes = [{"campaign_id": c, "size": s} for c, s in sorted(derived.sizes.items())]
        tx.run(q("alerts/campaign_announce"), rows=rows_sizes).consume()
    if derived.confidences:
        rows_conf = [{"campaign_id": c, "actor_id": a, "confidence": f} for c, a, f in derived.confidences]
        tx.run(q("alerts/attribution_announce"), rows=rows_conf).consume()
    if derived.seen:
        rows_seen = [{"watch_id": w, "campaign_id": c} for w, c in derived.seen]
        tx.run(q("alerts/watch_announce"), rows=rows_seen, run_id=run_id).consume()
    by_type: dict[str, int] = {}
    for d in derived.events:
        by_type[d.type.value] = by_type.get(d.type.value, 0) + 1
    return RaisedEvents(len(derived.events), deliveries, by_type)


def body_of(draft: Draft, run_id: str, seq: int, created_at: str) -> str:
    """The exact bytes every webhook receives for this event (signed as they are): fixed at raise time."""
    payload: dict[str, Any] = {
        "id": draft.event_id,
        "type": draft.type.value,
        "sequence": seq,
        "created_at": created_at,
        "run_id": run_id,
        "campaign_id": draft.campaign_id,
        "link": draft.link,
        "summary": draft.summary,
        "data": draft.data,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"))


def _event_row(run_id: str, draft: Draft, seq: int, created_at: str) -> dict[str, Any]:
    return {
        "event_id": draft.event_id,
        "seq": seq,
        "type": draft.type.value,
        "campaign_id": draft.campaign_id,
        "summary": draft.summary,
        "link": draft.link,
        "data": json.dumps(draft.data, sort_keys=True),
        "body": body_of(draft, run_id, seq, created_at),
        "created_at": created_at,
    }


def _campaign_states(tx: ManagedTransaction, outcome: PersistOutcome) -> list[CampaignState]:
    merged: dict[str, list[str]] = {}
    split: dict[str, list[str]] = {}
    for lin in outcome.plan.lineage:
        (merged if lin.kind == "merge" else split).setdefault(lin.child, []).append(lin.parent)
    origins = {a.campaign_id: a.origin for a in outcome.plan.assignments}
    rows = {
        r["campaign_id"]: r for r in tx.run(q("alerts/campaign_states"), campaign_ids=outcome.campaign_ids)
    }
    out: list[CampaignState] = []
    for cid in outcome.campaign_ids:
        r = rows.get(cid)
        if r is None:
            continue
        announced = r["announced_size"]
        out.append(
            CampaignState(
                campaign_id=cid,
                origin=origins.get(cid, "continued"),
                size=outcome.sizes.get(cid, 0),
                announced_size=None if announced is None else int(announced),
                status=str(r["status"]),
                score=float(r["score"]),
                capability=r["capability"],
                evidence=_dicts(parse_json(r["evidence"], [])),
                merged_from=sorted(merged.get(cid, [])),
                split_from=sorted(split.get(cid, [])),
            )
        )
    return out


def _attribution_states(tx: ManagedTransaction, attributed: AttributionOutcome) -> list[AttributionState]:
    # The graph answers for the proposals, because analyst-held pairs among them were not written.
    pairs = [{"campaign_id": p.campaign_id, "actor_id": p.actor_id} for p in attributed.proposals]
    if not pairs:
        return []
    return [
        AttributionState(
            campaign_id=r["campaign_id"],
            actor_id=r["actor_id"],
            confidence=float(r["confidence"] or 0.0),
            announced=None if r["announced"] is None else float(r["announced"]),
            evidence=_dicts(parse_json(r["evidence"], [])),
        )
        for r in tx.run(q("alerts/attribution_states"), pairs=pairs)
    ]


def _watch_hits(tx: ManagedTransaction) -> list[WatchHit]:
    return [
        WatchHit(
            watch_id=r["watch_id"],
            kind=r["kind"],
            key=str(r["key"]),
            campaign_id=r["campaign_id"],
            accounts=int(r["accounts"]),
            sample=[str(s) for s in r["sample"]],
        )
        for r in tx.run(q("alerts/watch_hits"))
    ]


def _dicts(value: Any) -> Sequence[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
