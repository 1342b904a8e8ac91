"""Which accounts a pending load counts as changed (`detection/changes_accounts`), on a small hand-made graph.

A new account counts; an account with a new link counts only when the link's entity pairs it with another
account by the projection's own rules. The rules live in `detection/link_pairs`; the query here restates
them, so every case is also checked against `link_pairs` itself: an account with a new link counts exactly
when `link_pairs`, over the entities that account uses, gives it a pair. (In this graph an account's other
links pair it with no one, so those are its new links' pairs: `test_old_links_pair_no_one` holds it to that.)
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from app.detection.algorithms.params import DetectionParams, FamilyParams
from app.detection.graph import changes
from app.detection.graph.projection import family_limits
from app.platform.cypher import q
from app.platform.runner import SessionRunner
from tests.conftest import wipe

ACCOUNTS = 100  # supernode cut-offs: 5 users for a 0.05 family, 2 for e-mail domains (0.02), 10 for ASNs

# Batch "new" is pending, "old" was taken in by an earlier run.
GRAPH = """
CREATE (:LoadBatch {batch_id: 'new', rows: 1}), (:LoadBatch {batch_id: 'old', rows: 1, detected_run: 'R'})
WITH count(*) AS one
UNWIND range(0, 83) AS i
CREATE (:Account {account_id: 'f' + right('0' + toString(i), 2)})
WITH count(*) AS one
UNWIND ['new_account', 'tmpl_shared', 'tmpl_alone', 'tmpl_super', 'ip_prefix', 'ip_asn', 'card_shared',
        'card_old_batch', 'domain_shared', 'domain_super', 'prefix_self', 'ip_shared', 'old_account',
        'f_card', 'f_ip', 'f_asn'] AS id
CREATE (:Account {account_id: id})
WITH count(*) AS one
MATCH (n:Account {account_id: 'new_account'}) SET n.load_batch = 'new'
WITH count(*) AS one
MATCH (n:Account {account_id: 'old_account'}) SET n.load_batch = 'old'
WITH count(*) AS one
CREATE (t1:PromptTemplate {template_id: 'T1'}), (t2:PromptTemplate {template_id: 'T2'}),
       (t3:PromptTemplate {template_id: 'T3'}), (c1:PaymentInstrument {instrument_key: 'C1'}),
       (d1:EmailDomain {domain: 'D1'}), (d2:EmailDomain {domain: 'D2'}),
       (x:ASN {asn: 1}), (y:ASN {asn: 2}), (z:ASN {asn: 3}),
       (p1:Prefix {cidr: 'P1'}), (p2:Prefix {cidr: 'P2'}), (p3:Prefix {cidr: 'P3'}), (p4:Prefix {cidr: 'P4'}),
       (p5:Prefix {cidr: 'P5'}),
       (ip1:IP {address: 'IP1'})-[:IN_PREFIX]->(p1), (ip2:IP {address: 'IP2'})-[:IN_PREFIX]->(p1),
       (ip3:IP {address: 'IP3'})-[:IN_PREFIX]->(p2), (ip4:IP {address: 'IP4'})-[:IN_PREFIX]->(p3),
       (ip5:IP {address: 'IP5'})-[:IN_PREFIX]->(p4), (ip6:IP {address: 'IP6'})-[:IN_PREFIX]->(p4),
       (ip7:IP {address: 'IP7'})-[:IN_PREFIX]->(p5),
       (ip1)-[:IN_ASN]->(y), (ip2)-[:IN_ASN]->(y), (ip3)-[:IN_ASN]->(x), (ip4)-[:IN_ASN]->(x),
       (ip5)-[:IN_ASN]->(z), (ip6)-[:IN_ASN]->(z), (ip7)-[:IN_ASN]->(y)
