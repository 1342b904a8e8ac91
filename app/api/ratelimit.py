"""Per-key rate limits (`LINKWATCH_API_RATE_LIMIT`), with `Retry-After` on refusal.

The `limits` library's moving window over an in-process store: each API worker counts a key's requests
on its own, so with `serve --workers N` a key may make up to N times the limit in all (clients keep
their connections, and the kernel spreads connections over workers, so one client's share usually
lands on one worker). A limit shared by every worker would need a store they share (Redis), which
Linkwatch does not run; the per-worker bound is what stops one key from monopolising a worker.
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


def parse_limits(spec: str) -> list[RateLimitItem]:
    """`"20/second;600/minute"` → the limits; an empty or blank spec means no limit."""
    return list(parse_many(spec)) if spec.strip() else []


class KeyRateLimit:
    def __init__(self, spec: str) -> None:
        self.items = parse_limits(spec)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def admit(self, key_id: str) -> int | None:
        """Counts a request of `key_id` and returns None, or returns the seconds to wait (not counted:
        a client that is refused and retries too early does not push its own window further out)."""
        for item in self.items:
            if not self.limiter.test(item, key_id):
                reset = self.limiter.get_window_stats(item, key_id).reset_time
                return max(1, math.ceil(reset - time.time()))
        for item in self.items:
            self.limiter.hit(item, key_id)
        return None
