"""The weighted Account-Account graph in the GDS catalog, built from every enabled signal family.

One query (`cypher/detection/link_pairs.cypher`) turns shared entities into link weights: family weight x
rarity (IDF over the platform's accounts), supernodes above each family's `max_share` of the platform
skipped, large groups sampled to `sample_k` successors in account order, and pairs below `min_pair_weight`
dropped (minimum shared evidence). Templates add the lockstep weight: the Jaccard of the two accounts' hour
buckets on that template. A second, short query (`cypher/detection/project_pairs.cypher`) puts the pairs
into GDS through the client's Cypher projection. Two queries, not one: GDS plans the whole text of a
projection query again on every projection, which for the pair computation cost about half a second per
run whatever the graph's size (docs/benchmarks.md § "Incremental").

An incremental run projects a `Scope`: the pairs with a changed endpoint (partners anywhere on the
platform) and the pairs inside each touched campaign, each weighted exactly as a full run weighs it.
Pairs between two unchanged accounts are the last run's business, also across two touched campaigns:
their members' pairs to the rest of the platform are not in the graph, so pairs between them would weigh
far more in it than in a full one, and community detection would merge them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from graphdatascience import GraphDataScience
from graphdatascience.graph.graph_api import Graph

from app.detection.algorithms.pair_windows import MemberGroup, PairRules, window_pairs
from app.detection.algorithms.params import DetectionParams
from app.platform.cypher import q
from app.platform.runner import SyncRunner


@dataclass(frozen=True)
class Pairs:
    """Weighted account pairs, each once (source < target), in (source, target) order."""

    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    weight: tuple[float, ...] = ()

    def accounts(self) -> set[str]:
        return {*self.source, *self.target}

    def union(self, other: Pairs) -> Pairs:
        """Both sets of pairs in (source, target) order; a pair in both (same weight: the same query over
        the same entities) once."""
        rows = dict(zip(zip(self.source, self.target, strict=True), self.weight, strict=True))
        rows.update(zip(zip(other.source, other.target, strict=True), other.weight, strict=True))
        ordered = sorted(rows.items())
        return Pairs(
            tuple(a for (a, _), _ in ordered), tuple(b for (_, b), _ in ordered), tuple(w for _, w in ordered)
        )


@dataclass(frozen=True)
class Scope:
    """What an incremental run projects (see the module doc)."""

    changed: frozenset[str]  # new accounts and accounts that gained a link
    campaigns: tuple[frozenset[str], ...]  # the members of each active campaign the changes touch
    # The pairs with a changed endpoint, which the run already read to find the touched campaigns.
    changed_pairs: Pairs | None = field(default=None, compare=False)
    # The pairs inside each touched campaign, when the run made them from groups it had read anyway.
    campaign_pairs: Pairs | None = field(default=None, compare=False)

    @property
    def members(self) -> frozenset[str]:
        return frozenset().union(*self.campaigns)

    @property
    def accounts(self) -> frozenset[str]:
        """The accounts whose community the run decides; their other partners only pull on them."""
        return self.changed | self.members

    def campaign_of(self) -> dict[str, int]:
        """Member -> its campaign's position: pairs are kept within a campaign, not across two."""
        return {a: i for i, members in enumerate(self.campaigns) for a in members}


@dataclass(frozen=True)
class Projection:
    graph_name: str
    nodes: int
    relationships: int  # directed count: each undirected link twice
    graph: Graph | None = None  # None: no pair reached the minimum weight, nothing was projected


@contextmanager
def projected(
    gds: GraphDataScience,
    graph_name: str,
    params: DetectionParams,
    accounts: int,
    previous: dict[str, int] | None,
    scope: Scope | None = None,
) -> Iterator[Projection]:
    """The projection for the length of the `with` block; dropped by name afterwards, also when the
    projection itself or anything in the block fails, so a failure leaves nothing in the GDS catalog.
    `scope`: only an incremental run's pairs (`Scope`), weighted as in a full run."""
    try:
        yield _project(gds, graph_name, params, accounts, previous, scope)
    finally:
        gds.graph.drop(graph_name, fail_if_missing=False)


def family_limits(params: DetectionParams, accounts: int) -> tuple[dict[str, dict[str, Any]], int]:
    """Each family's settings with its supernode cut-off at this platform size, and the templates' cut-off
    (templates carry two families), as the pair query takes them."""
    fam = {
        name: {**f.model_dump(), "max_degree": f.max_degree(accounts)} for name, f in params.families.items()
    }
    tmpl = [
        params.families[f].max_degree(accounts)
        for f in ("template", "synchrony")
        if params.families[f].enabled
    ]
    return fam, max(tmpl, default=0)


def dense_seeds(accounts: list[str], previous: dict[str, int]) -> list[int]:
    """Each account's Leiden seed: its previous campaign's, else one of its own, as small consecutive
    integers (only equality matters to Leiden; GDS wants them non-negative, and ranks need no store ids)."""
    rank = {s: i for i, s in enumerate(sorted(set(previous.values())))}
    fresh = iter(range(len(rank), len(rank) + len(accounts)))
    return [rank[previous[a]] if a in previous else next(fresh) for a in accounts]