WITH count(*) AS one
UNWIND [
  // [account, link type, entity key, batch]
  ['tmpl_shared', 'SENT', 'T1', 'new'], ['f00', 'SENT', 'T1', null],
  ['tmpl_alone', 'SENT', 'T2', 'new'],
  ['tmpl_super', 'SENT', 'T3', 'new'], ['f01', 'SENT', 'T3', null], ['f02', 'SENT', 'T3', null],
  ['f03', 'SENT', 'T3', null], ['f04', 'SENT', 'T3', null], ['f05', 'SENT', 'T3', null],
  // Alone on its address, not in its /24.
  ['ip_prefix', 'USED_IP', 'IP1', 'new'], ['f06', 'USED_IP', 'IP2', null],
  // Alone on its address and /24; its ASN has another user.
  ['ip_asn', 'USED_IP', 'IP3', 'new'], ['f_asn', 'USED_IP', 'IP4', null],
  ['card_shared', 'PAID_WITH', 'C1', 'new'], ['f_card', 'PAID_WITH', 'C1', null],
  ['card_old_batch', 'PAID_WITH', 'C1', 'old'],
  ['domain_shared', 'HAS_EMAIL_DOMAIN', 'D1', 'new'], ['f07', 'HAS_EMAIL_DOMAIN', 'D1', null],
  ['domain_super', 'HAS_EMAIL_DOMAIN', 'D2', 'new'], ['f08', 'HAS_EMAIL_DOMAIN', 'D2', null],
  ['f09', 'HAS_EMAIL_DOMAIN', 'D2', null],
  // A second address in a /24 only this account uses.
  ['prefix_self', 'USED_IP', 'IP5', null], ['prefix_self', 'USED_IP', 'IP6', 'new'],
  ['ip_shared', 'USED_IP', 'IP7', 'new'], ['f_ip', 'USED_IP', 'IP7', null]
] AS l
MATCH (a:Account {account_id: l[0]})
MATCH (e) WHERE e.template_id = l[2] OR e.address = l[2] OR e.instrument_key = l[2] OR e.domain = l[2]
FOREACH (_ IN CASE WHEN l[1] = 'SENT' THEN [1] ELSE [] END | CREATE (a)-[:SENT {load_batch: l[3]}]->(e))
FOREACH (_ IN CASE WHEN l[1] = 'USED_IP' THEN [1] ELSE [] END | CREATE (a)-[:USED_IP {load_batch: l[3]}]->(e))
FOREACH (_ IN CASE WHEN l[1] = 'PAID_WITH' THEN [1] ELSE [] END |
  CREATE (a)-[:PAID_WITH {load_batch: l[3]}]->(e))
FOREACH (_ IN CASE WHEN l[1] = 'HAS_EMAIL_DOMAIN' THEN [1] ELSE [] END |
  CREATE (a)-[:HAS_EMAIL_DOMAIN {load_batch: l[3]}]->(e))
