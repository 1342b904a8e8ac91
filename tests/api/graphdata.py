"""A small planted graph for the API tests, written with Cypher exactly as docs/data-model.md describes it.

- C-00000001 "hydra": 12 accounts a001..a012 on one payment instrument, one hosting /24 and one template;
  the instrument is labelled as actor hydra-labs and detection proposed hydra-labs (auto ATTRIBUTED_TO).
- C-00000003: split from C-00000001, confirmed by an analyst as hydra-labs; shares the hydra template
  (prior-campaign evidence).
- C-00000002: 8 accounts b001..b008 behind one IP and one template; nobody labelled anything.
- 1,100 noise accounts all send one popular template (a supernode), as do a001 and b001.
- a012 and b008 share one IP: the only non-supernode route between the two campaigns.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from neo4j import Driver

from app.domain.instrument import instrument_key

HYDRA_TOKEN = "tok_hydra_card_0001"
QUIET_TOKEN = "tok_quiet_card_0002"
HYDRA_TEMPLATE = "t_00000000000000aa"
BLUE_TEMPLATE = "t_00000000000000bb"
POPULAR_TEMPLATE = "t_00000000000000ff"
BRIDGE_IP = "192.0.2.50"
BLUE_IP = "198.51.100.7"
HYDRA_IPS = [f"203.0.113.{i}" for i in range(1, 5)]
DAY0 = int(datetime(2026, 5, 1, tzinfo=UTC).timestamp()) // 3600  # hour bucket of 2026-05-01T00:00Z
NOISE = 1100


def hydra_accounts() -> list[str]:
    return [f"a{i:03d}" for i in range(1, 13)]


def blue_accounts() -> list[str]:
    return [f"b{i:03d}" for i in range(1, 9)]


def build(driver: Driver, hash_key: bytes, noise: int = NOISE) -> dict[str, str]:
    hydra_key, quiet_key = instrument_key(HYDRA_TOKEN, hash_key), instrument_key(QUIET_TOKEN, hash_key)
    hydra_evidence = json.dumps(
        [
            {"kind": "instrument", "key": hydra_key, "accounts": 12, "weight": 5.1, "detail": "one card"},
            {"kind": "prefix", "key": "203.0.113.0/24", "accounts": 12, "weight": 3.2, "detail": "hosting"},
            {"kind": "template", "key": HYDRA_TEMPLATE, "accounts": 12, "weight": 4.0, "detail": ""},
        ]
    )
    split_evidence = json.dumps(
        [{"kind": "template", "key": HYDRA_TEMPLATE, "accounts": 3, "weight": 4.0, "detail": "reused"}]
    )
    blue_evidence = json.dumps(
        [
            {"kind": "ip", "key": BLUE_IP, "accounts": 8, "weight": 4.4, "detail": "proxy"},
            {"kind": "template", "key": BLUE_TEMPLATE, "accounts": 8, "weight": 3.9, "detail": ""},
        ]
    )
    features = json.dumps({"volume": 0.8, "capability_concentration": 0.95, "hosting_share": 1.0})
    with driver.session() as s:
        s.run(
            """
            CREATE (:Actor {actor_id: 'hydra-labs', name: 'Hydra Labs', aliases: ['hydra'],
                            created_at: datetime('2026-04-01T00:00:00Z'), created_by: 'fixture'})
            CREATE (:Actor {actor_id: 'quiet-fox', name: 'Quiet Fox', aliases: [],
                            created_at: datetime('2026-04-01T00:00:00Z'), created_by: 'fixture'})
            CREATE (:Actor {actor_id: 'blue-owl', name: 'Blue Owl', aliases: ['owl'],
                            created_at: datetime('2026-04-01T00:00:00Z'), created_by: 'fixture'})
            CREATE (:ASN {asn: 64500, org: 'Example Hosting'})
            CREATE (:ASN {asn: 64501, org: 'Example Broadband'})
            CREATE (:Prefix {cidr: '203.0.113.0/24', version: 4})
            CREATE (:Prefix {cidr: '198.51.100.0/24', version: 4})
            CREATE (:Prefix {cidr: '192.0.2.0/24', version: 4})
            CREATE (:EmailDomain {domain: 'hydra.example'})
            CREATE (:EmailDomain {domain: 'mail.example'})
            CREATE (:PromptTemplate {template_id: $ht, text: 'Implement <FN> with tool calls <N>',
                                     capability: 'agentic_tool_use', requests: 600, accounts: 15})
            CREATE (:PromptTemplate {template_id: $bt, text: 'Think step by step about <X>',
                                     capability: 'reasoning_cot', requests: 160, accounts: 8})
            CREATE (:PromptTemplate {template_id: $pt, text: 'Summarize the following <TEXT>',
                                     capability: 'other', requests: 5000, accounts: $noise + 2})
            CREATE (:PaymentInstrument {instrument_key: $hk, instrument_type: 'card', bin: '411111',
                                        issuer_country: 'US'})
            CREATE (:PaymentInstrument {instrument_key: $qk, instrument_type: 'card', bin: '522222',
                                        issuer_country: 'GB'})
            """,
            ht=HYDRA_TEMPLATE,
            bt=BLUE_TEMPLATE,
            pt=POPULAR_TEMPLATE,
            hk=hydra_key,
            qk=quiet_key,
            noise=noise,
        ).consume()
        s.run(
            """
            UNWIND $ips AS ip
            MATCH (p:Prefix {cidr: ip.prefix}), (n:ASN {asn: ip.asn})
            CREATE (i:IP {address: ip.address, version: 4, ip_type: ip.type, asn: ip.asn})
            CREATE (i)-[:IN_PREFIX]->(p), (i)-[:IN_ASN]->(n)
            """,
            ips=[
                {"address": a, "prefix": "203.0.113.0/24", "asn": 64500, "type": "hosting"} for a in HYDRA_IPS
            ]
            + [
                {"address": BLUE_IP, "prefix": "198.51.100.0/24", "asn": 64501, "type": "proxy"},
                {"address": BRIDGE_IP, "prefix": "192.0.2.0/24", "asn": 64501, "type": "residential"},
            ],
        ).consume()
        hours = [DAY0 + h for h in (1, 2, 25, 26, 49)]
        s.run(
            """
            UNWIND $rows AS r
            MATCH (d:EmailDomain {domain: r.domain}), (t:PromptTemplate {template_id: r.template}),
                  (ip:IP {address: r.ip})
            CREATE (a:Account {account_id: r.id, created_at: datetime('2026-04-20T00:00:00Z'),
                               email_domain: r.domain, country: 'US', plan: 'api', status: 'active',
                               requests: 50, input_tokens: 5000, output_tokens: 20000,
                               first_seen: datetime('2026-05-01T01:00:00Z'),
                               last_seen: datetime('2026-05-03T01:00:00Z')})
            CREATE (a)-[:HAS_EMAIL_DOMAIN]->(d)
            CREATE (a)-[:USED_IP {requests: 50, first_seen: datetime('2026-05-01T01:00:00Z'),
                                  last_seen: datetime('2026-05-03T01:00:00Z')}]->(ip)
            CREATE (a)-[:SENT {requests: 50, input_tokens: 5000, output_tokens: 20000, hours: $hours,
                               hour_counts: [10, 10, 10, 10, 10],
                               first_seen: datetime('2026-05-01T01:00:00Z'),
                               last_seen: datetime('2026-05-03T01:00:00Z')}]->(t)
            """,
            rows=[
                {"id": a, "domain": "hydra.example", "template": HYDRA_TEMPLATE, "ip": HYDRA_IPS[i % 4]}
                for i, a in enumerate(hydra_accounts())
            ]
            + [
                {"id": b, "domain": "mail.example", "template": BLUE_TEMPLATE, "ip": BLUE_IP}
                for b in blue_accounts()
            ],
            hours=hours,
        ).consume()
        s.run(
            """
            MATCH (p:PaymentInstrument {instrument_key: $hk})
            UNWIND $ids AS id
            MATCH (a:Account {account_id: id})
            CREATE (a)-[:PAID_WITH {first_used: datetime('2026-04-21T00:00:00Z')}]->(p)
            """,
            hk=hydra_key,
            ids=hydra_accounts(),
        ).consume()
        # The bridge between the two campaigns, and the popular template (a supernode).
        s.run(
            """
            MATCH (a:Account {account_id: 'a012'}), (b:Account {account_id: 'b008'}), (ip:IP {address:
                $bridge})
            CREATE (a)-[:USED_IP {requests: 1}]->(ip), (b)-[:USED_IP {requests: 1}]->(ip)
            WITH 1 AS one
            MATCH (t:PromptTemplate {template_id: $pt}), (d:EmailDomain {domain: 'mail.example'})
            UNWIND range(1, $noise) AS i
            CREATE (n:Account {account_id: 'n' + right('0000' + toString(i), 4), status: 'active',
                requests: 3})
            CREATE (n)-[:SENT {requests: 3, hours: [$h0], hour_counts: [3]}]->(t)
            CREATE (n)-[:HAS_EMAIL_DOMAIN]->(d)
            WITH DISTINCT t
            MATCH (x:Account) WHERE x.account_id IN ['a001', 'b001']
            CREATE (x)-[:SENT {requests: 1, hours: [$h0], hour_counts: [1]}]->(t)
            """,
            bridge=BRIDGE_IP,
            pt=POPULAR_TEMPLATE,
            noise=noise,
            h0=DAY0,
        ).consume()
        s.run(
            """
            CREATE (r:DetectionRun {run_id: 'R-20260502T000000Z-000001', status: 'succeeded',
                    started_at: datetime('2026-05-02T00:00:00Z'), finished_at:
                        datetime('2026-05-02T00:01:00Z'),
                    params: '{"min_shared": 2}', timings: '{"projection": 1.5}', graph: '{"accounts": 1120}',
                    metrics: '{"modularity": 0.71}', trigger: 'cli', requested_by: 'fixture'})
            CREATE (c1:Campaign {campaign_id: 'C-00000001', status: 'candidate', score: 0.91, features:
                $features,
                    evidence: $hydra_ev, size: 12, capability: 'agentic_tool_use',
                    first_seen: datetime('2026-05-01T01:00:00Z'), last_seen: datetime('2026-05-03T01:00:00Z'),
                    created_run: r.run_id, last_run: r.run_id, active: true})
            CREATE (c2:Campaign {campaign_id: 'C-00000002', status: 'candidate', score: 0.64, features:
                $features,
                    evidence: $blue_ev, size: 8, capability: 'reasoning_cot',
                    first_seen: datetime('2026-05-01T01:00:00Z'), last_seen: datetime('2026-05-03T01:00:00Z'),
                    created_run: r.run_id, last_run: r.run_id, active: true})
            CREATE (c3:Campaign {campaign_id: 'C-00000003', status: 'confirmed', score: 0.77, features:
                $features,
                    evidence: $split_ev, size: 3, capability: 'agentic_tool_use', created_run: r.run_id,
                    last_run: r.run_id, active: false, decided_by: 'earlier analyst',
                    decided_at: datetime('2026-04-15T00:00:00Z'), decision_note: 'seen before'})
            CREATE (c3)-[:DERIVED_FROM {kind: 'split', overlap: 0.25, run_id: r.run_id}]->(c1)
            FOREACH (c IN [c1, c2, c3] | CREATE (c)-[:DETECTED_IN {score: c.score}]->(r))
            WITH c1, c2, c3, r
            MATCH (h:Actor {actor_id: 'hydra-labs'}), (p:PaymentInstrument {instrument_key: $hk})
            CREATE (p)-[:LABELLED_AS {confidence: 0.9, source: 'partner', note: 'card seen in prior takedown',
                                      created_at: datetime('2026-04-02T00:00:00Z'), created_by:
                                          'fixture'}]->(h)
            CREATE (c1)-[:ATTRIBUTED_TO {confidence: 0.85, evidence: '[]', source: 'auto', status:
                'proposed'}]->(h)
            CREATE (c3)-[:ATTRIBUTED_TO {confidence: 1.0, source: 'analyst', status: 'confirmed',
                                         decided_by: 'earlier analyst', decided_at:
                                             datetime('2026-04-15T00:00:00Z')}]->(h)
            WITH c1, c2, c3, r
            UNWIND $hydra AS id
            MATCH (a:Account {account_id: id})
            CREATE (a)-[:IN_CAMPAIGN {membership: CASE id WHEN 'a001' THEN 0.99 ELSE 0.9 END, run_id:
                r.run_id}]->(c1)
            WITH DISTINCT c2, c3, r
            UNWIND $blue AS id
            MATCH (b:Account {account_id: id})
            CREATE (b)-[:IN_CAMPAIGN {membership: 0.8, run_id: r.run_id}]->(c2)
            """,
            features=features,
            hydra_ev=hydra_evidence,
            blue_ev=blue_evidence,
            split_ev=split_evidence,
            hk=hydra_key,
            hydra=hydra_accounts(),
            blue=blue_accounts(),
        ).consume()
    return {"hydra_key": hydra_key, "quiet_key": quiet_key}


def wipe(driver: Driver) -> None:
    with driver.session() as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
