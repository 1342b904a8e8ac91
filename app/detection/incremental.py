"""An incremental run: recompute only the pairs new loads changed, carry the rest over.

1. **What changed.** From what pending load batches stamped (`graph/changes.py`): new accounts, and
   accounts that gained a link to an entity (an IP, an instrument, a template, a domain) that pairs them
   with another account by the projection's rules; a link to an entity no one else uses, or to a
   supernode, changes no pair. Counters growing on existing links do not stamp: they barely move link
   weights.
2. **Touched campaigns.** Every active campaign one of the changed accounts, or one of their partners,
   belongs to. Partners are the projection's own pairs with a changed endpoint (same families, supernode
   cut-offs, sampling windows and minimum weight), made from the member groups of the entities the changed
   accounts and the campaigns holding them use (`projection.GroupCache`: read once, walked in Python by
   `link_pairs`' rules); those pairs, and the pairs inside each touched campaign made from the same groups,
   are handed to the projection rather than read again.
3. **Same stages, on a small graph.** `pipeline.detect_campaigns` with a `Scope`: the projection holds
   only the pairs with a changed endpoint (whoever the partner is) and the pairs inside each touched
   campaign (not across two: without their pairs to the rest of the platform, those would weigh far more
   than in a full run and merge the campaigns), weighted exactly as a full run weighs them (platform-wide
   degrees, rarity and sampling windows). Leiden starts from the previous communities (`seedProperty`), so
   the touched campaigns start whole and new accounts join the one their links go to. Only changed
   accounts and the touched campaigns' members can be members of what it finds: other partners are in the
   graph with just their pairs to changed accounts, so where they would go is a guess the next full run
   makes properly.
4. **Carried over.** Active campaigns with no member touched are handed to the switch as the last run
   wrote them (members, strengths, score, features, evidence), so identity tracking keeps their ids and
   nothing about them changes. So is a touched campaign the recompute no longer finds (no recomputed
   campaign holds half of its members): with a partial view, an incremental run adds and grows campaigns,
   and leaves dropping one to the next full run. An account a carried campaign holds stays there.

A full run stays the reference: it sees pairs between accounts that are both outside every change, which
an incremental run, by design, does not look at again.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from dataclasses import replace

from app.detection.algorithms.model import CandidateCampaign, DetectionResult
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.tracking import PreviousCampaign, seeds_from
from app.detection.graph import changes
from app.detection.graph.gds import gds_client
from app.detection.graph.platform import read_platform
from app.detection.graph.projection import GroupCache, Pairs, Scope
from app.detection.pipeline import detect_campaigns
from app.platform.driver import sync_driver
from app.platform.logging import get_logger
from app.platform.runner import SessionGdsRunner, SyncGdsRunner
from app.platform.settings import Settings

log = get_logger(__name__)


def find_incremental(
    settings: Settings,
    params: DetectionParams | None,
    previous: Sequence[PreviousCampaign],
    changed: Collection[str],
) -> DetectionResult:
    """The current campaigns after recomputing what `changed` accounts touch (see the module doc)."""
    driver = sync_driver(settings)
    try:
        with (
            driver.session(database=settings.neo4j_database) as session,
            gds_client(driver, settings.neo4j_database) as gds,
        ):
            return detect_incremental(SessionGdsRunner(session, gds), params, previous, changed)
    finally:
        driver.close()


def detect_incremental(
    runner: SyncGdsRunner,
    params: DetectionParams | None,
    previous: Sequence[PreviousCampaign],
    changed: Collection[str],
) -> DetectionResult:
    params = params or DetectionParams()
    t0 = time.perf_counter()
    platform = read_platform(runner)
    accounts = platform.accounts
    active = [p for p in previous if p.active]
    groups = GroupCache(runner, params, accounts)
    if changed:
        # A campaign holding a changed account is touched whatever the pairs say: its members' entities are
        # read with the changed accounts', once (most are the same entities).
        groups.read({*changed, *(a for p in active if not p.members.isdisjoint(changed) for a in p.members)})
    with_changed = groups.pairs(changed) if changed else Pairs()
    touched = with_changed.accounts() | set(changed)
    hit = [p for p in active if not p.members.isdisjoint(touched)]
    scope = Scope(frozenset(changed), tuple(p.members for p in hit))
    if scope.accounts:
        groups.read(scope.members)  # campaigns touched through a partner only
        scope = replace(
            scope, changed_pairs=with_changed, campaign_pairs=groups.pairs((), scope.campaign_of())
        )
    hit_ids = {p.campaign_id for p in hit}
    carried_ids = [p.campaign_id for p in active if p.campaign_id not in hit_ids]
    region_seconds = time.perf_counter() - t0

    if scope.accounts:
        found = detect_campaigns(runner, params, seeds_from(previous) or None, scope=scope, platform=platform)
    else:
        found = DetectionResult(campaigns=[], params=params.model_dump(mode="json"), timings={}, graph={})

    t1 = time.perf_counter()
    # A touched campaign the region's recompute no longer finds is kept as it was, not deactivated: an
    # incremental run sees only part of the graph, and dropping a campaign is the full run's call.
    found_members = [frozenset(c.members) for c in found.campaigns]
    kept = [p.campaign_id for p in hit if not _still_found(p.members, found_members)]
    carried = changes.carried_campaigns(runner, [*carried_ids, *kept])
    held = {a for c in carried for a in c.members}
    recomputed = [c for c in (_without(c, held) for c in found.campaigns) if c is not None]
    campaigns = sorted([*recomputed, *carried], key=lambda c: (-c.score, min(c.members)))
    graph = {
        **found.graph,
        "accounts": accounts,
        "changed_accounts": len(changed),
        "partner_accounts": len(touched - scope.changed),
        "touched_campaign_accounts": len(scope.members),
        "region_accounts": len(scope.accounts),
        "campaigns_recomputed": len(recomputed),
        "campaigns_carried": len(carried),
        "campaigns_kept_unfound": len(kept),
        "campaigns": len(campaigns),
        "flagged_accounts": sum(len(c.members) for c in campaigns),
    }
    carry_seconds = time.perf_counter() - t1
    timings = {**found.timings, "region": round(region_seconds, 3), "carry": round(carry_seconds, 3)}
    log.info("detection.incremental", **{k: graph[k] for k in ("changed_accounts", "region_accounts")})
    return DetectionResult(
        campaigns=campaigns, params=found.params, timings=timings, graph=graph, metrics=found.metrics
    )


def _still_found(members: frozenset[str], found: list[frozenset[str]]) -> bool:
    """Some recomputed campaign holds at least half of the previous campaign's members."""
    return any(2 * len(members & f) >= len(members) for f in found)


def _without(campaign: CandidateCampaign, held: set[str]) -> CandidateCampaign | None:
    """A recomputed campaign minus accounts a carried campaign holds (recruiting looks platform-wide)."""
    if held.isdisjoint(campaign.members):
        return campaign
    kept = {a: s for a, s in campaign.members.items() if a not in held}
    return campaign.model_copy(update={"members": kept}) if kept else None
