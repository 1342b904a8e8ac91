"""Back-off schedule, signatures, derived secrets and webhook URLs: no database."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from app.domain.alerts import (
    EventType,
    campaign_link,
    parse_event_types,
    signature,
    verify,
    webhook_secret,
)
from app.jobs.alerts.backoff import RetryPolicy
from app.jobs.alerts.webhooks import check_url


def test_back_off_doubles_from_the_base_up_to_the_cap_and_gives_up_after_max_attempts() -> None:
    policy = RetryPolicy(base=30, cap=3600, max_attempts=10)
    assert [policy.delay(n) for n in range(1, 9)] == [30, 60, 120, 240, 480, 960, 1920, 3600]
    assert policy.next_delay(9) == 3600
    assert policy.next_delay(10) is None
    assert len(policy.schedule()) == 9
    assert RetryPolicy(base=1, cap=10, max_attempts=5000).delay(4000) == 10  # no float overflow


def test_back_off_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="positive"):
        RetryPolicy(base=0)
    with pytest.raises(ValueError, match="from 1"):
        RetryPolicy().delay(0)


def test_signature_is_hmac_sha256_of_the_raw_body_and_verifies() -> None:
    body = b'{"id":"E-1","type":"campaign.new"}'
    header = signature("s3cret", body)
    assert header == "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert verify("s3cret", body, header)
    assert not verify("s3cret", body + b" ", header)
    assert not verify("other", body, header)
    assert not verify("s3cret", body, None)


def test_webhook_secrets_are_derived_per_webhook_and_per_key() -> None:
    a = webhook_secret(b"key-1", "H-1")
    assert a == webhook_secret(b"key-1", "H-1")
    assert a != webhook_secret(b"key-1", "H-2")
    assert a != webhook_secret(b"key-2", "H-1")
    assert len(a) == 64


def test_event_types_parse_with_a_clear_error() -> None:
    assert parse_event_types(None) == list(EventType)
    assert parse_event_types("campaign.new, watch.joined,campaign.new") == [
        EventType.CAMPAIGN_NEW,
        EventType.WATCH_JOINED,
    ]
    with pytest.raises(ValueError, match=r"unknown event type 'campaign\.gone'.*campaign\.new"):
        parse_event_types("campaign.gone")


def test_webhook_urls_are_http_with_a_host_and_no_credentials() -> None:
    assert check_url(" https://hooks.example/lw ") == "https://hooks.example/lw"
    refused = {
        "ftp://x/y": "http",
        "https://": "no host",
        "https://user:pw@hooks.example/": "credentials",
        "": "characters",
        "https://x/" + "x" * 3000: "characters",
    }
    for bad, reason in refused.items():
        with pytest.raises(ValueError, match=reason):
            check_url(bad)


def test_console_links_quote_the_campaign_id() -> None:
    assert campaign_link("C-1a") == "/#/campaign/C-1a"
    assert campaign_link("C/../x", "https://lw.example") == "https://lw.example/#/campaign/C%2F..%2Fx"


def test_a_lease_shorter_than_a_send_is_refused() -> None:
    from typing import cast

    import httpx
    from neo4j import Driver

    from app.jobs.alerts.deliver import Deliverer
    from app.platform.settings import Settings

    settings = Settings().model_copy(update={"alert_lease": 5.0, "alert_timeout": 10.0})
    with pytest.raises(ValueError, match="LINKWATCH_ALERT_LEASE must be longer"):
        Deliverer(settings, driver=cast(Driver, object()), client=cast(httpx.Client, object()))
