"""Operations and hardening on a real API: health, readiness, metrics, error codes, the body limit, and no
card number or instrument token in the audit trail or the logs, however it was sent."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import AsyncGraphDatabase

from app.api.operations import ReadinessProbe
from app.platform.logging import configure_logging
from app.platform.neo4j_server.throwaway import free_port
from app.platform.settings import Settings
from app.services import campaigns as campaign_service

from . import graphdata as g
from .conftest import Api, Keys, data

LOOP = pytest.mark.asyncio(loop_scope="session")  # the session fixtures' loop

CARD = "4111111111111111"
SPACED_CARD = "4111 1111 1111 1111"
READ = '{ campaign(id: "C-00000001") { id } }'


def _audit_bytes(settings: Settings) -> bytes:
    return b"".join(p.read_bytes() for p in sorted((settings.home / "audit").glob("audit-*.jsonl")))


def _codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


def _sample(text: str, name: str, **labels: str) -> float:
    """One sample's value from Prometheus text output (0 when the series does not exist yet)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    for line in text.splitlines():
        if line.startswith(f"{name}{{{wanted}}} ") or (not labels and line.startswith(f"{name} ")):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


# --- health, readiness, metrics -------------------------------------------------------------------


@LOOP
async def test_healthz_and_readyz_need_no_key(api: Api) -> None:
    health = await api.client.get("/healthz")
    assert (health.status_code, health.json()) == (200, {"status": "ok"})
    ready = await api.client.get("/readyz")
    assert (ready.status_code, ready.json()["status"]) == (200, "ready")


@LOOP
async def test_readyz_is_503_while_neo4j_is_unreachable(api: Api) -> None:
    dead = AsyncGraphDatabase.driver(f"bolt://127.0.0.1:{free_port()}", auth=("neo4j", "x"))
    live = api.app.state.readiness
    api.app.state.readiness = ReadinessProbe(dead, "neo4j", timeout=1.0)
    try:
        response = await api.client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["reason"] == "neo4j unreachable"
        assert (await api.client.get("/healthz")).status_code == 200  # the process itself is fine
    finally:
        api.app.state.readiness = live
        await dead.close()
    assert (await api.client.get("/readyz")).status_code == 200


@LOOP
async def test_metrics_need_a_key(api: Api, keys: Keys) -> None:
    refused = await api.client.get("/metrics")
    assert refused.status_code == 401
    assert _codes(refused.json()) == ["UNAUTHENTICATED"]
    revoked = await api.client.get("/metrics", headers={"Authorization": f"Bearer {keys.revoked}"})
    assert revoked.status_code == 401


@LOOP
async def test_metrics_count_operations_latency_and_error_codes(api: Api, keys: Keys) -> None:
    async def scrape() -> str:
        response = await api.client.get("/metrics", headers={"X-API-Key": keys.viewer})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/plain")
        return response.text

    ok = {"operation": "campaign", "operation_type": "query", "outcome": "ok"}
    hist = {"operation": "campaign", "operation_type": "query"}
    before = await scrape()
    for _ in range(3):
        data(await api.gql(READ, keys.viewer))
    await api.gql('mutation { confirmCampaign(id: "C-404") { id } }', keys.analyst)
    await api.gql('mutation { confirmCampaign(id: "C-00000001") { id } }', keys.viewer)
    await api.post(READ, None)
    after = await scrape()

    def delta(name: str, **labels: str) -> float:
        return _sample(after, name, **labels) - _sample(before, name, **labels)

    assert delta("linkwatch_graphql_requests_total", **ok) == 3
    assert delta("linkwatch_graphql_request_duration_seconds_count", **hist) == 3
    assert delta("linkwatch_graphql_request_duration_seconds_bucket", le="+Inf", **hist) == 3
    failed = {"operation": "confirmCampaign", "operation_type": "mutation", "outcome": "error"}
    assert delta("linkwatch_graphql_requests_total", **failed) == 2
    assert delta("linkwatch_graphql_errors_total", code="NOT_FOUND") == 1
    assert delta("linkwatch_graphql_errors_total", code="FORBIDDEN") == 1
    assert delta("linkwatch_http_refused_total", status="401") == 1
    # Operation names are the client's to choose; labels are not.
    await api.gql('query Made_Up_Name { campaign(id: "C-00000001") { id } }', keys.viewer)
    assert "Made_Up_Name" not in await scrape()


