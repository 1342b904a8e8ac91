"""Alerts: what the outbox adds to a run's switch, and how fast deliveries go out.

Starts its own throw-away Neo4j, creates `--accounts` accounts (IPs, /24s, cards, templates, as
`persist_switch.py` does), registers one webhook pointing at a receiver on 127.0.0.1 (a thread of this
process answering 200 at once) and `--watches` watched accounts, then persists hand-built results through
`run_detection` (the finder is replaced, so only the switch is measured):

  run 1: `--campaigns` campaigns, all new         -> one `campaign.new` each (+ watch hits)
  run 2: the same campaigns again                  -> no event (the no-flood path)
  run 3: a quarter of them grown by 30 %           -> `campaign.grown` for those

For each run: the outbox's seconds inside the switch (`raise_events`: reads, derivation, writes) against
the whole run. Then every pending delivery is sent by one deliverer, and again (after re-queuing them) by
`--deliverers` deliverers at once: deliveries per second to the local receiver.

    .venv/bin/python bench/alerts_bench.py --accounts 100000 --campaigns 1000 --size 25 --watches 200
"""

from __future__ import annotations

import argparse
import os
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from persist_switch import _populate, _result
from pydantic import SecretStr

from app.detection.algorithms.model import DetectionResult
from app.detection.algorithms.params import DetectionParams
from app.domain.alerts import EventType, WatchKind, watch_id
from app.jobs.alerts import outbox, webhooks
from app.jobs.alerts.deliver import Deliverer
from app.jobs.runner import run_detection
from app.platform.driver import sync_driver
from app.platform.neo4j_server.throwaway import throwaway_neo4j
from app.platform.runner import fetch_sync
from app.platform.settings import Settings, get_settings


class _Sink(BaseHTTPRequestHandler):
    received = 0
    lock = threading.Lock()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with _Sink.lock:
            _Sink.received += 1
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _timed_outbox() -> list[float]:
    seconds: list[float] = []
    real = outbox.raise_events

    def timed(*args: Any, **kwargs: Any) -> outbox.RaisedEvents:
        t = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            seconds.append(time.perf_counter() - t)

    outbox.raise_events = timed  # type: ignore[assignment]
    return seconds


def _run(settings: Settings, groups: list[list[str]], seconds: list[float]) -> tuple[float, float, int]:
    with sync_driver(settings) as drv:
        before = drv.execute_query("MATCH (e:AlertEvent) RETURN count(e) AS n").records[0]["n"]
        t = time.perf_counter()

        def finder(_s: Settings, _p: DetectionParams | None, _prev: dict[str, int] | None) -> DetectionResult:
            return _result(groups)

        run_detection(settings, finder=finder, driver=drv)
        whole = time.perf_counter() - t
        after = drv.execute_query("MATCH (e:AlertEvent) RETURN count(e) AS n").records[0]["n"]
    return whole, seconds[-1], int(after - before)


def _deliver(settings: Settings, deliverers: int) -> tuple[int, float]:
    with sync_driver(settings) as drv:
        drv.execute_query(
            "MATCH (d:AlertDelivery) SET d.status = 'pending', d.attempts = 0, d.next_attempt_at = datetime()"
        )
        n = drv.execute_query("MATCH (d:AlertDelivery) RETURN count(d) AS n").records[0]["n"]
        t = time.perf_counter()

        def one(i: int) -> int:
            with Deliverer(settings, driver=drv, name=f"bench-{i}") as d:
                return d.deliver_once().delivered

        with ThreadPoolExecutor(deliverers) as pool:
            sent = sum(pool.map(one, range(deliverers)))
        elapsed = time.perf_counter() - t
    assert sent == n, f"sent {sent} of {n}"
    return int(n), elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--campaigns", type=int, default=1000)
    ap.add_argument("--size", type=int, default=25)
    ap.add_argument("--watches", type=int, default=200)
    ap.add_argument("--deliverers", type=int, default=4)
    ap.add_argument("--heap", default="2g")
    args = ap.parse_args()
    if args.campaigns * args.size * 1.3 > args.accounts:
        ap.error("--accounts must hold campaigns x size x 1.3 distinct accounts")

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Sink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/bench"

    with throwaway_neo4j(heap=args.heap, pagecache="1g", prefix="lw-bench-alerts-") as neo4j:
        os.environ.update(neo4j.env())
        get_settings.cache_clear()
        settings = get_settings().model_copy(update={"alert_key": SecretStr("bench-alert-key")})
        t = time.perf_counter()
        _populate(settings, args.accounts)
        print(f"populated {args.accounts} accounts in {time.perf_counter() - t:.1f}s")
        rng = random.Random(11)
        pool = rng.sample(range(args.accounts), int(args.campaigns * args.size * 1.3))
        base = [
            [f"acct_{i:07d}" for i in pool[k * args.size : (k + 1) * args.size]]
            for k in range(args.campaigns)
        ]
        spare = iter(pool[args.campaigns * args.size :])
        grown = [
            g + [f"acct_{next(spare):07d}" for _ in range(int(len(g) * 0.3))] if k % 4 == 0 else g
            for k, g in enumerate(base)
        ]
        # Half the watches are accounts that join a campaign in run 3 (hits), half anywhere (mostly misses).
        joining = [a for new, old in zip(grown, base, strict=True) for a in new[len(old) :]]
        watched = joining[: args.watches // 2] + [
            f"acct_{i:07d}" for i in rng.sample(range(args.accounts), args.watches - args.watches // 2)
        ]
        with sync_driver(settings) as drv:
            webhooks.add(
                drv, settings.neo4j_database, settings.alert_signing_key(), url, list(EventType), "bench"
            )
            for key in watched:
                fetch_sync(
                    drv,
                    settings.neo4j_database,
                    "api/watch_add",
                    watch_id=watch_id(WatchKind.ACCOUNT, key),
                    kind="account",
                    key=key,
                    note=None,
                    who="bench",
                )
        seconds = _timed_outbox()
        rows = []
        for label, groups in (
            ("1: all new", base),
            ("2: unchanged", base),
            ("3: a quarter grown 30 %", grown),
        ):
            whole, alerts, events = _run(settings, groups, seconds)
            rows.append((label, whole, alerts, events))
        print(f"\n{args.campaigns} campaigns of {args.size}, {args.watches} watches, 1 webhook")
        print("| run | whole run | outbox in the switch | share | events |")
        print("|---|---|---|---|---|")
        for label, whole, alerts, events in rows:
            print(f"| {label} | {whole:.2f} s | {alerts:.3f} s | {alerts / whole:.1%} | {events} |")
        for n in (1, args.deliverers):
            count, elapsed = _deliver(settings, n)
            print(f"deliveries by {n} deliverer(s): {count} in {elapsed:.2f} s = {count / elapsed:.0f}/s")
        print(f"receiver got {_Sink.received} requests")
    server.shutdown()


if __name__ == "__main__":
    main()
