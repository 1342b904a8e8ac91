"""Attribution: which campaigns and actors stand behind an item, how confident, and on what evidence.

Campaign -> actor links are the `ATTRIBUTED_TO` edges (automatic proposals from detection, analysts'
confirmations and rejections). An analyst's decision always wins: a confirmed edge counts with
confidence 1 and ranks first, a rejected one never counts. Evidence paths are read from the graph at
question time, so they show what is true now, not what was true when the edge was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.domain.vocabulary import AttributionSource, AttributionStatus, DecisionKind
from app.platform.runner import AsyncQueryRunner, Row
from app.services.convert import evidence_items, to_datetime

KEY_PREFIX_LEN = 12  # how much of an instrument's keyed hash the API ever shows
EVIDENCE_LIMIT = 10  # labels and prior campaigns listed per campaign -> actor attribution


class ItemKind(StrEnum):
    ACCOUNT = "account"
    IP = "ip"
    INSTRUMENT = "instrument"
    TEMPLATE = "template"
    EMAIL_DOMAIN = "email_domain"


_LABEL = {
    "account": "Account",
    "ip": "IP",
    "prefix": "Prefix",
    "asn": "ASN",
    "instrument": "PaymentInstrument",
    "template": "PromptTemplate",
    "email_domain": "EmailDomain",
    "campaign": "Campaign",
    "actor": "Actor",
}
# How an account reaches an entity of each kind (Cypher pattern text, shown to analysts).
_FROM_ACCOUNT = {
    "ip": "-[:USED_IP]->",
    "prefix": "-[:USED_IP]->(:IP)-[:IN_PREFIX]->",
    "asn": "-[:USED_IP]->(:IP)-[:IN_ASN]->",
    "instrument": "-[:PAID_WITH]->",
    "template": "-[:SENT]->",
    "email_domain": "-[:HAS_EMAIL_DOMAIN]->",
}


@dataclass(frozen=True)
class PathNode:
    label: str
    key: str


@dataclass(frozen=True)
class EvidencePath:
    kind: str  # membership | shared_entity | analyst_decision | detection | label | prior_campaign
    summary: str
    nodes: list[PathNode]
    relationships: list[str]
    strength: float | None = None


@dataclass(frozen=True)
class ActorClaim:
    """One campaign -> actor edge as the API presents it."""

    campaign_id: str
    actor: Row
    confidence: float
    source: str
    status: str
    decided_by: str | None
    decided_at: datetime | None
    note: str | None


@dataclass
class CampaignHit:
    campaign: Row
    membership: float | None
    shared: int
    sample: list[str]
    claims: list[ActorClaim]
    item_evidence: list[EvidencePath]


@dataclass
class ActorVerdict:
    actor: Row
    confidence: float
    campaign_ids: list[str] = field(default_factory=list)
    labelled: bool = False
    confirmed: bool = False


@dataclass
class Attribution:
    kind: ItemKind
    key: str  # display key (instrument: prefix of its keyed hash)
    found: bool
    campaigns: list[CampaignHit]
    labels: list[Row]  # {actor, edge} of the item's own labels
    verdicts: list[ActorVerdict]
    scanned: int | None = None
    degree: int | None = None
    # Evidence per (campaign id, actor id), when the lookup read it in the same round trip.
    actor_evidence: dict[tuple[str, str], list[EvidencePath]] | None = None


def display_key(kind: str, key: str) -> str:
    return key[:KEY_PREFIX_LEN] if kind == "instrument" else key


def node(kind: str, key: str) -> PathNode:
    return PathNode(label=_LABEL.get(kind, kind), key=display_key(kind, key))


def claims_from(campaign_id: str, edges: list[Row]) -> list[ActorClaim]:
    """Non-rejected claims, analysts' confirmations first, then by confidence."""
    out = [
        ActorClaim(
            campaign_id=campaign_id,
            actor=e["actor"],
            confidence=1.0 if _confirmed(e["edge"]) else float(e["edge"].get("confidence") or 0.0),
            source=str(e["edge"].get("source") or AttributionSource.AUTO),
            status=str(e["edge"].get("status") or AttributionStatus.PROPOSED),
            decided_by=e["edge"].get("decided_by"),
            decided_at=to_datetime(e["edge"].get("decided_at")),
            note=e["edge"].get("decision_note"),
        )
        for e in edges
        if (e["edge"].get("status") or AttributionStatus.PROPOSED) != AttributionStatus.REJECTED
    ]
    out.sort(key=lambda c: (c.status != AttributionStatus.CONFIRMED, -c.confidence, c.actor["actor_id"]))
    return out


