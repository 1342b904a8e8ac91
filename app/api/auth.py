"""Authenticating requests: `Authorization: Bearer lw_<id>_<secret>` or `X-API-Key: lw_<id>_<secret>`."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

from app.platform.runner import AsyncQueryRunner
from app.services import api_keys
from app.services.api_keys import Principal

# A verified key is trusted for this long without another database round trip; revocation therefore
# takes effect within this many seconds in a running server.
CACHE_SECONDS = 10.0
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
class KeyVerifier:
    """Verifies keys against `(:ApiKey)` nodes, caching successes briefly (never failures)."""

    graph: AsyncQueryRunner
    ttl: float = CACHE_SECONDS
    _cache: dict[str, tuple[float, Principal]] = field(default_factory=dict)

    async def verify(self, token: str) -> Principal | None:
        # The cache is keyed by a digest so raw keys never sit in memory longer than the request.
        digest = hashlib.sha256(token.encode()).hexdigest()
        now = time.monotonic()
        hit = self._cache.get(digest)
        if hit is not None and hit[0] > now:
            return hit[1]
        principal = await api_keys.verify(self.graph, token)
        if principal is None:
            self._cache.pop(digest, None)
            return None
        if len(self._cache) >= _CACHE_MAX:
            self._cache.clear()
        self._cache[digest] = (now + self.ttl, principal)
        return principal

    def forget(self) -> None:
        self._cache.clear()
