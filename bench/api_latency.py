"""Attribution lookups by account id over the GraphQL API: latency and throughput vs. direct Cypher.

Starts its own throw-away Neo4j (temporary home, free port), plants `--accounts` accounts with IPs,
prefixes, cards, templates, campaigns (with evidence), actors, labels and automatic / analyst
attributions, creates an API key, starts `linkwatch serve --workers W` on a free loopback port and
drives it from separate processes with 1, 16 and 64 concurrent clients (closed loop, keep-alive).

Load generator for the API (`--client`): `wrk` (native, with `bench/api_latency.lua`; `apt-get install
wrk`) by default, so the generator does not eat the CPU the server needs on a small machine; `httpx`
(asyncio, in this process) when wrk is missing or asked for. Baseline in the same run, at the same
concurrency, on the same account ids: the lookup's one Cypher query (`cypher/api/attribution_account`)
through the async driver, called the way the API calls it (`Graph.fetch_one_plain`) from this process.

    .venv/bin/python bench/api_latency.py --accounts 100000 --workers 2 --duration 10 --warmup 3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import psutil

from app.api.app import api_driver
from app.api.types.entities import ENTITY_SCAN
from app.platform.driver import sync_driver
from app.platform.neo4j_server.throwaway import free_port, throwaway_neo4j
from app.platform.runner import Graph
from app.platform.schema import apply_schema
from app.platform.settings import Settings, get_settings
from app.services import api_keys
from app.services.api_keys import Role
from app.services.attribution import EVIDENCE_LIMIT

ROOT = Path(__file__).resolve().parents[1]
WRK_SCRIPT = ROOT / "bench" / "api_latency.lua"
CAMPAIGN_SIZE = 100
CAMPAIGN_STRIDE = 500  # campaign c holds accounts [c*STRIDE, c*STRIDE + SIZE): 20% of accounts are members
ACTORS = 20
WARM_START_S = 30.0
LOOKUP = """query($id: ID!) { attribution(account: $id) {
  found
  campaigns { campaign { id score status } membership
    actors { actor { id name } confidence source status evidence { kind summary strength } } }
  actors { actor { id name } confidence confirmed }
} }"""
# The same answer without evidence paths (less to execute and serialise; the same one round trip).
LEAN = """query($id: ID!) { attribution(account: $id) {
  found
  campaigns { campaign { id score status } membership actors { actor { id name } confidence source status } }
  actors { actor { id name } confidence confirmed }
} }"""


def _plant(settings: Settings, accounts: int) -> dict[str, float]:
    """The graph, server-side with UNWIND + CALL IN TRANSACTIONS (fast, no client round trips per row)."""
    campaigns = accounts // CAMPAIGN_STRIDE
    t0 = time.perf_counter()
    with sync_driver(settings) as drv, drv.session(database=settings.neo4j_database) as s:
        apply_schema(drv, settings.neo4j_database)
        s.run(
            """
            UNWIND range(0, 255) AS p
            CREATE (:Prefix {cidr: '10.' + toString(p / 16) + '.' + toString(p % 16) + '.0/24', version: 4})
            WITH count(*) AS _
            UNWIND range(0, 63) AS a CREATE (:ASN {asn: 64500 + a, org: 'AS ' + toString(a)})
            WITH count(*) AS _
            UNWIND range(0, 1999) AS t
            CREATE (:PromptTemplate {template_id: 't_' + right('0000000000000000' + toString(t), 16),
                    text: 'template ' + toString(t),
                    capability: ['software_engineering', 'agentic_tool_use', 'reasoning_cot',
                                 'other'][t % 4]})
            WITH count(*) AS _
            UNWIND range(0, $actors - 1) AS x
            CREATE (:Actor {actor_id: 'actor-' + toString(x), name: 'Actor ' + toString(x), aliases: [],
                    created_at: datetime(), created_by: 'bench'})
            """,
            actors=ACTORS,
        ).consume()
        s.run(
            """
            UNWIND range(0, $n / 4 - 1) AS i
            CALL (i) {
              MATCH (p:Prefix {cidr: '10.' + toString((i % 256) / 16) + '.' + toString(i % 16) + '.0/24'})
              MATCH (a:ASN {asn: 64500 + i % 64})
              CREATE (ip:IP {address: '10.' + toString((i % 256) / 16) + '.' + toString(i % 16) + '.' +
                             toString(i / 256 % 256) + '.' + toString(i), version: 4,
                             ip_type: ['residential', 'hosting', 'mobile', 'proxy'][i % 4],
                             asn: 64500 + i % 64})
              CREATE (ip)-[:IN_PREFIX]->(p), (ip)-[:IN_ASN]->(a)
            } IN TRANSACTIONS OF 10000 ROWS
            """,
            n=accounts,
        ).consume()
        s.run(
            """
            UNWIND range(0, $n - 1) AS i
            CALL (i) {
              CREATE (a:Account {account_id: 'acct_' + right('0000000' + toString(i), 7), status: 'active',
                      plan: 'api', country: 'US', requests: 100,
                      created_at: datetime('2026-04-01T00:00:00Z')})
              WITH a
              MATCH (ip:IP {address: '10.' + toString((i / 4 % 256) / 16) + '.' + toString(i / 4 % 16) + '.' +
                             toString(i / 4 / 256 % 256) + '.' + toString(i / 4)})
              CREATE (a)-[:USED_IP {requests: 100}]->(ip)
              WITH a
              MATCH (t:PromptTemplate {
                template_id: 't_' + right('0000000000000000' + toString(i % 2000), 16)})
              CREATE (a)-[:SENT {requests: 100, hours: [493777, 493778], hour_counts: [50, 50]}]->(t)
              MERGE (c:PaymentInstrument {instrument_key: 'bench' + toString(i / 2)})
              CREATE (a)-[:PAID_WITH]->(c)
            } IN TRANSACTIONS OF 5000 ROWS
            """,
            n=accounts,
        ).consume()
        rows = []
        for c in range(campaigns):
            members = [f"acct_{c * CAMPAIGN_STRIDE + k:07d}" for k in range(CAMPAIGN_SIZE)]
            evidence = [
                {
                    "kind": "instrument",
                    "key": f"bench{(c * CAMPAIGN_STRIDE) // 2}",
                    "accounts": 2,
                    "weight": 6.0,
                },
                {
                    "kind": "template",
                    "key": f"t_{(c * CAMPAIGN_STRIDE) % 2000:016d}",
                    "accounts": 1,
                    "weight": 4.0,
                },
            ]
            rows.append(
                {
                    "id": f"C-{c:08x}",
                    "members": members,
                    "evidence": json.dumps(evidence),
                    "actor": f"actor-{c % ACTORS}",
                    "labelled": c % 2 == 0,
                    "confirmed": c % 10 == 0,
                    "card": f"bench{(c * CAMPAIGN_STRIDE) // 2}",
                }
            )
        s.run(
            """
            UNWIND $rows AS r
            CALL (r) {
              CREATE (c:Campaign {campaign_id: r.id,
                      status: CASE WHEN r.confirmed THEN 'confirmed' ELSE 'candidate' END,
                      score: 0.5 + rand() / 2, size: size(r.members), evidence: r.evidence,
                      features: '{"volume": 0.5}', capability: 'agentic_tool_use', active: true})
              WITH c
              UNWIND r.members AS m
              MATCH (a:Account {account_id: m})
              CREATE (a)-[:IN_CAMPAIGN {membership: 0.9, run_id: 'R-bench'}]->(c)
              WITH DISTINCT c
              MATCH (x:Actor {actor_id: r.actor})
              FOREACH (_ IN CASE WHEN r.labelled THEN [1] ELSE [] END |
                CREATE (c)-[:ATTRIBUTED_TO {confidence: 0.8, source: 'auto', status: 'proposed',
                                            evidence: '[]'}]->(x))
              FOREACH (_ IN CASE WHEN r.confirmed THEN [1] ELSE [] END |
                MERGE (c)-[t:ATTRIBUTED_TO]->(x)
                SET t.source = 'analyst', t.status = 'confirmed', t.confidence = 1.0, t.decided_by = 'bench',
                    t.decided_at = datetime())
              WITH c, x
              MATCH (p:PaymentInstrument {instrument_key: r.card})
              FOREACH (_ IN CASE WHEN r.labelled THEN [1] ELSE [] END |
                MERGE (p)-[:LABELLED_AS {confidence: 0.9, source: 'bench'}]->(x))
            } IN TRANSACTIONS OF 50 ROWS
            """,
            rows=rows,
        ).consume()
        counts = s.run("MATCH (n) RETURN count(n) AS nodes").single()
        rels = s.run("MATCH ()-[r]->() RETURN count(r) AS rels").single()
    return {
        "seconds": time.perf_counter() - t0,
        "campaigns": campaigns,
        "nodes": counts["nodes"] if counts else 0,
        "relationships": rels["rels"] if rels else 0,
    }


def _sample_ids(accounts: int, k: int, seed: int) -> list[str]:
    """Half campaign members (the interesting answer), half not."""
    rng = random.Random(seed)
    campaigns = accounts // CAMPAIGN_STRIDE
    ids = []
    for i in range(k):
        if i % 2 == 0 and campaigns:
            n = rng.randrange(campaigns) * CAMPAIGN_STRIDE + rng.randrange(CAMPAIGN_SIZE)
        else:
            n = rng.randrange(accounts)
        ids.append(f"acct_{n:07d}")
    return ids


async def _closed_loop(
    call: Callable[[str], Awaitable[None]], ids: list[str], clients: int, duration: float, warmup: float
) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + warmup + duration
    measure_from = time.perf_counter() + warmup

    async def client(offset: int) -> None:
        nonlocal errors
        i = offset
        while True:
            t = time.perf_counter()
            if t >= stop_at:
                return
            try:
                await call(ids[i % len(ids)])
            except Exception:  # counted; the run goes on
                errors += 1
            done = time.perf_counter()
            if t >= measure_from:
                latencies.append(done - t)
            i += clients

    await asyncio.gather(*(client(c) for c in range(clients)))
    return _stats(clients, latencies, errors, duration)


def _stats(clients: int, latencies: list[float], errors: int, duration: float) -> dict[str, Any]:
    latencies.sort()
    n = len(latencies)
    return {
        "clients": clients,
        "requests": n,
        "errors": errors,
        "throughput": n / duration,
        "p50_ms": 1000 * latencies[n // 2] if n else float("nan"),
        "p99_ms": 1000 * latencies[min(n - 1, int(n * 0.99))] if n else float("nan"),
        "mean_ms": 1000 * statistics.fmean(latencies) if n else float("nan"),
    }


class WrkClient:
    """The API under `wrk` (one thread, `clients` connections), one process per level."""

    def __init__(self, url: str, token: str, lookup: str, ids: list[str], workdir: Path) -> None:
        self.url = url
        ids_file, query_file = workdir / "ids.txt", workdir / "query.graphql"
        ids_file.write_text("\n".join(ids) + "\n")
        query_file.write_text(lookup)
        self.env = {
            **os.environ,
            "LW_IDS_FILE": str(ids_file),
            "LW_QUERY_FILE": str(query_file),
            "LW_TOKEN": token,
        }

    def run(self, clients: int, seconds: float) -> dict[str, Any]:
        out = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{clients}",
                f"-d{max(1, round(seconds))}s",
                "--timeout",
                "30s",
                "-s",
                str(WRK_SCRIPT),
                self.url,
            ],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=seconds + 120,
            check=True,
        ).stdout
        line = next((x for x in out.splitlines() if x.startswith("LWJSON ")), None)
        if line is None:
            raise RuntimeError(f"wrk printed no result:\n{out}")
        raw = json.loads(line.removeprefix("LWJSON "))
        duration = raw["duration_us"] / 1e6
        return {
            "clients": clients,
            "requests": raw["requests"],
            "errors": raw["errors"] + raw["socket_errors"],
            "throughput": raw["requests"] / duration,
            "p50_ms": raw["p50_us"] / 1000,
            "p99_ms": raw["p99_us"] / 1000,
            "mean_ms": raw["mean_us"] / 1000,
        }


async def _measure(
    lookup: str,
    settings: Settings,
    url: str,
    token: str,
    ids: list[str],
    levels: list[int],
    duration: float,
    warmup: float,
    wrk: WrkClient | None,
    split: Callable[[], list[int]],
) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    driver = api_driver(settings)  # the API's own driver settings, for a like-for-like baseline
    graph = Graph(driver=driver, database=settings.neo4j_database)
    limits = httpx.Limits(max_connections=max(levels) + 4, max_keepalive_connections=max(levels) + 4)
    async with httpx.AsyncClient(
        base_url=url, limits=limits, timeout=30, headers={"Authorization": f"Bearer {token}"}
    ) as http:

        async def api_call(account_id: str) -> None:
            r = await http.post("/graphql", json={"query": lookup, "variables": {"id": account_id}})
            body = r.json()
            if r.status_code != 200 or body.get("errors") or not body["data"]["attribution"]["found"]:
                raise RuntimeError(r.text[:200])

        async def cypher_call(account_id: str) -> None:
            # What the API's resolver sends for this lookup, through the same driver call.
            row = await graph.fetch_one_plain(
                "api/attribution_account",
                key=account_id,
                scan=ENTITY_SCAN,
                entity_limit=200,
                evidence_limit=EVIDENCE_LIMIT,
            )
            if row is None:
                raise RuntimeError("not found")

        async def api_level(clients: int, seconds: float, warm: float) -> dict[str, Any]:
            if wrk is None:
                run = asyncio.ensure_future(_closed_loop(api_call, ids, clients, seconds, warm))
            else:
                if warm:
                    await asyncio.to_thread(wrk.run, clients, warm)
                run = asyncio.ensure_future(asyncio.to_thread(wrk.run, clients, seconds))
            # Halfway through, which worker holds how many of the clients' kept-alive connections.
            await asyncio.sleep(seconds / 2 + (warm if wrk is None else 0))
            per_worker = await asyncio.to_thread(split)
            result: dict[str, Any] = await run
            result["connections_per_worker"] = per_worker
            return result

        # Every uvicorn worker booted, every query planned and cached, before anything is measured. A
        # freshly started JVM is not warm for another half-minute (JIT compilation, the store's pages
        # faulted into the page cache): sampled per process, it spent twice its steady CPU per query over
        # the first 30 s of load, which went against whichever side was measured first.
        await api_level(16, max(WARM_START_S, 3 * warmup), 0.0)
        await _closed_loop(cypher_call, ids, 16, max(WARM_START_S / 3, warmup), 0.0)
        for clients in levels:
            api = await api_level(clients, duration, warmup)
            base = await _closed_loop(cypher_call, ids, clients, duration, warmup)
            results.append({"clients": clients, "api": api, "cypher": base})
            print(
                f"{clients:>3} clients | API p50 {api['p50_ms']:7.2f} ms p99 {api['p99_ms']:7.2f} ms "
                f"{api['throughput']:7.1f}/s err {api['errors']} | Cypher p50 {base['p50_ms']:6.2f} ms "
                f"p99 {base['p99_ms']:6.2f} ms {base['throughput']:7.1f}/s | p99 ratio "
                f"{api['p99_ms'] / base['p99_ms']:.1f}x, "
                f"throughput ratio {base['throughput'] / max(api['throughput'], 1e-9):.1f}x | "
                f"connections per API worker {api['connections_per_worker']}",
                flush=True,
            )
    await driver.close()
    return results


def _start_api(env: dict[str, str], workers: int, url: str) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "linkwatch"), "serve", "--workers", str(workers)],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGTERM)
    raise RuntimeError("the API did not start")


def _connection_split(pid: int, port: int) -> list[int]:
    """Established connections on the API port held by each worker process, largest first."""
    counts = []
    for proc in psutil.Process(pid).children(recursive=True):
        try:
            conns = proc.net_connections(kind="tcp")
        except psutil.Error:
            continue
        n = sum(1 for c in conns if c.status == psutil.CONN_ESTABLISHED and c.laddr and c.laddr.port == port)
        if n:
            counts.append(n)
    return sorted(counts, reverse=True)


def _rss_mb(pid: int) -> float:
    try:
        proc = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20
    except psutil.Error:
        return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    ap.add_argument("--clients", default="1,16,64", help="concurrency levels")
    ap.add_argument("--duration", type=float, default=15.0, help="measured seconds per level and mode")
    ap.add_argument("--warmup", type=float, default=3.0)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--lean", action="store_true", help="ask without evidence paths")
    ap.add_argument(
        "--client",
        choices=["wrk", "httpx"],
        default="wrk",
        help="API load generator: wrk (native; falls back to httpx if missing) or httpx (Python, asyncio)",
    )
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "api_latency.json")
    ap.add_argument(
        "--work",
        type=Path,
        help="keep the planted graph here and reuse it in later runs (planting 1M accounts takes long)",
    )
    args = ap.parse_args()
    levels = [int(c) for c in args.clients.split(",")]
    client = args.client
    if client == "wrk" and shutil.which("wrk") is None:
        print(
            "wrk not found (install it with `apt-get install wrk`): falling back to the httpx client, "
            "which competes with the server for CPU on a small machine",
            file=sys.stderr,
            flush=True,
        )
        client = "httpx"

    if args.work is None:
        home = Path(tempfile.mkdtemp(prefix="lw-bench-api-"))
    else:
        home = args.work / f"api-{args.accounts}"
        home.mkdir(parents=True, exist_ok=True)
    secret_file = home / "secrets.json"
    if secret_file.exists():
        secrets_kept = json.loads(secret_file.read_text())
    else:
        secrets_kept = {"password": secrets.token_urlsafe(16), "hash_key": secrets.token_hex(16)}
        secret_file.write_text(json.dumps(secrets_kept))
        secret_file.chmod(0o600)
    planted_mark = home / "planted.json"
    if not planted_mark.exists():
        # Planting CREATEs: an interrupted plant is started over, never topped up with duplicates.
        shutil.rmtree(home / "neo4j", ignore_errors=True)
    http_port = free_port()
    url = f"http://127.0.0.1:{http_port}"
    api: subprocess.Popen[bytes] | None = None
    try:
        with throwaway_neo4j(
            home, heap=args.heap, pagecache="1g", password=secrets_kept["password"]
        ) as neo4j:
            env = {
                **os.environ,
                **neo4j.env(),
                "LINKWATCH_INSTRUMENT_HASH_KEY": secrets_kept["hash_key"],
                "LINKWATCH_API_HOST": "127.0.0.1",
                "LINKWATCH_API_PORT": str(http_port),
                # One key drives hundreds of lookups a second here: the per-key limit would be the result.
                "LINKWATCH_API_RATE_LIMIT": "",
            }
            os.environ.update(env)
            get_settings.cache_clear()
            settings = get_settings()
            try:
                if planted_mark.exists():
                    built = json.loads(planted_mark.read_text())
                else:
                    built = _plant(settings, args.accounts)
                    if args.work is not None:
                        planted_mark.write_text(json.dumps(built))
                print(
                    f"planted {args.accounts:,} accounts, {built['campaigns']:.0f} campaigns, "
                    f"{built['nodes']:,.0f} nodes, "
                    f"{built['relationships']:,.0f} relationships in {built['seconds']:.0f} s",
                    flush=True,
                )
                with sync_driver(settings) as drv:
                    token = api_keys.create_key(drv, settings.neo4j_database, "bench", Role.VIEWER).token
                api = _start_api(env, args.workers, url)
                ids = _sample_ids(args.accounts, 20_000, seed=7)
                lookup = LEAN if args.lean else LOOKUP
                wrk = WrkClient(url, token, lookup, ids, home) if client == "wrk" else None
                results = asyncio.run(
                    _measure(
                        lookup,
                        settings,
                        url,
                        token,
                        ids,
                        levels,
                        args.duration,
                        args.warmup,
                        wrk,
                        lambda: _connection_split(api.pid, http_port),
                    )
                )
                report = {
                    "accounts": args.accounts,
                    "graph": built,
                    "workers": args.workers,
                    "query": "lean" if args.lean else "full",
                    "client": client,
                    "load_average_1m": os.getloadavg()[0],
                    "duration_s": args.duration,
                    "api_rss_mb": _rss_mb(api.pid),
                    "cpus": os.cpu_count(),
                    "results": results,
                }
                args.out.parent.mkdir(parents=True, exist_ok=True)
                args.out.write_text(json.dumps(report, indent=2))
                print(f"API processes RSS {report['api_rss_mb']:.0f} MB; wrote {args.out}")
            finally:
                # The API goes before the database it talks to.
                if api is not None:
                    os.killpg(api.pid, signal.SIGTERM)
                    api.wait(timeout=30)
    finally:
        if args.work is None:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
