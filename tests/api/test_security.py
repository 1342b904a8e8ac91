"""Security: authentication, roles, limits, masking, introspection, audit trail."""

from __future__ import annotations

import json
from typing import Any

import pytest
from neo4j import Driver

from app.platform.settings import Settings
from app.services import api_keys
from app.services import campaigns as campaign_service
from app.services.api_keys import Role

from . import graphdata as g
from .conftest import Api, Keys, data, error_messages

pytestmark = pytest.mark.asyncio(loop_scope="session")

READ = '{ campaign(id: "C-00000001") { id } }'
CONFIRM = 'mutation { confirmCampaign(id: "C-00000003", note: "ok") { status } }'
AUDIT = """{ auditLog(first: 50) {
  totalCount edges { node { keyName role operationType query variables outcome } } } }"""
FORBIDDEN_ANALYST = "forbidden: this operation needs the analyst or admin role"


@pytest.mark.parametrize(
    "key",
    [None, "", "Bearer", "lw_deadbeef0000_wrongsecretwrongsecretwrongsecret", "not-a-key"],
    ids=["missing", "empty", "scheme-only", "wrong", "malformed"],
)
async def test_requests_without_a_valid_key_are_refused(api: Api, keys: Keys, key: str | None) -> None:
    response = await api.post(READ, key)
    assert response.status_code == 401
    assert "data" not in response.text


async def test_wrong_secret_for_a_real_key_id_and_revoked_key(api: Api, keys: Keys) -> None:
    key_id, _ = api_keys.parse_token(keys.viewer)
    forged = f"lw_{key_id}_{'x' * 43}"
    assert (await api.post(READ, forged)).status_code == 401
    assert (await api.post(READ, keys.revoked)).status_code == 401


async def test_key_revoked_while_cached_stops_working(api: Api, driver: Driver, settings: Settings) -> None:
    key = api_keys.create_key(driver, settings.neo4j_database, "short-lived", Role.VIEWER)
    assert (await api.post(READ, key.token)).status_code == 200
    api_keys.revoke_key(driver, settings.neo4j_database, key.key_id, settings.home)
    # The very next request: no cache expiry involved (tests/api/test_revocation.py: several workers).
    assert (await api.post(READ, key.token)).status_code == 401


async def test_both_headers_work(api: Api, keys: Keys) -> None:
    for header in ("bearer", "x-api-key"):
        response = await api.post(READ, keys.viewer, header=header)
        assert response.status_code == 200
        assert response.json()["data"]["campaign"]["id"] == "C-00000001"


@pytest.mark.parametrize(("role", "allowed"), [("viewer", False), ("analyst", True), ("admin", True)])
async def test_mutations_need_analyst_or_admin(api: Api, keys: Keys, role: str, allowed: bool) -> None:
    body = await api.gql(CONFIRM, getattr(keys, role))
    if allowed:
        assert data(body)["confirmCampaign"]["status"] == "CONFIRMED"
    else:
        assert error_messages(body) == [FORBIDDEN_ANALYST]
        assert body["data"] is None


async def test_every_mutation_refuses_viewers(api: Api, keys: Keys) -> None:
    mutations = [
        'mutation { dismissCampaign(id: "C-00000001") { id } }',
        'mutation { attributeCampaign(campaignId: "C-00000001", actorId: "quiet-fox") { status } }',
        'mutation { rejectAttribution(campaignId: "C-00000001", actorId: "hydra-labs") { status } }',
        'mutation { addLabel(input: {entity: ACCOUNT, value: "a001", actorId: "quiet-fox"}) { key } }',
        'mutation { createActor(name: "Sneaky") { id } }',
        "mutation { triggerDetectionRun { id } }",
    ]
    for m in mutations:
        assert error_messages(await api.gql(m, keys.viewer)) == [FORBIDDEN_ANALYST], m
    # Nothing changed.
    c = data(
        await api.gql('{ campaign(id: "C-00000001") { status attribution { actor { id } } } }', keys.viewer)
    )
    assert c["campaign"]["status"] == "CANDIDATE"
    assert [a["actor"]["id"] for a in c["campaign"]["attribution"]] == ["hydra-labs"]


