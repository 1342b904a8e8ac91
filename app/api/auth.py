"""Authenticating requests: `Authorization: Bearer lw_<id>_<secret>` or `X-API-Key: lw_<id>_<secret>`."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

from app.platform.key_revocations import RevocationSignal
from app.platform.runner import AsyncQueryRunner
from app.services import api_keys
from app.services.api_keys import Principal

_CACHE_MAX = 10_000


def presented_token(authorization: str | None, x_api_key: str | None) -> str | None:
    if x_api_key:
        return x_api_key.strip()
    if authorization:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
    return None


@dataclass
class _Entry:
    expires: float
    generation: str
    principal: Principal


@dataclass
class KeyVerifier:
    """Verifies keys against `(:ApiKey)` nodes, caching successes (never failures).

    A cached key is trusted only while the revocation generation (app/platform/key_revocations.py) is
    the one it was verified under, so a revocation through `linkwatch keys revoke` is seen by the next
    request of every worker sharing `LINKWATCH_HOME`. `ttl` bounds what the signal cannot carry: a key
    revoked from another host's home, or by hand in the database, stops working within `ttl` seconds;
    `ttl == 0` verifies every request against the database.
    """

    graph: AsyncQueryRunner
    revocations: RevocationSignal
    ttl: float
    _cache: dict[str, _Entry] = field(default_factory=dict)

    async def verify(self, token: str) -> Principal | None:
        # The cache is keyed by a digest so raw keys never sit in memory longer than the request.
        digest = hashlib.sha256(token.encode()).hexdigest()
        # Read before the database is asked: a revocation committed while the query runs bumps the
        # generation after it, so what this request caches is already stale for the next one.
        generation = self.revocations.generation()
        now = time.monotonic()
        hit = self._cache.get(digest)
        if hit is not None and hit.expires > now and hit.generation == generation:
            return hit.principal
        principal = await api_keys.verify(self.graph, token)
        if principal is None:
            self._cache.pop(digest, None)
            return None
        if generation is not None and self.ttl > 0:
            if len(self._cache) >= _CACHE_MAX:
                self._cache.clear()
            self._cache[digest] = _Entry(now + self.ttl, generation, principal)
        return principal

    def close(self) -> None:
        self.revocations.close()
