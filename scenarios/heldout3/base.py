"""Knobs shared by every style, and small behaviours several styles reuse."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3 import text
from scenarios.heldout3.world import RELEASE, T0, WINDOW_DAYS, World

#: Signal families of the brief, for the ``signals`` knob.
MONEY = "money_identity"
INFRA = "infrastructure"
CONTENT = "content"
TIMING = "timing"

BROWSER_UAS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/133.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/134.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.3 Safari/605.1.15",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/134.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:136.0) Gecko/20100101 Firefox/136.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/134.0.0.0 Safari/537.36 Edg/134.0.0.0",
)
MOBILE_UAS = (
    "LumenApp/4.12.0 (iPhone; iOS 18.3.2; Scale/3.00)",
    "LumenApp/4.12.1 (iPhone; iOS 18.4; Scale/3.00)",
    "LumenApp/4.11.3 (Android 14; SM-S918B)",
    "LumenApp/4.12.0 (Android 15; Pixel 8)",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/18.3 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/133.0.0.0 Mobile Safari/537.36",
)
SDK_UAS = (
    "lumen-python/2.4.1",
    "lumen-python/2.5.0",
    "lumen-node/1.9.2",
    "python-httpx/0.28.1",
    "curl/8.5.0",
    "lumen-go/0.7.0",
)


@dataclass(frozen=True, kw_only=True)
class CampaignStyle:
    """A distillation campaign. ``share`` is its size as a fraction of the platform's accounts;
    ``camouflage`` the fraction of its requests that are ordinary-looking prompts; ``labelled`` whether
    labels point to ``actor``."""

    name: str
    actor: str
    share: float
    signals: tuple[str, ...]
    camouflage: float
    labelled: bool
    min_accounts: int = 6

    def size(self, platform: int) -> int:
        return max(self.min_accounts, round(self.share * platform))

    def build(self, w: World, campaign_id: str, n: int) -> list[str]:
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class CohortStyle:
    """A benign group that resembles a campaign on ``resembles`` signal families."""

    name: str
    share: float
    resembles: tuple[str, ...]
    min_accounts: int = 5

    def size(self, platform: int) -> int:
        return max(self.min_accounts, round(self.share * platform))

    def build(self, w: World, n: int) -> list[str]:
        raise NotImplementedError


def created_before_window(w: World, *, max_days: float = 700.0, min_days: float = 1.0) -> float:
    return T0 - w.rng.uniform(min_days, max_days) * 86400.0


def random_day(w: World) -> float:
    return float(w.rng.randrange(0, WINDOW_DAYS))


def camouflage_request(w: World, acct: str, ts: float, ip: str, ua: str) -> None:
    """An ordinary-looking request mixed into a campaign account's traffic."""
    r = w.rng
    prompt = text.popular_prompt(r) if r.random() < 0.25 else text.benign_prompt(r)
    w.request(
        acct,
        ts,
        prompt,
        ip,
        w.model_at(ts, adopt_at=RELEASE + 3 * 86400.0),
        output_tokens=text.benign_output_tokens(r),
        user_agent=ua,
    )


def flat_times(w: World, n: int, start: float, end: float) -> list[float]:
    """``n`` times spread evenly over the day and night between ``start`` and ``end`` (machine traffic)."""
    start = max(start, T0)
    if end <= start:
        return []
    return sorted(w.rng.uniform(start, end) for _ in range(n))