async def test_depth_alias_and_token_limits(api: Api, keys: Keys) -> None:
    deep = """{ campaign(id: "C-00000001") { members { edges { node { account { neighbourhood {
      campaigns { campaign { members { edges { node { account { id } } } } } } } } } } } } }"""
    assert any(
        "exceeds maximum operation depth" in m for m in error_messages(await api.gql(deep, keys.admin))
    )
    aliases = "{ " + " ".join(f'a{i}: campaign(id: "C-00000001") {{ id }}' for i in range(31)) + " }"
    assert any("aliases" in m.lower() for m in error_messages(await api.gql(aliases, keys.admin)))
    tokens = "{ " + " ".join(f'campaign(id: "C-{i}") {{ id }}' for i in range(400)) + " }"
    assert any("more than 2000 tokens" in m for m in error_messages(await api.gql(tokens, keys.admin)))


async def test_introspection_off_unless_enabled(api: Api, make_api: Any, keys: Keys) -> None:
    q = "{ __schema { queryType { name } } }"
    assert any("introspection" in m.lower() for m in error_messages(await api.gql(q, keys.viewer)))
    dev = await make_api(api_introspection=True, api_graphiql=True)
    assert data(await dev.gql(q, keys.viewer))["__schema"]["queryType"]["name"] == "Query"
    ide = await dev.client.get("/graphql", headers={"Accept": "text/html"})
    assert ide.status_code == 200
    assert "graphiql" in ide.text.lower()
    # Without GraphiQL the page is not served, and queries never go over GET (URLs end up in logs).
    assert (await api.client.get("/graphql", headers={"Accept": "text/html"})).status_code == 401
    get_query = await dev.client.get(
        "/graphql", params={"query": READ}, headers={"Authorization": f"Bearer {keys.viewer}"}
    )
    assert get_query.status_code != 200 or "errors" in get_query.text or "data" not in get_query.json()


async def test_internal_errors_are_masked_domain_errors_are_not(
    api: Api, keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def boom(*_: Any, **__: Any) -> Any:
        raise RuntimeError("bolt://10.0.0.1 password=hunter2 stack details")

    monkeypatch.setattr(campaign_service, "page", boom)
    body = await api.gql("{ campaigns { totalCount } }", keys.viewer)
    assert error_messages(body) == ["Internal error."]
    assert "hunter2" not in json.dumps(body)
    domain = await api.gql('mutation { confirmCampaign(id: "C-404") { id } }', keys.analyst)
    assert error_messages(domain) == ["no campaign 'C-404'"]


async def test_audit_trail_records_who_what_and_redacts_secrets(
    api: Api, keys: Keys, settings: Settings
) -> None:
    await api.gql(
        "query Lookup($t: String!) { instrument(id: $t) { keyPrefix } }", keys.viewer, t=g.HYDRA_TOKEN
    )
    await api.gql(f'{{ attribution(instrument: "{g.QUIET_TOKEN}") {{ key }} }}', keys.viewer)
    await api.gql(
        f'mutation {{ addLabel(input: {{entity: INSTRUMENT, value: "{g.QUIET_TOKEN}", '
        'actorId: "quiet-fox"}) { key } }',
        keys.analyst,
    )
    await api.post(READ, "lw_feedfeedfeed_" + "y" * 43)
    await api.gql(CONFIRM, keys.viewer)  # refused

    assert error_messages(await api.gql(AUDIT, keys.analyst)) == [
        "forbidden: this operation needs the admin role"
    ]
    log = data(await api.gql(AUDIT, keys.admin))["auditLog"]
    entries = [e["node"] for e in log["edges"]]
    assert log["totalCount"] >= 5
    lookup = next(e for e in entries if e["query"] and "Lookup" in e["query"])
    assert lookup["keyName"] == "vera-viewer"
    assert lookup["role"] == "viewer"
    assert lookup["outcome"] == "ok"
    assert lookup["variables"] == {"t": "[REDACTED]"}
    assert lookup["operationType"] == "query"
    refused = next(
        e for e in entries if e["query"] and "confirmCampaign" in e["query"] and e["keyName"] == "vera-viewer"
    )
    assert refused["outcome"] == "error"
    assert refused["operationType"] == "mutation"
    files = list((settings.home / "audit").glob("audit-*.jsonl"))
    raw = "".join(f.read_text() for f in files)
    assert g.HYDRA_TOKEN not in raw
    assert g.QUIET_TOKEN not in raw
    assert keys.viewer not in raw
    assert '"reason":"invalid or revoked key","key_id":"feedfeedfeed"' in raw
    assert all(oct(f.stat().st_mode & 0o777) == "0o600" for f in files)
