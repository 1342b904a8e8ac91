"""Recruiting a found campaign's missing members through its own templates.

On a large platform a careful campaign's accounts send few requests each, spread over templates thousands of
accounts send; many of them never share enough with one another to be linked in the projection, or hang
on by a link too weak to count as members. What marks them is what marks the campaign: most of their
traffic goes to the campaign's own templates (templates the campaign's members make up most of the users
of). An account outside every campaign is recruited when at least `recruit_min_requests` of its requests,
and at least `recruit_share` of all of them, go to one campaign's own templates. Its membership strength
is that share. Score, features and evidence stay those of the members found by the graph.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.detection.algorithms.model import CandidateCampaign
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.profiles import Profile, template_users


def own_templates(members: Sequence[Profile], params: DetectionParams) -> list[str]:
    """Templates most of whose platform-wide users are this campaign's members (a popular template never
    is: most of its users are elsewhere)."""
    users, degree = template_users(members)
    return sorted(tid for tid, n in users.items() if n >= 2 and n >= params.recruit_own_share * degree[tid])


def with_recruits(
    campaigns: Sequence[CandidateCampaign],
    candidates: Sequence[Sequence[Mapping[str, Any]]],
    params: DetectionParams,
) -> list[CandidateCampaign]:
    """`campaigns` with their recruits added; `candidates[i]` are the `detection/template_recruits` rows
    for campaign i's own templates.

    An account two campaigns could recruit goes to the one it spends the larger share on (ties: the
    earlier campaign, and campaigns come sorted by score), so the result does not depend on query order.
    """
    taken = {a for c in campaigns for a in c.members}
    best: dict[str, tuple[float, int]] = {}  # account -> (share, campaign index)
    for i, rows in enumerate(candidates):
        for r in rows:
            acc = str(r["account_id"])
            if acc in taken:
                continue
            on, total = int(r["on_templates"]), int(r["requests"])
            share = min(1.0, on / total) if total > 0 else 0.0
            if on < params.recruit_min_requests or share < params.recruit_share:
                continue
            if acc not in best or share > best[acc][0]:
                best[acc] = (share, i)
    added: list[dict[str, float]] = [{} for _ in campaigns]
    for acc, (share, i) in best.items():
        added[i][acc] = round(share, 6)
    return [
        c.model_copy(update={"members": {**c.members, **extra}}) if extra else c
        for c, extra in zip(campaigns, added, strict=True)
    ]
