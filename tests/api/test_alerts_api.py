"""The events feed and watchlists through GraphQL: roles, cursors, hashing of instrument tokens, audit."""

from __future__ import annotations

import json

import pytest
from neo4j import Driver

from app.domain.alerts import INSTRUMENT_KEY_SHOWN
from app.domain.instrument import instrument_key
from app.platform.settings import Settings

from . import graphdata as g
from .conftest import Api, Keys, data, error_messages

pytestmark = pytest.mark.asyncio(loop_scope="session")

ADD = """mutation($input: WatchInput!) { addWatch(input: $input) { id kind key note createdBy campaigns } }"""
FEED = """query($after: String, $first: Int, $types: [EventType!]) {
  events(after: $after, first: $first, types: $types) {
    edges { cursor node { id type sequence runId campaignId summary link data } }
    pageInfo { hasNextPage endCursor } } }"""


def _plant_events(driver: Driver, count: int) -> None:
    driver.execute_query(
        "MATCH (e:AlertEvent) DETACH DELETE e WITH count(*) AS gone "
        "UNWIND range(1, $n) AS i "
        "CREATE (:AlertEvent {event_id: 'E-' + i, seq: i, type: CASE i % 2 WHEN 0 THEN 'campaign.grown' "
        "ELSE 'campaign.new' END, run_id: 'R-1', campaign_id: 'C-00000001', summary: 'event ' + i, "
        "link: '/#/campaign/C-00000001', data: '{\"size\": 12}', created_at: datetime()})",
        n=count,
    )


async def test_the_feed_pages_forward_from_a_cursor_without_gaps(
    api: Api, keys: Keys, driver: Driver
) -> None:
    _plant_events(driver, 5)
    page = data(await api.gql(FEED, keys.viewer, first=2))["events"]
    assert [e["node"]["id"] for e in page["edges"]] == ["E-1", "E-2"]
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["edges"][0]["node"]["data"] == {"size": 12}
    seen = [e["node"]["sequence"] for e in page["edges"]]
    cursor = page["pageInfo"]["endCursor"]
    while True:
        page = data(await api.gql(FEED, keys.viewer, after=cursor, first=2))["events"]
        if not page["edges"]:
            break
        seen += [e["node"]["sequence"] for e in page["edges"]]
        cursor = page["pageInfo"]["endCursor"]
    assert seen == [1, 2, 3, 4, 5]
    # A new event after the reader's cursor is the next thing it reads.
    _plant_events(driver, 6)
    tail = data(await api.gql(FEED, keys.viewer, after=cursor))["events"]
    assert [e["node"]["sequence"] for e in tail["edges"]] == [6]
    grown = data(await api.gql(FEED, keys.viewer, types=["CAMPAIGN_GROWN"]))["events"]
    assert [e["node"]["type"] for e in grown["edges"]] == ["CAMPAIGN_GROWN"] * 3
    bad = await api.gql(FEED, keys.viewer, after="not-a-cursor")
    assert error_messages(bad) == ["invalid cursor"]
    huge = data(await api.gql(FEED, keys.viewer, first=10_000))["events"]
    assert len(huge["edges"]) == 6  # clamped to the page cap, never refused


async def test_watching_an_instrument_takes_the_token_and_never_shows_or_logs_it(
    api: Api, keys: Keys, settings: Settings
) -> None:
    added = data(
        await api.gql(
            ADD, keys.analyst, input={"entity": "INSTRUMENT", "value": g.HYDRA_TOKEN, "note": "card"}
        )
    )["addWatch"]
    key = instrument_key(g.HYDRA_TOKEN, settings.hash_key())
    assert added["key"] == key[:INSTRUMENT_KEY_SHOWN]
    assert added["kind"] == "INSTRUMENT"
    assert added["createdBy"] == "ana-analyst"
    assert added["campaigns"] == ["C-00000001"]  # already in it: listed, not alerted
    again = data(
        await api.gql(ADD, keys.analyst, input={"entity": "INSTRUMENT", "value": f" {g.HYDRA_TOKEN} "})
    )
    assert again["addWatch"]["id"] == added["id"]
    listed = data(await api.gql("{ watches { totalCount edges { node { id key } } } }", keys.viewer))[
        "watches"
    ]
    assert {e["node"]["id"] for e in listed["edges"]} >= {added["id"]}
    trail = "".join(p.read_text(encoding="utf-8") for p in (settings.home / "audit").glob("audit-*.jsonl"))
    assert "addWatch" in trail  # the mutation was audited...
    assert g.HYDRA_TOKEN not in trail  # ...without the token
    assert g.HYDRA_TOKEN not in json.dumps(listed)


async def test_watch_input_is_checked_and_roles_apply(api: Api, keys: Keys) -> None:
    bad_ip = await api.gql(ADD, keys.analyst, input={"entity": "IP", "value": "999.1.1.1"})
    assert error_messages(bad_ip)[0].startswith("ip: ")
    card = await api.gql(ADD, keys.analyst, input={"entity": "INSTRUMENT", "value": "4111 1111 1111 1111"})
    assert "raw card number" in error_messages(card)[0]
    denied = await api.gql(ADD, keys.viewer, input={"entity": "ACCOUNT", "value": "a001"})
    assert "analyst" in error_messages(denied)[0]
    ip = data(await api.gql(ADD, keys.analyst, input={"entity": "IP", "value": "::ffff:192.0.2.50"}))[
        "addWatch"
    ]
    assert ip["key"] == g.BRIDGE_IP
    rm = "mutation($id: ID!) { removeWatch(id: $id) { id } }"
    assert data(await api.gql(rm, keys.analyst, id=ip["id"]))["removeWatch"]["id"] == ip["id"]
    assert error_messages(await api.gql(rm, keys.analyst, id=ip["id"])) == [f"no watch {ip['id']!r}"]
