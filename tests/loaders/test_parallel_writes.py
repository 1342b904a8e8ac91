"""Two writers give the same graph as one; changed domains, organisations and ASNs move their links."""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from app.platform.settings import Settings
from loaders.graph import GraphWriter

from .conftest import counts, reset_state, run_load, snapshot
from .fixtures import accounts, ip_links, payment_links, write_rows


def _dataset(directory: Path) -> Path:
    """Enough rows for several batches per writer, with the same account, IP and card repeated across
    batches with different values, so the result depends on applying each node's rows in file order."""
    directory.mkdir(parents=True)
    acc = accounts(60)
    acc.append({**acc[3], "plan": "enterprise", "email_domain": "moved.example", "org_id": "org9"})
    acc.append({**acc[5], "plan": None, "email_domain": None})  # blanks keep the earlier values
    write_rows(directory / "accounts.csv", acc)
    links = ip_links(60)
    links.append(
        {**links[1], "asn": "AS64999", "asn_org": "Moved Hosting", "ip_type": "proxy", "requests": 4}
    )
    write_rows(directory / "ip_links.csv", links)
    pay = payment_links(60)
    pay.append({**pay[0], "instrument_type": "virtual_card", "first_used": "2026-03-01T00:00:00Z"})
    write_rows(directory / "payment_links.csv", pay)
    return directory


def test_two_writers_build_the_same_graph_as_one(tmp_path: Path, fresh: Driver, settings: Settings) -> None:
    d = _dataset(tmp_path / "d")
    run_load(d, fresh, settings, batch_size=7, writers=1)
    one, one_counts = snapshot(fresh), counts(fresh)
    with fresh.session() as s:
        s.run("MATCH (n) DETACH DELETE n").consume()
    reset_state(settings)
    report = run_load(d, fresh, settings, batch_size=7, writers=2)
    assert report.rejected == 0
    assert counts(fresh) == one_counts
    assert snapshot(fresh) == one
    with fresh.session() as s:
        acct = s.run(
            "MATCH (a:Account {account_id: 'acct003'}) "
            "RETURN a.plan AS plan, [(a)-[:HAS_EMAIL_DOMAIN]->(d) | d.domain] AS domains, "
            "[(a)-[:IN_ORG]->(o) | o.org_id] AS orgs"
        ).single()
        kept = s.run(
            "MATCH (a:Account {account_id: 'acct005'})-[:HAS_EMAIL_DOMAIN]->(d) "
            "RETURN a.plan AS plan, collect(d.domain) AS domains"
        ).single()
        ip = s.run(
            "MATCH (i:IP {address: '203.0.113.11'}) "
            "RETURN i.asn AS asn, i.ip_type AS t, [(i)-[:IN_ASN]->(n) | n.asn] AS asns"
        ).single()
    assert acct is not None
    assert kept is not None
    assert ip is not None
    assert (acct["plan"], acct["domains"], acct["orgs"]) == ("enterprise", ["moved.example"], ["org9"])
    assert (kept["plan"], kept["domains"]) == ("pro", ["example.com"])
    assert (ip["asn"], ip["t"], ip["asns"]) == (64999, "proxy", [64999])


def test_a_second_load_moves_changed_links_and_keeps_the_rest(
    tmp_path: Path, fresh: Driver, settings: Settings
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    write_rows(first / "accounts.csv", accounts(8))
    write_rows(first / "ip_links.csv", ip_links(8))
    changed = [{**a, "email_domain": "new.example", "org_id": "org7"} for a in accounts(8)[:4]]
    changed += [{**a, "email_domain": None, "org_id": None} for a in accounts(8)[4:]]
    write_rows(second / "accounts.csv", changed)
    write_rows(second / "ip_links.csv", [{**r, "asn": "AS65010", "asn_org": None} for r in ip_links(8)[:2]])
    run_load(first, fresh, settings, batch_size=3)
    run_load(second, fresh, settings, batch_size=3)
    with fresh.session() as s:
        domains = {
            r["a"]: r["d"]
            for r in s.run(
                "MATCH (a:Account)-[:HAS_EMAIL_DOMAIN]->(d) RETURN a.account_id AS a, collect(d.domain) AS d"
            )
        }
        orgs = {
            r["a"]: r["o"]
            for r in s.run(
                "MATCH (a:Account)-[:IN_ORG]->(o) RETURN a.account_id AS a, collect(o.org_id) AS o"
            )
        }
        asns = {
            r["ip"]: r["n"]
            for r in s.run("MATCH (i:IP)-[:IN_ASN]->(n) RETURN i.address AS ip, collect(n.asn) AS n")
        }
    assert all(domains[f"acct{i:03d}"] == ["new.example"] for i in range(4))
    assert all(orgs[f"acct{i:03d}"] == ["org7"] for i in range(4))
    # Accounts 4-7 gave no domain or organisation the second time: their links stay.
    assert domains["acct005"] == ["example.com"]
    assert domains["acct006"] == ["uni.edu"]
    assert "acct004" in orgs
    assert orgs["acct004"] == ["org1"]
    assert asns["2001:db8::1"] == [65010]
    assert asns["203.0.113.11"] == [65010]
    assert all(n == [64500] for ip, n in asns.items() if ip.startswith("203.0.113.") and ip != "203.0.113.11")


def test_the_first_plan_of_a_file_is_kept(fresh: Driver, settings: Settings) -> None:
    writer = GraphWriter(fresh, settings.neo4j_database)
    assert writer.pinned_plan("unit-x", "accounts", 7, 1) == (7, 1)
    assert writer.pinned_plan("unit-x", "accounts", 500, 2) == (7, 1)
    # A plan pinned before writers were partitioned (no partitions recorded) means one writer.
    assert writer.pinned_batch_size("unit-y", "ip_links", 9) == 9
    assert writer.pinned_plan("unit-y", "ip_links", 100, 2) == (9, 1)