def test_metrics_add_up_across_workers(keys: Keys, settings: Settings) -> None:
    """Two workers behind one port: every scrape, whichever worker answers it, has every worker's counts."""
    port = free_port()
    env = {**os.environ, "LINKWATCH_API_PORT": str(port)}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    linkwatch = [str(Path(sys.executable).parent / "linkwatch")]
    started = subprocess.run(
        [*linkwatch, "serve", "--detach", "--workers", "2", "--wait", "90"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    try:
        assert started.returncode == 0, started.stderr
        base = f"http://127.0.0.1:{port}"
        headers = {"Authorization": f"Bearer {keys.viewer}"}
        for _ in range(12):  # a new connection each: the kernel spreads them over both workers
            r = httpx.post(f"{base}/graphql", json={"query": READ}, headers=headers, timeout=10)
            assert r.status_code == 200
        totals = set()
        for _ in range(6):
            text = httpx.get(f"{base}/metrics", headers=headers, timeout=10).text
            totals.add(
                _sample(
                    text,
                    "linkwatch_graphql_requests_total",
                    operation="campaign",
                    operation_type="query",
                    outcome="ok",
                )
            )
        assert totals == {12.0}
    finally:
        stopped = subprocess.run(
            [*linkwatch, "serve-stop"], env=env, capture_output=True, text=True, timeout=60, check=False
        )
    assert stopped.returncode == 0, stopped.stderr


# --- error codes ----------------------------------------------------------------------------------


@LOOP
async def test_unauthenticated_is_401_with_a_code(api: Api) -> None:
    for key in (None, "lw_deadbeef0000_" + "x" * 43):
        response = await api.post(READ, key)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert _codes(response.json()) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize(
    ("document", "role", "code"),
    [
        ('mutation { confirmCampaign(id: "C-00000001") { id } }', "viewer", "FORBIDDEN"),
        ("{ auditLog(first: 1) { totalCount } }", "analyst", "FORBIDDEN"),
        ('mutation { confirmCampaign(id: "C-404") { id } }', "analyst", "NOT_FOUND"),
        ('{ ip(address: "not-an-ip") { address } }', "viewer", "INVALID_INPUT"),
        ("{ campaigns(first: -1) { totalCount } }", "viewer", "INVALID_INPUT"),
        ("{ nope }", "viewer", "GRAPHQL_VALIDATION_FAILED"),
        ("{ campaign(id: ", "viewer", "GRAPHQL_PARSE_FAILED"),
        ("{ __schema { queryType { name } } }", "viewer", "GRAPHQL_VALIDATION_FAILED"),
        (
            "{ " + " ".join(f'a{i}: campaign(id: "C-1") {{ id }}' for i in range(31)) + " }",
            "admin",
            "QUERY_TOO_COMPLEX",
        ),
        (
            "{ " + " ".join(f'campaign(id: "C-{i}") {{ id }}' for i in range(400)) + " }",
            "admin",
            "QUERY_TOO_COMPLEX",
        ),
        ("query($id: ID!) { campaign(id: $id) { id } }", "viewer", "BAD_USER_INPUT"),
    ],
    ids=[
        "viewer-mutation",
        "analyst-audit",
        "not-found",
        "bad-ip",
        "bad-first",
        "unknown-field",
        "syntax",
        "introspection",
        "aliases",
        "tokens",
        "missing-variable",
    ],
)
@LOOP
async def test_every_graphql_error_has_a_code(
    api: Api, keys: Keys, document: str, role: str, code: str
) -> None:
    body = (await api.post(document, getattr(keys, role))).json()
    assert body["errors"], body
    assert set(_codes(body)) == {code}, body


@LOOP
async def test_depth_limit_has_a_code(api: Api, keys: Keys) -> None:
    deep = """{ campaign(id: "C-00000001") { members { edges { node { account { neighbourhood {
      campaigns { campaign { members { edges { node { account { id } } } } } } } } } } } } }"""
    assert _codes(await api.gql(deep, keys.admin)) == ["QUERY_TOO_COMPLEX"]


@LOOP
async def test_internal_errors_are_masked_coded_logged_and_scrubbed(
    api: Api,
    keys: Keys,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def boom(*_: Any, **__: Any) -> Any:
        raise RuntimeError(f"driver said: card {CARD} in parameters")

    monkeypatch.setattr(campaign_service, "page", boom)
    caplog.set_level(logging.DEBUG)
    body = await api.gql("query Boom { campaigns { totalCount } }", keys.viewer)
    assert [(e["message"], e["extensions"]["code"]) for e in body["errors"]] == [
        ("Internal error.", "INTERNAL_SERVER_ERROR")
    ]
    logged = caplog.text
    assert "RuntimeError" in logged  # the operator still gets the traceback
    assert "internal error in Boom at campaigns" in logged
    assert CARD not in logged
    assert CARD not in _audit_bytes(settings).decode()


# --- the body limit ------------------------------------------------------------------------------


@LOOP
async def test_body_over_the_limit_is_413_and_not_audited(api: Api, keys: Keys, settings: Settings) -> None:
    before = _audit_bytes(settings)
    padding = "#" + "x" * (settings.api_max_body_bytes + 10) + "\n"
    response = await api.client.post(
        "/graphql",
        json={"query": padding + READ},
        headers={"Authorization": f"Bearer {keys.viewer}"},
    )
    assert response.status_code == 413
    assert _codes(response.json()) == ["PAYLOAD_TOO_LARGE"]
    # Without a key too: the size is checked before anything else, and nothing is recorded.
    anonymous = await api.client.post("/graphql", content=b"{" * (settings.api_max_body_bytes + 1))
    assert anonymous.status_code == 413
    assert _audit_bytes(settings) == before
    assert (await api.post(READ, keys.viewer)).status_code == 200


@LOOP
async def test_body_limit_is_configurable(make_api: Any, keys: Keys) -> None:
    small = await make_api(api_max_body_bytes=200)
    assert (await small.post(READ, keys.viewer)).status_code == 200
    long_read = '{ campaign(id: "C-00000001") { id } }' + " " * 200
    assert (await small.post(long_read, keys.viewer)).status_code == 413


# --- secrets never reach the audit trail or the logs ----------------------------------------------


@LOOP
async def test_card_numbers_and_tokens_never_reach_audit_or_logs(
    api: Api,
    keys: Keys,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    # The most verbose logging the CLI configures. It keeps the driver's own logger at WARNING: at DEBUG
    # the driver logs every query's parameters, which is where a card number pasted as an id would go.
    configure_logging(verbose=True)
    assert not logging.getLogger("neo4j").isEnabledFor(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    before = len(_audit_bytes(settings))
    token = g.HYDRA_TOKEN
    sent = [
        # variables: a card number as an account id, a token where the schema takes one
        ("query($id: ID!) { account(id: $id) { id } }", {"id": CARD}),
        ("query($t: String!) { instrument(id: $t) { keyPrefix } }", {"t": token}),
        # inline literals
        (f'{{ account(id: "{SPACED_CARD}") {{ id }} }}', None),
        (f'{{ attribution(instrument: "{token}") {{ key }} }}', None),
        (f"{{ campaigns(first: {CARD}) {{ totalCount }} }}", None),
        # variable defaults
        (f'query($id: ID! = "{CARD}") {{ account(id: $id) {{ id }} }}', None),
        (f'query($t: String! = "{token}") {{ instrument(id: $t) {{ keyPrefix }} }}', None),
        # error messages that quote the input (not found, syntax error)
        (f'mutation {{ confirmCampaign(id: "{CARD}") {{ id }} }}', None),
        (f'{{ account(id: "{CARD}" ', None),
        (f'{{ instrument(id: "{token}" ', None),
        # a label whose entity kind comes from a variable
        (
            f'mutation($e: LabelEntity!) {{ addLabel(input: {{entity: $e, value: "{token}", '
            'actorId: "quiet-fox"}) { key } }',
            {"e": "INSTRUMENT"},
        ),
    ]
    bodies = []
    for document, variables in sent:
        response = await api.post(document, keys.analyst, variables)
        assert response.status_code in {200, 400}, response.text
        bodies.append(response.json())
    # The client sees its own input in error messages (that is how it finds its mistake)...
    assert any(CARD in str(b) for b in bodies)
    # ...but nothing that is kept does.
    audit = _audit_bytes(settings)[before:].decode()
    assert audit.count("\n") == len(sent)
    out, err = capfd.readouterr()
    for kept in (audit, caplog.text, out, err):
        for secret in (CARD, SPACED_CARD, token):
            assert secret not in kept
        assert not re.search(r"4111[ -]?1111[ -]?1111[ -]?1111", kept)
    assert '"errors":["NOT_FOUND"]' in audit
