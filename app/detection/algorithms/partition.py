"""A partition of the projected accounts into communities, and the pure steps on it: tightly tied
communities merged, regrouping after the template merge, deterministic relabelling, membership strength.
GDS streams the database's node ids; they are mapped to dense indices 0..n-1 once, and everything after
the algorithm call is numpy arrays over them. No database here: `app.detection.graph.communities` streams."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.detection.algorithms.union_find import UnionFind

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Partition:
    node_ids: IntArray  # dense index -> database node id (sorted)
    accounts: list[str]  # dense index -> account_id
    community: IntArray  # dense index -> community (0.., numbered by smallest member account_id)

    def index(self, node_ids: IntArray) -> IntArray:
        return np.searchsorted(self.node_ids, node_ids).astype(np.int64)

    def groups(self) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for node, c in enumerate(self.community.tolist()):
            out.setdefault(c, []).append(self.accounts[node])
        return {c: sorted(m) for c, m in out.items()}


@dataclass(frozen=True)
class Links:
    """Each undirected projected link once, as dense indices of the partition."""

    source: IntArray
    target: IntArray
    weight: FloatArray


def partition_of(rows: Mapping[int, tuple[str, int]]) -> Partition:
    """The partition from an algorithm's stream: database node id -> (account_id, raw community id)."""
    node_ids = np.array(sorted(rows), dtype=np.int64)
    accounts = [rows[int(nid)][0] for nid in node_ids]
    raw = np.array([rows[int(nid)][1] for nid in node_ids], dtype=np.int64)
    return Partition(node_ids, accounts, relabel(raw, accounts))


def links_of(part: Partition, source: IntArray, target: IntArray, weight: FloatArray) -> Links:
    """Links from streamed database node ids, each undirected link once (source < target)."""
    once = source < target
    return Links(part.index(source[once]), part.index(target[once]), weight[once])


def merge_tight(part: Partition, lk: Links, ratio: float) -> Partition:
    """Merges two communities when the weight between them is at least `ratio` of the smaller one's total
    link weight: a high modularity resolution keeps small campaigns apart from the crowd but can also
    carve one campaign along its card groups, which are then tied to each other by hosting IPs and
    templates far more than to anyone else.

    Each community joins at most one larger one (the one it is tightest to): measured against its own small
    weight, a handful of accounts that used a campaign's proxy and a class's exercise is tight to both, and
    merging along every tight tie chained a campaign, the class and hundreds of ordinary accounts into one
    community. Pieces of one campaign still join: each is tightest to a bigger piece of it."""
    if ratio <= 0 or len(lk.weight) == 0:
        return part
    comm = part.community
    k = int(comm.max()) + 1
    cs, cd = comm[lk.source], comm[lk.target]
    volume = np.bincount(cs, lk.weight, k) + np.bincount(cd, lk.weight, k)
    cross = cs != cd
    lo, hi = np.minimum(cs[cross], cd[cross]), np.maximum(cs[cross], cd[cross])
    pairs, inverse = np.unique(lo * k + hi, return_inverse=True)
    between = np.bincount(inverse, lk.weight[cross], len(pairs))
    a, b = pairs // k, pairs % k
    # The smaller side (by weight, ties by community number) is the one that joins.
    a_joins = (volume[a] < volume[b]) | ((volume[a] == volume[b]) & (a > b))
    child = np.where(a_joins, a, b)
    parent = np.where(a_joins, b, a)
    tightness = between / np.maximum(volume[child], 1e-12)
    tight = tightness >= ratio
    child, parent, tightness = child[tight], parent[tight], tightness[tight]
    # Per child its tightest parent (ties: the smaller community number, for determinism).
    order = np.lexsort((parent, -tightness, child))
    child, parent = child[order], parent[order]
    first = np.ones(len(child), dtype=bool)
    first[1:] = child[1:] != child[:-1]
    sets = UnionFind(range(k))
    for x, y in zip(child[first].tolist(), parent[first].tolist(), strict=True):
        sets.union(x, y)
    roots = np.array([sets.find(c) for c in range(k)], dtype=np.int64)
    return Partition(part.node_ids, part.accounts, relabel(roots[comm], part.accounts))


