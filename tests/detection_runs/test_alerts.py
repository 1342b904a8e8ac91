"""Events raised by detection runs, against the real database: the outbox commits with the switch."""

from __future__ import annotations

import json
from typing import Any

import pytest
from neo4j import Driver

from app.domain.alerts import WatchKind, watch_id
from app.jobs import runs
from app.jobs.runner import DetectionFailedError
from app.platform.runner import fetch_sync
from app.platform.settings import Settings

from .helpers import accs, active, id_of, run


def events(driver: Driver) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query("MATCH (e:AlertEvent) RETURN e {.*} AS e ORDER BY e.seq")
    return [dict(r["e"]) for r in records]


def kinds(evs: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(e["type"], e["campaign_id"]) for e in evs]


def watch(driver: Driver, settings: Settings, kind: WatchKind, key: str) -> list[str]:
    rows = fetch_sync(
        driver,
        settings.neo4j_database,
        "api/watch_add",
        watch_id=watch_id(kind, key),
        kind=kind.value,
        key=key,
        note=None,
        who="test",
    )
    return list(rows[0]["campaigns"])


def test_new_then_nothing_then_grown(graph: Driver, settings: Settings) -> None:
    first = run(settings, accs(0, 20), accs(100, 110))
    a, b = id_of(active(graph), accs(0, 20)), id_of(active(graph), accs(100, 110))
    evs = events(graph)
    assert sorted(kinds(evs)) == sorted([("campaign.new", a), ("campaign.new", b)])
    assert {e["run_id"] for e in evs} == {first.run_id}
    body = json.loads(evs[0]["body"])
    assert body["id"] == evs[0]["event_id"]
    assert body["type"] == "campaign.new"
    assert body["link"] == f"/#/campaign/{body['campaign_id']}"

    run(settings, accs(0, 20), accs(100, 110))  # the same campaigns re-derived: no flood
    assert len(events(graph)) == 2

    third = run(settings, accs(0, 26), accs(100, 111))  # a +30 %, b +10 % (under the 20 % default)
    evs = events(graph)
    assert kinds(evs[2:]) == [("campaign.grown", a)]
    grown = json.loads(evs[2]["data"])
    assert (grown["previous_size"], grown["size"], grown["added"]) == (20, 26, 6)
    assert evs[2]["run_id"] == third.run_id
    seqs = [e["seq"] for e in evs]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == 3
    assert len({e["event_id"] for e in evs}) == 3


def test_a_failed_switch_raises_no_event(
    graph: Driver, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    # Fails after the outbox wrote its events, inside the same transaction.
    monkeypatch.setattr(runs, "mark_succeeded", broken)
    with pytest.raises(DetectionFailedError):
        run(settings, accs(0, 20))
    assert events(graph) == []
    monkeypatch.undo()
    run(settings, accs(0, 20))
    assert kinds(events(graph)) == [("campaign.new", id_of(active(graph), accs(0, 20)))]


def test_a_watched_entity_joining_a_campaign_alerts_once(graph: Driver, settings: Settings) -> None:
    run(settings, accs(0, 20))
    old = id_of(active(graph), accs(0, 20))
    # Account 5 is already in the campaign: listed, not alerted. IP 10.0.10.x is used by accounts 100-109.
    assert watch(graph, settings, WatchKind.ACCOUNT, "acc-005") == [old]
    assert watch(graph, settings, WatchKind.IP, "10.0.10.3") == []
    assert watch(graph, settings, WatchKind.INSTRUMENT, "card-05") == []  # accounts 100-119
    run(settings, accs(0, 20), accs(100, 112))
    new = id_of(active(graph), accs(100, 112))
    joined = [e for e in events(graph) if e["type"] == "watch.joined"]
    assert sorted(json.loads(e["data"])["watch"]["kind"] for e in joined) == ["instrument", "ip"]
    assert {e["campaign_id"] for e in joined} == {new}
    ip_event = next(e for e in joined if json.loads(e["data"])["watch"]["kind"] == "ip")
    assert json.loads(ip_event["data"])["sample"] == ["acc-103"]
    run(settings, accs(0, 20), accs(100, 112))
    assert len([e for e in events(graph) if e["type"] == "watch.joined"]) == 2


def _label(driver: Driver, key: str, actor: str, confidence: float) -> None:
    driver.execute_query(
        "MATCH (e:PaymentInstrument {instrument_key: $key}) MERGE (x:Actor {actor_id: $actor}) "
        "ON CREATE SET x.name = $actor MERGE (e)-[l:LABELLED_AS]->(x) SET l.confidence = $confidence",
        key=key,
        actor=actor,
        confidence=confidence,
    )


def test_new_and_changed_attributions(graph: Driver, settings: Settings) -> None:
    run(settings, accs(0, 40))
    cid = id_of(active(graph), accs(0, 40))
    _label(graph, "card-00", "hydra", 0.9)
    run(settings, accs(0, 40))
    attributed = [e for e in events(graph) if e["type"].startswith("attribution.")]
    assert kinds(attributed) == [("attribution.new", cid)]
    data = json.loads(attributed[0]["data"])
    assert (data["actor_id"], data["confidence"], data["previous_confidence"]) == ("hydra", 0.9, None)
    assert data["evidence"][0]["key"] == "card-00"

    run(settings, accs(0, 40))  # unchanged: nothing
    _label(graph, "card-00", "hydra", 0.85)  # moved by less than 0.1: nothing
    run(settings, accs(0, 40))
    _label(graph, "card-00", "hydra", 0.6)
    run(settings, accs(0, 40))
    attributed = [e for e in events(graph) if e["type"].startswith("attribution.")]
    assert kinds(attributed) == [("attribution.new", cid), ("attribution.changed", cid)]
    data = json.loads(attributed[1]["data"])
    assert (data["previous_confidence"], data["confidence"]) == (0.9, 0.6)
