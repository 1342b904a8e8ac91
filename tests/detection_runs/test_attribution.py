"""Auto-attribution from labels and infrastructure reuse; analyst decisions always win."""

from __future__ import annotations

import json
from typing import Any

from neo4j import Driver

from app.detection.algorithms.attribution import AttributionParams, Evidence, combine
from app.platform.settings import Settings

from .helpers import accs, active, id_of, run


def _label(driver: Driver, match: str, key: str, actor: str, confidence: float) -> None:
    driver.execute_query(
        f"MATCH (e:{match}) MERGE (x:Actor {{actor_id: $actor}}) ON CREATE SET x.name = $name "
        "MERGE (e)-[l:LABELLED_AS]->(x) SET l.confidence = $confidence, l.source = 'test'",
        key=key,
        actor=actor,
        name=actor.title(),
        confidence=confidence,
    )


def _attributions(driver: Driver, cid: str) -> dict[str, dict[str, Any]]:
    records, _, _ = driver.execute_query(
        "MATCH (:Campaign {campaign_id: $c})-[r:ATTRIBUTED_TO]->(x:Actor) "
        "RETURN x.actor_id AS x, r {.*} AS r",
        c=cid,
    )
    return {r["x"]: dict(r["r"]) for r in records}


def test_labelled_instrument_attributes_the_campaign(graph: Driver, settings: Settings) -> None:
    # Accounts 0..39 pay with card-00 and card-01; card-00 is labelled for "hydra".
    _label(graph, "PaymentInstrument {instrument_key: $key}", "card-00", "hydra", 0.9)
    summary = run(settings, accs(0, 40), accs(100, 140))
    cid, other = id_of(active(graph), accs(0, 40)), id_of(active(graph), accs(100, 140))
    assert summary.attributions_proposed == 1
    found = _attributions(graph, cid)
    assert set(found) == {"hydra"}
    rel = found["hydra"]
    assert (rel["source"], rel["status"]) == ("auto", "proposed")
    assert rel["confidence"] == 0.9  # half the members reached: full coverage
    evidence = json.loads(rel["evidence"])
    assert [(e["kind"], e["key"], e["accounts"]) for e in evidence] == [("instrument", "card-00", 20)]
    assert "labelled hydra" in evidence[0]["path"]
    assert _attributions(graph, other) == {}


def test_no_labels_no_attribution(graph: Driver, settings: Settings) -> None:
    summary = run(settings, accs(0, 40))
    assert summary.attributions_proposed == 0
    records, _, _ = graph.execute_query("MATCH ()-[r:ATTRIBUTED_TO]->() RETURN count(r) AS n")
    assert records[0]["n"] == 0


def test_weak_evidence_stays_below_the_threshold(graph: Driver, settings: Settings) -> None:
    # One labelled account out of 40, with a low-confidence label: 0.5 * (1/40) / 0.2 = 0.06.
    _label(graph, "Account {account_id: $key}", "acc-005", "hydra", 0.5)
    run(settings, accs(0, 40))
    assert _attributions(graph, id_of(active(graph), accs(0, 40))) == {}


def test_analyst_attribution_is_never_overwritten(graph: Driver, settings: Settings) -> None:
    _label(graph, "PaymentInstrument {instrument_key: $key}", "card-00", "hydra", 0.9)
    run(settings, accs(0, 40))
    cid = id_of(active(graph), accs(0, 40))
    graph.execute_query(
        "MATCH (c:Campaign {campaign_id: $c})-[r:ATTRIBUTED_TO]->(:Actor {actor_id: 'hydra'}) "
        "SET r.source = 'analyst', r.status = 'confirmed', r.confidence = 0.55, r.decided_by = 'carol'",
        c=cid,
    )
    run(settings, accs(0, 40))
    rel = _attributions(graph, cid)["hydra"]
    assert (rel["source"], rel["status"], rel["confidence"], rel["decided_by"]) == (
        "analyst",
        "confirmed",
        0.55,
        "carol",
    )


def test_rejected_pair_is_not_proposed_again(graph: Driver, settings: Settings) -> None:
    _label(graph, "PaymentInstrument {instrument_key: $key}", "card-00", "hydra", 0.9)
    _label(graph, "PromptTemplate {template_id: $key}", "t_0000000000000000", "orca", 0.8)
    run(settings, accs(0, 40))
    cid = id_of(active(graph), accs(0, 40))
    assert set(_attributions(graph, cid)) == {"hydra", "orca"}
    graph.execute_query(
        "MATCH (:Campaign {campaign_id: $c})-[r:ATTRIBUTED_TO]->(:Actor {actor_id: 'hydra'}) "
        "SET r.status = 'rejected', r.decided_by = 'dave'",
        c=cid,
    )
    summary = run(settings, accs(0, 40))
    found = _attributions(graph, cid)
    assert found["hydra"]["status"] == "rejected"
    assert found["orca"]["status"] == "proposed"
    assert summary.attributions_proposed == 1


