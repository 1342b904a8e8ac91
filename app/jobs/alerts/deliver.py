"""Delivering events to webhooks: claim due deliveries, POST the signed body, record the attempt.

At least once: a delivery is settled only after the receiver answered 2xx; any other answer, a timeout
or a refused connection records the error and schedules the next attempt (`backoff.RetryPolicy`), until
the attempts are used up and the delivery is `failed`. The state (attempts, next attempt, last error,
lease) lives on the `:AlertDelivery` node, so a deliverer that restarts, or another one, continues it.

Concurrent deliverers: a claim is a lease taken atomically (`cypher/alerts/delivery_claim.cypher`, the
same lock-then-recheck as the run claim), so two deliverers never send the same delivery at the same
time; a deliverer starts a send only while its lease outlasts the send's timeout, and gives back the rest
of its batch otherwise. A deliverer that dies after sending but before settling leaves its lease to expire
(LINKWATCH_ALERT_LEASE) and the delivery is sent again: that is the "beyond retries" duplicate a
receiver deduplicates by event id.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType

import httpx
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from neo4j import Driver

from app.domain.alerts import SIGNATURE_HEADER, signature, webhook_secret
from app.jobs.alerts.backoff import RetryPolicy
from app.platform.cypher import q
from app.platform.driver import sync_driver
from app.platform.logging import get_logger
from app.platform.settings import Settings

log = get_logger(__name__)

BATCH = 20
MAX_ERROR = 500
USER_AGENT = "linkwatch-alerts/1"


@dataclass
class DeliveryReport:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0  # attempts used up
    errors: list[str] = field(default_factory=list)

    @property
    def attempted(self) -> int:
        return self.delivered + self.retrying + self.failed


def policy_from(settings: Settings) -> RetryPolicy:
    return RetryPolicy(settings.alert_retry_base, settings.alert_retry_max, settings.alert_max_attempts)


class Deliverer:
    """Use as a context manager, or `close()` it. `deliver_once()` sends everything due now."""

    def __init__(
        self,
        settings: Settings,
        *,
        name: str = "deliverer",
        driver: Driver | None = None,
        client: httpx.Client | None = None,
        policy: RetryPolicy | None = None,
    ) -> None:
        self.settings = settings
        self.name = name
        self.policy = policy or policy_from(settings)
        self._own_driver = driver is None
        self._driver = driver or sync_driver(settings)
        self._own_client = client is None
        # Redirects are not followed: a receiver that moved is re-registered, not silently followed.
        self._client = client or httpx.Client(
            timeout=settings.alert_timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}
        )
        if settings.alert_lease <= settings.alert_timeout:
            raise ValueError("LINKWATCH_ALERT_LEASE must be longer than LINKWATCH_ALERT_TIMEOUT")
        self._key = settings.alert_signing_key()
        self._stop = threading.Event()

    def __enter__(self) -> Deliverer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._own_client:
            self._client.close()
        if self._own_driver:
            self._driver.close()

    def stop(self) -> None:
        """Stop between two sends; claimed but unsent deliveries are given back."""
        self._stop.set()

    def deliver_once(self) -> DeliveryReport:
        """Claim and attempt the deliveries due when the pass started, until none is left. One that fails
        is due again only after its back-off, which is never within the same pass."""
        report = DeliveryReport()
        as_of = datetime.now(UTC)
        while not self._stop.is_set():
            claim = secrets.token_hex(8)
            claimed_at = time.monotonic()  # taken before the claim: errs towards a shorter lease
            batch = self._claim(claim, as_of)
            if not batch:
                break
            for i, row in enumerate(batch):
                # A send starts only if it ends (timeout) before the lease could lapse: past that, another
                # deliverer may have claimed the delivery, and sending it too would be a duplicate.
                left = self.settings.alert_lease - (time.monotonic() - claimed_at)
                if self._stop.is_set() or left <= self.settings.alert_timeout:
                    self._release(claim, [r["delivery_id"] for r in batch[i:]])
                    break
                self._attempt(claim, row, report)
        return report

    def _claim(self, claim: str, as_of: datetime | None = None) -> list[dict[str, object]]:
        records, _, _ = self._driver.execute_query(
            q("alerts/delivery_claim"),
            as_of=as_of or datetime.now(UTC),
            limit=BATCH,
            lease_ms=int(self.settings.alert_lease * 1000),
            claim=claim,
            worker=self.name,
            database_=self.settings.neo4j_database,
        )
        return [dict(r) for r in records]

    def _release(self, claim: str, delivery_ids: list[object]) -> None:
        self._driver.execute_query(
            q("alerts/delivery_release"),
            delivery_ids=delivery_ids,
            claim=claim,
            database_=self.settings.neo4j_database,
        )

    def _attempt(self, claim: str, row: dict[str, object], report: DeliveryReport) -> None:
        body = str(row["body"]).encode()
        webhook_id = str(row["webhook_id"])
        attempt = int(str(row["attempts"] or 0)) + 1
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(webhook_secret(self._key, webhook_id), body),
            "X-Linkwatch-Event-Id": str(row["event_id"]),
            "X-Linkwatch-Event-Type": str(row["type"]),
            "X-Linkwatch-Webhook-Id": webhook_id,
            "X-Linkwatch-Attempt": str(attempt),
        }
        http_status: int | None = None
        error: str | None = None
        try:
            response = self._client.post(str(row["url"]), content=body, headers=headers)
            http_status = response.status_code
            if not 200 <= response.status_code < 300:
                error = f"HTTP {response.status_code}"
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            error = f"{type(exc).__name__}: {exc}"[:MAX_ERROR]
        if error is None:
            status, delay = "delivered", 0.0
            report.delivered += 1
        else:
            wait = self.policy.next_delay(attempt)
            status, delay = ("failed", 0.0) if wait is None else ("pending", wait)
            if wait is None:
                report.failed += 1
            else:
                report.retrying += 1
            report.errors.append(f"{row['delivery_id']}: {error}")
            log.warning(
                "alert delivery failed",
                delivery=row["delivery_id"],
                attempt=attempt,
                error=error,
                retry_in=None if wait is None else round(wait, 1),
            )
        self._driver.execute_query(
            q("alerts/delivery_settle"),
            delivery_id=row["delivery_id"],
            claim=claim,
            status=status,
            http_status=http_status,
            error=error,
            delay_ms=int(delay * 1000),
            database_=self.settings.neo4j_database,
        )


class DeliveryLoop:
    """The worker's deliverer: `deliver_once` every LINKWATCH_ALERT_POLL seconds on an APScheduler job,
    and at once when `poke()`d (after a run raised events)."""

    JOB_ID = "alert-delivery"

    def __init__(self, deliverer: Deliverer, every: float) -> None:
        self.deliverer = deliverer
        self._scheduler = BackgroundScheduler(timezone=UTC)
        self._scheduler.add_job(
            self._pass,
            IntervalTrigger(seconds=every, timezone=UTC),
            id=self.JOB_ID,
            max_instances=1,
            coalesce=True,
            next_run_time=datetime.now(UTC),
        )

    def start(self) -> None:
        self._scheduler.start()

    def poke(self) -> None:
        job = self._scheduler.get_job(self.JOB_ID)
        if job is not None:
            job.modify(next_run_time=datetime.now(UTC))

    def shutdown(self) -> None:
        self.deliverer.stop()
        self._scheduler.shutdown(wait=True)

    def _pass(self) -> None:
        try:
            report = self.deliverer.deliver_once()
        except Exception as exc:  # e.g. the database is unreachable: the next pass tries again
            log.error("alert delivery pass failed", error=f"{type(exc).__name__}: {exc}")
            return
        if report.attempted:
            log.info(
                "alert deliveries",
                delivered=report.delivered,
                retrying=report.retrying,
                failed=report.failed,
            )
