"""Mutations: campaign decisions, actors, labels — each records who and when."""

from __future__ import annotations

import pytest
from neo4j import Driver

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
