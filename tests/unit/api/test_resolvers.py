"""Resolvers over the fake runner: identifiers are made canonical before a lookup, bad input never
reaches the database, and page sizes and cursors are bounded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.api.audit import AuditLog
from app.api.context import Context
from app.api.pagination import encode_cursor
from app.api.schema import build_schema
from app.domain.instrument import instrument_key
from app.platform.settings import Settings
from app.services.api_keys import Principal, Role
from tests.unit.fakes import FakeRunner

HASH_KEY = "unit-hash-key"
SCHEMA = build_schema(Settings.model_validate({"LINKWATCH_INSTRUMENT_HASH_KEY": HASH_KEY}))


async def _run(fake: FakeRunner, home: Path, document: str, **variables: Any) -> dict[str, Any]:
    settings = Settings.model_validate(
        {
            "LINKWATCH_INSTRUMENT_HASH_KEY": HASH_KEY,
            "LINKWATCH_HOME": str(home),
            "LINKWATCH_API_MAX_PAGE_SIZE": 50,
        }
    )
    ctx = Context(settings, fake, Principal("k1", "vera", Role.VIEWER), AuditLog(home))
    result = await SCHEMA.execute(document, variable_values=variables, context_value=ctx)
    return {"data": result.data, "errors": [e.message for e in result.errors or []]}


ATTRIBUTION = """query($ip: String, $card: String, $domain: String) {
  attribution(ip: $ip, instrument: $card, emailDomain: $domain) { found }
}"""


@pytest.mark.parametrize(
    ("variables", "query", "key"),
    [
        ({"ip": " ::FFFF:192.0.2.7 "}, "api/attribution_ip", "192.0.2.7"),
        ({"ip": "2001:DB8:0:0::1"}, "api/attribution_ip", "2001:db8::1"),
        ({"domain": "@Mail.Example.COM"}, "api/attribution_email_domain", "mail.example.com"),
    ],
)
async def test_identifiers_are_canonical_before_the_lookup(
    fake: FakeRunner, tmp_path: Path, variables: dict[str, str], query: str, key: str
) -> None:
    body = await _run(fake, tmp_path, ATTRIBUTION, **variables)
    assert body["errors"] == []
    assert body["data"] == {"attribution": {"found": False}}
    assert (fake.only_call().name, fake.only_call().params["key"]) == (query, key)


async def test_an_instrument_is_looked_up_by_its_keyed_hash_only(fake: FakeRunner, tmp_path: Path) -> None:
    token = "tok_4111111111111111"
    await _run(fake, tmp_path, ATTRIBUTION, card=token)
    call = fake.only_call()
    assert call.params["key"] == instrument_key(token, HASH_KEY.encode())
    assert token not in repr(call.params)


@pytest.mark.parametrize("variables", [{"ip": "999.1.1.1"}, {"domain": "not a domain"}, {}])
async def test_bad_or_missing_identifiers_never_reach_the_database(
    fake: FakeRunner, tmp_path: Path, variables: dict[str, str]
) -> None:
    body = await _run(fake, tmp_path, ATTRIBUTION, **variables)
    assert body["errors"]
    assert fake.calls == []


RUNS = """query($first: Int, $after: String) {
  detectionRuns(first: $first, after: $after) { pageInfo { hasNextPage } }
}"""


@pytest.mark.parametrize(("first", "limit"), [(None, 20), (5, 5), (10_000, 50), (0, 0)])
async def test_page_size_is_capped_by_the_server(
    fake: FakeRunner, tmp_path: Path, first: int | None, limit: int
) -> None:
    await _run(fake, tmp_path, RUNS, first=first)
    assert fake.only_call().params == {"status": None, "skip": 0, "limit": limit}


async def test_a_cursor_continues_after_its_offset(fake: FakeRunner, tmp_path: Path) -> None:
    await _run(fake, tmp_path, RUNS, first=10, after=encode_cursor(29))
    assert fake.only_call().params["skip"] == 30


@pytest.mark.parametrize(("first", "after"), [(-1, None), (5, "bm90LWEtY3Vyc29y")])
async def test_a_negative_page_or_forged_cursor_is_refused(
    fake: FakeRunner, tmp_path: Path, first: int, after: str | None
) -> None:
    body = await _run(fake, tmp_path, RUNS, first=first, after=after)
    assert body["errors"]
    assert fake.calls == []


async def test_campaigns_ask_for_one_extra_row_to_know_of_a_next_page(
    fake: FakeRunner, tmp_path: Path
) -> None:
    fake.answer(
        "api/campaigns_page", lambda p: [{"campaign": {"campaign_id": f"c{i}"}} for i in range(p["limit"])]
    )
    body = await _run(
        fake, tmp_path, "{ campaigns(first: 2) { edges { node { id } } pageInfo { hasNextPage } } }"
    )
    assert fake.only_call().params["limit"] == 3
    assert body["data"]["campaigns"]["pageInfo"] == {"hasNextPage": True}
    assert [e["node"]["id"] for e in body["data"]["campaigns"]["edges"]] == ["c0", "c1"]


@pytest.mark.parametrize("max_length", [0, 9])
async def test_path_length_is_bounded_before_the_query(
    fake: FakeRunner, tmp_path: Path, max_length: int
) -> None:
    body = await _run(
        fake,
        tmp_path,
        'query($n: Int!) { path(from: "a1", to: "a2", maxLength: $n) { length } }',
        n=max_length,
    )
    assert any("maxLength" in m for m in body["errors"])
    assert fake.calls == []