RETURN count(*) AS links
"""

# The accounts with a pending new link.
NEW_LINKS = """
MATCH (a:Account)-[r]->() WHERE r.load_batch = 'new'
RETURN DISTINCT a.account_id AS account
"""
# The accounts with a new link and some other link too.
MIXED = """
MATCH (a:Account)-[r]->() WHERE r.load_batch = 'new'
MATCH (a)-[o]->() WHERE o.load_batch IS NULL OR o.load_batch <> 'new'
RETURN DISTINCT a.account_id AS account
"""

DEFAULT = {"new_account", "tmpl_shared", "ip_prefix", "card_shared", "domain_shared", "ip_shared"}


def _with(params: DetectionParams, family: str, **change: Any) -> DetectionParams:
    fams: dict[str, FamilyParams] = dict(params.families)
    fams[family] = fams[family].model_copy(update=change)
    return params.model_copy(update={"families": fams})


BASE = DetectionParams()
VARIANTS = {
    "default": BASE,
    "asn on": _with(BASE, "asn", enabled=True),
    "prefix off": _with(BASE, "prefix", enabled=False),
    "ip off": _with(BASE, "ip", enabled=False),
    "template off, synchrony on": _with(BASE, "template", enabled=False),
    "template and synchrony off": _with(_with(BASE, "template", enabled=False), "synchrony", enabled=False),
    "templates wide": _with(_with(BASE, "template", max_share=0.5), "synchrony", max_share=0.5),
    "domains wide": _with(BASE, "email_domain", max_share=0.05),
    "instruments off": _with(BASE, "instrument", enabled=False),
}


@pytest.fixture(scope="module")
def graph(driver: Driver) -> Driver:
    wipe(driver)
    driver.execute_query(GRAPH)
    records, _, _ = driver.execute_query("MATCH (a:Account) RETURN count(a) AS n")
    assert records[0]["n"] == ACCOUNTS
    return driver


def _changed(driver: Driver, params: DetectionParams) -> set[str]:
    with driver.session() as session:
        return set(changes.changed_accounts(SessionRunner(session), ["new"], params))


def _pairs_of(driver: Driver, params: DetectionParams, account: str) -> int:
    """How many pairs `link_pairs` gives `account` through the entities it uses (any weight)."""
    fam, template_max_degree = family_limits(params, ACCOUNTS)
    records, _, _ = driver.execute_query(
        q("detection/link_pairs"),
        fam=fam,
        n=float(ACCOUNTS),
        k=params.sample_k,
        chords=params.sample_chords,
        rarity_exponent=params.rarity_exponent,
        dedication_boost=params.dedication_boost,
        dedication_prior=float(params.dedication_prior),
        min_pair_weight=0.0,
        network_alone=params.network_alone,
        template_max_degree=template_max_degree,
        changed={account: True},
        members={},
        region=[account],
    )
    return len(records[0]["source"]) if records else 0


def test_a_new_account_or_a_new_link_that_pairs_counts(graph: Driver) -> None:
    assert _changed(graph, BASE) == DEFAULT


def test_a_new_link_through_an_enabled_asn_counts(graph: Driver) -> None:
    assert _changed(graph, VARIANTS["asn on"]) == DEFAULT | {"ip_asn"}


def test_a_link_of_a_batch_already_taken_in_does_not_count(graph: Driver) -> None:
    with graph.session() as session:
        old = set(changes.changed_accounts(SessionRunner(session), ["old"]))
    assert old == {"old_account", "card_old_batch"}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_rule_is_link_pairs_own(graph: Driver, variant: str) -> None:
    params = VARIANTS[variant]
    records, _, _ = graph.execute_query(NEW_LINKS)
    pairing = {r["account"] for r in records if _pairs_of(graph, params, r["account"]) > 0}
    assert pairing, "every variant keeps some family that pairs"
    assert _changed(graph, params) == pairing | {"new_account"}


def test_old_links_pair_no_one(graph: Driver) -> None:
    """The one account with an old link beside its new one uses an address and a /24 no one else does, so
    `_pairs_of` counts only what its new link gives."""
    records, _, _ = graph.execute_query(MIXED)
    assert {r["account"] for r in records} == {"prefix_self"}
    assert _pairs_of(graph, VARIANTS["asn on"], "prefix_self") == 0


def _operators(plan: dict[str, Any]) -> list[str]:
    below = [o for child in plan.get("children", []) for o in _operators(child)]
    return [str(plan["operatorType"]).split("@")[0], *below]


def test_the_query_starts_from_the_new_links_not_from_every_entity(graph: Driver) -> None:
    """Its cost must follow the new links: left to itself the planner once scanned every e-mail domain and
    expanded all their links to find a hundredth's 60 new ones (docs/benchmarks.md § "Incremental"), and
    here, on a small graph, it scans whole link indexes (every stamped link) unless told to seek."""
    fam, template_max_degree = family_limits(BASE, ACCOUNTS)
    with graph.session() as session:
        summary = session.run(
            "EXPLAIN " + q("detection/changes_accounts"),
            batch_ids=["new"],
            fam=fam,
            template_max_degree=template_max_degree,
        ).consume()
    assert summary.plan is not None
    operators = _operators(summary.plan)
    assert "NodeByLabelScan" not in operators
    assert "AllNodesScan" not in operators
    seeks = [o for o in operators if "Seek" in o or "Scan" in o]
    assert operators.count("DirectedRelationshipIndexSeek") == 6, seeks
