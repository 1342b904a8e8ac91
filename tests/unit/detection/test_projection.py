"""The projection's lifetime against a stand-in GDS client (no database): dropped on every way out."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pandas as pd
import pytest
from graphdatascience import GraphDataScience

from app.detection.algorithms.params import DetectionParams
from app.detection.graph.projection import Pairs, dense_seeds, projected


class _Catalog:
    """The few catalog calls the projection makes, recording drops."""

    def __init__(self, outcome: Exception | None) -> None:
        self.outcome = outcome
        self.created: set[str] = set()
        self.dropped: list[str] = []
        self.project = SimpleNamespace(cypher=self._cypher)

    def _cypher(self, query: str, **params: Any) -> tuple[object, object]:
        assert query.rstrip().endswith("AS projection")  # one column: the client's required shape
        self.projected = params
        if self.outcome is not None:
            raise self.outcome
        self.created.add(params["graph_name"])
        result = SimpleNamespace(graph_name=params["graph_name"], node_count=4, relationship_count=6)
        return object(), result

    def exists(self, name: str) -> bool:
        return name in self.created

    def drop(self, name: str, fail_if_missing: bool = True) -> None:
        assert not fail_if_missing  # also called when nothing was projected
        self.dropped.append(name)
        self.created.discard(name)


PAIRS = {"source": ["a1", "a1", "a2"], "target": ["a2", "a3", "a3"], "weight": [1.5, 0.9, 2.0]}


def _gds(
    outcome: Exception | None = None, pairs: dict[str, list[Any]] | None = None
) -> tuple[GraphDataScience, _Catalog]:
    catalog = _Catalog(outcome)
    rows = pd.DataFrame([PAIRS if pairs is None else pairs])

    def run_cypher(query: str, params: dict[str, Any]) -> pd.DataFrame:
        # The pair computation, not the projection.
        assert "AS source" in query
        assert "gds.graph.project" not in query
        return rows

    return cast(GraphDataScience, SimpleNamespace(graph=catalog, run_cypher=run_cypher)), catalog


def test_the_pairs_go_into_gds_in_their_order_as_positions_in_one_account_list() -> None:
    gds, catalog = _gds()
    with projected(gds, "g0", DetectionParams(), 100, {"a1": 7}):
        sent = catalog.projected
    accounts = sent["accounts"]
    assert sorted(accounts) == ["a1", "a2", "a3"]
    pairs = [(accounts[s], accounts[t]) for s, t in zip(sent["source"], sent["target"], strict=True)]
    assert pairs == [("a1", "a2"), ("a1", "a3"), ("a2", "a3")]
    assert sent["weight"] == [1.5, 0.9, 2.0]
    seeds = dict(zip(accounts, sent["seeds"], strict=True))
    # Small consecutive seeds: a1 keeps its campaign's (as rank 0), the others get their own above it.
    assert seeds["a1"] == 0
    assert sorted(seeds.values()) == [0, 1, 2]


def test_seeds_are_dense_and_keep_who_shared_a_campaign() -> None:
    previous = {"a": 0xCC71D4B5, "b": 0xCC71D4B5, "c": 0x0234ABCD}
    seeds = dense_seeds(["x", "a", "c", "b", "y"], previous)
    assert seeds[1] == seeds[3]  # a and b were one campaign
    assert len(set(seeds)) == 4
    assert max(seeds) < 5  # whatever the campaigns' 32-bit seeds were


def test_projection_reports_sizes_and_is_dropped_after_the_block() -> None:
    gds, catalog = _gds()
    with projected(gds, "g1", DetectionParams(), 100, None) as proj:
        assert (proj.nodes, proj.relationships) == (4, 6)
        assert proj.graph is not None
        assert catalog.dropped == []
    assert catalog.dropped == ["g1"]


def test_projection_is_dropped_when_a_stage_inside_fails() -> None:
    gds, catalog = _gds()
    with (
        pytest.raises(RuntimeError, match="stage failed"),
        projected(gds, "g2", DetectionParams(), 100, None),
    ):
        raise RuntimeError("stage failed")
    assert catalog.dropped == ["g2"]


def test_no_pair_is_an_empty_projection_without_asking_gds() -> None:
    gds, catalog = _gds(pairs={"source": [], "target": [], "weight": []})
    with projected(gds, "g3", DetectionParams(), 0, None) as proj:
        assert proj.graph is None
        assert proj.nodes == 0
    assert not hasattr(catalog, "projected")
    assert catalog.dropped == ["g3"]


def test_pairs_whose_accounts_vanished_are_an_empty_projection_not_an_error() -> None:
    # The client refuses GDS's null result for an aggregation over no rows with a ValueError.
    gds, catalog = _gds(ValueError("The Cypher projection query produced no rows."))
    with projected(gds, "g5", DetectionParams(), 0, None) as proj:
        assert proj.graph is None
        assert proj.nodes == 0
    assert catalog.dropped == ["g5"]


def test_a_projection_failure_still_drops_by_name() -> None:
    gds, catalog = _gds(RuntimeError("projection failed"))
    with (
        pytest.raises(RuntimeError, match="projection failed"),
        projected(gds, "g4", DetectionParams(), 100, None),
    ):
        pass
    assert catalog.dropped == ["g4"]


def test_pairs_read_twice_are_one_set_in_pair_order() -> None:
    changed = Pairs(("a", "b"), ("c", "n"), (1.0, 2.0))
    inside = Pairs(("a", "a"), ("b", "c"), (0.5, 1.0))  # a-c is in both: the same pair, the same weight
    both = changed.union(inside)
    assert list(zip(both.source, both.target, both.weight, strict=True)) == [
        ("a", "b", 0.5),
        ("a", "c", 1.0),
        ("b", "n", 2.0),
    ]
    assert both.accounts() == {"a", "b", "c", "n"}
