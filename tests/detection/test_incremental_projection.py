"""An incremental run's projection (`projection.Scope`) against the full one, on a small planted graph: it
must hold exactly the full projection's pairs with a changed endpoint and those inside one touched
campaign, with the full run's weights, also in entities too big to give all their pairs; and the pairs an
incremental run makes from the entities' member groups (`projection.GroupCache`, the Python twin of the
pair rules) must be `detection/link_pairs`' own under every family setting."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest
from neo4j import Driver

from app.detection.algorithms.params import DetectionParams, FamilyParams
from app.detection.graph import projection
from app.detection.graph.gds import gds_client
from app.detection.graph.platform import read_platform
from app.platform.cypher import q
from app.platform.driver import sync_driver
from app.platform.runner import SessionRunner
from app.platform.settings import Settings
from tests.conftest import wipe
from tests.detection.graphgen import Truth, build

# Small windows, so most shared templates and IPs are sampled rather than fully paired.
PARAMS = DetectionParams(sample_k=2, sample_chords=2)
Pairs = dict[tuple[str, str], float]


@pytest.fixture(scope="module")
def planted(driver: Driver) -> Truth:
    wipe(driver)
    return build(driver, seed=3, legit=500, scale=0.4)


def _pairs(settings: Settings, scope: projection.Scope | None, from_groups: bool = False) -> Pairs:
    driver = sync_driver(settings)
    try:
        with (
            driver.session(database=settings.neo4j_database) as session,
            gds_client(driver, settings.neo4j_database) as gds,
        ):
            accounts = read_platform(SessionRunner(session)).accounts
            if scope is not None and from_groups:
                # As an incremental run makes them: one cache, the changes' entities read first.
                groups = projection.GroupCache(SessionRunner(session), PARAMS, accounts)
                groups.read(scope.changed)
                groups.read(scope.members)
                scope = dataclasses.replace(
                    scope,
                    changed_pairs=groups.pairs(scope.changed),
                    campaign_pairs=groups.pairs((), scope.campaign_of()),
                )
            with projection.projected(gds, "linkwatch-test-scope", PARAMS, accounts, None, scope) as proj:
                assert proj.graph is not None
                rels = gds.graph.relationships.stream(proj.graph, relationship_properties=["weight"])
                ids = sorted({int(n) for n in rels["sourceNodeId"]} | {int(n) for n in rels["targetNodeId"]})
                rows = gds.run_cypher(q("detection/node_accounts"), params={"node_ids": ids})
                account = dict(zip(rows["node_id"].astype(int), rows["account_id"].astype(str), strict=True))
    finally:
        driver.close()
    out: Pairs = {}
    for s, t, w in zip(rels["sourceNodeId"], rels["targetNodeId"], rels["weight"], strict=True):
        a, b = sorted((account[int(s)], account[int(t)]))
        out[(a, b)] = float(w)
    return out


@pytest.fixture(scope="module")
def full(planted: Truth, settings: Settings) -> Pairs:
    return _pairs(settings, None)


def _scope(full: Pairs, planted: Truth, seed: int) -> projection.Scope:
    r = random.Random(seed)
    accounts = sorted({a for pair in full for a in pair})
    campaign = sorted(planted.campaign_of.items())[0][1]
    members = frozenset(a for a, c in planted.campaign_of.items() if c == campaign)
    other = frozenset(r.sample([a for a in accounts if a not in members], 10))
    return projection.Scope(frozenset(r.sample(accounts, len(accounts) // 20)), (members, other))


@pytest.mark.parametrize(("seed", "from_groups"), [(1, False), (2, False), (1, True), (2, True)])
def test_the_scoped_projection_is_the_full_ones_changed_and_in_campaign_pairs(
    planted: Truth, settings: Settings, full: Pairs, seed: int, from_groups: bool
) -> None:
    scope = _scope(full, planted, seed)
    campaign = scope.campaign_of()
    expected = {
        (a, b): w
        for (a, b), w in full.items()
        if a in scope.changed or b in scope.changed or campaign.get(a, -1) == campaign.get(b, -2)
    }
    got = _pairs(settings, scope, from_groups)
    assert len(expected) < len(full) / 2, "the scope is a small part of the graph"
    assert got.keys() == expected.keys()
    assert all(got[p] == pytest.approx(w) for p, w in expected.items())


def _with(params: DetectionParams, family: str, **change: Any) -> DetectionParams:
    fams: dict[str, FamilyParams] = dict(params.families)
    fams[family] = fams[family].model_copy(update=change)
    return params.model_copy(update={"families": fams})


VARIANTS = {
    "default": PARAMS,
    "asn on, prefix off": _with(_with(PARAMS, "asn", enabled=True), "prefix", enabled=False),
    "synchrony off, network alone halved": _with(PARAMS, "synchrony", enabled=False).model_copy(
        update={"network_alone": 0.5}
    ),
    "template off, synchrony on": _with(PARAMS, "template", enabled=False),
    "wide windows, no chords": PARAMS.model_copy(update={"sample_k": 5, "sample_chords": 0}),
    "no minimum weight": PARAMS.model_copy(update={"min_pair_weight": 0.0}),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_pairs_from_member_groups_are_link_pairs_own(
    planted: Truth, settings: Settings, full: Pairs, variant: str
) -> None:
    params = VARIANTS[variant]
    scope = _scope(full, planted, 1)
    driver = sync_driver(settings)
    try:
        with (
            driver.session(database=settings.neo4j_database) as session,
            gds_client(driver, settings.neo4j_database) as gds,
        ):
            accounts = read_platform(SessionRunner(session)).accounts
            groups = projection.GroupCache(SessionRunner(session), params, accounts)
            groups.read(scope.changed)
            first = len(groups.groups)
            groups.read(scope.members)  # only the entities the first read did not reach
            assert 0 < first < len(groups.groups)
            asked = [(scope.changed, None), ((), scope.campaign_of()), (scope.changed, scope.campaign_of())]
            for changed, members in asked:
                want = projection.link_pairs(gds, params, accounts, changed, members)
                got = groups.pairs(changed, members)
                assert want.source, "every variant pairs something"
                assert (got.source, got.target) == (want.source, want.target)
                # The same terms, summed in another order: equal to the last bits.
                assert got.weight == pytest.approx(want.weight, rel=1e-12, abs=0.0)
    finally:
        driver.close()
