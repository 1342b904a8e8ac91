"""Stable ids, lineage and analyst decisions across real runs against the database."""

from __future__ import annotations

import json

from neo4j import Driver

from app.detection.algorithms.tracking import seed_of
from app.jobs.runner import run_detection
from app.platform.settings import Settings

from .helpers import FixedFinder, accs, active, campaign_props, id_of, result, run


def test_ids_survive_a_rerun_with_the_same_membership(graph: Driver, settings: Settings) -> None:
    first = run(settings, accs(0, 40), accs(100, 130))
    before = active(graph)
    second = run(settings, accs(0, 40), accs(100, 130))
    assert active(graph) == before
    assert (first.new, second.new, second.continued) == (2, 0, 2)
    # The run that found them and the one before are both recorded with the score.
    records, _, _ = graph.execute_query(
        "MATCH (c:Campaign)-[d:DETECTED_IN]->(r:DetectionRun) "
        "RETURN c.campaign_id AS c, r.run_id AS r, d.score AS s"
    )
    assert {(r["c"], r["r"]) for r in records} == {
        (c, run_id) for c in before for run_id in (first.run_id, second.run_id)
    }
    assert all(r["s"] == 0.8 for r in records)


def test_same_input_gives_the_same_ids_on_a_fresh_database(graph: Driver, settings: Settings) -> None:
    run(settings, accs(0, 40))
    ids = set(active(graph))
    graph.execute_query("MATCH (n) WHERE n:Campaign OR n:DetectionRun DETACH DELETE n")
    run(settings, accs(0, 40))
    assert set(active(graph)) == ids


def test_previous_assignment_seeds_the_finder(graph: Driver, settings: Settings) -> None:
    run(settings, accs(0, 40))
    cid = id_of(active(graph), accs(0, 40))
    finder = FixedFinder(result(accs(0, 40)))
    run_detection(settings, finder=finder)
    assert finder.seen_previous == [{a: seed_of(cid) for a in accs(0, 40)}]


def test_small_membership_change_keeps_the_id(graph: Driver, settings: Settings) -> None:
    run(settings, accs(0, 40))
    cid = id_of(active(graph), accs(0, 40))
    summary = run(settings, accs(3, 44))  # 3 left, 4 joined
    assert id_of(active(graph), accs(3, 44)) == cid
    assert summary.continued == 1
    assert summary.new == 0
    props = campaign_props(graph, cid)
    assert props["size"] == 41
    assert props["last_run"] == summary.run_id
    # Accounts that left are no longer members.
    records, _, _ = graph.execute_query(
        "MATCH (a:Account)-[m:IN_CAMPAIGN]->(:Campaign {campaign_id: $c}) "
        "RETURN min(m.run_id) AS r, count(*) AS n",
        c=cid,
    )
    assert records[0]["n"] == 41
    assert records[0]["r"] == summary.run_id


def test_merge_and_split_produce_lineage(graph: Driver, settings: Settings) -> None:
    run(settings, accs(0, 60), accs(60, 90))
    big, small = id_of(active(graph), accs(0, 60)), id_of(active(graph), accs(60, 90))

    merged = run(settings, accs(0, 90))
    assert merged.merges == 1
    assert id_of(active(graph), accs(0, 90)) == big
    assert campaign_props(graph, small)["active"] is False
    records, _, _ = graph.execute_query(
        "MATCH (c:Campaign)-[d:DERIVED_FROM]->(p:Campaign) "
        "RETURN c.campaign_id AS c, p.campaign_id AS p, d.kind AS kind, d.run_id AS run, d.overlap AS overlap"
    )
    assert [dict(r) for r in records] == [
        {"c": big, "p": small, "kind": "merge", "run": merged.run_id, "overlap": 1.0}
    ]

    split = run(settings, accs(0, 60), accs(60, 90))
    assert split.splits == 1
    now = active(graph)
    assert id_of(now, accs(0, 60)) == big
    # The part that broke off is matched back to the campaign it came from before the merge.
    assert id_of(now, accs(60, 90)) == small
    assert split.revived == 1


def test_split_into_new_campaign_records_lineage(graph: Driver, settings: Settings) -> None:
    run(settings, accs(0, 100))
    parent = id_of(active(graph), accs(0, 100))
    summary = run(settings, accs(0, 70), accs(70, 100))
    child = id_of(active(graph), accs(70, 100))
    assert id_of(active(graph), accs(0, 70)) == parent
    assert child != parent
    assert summary.splits == 1
    records, _, _ = graph.execute_query(
        "MATCH (:Campaign {campaign_id: $c})-[d:DERIVED_FROM]->(:Campaign {campaign_id: $p}) "
        "RETURN d.kind AS k",
        c=child,
        p=parent,
    )
    assert [r["k"] for r in records] == ["split"]


