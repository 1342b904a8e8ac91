"""Accounts, IPs, payment instruments and prompt templates, each with its neighbourhood."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.api.context import Info
from app.api.fields import resolver
from app.api.pagination import page_size
from app.api.types.actors import Label
from app.api.types.campaigns import Campaign
from app.api.types.common import PathNode
from app.platform.runner import Row
from app.services import entities as entity_service
from app.services.attribution import KEY_PREFIX_LEN
from app.services.convert import to_datetime
from app.services.entities import NeighbourhoodKind

# Entities linked to more accounts than this are not followed when linking accounts (supernodes).
SUPERNODE_DEGREE = 1000
# How many accounts of one entity are scanned for campaigns (a carrier-NAT IP may have thousands).
ENTITY_SCAN = 5000


def _labels(rows: list[Row], kind: str, key: str) -> list[Label]:
    return [Label.of(kind, key, r["actor"]["actor_id"], r["edge"]) for r in rows]


@strawberry.type
class EntityCampaign:
    campaign: Campaign
    shared_accounts: int | None = strawberry.field(description="Campaign accounts using this entity.")
    membership: float | None = None


@strawberry.type(description="An entity an account links to (instruments by key prefix).")
class LinkedEntity:
    kind: str
    key: str
    detail: str | None
    requests: int | None
    first_seen: datetime | None
    last_seen: datetime | None
    degree: int = strawberry.field(description="Accounts linked to this entity platform-wide.")
    prefix: str | None = None
    asn: int | None = None

    @classmethod
    def of(cls, kind: str, r: Row) -> LinkedEntity:
        return cls(
            kind=kind,
            key=str(r["key"]),
            detail=r.get("detail"),
            requests=r.get("requests"),
            first_seen=to_datetime(r.get("first_seen")),
            last_seen=to_datetime(r.get("last_seen")),
            degree=int(r.get("degree") or 0),
            prefix=r.get("prefix"),
            asn=r.get("asn"),
        )


@strawberry.type
class AccountNeighbourhood:
    ips: list[LinkedEntity]
    instruments: list[LinkedEntity]
    templates: list[LinkedEntity]
    email_domains: list[LinkedEntity]
    campaigns: list[EntityCampaign]
    labels: list[Label]


@strawberry.type
class LinkedAccount:
    account_id: strawberry.ID
    shared_entities: int
    kinds: list[str]


@strawberry.type(description="A platform account with its usage.")
class Account:
    id: strawberry.ID
    created_at: datetime | None
    email_domain: str | None
    country: str | None
    plan: str | None
    org_id: str | None
    signup_channel: str | None
    status: str | None
    requests: int | None
    input_tokens: int | None
    output_tokens: int | None
    first_seen: datetime | None
    last_seen: datetime | None

    @classmethod
    def of(cls, row: Row) -> Account:
        return cls(
            id=strawberry.ID(row["account_id"]),
            created_at=to_datetime(row.get("created_at")),
            email_domain=row.get("email_domain"),
            country=row.get("country"),
            plan=row.get("plan"),
            org_id=row.get("org_id"),
            signup_channel=row.get("signup_channel"),
            status=row.get("status"),
            requests=row.get("requests"),
            input_tokens=row.get("input_tokens"),
            output_tokens=row.get("output_tokens"),
            first_seen=to_datetime(row.get("first_seen")),
            last_seen=to_datetime(row.get("last_seen")),
        )

    @resolver(description="IPs, instruments, templates, email domain, campaigns and labels (each bounded).")
    async def neighbourhood(self, info: Info, first: int | None = None) -> AccountNeighbourhood:
        limit = page_size(first, info.context.settings.api_max_page_size, 50)
        row = await entity_service.account_neighbourhood(info.context.graph, str(self.id), limit) or {}
        return AccountNeighbourhood(
            ips=[LinkedEntity.of("ip", r) for r in row.get("ips", [])],
            instruments=[LinkedEntity.of("instrument", r) for r in row.get("instruments", [])],
            templates=[LinkedEntity.of("template", r) for r in row.get("templates", [])],
            email_domains=[LinkedEntity.of("email_domain", r) for r in row.get("email_domains", [])],
            campaigns=[
                EntityCampaign(
                    campaign=Campaign.of(c["campaign"]), shared_accounts=None, membership=c["membership"]
                )
                for c in row.get("campaigns", [])
            ],
            labels=_labels(row.get("labels", []), "account", str(self.id)),
        )

    @resolver(description="Accounts sharing non-supernode entities with this one, most shared first.")
    async def linked_accounts(self, info: Info, first: int | None = None) -> list[LinkedAccount]:
        limit = page_size(first, info.context.settings.api_max_page_size)
        rows = await entity_service.linked_accounts(info.context.graph, str(self.id), limit, SUPERNODE_DEGREE)
        return [
            LinkedAccount(
                account_id=strawberry.ID(r["account_id"]),
                shared_entities=int(r["shared"]),
                kinds=list(r["kinds"]),
            )
            for r in rows
        ]


@strawberry.type(description="Who uses an entity: accounts (bounded), campaigns among them, labels.")
class EntityNeighbourhood:
    account_count: int
    account_ids: strawberry.Private[list[str]]
    campaigns: list[EntityCampaign]
    labels: list[Label]

    @resolver(description="The first accounts using it, by id.")
    async def accounts(self, info: Info) -> list[Account]:
        rows = await info.context.loaders.account.load_many(self.account_ids)
        return [Account.of(r) for r in rows if r is not None]


def _neighbourhood(row: Row, kind: str, key: str) -> EntityNeighbourhood:
    return EntityNeighbourhood(
        account_count=int(row["degree"]),
        account_ids=list(row["accounts"]),
        campaigns=[
            EntityCampaign(campaign=Campaign.of(c["campaign"]), shared_accounts=int(c["shared"]))
            for c in row["campaigns"]
        ],
        labels=_labels(row["labels"], kind, key),
    )


async def load_neighbourhood(info: Info, kind: NeighbourhoodKind, key: str, first: int | None) -> Row | None:
    limit = page_size(first, info.context.settings.api_max_page_size)
    return await entity_service.neighbourhood(info.context.graph, kind, key, limit, ENTITY_SCAN)


@strawberry.type
class Asn:
    asn: int
    org: str | None


@strawberry.type(description="An IP address with its prefix, ASN and neighbourhood.")
class IP:
    address: str
    version: int | None
    ip_type: str | None
    prefix: str | None
    asn: Asn | None
    neighbourhood: EntityNeighbourhood


@strawberry.type(
    description="A payment instrument, known only by its keyed hash; the API shows a prefix of it."
)
class Instrument:
    key_prefix: str
    instrument_type: str | None
    bin: str | None
    issuer_country: str | None
    neighbourhood: EntityNeighbourhood


@strawberry.type(description="A prompt template mined from the request log (text masked and truncated).")
class Template:
    id: strawberry.ID
    text: str | None
    capability: str | None
    requests: int | None
    accounts: int | None

    @classmethod
    def of(cls, row: Row) -> Template:
        return cls(
            id=strawberry.ID(row["template_id"]),
            text=row.get("text"),
            capability=row.get("capability"),
            requests=row.get("requests"),
            accounts=row.get("accounts"),
        )

    @resolver(description="Accounts sending it (bounded), campaigns among them, labels.")
    async def neighbourhood(self, info: Info, first: int | None = None) -> EntityNeighbourhood | None:
        row = await load_neighbourhood(info, NeighbourhoodKind.TEMPLATE, str(self.id), first)
        return _neighbourhood(row, "template", str(self.id)) if row else None


def ip_of(row: Row) -> IP:
    node, asn = row["node"], row.get("asn")
    return IP(
        address=str(node["address"]),
        version=node.get("version"),
        ip_type=node.get("ip_type"),
        prefix=row.get("prefix"),
        asn=Asn(asn=int(asn["asn"]), org=asn.get("org")) if asn else None,
        neighbourhood=_neighbourhood(row, "ip", str(node["address"])),
    )


def instrument_of(row: Row) -> Instrument:
    node = row["node"]
    key = str(node["instrument_key"])
    return Instrument(
        key_prefix=key[:KEY_PREFIX_LEN],
        instrument_type=node.get("instrument_type"),
        bin=None if node.get("bin") is None else str(node["bin"]),
        issuer_country=node.get("issuer_country"),
        neighbourhood=_neighbourhood(row, "instrument", key),
    )


@strawberry.type(description="A shortest evidence path between two accounts through shared entities.")
class AccountPath:
    length: int
    nodes: list[PathNode]
    relationships: list[str]
