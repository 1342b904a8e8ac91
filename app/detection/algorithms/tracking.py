"""Stable campaign identity: which of a run's communities continue which campaigns already in the graph.

Pure logic over account-id sets, no database: `persist` reads the previous campaigns, asks `plan_identity`
who is who, and writes the answer. Rules (docs/detection.md, "Stable identity"):

- A community keeps a campaign's id when their memberships overlap by Jaccard >= `keep_jaccard`, or when
  they are each other's only significant overlap and the smaller one lies mostly inside the other
  (a campaign that grew or shrank). One id per community and one community per id, best overlap first.
- Previous campaigns that are no longer active are matched too, so a dismissed benign cluster that comes
  back is recognised (and stays dismissed) instead of reappearing as a new candidate.
- Every other significant overlap with a previously active campaign becomes lineage: `split` when that
  campaign's accounts went to several communities (or it lives on elsewhere), `merge` when the community
  gathers several previous campaigns.
- New ids are derived from the members, so the same input gives the same ids on any database.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.domain.vocabulary import DECIDED_CAMPAIGN_STATUSES as DECIDED


class TrackingParams(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    keep_jaccard: float = Field(default=0.5, gt=0.0, le=1.0, description="Jaccard that keeps an id")
    keep_containment: float = Field(
        default=0.5,
        gt=0.0,
        le=1.0,
        description="one-to-one pairs: share of the smaller side that keeps an id",
    )
    lineage_overlap: float = Field(
        default=0.3, gt=0.0, le=1.0, description="share of the smaller side that makes an overlap significant"
    )
    min_shared_accounts: int = Field(default=2, ge=1)


@dataclass(frozen=True)
class PreviousCampaign:
    campaign_id: str
    members: frozenset[str]
    active: bool
    status: str = "candidate"


@dataclass(frozen=True)
class Assignment:
    campaign_id: str
    origin: Literal["continued", "revived", "new"]
    jaccard: float = 0.0  # overlap with the campaign it continues (0 for new ids)


@dataclass(frozen=True)
class Lineage:
    child: str
    parent: str
    kind: Literal["merge", "split"]
    overlap: float  # share of the parent's accounts that went into the child


@dataclass
class IdentityPlan:
    assignments: list[Assignment]  # same order as the communities
    deactivated: list[str]  # previously active campaigns not found in this run
    lineage: list[Lineage] = field(default_factory=list)

    def count(self, origin: str) -> int:
        return sum(1 for a in self.assignments if a.origin == origin)


@dataclass(frozen=True)
class _Pair:
    new: int
    prev: int
    shared: int
    jaccard: float
    smaller_share: float  # shared / min(|new|, |prev|)
    prev_share: float  # shared / |prev|


def campaign_id_for(members: Iterable[str], taken: Iterable[str] | set[str], run_id: str) -> str:
    """`C-` + 8 hex of a hash of the sorted members; salted with the run only if that id is taken."""
    joined = "\n".join(sorted(members)).encode()
    taken_set = taken if isinstance(taken, set) else set(taken)
    salt = 0
    while True:
        prefix = b"" if salt == 0 else f"{run_id}\n{salt}\n".encode()
        cid = "C-" + hashlib.sha256(prefix + joined).hexdigest()[:8]
        if cid not in taken_set:
            return cid
        salt += 1


def seed_of(campaign_id: str) -> int:
    """The integer community seed for a campaign: its id's 32-bit hex value, non-negative and stable."""
    return int(campaign_id.removeprefix("C-"), 16)


def seeds_from(previous: Sequence[PreviousCampaign]) -> dict[str, int]:
    """account_id -> seed of its active campaign, for seeded Louvain / Leiden."""
    seeds: dict[str, int] = {}
    for camp in sorted((p for p in previous if p.active), key=lambda p: p.campaign_id, reverse=True):
        seed = seed_of(camp.campaign_id)
        for account in camp.members:
            seeds[account] = seed  # reverse order: the smallest id wins if an account is in two
    return seeds


