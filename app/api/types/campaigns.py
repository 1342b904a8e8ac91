"""Campaigns: score and features, members, infrastructure, templates, timeline, lineage, attribution."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from app.api.context import Info
from app.api.fields import resolver
from app.api.pagination import decode_cursor, page_size
from app.api.types import graph as drawing
from app.api.types.actors import Actor
from app.api.types.common import Connection, EvidencePath, PageInfo, connection
from app.api.types.graph import CampaignGraph
from app.domain.vocabulary import CONTRIBUTION, CampaignStatus, DecisionKind
from app.platform.runner import Row
from app.services import campaigns as campaign_service
from app.services.attribution import ActorClaim, display_key
from app.services.campaigns import CampaignFilter, SharedKind
from app.services.convert import evidence_items, parse_json, to_datetime

if TYPE_CHECKING:
    from app.api.types.entities import Account, Template

AccountRef = Annotated["Account", strawberry.lazy("app.api.types.entities")]
TemplateRef = Annotated["Template", strawberry.lazy("app.api.types.entities")]


# The graph's own vocabulary is the GraphQL enum: one list of statuses, not two.
strawberry.enum(CampaignStatus)
strawberry.enum(DecisionKind)


def _status(value: Any) -> CampaignStatus:
    try:
        return CampaignStatus(value)
    except ValueError:
        return CampaignStatus.CANDIDATE


@strawberry.type(description="An analyst's decision on a campaign.")
class Decision:
    status: CampaignStatus
    decided_by: str | None
    decided_at: datetime | None
    note: str | None


@strawberry.type(
    description="One entry of a campaign's case history: an analyst's decision, kept as it was made."
)
class DecisionRecord:
    id: strawberry.ID
    kind: DecisionKind
    decided_by: str | None
    decided_at: datetime | None
    note: str | None
    status: CampaignStatus | None = strawberry.field(description="The status set (confirm, dismiss).")
    actor: Actor | None = strawberry.field(description="Attributed, rejected or labelled as (if it exists).")
    actor_id: strawberry.ID | None
    entity: str | None = strawberry.field(description="The labelled entity's kind (label).")
    entity_key: str | None = strawberry.field(
        description="The labelled entity's key; for a payment instrument only a key prefix."
    )
    confidence: float | None = strawberry.field(description="The label's confidence (label).")
    source: str | None = strawberry.field(description="The label's source (label).")

    @classmethod
    def of(cls, row: Row) -> DecisionRecord:
        actor = row.get("actor")
        entity, key = row.get("entity"), row.get("entity_key")
        status = row.get("status")
        return cls(
            id=strawberry.ID(str(row["decision_id"])),
            kind=DecisionKind(row["kind"]),
            decided_by=row.get("by"),
            decided_at=to_datetime(row.get("at")),
            note=row.get("note"),
            status=_status(status) if status is not None else None,
            actor=Actor.of(actor) if actor else None,
            actor_id=strawberry.ID(row["actor_id"]) if row.get("actor_id") is not None else None,
            entity=None if entity is None else str(entity),
            entity_key=None if key is None else display_key(str(entity), str(key)),
            confidence=row.get("confidence"),
            source=row.get("source"),
        )


@strawberry.type(description="One explainable feature of the campaign score.")
class Feature:
    name: str
    value: float
    contribution: float | None = strawberry.field(
        default=None,
        description="What this feature added to the score's log-odds (weight x value); none for a feature "
        "that is reported but not scored.",
    )


@strawberry.type(description="A shared entity recorded by detection as evidence (instruments by key prefix).")
class StoredEvidence:
    kind: str
    key: str
    accounts: int | None
    weight: float | None
    detail: str | None


@strawberry.type(description="An entity shared by a campaign's accounts, ranked by evidence strength.")
class SharedEntity:
    kind: str
    key: str = strawberry.field(description="Natural key; for payment instruments only a key prefix.")
    detail: str | None
    shared_accounts: int = strawberry.field(description="How many of the campaign's accounts use it.")
    degree: int = strawberry.field(description="How many accounts (prefix/ASN: IPs) use it platform-wide.")
    strength: float = strawberry.field(
        description="shared x log((N+1)/(degree+1)): rare and shared = strong."
    )


@strawberry.type
class CampaignTemplate:
    template: TemplateRef
    shared_accounts: int
    requests: int
    degree: int
    strength: float


@strawberry.type
class CapabilityShare:
    capability: str
    requests: int
    share: float
    templates: int
    accounts: int


@strawberry.type
class DayCount:
    day: date
    requests: int


@strawberry.type
class LineageLink:
    campaign_id: strawberry.ID
    kind: str | None
    overlap: float | None
    run_id: str | None


@strawberry.type(description="Merges and splits across detection runs.")
class Lineage:
    derived_from: list[LineageLink]
    derived_into: list[LineageLink]


@strawberry.type
class CampaignMember:
    account: AccountRef
    membership: float | None
    run_id: str | None


@strawberry.type(description="A campaign -> actor attribution: automatic proposal or analyst decision.")
class ActorAttribution:
    campaign_id: strawberry.ID
    actor: Actor
    confidence: float
    source: str = strawberry.field(description="auto | analyst")
    status: str = strawberry.field(description="proposed | confirmed (rejected ones are not listed)")
    decided_by: str | None
    decided_at: datetime | None
    note: str | None

    @classmethod
    def of(cls, claim: ActorClaim) -> ActorAttribution:
        return cls(
            campaign_id=strawberry.ID(claim.campaign_id),
            actor=Actor.of(claim.actor),
            confidence=claim.confidence,
            source=claim.source,
            status=claim.status,
            decided_by=claim.decided_by,
            decided_at=claim.decided_at,
            note=claim.note,
        )

    @resolver(description="Why: the analyst's decision, labelled entities, prior campaigns of the actor.")
    async def evidence(self, info: Info) -> list[EvidencePath]:
        paths = await info.context.loaders.evidence.load((str(self.campaign_id), str(self.actor.id)))
        return [EvidencePath.of(p) for p in paths]


def _cap(info: Info, first: int | None, default: int = 20) -> int:
    return page_size(first, info.context.settings.api_max_page_size, default)


@strawberry.type(description="Infrastructure and identity entities shared by a campaign's accounts.")
class Infrastructure:
    campaign_id: strawberry.Private[str]

    async def _shared(self, info: Info, kind: SharedKind, first: int | None) -> list[SharedEntity]:
        rows = await campaign_service.shared_entities(
            info.context.graph, self.campaign_id, kind, _cap(info, first)
        )
        return [
            SharedEntity(
                kind=kind.value,
                key=str(r["key"]),
                detail=None if r["detail"] is None else str(r["detail"]),
                shared_accounts=int(r["shared"]),
                degree=int(r["degree"]),
                strength=float(r["strength"]),
            )
            for r in rows
        ]

    @strawberry.field
    async def ips(self, info: Info, first: int | None = None) -> list[SharedEntity]:
        return await self._shared(info, SharedKind.IP, first)

    @strawberry.field
    async def prefixes(self, info: Info, first: int | None = None) -> list[SharedEntity]:
        return await self._shared(info, SharedKind.PREFIX, first)

    @strawberry.field
    async def asns(self, info: Info, first: int | None = None) -> list[SharedEntity]:
        return await self._shared(info, SharedKind.ASN, first)

    @resolver(description="Payment instruments, shown only by the prefix of their keyed hash.")
    async def instruments(self, info: Info, first: int | None = None) -> list[SharedEntity]:
        return await self._shared(info, SharedKind.INSTRUMENT, first)

    @strawberry.field
    async def email_domains(self, info: Info, first: int | None = None) -> list[SharedEntity]:
        return await self._shared(info, SharedKind.EMAIL_DOMAIN, first)


@strawberry.type(description="A candidate or decided distillation campaign.")
class Campaign:
    id: strawberry.ID
    status: CampaignStatus
    score: float | None
    size: int | None
    capability: str | None
    first_seen: datetime | None
    last_seen: datetime | None
    active: bool
    created_run: str | None
    last_run: str | None
    decision: Decision | None
    features: list[Feature] = strawberry.field(description="The score's breakdown.")
    evidence: list[StoredEvidence] = strawberry.field(
        description="Strongest shared entities, from detection."
    )

    @classmethod
    def of(cls, row: Row) -> Campaign:
        features = parse_json(row.get("features"), {})
        decided = row.get("decided_by") is not None or row.get("decided_at") is not None
        return cls(
            id=strawberry.ID(row["campaign_id"]),
            status=_status(row.get("status")),
            score=row.get("score"),
            size=row.get("size"),
            capability=row.get("capability"),
            first_seen=to_datetime(row.get("first_seen")),
            last_seen=to_datetime(row.get("last_seen")),
            active=bool(row.get("active", False)),
            created_run=row.get("created_run"),
            last_run=row.get("last_run"),
            decision=Decision(
                status=_status(row.get("status")),
                decided_by=row.get("decided_by"),
                decided_at=to_datetime(row.get("decided_at")),
                note=row.get("decision_note"),
            )
            if decided
            else None,
            features=_features(features) if isinstance(features, dict) else [],
            evidence=[
                StoredEvidence(
                    kind=str(e["kind"]),
                    key=display_key(str(e["kind"]), str(e["key"])),
                    accounts=e.get("accounts"),
                    weight=e.get("weight"),
                    detail=e.get("detail"),
                )
                for e in evidence_items(row.get("evidence"))
            ],
        )

    @resolver(description="Member accounts, strongest membership first.")
    async def members(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[CampaignMember]:
        from app.api.types.entities import Account

        skip, limit = decode_cursor(after), _cap(info, first)
        total, rows = await campaign_service.members(info.context.graph, str(self.id), skip, limit)
        nodes = [
            CampaignMember(account=Account.of(r["account"]), membership=r["membership"], run_id=r["run_id"])
            for r in rows
        ]
        return connection(nodes, skip, total)

    @resolver(
        description="The case history: every analyst decision on this campaign (confirm, dismiss, attribute, "
        "reject an attribution, label an entity from it), newest first; kept across detection runs."
    )
    async def history(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[DecisionRecord]:
        skip, limit = decode_cursor(after), _cap(info, first)
        total, rows = await campaign_service.history(info.context.graph, str(self.id), skip, limit)
        return connection([DecisionRecord.of(r) for r in rows], skip, total)

    @strawberry.field
    def infrastructure(self) -> Infrastructure:
        return Infrastructure(campaign_id=str(self.id))

    @resolver(description="Prompt templates ranked by evidence strength.")
    async def templates(self, info: Info, first: int | None = None) -> list[CampaignTemplate]:
        from app.api.types.entities import Template

        rows = await campaign_service.templates(info.context.graph, str(self.id), _cap(info, first))
        return [
            CampaignTemplate(
                template=Template.of(r["template"]),
                shared_accounts=int(r["shared"]),
                requests=int(r["requests"]),
                degree=int(r["degree"]),
                strength=float(r["strength"]),
            )
            for r in rows
        ]

    @resolver(description="Requests per template capability.")
    async def capability_profile(self, info: Info) -> list[CapabilityShare]:
        rows = await campaign_service.capabilities(info.context.graph, str(self.id))
        total = sum(int(r["requests"]) for r in rows) or 1
        return [
            CapabilityShare(
                capability=str(r["capability"]),
                requests=int(r["requests"]),
                share=int(r["requests"]) / total,
                templates=int(r["templates"]),
                accounts=int(r["accounts"]),
            )
            for r in rows
        ]

    @resolver(description="Requests per UTC day.")
    async def timeline(self, info: Info) -> list[DayCount]:
        rows = await campaign_service.timeline(info.context.graph, str(self.id))
        return [DayCount(day=r["day"].to_native(), requests=int(r["requests"])) for r in rows]

    @strawberry.field
    async def lineage(self, info: Info) -> Lineage:
        row = await campaign_service.lineage(info.context.graph, str(self.id))

        def links(items: list[Row]) -> list[LineageLink]:
            return [
                LineageLink(
                    campaign_id=strawberry.ID(i["campaign_id"]),
                    kind=i.get("kind"),
                    overlap=i.get("overlap"),
                    run_id=i.get("run_id"),
                )
                for i in items
            ]

        return Lineage(derived_from=links(row["parents"]), derived_into=links(row["children"]))

    @resolver(
        description="A bounded drawing for the console: the strongest members and the entities they share "
        "(strongest first), supernodes with sampled edges, members beyond the bound as one counted node."
    )
    async def graph(
        self, info: Info, max_accounts: int | None = None, max_entities: int | None = None
    ) -> CampaignGraph:
        accounts = min(max(max_accounts or drawing.DEFAULT_ACCOUNTS, 1), drawing.MAX_ACCOUNTS)
        entities = min(max(max_entities or drawing.DEFAULT_ENTITIES, 1), drawing.MAX_ENTITIES)
        row = await campaign_service.graph(info.context.graph, str(self.id), accounts, entities)
        if row is None:
            return CampaignGraph(total_accounts=0, shown_accounts=0, truncated=False, nodes=[], edges=[])
        return drawing.build_graph(row)

    @resolver(description="Actors this campaign is attributed to; analysts' confirmations first.")
    async def attribution(self, info: Info) -> list[ActorAttribution]:
        claims = await info.context.loaders.claims.load(str(self.id))
        return [ActorAttribution.of(c) for c in claims]


@strawberry.input
class CampaignWhere:
    status_in: list[CampaignStatus] | None = None
    min_score: float | None = None
    max_score: float | None = None
    capability: str | None = None
    active: bool | None = None
    min_size: int | None = None
    actor_id: strawberry.ID | None = None

    def to_filter(self) -> CampaignFilter:
        return CampaignFilter(
            statuses=[s.value for s in self.status_in] if self.status_in is not None else None,
            min_score=self.min_score,
            max_score=self.max_score,
            capability=self.capability,
            active=self.active,
            min_size=self.min_size,
            actor_id=str(self.actor_id) if self.actor_id is not None else None,
        )


@strawberry.enum
class CampaignSortField(Enum):
    SCORE = "score"
    SIZE = "size"
    FIRST_SEEN = "first_seen"
    LAST_SEEN = "last_seen"
    ID = "campaign_id"


@strawberry.type
class StatusCount:
    status: CampaignStatus
    count: int


@strawberry.type(description="Aggregates over every campaign matching the filter (not only this page).")
class CampaignAggregate:
    count: int
    by_status: list[StatusCount]
    min_score: float | None
    max_score: float | None
    avg_score: float | None
    total_accounts: int = strawberry.field(description="Sum of campaign sizes.")


@strawberry.type
class CampaignEdge:
    cursor: str
    node: Campaign


@strawberry.type(description="Campaigns as a Relay connection with totalCount and aggregates.")
class CampaignConnection:
    edges: list[CampaignEdge]
    page_info: PageInfo
    where: strawberry.Private[CampaignFilter]
    _aggregate: strawberry.Private[asyncio.Future[Row] | None] = None

    async def _agg(self, info: Info) -> Row:
        # totalCount and aggregate come from one query, run at most once per connection.
        if self._aggregate is None:
            self._aggregate = asyncio.ensure_future(
                campaign_service.aggregate(info.context.graph, self.where)
            )
        return await self._aggregate

    @strawberry.field
    async def total_count(self, info: Info) -> int:
        return int((await self._agg(info))["total"])

    @strawberry.field
    async def aggregate(self, info: Info) -> CampaignAggregate:
        row = await self._agg(info)
        return CampaignAggregate(
            count=int(row["total"]),
            by_status=[StatusCount(status=s, count=int(row.get(s.value) or 0)) for s in CampaignStatus],
            min_score=row.get("min_score"),
            max_score=row.get("max_score"),
            avg_score=row.get("avg_score"),
            total_accounts=int(row.get("accounts") or 0),
        )


def _features(stored: dict[str, object]) -> list[Feature]:
    """Stored features with each scored one's contribution (kept as `contribution.<name>`) beside it."""
    contrib = {
        k.removeprefix(CONTRIBUTION): float(v)
        for k, v in stored.items()
        if k.startswith(CONTRIBUTION) and isinstance(v, int | float)
    }
    return sorted(
        (
            Feature(name=str(k), value=float(v), contribution=contrib.get(k))
            for k, v in stored.items()
            if not k.startswith(CONTRIBUTION) and isinstance(v, int | float)
        ),
        key=lambda f: f.name,
    )
