"""The analyst console on a large campaign: search-to-drawn-graph time and the page's GraphQL payload
(as JSON, and on the wire: the API gzips it).

Starts its own throw-away Neo4j (temporary home, free port), plants one campaign of `--accounts` members
(default 5,000) sharing IPs, cards, templates and e-mail domains, plus `--noise` unrelated accounts and a
popular template (a supernode) used by all of them, creates a viewer key, starts `linkwatch serve
--host --port` and drives the built console (console/dist) in headless Debian chromium (Playwright, one
browser): type an account id in the search box, press Enter, click the campaign, wait until sigma.js has
drawn the graph. Each run is a fresh tab (a new sign-in, no cached state in the page).

    .venv/bin/python bench/console_speed.py --accounts 5000 --noise 20000 --runs 5
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from neo4j import GraphDatabase
from playwright.sync_api import sync_playwright

from app.platform.neo4j_server.throwaway import free_port, throwaway_neo4j
from app.platform.schema import apply_schema
from app.platform.settings import Settings, get_settings
from app.services import api_keys
from app.services.api_keys import Role

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "console" / "dist"
CHROMIUM_ARGS = ["--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--ignore-gpu-blocklist"]
CAMPAIGN = "C-00005000"
DAY0 = 1_777_593_600 // 3600  # 2026-05-01T00:00Z in hour buckets

PLANT = """
UNWIND range(0, $n - 1) AS i
CREATE (a:Account {account_id: 'acct_' + right('0000000' + toString(i), 7), status: 'active',
                   requests: 40, first_seen: datetime('2026-05-01T00:00:00Z'),
                   last_seen: datetime('2026-05-09T00:00:00Z')})
WITH a, i
WITH a, i, i % $ips AS x, (i * 7) % $ips AS y
MATCH (c:Campaign {campaign_id: $campaign}),
      (ip1:IP {address: '10.1.' + toString(x / 250) + '.' + toString(x % 250)}),
      (ip2:IP {address: '10.1.' + toString(y / 250) + '.' + toString(y % 250)}),
      (p:PaymentInstrument {instrument_key: 'k' + toString(i % $cards)}),
      (t:PromptTemplate {template_id: 't_bench' + toString(i % $templates)}),
      (pop:PromptTemplate {template_id: 't_popular'}),
      (d:EmailDomain {domain: 'd' + toString(i % 5) + '.example'})
CREATE (a)-[:IN_CAMPAIGN {membership: 0.5 + rand() / 2, run_id: 'R-bench'}]->(c)
MERGE (a)-[:USED_IP {requests: 20}]->(ip1)
MERGE (a)-[:USED_IP {requests: 20}]->(ip2)
CREATE (a)-[:PAID_WITH]->(p)
CREATE (a)-[:SENT {requests: 30, hours: [h IN range(0, 8) | $day0 + h * 24 + i % 24],
                   hour_counts: [h IN range(0, 8) | 3 + h]}]->(t)
