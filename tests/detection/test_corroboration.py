"""Corroboration in the pair query (`network_alone`, `content_alone`): a pair that shares only network
evidence, or only prompts, keeps that share of its weight; a pair that shares them beside a card keeps all
of it."""

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
       (c1)-[:PAID_WITH]->(card), (c2)-[:PAID_WITH]->(card),
       (t1:Account {account_id: 'tpl_a', requests: 10}), (t2:Account {account_id: 'tpl_b', requests: 10}),
       (bank:PromptTemplate {template_id: 'bank'}), (own:PromptTemplate {template_id: 'own'}),
       (t1)-[:SENT {requests: 6, hours: [100]}]->(bank), (t2)-[:SENT {requests: 6, hours: [200]}]->(bank),
       (c1)-[:SENT {requests: 6, hours: [300]}]->(own), (c2)-[:SENT {requests: 6, hours: [400]}]->(own)
"""
# A platform of this many accounts for rarity; the four above are all that share anything.
PLATFORM = 10_000


@pytest.fixture(scope="module")
def graph(driver: Driver) -> Driver:
    wipe(driver)
    driver.execute_query(GRAPH)
    return driver


def _weights(
    driver: Driver, settings: Settings, network_alone: float, content_alone: float = 1.0
) -> dict[tuple[str, str], float]:
    params = DetectionParams(min_pair_weight=0.0, network_alone=network_alone, content_alone=content_alone)
    with gds_client(driver, settings.neo4j_database) as gds:
        pairs = link_pairs(gds, params, PLATFORM)
    return dict(zip(zip(pairs.source, pairs.target, strict=True), pairs.weight, strict=True))


def test_network_alone_scales_only_pairs_without_other_evidence(graph: Driver, settings: Settings) -> None:
    full, discounted = _weights(graph, settings, 1.0), _weights(graph, settings, 0.3)
    assert set(full) == set(discounted) == {("net_a", "net_b"), ("card_a", "card_b"), ("tpl_a", "tpl_b")}
    assert discounted[("net_a", "net_b")] == pytest.approx(0.3 * full[("net_a", "net_b")])
    # The card corroborates: the address and its /24 count in full beside it.
    assert discounted[("card_a", "card_b")] == pytest.approx(full[("card_a", "card_b")])
    assert full[("card_a", "card_b")] > full[("net_a", "net_b")] > 0


def test_content_alone_scales_only_pairs_that_share_nothing_but_prompts(
    graph: Driver, settings: Settings
) -> None:
    full, discounted = _weights(graph, settings, 1.0), _weights(graph, settings, 1.0, content_alone=0.3)
    assert discounted[("tpl_a", "tpl_b")] == pytest.approx(0.3 * full[("tpl_a", "tpl_b")])
    # The card corroborates the prompt the two card holders share; network-only pairs are not prompts.
    assert discounted[("card_a", "card_b")] == pytest.approx(full[("card_a", "card_b")])
    assert discounted[("net_a", "net_b")] == pytest.approx(full[("net_a", "net_b")])
    # The card holders' shared prompt adds to their weight: with it they outweigh the prompt-only pair.
    assert full[("card_a", "card_b")] > full[("tpl_a", "tpl_b")] > 0


WIDE = """
UNWIND range(0, 39) AS i
CREATE (a:Account {account_id: 'w' + right('0' + toString(i), 2), requests: 10})
WITH collect(a) AS accounts
CREATE (t:PromptTemplate {template_id: 'wide'}), (ip:IP {address: '192.0.2.50'})
FOREACH (a IN accounts | CREATE (a)-[:SENT {requests: 2, hours: []}]->(t))
WITH accounts, ip
FOREACH (a IN [accounts[0], accounts[20]] | CREATE (a)-[:USED_IP]->(ip))
"""


def test_a_pair_that_met_in_one_window_is_checked_against_all_it_shares(
    driver: Driver, settings: Settings
) -> None:
    # 40 accounts send one template: a big entity, so each member meets only its next 12 and a chord (15
    # on). w00 and w20 never meet in the template's window; they share an address, and meet there. They
    # still share the template, so the address is corroborated and counts in full.
    wipe(driver)
    driver.execute_query(WIDE)
    full, discounted = _weights(driver, settings, 1.0), _weights(driver, settings, 0.3, content_alone=0.3)
    assert ("w00", "w20") in full
    assert discounted[("w00", "w20")] == pytest.approx(full[("w00", "w20")])
    # Pairs that met in the template's window and share nothing else are discounted.
    assert discounted[("w00", "w01")] == pytest.approx(0.3 * full[("w00", "w01")])
