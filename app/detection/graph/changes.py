"""What changed since the last run, and the campaigns an incremental run carries over as they were.

Loaders stamp the accounts a batch creates, and the links to an IP, instrument, template or e-mail domain
it creates, with the batch id, in the batch's own transaction (`loaders/graph.py`), and each `LoadBatch`
marker stays *pending* until a successful run takes it in: `consume` runs inside that run's switch
transaction. A run reads the pending batch ids first and their accounts second, so a batch committing in
between is simply left for the next run; a failed run consumes nothing. No clocks are compared, so concurrent
loads and skewed hosts cannot hide a change.

A changed account is one whose pairs the new data can change: a new account, or one with a new link to an
entity that pairs it with someone, by the projection's own rules (at least two users, none above the
family's supernode cut-off at the platform's current size). Most new links go to an entity only their
account uses, or to one every account uses (a popular prompt, a carrier NAT): neither gives a pair, and
counting them made a tenth of new data touch a sixth of the platform.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from neo4j import ManagedTransaction

from app.detection.algorithms.model import CandidateCampaign, EvidenceItem
from app.detection.algorithms.params import DetectionParams
from app.detection.graph.projection import family_limits
from app.platform.cypher import q
from app.platform.runner import SyncRunner


def pending_batches(runner: SyncRunner) -> list[str]:
    return [str(r["batch_id"]) for r in runner.run("detection/changes_pending")]


def changed_accounts(
    runner: SyncRunner, batch_ids: Sequence[str], params: DetectionParams | None = None
) -> list[str]:
    """Accounts the batches can change the pairs of (see the module doc), under `params`' families."""
    if not batch_ids:
        return []
    # The count alone (the cut-offs scale with it), not the platform's medians: those read every account.
    rows = runner.run("detection/account_total")
    accounts = int(rows[0]["accounts"]) if rows else 0
    fam, template_max_degree = family_limits(params or DetectionParams(), accounts)
    rows = runner.run(
        "detection/changes_accounts",
        batch_ids=list(batch_ids),
        fam=fam,
        template_max_degree=template_max_degree,
    )
    return [str(a) for a in rows[0]["accounts"]] if rows else []


def consume(tx: ManagedTransaction, run_id: str, batch_ids: Sequence[str]) -> int:
    if not batch_ids:
        return 0
    record = tx.run(q("detection/changes_consume"), batch_ids=list(batch_ids), run_id=run_id).single()
    return int(record["consumed"]) if record else 0


def carried_campaigns(runner: SyncRunner, campaign_ids: Sequence[str]) -> list[CandidateCampaign]:
    """Campaigns as the last run wrote them, in the result's form, so the switch keeps them as they are."""
    if not campaign_ids:
        return []
    out = []
    for r in runner.run("detection/campaigns_carried", campaign_ids=list(campaign_ids)):
        out.append(
            CandidateCampaign(
                members={
                    str(a): float(m if m is not None else 1.0)
                    for a, m in zip(r["accounts"], r["memberships"], strict=True)
                },
                score=float(r["score"] or 0.0),
                features=json.loads(r["features"]) if r["features"] else {},
                evidence=[EvidenceItem.model_validate(e) for e in json.loads(r["evidence"] or "[]")],
                capability=str(r["capability"] or "other"),
                first_seen=r["first_seen"],
                last_seen=r["last_seen"],
            )
        )
    return out
