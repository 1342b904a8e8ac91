"""Per-request DataLoaders: fields of many objects that need the same kind of row share one query."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from app.platform.runner import AsyncQueryRunner, Row
from app.services import actors, attribution, campaigns, entities
from app.services.attribution import ActorClaim, EvidencePath

Pair = tuple[str, str]


@dataclass
class Loaders:
    campaign: DataLoader[str, Row | None]
    actor: DataLoader[str, Row | None]
    account: DataLoader[str, Row | None]
    claims: DataLoader[str, list[ActorClaim]]
    evidence: DataLoader[Pair, list[EvidencePath]]


def build_loaders(graph: AsyncQueryRunner) -> Loaders:
    async def load_campaigns(ids: list[str]) -> Sequence[Row | None]:
        found = await campaigns.by_ids(graph, ids)
        return [found.get(i) for i in ids]

    async def load_actors(ids: list[str]) -> Sequence[Row | None]:
        found = await actors.by_ids(graph, ids)
        return [found.get(i) for i in ids]

    async def load_accounts(ids: list[str]) -> Sequence[Row | None]:
        found = await entities.accounts_by_ids(graph, ids)
        return [found.get(i) for i in ids]

    async def load_claims(ids: list[str]) -> Sequence[list[ActorClaim]]:
        found = await attribution.claims_by_campaigns(graph, ids)
        return [found.get(i, []) for i in ids]

    async def load_evidence(pairs: list[Pair]) -> Sequence[list[EvidencePath]]:
        # The claims were loaded (and cached) by whoever asked for the attribution in the first place.
        claim_lists = await claims_loader.load_many(list({c for c, _ in pairs}))
        claims = {(c.campaign_id, c.actor["actor_id"]): c for cl in claim_lists for c in cl}
        found = await attribution.actor_evidence(graph, pairs, claims)
        return [found.get(p, []) for p in pairs]

    claims_loader: DataLoader[str, list[ActorClaim]] = DataLoader(load_fn=load_claims)
    return Loaders(
        campaign=DataLoader(load_fn=load_campaigns),
        actor=DataLoader(load_fn=load_actors),
        account=DataLoader(load_fn=load_accounts),
        claims=claims_loader,
        evidence=DataLoader(load_fn=load_evidence),
    )
