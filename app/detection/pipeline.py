"""Finding campaigns: weighted account graph -> communities -> scored candidates (a `DetectionResult`).

Stages, each timed: `projection` (Cypher aggregation of shared entities into a GDS graph), `communities`
(Leiden / Louvain / WCC in GDS), `links` (link weights streamed back), `membership` (tightly tied
communities merged, membership strength, weak members trimmed), `profiles` (member facts for candidate
communities), `template_merge` (pieces of one campaign rejoined by the templates they share), `scoring`
(features, score, evidence), `recruit` (missing members found through the campaign's own templates). The
in-memory graph is dropped when the GDS stages end, also on failure, so nothing is left in the GDS catalog.
Deterministic: fixed seed and concurrency, fixed row order into the projection, outputs sorted.

This module composes the two layers below it: `graph` (GDS and Cypher through a runner) and `algorithms`
(pure). `find_campaigns` opens the database; `detect_campaigns` and `campaigns_from` take a runner.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.detection.algorithms import partition as partitions
from app.detection.algorithms.bystanders import bystanders
from app.detection.algorithms.evidence import campaign_evidence
from app.detection.algorithms.model import CandidateCampaign, DetectionResult
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.partition import Links, Partition
from app.detection.algorithms.profiles import Profile
from app.detection.algorithms.recruit import own_templates
from app.detection.algorithms.scoring import Platform, score_community
from app.detection.algorithms.template_merge import merge_by_templates
from app.detection.graph import communities, projection
from app.detection.graph.gds import gds_client
from app.detection.graph.platform import read_platform
from app.detection.graph.profiles import fetch_profiles
from app.detection.graph.recruit import recruit
from app.platform.driver import sync_driver
from app.platform.logging import get_logger
from app.platform.runner import SessionGdsRunner, SyncGdsRunner, SyncRunner
from app.platform.settings import Settings

log = get_logger(__name__)
GRAPH_PREFIX = "linkwatch-detect-"


@dataclass
class RunStats:
    """Seconds per stage and graph sizes, as the run's result reports them."""

    timings: dict[str, float] = field(default_factory=dict)
    graph: dict[str, int] = field(default_factory=dict)

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            # Added, not set: membership is timed in two parts around the template merge.
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - t


def find_campaigns(
    settings: Settings,
    params: DetectionParams | None = None,
    previous: dict[str, int] | None = None,
) -> DetectionResult:
    """Find and score campaigns in the graph behind `settings`.

    `previous` maps account_id -> community seed from the previous run's campaigns; Louvain/Leiden start
    from it so a re-run on similar data keeps communities (and so campaign ids) stable.
    """
    database = settings.neo4j_database
    driver = sync_driver(settings)
    try:
        with driver.session(database=database) as session, gds_client(driver, database) as gds:
            return detect_campaigns(SessionGdsRunner(session, gds), params, previous)
    finally:
        driver.close()


def detect_campaigns(
    runner: SyncGdsRunner,
    params: DetectionParams | None = None,
    previous: dict[str, int] | None = None,
    scope: projection.Scope | None = None,
    platform: Platform | None = None,
) -> DetectionResult:
    """`scope`: an incremental run's part of the graph (`app.detection.incremental`): its pairs only, and
    only its changed accounts and touched campaign members can be campaign members (their other partners
    are in the projection with just the pairs to them, so their own communities would be guesses);
    weights, platform baselines and every later stage are the full run's. `platform`: baselines the caller
    has already read (an incremental run reads them for its region), else read here."""
    params = params or DetectionParams()
    stats = RunStats()
    with ExitStack() as gds_stages:
        with stats.timed("projection"):
            platform = platform or read_platform(runner)
            stats.graph["accounts"] = platform.accounts
            graph_name = GRAPH_PREFIX + uuid.uuid4().hex[:12]
            proj = gds_stages.enter_context(
                projection.projected(runner.gds, graph_name, params, platform.accounts, previous, scope)
            )
        stats.graph["projected_accounts"] = proj.nodes
        stats.graph["projected_links"] = proj.relationships // 2
        if proj.graph is None or proj.nodes == 0:
            return _result([], params, stats)
        with stats.timed("communities"):
            part = communities.detect(runner.gds, proj.graph, params, seeded=bool(previous))
        with stats.timed("links"):
            lk = communities.links(runner.gds, proj.graph, part)
        if scope is not None:
            part = partitions.pinned(part, lk, scope.campaigns)
    found = campaigns_from(runner, part, lk, platform, params, stats, scope.accounts if scope else None)
    log.info(
        "detection.found", campaigns=len(found), **{f"t_{k}": round(v, 2) for k, v in stats.timings.items()}
    )
    return _result(found, params, stats)


