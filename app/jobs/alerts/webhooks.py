"""Webhooks: registered with a URL and the event types they want; their secrets are derived, not stored.

A webhook's signing secret is `HMAC-SHA256(alert key, webhook id)` (`app.domain.alerts.webhook_secret`):
the graph holds only the id, URL and subscription, and the one secret is the server's alert key
(LINKWATCH_ALERT_KEY, or `$LINKWATCH_HOME/secrets/alert-key`, 0600). `add` returns the secret once, for
the operator to hand to the receiver; nothing can show it again except recomputing it with the key.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from urllib.parse import urlsplit

from neo4j import Driver
from pydantic import BaseModel

from app.domain.alerts import EventType, webhook_secret
from app.platform.cypher import q
from app.services.convert import to_datetime

MAX_URL = 2000


class Webhook(BaseModel):
    webhook_id: str
    url: str
    events: list[str]
    created_by: str | None = None
    created_at: datetime | None = None
    pending: int = 0
    delivered: int = 0
    failed: int = 0
    last_error: str | None = None


class NewWebhook(BaseModel):
    webhook: Webhook
    secret: str  # shown once


def check_url(url: str) -> str:
    """An http(s) URL with a host and no credentials in it (they would sit in the graph in clear)."""
    text = url.strip()
    if not text or len(text) > MAX_URL:
        raise ValueError(f"the URL must be 1-{MAX_URL} characters")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise ValueError("the URL must start with http:// or https://")
    if not parts.hostname:
        raise ValueError("the URL has no host")
    if parts.username is not None or parts.password is not None:
        raise ValueError("the URL must not carry credentials: receivers authenticate by the signature")
    return text


def add(
    driver: Driver, database: str, alert_key: bytes, url: str, events: list[EventType], created_by: str | None
) -> NewWebhook:
    webhook_id = "H-" + secrets.token_hex(6)
    all_types = set(events) == set(EventType)
    records, _, _ = driver.execute_query(
        q("alerts/webhook_add"),
        webhook_id=webhook_id,
        url=check_url(url),
        # Empty = every type, including types added later.
        events=[] if all_types else [e.value for e in events],
        created_by=created_by,
        database_=database,
    )
    return NewWebhook(webhook=_webhook(dict(records[0])), secret=webhook_secret(alert_key, webhook_id))


def list_webhooks(driver: Driver, database: str) -> list[Webhook]:
    records, _, _ = driver.execute_query(q("alerts/webhook_list"), database_=database)
    return [_webhook(dict(r)) for r in records]


def remove(driver: Driver, database: str, webhook_id: str) -> tuple[Webhook, int] | None:
    """The removed webhook and how many undelivered deliveries went with it; None when unknown."""
    records, _, _ = driver.execute_query(
        q("alerts/webhook_remove"), webhook_id=webhook_id, database_=database
    )
    if not records:
        return None
    r = records[0]
    return Webhook(webhook_id=r["webhook_id"], url=r["url"], events=[]), int(r["cancelled"])


def _webhook(row: dict[str, object]) -> Webhook:
    events = row.get("events") or []
    return Webhook(
        webhook_id=str(row["webhook_id"]),
        url=str(row["url"]),
        events=[str(e) for e in events] if isinstance(events, list) else [],
        created_by=None if row.get("created_by") is None else str(row["created_by"]),
        created_at=to_datetime(row.get("created_at")),
        pending=int(str(row.get("pending") or 0)),
        delivered=int(str(row.get("delivered") or 0)),
        failed=int(str(row.get("failed") or 0)),
        last_error=None if row.get("last_error") is None else str(row["last_error"]),
    )
