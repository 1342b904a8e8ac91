"""Touched campaigns kept whole on an incremental run's small graph (`partition.pinned`; no database)."""

from __future__ import annotations

import numpy as np

from app.detection.algorithms.partition import Links, Partition, pinned


def _part(communities: dict[str, int]) -> Partition:
    accounts = sorted(communities)
    return Partition(
        np.arange(len(accounts), dtype=np.int64),
        accounts,
        np.array([communities[a] for a in accounts], dtype=np.int64),
    )


def _links(part: Partition, edges: list[tuple[str, str, float]]) -> Links:
    at = {a: i for i, a in enumerate(part.accounts)}
    return Links(
        np.array([at[s] for s, _, _ in edges], dtype=np.int64),
        np.array([at[t] for _, t, _ in edges], dtype=np.int64),
        np.array([w for _, _, w in edges], dtype=np.float64),
    )


def test_merged_campaigns_are_split_back_and_new_accounts_go_where_their_links_go() -> None:
    # Community detection put campaigns A (a1, a2) and B (b1, b2) and the new accounts n1, n2 together;
    # n3, n4 form a new group of their own.
    part = _part({"a1": 0, "a2": 0, "b1": 0, "b2": 0, "n1": 0, "n2": 0, "n3": 1, "n4": 1})
    edges = [("a1", "a2", 5.0), ("b1", "b2", 5.0), ("n1", "a1", 3.0), ("n1", "b1", 1.0), ("n2", "b2", 2.0)]
    lk = _links(part, [*edges, ("n3", "n4", 4.0)])
    groups = pinned(part, lk, [frozenset({"a1", "a2"}), frozenset({"b1", "b2"})]).groups()
    assert sorted(groups.values()) == [["a1", "a2", "n1"], ["b1", "b2", "n2"], ["n3", "n4"]]


def test_an_account_beside_a_campaign_without_a_link_to_it_is_not_attached() -> None:
    part = _part({"a1": 0, "a2": 0, "x": 0, "y": 0})
    lk = _links(part, [("a1", "a2", 5), ("x", "y", 1)])
    groups = pinned(part, lk, [frozenset({"a1", "a2"})]).groups()
    assert sorted(groups.values()) == [["a1", "a2"], ["x", "y"]]


def test_without_touched_campaigns_the_partition_is_unchanged() -> None:
    part = _part({"a": 0, "b": 0, "c": 1})
    lk = _links(part, [("a", "b", 1)])
    assert pinned(part, lk, []) is part
