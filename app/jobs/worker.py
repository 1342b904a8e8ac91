"""The detection worker (`linkwatch worker`): executes queued runs and queues the scheduled ones.

The API only records a run as queued (`queue_run`) and returns; detection never runs inside the API
process, where it would compete with requests for the worker's CPU and die with every API restart. The
worker executes runs in the thread that calls `run()`, one after the other: it claims the oldest queued
run (`run_next`, inside the detection lock), executes it and looks again at once; with nothing to do it
sleeps `poll` seconds, or less when a scheduler tick or `stop()` wakes it.

Scheduled full runs (`--every` / `--cron`) are ticks of an APScheduler trigger in the same process. A
tick does not execute detection itself: it queues a run (`trigger: schedule`) unless the previous
scheduled run is still queued or running, so a run that overran its interval is followed by the next
tick rather than by catch-up runs, and scheduled and requested runs share one queue and one executor.

Alerts: with `deliver_alerts` (as `linkwatch worker` runs it) the worker also runs the alert deliverer
(`app.jobs.alerts.deliver.DeliveryLoop`) on its own APScheduler job, every LINKWATCH_ALERT_POLL seconds
and at once after a run succeeded, so the events a run raised reach their webhooks without waiting for
the next poll.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from types import TracebackType

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from neo4j import Driver

from app.detection.algorithms.params import DetectionParams
from app.jobs import runs
from app.jobs.alerts.deliver import Deliverer, DeliveryLoop
from app.jobs.runner import DetectionFailedError, Finder, RunSummary, run_next
from app.jobs.schedule import build_scheduler, next_tick
from app.platform.driver import sync_driver
from app.platform.logging import get_logger
from app.platform.settings import Settings

log = get_logger(__name__)

DEFAULT_POLL = 5.0


def default_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class Worker:
    """Create, `run()` until `stop()` (or `max_runs` runs), then `close()`; or use it as a context manager."""

    def __init__(
        self,
        settings: Settings,
        *,
        poll: float = DEFAULT_POLL,
        trigger: BaseTrigger | None = None,
        incremental_trigger: BaseTrigger | None = None,
        run_now: bool = False,
        max_runs: int | None = None,
        name: str | None = None,
        params: DetectionParams | None = None,
        finder: Finder | None = None,
        driver: Driver | None = None,
        on_run: Callable[[RunSummary], None] | None = None,
        deliver_alerts: bool = False,
    ) -> None:
        if poll <= 0:
            raise ValueError("poll must be positive")
        self.settings = settings
        self.poll = poll
        self.trigger = trigger
        self.incremental_trigger = incremental_trigger
        self.run_now = run_now
        self.max_runs = max_runs
        self.name = name or default_name()
        self._params = params
        self._finder = finder
        self._own_driver = driver is None
        self._driver = driver or sync_driver(settings)
        self._on_run = on_run
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._scheduler: BackgroundScheduler | None = None
        self.deliver_alerts = deliver_alerts
        self._delivery: DeliveryLoop | None = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._own_driver:
            self._driver.close()

    def stop(self) -> None:
        """Ask `run()` to return once the current run (if any) has finished. Safe from signal handlers."""
        self._stop.set()
        self._wake.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def drain_once(self) -> RunSummary | None:
        """Execute the oldest queued run. None when nothing is queued or another run holds the lock;
        raises `DetectionFailedError` when the run failed (it is recorded as failed)."""
        return run_next(
            self.settings, self.name, params=self._params, finder=self._finder, driver=self._driver
        )

    def drain(self) -> int:
        """Execute queued runs until none is left (or `stop()`); returns how many ran, failed included."""
        done = 0
        while not self._stop.is_set() and self._attempt():
            done += 1
        return done

    def tick(self, kind: str = "full") -> None:
        """A scheduler tick: queue a scheduled run of `kind` unless the previous one is still pending."""
        try:
            run_id = runs.queue_unless_pending(
                self._driver, self.settings.neo4j_database, None, "schedule", kind
            )
        except Exception as exc:  # e.g. the database is unreachable: the next tick tries again
            log.error("scheduled run could not be queued", error=f"{type(exc).__name__}: {exc}")
            return
        if run_id is None:
            log.warning("scheduled run skipped: the previous scheduled run is still queued or running")
        else:
            log.info("scheduled run queued", run_id=run_id, kind=kind)
            self._wake.set()

    def check(self) -> None:
        """Raise if the database cannot be reached (a worker that cannot work should say so at start)."""
        self._driver.verify_connectivity()

    def run(self, on_ready: Callable[[Worker], None] | None = None) -> int:
        """Execute queued runs (and queue scheduled ones) until `stop()` or `max_runs` runs; returns how
        many ran, failed ones included. `on_ready` is called once the scheduler (if any) has started."""
        if self.trigger is not None or self.incremental_trigger is not None:
            incremental = (
                (self.incremental_trigger, lambda: self.tick("incremental"))
                if self.incremental_trigger is not None
                else None
            )
            self._scheduler = build_scheduler(
                self.trigger,
                self.tick,
                run_now=self.run_now and self.trigger is not None,
                incremental=incremental,
            )
            self._scheduler.start()
        if self.deliver_alerts:
            deliverer = Deliverer(self.settings, name=self.name, driver=self._driver)
            self._delivery = DeliveryLoop(deliverer, self.settings.alert_poll)
            self._delivery.start()
        done = 0
        try:
            if on_ready is not None:
                on_ready(self)
            while not self._stop.is_set():
                self._wake.clear()
                if self._attempt():
                    done += 1
                    if self.max_runs is not None and done >= self.max_runs:
                        break
                    continue  # more may be queued: look again without sleeping
                self._wake.wait(self.poll)
        finally:
            if self._scheduler is not None:
                self._scheduler.shutdown(wait=False)
                self._scheduler = None
            if self._delivery is not None:
                # Waits for a pass in flight: it stops between two sends and gives back what it claimed.
                self._delivery.shutdown()
                self._delivery.deliverer.close()
                self._delivery = None
        return done

    def next_scheduled(self) -> str | None:
        """The next tick (ISO, UTC) while `run()` is running with a trigger."""
        at = next_tick(self._scheduler) if self._scheduler is not None else None
        return at.isoformat(timespec="seconds") if at is not None else None

    def _attempt(self) -> bool:
        """One claim-and-execute; True when a run was executed (succeeded or failed)."""
        try:
            summary = self.drain_once()
        except DetectionFailedError as exc:
            log.error("detection run failed", run_id=exc.run_id, error=str(exc))
            return True
        except Exception as exc:  # e.g. the database is unreachable: try again at the next poll
            log.error("worker could not claim a run", error=f"{type(exc).__name__}: {exc}")
            return False
        if summary is None:
            return False
        if self._delivery is not None:
            self._delivery.poke()
        if self._on_run is not None:
            self._on_run(summary)
        return True
