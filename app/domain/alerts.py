"""Alerts: what an event or a watched entity is, how a webhook's secret and a delivery's signature are
made, and where a campaign lives in the console. Pure: the outbox, the deliverer, the API and the CLI all
call these, so a receiver can verify with the same few lines (docs/alerts.md)."""

from __future__ import annotations

import hashlib
import hmac
from enum import StrEnum
from urllib.parse import quote

SIGNATURE_HEADER = "X-Linkwatch-Signature"
SIGNATURE_SCHEME = "sha256"
# How much of an instrument's keyed hash an alert or a watch ever shows (the API shows the same prefix).
INSTRUMENT_KEY_SHOWN = 12


class EventType(StrEnum):
    """What a detection run can raise; a webhook subscribes to some or all of them."""

    CAMPAIGN_NEW = "campaign.new"
    CAMPAIGN_GROWN = "campaign.grown"
    ATTRIBUTION_NEW = "attribution.new"
    ATTRIBUTION_CHANGED = "attribution.changed"
    WATCH_JOINED = "watch.joined"


class WatchKind(StrEnum):
    """What an analyst can watch: a campaign reaching one of these raises `watch.joined`."""

    ACCOUNT = "account"
    IP = "ip"
    INSTRUMENT = "instrument"
    EMAIL_DOMAIN = "email_domain"
    TEMPLATE = "template"


def parse_event_types(text: str | None) -> list[EventType]:
    """'campaign.new,watch.joined' -> the types; empty or None means every type. ValueError names the
    unknown one and the known ones."""
    if text is None or not text.strip():
        return list(EventType)
    out: list[EventType] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        try:
            kind = EventType(part)
        except ValueError:
            known = ", ".join(t.value for t in EventType)
            raise ValueError(f"unknown event type {part[:40]!r}; known: {known}") from None
        if kind not in out:
            out.append(kind)
    return out


def event_id(run_id: str, event_type: str, campaign_id: str, subject: str = "") -> str:
    """Stable per (run, type, campaign, subject): re-deriving a run's events gives the same ids."""
    digest = hashlib.sha256(f"{run_id}\n{event_type}\n{campaign_id}\n{subject}".encode()).hexdigest()
    return f"E-{digest[:20]}"


def watch_id(kind: WatchKind, key: str) -> str:
    """One watch per entity: watching it twice is the same watch."""
    return "W-" + hashlib.sha256(f"{kind.value}\n{key}".encode()).hexdigest()[:12]


def shown_key(kind: str, key: str) -> str:
    """The key as alerts and watch lists show it: an instrument only by a prefix of its keyed hash."""
    return key[:INSTRUMENT_KEY_SHOWN] if kind == "instrument" else key


def webhook_secret(alert_key: bytes, webhook_id: str) -> str:
    """Derived, never stored: HMAC-SHA256(server alert key, webhook id), hex. Rotating the alert key
    rotates every webhook's secret at once."""
    return hmac.new(alert_key, f"webhook\n{webhook_id}".encode(), hashlib.sha256).hexdigest()


def signature(secret: str, body: bytes) -> str:
    """The `X-Linkwatch-Signature` value: `sha256=<hex HMAC-SHA256(secret, raw body)>`."""
    mac = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_SCHEME}={mac}"


def verify(secret: str, body: bytes, header: str | None) -> bool:
    """What a receiver does: recompute over the raw body and compare in constant time."""
    return header is not None and hmac.compare_digest(signature(secret, body), header.strip())


def campaign_path(campaign_id: str) -> str:
    """The console's route to a campaign (the console is served at `/`, hash routing)."""
    return f"/#/campaign/{quote(campaign_id, safe='')}"


def campaign_link(campaign_id: str, console_url: str = "") -> str:
    """Absolute when the deployment says where its console is (LINKWATCH_ALERT_CONSOLE_URL), else a path."""
    return console_url.rstrip("/") + campaign_path(campaign_id)
