"""Communities of the projected account graph and its link weights.

Leiden / Louvain / WCC run with the same configuration the detection parameters always gave them; the
client only spells out the server's own defaults for the settings left unset. Leiden (the default) runs
through a named query that returns lists with the account ids read in the same query
(`detection/leiden_stream`); Louvain and WCC stream through the client, which returns database node ids
whose account ids are read once for the whole stream.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from graphdatascience import GraphDataScience
from graphdatascience.graph.graph_api import Graph
from neo4j.exceptions import ClientError

from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.partition import Links, Partition, links_of, partition_of
from app.platform.cypher import q
from app.platform.logging import get_logger

log = get_logger(__name__)


def detect(gds: GraphDataScience, graph: Graph, params: DetectionParams, seeded: bool) -> Partition:
    if params.algorithm == "wcc":
        stream = gds.wcc.stream(
            graph,
            relationship_weight_property="weight",
            threshold=params.wcc_threshold,
            concurrency=params.concurrency,
            log_progress=False,
        )
        return _partition(gds, stream, "componentId")
    config: dict[str, Any] = {
        "relationship_weight_property": "weight",
        "concurrency": params.concurrency,
        "max_levels": params.max_levels,
        "tolerance": params.tolerance,
        "seed_property": "seed" if seeded else None,
        "log_progress": False,
    }
    if params.algorithm == "louvain":
        return _partition(gds, gds.louvain.stream(graph, **config), "communityId")
    try:
        return _leiden(gds, graph, params, seeded)
    except ClientError as exc:
        # GDS 2.13's Leiden fails with a NullPointerException in its dendrogram manager when the graph
        # gives it nothing to refine past the first level (e.g. only disconnected cliques). Louvain on
        # the same weights and seeds gives that partition; anything else is a real failure.
        if "dendrogramManager" not in str(exc):
            raise
        log.warning("leiden.fallback_louvain", reason="GDS Leiden dendrogram failure")
        stream = gds.louvain.stream(graph, **config)
    return _partition(gds, stream, "communityId")


def _leiden(gds: GraphDataScience, graph: Graph, params: DetectionParams, seeded: bool) -> Partition:
    """Leiden through a named query (`detection/leiden_stream`), with the configuration the client would
    send; the server's defaults fill the rest, as they did through the client."""
    config: dict[str, Any] = {
        "relationshipWeightProperty": "weight",
        "concurrency": params.concurrency,
        "maxLevels": params.max_levels,
        "tolerance": params.tolerance,
        "randomSeed": params.seed,
        "gamma": params.resolution,
        # GDS 2.13 estimates a seeded Leiden's memory as growing with the square of the node count (6 GiB
        # at 20,000 projected accounts, 54 GiB at 60,000) and refuses to start past the heap, while the
        # run itself stays linear (60,000 nodes in a 2 GiB heap, docs/detection.md § 2): the estimate's
        # guard is bypassed for seeded runs only. Louvain's estimate is linear either way.
        "sudo": seeded,
        "logProgress": False,
    }
    if seeded:
        config["seedProperty"] = "seed"
    rows = gds.run_cypher(q("detection/leiden_stream"), params={"graph_name": graph.name(), "config": config})
    row = rows.iloc[0]
    return partition_of(
        {
            int(n): (str(a), int(c))
            for n, a, c in zip(row["node_id"], row["account_id"], row["community"], strict=True)
        }
    )


def links(gds: GraphDataScience, graph: Graph, part: Partition) -> Links:
    rows = gds.run_cypher(q("detection/links_stream"), params={"graph_name": graph.name()})
    row = rows.iloc[0]
    return links_of(
        part,
        np.asarray(row["source"], dtype=np.int64),
        np.asarray(row["target"], dtype=np.int64),
        np.asarray(row["weight"], dtype=np.float64),
    )


def _partition(gds: GraphDataScience, stream: pd.DataFrame, column: str) -> Partition:
    node_ids = [int(n) for n in stream["nodeId"]]
    raw = [int(c) for c in stream[column]]
    # Only the account id of each node: the client's `util.as_nodes` returns every property of every
    # account, five times the whole community step at 100,000 accounts (docs/benchmarks.md).
    rows = gds.run_cypher(q("detection/node_accounts"), params={"node_ids": node_ids}) if node_ids else None
    account_of = (
        dict(zip(rows["node_id"].astype(int), rows["account_id"].astype(str), strict=True))
        if rows is not None
        else {}
    )
    return partition_of({n: (account_of[n], c) for n, c in zip(node_ids, raw, strict=True)})