def _confirmed(edge: Row) -> bool:
    return (
        edge.get("status") == AttributionStatus.CONFIRMED and edge.get("source") == AttributionSource.ANALYST
    )


def item_paths(kind: ItemKind, key: str, hit: Row, entities: list[Row]) -> list[EvidencePath]:
    """The shared entities that tie the item to one campaign."""
    campaign = hit["campaign"]
    cid = campaign["campaign_id"]
    cnode = PathNode("Campaign", cid)
    if kind is ItemKind.ACCOUNT:
        membership = hit.get("membership")
        paths = [
            EvidencePath(
                kind="membership",
                summary=f"account is a member of {cid}"
                + (f" (membership {membership:.2f})" if membership is not None else ""),
                nodes=[node("account", key), cnode],
                relationships=["-[:IN_CAMPAIGN]->"],
                strength=membership,
            )
        ]
        mine = {(e["kind"], e["key"]) for e in entities}
        for ev in evidence_items(campaign.get("evidence")):
            if (ev["kind"], str(ev["key"])) not in mine or ev["kind"] not in _FROM_ACCOUNT:
                continue
            paths.append(
                EvidencePath(
                    kind="shared_entity",
                    summary=f"{ev['kind']} {display_key(ev['kind'], str(ev['key']))} is shared by "
                    f"{ev.get('accounts', '?')} of the campaign's accounts"
                    + (f" ({ev['detail']})" if ev.get("detail") else ""),
                    nodes=[node("account", key), node(ev["kind"], str(ev["key"])), cnode],
                    relationships=[_FROM_ACCOUNT[ev["kind"]], "<-[:SHARED_BY_MEMBERS]-"],
                    strength=float(ev.get("weight") or 0.0),
                )
            )
        return paths
    sample = [str(s) for s in hit.get("sample") or []]
    rel = _FROM_ACCOUNT[kind.value]
    via = sample[0] if sample else "?"
    return [
        EvidencePath(
            kind="shared_entity",
            summary=f"used by {hit['shared']} of the campaign's accounts"
            + (f" (e.g. {', '.join(sample)})" if sample else ""),
            nodes=[node(kind.value, key), node("account", via), cnode],
            relationships=[rel.replace("->", "-").replace("-[", "<-[", 1), "-[:IN_CAMPAIGN]->"],
            strength=float(hit["shared"]),
        )
    ]


def verdicts(campaigns: list[CampaignHit], labels: list[Row]) -> list[ActorVerdict]:
    """Actors behind the item: noisy-OR of every independent claim (campaign edges x membership, labels)."""
    by_actor: dict[str, ActorVerdict] = {}
    miss: dict[str, float] = {}

    def add(actor: Row, p: float) -> ActorVerdict:
        aid = actor["actor_id"]
        v = by_actor.setdefault(aid, ActorVerdict(actor=actor, confidence=0.0))
        miss[aid] = miss.get(aid, 1.0) * (1.0 - min(max(p, 0.0), 1.0))
        return v

    for hit in campaigns:
        weight = hit.membership if hit.membership is not None else 1.0
        for claim in hit.claims:
            v = add(claim.actor, claim.confidence * weight)
            v.campaign_ids.append(hit.campaign["campaign_id"])
            v.confirmed = v.confirmed or (
                claim.status == AttributionStatus.CONFIRMED and claim.source == AttributionSource.ANALYST
            )
    for label in labels:
        v = add(label["actor"], float(label["edge"].get("confidence") or 0.0))
        v.labelled = True
    for aid, v in by_actor.items():
        v.confidence = round(1.0 - miss[aid], 6)
    return sorted(by_actor.values(), key=lambda v: (not v.confirmed, -v.confidence, v.actor["actor_id"]))