def test_proposal_is_withdrawn_when_its_evidence_goes(graph: Driver, settings: Settings) -> None:
    _label(graph, "PaymentInstrument {instrument_key: $key}", "card-00", "hydra", 0.9)
    run(settings, accs(0, 40))
    cid = id_of(active(graph), accs(0, 40))
    graph.execute_query("MATCH ()-[l:LABELLED_AS]->() DELETE l")
    run(settings, accs(0, 40))
    assert _attributions(graph, cid) == {}


def test_infrastructure_reuse_with_an_attributed_campaign(graph: Driver, settings: Settings) -> None:
    # Campaign A (accounts 0..19, card-00) is confirmed for "hydra" by an analyst. Later campaign B
    # (accounts 40..59) has its own cards, IPs and template, until some of its accounts reuse A's.
    run(settings, accs(0, 20), accs(100, 120))
    a = id_of(active(graph), accs(0, 20))
    graph.execute_query(
        "MATCH (c:Campaign {campaign_id: $c}) MERGE (x:Actor {actor_id: 'hydra', name: 'Hydra'}) "
        "MERGE (c)-[:ATTRIBUTED_TO {source: 'analyst', status: 'confirmed', confidence: 0.9}]->(x)",
        c=a,
    )
    run(settings, accs(40, 60), accs(100, 120))  # A is gone; B shares nothing with it yet...
    b = id_of(active(graph), accs(40, 60))
    assert _attributions(graph, b) == {}  # ... which A never used: no reuse, no proposal
    graph.execute_query(
        "MATCH (a:Account {account_id: 'acc-045'}), (p:PaymentInstrument {instrument_key: 'card-00'}) "
        "MERGE (a)-[:PAID_WITH]->(p)"
    )
    graph.execute_query(
        "MATCH (a:Account) WHERE a.account_id IN ['acc-046', 'acc-047', 'acc-048', 'acc-049'] "
        "MATCH (ip:IP {address: '10.0.0.1'}) MERGE (a)-[:USED_IP]->(ip)"
    )
    run(settings, accs(40, 60), accs(100, 120))
    found = _attributions(graph, b)
    assert set(found) == {"hydra"}
    evidence = json.loads(found["hydra"]["evidence"])
    assert {e["campaign_id"] for e in evidence} == {a}
    assert {(e["kind"], e["key"]) for e in evidence} >= {("instrument", "card-00"), ("ip", "10.0.0.1")}
    # 5 of 20 members reach A's infrastructure: 0.9 * min(1, 0.25 / 0.2) * 0.8 discount.
    assert abs(found["hydra"]["confidence"] - 0.72) < 1e-6
    assert found["hydra"]["status"] == "proposed"


def test_combine_noisy_or_of_groups() -> None:
    params = AttributionParams()
    items = [
        Evidence("ip", "1.1.1.1", "x", 0.5, frozenset({"a", "b"})),  # 2/20 -> 0.5 * 0.5 = 0.25
        Evidence("template", "t1", "x", 0.6, frozenset({"c", "d"})),  # 2/20 -> 0.6 * 0.5 = 0.30
        Evidence("ip", "2.2.2.2", "y", 0.9, frozenset({"e"})),  # 1/20 -> 0.9 * 0.25 = 0.225
    ]
    proposals = combine("C-1", 20, items, params)
    assert [(p.actor_id, p.confidence) for p in proposals] == [("x", round(1 - 0.75 * 0.70, 4))]
    assert [e["key"] for e in proposals[0].evidence] == ["t1", "1.1.1.1"]


def test_a_label_carries_through_membership_when_it_reaches_few_members() -> None:
    params = AttributionParams()
    members = frozenset({"a", "b"})
    # Two labelled accounts of a 500-account campaign: coverage says nothing, membership does.
    accounts = [Evidence("account", k, "x", 0.9, frozenset({k}), users=1) for k in sorted(members)]
    found = combine("C-1", 500, accounts, params)
    assert [(p.actor_id, p.confidence) for p in found] == [("x", round(0.9 * 0.75, 4))]
    # A card only three members use, labelled: the campaign's own card.
    card = Evidence("instrument", "card", "y", 0.8, frozenset({"a", "b", "c"}), users=3)
    assert [p.actor_id for p in combine("C-1", 500, [card], params)] == ["y"]


def test_a_label_on_a_crowded_entity_does_not_attribute() -> None:
    # A labelled carrier-NAT address three of 500 members passed through, with 5,000 users: nothing.
    nat = Evidence("ip", "100.64.0.1", "x", 1.0, frozenset({"a", "b", "c"}), users=5000)
    assert combine("C-1", 500, [nat], AttributionParams()) == []
