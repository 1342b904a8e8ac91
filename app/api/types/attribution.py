"""The answer to "who is behind this item?": campaigns, actors, confidence and evidence paths."""

from __future__ import annotations

import strawberry

from app.api.types.actors import Actor, Label
from app.api.types.campaigns import ActorAttribution, Campaign
from app.api.types.common import EvidencePath
from app.services.attribution import Attribution, CampaignHit, ItemKind


def _belonging(hit: CampaignHit) -> float:
    if hit.membership is not None:
        return float(hit.membership)
    size = hit.campaign.get("size") or 0
    return min(1.0, hit.shared / size) if size else 0.0


@strawberry.type(description="One campaign behind the item, with how the item ties to it and its actors.")
class CampaignAttribution:
    campaign: Campaign
    confidence: float = strawberry.field(
        description="How surely the item belongs to the campaign: an account's membership; for a shared "
        "entity, the share of the campaign's accounts using it."
    )
    membership: float | None = strawberry.field(description="For an account: its membership strength.")
    shared_accounts: int = strawberry.field(description="For a shared entity: campaign accounts using it.")
    item_evidence: list[EvidencePath] = strawberry.field(
        description="Paths from the item to the campaign (membership, shared entities)."
    )
    actors: list[ActorAttribution] = strawberry.field(
        description="The campaign's actors: analysts' confirmations first, rejected ones left out."
    )


@strawberry.type(description="An actor behind the item, all evidence combined (noisy-OR).")
class ActorVerdict:
    actor: Actor
    confidence: float
    campaign_ids: list[strawberry.ID]
    labelled: bool = strawberry.field(description="The item itself carries a label for this actor.")
    confirmed: bool = strawberry.field(description="An analyst confirmed a campaign attribution to it.")


@strawberry.type(description="Who is behind an item.")
class AttributionResult:
    kind: str
    key: str = strawberry.field(
        description="The item's key (an instrument: its keyed-hash prefix, never the token)."
    )
    found: bool
    campaigns: list[CampaignAttribution]
    actors: list[ActorVerdict]
    labels: list[Label] = strawberry.field(description="Labels on the item itself.")
    scanned_accounts: int | None = strawberry.field(
        description="For shared entities: accounts scanned (bounded, so supernodes stay cheap)."
    )
    account_count: int | None

    @classmethod
    def of(cls, a: Attribution, full_key: str) -> AttributionResult:
        return cls(
            kind=a.kind.value,
            key=a.key,
            found=a.found,
            campaigns=[
                CampaignAttribution(
                    campaign=Campaign.of(h.campaign),
                    confidence=_belonging(h),
                    membership=h.membership,
                    shared_accounts=h.shared,
                    item_evidence=[EvidencePath.of(p) for p in h.item_evidence],
                    actors=[ActorAttribution.of(c) for c in h.claims],
                )
                for h in a.campaigns
            ],
            actors=[
                ActorVerdict(
                    actor=Actor.of(v.actor),
                    confidence=v.confidence,
                    campaign_ids=[strawberry.ID(c) for c in v.campaign_ids],
                    labelled=v.labelled,
                    confirmed=v.confirmed,
                )
                for v in a.verdicts
            ],
            labels=[
                Label.of(a.kind.value, full_key, lab["actor"]["actor_id"], lab["edge"]) for lab in a.labels
            ],
            scanned_accounts=a.scanned,
            account_count=a.degree if a.kind is not ItemKind.ACCOUNT else None,
        )