def campaigns_from(
    runner: SyncRunner,
    part: Partition,
    lk: Links,
    platform: Platform,
    params: DetectionParams,
    stats: RunStats,
    eligible: frozenset[str] | None = None,
) -> list[CandidateCampaign]:
    """The scored campaigns in a partition of the projected accounts, sorted by score; only named
    queries from here on (member profiles, recruits), the GDS graph is no longer needed. `eligible`: the
    only accounts that may be members (an incremental run's scope); all of them when None."""
    with stats.timed("membership"):
        stats.graph["communities_raw"] = int(part.community.max()) + 1
        part = partitions.merge_tight(part, lk, params.merge_ratio)
        groups = part.groups()
        if eligible is not None:
            groups = {c: [a for a in accs if a in eligible] for c, accs in groups.items()}
        stats.graph["communities"] = len(groups)
        # Every piece big enough to matter goes on whole: the template merge may rejoin pieces and
        # members that a trim made now would lose for good, so trimming waits until after it.
        pieces = {c: accs for c, accs in sorted(groups.items()) if len(accs) >= params.min_piece_size}
        stats.graph["pieces"] = len(pieces)

    with stats.timed("profiles"):
        profiles = fetch_profiles(runner, (a for accs in pieces.values() for a in accs))

    with stats.timed("template_merge"):
        merged = merge_by_templates(pieces, profiles, params)
        stats.graph["template_merged_pieces"] = len(merged)

    with stats.timed("membership"):
        strength, kept = _members(part, lk, pieces, merged, profiles, params)
        if params.drop_bystanders:
            kept, dropped = _without_bystanders(kept, profiles, params)
            stats.graph["bystanders_dropped"] = dropped
        stats.graph["candidate_communities"] = len(kept)

    with stats.timed("scoring"):
        scored = []
        for accs in kept.values():
            members = [profiles[a] for a in accs if a in profiles]
            cand = _candidate(members, strength, platform, params)
            if cand.score >= params.min_score:
                scored.append((cand, own_templates(members, params)))
        scored.sort(key=lambda ct: (-ct[0].score, min(ct[0].members)))

    with stats.timed("recruit"):
        found = recruit(runner, [c for c, _ in scored], [ts for _, ts in scored], params)
        stats.graph["recruited_accounts"] = sum(len(c.members) for c in found) - sum(
            len(c.members) for c, _ in scored
        )
    found.sort(key=lambda c: (-c.score, min(c.members)))
    stats.graph["campaigns"] = len(found)
    stats.graph["flagged_accounts"] = sum(len(c.members) for c in found)
    return found


def _members(
    part: Partition,
    lk: Links,
    pieces: dict[int, list[str]],
    merged: dict[int, list[str]],
    profiles: dict[str, Profile],
    params: DetectionParams,
) -> tuple[dict[str, float], dict[int, list[str]]]:
    """Membership strength per account, and the joined communities' strong members where enough remain.

    An account is as strong a member as it is in its own piece or in the joined community, whichever is
    more: a campaign whose members mix at random (a fresh proxy per request) is shattered into pieces whose
    members link mostly to other pieces, and joined pieces of different density (a sloppy campaign's card
    groups beside careful shifts) must not make each other's members look weak. The size floor applies to
    the joined community.
    """
    final = partitions.regroup(part, pieces, merged)
    in_piece, joined = partitions.strengths(part, lk), partitions.strengths(final, lk)
    strength = {a: max(v, joined[a]) for a, v in in_piece.items()}
    kept: dict[int, list[str]] = {}
    for c, accs in sorted(final.groups().items()):
        strong = [a for a in accs if strength[a] >= params.min_membership and a in profiles]
        if len(strong) >= params.min_community_size:
            kept[c] = strong
    return strength, kept


def _without_bystanders(
    kept: dict[int, list[str]], profiles: dict[str, Profile], params: DetectionParams
) -> tuple[dict[int, list[str]], int]:
    """Each community without its bystanders (`algorithms.bystanders`), where enough members remain."""
    out: dict[int, list[str]] = {}
    dropped = 0
    for c, accs in kept.items():
        gone = bystanders([profiles[a] for a in accs], params)
        rest = [a for a in accs if a not in gone]
        dropped += len(accs) - len(rest)
        if len(rest) >= params.min_community_size:
            out[c] = rest
    return out, dropped


def _candidate(
    members: list[Profile], strength: dict[str, float], platform: Platform, params: DetectionParams
) -> CandidateCampaign:
    scored = score_community(members, platform, params)
    firsts = [p.first_seen for p in members if p.first_seen is not None]
    lasts = [p.last_seen for p in members if p.last_seen is not None]
    return CandidateCampaign(
        members={p.account_id: strength[p.account_id] for p in members},
        score=scored.score,
        features=scored.features,
        evidence=campaign_evidence(members, platform.accounts, params),
        capability=scored.capability,
        first_seen=_iso(min(firsts)) if firsts else None,
        last_seen=_iso(max(lasts)) if lasts else None,
    )


def _result(found: list[CandidateCampaign], params: DetectionParams, stats: RunStats) -> DetectionResult:
    return DetectionResult(
        campaigns=found,
        params=params.model_dump(mode="json"),
        timings={k: round(v, 3) for k, v in stats.timings.items()},
        graph=stats.graph,
        metrics={},
    )


def _iso(ts: int) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