CREATE (a)-[:SENT {requests: 2, hours: [$day0], hour_counts: [2]}]->(pop)
CREATE (a)-[:HAS_EMAIL_DOMAIN]->(d)
"""

NOISE = """
UNWIND range(0, $n - 1) AS i
CREATE (a:Account {account_id: 'noise_' + toString(i), status: 'active', requests: 3})
WITH a, i
MATCH (pop:PromptTemplate {template_id: 't_popular'})
CREATE (a)-[:SENT {requests: 3, hours: [$day0], hour_counts: [3]}]->(pop)
"""


def plant(settings: Settings, accounts: int, noise: int) -> None:
    ips, cards, templates = max(accounts // 15, 2), max(accounts // 120, 2), 20
    evidence = json.dumps(
        [
            {"kind": "instrument", "key": "k0", "accounts": accounts // cards, "weight": 6.0},
            {"kind": "template", "key": "t_bench0", "accounts": accounts // templates, "weight": 4.0},
            {"kind": "ip", "key": "10.1.0.0", "accounts": 30, "weight": 3.0},
        ]
    )
    with (
        GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.password())) as drv,
        drv.session(database=settings.neo4j_database) as s,
    ):
        apply_schema(drv, settings.neo4j_database)
        s.run(
            "CREATE (:DetectionRun {run_id: 'R-bench', status: 'succeeded', trigger: 'bench', "
            "finished_at: datetime('2026-05-10T00:00:00Z'), params: '{}', timings: '{}', graph: '{}', "
            "metrics: '{}'}) "
            "CREATE (:Campaign {campaign_id: $c, status: 'candidate', score: 0.93, size: $n, "
            "capability: 'agentic_tool_use', active: true, created_run: 'R-bench', last_run: 'R-bench', "
            "first_seen: datetime('2026-05-01T00:00:00Z'), last_seen: datetime('2026-05-09T23:00:00Z'), "
            "features: '{\"volume\": 0.9}', evidence: $ev}) "
            "CREATE (:Model {name: 'base-1', first_seen: datetime('2026-01-01T00:00:00Z')}) "
            "CREATE (:Model {name: 'frontier-2', first_seen: datetime('2026-05-04T00:00:00Z')}) "
            "CREATE (:PromptTemplate {template_id: 't_popular', text: 'summarize <str>', "
            "capability: 'chat'}) "
            "WITH 1 AS one UNWIND range(0, $ips - 1) AS i "
            "CREATE (:IP {address: '10.1.' + toString(i / 250) + '.' + toString(i % 250), "
            "ip_type: 'hosting'})",
            c=CAMPAIGN,
            n=accounts,
            ev=evidence,
            ips=ips,
        ).consume()
        s.run(
            "UNWIND range(0, $cards - 1) AS i CREATE (:PaymentInstrument {instrument_key: 'k' + toString(i), "
            "instrument_type: 'card'})",
            cards=cards,
        ).consume()
        s.run(
            "UNWIND range(0, $templates - 1) AS i "
            "CREATE (:PromptTemplate {template_id: 't_bench' + toString(i), text: 'implement <fn> ' + "
            "toString(i), capability: 'agentic_tool_use'})",
            templates=templates,
        ).consume()
        s.run(
            "UNWIND range(0, 4) AS i CREATE (:EmailDomain {domain: 'd' + toString(i) + '.example'})"
        ).consume()
        s.run(
            PLANT, n=accounts, campaign=CAMPAIGN, ips=ips, cards=cards, templates=templates, day0=DAY0
        ).consume()
        s.run(NOISE, n=noise, day0=DAY0).consume()


def measure(url: str, token: str, runs: int) -> list[dict[str, Any]]:
    chromium = os.environ.get("LINKWATCH_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        sys.exit("chromium is not installed (apt-get install -y chromium)")
    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            for run in range(runs + 1):  # the first run warms the server's and chromium's caches
                context = browser.new_context(base_url=url, viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.set_default_timeout(120_000)
                page.goto("/")
                page.get_by_label("API key").fill(token)
                page.get_by_role("button", name="Sign in").click()
                search = page.locator("input[type=search]")
                search.fill("acct_0000003")
                page.evaluate("window.linkwatchTraffic.requests = 0; window.linkwatchTraffic.bytes = 0")
                t0 = time.perf_counter()
                search.press("Enter")
                link = page.locator(".hit").get_by_role("link", name=CAMPAIGN)
                link.wait_for()
                t1 = time.perf_counter()
                link.click()
                page.locator("#graph[data-rendered=true]").wait_for()
                t2 = time.perf_counter()
                page.wait_for_load_state("networkidle")
                traffic = page.evaluate("window.linkwatchTraffic")
                # What crossed the wire (gzip, since the API compresses), as the browser's timing saw it.
                wire = page.evaluate(
                    "performance.getEntriesByType('resource').filter(e => e.name.endsWith('/graphql'))"
                    ".reduce((n, e) => n + e.encodedBodySize, 0)"
                )
                graph = page.locator("#graph")
                row = {
                    "search_ms": (t1 - t0) * 1000,
                    "campaign_ms": (t2 - t1) * 1000,
                    "total_ms": (t2 - t0) * 1000,
                    "page_draw_ms": float(graph.get_attribute("data-draw-ms") or 0),
                    "nodes": int(graph.get_attribute("data-graph-order") or 0),
                    "edges": int(graph.get_attribute("data-graph-size") or 0),
                    "requests": traffic["requests"],
                    "bytes": traffic["bytes"],
                    "wire_bytes": wire,
                }
                context.close()
                if run > 0:
                    results.append(row)
                    print(json.dumps({k: round(v, 1) for k, v in row.items()}), flush=True)
        finally:
            browser.close()
    return results


def graph_query(url: str, token: str, repeats: int = 5) -> tuple[int, int, float]:
    """The drawing's one request on its own: response bytes, bytes on the wire (gzip) and median
    milliseconds (server + transfer)."""
    from app.api.types.graph import DEFAULT_ACCOUNTS

    query = (
        "query($id: ID!, $n: Int) { campaign(id: $id) { graph(maxAccounts: $n) { totalAccounts "
        "nodes { id kind key detail count sharedAccounts strength membership supernode labels { actorId } } "
        "edges { source target kind } } } }"
    )
    body = {"query": query, "variables": {"id": CAMPAIGN, "n": max(DEFAULT_ACCOUNTS, 1000)}}
    times, size, wire = [], 0, 0
    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"}
    with httpx.Client(headers=headers, timeout=60) as client:
        for _ in range(repeats):
            t0 = time.perf_counter()
            r = client.post(f"{url}/graphql", json=body)
            r.raise_for_status()
            times.append((time.perf_counter() - t0) * 1000)
            size, wire = len(r.content), r.num_bytes_downloaded
    return size, wire, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=5000)
    parser.add_argument("--noise", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--heap", default="2g")
    args = parser.parse_args()
    if not (DIST / "index.html").is_file():
        sys.exit(f"{DIST}/index.html missing: build the console first (make install)")
    with throwaway_neo4j(heap=args.heap, pagecache="512m") as neo4j:
        port = free_port()
        env = {
            **os.environ,
            **neo4j.env(),
            "LINKWATCH_INSTRUMENT_HASH_KEY": "bench-hash-key",
            "LINKWATCH_CONSOLE_DIR": str(DIST),
        }
        os.environ.update(env)
        get_settings.cache_clear()
        settings = get_settings()
        started = time.perf_counter()
        plant(settings, args.accounts, args.noise)
        print(
            f"planted {args.accounts:,} campaign accounts and {args.noise:,} others in "
            f"{time.perf_counter() - started:.0f} s",
            flush=True,
        )
        with GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.password())) as drv:
            token = api_keys.create_key(drv, settings.neo4j_database, "bench", Role.VIEWER).token
        url = f"http://127.0.0.1:{port}"
        api = subprocess.Popen(
            [sys.executable, "-m", "app.cli.serve_cmd", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or api.poll() is not None:
                    sys.exit("the API did not start")
                time.sleep(0.3)
            rows = measure(url, token, args.runs)
            payload, payload_wire, graph_ms = graph_query(url, token)
        finally:
            api.terminate()
            api.wait(timeout=20)
    summary = {
        key: statistics.median(r[key] for r in rows)
        for key in (
            "search_ms",
            "campaign_ms",
            "total_ms",
            "page_draw_ms",
            "nodes",
            "edges",
            "requests",
            "bytes",
            "wire_bytes",
        )
    }
    summary["graph_query_bytes"] = payload
    summary["graph_query_wire_bytes"] = payload_wire
    summary["graph_query_ms"] = graph_ms
    summary["accounts"] = args.accounts
    print("median:", json.dumps({k: round(v, 1) for k, v in summary.items()}))


if __name__ == "__main__":
    main()
