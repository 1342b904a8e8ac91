"""Webhook delivery against a local receiver: signatures, retries, concurrency, restarts.

The receiver is a small HTTP server on 127.0.0.1 in a thread of the test; back-off is cut to fractions
of a second through settings, the same way an operator would shorten it.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from neo4j import Driver
from pydantic import SecretStr

from app.domain.alerts import SIGNATURE_HEADER, EventType, verify
from app.jobs.alerts import webhooks
from app.jobs.alerts.deliver import Deliverer
from app.jobs.runner import queue_run
from app.jobs.worker import Worker
from app.platform.settings import Settings

from .helpers import FixedFinder, accs, result, run


class Receiver:
    """Records every POST; answers with the queued statuses first, then 200."""

    def __init__(self, port: int = 0) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.statuses: list[int] = []
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver._lock:
                    receiver.requests.append((dict(self.headers.items()), body))
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def event_ids(self) -> list[str]:
        with self._lock:
            return [json.loads(body)["id"] for _, body in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def fast(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "alert_key": SecretStr("test-alert-key-not-secret"),
            "alert_retry_base": 0.2,
            "alert_retry_max": 1.0,
            "alert_max_attempts": 5,
            "alert_lease": 4.0,
            "alert_poll": 0.2,
            "alert_timeout": 1.0,
        }
    )


def add_hook(
    driver: Driver, settings: Settings, url: str, types: list[EventType] | None = None
) -> tuple[str, str]:
    new = webhooks.add(
        driver, settings.neo4j_database, settings.alert_signing_key(), url, types or list(EventType), "test"
    )
    return new.webhook.webhook_id, new.secret


def deliveries(driver: Driver) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query("MATCH (d:AlertDelivery) RETURN d {.*} AS d ORDER BY d.delivery_id")
    return [dict(r["d"]) for r in records]


def event_ids(driver: Driver) -> set[str]:
    records, _, _ = driver.execute_query("MATCH (e:AlertEvent) RETURN e.event_id AS id")
    return {r["id"] for r in records}


def wait_for(check: Any, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_deliveries_are_signed_and_carry_the_event(graph: Driver, fast: Settings, receiver: Receiver) -> None:
    hook, secret = add_hook(graph, fast, receiver.url)
    only_new, only_new_secret = add_hook(graph, fast, receiver.url, [EventType.CAMPAIGN_GROWN])
    run(fast, accs(0, 20), accs(100, 110))
    with Deliverer(fast, driver=graph) as deliverer:
        report = deliverer.deliver_once()
    assert (report.delivered, report.retrying, report.failed) == (2, 0, 0)
    assert sorted(receiver.event_ids()) == sorted(event_ids(graph))
    for headers, body in receiver.requests:
        assert verify(secret, body, headers[SIGNATURE_HEADER])
        assert not verify(only_new_secret, body, headers[SIGNATURE_HEADER])
        payload = json.loads(body)
        assert payload["type"] == "campaign.new" == headers["X-Linkwatch-Event-Type"]
        assert payload["id"] == headers["X-Linkwatch-Event-Id"]
        assert headers["X-Linkwatch-Webhook-Id"] == hook
        assert payload["link"] == f"/#/campaign/{payload['campaign_id']}"
        assert payload["data"]["size"] in (10, 20)
    assert {(d["status"], d["attempts"]) for d in deliveries(graph)} == {("delivered", 1)}
    # The grown-only webhook got nothing: no delivery was even created for it.
    assert all(d["webhook_id"] != only_new for d in deliveries(graph))
    listed = {h.webhook_id: h for h in webhooks.list_webhooks(graph, fast.neo4j_database)}
    assert (listed[hook].delivered, listed[hook].pending, listed[only_new].events) == (
        2,
        0,
        ["campaign.grown"],
    )


def test_a_receiver_that_was_down_gets_every_event_after_a_retry(graph: Driver, fast: Settings) -> None:
    # Long enough that the second pass below surely comes before the first retry is due.
    slow = fast.model_copy(update={"alert_retry_base": 2.0, "alert_retry_max": 4.0})
    port = free_port()
    add_hook(graph, slow, f"http://127.0.0.1:{port}/hook")
    run(slow, accs(0, 20), accs(100, 110), accs(200, 230))
    with Deliverer(slow, driver=graph) as deliverer:
        down = deliverer.deliver_once()
        assert (down.delivered, down.retrying) == (0, 3)
        state = deliveries(graph)
        assert {(d["status"], d["attempts"]) for d in state} == {("pending", 1)}
        assert all("ConnectError" in d["last_error"] for d in state)
        assert deliverer.deliver_once().attempted == 0  # not due before its back-off
        receiver = Receiver(port)
        try:
            receiver.statuses = [503]  # up, but failing once more
            deadline = time.monotonic() + 30
            while {d["status"] for d in deliveries(graph)} != {"delivered"}:
                assert time.monotonic() < deadline, "not delivered after the receiver came back"
                deliverer.deliver_once()
                time.sleep(0.2)
            got = Counter(receiver.event_ids())
        finally:
            receiver.close()
    attempts = {d["event_id"]: d["attempts"] for d in deliveries(graph)}
    assert set(got) == event_ids(graph)
    # Each event reached the receiver once per attempt it answered (the 503 included), never more.
    assert all(got[e] == attempts[e] - 1 for e in got)
    assert sum(got.values()) == 4
    assert sorted(attempts.values()) == [2, 2, 3]


def test_concurrent_deliverers_never_send_an_event_twice(
    graph: Driver, fast: Settings, receiver: Receiver
) -> None:
    add_hook(graph, fast, receiver.url)
    run(fast, *(accs(i * 5, i * 5 + 5) for i in range(40)))
    assert len(event_ids(graph)) == 40
    barrier = threading.Barrier(4)

    def deliver(i: int) -> int:
        with Deliverer(fast, driver=graph, name=f"d-{i}") as d:
            barrier.wait()
            return d.deliver_once().delivered

    with ThreadPoolExecutor(4) as pool:
        delivered = list(pool.map(deliver, range(4)))
    assert sum(delivered) == 40
    assert Counter(receiver.event_ids()) == Counter(dict.fromkeys(event_ids(graph), 1))


def test_nothing_is_lost_across_a_worker_restart(graph: Driver, fast: Settings, receiver: Receiver) -> None:
    add_hook(graph, fast, receiver.url)
    finder = FixedFinder(result(accs(0, 20), accs(100, 110)))
    queue_run(fast, "alice", "api", driver=graph)
    # A worker whose deliverer never got to the events (stopped, or killed after claiming them).
    with Worker(fast, driver=graph, finder=finder, max_runs=1, poll=0.1) as first:
        assert first.run() == 1
    with Deliverer(fast, driver=graph, name="killed") as doomed:
        claimed = doomed._claim("lost-claim")
    assert len(claimed) == 2  # leased to a deliverer that then died without sending
    assert receiver.requests == []

    second = Worker(fast, driver=graph, finder=finder, poll=0.1, deliver_alerts=True)
    thread = threading.Thread(target=second.run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: len(receiver.requests) >= 2)  # after the dead claim's lease ran out
    finally:
        second.stop()
        thread.join(10)
        second.close()
    assert sorted(receiver.event_ids()) == sorted(event_ids(graph))
    assert {(d["status"], d["attempts"]) for d in deliveries(graph)} == {("delivered", 1)}


def test_the_alerts_command_adds_lists_delivers_and_removes(
    graph: Driver, settings: Settings, receiver: Receiver
) -> None:
    from typer.testing import CliRunner

    from app.cli import cli
    from app.domain.alerts import webhook_secret

    runner = CliRunner(env={"COLUMNS": "250"})
    try:
        _drive_the_command(runner, cli, graph, settings, receiver, webhook_secret)
    finally:
        import structlog

        # The CLI pointed structlog at the runner's captured stderr, closed after each invoke.
        structlog.reset_defaults()


def _drive_the_command(
    runner: Any, cli: Any, graph: Driver, settings: Settings, receiver: Receiver, webhook_secret: Any
) -> None:
    refused = runner.invoke(
        cli, ["alerts", "add", "--url", "https://u:p@x.example/", "--events", "campaign.new"]
    )
    assert refused.exit_code == 2
    assert "credentials" in refused.output
    unknown = runner.invoke(cli, ["alerts", "add", "--url", receiver.url, "--events", "campaign.gone"])
    assert unknown.exit_code == 2
    assert "unknown event type" in unknown.output

    added = runner.invoke(
        cli, ["alerts", "add", "--url", receiver.url, "--events", "campaign.new,watch.joined"]
    )
    assert added.exit_code == 0, added.output
    (hook,) = webhooks.list_webhooks(graph, settings.neo4j_database)
    secret = added.stdout.strip().splitlines()[-1]  # printed last, alone on stdout
    assert secret == webhook_secret(settings.alert_signing_key(), hook.webhook_id)
    assert hook.events == ["campaign.new", "watch.joined"]

    run(settings, accs(0, 20))
    delivered = runner.invoke(cli, ["alerts", "deliver", "--once"])
    assert delivered.exit_code == 0, delivered.output
    assert "delivered 1" in delivered.stdout
    assert verify(secret, receiver.requests[0][1], receiver.requests[0][0][SIGNATURE_HEADER])

    listed = runner.invoke(cli, ["alerts", "list"])
    assert listed.exit_code == 0, listed.output
    assert hook.webhook_id in listed.stdout
    assert secret not in listed.output
    removed = runner.invoke(cli, ["alerts", "remove", hook.webhook_id])
    assert removed.exit_code == 0, removed.output
    assert webhooks.list_webhooks(graph, settings.neo4j_database) == []
    assert runner.invoke(cli, ["alerts", "remove", hook.webhook_id]).exit_code == 1