async def lookup(
    graph: AsyncQueryRunner,
    kind: ItemKind,
    key: str,
    *,
    scan: int,
    entity_limit: int = 200,
    evidence_limit: int = EVIDENCE_LIMIT,
) -> Attribution:
    """One round trip: the item, its campaigns with their attribution edges, its labels. For an account
    (the hot path) also the evidence of each campaign -> actor attribution, asked for or not: an answer
    with evidence paths would otherwise need a second round trip (`actor_evidence`), and on the benchmark
    graph the combined query costs the database no more than the lookup alone did. (Its cost grows with
    the number of labels of the campaigns' actors, which the query scans to keep the strongest few.)"""
    inline_evidence = kind is ItemKind.ACCOUNT
    row = await graph.fetch_one_plain(
        f"api/attribution_{kind.value}",
        key=key,
        scan=scan,
        entity_limit=entity_limit,
        evidence_limit=evidence_limit,
    )
    if row is None:
        return Attribution(
            kind=kind, key=display_key(kind.value, key), found=False, campaigns=[], labels=[], verdicts=[]
        )
    hits = [
        CampaignHit(
            campaign=h["campaign"],
            membership=h.get("membership"),
            shared=int(h.get("shared") or 0),
            sample=list(h.get("sample") or []),
            claims=claims_from(h["campaign"]["campaign_id"], h["attributions"]),
            item_evidence=item_paths(kind, key, h, row["entities"]),
        )
        for h in row["campaigns"]
    ]
    hits.sort(key=lambda h: (-(h.membership or 0.0), -h.shared, h.campaign["campaign_id"]))
    labels = list(row["labels"])
    return Attribution(
        kind=kind,
        key=display_key(kind.value, key),
        found=True,
        campaigns=hits,
        labels=labels,
        verdicts=verdicts(hits, labels),
        scanned=row.get("scanned"),
        degree=row.get("degree"),
        actor_evidence=_inline_evidence(row["campaigns"], hits) if inline_evidence else None,
    )


def _inline_evidence(
    campaigns: list[Row], hits: list[CampaignHit]
) -> dict[tuple[str, str], list[EvidencePath]]:
    """The evidence read along with the attribution edges, as `actor_evidence` would have built it."""
    claims = {(c.campaign_id, c.actor["actor_id"]): c for h in hits for c in h.claims}
    out: dict[tuple[str, str], list[EvidencePath]] = {}
    for h in campaigns:
        cid = h["campaign"]["campaign_id"]
        for edge in h["attributions"]:
            pair = (cid, edge["actor"]["actor_id"])
            if pair in claims:  # rejected edges carry no evidence and are never shown
                row = {
                    "labels": edge["labels"],
                    "priors": edge["priors"],
                    "evidence": h["campaign"].get("evidence"),
                }
                out[pair] = _actor_paths(pair, row, claims[pair])
    return out


async def claims_by_campaigns(graph: AsyncQueryRunner, ids: list[str]) -> dict[str, list[ActorClaim]]:
    rows = await graph.fetch("api/attributions_by_campaigns", ids=ids)
    grouped: dict[str, list[Row]] = {i: [] for i in ids}
    for r in rows:
        grouped[r["campaign_id"]].append({"actor": r["actor"], "edge": r["edge"]})
    return {cid: claims_from(cid, edges) for cid, edges in grouped.items()}


async def actor_evidence(
    graph: AsyncQueryRunner,
    pairs: list[tuple[str, str]],
    claims: dict[tuple[str, str], ActorClaim],
    limit: int = EVIDENCE_LIMIT,
) -> dict[tuple[str, str], list[EvidencePath]]:
    """Evidence tying each campaign to each actor: decisions, labels on its accounts and infrastructure,
    and the actor's other campaigns that share this campaign's strongest entities."""
    rows = await graph.fetch(
        "api/attribution_evidence",
        pairs=[{"campaign_id": c, "actor_id": a} for c, a in pairs],
        limit=limit,
    )
    out: dict[tuple[str, str], list[EvidencePath]] = {p: [] for p in pairs}
    for r in rows:
        pair = (r["campaign_id"], r["actor_id"])
        out[pair] = _actor_paths(pair, r, claims.get(pair))
    return out


