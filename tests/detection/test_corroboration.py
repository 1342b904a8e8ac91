"""Corroboration in the pair query (`network_alone`): a pair that shares only network evidence keeps that
share of its weight, a pair that shares the network and a card keeps all of it."""

from __future__ import annotations

import pytest
from neo4j import Driver

from app.detection.algorithms.params import DetectionParams
from app.detection.graph.gds import gds_client
from app.detection.graph.projection import link_pairs
from app.platform.settings import Settings
from tests.conftest import wipe

GRAPH = """
CREATE (n1:Account {account_id: 'net_a', requests: 10}), (n2:Account {account_id: 'net_b', requests: 10}),
       (c1:Account {account_id: 'card_a', requests: 10}), (c2:Account {account_id: 'card_b', requests: 10}),
       (ip1:IP {address: '198.51.100.7'}), (ip2:IP {address: '203.0.113.9'}),
       (p1:Prefix {cidr: '198.51.100.0/24'}), (p2:Prefix {cidr: '203.0.113.0/24'}),
       (card:PaymentInstrument {instrument_key: 'k1', instrument_type: 'credit_card'}),
       (ip1)-[:IN_PREFIX]->(p1), (ip2)-[:IN_PREFIX]->(p2),
       (n1)-[:USED_IP]->(ip1), (n2)-[:USED_IP]->(ip1),
       (c1)-[:USED_IP]->(ip2), (c2)-[:USED_IP]->(ip2),
       (c1)-[:PAID_WITH]->(card), (c2)-[:PAID_WITH]->(card)
"""
# A platform of this many accounts for rarity; the four above are all that share anything.
PLATFORM = 10_000


@pytest.fixture(scope="module")
def graph(driver: Driver) -> Driver:
    wipe(driver)
    driver.execute_query(GRAPH)
    return driver


def _weights(driver: Driver, settings: Settings, network_alone: float) -> dict[tuple[str, str], float]:
    params = DetectionParams(min_pair_weight=0.0, network_alone=network_alone)
    with gds_client(driver, settings.neo4j_database) as gds:
        pairs = link_pairs(gds, params, PLATFORM)
    return dict(zip(zip(pairs.source, pairs.target, strict=True), pairs.weight, strict=True))


def test_network_alone_scales_only_pairs_without_other_evidence(graph: Driver, settings: Settings) -> None:
    full, discounted = _weights(graph, settings, 1.0), _weights(graph, settings, 0.3)
    assert set(full) == set(discounted) == {("net_a", "net_b"), ("card_a", "card_b")}
    assert discounted[("net_a", "net_b")] == pytest.approx(0.3 * full[("net_a", "net_b")])
    # The card corroborates: the address and its /24 count in full beside it.
    assert discounted[("card_a", "card_b")] == pytest.approx(full[("card_a", "card_b")])
    assert full[("card_a", "card_b")] > full[("net_a", "net_b")] > 0
