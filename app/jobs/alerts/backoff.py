"""When a failed delivery is tried again: exponential back-off computed from the attempts so far.

The schedule is a function of the attempt count stored on the delivery, not of any in-memory retry
loop, so it survives restarts and any deliverer process continues it where another left off.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    base: float = 30.0  # seconds before the first retry (LINKWATCH_ALERT_RETRY_BASE)
    cap: float = 3600.0  # longest wait between two attempts (LINKWATCH_ALERT_RETRY_MAX)
    max_attempts: int = 12  # attempts in all, the first included (LINKWATCH_ALERT_MAX_ATTEMPTS)

    def __post_init__(self) -> None:
        if self.base <= 0 or self.cap <= 0 or self.max_attempts < 1:
            raise ValueError("retry base and cap must be positive and max_attempts at least 1")

    def delay(self, attempts: int) -> float:
        """Seconds to wait after the `attempts`-th failed attempt (1 = the first): base * 2^(n-1), capped."""
        if attempts < 1:
            raise ValueError("attempts counts failed attempts, from 1")
        # Capped before exponentiating: 2 ** 2000 would overflow a float long before a real schedule ends.
        return min(self.cap, self.base * 2.0 ** min(attempts - 1, 62))

    def next_delay(self, attempts: int) -> float | None:
        """The wait before the next attempt after `attempts` failures, or None once they are used up."""
        return None if attempts >= self.max_attempts else self.delay(attempts)

    def schedule(self) -> list[float]:
        """Every wait of a delivery that never succeeds (for documentation and operators)."""
        return [self.delay(n) for n in range(1, self.max_attempts)]
