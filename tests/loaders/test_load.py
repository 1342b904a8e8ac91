"""`linkwatch load` on hand-made data in every format: the graph of docs/data-model.md, exactly."""

from __future__ import annotations

import pytest
from neo4j import Driver

from app.domain.instrument import instrument_key
from app.platform.settings import Settings
from loaders.mining.normalise import skeleton, template_id

from .conftest import graph_text, reset_state, run_load, snapshot
from .fixtures import FORMATS, RUBRIC_VARIANTS, requests, write_dataset

N, PER = 12, 6


@pytest.fixture(scope="module")
def snapshots(
    driver: Driver, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    """Each format loaded into an empty graph; the CSV load stays in place for the content tests."""
    out: dict[str, object] = {}
    for fmt in (*[f for f in FORMATS if f != "csv"], "csv"):
        from tests.conftest import wipe

        wipe(driver)
        reset_state(settings)
        directory = write_dataset(tmp_path_factory.mktemp(fmt.replace(".", "_")), fmt, N, PER)
        report = run_load(directory, driver, settings)
        assert report.rejected == 0, fmt
        assert sum(f.read for f in report.files) == N + N + N + N * PER + 6, fmt
        out[fmt] = snapshot(driver)
    return out


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_every_format_gives_the_same_graph(snapshots: dict[str, object], fmt: str) -> None:
    assert snapshots[fmt] == snapshots["csv"]


def one(driver: Driver, query: str, **params: object) -> dict[str, object]:
    with driver.session() as s:
        rec = s.run(query, params).single()
        assert rec is not None, query
        return rec.data()


def test_accounts_and_identity_links(snapshots: object, driver: Driver) -> None:
    a = one(driver, "MATCH (a:Account {account_id: 'acct001'}) RETURN a{.*} AS a")["a"]
    assert isinstance(a, dict)
    assert a["country"] == "US"
    assert a["email_domain"] == "example.com"
    assert a["plan"] == "pro"
    assert a["created_at"].to_native().isoformat() == "2026-04-02T06:00:00+00:00"  # +02:00 -> UTC
    epoch = one(driver, "MATCH (a:Account {account_id: 'acct000'}) RETURN a.created_at AS t")["t"]
    assert epoch.to_native().timestamp() == 1775000000  # epoch seconds
    assert (
        one(driver, "MATCH (:Account)-[:HAS_EMAIL_DOMAIN]->(d:EmailDomain) RETURN count(DISTINCT d) AS n")[
            "n"
        ]
        == 2
    )
    assert one(driver, "MATCH (a:Account)-[:IN_ORG]->(:Org {org_id: 'org0'}) RETURN count(a) AS n")["n"] == 1


def test_ips_prefixes_and_asns(snapshots: object, driver: Driver) -> None:
    ip = one(
        driver,
        "MATCH (i:IP {address: '203.0.113.11'})-[:IN_PREFIX]->(p:Prefix), (i)-[:IN_ASN]->(n:ASN) "
        "RETURN i.version AS v, i.ip_type AS t, i.asn AS asn, p.cidr AS cidr, n.asn AS n, n.org AS org",
    )
    assert ip == {
        "v": 4,
        "t": "hosting",
        "asn": 64500,
        "cidr": "203.0.113.0/24",
        "n": 64500,
        "org": "Example Hosting",
    }
    v6 = one(
        driver, "MATCH (i:IP {address: '2001:db8:2::3'})-[:IN_PREFIX]->(p) RETURN p.cidr AS c, p.version AS v"
    )
    assert v6 == {"c": "2001:db8:2::/48", "v": 6}
    # Rotating addresses of one /24 share the prefix node.
    assert (
        one(driver, "MATCH (:Prefix {cidr: '203.0.113.0/24'})<-[:IN_PREFIX]-(i) RETURN count(i) AS n")["n"]
        == 5
    )
    link = one(
        driver,
        "MATCH (:Account {account_id: 'acct001'})-[r:USED_IP]->(:IP {address: '203.0.113.11'}) "
        "RETURN r{.*} AS r",
    )["r"]
    assert isinstance(link, dict)
    assert link["requests"] == 3
    assert link["reported_requests"] == 3


def test_instruments_are_stored_only_as_keyed_hashes(
    snapshots: object, driver: Driver, settings: Settings
) -> None:
    keys = {r["k"] for r in driver.session().run("MATCH (p:PaymentInstrument) RETURN p.instrument_key AS k")}
    assert keys == {instrument_key(f"tok_shared_{i}", settings.hash_key()) for i in (0, 1)}
    assert "tok_shared" not in graph_text(driver)
    paid = one(driver, "MATCH (:Account {account_id: 'acct002'})-[r:PAID_WITH]->() RETURN r.first_used AS t")[
        "t"
    ]
    assert paid.to_native().isoformat() == "2026-04-03T00:00:00+00:00"


def test_templates_usage_and_hourly_buckets(snapshots: object, driver: Driver) -> None:
    rows = requests(N, PER)
    caps = {
        r["c"]: r["n"]
        for r in driver.session().run("MATCH (t:PromptTemplate) RETURN t.capability AS c, t.accounts AS n")
    }
    # Three rubric paraphrases group into one template, the agent prompt (fill-ins masked) into another.
    assert caps == {"rubric_grading": N // 2, "agentic_tool_use": N // 2}
    total = one(driver, "MATCH ()-[s:SENT]->() RETURN sum(s.requests) AS n, sum(s.input_tokens) AS i")
    assert total == {"n": len(rows), "i": sum(int(r["input_tokens"]) for r in rows)}
    sent = one(
        driver,
        "MATCH (:Account {account_id: 'acct000'})-[s:SENT]->(t) RETURN s{.*} AS s, t.requests AS tr",
    )
    s = sent["s"]
    assert isinstance(s, dict)
    first_hour = 1777593600 // 3600 + 10  # 2026-05-01T10:00Z
    assert s["hours"] == [first_hour, first_hour + 1, first_hour + 2]
    assert s["hour_counts"] == [2, 2, 2]
    assert s["requests"] == PER
    assert s["first_seen"].to_native().isoformat() == "2026-05-01T10:00:00+00:00"
    assert s["last_seen"].to_native().isoformat() == "2026-05-01T12:05:00+00:00"
    assert sent["tr"] == (N // 2) * PER
    acct = one(
        driver,
        "MATCH (a:Account {account_id: 'acct003'}) RETURN a{.requests, .input_tokens, .output_tokens} AS a",
    )["a"]
    assert acct == {
        "requests": PER,
        "input_tokens": sum(100 + j for j in range(PER)),
        "output_tokens": 200 * PER,
    }
    models = {
        r["m"]: r["n"]
        for r in driver.session().run(
            "MATCH (:Account {account_id: 'acct003'})-[u:USED_MODEL]->(m) RETURN m.name AS m, u.requests AS n"
        )
    }
    assert models == {"model-a": 4, "model-b": 2}
    log_ip = one(
        driver,
        "MATCH (:Account {account_id: 'acct003'})-[r:USED_IP]->(:IP {address: '198.51.100.3'}) "
        "RETURN r{.*} AS r",
    )["r"]
    assert isinstance(log_ip, dict)
    assert log_ip["log_requests"] == 3
    assert log_ip["requests"] == 3
    assert (
        one(driver, "MATCH (m:Model {name: 'model-b'}) RETURN m.first_seen AS t")["t"].to_native().hour == 10
    )


def test_labels_tie_every_entity_type_to_the_actor(
    snapshots: object, driver: Driver, settings: Settings
) -> None:
    actor = one(driver, "MATCH (a:Actor) RETURN a{.*} AS a")["a"]
    assert isinstance(actor, dict)
    assert actor["actor_id"] == "crimson-lattice"
    assert actor["name"] == "Crimson Lattice"
    assert actor["aliases"] == ["crimson lattice"]
    got = {
        (r["l"], r["c"])
        for r in driver.session().run(
            "MATCH (e)-[l:LABELLED_AS]->(:Actor {actor_id: 'crimson-lattice'}) "
            "RETURN labels(e)[0] AS l, l.confidence AS c"
        )
    }
    assert got == {
        ("Account", 0.9), ("IP", 0.8), ("PaymentInstrument", 0.7), ("ASN", 0.5), ("EmailDomain", 1.0),
        ("PromptTemplate", 0.6),
    }  # fmt: skip
    # A template label given as prompt text resolves to the mined template (a paraphrase group member).
    labelled = one(
        driver, "MATCH (t:PromptTemplate)-[:LABELLED_AS]->() RETURN t.capability AS c, t.accounts AS n"
    )
    assert labelled == {"c": "rubric_grading", "n": N // 2}
    key = instrument_key("tok_shared_1", settings.hash_key())
    assert (
        one(
            driver,
            "MATCH (p:PaymentInstrument {instrument_key: $k})-[:LABELLED_AS]->() RETURN count(p) AS n",
            k=key,
        )["n"]
        == 1
    )


def test_template_ids_derive_from_canonical_skeletons(snapshots: object, driver: Driver) -> None:
    ids = {
        r["id"]
        for r in driver.session().run("MATCH (t:PromptTemplate) RETURN t.template_id AS id, t.text AS x")
    }
    texts = {r["x"] for r in driver.session().run("MATCH (t:PromptTemplate) RETURN t.text AS x")}
    assert ids == {template_id(t) for t in texts}
    assert skeleton(RUBRIC_VARIANTS[0].format(a="1", b="2")) in texts or any("<str>" in t for t in texts)
