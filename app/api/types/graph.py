"""A campaign as a bounded node-link drawing: what the analyst console renders on its canvas."""

from __future__ import annotations

import strawberry

from app.api.types.actors import Label
from app.platform.runner import Row
from app.services.attribution import display_key

# Bounds keep one drawing within what a WebGL canvas lays out in well under a second: a few thousand
# elements at most, whatever the campaign's size.
DEFAULT_ACCOUNTS, MAX_ACCOUNTS = 500, 2000
DEFAULT_ENTITIES, MAX_ENTITIES = 150, 500
MAX_EDGES = 5000
# An entity used by more accounts than this platform-wide (a popular template, a carrier NAT) would tie
# every member to one point; it is drawn as one counted node with a few sample edges instead.
SUPERNODE_DEGREE = 1000
SUPERNODE_EDGES = 10
# The members beyond the bound become one counted node, linked to this many of the strongest entities.
OVERFLOW_LINKS = 3

_KIND = {"USED_IP": "ip", "PAID_WITH": "instrument", "SENT": "template", "HAS_EMAIL_DOMAIN": "email_domain"}


@strawberry.type(description="A node of a drawing: an account, a shared entity or collapsed accounts.")
class GraphNode:
    id: strawberry.ID = strawberry.field(description="Unique in the drawing: `<kind>:<key>`.")
    kind: str = strawberry.field(
        description="account | ip | instrument | template | email_domain | more (collapsed accounts)"
    )
    key: str = strawberry.field(description="Natural key; for payment instruments only a key prefix.")
    detail: str | None
    count: int = strawberry.field(
        description="Accounts behind the node: 1 for an account, platform-wide users for an entity, "
        "hidden members for `more`."
    )
    shared_accounts: int = strawberry.field(description="Drawn campaign accounts linked to it.")
    strength: float | None = strawberry.field(description="Evidence strength of a shared entity.")
    membership: float | None
    supernode: bool = strawberry.field(description="Linked to so many accounts its edges are sampled.")
    labels: list[Label]


@strawberry.type
class GraphEdge:
    source: strawberry.ID
    target: strawberry.ID
    kind: str


@strawberry.type(description="A bounded drawing of a campaign, strongest evidence first.")
class CampaignGraph:
    total_accounts: int
    shown_accounts: int
    truncated: bool = strawberry.field(description="Members, entities or edges were left out by the bounds.")
    nodes: list[GraphNode]
    edges: list[GraphEdge]


def _labels(rows: list[Row], kind: str, key: str) -> list[Label]:
    return [Label.of(kind, key, r["actor"]["actor_id"], r["edge"]) for r in rows]


def build_graph(row: Row) -> CampaignGraph:
    accounts, entities = list(row["accounts"]), list(row["entities"])
    total = int(row["total_accounts"])
    nodes: list[GraphNode] = []
    edges: list[GraphEdge] = []
    truncated = False
    for a in accounts:
        key = str(a["key"])
        nodes.append(
            GraphNode(
                id=strawberry.ID(f"account:{key}"),
                kind="account",
                key=key,
                detail=a.get("detail"),
                count=1,
                shared_accounts=1,
                strength=None,
                membership=a.get("membership"),
                supernode=False,
                labels=_labels(a.get("labels") or [], "account", key),
            )
        )
    # Entities arrive strongest first, so when the edge budget runs out it is weak evidence that goes.
    for e in entities:
        kind = _KIND.get(str(e["rel"]), str(e["rel"]).lower())
        full_key = str(e["key"])
        key = display_key(kind, full_key)
        node_id = strawberry.ID(f"{kind}:{key}")
        users = [str(u) for u in e["users"]]
        degree = int(e["degree"])
        supernode = degree > SUPERNODE_DEGREE
        nodes.append(
            GraphNode(
                id=node_id,
                kind=kind,
                key=key,
                detail=e.get("detail"),
                count=degree,
                shared_accounts=len(users),
                strength=float(e["strength"]),
                membership=None,
                supernode=supernode,
                labels=_labels(e.get("labels") or [], kind, full_key),
            )
        )
        drawn = users[:SUPERNODE_EDGES] if supernode else users
        room = MAX_EDGES - len(edges)
        if len(drawn) > room:
            drawn, truncated = drawn[:room], True
        edges.extend(
            GraphEdge(source=strawberry.ID(f"account:{u}"), target=node_id, kind=kind) for u in drawn
        )
    hidden = total - len(accounts)
    if hidden > 0:
        truncated = True
        more = strawberry.ID("more:accounts")
        nodes.append(
            GraphNode(
                id=more,
                kind="more",
                key=f"+{hidden} accounts",
                detail="members beyond the drawing's bound",
                count=hidden,
                shared_accounts=hidden,
                strength=None,
                membership=None,
                supernode=True,
                labels=[],
            )
        )
        entity_ids = [n.id for n in nodes if n.kind not in ("account", "more")][:OVERFLOW_LINKS]
        edges.extend(GraphEdge(source=more, target=t, kind="more") for t in entity_ids)
    return CampaignGraph(
        total_accounts=total,
        shown_accounts=len(accounts),
        truncated=truncated,
        nodes=nodes,
        edges=edges,
    )