def link_pairs(
    gds: GraphDataScience,
    params: DetectionParams,
    accounts: int,
    changed: Collection[str] | None = None,
    members: dict[str, int] | None = None,
) -> Pairs:
    """The weighted pairs of the whole platform (`changed` None), or of part of it: those with an endpoint in
    `changed`, and those inside one campaign of `members` (account -> campaign), weighted as in a full run;
    a part visits only the entities its accounts use (no others can give one of its pairs)."""
    fam, template_max_degree = family_limits(params, accounts)
    region: list[str] | None = None
    if changed is not None:
        region = sorted({*changed, *(members or {})})
        if not region:
            return Pairs()
    rows = gds.run_cypher(
        q("detection/link_pairs"),
        params={
            "fam": fam,
            "n": float(max(accounts, 3)),
            "k": params.sample_k,
            "chords": params.sample_chords,
            "rarity_exponent": params.rarity_exponent,
            "dedication_boost": params.dedication_boost,
            "dedication_prior": float(params.dedication_prior),
            "min_pair_weight": params.min_pair_weight,
            "network_alone": params.network_alone,
            "template_max_degree": template_max_degree,
            # Maps, not lists: membership is one hash lookup per pair end in the query.
            "changed": None if changed is None else dict.fromkeys(changed, True),
            "members": members or {},
            "region": region,
        },
    )
    if not len(rows):
        return Pairs()
    row = rows.iloc[0]
    return Pairs(
        tuple(str(a) for a in row["source"]),
        tuple(str(b) for b in row["target"]),
        tuple(float(w) for w in row["weight"]),
    )


class GroupCache:
    """The member groups an incremental run has read (`detection/link_groups`), each entity once: the
    changed accounts' pairs and the touched campaigns' come from the same groups, and a second read
    fetches only the entities the first did not reach."""

    def __init__(self, runner: SyncRunner, params: DetectionParams, accounts: int) -> None:
        self.runner = runner
        self.params = params
        self.accounts = accounts
        self.rules = PairRules.of(params, accounts)
        self.groups: dict[str, MemberGroup] = {}
        self.reached: set[str] = set()  # accounts whose entities are all in `groups`

    def read(self, accounts: Collection[str]) -> None:
        """Adds the groups of the entities `accounts` use."""
        region = sorted(set(accounts) - self.reached)
        if not region:
            return
        fam, template_max_degree = family_limits(self.params, self.accounts)
        rows = self.runner.run(
            "detection/link_groups",
            fam=fam,
            template_max_degree=template_max_degree,
            dedication_prior=float(self.params.dedication_prior),
            region=region,
            known=dict.fromkeys(self.groups, True),
        )
        self.reached.update(region)
        if not rows:
            return
        r = rows[0]
        for key, m, hs, ded, fw, sw, net in zip(
            r["keys"],
            r["members"],
            r["hours"],
            r["dedication"],
            r["family_weight"],
            r["sync_weight"],
            r["network"],
            strict=True,
        ):
            self.groups[str(key)] = MemberGroup(str(key), m, hs, ded, float(fw), float(sw), bool(net))

    def pairs(self, changed: Collection[str], members: dict[str, int] | None = None) -> Pairs:
        """`link_pairs`' pairs for `changed` / `members`, from the groups read (read them first)."""
        rows = window_pairs(self.groups.values(), self.rules, changed, members)
        return Pairs(tuple(a for a, _, _ in rows), tuple(b for _, b, _ in rows), tuple(w for _, _, w in rows))


def _scoped_pairs(gds: GraphDataScience, params: DetectionParams, accounts: int, scope: Scope) -> Pairs:
    """An incremental run's pairs: those with a changed endpoint, and those inside one touched campaign."""
    with_changed = scope.changed_pairs
    if with_changed is None:
        with_changed = link_pairs(gds, params, accounts, scope.changed)
    inside = scope.campaign_pairs
    if inside is None:
        # No changed account here (an empty map, not none): only the pairs inside one touched campaign.
        inside = link_pairs(gds, params, accounts, (), scope.campaign_of())
    return with_changed.union(inside)


def _project(
    gds: GraphDataScience,
    graph_name: str,
    params: DetectionParams,
    accounts: int,
    previous: dict[str, int] | None,
    scope: Scope | None = None,
) -> Projection:
    prev = previous or {}
    if scope is None:
        pairs = link_pairs(gds, params, accounts)
    else:
        pairs = _scoped_pairs(gds, params, accounts, scope)
    if not pairs.source:
        return Projection(graph_name, 0, 0)
    # Each account's position in one list, in order of first appearance (the rows' order is GDS's ids).
    codes, accounts_list = pd.factorize(pd.Series([*pairs.source, *pairs.target], dtype=object), sort=False)
    accounts_in = [str(a) for a in accounts_list]
    n = len(pairs.source)
    try:
        graph, result = gds.graph.project.cypher(
            q("detection/project_pairs"),
            graph_name=graph_name,
            accounts=accounts_in,
            source=codes[:n].tolist(),
            target=codes[n:].tolist(),
            weight=list(pairs.weight),
            seeds=dense_seeds(accounts_in, prev),
        )
    except ValueError:
        # The client refuses a projection result that is not a map: GDS's aggregation over no rows (every
        # account of every pair deleted since the pairs were read) returns null. Any other refusal is real.
        if gds.graph.exists(graph_name):
            raise
        return Projection(graph_name, 0, 0)
    return Projection(result.graph_name, result.node_count, result.relationship_count, graph)
