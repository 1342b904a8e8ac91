"""The weighted Account-Account graph in the GDS catalog, built from every enabled signal family.

One Cypher aggregation (`cypher/detection/project_links.cypher`) turns shared entities into link weights:
family weight x rarity (IDF over the platform's accounts), supernodes above each family's `max_share` of
the platform skipped, large groups sampled to `sample_k` successors in account order, and pairs below
`min_pair_weight` dropped (minimum shared evidence). Templates add the lockstep weight: the Jaccard of the
two accounts' hour buckets on that template.
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import Session

from app.detection.params import DetectionParams
from app.platform.cypher import q


@dataclass(frozen=True)
class Projection:
    graph_name: str
    nodes: int
    relationships: int  # directed count: each undirected link twice


def project(
    session: Session,
    graph_name: str,
    params: DetectionParams,
    accounts: int,
    previous: dict[str, int] | None,
) -> Projection:
    fam = {
        name: {**f.model_dump(), "max_degree": f.max_degree(accounts)} for name, f in params.families.items()
    }
    tmpl = [
        params.families[f].max_degree(accounts)
        for f in ("template", "synchrony")
        if params.families[f].enabled
    ]
    prev = previous or {}
    # Seeds must be non-negative and unique for accounts new to this run: ids above every previous seed.
    offset = max(prev.values(), default=-1) + 1
    rec = session.run(
        q("detection/project_links"),
        graph_name=graph_name,
        fam=fam,
        n=float(max(accounts, 3)),
        k=params.sample_k,
        chords=params.sample_chords,
        rarity_exponent=params.rarity_exponent,
        dedication_boost=params.dedication_boost,
        dedication_prior=float(params.dedication_prior),
        min_pair_weight=params.min_pair_weight,
        template_max_degree=max(tmpl, default=0),
        previous=prev,
        seed_offset=offset,
    ).single()
    if rec is None or rec["graph_name"] is None:
        return Projection(graph_name, 0, 0)
    return Projection(str(rec["graph_name"]), int(rec["nodes"]), int(rec["relationships"]))


def drop(session: Session, graph_name: str) -> None:
    session.run(q("detection/drop_graph"), graph_name=graph_name).consume()
