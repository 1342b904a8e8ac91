"""API keys: the secret is checked against its hash; malformed, unknown and revoked keys give nobody."""

from __future__ import annotations

import pytest

from app.services import api_keys
from app.services.api_keys import InvalidKeyFormatError, Role
from tests.unit.fakes import FakeRunner


def _stored(secret: str, role: str = "analyst", revoked_at: object = None) -> list[dict[str, object]]:
    return [{"hash": api_keys.hash_secret(secret), "role": role, "name": "ana", "revoked_at": revoked_at}]


async def test_a_valid_key_is_looked_up_by_id_only(fake: FakeRunner) -> None:
    key_id, secret, token = api_keys.new_token()
    fake.answer("api/key_get", _stored(secret))
    principal = await api_keys.verify(fake, token)
    assert principal == api_keys.Principal(key_id=key_id, name="ana", role=Role.ANALYST)
    # The secret never leaves the process: only the id is a query parameter.
    assert fake.only_call().params == {"key_id": key_id}


@pytest.mark.parametrize(
    "token", ["", "lw_abc", "xx_abc_0123456789abcdef", "lw__0123456789abcdef", "lw_a_short"]
)
async def test_a_malformed_key_is_refused_without_a_query(fake: FakeRunner, token: str) -> None:
    assert await api_keys.verify(fake, token) is None
    assert fake.calls == []


async def test_a_wrong_secret_is_refused(fake: FakeRunner) -> None:
    key_id, _, _ = api_keys.new_token()
    fake.answer("api/key_get", _stored("the-right-secret-0123456789"))
    assert await api_keys.verify(fake, f"lw_{key_id}_the-wrong-secret-0123456789") is None


async def test_unknown_revoked_and_bad_role_keys_are_refused(fake: FakeRunner) -> None:
    _, secret, token = api_keys.new_token()
    assert await api_keys.verify(fake, token) is None
    fake.answer("api/key_get", _stored(secret, revoked_at="2026-01-01T00:00:00Z"))
    assert await api_keys.verify(fake, token) is None
    fake.answer("api/key_get", _stored(secret, role="root"))
    assert await api_keys.verify(fake, token) is None


def test_a_secret_may_contain_underscores() -> None:
    assert api_keys.parse_token(" lw_k1_abc_def_0123456789 ") == ("k1", "abc_def_0123456789")
    with pytest.raises(InvalidKeyFormatError):
        api_keys.parse_token("lw_k1_short")


def test_roles_are_ordered() -> None:
    assert Role.ADMIN.allows(Role.ANALYST)
    assert Role.ANALYST.allows(Role.VIEWER)
    assert not Role.VIEWER.allows(Role.ANALYST)
