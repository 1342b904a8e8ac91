"""Pure partition steps (no database): relabelling, link mapping, tight merges, regrouping, strength."""

from __future__ import annotations

import numpy as np

from app.detection.algorithms.partition import (
    Links,
    Partition,
    links_of,
    merge_tight,
    partition_of,
    regroup,
    strengths,
)


def _part(groups: list[list[str]]) -> Partition:
    # Node ids deliberately not in account order and community ids arbitrary, as GDS streams them.
    rows = {
        100 + 7 * i: (acc, 900 - g) for g, accs in enumerate(groups) for i, acc in enumerate(accs, 10 * g)
    }
    return partition_of(rows)


def _links(part: Partition, pairs: list[tuple[str, str, float]]) -> Links:
    where = {a: int(n) for a, n in zip(part.accounts, part.node_ids, strict=True)}
    src = np.array([where[a] for a, _, _ in pairs] + [where[b] for _, b, _ in pairs], dtype=np.int64)
    dst = np.array([where[b] for _, b, _ in pairs] + [where[a] for a, _, _ in pairs], dtype=np.int64)
    wts = np.array([w for *_, w in pairs] * 2, dtype=np.float64)
    return links_of(part, src, dst, wts)


def test_communities_are_numbered_by_their_smallest_account_not_by_gds_ids() -> None:
    part = _part([["z1", "z2"], ["a1", "a2"], ["m1"]])
    assert part.groups() == {0: ["a1", "a2"], 1: ["m1"], 2: ["z1", "z2"]}


def test_each_streamed_undirected_link_is_kept_once_as_dense_indices() -> None:
    part = _part([["a", "b", "c"]])
    lk = _links(part, [("a", "b", 2.0), ("b", "c", 0.5)])
    assert len(lk.weight) == 2
    assert sorted(zip(lk.source.tolist(), lk.target.tolist(), lk.weight.tolist(), strict=True)) == [
        (0, 1, 2.0),
        (1, 2, 0.5),
    ]


def test_tightly_tied_communities_merge_and_loosely_tied_ones_do_not() -> None:
    part = _part([["a1", "a2"], ["b1", "b2"], ["c1", "c2"]])
    lk = _links(
        part,
        [
            ("a1", "a2", 1.0),
            ("b1", "b2", 1.0),
            ("c1", "c2", 1.0),
            ("a2", "b1", 1.0),  # a and b: as much between them as inside each
            ("b2", "c1", 0.05),  # b and c: a thread
        ],
    )
    merged = merge_tight(part, lk, ratio=0.3)
    assert sorted(merged.groups().values()) == [["a1", "a2", "b1", "b2"], ["c1", "c2"]]


def test_a_small_community_tight_to_two_joins_only_the_tighter_and_does_not_chain_them() -> None:
    # Two unrelated communities; a pair of accounts that used the first's proxy and the second's exercise.
    part = _part([["p1", "p2", "p3"], ["q1", "q2", "q3"], ["x1", "x2"]])
    lk = _links(
        part,
        [
            ("p1", "p2", 5.0),
            ("p2", "p3", 5.0),
            ("q1", "q2", 5.0),
            ("q2", "q3", 5.0),
            ("x1", "x2", 0.1),
            ("x1", "p1", 0.4),  # tighter to p
            ("x2", "q1", 0.3),
        ],
    )
    merged = merge_tight(part, lk, ratio=0.1)
    assert sorted(merged.groups().values()) == [["p1", "p2", "p3", "x1", "x2"], ["q1", "q2", "q3"]]


def test_pieces_of_one_campaign_join_through_each_ones_tightest_bigger_piece() -> None:
    # Three card groups of one campaign, each tied to the next-bigger one by shared hosting IPs.
    part = _part([["a1", "a2", "a3", "a4"], ["b1", "b2", "b3"], ["c1", "c2"]])
    lk = _links(
        part,
        [
            ("a1", "a2", 2.0),
            ("a2", "a3", 2.0),
            ("a3", "a4", 2.0),
            ("b1", "b2", 2.0),
            ("b2", "b3", 2.0),
            ("c1", "c2", 2.0),
            ("a1", "b1", 3.0),
            ("b3", "c1", 3.0),
        ],
    )
    merged = merge_tight(part, lk, ratio=0.2)
    assert len(merged.groups()) == 1


def test_merge_switched_off_leaves_the_partition() -> None:
    part = _part([["a1", "a2"], ["b1", "b2"]])
    lk = _links(part, [("a1", "b1", 5.0)])
    assert merge_tight(part, lk, ratio=0.0) is part


def test_regroup_joins_groups_isolates_left_out_inputs_and_keeps_the_rest() -> None:
    part = _part([["a1", "a2"], ["b1", "b2"], ["c1", "c2"], ["x1", "x2"]])
    groups = part.groups()  # a: 0, b: 1, c: 2, x: 3
    inputs = {0: groups[0], 1: groups[1], 2: groups[2]}
    # The step joined a and b, and kept only c1 of c.
    out = regroup(part, inputs, {0: ["a1", "a2", "b1", "b2"], 2: ["c1"]})
    assert sorted(out.groups().values()) == [["a1", "a2", "b1", "b2"], ["c1"], ["c2"], ["x1", "x2"]]


def test_a_member_hanging_on_by_one_weak_link_is_weak() -> None:
    core = [f"m{i}" for i in range(5)]
    part = _part([[*core, "hanger"], ["out"]])
    pairs = [(a, b, 1.0) for i, a in enumerate(core) for b in core[i + 1 :]]
    lk = _links(part, [*pairs, ("m0", "hanger", 0.05), ("m1", "out", 1.0)])
    s = strengths(part, lk)
    assert s["m2"] == 1.0  # all of its weight inside, as much as the median member
    assert s["m1"] < 1.0  # a fifth of its weight goes out
    assert s["hanger"] < 0.05
    assert s["out"] == 0.0
