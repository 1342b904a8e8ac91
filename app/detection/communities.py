"""Communities of the projected account graph (GDS), merged where they are tightly tied, relabelled
deterministically, and each account's membership strength. GDS streams the database's node ids; they are
mapped to dense indices 0..n-1 once, and everything after the algorithm call is numpy arrays over them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from neo4j import Session
from neo4j.exceptions import ClientError

from app.detection.params import DetectionParams
from app.detection.union_find import UnionFind
from app.platform.cypher import q
from app.platform.logging import get_logger

log = get_logger(__name__)
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


def detect(session: Session, graph_name: str, params: DetectionParams, seeded: bool) -> Partition:
    if params.algorithm == "wcc":
        rows = _stream(
            session,
            "detection/communities_wcc",
            graph_name=graph_name,
            threshold=params.wcc_threshold,
            concurrency=params.concurrency,
        )
    else:
        config: dict[str, object] = {
            "relationshipWeightProperty": "weight",
            "concurrency": params.concurrency,
            "maxLevels": params.max_levels,
            "tolerance": params.tolerance,
        }
        if params.algorithm == "leiden":
            config |= {"randomSeed": params.seed, "gamma": params.resolution}
        if seeded:
            config["seedProperty"] = "seed"
        try:
            rows = _stream(
                session, f"detection/communities_{params.algorithm}", graph_name=graph_name, config=config
            )
        except ClientError as exc:
            # GDS 2.13's Leiden fails with a NullPointerException in its dendrogram manager when the graph
            # gives it nothing to refine past the first level (e.g. only disconnected cliques). Louvain on
            # the same weights and seeds gives that partition; anything else is a real failure.
            if params.algorithm != "leiden" or "dendrogramManager" not in str(exc):
                raise
            log.warning("leiden.fallback_louvain", reason="GDS Leiden dendrogram failure")
            louvain = {k: v for k, v in config.items() if k not in ("randomSeed", "gamma")}
            rows = _stream(session, "detection/communities_louvain", graph_name=graph_name, config=louvain)
    node_ids = np.array(sorted(rows), dtype=np.int64)
    accounts = [rows[int(nid)][0] for nid in node_ids]
    raw = np.array([rows[int(nid)][1] for nid in node_ids], dtype=np.int64)
    return Partition(node_ids, accounts, _relabel(raw, accounts))


def links(session: Session, graph_name: str, part: Partition) -> Links:
    src: list[int] = []
    dst: list[int] = []
    wts: list[float] = []
    for rec in session.run(q("detection/link_weights"), graph_name=graph_name):
        src.append(rec["source"])
        dst.append(rec["target"])
        wts.append(rec["weight"])
    return Links(
        part.index(np.array(src, dtype=np.int64)),
        part.index(np.array(dst, dtype=np.int64)),
        np.array(wts, dtype=np.float64),
    )


def merge_tight(part: Partition, lk: Links, ratio: float) -> Partition:
    """Merges two communities when the weight between them is at least `ratio` of the smaller one's total
    link weight: a high modularity resolution keeps small campaigns apart from the crowd but can also
    carve one campaign along its card groups, which are then tied to each other by hosting IPs and
    templates far more than to anyone else."""
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
    tight = between >= ratio * np.minimum(volume[a], volume[b])
    sets = UnionFind(range(k))
    for x, y in zip(a[tight].tolist(), b[tight].tolist(), strict=True):
        sets.union(x, y)
    roots = np.array([sets.find(c) for c in range(k)], dtype=np.int64)
    return Partition(part.node_ids, part.accounts, _relabel(roots[comm], part.accounts))


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
    return Partition(part.node_ids, part.accounts, _relabel(comm, part.accounts))


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


def _stream(session: Session, query: str, **params: Any) -> dict[int, tuple[str, int]]:
    return {
        int(r["node_id"]): (str(r["account_id"]), int(r["community"]))
        for r in session.run(q(query), **params)
    }


def _relabel(raw: IntArray, accounts: list[str]) -> IntArray:
    """Numbers communities 0.. by their smallest member account_id: independent of GDS's arbitrary ids."""
    first: dict[int, str] = {}
    for c, acc in zip(raw.tolist(), accounts, strict=True):
        if c not in first or acc < first[c]:
            first[c] = acc
    order = {c: i for i, c in enumerate(sorted(first, key=lambda c: first[c]))}
    return np.array([order[c] for c in raw.tolist()], dtype=np.int64)
