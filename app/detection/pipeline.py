"""Finding campaigns: weighted account graph -> communities -> scored candidates (a `DetectionResult`).

Stages, each timed: `projection` (Cypher aggregation of shared entities into a GDS graph), `communities`
(Leiden / Louvain / WCC in GDS), `links` (link weights streamed back), `membership` (tightly tied
communities merged, membership strength, weak members trimmed), `profiles` (member facts for candidate
communities), `template_merge` (pieces of one campaign rejoined by the templates they share), `scoring`
(features, score, evidence), `recruit` (missing members found through the campaign's own templates). The
in-memory graph is dropped in a `finally`, so a failure leaves nothing behind in the GDS catalog.
Deterministic: fixed seed and concurrency, fixed row order into the projection, outputs sorted.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime

from neo4j import Session

from app.detection import communities, projection
from app.detection.evidence import campaign_evidence
from app.detection.model import CandidateCampaign, DetectionResult
from app.detection.params import DetectionParams
from app.detection.profiles import Profile, fetch_profiles
from app.detection.recruit import own_templates, recruit
from app.detection.scoring import Platform, score_community
from app.detection.template_merge import merge_by_templates
from app.platform.cypher import q
from app.platform.driver import sync_driver
from app.platform.logging import get_logger
from app.platform.settings import Settings

log = get_logger(__name__)
GRAPH_PREFIX = "linkwatch-detect-"


def find_campaigns(
    settings: Settings,
    params: DetectionParams | None = None,
    previous: dict[str, int] | None = None,
) -> DetectionResult:
    """Find and score campaigns in the graph behind `settings`.

    `previous` maps account_id -> community seed from the previous run's campaigns; Louvain/Leiden start
    from it so a re-run on similar data keeps communities (and so campaign ids) stable.
    """
    params = params or DetectionParams()
    graph_name = GRAPH_PREFIX + uuid.uuid4().hex[:12]
    timings: dict[str, float] = {}
    graph: dict[str, int] = {}
    driver = sync_driver(settings)
    try:
        with driver.session(database=settings.neo4j_database) as session:
            try:
                t = time.perf_counter()
                platform = _platform(session)
                graph["accounts"] = platform.accounts
                proj = projection.project(session, graph_name, params, platform.accounts, previous)
                timings["projection"] = time.perf_counter() - t
                graph["projected_accounts"] = proj.nodes
                graph["projected_links"] = proj.relationships // 2
                if proj.nodes == 0:
                    return _result([], params, timings, graph)

                t = time.perf_counter()
                part = communities.detect(session, graph_name, params, seeded=bool(previous))
                timings["communities"] = time.perf_counter() - t

                t = time.perf_counter()
                lk = communities.links(session, graph_name, part)
                timings["links"] = time.perf_counter() - t
            finally:
                projection.drop(session, graph_name)

            t = time.perf_counter()
            graph["communities_raw"] = int(part.community.max()) + 1
            part = communities.merge_tight(part, lk, params.merge_ratio)
            groups = part.groups()
            graph["communities"] = len(groups)
            # Every piece big enough to matter goes on whole: the template merge may rejoin pieces and
            # members that a trim made now would lose for good, so trimming waits until after it.
            pieces = {c: accs for c, accs in sorted(groups.items()) if len(accs) >= params.min_piece_size}
            graph["pieces"] = len(pieces)
            timings["membership"] = time.perf_counter() - t

            t = time.perf_counter()
            profiles = fetch_profiles(session, (a for accs in pieces.values() for a in accs))
            timings["profiles"] = time.perf_counter() - t

            t = time.perf_counter()
            merged = merge_by_templates(pieces, profiles, params)
            graph["template_merged_pieces"] = len(merged)
            timings["template_merge"] = time.perf_counter() - t

            t = time.perf_counter()
            # An account is as strong a member as it is in its own piece or in the joined community,
            # whichever is more: a campaign whose members mix at random (a fresh proxy per request) is
            # shattered into pieces whose members link mostly to other pieces, and joined pieces of
            # different density (a sloppy campaign's card groups beside careful shifts) must not make each
            # other's members look weak. The size floor applies to the joined community.
            final = communities.regroup(part, pieces, merged)
            in_piece, joined = communities.strengths(part, lk), communities.strengths(final, lk)
            strength = {a: max(v, joined[a]) for a, v in in_piece.items()}
            kept: dict[int, list[str]] = {}
            for c, accs in sorted(final.groups().items()):
                strong = [a for a in accs if strength[a] >= params.min_membership and a in profiles]
                if len(strong) >= params.min_community_size:
                    kept[c] = strong
            graph["candidate_communities"] = len(kept)
            timings["membership"] += time.perf_counter() - t

            t = time.perf_counter()
            scored = []
            for accs in kept.values():
                members = [profiles[a] for a in accs if a in profiles]
                cand = _candidate(members, strength, platform, params)
                if cand.score >= params.min_score:
                    scored.append((cand, own_templates(members, params)))
            scored.sort(key=lambda ct: (-ct[0].score, min(ct[0].members)))
            timings["scoring"] = time.perf_counter() - t

            t = time.perf_counter()
            found = recruit(session, [c for c, _ in scored], [ts for _, ts in scored], params)
            graph["recruited_accounts"] = sum(len(c.members) for c in found) - sum(
                len(c.members) for c, _ in scored
            )
            timings["recruit"] = time.perf_counter() - t
    finally:
        driver.close()
    found.sort(key=lambda c: (-c.score, min(c.members)))
    graph["campaigns"] = len(found)
    graph["flagged_accounts"] = sum(len(c.members) for c in found)
    log.info("detection.found", campaigns=len(found), **{f"t_{k}": round(v, 2) for k, v in timings.items()})
    return _result(found, params, timings, graph)


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


def _platform(session: Session) -> Platform:
    rec = session.run(q("detection/count_accounts")).single()
    if rec is None:
        return Platform(0, 0.0, {})
    return Platform(
        accounts=int(rec["accounts"]),
        median_requests=float(rec["median_requests"] or 0),
        model_releases={str(m): int(t) for m, t in rec["models"]},
    )


def _result(
    found: list[CandidateCampaign], params: DetectionParams, timings: dict[str, float], graph: dict[str, int]
) -> DetectionResult:
    return DetectionResult(
        campaigns=found,
        params=params.model_dump(mode="json"),
        timings={k: round(v, 3) for k, v in timings.items()},
        graph=graph,
        metrics={},
    )


def _iso(ts: int) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
