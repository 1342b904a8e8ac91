"""What community finding and scoring hand to persistence: the seam between `find` and `persist`.

`pipeline.find_campaigns` (projection, communities, scoring) returns a `DetectionResult`; `persist` matches
it against the previous run's campaigns (stable ids, lineage, analyst decisions), writes it atomically and
records the `DetectionRun`. Neither side needs the other's internals.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class EvidenceItem(BaseModel):
    """One shared entity that ties a campaign's accounts together, strongest first."""

    kind: str  # "instrument" | "ip" | "prefix" | "asn" | "template" | "email_domain" | "synchrony"
    key: str  # the entity's natural key (instrument_key, address, cidr, asn, template_id, domain)
    accounts: int  # how many of the campaign's accounts share it
    weight: float  # rarity weight used in the projection (higher = rarer = stronger)
    detail: str = ""  # human-readable note, e.g. "hosting ASN 14061", "template sent in 37 common hours"


class CandidateCampaign(BaseModel):
    """A community that passed scoring."""

    members: dict[str, float]  # account_id -> membership strength in [0, 1]
    score: float  # campaign score in [0, 1]
    features: dict[str, float]  # explainable features, name -> value (the score's breakdown)
    evidence: list[EvidenceItem] = Field(default_factory=list)
    capability: str = "other"  # dominant capability of its templates
    first_seen: str | None = None  # ISO 8601, earliest activity of its members
    last_seen: str | None = None


class DetectionResult(BaseModel):
    campaigns: list[CandidateCampaign]
    params: dict[str, object]  # every parameter that shaped the run (thresholds, weights, seeds)
    timings: dict[str, float]  # stage -> seconds (projection, similarity, communities, scoring, ...)
    graph: dict[str, int]  # sizes: accounts, entities, links, projected pairs, communities, ...
    metrics: dict[str, float] = Field(default_factory=dict)  # e.g. modularity
