"""The attribution-by-account hot path: one database round trip, the same answer as the general path, and
an audit trail that still records every lookup (kept-open descriptor, reopened when needed)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app.api.app import create_app
from app.api.audit import AuditLog
from app.platform.runner import Graph
from app.platform.settings import Settings

from .conftest import Api, Keys, data
from .counting import CountingGraph

on_session_loop = pytest.mark.asyncio(loop_scope="session")

EVIDENCE = "evidence { kind summary nodes { label key } relationships strength }"
BY_ACCOUNT = f"""query($id: ID!) {{ attribution(account: $id) {{
  found
  campaigns {{ campaign {{ id }} actors {{ actor {{ id }} confidence source status {EVIDENCE} }} }}
  actors {{ actor {{ id }} confidence confirmed }}
}} }}"""
BY_CAMPAIGN = f"""query($id: ID!) {{ campaign(id: $id) {{
  attribution {{ actor {{ id }} confidence source status {EVIDENCE} }}
}} }}"""


async def _lookup_counting(api: Api, key: str, account: str) -> tuple[dict[str, Any], list[str]]:
    real: Graph = api.app.state.graph
    counting = CountingGraph(driver=real.driver, database=real.database)
    api.app.state.graph = counting
    try:
        answer = data(await api.gql(BY_ACCOUNT, key, id=account))["attribution"]
    finally:
        api.app.state.graph = real
    return answer, counting.calls


@on_session_loop
async def test_account_lookup_with_evidence_is_one_round_trip(api: Api, keys: Keys) -> None:
    answer, calls = await _lookup_counting(api, keys.viewer, "a003")
    assert calls == ["api/attribution_account"]
    [hit] = answer["campaigns"]
    [claim] = hit["actors"]
    assert {p["kind"] for p in claim["evidence"]} == {"detection", "label", "prior_campaign"}


@on_session_loop
async def test_inline_evidence_matches_the_batched_evidence_query(api: Api, keys: Keys) -> None:
    """Per claim, the evidence read with the account equals what `campaign.attribution` reads through the
    batched evidence loader — for a detection proposal, an analyst's confirmation, and a rejection."""
    attribute = """mutation($c: ID!, $a: ID!) { attributeCampaign(campaignId: $c, actorId: $a,
        note: "seen in case 9") { status } }"""
    reject = """mutation($c: ID!, $a: ID!) { rejectAttribution(campaignId: $c, actorId: $a) { status } }"""
    assert data(await api.gql(attribute, keys.analyst, c="C-00000002", a="quiet-fox"))
    assert data(await api.gql(attribute, keys.analyst, c="C-00000002", a="hydra-labs"))
    assert data(await api.gql(reject, keys.analyst, c="C-00000002", a="hydra-labs"))
    for account, campaign_id in [("a003", "C-00000001"), ("b002", "C-00000002")]:
        answer, calls = await _lookup_counting(api, keys.viewer, account)
        assert calls == ["api/attribution_account"]
        [hit] = answer["campaigns"]
        assert hit["campaign"]["id"] == campaign_id
        by_campaign = data(await api.gql(BY_CAMPAIGN, keys.viewer, id=campaign_id))["campaign"]
        assert hit["actors"] == by_campaign["attribution"]
        assert hit["actors"], "each campaign keeps a non-rejected claim"
    b002 = data(await api.gql(BY_ACCOUNT, keys.viewer, id="b002"))["attribution"]
    [claim] = b002["campaigns"][0]["actors"]
    assert claim["actor"]["id"] == "quiet-fox"  # the rejected hydra-labs claim is not shown
    assert claim["status"] == "confirmed"
    assert claim["evidence"][0]["kind"] == "analyst_decision"
    assert "seen in case 9" in claim["evidence"][0]["summary"]


@on_session_loop
async def test_non_member_lookup_is_found_without_campaigns(api: Api, keys: Keys) -> None:
    answer, calls = await _lookup_counting(api, keys.viewer, "n0001")
    assert calls == ["api/attribution_account"]
    assert answer == {"found": True, "campaigns": [], "actors": []}
    missing, _ = await _lookup_counting(api, keys.viewer, "nobody")
    assert missing["found"] is False


@on_session_loop
async def test_lookups_are_audited_and_survive_shutdown(keys: Keys, settings: Settings) -> None:
    app = create_app(settings)
    lifespan = app.router.lifespan_context(app)
    await lifespan.__aenter__()
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as client:
            for account in ("a001", "a002", "audit-probe"):
                r = await client.post(
                    "/graphql",
                    json={"query": BY_ACCOUNT, "variables": {"id": account}},
                    headers={"Authorization": f"Bearer {keys.viewer}"},
                )
                assert r.status_code == 200
    finally:
        await lifespan.__aexit__(None, None, None)
    # A fresh reader (another process would see the same) finds every lookup, newest first.
    entries = [e for e in AuditLog(settings.home).entries() if e.get("query") and "attribution" in e["query"]]
    assert [e["variables"] for e in entries[:3]] == [{"id": "audit-probe"}, {"id": "a002"}, {"id": "a001"}]
    assert all(e["key_name"] == "vera-viewer" and e["outcome"] == "ok" for e in entries[:3])


@on_session_loop
async def test_a_worker_freezes_its_startup_heap(make_api: Callable[..., Any], keys: Keys) -> None:
    """Start-up objects out of the collector's reach: full collections no longer walk them mid-request."""
    gc.unfreeze()
    try:
        api: Api = await make_api(api_freeze_heap=True)
        frozen = gc.get_freeze_count()
        # The schema, driver and imported modules: far more than one request allocates.
        assert frozen > 50_000
        assert all(o is not api.app for o in gc.get_objects(generation=2))
        # The frozen worker still answers, and a full collection afterwards breaks nothing.
        assert data(await api.gql(BY_ACCOUNT, keys.viewer, id="a003"))["attribution"]["found"]
        gc.collect()
        assert data(await api.gql(BY_ACCOUNT, keys.viewer, id="a003"))["attribution"]["found"]
    finally:
        gc.unfreeze()
