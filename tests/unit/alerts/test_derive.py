"""Which events a run raises, from what it changed and what was announced: no database."""

from __future__ import annotations

import json

from app.domain.alerts import EventType
from app.jobs.alerts.derive import AlertRules, AttributionState, CampaignState, WatchHit, derive

RUN = "R-20260101T000000Z-000001"
KEY = "ab" * 32  # an instrument's keyed hash (64 hex)


def camp(cid: str, origin: str, size: int, announced: int | None, **kw: object) -> CampaignState:
    return CampaignState(campaign_id=cid, origin=origin, size=size, announced_size=announced, **kw)  # type: ignore[arg-type]


def types(derived_events: list) -> list[str]:  # type: ignore[type-arg]
    return [e.type.value for e in derived_events]


def test_a_new_campaign_is_announced_with_its_size_link_and_evidence() -> None:
    c = camp(
        "C-0000000a",
        "new",
        42,
        None,
        score=0.87,
        evidence=[{"kind": "instrument", "key": KEY, "accounts": 12, "weight": 2.0, "detail": ""}],
    )
    out = derive(RUN, [c], [], [], AlertRules(console_url="https://lw.example/"))
    (event,) = out.events
    assert event.type is EventType.CAMPAIGN_NEW
    assert event.link == "https://lw.example/#/campaign/C-0000000a"
    assert event.data["size"] == 42
    assert event.data["evidence"][0]["accounts"] == 12
    assert "42 accounts" in event.summary
    assert out.sizes == {"C-0000000a": 42}


def test_no_instrument_key_is_shown_whole() -> None:
    c = camp("C-1", "new", 5, None, evidence=[{"kind": "instrument", "key": KEY, "accounts": 3}])
    a = AttributionState(
        "C-1", "acme", 0.9, None, [{"kind": "instrument", "key": KEY, "accounts": 3, "path": f"used {KEY}"}]
    )
    out = derive(RUN, [c], [a], [WatchHit("W-1", "instrument", KEY, "C-1", 3)])
    text = json.dumps([(e.summary, e.data) for e in out.events])
    assert KEY not in text
    assert KEY[:12] in text


def test_a_rerun_that_re_derives_known_campaigns_raises_nothing() -> None:
    known = [camp("C-1", "continued", 40, 40), camp("C-2", "continued", 10, 10)]
    kept = [AttributionState("C-1", "acme", 0.8, 0.8)]
    out = derive(RUN, known, kept, [])
    assert out.events == []


def test_growth_is_measured_against_the_announced_size_and_the_threshold_is_configurable() -> None:
    rules = AlertRules(growth=0.2)
    assert derive(RUN, [camp("C-1", "continued", 119, 100)], [], [], rules).events == []
    grown = derive(RUN, [camp("C-1", "continued", 120, 100)], [], [], rules)
    (event,) = grown.events
    assert event.type is EventType.CAMPAIGN_GROWN
    assert (event.data["previous_size"], event.data["size"], event.data["added"]) == (100, 120, 20)
    assert grown.sizes == {"C-1": 120}  # the next growth is measured from 120
    assert derive(RUN, [camp("C-1", "continued", 115, 100)], [], [], AlertRules(growth=0.1)).events


def test_slow_growth_adds_up_to_one_alert_and_shrinking_does_not_lower_the_bar() -> None:
    announced = 100
    raised = 0
    for size in (105, 110, 115, 121, 90, 110):
        out = derive(RUN, [camp("C-1", "continued", size, announced)], [], [])
        raised += len(out.events)
        announced = out.sizes.get("C-1", announced)
    assert raised == 1
    assert announced == 121


def test_campaigns_from_before_alerts_are_primed_silently_with_their_attributions() -> None:
    out = derive(
        RUN,
        [camp("C-old", "continued", 30, None), camp("C-new", "new", 8, None)],
        [AttributionState("C-old", "acme", 0.9, None), AttributionState("C-new", "acme", 0.7, None)],
        [],
    )
    assert types(out.events) == ["campaign.new", "attribution.new"]
    assert out.events[1].campaign_id == "C-new"
    assert out.sizes == {"C-old": 30, "C-new": 8}
    assert sorted(out.confidences) == [("C-new", "acme", 0.7), ("C-old", "acme", 0.9)]


def test_an_attribution_changes_when_its_confidence_moves_enough() -> None:
    base = [camp("C-1", "continued", 10, 10)]
    small = derive(RUN, base, [AttributionState("C-1", "acme", 0.85, 0.8)], [])
    assert small.events == []
    assert small.confidences == []
    moved = derive(RUN, base, [AttributionState("C-1", "acme", 0.6, 0.8)], [])
    (event,) = moved.events
    assert event.type is EventType.ATTRIBUTION_CHANGED
    assert (event.data["previous_confidence"], event.data["confidence"]) == (0.8, 0.6)
    new_actor = derive(RUN, base, [AttributionState("C-1", "other", 0.7, None)], [])
    assert types(new_actor.events) == ["attribution.new"]


def test_dismissed_campaigns_raise_nothing_and_keep_their_baseline() -> None:
    out = derive(RUN, [camp("C-1", "revived", 500, 10, status="dismissed")], [], [])
    assert out.events == []
    assert out.sizes == {}


def test_a_watch_hit_is_announced_once_per_watch_and_campaign() -> None:
    hits = [WatchHit("W-1", "ip", "10.0.0.1", "C-1", 3, ["a3", "a1", "a2"])]
    out = derive(RUN, [camp("C-1", "continued", 10, 10)], [], hits)
    (event,) = out.events
    assert event.type is EventType.WATCH_JOINED
    assert event.data["watch"] == {"id": "W-1", "kind": "ip", "key": "10.0.0.1"}
    assert event.data["sample"] == ["a1", "a2", "a3"]
    assert out.seen == [("W-1", "C-1")]


def test_event_ids_are_stable_and_distinct() -> None:
    cs = [camp("C-1", "new", 5, None), camp("C-2", "continued", 50, 10)]
    hits = [WatchHit("W-1", "account", "a1", "C-1", 1), WatchHit("W-2", "account", "a2", "C-1", 1)]
    first = [e.event_id for e in derive(RUN, cs, [], hits).events]
    again = [e.event_id for e in derive(RUN, cs, [], hits).events]
    other_run = [e.event_id for e in derive(RUN + "x", cs, [], hits).events]
    assert first == again
    assert len(set(first)) == 4
    assert not set(first) & set(other_run)


def test_lineage_is_told() -> None:
    out = derive(RUN, [camp("C-3", "new", 30, None, merged_from=["C-1", "C-2"])], [], [])
    assert "merged from C-1, C-2" in out.events[0].summary
    assert out.events[0].data["merged_from"] == ["C-1", "C-2"]