def regroup(
    part: Partition, inputs: Mapping[int, Sequence[str]], groups: Mapping[int, Sequence[str]]
) -> Partition:
    """`part` after a step that turned the communities `inputs` into `groups`: every account of `groups`
    in its group's community (a group may join several communities), every account of `inputs` the step
    left out on its own, the rest as they were."""
    where = {a: i for i, a in enumerate(part.accounts)}
    comm = part.community.copy()
    fresh = int(comm.max(initial=0)) + 1
    for accs in inputs.values():
        for a in accs:
            comm[where[a]] = fresh
            fresh += 1
    for c, accs in groups.items():
        for a in accs:
            comm[where[a]] = c
    return Partition(part.node_ids, part.accounts, relabel(comm, part.accounts))


def strengths(part: Partition, lk: Links) -> dict[str, float]:
    """Membership strength per account: the share of its link weight inside its community, times how its
    inside weight compares with its community's median member (an account hanging on by one weak link
    is a weak member)."""
    n = len(part.accounts)
    comm = part.community
    total = np.bincount(lk.source, lk.weight, n) + np.bincount(lk.target, lk.weight, n)
    same = comm[lk.source] == comm[lk.target]
    inside = np.bincount(lk.source[same], lk.weight[same], n) + np.bincount(
        lk.target[same], lk.weight[same], n
    )
    share = np.divide(inside, total, out=np.zeros(n), where=total > 0)
    order = np.lexsort((inside, comm))
    bounds = np.flatnonzero(np.diff(comm[order], prepend=-1, append=int(comm.max(initial=0)) + 1))
    median = np.zeros(int(comm.max(initial=0)) + 1)
    for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        median[comm[order[lo]]] = inside[order[(lo + hi) // 2]]
    med = median[comm]
    rel = np.minimum(1.0, np.divide(inside, med, out=np.zeros(n), where=med > 0))
    return {acc: round(float(s), 6) for acc, s in zip(part.accounts, share * rel, strict=True)}


def relabel(raw: IntArray, accounts: list[str]) -> IntArray:
    """Numbers communities 0.. by their smallest member account_id: independent of GDS's arbitrary ids."""
    first: dict[int, str] = {}
    for c, acc in zip(raw.tolist(), accounts, strict=True):
        if c not in first or acc < first[c]:
            first[c] = acc
    order = {c: i for i, c in enumerate(sorted(first, key=lambda c: first[c]))}
    return np.array([order[c] for c in raw.tolist()], dtype=np.int64)


def pinned(part: Partition, lk: Links, campaigns: Sequence[frozenset[str]]) -> Partition:
    """`part` with each of `campaigns` (an incremental run's touched campaigns) whole, as its own community,
    and every other account community detection put beside some of their members attached to the campaign
    it has the most link weight to. Communities with no campaign member stay as they are (new groups).

    On an incremental run's small graph the touched campaigns lack their pairs to the rest of the
    platform, so modularity there is not the full graph's: community detection may merge campaigns a full
    run keeps apart. Joining or dropping campaigns is left to the full run; new accounts still go where
    their links go.
    """
    where = {a: i for i, a in enumerate(part.accounts)}
    group = np.full(len(part.accounts), -1, dtype=np.int64)
    for g, members in enumerate(campaigns):
        for a in members:
            if a in where:
                group[where[a]] = g
    if not (group >= 0).any():
        return part
    held = np.zeros(int(part.community.max(initial=0)) + 1, dtype=bool)
    held[part.community[group >= 0]] = True
    # Weight from each account beside a campaign member to each campaign: links with one campaign end.
    pull: dict[int, dict[int, float]] = {}
    for s, t, w in zip(lk.source.tolist(), lk.target.tolist(), lk.weight.tolist(), strict=True):
        for u, v in ((s, t), (t, s)):
            if group[u] < 0 and group[v] >= 0 and held[part.community[u]]:
                gv = int(group[v])
                pull.setdefault(u, {})[gv] = pull.setdefault(u, {}).get(gv, 0.0) + w
    base = int(part.community.max(initial=0)) + 1
    comm = part.community.copy()
    for i in range(len(comm)):
        if group[i] >= 0:
            comm[i] = base + group[i]
        elif i in pull:
            comm[i] = base + max(sorted(pull[i]), key=lambda g: pull[i][g])
    return Partition(part.node_ids, part.accounts, relabel(comm, part.accounts))
