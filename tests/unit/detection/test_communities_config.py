"""What the community step asks GDS for, against a stand-in client (no database)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pandas as pd
from graphdatascience import GraphDataScience
from graphdatascience.graph.graph_api import Graph

from app.detection.algorithms.params import DetectionParams
from app.detection.graph import communities


def _gds(calls: list[dict[str, Any]]) -> GraphDataScience:
    def leiden_stream(graph: object, **config: Any) -> pd.DataFrame:
        calls.append(config)
        return pd.DataFrame({"nodeId": [1, 2], "communityId": [0, 0]})

    def run_cypher(query: str, params: dict[str, Any]) -> pd.DataFrame:
        return pd.DataFrame({"node_id": params["node_ids"], "account_id": ["a1", "a2"]})

    return cast(
        GraphDataScience, SimpleNamespace(leiden=SimpleNamespace(stream=leiden_stream), run_cypher=run_cypher)
    )


def test_a_seeded_leiden_skips_only_the_quadratic_memory_estimate() -> None:
    # GDS 2.13 estimates a seeded Leiden as quadratic in the node count (6 GiB at 20,000 nodes) and
    # refuses to start; without the bypass every scheduled re-run at 100,000 accounts failed.
    calls: list[dict[str, Any]] = []
    gds, graph = _gds(calls), cast(Graph, object())
    communities.detect(gds, graph, DetectionParams(), seeded=True)
    communities.detect(gds, graph, DetectionParams(), seeded=False)
    assert [c["sudo"] for c in calls] == [True, False]
    assert calls[0]["seed_property"] == "seed"
    assert calls[1]["seed_property"] is None
