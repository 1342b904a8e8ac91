"""API keys: `lw_<id>_<secret>`, stored only as the SHA-256 of the secret.

The secret is 32 random bytes, so a plain SHA-256 cannot be brute-forced and verifies in microseconds
(a slow password hash would cost most of the latency budget of every request).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from neo4j import Driver

from app.platform import key_revocations
from app.platform.runner import AsyncQueryRunner, fetch_sync

PREFIX = "lw"


class Role(StrEnum):
    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


_RANK = {Role.VIEWER: 0, Role.ANALYST: 1, Role.ADMIN: 2}


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key's id, its human name and its role."""

    key_id: str
    name: str
    role: Role


@dataclass(frozen=True)
class NewKey:
    key_id: str
    name: str
    role: Role
    token: str  # shown once, never stored


class InvalidKeyFormatError(ValueError):
    pass


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def parse_token(token: str) -> tuple[str, str]:
    """(key_id, secret) of `lw_<id>_<secret>`; the secret may itself contain underscores."""
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1] or len(parts[2]) < 16:
        raise InvalidKeyFormatError("malformed API key")
    return parts[1], parts[2]


def new_token() -> tuple[str, str, str]:
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    return key_id, secret, f"{PREFIX}_{key_id}_{secret}"


def create_key(driver: Driver, database: str, name: str, role: Role) -> NewKey:
    key_id, secret, token = new_token()
    fetch_sync(
        driver,
        database,
        "api/key_create",
        key_id=key_id,
        name=name,
        role=role.value,
        hash=hash_secret(secret),
    )
    return NewKey(key_id=key_id, name=name, role=role, token=token)


def list_keys(driver: Driver, database: str) -> list[dict[str, Any]]:
    return fetch_sync(driver, database, "api/key_list")


def revoke_key(driver: Driver, database: str, key_id: str, home: Path) -> dict[str, Any] | None:
    """Revokes the key, then tells the API workers sharing `home` (whose caches may hold it) at once."""
    rows = fetch_sync(driver, database, "api/key_revoke", key_id=key_id)
    if rows:
        # After the commit, never before: see key_revocations.bump.
        key_revocations.bump(home)
    return rows[0] if rows else None


async def verify(graph: AsyncQueryRunner, token: str) -> Principal | None:
    """The principal behind `token`, or None if unknown, revoked or wrong."""
    try:
        key_id, secret = parse_token(token)
    except InvalidKeyFormatError:
        return None
    row = await graph.fetch_one("api/key_get", key_id=key_id)
    if row is None or row["revoked_at"] is not None:
        return None
    if not hmac.compare_digest(str(row["hash"]), hash_secret(secret)):
        return None
    try:
        role = Role(row["role"])
    except ValueError:
        return None
    return Principal(key_id=key_id, name=str(row["name"]), role=role)