def _decide(driver: Driver, cid: str, status: str) -> None:
    driver.execute_query(
        "MATCH (c:Campaign {campaign_id: $c}) SET c.status = $s, c.decided_by = 'alice', "
        "c.decided_at = datetime('2026-05-01T00:00:00Z'), c.decision_note = 'checked'",
        c=cid,
        s=status,
    )


def test_analyst_decisions_survive_reruns(graph: Driver, settings: Settings) -> None:
    run(settings, accs(0, 40), accs(100, 140), accs(200, 230))
    now = active(graph)
    confirmed, dismissed, attributed = (
        id_of(now, accs(0, 40)),
        id_of(now, accs(100, 140)),
        id_of(now, accs(200, 230)),
    )
    _decide(graph, confirmed, "confirmed")
    _decide(graph, dismissed, "dismissed")
    graph.execute_query(
        "MATCH (c:Campaign {campaign_id: $c}) MERGE (x:Actor {actor_id: 'lab-x', name: 'Lab X'}) "
        "MERGE (c)-[:ATTRIBUTED_TO {source: 'analyst', status: 'confirmed', confidence: 0.7, "
        "decided_by: 'bob'}]->(x)",
        c=attributed,
    )
    run(settings, accs(1, 41), accs(100, 141), accs(200, 231))
    run(settings, accs(2, 41), accs(101, 141), accs(200, 232))
    for cid, status in ((confirmed, "confirmed"), (dismissed, "dismissed")):
        props = campaign_props(graph, cid)
        assert (props["status"], props["decided_by"], props["decision_note"]) == (status, "alice", "checked")
        assert props["active"] is True
    records, _, _ = graph.execute_query(
        "MATCH (:Campaign {campaign_id: $c})-[r:ATTRIBUTED_TO]->(x:Actor) "
        "RETURN r {.*} AS r, x.actor_id AS x",
        c=attributed,
    )
    assert [(r["x"], r["r"]["source"], r["r"]["status"], r["r"]["confidence"]) for r in records] == [
        ("lab-x", "analyst", "confirmed", 0.7)
    ]


def test_dismissed_cluster_does_not_come_back_as_new(graph: Driver, settings: Settings) -> None:
    run(settings, accs(0, 50))
    cid = id_of(active(graph), accs(0, 50))
    _decide(graph, cid, "dismissed")
    gone = run(settings, accs(100, 130))  # the benign cluster is not found this time
    assert gone.deactivated == 1
    assert campaign_props(graph, cid)["active"] is False
    back = run(settings, accs(100, 130), accs(0, 55))
    assert back.revived == 1
    assert back.new == 0
    props = campaign_props(graph, cid)
    assert props["active"] is True
    assert props["status"] == "dismissed"
    assert id_of(active(graph), accs(0, 55)) == cid
    statuses, _, _ = graph.execute_query("MATCH (c:Campaign) RETURN c.status AS s, count(*) AS n ORDER BY s")
    assert {r["s"]: r["n"] for r in statuses} == {"candidate": 1, "dismissed": 1}


def test_campaigns_no_longer_found_keep_their_history(graph: Driver, settings: Settings) -> None:
    first = run(settings, accs(0, 30), accs(50, 80))
    gone = id_of(active(graph), accs(50, 80))
    second = run(settings, accs(0, 30))
    props = campaign_props(graph, gone)
    assert props["active"] is False
    assert props["last_run"] == first.run_id
    assert props["deactivated_run"] == second.run_id
    records, _, _ = graph.execute_query(
        "MATCH (:Campaign {campaign_id: $c})<-[m:IN_CAMPAIGN]-() RETURN count(m) AS n", c=gone
    )
    assert records[0]["n"] == 30  # its last membership stays as history


def test_run_records_params_timings_graph_and_metrics(graph: Driver, settings: Settings) -> None:
    summary = run(settings, accs(0, 30))
    records, _, _ = graph.execute_query(
        "MATCH (r:DetectionRun {run_id: $r}) RETURN r {.*} AS r", r=summary.run_id
    )
    r = records[0]["r"]
    assert r["status"] == "succeeded"
    assert r["trigger"] == "cli"
    assert r["campaigns"] == 1
    assert json.loads(r["params"])["algorithm"] == "fixed"
    assert json.loads(r["params"])["tracking"]["keep_jaccard"] == 0.5
    assert {"find", "persist", "attribution", "total", "communities"} <= set(json.loads(r["timings"]))
    assert json.loads(r["graph"]) == {"accounts": 240}
    metrics = json.loads(r["metrics"])
    assert metrics["modularity"] == 0.5
    assert metrics["new"] == 1
    assert metrics["memberships"] == 30
    assert r["started_at"] <= r["finished_at"]