def _actor_paths(pair: tuple[str, str], row: Row, claim: ActorClaim | None) -> list[EvidencePath]:
    cid, aid = pair
    cnode, anode = PathNode("Campaign", cid), PathNode("Actor", aid)
    paths: list[EvidencePath] = []
    if claim is not None:
        who = f" by {claim.decided_by}" if claim.decided_by else ""
        when = f" at {claim.decided_at.isoformat()}" if claim.decided_at else ""
        paths.append(
            EvidencePath(
                kind="analyst_decision" if claim.source == AttributionSource.ANALYST else "detection",
                summary=(
                    f"{claim.status}{who}{when}"
                    if claim.source == AttributionSource.ANALYST
                    else f"proposed by detection with confidence {claim.confidence:.2f}"
                )
                + (f": {claim.note}" if claim.note else ""),
                nodes=[cnode, anode],
                relationships=[f"-[:ATTRIBUTED_TO {{source: '{claim.source}'}}]->"],
                strength=claim.confidence,
            )
        )
    for label in row["labels"]:
        kind, key, conf = label["kind"], str(label["key"]), float(label.get("confidence") or 0.0)
        note = f" ({label['note']})" if label.get("note") else ""
        if kind == "account":
            nodes = [cnode, PathNode("Account", key), anode]
            rels = ["<-[:IN_CAMPAIGN]-", "-[:LABELLED_AS]->"]
            summary = f"member account {key} is labelled as {aid}{note}"
        else:
            via = str(label.get("via") or "?")
            nodes = [cnode, PathNode("Account", via), PathNode(_LABEL[kind], key), anode]
            rels = ["<-[:IN_CAMPAIGN]-", _FROM_ACCOUNT[kind], "-[:LABELLED_AS]->"]
            summary = f"{kind} {key}, used by member account {via}, is labelled as {aid}{note}"
        paths.append(
            EvidencePath(kind="label", summary=summary, nodes=nodes, relationships=rels, strength=conf)
        )
    mine = {(e["kind"], str(e["key"])): e for e in evidence_items(row.get("evidence"))}
    for prior in row["priors"]:
        shared = [
            k
            for k in ((e["kind"], str(e["key"])) for e in evidence_items(prior.get("evidence")))
            if k in mine
        ]
        for kind, key in shared[:3]:
            paths.append(
                EvidencePath(
                    kind="prior_campaign",
                    summary=f"{kind} {display_key(kind, key)} is also strong evidence of "
                    f"{prior['campaign_id']}, attributed to {aid} "
                    f"({prior.get('status') or AttributionStatus.PROPOSED})",
                    nodes=[cnode, node(kind, key), PathNode("Campaign", prior["campaign_id"]), anode],
                    relationships=[
                        "<-[:SHARED_BY_MEMBERS]-",
                        "-[:SHARED_BY_MEMBERS]->",
                        "-[:ATTRIBUTED_TO]->",
                    ],
                    strength=float(prior.get("confidence") or 0.0),
                )
            )
    return paths


async def confirm(
    graph: AsyncQueryRunner, campaign_id: str, actor_id: str, by: str, note: str | None
) -> ActorClaim | None:
    return await _decide(
        graph, "api/attribution_confirm", DecisionKind.ATTRIBUTE, campaign_id, actor_id, by, note
    )


async def reject(
    graph: AsyncQueryRunner, campaign_id: str, actor_id: str, by: str, note: str | None
) -> ActorClaim | None:
    return await _decide(
        graph, "api/attribution_reject", DecisionKind.REJECT_ATTRIBUTION, campaign_id, actor_id, by, note
    )


async def _decide(
    graph: AsyncQueryRunner,
    name: str,
    kind: DecisionKind,
    campaign_id: str,
    actor_id: str,
    by: str,
    note: str | None,
) -> ActorClaim | None:
    """The edge as decided; the same transaction appends the decision to the campaign's case history."""
    row = await graph.fetch_one(
        name, campaign_id=campaign_id, actor_id=actor_id, kind=kind.value, by=by, note=note
    )
    if row is None:
        return None
    edge: dict[str, Any] = row["edge"]
    return ActorClaim(
        campaign_id=campaign_id,
        actor=row["actor"],
        confidence=float(edge.get("confidence") or 0.0),
        source=str(edge.get("source")),
        status=str(edge.get("status")),
        decided_by=edge.get("decided_by"),
        decided_at=to_datetime(edge.get("decided_at")),
        note=edge.get("decision_note"),
    )
