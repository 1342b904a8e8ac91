"""Mutations: campaign decisions, actors, labels — each records who and when."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from app.platform.cypher import q

from . import graphdata as g
from .conftest import Api, Keys, data, error_messages

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_confirm_and_dismiss_record_who_and_when(api: Api, keys: Keys, driver: Driver) -> None:
    m = """mutation($id: ID!, $note: String) { confirmCampaign(id: $id, note: $note) {
      id status decision { status decidedBy decidedAt note } } }"""
    c = data(await api.gql(m, keys.analyst, id="C-00000002", note="checked the proxy"))["confirmCampaign"]
    assert c["status"] == "CONFIRMED"
    assert c["decision"]["decidedBy"] == "ana-analyst"
    assert c["decision"]["note"] == "checked the proxy"
    d = """mutation($id: ID!) { dismissCampaign(id: $id, note: "a university NAT") { status decision {
        decidedBy } } }"""
    assert data(await api.gql(d, keys.admin, id="C-00000002"))["dismissCampaign"] == {
        "status": "DISMISSED",
        "decision": {"decidedBy": "adam-admin"},
    }
    # On the graph exactly as docs/data-model.md says, so detection can carry it over.
    row = driver.execute_query(
        "MATCH (c:Campaign {campaign_id: 'C-00000002'}) "
        "RETURN c.status AS s, c.decided_by AS by, c.decided_at AS at, c.decision_note AS note"
    ).records[0]
    assert (row["s"], row["by"], row["note"]) == ("dismissed", "adam-admin", "a university NAT")
    assert row["at"] is not None
    missing = await api.gql(m, keys.analyst, id="C-99999999")
    assert error_messages(missing) == ["no campaign 'C-99999999'"]
    long_note = await api.gql(m, keys.analyst, id="C-00000002", note="x" * 5000)
    assert error_messages(long_note) == ["note longer than 2000 characters"]


async def test_create_actor_and_label_entities(
    api: Api, keys: Keys, driver: Driver, planted: dict[str, str]
) -> None:
    create = """mutation($name: String!, $aliases: [String!]) { createActor(name: $name, aliases: $aliases) {
      id name aliases createdBy createdAt } }"""
    actor = data(await api.gql(create, keys.analyst, name="Night Heron Ltd.", aliases=["heron"]))[
        "createActor"
    ]
    assert actor["id"] == "night-heron-ltd"
    assert actor["createdBy"] == "ana-analyst"
    assert actor["createdAt"]
    dup = await api.gql(create, keys.analyst, name="night heron ltd")
    assert error_messages(dup) == ["actor 'night-heron-ltd' already exists"]

    label = """mutation($input: LabelInput!) { addLabel(input: $input) { entity key actorId confidence
        createdBy } }"""
    cases = [
        ({"entity": "ACCOUNT", "value": "b003"}, "b003"),
        ({"entity": "IP", "value": g.BLUE_IP}, g.BLUE_IP),
        ({"entity": "INSTRUMENT", "value": g.QUIET_TOKEN}, planted["quiet_key"][:12]),
        ({"entity": "ASN", "value": "AS64501"}, "64501"),
        ({"entity": "EMAIL_DOMAIN", "value": "MAIL.example"}, "mail.example"),
        ({"entity": "TEMPLATE", "value": g.BLUE_TEMPLATE}, g.BLUE_TEMPLATE),
    ]
    for given, shown in cases:
        body = await api.gql(
            label, keys.analyst, input={**given, "actorId": "night-heron-ltd", "confidence": 0.7}
        )
        assert data(body)["addLabel"] == {
            "entity": given["entity"].lower(),
            "key": shown,
            "actorId": "night-heron-ltd",
            "confidence": 0.7,
            "createdBy": "ana-analyst",
        }
        assert g.QUIET_TOKEN not in str(body)
    count = driver.execute_query(
        "MATCH ()-[l:LABELLED_AS]->(:Actor {actor_id: 'night-heron-ltd'}) RETURN count(l) AS n"
    ).records[0]["n"]
    assert count == len(cases)
    unknown = await api.gql(
        label, keys.analyst, input={"entity": "ACCOUNT", "value": "nobody", "actorId": "night-heron-ltd"}
    )
    assert error_messages(unknown) == ["no such account or actor"]
    bad = await api.gql(
        label, keys.analyst, input={"entity": "ACCOUNT", "value": "b003", "actorId": "x", "confidence": 2}
    )
    assert error_messages(bad) == ["confidence must be between 0 and 1"]


HISTORY = """query($id: ID!, $first: Int, $after: String) { campaign(id: $id) { status
  decision { status decidedBy note }
  history(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind decidedBy decidedAt note status actor { id name } actorId entity entityKey
      confidence source } } } } }"""


async def _history(api: Api, key: str, campaign_id: str, **page: object) -> dict[str, Any]:
    campaign: dict[str, Any] = data(await api.gql(HISTORY, key, id=campaign_id, **page))["campaign"]
    return campaign


async def test_every_decision_joins_the_case_history_newest_first(
    api: Api, keys: Keys, driver: Driver, planted: dict[str, str]
) -> None:
    cid = "C-00000001"
    assert (await _history(api, keys.viewer, cid))["history"]["totalCount"] == 0
    confirm = 'mutation($id: ID!) { confirmCampaign(id: $id, note: "same card as the takedown") { id } }'
    dismiss = 'mutation($id: ID!) { dismissCampaign(id: $id, note: "a reseller, not an operator") { id } }'
    data(await api.gql(confirm, keys.analyst, id=cid))
    data(await api.gql(dismiss, keys.admin, id=cid))

    campaign = await _history(api, keys.viewer, cid)
    records = [e["node"] for e in campaign["history"]["edges"]]
    assert campaign["history"]["totalCount"] == 2
    # Newest first; the earlier decision is still there, although the campaign keeps only the latest.
    assert [(r["kind"], r["status"], r["decidedBy"], r["note"]) for r in records] == [
        ("DISMISS", "DISMISSED", "adam-admin", "a reseller, not an operator"),
        ("CONFIRM", "CONFIRMED", "ana-analyst", "same card as the takedown"),
    ]
    assert records[0]["decidedAt"] >= records[1]["decidedAt"]
    assert records[0]["id"] != records[1]["id"]
    assert campaign["decision"] == {
        "status": "DISMISSED",
        "decidedBy": "adam-admin",
        "note": "a reseller, not an operator",
    }

    # Attribution, its rejection and a label made from the campaign are records too.
    attribute = """mutation($c: ID!) { attributeCampaign(campaignId: $c, actorId: "quiet-fox", note: "n1") {
        status } }"""
    reject = """mutation($c: ID!) { rejectAttribution(campaignId: $c, actorId: "hydra-labs", note: "n2") {
        status } }"""
    label = """mutation($input: LabelInput!) { addLabel(input: $input) { key } }"""
    data(await api.gql(attribute, keys.analyst, c=cid))
    data(await api.gql(reject, keys.analyst, c=cid))
    data(
        await api.gql(
            label,
            keys.analyst,
            input={
                "entity": "INSTRUMENT",
                "value": g.HYDRA_TOKEN,
                "actorId": "hydra-labs",
                "confidence": 0.6,
                "note": "n3",
                "campaignId": cid,
            },
        )
    )
    body = await api.gql(HISTORY, keys.viewer, id=cid)
    assert g.HYDRA_TOKEN not in str(body)
    records = [e["node"] for e in data(body)["campaign"]["history"]["edges"]]
    assert [(r["kind"], r["actorId"], r["note"]) for r in records[:3]] == [
        ("LABEL", "hydra-labs", "n3"),
        ("REJECT_ATTRIBUTION", "hydra-labs", "n2"),
        ("ATTRIBUTE", "quiet-fox", "n1"),
    ]
    assert records[0]["entity"] == "instrument"
    assert records[0]["entityKey"] == planted["hydra_key"][:12]
    assert (records[0]["confidence"], records[0]["source"]) == (0.6, "analyst")
    assert records[2]["actor"] == {"id": "quiet-fox", "name": "Quiet Fox"}

    # Pages are bounded and walk back in time.
    first = (await _history(api, keys.viewer, cid, first=2))["history"]
    assert (len(first["edges"]), first["totalCount"], first["pageInfo"]["hasNextPage"]) == (2, 5, True)
    rest = (await _history(api, keys.viewer, cid, first=10, after=first["pageInfo"]["endCursor"]))["history"]
    assert [e["node"]["kind"] for e in rest["edges"]] == ["ATTRIBUTE", "DISMISS", "CONFIRM"]
    big = (await _history(api, keys.viewer, cid, first=10_000))["history"]
    assert len(big["edges"]) == 5

    # A label on an unknown campaign writes nothing; a viewer writes nothing at all.
    missing = await api.gql(
        label,
        keys.analyst,
        input={"entity": "ACCOUNT", "value": "a001", "actorId": "hydra-labs", "campaignId": "C-99999999"},
    )
    assert error_messages(missing) == ["no such account or actor or campaign"]
    for mutation in (confirm, dismiss):
        refused = await api.gql(mutation, keys.viewer, id=cid)
        assert [e["extensions"]["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    refused = await api.gql(attribute, keys.viewer, c=cid)
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    assert (await _history(api, keys.viewer, cid))["history"]["totalCount"] == 5

    # A detection run re-writing the campaign (same id) leaves its history alone.
    driver.execute_query(
        q("detection/campaign_upsert"),
        rows=[
            {
                "campaign_id": cid,
                "score": 0.5,
                "features": "{}",
                "evidence": "[]",
                "size": 12,
                "capability": "agentic_tool_use",
                "first_seen": "2026-05-01T00:00:00Z",
                "last_seen": "2026-05-03T00:00:00Z",
            }
        ],
        run_id="R-later",
    )
    driver.execute_query(q("detection/campaign_deactivate"), campaign_ids=[cid], run_id="R-later")
    after_run = await _history(api, keys.viewer, cid)
    assert after_run["history"]["totalCount"] == 5
    assert after_run["status"] == "DISMISSED"
