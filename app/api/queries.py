"""The Query root: thin resolvers that validate arguments, call a service and shape the answer."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.context import Info
from app.api.errors import InvalidInputError
from app.api.fields import resolver
from app.api.pagination import decode_cursor, decode_seq_cursor, page_size
from app.api.permissions import IsAdmin, IsViewer
from app.api.types.actors import Actor
from app.api.types.alerts import AlertEventConnection, Watch
from app.api.types.attribution import AttributionResult
from app.api.types.audit import AuditEntry
from app.api.types.campaigns import (
    Campaign,
    CampaignConnection,
    CampaignEdge,
    CampaignSortField,
    CampaignWhere,
)
from app.api.types.common import Connection, PageInfo, PathNode, SortDirection, connection
from app.api.types.console import Me, Model
from app.api.types.entities import (
    ENTITY_SCAN,
    IP,
    SUPERNODE_DEGREE,
    Account,
    AccountPath,
    Instrument,
    Template,
    instrument_of,
    ip_of,
    load_neighbourhood,
)
from app.api.types.runs import DetectionRun
from app.domain.alerts import EventType
from app.domain.email_domain import canonical_email_domain
from app.domain.instrument import instrument_key
from app.domain.ip import canonical_ip
from app.services import actors as actor_service
from app.services import alerts as alert_service
from app.services import attribution as attribution_service
from app.services import campaigns as campaign_service
from app.services import entities as entity_service
from app.services import runs as run_service
from app.services.attribution import ItemKind
from app.services.campaigns import CampaignFilter
from app.services.convert import to_datetime
from app.services.entities import NeighbourhoodKind
from loaders.mining.normalise import TEXT_MAX_CHARS, skeleton, template_id

# Pasted prompt text matches templates whose masked text begins with this much of its skeleton (near
# duplicates were merged under one canonical text, so an exact match is not guaranteed).
PROMPT_HEAD_CHARS = 48

MAX_PATH_LENGTH = 8  # hops; bounded by the quantifier in cypher/api/path_accounts.cypher


def _ip(text: str) -> str:
    try:
        return canonical_ip(text).address
    except ValueError as exc:
        raise InvalidInputError(f"not an IP address: {text[:64]!r}") from exc


def _email_domain(text: str) -> str:
    try:
        return canonical_email_domain(text)
    except ValueError as exc:
        raise InvalidInputError(f"not a domain name: {text[:64]!r}") from exc


@strawberry.input
class CampaignSort:
    field: CampaignSortField = CampaignSortField.SCORE
    direction: SortDirection = SortDirection.DESC


@strawberry.type
class Query:
    @resolver(permission_classes=[IsViewer], description="Campaigns: filter, sort, page (Relay).")
    async def campaigns(
        self,
        info: Info,
        where: CampaignWhere | None = None,
        sort: CampaignSort | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> CampaignConnection:
        flt = where.to_filter() if where else CampaignFilter()
        order = sort or CampaignSort()
        skip, limit = decode_cursor(after), page_size(first, info.context.settings.api_max_page_size)
        # One extra row tells whether a next page exists without counting everything.
        rows = await campaign_service.page(
            info.context.graph, flt, order.field.value, order.direction is SortDirection.DESC, skip, limit + 1
        )
        nodes = [Campaign.of(r) for r in rows[:limit]]
        page = connection(nodes, skip, skip + len(rows))
        return CampaignConnection(
            edges=[CampaignEdge(cursor=e.cursor, node=e.node) for e in page.edges],
            page_info=PageInfo(
                has_next_page=len(rows) > limit,
                has_previous_page=skip > 0,
                start_cursor=page.page_info.start_cursor,
                end_cursor=page.page_info.end_cursor,
            ),
            where=flt,
        )

    @resolver(permission_classes=[IsViewer])
    async def campaign(self, info: Info, id: strawberry.ID) -> Campaign | None:
        row = await info.context.loaders.campaign.load(str(id))
        return Campaign.of(row) if row else None

    @resolver(
        permission_classes=[IsViewer],
        description="The campaigns and actors behind exactly one item, with confidence and evidence paths. "
        "`instrument` takes the raw token; it is hashed with the server key and never echoed.",
    )
    async def attribution(
        self,
        info: Info,
        account: strawberry.ID | None = None,
        ip: str | None = None,
        instrument: str | None = None,
        template: strawberry.ID | None = None,
        email_domain: str | None = None,
    ) -> AttributionResult:
        given = {
            ItemKind.ACCOUNT: account,
            ItemKind.IP: ip,
            ItemKind.INSTRUMENT: instrument,
            ItemKind.TEMPLATE: template,
            ItemKind.EMAIL_DOMAIN: email_domain,
        }
        chosen = [(k, str(v)) for k, v in given.items() if v is not None]
        if len(chosen) != 1:
            raise InvalidInputError("give exactly one of account, ip, instrument, template, emailDomain")
        kind, key = chosen[0]
        if kind is ItemKind.IP:
            key = _ip(key)
        elif kind is ItemKind.INSTRUMENT:
            key = instrument_key(key, info.context.settings.hash_key())
        elif kind is ItemKind.EMAIL_DOMAIN:
            key = _email_domain(key)
        result = await attribution_service.lookup(info.context.graph, kind, key, scan=ENTITY_SCAN)
        # Later fields (campaign.attribution, evidence) reuse what this one round trip already read.
        for hit in result.campaigns:
            info.context.loaders.claims.prime(hit.campaign["campaign_id"], hit.claims)
        for pair, paths in (result.actor_evidence or {}).items():
            info.context.loaders.evidence.prime(pair, paths)
        return AttributionResult.of(result, key)

    @resolver(permission_classes=[IsViewer])
    async def account(self, info: Info, id: strawberry.ID) -> Account | None:
        row = await info.context.loaders.account.load(str(id))
        return Account.of(row) if row else None

    @resolver(permission_classes=[IsViewer])
    async def ip(self, info: Info, address: str, first: int | None = None) -> IP | None:
        row = await load_neighbourhood(info, NeighbourhoodKind.IP, _ip(address), first)
        return ip_of(row) if row else None

    @resolver(
        permission_classes=[IsViewer],
        description="Look up by the raw instrument token: hashed with the server key, never stored/echoed.",
    )
    async def instrument(self, info: Info, id: str, first: int | None = None) -> Instrument | None:
        key = instrument_key(id, info.context.settings.hash_key())
        row = await load_neighbourhood(info, NeighbourhoodKind.INSTRUMENT, key, first)
        return instrument_of(row) if row else None

    @resolver(permission_classes=[IsViewer])
    async def template(self, info: Info, id: strawberry.ID) -> Template | None:
        row = await load_neighbourhood(info, NeighbourhoodKind.TEMPLATE, str(id), 1)
        return Template.of(row["node"]) if row else None

    @resolver(
        permission_classes=[IsViewer],
        description="Shortest evidence path between two accounts through shared entities (no supernodes).",
    )
    async def path(
        self,
        info: Info,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        max_length: int = MAX_PATH_LENGTH,
    ) -> AccountPath | None:
        if not 1 <= max_length <= MAX_PATH_LENGTH:
            raise InvalidInputError(f"maxLength must be between 1 and {MAX_PATH_LENGTH}")
        if str(from_) == str(to):
            raise InvalidInputError("from and to must differ")
        row = await entity_service.shortest_path(
            info.context.graph, str(from_), str(to), max_length, SUPERNODE_DEGREE
        )
        if row is None:
            return None
        return AccountPath(
            length=len(row["relationships"]),
            nodes=[PathNode(label=n["label"], key=str(n["key"])) for n in row["nodes"]],
            relationships=list(row["relationships"]),
        )

    @resolver(permission_classes=[IsViewer], description="Detection runs, newest first.")
    async def detection_runs(
        self, info: Info, status: str | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[DetectionRun]:
        skip, limit = decode_cursor(after), page_size(first, info.context.settings.api_max_page_size)
        total, rows = await run_service.page(info.context.graph, status, skip, limit)
        return connection([DetectionRun.of(r) for r in rows], skip, total)

    @resolver(permission_classes=[IsViewer])
    async def detection_run(self, info: Info, id: strawberry.ID) -> DetectionRun | None:
        row = await run_service.get(info.context.graph, str(id))
        return DetectionRun.of(row) if row else None

    @resolver(
        permission_classes=[IsViewer], description="Actors by name; `search` matches names and aliases."
    )
    async def actors(
        self, info: Info, search: str | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[Actor]:
        skip, limit = decode_cursor(after), page_size(first, info.context.settings.api_max_page_size)
        total, rows = await actor_service.page(info.context.graph, search, skip, limit)
        return connection([Actor.of(r) for r in rows], skip, total)

    @resolver(permission_classes=[IsViewer])
    async def actor(self, info: Info, id: strawberry.ID) -> Actor | None:
        row = await info.context.loaders.actor.load(str(id))
        return Actor.of(row) if row else None

    @resolver(permission_classes=[IsViewer], description="The caller's key: name and role.")
    async def me(self, info: Info) -> Me:
        principal = info.context.principal
        assert principal is not None  # IsViewer let the request through
        return Me(key_id=principal.key_id, name=principal.name, role=principal.role.value)

    @resolver(
        permission_classes=[IsViewer],
        description="Templates matching pasted prompt text: masked the way the loader masks prompts, then "
        "matched by template id, by text, or by the beginning of the text.",
    )
    async def templates_by_text(self, info: Info, text: str, first: int | None = None) -> list[Template]:
        skel = skeleton(text)
        if not skel:
            raise InvalidInputError("give some prompt text")
        limit = page_size(first, info.context.settings.api_max_page_size, 10)
        head = skel[:PROMPT_HEAD_CHARS] if len(skel) >= PROMPT_HEAD_CHARS // 2 else ""
        rows = await entity_service.templates_by_text(
            info.context.graph, template_id(skel), skel[:TEXT_MAX_CHARS], head, limit
        )
        return [Template.of(r) for r in rows]

    @resolver(permission_classes=[IsViewer], description="Models by first request on the platform.")
    async def models(self, info: Info) -> list[Model]:
        rows = await entity_service.models(info.context.graph)
        return [Model(name=str(r["name"]), first_seen=to_datetime(r["first_seen"])) for r in rows]

    @resolver(
        permission_classes=[IsViewer],
        description="Alert events after a cursor, oldest first: the feed webhooks are sent from.",
    )
    async def events(
        self,
        info: Info,
        after: str | None = None,
        first: int | None = None,
        types: list[EventType] | None = None,
        campaign_id: strawberry.ID | None = None,
    ) -> AlertEventConnection:
        seq, limit = decode_seq_cursor(after), page_size(first, info.context.settings.api_max_page_size)
        rows = await alert_service.events_after(
            info.context.graph,
            seq,
            limit + 1,
            types=list(types) if types else None,
            campaign_id=None if campaign_id is None else str(campaign_id),
        )
        return AlertEventConnection.of(rows, limit, after is not None)

    @resolver(permission_classes=[IsViewer], description="Watched entities, newest first.")
    async def watches(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Watch]:
        skip, limit = decode_cursor(after), page_size(first, info.context.settings.api_max_page_size)
        total, rows = await alert_service.watches(info.context.graph, skip, limit)
        return connection([Watch.of(r) for r in rows], skip, total)

    @resolver(permission_classes=[IsAdmin], description="The audit trail, newest first (admins only).")
    async def audit_log(
        self,
        info: Info,
        key_name: str | None = None,
        operation_type: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[AuditEntry]:
        skip, limit = decode_cursor(after), page_size(first, info.context.settings.api_max_page_size)
        matching = (
            e
            for e in info.context.audit.entries()
            if (key_name is None or e.get("key_name") == key_name)
            and (operation_type is None or e.get("operation_type") == operation_type)
        )
        window: list[AuditEntry] = []
        seen = 0
        for entry in matching:
            if skip <= seen < skip + limit:
                window.append(AuditEntry.of(entry))
            seen += 1
        return connection(window, skip, seen)
