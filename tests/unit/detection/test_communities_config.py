"""What the community step asks GDS for, against a stand-in client (no database)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pandas as pd
from graphdatascience import GraphDataScience
from graphdatascience.graph.graph_api import Graph

from app.detection.algorithms.params import DetectionParams
from app.detection.graph import communities
from app.platform.cypher import q


def _gds(calls: list[dict[str, Any]]) -> GraphDataScience:
    def run_cypher(query: str, params: dict[str, Any]) -> pd.DataFrame:
        assert query == q("detection/leiden_stream")
        calls.append(params["config"])
        row = {"node_id": [2, 1], "account_id": ["a2", "a1"], "community": [0, 0]}
        return pd.DataFrame([row])

    return cast(GraphDataScience, SimpleNamespace(run_cypher=run_cypher))


def _graph() -> Graph:
    return cast(Graph, SimpleNamespace(name=lambda: "g"))


def test_a_seeded_leiden_skips_only_the_quadratic_memory_estimate() -> None:
    # GDS 2.13 estimates a seeded Leiden as quadratic in the node count (6 GiB at 20,000 nodes) and
    # refuses to start; without the bypass every scheduled re-run at 100,000 accounts failed.
    calls: list[dict[str, Any]] = []
    gds = _gds(calls)
    communities.detect(gds, _graph(), DetectionParams(), seeded=True)
    communities.detect(gds, _graph(), DetectionParams(), seeded=False)
    assert [c["sudo"] for c in calls] == [True, False]
    assert calls[0]["seedProperty"] == "seed"
    assert "seedProperty" not in calls[1]


def test_leiden_gets_the_detection_parameters_and_one_record_of_lists() -> None:
    calls: list[dict[str, Any]] = []
    params = DetectionParams()
    part = communities.detect(_gds(calls), _graph(), params, seeded=False)
    assert calls[0]["randomSeed"] == params.seed
    assert calls[0]["gamma"] == params.resolution
    assert (calls[0]["maxLevels"], calls[0]["concurrency"]) == (params.max_levels, params.concurrency)
    assert calls[0]["relationshipWeightProperty"] == "weight"
    assert part.accounts == ["a1", "a2"]  # in node id order, as the client's stream gave them
