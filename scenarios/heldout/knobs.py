"""Knobs every style shares: how big it is and what analysts already know about it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizing:
    """Size as a share of all accounts on the platform, with a floor."""

    share: float
    minimum: int = 15

    def count(self, accounts: int) -> int:
        return max(self.minimum, round(self.share * accounts))


@dataclass(frozen=True)
class Labelling:
    """Which entity kinds carry a label naming `actor` (none: the campaign is unattributed)."""

    actor: str
    entities: tuple[str, ...] = ()
    confidence: float = 0.85
    source: str = "threat_intel"

    @property
    def truth_actor(self) -> str:
        """The actor ground truth expects to be attributed: only when some label points at it."""
        return self.actor if self.entities else ""