def _pairs(
    communities: Sequence[frozenset[str]], previous: Sequence[PreviousCampaign], params: TrackingParams
) -> list[_Pair]:
    owners: dict[str, list[int]] = defaultdict(list)
    for j, camp in enumerate(previous):
        for account in camp.members:
            owners[account].append(j)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for i, members in enumerate(communities):
        for account in members:
            for j in owners.get(account, ()):
                shared[(i, j)] += 1
    pairs = []
    for (i, j), n in shared.items():
        if n < params.min_shared_accounts:
            continue
        a, b = len(communities[i]), len(previous[j].members)
        pairs.append(_Pair(i, j, n, n / (a + b - n), n / min(a, b), n / b))
    return pairs


def plan_identity(
    communities: Sequence[frozenset[str]],
    previous: Sequence[PreviousCampaign],
    existing_ids: Iterable[str],
    run_id: str,
    params: TrackingParams | None = None,
) -> IdentityPlan:
    params = params or TrackingParams()
    pairs = _pairs(communities, previous, params)
    significant = [p for p in pairs if p.smaller_share >= params.lineage_overlap]

    # Only campaigns whose fate matters compete in the one-to-one rule: an inactive candidate that was
    # absorbed long ago must not stop its successor from keeping its id when it grows.
    def weighty(j: int) -> bool:
        return previous[j].active or previous[j].status in DECIDED

    partners_of_new: dict[int, set[int]] = defaultdict(set)
    partners_of_prev: dict[int, set[int]] = defaultdict(set)
    for p in significant:
        if weighty(p.prev):
            partners_of_new[p.new].add(p.prev)
            partners_of_prev[p.prev].add(p.new)

    def keeps(p: _Pair) -> bool:
        if p.jaccard >= params.keep_jaccard:
            return True
        one_to_one = partners_of_new[p.new] == {p.prev} and partners_of_prev[p.prev] == {p.new}
        return one_to_one and p.smaller_share >= params.keep_containment

    candidates = sorted(
        (p for p in significant if keeps(p)),
        key=lambda p: (
            -p.jaccard,
            -p.shared,
            not previous[p.prev].active,
            previous[p.prev].campaign_id,
            p.new,
        ),
    )
    chosen: dict[int, _Pair] = {}
    used_prev: set[int] = set()
    for p in candidates:
        if p.new in chosen or p.prev in used_prev:
            continue
        chosen[p.new] = p
        used_prev.add(p.prev)

    taken = set(existing_ids) | {c.campaign_id for c in previous}
    assignments: list[Assignment] = []
    for i, members in enumerate(communities):
        if i in chosen:
            prev = previous[chosen[i].prev]
            origin: Literal["continued", "revived"] = "continued" if prev.active else "revived"
            assignments.append(Assignment(prev.campaign_id, origin, round(chosen[i].jaccard, 4)))
        else:
            cid = campaign_id_for(members, taken, run_id)
            taken.add(cid)
            assignments.append(Assignment(cid, "new"))

    found = {a.campaign_id for a in assignments}
    deactivated = sorted(c.campaign_id for c in previous if c.active and c.campaign_id not in found)
    return IdentityPlan(assignments, deactivated, _lineage(significant, previous, assignments, found))


def _lineage(
    significant: Sequence[_Pair],
    previous: Sequence[PreviousCampaign],
    assignments: Sequence[Assignment],
    found: set[str],
) -> list[Lineage]:
    # Lineage only from campaigns active until now: an inactive one already has its history recorded.
    active_pairs = [p for p in significant if previous[p.prev].active]
    spread: Mapping[int, int] = _count(p.prev for p in active_pairs)
    gathered: Mapping[int, int] = _count(p.new for p in active_pairs)
    out: list[Lineage] = []
    for p in active_pairs:
        child, parent = assignments[p.new].campaign_id, previous[p.prev].campaign_id
        if child == parent:
            continue
        lives_on = parent in found
        kind: Literal["merge", "split"] = (
            "split" if lives_on or spread[p.prev] > 1 or gathered[p.new] == 1 else "merge"
        )
        out.append(Lineage(child, parent, kind, round(p.prev_share, 4)))
    return sorted(out, key=lambda lin: (lin.child, lin.parent))


def _count(items: Iterable[int]) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for item in items:
        counts[item] += 1
    return counts
