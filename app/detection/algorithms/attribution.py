"""Auto-attribution (BRIEF §5): propose an actor for a campaign from labels and infrastructure reuse.

Evidence comes in two shapes:
- a *label path*: a member account, or an IP / instrument / ASN / email domain / template a member used,
  is `LABELLED_AS` the actor with a confidence;
- *reuse*: members share IPs, /24-/48 prefixes, instruments or templates with another campaign that an
  analyst attributed to the actor (only analyst-set or confirmed attributions propagate, so proposals
  never breed proposals and the result does not depend on the order campaigns are processed).

Each evidence *group* g (one entity kind of labels for the actor, or one other campaign for reuse) gives
    p_g = c_g * max(min(1, coverage_g / full_coverage), support_g) [* reuse_discount for reuse]
where coverage_g is the share of the campaign's members reached by the group, c_g the coverage-weighted
mean label confidence (for reuse: the other campaign's attribution confidence), and support_g the best
label's (1 - 0.5^members reached) x (share of the labelled entity's users that are members): a label on
an account or on infrastructure the campaign has to itself carries through membership. The
groups combine by noisy-OR, P(actor) = 1 - prod_g (1 - p_g), and an attribution is proposed when
P >= threshold. Analyst decisions win: analyst-set, confirmed and rejected (campaign, actor) pairs are
never written, so a rejected pair is not proposed again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_LABEL_CONFIDENCE = 1.0  # a label row without a confidence is an analyst's plain assertion


class AttributionParams(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    threshold: float = Field(default=0.3, ge=0.0, le=1.0, description="minimum combined confidence")
    full_coverage: float = Field(
        default=0.2, gt=0.0, le=1.0, description="share of members at which one group counts in full"
    )
    reuse_discount: float = Field(default=0.8, ge=0.0, le=1.0, description="reuse is indirect evidence")
    max_entity_users: int = Field(
        default=20_000, ge=2, description="reuse: entities used more widely are noise"
    )
    min_campaign_share: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="reuse: share of an entity's users that are campaign accounts",
    )
    max_prefix_ips: int = Field(default=256, ge=1)
    max_evidence: int = Field(default=20, ge=1, description="evidence items stored per attribution")


@dataclass(frozen=True)
class Evidence:
    kind: str  # account | ip | instrument | asn | email_domain | template | prefix (reuse adds `via`)
    key: str
    actor_id: str
    confidence: float  # of the label, or of the other campaign's attribution
    accounts: frozenset[str]  # the campaign's members it reaches
    via: str | None = None  # reuse: the other campaign
    users: int = 0  # labels: accounts using the labelled entity platform-wide (1 for an account label)

    @property
    def exclusivity(self) -> float:
        """Share of the labelled entity's users that are the campaign's members: a labelled card only the
        campaign uses speaks for it; a labelled carrier NAT a few members passed through does not. 0 for
        reuse, which is judged by coverage."""
        if self.via is not None or self.users <= 0:
            return 0.0
        return min(1.0, len(self.accounts) / self.users)

    @property
    def group(self) -> str:
        return f"campaign:{self.via}" if self.via else f"label:{self.kind}"


def _support(group: Sequence[Evidence], reached: frozenset[str]) -> float:
    """How much a group of labels says about the whole campaign however few members it reaches: each
    member reached halves the doubt, scaled by the best label's exclusivity."""
    return (1.0 - 0.5 ** len(reached)) * max(e.exclusivity for e in group)


@dataclass
class Proposal:
    campaign_id: str
    actor_id: str
    confidence: float
    evidence: list[dict[str, object]] = field(default_factory=list)


def combine(
    campaign_id: str, size: int, items: Iterable[Evidence], params: AttributionParams
) -> list[Proposal]:
    """Noisy-OR of coverage-weighted evidence groups, per actor; proposals at or above the threshold."""
    by_actor: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        by_actor[item.actor_id][item.group].append(item)
    proposals = []
    for actor_id, groups in by_actor.items():
        miss = 1.0
        scored: list[tuple[float, Evidence]] = []
        for group in groups.values():
            reached = frozenset().union(*(e.accounts for e in group))
            weight_sum = sum(len(e.accounts) for e in group)
            conf = sum(e.confidence * len(e.accounts) for e in group) / weight_sum if weight_sum else 0.0
            coverage = len(reached) / size if size else 0.0
            # A label carries through membership: a labelled account or an entity the campaign has to
            # itself speaks for the campaign even when it reaches few members (a fragmented campaign, a
            # label on one card of many); otherwise the share of members reached decides.
            support = _support(group, reached)
            p = conf * max(min(1.0, coverage / params.full_coverage), support)
            if group[0].via:
                p *= params.reuse_discount
            miss *= 1.0 - min(1.0, max(0.0, p))
            scored.extend((p * len(e.accounts) / max(1, len(reached)), e) for e in group)
        confidence = round(1.0 - miss, 4)
        if confidence < params.threshold:
            continue
        scored.sort(key=lambda t: (-t[0], t[1].kind, t[1].key))
        evidence = [_describe(e, size) for _, e in scored[: params.max_evidence]]
        proposals.append(Proposal(campaign_id, actor_id, confidence, evidence))
    return sorted(proposals, key=lambda p: (-p.confidence, p.actor_id))


def _describe(e: Evidence, size: int) -> dict[str, object]:
    reached = f"{len(e.accounts)}/{size} members"
    if e.via:
        path = f"{reached} share {e.kind} {e.key} with campaign {e.via}, attributed to {e.actor_id}"
    elif e.kind == "account":
        path = f"member account {e.key} labelled {e.actor_id}"
    else:
        path = f"{reached} used {e.kind} {e.key}, labelled {e.actor_id}"
    out: dict[str, object] = {
        "kind": e.kind,
        "key": e.key,
        "actor_id": e.actor_id,
        "confidence": round(e.confidence, 4),
        "accounts": len(e.accounts),
        "path": f"{path} ({e.confidence:.2f})",
    }
    if e.via:
        out["campaign_id"] = e.via
    return out


@dataclass(frozen=True)
class AttributionOutcome:
    proposed: int
    removed: int
    proposals: list[Proposal]


def label_confidence(value: float | None) -> float:
    """A label's confidence clamped to [0, 1]; a label without one is an analyst's plain assertion."""
    if value is None:
        return DEFAULT_LABEL_CONFIDENCE
    return min(1.0, max(0.0, float(value)))
